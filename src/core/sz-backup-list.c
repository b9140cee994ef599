/* sz-backup-list.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-backup-private.h"
#include "sz-safe-file.h"

/* The backups of a database: listed newest first, thinned by rotation. */

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  const SzBackupInfo *x = *(SzBackupInfo * const *) a;
  const SzBackupInfo *y = *(SzBackupInfo * const *) b;
  int c = g_date_time_compare (y->time, x->time);

  /* Within a second, the higher number is the later one. */
  return c != 0 ? c : (int) y->number - (int) x->number;
}

GPtrArray *
sz_backup_list (const char  *db_path,
                const char  *folder,
                gboolean     with_contents,
                GError     **error)
{
  g_autofree char *default_folder = NULL;
  g_autofree char *stem = NULL;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_backup_info_free);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name;

  g_return_val_if_fail (db_path != NULL, NULL);

  if (!sz_backup_refuse_server (db_path, error))
    return NULL;

  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);
  stem = sz_backup_stem (db_path);
  sz_backup_recover (db_path, folder);
  dir = g_dir_open (folder, 0, &local_error);
  if (dir == NULL)
    {
      /* No folder yet: no backups yet. */
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&list);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autoptr(SzBackupInfo) info = g_new0 (SzBackupInfo, 1);

      if (!sz_backup_parse_name (stem, name, &info->time, &info->tag, &info->number))
        continue;
      info->path = g_build_filename (folder, name, NULL);
      info->communities = info->people = info->records = -1;
      if (with_contents)
        sz_backup_fill_info (info, info->path);
      else
        {
          GStatBuf st;

          if (g_stat (info->path, &st) == 0)
            info->size = st.st_size;
          info->readable = TRUE;
        }
      g_ptr_array_add (list, g_steal_pointer (&info));
    }
  g_ptr_array_sort (list, compare_newest_first);
  return g_steal_pointer (&list);
}

SzBackupInfo *
sz_backup_describe (const char *path)
{
  SzBackupInfo *info = g_new0 (SzBackupInfo, 1);
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *stem = g_strdup (base);
  char *dash;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);

  info->path = g_strdup (path);
  /* "stem-2026-…": try every dash as the end of the stem. */
  for (dash = strchr (stem, '-'); dash != NULL; dash = strchr (dash + 1, '-'))
    {
      *dash = '\0';
      if (sz_backup_parse_name (stem, base, &info->time, &info->tag, &info->number))
        break;
      *dash = '-';
    }
  if (info->time == NULL)
    {
      info->tag = g_strdup ("");
      info->number = 1;
      info->time = g_stat (path, &st) == 0 ? g_date_time_new_from_unix_local (st.st_mtime)
                                           : g_date_time_new_now_local ();
    }
  sz_backup_fill_info (info, path);
  return info;
}

SzBackupInfo *
sz_backup_find_newest_good (const char *db_path,
                            const char *folder)
{
  g_autoptr(GPtrArray) list = sz_backup_list (db_path, folder, FALSE, NULL);

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzBackupInfo *info = list->pdata[i];

      g_clear_pointer (&info->problem, g_free);
      info->readable = FALSE;
      sz_backup_fill_info (info, info->path);
      if (info->readable)
        return g_ptr_array_steal_index (list, i);
    }
  return NULL;
}

/* Anki's thinning: walking from the newest, keep every backup of today,
 * then the newest of each of the @daily days before that have one, then of
 * @weekly weeks before those, then of @monthly months; delete the rest. */
GPtrArray *
sz_backup_rotate (const char               *db_path,
                  const char               *folder,
                  const SzBackupRetention  *retention,
                  GDateTime                *now,
                  GError                  **error)
{
  SzBackupRetention keep = retention ? *retention : SZ_BACKUP_RETENTION_DEFAULT;
  g_autoptr(GDateTime) today_time = now ? g_date_time_to_local (now) : g_date_time_new_now_local ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) deleted = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *today = g_date_time_format (today_time, "%Y-%m-%d");
  g_autofree char *last_day = NULL;
  g_autofree char *last_week = NULL;
  g_autofree char *last_month = NULL;
  g_autofree char *default_folder = NULL;

  if (folder == NULL)
    folder = default_folder = sz_backup_default_folder (db_path);
  list = sz_backup_list (db_path, folder, FALSE, error);
  if (list == NULL)
    return NULL;
  for (guint i = 0; i < list->len; i++)
    {
      SzBackupInfo *info = list->pdata[i];
      g_autofree char *day = g_date_time_format (info->time, "%Y-%m-%d");
      g_autofree char *week = g_date_time_format (info->time, "%G-W%V");
      g_autofree char *month = g_date_time_format (info->time, "%Y-%m");
      gboolean kept = FALSE;

      /* Tier by tier: weeks only once the days are used up, months once
       * the weeks are, so the counts add up to the span they promise. */
      if (i == 0 || g_strcmp0 (day, today) >= 0)
        kept = TRUE;
      else if (keep.daily > 0)
        kept = g_strcmp0 (day, last_day) != 0 && keep.daily--;
      else if (keep.weekly > 0)
        kept = g_strcmp0 (week, last_week) != 0 && keep.weekly--;
      else if (keep.monthly > 0)
        kept = g_strcmp0 (month, last_month) != 0 && keep.monthly--;

      if (kept)
        {
          g_free (last_day), last_day = g_steal_pointer (&day);
          g_free (last_week), last_week = g_steal_pointer (&week);
          g_free (last_month), last_month = g_steal_pointer (&month);
          continue;
        }
      if (g_unlink (info->path) == 0)
        g_ptr_array_add (deleted, g_strdup (info->path));
    }
  if (deleted->len > 0)
    sz_safe_file_sync_folder (folder, NULL);
  return g_steal_pointer (&deleted);
}

char *
sz_backup_info_contents (const SzBackupInfo *info)
{
  g_autofree char *communities = NULL;
  g_autofree char *people = NULL;
  g_autofree char *records = NULL;

  g_return_val_if_fail (info != NULL, NULL);

  if (!info->readable)
    /* Translators: in the list of backups, a copy that cannot be read; %s says why */
    return g_strdup_printf (_("Cannot be read: %s"), info->problem ? info->problem : "");
  /* Counts of a roster fit an unsigned int; gettext cannot see through
   * G_GINT64_FORMAT. */
  communities = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u community", "%u communities",
                                              (gulong) info->communities),
                                 (guint) info->communities);
  people = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", (gulong) info->people),
                            (guint) info->people);
  records = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record", "%u records", (gulong) info->records),
                             (guint) info->records);
  /* Translators: in the list of backups: communities · people · issue records */
  return g_strdup_printf (_("%s · %s · %s"), communities, people, records);
}
