/* sz-record-view.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-record-action-dialog.h"
#include "sz-record-dialog.h"
#include "sz-record-view.h"

/* An entry written down this long after it happened shows when it was. */
#define LATE_ENTRY_SECONDS (60 * 60)

struct _SzRecordView
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkStack   *stack;
  GtkLabel   *title_label;
  GtkLabel   *state_label;
  GtkFlowBox *actions_box;
  GtkGrid    *fields_grid;
  GtkBox     *timeline_box;

  /* Owned references */
  SzSession  *session;
  gint64      record_id;
  SzAction    actions[SZ_N_ACTIONS];
  guint       n_actions;
  guint       n_events;
  char       *reporter_text;
};

G_DEFINE_FINAL_TYPE (SzRecordView, sz_record_view, GTK_TYPE_WIDGET)

char *
sz_record_view_format_duration (gint64 seconds)
{
  guint64 minutes = (guint64) MAX (seconds, 0) / 60;
  guint days = (guint) (minutes / (24 * 60));
  guint hours = (guint) (minutes / 60 % 24);
  guint mins = (guint) (minutes % 60);

  if (days > 0 && hours > 0)
    /* Translators: a duration: days, then hours ("2 days 3 h") */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day %u h", "%u days %u h", days), days, hours);
  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
  if (hours > 0 && mins > 0)
    /* Translators: a duration: hours, then minutes ("5 h 20 min") */
    return g_strdup_printf (_("%u h %u min"), hours, mins);
  if (hours > 0)
    /* Translators: a duration in hours ("5 h") */
    return g_strdup_printf (_("%u h"), hours);
  /* Translators: a duration in minutes ("40 min") */
  return g_strdup_printf (_("%u min"), mins);
}

char *
sz_record_view_format_duration_coarse (gint64 seconds)
{
  guint64 minutes = (guint64) MAX (seconds, 0) / 60;
  guint days = (guint) (minutes / (24 * 60));

  if (days > 0)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u day", "%u days", days), days);
  if (minutes >= 60)
    /* Translators: a duration in hours ("5 h") */
    return g_strdup_printf (_("%u h"), (guint) (minutes / 60));
  /* Translators: a duration in minutes ("40 min") */
  return g_strdup_printf (_("%u min"), (guint) minutes);
}

char *
sz_record_view_format_time_short (gint64   t,
                                  gint64   now,
                                  gboolean with_time)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (t);
  g_autoptr(GDateTime) utc_now = g_date_time_new_from_unix_utc (now);
  g_autoptr(GDateTime) local = NULL;
  g_autoptr(GDateTime) local_now = NULL;

  if (utc == NULL || utc_now == NULL)
    return g_strdup ("");
  local = g_date_time_to_timezone (utc, sz_record_time_zone ());
  local_now = g_date_time_to_timezone (utc_now, sz_record_time_zone ());
  if (g_date_time_get_year (local) != g_date_time_get_year (local_now))
    return g_date_time_format (local, "%Y-%m-%d");
  if (g_date_time_get_day_of_year (local) == g_date_time_get_day_of_year (local_now))
    return g_date_time_format (local, "%H:%M");
  return g_date_time_format (local, with_time ? "%m-%d %H:%M" : "%m-%d");
}

static gboolean
show_phones (SzRecordView *self)
{
  GSettings *settings = sz_session_get_settings (self->session);

  return settings != NULL && g_settings_get_boolean (settings, "show-phones");
}

/* What an entry of the history says happened: past tense, where the
 * buttons have the verbs. */
static const char *
action_done_title (SzAction action)
{
  switch (action)
    {
    case SZ_ACTION_RECEIVE:
      return C_("history", "Received");
    case SZ_ACTION_REPORT:
      return C_("history", "Reported to the community");
    case SZ_ACTION_DISPATCH:
      return C_("history", "Dispatched");
    case SZ_ACTION_RETURN:
      return C_("history", "Returned");
    case SZ_ACTION_SUSPEND:
      return C_("history", "Suspended");
    case SZ_ACTION_RESUME:
      return C_("history", "Resumed");
    case SZ_ACTION_RESOLVE:
      return C_("history", "Resolved");
    case SZ_ACTION_FOLLOW_UP:
      return C_("history", "Followed up");
    case SZ_ACTION_REOPEN:
      return C_("history", "Reopened");
    case SZ_ACTION_CLOSE:
      return C_("history", "Closed");
    case SZ_N_ACTIONS:
    default:
      return "";
    }
}

static GtkWidget *
wrapped_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  /* Selectable labels take the focus; Tab should go from button to button. */
  gtk_widget_set_focusable (label, FALSE);
  return label;
}

static void
clear_box (GtkWidget *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (box)) != NULL)
    {
      if (GTK_IS_FLOW_BOX (box))
        gtk_flow_box_remove (GTK_FLOW_BOX (box), child);
      else if (GTK_IS_GRID (box))
        gtk_grid_remove (GTK_GRID (box), child);
      else
        gtk_box_remove (GTK_BOX (box), child);
    }
}

static void
add_field (SzRecordView *self,
           int          *row,
           const char   *title,
           const char   *value)
{
  GtkWidget *name = gtk_label_new (title);
  GtkWidget *text = wrapped_label (value && *value ? value : "—");

  /* Room for the history beside the fields: long values wrap. */
  gtk_label_set_max_width_chars (GTK_LABEL (text), 28);
  gtk_label_set_xalign (GTK_LABEL (name), 1);
  gtk_label_set_yalign (GTK_LABEL (name), 0);
  gtk_widget_set_valign (name, GTK_ALIGN_START);
  gtk_widget_add_css_class (name, "dim-label");
  gtk_widget_set_hexpand (text, TRUE);
  gtk_grid_attach (self->fields_grid, name, 0, *row, 1, 1);
  gtk_grid_attach (self->fields_grid, text, 1, *row, 1, 1);
  (*row)++;
}

static void
show_fields (SzRecordView *self,
             SzRecord     *record)
{
  g_autofree char *received = sz_record_format_time (record->received_at);
  g_autofree char *phone = sz_phone_display (record->reporter_phone, show_phones (self));
  gboolean named = record->reporter_name != NULL && *record->reporter_name;
  int row = 0;

  g_clear_pointer (&self->reporter_text, g_free);
  if (named && *phone)
    /* Translators: a reporter: name and (masked) phone */
    self->reporter_text = g_strdup_printf (C_("reporter", "%s, %s"), record->reporter_name, phone);
  else if (named)
    self->reporter_text = g_strdup (record->reporter_name);
  else if (*phone)
    self->reporter_text = g_strdup (phone);
  else
    self->reporter_text = g_strdup (_("Anonymous"));

  clear_box (GTK_WIDGET (self->fields_grid));
  /* Translators: the fields of a record, as the record view shows them */
  add_field (self, &row, _("Received"), received);
  add_field (self, &row, _("Channel"), sz_channel_title (record->channel));
  add_field (self, &row, _("Place"), record->place_text);
  add_field (self, &row, _("Category"), record->category_name);
  add_field (self, &row, _("Duty"), sz_duty_kind_title (record->duty));
  add_field (self, &row, _("Time limit"), sz_time_class_title (record->time_class));
  add_field (self, &row, _("Brought in by"), record->head_name);
  add_field (self, &row, _("Reporter"), self->reporter_text);
  add_field (self, &row, _("Entered by"), record->actor);
  add_field (self, &row, _("Description"), record->description);
}

/* "Due 2026-11-26 14:30, 5 h left", red when overdue. */
static char *
state_text (const SzRecordState *state,
            gint64               now,
            gboolean            *overdue)
{
  g_autofree char *due = state->due_at ? sz_record_format_time (state->due_at) : NULL;
  g_autofree char *span = NULL;
  const char *status = sz_record_status_title (state->status);

  *overdue = sz_record_state_is_overdue (state, now);
  if (state->status == SZ_RECORD_SUSPENDED)
    {
      g_autofree char *since = sz_record_format_time (state->suspended_since);

      /* Translators: %s is a status ("Suspended"), then a time */
      return g_strdup_printf (_("%s since %s: the time limit does not run."), status, since);
    }
  if (sz_record_status_is_open (state->status) && due != NULL)
    {
      span = sz_record_view_format_duration (*overdue ? now - state->due_at : state->due_at - now);
      if (*overdue)
        /* Translators: a status ("Dispatched"), the due time, how long ago it was ("2 days 3 h") */
        return g_strdup_printf (_("%s. Due %s: overdue by %s."), status, due, span);
      /* Translators: a status ("Dispatched"), the due time, how long is left ("5 h 20 min") */
      return g_strdup_printf (_("%s. Due %s: %s left."), status, due, span);
    }
  if (state->resolved_at != 0 && state->status != SZ_RECORD_REOPENED)
    {
      g_autofree char *resolved = sz_record_format_time (state->resolved_at);

      gboolean on_time = sz_record_state_resolved_on_time (state);

      /* "Resolved. Resolved …" says it twice. */
      if (state->status == SZ_RECORD_RESOLVED)
        return g_strdup_printf (on_time ? _("Resolved %s, within the time limit.")
                                        : _("Resolved %s, after the time limit."), resolved);
      if (on_time)
        /* Translators: a status ("Closed"), then when the record was resolved */
        return g_strdup_printf (_("%s. Resolved %s, within the time limit."), status, resolved);
      /* Translators: a status ("Closed"), then when the record was resolved */
      return g_strdup_printf (_("%s. Resolved %s, after the time limit."), status, resolved);
    }
  return g_strdup_printf ("%s.", status);
}

static GtkWidget *
event_row_new (const SzRecordEvent *event)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label;
  g_autofree char *at = sz_record_format_time (event->at);
  g_autofree char *markup = NULL;

  /* One label that wraps, so that a long action or actor does not make
   * the view wider than the window. */
  /* Translators: the first line of an entry in a record's history: the time, what happened, who did it */
  markup = g_markup_printf_escaped (_("<span alpha='60%%'>%s</span>  <b>%s</b>  <span alpha='60%%'>%s</span>"),
                                    at, action_done_title (event->action), event->actor ? event->actor : "");
  label = wrapped_label (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_box_append (GTK_BOX (box), label);

  if (event->department != NULL && *event->department)
    {
      g_autofree char *text = NULL;

      if (event->contact != NULL && *event->contact)
        /* Translators: where a record was dispatched: a department or company and its contact */
        text = g_strdup_printf (_("To %s (contact: %s)"), event->department, event->contact);
      else
        /* Translators: where a record was dispatched: a department or company */
        text = g_strdup_printf (_("To %s"), event->department);
      gtk_box_append (GTK_BOX (box), wrapped_label (text));
    }
  if (event->satisfaction != SZ_SATISFACTION_NONE)
    gtk_box_append (GTK_BOX (box), wrapped_label (sz_satisfaction_title (event->satisfaction)));
  if (event->note != NULL && *event->note)
    gtk_box_append (GTK_BOX (box), wrapped_label (event->note));
  if (event->entered_at - event->at > LATE_ENTRY_SECONDS)
    {
      g_autofree char *entered = sz_record_format_time (event->entered_at);
      g_autofree char *text = NULL;

      /* Translators: an entry written down later than it happened; %s is a time */
      text = g_strdup_printf (_("Entered %s"), entered);
      label = wrapped_label (text);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

static void
on_action_button_clicked_cb (GtkButton    *button,
                             SzRecordView *self)
{
  SzAction action = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "action"));

  sz_record_view_open_action (self, action);
}

static void
on_correct_button_clicked_cb (SzRecordView *self)
{
  sz_record_view_open_correction (self);
}

static void
add_button (SzRecordView *self,
            GtkWidget    *button)
{
  GtkWidget *child = gtk_flow_box_child_new ();

  /* The button takes the focus, not the flow box's slot around it. */
  gtk_widget_set_focusable (child, FALSE);
  gtk_flow_box_child_set_child (GTK_FLOW_BOX_CHILD (child), button);
  gtk_flow_box_append (self->actions_box, child);
}

static void
show_actions (SzRecordView        *self,
              const SzRecordState *state)
{
  GtkWidget *button;

  clear_box (GTK_WIDGET (self->actions_box));
  self->n_actions = sz_record_state_actions (state, self->actions);
  gtk_widget_set_visible (GTK_WIDGET (self->actions_box), self->n_actions > 0);
  for (guint i = 0; i < self->n_actions; i++)
    {
      g_autofree char *label = NULL;

      /* Translators: a button opening the form of an action ("Dispatch…") */
      label = g_strdup_printf (_("%s…"), sz_action_title (self->actions[i]));
      button = gtk_button_new_with_label (label);
      g_object_set_data (G_OBJECT (button), "action", GINT_TO_POINTER (self->actions[i]));
      g_signal_connect_object (button, "clicked", G_CALLBACK (on_action_button_clicked_cb), self, 0);
      if (i == 0)
        gtk_widget_add_css_class (button, "suggested-action");
      add_button (self, button);
    }
}

static void
show_empty (SzRecordView *self)
{
  self->record_id = 0;
  self->n_actions = 0;
  self->n_events = 0;
  g_clear_pointer (&self->reporter_text, g_free);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
reload (SzRecordView *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GPtrArray) events = NULL;
  g_autofree SzRecordState *state = NULL;
  g_autofree char *number = NULL;
  g_autofree char *title = NULL;
  g_autofree char *text = NULL;
  gint64 now = sz_record_now ();
  gboolean overdue = FALSE;

  if (self->record_id <= 0)
    {
      show_empty (self);
      return;
    }
  /* A record of another community (the session switched) is not shown. */
  record = sz_record_get (db, self->record_id, NULL);
  if (record != NULL && record->community_id == sz_session_get_community_id (self->session))
    {
      events = sz_record_history (db, self->record_id, NULL);
      state = sz_record_get_state (db, self->record_id, NULL);
    }
  if (events == NULL || state == NULL)
    {
      show_empty (self);
      return;
    }

  number = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
  /* Translators: the record view's title: the record's number and category */
  title = g_strdup_printf (_("No. %s · %s"), number, record->category_name ? record->category_name : "");
  gtk_label_set_text (self->title_label, title);
  text = state_text (state, now, &overdue);
  gtk_label_set_text (self->state_label, text);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->state_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->state_label), "error");

  show_actions (self, state);
  show_fields (self, record);
  clear_box (GTK_WIDGET (self->timeline_box));
  for (guint i = 0; i < events->len; i++)
    gtk_box_append (self->timeline_box, event_row_new (events->pdata[i]));
  self->n_events = events->len;
  gtk_stack_set_visible_child_name (self->stack, "record");
}

void
sz_record_view_set_record (SzRecordView *self,
                           gint64        record_id)
{
  g_return_if_fail (SZ_IS_RECORD_VIEW (self));

  if (record_id != self->record_id)
    {
      GtkAdjustment *adj;
      GtkWidget *scrolled = gtk_stack_get_child_by_name (self->stack, "record");

      /* Another record starts at its top. */
      adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      gtk_adjustment_set_value (adj, 0);
    }
  self->record_id = record_id;
  reload (self);
}

gint64
sz_record_view_get_record (SzRecordView *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), 0);
  return self->record_id;
}

guint
sz_record_view_get_actions (SzRecordView *self,
                            SzAction      out[SZ_N_ACTIONS])
{
  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), 0);

  for (guint i = 0; i < self->n_actions; i++)
    out[i] = self->actions[i];
  return self->n_actions;
}

guint
sz_record_view_get_n_events (SzRecordView *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), 0);
  return self->n_events;
}

const char *
sz_record_view_get_state_text (SzRecordView *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), NULL);
  return self->record_id ? gtk_label_get_text (self->state_label) : NULL;
}

const char *
sz_record_view_get_reporter_text (SzRecordView *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), NULL);
  return self->reporter_text;
}

static GtkWindow *
parent_window (SzRecordView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
sz_record_view_open_action (SzRecordView *self,
                            SzAction      action)
{
  GtkWidget *dialog;
  gboolean valid = FALSE;

  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), NULL);

  for (guint i = 0; i < self->n_actions; i++)
    valid |= self->actions[i] == action;
  if (!valid)
    return NULL;
  dialog = sz_record_action_dialog_new (parent_window (self), self->session, self->record_id, action);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

gboolean
sz_record_view_focus_actions (SzRecordView *self)
{
  GtkWidget *first;

  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), FALSE);

  first = gtk_widget_get_first_child (GTK_WIDGET (self->actions_box));
  if (self->record_id <= 0 || first == NULL)
    return FALSE;
  return gtk_widget_grab_focus (gtk_flow_box_child_get_child (GTK_FLOW_BOX_CHILD (first)));
}

GtkWidget *
sz_record_view_open_correction (SzRecordView *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SZ_IS_RECORD_VIEW (self), NULL);

  if (self->record_id <= 0)
    return NULL;
  dialog = sz_record_dialog_new (parent_window (self), self->session, self->record_id);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

static void
on_session_changed_cb (SzRecordView *self)
{
  if (self->record_id > 0)
    reload (self);
}

static void
on_show_phones_changed_cb (SzRecordView *self)
{
  if (self->record_id > 0)
    reload (self);
}

static void
sz_record_view_dispose (GObject *object)
{
  SzRecordView *self = SZ_RECORD_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORD_VIEW);
  g_clear_object (&self->session);
  g_clear_pointer (&self->reporter_text, g_free);
  G_OBJECT_CLASS (sz_record_view_parent_class)->dispose (object);
}

static void
sz_record_view_class_init (SzRecordViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_record_view_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-record-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, stack);
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, state_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, actions_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, fields_grid);
  gtk_widget_class_bind_template_child (widget_class, SzRecordView, timeline_box);
  gtk_widget_class_bind_template_callback (widget_class, on_correct_button_clicked_cb);
}

static void
sz_record_view_init (SzRecordView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sz_record_view_new (SzSession *session)
{
  SzRecordView *self;
  GSettings *settings;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_RECORD_VIEW, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::show-phones", G_CALLBACK (on_show_phones_changed_cb), self,
                             G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
