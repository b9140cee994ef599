/* sz-backup-preferences.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-backup.h"
#include "sz-backup-preferences.h"

struct _SzBackupPreferences
{
  GtkBox                 parent_instance;

  /* Template widgets */
  GtkLabel              *backup_folder_label;
  GtkWidget             *backup_folder_reset_button;
  GtkSpinButton         *daily_spin;
  GtkSpinButton         *weekly_spin;
  GtkSpinButton         *monthly_spin;

  /* Owned references */
  GSettings             *settings;
  GtkFileChooserNative  *chooser;
};

G_DEFINE_FINAL_TYPE (SzBackupPreferences, sz_backup_preferences, GTK_TYPE_BOX)

/* The folder in use: the chosen one, or the default, said so. */
static void
on_settings_backup_folder_changed_cb (SzBackupPreferences *self)
{
  g_autofree char *folder = g_settings_get_string (self->settings, "backup-folder");
  g_autofree char *text = NULL;

  if (*folder == '\0')
    {
      /* The default database's folder: what the core uses when none is set. */
      g_autofree char *path = g_build_filename (g_get_user_data_dir (), "sanzhang", "backups", NULL);

      /* Translators: the backup folder when none was chosen; %s is its path */
      text = g_strdup_printf (_("%s (default)"), path);
    }
  gtk_label_set_text (self->backup_folder_label, text ? text : folder);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->backup_folder_label), text ? text : folder);
  gtk_widget_set_visible (self->backup_folder_reset_button, *folder != '\0');
}

static void
on_chooser_response_cb (SzBackupPreferences *self,
                        int                  response)
{
  g_autoptr(GtkFileChooserNative) chooser = g_steal_pointer (&self->chooser);
  g_autoptr(GFile) folder = NULL;
  g_autofree char *path = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    return;
  folder = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  path = folder ? g_file_get_path (folder) : NULL;
  if (path == NULL)
    {
      g_autoptr(GError) error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                                     _("Choose a folder on this computer’s disks or on a "
                                                       "connected drive."));

      sz_show_error (GTK_WIDGET (self), _("This folder cannot be used for backups"), error);
      return;
    }
  g_settings_set_string (self->settings, "backup-folder", path);
}

static void
on_backup_folder_button_clicked_cb (SzBackupPreferences *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *current = NULL;
  g_autoptr(GFile) start = NULL;

  if (self->chooser != NULL || self->settings == NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Choose the Backup Folder"),
                                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                               GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER, _("_Select"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  current = g_settings_get_string (self->settings, "backup-folder");
  start = g_file_new_for_path (*current ? current : g_get_home_dir ());
  if (g_file_query_exists (start, NULL))
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), start, NULL);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_backup_folder_reset_button_clicked_cb (SzBackupPreferences *self)
{
  if (self->settings != NULL)
    g_settings_reset (self->settings, "backup-folder");
}

static void
sz_backup_preferences_dispose (GObject *object)
{
  SzBackupPreferences *self = SZ_BACKUP_PREFERENCES (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_BACKUP_PREFERENCES);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (sz_backup_preferences_parent_class)->dispose (object);
}

static void
sz_backup_preferences_class_init (SzBackupPreferencesClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_backup_preferences_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-backup-preferences.ui");
  gtk_widget_class_bind_template_child (widget_class, SzBackupPreferences, backup_folder_label);
  gtk_widget_class_bind_template_child (widget_class, SzBackupPreferences, backup_folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, SzBackupPreferences, daily_spin);
  gtk_widget_class_bind_template_child (widget_class, SzBackupPreferences, weekly_spin);
  gtk_widget_class_bind_template_child (widget_class, SzBackupPreferences, monthly_spin);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_folder_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_folder_reset_button_clicked_cb);
}

static void
sz_backup_preferences_init (SzBackupPreferences *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sz_backup_preferences_new (GSettings *settings)
{
  SzBackupPreferences *self = g_object_new (SZ_TYPE_BACKUP_PREFERENCES, NULL);

  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  if (settings == NULL)
    {
      SzBackupRetention keep = SZ_BACKUP_RETENTION_DEFAULT;

      gtk_spin_button_set_value (self->daily_spin, keep.daily);
      gtk_spin_button_set_value (self->weekly_spin, keep.weekly);
      gtk_spin_button_set_value (self->monthly_spin, keep.monthly);
      gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
      return GTK_WIDGET (self);
    }
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "backup-keep-daily", self->daily_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep-weekly", self->weekly_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "backup-keep-monthly", self->monthly_spin, "value", G_SETTINGS_BIND_DEFAULT);
  g_signal_connect_object (settings, "changed::backup-folder", G_CALLBACK (on_settings_backup_folder_changed_cb),
                           self, G_CONNECT_SWAPPED);
  on_settings_backup_folder_changed_cb (self);
  return GTK_WIDGET (self);
}
