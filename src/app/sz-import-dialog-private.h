/* sz-import-dialog-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-import.h"
#include "sz-import-dialog.h"

G_BEGIN_DECLS

/* SzImportDialog is spread over four files: sz-import-dialog.c (the
 * object, and reading the file in its encoding and sheet),
 * sz-import-dialog-preview.c (the grid of rows under the columns'
 * headers and their mapping dropdowns, and paging),
 * sz-import-dialog-plan.c (what the import would do: the problems and
 * changes lists, the permissions) and sz-import-dialog-summary.c (the
 * import, its report and the page shown at the end). */

/* A column the user chose for a field (-1: not imported), kept across
 * re-reads of the same sheet. */
typedef struct
{
  int field;
  int column;
} Mapping;

struct _SzImportDialog
{
  GtkWindow          parent_instance;

  /* Template widgets */
  GtkButton         *import_button;
  GtkButton         *cancel_button;
  GtkButton         *close_button;
  GtkStack          *stack;
  GtkLabel          *file_label;
  GtkWidget         *sheet_box;
  GtkDropDown       *sheet_dropdown;
  GtkWidget         *encoding_box;
  GtkDropDown       *encoding_dropdown;
  GtkLabel          *missing_label;
  GtkPaned          *paned;
  GtkStack          *preview_stack;
  GtkScrolledWindow *preview_scroller;
  GtkGrid           *preview_grid;
  GtkLabel          *rows_label;
  GtkWidget         *earlier_button;
  GtkWidget         *later_button;
  GtkLabel          *read_error_label;
  GtkLabel          *read_hint_label;
  GtkLabel          *problems_label;
  GtkListView       *problems_view;
  GtkGrid           *report_grid;
  GtkCheckButton    *places_check;
  GtkCheckButton    *heads_check;
  GtkWidget         *flags_box;
  GtkWidget         *details_box;
  GtkWidget         *hint_label;
  GtkListView       *changes_view;
  GtkLabel          *summary_title;
  GtkGrid           *summary_grid;
  GtkLabel          *fixes_label;
  GtkWidget         *fixes_scroller;
  GtkListView       *fixes_view;

  /* Owned references */
  SzSession         *session;
  char              *path;
  char              *sheet;        /* NULL: the workbook's first */
  char              *encoding;     /* NULL: detect */
  char              *detected;     /* what detection found, marked in the list */
  char             **sheet_names;
  SzImport          *import;
  GArray            *hand;         /* Mapping: the user's, again after a re-read */
  GtkStringList     *field_model;
  GtkStringList     *problem_model;
  GtkStringList     *change_model;
  GtkStringList     *fix_model;
  GPtrArray         *problem_items; /* SzImportProblem, borrowed from the import */
  GPtrArray         *change_items;  /* SzImportChange, borrowed */
  GPtrArray         *fix_items;     /* SzImportProblem, borrowed */
  GPtrArray         *dropdowns;     /* per table column */
  GPtrArray         *cells;         /* PAGE_ROWS × (1 + columns) labels */
  GHashTable        *marks;         /* cell key → the worst SzImportProblem there */

  SzImportFlags      flags;
  guint              n_columns;
  guint              first_row;
  int                current_row;  /* where a problem took us; -1 */
  int                current_column;
  guint              scroll_tick;
  gboolean           is_text;      /* encodings are offered */
  gboolean           plan_ok;
  gboolean           applied;
  gboolean           updating;     /* widgets set from the import, not by the user */
};

/* sz-import-dialog-preview.c: the preview of self->import's table. */
void  _sz_import_dialog_build_preview      (SzImportDialog       *self);
void  _sz_import_dialog_update_cells       (SzImportDialog       *self);
void  _sz_import_dialog_mark_problems      (SzImportDialog       *self,
                                            GPtrArray            *problems);
void  _sz_import_dialog_update_mapping     (SzImportDialog       *self);
void  _sz_import_dialog_show_row           (SzImportDialog       *self,
                                            int                   row,
                                            int                   column);

/* sz-import-dialog-plan.c: the lists' rows read items the import owns,
 * so the lists are cleared before the import changes or goes. */
void  _sz_import_dialog_init_lists         (SzImportDialog       *self);
void  _sz_import_dialog_set_strings        (GtkStringList        *model,
                                            GPtrArray            *texts);
void  _sz_import_dialog_clear_lists        (SzImportDialog       *self);
void  _sz_import_dialog_refresh            (SzImportDialog       *self);

/* sz-import-dialog-summary.c */
void  _sz_import_dialog_fill_report        (GtkGrid              *grid,
                                            const SzImportReport *r,
                                            guint                 per_line,
                                            const char           *today);

/* Each file binds its template children's callbacks. */
void  _sz_import_dialog_class_preview_init (GtkWidgetClass       *widget_class);
void  _sz_import_dialog_class_plan_init    (GtkWidgetClass       *widget_class);
void  _sz_import_dialog_class_summary_init (GtkWidgetClass       *widget_class);

G_END_DECLS
