/* sz-backup-name.c: where backups go and what they are called.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "sz-backup.h"
#include "sz-backup-private.h"
#include "sz-db.h"

/* The app's preference (sz_backup_set_folder()); the lock because backups
 * are made in threads. */
static char *folder_override;
G_LOCK_DEFINE_STATIC (folder_override);

const char *
sz_backup_tag_title (const char *tag)
{
  static const struct { const char *tag; const char *title; } titles[] = {
    /* Translators: why a backup was made, shown in the list of backups */
    { SZ_BACKUP_TAG_START, N_("when the app started") },
    { SZ_BACKUP_TAG_CLOSE, N_("when the app closed") },
    { SZ_BACKUP_TAG_TIMER, N_("while the app was open") },
    { SZ_BACKUP_TAG_IMPORT, N_("before an import") },
    { SZ_BACKUP_TAG_MIGRATION, N_("before updating to a new version") },
    { SZ_BACKUP_TAG_BEFORE_RESTORE, N_("before a restore") },
    { SZ_BACKUP_TAG_NEW_COMMUNITY, N_("before starting an empty community") },
    { SZ_BACKUP_TAG_MANUAL, N_("made by hand") },
  };

  g_return_val_if_fail (tag != NULL, "");
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (tag, titles[i].tag))
      return _(titles[i].title);
  return tag;
}

/* "sanzhang" for sanzhang.db: the start of every backup's name. */
gboolean
sz_backup_refuse_server (const char  *db_path,
                         GError     **error)
{
  if (!sz_db_location_is_server (db_path))
    return TRUE;
  g_set_error_literal (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_FAILED,
                       _("This database is on the street office's server: the server's administrator keeps its "
                         "backups (pg_dump), not Sanzhang. For a copy in a file, use "
                         "“sanzhang-cli copy --to FILE”."));
  return FALSE;
}

char *
sz_backup_stem (const char *db_path)
{
  g_autofree char *base = g_path_get_basename (db_path);

  if (g_str_has_suffix (base, ".db") && strlen (base) > 3)
    base[strlen (base) - 3] = '\0';
  return g_steal_pointer (&base);
}

void
sz_backup_set_folder (const char *folder)
{
  G_LOCK (folder_override);
  g_free (folder_override);
  folder_override = g_strdup (folder);
  G_UNLOCK (folder_override);
}

char *
sz_backup_default_folder (const char *db_path)
{
  g_autofree char *base = NULL;
  g_autofree char *default_db = sz_db_default_path ();
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFile) default_file = g_file_new_for_path (default_db);
  g_autofree char *absolute = NULL;
  g_autofree char *stem = NULL;
  g_autofree char *hash = NULL;
  g_autofree char *sub = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  G_LOCK (folder_override);
  base = folder_override ? g_strdup (folder_override)
                         : g_build_filename (g_get_user_data_dir (), "sanzhang", "backups", NULL);
  G_UNLOCK (folder_override);

  file = g_file_new_for_path (db_path);
  if (g_file_equal (file, default_file))
    return g_steal_pointer (&base);
  /* Two files both called office.db must not share: the subfolder is
   * named after the file and where it is. */
  absolute = g_file_get_path (file);
  stem = sz_backup_stem (db_path);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, absolute, -1);
  hash[8] = '\0';
  sub = g_strdup_printf ("%s-%s", stem, hash);
  return g_build_filename (base, sub, NULL);
}

gboolean
sz_backup_ensure_folder (const char  *folder,
                         GError     **error)
{
  GStatBuf st;

  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, SZ_BACKUP_ERROR, saved == ENOSPC ? SZ_BACKUP_ERROR_FULL : SZ_BACKUP_ERROR_FAILED,
                   /* Translators: the first %s is a folder, the second the system's reason */
                   _("Cannot create the backup folder “%s”: %s"), display, g_strerror (saved));
      return FALSE;
    }
  /* The copies hold personal information: the folder is the owner's. */
  if (g_stat (folder, &st) == 0 && st.st_uid == getuid () && (st.st_mode & 077) != 0)
    g_chmod (folder, 0700);
  return TRUE;
}

char *
sz_backup_format_name (const char *stem,
                       GDateTime  *time,
                       const char *tag,
                       guint       seq)
{
  g_autofree char *when = g_date_time_format (time, "%Y-%m-%dT%H-%M-%S");

  if (seq > 1)
    return g_strdup_printf ("%s-%s-%s-%u.db", stem, when, tag, seq);
  return g_strdup_printf ("%s-%s-%s.db", stem, when, tag);
}

/* Reads a backup's name back: its time, tag and number in the second. */
gboolean
sz_backup_parse_name (const char  *stem,
                      const char  *name,
                      GDateTime  **time,
                      char       **tag,
                      guint       *seq)
{
  g_autofree char *escaped = g_regex_escape_string (stem, -1);
  g_autofree char *pattern = g_strdup_printf ("^%s-(\\d{4})-(\\d\\d)-(\\d\\d)T(\\d\\d)-(\\d\\d)-(\\d\\d)"
                                              "(?:-([a-z][a-z-]*?))?(?:-(\\d+))?\\.db$", escaped);
  g_autoptr(GRegex) re = g_regex_new (pattern, G_REGEX_OPTIMIZE, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  int f[6];

  if (re == NULL || !g_regex_match (re, name, 0, &match))
    return FALSE;
  for (guint i = 0; i < 6; i++)
    {
      g_autofree char *s = g_match_info_fetch (match, i + 1);
      f[i] = atoi (s);
    }
  *time = g_date_time_new_local (f[0], f[1], f[2], f[3], f[4], f[5]);
  if (*time == NULL)
    return FALSE;
  *tag = g_match_info_fetch (match, 7);
  if (*tag == NULL)
    *tag = g_strdup ("");
  {
    g_autofree char *n = g_match_info_fetch (match, 8);
    *seq = n != NULL && *n != '\0' ? (guint) atoi (n) : 1;
  }
  return TRUE;
}
