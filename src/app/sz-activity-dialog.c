/* sz-activity-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-activity-dialog.h"
#include "sz-app-util.h"
#include "sz-points-form.h"

typedef enum
{
  F_TYPE,
  F_DAY,
  F_TITLE,
  F_HOURS,
  F_PEOPLE,
  N_FIELDS
} Field;

/* Translators: the labels the core's messages about an activity start with */
static const SzFieldTitle titles[] = {
  { F_TYPE, N_("Type") },
  { F_TYPE, N_("Activity type") },
  { F_DAY, N_("Day") },
  { F_TITLE, NC_("activity", "Title"), "activity" },
  /* A person's hours: under the participants, who are named. */
  { F_PEOPLE, N_("Hours") },
  { F_PEOPLE, N_("Participants") },
};

typedef struct
{
  gint64     person_id;
  int        level;
  char      *name;
  GtkWidget *row;
  GtkWidget *check;
  GtkWidget *hours;
  GtkWidget *points;
} Participant;

typedef struct
{
  SzSession  *session;
  GPtrArray  *types;          /* SzActivityType, active */
  GPtrArray  *participants;   /* Participant */
  GHashTable *matches;        /* person ids the search finds; NULL: all */
  GtkWidget  *type;
  GtkWidget  *rule;
  GtkWidget  *day;
  GtkWidget  *title;
  GtkWidget  *hours_label;
  GtkWidget  *hours;
  GtkWidget  *search;
  GtkWidget  *list;
  GtkWidget  *summary;
  GtkWidget  *errors[N_FIELDS];
  char       *default_hours;  /* what the rows took from the occasion's hours */
} Activity;

static void
participant_free (gpointer data)
{
  Participant *p = data;

  g_free (p->name);
  g_free (p);
}

static void
activity_free (gpointer data)
{
  Activity *a = data;

  g_object_unref (a->session);
  g_ptr_array_unref (a->types);
  g_ptr_array_unref (a->participants);
  g_clear_pointer (&a->matches, g_hash_table_unref);
  g_free (a->default_hours);
  g_free (a);
}

static SzActivityType *
chosen_type (Activity *a)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (a->type));

  return i < a->types->len ? a->types->pdata[i] : NULL;
}

/* What @t gives for @minutes (tenths), as the core counts it. */
static gint64
points_for (SzActivityType *t,
            int             minutes)
{
  if (t->basis == SZ_BASIS_PER_OCCASION)
    return t->points_per_unit;
  if (t->minutes > 0)
    minutes = MIN (minutes, t->minutes);
  return ((gint64) minutes * t->points_per_unit + 30) / 60;
}

static char *
rule_text (SzActivityType *t)
{
  g_autofree char *points = sz_points_format (t->points_per_unit);
  g_autofree char *hours = sz_hours_format (t->minutes);
  GString *s = g_string_new (NULL);

  if (t->basis == SZ_BASIS_PER_HOUR)
    {
      /* Translators: an activity type's rule, in the activity form */
      g_string_append_printf (s, _("%s points an hour"), points);
      if (t->minutes > 0)
        /* Translators: follows "N points an hour" */
        g_string_append_printf (s, _(", at most %s hours counted"), hours);
    }
  else
    {
      /* Translators: an activity type's rule, in the activity form */
      g_string_append_printf (s, _("%s points an occasion"), points);
      if (t->minutes > 0)
        /* Translators: follows "N points an occasion" */
        g_string_append_printf (s, _(", %s hours of service recorded"), hours);
    }
  if (t->levels != 0)
    {
      g_string_append (s, _("; for "));
      for (int l = 0, n = 0; l < SZ_N_LEVELS; l++)
        if (t->levels & (1u << l))
          /* Translators: between the levels in an activity type's rule ("楼栋长、单元长") */
          g_string_append_printf (s, "%s%s", n++ ? C_("levels", ", ") : "", sz_level_head_title (l));
    }
  /* Translators: ends an activity type's rule in the activity form */
  g_string_append (s, _("."));
  return g_string_free (s, FALSE);
}

static gboolean
applies_to (SzActivityType *t,
            Participant    *p)
{
  return t == NULL || t->levels == 0 || (p->level >= 0 && (t->levels & (1u << p->level)) != 0);
}

/* The points of each row and the total, as the type and hours stand. */
static void
update_points (Activity *a)
{
  SzActivityType *t = chosen_type (a);
  guint n = 0;
  gint64 total = 0;
  g_autofree char *sum = NULL;
  g_autofree char *text = NULL;

  for (guint i = 0; i < a->participants->len; i++)
    {
      Participant *p = a->participants->pdata[i];
      gboolean on = gtk_check_button_get_active (GTK_CHECK_BUTTON (p->check)) && applies_to (t, p);
      int minutes = 0;
      gint64 points = 0;

      gtk_widget_set_sensitive (p->hours, on);

      if (on && t != NULL)
        {
          if (t->basis == SZ_BASIS_PER_HOUR
              && !sz_hours_parse (gtk_editable_get_text (GTK_EDITABLE (p->hours)), &minutes))
            minutes = 0;
          points = points_for (t, minutes);
          total += points;
          n++;
        }
      if (on && t != NULL)
        {
          g_autofree char *s = sz_points_format (points);
          g_autofree char *label = g_strdup_printf (_("%s points"), s);

          gtk_label_set_text (GTK_LABEL (p->points), label);
        }
      else
        gtk_label_set_text (GTK_LABEL (p->points), "");
    }
  sum = sz_points_format (total);
  /* Translators: under the participants of an activity: how many are ticked, their points in all */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person ticked, %s points in all",
                                       "%u people ticked, %s points in all", n), n, sum);
  gtk_label_set_text (GTK_LABEL (a->summary), text);
}

static gboolean
filter_row (GtkListBoxRow *row,
            gpointer       data)
{
  Activity *a = data;
  Participant *p = g_object_get_data (G_OBJECT (row), "sz-participant");

  if (p == NULL || !applies_to (chosen_type (a), p))
    return FALSE;
  return a->matches == NULL || g_hash_table_contains (a->matches, &p->person_id);
}

static void
on_type_changed_cb (Activity *a)
{
  SzActivityType *t = chosen_type (a);
  gboolean per_hour = t != NULL && t->basis == SZ_BASIS_PER_HOUR;
  g_autofree char *rule = t ? rule_text (t) : g_strdup ("");

  gtk_label_set_text (GTK_LABEL (a->rule), rule);
  gtk_entry_set_placeholder_text (GTK_ENTRY (a->title), t ? t->name : NULL);
  gtk_widget_set_visible (a->hours_label, per_hour);
  gtk_widget_set_visible (a->hours, per_hour);
  for (guint i = 0; i < a->participants->len; i++)
    gtk_widget_set_visible (((Participant *) a->participants->pdata[i])->hours, per_hour);
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (a->list));
  update_points (a);
}

/* The occasion's hours go to every row that still has the old default. */
static void
on_hours_changed_cb (Activity *a)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (a->hours));

  for (guint i = 0; i < a->participants->len; i++)
    {
      Participant *p = a->participants->pdata[i];

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (p->hours)), a->default_hours) == 0)
        gtk_editable_set_text (GTK_EDITABLE (p->hours), text);
    }
  g_free (a->default_hours);
  a->default_hours = g_strdup (text);
  update_points (a);
}

static void
on_search_changed_cb (Activity *a)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (a->search));
  SzPointsFilter filter;
  g_autoptr(GPtrArray) found = NULL;

  g_clear_pointer (&a->matches, g_hash_table_unref);
  if (text != NULL && *text != '\0')
    {
      sz_points_filter_init (&filter, sz_session_get_community_id (a->session));
      filter.search = text;
      filter.with_zero = TRUE;
      found = sz_points_balances (sz_session_get_db (a->session), &filter, NULL);
      a->matches = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
      for (guint i = 0; found != NULL && i < found->len; i++)
        g_hash_table_add (a->matches, g_memdup2 (&((SzPointsBalance *) found->pdata[i])->person_id, sizeof (gint64)));
    }
  gtk_list_box_invalidate_filter (GTK_LIST_BOX (a->list));
}

static void
on_response_cb (GtkDialog *dialog,
                int        response,
                Activity  *a)
{
  SzDb *db = sz_session_get_db (a->session);
  SzActivityType *t = chosen_type (a);
  g_autoptr(SzActivity) activity = NULL;
  g_autoptr(GArray) list = NULL;
  g_autoptr(GPtrArray) written = NULL;
  g_autoptr(GArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (a->errors[i], NULL);
  if (t == NULL)
    {
      sz_field_error_set (a->errors[F_TYPE], _("Type: choose the kind of activity."));
      return;
    }
  list = g_array_new (FALSE, TRUE, sizeof (SzParticipant));
  for (guint i = 0; i < a->participants->len; i++)
    {
      Participant *p = a->participants->pdata[i];
      SzParticipant part = { p->person_id, 0 };

      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (p->check)) || !applies_to (t, p))
        continue;
      if (t->basis == SZ_BASIS_PER_HOUR
          && !sz_hours_parse (gtk_editable_get_text (GTK_EDITABLE (p->hours)), &part.minutes))
        {
          g_autofree char *message = NULL;

          /* Translators: under the participants; %s is a name */
          message = g_strdup_printf (_("Participants: %s’s hours are not a number such as 2 or 1.5."), p->name);
          sz_field_error_set (a->errors[F_PEOPLE], message);
          gtk_widget_grab_focus (p->hours);
          return;
        }
      g_array_append_val (list, part);
    }
  if (list->len == 0)
    {
      sz_field_error_set (a->errors[F_PEOPLE], _("Participants: tick the people who took part."));
      return;
    }
  activity = sz_activity_new ();
  activity->community_id = sz_session_get_community_id (a->session);
  activity->type_id = t->id;
  activity->day = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->day))));
  activity->title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (a->title))));
  if (!sz_activity_record (db, activity, (SzParticipant *) list->data, list->len, &error))
    {
      Field f = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL, F_PEOPLE);

      sz_field_error_set (a->errors[f], error->message);
      return;
    }
  written = sz_activity_movements (db, activity->id, NULL);
  ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; written != NULL && i < written->len; i++)
    g_array_append_val (ids, ((SzMovement *) written->pdata[i])->id);
  /* Translators: what Ctrl+Z undoes: an activity and how many took part ("五一大扫除, 3 people") */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Activity %s, %u person", "Activity %s, %u people",
                                        list->len),
                           *activity->title ? activity->title : t->name, list->len);
  if (ids->len > 0)
    sz_points_push_reverse_undo (a->session, label, (gint64 *) ids->data, ids->len);
  sz_session_changed (a->session);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
add_participant (Activity        *a,
                 SzPointsBalance *b)
{
  Participant *p = g_new0 (Participant, 1);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *post;
  g_autofree char *check_name = g_strdup_printf ("check-%" G_GINT64_FORMAT, b->person_id);
  g_autofree char *hours_name = g_strdup_printf ("hours-%" G_GINT64_FORMAT, b->person_id);

  p->person_id = b->person_id;
  p->level = b->level;
  p->name = g_strdup (b->name);
  p->check = gtk_check_button_new_with_label (b->name);
  gtk_widget_set_name (p->check, check_name);
  gtk_widget_set_size_request (p->check, 110, -1);
  post = gtk_label_new (b->post && *b->post ? b->post : sz_points_level_title (b->level));
  gtk_label_set_xalign (GTK_LABEL (post), 0);
  gtk_label_set_ellipsize (GTK_LABEL (post), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (post, "dim-label");
  gtk_widget_set_hexpand (post, TRUE);
  p->hours = gtk_entry_new ();
  gtk_widget_set_name (p->hours, hours_name);
  gtk_editable_set_width_chars (GTK_EDITABLE (p->hours), 4);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (p->hours), 4);
  gtk_editable_set_text (GTK_EDITABLE (p->hours), a->default_hours);
  gtk_widget_set_tooltip_text (p->hours, _("Hours served"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (p->hours), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Hours served"), -1);
  p->points = gtk_label_new (NULL);
  gtk_label_set_width_chars (GTK_LABEL (p->points), 8);
  gtk_label_set_xalign (GTK_LABEL (p->points), 1);
  gtk_widget_add_css_class (p->points, "numeric");
  gtk_box_append (GTK_BOX (box), p->check);
  gtk_box_append (GTK_BOX (box), post);
  gtk_box_append (GTK_BOX (box), p->hours);
  gtk_box_append (GTK_BOX (box), p->points);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  p->row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (p->row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (p->row), FALSE);
  g_object_set_data (G_OBJECT (p->row), "sz-participant", p);
  gtk_list_box_append (GTK_LIST_BOX (a->list), p->row);
  g_signal_connect_swapped (p->check, "toggled", G_CALLBACK (update_points), a);
  g_signal_connect_swapped (p->hours, "changed", G_CALLBACK (update_points), a);
  g_ptr_array_add (a->participants, p);
}

GtkWidget *
sz_activity_dialog_new (GtkWidget *over,
                        SzSession *session)
{
  SzDb *db = sz_session_get_db (session);
  gint64 community = sz_session_get_community_id (session);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) people = NULL;
  g_autofree char *today = sz_points_today ();
  SzPointsFilter filter;
  GtkWidget *dialog;
  GtkWidget *scrolled;
  GtkWidget *box;
  GtkWidget *label;
  GtkGrid *grid;
  Activity *a;

  dialog = sz_points_dialog_new (over, _("Record an Activity"), _("_Save"), &grid);
  gtk_widget_set_name (dialog, "activity-dialog");
  gtk_window_set_default_size (GTK_WINDOW (dialog), 620, -1);
  a = g_new0 (Activity, 1);
  a->session = g_object_ref (session);
  a->participants = g_ptr_array_new_with_free_func (participant_free);
  a->default_hours = g_strdup ("2");
  a->types = sz_activity_type_list (db, community, FALSE, NULL);
  if (a->types == NULL)
    a->types = g_ptr_array_new ();
  g_ptr_array_set_free_func (a->types, (GDestroyNotify) sz_activity_type_free);
  for (guint i = 0; i < a->types->len; i++)
    gtk_string_list_append (names, ((SzActivityType *) a->types->pdata[i])->name);

  a->type = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (names)), NULL);
  a->errors[F_TYPE] = sz_points_form_row (grid, 0, _("_Type"), a->type, "type");
  a->rule = sz_points_note_new (NULL);
  gtk_widget_set_name (a->rule, "rule");
  gtk_grid_attach (grid, a->rule, 1, 2, 1, 1);
  a->day = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (a->day), today);
  a->errors[F_DAY] = sz_points_form_row (grid, 3, _("_Day"), a->day, "day");
  a->title = gtk_entry_new ();
  a->errors[F_TITLE] = sz_points_form_row (grid, 5, C_("activity", "T_itle"), a->title, "title");
  a->hours = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (a->hours), a->default_hours);
  gtk_editable_set_width_chars (GTK_EDITABLE (a->hours), 6);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (a->hours), 6);
  a->errors[F_HOURS] = sz_points_form_row (grid, 7, _("_Hours each"), a->hours, "hours");
  gtk_widget_set_hexpand (a->hours, FALSE);
  gtk_widget_set_halign (a->hours, GTK_ALIGN_START);
  a->hours_label = gtk_grid_get_child_at (grid, 0, 7);

  label = gtk_label_new_with_mnemonic (_("_Participants"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  gtk_widget_set_margin_top (label, 6);
  gtk_grid_attach (grid, label, 0, 9, 1, 1);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  a->search = gtk_search_entry_new ();
  gtk_widget_set_name (a->search, "participant-search");
  g_object_set (a->search, "placeholder-text", _("Find by name, pinyin or initials"), NULL);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), a->search);
  gtk_box_append (GTK_BOX (box), a->search);
  a->list = gtk_list_box_new ();
  gtk_widget_set_name (a->list, "participants");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (a->list), GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (GTK_LIST_BOX (a->list), filter_row, a, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (a->list), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Participants"), -1);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), a->list);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scrolled), 120);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 220);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_has_frame (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), scrolled);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_grid_attach (grid, box, 1, 9, 1, 1);
  a->summary = sz_points_note_new (NULL);
  gtk_widget_set_name (a->summary, "summary");
  gtk_grid_attach (grid, a->summary, 1, 10, 1, 1);
  a->errors[F_PEOPLE] = sz_field_error_new ();
  gtk_widget_set_name (a->errors[F_PEOPLE], "participants-error");
  gtk_grid_attach (grid, a->errors[F_PEOPLE], 1, 11, 1, 1);

  sz_points_filter_init (&filter, community);
  filter.with_zero = TRUE;
  people = sz_points_balances (db, &filter, NULL);
  for (guint i = 0; people != NULL && i < people->len; i++)
    add_participant (a, people->pdata[i]);
  if (people == NULL || people->len == 0)
    sz_field_error_set (a->errors[F_PEOPLE], _("The community has no people yet."));
  if (a->types->len == 0)
    sz_field_error_set (a->errors[F_TYPE],
                        _("Type: no activity type is in use; add one with “Points Rules and Activity Types…”."));

  g_object_set_data_full (G_OBJECT (dialog), "sz-activity", a, activity_free);
  g_signal_connect_swapped (a->type, "notify::selected", G_CALLBACK (on_type_changed_cb), a);
  g_signal_connect_swapped (a->hours, "changed", G_CALLBACK (on_hours_changed_cb), a);
  g_signal_connect_swapped (a->search, "search-changed", G_CALLBACK (on_search_changed_cb), a);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), a);
  on_type_changed_cb (a);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
