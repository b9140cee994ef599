/* sz-export-dialog-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-export-dialog.h"

G_BEGIN_DECLS

/* SzExportDialog is spread over three files: sz-export-dialog.c (the
 * options page and the object), sz-export-dialog-run.c (from the file
 * chooser to "finished", with the export thread) and
 * sz-export-dialog-summary.c (the page shown at the end). */
struct _SzExportDialog
{
  GtkWindow        parent_instance;

  /* Template widgets */
  GtkButton       *close_button;
  GtkButton       *export_button;
  GtkStack        *stack;
  GtkLabel        *place_label;
  GtkWidget       *kinds_box;
  GtkCheckButton  *unit_check;
  GtkCheckButton  *building_check;
  GtkCheckButton  *grid_check;
  GtkCheckButton  *community_check;
  GtkCheckButton  *one_file_radio;
  GtkCheckButton  *per_board_radio;
  GtkLabel        *layout_label;
  GtkLabel        *engine_label;
  GtkLabel        *options_error_label;
  GtkLabel        *progress_label;
  GtkProgressBar  *progress_bar;
  GtkLabel        *result_label;
  GtkLabel        *error_label;
  GtkLabel        *files_label;
  GtkButton       *open_folder_button;
  GtkLabel        *phones_label;
  GtkLabel        *vacancies_label;
  GtkLabel        *fonts_label;
  GtkLabel        *qr_label;
  GtkWidget       *counts_grid;
  GtkWidget       *problems_box;
  GtkListBox      *problems_list;

  /* Owned references */
  SzSession       *session;
  GArray          *refs;
  char            *place_title;
  char            *paper;
  GCancellable    *cancellable;
  GTask           *task;          /* the running export */
  GtkNativeDialog *chooser;
  char            *folder;        /* where the files of the last export are */
  SzExportSummary  summary;

  SzNodeKind       place_kind;
  gint64           place_id;
  guint            n_boards[SZ_N_BOARD_KINDS];
  gboolean         landscape;
  SzBoardStyle     style;
  SzEngine         engine;
  gboolean         has_summary;
  gboolean         disposed;
};

/* Shared by the files. */
guint  _sz_export_dialog_get_kinds          (SzExportDialog        *self);
void   _sz_export_dialog_emit_finished      (SzExportDialog        *self,
                                             gboolean               success);

/* Each file binds its template children's callbacks. */
void   _sz_export_dialog_class_run_init     (GtkWidgetClass        *widget_class);
void   _sz_export_dialog_class_summary_init (GtkWidgetClass        *widget_class);

/* The summary page of self->summary, in self->folder; @error is why the
 * export failed, when it did. */
void   _sz_export_dialog_show_summary       (SzExportDialog        *self,
                                             gboolean               ok,
                                             const GError          *error);
guint  _sz_export_dialog_count_refused      (const SzExportSummary *s,
                                             const GError          *error);

G_END_DECLS
