/* sz-correction-dialog.h: a correction of a person's hours or points by
 * hand, with a reason (更正).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* Presents the form over @over's window; saving pushes an undo step. */
GtkWidget *sz_correction_dialog_new (GtkWidget *over,
                                     SzSession *session,
                                     gint64     person_id);

G_END_DECLS
