/* sz-place-page.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

#define SZ_TYPE_PLACE_PAGE (sz_place_page_get_type ())
G_DECLARE_FINAL_TYPE (SzPlacePage, sz_place_page, SZ, PLACE_PAGE, GtkWidget)

/* The selected place: its form, heads, hotlines and households. */
GtkWidget  *sz_place_page_new                   (SzSession   *session);

/* What the page's buttons do, for tests; each works on the place the
 * session has selected.
 *
 * Form fields, by place: community "name", "street-office", "address",
 * "office-phone", "supervision-phone", "board-title"; grid "number",
 * "name", "households"; compound "name", "address", "property-company",
 * "property-phone"; building "name", "floors"; unit "number", "floors",
 * "households".  "form" is the message under the whole form. */
void        sz_place_page_set_field             (SzPlacePage *self,
                                                 const char  *field_id,
                                                 const char  *text);
const char *sz_place_page_get_field             (SzPlacePage *self,
                                                 const char  *field_id);
/* The Save button (or Enter in a field): TRUE when saved or nothing
 * changed; FALSE with the message under its field, nothing saved. */
gboolean    sz_place_page_save                  (SzPlacePage *self);
/* The message shown under a field, or NULL. */
const char *sz_place_page_get_field_error       (SzPlacePage *self,
                                                 const char  *field_id);
gboolean    sz_place_page_can_save              (SzPlacePage *self);

/* The households warning under the form (a grid's recorded households
 * against its units' sum, or its size), or NULL when there is none. */
const char *sz_place_page_get_households_warning (SzPlacePage *self);

/* What picking a person in "Appoint head…" does (@chosen_by: SzChosenBy);
 * a refusal is shown with sz_show_error(). */
void        sz_place_page_appoint               (SzPlacePage *self,
                                                 gint64       person_id,
                                                 int          chosen_by);
/* What "End Term…" does once confirmed (@end_date NULL: today). */
gboolean    sz_place_page_end_term              (SzPlacePage *self,
                                                 const char  *end_date,
                                                 const char  *reason,
                                                 GError     **error);

/* "Add Hotline…": opens (and returns) the SzHotlineDialog for the place's
 * own hotlines; NULL for a grid or unit, which have none of their own. */
GtkWidget  *sz_place_page_add_hotline           (SzPlacePage *self);
/* The rows of the hotlines section, in order: the hotline's id, and
 * whether it is the place's own (editable here) or inherited. */
guint       sz_place_page_get_n_hotlines        (SzPlacePage *self);
gint64      sz_place_page_get_hotline           (SzPlacePage *self,
                                                 guint        index,
                                                 gboolean    *own);
/* "Remove" once confirmed, and "Mark verified today"; both push an undo
 * step. */
gboolean    sz_place_page_remove_hotline        (SzPlacePage *self,
                                                 gint64       hotline_id,
                                                 GError     **error);
gboolean    sz_place_page_mark_hotline_verified (SzPlacePage *self,
                                                 gint64       hotline_id,
                                                 GError     **error);

G_END_DECLS
