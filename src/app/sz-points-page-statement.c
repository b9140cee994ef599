/* sz-points-page-statement.c: the selected person's statement on the
 * points page: every movement with its running balance, and what can be
 * done from there (the PDF, a correction, reversing one movement).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-correction-dialog.h"
#include "sz-honours-print.h"
#include "sz-points-page-private.h"

static char *
cell_day (gpointer data)
{
  return g_strdup (((SzMovement *) data)->day);
}

static char *
cell_kind (gpointer data)
{
  SzMovement *m = data;
  const char *kind;

  if (m->reverses_id != 0)
    /* Translators: a movement of points that reverses another (冲正) */
    kind = C_("movement", "Reversal");
  else
    switch (m->kind)
      {
      /* Translators: kinds of movements of points */
      case SZ_MOVE_EARN: kind = C_("movement", "Earned"); break;
      case SZ_MOVE_REDEEM: kind = C_("movement", "Redeemed"); break;
      case SZ_MOVE_EXPIRE: kind = C_("movement", "Expired"); break;
      case SZ_MOVE_CORRECT: default: kind = C_("movement", "Correction"); break;
      }
  if (m->reversed_by != 0)
    /* Translators: a movement that was reversed; %s is its kind ("Earned") */
    return g_strdup_printf (C_("movement", "%s (reversed)"), kind);
  return g_strdup (kind);
}

static char *
cell_source (gpointer data)
{
  SzMovement *m = data;

  if (m->reason != NULL && *m->reason != '\0')
    return g_strdup_printf ("%s%s%s", m->source ? m->source : "", m->source && *m->source ? " · " : "", m->reason);
  return g_strdup (m->source ? m->source : "");
}

static char *
signed_text (char *text,
             gboolean positive)
{
  char *s = g_strconcat (positive ? "+" : "", text, NULL);

  g_free (text);
  return s;
}

static char *
cell_hours (gpointer data)
{
  SzMovement *m = data;

  if (m->minutes == 0)
    return g_strdup ("");
  return signed_text (sz_hours_format (m->minutes), m->minutes > 0);
}

static char *
cell_points (gpointer data)
{
  SzMovement *m = data;

  if (m->points == 0)
    return g_strdup ("");
  return signed_text (sz_points_format (m->points), m->points > 0);
}

static char *
cell_balance (gpointer data)
{
  return sz_points_format (((SzMovement *) data)->balance_after);
}

static char *
cell_actor (gpointer data)
{
  return g_strdup (((SzMovement *) data)->actor);
}

static SzMovement *
selected_movement (SzPointsPage *self)
{
  GtkSingleSelection *s = GTK_SINGLE_SELECTION (self->movement_selection);

  return sz_points_model_get (G_LIST_MODEL (s), gtk_single_selection_get_selected (s));
}

static void
update_buttons (SzPointsPage *self)
{
  SzMovement *m = selected_movement (self);

  gtk_widget_set_sensitive (self->export_button, self->person_id != 0);
  gtk_widget_set_sensitive (self->correct_button, self->person_id != 0);
  gtk_widget_set_sensitive (self->reverse_button, m != NULL && m->reverses_id == 0 && m->reversed_by == 0);
}

void
_sz_points_page_load_statement (SzPointsPage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzPointsBalance) b = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *items = NULL;
  guint n = 0;

  if (self->person_id != 0)
    b = sz_points_balance_get (db, self->person_id, &error);
  if (b != NULL)
    list = sz_points_statement (db, self->person_id, &error);
  if (self->person_id != 0 && list == NULL)
    {
      /* Gone (a restore, another community): nothing to show. */
      g_clear_error (&error);
      self->person_id = 0;
    }
  if (b == NULL || list == NULL)
    {
      gtk_label_set_text (self->statement_title, _("Choose a person above to see their statement."));
      gtk_label_set_text (self->statement_totals, "");
    }
  else
    {
      g_autofree char *title = NULL;
      g_autofree char *hours = sz_hours_format (b->minutes);
      g_autofree char *earned = sz_points_format (b->earned);
      g_autofree char *redeemed = sz_points_format (b->redeemed);
      g_autofree char *expired = sz_points_format (b->expired);
      g_autofree char *balance = sz_points_format (b->balance);
      g_autofree char *totals = NULL;

      title = g_strdup_printf ("%s  %s", b->name, b->post && *b->post ? b->post : sz_points_level_title (b->level));
      gtk_label_set_text (self->statement_title, title);
      /* Translators: the totals of a person's statement of points */
      totals = g_strdup_printf (_("%s hours · earned %s · redeemed %s · expired %s · balance %s"),
                                hours, earned, redeemed, expired, balance);
      gtk_label_set_text (self->statement_totals, totals);
      n = list->len;
    }
  /* Newest first: the latest movement is what a clerk looks for. */
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = sz_points_item_new (g_steal_pointer (&list->pdata[n - 1 - i]), (GDestroyNotify) sz_movement_free);
  g_list_store_splice (self->movements, 0, g_list_model_get_n_items (G_LIST_MODEL (self->movements)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  update_buttons (self);
}

/* Export */

static gboolean
write_statement_cb (const char  *path,
                    gpointer     data,
                    GError     **error)
{
  return sz_points_page_write_statement (SZ_POINTS_PAGE (data), path, error);
}

gboolean
sz_points_page_write_statement (SzPointsPage *self,
                                const char   *path,
                                GError      **error)
{
  g_return_val_if_fail (SZ_IS_POINTS_PAGE (self), FALSE);
  g_return_val_if_fail (self->person_id != 0, FALSE);

  /* Written mode 0600 from the start: a person's statement is personal data. */
  return sz_points_statement_write_pdf (sz_session_get_db (self->session), self->person_id, path, error);
}

static void
on_export_clicked_cb (SzPointsPage *self)
{
  g_autoptr(SzPointsBalance) b = sz_points_balance_get (sz_session_get_db (self->session), self->person_id, NULL);
  g_autofree char *name = NULL;

  if (b == NULL)
    return;
  /* Translators: the file name of a person's statement of points; %s is the name */
  name = g_strdup_printf (_("Points statement %s.pdf"), b->name);
  sz_save_pdf (GTK_WIDGET (self), sz_session_get_settings (self->session), _("Export Statement PDF"), name, NULL,
               NULL, write_statement_cb, g_object_ref (self), g_object_unref);
}

static void
on_correct_clicked_cb (SzPointsPage *self)
{
  if (self->person_id != 0)
    sz_correction_dialog_new (GTK_WIDGET (self), self->session, self->person_id);
}

typedef struct
{
  SzSession *session;
  gint64     movement_id;
} Reverse;

static void
reverse_free (gpointer data)
{
  Reverse *r = data;

  g_object_unref (r->session);
  g_free (r);
}

static gboolean
reverse_cb (const char  *reason,
            gpointer     data,
            GError     **error)
{
  Reverse *r = data;

  if (!sz_points_reverse (sz_session_get_db (r->session), r->movement_id, reason, NULL, error))
    return FALSE;
  /* A reversal cannot itself be reversed: no undo step. */
  sz_session_changed (r->session);
  return TRUE;
}

static void
on_reverse_clicked_cb (SzPointsPage *self)
{
  SzMovement *m = selected_movement (self);
  g_autofree char *detail = NULL;
  g_autofree char *points = NULL;
  Reverse *r;

  if (m == NULL)
    return;
  points = sz_points_format (m->points);
  r = g_new0 (Reverse, 1);
  r->session = g_object_ref (self->session);
  r->movement_id = m->id;
  /* Translators: in the dialog that reverses a movement of points; %s is
   * its day, source and points */
  detail = g_strdup_printf (_("A movement that takes back “%s %s, %s points” is written; the entry itself stays "
                              "in the statement. A reversal cannot be undone."),
                            m->day, m->source ? m->source : "", points);
  sz_points_ask_reason (GTK_WIDGET (self), _("Reverse This Entry"), detail, _("_Reverse"), reverse_cb, r,
                        reverse_free);
}

void
_sz_points_page_build_statement (SzPointsPage *self,
                                 GtkBox       *box)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list;

  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  gtk_widget_set_margin_bottom (header, 6);
  self->statement_title = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->statement_title), "statement-title");
  gtk_label_set_xalign (self->statement_title, 0);
  gtk_label_set_ellipsize (self->statement_title, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->statement_title), "heading");
  self->statement_totals = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->statement_totals), "statement-totals");
  gtk_label_set_xalign (self->statement_totals, 0);
  gtk_label_set_wrap (self->statement_totals, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->statement_totals), "dim-label");
  /* The name and the buttons on a line, the totals under them. */
  gtk_widget_set_hexpand (GTK_WIDGET (self->statement_title), TRUE);
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->statement_title));
  gtk_box_append (GTK_BOX (header), top);
  gtk_box_append (GTK_BOX (header), GTK_WIDGET (self->statement_totals));

  self->export_button = gtk_button_new_with_mnemonic (_("Export Statement _PDF…"));
  gtk_widget_set_name (self->export_button, "export-statement");
  gtk_widget_set_valign (self->export_button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (self->export_button, "clicked", G_CALLBACK (on_export_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), self->export_button);
  self->correct_button = gtk_button_new_with_mnemonic (_("C_orrect…"));
  gtk_widget_set_name (self->correct_button, "correct");
  gtk_widget_set_valign (self->correct_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->correct_button, _("Add or take away hours or points, with a reason"));
  g_signal_connect_swapped (self->correct_button, "clicked", G_CALLBACK (on_correct_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), self->correct_button);
  self->reverse_button = gtk_button_new_with_mnemonic (_("Re_verse This Entry…"));
  gtk_widget_set_name (self->reverse_button, "reverse");
  gtk_widget_set_valign (self->reverse_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->reverse_button, _("Take back the chosen movement, with a reason"));
  g_signal_connect_swapped (self->reverse_button, "clicked", G_CALLBACK (on_reverse_clicked_cb), self);
  gtk_box_append (GTK_BOX (top), self->reverse_button);
  gtk_box_append (box, header);

  self->movements = g_list_store_new (SZ_TYPE_POINTS_ITEM);
  list = sz_points_list_new (self->movements, FALSE, &self->movement_selection, &self->statement_view);
  gtk_widget_set_name (GTK_WIDGET (self->statement_view), "statement");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->statement_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Statement"), -1);
  /* Translators: columns of a person's statement of points */
  sz_points_add_column (self->statement_view, _("Date"), cell_day, NULL, FALSE, FALSE);
  sz_points_add_column (self->statement_view, _("Kind"), cell_kind, NULL, FALSE, FALSE);
  sz_points_add_column (self->statement_view, _("Source"), cell_source, NULL, FALSE, TRUE);
  sz_points_add_column (self->statement_view, _("Hours"), cell_hours, NULL, TRUE, FALSE);
  sz_points_add_column (self->statement_view, _("Points"), cell_points, NULL, TRUE, FALSE);
  sz_points_add_column (self->statement_view, _("Balance"), cell_balance, NULL, TRUE, FALSE);
  sz_points_add_column (self->statement_view, _("By"), cell_actor, NULL, FALSE, FALSE);
  g_signal_connect_swapped (self->movement_selection, "notify::selected", G_CALLBACK (update_buttons), self);
  gtk_box_append (box, list);
  update_buttons (self);
}
