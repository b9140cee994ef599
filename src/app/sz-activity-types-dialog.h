/* sz-activity-types-dialog.h: the office's activity types and their
 * points rules (积分规则).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

GtkWidget *sz_activity_types_dialog_new (GtkWidget *over,
                                         SzSession *session);

G_END_DECLS
