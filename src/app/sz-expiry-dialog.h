/* sz-expiry-dialog.h: the expiry rule of points and its explicit,
 * previewed application (积分过期).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

GtkWidget *sz_expiry_dialog_new (GtkWidget *over,
                                 SzSession *session);

G_END_DECLS
