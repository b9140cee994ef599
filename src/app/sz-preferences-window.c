/* sz-preferences-window.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-backup-preferences.h"
#include "sz-export.h"
#include "sz-layout.h"
#include "sz-preferences-window.h"
#include "sz-roster.h"

/* Two halves: what this computer starts boards with (GSettings, applied
 * as soon as it changes, as GNOME users expect), and what the community's
 * boards print (the database, shared by everyone who opens the roster, so
 * saved together with Apply in one transaction and undoable). */

enum { PAPER_A4, PAPER_A3, PAPER_CUSTOM };

static const char * const paper_keys[] = { "A4", "A3" };

/* The nicks of the schema's enums, in SzBoardStyle and SzEngine order. */
static const char * const style_nicks[] = { "red", "plain", NULL };
static const char * const engine_nicks[] = { "haru", "cairo", NULL };

struct _SzPreferencesWindow
{
  GtkWindow             parent_instance;

  /* Template widgets */
  GtkWidget            *settings_box;
  GtkDropDown          *paper_dropdown;
  GtkEntry             *paper_entry;
  GtkWidget            *paper_error;
  GtkCheckButton       *landscape_check;
  GtkDropDown          *style_dropdown;
  GtkDropDown          *engine_dropdown;
  GtkLabel             *engine_note;
  GtkLabel             *folder_label;
  GtkWidget            *folder_reset_button;
  GtkSwitch            *phones_switch;
  GtkLabel             *community_note;
  GtkEntry             *qr_text_entry;
  GtkWidget            *qr_text_error;
  GtkEntry             *qr_caption_entry;
  GtkWidget            *qr_caption_error;
  GtkEntry             *vacancy_entry;
  GtkWidget            *vacancy_error;
  GtkSpinButton        *qr_age_spin;
  GtkLabel             *qr_age_unit;
  GtkWidget            *qr_age_error;
  GtkWidget            *revert_button;
  GtkWidget            *apply_button;

  /* Owned references */
  SzSession            *session;
  GSettings            *settings;        /* NULL in tests without a schema */
  GtkFileChooserNative *folder_chooser;
  SzCommunity          *saved;           /* the board settings as last read */

  gboolean              loading;         /* filling the form: nothing is edited */
  gboolean              syncing_paper;   /* "paper" key → entry: no write back */
};

G_DEFINE_FINAL_TYPE (SzPreferencesWindow, sz_preferences_window, GTK_TYPE_WINDOW)

/* ------------------------------------------------------------ paper */

/* PAPER_A4, PAPER_A3 (in any case) or PAPER_CUSTOM. */
static guint
paper_index (const char *paper)
{
  for (guint i = 0; i < G_N_ELEMENTS (paper_keys); i++)
    if (g_ascii_strcasecmp (paper, paper_keys[i]) == 0)
      return i;
  return PAPER_CUSTOM;
}

static gboolean
paper_get_mapping (GValue   *value,
                   GVariant *variant,
                   gpointer  user_data)
{
  g_value_set_uint (value, paper_index (g_variant_get_string (variant, NULL)));
  return TRUE;
}

/* "Custom size" writes the entry's size, and nothing while it is not one:
 * the key keeps the last paper a board can be laid out on. */
static GVariant *
paper_set_mapping (const GValue       *value,
                   const GVariantType *expected_type,
                   gpointer            user_data)
{
  SzPreferencesWindow *self = user_data;
  guint i = g_value_get_uint (value);
  g_autofree char *text = NULL;
  SzPaper paper;

  if (i < G_N_ELEMENTS (paper_keys))
    return g_variant_new_string (paper_keys[i]);
  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->paper_entry))));
  if (!sz_paper_parse (text, FALSE, &paper, NULL))
    return NULL;
  return g_variant_new_string (text);
}

/* The entry shows the custom size the key holds, also when the board
 * view changed it. */
static void
on_settings_paper_changed_cb (SzPreferencesWindow *self,
                              const char          *key,
                              GSettings           *settings)
{
  g_autofree char *paper = g_settings_get_string (settings, "paper");

  if (paper_index (paper) != PAPER_CUSTOM
      || g_str_equal (paper, gtk_editable_get_text (GTK_EDITABLE (self->paper_entry))))
    return;
  self->syncing_paper = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->paper_entry), paper);
  self->syncing_paper = FALSE;
  sz_field_error_set (self->paper_error, NULL);
}

static void
on_paper_dropdown_selected_cb (SzPreferencesWindow *self)
{
  gboolean custom = gtk_drop_down_get_selected (self->paper_dropdown) == PAPER_CUSTOM;

  gtk_widget_set_visible (GTK_WIDGET (self->paper_entry), custom);
  if (!custom)
    {
      sz_field_error_set (self->paper_error, NULL);
      return;
    }
  /* An empty entry starts from a size a board can take, so that choosing
   * "Custom size" changes the paper at once; the text is selected, for
   * typing over.  Runs before the binding writes the key. */
  if (*gtk_editable_get_text (GTK_EDITABLE (self->paper_entry)) == '\0')
    {
      g_autofree char *paper = self->settings ? g_settings_get_string (self->settings, "paper") : NULL;

      self->syncing_paper = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->paper_entry),
                             paper && paper_index (paper) == PAPER_CUSTOM ? paper : "600x800mm");
      self->syncing_paper = FALSE;
    }
  if (!self->loading)
    gtk_widget_grab_focus (GTK_WIDGET (self->paper_entry));
}

gboolean
sz_preferences_window_set_paper (SzPreferencesWindow  *self,
                                 const char           *text,
                                 gboolean              show_error,
                                 GError              **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *paper = NULL;
  SzPaper parsed;
  guint i;

  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);

  paper = g_strstrip (g_strdup (text));
  if (!sz_paper_parse (paper, FALSE, &parsed, &local_error))
    {
      /* While typing, a message that is already up follows the text; a
       * new one waits until Enter or leaving the field. */
      if (show_error || gtk_widget_get_visible (self->paper_error))
        sz_field_error_set (self->paper_error, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  sz_field_error_set (self->paper_error, NULL);
  /* "a4" typed as a custom size is A4 itself: the drop-down shows it. */
  i = paper_index (paper);
  if (self->settings != NULL)
    g_settings_set_string (self->settings, "paper", i == PAPER_CUSTOM ? paper : paper_keys[i]);
  return TRUE;
}

static void
on_paper_entry_changed_cb (SzPreferencesWindow *self)
{
  if (self->syncing_paper || self->settings == NULL
      || gtk_drop_down_get_selected (self->paper_dropdown) != PAPER_CUSTOM)
    return;
  sz_preferences_window_set_paper (self, gtk_editable_get_text (GTK_EDITABLE (self->paper_entry)), FALSE, NULL);
}

static void
on_paper_entry_activate_cb (SzPreferencesWindow *self)
{
  sz_preferences_window_set_paper (self, gtk_editable_get_text (GTK_EDITABLE (self->paper_entry)), TRUE, NULL);
}

static void
on_paper_entry_leave_cb (SzPreferencesWindow *self)
{
  if (gtk_drop_down_get_selected (self->paper_dropdown) == PAPER_CUSTOM)
    on_paper_entry_activate_cb (self);
}

/* ------------------------------------------------- other settings */

/* A drop-down whose items are a GSettings enum's values in order; the
 * user data is the enum's nicks, NULL-terminated. */
static gboolean
nick_get_mapping (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  const char * const *nicks = user_data;
  const char *nick = g_variant_get_string (variant, NULL);

  for (guint i = 0; nicks[i] != NULL; i++)
    if (g_str_equal (nick, nicks[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  return FALSE;
}

static GVariant *
nick_set_mapping (const GValue       *value,
                  const GVariantType *expected_type,
                  gpointer            user_data)
{
  const char * const *nicks = user_data;
  guint i = g_value_get_uint (value);

  return i < g_strv_length ((char **) nicks) ? g_variant_new_string (nicks[i]) : NULL;
}

static void
on_engine_dropdown_selected_cb (SzPreferencesWindow *self)
{
  if (gtk_drop_down_get_selected (self->engine_dropdown) == SZ_ENGINE_CAIRO)
    gtk_label_set_text (self->engine_note,
                        _("cairo embeds only the characters a board uses: the smallest files for a few boards."));
  else
    gtk_label_set_text (self->engine_note,
                        _("libharu is fast and compact for many boards in one file; "
                          "a board with a character it cannot draw is made with cairo."));
}

static gboolean
folder_get_mapping (GValue   *value,
                    GVariant *variant,
                    gpointer  user_data)
{
  const char *folder = g_variant_get_string (variant, NULL);

  if (*folder == '\0')
    {
      const char *documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);

      /* Translators: the export folder when none was chosen; %s is the
       * path of the Documents folder */
      g_value_take_string (value, g_strdup_printf (_("%s (default)"), documents ? documents : g_get_home_dir ()));
    }
  else
    g_value_set_string (value, folder);
  return TRUE;
}

static void
on_settings_folder_changed_cb (SzPreferencesWindow *self,
                               const char          *key,
                               GSettings           *settings)
{
  g_autofree char *folder = g_settings_get_string (settings, "export-folder");

  gtk_widget_set_visible (self->folder_reset_button, *folder != '\0');
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), gtk_label_get_text (self->folder_label));
}

gboolean
sz_preferences_window_set_export_folder (SzPreferencesWindow  *self,
                                         GFile                *folder,
                                         GError              **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (SZ_IS_PREFERENCES_WINDOW (self), FALSE);
  g_return_val_if_fail (folder == NULL || G_IS_FILE (folder), FALSE);

  if (self->settings == NULL)
    return TRUE;
  if (folder == NULL)
    {
      g_settings_set_string (self->settings, "export-folder", "");
      return TRUE;
    }
  path = g_file_get_path (folder);
  if (path == NULL)
    {
      g_autofree char *uri = g_file_get_uri (folder);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the address of a folder */
                   _("“%s” is not a folder on this computer: choose a folder on its disks or on a connected drive."),
                   uri);
      return FALSE;
    }
  /* A folder the export could not write to is refused now, not after the
   * boards are laid out. */
  info = g_file_query_info (folder, G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE,
                            G_FILE_QUERY_INFO_NONE, NULL, error);
  if (info == NULL)
    return FALSE;
  if (g_file_info_get_file_type (info) != G_FILE_TYPE_DIRECTORY
      || !g_file_info_get_attribute_boolean (info, G_FILE_ATTRIBUTE_ACCESS_CAN_WRITE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   /* Translators: %s is a folder */
                   _("Files cannot be saved in “%s”: choose another folder."), path);
      return FALSE;
    }
  g_settings_set_string (self->settings, "export-folder", path);
  return TRUE;
}

static void
on_folder_chooser_response_cb (SzPreferencesWindow *self,
                               int                  response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->folder_chooser);
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  if (folder != NULL && !sz_preferences_window_set_export_folder (self, folder, &error))
    sz_show_error (GTK_WIDGET (self), _("This folder cannot be used for exports"), error);
}

static void
on_folder_button_clicked_cb (SzPreferencesWindow *self)
{
  g_autofree char *current = NULL;
  g_autoptr(GFile) start = NULL;

  if (self->folder_chooser != NULL || self->settings == NULL)
    return;
  self->folder_chooser = gtk_file_chooser_native_new (_("Choose the Export Folder"), GTK_WINDOW (self),
                                                      GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                                      _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->folder_chooser), TRUE);
  current = g_settings_get_string (self->settings, "export-folder");
  start = g_file_new_for_path (*current ? current : g_get_home_dir ());
  if (g_file_query_exists (start, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->folder_chooser), start, NULL);
  g_signal_connect_object (self->folder_chooser, "response", G_CALLBACK (on_folder_chooser_response_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->folder_chooser));
}

static void
on_folder_reset_button_clicked_cb (SzPreferencesWindow *self)
{
  sz_preferences_window_set_export_folder (self, NULL, NULL);
}

static void
bind_settings (SzPreferencesWindow *self)
{
  GSettings *s = self->settings;

  g_settings_bind_with_mapping (s, "paper", self->paper_dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                paper_get_mapping, paper_set_mapping, self, NULL);
  g_signal_connect_object (s, "changed::paper", G_CALLBACK (on_settings_paper_changed_cb), self, G_CONNECT_SWAPPED);
  on_settings_paper_changed_cb (self, "paper", s);
  g_settings_bind (s, "landscape", self->landscape_check, "active", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (s, "style", self->style_dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_get_mapping, nick_set_mapping, (gpointer) style_nicks, NULL);
  g_settings_bind_with_mapping (s, "engine", self->engine_dropdown, "selected", G_SETTINGS_BIND_DEFAULT,
                                nick_get_mapping, nick_set_mapping, (gpointer) engine_nicks, NULL);
  g_settings_bind_with_mapping (s, "export-folder", self->folder_label, "label", G_SETTINGS_BIND_GET,
                                folder_get_mapping, NULL, NULL, NULL);
  g_signal_connect_object (s, "changed::export-folder", G_CALLBACK (on_settings_folder_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_settings_folder_changed_cb (self, "export-folder", s);
  g_settings_bind (s, "show-phones", self->phones_switch, "active", G_SETTINGS_BIND_DEFAULT);
}

/* ------------------------------------------- the community's boards */

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
  return sz_community_save (db, c, error);
}

static const char *
text_of (GtkEntry *entry)
{
  return gtk_editable_get_text (GTK_EDITABLE (entry));
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
         || gtk_spin_button_get_value_as_int (self->qr_age_spin) != c->qr_max_age_days;
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

static gboolean
sz_preferences_window_close_request (GtkWindow *window)
{
  SzPreferencesWindow *self = SZ_PREFERENCES_WINDOW (window);

  gtk_spin_button_update (self->qr_age_spin);
  if (is_dirty (self))
    {
      sz_confirm (GTK_WIDGET (self), _("Discard the changed board settings?"),
                  _("The QR code and vacancy settings you changed have not been applied."),
                  _("_Discard"), on_discard_confirmed_cb, NULL, NULL);
      return TRUE;
    }
  return GTK_WINDOW_CLASS (sz_preferences_window_parent_class)->close_request (window);
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

/* ------------------------------------------------------------ object */

static void
sz_preferences_window_dispose (GObject *object)
{
  SzPreferencesWindow *self = SZ_PREFERENCES_WINDOW (object);

  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->saved, sz_community_free);
  G_OBJECT_CLASS (sz_preferences_window_parent_class)->dispose (object);
}

static void
sz_preferences_window_class_init (SzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_preferences_window_dispose;
  window_class->close_request = sz_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, settings_box);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, landscape_check);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, engine_note);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, folder_label);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, phones_switch);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, community_note);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_text_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_text_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_caption_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_caption_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, vacancy_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, vacancy_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_spin);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_unit);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, revert_button);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, apply_button);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_engine_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_reset_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_community_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_revert_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_apply_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sz_preferences_window_init (SzPreferencesWindow *self)
{
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);
  GtkEventController *focus;

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SZ_N_STYLES; i++)
    gtk_string_list_append (styles, sz_board_style_title (i));
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (styles));

  /* What a blank field prints. */
  gtk_entry_set_placeholder_text (self->vacancy_entry, _("Vacant: please contact the community"));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_paper_entry_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->paper_entry), focus);

  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
  on_engine_dropdown_selected_cb (self);
}

GtkWidget *
sz_preferences_window_new (GtkWindow *parent,
                           SzSession *session)
{
  SzPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      /* Reads the keys into the widgets: not an edit. */
      self->loading = TRUE;
      bind_settings (self);
      self->loading = FALSE;
    }
  else
    gtk_widget_set_sensitive (self->settings_box, FALSE);
  /* This computer's backups: a section of its own (sz-backup-preferences.c). */
  gtk_box_append (GTK_BOX (self->settings_box), sz_backup_preferences_new (settings));

  load_community (self);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
