/* sz-cli-import.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-backup.h"
#include "sz-cli.h"
#include "sz-import.h"

/* sanzhang-cli import: the app's import dialog on the command line.  It
 * prints what the dialog shows: the file as read, every problem with its
 * row and column, and what changes (or would, with --dry-run). */

static gboolean opt_dry_run;
static gboolean opt_create_places;
static gboolean opt_replace_heads;
static char *opt_sheet;
static char *opt_encoding;

static void
print_table (SzTable *t)
{
  const char * const *sheets = sz_table_get_sheet_names (t);
  guint header = sz_table_get_header_row (t);
  guint n = sz_table_get_n_rows (t);

  if (sz_table_get_format (t) == SZ_TABLE_CSV)
    /* Translators: rows, the file's name, its encoding */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Read %u row from %s (text, %s).\n", "Read %u rows from %s (text, %s).\n", n),
             n, sz_table_get_display_name (t), sz_table_get_encoding (t));
  else
    {
      g_autofree char *all = g_strjoinv (_(", "), (char **) sheets);

      /* Translators: rows, the file's name, the sheet read, then all the sheets of the workbook */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Read %u row from %s, sheet “%s” (sheets: %s).\n",
                            "Read %u rows from %s, sheet “%s” (sheets: %s).\n", n),
               n, sz_table_get_display_name (t), sz_table_get_sheet (t), all);
    }
  if (sz_table_get_n_all_rows (t) > 0 && sz_table_get_all_line (t, header) != 1)
    /* Translators: a row number */
    g_print (_("The header is on row %u; the rows above it are not read.\n"), sz_table_get_all_line (t, header));
}

static void
print_columns (SzImport *im)
{
  SzTable *t = sz_import_get_table (im);
  g_autoptr(GString) line = g_string_new (NULL);

  for (guint c = 0; c < sz_table_get_n_columns (t); c++)
    {
      int f = sz_import_get_field (im, c);

      if (f < 0)
        continue;
      if (line->len > 0)
        g_string_append (line, _(", "));
      /* Translators: a header of the file → what the import reads it as */
      g_string_append_printf (line, _("%s → %s"), sz_table_get_header (t, c), sz_import_field_title (f));
    }
  /* Translators: the list of columns and their meanings */
  g_print (_("Columns: %s\n"), line->str);
}

static void
print_problems (SzImport         *im,
                SzImportSeverity  severity,
                const char       *title)
{
  GPtrArray *problems = sz_import_get_problems (im);
  gboolean first = TRUE;

  for (guint i = 0; i < problems->len; i++)
    {
      SzImportProblem *p = problems->pdata[i];

      if (p->severity != severity)
        continue;
      if (first)
        g_print ("%s\n", title);
      first = FALSE;
      g_print ("  %s\n", p->text);
    }
}

static void
print_changes (SzImport           *im,
               SzImportChangeKind  kind,
               const char         *title)
{
  GPtrArray *changes = sz_import_get_changes (im);
  gboolean first = TRUE;

  for (guint i = 0; i < changes->len; i++)
    {
      SzImportChange *c = changes->pdata[i];

      if (c->kind != kind)
        continue;
      if (first)
        g_print ("%s\n", title);
      first = FALSE;
      if (kind == SZ_IMPORT_CHANGE_HANDOVER)
        /* Translators: a place, the post, the head whose term ends, the new head, then the row */
        g_print (_("  %s %s: %s → %s (row %u)\n"), c->place, c->post, c->old_name, c->name, c->line);
      else
        /* Translators: a place, then the row that needs it */
        g_print (_("  %s (row %u)\n"), c->place, c->line);
    }
}

static void
print_report (SzImport *im,
              gboolean  done)
{
  const SzImportReport *r = sz_import_get_report (im);

  print_changes (im, SZ_IMPORT_CHANGE_PLACE_NEW,
                 done ? _("Places added:") : _("Places that are not on the roster yet:"));
  print_changes (im, SZ_IMPORT_CHANGE_HANDOVER,
                 done ? _("Heads replaced (their terms ended):") : _("Heads that would be replaced:"));
  /* Translators: counts of places */
  g_print (_("Places: %u grids, %u compounds, %u buildings, %u units new.\n"),
           r->grids_created, r->compounds_created, r->buildings_created, r->units_created);
  /* Translators: counts of people */
  g_print (_("People: %u added, %u already on the roster.\n"), r->people_created, r->people_found);
  /* Translators: counts of heads */
  g_print (_("Heads: %u appointed to vacant posts, %u replacing the head before (whose term ends), %u already in post.\n"),
           r->heads_appointed, r->heads_replaced, r->heads_unchanged);
  if (r->consents_dated > 0)
    /* Translators: a count of people */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Consent to print the phone recorded with today's date for %u person (the file gave no date).\n",
                          "Consent to print the phone recorded with today's date for %u people (the file gave no date).\n",
                          r->consents_dated),
             r->consents_dated);
}

int
cmd_import (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Check the file and say what would change, but save nothing"), NULL },
    { "sheet", 0, 0, G_OPTION_ARG_STRING, &opt_sheet, N_("The workbook's sheet to read (default: the first that has cells)"), N_("NAME") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding, N_("A text file's encoding: UTF-8, GB18030, UTF-16LE, UTF-16BE or BIG5 (default: detected)"), N_("ENCODING") },
    { "create-places", 0, 0, G_OPTION_ARG_NONE, &opt_create_places, N_("Add the grids, compounds, buildings and units that are not on the roster yet"), NULL },
    { "replace-heads", 0, 0, G_OPTION_ARG_NONE, &opt_replace_heads, N_("Hand a post over when the file names another head than the roster (the current term ends)"), NULL },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzTable) table = NULL;
  g_autoptr(SzImport) im = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *encodings = sz_table_encodings ();
  const SzImportReport *r;
  gboolean ok;

  if (!parse_options ("import", _("FILE"),
                      _("Import a roster of heads, one row a head, from a spreadsheet as WPS and Excel save it: .xlsx, "
                        ".xls, or CSV/TXT (UTF-8, GBK/GB18030, UTF-16). Columns, in any order, found by their headers: "
                        "网格, 小区, 楼栋, 单元, 职务, 姓名, 电话, 性别, 党员, 身份, 同意公示电话, 同意日期, 任职日期, "
                        "产生方式, 户数, 备注 (网格 and 姓名 are required); a title row above the header is fine. "
                        "All rows or none: if any row is wrong, nothing is saved and every problem is listed with "
                        "its row and column. Places that are not on the roster yet, and heads that would be "
                        "replaced, need --create-places and --replace-heads."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("Error: name the file to import, for example: sanzhang-cli import 三长名册.xlsx\n"));
      return EXIT_USAGE;
    }
  if (too_many_arguments ("import", argc, argv, 1))
    return EXIT_USAGE;
  if (opt_encoding != NULL)
    {
      g_autofree char *upper = g_ascii_strup (opt_encoding, -1);

      if (g_str_equal (upper, "GBK") || g_str_equal (upper, "GB2312"))
        g_free (upper), upper = g_strdup ("GB18030");
      if (!g_strv_contains (encodings, upper))
        {
          g_autofree char *all = g_strjoinv (", ", (char **) encodings);

          /* Translators: the encoding given, then the ones there are */
          g_printerr (_("Error: --encoding: “%s” is not one of %s.\n"), opt_encoding, all);
          return EXIT_USAGE;
        }
      g_free (opt_encoding);
      opt_encoding = g_steal_pointer (&upper);
    }

  table = sz_table_read_file (argv[1], opt_sheet, opt_encoding, &error);
  if (table == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;

  im = sz_import_new (db, community->id, g_steal_pointer (&table));
  sz_import_set_flags (im, (opt_create_places ? SZ_IMPORT_CREATE_PLACES : 0)
                           | (opt_replace_heads ? SZ_IMPORT_REPLACE_HEADS : 0));
  if (opt_dry_run)
    ok = sz_import_plan (im, &error);
  else
    {
      /* A checked copy first, so that “restore” takes the import back. */
      g_autoptr(GError) backup_error = NULL;
      SzBackupInfo *backup = sz_backup_create (sz_db_get_path (db), NULL, SZ_BACKUP_TAG_IMPORT, NULL, NULL, NULL,
                                               NULL, &backup_error);

      if (backup == NULL)
        {
          /* Translators: before an error message */
          g_printerr (_("Error: the backup made before every import failed, so nothing was imported: %s\n"),
                      backup_error->message);
          return EXIT_ERROR;
        }
      sz_backup_info_free (backup);
      ok = sz_import_apply (im, &error);
    }
  if (!ok && !g_error_matches (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS)
      && !g_error_matches (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_COLUMNS))
    {
      print_error (error);
      return EXIT_ERROR;
    }
  r = sz_import_get_report (im);

  print_table (sz_import_get_table (im));
  print_columns (im);
  print_problems (im, SZ_IMPORT_PROBLEM_WARNING, _("To look at:"));
  print_problems (im, SZ_IMPORT_PROBLEM_FIXED, _("Fixed on the way in:"));
  if (r->errors > 0)
    {
      print_problems (im, SZ_IMPORT_PROBLEM_ERROR, _("Problems:"));
      if (sz_import_count_needing (im, SZ_IMPORT_CREATE_PLACES) > 0 && !opt_create_places)
        g_printerr (_("Hint: --create-places adds the places that are not on the roster yet.\n"));
      if (sz_import_count_needing (im, SZ_IMPORT_REPLACE_HEADS) > 0 && !opt_replace_heads)
        g_printerr (_("Hint: --replace-heads hands the posts over to the heads the file names.\n"));
      g_printerr (g_dngettext (GETTEXT_PACKAGE,
                               "Error: %u problem in the file; nothing was imported. Correct it and import the file again.\n",
                               "Error: %u problems in the file; nothing was imported. Correct them and import the file again.\n",
                               r->errors),
                  r->errors);
      return EXIT_ERROR;
    }
  print_report (im, !opt_dry_run);
  if (opt_dry_run)
    g_print (_("Nothing was saved: this was a dry run.\n"));
  else
    /* Translators: %s is the community */
    g_print (_("Saved to the roster of %s.\n"), community->name);
  return EXIT_OK;
}
