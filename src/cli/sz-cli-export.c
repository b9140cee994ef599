/* sz-cli-export.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli export roster|records|hotlines: src/core/sz-export-table.h
 * from the terminal. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-export-table.h"
#include "sz-record.h"
#include "sz-safe-file.h"

#include "sz-cli.h"

static char *opt_format;
static char *opt_encoding;
static gboolean opt_full_phones;
static gboolean opt_with_reporters;
static char *opt_output;
static char *opt_month;

static int
usage_error (const char *message)
{
  /* Translators: printed before an error message on the terminal */
  g_printerr (_("Error: %s\n"), message);
  g_printerr (_("Run “sanzhang-cli %s --help” to see its options.\n"), "export");
  return EXIT_USAGE;
}

int
cmd_export (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The file to write (.xlsx or .csv)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
      N_("xlsx or csv (default: from the file name)"), N_("FORMAT") },
    { "encoding", 0, 0, G_OPTION_ARG_STRING, &opt_encoding,
      N_("For CSV: utf-8 (with a BOM, the default), gbk or gb18030"), N_("ENCODING") },
    { "full-phones", 0, 0, G_OPTION_ARG_NONE, &opt_full_phones,
      N_("Phone numbers in full (masked by default); the file then holds personal data"), NULL },
    { "with-reporters", 0, 0, G_OPTION_ARG_NONE, &opt_with_reporters,
      N_("records: add the reporters' names and phones (left out by default)"), NULL },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &opt_month, N_("records: only those received in this month"), N_("YYYY-MM") },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzExport) export = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  SzExportFormat format = SZ_EXPORT_XLSX;
  SzExportFlags flags = SZ_EXPORT_DEFAULT;
  const char *what;
  gint64 from = 0, to = 0;

  if (!parse_options ("export", _("roster|records|hotlines"),
                      _("Export the roster of heads (with the import's column names, so the file imports back), "
                        "the service hotlines, or the issue records with their state and history, "
                        "as .xlsx or CSV. Phones are masked unless --full-phones is given."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    return usage_error (_("say what to export: roster, records or hotlines."));
  if (too_many_arguments ("export", argc, argv, 1))
    return EXIT_USAGE;
  what = argv[1];
  if (!g_str_equal (what, "roster") && !g_str_equal (what, "records") && !g_str_equal (what, "hotlines"))
    {
      /* Translators: %s is what the user typed */
      g_autofree char *message = g_strdup_printf (_("“%s”: export roster, records or hotlines."), what);
      return usage_error (message);
    }
  if (opt_output == NULL)
    return usage_error (_("name the file to write with -o, for example: -o 三长名册.xlsx"));
  if (opt_format != NULL)
    {
      if (g_ascii_strcasecmp (opt_format, "xlsx") == 0)
        format = SZ_EXPORT_XLSX;
      else if (g_ascii_strcasecmp (opt_format, "csv") == 0)
        format = SZ_EXPORT_CSV;
      else
        {
          /* Translators: %s is what the user typed */
          g_autofree char *message = g_strdup_printf (_("--format “%s”: use xlsx or csv."), opt_format);
          return usage_error (message);
        }
    }
  else if (!sz_export_format_from_path (opt_output, &format))
    return usage_error (_("the file name does not say the format: end it in .xlsx or .csv, or give --format."));
  if (opt_encoding != NULL && format != SZ_EXPORT_CSV)
    return usage_error (_("--encoding is for CSV: an .xlsx file holds every character."));
  if (opt_with_reporters && !g_str_equal (what, "records"))
    return usage_error (_("--with-reporters is for records."));
  if (opt_month != NULL && !g_str_equal (what, "records"))
    return usage_error (_("--month is for records."));
  if (opt_month != NULL && !sz_record_parse_month (opt_month, &from, &to, &error))
    return usage_error (error->message);
  if (opt_full_phones)
    flags |= SZ_EXPORT_FULL_PHONES;
  if (opt_with_reporters)
    flags |= SZ_EXPORT_WITH_REPORTERS;

  sz_safe_file_cleanup_on_signals ();
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  if (g_str_equal (what, "roster"))
    export = sz_export_roster (db, community->id, flags, &error);
  else if (g_str_equal (what, "hotlines"))
    export = sz_export_hotlines (db, community->id, flags, &error);
  else
    export = sz_export_records (db, community->id, from, to, flags, &error);
  if (export == NULL || !sz_export_write (export, opt_output, format, opt_encoding, &error))
    {
      print_error (error);
      return g_error_matches (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FORMAT) ? EXIT_USAGE : EXIT_ERROR;
    }
  summary = sz_export_describe (export, opt_output, format);
  g_print ("%s\n", summary);
  return EXIT_OK;
}
