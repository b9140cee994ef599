/* sz-record-credits-dialog.h: resolved records brought in by heads, whose
 * points staff credit one by one (待记积分的民情).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

GtkWidget *sz_record_credits_dialog_new (GtkWidget *over,
                                         SzSession *session);

G_END_DECLS
