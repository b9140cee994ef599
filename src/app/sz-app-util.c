/* sz-app-util.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-phone.h"

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
sz_show_error (GtkWidget    *widget,
               const char   *title,
               const GError *error)
{
  GtkWidget *dialog;

  g_return_if_fail (title != NULL);

  dialog = gtk_message_dialog_new (window_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE, "%s", title);
  if (error != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct
{
  GtkWidget      *widget;
  SzConfirmFunc   func;
  gpointer        user_data;
  GDestroyNotify  destroy;
} Confirm;

static void
on_confirm_response_cb (GtkDialog *dialog,
                        int        response,
                        Confirm   *c)
{
  if (response == GTK_RESPONSE_ACCEPT)
    c->func (c->widget, c->user_data);
  if (c->destroy != NULL && c->user_data != NULL)
    c->destroy (c->user_data);
  g_object_unref (c->widget);
  g_free (c);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

void
sz_confirm (GtkWidget      *widget,
            const char     *title,
            const char     *detail,
            const char     *action_label,
            SzConfirmFunc   func,
            gpointer        user_data,
            GDestroyNotify  destroy)
{
  GtkWidget *dialog;
  GtkWidget *button;
  Confirm *c;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (func != NULL);

  dialog = gtk_message_dialog_new (window_of (widget), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                   GTK_MESSAGE_QUESTION, GTK_BUTTONS_NONE, "%s", title);
  if (detail != NULL)
    gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", detail);
  gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Cancel"), GTK_RESPONSE_CANCEL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), action_label, GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  c = g_new0 (Confirm, 1);
  c->widget = g_object_ref (widget);
  c->func = func;
  c->user_data = user_data;
  c->destroy = destroy;
  g_signal_connect (dialog, "response", G_CALLBACK (on_confirm_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
}

char *
sz_phone_display (const char *normal,
                  gboolean    show)
{
  if (normal == NULL || *normal == '\0')
    return g_strdup ("");
  return show ? sz_phone_format (normal) : sz_phone_mask (normal);
}

GtkWidget *
sz_field_error_new (void)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_add_css_class (label, "caption");
  gtk_widget_set_visible (label, FALSE);
  return label;
}

void
sz_field_error_set (GtkWidget  *label,
                    const char *message)
{
  g_return_if_fail (GTK_IS_LABEL (label));
  gtk_label_set_text (GTK_LABEL (label), message ? message : "");
  gtk_widget_set_visible (label, message != NULL && *message);
}

void
sz_app_load_style (void)
{
  g_autoptr(GtkCssProvider) css = gtk_css_provider_new ();
  GdkDisplay *display = gdk_display_get_default ();

  g_return_if_fail (display != NULL);
  gtk_css_provider_load_from_resource (css, "/org/sanzhang/Sanzhang/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (css),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), "/org/sanzhang/Sanzhang/icons");
}

void
sz_list_box_select_and_show (GtkListBox    *list,
                             GtkListBoxRow *row)
{
  GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (list), GTK_TYPE_SCROLLED_WINDOW);
  graphene_rect_t bounds;

  gtk_list_box_select_row (list, row);
  if (scrolled != NULL && gtk_widget_compute_bounds (GTK_WIDGET (row), GTK_WIDGET (list), &bounds))
    {
      GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double top = gtk_adjustment_get_value (adj);
      double page = gtk_adjustment_get_page_size (adj);

      if (bounds.origin.y < top)
        gtk_adjustment_set_value (adj, bounds.origin.y);
      else if (bounds.origin.y + bounds.size.height > top + page)
        gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
    }
}

GFile *
sz_export_start_folder (GSettings *settings)
{
  g_autofree char *folder = settings ? g_settings_get_string (settings, "export-folder") : NULL;
  const char *documents;

  if (folder != NULL && *folder && g_file_test (folder, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (folder);
  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  return g_file_new_for_path (documents && g_file_test (documents, G_FILE_TEST_IS_DIR) ? documents
                                                                                      : g_get_home_dir ());
}

int
sz_field_for_message (const char          *message,
                      const SzFieldTitle  *titles,
                      guint                n_titles,
                      gboolean           (*usable) (int      field,
                                                    gpointer data),
                      gpointer             data,
                      int                  fallback)
{
  int best = fallback;
  gsize best_len = 0;

  for (guint i = 0; i < n_titles; i++)
    {
      const char *t = titles[i].context != NULL ? g_dpgettext2 (GETTEXT_PACKAGE, titles[i].context, titles[i].title)
                                                : _(titles[i].title);

      if (g_str_has_prefix (message, t) && strlen (t) > best_len
          && (usable == NULL || usable (titles[i].field, data)))
        {
          best = titles[i].field;
          best_len = strlen (t);
        }
    }
  return best;
}

/* Saving a PDF: a file chooser, then a message with "Open" */

typedef struct
{
  GtkWidget      *over;
  GSettings      *settings;
  char           *saved;
  char           *failed;
  SzPdfFunc       func;
  gpointer        data;
  GDestroyNotify  destroy;
} SavePdf;

static void
save_pdf_free (gpointer data)
{
  SavePdf *s = data;

  if (s->destroy != NULL)
    s->destroy (s->data);
  g_object_unref (s->over);
  g_clear_object (&s->settings);
  g_free (s->saved);
  g_free (s->failed);
  g_free (s);
}

static void
on_saved_response_cb (GtkDialog *dialog,
                      int        response,
                      gpointer   user_data)
{
  const char *uri = g_object_get_data (G_OBJECT (dialog), "uri");
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  if (response == GTK_RESPONSE_ACCEPT && uri != NULL)
    gtk_show_uri (parent, uri, GDK_CURRENT_TIME);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
on_pdf_chooser_response_cb (GtkNativeDialog *chooser,
                            int              response,
                            SavePdf         *s)
{
  GSettings *settings = s->settings;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GtkWidget *dialog;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (file != NULL && (path = g_file_get_path (file)) != NULL)
    {
      if (!g_str_has_suffix (path, ".pdf") && !g_str_has_suffix (path, ".PDF"))
        {
          char *with_pdf = g_strconcat (path, ".pdf", NULL);

          g_free (path);
          path = with_pdf;
        }
      folder = g_file_get_parent (file);
      if (settings != NULL && folder != NULL)
        {
          g_autofree char *folder_path = g_file_get_path (folder);

          g_settings_set_string (settings, "export-folder", folder_path ? folder_path : "");
        }
      if (!s->func (path, s->data, &error))
        sz_show_error (s->over, s->failed, error);
      else
        {
          dialog = gtk_message_dialog_new (window_of (s->over), GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT,
                                           GTK_MESSAGE_INFO, GTK_BUTTONS_NONE, "%s", s->saved);
          gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", path);
          gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Close"), GTK_RESPONSE_CLOSE);
          gtk_dialog_add_button (GTK_DIALOG (dialog), _("_Open"), GTK_RESPONSE_ACCEPT);
          gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_CLOSE);
          g_object_set_data_full (G_OBJECT (dialog), "uri", g_filename_to_uri (path, NULL, NULL), g_free);
          g_signal_connect (dialog, "response", G_CALLBACK (on_saved_response_cb), NULL);
          gtk_window_present (GTK_WINDOW (dialog));
        }
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

void
sz_save_pdf (GtkWidget      *over,
             GSettings      *settings,
             const char     *title,
             const char     *name,
             const char     *saved,
             const char     *failed,
             SzPdfFunc       func,
             gpointer        data,
             GDestroyNotify  destroy)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GFile) folder = sz_export_start_folder (settings);
  SavePdf *s = g_new0 (SavePdf, 1);

  s->over = g_object_ref (over);
  s->settings = settings ? g_object_ref (settings) : NULL;
  s->saved = g_strdup (saved ? saved : _("The PDF is saved"));
  s->failed = g_strdup (failed ? failed : _("The PDF could not be saved"));
  s->func = func;
  s->data = data;
  s->destroy = destroy;
  chooser = gtk_file_chooser_native_new (title, window_of (over), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Save"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_filter_set_name (filter, _("PDF documents"));
  gtk_file_filter_add_mime_type (filter, "application/pdf");
  gtk_file_filter_add_suffix (filter, "pdf");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), name);
  g_object_set_data_full (G_OBJECT (chooser), "sz-save-pdf", s, save_pdf_free);
  g_signal_connect (chooser, "response", G_CALLBACK (on_pdf_chooser_response_cb), s);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}
