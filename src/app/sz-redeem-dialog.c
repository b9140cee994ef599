/* sz-redeem-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-points-form.h"
#include "sz-redeem-dialog.h"

typedef enum
{
  F_PERSON,
  F_REWARD,
  F_QUANTITY,
  F_DAY,
  N_FIELDS
} Field;

/* Translators: the labels the core's messages about a redemption start with */
static const SzFieldTitle titles[] = {
  { F_PERSON, N_("Person") },
  { F_REWARD, N_("Reward") },
  { F_QUANTITY, N_("Quantity") },
  { F_DAY, N_("Day") },
};

typedef struct
{
  SzSession *session;
  GPtrArray *people;    /* SzPointsBalance */
  GPtrArray *rewards;   /* SzReward */
  GtkWidget *person;
  GtkWidget *reward;
  GtkWidget *quantity;
  GtkWidget *day;
  GtkWidget *summary;
  GtkWidget *errors[N_FIELDS];
} Redeem;

static void
redeem_free (gpointer data)
{
  Redeem *r = data;

  g_object_unref (r->session);
  g_ptr_array_unref (r->people);
  g_ptr_array_unref (r->rewards);
  g_free (r);
}

static SzPointsBalance *
chosen_person (Redeem *r)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (r->person));

  return i < r->people->len ? r->people->pdata[i] : NULL;
}

static SzReward *
chosen_reward (Redeem *r)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (r->reward));

  return i < r->rewards->len ? r->rewards->pdata[i] : NULL;
}

static void
update_summary (Redeem *r)
{
  SzPointsBalance *p = chosen_person (r);
  SzReward *w = chosen_reward (r);
  int n = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (r->quantity));
  g_autofree char *cost = NULL;
  g_autofree char *balance = NULL;
  g_autofree char *after = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (r->errors[i], NULL);
  if (p == NULL || w == NULL)
    {
      gtk_label_set_text (GTK_LABEL (r->summary), "");
      return;
    }
  cost = sz_points_format (w->price * n);
  balance = sz_points_format (p->balance);
  after = sz_points_format (p->balance - w->price * n);
  if (p->balance >= w->price * n)
    /* Translators: in the redemption form: the cost, the balance now and after */
    text = g_strdup_printf (_("Costs %s points: %s has %s, and keeps %s."), cost, p->name, balance, after);
  else
    /* Translators: in the redemption form, when the balance is short */
    text = g_strdup_printf (_("Costs %s points: %s has only %s."), cost, p->name, balance);
  gtk_label_set_text (GTK_LABEL (r->summary), text);
}

static void
on_response_cb (GtkDialog *dialog,
                int        response,
                Redeem    *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  SzPointsBalance *p = chosen_person (r);
  SzReward *w = chosen_reward (r);
  int n = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (r->quantity));
  gint64 id = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (r->errors[i], NULL);
  if (p == NULL)
    {
      sz_field_error_set (r->errors[F_PERSON], _("Person: choose who takes the reward."));
      return;
    }
  if (w == NULL)
    {
      sz_field_error_set (r->errors[F_REWARD], _("Reward: choose one from the catalogue."));
      return;
    }
  if (!sz_reward_redeem (sz_session_get_db (r->session), p->person_id, w->id, n,
                         gtk_editable_get_text (GTK_EDITABLE (r->day)), &id, &error))
    {
      /* Not enough points or stock: the figures go under the quantity. */
      Field f = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL, F_QUANTITY);

      sz_field_error_set (r->errors[f], error->message);
      return;
    }
  /* Translators: what Ctrl+Z undoes: a reward, how many, for whom ("米面油礼包 ×1 for 张三") */
  label = g_strdup_printf (_("Redeem %s ×%d for %s"), w->name, n, p->name);
  sz_points_push_reverse_undo (r->session, label, &id, 1);
  sz_session_changed (r->session);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
drop_down_new (GtkStringList *strings)
{
  GtkExpression *expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
  GtkWidget *drop_down = gtk_drop_down_new (G_LIST_MODEL (strings), NULL);

  gtk_drop_down_set_expression (GTK_DROP_DOWN (drop_down), expression);
  gtk_expression_unref (expression);
  gtk_drop_down_set_enable_search (GTK_DROP_DOWN (drop_down), TRUE);
  return drop_down;
}

GtkWidget *
sz_redeem_dialog_new (GtkWidget *over,
                      SzSession *session,
                      gint64     person_id)
{
  SzDb *db = sz_session_get_db (session);
  SzPointsFilter filter;
  GtkStringList *people = gtk_string_list_new (NULL);
  GtkStringList *rewards = gtk_string_list_new (NULL);
  g_autofree char *today = sz_points_today ();
  guint chosen = GTK_INVALID_LIST_POSITION;
  GtkWidget *dialog;
  GtkGrid *grid;
  Redeem *r;

  dialog = sz_points_dialog_new (over, _("Redeem Points"), _("_Redeem"), &grid);
  gtk_widget_set_name (dialog, "redeem-dialog");
  r = g_new0 (Redeem, 1);
  r->session = g_object_ref (session);
  sz_points_filter_init (&filter, sz_session_get_community_id (session));
  r->people = sz_points_balances (db, &filter, NULL);
  if (r->people == NULL)
    r->people = g_ptr_array_new ();
  g_ptr_array_set_free_func (r->people, (GDestroyNotify) sz_points_balance_free);
  for (guint i = 0; i < r->people->len; i++)
    {
      SzPointsBalance *b = r->people->pdata[i];
      g_autofree char *balance = sz_points_format (b->balance);
      g_autofree char *text = NULL;

      /* Translators: a person in the redemption form, with the balance */
      text = g_strdup_printf (_("%s — %s points"), b->name, balance);
      gtk_string_list_append (people, text);
      if (b->person_id == person_id)
        chosen = i;
    }
  r->rewards = sz_reward_list (db, sz_session_get_community_id (session), FALSE, NULL);
  if (r->rewards == NULL)
    r->rewards = g_ptr_array_new ();
  g_ptr_array_set_free_func (r->rewards, (GDestroyNotify) sz_reward_free);
  for (guint i = 0; i < r->rewards->len; i++)
    {
      SzReward *w = r->rewards->pdata[i];
      g_autofree char *price = sz_points_format (w->price);
      g_autofree char *text = NULL;

      if (w->stock < 0)
        /* Translators: a reward in the redemption form: name, price; no limit of stock */
        text = g_strdup_printf (_("%s — %s points"), w->name, price);
      else
        /* Translators: a reward in the redemption form: name, price, how many are left */
        text = g_strdup_printf (_("%s — %s points, %d left"), w->name, price, w->stock);
      gtk_string_list_append (rewards, text);
    }

  r->person = drop_down_new (people);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (r->person), chosen);
  r->errors[F_PERSON] = sz_points_form_row (grid, 0, _("_Person"), r->person, "person");
  r->reward = drop_down_new (rewards);
  r->errors[F_REWARD] = sz_points_form_row (grid, 2, _("Re_ward"), r->reward, "reward");
  r->quantity = gtk_spin_button_new_with_range (1, 999, 1);
  gtk_widget_set_hexpand (r->quantity, FALSE);
  r->errors[F_QUANTITY] = sz_points_form_row (grid, 4, _("_Quantity"), r->quantity, "quantity");
  gtk_widget_set_halign (r->quantity, GTK_ALIGN_START);
  r->day = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (r->day), today);
  r->errors[F_DAY] = sz_points_form_row (grid, 6, _("_Day"), r->day, "day");
  r->summary = sz_points_note_new (NULL);
  gtk_widget_set_name (r->summary, "summary");
  gtk_grid_attach (grid, r->summary, 0, 8, 2, 1);
  g_object_set_data_full (G_OBJECT (dialog), "sz-redeem", r, redeem_free);
  g_signal_connect_swapped (r->person, "notify::selected", G_CALLBACK (update_summary), r);
  g_signal_connect_swapped (r->reward, "notify::selected", G_CALLBACK (update_summary), r);
  g_signal_connect_swapped (r->quantity, "value-changed", G_CALLBACK (update_summary), r);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), r);
  update_summary (r);
  if (r->rewards->len == 0)
    sz_field_error_set (r->errors[F_REWARD], _("The catalogue has no rewards yet: add them with “Rewards Catalogue…”."));
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
