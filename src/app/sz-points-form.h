/* sz-points-form.h: what the points page's forms share (private to the
 * points files of src/app): the dialog frame, a row of a form with its
 * error line, the undo step that reverses movements, a reason asked
 * before something that cannot be undone, and saving a PDF.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-points.h"
#include "sz-session.h"

G_BEGIN_DECLS

/* Today in Asia/Shanghai: "2026-12-07". */
char       *sz_points_today           (void);

/* A modal dialog over @over's window with _Cancel and @accept in its
 * header bar (GTK_RESPONSE_ACCEPT, the default) and a grid in it. */
GtkWidget  *sz_points_dialog_new      (GtkWidget    *over,
                                       const char   *title,
                                       const char   *accept,
                                       GtkGrid     **grid);
/* A field at @row of @grid with its mnemonic label, and the error line
 * under it at @row + 1, which it returns.  @name names the field for the
 * tests (gtk_widget_set_name) and its error line "NAME-error". */
GtkWidget  *sz_points_form_row        (GtkGrid      *grid,
                                       int           row,
                                       const char   *label,
                                       GtkWidget    *field,
                                       const char   *name);
/* A right-aligned dim note (units, what a figure means). */
GtkWidget  *sz_points_note_new        (const char   *text);

/* Pushes the step that reverses @ids (each with the reason "Undone"),
 * newest first, in one transaction. */
void        sz_points_push_reverse_undo (SzSession    *session,
                                         const char   *label,
                                         const gint64 *ids,
                                         guint         n_ids);

/* Asks for a reason (required) and calls @func with it; @func's error
 * shows under the field and the dialog stays.  Returns the dialog. */
typedef gboolean (*SzReasonFunc) (const char  *reason,
                                  gpointer     data,
                                  GError     **error);
GtkWidget  *sz_points_ask_reason      (GtkWidget      *over,
                                       const char     *title,
                                       const char     *detail,
                                       const char     *accept,
                                       SzReasonFunc    func,
                                       gpointer        data,
                                       GDestroyNotify  destroy);

/* A row of the points lists: one core struct, freed with the row. */
#define SZ_TYPE_POINTS_ITEM (sz_points_item_get_type ())
G_DECLARE_FINAL_TYPE (SzPointsItem, sz_points_item, SZ, POINTS_ITEM, GObject)

struct _SzPointsItem
{
  GObject         parent_instance;

  gpointer        data;
  GDestroyNotify  destroy;
};

SzPointsItem *sz_points_item_new      (gpointer        data,
                                       GDestroyNotify  destroy);
/* The core struct of @model's item at @position (borrowed), or NULL. */
gpointer    sz_points_model_get       (GListModel     *model,
                                       guint           position);

/* A column of labels: @text says what a row shows (newly allocated);
 * @compare, when not NULL, makes the column sortable.  @numeric aligns
 * right.  @name names the column for the tests. */
typedef char *(*SzCellText)    (gpointer data);
GtkColumnViewColumn *sz_points_add_column (GtkColumnView    *view,
                                           const char       *title,
                                           SzCellText        text,
                                           GCompareDataFunc  compare,
                                           gboolean          numeric,
                                           gboolean          expand);
/* A scrolled column view whose rows are @store's, sorted by the columns
 * the user sorts by; @selection is a GtkSingleSelection, or a
 * GtkMultiSelection when @multiple (the view's). */
GtkWidget  *sz_points_list_new        (GListStore     *store,
                                       gboolean        multiple,
                                       GtkSelectionModel **selection,
                                       GtkColumnView **view);
/* The text a cell of @view shows at @row in @column (for the tests). */
char       *sz_points_list_cell_text  (GtkColumnView  *view,
                                       guint           row,
                                       guint           column);

/* A window that edits a list (activity types, rewards): a list of the
 * entries on the left, the form of the chosen one on the right, with
 * "New" in the header bar and "_Save" under the form.  @list and @grid
 * are set; the caller connects "row-selected" and the buttons ("new" and
 * "save" by name). */
GtkWidget  *sz_points_editor_new      (GtkWidget    *over,
                                       const char   *title,
                                       const char   *new_label,
                                       GtkListBox  **list,
                                       GtkGrid     **grid,
                                       GtkWidget   **new_button,
                                       GtkWidget   **save_button);
/* A row of an editor's list: @text, dim when @retired; @id on it. */
void        sz_points_editor_add_row  (GtkListBox   *list,
                                       const char   *text,
                                       const char   *detail,
                                       gboolean      retired,
                                       gint64        id);
gint64      sz_points_editor_row_id   (GtkListBoxRow *row);

/* "Grid head", …, "No post" for a level as SzPointsBalance has it. */
const char *sz_points_level_title     (int           level);

G_END_DECLS
