/* sz-activity-dialog.h: one occasion of an activity entered once for all
 * its participants (登记活动).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* Presents the form over @over's window: the type, the day, the title,
 * the people taking part (searchable, ticked, with their hours), and the
 * points each gets.  Saving writes all of it in one step and pushes an
 * undo step that reverses it. */
GtkWidget *sz_activity_dialog_new (GtkWidget *over,
                                   SzSession *session);

G_END_DECLS
