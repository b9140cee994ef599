/* sz-cli-honours-print.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The subcommands of "sanzhang-cli honours" that print, through
 * src/board/sz-honours-print.h: certificates (荣誉证书), the honour board
 * (光荣榜) and the publicity notice (公示).  None of them prints a phone
 * number but the office's own. */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-cli-points.h"
#include "sz-honours-print.h"
#include "sz-safe-file.h"

/* Options; one subcommand runs per process. */
static char *opt_period;
static char *opt_output;
static gboolean opt_a3;

static const GOptionEntry output_entry = {
  "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF file to write"), N_("FILE")
};

/* -o, required; FALSE after printing why. */
static gboolean
check_output (const char *command,
              const char *example,
              int        *status)
{
  if (opt_output != NULL)
    return TRUE;
  /* Translators: an example file name follows -o */
  *status = records_usage_error (command, _("say where to write it with -o, for example: -o %s"), example);
  return FALSE;
}

static void
print_written (const char *what)
{
  g_autofree char *shown = g_filename_display_name (opt_output);

  /* Translators: what was written (“2 certificates”, “the honour board”), and the file */
  g_print (_("Wrote %s to %s.\n"), what, shown);
}

/* ---- certificate --------------------------------------------------------- */

int
honours_certificate (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    output_entry,
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("Every honour awarded for this year or quarter, instead of IDs"), N_("2026|2026-Q3") },
    { NULL }
  };
  const char *command = "honours certificate";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  g_autofree char *what = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("[ID…]"),
                      _("Prints the certificates (荣誉证书) of awarded honours, one A4 landscape page each, with the "
                        "certificate number from the register. Give the honours’ numbers, or --period for all those "
                        "awarded for a period."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if ((argc < 2) == (opt_period == NULL))
    return records_usage_error (command, _("give the honours’ numbers, or --period, not both: "
                                           "sanzhang-cli honours certificate 3 -o 荣誉证书.pdf"));
  if (opt_period != NULL && !honours_check_period (command, "--period", opt_period, &status))
    return status;
  if (!check_output (command, "荣誉证书.pdf", &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  for (int i = 1; i < argc; i++)
    {
      g_autoptr(SzHonour) h = honours_find (db, community, argv[i], &status);

      if (h == NULL)
        return status;
      if (h->status != SZ_HONOUR_FINAL)
        {
          /* Translators: an honour's number, a name, a title */
          g_printerr (_("Error: honour %s (%s, %s) is not awarded yet: a certificate needs its number from the "
                        "register. Award it with “sanzhang-cli honours award %s”.\n"),
                      argv[i], h->name, h->title, argv[i]);
          return EXIT_ERROR;
        }
      g_array_append_val (ids, h->id);
    }
  if (opt_period != NULL)
    {
      g_autoptr(GPtrArray) all = sz_honour_list (db, community->id, opt_period, &error);

      if (all == NULL)
        return points_fail (error);
      for (guint i = 0; i < all->len; i++)
        if (((SzHonour *) all->pdata[i])->status == SZ_HONOUR_FINAL)
          g_array_append_val (ids, ((SzHonour *) all->pdata[i])->id);
      if (ids->len == 0)
        {
          /* Translators: a period */
          g_printerr (_("Error: no honour is awarded for %s yet.\n"), opt_period);
          return EXIT_ERROR;
        }
    }
  sz_safe_file_cleanup_on_signals ();
  if (!sz_certificate_write_pdf (db, (const gint64 *) ids->data, ids->len, opt_output, &error))
    return points_fail (error);
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u certificate", "%u certificates", ids->len), ids->len);
  print_written (what);
  return EXIT_OK;
}

/* ---- board --------------------------------------------------------------- */

int
honours_board (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    output_entry,
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("The year or quarter (default: the newest with an honour awarded)"), N_("2026|2026-Q3") },
    { "a3", 0, 0, G_OPTION_ARG_NONE, &opt_a3, N_("A3 paper (default A4)"), NULL },
    { NULL }
  };
  const char *command = "honours board";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, "",
                      _("Prints the community’s honour board (光荣榜) of a period: each honouree’s photo (a framed "
                        "blank where there is none), name, title and post."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_period != NULL && !honours_check_period (command, "--period", opt_period, &status))
    return status;
  if (!check_output (command, "光荣榜.pdf", &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  sz_safe_file_cleanup_on_signals ();
  if (!sz_honour_board_write_pdf (db, community->id, opt_period, opt_a3, opt_output, &error))
    return points_fail (error);
  print_written (_("the honour board"));
  return EXIT_OK;
}

/* ---- notice -------------------------------------------------------------- */

int
honours_notice (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    output_entry,
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("The year or quarter"), N_("2026|2026-Q3") },
    { NULL }
  };
  const char *command = "honours notice";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, "",
                      _("Prints the publicity notice (公示) of the candidates of a period still in publicity: each "
                        "one’s name, post, title and reason, the dates, and the office phone for objections."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_period == NULL)
    return records_usage_error (command, _("say which period with --period: a year (2026) or a quarter (2026-Q3)."));
  if (!honours_check_period (command, "--period", opt_period, &status) || !check_output (command, "公示.pdf", &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  sz_safe_file_cleanup_on_signals ();
  if (!sz_honour_notice_write_pdf (db, community->id, opt_period, opt_output, &error))
    return points_fail (error);
  print_written (_("the publicity notice"));
  return EXIT_OK;
}
