/* sz-expiry-dialog.c: the rule in years (0: never), what it would take
 * today, person by person, and "Expire Points", confirmed first: the
 * expiry movements are not undone by Ctrl+Z.  Hours never expire.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-expiry-dialog.h"
#include "sz-points-form.h"

typedef struct
{
  SzSession *session;
  GtkWidget *dialog;
  GtkWidget *years;
  GtkWidget *list;
  GtkWidget *summary;
  GtkWidget *error;
  char      *today;
  guint      n;
  gboolean   loading;
} Expiry;

static void
expiry_free (gpointer data)
{
  Expiry *e = data;

  g_object_unref (e->session);
  g_free (e->today);
  g_free (e);
}

static void
load_preview (Expiry *e)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = sz_points_expiry_preview (sz_session_get_db (e->session),
                                                         sz_session_get_community_id (e->session), e->today, &error);
  GtkWidget *child;
  gint64 total = 0;
  g_autofree char *sum = NULL;
  g_autofree char *text = NULL;

  while ((child = gtk_widget_get_first_child (e->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (e->list), child);
  if (items == NULL)
    {
      sz_field_error_set (e->error, error->message);
      items = g_ptr_array_new ();
    }
  for (guint i = 0; i < items->len; i++)
    {
      SzExpiryItem *item = items->pdata[i];
      g_autofree char *points = sz_points_format (item->points);
      g_autofree char *line = NULL;
      GtkWidget *label;

      total += item->points;
      /* Translators: a line of the expiry preview: name, points, the day they were earned up to */
      line = g_strdup_printf (_("%s: %s points earned up to %s"), item->name, points, item->earned_before);
      label = gtk_label_new (line);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_start (label, 8);
      gtk_widget_set_margin_top (label, 2);
      gtk_widget_set_margin_bottom (label, 2);
      gtk_list_box_append (GTK_LIST_BOX (e->list), label);
    }
  e->n = items->len;
  sum = sz_points_format (total);
  if (items->len == 0)
    text = g_strdup (_("No points expire today under this rule."));
  else
    /* Translators: under the expiry preview */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person loses %s points in all.",
                                         "%u people lose %s points in all.", items->len), items->len, sum);
  gtk_label_set_text (GTK_LABEL (e->summary), text);
  gtk_dialog_set_response_sensitive (GTK_DIALOG (e->dialog), GTK_RESPONSE_ACCEPT, items->len > 0);
}

static void
on_years_changed_cb (Expiry *e)
{
  g_autoptr(GError) error = NULL;

  if (e->loading)
    return;
  sz_field_error_set (e->error, NULL);
  if (!sz_points_set_expiry_years (sz_session_get_db (e->session), sz_session_get_community_id (e->session),
                                   gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (e->years)), &error))
    sz_field_error_set (e->error, error->message);
  load_preview (e);
}

static gboolean
close_idle_cb (gpointer data)
{
  gtk_window_destroy (GTK_WINDOW (data));
  return G_SOURCE_REMOVE;
}

static void
expire_cb (GtkWidget *widget,
           gpointer   data)
{
  Expiry *e = g_object_get_data (G_OBJECT (data), "sz-expiry");
  g_autoptr(GError) error = NULL;
  guint n = 0;

  if (!sz_points_expire (sz_session_get_db (e->session), sz_session_get_community_id (e->session), e->today, &n,
                         &error))
    {
      sz_field_error_set (e->error, error->message);
      return;
    }
  /* Not undoable: the step of an earlier change is forgotten. */
  sz_session_changed (e->session);
  /* After the question, which goes with this dialog, has finished. */
  g_idle_add_full (G_PRIORITY_DEFAULT, close_idle_cb, g_object_ref (data), g_object_unref);
}

static void
on_response_cb (GtkDialog *dialog,
                int        response,
                Expiry    *e)
{
  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  sz_confirm (GTK_WIDGET (dialog), _("Expire these points?"),
              _("The points listed are written off today. This cannot be undone; hours are kept."),
              _("_Expire Points"), expire_cb, g_object_ref (dialog), g_object_unref);
}

GtkWidget *
sz_expiry_dialog_new (GtkWidget *over,
                      SzSession *session)
{
  GtkWidget *dialog;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkGrid *grid;
  Expiry *e = g_new0 (Expiry, 1);

  dialog = sz_points_dialog_new (over, _("Points Expiry"), _("_Expire Points…"), &grid);
  gtk_widget_set_name (dialog, "expiry-dialog");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 520, 440);
  e->session = g_object_ref (session);
  e->dialog = dialog;
  e->today = sz_points_today ();
  e->loading = TRUE;
  e->years = gtk_spin_button_new_with_range (0, 20, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (e->years),
                             sz_points_get_expiry_years (sz_session_get_db (session),
                                                         sz_session_get_community_id (session), NULL));
  gtk_widget_set_hexpand (e->years, FALSE);
  sz_points_form_row (grid, 0, _("Points expire after _years"), e->years, "years");
  gtk_widget_set_halign (e->years, GTK_ALIGN_START);
  gtk_grid_attach (grid,
                   sz_points_note_new (_("Points earned in a year expire at the end of that many calendar years "
                                         "after it (2: points of 2024 expire at the end of 2026). 0: never. "
                                         "Hours never expire.")),
                   0, 2, 2, 1);
  e->list = gtk_list_box_new ();
  gtk_widget_set_name (e->list, "preview");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (e->list), GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), e->list);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 160);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_widget_set_margin_top (scrolled, 6);
  gtk_grid_attach (grid, scrolled, 0, 3, 2, 1);
  e->summary = sz_points_note_new (NULL);
  gtk_widget_set_name (e->summary, "summary");
  gtk_grid_attach (grid, e->summary, 0, 4, 2, 1);
  e->error = sz_field_error_new ();
  gtk_widget_set_name (e->error, "error");
  gtk_grid_attach (grid, e->error, 0, 5, 2, 1);
  g_object_set_data_full (G_OBJECT (dialog), "sz-expiry", e, expiry_free);
  g_signal_connect_swapped (e->years, "value-changed", G_CALLBACK (on_years_changed_cb), e);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), e);
  e->loading = FALSE;
  load_preview (e);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
