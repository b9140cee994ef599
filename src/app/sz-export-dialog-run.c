/* sz-export-dialog-run.c: from the file chooser to the "finished" signal
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-export-dialog-private.h"

/* What the export thread works from: copies only, nothing shared with
 * the window but the atomics of the progress. */
typedef struct
{
  GTask           *task;          /* not a reference: the task owns this */
  char            *db_path;
  gint64           community_id;
  SzNodeKind       place_kind;
  gint64           place_id;
  guint            kinds;
  GArray          *refs;          /* or NULL: the place's boards of @kinds */
  SzPaper          paper;
  SzBoardStyle     style;
  SzEngine         engine;
  SzExportMode     mode;
  char            *output;
  SzExportSummary  summary;
  int              done;          /* atomic */
  int              total;         /* atomic */
  int              pending;       /* atomic: a progress update is queued */
} Job;

static void
job_free (gpointer data)
{
  Job *job = data;

  g_free (job->db_path);
  g_clear_pointer (&job->refs, g_array_unref);
  g_free (job->output);
  if (job->summary.problems != NULL)
    sz_export_summary_clear (&job->summary);
  g_free (job);
}

/* Export thread */

static gboolean
show_progress_cb (gpointer data)
{
  GTask *task = data;
  SzExportDialog *self = g_task_get_source_object (task);
  Job *job = g_task_get_task_data (task);
  guint done, total;
  g_autofree char *text = NULL;

  g_atomic_int_set (&job->pending, 0);
  if (self->task != task || self->disposed)
    return G_SOURCE_REMOVE;
  done = g_atomic_int_get (&job->done);
  total = g_atomic_int_get (&job->total);
  /* Translators: progress of an export: boards done, of how many */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u board", "%u of %u boards", total), done, total);
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_progress_bar_set_fraction (self->progress_bar, total > 0 ? (double) done / total : 0);
  return G_SOURCE_REMOVE;
}

/* Called in the export thread: at most one update waits in the main loop,
 * however fast boards are written. */
static void
on_progress (guint    done,
             guint    total,
             gpointer user_data)
{
  Job *job = user_data;

  g_atomic_int_set (&job->done, done);
  g_atomic_int_set (&job->total, total);
  if (g_atomic_int_compare_and_exchange (&job->pending, 0, 1))
    g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, show_progress_cb, g_object_ref (job->task),
                                g_object_unref);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr(GError) error = NULL;
  /* SQLite connections must not cross threads: this one is the thread's. */
  g_autoptr(SzDb) db = sz_db_open (job->db_path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(GArray) refs = NULL;
  SzExportOptions options = { 0 };

  if (db == NULL || (source = sz_board_source_new (db, job->community_id, &error)) == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  if (job->refs != NULL)
    refs = g_array_ref (job->refs);
  else
    {
      SzTreeNode *node = sz_board_source_find (source, job->place_kind, job->place_id);

      refs = node ? sz_board_source_select (source, node, job->kinds) : g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
    }
  if (refs->len == 0)
    {
      g_task_return_new_error (task, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID, "%s",
                               _("The place chosen has no boards of the kinds ticked."));
      return;
    }

  options.paper = job->paper;
  options.style = job->style;
  options.engine = job->engine;
  options.mode = job->mode;
  options.output = job->output;
  options.progress = on_progress;
  options.progress_data = job;
  options.cancellable = cancellable;
  if (!sz_export_boards (source, refs, &options, &job->summary, &error))
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (object);
  GTask *task = G_TASK (result);
  Job *job = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  gboolean ok = g_task_propagate_boolean (task, &error);

  g_clear_object (&self->task);
  g_clear_object (&self->cancellable);
  if (self->has_summary)
    sz_export_summary_clear (&self->summary);
  self->summary = job->summary;
  memset (&job->summary, 0, sizeof job->summary);
  self->has_summary = TRUE;
  g_free (self->folder);
  self->folder = job->mode == SZ_EXPORT_ONE_FILE ? g_path_get_dirname (job->output) : g_strdup (job->output);

  if (!self->disposed)
    {
      _sz_export_dialog_show_summary (self, ok, error);
      if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
          && _sz_export_dialog_count_refused (&self->summary, error) == 0)
        sz_show_error (GTK_WIDGET (self), _("The boards could not all be exported"), error);
    }
  /* The prints were recorded: the stale list and counts change. */
  if (self->summary.boards > 0)
    sz_session_changed (self->session);
  _sz_export_dialog_emit_finished (self, ok);
}

/* Target */

static void
on_chooser_response_cb (SzExportDialog *self,
                        int             response,
                        GtkNativeDialog *chooser)
{
  GSettings *settings = sz_session_get_settings (self->session);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;
  gboolean one_file = gtk_check_button_get_active (self->one_file_radio);

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  if (one_file && !g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
    {
      g_autofree char *with_pdf = g_strconcat (path, ".pdf", NULL);

      g_object_unref (file);
      file = g_file_new_for_path (with_pdf);
    }
  folder = one_file ? g_file_get_parent (file) : g_object_ref (file);
  if (settings != NULL && folder != NULL)
    {
      g_autofree char *folder_path = g_file_get_path (folder);

      g_settings_set_string (settings, "export-folder", folder_path ? folder_path : "");
    }
  sz_export_dialog_start (self, file);
}

static char *
suggested_name (SzExportDialog *self)
{
  g_autoptr(GString) name = g_string_new (self->place_title);

  /* A file name that is the place, without the characters that trouble
   * file systems. */
  g_string_replace (name, "/", "-", 0);
  g_string_replace (name, "\\", "-", 0);
  g_string_replace (name, " ", "-", 0);
  if (name->len == 0)
    g_string_append (name, _("boards"));
  g_string_append (name, ".pdf");
  return g_string_free (g_steal_pointer (&name), FALSE);
}

static void
on_export_button_clicked_cb (SzExportDialog *self)
{
  gboolean one_file = gtk_check_button_get_active (self->one_file_radio);
  GtkFileChooserNative *chooser;
  g_autoptr(GFile) folder = sz_export_start_folder (sz_session_get_settings (self->session));

  if (self->task != NULL || self->chooser != NULL)
    return;
  chooser = gtk_file_chooser_native_new (one_file ? _("Export PDF") : _("Choose a Folder for the PDF Files"),
                                         GTK_WINDOW (self),
                                         one_file ? GTK_FILE_CHOOSER_ACTION_SAVE : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                         _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  if (one_file)
    {
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
      g_autofree char *name = suggested_name (self);

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_filter_add_suffix (filter, "pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
    }
  self->chooser = GTK_NATIVE_DIALOG (chooser);
  g_signal_connect_object (chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (self->chooser);
}

void
_sz_export_dialog_class_run_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
}

void
sz_export_dialog_start (SzExportDialog *self,
                        GFile          *target)
{
  g_autoptr(GError) error = NULL;
  Job *job;
  g_autofree char *text = NULL;

  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (G_IS_FILE (target));
  g_return_if_fail (self->task == NULL);

  job = g_new0 (Job, 1);
  job->db_path = g_strdup (sz_db_get_path (sz_session_get_db (self->session)));
  job->community_id = sz_session_get_community_id (self->session);
  job->place_kind = self->place_kind;
  job->place_id = self->place_id;
  job->kinds = _sz_export_dialog_get_kinds (self);
  if (self->refs != NULL)
    job->refs = g_array_ref (self->refs);
  job->style = self->style;
  job->engine = self->engine;
  job->mode = gtk_check_button_get_active (self->per_board_radio) ? SZ_EXPORT_PER_BOARD : SZ_EXPORT_ONE_FILE;
  job->output = g_file_get_path (target);
  sz_export_summary_init (&job->summary);
  if (!sz_paper_parse (self->paper, self->landscape, &job->paper, &error) || job->output == NULL)
    {
      if (error == NULL)
        g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "%s",
                     _("Choose a folder on this computer: the boards cannot be written there."));
      job_free (job);
      gtk_label_set_text (self->options_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->options_error_label), TRUE);
      sz_show_error (GTK_WIDGET (self), _("The boards could not be exported"), error);
      return;
    }

  self->cancellable = g_cancellable_new ();
  self->task = g_task_new (self, self->cancellable, on_export_done_cb, NULL);
  job->task = self->task;
  g_task_set_task_data (self->task, job, job_free);
  g_task_set_name (self->task, "sz-export");
  /* A cancel that comes after the last board is no cancel: the files are
   * written and recorded, and the summary must say so. */
  g_task_set_check_cancellable (self->task, FALSE);

  /* Translators: %s is a place, or the stale boards */
  text = g_strdup_printf (_("Exporting the boards of %s…"), self->place_title);
  gtk_label_set_text (self->progress_label, self->refs ? _("Exporting the boards to reprint…") : text);
  gtk_progress_bar_set_fraction (self->progress_bar, 0);
  gtk_progress_bar_set_text (self->progress_bar, _("Checking the boards…"));
  gtk_widget_set_visible (GTK_WIDGET (self->options_error_label), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->export_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "progress");
  g_task_run_in_thread (self->task, export_thread);
}

void
sz_export_dialog_cancel (SzExportDialog *self)
{
  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));

  if (self->cancellable != NULL)
    {
      g_cancellable_cancel (self->cancellable);
      gtk_progress_bar_set_text (self->progress_bar, _("Cancelling…"));
    }
}
