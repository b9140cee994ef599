/* sz-cli-honours.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli honours: 最美三长 and 社区好人.  The shortlist of a period
 * ranked by hours, points and records; a proposal starts the publicity
 * (公示, 7 days by default); after it the honour is awarded and gets its
 * certificate number, or is withdrawn with a reason.  The certificates,
 * the honour board and the publicity notice are in
 * sz-cli-honours-print.c. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>

#include "sz-cli-points.h"

/* Options; one subcommand runs per process. */
static char *opt_period;
static char *opt_level;
static char *opt_min_hours;
static char *opt_min_points;
static int opt_min_records;
static int opt_limit = 20;
static char *opt_title;
static char *opt_reason;
static int opt_days = SZ_HONOUR_MIN_PUBLICITY_DAYS;
static char *opt_from;
static char *opt_day;
static char *opt_actor;

/* ---- Helpers ------------------------------------------------------------ */

gboolean
honours_check_period (const char *command,
                      const char *option,
                      const char *text,
                      int        *status)
{
  if (g_regex_match_simple ("^[0-9]{4}(-Q[1-4])?$", text, 0, 0))
    return TRUE;
  /* Translators: an option and what the user typed */
  *status = records_usage_error (command, _("%s “%s”: write a year (2026) or a quarter (2026-Q3)."), option, text);
  return FALSE;
}

SzHonour *
honours_find (SzDb        *db,
              SzCommunity *community,
              const char  *text,
              int         *status)
{
  g_autoptr(GError) error = NULL;
  SzHonour *honour;
  gint64 id;

  if (!records_parse_id (text, &id))
    {
      /* Translators: what the user typed */
      g_printerr (_("Error: “%s” is not an honour’s number; “sanzhang-cli honours list” shows them.\n"), text);
      *status = EXIT_USAGE;
      return NULL;
    }
  honour = sz_honour_get (db, id, &error);
  if (honour == NULL && !points_not_found (error))
    {
      *status = points_fail (error);
      return NULL;
    }
  if (honour != NULL && honour->community_id == community->id)
    return honour;
  g_clear_pointer (&honour, sz_honour_free);
  /* Translators: an honour's number, a community */
  g_printerr (_("Error: there is no honour %s in %s; “sanzhang-cli honours list” shows them.\n"), text,
              community->name);
  *status = EXIT_ERROR;
  return NULL;
}

static char *
honour_state (const SzHonour *h)
{
  switch (h->status)
    {
    case SZ_HONOUR_PUBLICITY:
      /* Translators: an honour's state (公示中) and the last day of its publicity */
      return g_strdup_printf (_("in publicity until %s"), h->publicity_until);
    case SZ_HONOUR_FINAL:
      /* Translators: an honour's state, and the day it was awarded */
      return g_strdup_printf (_("awarded %s"), h->awarded_on);
    case SZ_HONOUR_WITHDRAWN:
      /* Translators: an honour's state, and why */
      return g_strdup_printf (_("withdrawn: %s"), h->withdrawn_reason ? h->withdrawn_reason : "");
    default:
      g_return_val_if_reached (g_strdup (""));
    }
}

/* ---- shortlist ----------------------------------------------------------- */

static int
honours_shortlist (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("The year or quarter"), N_("2026|2026-Q3") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &opt_level, N_("Only current heads of this level: grid, building or unit"), N_("LEVEL") },
    { "min-hours", 0, 0, G_OPTION_ARG_STRING, &opt_min_hours, N_("At least these service hours in the period"), N_("H") },
    { "min-points", 0, 0, G_OPTION_ARG_STRING, &opt_min_points, N_("At least these points earned in the period"), N_("P") },
    { "min-records", 0, 0, G_OPTION_ARG_INT, &opt_min_records, N_("At least this many records brought in, received in the period"), N_("N") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N people (default 20; 0: all)"), N_("N") },
    { NULL }
  };
  const char *command = "honours shortlist";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  SzShortlistFilter filter = { 0, NULL, -1, 0, 0, 0 };
  int status = EXIT_USAGE;
  guint shown;

  if (!parse_options (command, "",
                      _("Ranks the people of a period for honours: by service hours, then points earned, then "
                        "records brought in. Filters by level and by the thresholds the office sets."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_period == NULL)
    return records_usage_error (command, _("say which period with --period: a year (2026) or a quarter (2026-Q3)."));
  if (!honours_check_period (command, "--period", opt_period, &status))
    return status;
  if (opt_level != NULL && (filter.level = points_parse_level (command, "--level", opt_level, FALSE, &status)) < 0)
    return status;
  if ((opt_min_hours != NULL && !points_parse_hours (command, "--min-hours", opt_min_hours, FALSE, &filter.min_minutes, &status))
      || (opt_min_points != NULL && !points_parse_points (command, "--min-points", opt_min_points, FALSE, &filter.min_points, &status)))
    return status;
  if (opt_min_records < 0)
    /* Translators: the value given to --min-records */
    return records_usage_error (command, _("--min-records must be 0 or more, not %d."), opt_min_records);
  if (opt_limit < 0)
    return records_usage_error (command, _("--limit must be 0 (all) or more, not %d."), opt_limit);
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  filter.community_id = community->id;
  filter.period = opt_period;
  filter.min_records = opt_min_records;
  if ((rows = sz_honours_shortlist (db, &filter, &error)) == NULL)
    return points_fail (error);
  if (rows->len == 0)
    {
      /* Translators: a period */
      g_print (_("Nobody qualifies for %s.\n"), opt_period);
      return EXIT_OK;
    }
  shown = opt_limit > 0 ? MIN ((guint) opt_limit, rows->len) : rows->len;
  /* Translators: column headers of the shortlist; hours and points are the period's */
  records_table_add (table, _("Rank"), _("Person"), _("Name"), _("Post"), _("Hours"), _("Points earned"),
                     _("Records"), _("Photo"), NULL);
  for (guint i = 0; i < shown; i++)
    {
      SzShortlistEntry *e = rows->pdata[i];
      g_autofree char *rank = g_strdup_printf ("%u", e->rank);
      g_autofree char *id = g_strdup_printf ("id:%" G_GINT64_FORMAT, e->person_id);
      g_autofree char *hours = sz_hours_format (e->minutes);
      g_autofree char *earned = sz_points_format (e->earned);
      g_autofree char *records = g_strdup_printf ("%u", e->records);

      records_table_add (table, rank, id, e->name, e->post && *e->post ? e->post : _("no current post"), hours,
                         earned, records,
                         /* Translators: whether the person has a photo (for the honour board) */
                         e->has_photo ? _("yes") : _("no"), NULL);
    }
  records_print_table (table, "rlllrrrl");
  if (shown < rows->len)
    /* Translators: shown, then how many qualify */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u person; --limit 0 shows all.\n",
                          "Showing %u of %u people; --limit 0 shows all.\n", rows->len), shown, rows->len);
  return EXIT_OK;
}

/* ---- propose ------------------------------------------------------------- */

/* "2026-05-08" for "2026-05-07". */
static char *
day_after (const char *day)
{
  int y = 0, m = 0, d = 0;
  g_autoptr(GDate) date = NULL;
  char text[16];

  if (day == NULL || sscanf (day, "%d-%d-%d", &y, &m, &d) != 3 || !g_date_valid_dmy (d, m, y))
    return g_strdup (day ? day : "");
  date = g_date_new_dmy (d, m, y);
  g_date_add_days (date, 1);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", date);
  return g_strdup (text);
}

static int
honours_propose (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("The year or quarter it is for"), N_("2026|2026-Q3") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("The title: 最美网格长, 最美楼栋长, 最美单元长, 社区好人 or the office’s own"), N_("TITLE") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("What they did (事迹): printed on the notice and the certificate"), N_("TEXT") },
    { "days", 0, 0, G_OPTION_ARG_INT, &opt_days, N_("How many days the publicity lasts (default 7)"), N_("N") },
    { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from, N_("The first day of the publicity (default: today)"), N_("YYYY-MM-DD") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who proposes it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "honours propose";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzHonour) honour = sz_honour_new ();
  g_autoptr(SzHonour) proposed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *from = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("PERSON"),
                      _("Proposes someone for an honour and starts its publicity (公示): the honour is final only "
                        "when awarded after the publicity. Needs --period, --title and --reason."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say who, for example: sanzhang-cli honours propose 张淑芬 --period 2026 "
                                           "--title 最美单元长 --reason \"…\""));
  if (opt_period == NULL || opt_title == NULL || opt_reason == NULL)
    /* Translators: the option missing */
    return records_usage_error (command, _("a proposal needs --period, --title and --reason; missing: %s."),
                                opt_period == NULL ? "--period" : opt_title == NULL ? "--title" : "--reason");
  if (!honours_check_period (command, "--period", opt_period, &status))
    return status;
  if (opt_days < 1)
    /* Translators: the value given to --days */
    return records_usage_error (command, _("--days must be 1 or more, not %d."), opt_days);
  if ((from = points_parse_day (command, "--from", opt_from, &status)) == NULL)
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if ((honour->person_id = points_find_person (db, community, "PERSON", argv[1], &status)) == 0)
    return status;
  honour->community_id = community->id;
  honour->period = g_strdup (opt_period);
  honour->title = g_strdup (opt_title);
  honour->reason = g_strdup (opt_reason);
  honour->publicity_from = g_steal_pointer (&from);
  if (!sz_honour_propose (db, honour, opt_days, &error)
      || (proposed = sz_honour_get (db, honour->id, &error)) == NULL)
    return points_fail (error);
  if (opt_days < SZ_HONOUR_MIN_PUBLICITY_DAYS)
    /* Translators: %d is the usual number of days of publicity */
    g_print (_("The publicity usually lasts at least %d days.\n"), SZ_HONOUR_MIN_PUBLICITY_DAYS);
  /* Translators: the honour's number, a name, a title, a period, two days */
  g_print (_("Honour %" PRId64 ": %s, %s %s, in publicity from %s to %s.\n"), proposed->id, proposed->name,
           proposed->title, proposed->period, proposed->publicity_from, proposed->publicity_until);
  /* Translators: a period */
  g_print (_("Post the notice: sanzhang-cli honours notice --period %s -o 公示.pdf\n"), honour->period);
  {
    g_autofree char *after = day_after (proposed->publicity_until);

    /* Translators: the first day the honour can be awarded, and its number */
    g_print (_("Award it from %s on: sanzhang-cli honours award %" PRId64 "\n"), after, proposed->id);
  }
  return EXIT_OK;
}

/* ---- award, withdraw ------------------------------------------------------- */

static int
honours_award (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "day", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("The day it is awarded, after the publicity (default: today)"), N_("YYYY-MM-DD") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who awards it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "honours award";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzHonour) honour = NULL;
  g_autoptr(SzHonour) final = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("ID"),
                      _("Makes an honour final once its publicity is over, and gives it the next certificate number "
                        "of the register. ID is its number, as “honours list” shows it."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say which honour, for example: sanzhang-cli honours award 3"));
  if ((day = points_parse_day (command, "--day", opt_day, &status)) == NULL)
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if ((honour = honours_find (db, community, argv[1], &status)) == NULL)
    return status;
  if (!sz_honour_award (db, honour->id, day, &error)
      || (final = sz_honour_get (db, honour->id, &error)) == NULL)
    return points_fail (error);
  /* Translators: a name, a title, a period, the certificate's number, a day */
  g_print (_("Awarded: %s, %s %s, certificate %s, on %s.\n"), final->name, final->title, final->period,
           final->certificate_no, final->awarded_on);
  g_print (_("Print it: sanzhang-cli honours certificate %s -o 荣誉证书.pdf\n"), argv[1]);
  return EXIT_OK;
}

static int
honours_withdraw (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why (required), such as an objection upheld"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who withdraws it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "honours withdraw";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzHonour) honour = NULL;
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("ID"),
                      _("Withdraws an honour during its publicity, keeping the reason. Needs --reason."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say which honour, for example: sanzhang-cli honours withdraw 3 --reason \"…\""));
  if (opt_reason == NULL || *g_strstrip (opt_reason) == '\0')
    return records_usage_error (command, _("withdrawing needs --reason: why."));
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if ((honour = honours_find (db, community, argv[1], &status)) == NULL)
    return status;
  if (!sz_honour_withdraw (db, honour->id, opt_reason, &error))
    return points_fail (error);
  /* Translators: the honour's number, a name, a title */
  g_print (_("Withdrew honour %s (%s, %s).\n"), argv[1], honour->name, honour->title);
  return EXIT_OK;
}

/* ---- list ---------------------------------------------------------------- */

static int
honours_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "period", 'p', 0, G_OPTION_ARG_STRING, &opt_period, N_("Only this year or quarter"), N_("2026|2026-Q3") },
    { NULL }
  };
  const char *command = "honours list";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, "",
                      _("Lists the honours, newest period first: in publicity, awarded (with the certificate number) "
                        "or withdrawn."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_period != NULL && !honours_check_period (command, "--period", opt_period, &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if ((rows = sz_honour_list (db, community->id, opt_period, &error)) == NULL)
    return points_fail (error);
  if (rows->len == 0)
    {
      g_print (_("No honours yet.\n"));
      return EXIT_OK;
    }
  /* Translators: column headers of the list of honours */
  records_table_add (table, _("No."), _("Period"), _("Name"), _("Post"), C_("honour", "Title"), _("State"), _("Certificate"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SzHonour *h = rows->pdata[i];
      g_autofree char *id = records_id_text (h->id);
      g_autofree char *state = honour_state (h);

      records_table_add (table, id, h->period, h->name, h->post && *h->post ? h->post : _("no current post"),
                         h->title, state, h->certificate_no ? h->certificate_no : "", NULL);
    }
  records_print_table (table, "rllllll");
  return EXIT_OK;
}

/* ---- honours ------------------------------------------------------------- */

static const Command subcommands[] = {
  { "shortlist", N_("Rank the people of a year or quarter for honours"), honours_shortlist },
  { "propose", N_("Propose someone and start the publicity (公示)"), honours_propose },
  { "award", N_("Make an honour final after its publicity"), honours_award },
  { "withdraw", N_("Withdraw an honour during its publicity"), honours_withdraw },
  { "list", N_("The honours, their state and certificate numbers"), honours_list },
  { "certificate", N_("Print certificates (荣誉证书) as PDF"), honours_certificate },
  { "board", N_("Print the honour board (光荣榜) as PDF"), honours_board },
  { "notice", N_("Print the publicity notice (公示) as PDF"), honours_notice },
};

static void
print_honours_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli honours SUBCOMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Honours for outstanding heads (最美三长, 社区好人): shortlist, proposal and publicity, "
                          "award, certificates and the honour board."));
  fprintf (out, "\n%s\n", _("Subcommands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
  fprintf (out, "\n%s\n", _("Run “sanzhang-cli honours SUBCOMMAND --help” for the options of a subcommand."));
}

int
cmd_honours (int argc, char **argv)
{
  return points_dispatch ("honours", subcommands, G_N_ELEMENTS (subcommands), print_honours_usage, NULL, argc, argv);
}
