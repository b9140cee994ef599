/* sz-place-page-heads.c: the place page's heads section
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-person-picker.h"
#include "sz-person.h"
#include "sz-place-page-private.h"
#include "sz-post.h"
#include "sz-validate.h"

static gboolean
level_of (SzNodeKind  kind,
          SzLevel    *level)
{
  switch (kind)
    {
    case SZ_NODE_GRID: *level = SZ_LEVEL_GRID; return TRUE;
    case SZ_NODE_BUILDING: *level = SZ_LEVEL_BUILDING; return TRUE;
    case SZ_NODE_UNIT: *level = SZ_LEVEL_UNIT; return TRUE;
    default: return FALSE;
    }
}

static void
history_add (SzPlacePage  *self,
             const SzPost *post)
{
  GtkWidget *box = _sz_place_page_row_box_new ();
  g_autofree char *period = NULL;
  GtkWidget *label;

  if (post->end_date != NULL)
    /* Translators: a term of office, from one date to another */
    period = g_strdup_printf (_("%s to %s"), post->start_date, post->end_date);
  else
    /* Translators: a current term of office, from a date */
    period = g_strdup_printf (_("%s to now"), post->start_date);
  gtk_box_append (GTK_BOX (box), _sz_place_page_row_label_new (post->person_name, FALSE, NULL));
  gtk_box_append (GTK_BOX (box), _sz_place_page_row_label_new (period, FALSE, NULL));
  label = _sz_place_page_row_label_new (post->end_date ? post->end_reason : _("In office"), TRUE, "dim-label");
  gtk_widget_set_tooltip_text (label, post->end_date ? post->end_reason : NULL);
  gtk_box_append (GTK_BOX (box), label);
  label = _sz_place_page_row_label_new (sz_chosen_by_title (post->chosen_by), FALSE, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_list_box_append (self->history_list, box);
}

void
_sz_place_page_heads_reload (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  GSettings *settings = sz_session_get_settings (self->session);
  g_autoptr(SzPost) current = NULL;
  g_autoptr(SzPerson) person = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(GError) error = NULL;
  SzLevel level;

  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->head_since, g_free);
  _sz_place_page_clear_list (self->history_list);
  if (self->record == NULL || !level_of (self->kind, &level))
    {
      gtk_widget_set_visible (self->heads_box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->heads_box, TRUE);

  gtk_label_set_text (self->heads_title, sz_level_head_title (level));
  current = sz_post_get_current (db, level, self->id, &error);
  if (current != NULL)
    person = sz_person_get (db, current->person_id, &error);
  if (person != NULL)
    {
      gboolean show = settings != NULL && g_settings_get_boolean (settings, "show-phones");
      g_autofree char *phone = sz_phone_display (person->phone, show);
      g_autofree char *consent = NULL;

      if (person->consent_date == NULL || *person->consent_date == '\0')
        consent = g_strdup (_("Not asked yet: not printed"));
      else if (person->phone_consent)
        /* Translators: %s is the date the head said yes */
        consent = g_strdup_printf (_("Yes (recorded %s)"), person->consent_date);
      else
        /* Translators: %s is the date the head said no */
        consent = g_strdup_printf (_("No (recorded %s)"), person->consent_date);
      gtk_label_set_text (self->head_name_label, person->name);
      gtk_label_set_text (self->head_phone_label, *phone ? phone : _("None recorded"));
      gtk_label_set_text (self->head_consent_label, consent);
      gtk_label_set_text (self->head_since_label, current->start_date);
      gtk_label_set_text (self->head_chosen_label, sz_chosen_by_title (current->chosen_by));
      self->head_name = g_strdup (person->name);
      self->head_since = g_strdup (current->start_date);
    }
  else if (error != NULL)
    gtk_label_set_text (self->vacant_label, error->message);
  else
    gtk_label_set_text (self->vacant_label, _("Vacant: nobody holds this post now."));
  gtk_widget_set_visible (self->head_grid, person != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->vacant_label), person == NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (self->end_button), person != NULL);
  gtk_button_set_label (self->appoint_button, person ? _("_Appoint New Head…") : _("_Appoint Head…"));

  history = sz_post_history (db, level, self->id, NULL);
  for (guint i = 0; history != NULL && i < history->len; i++)
    history_add (self, g_ptr_array_index (history, i));
}

void
sz_place_page_appoint (SzPlacePage *self,
                       gint64       person_id,
                       int          chosen_by)
{
  g_autoptr(GError) error = NULL;
  gboolean has_head;
  SzLevel level;

  g_return_if_fail (SZ_IS_PLACE_PAGE (self));
  has_head = self->record != NULL && level_of (self->kind, &level);
  g_return_if_fail (has_head);

  /* The core ends a current head's term in the same transaction.  There
   * is no undo: the core cannot take a term back out of the history. */
  if (!sz_post_appoint (sz_session_get_db (self->session), level, self->id, person_id, NULL, chosen_by, NULL, &error))
    {
      sz_show_error (GTK_WIDGET (self), _("The head could not be appointed"), error);
      return;
    }
  sz_session_changed (self->session);
}

static void
on_person_picked_cb (gint64      person_id,
                     SzChosenBy  chosen_by,
                     gpointer    user_data)
{
  sz_place_page_appoint (SZ_PLACE_PAGE (user_data), person_id, chosen_by);
}

static void
on_appoint_button_clicked_cb (SzPlacePage *self)
{
  g_autofree char *place = NULL;
  g_autoptr(GString) note = g_string_new (NULL);
  GtkWidget *picker;
  SzLevel level;

  if (self->record == NULL || !level_of (self->kind, &level))
    return;
  place = _sz_place_page_get_label (self);
  /* Translators: the post ("Unit head"), then the place ("丰和林苑 2栋 1单元") */
  g_string_printf (note, _("The new %s of %s."), sz_level_head_title (level), place ? place : "");
  if (self->head_name != NULL)
    {
      g_string_append_c (note, ' ');
      /* Translators: %s is the current head's name */
      g_string_append_printf (note, _("The term of %s ends today, and the history keeps it."), self->head_name);
    }
  picker = sz_person_picker_new (_sz_place_page_get_window (self), self->session, _("Appoint a Head"),
                                 on_person_picked_cb, g_object_ref (self), g_object_unref);
  sz_person_picker_set_note (SZ_PERSON_PICKER (picker), note->str);
  gtk_window_present (GTK_WINDOW (picker));
}

/* Ends the current head's term.  Not undoable (the core cannot reopen a
 * term): sz_session_changed() forgets any undo step before it. */
static gboolean
end_term (SzPlacePage  *self,
          const char   *end_date,
          const char   *reason,
          GError      **error)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzPost) current = NULL;
  g_autoptr(GError) local_error = NULL;
  SzLevel level;

  if (self->record == NULL || !level_of (self->kind, &level))
    current = NULL;
  else
    current = sz_post_get_current (db, level, self->id, &local_error);
  if (current == NULL)
    {
      if (local_error == NULL)
        g_set_error (&local_error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID, _("Nobody holds this post now."));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (!sz_post_end (db, current->id, end_date, reason, error))
    return FALSE;
  sz_session_changed (self->session);
  return TRUE;
}

gboolean
sz_place_page_end_term (SzPlacePage  *self,
                        const char   *end_date,
                        const char   *reason,
                        GError      **error)
{
  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  return end_term (self, end_date, reason, error);
}

/* "End Term…": one form, the date and the reason, that says what ending
 * means; its red button ends the term.  A refusal shows under its field
 * and the form stays. */
typedef struct
{
  SzPlacePage *self;
  GtkWidget   *date_entry;
  GtkWidget   *reason_entry;
  GtkWidget   *date_error;
  GtkWidget   *reason_error;
  GtkWidget   *form_error;
} EndDialog;

static void
end_dialog_free (gpointer data)
{
  EndDialog *ed = data;

  g_object_unref (ed->self);
  g_free (ed);
}

static void
end_dialog_show_error (EndDialog    *ed,
                       const GError *error)
{
  GtkWidget *label = ed->form_error;

  if (g_str_has_prefix (error->message, _("End date")))
    label = ed->date_error;
  else if (g_str_has_prefix (error->message, _("Reason for leaving")))
    label = ed->reason_error;
  sz_field_error_set (label, error->message);
}

static void
on_end_dialog_response_cb (GtkDialog *dialog,
                           int        response,
                           EndDialog *ed)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (ed->date_entry));
  const char *reason = gtk_editable_get_text (GTK_EDITABLE (ed->reason_entry));
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  sz_field_error_set (ed->date_error, NULL);
  sz_field_error_set (ed->reason_error, NULL);
  sz_field_error_set (ed->form_error, NULL);
  if (!end_term (ed->self, *date ? date : NULL, reason, &error))
    {
      end_dialog_show_error (ed, error);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static GtkWidget *
end_dialog_row (GtkGrid    *grid,
                int         row,
                const char *title,
                GtkWidget  *entry,
                GtkWidget **error)
{
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  gtk_grid_attach (grid, entry, 1, row, 1, 1);
  *error = sz_field_error_new ();
  gtk_grid_attach (grid, *error, 1, row + 1, 1, 1);
  return entry;
}

static void
on_end_button_clicked_cb (SzPlacePage *self)
{
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *note;
  GtkWidget *button;
  g_autofree char *text = NULL;
  g_autofree char *today = sz_today ();
  EndDialog *ed;

  if (self->head_name == NULL)
    return;
  ed = g_new0 (EndDialog, 1);
  ed->self = g_object_ref (self);
  dialog = gtk_dialog_new_with_buttons (_("End the Term"), _sz_place_page_get_window (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL, NULL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), _("_End Term"), GTK_RESPONSE_ACCEPT);
  gtk_widget_add_css_class (button, "destructive-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g_object_set_data_full (G_OBJECT (dialog), "end-dialog", ed, end_dialog_free);

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 4);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  /* Translators: a head's name, then the date their term began; then what ending it means */
  text = g_strdup_printf (_("%s has held this post since %s. An ended term stays in the history and cannot be "
                            "reopened; to have the same person back, appoint them again."),
                          self->head_name, self->head_since);
  note = gtk_label_new (text);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_widget_set_margin_bottom (note, 6);
  gtk_grid_attach (GTK_GRID (grid), note, 0, 0, 2, 1);
  ed->date_entry = end_dialog_row (GTK_GRID (grid), 1, _("End date"), gtk_entry_new (), &ed->date_error);
  gtk_editable_set_text (GTK_EDITABLE (ed->date_entry), today);
  ed->reason_entry = end_dialog_row (GTK_GRID (grid), 3, _("Reason for leaving"), gtk_entry_new (), &ed->reason_error);
  gtk_entry_set_placeholder_text (GTK_ENTRY (ed->reason_entry), _("Moved away, resigned, term over…"));
  ed->form_error = sz_field_error_new ();
  gtk_grid_attach (GTK_GRID (grid), ed->form_error, 0, 5, 2, 1);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), grid);
  g_signal_connect (dialog, "response", G_CALLBACK (on_end_dialog_response_cb), ed);
  gtk_widget_set_name (dialog, "end-term-dialog");
  gtk_widget_grab_focus (ed->reason_entry);
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_sz_place_page_class_heads_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_appoint_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_end_button_clicked_cb);
}
