/* sz-app-backup.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-backup.h"
#include "sz-app-util.h"
#include "sz-session.h"
#include "sz-window.h"

void
sz_app_backup_apply_folder (GSettings *settings)
{
  g_autofree char *folder = settings ? g_settings_get_string (settings, "backup-folder") : NULL;

  sz_backup_set_folder (folder != NULL && *folder != '\0' ? folder : NULL);
}

void
sz_app_backup_get_retention (GSettings         *settings,
                             SzBackupRetention *keep)
{
  g_return_if_fail (keep != NULL);

  *keep = SZ_BACKUP_RETENTION_DEFAULT;
  if (settings == NULL)
    return;
  keep->daily = g_settings_get_uint (settings, "backup-keep-daily");
  keep->weekly = g_settings_get_uint (settings, "backup-keep-weekly");
  keep->monthly = g_settings_get_uint (settings, "backup-keep-monthly");
}

typedef struct
{
  GApplication *app;      /* held while the backup runs */
  GWeakRef      window;
} AutoBackup;

static void
auto_backup_free (AutoBackup *a)
{
  if (a->app != NULL)
    {
      g_application_release (a->app);
      g_object_unref (a->app);
    }
  g_weak_ref_clear (&a->window);
  g_free (a);
}

static void
on_auto_backup_done_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  AutoBackup *a = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBackupInfo) info = sz_backup_auto_finish (result, &error);
  g_autoptr(GtkWindow) window = g_weak_ref_get (&a->window);

  if (info == NULL && error != NULL)
    {
      if (window != NULL && gtk_widget_get_mapped (GTK_WIDGET (window)))
        {
          if (SZ_IS_WINDOW (window) && g_error_matches (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED))
            {
              SzDb *db = sz_session_get_db (sz_window_get_session (SZ_WINDOW (window)));

              /* From now on nothing is written into the damaged file. */
              if (db != NULL)
                sz_db_mark_damaged (db, error->message);
            }
          sz_show_error (GTK_WIDGET (window), _("The automatic backup failed"), error);
        }
      else
        /* Translators: on the terminal, when the backup on closing failed */
        g_printerr (_("The automatic backup failed: %s\n"), error->message);
    }
  auto_backup_free (a);
}

void
sz_app_backup_auto (GApplication *app,
                    GtkWindow    *window,
                    GSettings    *settings,
                    const char   *db_path,
                    const char   *tag)
{
  SzBackupRetention keep;
  AutoBackup *a;

  g_return_if_fail (db_path != NULL);
  g_return_if_fail (tag != NULL);

  sz_app_backup_get_retention (settings, &keep);
  a = g_new0 (AutoBackup, 1);
  if (app != NULL)
    {
      a->app = g_object_ref (app);
      g_application_hold (app);
    }
  g_weak_ref_init (&a->window, window);
  sz_backup_auto_async (db_path, NULL, tag, &keep, NULL, on_auto_backup_done_cb, a);
}

