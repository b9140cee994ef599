/* sz-export-dialog-summary.c: the page the export dialog ends on
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-export-dialog-private.h"

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

/* How many boards were refused, when that is why nothing was written
 * (sz_export_boards() fails with SZ_RENDER_ERROR_FONT and lists them). */
guint
_sz_export_dialog_count_refused (const SzExportSummary *s,
                                 const GError          *error)
{
  guint n = 0;

  if (!g_error_matches (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT))
    return 0;
  for (guint i = 0; i < s->problems->len; i++)
    n += ((SzExportProblem *) g_ptr_array_index (s->problems, i))->kind == SZ_PROBLEM_FONT_REFUSED;
  return n;
}

void
_sz_export_dialog_show_summary (SzExportDialog *self,
                                gboolean        ok,
                                const GError   *error)
{
  const SzExportSummary *s = &self->summary;
  g_autofree char *result = NULL;
  g_autofree char *files = NULL;
  guint qr_old = 0;
  guint refused = ok ? 0 : _sz_export_dialog_count_refused (s, error);
  GtkWidget *child;

  if (refused > 0)
    /* Translators: nothing was written; the list below says which
     * character of which person or field */
    result = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "No board was exported: it has a character that cannot be printed.",
                                           "No board was exported: each of the %u boards has a character that "
                                           "cannot be printed.", refused), refused);
  else if (ok)
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
  /* Refused boards are each in the list of problems, with a way there. */
  gtk_widget_set_visible (GTK_WIDGET (self->error_label),
                          !ok && error != NULL && refused == 0
                          && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED));

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

void
_sz_export_dialog_class_summary_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_open_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_problems_list_row_activated_cb);
}
