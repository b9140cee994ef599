/* sz-checks-page.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_CHECKS_PAGE (sz_checks_page_get_type ())
G_DECLARE_FINAL_TYPE (SzChecksPage, sz_checks_page, SZ, CHECKS_PAGE, GtkWidget)

/* Vacancies and the roster's checks; a row takes you to its place
 * through the "win.show-place" action, parameter (ix): SzNodeKind, id. */
GtkWidget *sz_checks_page_new             (SzSession    *session);

/* "Check again": runs the vacancy report and the checks now. */
void       sz_checks_page_check           (SzChecksPage *self);
/* What the page lists (running the checks first if the roster changed
 * since they last ran). */
guint      sz_checks_page_get_n_vacancies (SzChecksPage *self);
guint      sz_checks_page_get_n_problems  (SzChecksPage *self);
/* Activates row @index of the vacancies (@vacancy) or of the problems,
 * as a click does; FALSE when the row has no place to go to. */
gboolean   sz_checks_page_activate        (SzChecksPage *self,
                                           gboolean      vacancy,
                                           guint         index);

G_END_DECLS
