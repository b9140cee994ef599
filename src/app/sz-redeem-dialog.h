/* sz-redeem-dialog.h: a redemption of points for a reward (兑换).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* Presents the form over @over's window, for @person_id (0: choose);
 * saving pushes an undo step that gives back the points and the stock. */
GtkWidget *sz_redeem_dialog_new (GtkWidget *over,
                                 SzSession *session,
                                 gint64     person_id);

G_END_DECLS
