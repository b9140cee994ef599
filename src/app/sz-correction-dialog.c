/* sz-correction-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-correction-dialog.h"
#include "sz-points-form.h"

typedef enum
{
  F_DAY,
  F_HOURS,
  F_POINTS,
  F_REASON,
  F_FORM,
  N_FIELDS
} Field;

/* Translators: the labels the core's messages about a correction start with */
static const SzFieldTitle titles[] = {
  { F_DAY, N_("Day") },
  { F_HOURS, N_("Hours") },
  { F_POINTS, N_("Points") },
  { F_REASON, N_("Reason") },
};

typedef struct
{
  SzSession *session;
  gint64     person_id;
  char      *name;
  GtkWidget *day;
  GtkWidget *hours;
  GtkWidget *points;
  GtkWidget *reason;
  GtkWidget *errors[N_FIELDS];
} Correction;

static void
correction_free (gpointer data)
{
  Correction *c = data;

  g_object_unref (c->session);
  g_free (c->name);
  g_free (c);
}

/* "-1.5", "+2", "2", "" (0). */
static gboolean
parse_signed (const char *text,
              gboolean    hours,
              gint64     *value)
{
  g_autofree char *s = g_strstrip (g_strdup (text));
  const char *p = s;
  int sign = 1;
  gint64 tenths = 0;
  int minutes = 0;

  if (*p == '\0')
    {
      *value = 0;
      return TRUE;
    }
  if (*p == '-' || *p == '+')
    sign = *p++ == '-' ? -1 : 1;
  else if (g_str_has_prefix (p, "−"))
    {
      sign = -1;
      p += strlen ("−");
    }
  if (hours ? !sz_hours_parse (p, &minutes) : !sz_points_parse (p, &tenths))
    return FALSE;
  *value = sign * (hours ? minutes : tenths);
  return TRUE;
}

static void
on_response_cb (GtkDialog  *dialog,
                int         response,
                Correction *c)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *label = NULL;
  gint64 minutes, points, id = 0;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (c->errors[i], NULL);
  if (!parse_signed (gtk_editable_get_text (GTK_EDITABLE (c->hours)), TRUE, &minutes))
    {
      sz_field_error_set (c->errors[F_HOURS], _("Hours: a number such as 2, 1.5 or -0.5."));
      return;
    }
  if (!parse_signed (gtk_editable_get_text (GTK_EDITABLE (c->points)), FALSE, &points))
    {
      sz_field_error_set (c->errors[F_POINTS], _("Points: a number such as 10, 2.5 or -3."));
      return;
    }
  if (minutes == 0 && points == 0)
    {
      sz_field_error_set (c->errors[F_POINTS], _("Points: enter the hours or the points to add or take away."));
      return;
    }
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (c->reason))));
  if (!sz_points_correct (sz_session_get_db (c->session), c->person_id,
                          gtk_editable_get_text (GTK_EDITABLE (c->day)), (int) minutes, points, reason, &id, &error))
    {
      Field f = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL,
                                      g_error_matches (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_BALANCE)
                                      ? F_POINTS : F_FORM);

      sz_field_error_set (c->errors[f], error->message);
      return;
    }
  /* Translators: what Ctrl+Z undoes; %s is the person's name */
  label = g_strdup_printf (_("Correction for %s"), c->name);
  sz_points_push_reverse_undo (c->session, label, &id, 1);
  sz_session_changed (c->session);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWidget *
sz_correction_dialog_new (GtkWidget *over,
                          SzSession *session,
                          gint64     person_id)
{
  g_autoptr(SzPointsBalance) b = sz_points_balance_get (sz_session_get_db (session), person_id, NULL);
  g_autofree char *title = NULL;
  g_autofree char *today = sz_points_today ();
  g_autofree char *hours = NULL;
  g_autofree char *points = NULL;
  g_autofree char *now = NULL;
  GtkWidget *dialog;
  GtkGrid *grid;
  Correction *c;

  if (b == NULL)
    return NULL;
  /* Translators: the title of the correction form; %s is the person's name */
  title = g_strdup_printf (_("Correct %s’s Points"), b->name);
  dialog = sz_points_dialog_new (over, title, _("_Save"), &grid);
  gtk_widget_set_name (dialog, "correction-dialog");
  c = g_new0 (Correction, 1);
  c->session = g_object_ref (session);
  c->person_id = person_id;
  c->name = g_strdup (b->name);
  hours = sz_hours_format (b->minutes);
  points = sz_points_format (b->balance);
  /* Translators: in the correction form; the person's hours and points now */
  now = g_strdup_printf (_("Now %s hours and %s points. Enter what to add, or a minus sign to take away (-1.5)."),
                         hours, points);
  gtk_grid_attach (grid, sz_points_note_new (now), 0, 0, 2, 1);
  c->day = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (c->day), today);
  c->errors[F_DAY] = sz_points_form_row (grid, 1, _("_Day"), c->day, "day");
  c->hours = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (c->hours), "0");
  c->errors[F_HOURS] = sz_points_form_row (grid, 3, _("_Hours"), c->hours, "hours");
  c->points = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (c->points), "0");
  c->errors[F_POINTS] = sz_points_form_row (grid, 5, _("_Points"), c->points, "points");
  c->reason = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (c->reason), 30);
  c->errors[F_REASON] = sz_points_form_row (grid, 7, _("_Reason"), c->reason, "reason");
  c->errors[F_FORM] = sz_field_error_new ();
  gtk_widget_set_name (c->errors[F_FORM], "form-error");
  gtk_grid_attach (grid, c->errors[F_FORM], 0, 9, 2, 1);
  g_object_set_data_full (G_OBJECT (dialog), "sz-correction", c, correction_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_response_cb), c);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (c->points);
  return dialog;
}
