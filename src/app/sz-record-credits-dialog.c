/* sz-record-credits-dialog.c: the proposals, each with "Credit" (one
 * occasion of the type chosen above, undoable) and "Not Now" (off this
 * list until the window is opened again: nothing is written).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-points-form.h"
#include "sz-record-credits-dialog.h"

typedef struct
{
  SzSession  *session;
  GPtrArray  *types;       /* SzActivityType, active */
  GHashTable *dismissed;   /* record ids set aside */
  GtkWidget  *type;
  GtkWidget  *list;
  GtkWidget  *error;
  GtkWidget  *empty;
} Credits;

static void
credits_free (gpointer data)
{
  Credits *c = data;

  g_object_unref (c->session);
  g_ptr_array_unref (c->types);
  g_hash_table_unref (c->dismissed);
  g_free (c);
}

static void load (Credits *c);

static void
on_credit_clicked_cb (GtkWidget *button,
                      Credits   *c)
{
  gint64 record = *(gint64 *) g_object_get_data (G_OBJECT (button), "sz-record");
  const char *name = g_object_get_data (G_OBJECT (button), "sz-name");
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (c->type));
  SzActivityType *t = i < c->types->len ? c->types->pdata[i] : NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gint64 id = 0;

  sz_field_error_set (c->error, NULL);
  if (t == NULL)
    {
      sz_field_error_set (c->error, _("Type: choose what the credit counts as."));
      return;
    }
  if (!sz_points_credit_record (sz_session_get_db (c->session), record, t->id, &id, &error))
    {
      sz_field_error_set (c->error, error->message);
      return;
    }
  /* Translators: what Ctrl+Z undoes; %s is the head credited */
  label = g_strdup_printf (_("Credit a record to %s"), name);
  sz_points_push_reverse_undo (c->session, label, &id, 1);
  sz_session_changed (c->session);
}

static void
on_dismiss_clicked_cb (GtkWidget *button,
                       Credits   *c)
{
  gint64 record = *(gint64 *) g_object_get_data (G_OBJECT (button), "sz-record");

  g_hash_table_add (c->dismissed, g_memdup2 (&record, sizeof record));
  load (c);
}

static GtkWidget *
row_button (const char *label,
            const char *name,
            gint64      record,
            const char *person)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);
  g_autofree char *id = g_strdup_printf ("%s-%" G_GINT64_FORMAT, name, record);

  gtk_widget_set_name (button, id);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "sz-record", g_memdup2 (&record, sizeof record), g_free);
  g_object_set_data_full (G_OBJECT (button), "sz-name", g_strdup (person), g_free);
  return button;
}

static void
load (Credits *c)
{
  g_autoptr(GPtrArray) list = sz_points_record_credits (sz_session_get_db (c->session),
                                                        sz_session_get_community_id (c->session), NULL);
  GtkWidget *child;
  guint n = 0;

  while ((child = gtk_widget_get_first_child (c->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (c->list), child);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzRecordCredit *credit = list->pdata[i];
      GtkWidget *box, *labels, *name, *detail, *button;
      g_autofree char *detail_text = NULL;

      if (g_hash_table_contains (c->dismissed, &credit->record_id))
        continue;
      n++;
      box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
      name = gtk_label_new (credit->name);
      detail_text = g_strdup_printf ("%s · %s", credit->summary, credit->resolved_day);
      detail = gtk_label_new (detail_text);
      gtk_label_set_xalign (GTK_LABEL (name), 0);
      gtk_label_set_xalign (GTK_LABEL (detail), 0);
      gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (detail, "dim-label");
      gtk_box_append (GTK_BOX (labels), name);
      gtk_box_append (GTK_BOX (labels), detail);
      gtk_widget_set_hexpand (labels, TRUE);
      gtk_box_append (GTK_BOX (box), labels);
      /* Translators: a button beside a resolved record: set it aside for now */
      button = row_button (_("Not Now"), "dismiss", credit->record_id, credit->name);
      g_signal_connect (button, "clicked", G_CALLBACK (on_dismiss_clicked_cb), c);
      gtk_box_append (GTK_BOX (box), button);
      /* Translators: a button beside a resolved record: credit its head's points */
      button = row_button (_("Credit"), "credit", credit->record_id, credit->name);
      gtk_widget_add_css_class (button, "suggested-action");
      g_signal_connect (button, "clicked", G_CALLBACK (on_credit_clicked_cb), c);
      gtk_box_append (GTK_BOX (box), button);
      gtk_widget_set_margin_start (box, 8);
      gtk_widget_set_margin_end (box, 8);
      gtk_widget_set_margin_top (box, 4);
      gtk_widget_set_margin_bottom (box, 4);
      gtk_list_box_append (GTK_LIST_BOX (c->list), box);
    }
  gtk_widget_set_visible (c->empty, n == 0);
}

static void
on_session_changed_cb (SzSession *session,
                       GtkWidget *window)
{
  load (g_object_get_data (G_OBJECT (window), "sz-credits"));
}

GtkWidget *
sz_record_credits_dialog_new (GtkWidget *over,
                              SzSession *session)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkRoot *root = gtk_widget_get_root (over);
  guint preferred = 0;
  Credits *c = g_new0 (Credits, 1);

  c->session = g_object_ref (session);
  c->dismissed = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  c->types = sz_activity_type_list (sz_session_get_db (session), sz_session_get_community_id (session), FALSE, NULL);
  if (c->types == NULL)
    c->types = g_ptr_array_new ();
  g_ptr_array_set_free_func (c->types, (GDestroyNotify) sz_activity_type_free);
  for (guint i = 0; i < c->types->len; i++)
    {
      SzActivityType *t = c->types->pdata[i];

      gtk_string_list_append (names, t->name);
      /* The default types name one for records: 反映民情. */
      if (t->basis == SZ_BASIS_PER_OCCASION && (strstr (t->name, "民情") || strstr (t->name, "issue")))
        preferred = i;
    }
  gtk_window_set_title (GTK_WINDOW (window), _("Records to Credit"));
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 600, 420);
  gtk_widget_set_name (window, "credits-dialog");
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_box_append (GTK_BOX (box),
                  sz_points_note_new (_("Resolved records brought in by a head. Credit the head, or leave the "
                                        "record for now; nothing is credited by itself.")));
  label = gtk_label_new_with_mnemonic (_("Credit _as"));
  c->type = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  gtk_widget_set_name (c->type, "type");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (c->type), preferred);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), c->type);
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), c->type);
  gtk_box_append (GTK_BOX (box), row);
  c->error = sz_field_error_new ();
  gtk_widget_set_name (c->error, "error");
  gtk_box_append (GTK_BOX (box), c->error);
  c->list = gtk_list_box_new ();
  gtk_widget_set_name (c->list, "credits");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (c->list), GTK_SELECTION_NONE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), c->list);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  c->empty = sz_points_note_new (_("No record is waiting to be credited."));
  gtk_box_append (GTK_BOX (box), c->empty);
  gtk_window_set_child (GTK_WINDOW (window), box);
  g_object_set_data_full (G_OBJECT (window), "sz-credits", c, credits_free);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), window, 0);
  load (c);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
