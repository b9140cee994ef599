/* sz-record-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-choice-entry.h"
#include "sz-person.h"
#include "sz-person-picker.h"
#include "sz-record-dialog.h"

/* The channel saved last, kept on the session for the next new record:
 * reports tend to come in runs through the same channel. */
#define LAST_CHANNEL_KEY "sz-record-dialog-last-channel"

typedef enum
{
  F_RECEIVED,
  F_CHANNEL,
  F_PLACE,
  F_CATEGORY,
  F_TIME_CLASS,
  F_DUTY,
  F_DESCRIPTION,
  F_REPORTER_NAME,
  F_ANONYMOUS,
  F_REPORTER_PHONE,
  F_HEAD,
  F_NOTE,
  F_FORM,
  N_FIELDS
} Field;

static const char * const field_ids[N_FIELDS] = {
  "received", "channel", "place", "category", "time-class", "duty", "description",
  "reporter-name", "anonymous", "reporter-phone", "head", "note", "form",
};

/* The core's messages start with the field's name (see sz_record_add()):
 * that is how a message finds its field.  The longest name wins, so
 * "Reporter's phone" is not taken for "Reporter". */
static const SzFieldTitle titles[] = {
  { F_RECEIVED, N_("Received") },
  { F_CHANNEL, N_("Channel") },
  { F_PLACE, N_("Place") },
  { F_CATEGORY, N_("Category") },
  { F_TIME_CLASS, N_("Time limit") },
  { F_DUTY, N_("Duty") },
  { F_DESCRIPTION, N_("Description") },
  { F_REPORTER_NAME, N_("Reporter") },
  { F_REPORTER_PHONE, N_("Reporter's phone") },
  { F_HEAD, N_("Brought in by") },
  { F_NOTE, N_("Note") },
};

struct _SzRecordDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkBox         *content_box;
  GtkEntry       *received_entry;
  GtkDropDown    *channel_drop_down;
  GtkEntry       *place_entry;
  GtkEntry       *category_entry;
  GtkDropDown    *time_class_drop_down;
  GtkDropDown    *duty_drop_down;
  GtkTextView    *description_view;
  GtkEntry       *reporter_name_entry;
  GtkCheckButton *anonymous_check;
  GtkEntry       *reporter_phone_entry;
  GtkLabel       *head_name_label;
  GtkButton      *head_button;
  GtkButton      *head_clear_button;
  GtkEntry       *note_entry;
  GtkWidget      *note_label;
  GtkWidget      *note_box;
  GtkWidget      *boxes[N_FIELDS];
  GtkWidget      *errors[N_FIELDS];

  /* Owned references */
  SzSession      *session;
  SzRecord       *original;        /* as loaded, for undo; NULL for a new record */
  SzChoiceEntry  *place;
  SzChoiceEntry  *category;
  GPtrArray      *categories;          /* SzRecordCategory, as the category field offers them */
  gint64          head_id;
  gboolean        time_class_touched;  /* chosen by hand: the category no longer sets it */
  gboolean        phone_kept;          /* the stored phone, shown masked, not retyped */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (SzRecordDialog, sz_record_dialog, GTK_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
show_phones (SzRecordDialog *self)
{
  GSettings *settings = sz_session_get_settings (self->session);

  return settings != NULL && g_settings_get_boolean (settings, "show-phones");
}

static void
move_focus_on (SzRecordDialog *self)
{
  g_signal_emit_by_name (self, "move-focus", GTK_DIR_TAB_FORWARD);
}

/* The places: every node of the community's tree once (a compound
 * spanning grids is under each of them), named as records name them. */
static void
collect_places (SzChoiceEntry *place,
                SzTreeNode    *node,
                const char    *prefix,
                const char    *grid,
                GHashTable    *seen)
{
  g_autofree char *label = NULL;
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, node->kind, node->id);
  gboolean top = node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID;

  if (node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
    /* Translators: a place in a list of places: where it is, then its name ("丰和林苑 2栋") */
    label = g_strdup_printf (C_("place path", "%s %s"), prefix, node->label);
  else
    label = g_strdup (node->label);
  if (node->kind == SZ_NODE_GRID)
    grid = node->label;
  if (g_hash_table_add (seen, g_steal_pointer (&key)))
    sz_choice_entry_add (place, label, top ? NULL : grid, node->kind, node->id);
  for (guint i = 0; i < node->children->len; i++)
    collect_places (place, node->children->pdata[i], top ? "" : label, grid, seen);
}

static void
load_places (SzRecordDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) root = sz_tree_load (sz_session_get_db (self->session),
                                             sz_session_get_community_id (self->session), &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (root == NULL)
    sz_field_error_set (self->errors[F_PLACE], error->message);
  else
    collect_places (self->place, root, "", NULL, seen);
}

static void
on_category_picked_cb (gpointer user_data,
                       int      kind,
                       gint64   id)
{
  SzRecordDialog *self = user_data;

  /* The category's class, unless one was chosen by hand. */
  for (guint i = 0; i < self->categories->len && !self->time_class_touched; i++)
    {
      SzRecordCategory *category = self->categories->pdata[i];

      if (category->id != id)
        continue;
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->time_class_drop_down, (guint) category->time_class);
      self->loading = FALSE;
    }
}

static void
load_categories (SzRecordDialog *self,
                 gint64          keep_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_record_category_list (sz_session_get_db (self->session), TRUE, &error);

  if (list == NULL)
    sz_field_error_set (self->errors[F_CATEGORY], error->message);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzRecordCategory *category = list->pdata[i];

      /* A retired category stays only on the records that have it. */
      if (category->retired && category->id != keep_id)
        continue;
      sz_choice_entry_add (self->category, category->name, sz_time_class_title (category->time_class), 0,
                           category->id);
      g_ptr_array_add (self->categories, g_steal_pointer (&list->pdata[i]));
    }
}

/* Errors */

static Field
field_from_id (const char *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_id, field_ids[i]) == 0)
      return i;
  return N_FIELDS;
}

static void
clear_errors (SzRecordDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      sz_field_error_set (self->errors[i], NULL);
}

/* Under the field the message names, which takes the focus; else above
 * the form. */
static void
show_error (SzRecordDialog *self,
            Field           field,
            const char     *message)
{
  if (field >= N_FIELDS || self->errors[field] == NULL || !gtk_widget_get_visible (self->boxes[field]))
    field = F_FORM;
  sz_field_error_set (self->errors[field], message);
  /* The field itself: the first thing in its box that takes the focus. */
  if (field != F_FORM)
    gtk_widget_child_focus (self->boxes[field], GTK_DIR_TAB_FORWARD);
}

static void
show_core_error (SzRecordDialog *self,
                 const GError   *error)
{
  Field best = sz_field_for_message (error->message, titles, G_N_ELEMENTS (titles), NULL, NULL, F_FORM);

  show_error (self, best, error->message);
}

/* The head who brought it in */

static void
set_head (SzRecordDialog *self,
          gint64          person_id,
          const char     *name)
{
  g_autoptr(SzPerson) person = NULL;

  if (person_id > 0 && name == NULL)
    {
      person = sz_person_get (sz_session_get_db (self->session), person_id, NULL);
      name = person ? person->name : NULL;
    }
  self->head_id = person_id > 0 ? person_id : 0;
  gtk_label_set_text (self->head_name_label, self->head_id ? (name ? name : "") : _("Nobody"));
  if (self->head_id)
    gtk_widget_remove_css_class (GTK_WIDGET (self->head_name_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->head_name_label), "dim-label");
  gtk_widget_set_sensitive (GTK_WIDGET (self->head_clear_button), self->head_id != 0);
}

static gboolean
focus_after_head_cb (gpointer data)
{
  SzRecordDialog *self = data;

  if (self->session != NULL)
    gtk_widget_grab_focus (gtk_widget_get_visible (self->note_box) ? GTK_WIDGET (self->note_entry)
                                                                    : GTK_WIDGET (self->save_button));
  return G_SOURCE_REMOVE;
}

static void
on_head_picked_cb (gint64      person_id,
                   SzChosenBy  chosen_by,
                   gpointer    user_data)
{
  SzRecordDialog *self = SZ_RECORD_DIALOG (user_data);

  if (self->session == NULL)
    return;
  set_head (self, person_id, NULL);
  sz_field_error_set (self->errors[F_HEAD], NULL);
  /* On to the note once this window is active again (the picker has just
   * gone, and the window would put its old focus back). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_after_head_cb, g_object_ref (self), g_object_unref);
}

static void
on_head_button_clicked_cb (SzRecordDialog *self)
{
  GtkWidget *picker;

  picker = sz_person_picker_new (GTK_WINDOW (self), self->session, _("Who Brought It In"),
                                 on_head_picked_cb, g_object_ref (self), g_object_unref);
  sz_person_picker_set_note (SZ_PERSON_PICKER (picker), _("The head who brought the issue in."));
  sz_person_picker_set_ask_chosen_by (SZ_PERSON_PICKER (picker), FALSE);
  gtk_window_present (GTK_WINDOW (picker));
}

static void
on_head_clear_button_clicked_cb (SzRecordDialog *self)
{
  set_head (self, 0, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->head_button));
}

/* Keys and fields */

static void
on_entry_activate_next_cb (SzRecordDialog *self)
{
  move_focus_on (self);
}

static void
on_reporter_phone_entry_changed_cb (SzRecordDialog *self)
{
  if (!self->loading)
    self->phone_kept = FALSE;
}

static void
on_anonymous_check_toggled_cb (SzRecordDialog *self)
{
  gboolean anonymous = gtk_check_button_get_active (self->anonymous_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->reporter_name_entry), !anonymous);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reporter_phone_entry), !anonymous);
}

static void
on_time_class_selected_cb (SzRecordDialog *self)
{
  if (!self->loading)
    self->time_class_touched = TRUE;
}

static char *
description_text (SzRecordDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text ? g_strdup (text) : NULL;
}

static SzRecord *
record_copy (const SzRecord *r)
{
  SzRecord *copy = sz_record_new ();

  copy->id = r->id;
  copy->community_id = r->community_id;
  copy->received_at = r->received_at;
  copy->channel = r->channel;
  copy->reporter_name = g_strdup (r->reporter_name);
  copy->reporter_phone = g_strdup (r->reporter_phone);
  copy->place_kind = r->place_kind;
  copy->place_id = r->place_id;
  copy->category_id = r->category_id;
  copy->duty = r->duty;
  copy->description = g_strdup (r->description);
  copy->head_person_id = r->head_person_id;
  copy->time_class = r->time_class;
  return copy;
}

static gboolean
undo_correction_cb (SzSession  *session,
                    gpointer    data,
                    GError    **error)
{
  return sz_record_update (sz_session_get_db (session), data, error);
}

gboolean
sz_record_dialog_save (SzRecordDialog *self)
{
  SzDb *db;
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;
  g_autofree char *note = NULL;
  int place_kind;
  gint64 place_id, category_id;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), FALSE);

  db = sz_session_get_db (self->session);
  clear_errors (self);
  record = self->original ? record_copy (self->original) : sz_record_new ();
  record->community_id = sz_session_get_community_id (self->session);

  received = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_entry))));
  /* Blank means now. */
  if (self->original == NULL && *received != '\0'
      && !sz_record_parse_time (received, _("Received"), &record->received_at, &error))
    {
      show_error (self, F_RECEIVED, error->message);
      return FALSE;
    }

  if (!sz_choice_entry_get_picked (self->place, &place_kind, &place_id))
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->place_entry));
      g_autofree char *message = NULL;

      if (*typed == '\0')
        message = g_strdup (_("Place: choose where the issue is."));
      else
        /* Translators: %s is what was typed into the place field */
        message = g_strdup_printf (_("Place: “%s” is not one of the community's places; choose one from the list."),
                                   typed);
      show_error (self, F_PLACE, message);
      return FALSE;
    }
  if (!sz_choice_entry_get_picked (self->category, NULL, &category_id))
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->category_entry));
      g_autofree char *message = NULL;

      if (*typed == '\0')
        message = g_strdup (_("Category: choose a category."));
      else
        /* Translators: %s is what was typed into the category field */
        message = g_strdup_printf (_("Category: “%s” is not in the list; choose one from it."), typed);
      show_error (self, F_CATEGORY, message);
      return FALSE;
    }

  record->channel = gtk_drop_down_get_selected (self->channel_drop_down);
  record->place_kind = place_kind;
  record->place_id = place_id;
  record->category_id = category_id;
  record->time_class = gtk_drop_down_get_selected (self->time_class_drop_down);
  record->duty = gtk_drop_down_get_selected (self->duty_drop_down);
  g_free (record->description);
  record->description = description_text (self);
  g_clear_pointer (&record->reporter_name, g_free);
  g_clear_pointer (&record->reporter_phone, g_free);
  if (!gtk_check_button_get_active (self->anonymous_check))
    {
      record->reporter_name = entry_text (self->reporter_name_entry);
      record->reporter_phone = self->phone_kept && self->original ? g_strdup (self->original->reporter_phone)
                                                                  : entry_text (self->reporter_phone_entry);
    }
  record->head_person_id = self->head_id;

  if (self->original == NULL)
    {
      note = entry_text (self->note_entry);
      ok = sz_record_add (db, record, note, &error);
    }
  else
    ok = sz_record_update (db, record, &error);
  if (!ok)
    {
      show_core_error (self, error);
      return FALSE;
    }

  if (self->original != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
      g_autofree char *label = NULL;

      /* Translators: what undo undoes; %s is a record's number */
      label = g_strdup_printf (_("Correct record No. %s"), number);
      sz_session_push_undo (self->session, label, undo_correction_cb, g_steal_pointer (&self->original),
                            (GDestroyNotify) sz_record_free);
    }
  else
    g_object_set_data (G_OBJECT (self->session), LAST_CHANNEL_KEY, GINT_TO_POINTER (record->channel + 1));

  /* Destroyed before "changed", which rebuilds the views that opened it. */
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, record->id);
  gtk_window_destroy (GTK_WINDOW (self));
  sz_session_changed (self->session);
  g_object_unref (self);
  return TRUE;
}

static void
on_save_button_clicked_cb (SzRecordDialog *self)
{
  sz_record_dialog_save (self);
}

static void
on_note_entry_activate_cb (SzRecordDialog *self)
{
  sz_record_dialog_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sz_record_dialog_save (SZ_RECORD_DIALOG (widget));
}

/* Tests */

/* The drop-downs' choices: titles on screen, database strings in tests. */
static const char *
choice_text (Field    field,
             guint    i,
             gboolean title)
{
  switch (field)
    {
    case F_CHANNEL:
      return title ? sz_channel_title (i) : sz_channel_to_string (i);
    case F_DUTY:
      return title ? sz_duty_kind_title (i) : sz_duty_kind_to_string (i);
    case F_TIME_CLASS:
    default:
      return title ? sz_time_class_title (i) : sz_time_class_to_string (i);
    }
}

static GtkDropDown *
drop_down_of (SzRecordDialog *self,
              Field           field,
              guint          *n)
{
  *n = field == F_CHANNEL ? SZ_N_CHANNELS : field == F_DUTY ? SZ_N_DUTIES : SZ_N_TIME_CLASSES;
  return field == F_CHANNEL ? self->channel_drop_down
         : field == F_DUTY ? self->duty_drop_down : self->time_class_drop_down;
}

static void
set_drop_down_by_string (SzRecordDialog *self,
                         Field           field,
                         const char     *text)
{
  guint n;
  GtkDropDown *drop_down = drop_down_of (self, field, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (choice_text (field, i, FALSE), text) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  g_critical ("No such choice: %s", text);
}

void
sz_record_dialog_set_field (SzRecordDialog *self,
                            const char     *field_id,
                            const char     *text)
{
  Field field;

  g_return_if_fail (SZ_IS_RECORD_DIALOG (self));

  field = field_from_id (field_id);
  text = text ? text : "";
  switch (field)
    {
    case F_RECEIVED:
      gtk_editable_set_text (GTK_EDITABLE (self->received_entry), text);
      break;
    case F_CHANNEL:
    case F_DUTY:
    case F_TIME_CLASS:
      set_drop_down_by_string (self, field, text);
      break;
    case F_PLACE:
      {
        g_auto(GStrv) parts = g_strsplit (text, ":", 2);
        SzNodeKind kind;

        if (g_strv_length (parts) == 2 && sz_node_kind_from_string (parts[0], &kind))
          {
            if (!sz_choice_entry_pick (self->place, kind, g_ascii_strtoll (parts[1], NULL, 10)))
              sz_choice_entry_set_text (self->place, "");
            break;
          }
        /* As typed, then Enter: the best match. */
        sz_choice_entry_set_text (self->place, text);
        sz_choice_entry_pick_best (self->place);
        break;
      }
    case F_CATEGORY:
      sz_choice_entry_set_text (self->category, text);
      if (sz_choice_entry_pick_best (self->category))
        {
          gint64 id;

          sz_choice_entry_get_picked (self->category, NULL, &id);
          on_category_picked_cb (self, 0, id);
        }
      break;
    case F_DESCRIPTION:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), text, -1);
      break;
    case F_REPORTER_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->reporter_name_entry), text);
      break;
    case F_ANONYMOUS:
      gtk_check_button_set_active (self->anonymous_check, g_strcmp0 (text, "true") == 0);
      break;
    case F_REPORTER_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), text);
      break;
    case F_HEAD:
      set_head (self, g_ascii_strtoll (text, NULL, 10), NULL);
      break;
    case F_NOTE:
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), text);
      break;
    case F_FORM:
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

const char *
sz_record_dialog_get_field_error (SzRecordDialog *self,
                                  const char     *field_id)
{
  Field field;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), NULL);

  field = field_from_id (field_id);
  g_return_val_if_fail (field < N_FIELDS, NULL);
  if (self->errors[field] == NULL || !gtk_widget_get_visible (self->errors[field]))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->errors[field]));
}

gboolean
sz_record_dialog_get_place (SzRecordDialog *self,
                            SzNodeKind     *kind,
                            gint64         *id)
{
  int place_kind = SZ_NODE_COMMUNITY;
  gint64 place_id = 0;
  gboolean picked;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), FALSE);

  picked = sz_choice_entry_get_picked (self->place, &place_kind, &place_id);
  if (kind != NULL)
    *kind = place_kind;
  if (id != NULL)
    *id = place_id;
  return picked;
}

SzTimeClass
sz_record_dialog_get_time_class (SzRecordDialog *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), SZ_TIME_GENERAL);
  return gtk_drop_down_get_selected (self->time_class_drop_down);
}

/* Construction */

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
sz_record_dialog_dispose (GObject *object)
{
  SzRecordDialog *self = SZ_RECORD_DIALOG (object);

  /* The popovers first: their entries go with the template. */
  g_clear_pointer (&self->place, sz_choice_entry_free);
  g_clear_pointer (&self->category, sz_choice_entry_free);
  g_clear_pointer (&self->categories, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORD_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->original, sz_record_free);
  G_OBJECT_CLASS (sz_record_dialog_parent_class)->dispose (object);
}

static void
sz_record_dialog_class_init (SzRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_record_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, received_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, channel_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, place_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, category_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, time_class_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, duty_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, reporter_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, anonymous_check);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, reporter_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_name_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_box);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_anonymous_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reporter_phone_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_head_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_head_clear_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fill_drop_down (SzRecordDialog *self,
                Field           field)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);
  guint n;
  GtkDropDown *drop_down = drop_down_of (self, field, &n);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, choice_text (field, i, TRUE));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
}

static void
sz_record_dialog_init (SzRecordDialog *self)
{
  GtkWidget *grid;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (GTK_WIDGET (self));
  fill_drop_down (self, F_CHANNEL);
  fill_drop_down (self, F_DUTY);
  fill_drop_down (self, F_TIME_CLASS);
  g_signal_connect_swapped (self->time_class_drop_down, "notify::selected", G_CALLBACK (on_time_class_selected_cb),
                            self);

  /* Each field's box holds the field, and its message under it. */
  grid = gtk_widget_get_parent (GTK_WIDGET (self->note_box));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (child));
      g_autofree char *field_id = NULL;
      Field field;

      if (id == NULL || !g_str_has_suffix (id, "_box"))
        continue;
      field_id = g_strndup (id, strlen (id) - strlen ("_box"));
      g_strdelimit (field_id, "_", '-');
      field = field_from_id (field_id);
      g_assert (field < N_FIELDS);
      self->boxes[field] = child;
      self->errors[field] = sz_field_error_new ();
      gtk_box_append (GTK_BOX (child), self->errors[field]);
    }
  self->boxes[F_FORM] = GTK_WIDGET (self->content_box);
  self->errors[F_FORM] = sz_field_error_new ();
  gtk_box_prepend (self->content_box, self->errors[F_FORM]);

  self->place = sz_choice_entry_new (self->place_entry, _("Places found"), NULL, NULL);
  self->category = sz_choice_entry_new (self->category_entry, _("Categories found"), on_category_picked_cb, self);
  self->categories = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_record_category_free);
  sz_choice_entry_set_error (self->place, self->errors[F_PLACE]);
  sz_choice_entry_set_error (self->category, self->errors[F_CATEGORY]);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_drop_down_set_selected (self->duty_drop_down, SZ_DUTY_COLLECT);
  gtk_drop_down_set_selected (self->time_class_drop_down, SZ_TIME_GENERAL);
  set_head (self, 0, NULL);
  self->loading = FALSE;
}

static void
fill_from_record (SzRecordDialog *self,
                  SzRecord       *record)
{
  g_autofree char *received = sz_record_format_time (record->received_at);
  gboolean anonymous = (record->reporter_name == NULL || *record->reporter_name == '\0')
                       && (record->reporter_phone == NULL || *record->reporter_phone == '\0');

  gtk_editable_set_text (GTK_EDITABLE (self->received_entry), received);
  gtk_widget_set_sensitive (GTK_WIDGET (self->received_entry), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->received_entry),
                               _("The time a record was received stays as entered: its time limit runs from it."));
  gtk_drop_down_set_selected (self->channel_drop_down, record->channel);
  if (!sz_choice_entry_pick (self->place, record->place_kind, record->place_id))
    /* The place has gone: its words stay, and a place must be chosen again. */
    sz_choice_entry_set_text (self->place, record->place_text);
  sz_choice_entry_pick (self->category, 0, record->category_id);
  gtk_drop_down_set_selected (self->time_class_drop_down, record->time_class);
  gtk_drop_down_set_selected (self->duty_drop_down, record->duty);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            record->description ? record->description : "", -1);
  gtk_check_button_set_active (self->anonymous_check, anonymous);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_name_entry), record->reporter_name ? record->reporter_name : "");
  /* The stored phone is private: masked unless phones are shown in full,
   * and kept unless a new one is typed. */
  if (record->reporter_phone != NULL && *record->reporter_phone && !show_phones (self))
    {
      g_autofree char *masked = sz_phone_display (record->reporter_phone, FALSE);
      g_autofree char *hint = NULL;

      /* Translators: the phone field when correcting a record; %s is the masked phone (138****1234) */
      hint = g_strdup_printf (_("%s (type a new number to change it)"), masked);
      gtk_entry_set_placeholder_text (self->reporter_phone_entry, hint);
      self->phone_kept = TRUE;
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry),
                           record->reporter_phone ? record->reporter_phone : "");
  set_head (self, record->head_person_id, record->head_name);
  gtk_widget_set_visible (self->note_label, FALSE);
  gtk_widget_set_visible (self->note_box, FALSE);
}

GtkWidget *
sz_record_dialog_new (GtkWindow *parent,
                      SzSession *session,
                      gint64     record_id)
{
  SzRecordDialog *self;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  if (record_id > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);

      /* Translators: a dialog's title; %s is a record's number */
      title = g_strdup_printf (_("Correct Intake of Record No. %s"), number);
    }
  else
    title = g_strdup (_("New Record"));
  self = g_object_new (SZ_TYPE_RECORD_DIALOG, "transient-for", parent, "title", title, NULL);
  self->session = g_object_ref (session);
  self->loading = TRUE;

  if (record_id > 0)
    {
      self->original = sz_record_get (sz_session_get_db (session), record_id, &error);
      if (self->original == NULL)
        {
          sz_field_error_set (self->errors[F_FORM], error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
        }
    }
  load_places (self);
  load_categories (self, self->original ? self->original->category_id : 0);

  if (self->original != NULL)
    {
      fill_from_record (self, self->original);
      self->time_class_touched = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (self->channel_drop_down));
    }
  else
    {
      g_autofree char *now = sz_record_format_time (sz_record_now ());
      int last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (session), LAST_CHANNEL_KEY));

      gtk_editable_set_text (GTK_EDITABLE (self->received_entry), now);
      if (last > 0)
        gtk_drop_down_set_selected (self->channel_drop_down, (guint) (last - 1));
      sz_choice_entry_pick (self->place, sz_session_get_place_kind (session), sz_session_get_place_id (session));
      /* Most reports are entered as they come in: the time is right, and
       * the first thing to type is where. */
      gtk_widget_grab_focus (GTK_WIDGET (self->place_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->place_entry), 0, -1);
    }
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
