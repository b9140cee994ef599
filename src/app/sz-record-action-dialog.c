/* sz-record-action-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-phone.h"
#include "sz-record-action-dialog.h"

typedef enum
{
  F_DEPARTMENT,
  F_CONTACT,
  F_SATISFACTION,
  F_NOTE,
  F_AT,
  F_ACTOR,
  F_FORM,
  N_FIELDS
} Field;

static const char * const field_ids[N_FIELDS] = {
  "department", "contact", "satisfaction", "note", "at", "actor", "form",
};

/* The core's messages start with the field's name (see sz_record_act()):
 * that is how a message finds the field it belongs under.  The note is
 * named for what it says. */
static const SzFieldTitle titles[] = {
  { F_DEPARTMENT, N_("Department") },
  { F_CONTACT, N_("Contact") },
  { F_SATISFACTION, N_("Satisfaction") },
  { F_NOTE, N_("Note") },
  { F_NOTE, N_("Why") },
  { F_NOTE, N_("What was done") },
  /* Translators: when what an entry of a record's history says happened */
  { F_AT, N_("Time") },
  /* Translators: who did what an entry of a record's history says */
  { F_ACTOR, N_("By") },
};

struct _SzRecordActionDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkBox         *content_box;
  GtkLabel       *record_label;
  GtkWidget      *reporter_box;
  GtkLabel       *reporter_label;
  GtkGrid        *grid;
  GtkLabel       *department_label;
  GtkBox         *department_box;
  GtkEntry       *department_entry;
  GtkLabel       *contact_label;
  GtkBox         *contact_box;
  GtkEntry       *contact_entry;
  GtkLabel       *satisfaction_label;
  GtkBox         *satisfaction_box;
  GtkCheckButton *satisfied_check;
  GtkCheckButton *basically_check;
  GtkCheckButton *dissatisfied_check;
  GtkLabel       *note_label;
  GtkBox         *note_box;
  GtkTextView    *note_view;
  GtkLabel       *note_hint;
  GtkBox         *at_box;
  GtkEntry       *at_entry;
  GtkBox         *actor_box;
  GtkEntry       *actor_entry;
  GtkWidget      *errors[N_FIELDS];

  /* Owned references */
  SzSession      *session;
  gint64          record_id;
  SzAction        action;
};

G_DEFINE_FINAL_TYPE (SzRecordActionDialog, sz_record_action_dialog, GTK_TYPE_WINDOW)

static Field
field_from_id (const char *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_id, field_ids[i]) == 0)
      return i;
  return N_FIELDS;
}

static void
clear_errors (SzRecordActionDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    sz_field_error_set (self->errors[i], NULL);
}

/* Under the visible field whose name starts the message (the longest
 * such name); a refusal of the action itself ("Record is suspended:
 * resume it first.") goes above the form, where it is read first. */
static gboolean
field_shown (int      field,
             gpointer data)
{
  SzRecordActionDialog *self = data;

  return gtk_widget_get_visible (gtk_widget_get_parent (self->errors[field]));
}

static void
show_error (SzRecordActionDialog *self,
            const GError         *error)
{
  Field best = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), field_shown, self, F_FORM);

  sz_field_error_set (self->errors[best], error->message);
}

/* What the note is for, and whether the core will insist on one. */
static void
note_wording (SzAction              action,
              const SzRecordState  *state,
              const char          **label,
              const char          **hint)
{
  switch (action)
    {
    case SZ_ACTION_RETURN:
      *label = _("_Why");
      *hint = _("Required: why the department or company sent it back.");
      break;
    case SZ_ACTION_SUSPEND:
      *label = _("_Why");
      *hint = _("Required: why the work stops. The time limit does not run while the record is suspended.");
      break;
    case SZ_ACTION_RESOLVE:
      *label = _("_What was done");
      *hint = _("Required: what was done to resolve it.");
      break;
    case SZ_ACTION_REOPEN:
      *label = _("_Why");
      *hint = _("Required: why it is opened again. The time limit starts again.");
      break;
    case SZ_ACTION_CLOSE:
      *label = _("_Note");
      if (state != NULL && state->satisfaction == SZ_SATISFACTION_NONE)
        *hint = _("The resident was not asked how it went: say why it is closed.");
      else
        *hint = _("Optional.");
      break;
    case SZ_ACTION_FOLLOW_UP:
      *label = _("_Note");
      *hint = _("Optional: what the resident said.");
      break;
    case SZ_ACTION_RECEIVE:
    case SZ_ACTION_REPORT:
    case SZ_ACTION_DISPATCH:
    case SZ_ACTION_RESUME:
    case SZ_N_ACTIONS:
    default:
      *label = _("_Note");
      *hint = _("Optional.");
      break;
    }
}

static char *
note_text (SzRecordActionDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->note_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static SzSatisfaction
satisfaction (SzRecordActionDialog *self)
{
  if (gtk_check_button_get_active (self->satisfied_check))
    return SZ_SATISFACTION_SATISFIED;
  if (gtk_check_button_get_active (self->basically_check))
    return SZ_SATISFACTION_BASICALLY;
  if (gtk_check_button_get_active (self->dissatisfied_check))
    return SZ_SATISFACTION_DISSATISFIED;
  return SZ_SATISFACTION_NONE;
}

gboolean
sz_record_action_dialog_save (SzRecordActionDialog *self)
{
  g_autoptr(SzRecordEvent) event = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *at_text = NULL;
  const char *actor;

  g_return_val_if_fail (SZ_IS_RECORD_ACTION_DIALOG (self), FALSE);

  clear_errors (self);
  event = sz_record_event_new ();
  event->record_id = self->record_id;
  event->action = self->action;
  at_text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->at_entry))));
  /* Blank means now, as in the CLI. */
  if (*at_text != '\0' && !sz_record_parse_time (at_text, _("Time"), &event->at, &error))
    {
      sz_field_error_set (self->errors[F_AT], error->message);
      gtk_widget_grab_focus (GTK_WIDGET (self->at_entry));
      return FALSE;
    }
  actor = gtk_editable_get_text (GTK_EDITABLE (self->actor_entry));
  event->actor = *actor ? g_strdup (actor) : NULL;
  event->note = note_text (self);
  if (self->action == SZ_ACTION_DISPATCH)
    {
      event->department = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->department_entry)));
      event->contact = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->contact_entry)));
    }
  if (self->action == SZ_ACTION_FOLLOW_UP)
    {
      event->satisfaction = satisfaction (self);
      /* The core would refuse it too, but without a field to point at. */
      if (event->satisfaction == SZ_SATISFACTION_NONE)
        {
          sz_field_error_set (self->errors[F_SATISFACTION], _("Satisfaction: choose what the resident said."));
          gtk_widget_grab_focus (GTK_WIDGET (self->satisfied_check));
          return FALSE;
        }
    }

  if (!sz_record_act (sz_session_get_db (self->session), event, &error))
    {
      show_error (self, error);
      return FALSE;
    }
  /* Destroyed first: "changed" rebuilds the record view that opened us. */
  g_object_ref (self);
  gtk_window_destroy (GTK_WINDOW (self));
  sz_session_changed (self->session);
  g_object_unref (self);
  return TRUE;
}

static void
on_save_button_clicked_cb (SzRecordActionDialog *self)
{
  sz_record_action_dialog_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (widget));
}

void
sz_record_action_dialog_set_field (SzRecordActionDialog *self,
                                   const char           *field_id,
                                   const char           *text)
{
  Field field;

  g_return_if_fail (SZ_IS_RECORD_ACTION_DIALOG (self));

  field = field_from_id (field_id);
  text = text ? text : "";
  switch (field)
    {
    case F_DEPARTMENT:
      gtk_editable_set_text (GTK_EDITABLE (self->department_entry), text);
      break;
    case F_CONTACT:
      gtk_editable_set_text (GTK_EDITABLE (self->contact_entry), text);
      break;
    case F_NOTE:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->note_view), text, -1);
      break;
    case F_AT:
      gtk_editable_set_text (GTK_EDITABLE (self->at_entry), text);
      break;
    case F_ACTOR:
      gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), text);
      break;
    case F_SATISFACTION:
      {
        SzSatisfaction s = SZ_SATISFACTION_NONE;

        sz_satisfaction_from_string (text, &s);
        gtk_check_button_set_active (self->satisfied_check, s == SZ_SATISFACTION_SATISFIED);
        gtk_check_button_set_active (self->basically_check, s == SZ_SATISFACTION_BASICALLY);
        gtk_check_button_set_active (self->dissatisfied_check, s == SZ_SATISFACTION_DISSATISFIED);
        break;
      }
    case F_FORM:
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

const char *
sz_record_action_dialog_get_field_error (SzRecordActionDialog *self,
                                         const char           *field_id)
{
  Field field;

  g_return_val_if_fail (SZ_IS_RECORD_ACTION_DIALOG (self), NULL);

  field = field_from_id (field_id);
  g_return_val_if_fail (field < N_FIELDS, NULL);
  if (!gtk_widget_get_visible (self->errors[field]))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->errors[field]));
}

const char *
sz_record_action_dialog_get_reporter_text (SzRecordActionDialog *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_ACTION_DIALOG (self), NULL);
  return gtk_widget_get_visible (self->reporter_box) ? gtk_label_get_text (self->reporter_label) : NULL;
}

SzAction
sz_record_action_dialog_get_action (SzRecordActionDialog *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_ACTION_DIALOG (self), SZ_ACTION_REPORT);
  return self->action;
}

/* Ctrl+Enter saves from anywhere, the multi-line text included: caught
 * on its way down, before the text view takes Enter for a new line. */
static void
add_save_shortcut (GtkWidget *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("dialog.save")));
  gtk_widget_add_controller (window, controller);
}

static void
sz_record_action_dialog_dispose (GObject *object)
{
  SzRecordActionDialog *self = SZ_RECORD_ACTION_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORD_ACTION_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_record_action_dialog_parent_class)->dispose (object);
}

static void
sz_record_action_dialog_class_init (SzRecordActionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_record_action_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-record-action-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, record_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, reporter_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, reporter_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, department_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, department_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, department_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, contact_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, contact_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, contact_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, satisfaction_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, satisfaction_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, satisfied_check);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, basically_check);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, dissatisfied_check);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, note_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, note_view);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, note_hint);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, at_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, at_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, actor_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordActionDialog, actor_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_record_action_dialog_init (SzRecordActionDialog *self)
{
  GtkBox *boxes[N_FIELDS] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (GTK_WIDGET (self));
  boxes[F_DEPARTMENT] = self->department_box;
  boxes[F_CONTACT] = self->contact_box;
  boxes[F_SATISFACTION] = self->satisfaction_box;
  boxes[F_NOTE] = self->note_box;
  boxes[F_AT] = self->at_box;
  boxes[F_ACTOR] = self->actor_box;
  boxes[F_FORM] = self->content_box;
  for (guint i = 0; i < N_FIELDS; i++)
    {
      self->errors[i] = sz_field_error_new ();
      if (i == F_FORM)
        /* Under the record's description, above the fields. */
        gtk_box_insert_child_after (boxes[i], self->errors[i], GTK_WIDGET (self->record_label));
      else
        gtk_box_append (boxes[i], self->errors[i]);
    }
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
}

/* Who to call for the follow-up: the reporter's name and phone in full,
 * for dialling.  The only place the app shows a reporter's phone whole. */
static char *
reporter_text (const SzRecord *record)
{
  g_autofree char *phone = record->reporter_phone ? sz_phone_format (record->reporter_phone) : NULL;
  gboolean named = record->reporter_name != NULL && *record->reporter_name;

  if (phone != NULL && *phone && named)
    /* Translators: in the follow-up form: the reporter's name and phone, in full, to call */
    return g_strdup_printf (_("Call %s on %s."), record->reporter_name, phone);
  if (phone != NULL && *phone)
    /* Translators: in the follow-up form: an anonymous reporter's phone, in full, to call */
    return g_strdup_printf (_("Call the reporter on %s."), phone);
  return g_strdup (_("The reporter left no phone number: note in the note how the resident was asked."));
}

/* "No. 12 · 丰和林苑 2栋 1单元 · 供水", then the description. */
static char *
record_summary (SzRecord *record)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
  g_autofree char *head = NULL;

  /* Translators: a record in a dialog's heading: its number, place and category */
  head = g_strdup_printf (_("No. %s · %s · %s"), number, record->place_text ? record->place_text : "",
                          record->category_name ? record->category_name : "");
  return g_strdup_printf ("%s\n%s", head, record->description ? record->description : "");
}

GtkWidget *
sz_record_action_dialog_new (GtkWindow *parent,
                             SzSession *session,
                             gint64     record_id,
                             SzAction   action)
{
  SzRecordActionDialog *self;
  SzDb *db;
  g_autoptr(SzRecord) record = NULL;
  g_autofree SzRecordState *state = NULL;
  g_autofree char *now = NULL;
  g_autofree char *title = NULL;
  g_autofree char *number = NULL;
  g_autofree char *summary = NULL;
  const char *note_label, *note_hint;
  gboolean dispatch = action == SZ_ACTION_DISPATCH;
  gboolean follow_up = action == SZ_ACTION_FOLLOW_UP;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (action > SZ_ACTION_RECEIVE && action < SZ_N_ACTIONS, NULL);

  db = sz_session_get_db (session);
  number = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);
  /* Translators: a dialog's title: an action ("Dispatch") and a record's number */
  title = g_strdup_printf (_("%s: Record No. %s"), sz_action_title (action), number);
  self = g_object_new (SZ_TYPE_RECORD_ACTION_DIALOG, "transient-for", parent, "title", title, NULL);
  self->session = g_object_ref (session);
  self->record_id = record_id;
  self->action = action;

  /* A record that cannot be read still gets the form: Save then says why. */
  record = sz_record_get (db, record_id, NULL);
  state = sz_record_get_state (db, record_id, NULL);
  summary = record ? record_summary (record) : g_strdup (title);
  gtk_label_set_text (self->record_label, summary);

  gtk_widget_set_visible (GTK_WIDGET (self->department_label), dispatch);
  gtk_widget_set_visible (GTK_WIDGET (self->department_box), dispatch);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_label), dispatch);
  gtk_widget_set_visible (GTK_WIDGET (self->contact_box), dispatch);
  if (follow_up && record != NULL)
    {
      g_autofree char *reporter = reporter_text (record);

      gtk_label_set_text (self->reporter_label, reporter);
      gtk_widget_set_visible (self->reporter_box, TRUE);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_label), follow_up);
  gtk_widget_set_visible (GTK_WIDGET (self->satisfaction_box), follow_up);
  note_wording (action, state, &note_label, &note_hint);
  gtk_label_set_text_with_mnemonic (self->note_label, note_label);
  gtk_label_set_text (self->note_hint, note_hint);

  now = sz_record_format_time (sz_record_now ());
  gtk_editable_set_text (GTK_EDITABLE (self->at_entry), now);
  gtk_editable_set_text (GTK_EDITABLE (self->actor_entry), sz_db_get_actor (db) ? sz_db_get_actor (db) : "");

  /* The first thing this action needs takes the focus; the time and who
   * are usually right as they are. */
  if (dispatch)
    gtk_widget_grab_focus (GTK_WIDGET (self->department_entry));
  else if (follow_up)
    gtk_widget_grab_focus (GTK_WIDGET (self->satisfied_check));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->note_view));
  return GTK_WIDGET (self);
}
