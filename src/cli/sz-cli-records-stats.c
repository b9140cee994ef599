/* sz-cli-records-stats.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli records stats and records report: the month's figures, as
 * tables in the terminal or as the monthly report's PDF. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sz-cli-records.h"
#include "sz-report.h"

/* Options; one subcommand runs per process. */
static char *opt_month;
static char *opt_by;
static char *opt_output;

static gboolean
month_option (const char  *command,
              char       **month,
              int         *status)
{
  g_autoptr(GError) error = NULL;
  gint64 start, end;

  if (opt_month == NULL)
    {
      *month = sz_record_month_of (sz_record_now ());
      return TRUE;
    }
  if (!sz_record_parse_month (opt_month, &start, &end, &error))
    {
      /* Translators: %s is what the user typed */
      *status = records_usage_error (command, _("--month “%s”: write the month as YYYY-MM, for example 2026-11."),
                                     opt_month);
      return FALSE;
    }
  *month = g_strdup (opt_month);
  return TRUE;
}

/* ---- stats --------------------------------------------------------------- */

/* "87.5% (7/8)", "— (0/0)". */
static char *
rate_cell (double rate,
           guint  numerator,
           guint  denominator)
{
  g_autofree char *r = sz_record_format_rate (rate);

  return g_strdup_printf ("%s (%u/%u)", r, numerator, denominator);
}

static void
add_figures_row (GPtrArray             *table,
                 const char            *key,
                 const SzRecordFigures *f)
{
  g_autofree char *received = g_strdup_printf ("%u", f->received);
  g_autofree char *response = rate_cell (sz_record_figures_response_rate (f), f->responded, f->received);
  g_autofree char *resolution = rate_cell (sz_record_figures_resolution_rate (f), f->resolved, f->received);
  g_autofree char *satisfaction = rate_cell (sz_record_figures_satisfaction_rate (f),
                                             f->satisfied + f->basically, f->followed_up);
  g_autofree char *open = g_strdup_printf ("%u", f->open);
  g_autofree char *overdue = g_strdup_printf ("%u", f->overdue);

  records_table_add (table, key, received, response, resolution, satisfaction, open, overdue, NULL);
}

/* The core's keys are what to show: grid labels, category names,
 * channel titles, months. */
static void
print_figures_table (const char *title,
                     const char *first_column,
                     GPtrArray  *rows)
{
  g_autoptr(GPtrArray) table = records_table_new ();

  g_print ("\n%s\n", title);
  if (rows->len == 0)
    {
      g_print (_("  no records\n"));
      return;
    }
  records_table_add (table, first_column, _("Received"), _("Response"), _("Resolution"), _("Satisfaction rate"),
                     _("Open"), _("Overdue"), NULL);
  for (guint i = 0; i < rows->len; i++)
    add_figures_row (table, ((SzRecordFigures *) rows->pdata[i])->key, rows->pdata[i]);
  records_print_table (table, "lrrrrrr");
}

int
records_stats (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &opt_month, N_("The month (default: this month)"), N_("YYYY-MM") },
    { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by, N_("Tables by grid, category, channel, trend (the last six months), all (default) or none"), N_("TABLE") },
    { NULL }
  };
  const char *command = "records stats";
  const char *by_names[] = { "grid", "category", "channel", "trend", "all", "none" };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecordStats) stats = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *now = NULL;
  const SzRecordFigures *t;
  int status = EXIT_USAGE;
  int by = 4;

  if (!parse_options (command, "",
                      _("Shows the month’s response, resolution and satisfaction rates with their counts and "
                        "definitions, over the records received that month as they stand now, and the same "
                        "by grid, category and channel."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_by != NULL)
    {
      for (by = 0; by < (int) G_N_ELEMENTS (by_names) && !g_str_equal (opt_by, by_names[by]); by++)
        ;
      if (by == G_N_ELEMENTS (by_names))
        return records_usage_error (command, _("--by “%s”: use grid, category, channel, trend, all or none."), opt_by);
    }
  if (!month_option (command, &month, &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  stats = sz_record_stats (db, community->id, month, 0, &error);
  if (stats == NULL)
    return records_fail (error);

  t = &stats->total;
  now = sz_record_format_time (stats->now);
  /* Translators: a community, a month, a count, a time */
  g_print (_("%s, %s: %u records received (figures as they stand at %s)\n"), community->name, month,
           t->received, now);
  {
    g_autofree char *response = rate_cell (sz_record_figures_response_rate (t), t->responded, t->received);
    g_autofree char *resolution = rate_cell (sz_record_figures_resolution_rate (t), t->resolved, t->received);
    g_autofree char *satisfaction = rate_cell (sz_record_figures_satisfaction_rate (t),
                                               t->satisfied + t->basically, t->followed_up);

    g_print ("\n");
    g_print (_("Response rate: %s\n"), response);
    g_print ("  %s\n", sz_record_response_definition ());
    g_print (_("Resolution rate: %s; resolved in time: %u\n"), resolution, t->resolved_on_time);
    g_print ("  %s\n", sz_record_resolution_definition ());
    g_print (_("Satisfaction rate: %s; satisfied %u, basically satisfied %u, dissatisfied %u\n"),
             satisfaction, t->satisfied, t->basically, t->dissatisfied);
    g_print ("  %s\n", sz_record_satisfaction_definition ());
    g_print (_("Still open: %u, of which overdue: %u\n"), t->open, t->overdue);
  }
  if (by == 0 || by == 4)
    print_figures_table (_("By grid:"), _("Grid"), stats->by_grid);
  if (by == 1 || by == 4)
    print_figures_table (_("By category:"), _("Category"), stats->by_category);
  if (by == 2 || by == 4)
    print_figures_table (_("By channel:"), _("Channel"), stats->by_channel);
  if (by == 3 || by == 4)
    print_figures_table (_("The last six months:"), _("Month"), stats->trend);
  return EXIT_OK;
}

/* ---- report -------------------------------------------------------------- */

int
records_report (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "month", 'm', 0, G_OPTION_ARG_STRING, &opt_month, N_("The month (default: this month)"), N_("YYYY-MM") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  const char *command = "records report";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *month = NULL;
  g_autofree char *shown = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, "",
                      _("Writes the month’s report as PDF: the figures with their definitions, the chart, tables "
                        "by grid, category and channel, and the records open and overdue. It names no reporter."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_output == NULL)
    return records_usage_error (command, _("say where to write the report with -o FILE.pdf."));
  if (!month_option (command, &month, &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if (!sz_report_write_month (db, community->id, month, 0, opt_output, &error))
    return records_fail (error);
  shown = g_filename_display_name (opt_output);
  /* Translators: a community, a month, a file */
  g_print (_("Wrote the report of %s for %s to %s (figures and places; no reporter names or phones).\n"),
           community->name, month, shown);
  return EXIT_OK;
}
