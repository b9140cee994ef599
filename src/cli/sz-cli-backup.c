/* sz-cli-backup.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli backup, backups and restore: src/core/sz-backup.h from the
 * terminal, and the hint a damaged database's message ends with. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sz-backup.h"
#include "sz-safe-file.h"

#include "sz-cli.h"
#include "sz-cli-records.h"

static char *opt_output;
static char *opt_folder;
static gboolean opt_if_changed;

static char *
time_text (const SzBackupInfo *info)
{
  return g_date_time_format (info->time, "%Y-%m-%d %H:%M:%S");
}

static char *
folder_for (const char *db_path)
{
  return opt_folder != NULL ? g_strdup (opt_folder) : sz_backup_default_folder (db_path);
}

static int
backup_failed (const GError *error)
{
  print_error (error);
  /* Found by the check of the copy (a file too big for the check on
   * opening): the newest good backup, as for any damaged database. */
  if (g_error_matches (error, SZ_BACKUP_ERROR, SZ_BACKUP_ERROR_SOURCE_DAMAGED))
    print_backup_hint ();
  return EXIT_ERROR;
}

/* backup */

int
cmd_backup (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
      N_("Write the copy to this file instead of the backup folder"), N_("FILE") },
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &opt_folder,
      N_("The backup folder (default: ~/.local/share/sanzhang/backups)"), N_("DIR") },
    { "if-changed", 0, 0, G_OPTION_ARG_NONE, &opt_if_changed,
      N_("Only when something changed since the newest backup (for a timer)"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBackupInfo) info = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *size = NULL;

  if (!parse_options ("backup", "",
                      _("Make a checked copy of the database in the backup folder (the folder keeps today's backups, "
                        "then one a day for 12 days, one a week for 10 weeks and one a month for 9 months), "
                        "or in the file given with -o."),
                      entries, &argc, &argv)
      || too_many_arguments ("backup", argc, argv, 0))
    return EXIT_USAGE;
  if (opt_output != NULL && (opt_folder != NULL || opt_if_changed))
    {
      g_printerr (_("Error: -o writes one file: it does not go with --folder or --if-changed.\n"));
      return EXIT_USAGE;
    }

  sz_safe_file_cleanup_on_signals ();
  db_path = cli_database_path ();
  {
    /* The same refusals as every command: not ours, damaged, too new. */
    g_autoptr(SzDb) db = open_database (SZ_DB_OPEN_DEFAULT);

    if (db == NULL)
      return EXIT_ERROR;
  }

  if (opt_output != NULL)
    {
      g_autoptr(SzBackupInfo) copy = NULL;

      if (!sz_backup_create_file (db_path, opt_output, NULL, NULL, NULL, &error))
        return backup_failed (error);
      copy = sz_backup_describe (opt_output);
      contents = sz_backup_info_contents (copy);
      size = g_format_size (copy->size);
      /* Translators: a file name, its size, then what it holds ("1 community, 150 people, 2000 records") */
      g_print (_("Backed up to %s (%s): %s.\n"), opt_output, size, contents);
      return EXIT_OK;
    }

  folder = folder_for (db_path);
  if (opt_if_changed)
    {
      SzBackupRetention keep = SZ_BACKUP_RETENTION_DEFAULT;

      info = sz_backup_auto (db_path, folder, SZ_BACKUP_TAG_TIMER, &keep, NULL, NULL, &error);
      if (info == NULL && error == NULL)
        {
          /* Translators: %s is a folder */
          g_print (_("Nothing changed since the newest backup in %s.\n"), folder);
          return EXIT_OK;
        }
    }
  else
    {
      info = sz_backup_create (db_path, folder, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
      if (info != NULL)
        {
          SzBackupRetention keep = SZ_BACKUP_RETENTION_DEFAULT;
          g_autoptr(GPtrArray) deleted = sz_backup_rotate (db_path, folder, &keep, NULL, NULL);

          if (deleted != NULL && deleted->len > 0)
            g_print (g_dngettext (GETTEXT_PACKAGE, "Removed %u old backup the rotation does not keep.\n",
                                  "Removed %u old backups the rotation does not keep.\n", deleted->len),
                     deleted->len);
        }
    }
  if (info == NULL)
    return backup_failed (error);
  contents = sz_backup_info_contents (info);
  size = g_format_size (info->size);
  /* Translators: a file name, its size, then what it holds ("1 community, 150 people, 2000 records") */
  g_print (_("Backed up to %s (%s): %s.\n"), info->path, size, contents);
  return EXIT_OK;
}

/* backups */

int
cmd_backups (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &opt_folder,
      N_("The backup folder (default: ~/.local/share/sanzhang/backups)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folder = NULL;

  if (!parse_options ("backups", "", _("List the database's backups, newest first, with what each holds."),
                      entries, &argc, &argv)
      || too_many_arguments ("backups", argc, argv, 0))
    return EXIT_USAGE;

  db_path = cli_database_path ();
  folder = folder_for (db_path);
  list = sz_backup_list (db_path, folder, TRUE, &error);
  if (list == NULL)
    return backup_failed (error);
  if (list->len == 0)
    {
      /* Translators: %s is a folder */
      g_print (_("There are no backups in %s yet. Make one with “sanzhang-cli backup”.\n"), folder);
      return EXIT_OK;
    }

  rows = records_table_new ();
  /* Translators: column headers of the list of backups */
  records_table_add (rows, _("No."), _("Taken"), _("Why"), _("Size"), _("Holds"), NULL);
  for (guint i = 0; i < list->len; i++)
    {
      SzBackupInfo *info = list->pdata[i];
      g_autofree char *n = g_strdup_printf ("%u", i + 1);
      g_autofree char *when = time_text (info);
      g_autofree char *size = g_format_size (info->size);
      g_autofree char *contents = sz_backup_info_contents (info);

      records_table_add (rows, n, when, sz_backup_tag_title (info->tag), size, contents, NULL);
    }
  records_print_table (rows, "rllrl");
  /* Translators: %s is a folder */
  g_print (_("In %s.\n"), folder);
  g_print (_("Restore one with “sanzhang-cli restore N” (N from this list) or “sanzhang-cli restore FILE”.\n"));
  return EXIT_OK;
}

/* restore */

int
cmd_restore (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "folder", 0, 0, G_OPTION_ARG_FILENAME, &opt_folder,
      N_("The backup folder (default: ~/.local/share/sanzhang/backups)"), N_("DIR") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBackupInfo) chosen = NULL;
  g_autofree char *db_path = NULL;
  g_autofree char *folder = NULL;
  g_autofree char *before = NULL;
  g_autofree char *contents = NULL;
  guint64 n = 0;

  if (!parse_options ("restore", _("FILE|N"),
                      _("Replace the database with a backup: N from “sanzhang-cli backups”, or a backup file. "
                        "The current state is backed up first (tag before-restore), and the backup is checked "
                        "before it replaces anything. Close the app first."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("Error: say which backup to restore: a number from “sanzhang-cli backups”, or a file.\n"));
      return EXIT_USAGE;
    }
  if (too_many_arguments ("restore", argc, argv, 1))
    return EXIT_USAGE;

  sz_safe_file_cleanup_on_signals ();
  db_path = cli_database_path ();
  folder = folder_for (db_path);

  if (!g_file_test (argv[1], G_FILE_TEST_EXISTS)
      && g_ascii_string_to_unsigned (argv[1], 10, 1, G_MAXUINT, &n, NULL))
    {
      g_autoptr(GPtrArray) list = sz_backup_list (db_path, folder, FALSE, &error);

      if (list == NULL)
        return backup_failed (error);
      if (n > list->len)
        {
          if (list->len == 0)
            /* Translators: %s is a folder */
            g_printerr (_("Error: there are no backups in %s.\n"), folder);
          else
            /* Translators: the number typed, then how many backups there are */
            g_printerr (g_dngettext (GETTEXT_PACKAGE, "Error: there is no backup %s: the list has %u.\n",
                                     "Error: there is no backup %s: the list has %u.\n", list->len),
                        argv[1], list->len);
          g_printerr (_("Run “sanzhang-cli backups” to see them.\n"));
          return EXIT_USAGE;
        }
      chosen = g_ptr_array_steal_index (list, n - 1);
    }
  else
    {
      chosen = g_new0 (SzBackupInfo, 1);
      chosen->path = g_strdup (argv[1]);
    }

  if (!sz_backup_restore (db_path, chosen->path, folder, &before, NULL, &error))
    return backup_failed (error);

  if (before != NULL)
    /* Translators: %s is a file name */
    g_print (_("The state before the restore was backed up to %s.\n"), before);
  {
    g_autoptr(SzBackupInfo) restored = sz_backup_describe (chosen->path);
    g_autoptr(SzDb) db = NULL;

    contents = sz_backup_info_contents (restored);
    /* Translators: the database, the backup, then what it holds */
    g_print (_("Restored %s from %s: %s.\n"), db_path, chosen->path, contents);
    /* Opening it now updates a copy from an older version at once. */
    db = open_database (SZ_DB_OPEN_DEFAULT);
    if (db == NULL)
      return EXIT_ERROR;
  }
  return EXIT_OK;
}

/* The end of a damaged database's message: the newest backup and how to
 * restore it. */
void
print_backup_hint (void)
{
  g_autofree char *db_path = cli_database_path ();
  g_autofree char *folder = folder_for (db_path);
  g_autoptr(GPtrArray) list = sz_backup_list (db_path, folder, FALSE, NULL);
  g_autoptr(SzBackupInfo) good = sz_backup_find_newest_good (db_path, folder);

  if (good == NULL)
    {
      /* Translators: %s is a folder */
      g_printerr (_("There is no backup of it in %s.\n"), folder);
      return;
    }
  for (guint i = 0; list != NULL && i < list->len; i++)
    if (g_str_equal (((SzBackupInfo *) list->pdata[i])->path, good->path))
      {
        g_autofree char *when = time_text (good);
        g_autofree char *contents = sz_backup_info_contents (good);

        /* Translators: a time, a file, what it holds, then the number to give "restore" */
        g_printerr (_("The newest good backup is from %s: %s (%s). Restore it with “sanzhang-cli restore %u”.\n"),
                    when, good->path, contents, i + 1);
        return;
      }
}
