/* sz-preferences-window-settings.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-export.h"
#include "sz-layout.h"
#include "sz-preferences-window-private.h"
#include "sz-staff.h"

/* The first half of the window: what this computer starts boards with. */

static const char * const paper_keys[] = { "A4", "A3" };

/* The nicks of the schema's enums, in SzBoardStyle and SzEngine order. */
static const char * const style_nicks[] = { "red", "plain", NULL };
static const char * const engine_nicks[] = { "haru", "cairo", NULL };

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
                        _("Draws the boards through the cairo library, as the app's preview does: the same look, "
                          "but slower and larger files. For comparing when a printout looks wrong."));
  else
    gtk_label_set_text (self->engine_note,
                        _("Fast for one board or thousands; each file carries only the characters its boards use, "
                          "and every character the fonts have is drawn."));
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

void
_sz_preferences_window_bind_settings (SzPreferencesWindow *self)
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
  /* Each keystroke is the name at once (sz-staff.c follows the key): a
   * preference, not a form to save. */
  if (sz_staff_has_setting (s))
    g_settings_bind (s, SZ_STAFF_NAME_KEY, self->staff_entry, "text", G_SETTINGS_BIND_DEFAULT);
  /* What records say without a name. */
  gtk_entry_set_placeholder_text (self->staff_entry, g_get_user_name ());
}

void
_sz_preferences_window_init_settings (SzPreferencesWindow *self)
{
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);
  GtkEventController *focus;

  for (guint i = 0; i < SZ_N_STYLES; i++)
    gtk_string_list_append (styles, sz_board_style_title (i));
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (styles));

  focus = gtk_event_controller_focus_new ();
  g_signal_connect_object (focus, "leave", G_CALLBACK (on_paper_entry_leave_cb), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->paper_entry), focus);

  on_engine_dropdown_selected_cb (self);
}

void
_sz_preferences_window_class_settings_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_paper_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_paper_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_engine_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_folder_reset_button_clicked_cb);
}
