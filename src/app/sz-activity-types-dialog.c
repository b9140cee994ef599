/* sz-activity-types-dialog.c: a list of the types, retired ones dim, and
 * the form of the chosen one: name, basis, points, the cap or the time
 * recorded, the levels it applies to, in use or retired.  An edit can be
 * undone; a type is retired rather than removed (old movements keep it).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-activity-types-dialog.h"
#include "sz-app-util.h"
#include "sz-points-form.h"

typedef enum
{
  F_NAME,
  F_BASIS,
  F_POINTS,
  F_MINUTES,
  F_LEVELS,
  F_FORM,
  N_FIELDS
} Field;

/* Translators: the labels the core's messages about an activity type start with */
static const SzFieldTitle titles[] = {
  { F_NAME, NC_("activity type", "Name"), "activity type" },
  { F_BASIS, N_("Basis") },
  { F_POINTS, N_("Points") },
  { F_MINUTES, N_("Most hours counted") },
  { F_MINUTES, N_("Hours recorded") },
  { F_MINUTES, N_("Hours") },
  { F_LEVELS, N_("Levels") },
};

typedef struct
{
  SzSession  *session;
  GtkListBox *list;
  GtkWidget  *name;
  GtkWidget  *basis;
  GtkWidget  *points;
  GtkWidget  *minutes_label;
  GtkWidget  *minutes;
  GtkWidget  *levels[SZ_N_LEVELS];
  GtkWidget  *active;
  GtkWidget  *errors[N_FIELDS];
  gint64      id;          /* the type in the form; 0: a new one */
  gboolean    loading;
} Types;

static void
types_free (gpointer data)
{
  Types *t = data;

  g_object_unref (t->session);
  g_free (t);
}

static SzActivityType *
type_copy (const SzActivityType *t)
{
  SzActivityType *c = sz_activity_type_new ();

  c->id = t->id;
  c->community_id = t->community_id;
  g_free (c->name);
  c->name = g_strdup (t->name);
  c->basis = t->basis;
  c->points_per_unit = t->points_per_unit;
  c->minutes = t->minutes;
  c->levels = t->levels;
  c->active = t->active;
  c->position = t->position;
  return c;
}

static char *
type_detail (const SzActivityType *t)
{
  g_autofree char *points = sz_points_format (t->points_per_unit);

  if (!t->active)
    /* Translators: in the list of activity types: a retired one */
    return g_strdup (_("Retired"));
  return g_strdup_printf (t->basis == SZ_BASIS_PER_HOUR ? _("%s points an hour") : _("%s points an occasion"), points);
}

static void
clear_errors (Types *t)
{
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (t->errors[i], NULL);
}

static void
update_minutes_label (Types *t)
{
  gboolean per_hour = gtk_drop_down_get_selected (GTK_DROP_DOWN (t->basis)) == SZ_BASIS_PER_HOUR;

  gtk_label_set_text_with_mnemonic (GTK_LABEL (t->minutes_label),
                                    per_hour ? _("_Most hours counted") : _("_Hours recorded"));
  gtk_entry_set_placeholder_text (GTK_ENTRY (t->minutes), per_hour ? _("No limit") : _("None"));
}

static void
fill_form (Types                *t,
           const SzActivityType *type)
{
  g_autofree char *points = type ? sz_points_format (type->points_per_unit) : g_strdup ("");
  g_autofree char *hours = type && type->minutes > 0 ? sz_hours_format (type->minutes) : g_strdup ("");

  t->loading = TRUE;
  t->id = type ? type->id : 0;
  gtk_editable_set_text (GTK_EDITABLE (t->name), type ? type->name : "");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (t->basis), type ? type->basis : SZ_BASIS_PER_HOUR);
  gtk_editable_set_text (GTK_EDITABLE (t->points), points);
  gtk_editable_set_text (GTK_EDITABLE (t->minutes), hours);
  for (int l = 0; l < SZ_N_LEVELS; l++)
    gtk_check_button_set_active (GTK_CHECK_BUTTON (t->levels[l]), type && (type->levels & (1u << l)));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (t->active), type ? type->active : TRUE);
  update_minutes_label (t);
  clear_errors (t);
  t->loading = FALSE;
}

static void
load (Types *t)
{
  SzDb *db = sz_session_get_db (t->session);
  g_autoptr(GPtrArray) types = sz_activity_type_list (db, sz_session_get_community_id (t->session), TRUE, NULL);
  GtkWidget *child;
  gint64 keep = t->id;

  t->loading = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (t->list))) != NULL)
    gtk_list_box_remove (t->list, child);
  for (guint i = 0; types != NULL && i < types->len; i++)
    {
      SzActivityType *type = types->pdata[i];
      g_autofree char *detail = type_detail (type);

      sz_points_editor_add_row (t->list, type->name, detail, !type->active, type->id);
    }
  t->loading = FALSE;
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (t->list)); row; row = gtk_widget_get_next_sibling (row))
    if (keep != 0 && sz_points_editor_row_id (GTK_LIST_BOX_ROW (row)) == keep)
      gtk_list_box_select_row (t->list, GTK_LIST_BOX_ROW (row));
  if (keep == 0)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (t->list, 0);

      if (first != NULL)
        gtk_list_box_select_row (t->list, first);
    }
}

static void
on_session_changed_cb (SzSession *session,
                       GtkWidget *window)
{
  load (g_object_get_data (G_OBJECT (window), "sz-types"));
}

static void
on_row_selected_cb (Types         *t,
                    GtkListBoxRow *row)
{
  g_autoptr(SzActivityType) type = NULL;

  if (t->loading || row == NULL)
    return;
  type = sz_activity_type_get (sz_session_get_db (t->session), sz_points_editor_row_id (row), NULL);
  fill_form (t, type);
}

static void
on_new_clicked_cb (Types *t)
{
  gtk_list_box_unselect_all (t->list);
  fill_form (t, NULL);
  gtk_widget_grab_focus (t->name);
}

static gboolean
undo_edit_cb (SzSession  *session,
              gpointer    data,
              GError    **error)
{
  g_autoptr(SzActivityType) old = type_copy (data);

  return sz_activity_type_save (sz_session_get_db (session), old, error);
}

static void
on_save_clicked_cb (Types *t)
{
  SzDb *db = sz_session_get_db (t->session);
  g_autoptr(SzActivityType) old = NULL;
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(GError) error = NULL;
  int minutes = 0;

  clear_errors (t);
  if (t->id != 0 && (old = sz_activity_type_get (db, t->id, &error)) == NULL)
    {
      sz_field_error_set (t->errors[F_FORM], error->message);
      return;
    }
  type = old ? type_copy (old) : sz_activity_type_new ();
  type->community_id = sz_session_get_community_id (t->session);
  g_free (type->name);
  type->name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (t->name))));
  type->basis = gtk_drop_down_get_selected (GTK_DROP_DOWN (t->basis)) == 1 ? SZ_BASIS_PER_OCCASION : SZ_BASIS_PER_HOUR;
  if (!sz_points_parse (gtk_editable_get_text (GTK_EDITABLE (t->points)), &type->points_per_unit))
    {
      sz_field_error_set (t->errors[F_POINTS], _("Points: a number such as 1, 0.5 or 5."));
      return;
    }
  if (*gtk_editable_get_text (GTK_EDITABLE (t->minutes)) != '\0'
      && !sz_hours_parse (gtk_editable_get_text (GTK_EDITABLE (t->minutes)), &minutes))
    {
      sz_field_error_set (t->errors[F_MINUTES], _("Hours: a number such as 2 or 1.5, or nothing."));
      return;
    }
  type->minutes = minutes;
  type->levels = 0;
  for (int l = 0; l < SZ_N_LEVELS; l++)
    if (gtk_check_button_get_active (GTK_CHECK_BUTTON (t->levels[l])))
      type->levels |= 1u << l;
  type->active = gtk_check_button_get_active (GTK_CHECK_BUTTON (t->active));
  if (!sz_activity_type_save (db, type, &error))
    {
      Field f = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL, F_FORM);

      sz_field_error_set (t->errors[f], error->message);
      return;
    }
  t->id = type->id;
  if (old != NULL)
    {
      g_autofree char *label = NULL;

      /* Translators: what Ctrl+Z undoes; %s is an activity type */
      label = g_strdup_printf (_("Edit activity type %s"), old->name);
      sz_session_push_undo (t->session, label, undo_edit_cb, g_steal_pointer (&old),
                            (GDestroyNotify) sz_activity_type_free);
    }
  sz_session_changed (t->session);
}

GtkWidget *
sz_activity_types_dialog_new (GtkWidget *over,
                              SzSession *session)
{
  const char *bases[] = { _("Points per hour"), _("Points per occasion"), NULL };
  GtkWidget *window;
  GtkWidget *new_button;
  GtkWidget *save_button;
  GtkWidget *levels;
  GtkWidget *note;
  GtkGrid *grid;
  Types *t = g_new0 (Types, 1);

  t->session = g_object_ref (session);
  window = sz_points_editor_new (over, _("Points Rules and Activity Types"), _("_New Type"), &t->list, &grid,
                                 &new_button, &save_button);
  gtk_widget_set_name (window, "types-dialog");
  t->name = gtk_entry_new ();
  t->errors[F_NAME] = sz_points_form_row (grid, 0, C_("activity type", "_Name"), t->name, "name");
  t->basis = gtk_drop_down_new_from_strings (bases);
  t->errors[F_BASIS] = sz_points_form_row (grid, 2, _("_Basis"), t->basis, "basis");
  t->points = gtk_entry_new ();
  t->errors[F_POINTS] = sz_points_form_row (grid, 4, _("_Points"), t->points, "points");
  t->minutes = gtk_entry_new ();
  t->errors[F_MINUTES] = sz_points_form_row (grid, 6, _("_Most hours counted"), t->minutes, "minutes");
  t->minutes_label = gtk_grid_get_child_at (grid, 0, 6);
  levels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  for (int l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autofree char *name = g_strdup_printf ("level-%d", l);

      t->levels[l] = gtk_check_button_new_with_label (sz_level_head_title (l));
      gtk_widget_set_name (t->levels[l], name);
      gtk_box_append (GTK_BOX (levels), t->levels[l]);
    }
  note = sz_points_note_new (_("None ticked: anyone in the community’s people, volunteers too."));
  gtk_box_append (GTK_BOX (levels), note);
  t->errors[F_LEVELS] = sz_points_form_row (grid, 8, _("For _whom"), levels, "levels");
  gtk_widget_set_valign (gtk_grid_get_child_at (grid, 0, 8), GTK_ALIGN_START);
  /* Translators: a check box of an activity type; unticked, it is retired */
  t->active = gtk_check_button_new_with_mnemonic (_("In _use (untick to retire it)"));
  t->errors[F_FORM] = sz_points_form_row (grid, 10, "", t->active, "active");
  g_object_set_data_full (G_OBJECT (window), "sz-types", t, types_free);
  g_signal_connect_swapped (t->list, "row-selected", G_CALLBACK (on_row_selected_cb), t);
  g_signal_connect_swapped (t->basis, "notify::selected", G_CALLBACK (update_minutes_label), t);
  g_signal_connect_swapped (new_button, "clicked", G_CALLBACK (on_new_clicked_cb), t);
  g_signal_connect_swapped (save_button, "clicked", G_CALLBACK (on_save_clicked_cb), t);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), window, 0);
  fill_form (t, NULL);
  load (t);
  gtk_window_present (GTK_WINDOW (window));
  return window;
}
