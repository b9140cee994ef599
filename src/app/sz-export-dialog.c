/* sz-export-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-export-dialog.h"
#include "sz-tree.h"

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

G_DEFINE_FINAL_TYPE (SzExportDialog, sz_export_dialog, GTK_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_titles[SZ_N_BOARD_KINDS] = {
  N_("Unit boards"),
  N_("Building boards"),
  N_("Grid boards"),
  N_("Community board"),
};

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

static GtkCheckButton *
kind_check (SzExportDialog *self,
            SzBoardKind     kind)
{
  GtkCheckButton *checks[] = { self->unit_check, self->building_check, self->grid_check, self->community_check };

  return checks[kind];
}

static guint
selected_kinds (SzExportDialog *self)
{
  guint kinds = 0;

  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    if (self->n_boards[k] > 0 && gtk_check_button_get_active (kind_check (self, k)))
      kinds |= 1u << k;
  return kinds;
}

static void
update_export_button (SzExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->task == NULL && (self->refs != NULL ? self->refs->len > 0 : selected_kinds (self) != 0));
}

static void
on_kind_toggled_cb (SzExportDialog *self)
{
  update_export_button (self);
}

/* Counts the place's boards of each kind, for the checkboxes; kinds it has
 * none of are not offered. */
static void
load_place (SzExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = sz_board_source_new (sz_session_get_db (self->session),
                                                         sz_session_get_community_id (self->session), &error);
  SzTreeNode *node = source ? sz_board_source_find (source, self->place_kind, self->place_id) : NULL;
  g_autofree char *text = NULL;

  if (source == NULL)
    {
      gtk_label_set_text (self->options_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->options_error_label), TRUE);
    }
  if (node != NULL)
    {
      SzLevel levels[] = { [SZ_NODE_GRID] = SZ_LEVEL_GRID, [SZ_NODE_BUILDING] = SZ_LEVEL_BUILDING,
                           [SZ_NODE_UNIT] = SZ_LEVEL_UNIT };

      if (node->kind == SZ_NODE_GRID || node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
        self->place_title = sz_place_label (sz_session_get_db (self->session), levels[node->kind], node->id, NULL);
      if (self->place_title == NULL)
        self->place_title = g_strdup (node->label);
      for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
        {
          g_autoptr(GArray) refs = sz_board_source_select (source, node, 1u << k);

          self->n_boards[k] = refs->len;
        }
    }
  if (self->place_title == NULL)
    self->place_title = g_strdup ("");

  /* Translators: %s is a place: "丰和林苑 2栋" or "丰和社区" */
  text = g_strdup_printf (_("The boards of %s and of every place in it."), self->place_title);
  gtk_label_set_text (self->place_label, text);
  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    {
      g_autofree char *label = NULL;

      /* Translators: a kind of boards and how many the place has: "Unit boards (148)" */
      label = g_strdup_printf (_("%s (%u)"), _(kind_titles[k]), self->n_boards[k]);
      gtk_check_button_set_label (kind_check (self, k), label);
      gtk_widget_set_visible (GTK_WIDGET (kind_check (self, k)), self->n_boards[k] > 0);
    }
  /* Unit boards by default, the ones printed most; else the first kind
   * the place has. */
  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    if (self->n_boards[k] > 0)
      {
        gtk_check_button_set_active (kind_check (self, k), TRUE);
        break;
      }
}

static void
update_layout_label (SzExportDialog *self)
{
  g_autofree char *paper = NULL;
  g_autofree char *text = NULL;
  SzPaper p;

  if (g_ascii_strcasecmp (self->paper, "A4") == 0 || g_ascii_strcasecmp (self->paper, "A3") == 0)
    paper = g_ascii_strup (self->paper, -1);
  else if (sz_paper_parse (self->paper, FALSE, &p, NULL))
    /* Translators: a paper size in millimetres, width × height */
    paper = g_strdup_printf (_("%.0f × %.0f mm"), p.width * 25.4 / 72, p.height * 25.4 / 72);
  else
    paper = g_strdup (self->paper);
  /* Translators: paper, orientation ("portrait"), style ("Party red") */
  text = g_strdup_printf (_("%s, %s, %s: as chosen above the preview."), paper,
                          self->landscape ? _("landscape") : _("portrait"), sz_board_style_title (self->style));
  gtk_label_set_text (self->layout_label, text);
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

/* Summary */


static GtkWidget *
problem_row_new (const SzExportProblem *p)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *icon;
  GtkWidget *label;
  g_autofree char *text = NULL;
  gboolean refused = p->kind == SZ_PROBLEM_FONT_REFUSED || p->kind == SZ_PROBLEM_FAILED;

  icon = gtk_image_new_from_icon_name (refused ? "dialog-error-symbolic" : "dialog-warning-symbolic");
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  if (p->place != NULL && *p->place)
    /* Translators: a place, then what is wrong with its board */
    text = g_strdup_printf (_("%s: %s"), p->place, p->message);
  else
    text = g_strdup (p->message);
  label = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 50);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A problem of the whole document (the engine switch) has no place. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), p->place_id != 0);
  if (p->place_id != 0)
    gtk_widget_set_tooltip_text (row, _("Go to this place"));
  g_object_set_data (G_OBJECT (row), "node-kind", GINT_TO_POINTER (sz_board_kind_to_node_kind (p->board_kind)));
  g_object_set_data_full (G_OBJECT (row), "place-id", g_memdup2 (&p->place_id, sizeof p->place_id), g_free);
  return row;
}

static void
on_problems_list_row_activated_cb (SzExportDialog *self,
                                   GtkListBoxRow  *row)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SzNodeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "node-kind"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "place-id");

  if (parent != NULL && id != NULL && *id != 0)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-place", "(ix)", (int) kind, *id);
}

static void
set_count (GtkLabel *label,
           guint     n)
{
  g_autofree char *text = g_strdup_printf ("%u", n);

  gtk_label_set_text (label, text);
}

static void
show_summary (SzExportDialog *self,
              gboolean        ok,
              const GError   *error)
{
  const SzExportSummary *s = &self->summary;
  g_autofree char *result = NULL;
  g_autofree char *files = NULL;
  guint qr_old = 0;
  GtkWidget *child;

  if (ok)
    /* Translators: boards exported, pages */
    result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Exported %u board on %u pages.",
                                           "Exported %u boards on %u pages.", s->boards),
                              s->boards, s->pages);
  else if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    /* Translators: boards written before the user cancelled */
    result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Export cancelled after %u board.",
                                           "Export cancelled after %u boards.", s->boards), s->boards);
  else
    result = g_strdup (_("The boards could not all be exported."));
  gtk_label_set_text (self->result_label, result);
  gtk_label_set_text (self->error_label, ok || error == NULL ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          !ok && error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

  if (s->files->len == 1)
    files = g_strdup (g_ptr_array_index (s->files, 0));
  else if (s->files->len > 1)
    /* Translators: how many PDF files, in which folder */
    files = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u file in %s", "%u files in %s", s->files->len),
                             s->files->len, self->folder);
  else
    files = g_strdup (_("No file was written."));
  gtk_label_set_text (self->files_label, files);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->files_label), self->folder);
  gtk_widget_set_visible (GTK_WIDGET (self->open_folder_button), s->files->len > 0);

  for (guint i = 0; i < s->problems->len; i++)
    qr_old += ((SzExportProblem *) g_ptr_array_index (s->problems, i))->kind == SZ_PROBLEM_QR_OLD;
  set_count (self->phones_label, s->phones_withheld);
  set_count (self->vacancies_label, s->vacancies);
  set_count (self->fonts_label, s->font_problems);
  set_count (self->qr_label, qr_old);
  /* The counts come from checking every board first: after a cancel or a
   * failure they would describe files that were never written. */
  gtk_widget_set_visible (self->counts_grid, ok);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);
  for (guint i = 0; i < s->problems->len; i++)
    gtk_list_box_append (self->problems_list, problem_row_new (g_ptr_array_index (s->problems, i)));
  gtk_widget_set_visible (self->problems_box, s->problems->len > 0);

  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_button_set_label (self->close_button, _("_Close"));
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  /* Not on the selectable file name, which would show all selected. */
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
  /* Problems lead to places in the window: let the user go there with
   * the summary still open. */
  gtk_window_set_modal (GTK_WINDOW (self), FALSE);
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
      show_summary (self, ok, error);
      if (!ok && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        sz_show_error (GTK_WIDGET (self), _("The boards could not all be exported"), error);
    }
  /* The prints were recorded: the stale list and counts change. */
  if (self->summary.boards > 0)
    sz_session_changed (self->session);
  g_signal_emit (self, signals[FINISHED], 0, ok);
}

/* Buttons */

static void
on_launch_done_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(SzExportDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!g_app_info_launch_default_for_uri_finish (result, &error) && !self->disposed)
    sz_show_error (GTK_WIDGET (self), _("The folder could not be opened"), error);
}

static void
on_open_folder_button_clicked_cb (SzExportDialog *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *uri = NULL;
  g_autoptr(GdkAppLaunchContext) context = NULL;

  if (self->folder == NULL)
    return;
  folder = g_file_new_for_path (self->folder);
  uri = g_file_get_uri (folder);
  context = gdk_display_get_app_launch_context (gtk_widget_get_display (GTK_WIDGET (self)));
  g_app_info_launch_default_for_uri_async (uri, G_APP_LAUNCH_CONTEXT (context), NULL, on_launch_done_cb,
                                           g_object_ref (self));
}

static void
on_close_button_clicked_cb (SzExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_button_clicked_cb (SzExportDialog *self)
{
  sz_export_dialog_cancel (self);
}

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

static gboolean
sz_export_dialog_close_request (GtkWindow *window)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (window);

  /* Closing during an export stops it; what was written stays listed in
   * the files, and "finished" still comes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sz_export_dialog_parent_class)->close_request (window);
}

static void
sz_export_dialog_dispose (GObject *object)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (sz_export_dialog_parent_class)->dispose (object);
}

static void
sz_export_dialog_finalize (GObject *object)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->refs, g_array_unref);
  g_free (self->place_title);
  g_free (self->paper);
  g_free (self->folder);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  if (self->has_summary)
    sz_export_summary_clear (&self->summary);
  G_OBJECT_CLASS (sz_export_dialog_parent_class)->finalize (object);
}

static void
sz_export_dialog_class_init (SzExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_export_dialog_dispose;
  object_class->finalize = sz_export_dialog_finalize;
  window_class->close_request = sz_export_dialog_close_request;

  /**
   * SzExportDialog::finished:
   * @success: whether every board chosen was written
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, place_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, unit_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, building_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, grid_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, community_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, one_file_radio);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, per_board_radio);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, engine_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, options_error_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, files_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, open_folder_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, phones_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, vacancies_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, fonts_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, qr_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_list_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_export_dialog_init (SzExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paper = g_strdup ("A4");
  self->style = SZ_STYLE_RED;
  self->engine = SZ_ENGINE_HARU;
}

GtkWidget *
sz_export_dialog_new (GtkWindow  *parent,
                      SzSession  *session,
                      SzNodeKind  kind,
                      gint64      place_id)
{
  SzExportDialog *self;
  GSettings *settings;
  g_autofree char *engine = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->place_kind = kind;
  self->place_id = place_id;
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (settings, "paper");

      self->engine = g_settings_get_enum (settings, "engine") == SZ_ENGINE_CAIRO ? SZ_ENGINE_CAIRO : SZ_ENGINE_HARU;
      sz_export_dialog_set_layout (self, paper, g_settings_get_boolean (settings, "landscape"),
                                   g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN
                                                                                             : SZ_STYLE_RED);
    }
  /* Translators: %s is the engine's name: "libharu" or "cairo" */
  engine = g_strdup_printf (_("PDF engine: %s (set in Preferences). Boards with characters libharu cannot draw "
                              "are drawn with cairo."),
                            self->engine == SZ_ENGINE_CAIRO ? "cairo" : "libharu");
  gtk_label_set_text (self->engine_label, engine);
  load_place (self);
  update_layout_label (self);
  update_export_button (self);
  return GTK_WIDGET (self);
}

void
sz_export_dialog_set_kinds (SzExportDialog *self,
                            guint           kinds)
{
  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));

  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    gtk_check_button_set_active (kind_check (self, k), (kinds & (1u << k)) != 0);
}

void
sz_export_dialog_set_refs (SzExportDialog *self,
                           GArray         *refs)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (refs != NULL);

  g_clear_pointer (&self->refs, g_array_unref);
  self->refs = g_array_sized_new (FALSE, FALSE, sizeof (SzBoardRef), refs->len);
  g_array_append_vals (self->refs, refs->data, refs->len);
  /* Translators: the stale boards about to be exported again */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u board whose content changed since it was printed.",
                                       "The %u boards whose content changed since they were printed.", refs->len),
                          refs->len);
  gtk_label_set_text (self->place_label, text);
  gtk_widget_set_visible (self->kinds_box, FALSE);
  g_free (self->place_title);
  /* Translators: the suggested file name (without .pdf) of a reprint */
  self->place_title = g_strdup (_("boards-to-reprint"));
  update_export_button (self);
}

void
sz_export_dialog_set_one_per_board (SzExportDialog *self,
                                    gboolean        one)
{
  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (one ? self->per_board_radio : self->one_file_radio, TRUE);
}

void
sz_export_dialog_set_layout (SzExportDialog *self,
                             const char     *paper,
                             gboolean        landscape,
                             SzBoardStyle    style)
{
  SzPaper p;

  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));

  g_free (self->paper);
  self->paper = g_strdup (paper != NULL && sz_paper_parse (paper, landscape, &p, NULL) ? paper : "A4");
  self->landscape = landscape;
  self->style = style;
  update_layout_label (self);
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
  job->kinds = selected_kinds (self);
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

const SzExportSummary *
sz_export_dialog_get_summary (SzExportDialog *self)
{
  g_return_val_if_fail (SZ_IS_EXPORT_DIALOG (self), NULL);
  return self->has_summary ? &self->summary : NULL;
}
