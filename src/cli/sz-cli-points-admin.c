/* sz-cli-points-admin.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The subcommands of "sanzhang-cli points" that set the rules: expire
 * (the expiry rule, its preview and the step that writes it), credits
 * (resolved records a head brought in, proposed to staff) and types (the
 * activity types and their rates). */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "sz-cli-points.h"

/* Options; one subcommand runs per process. */
static int opt_years = -1;
static char *opt_as_of;
static gboolean opt_dry_run;
static char *opt_credit;
static char *opt_type;
static gboolean opt_all;
static char *opt_name;
static char *opt_basis;
static char *opt_points;
static char *opt_cap_hours;
static char *opt_hours;
static char *opt_levels;
static char *opt_actor;

/* ---- expire -------------------------------------------------------------- */

static void
print_rule (SzCommunity *community,
            int          years)
{
  if (years == 0)
    /* Translators: a community */
    g_print (_("Rule: points never expire in %s.\n"), community->name);
  else
    /* Translators: the expiry rule; Y is a year, %d a number of years */
    g_print (_("Rule: points earned in year Y expire at the end of year Y + %d (hours never expire).\n"), years);
}

/* Prints the preview; the total in *@total. */
static void
print_preview (GPtrArray  *items,
               const char *day,
               gint64     *total)
{
  g_autoptr(GPtrArray) table = records_table_new ();

  *total = 0;
  if (items->len == 0)
    {
      /* Translators: a day */
      g_print (_("Nothing expires as of %s.\n"), day);
      return;
    }
  /* Translators: column headers of the expiry preview */
  records_table_add (table, _("Person"), _("Name"), _("Points"), _("Earned up to"), NULL);
  for (guint i = 0; i < items->len; i++)
    {
      SzExpiryItem *item = items->pdata[i];
      g_autofree char *id = g_strdup_printf ("id:%" G_GINT64_FORMAT, item->person_id);
      g_autofree char *points = sz_points_format (item->points);

      records_table_add (table, id, item->name, points, item->earned_before, NULL);
      *total += item->points;
    }
  records_print_table (table, "llrl");
}

int
points_expire (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "years", 0, 0, G_OPTION_ARG_INT, &opt_years, N_("Set the rule: points earned in year Y expire at the end of year Y + N (0: never); then only the preview is shown"), N_("N") },
    { "as-of", 0, 0, G_OPTION_ARG_STRING, &opt_as_of, N_("The day to expire as of (default: today)"), N_("YYYY-MM-DD") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Show what would expire, write nothing"), NULL },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "points expire";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *shown = NULL;
  int status = EXIT_ERROR, years;
  gint64 total;
  guint written = 0;

  if (!parse_options (command, "",
                      _("Shows what the expiry rule takes away as of a day (oldest points first; hours never "
                        "expire), then writes it as expiry movements, exactly as shown. With --dry-run, only shows. "
                        "With --years, sets the rule and only shows."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_years != -1 && (opt_years < 0 || opt_years > 100))
    /* Translators: the value given to --years */
    return records_usage_error (command, _("--years must be 0 (never) to 100, not %d."), opt_years);
  if ((day = points_parse_day (command, "--as-of", opt_as_of, &status)) == NULL)
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if (opt_years != -1)
    {
      if (!sz_points_set_expiry_years (db, community->id, opt_years, &error))
        return points_fail (error);
      years = opt_years;
    }
  else if ((years = sz_points_get_expiry_years (db, community->id, &error)) < 0 || error != NULL)
    return points_fail (error);
  print_rule (community, years);
  if (years == 0)
    {
      if (opt_years == -1)
        g_print (_("Nothing expires; set a rule with --years N.\n"));
      return EXIT_OK;
    }
  if ((items = sz_points_expiry_preview (db, community->id, day, &error)) == NULL)
    return points_fail (error);
  print_preview (items, day, &total);
  shown = sz_points_format (total);
  if (items->len == 0)
    return EXIT_OK;
  if (opt_years != -1 || opt_dry_run)
    {
      /* Translators: points, a count of people, a day */
      g_print (g_dngettext (GETTEXT_PACKAGE, "Would expire %s points of %u person as of %s; nothing written.\n",
                            "Would expire %s points of %u people as of %s; nothing written.\n", items->len),
               shown, items->len, day);
      if (opt_years != -1 && opt_as_of != NULL)
        /* Translators: a day */
        g_print (_("Run “sanzhang-cli points expire --as-of %s” to write it.\n"), day);
      else if (opt_years != -1)
        g_print (_("Run “sanzhang-cli points expire” to write it.\n"));
      return EXIT_OK;
    }
  if (!sz_points_expire (db, community->id, day, &written, &error))
    return points_fail (error);
  /* Translators: points, a count of people, a day, a count of movements */
  g_print (g_dngettext (GETTEXT_PACKAGE, "Expired %s points of %u person as of %s (movements written: %u).\n",
                        "Expired %s points of %u people as of %s (movements written: %u).\n", items->len),
           shown, items->len, day, written);
  return EXIT_OK;
}

/* ---- credits ------------------------------------------------------------- */

int
points_credits (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "credit", 0, 0, G_OPTION_ARG_STRING, &opt_credit, N_("Credit the head who brought in this record (with --type)"), N_("RECORD") },
    { "type", 't', 0, G_OPTION_ARG_STRING, &opt_type, N_("The activity type to credit it as, such as 反映民情"), N_("TYPE") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "points credits";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(SzMovement) movement = NULL;
  g_autoptr(GPtrArray) credits = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_ERROR;
  gint64 record = 0, movement_id = 0;

  if (!parse_options (command, "",
                      _("Lists the resolved records brought in by a head that have not earned points yet: they are "
                        "proposed, never credited by themselves. With --credit RECORD --type TYPE, credits one."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if ((opt_credit != NULL) != (opt_type != NULL))
    return records_usage_error (command, _("--credit and --type go together."));
  if (opt_credit != NULL && !records_parse_id (opt_credit, &record))
    /* Translators: what the user typed */
    return records_usage_error (command, _("--credit “%s”: give the record’s number."), opt_credit);
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if (record != 0)
    {
      if ((type = points_find_type (db, community, "--type", opt_type, &status)) == NULL)
        return status;
      if (!sz_points_credit_record (db, record, type->id, &movement_id, &error)
          || (movement = sz_movement_get (db, movement_id, &error)) == NULL)
        return points_fail (error);
      {
        g_autoptr(SzPointsBalance) b = sz_points_balance_get (db, movement->person_id, NULL);
        g_autofree char *points = sz_points_format (movement->points);
        g_autofree char *hours = sz_hours_format (movement->minutes);

        /* Translators: a record's number, a name, points, hours, a movement's number */
        g_print (_("Record %s credited to %s: %s points, %s hours (movement %" PRId64 ").\n"),
                 opt_credit, b ? b->name : "", points, hours, movement_id);
      }
      return EXIT_OK;
    }

  if ((credits = sz_points_record_credits (db, community->id, &error)) == NULL)
    return points_fail (error);
  if (credits->len == 0)
    {
      g_print (_("No resolved record is waiting to be credited.\n"));
      return EXIT_OK;
    }
  /* Translators: column headers of the records waiting for points */
  records_table_add (table, _("Record"), _("Person"), _("Head"), _("Resolved"), _("Record details"), NULL);
  for (guint i = 0; i < credits->len; i++)
    {
      SzRecordCredit *c = credits->pdata[i];
      g_autofree char *rid = records_id_text (c->record_id);
      g_autofree char *pid = g_strdup_printf ("id:%" G_GINT64_FORMAT, c->person_id);

      records_table_add (table, rid, pid, c->name, c->resolved_day, c->summary, NULL);
    }
  records_print_table (table, "rllll");
  g_print (g_dngettext (GETTEXT_PACKAGE, "%u record waiting; credit one with --credit RECORD --type TYPE.\n",
                        "%u records waiting; credit one with --credit RECORD --type TYPE.\n", credits->len),
           credits->len);
  return EXIT_OK;
}

/* ---- types --------------------------------------------------------------- */

/* "grid,building" → bits; "all" → 0 (anyone).  FALSE after printing why. */
static gboolean
parse_levels (const char *command,
              const char *text,
              guint      *levels,
              int        *status)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *levels = 0;
  if (g_str_equal (g_strstrip (parts[0]), "all") && parts[1] == NULL)
    return TRUE;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      SzLevel level;

      if (!sz_level_from_string (g_strstrip (parts[i]), &level))
        {
          /* Translators: what the user typed; the values are typed as they are */
          *status = records_usage_error (command, _("--levels “%s”: write grid, building and unit separated by commas "
                                                    "(grid,building), or all (anyone, heads or not)."), text);
          return FALSE;
        }
      *levels |= 1u << level;
    }
  return TRUE;
}

static char *
levels_text (guint levels)
{
  GString *s = g_string_new (NULL);

  if (levels == 0)
    /* Translators: who an activity type applies to */
    g_string_append (s, _("anyone"));
  for (int l = 0; l < SZ_N_LEVELS; l++)
    if (levels & (1u << l))
      {
        if (s->len > 0)
          g_string_append (s, _(", "));
        g_string_append (s, sz_level_head_title (l));
      }
  return g_string_free (s, FALSE);
}

static int
list_types (SzDb        *db,
            SzCommunity *community,
            gboolean     with_retired)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_activity_type_list (db, community->id, with_retired, &error);
  g_autoptr(GPtrArray) table = records_table_new ();

  if (all == NULL)
    return points_fail (error);
  if (all->len == 0)
    {
      g_print (_("No activity types yet; add one with “sanzhang-cli points types add”.\n"));
      return EXIT_OK;
    }
  /* Translators: column headers of the activity types */
  records_table_add (table, _("No."), _("Activity type"), _("Rate"), _("For"), "", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SzActivityType *t = all->pdata[i];
      g_autofree char *id = records_id_text (t->id);
      g_autofree char *rule = points_type_rule (t);
      g_autofree char *levels = levels_text (t->levels);

      records_table_add (table, id, t->name, rule, levels,
                         /* Translators: an activity type kept for old movements only */
                         t->active ? "" : _("retired"), NULL);
    }
  records_print_table (table, "rllll");
  return EXIT_OK;
}

static int
types_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all, N_("Also the retired types"), NULL },
    { NULL }
  };
  const char *command = "points types list";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;

  if (!parse_options (command, "", _("Lists the activity types with their rates, caps and whom they apply to."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  return list_types (db, community, opt_all);
}

/* Applies --basis, --points, --cap-hours, --hours and --levels to @type. */
static gboolean
apply_type_options (const char     *command,
                    SzActivityType *type,
                    int            *status)
{
  int minutes;

  if (opt_basis != NULL)
    {
      if (g_str_equal (opt_basis, "hour"))
        type->basis = SZ_BASIS_PER_HOUR;
      else if (g_str_equal (opt_basis, "occasion"))
        type->basis = SZ_BASIS_PER_OCCASION;
      else
        {
          /* Translators: what the user typed; hour and occasion are typed as they are */
          *status = records_usage_error (command, _("--basis “%s”: use hour (points per hour) or occasion "
                                                    "(points per occasion)."), opt_basis);
          return FALSE;
        }
      /* A cap and a recorded time are not the same thing. */
      if (opt_cap_hours == NULL && opt_hours == NULL)
        type->minutes = 0;
    }
  if (opt_points != NULL && !points_parse_points (command, "--points", opt_points, FALSE, &type->points_per_unit, status))
    return FALSE;
  if (opt_cap_hours != NULL && type->basis != SZ_BASIS_PER_HOUR)
    {
      *status = records_usage_error (command, _("--cap-hours is for types counted by the hour; for a type counted "
                                                "per occasion, --hours gives the service time it records."));
      return FALSE;
    }
  if (opt_hours != NULL && type->basis != SZ_BASIS_PER_OCCASION)
    {
      *status = records_usage_error (command, _("--hours is for types counted per occasion; for a type counted by "
                                                "the hour, --cap-hours gives the most hours counted."));
      return FALSE;
    }
  if (opt_cap_hours != NULL || opt_hours != NULL)
    {
      const char *option = opt_cap_hours ? "--cap-hours" : "--hours";

      if (!points_parse_hours (command, option, opt_cap_hours ? opt_cap_hours : opt_hours, FALSE, &minutes, status))
        return FALSE;
      type->minutes = minutes;
    }
  if (opt_levels != NULL && !parse_levels (command, opt_levels, &type->levels, status))
    return FALSE;
  if (opt_name != NULL)
    {
      g_free (type->name);
      type->name = g_strdup (opt_name);
    }
  return TRUE;
}

static const GOptionEntry type_entries[] = {
  { "basis", 0, 0, G_OPTION_ARG_STRING, &opt_basis, N_("hour: points per hour of service; occasion: points per occasion"), N_("BASIS") },
  { "points", 0, 0, G_OPTION_ARG_STRING, &opt_points, N_("Points per hour, or per occasion, such as 1 or 0.5"), N_("P") },
  { "cap-hours", 0, 0, G_OPTION_ARG_STRING, &opt_cap_hours, N_("By the hour: the most hours counted per person and occasion (0: no cap)"), N_("H") },
  { "hours", 0, 0, G_OPTION_ARG_STRING, &opt_hours, N_("Per occasion: the service hours it records (0: none)"), N_("H") },
  { "levels", 0, 0, G_OPTION_ARG_STRING, &opt_levels, N_("Whom it applies to: grid, building, unit, separated by commas, or all (anyone, heads or not)"), N_("LEVELS") },
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("edit: the new name"), N_("NAME") },
  /* Last: retire and restore take only this one. */
  { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who makes the change (default: your user name)"), N_("WHO") },
  { NULL }
};

static int
types_add (int argc, char **argv)
{
  const char *command = "points types add";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzActivityType) type = sz_activity_type_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("NAME"),
                      _("Adds an activity type. Needs --basis and --points; by the hour it may have a cap "
                        "(--cap-hours), per occasion the hours it records (--hours). It applies to anyone "
                        "unless --levels says otherwise."),
                      type_entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("name the type, for example: sanzhang-cli points types add 楼道清理 "
                                           "--basis hour --points 1 --cap-hours 2"));
  if (opt_name != NULL)
    return records_usage_error (command, _("--name is for edit: the name of a new type is its argument."));
  if (opt_basis == NULL || opt_points == NULL)
    return records_usage_error (command, _("a type needs --basis (hour or occasion) and --points."));
  opt_name = argv[1];
  if (!apply_type_options (command, type, &status))
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  type->community_id = community->id;
  type->active = TRUE;
  if (!sz_activity_type_save (db, type, &error))
    return points_fail (error);
  /* Translators: an activity type */
  g_print (_("Added the activity type “%s”.\n"), type->name);
  return list_types (db, community, FALSE);
}

static int
types_change (int         argc,
              char      **argv,
              const char *command,
              const char *summary,
              int         active)   /* -1: edit; 0: retire; 1: restore */
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!points_begin_change (command, _("TYPE"), summary, active < 0 ? type_entries : type_entries + 6, opt_actor,
                            &argc, &argv, &db, &community, &status))
    return status;
  if (active < 0 && opt_basis == NULL && opt_points == NULL && opt_cap_hours == NULL && opt_hours == NULL
      && opt_levels == NULL && opt_name == NULL)
    return records_usage_error (command, _("say what to change: --name, --basis, --points, --cap-hours, --hours "
                                           "or --levels."));
  if ((type = points_find_type (db, community, "TYPE", argv[1], &status)) == NULL)
    return status;
  if (active >= 0)
    type->active = active;
  else if (!apply_type_options (command, type, &status))
    return status;
  if (!sz_activity_type_save (db, type, &error))
    return points_fail (error);
  if (active == 0)
    /* Translators: an activity type */
    g_print (_("“%s” is retired: kept for the points already earned, no longer offered.\n"), type->name);
  else if (active == 1)
    g_print (_("“%s” is offered again.\n"), type->name);
  else
    g_print (_("Changed “%s”; points already earned stay as they were.\n"), type->name);
  return list_types (db, community, TRUE);
}

static int
types_edit (int argc, char **argv)
{
  return types_change (argc, argv, "points types edit",
                       _("Changes an activity type: its name, basis, rate, cap, recorded hours or levels. "
                         "Points already earned stay as they were."), -1);
}

static int
types_retire (int argc, char **argv)
{
  return types_change (argc, argv, "points types retire",
                       _("Retires an activity type: no longer offered, kept for the points already earned."), 0);
}

static int
types_restore (int argc, char **argv)
{
  return types_change (argc, argv, "points types restore", _("Offers a retired activity type again."), 1);
}

static const Command type_commands[] = {
  { "list", N_("List the activity types (the default)"), types_list },
  { "add", N_("Add an activity type"), types_add },
  { "edit", N_("Change an activity type"), types_edit },
  { "retire", N_("Stop offering an activity type"), types_retire },
  { "restore", N_("Offer a retired activity type again"), types_restore },
};

static void
print_types_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli [--database FILE] points types [SUBCOMMAND] [OPTIONS…]"));
  fprintf (out, "%s\n", _("The activity types the office gives points for: per hour (with a cap) or per occasion, "
                          "and whom each applies to."));
  fprintf (out, "\n%s\n", _("Subcommands:"));
  print_commands (out, type_commands, G_N_ELEMENTS (type_commands));
  fprintf (out, "\n%s\n", _("Run “sanzhang-cli points types SUBCOMMAND --help” for the options of a subcommand."));
}

int
points_types (int argc, char **argv)
{
  return points_dispatch ("points types", type_commands, G_N_ELEMENTS (type_commands), print_types_usage, types_list,
                          argc, argv);
}
