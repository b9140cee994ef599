/* sz-application.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-backup.h"
#include "sz-app-util.h"
#include "sz-application.h"
#include "sz-demo.h"
#include "sz-preferences-window.h"
#include "sz-restore-dialog.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-session.h"
#include "sz-window.h"

struct _SzApplication
{
  GtkApplication  parent_instance;

  GSettings      *settings;
  char           *database;   /* --database, or NULL for the default */
  char           *db_path;    /* the file the window has open */
  guint           backup_timer_id;
};

G_DEFINE_FINAL_TYPE (SzApplication, sz_application, GTK_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("The database file (default: ~/.local/share/sanzhang/sanzhang.db)"), N_("FILE") },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and quit"), NULL },
  { NULL }
};

GSettings *
sz_application_get_settings (SzApplication *self)
{
  g_return_val_if_fail (SZ_IS_APPLICATION (self), NULL);
  return self->settings;
}

static int
sz_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  SzApplication *self = SZ_APPLICATION (app);
  const char *database = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("sanzhang %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "database", "^&ay", &database))
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (database);

      g_free (self->database);
      self->database = g_file_get_path (file);
    }
  return -1;
}

/* A database that cannot be opened gets a dialog of its own, and the
 * program ends when it is closed: no window over a database it cannot use. */
static void
show_open_error (SzApplication *self,
                 const GError  *error)
{
  GtkWidget *dialog = gtk_message_dialog_new (NULL, GTK_DIALOG_MODAL, GTK_MESSAGE_ERROR, GTK_BUTTONS_CLOSE,
                                              "%s", _("The roster cannot be opened"));

  gtk_message_dialog_format_secondary_text (GTK_MESSAGE_DIALOG (dialog), "%s", error->message);
  gtk_window_set_title (GTK_WINDOW (dialog), _("Sanzhang"));
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  g_signal_connect (dialog, "response", G_CALLBACK (gtk_window_destroy), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Every 30 minutes while the window is open: a backup when anything
 * changed since the last one. */
static gboolean
on_backup_timer_cb (gpointer user_data)
{
  SzApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  /* No backup while a restore has the file closed. */
  if (SZ_IS_WINDOW (window) && sz_session_get_db (sz_window_get_session (SZ_WINDOW (window))) != NULL)
    sz_app_backup_auto (G_APPLICATION (self), window, self->settings,
                        sz_db_get_path (sz_session_get_db (sz_window_get_session (SZ_WINDOW (window)))),
                        SZ_BACKUP_TAG_TIMER);
  return G_SOURCE_CONTINUE;
}

static void
on_damaged_restore_destroy_cb (SzApplication *self,
                               GtkWidget     *dialog)
{
  /* Restored: open it as on any start.  Else the program ends. */
  if (sz_restore_dialog_has_restored (SZ_RESTORE_DIALOG (dialog)))
    g_application_activate (G_APPLICATION (self));
  g_application_release (G_APPLICATION (self));
}

/* A damaged database at start: the restore dialog, with the newest good
 * backup chosen, when there is one; else the error alone. */
static void
show_damaged (SzApplication *self,
              const char    *path,
              const GError  *error)
{
  g_autoptr(SzBackupInfo) good = sz_backup_find_newest_good (path, NULL);
  GtkWidget *dialog;

  if (good == NULL)
    {
      show_open_error (self, error);
      return;
    }
  dialog = sz_restore_dialog_new_for_damaged (path, error->message);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  /* Held across the dialog's end, until the window of the restored file
   * is there. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect_object (dialog, "destroy", G_CALLBACK (on_damaged_restore_destroy_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sz_application_activate (GApplication *app)
{
  SzApplication *self = SZ_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzSession) session = NULL;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));
  SzDb *db;
  gboolean demo = FALSE;

  if (window != NULL)
    {
      gtk_window_present (window);
      return;
    }

  /* --database, else the street office's server set in the preferences,
   * else this computer's file. */
  if (self->database != NULL)
    path = g_strdup (self->database);
  else if (self->settings != NULL)
    {
      path = g_settings_get_string (self->settings, "server");
      if (*path == '\0')
        g_clear_pointer (&path, g_free);
    }
  if (path == NULL)
    path = sz_db_default_path ();
  /* Before opening: a migration's backup goes to the same folder. */
  sz_app_backup_apply_folder (self->settings);
  db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
  if (db == NULL)
    {
      if (g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT))
        show_damaged (self, path, error);
      else
        show_open_error (self, error);
      return;
    }
  community = sz_community_get_first (db, &error);
  /* On a server, staff see the communities granted to them, and the demo
   * has no place there. */
  if (community == NULL && error == NULL && sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL)
    g_set_error (&error, SZ_DB_ERROR, SZ_DB_ERROR_DENIED,
                 /* Translators: %s is a server address */
                 _("You see no community on the server “%s”. Ask the street office's administrator to grant you "
                   "yours (sanzhang-cli server grant)."), sz_db_get_display_name (db));
  else if (community == NULL && error == NULL)
    {
      gint64 id = 0;

      /* A new database: the demo community, with a note saying so. */
      if (sz_demo_load (db, &id, &error))
        {
          community = sz_community_get (db, id, &error);
          demo = TRUE;
        }
    }
  if (community == NULL)
    {
      show_open_error (self, error);
      sz_db_close (db);
      return;
    }
  session = sz_session_new (db, community->id, self->settings);
  window = GTK_WINDOW (sz_window_new (self, session, demo));
  gtk_window_present (window);

  g_free (self->db_path);
  self->db_path = g_strdup (path);
  sz_app_backup_auto (app, window, self->settings, path, SZ_BACKUP_TAG_START);
  if (self->backup_timer_id == 0)
    self->backup_timer_id = g_timeout_add_seconds (SZ_APP_BACKUP_INTERVAL_SECONDS, on_backup_timer_cb, self);
}

/* The main window closes: a backup when anything changed, in a thread
 * that holds the program until it is done. */
static void
sz_application_window_removed (GtkApplication *app,
                               GtkWindow      *window)
{
  SzApplication *self = SZ_APPLICATION (app);

  if (SZ_IS_WINDOW (window) && self->db_path != NULL)
    {
      g_clear_handle_id (&self->backup_timer_id, g_source_remove);
      sz_app_backup_auto (G_APPLICATION (self), NULL, self->settings, self->db_path, SZ_BACKUP_TAG_CLOSE);
    }
  GTK_APPLICATION_CLASS (sz_application_parent_class)->window_removed (app, window);
}

static void
on_settings_backup_folder_changed_cb (SzApplication *self)
{
  sz_app_backup_apply_folder (self->settings);
}

static void
on_quit_activated_cb (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  SzApplication *self = user_data;
  GList *windows = gtk_application_get_windows (GTK_APPLICATION (self));

  /* Close the windows, so that each saves its size; the program ends
   * with the last one, once the backup on closing is written (it holds
   * the application: g_application_quit() would cut it off). */
  for (GList *l = windows; l != NULL;)
    {
      GtkWindow *w = l->data;

      l = l->next;
      gtk_window_close (w);
    }
}

static void
on_about_activated_cb (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  SzApplication *self = user_data;
  const char *authors[] = { _("The Sanzhang developers"), NULL };
  /* The authors' name in the user's language: no English on screen. */
  g_autofree char *copyright = g_strdup_printf ("© 2026 %s", _("The Sanzhang developers"));

  gtk_show_about_dialog (gtk_application_get_active_window (GTK_APPLICATION (self)),
                         "program-name", _("Sanzhang"),
                         "logo-icon-name", APP_ID,
                         "version", PACKAGE_VERSION,
                         "comments", _("The roster of a residents' community's three heads "
                                       "(grid, building and unit heads) and the notice boards of every stairwell"),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "authors", authors,
                         "translator-credits", _("translator-credits"),
                         "copyright", copyright,
                         NULL);
}

static void
on_preferences_activated_cb (GSimpleAction *action,
                             GVariant      *parameter,
                             gpointer       user_data)
{
  SzApplication *self = user_data;
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (SZ_IS_WINDOW (window))
    gtk_window_present (GTK_WINDOW (sz_preferences_window_new (window, sz_window_get_session (SZ_WINDOW (window)))));
}

static const GActionEntry app_actions[] = {
  { "quit", on_quit_activated_cb },
  { "about", on_about_activated_cb },
  { "preferences", on_preferences_activated_cb },
};

static void
sz_application_startup (GApplication *app)
{
  SzApplication *self = SZ_APPLICATION (app);
  struct { const char *action; const char *accels[3]; } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.import", { "<Control>i", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.export", { "<Control>e", NULL } },
    { "win.undo", { "<Control>z", NULL } },
  };

  G_APPLICATION_CLASS (sz_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions), self);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (self), accels[i].action, accels[i].accels);

  sz_app_load_style ();
  gtk_window_set_default_icon_name (APP_ID);
}

static void
sz_application_finalize (GObject *object)
{
  SzApplication *self = SZ_APPLICATION (object);

  g_clear_handle_id (&self->backup_timer_id, g_source_remove);
  g_clear_object (&self->settings);
  g_free (self->database);
  g_free (self->db_path);
  G_OBJECT_CLASS (sz_application_parent_class)->finalize (object);
}

static void
sz_application_class_init (SzApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);
  GtkApplicationClass *gtk_app_class = GTK_APPLICATION_CLASS (klass);

  object_class->finalize = sz_application_finalize;
  app_class->activate = sz_application_activate;
  app_class->startup = sz_application_startup;
  app_class->handle_local_options = sz_application_handle_local_options;
  gtk_app_class->window_removed = sz_application_window_removed;
}

static void
sz_application_init (SzApplication *self)
{
  self->settings = g_settings_new (APP_ID);
  g_signal_connect_object (self->settings, "changed::backup-folder",
                           G_CALLBACK (on_settings_backup_folder_changed_cb), self, G_CONNECT_SWAPPED);
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), NULL);
}

SzApplication *
sz_application_new (void)
{
  return g_object_new (SZ_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", "/org/sanzhang/Sanzhang",
                       NULL);
}
