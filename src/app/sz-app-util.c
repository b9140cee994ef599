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
