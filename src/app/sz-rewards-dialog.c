/* sz-rewards-dialog.c: the rewards, retired ones dim, and the form of the
 * chosen one: name, description, price, stock (empty: no limit), in the
 * catalogue or retired.  An edit can be undone.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-points-form.h"
#include "sz-rewards-dialog.h"

typedef enum
{
  F_NAME,
  F_DESCRIPTION,
  F_PRICE,
  F_STOCK,
  F_FORM,
  N_FIELDS
} Field;

/* Translators: the labels the core's messages about a reward start with */
static const SzFieldTitle titles[] = {
  { F_NAME, NC_("reward", "Name"), "reward" },
  { F_DESCRIPTION, N_("Description") },
  { F_PRICE, N_("Price") },
  { F_STOCK, N_("Stock") },
};

typedef struct
{
  SzSession  *session;
  GtkListBox *list;
  GtkWidget  *name;
  GtkWidget  *description;
  GtkWidget  *price;
  GtkWidget  *stock;
  GtkWidget  *active;
  GtkWidget  *errors[N_FIELDS];
  gint64      id;
  gboolean    loading;
} Rewards;

static void
rewards_free (gpointer data)
{
  Rewards *r = data;

  g_object_unref (r->session);
  g_free (r);
}

static SzReward *
reward_copy (const SzReward *w)
{
  SzReward *c = sz_reward_new ();

  c->id = w->id;
  c->community_id = w->community_id;
  g_free (c->name);
  c->name = g_strdup (w->name);
  g_free (c->description);
  c->description = g_strdup (w->description);
  c->price = w->price;
  c->stock = w->stock;
  c->active = w->active;
  return c;
}

static char *
reward_detail (const SzReward *w)
{
  g_autofree char *price = sz_points_format (w->price);

  if (!w->active)
    /* Translators: in the list of rewards: a retired one */
    return g_strdup (_("Retired"));
  if (w->stock < 0)
    /* Translators: in the list of rewards: the price, no limit of stock */
    return g_strdup_printf (_("%s points"), price);
  /* Translators: in the list of rewards: the price and how many are left */
  return g_strdup_printf (_("%s points, %d left"), price, w->stock);
}

static void
clear_errors (Rewards *r)
{
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (r->errors[i], NULL);
}

static void
fill_form (Rewards        *r,
           const SzReward *w)
{
  g_autofree char *price = w ? sz_points_format (w->price) : g_strdup ("");
  g_autofree char *stock = w && w->stock >= 0 ? g_strdup_printf ("%d", w->stock) : g_strdup ("");

  r->loading = TRUE;
  r->id = w ? w->id : 0;
  gtk_editable_set_text (GTK_EDITABLE (r->name), w ? w->name : "");
  gtk_editable_set_text (GTK_EDITABLE (r->description), w && w->description ? w->description : "");
  gtk_editable_set_text (GTK_EDITABLE (r->price), price);
  gtk_editable_set_text (GTK_EDITABLE (r->stock), stock);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (r->active), w ? w->active : TRUE);
  clear_errors (r);
  r->loading = FALSE;
}

static void
load (Rewards *r)
{
  g_autoptr(GPtrArray) list = sz_reward_list (sz_session_get_db (r->session),
                                              sz_session_get_community_id (r->session), TRUE, NULL);
  GtkWidget *child;
  gint64 keep = r->id;

  r->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (r->list))) != NULL)
    gtk_list_box_remove (r->list, child);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzReward *w = list->pdata[i];
      g_autofree char *detail = reward_detail (w);

      sz_points_editor_add_row (r->list, w->name, detail, !w->active, w->id);
    }
  r->loading = FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (r->list)); row; row = gtk_widget_get_next_sibling (row))
    if (keep != 0 && sz_points_editor_row_id (GTK_LIST_BOX_ROW (row)) == keep)
      gtk_list_box_select_row (r->list, GTK_LIST_BOX_ROW (row));
  if (keep == 0 && gtk_list_box_get_row_at_index (r->list, 0) != NULL)
    gtk_list_box_select_row (r->list, gtk_list_box_get_row_at_index (r->list, 0));
}

static void
on_session_changed_cb (SzSession *session,
                       GtkWidget *window)
{
  load (g_object_get_data (G_OBJECT (window), "sz-rewards"));
}

static void
on_row_selected_cb (Rewards       *r,
                    GtkListBoxRow *row)
{
  g_autoptr(SzReward) w = NULL;

  if (r->loading || row == NULL)
    return;
  w = sz_reward_get (sz_session_get_db (r->session), sz_points_editor_row_id (row), NULL);
  fill_form (r, w);
}

static void
on_new_clicked_cb (Rewards *r)
{
  gtk_list_box_unselect_all (r->list);
  fill_form (r, NULL);
  gtk_widget_grab_focus (r->name);
}

static gboolean
undo_edit_cb (SzSession  *session,
              gpointer    data,
              GError    **error)
{
  g_autoptr(SzReward) old = reward_copy (data);

  /* Only the last change is undone: no redemption came since. */
  return sz_reward_save (sz_session_get_db (session), old, error);
}

static void
on_save_clicked_cb (Rewards *r)
{
  SzDb *db = sz_session_get_db (r->session);
  g_autoptr(SzReward) old = NULL;
  g_autoptr(SzReward) w = NULL;
  g_autoptr(GError) error = NULL;
  const char *stock = gtk_editable_get_text (GTK_EDITABLE (r->stock));
  char *end = NULL;
  gint64 n;

  clear_errors (r);
  if (r->id != 0 && (old = sz_reward_get (db, r->id, &error)) == NULL)
    {
      sz_field_error_set (r->errors[F_FORM], error->message);
      return;
    }
  w = old ? reward_copy (old) : sz_reward_new ();
  w->community_id = sz_session_get_community_id (r->session);
  g_free (w->name);
  w->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->name))));
  g_free (w->description);
  w->description = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->description))));
  if (!sz_points_parse (gtk_editable_get_text (GTK_EDITABLE (r->price)), &w->price))
    {
      sz_field_error_set (r->errors[F_PRICE], _("Price: points, such as 20 or 2.5."));
      return;
    }
  if (*stock == '\0')
    w->stock = -1;
  else
    {
      n = g_ascii_strtoll (stock, &end, 10);
      if (end == stock || *end != '\0' || n < 0 || n > G_MAXINT)
        {
          sz_field_error_set (r->errors[F_STOCK], _("Stock: how many are left, such as 10; nothing for no limit."));
          return;
        }
      w->stock = (int) n;
    }
  w->active = gtk_check_button_get_active (GTK_CHECK_BUTTON (r->active));
  if (!sz_reward_save (db, w, &error))
    {
      Field f = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL, F_FORM);

      sz_field_error_set (r->errors[f], error->message);
      return;
    }
  r->id = w->id;
  if (old != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: what Ctrl+Z undoes; %s is a reward */
      label = g_strdup_printf (_("Edit reward %s"), old->name);
      sz_session_push_undo (r->session, label, undo_edit_cb, g_steal_pointer (&old), (GDestroyNotify) sz_reward_free);
    }
  sz_session_changed (r->session);
}

GtkWidget *
sz_rewards_dialog_new (GtkWidget *over,
                       SzSession *session)
{
  GtkWidget *window;
  GtkWidget *new_button;
  GtkWidget *save_button;
  GtkGrid *grid;
  Rewards *r = g_new0 (Rewards, 1);

  r->session = g_object_ref (session);
  window = sz_points_editor_new (over, _("Rewards Catalogue"), _("_New Reward"), &r->list, &grid,
                                 &new_button, &save_button);
  gtk_widget_set_name (window, "rewards-dialog");
  r->name = gtk_entry_new ();
  r->errors[F_NAME] = sz_points_form_row (grid, 0, C_("reward", "_Name"), r->name, "name");
  r->description = gtk_entry_new ();
  r->errors[F_DESCRIPTION] = sz_points_form_row (grid, 2, _("_Description"), r->description, "description");
  r->price = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (r->price), _("Points"));
  r->errors[F_PRICE] = sz_points_form_row (grid, 4, _("_Price"), r->price, "price");
  r->stock = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (r->stock), _("No limit"));
  r->errors[F_STOCK] = sz_points_form_row (grid, 6, _("_Stock"), r->stock, "stock");
  /* Translators: a check box of a reward; unticked, it is retired */
  r->active = gtk_check_button_new_with_mnemonic (_("In the _catalogue (untick to retire it)"));
  r->errors[F_FORM] = sz_points_form_row (grid, 8, "", r->active, "active");
  g_object_set_data_full (G_OBJECT (window), "sz-rewards", r, rewards_free);
  g_signal_connect_swapped (r->list, "row-selected", G_CALLBACK (on_row_selected_cb), r);
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (on_new_clicked_cb), r);
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (on_save_clicked_cb), r);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), window, 0);
  fill_form (r, NULL);
  load (r);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
