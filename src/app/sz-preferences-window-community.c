/* sz-preferences-window-community.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-doc-lang.h"
#include "sz-preferences-window-private.h"

/* The second half of the window: what the community's boards print. */

/* The undo step: @data is the community as it was, whose board settings
 * go back onto the community as it is now. */
static gboolean
undo_board_settings (SzSession  *session,
                     gpointer    data,
                     GError    **error)
{
  SzCommunity *old = data;
  SzDb *db = sz_session_get_db (session);
  g_autoptr(SzCommunity) c = sz_community_get (db, old->id, error);

  if (c == NULL)
    return FALSE;
  g_free (c->board_qr_text);
  c->board_qr_text = g_strdup (old->board_qr_text);
  g_free (c->board_qr_caption);
  c->board_qr_caption = g_strdup (old->board_qr_caption);
  g_free (c->board_vacancy_text);
  c->board_vacancy_text = g_strdup (old->board_vacancy_text);
  c->qr_max_age_days = old->qr_max_age_days;
  g_free (c->board_language);
  c->board_language = g_strdup (old->board_language);
  return sz_community_save (db, c, error);
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
}

/* The board language chosen in the drop-down: "zh_CN", "en". */
static const char *
chosen_language (SzPreferencesWindow *self)
{
  const char * const *langs = sz_doc_lang_all ();
  guint i = gtk_drop_down_get_selected (self->board_language_dropdown);

  return i < g_strv_length ((char **) langs) ? langs[i] : SZ_DOC_LANG_DEFAULT;
}

static void
select_language (SzPreferencesWindow *self,
                 const char          *lang)
{
  const char * const *langs = sz_doc_lang_all ();

  for (guint i = 0; langs[i] != NULL; i++)
    if (g_strcmp0 (langs[i], lang) == 0)
      gtk_drop_down_set_selected (self->board_language_dropdown, i);
}

static gboolean
is_dirty (SzPreferencesWindow *self)
{
  const SzCommunity *c = self->saved;

  if (c == NULL)
    return FALSE;
  return g_strcmp0 (text_of (self->qr_text_entry), c->board_qr_text ? c->board_qr_text : "") != 0
         || g_strcmp0 (text_of (self->qr_caption_entry), c->board_qr_caption ? c->board_qr_caption : "") != 0
         || g_strcmp0 (text_of (self->vacancy_entry), c->board_vacancy_text ? c->board_vacancy_text : "") != 0
         || gtk_spin_button_get_value_as_int (self->qr_age_spin) != c->qr_max_age_days
         || g_strcmp0 (chosen_language (self), c->board_language) != 0;
}

static void
update_dirty (SzPreferencesWindow *self)
{
  gboolean dirty = is_dirty (self);

  gtk_widget_set_sensitive (self->apply_button, dirty);
  gtk_widget_set_sensitive (self->revert_button, dirty);
}

static void
update_age_unit (SzPreferencesWindow *self)
{
  int days = gtk_spin_button_get_value_as_int (self->qr_age_spin);

  /* Translators: after the number in "QR image age warning: [180] days" */
  gtk_label_set_text (self->qr_age_unit, g_dngettext (NULL, "day", "days", days));
}

/* The board settings' fields: the id tests use, the name the core's
 * messages start with (translated), the field and the label under it. */
typedef struct
{
  const char *id;
  const char *core_name;
  GtkWidget  *field;
  GtkWidget  *error;
} Field;

/* The board settings, then the custom paper size. */
#define N_BOARD_FIELDS 4
#define N_FIELDS 5

static void
get_fields (SzPreferencesWindow *self,
            Field                fields[N_FIELDS])
{
  fields[0] = (Field) { "qr-text", _("QR code text"), GTK_WIDGET (self->qr_text_entry), self->qr_text_error };
  fields[1] = (Field) { "qr-caption", _("QR code caption"), GTK_WIDGET (self->qr_caption_entry), self->qr_caption_error };
  fields[2] = (Field) { "vacancy-text", _("Vacancy wording"), GTK_WIDGET (self->vacancy_entry), self->vacancy_error };
  fields[3] = (Field) { "qr-max-age", _("QR code age warning (days)"), GTK_WIDGET (self->qr_age_spin), self->qr_age_error };
  fields[4] = (Field) { "paper", NULL, GTK_WIDGET (self->paper_entry), self->paper_error };
}

static void
clear_field_errors (SzPreferencesWindow *self)
{
  Field fields[N_FIELDS];

  get_fields (self, fields);
  for (guint i = 0; i < N_BOARD_FIELDS; i++)
    sz_field_error_set (fields[i].error, NULL);
}

/* The field a core message is about: the core starts each message with
 * the field's name.  The longest name that matches wins, should one
 * name begin another in some language. */
static const Field *
find_field (const Field  fields[N_FIELDS],
            const char  *message)
{
  const Field *found = NULL;

  for (guint i = 0; i < N_BOARD_FIELDS; i++)
    if (g_str_has_prefix (message, fields[i].core_name)
        && (found == NULL || strlen (fields[i].core_name) > strlen (found->core_name)))
      found = &fields[i];
  return found;
}

static void
set_community_sensitive (SzPreferencesWindow *self,
                         gboolean             sensitive)
{
  Field fields[N_FIELDS];

  get_fields (self, fields);
  for (guint i = 0; i < N_BOARD_FIELDS; i++)
    gtk_widget_set_sensitive (fields[i].field, sensitive);
  gtk_widget_set_sensitive (GTK_WIDGET (self->board_language_dropdown), sensitive);
}

static void
load_community (SzPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *note = NULL;
  SzCommunity *c;

  c = sz_community_get (sz_session_get_db (self->session), sz_session_get_community_id (self->session), &error);
  g_clear_pointer (&self->saved, sz_community_free);
  clear_field_errors (self);
  if (c == NULL)
    {
      set_community_sensitive (self, FALSE);
      update_dirty (self);
      sz_show_error (GTK_WIDGET (self), _("The community’s board settings cannot be read"), error);
      return;
    }
  self->saved = c;
  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->qr_text_entry), c->board_qr_text ? c->board_qr_text : "");
  gtk_editable_set_text (GTK_EDITABLE (self->qr_caption_entry), c->board_qr_caption ? c->board_qr_caption : "");
  gtk_editable_set_text (GTK_EDITABLE (self->vacancy_entry), c->board_vacancy_text ? c->board_vacancy_text : "");
  gtk_spin_button_set_value (self->qr_age_spin, c->qr_max_age_days);
  select_language (self, c->board_language);
  self->loading = FALSE;
  set_community_sensitive (self, TRUE);

  /* Translators: %s is the community's name */
  note = g_strdup_printf (_("Saved in the roster of %s: every board of the community prints them, "
                            "whoever prints it."), c->name);
  gtk_label_set_text (self->community_note, note);
  update_age_unit (self);
  update_dirty (self);
}

gboolean
sz_preferences_window_apply (SzPreferencesWindow  *self,
                             GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SzCommunity) c = NULL;
  g_autoptr(SzCommunity) old = NULL;
  SzDb *db;
  Field fields[N_FIELDS];
  const Field *field;

  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), FALSE);

  /* A number typed into the spin button counts without leaving it. */
  gtk_spin_button_update (self->qr_age_spin);
  if (!is_dirty (self))
    return TRUE;

  db = sz_session_get_db (self->session);
  clear_field_errors (self);
  /* Read again: the rest of the community (its name, phones) may have
   * been edited since this window opened, and is saved as it is now. */
  c = sz_community_get (db, self->saved->id, &local_error);
  old = c ? sz_community_get (db, self->saved->id, &local_error) : NULL;
  if (old == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The board settings could not be saved"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  g_free (c->board_qr_text);
  g_free (c->board_qr_caption);
  g_free (c->board_vacancy_text);
  c->board_qr_text = g_strdup (text_of (self->qr_text_entry));
  c->board_qr_caption = g_strdup (text_of (self->qr_caption_entry));
  c->board_vacancy_text = g_strdup (text_of (self->vacancy_entry));
  c->qr_max_age_days = gtk_spin_button_get_value_as_int (self->qr_age_spin);
  g_free (c->board_language);
  c->board_language = g_strdup (chosen_language (self));

  if (!sz_community_save (db, c, &local_error))
    {
      get_fields (self, fields);
      field = find_field (fields, local_error->message);
      if (field != NULL)
        {
          sz_field_error_set (field->error, local_error->message);
          gtk_widget_grab_focus (field->field);
        }
      else
        sz_show_error (GTK_WIDGET (self), _("The board settings could not be saved"), local_error);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sz_session_push_undo (self->session, _("Change the board settings"), undo_board_settings,
                        g_steal_pointer (&old), (GDestroyNotify) sz_community_free);
  /* Shows what the core stored (trimmed), and is no longer "edited". */
  load_community (self);
  sz_session_changed (self->session);
  return TRUE;
}

static void
on_apply_button_clicked_cb (SzPreferencesWindow *self)
{
  sz_preferences_window_apply (self, NULL);
}

static void
on_revert_button_clicked_cb (SzPreferencesWindow *self)
{
  load_community (self);
}

static void
on_community_field_changed_cb (SzPreferencesWindow *self,
                               GtkWidget           *widget)
{
  Field fields[N_FIELDS];

  if (self->loading)
    return;
  /* Its message no longer describes what is there now. */
  get_fields (self, fields);
  for (guint i = 0; i < N_FIELDS; i++)
    if (fields[i].field == widget)
      sz_field_error_set (fields[i].error, NULL);
  if (widget == GTK_WIDGET (self->qr_age_spin))
    update_age_unit (self);
  update_dirty (self);
}

/* A save elsewhere (an undo, another community) shows here, unless it
 * would throw away what is being edited for the same community. */
static void
on_session_changed_cb (SzPreferencesWindow *self)
{
  if (self->saved == NULL
      || self->saved->id != sz_session_get_community_id (self->session)
      || !is_dirty (self))
    load_community (self);
}

static void
on_board_language_changed_cb (SzPreferencesWindow *self)
{
  if (!self->loading)
    update_dirty (self);
}

/* "Board language", under the other board settings of the form's grid
 * (the template's last row is 8). */
static void
add_board_language (SzPreferencesWindow *self)
{
  GtkGrid *grid = GTK_GRID (gtk_widget_get_parent (self->qr_age_error));
  const char * const *langs = sz_doc_lang_all ();
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();
  GtkWidget *label;
  GtkWidget *note;

  for (guint i = 0; langs[i] != NULL; i++)
    g_ptr_array_add (titles, (gpointer) sz_doc_lang_title (langs[i]));
  g_ptr_array_add (titles, NULL);
  self->board_language_dropdown = GTK_DROP_DOWN (gtk_drop_down_new_from_strings ((const char * const *) titles->pdata));
  gtk_widget_set_name (GTK_WIDGET (self->board_language_dropdown), "board_language_dropdown");
  gtk_widget_set_halign (GTK_WIDGET (self->board_language_dropdown), GTK_ALIGN_START);
  label = gtk_label_new_with_mnemonic (_("Board _language"));
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), GTK_WIDGET (self->board_language_dropdown));
  note = gtk_label_new (_("Boards, monthly reports and certificates are printed in this language, "
                          "whatever the language of this computer."));
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_widget_add_css_class (note, "dim-label");
  gtk_widget_add_css_class (note, "caption");
  gtk_grid_attach (grid, label, 0, 9, 1, 1);
  gtk_grid_attach (grid, GTK_WIDGET (self->board_language_dropdown), 1, 9, 1, 1);
  gtk_grid_attach (grid, note, 1, 10, 1, 1);
  g_signal_connect_object (self->board_language_dropdown, "notify::selected",
                           G_CALLBACK (on_board_language_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_sz_preferences_window_show_community (SzPreferencesWindow *self)
{
  add_board_language (self);
  load_community (self);
  g_signal_connect_object (self->session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
}

static void
close_later (gpointer data)
{
  gtk_window_close (data);
  g_object_unref (data);
}

static void
on_discard_confirmed_cb (GtkWidget *widget,
                         gpointer   user_data)
{
  load_community (SZ_PREFERENCES_WINDOW (widget));
  /* Closed once the question has gone: destroying its parent while its
   * "response" runs would destroy it twice. */
  g_idle_add_once (close_later, g_object_ref (widget));
}

gboolean
_sz_preferences_window_ask_discard (SzPreferencesWindow *self)
{
  gtk_spin_button_update (self->qr_age_spin);
  if (!is_dirty (self))
    return FALSE;
  sz_confirm (GTK_WIDGET (self), _("Discard the changed board settings?"),
              _("The QR code and vacancy settings you changed have not been applied."),
              _("_Discard"), on_discard_confirmed_cb, NULL, NULL);
  return TRUE;
}

/* ------------------------------------------------------ for tests */

static const Field *
field_by_id (const Field  fields[N_FIELDS],
             const char  *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_str_equal (field_id, fields[i].id))
      return &fields[i];
  g_return_val_if_reached (NULL);
}

void
sz_preferences_window_set_field (SzPreferencesWindow *self,
                                 const char          *field_id,
                                 const char          *text)
{
  Field fields[N_FIELDS];
  const Field *field;

  g_return_if_fail (SZ_IS_PREFERENCES_WINDOW (self));
  g_return_if_fail (field_id != NULL && text != NULL);

  get_fields (self, fields);
  if ((field = field_by_id (fields, field_id)) == NULL)
    return;
  if (field->field == GTK_WIDGET (self->paper_entry))
    gtk_drop_down_set_selected (self->paper_dropdown, PAPER_CUSTOM);
  gtk_editable_set_text (GTK_EDITABLE (field->field), text);
  if (field->field == GTK_WIDGET (self->qr_age_spin))
    gtk_spin_button_update (self->qr_age_spin);
}

const char *
sz_preferences_window_get_field (SzPreferencesWindow *self,
                                 const char          *field_id)
{
  Field fields[N_FIELDS];
  const Field *field;

  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  get_fields (self, fields);
  field = field_by_id (fields, field_id);
  return field ? gtk_editable_get_text (GTK_EDITABLE (field->field)) : NULL;
}

const char *
sz_preferences_window_get_field_error (SzPreferencesWindow *self,
                                       const char          *field_id)
{
  Field fields[N_FIELDS];
  const Field *field;

  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), NULL);
  g_return_val_if_fail (field_id != NULL, NULL);

  get_fields (self, fields);
  field = field_by_id (fields, field_id);
  if (field == NULL || !gtk_widget_get_visible (field->error))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (field->error));
}

gboolean
sz_preferences_window_can_apply (SzPreferencesWindow *self)
{
  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), FALSE);
  return gtk_widget_get_sensitive (self->apply_button);
}

void
_sz_preferences_window_class_community_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_community_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_button_clicked_cb);
}
