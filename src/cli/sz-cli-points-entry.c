/* sz-cli-points-entry.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The subcommands of "sanzhang-cli points" that write movements: earn
 * (one person, one occasion), activity (one occasion for many people, all
 * or nothing), redeem, correct and reverse.  --dry-run runs the very same
 * core call inside a transaction that is then rolled back: what it says
 * would be written is what would be, refusals included. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <string.h>

#include "sz-cli-points.h"

/* Options; one subcommand runs per process. */
static char *opt_type;
static char *opt_hours;
static char *opt_points;
static char *opt_day;
static char *opt_title;
static char *opt_reason;
static char **opt_people;
static char *opt_people_file;
static gboolean opt_dry_run;
static char *opt_reward;
static int opt_quantity = 1;
static char *opt_actor;

/* ---- One occasion ---------------------------------------------------------- */

/* The people of an occasion as they are gathered from the options and the
 * file: every problem is kept, with where it is, so that all are listed
 * at once and nothing is written. */
typedef struct
{
  SzDb           *db;
  SzCommunity    *community;
  SzActivityType *type;
  int             default_minutes;  /* --hours, or -1 */
  GArray         *parts;            /* SzParticipant */
  GHashTable     *first_seen;       /* person id → where they were first listed */
  GHashTable     *names;            /* person id → name */
  GPtrArray      *problems;
  GPtrArray      *people;           /* the community's, loaded once */
} Occasion;

static void
occasion_init (Occasion       *o,
               SzDb           *db,
               SzCommunity    *community,
               SzActivityType *type,
               int             default_minutes)
{
  o->db = db;
  o->community = community;
  o->type = type;
  o->default_minutes = default_minutes;
  o->parts = g_array_new (FALSE, TRUE, sizeof (SzParticipant));
  o->first_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  o->names = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  o->problems = g_ptr_array_new_with_free_func (g_free);
  o->people = NULL;
}

static void
occasion_clear (Occasion *o)
{
  g_array_unref (o->parts);
  g_hash_table_unref (o->first_seen);
  g_hash_table_unref (o->names);
  g_ptr_array_unref (o->problems);
  g_clear_pointer (&o->people, g_ptr_array_unref);
}

G_GNUC_PRINTF (2, 3) static void
occasion_problem (Occasion   *o,
                  const char *format,
                  ...)
{
  va_list ap;

  va_start (ap, format);
  g_ptr_array_add (o->problems, g_strdup_vprintf (format, ap));
  va_end (ap);
}

/* Adds @who, listed at @where ("line 3", "--person"), with @hours as
 * typed (NULL: --hours).  FALSE only for an error of the database. */
static gboolean
occasion_add (Occasion    *o,
              const char  *where,
              const char  *who,
              const char  *hours,
              GError     **error)
{
  g_autofree char *problem = NULL;
  g_autofree char *name = g_strstrip (g_strdup (who));
  SzParticipant part = { 0, 0 };
  const char *first;

  part.person_id = points_resolve_person (o->db, o->community, &o->people, name, &problem, error);
  if (part.person_id == 0)
    {
      if (problem == NULL)
        return FALSE;
      occasion_problem (o, "%s: %s", where, problem);
      return TRUE;
    }
  if (o->type->basis == SZ_BASIS_PER_OCCASION)
    {
      if (hours != NULL)
        {
          g_autofree char *rule = points_type_rule (o->type);

          /* Translators: where, a person, an activity type and its rule */
          occasion_problem (o, _("%s: “%s”: “%s” counts per occasion (%s), whatever its length: leave out the hours."),
                            where, name, o->type->name, rule);
          return TRUE;
        }
    }
  else if (hours != NULL)
    {
      if (!sz_hours_parse (hours, &part.minutes) || part.minutes == 0)
        {
          /* Translators: where, and the hours as typed */
          occasion_problem (o, _("%s: hours “%s”: write hours as a number such as 2 or 1.5."), where, hours);
          return TRUE;
        }
    }
  else if (o->default_minutes > 0)
    part.minutes = o->default_minutes;
  else
    {
      /* Translators: where, a person, an activity type */
      occasion_problem (o, _("%s: “%s”: no hours: “%s” counts by the hour; write them after a TAB, "
                             "or give --hours for everyone."), where, name, o->type->name);
      return TRUE;
    }
  if ((first = g_hash_table_lookup (o->first_seen, &part.person_id)) != NULL)
    {
      /* Translators: where, a person, where they were listed first */
      occasion_problem (o, _("%s: “%s” is listed twice (first: %s)."), where, name, first);
      return TRUE;
    }
  g_hash_table_insert (o->first_seen, g_memdup2 (&part.person_id, sizeof (gint64)), g_strdup (where));
  {
    g_autofree char *shown = g_str_has_prefix (name, "id:") ? NULL : g_strdup (name);
    g_autoptr(SzPointsBalance) b = shown ? NULL : sz_points_balance_get (o->db, part.person_id, NULL);

    g_hash_table_insert (o->names, g_memdup2 (&part.person_id, sizeof (gint64)),
                         shown ? g_steal_pointer (&shown) : g_strdup (b ? b->name : name));
  }
  g_array_append_val (o->parts, part);
  return TRUE;
}

/* The file of --people-file: one name a line, optionally a TAB and the
 * hours.  Blank lines and lines starting with # are skipped. */
static int
occasion_read_file (Occasion   *o,
                    const char *command,
                    const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *shown = g_filename_display_name (path);
  g_auto(GStrv) lines = NULL;
  gsize length;
  const char *text;

  if (!g_file_get_contents (path, &contents, &length, &error))
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if (!g_utf8_validate_len (contents, length, NULL))
    {
      /* A list saved by Excel or Notepad on a Chinese Windows is GB18030. */
      char *converted = g_convert (contents, length, "UTF-8", "GB18030", NULL, NULL, NULL);

      if (converted == NULL || memchr (contents, '\0', length) != NULL)
        {
          g_free (converted);
          /* Translators: a file */
          return records_usage_error (command, _("--people-file “%s”: this is not a text file of names "
                                                 "(UTF-8 or GB18030)."), shown);
        }
      g_free (contents);
      contents = converted;
    }
  text = g_str_has_prefix (contents, "\xEF\xBB\xBF") ? contents + 3 : contents;
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) fields = NULL;
      g_autofree char *where = NULL;
      char *line = g_strchomp (lines[i]);
      const char *hours;

      if (*line == '\0' || g_str_has_prefix (g_strchug (line), "#"))
        continue;
      /* Translators: where in the file of --people-file */
      where = g_strdup_printf (_("line %u"), i + 1);
      fields = g_strsplit (line, "\t", -1);
      hours = fields[1] != NULL ? g_strstrip (fields[1]) : NULL;
      if (fields[1] != NULL && fields[2] != NULL)
        {
          occasion_problem (o, _("%s: write a name, and optionally a TAB and the hours: nothing more."), where);
          continue;
        }
      if (!occasion_add (o, where, fields[0], hours && *hours ? hours : NULL, &error))
        return points_fail (error);
    }
  return EXIT_OK;
}

/* Records the occasion (or, with @dry_run, says what it would write),
 * then prints each participant's hours and points. */
static int
occasion_record (Occasion   *o,
                 const char *day,
                 gboolean    dry_run)
{
  g_autoptr(SzActivity) activity = sz_activity_new ();
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *total_hours = NULL;
  g_autofree char *total_points = NULL;
  gint64 points = 0;
  int minutes = 0;
  gboolean ok;

  activity->community_id = o->community->id;
  activity->type_id = o->type->id;
  activity->day = g_strdup (day);
  if (opt_title != NULL)
    {
      g_free (activity->title);
      activity->title = g_strdup (opt_title);
    }
  if (opt_reason != NULL)
    {
      g_free (activity->notes);
      activity->notes = g_strdup (opt_reason);
    }
  /* A dry run: the same call, in a transaction rolled back. */
  if (dry_run && !sz_db_begin (o->db, &error))
    return points_fail (error);
  ok = sz_activity_record (o->db, activity, (SzParticipant *) o->parts->data, o->parts->len, &error)
       && (moves = sz_activity_movements (o->db, activity->id, &error)) != NULL;
  if (dry_run)
    sz_db_end (o->db, FALSE, NULL);
  if (!ok)
    {
      int status = points_fail (error);

      g_printerr (_("Nothing was written.\n"));
      return status;
    }

  /* Translators: column headers of an occasion's participants */
  records_table_add (table, _("Person"), _("Name"), _("Hours"), _("Points"), "", NULL);
  for (guint i = 0; i < moves->len; i++)
    {
      SzMovement *m = moves->pdata[i];
      g_autofree char *id = g_strdup_printf ("id:%" G_GINT64_FORMAT, m->person_id);
      g_autofree char *h = sz_hours_format (m->minutes);
      g_autofree char *p = sz_points_format (m->points);
      g_autofree char *note = NULL;
      const char *name = g_hash_table_lookup (o->names, &m->person_id);

      for (guint j = 0; j < o->parts->len; j++)
        {
          SzParticipant *part = &g_array_index (o->parts, SzParticipant, j);

          if (part->person_id == m->person_id && o->type->basis == SZ_BASIS_PER_HOUR && part->minutes > m->minutes)
            {
              g_autofree char *given = sz_hours_format (part->minutes);
              /* Translators: the hours given for someone, more than the type's cap */
              note = g_strdup_printf (_("capped: %s hours given"), given);
            }
        }
      records_table_add (table, id, name ? name : "", h, p, note ? note : "", NULL);
      minutes += m->minutes;
      points += m->points;
    }
  total_hours = sz_hours_format (minutes);
  total_points = sz_points_format (points);
  if (dry_run)
    /* Translators: an activity type, a day, a count, hours, points */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Would record %s on %s for %u person: %s hours, %s points (--dry-run: nothing written).\n",
                          "Would record %s on %s for %u people: %s hours, %s points (--dry-run: nothing written).\n",
                          moves->len),
             activity->title && *activity->title ? activity->title : o->type->name, day, moves->len,
             total_hours, total_points);
  else
    /* Translators: an activity type, a day, a count, hours, points, the occasion's number */
    g_print (g_dngettext (GETTEXT_PACKAGE,
                          "Recorded %s on %s for %u person: %s hours, %s points (activity %" PRId64 ").\n",
                          "Recorded %s on %s for %u people: %s hours, %s points (activity %" PRId64 ").\n",
                          moves->len),
             activity->title && *activity->title ? activity->title : o->type->name, day, moves->len,
             total_hours, total_points, activity->id);
  records_print_table (table, "llrrl");
  return EXIT_OK;
}

/* What earn and activity share: the options, the type, --hours. */
static gboolean
occasion_prepare (const char      *command,
                  SzDb           **db,
                  SzCommunity    **community,
                  SzActivityType **type,
                  char           **day,
                  int             *default_minutes,
                  int             *status)
{
  *default_minutes = -1;
  if (opt_type == NULL)
    {
      *status = records_usage_error (command, _("say which activity with --type (“sanzhang-cli points types” lists them)."));
      return FALSE;
    }
  if (opt_hours != NULL && !points_parse_hours (command, "--hours", opt_hours, FALSE, default_minutes, status))
    return FALSE;
  if ((*day = points_parse_day (command, "--day", opt_day, status)) == NULL)
    return FALSE;
  if (!points_open (db, community, opt_actor))
    {
      *status = EXIT_ERROR;
      return FALSE;
    }
  if ((*type = points_find_type (*db, *community, "--type", opt_type, status)) == NULL)
    return FALSE;
  if (opt_hours != NULL && (*type)->basis == SZ_BASIS_PER_OCCASION)
    {
      g_autofree char *rule = points_type_rule (*type);
      /* Translators: an activity type and its rule */
      *status = records_usage_error (command, _("--hours: “%s” counts per occasion (%s), whatever its length: "
                                                "leave --hours out."), (*type)->name, rule);
      return FALSE;
    }
  return TRUE;
}

/* Prints the problems gathered; EXIT_ERROR. */
static int
occasion_refuse (Occasion *o)
{
  g_printerr (g_dngettext (GETTEXT_PACKAGE, "Error: nothing was written: %u problem with the people listed:\n",
                           "Error: nothing was written: %u problems with the people listed:\n", o->problems->len),
              o->problems->len);
  for (guint i = 0; i < o->problems->len; i++)
    g_printerr ("  %s\n", (char *) o->problems->pdata[i]);
  return EXIT_ERROR;
}

/* ---- earn ---------------------------------------------------------------- */

int
points_earn (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &opt_type, N_("The activity type, by name or number"), N_("TYPE") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &opt_hours, N_("How long (types counted by the hour), such as 2 or 1.5"), N_("H") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("When it was (default: today)"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("What the occasion was (default: the type’s name)"), N_("TEXT") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("A note: what was done"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Say what would be written, write nothing"), NULL },
    { NULL }
  };
  const char *command = "points earn";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  Occasion o;
  int status = EXIT_ERROR, minutes;

  if (!parse_options (command, _("PERSON"),
                      _("Gives one person the hours and points of one occasion of an activity type, at the type’s "
                        "rate and cap. PERSON is a name, or id: and a number (id:12)."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say who, for example: sanzhang-cli points earn 张淑芬 --type 巡查走访 --hours 2"));
  if (!occasion_prepare (command, &db, &community, &type, &day, &minutes, &status))
    return status;
  occasion_init (&o, db, community, type, minutes);
  if (!occasion_add (&o, "PERSON", argv[1], NULL, &error))
    status = points_fail (error);
  else if (o.problems->len > 0)
    {
      /* Translators: what is wrong with the person named */
      g_printerr (_("Error: %s\n"), (char *) o.problems->pdata[0]);
      status = EXIT_ERROR;
    }
  else
    status = occasion_record (&o, day, opt_dry_run);
  occasion_clear (&o);
  return status;
}

/* ---- activity ------------------------------------------------------------ */

int
points_activity (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "type", 't', 0, G_OPTION_ARG_STRING, &opt_type, N_("The activity type, by name or number"), N_("TYPE") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("When it was"), N_("YYYY-MM-DD") },
    { "title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("What the occasion was, such as 五一小区大扫除 (default: the type’s name)"), N_("TEXT") },
    { "person", 'p', 0, G_OPTION_ARG_STRING_ARRAY, &opt_people, N_("Someone who took part; give it once per person"), N_("PERSON") },
    { "people-file", 'f', 0, G_OPTION_ARG_FILENAME, &opt_people_file, N_("A text file: one name a line, optionally a TAB and their hours"), N_("FILE") },
    { "hours", 0, 0, G_OPTION_ARG_STRING, &opt_hours, N_("Everyone’s hours, unless the file gives them (types counted by the hour)"), N_("H") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("A note: what was done"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { "dry-run", 'n', 0, G_OPTION_ARG_NONE, &opt_dry_run, N_("Say what would be written, write nothing"), NULL },
    { NULL }
  };
  const char *command = "points activity";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzActivityType) type = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  Occasion o;
  int status = EXIT_ERROR, minutes;

  if (!parse_options (command, "",
                      _("Records one occasion of an activity (a clean-up day: 30 volunteers, 2 hours each) for all "
                        "its participants at once: all or nothing, every problem listed with its line. "
                        "Needs --type, --day and --person (once per person) or --people-file."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_day == NULL)
    return records_usage_error (command, _("say when it was with --day YYYY-MM-DD."));
  if (opt_people == NULL && opt_people_file == NULL)
    return records_usage_error (command, _("say who took part: --person NAME, once per person, or --people-file FILE."));
  if (!occasion_prepare (command, &db, &community, &type, &day, &minutes, &status))
    return status;
  occasion_init (&o, db, community, type, minutes);
  for (guint i = 0; opt_people != NULL && opt_people[i] != NULL; i++)
    {
      if (!occasion_add (&o, "--person", opt_people[i], NULL, &error))
        {
          occasion_clear (&o);
          return points_fail (error);
        }
    }
  if (opt_people_file != NULL && (status = occasion_read_file (&o, command, opt_people_file)) != EXIT_OK)
    {
      occasion_clear (&o);
      return status;
    }
  if (o.problems->len > 0)
    status = occasion_refuse (&o);
  else if (o.parts->len == 0)
    status = records_usage_error (command, _("the list of people is empty."));
  else
    status = occasion_record (&o, day, opt_dry_run);
  occasion_clear (&o);
  return status;
}

/* ---- redeem -------------------------------------------------------------- */

/* "张淑芬 now: 12.5 hours, balance 20.0 points." */
static void
print_now (SzDb   *db,
           gint64  person_id)
{
  g_autoptr(SzPointsBalance) b = sz_points_balance_get (db, person_id, NULL);
  g_autofree char *hours = NULL;
  g_autofree char *balance = NULL;

  if (b == NULL)
    return;
  hours = sz_hours_format (b->minutes);
  balance = sz_points_format (b->balance);
  /* Translators: a name, service hours, points */
  g_print (_("%s now: %s hours of service, balance %s points.\n"), b->name, hours, balance);
}

int
points_redeem (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "reward", 'r', 0, G_OPTION_ARG_STRING, &opt_reward, N_("The reward, by name or number (see “sanzhang-cli rewards list”)"), N_("REWARD") },
    { "quantity", 'q', 0, G_OPTION_ARG_INT, &opt_quantity, N_("How many (default 1)"), N_("N") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("When it was taken (default: today)"), N_("YYYY-MM-DD") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "points redeem";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzReward) reward = NULL;
  g_autoptr(SzReward) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  g_autofree char *cost = NULL;
  int status = EXIT_ERROR;
  gint64 person, movement = 0;

  if (!parse_options (command, _("PERSON"),
                      _("Takes a reward for points: the price from the person’s balance and one from the stock, in "
                        "one step. Refused, with the figures, when the balance or the stock cannot cover it. "
                        "Hours are never taken away."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say who, for example: sanzhang-cli points redeem 张淑芬 --reward 理发服务"));
  if (opt_reward == NULL)
    return records_usage_error (command, _("say which reward with --reward (“sanzhang-cli rewards list” lists them)."));
  if (opt_quantity < 1)
    /* Translators: the value given to --quantity */
    return records_usage_error (command, _("--quantity must be 1 or more, not %d."), opt_quantity);
  if ((day = points_parse_day (command, "--day", opt_day, &status)) == NULL)
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if ((person = points_find_person (db, community, "PERSON", argv[1], &status)) == 0
      || (reward = points_find_reward (db, community, "--reward", opt_reward, &status)) == NULL)
    return status;
  if (!sz_reward_redeem (db, person, reward->id, opt_quantity, day, &movement, &error))
    return points_fail (error);
  cost = sz_points_format (reward->price * opt_quantity);
  /* Translators: a quantity, a reward, points, the movement's number */
  g_print (_("Redeemed %d × %s for %s points (movement %" PRId64 ").\n"), opt_quantity, reward->name, cost,
           movement);
  print_now (db, person);
  if ((after = sz_reward_get (db, reward->id, NULL)) != NULL && after->stock >= 0)
    /* Translators: a reward, how many are left */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %d left.\n", "%s: %d left.\n", after->stock), after->name, after->stock);
  return EXIT_OK;
}

/* ---- correct ------------------------------------------------------------- */

int
points_correct (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "hours", 0, 0, G_OPTION_ARG_STRING, &opt_hours, N_("Hours to add, or with a minus sign to take away (-1.5)"), N_("±H") },
    { "points", 0, 0, G_OPTION_ARG_STRING, &opt_points, N_("Points to add, or with a minus sign to take away (-2)"), N_("±P") },
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why (required)"), N_("TEXT") },
    { "day", 0, 0, G_OPTION_ARG_STRING, &opt_day, N_("The day it concerns (default: today)"), N_("YYYY-MM-DD") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "points correct";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *day = NULL;
  int status = EXIT_ERROR, minutes = 0;
  gint64 person, points = 0, movement = 0;

  if (!parse_options (command, _("PERSON"),
                      _("Corrects a person’s hours or points by hand with a movement of its own, never by editing: "
                        "--hours and --points add, or take away with a minus sign. Needs --reason. Refused when it "
                        "would take hours or points below zero."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say who, for example: sanzhang-cli points correct 张淑芬 --points -2 "
                                           "--reason \"entered twice\""));
  if ((opt_hours != NULL && !points_parse_hours (command, "--hours", opt_hours, TRUE, &minutes, &status))
      || (opt_points != NULL && !points_parse_points (command, "--points", opt_points, TRUE, &points, &status)))
    return status;
  if (minutes == 0 && points == 0)
    return records_usage_error (command, _("say what to correct: --hours, --points or both, not zero."));
  if (opt_reason == NULL || *g_strstrip (opt_reason) == '\0')
    return records_usage_error (command, _("a correction needs --reason: why it is made."));
  if ((day = points_parse_day (command, "--day", opt_day, &status)) == NULL)
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  if ((person = points_find_person (db, community, "PERSON", argv[1], &status)) == 0)
    return status;
  if (!sz_points_correct (db, person, day, minutes, points, opt_reason, &movement, &error))
    return points_fail (error);
  {
    g_autofree char *h = points_signed_hours (minutes);
    g_autofree char *p = points_signed_points (points);

    /* Translators: the movement's number, then hours and points with their signs */
    g_print (_("Correction %" PRId64 ": hours %s, points %s.\n"), movement, *h ? h : "0", *p ? p : "0");
  }
  print_now (db, person);
  return EXIT_OK;
}

/* ---- reverse ------------------------------------------------------------- */

int
points_reverse (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "reason", 0, 0, G_OPTION_ARG_STRING, &opt_reason, N_("Why (required)"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "points reverse";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzMovement) movement = NULL;
  g_autoptr(SzMovement) reversal = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id, reversal_id = 0;

  if (!parse_options (command, _("MOVEMENT"),
                      _("Undoes a movement with one that reverses it (a redemption’s reversal returns the reward to "
                        "the stock). MOVEMENT is its number, as “points show” lists them. Needs --reason."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say which movement, for example: sanzhang-cli points reverse 57 "
                                           "--reason \"wrong person\""));
  if (!records_parse_id (argv[1], &id))
    /* Translators: what the user typed */
    return records_usage_error (command, _("“%s” is not a movement number."), argv[1]);
  if (opt_reason == NULL || *g_strstrip (opt_reason) == '\0')
    return records_usage_error (command, _("a reversal needs --reason: why it is undone."));
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  movement = sz_movement_get (db, id, &error);
  if (movement == NULL && !points_not_found (error))
    return points_fail (error);
  if (movement == NULL || movement->community_id != community->id)
    {
      /* Translators: a movement's number, a community */
      g_printerr (_("Error: there is no movement %s in %s; “sanzhang-cli points show PERSON” lists them.\n"),
                  argv[1], community->name);
      return EXIT_ERROR;
    }
  if (!sz_points_reverse (db, id, opt_reason, &reversal_id, &error)
      || (reversal = sz_movement_get (db, reversal_id, &error)) == NULL)
    return points_fail (error);
  {
    g_autofree char *h = points_signed_hours (reversal->minutes);
    g_autofree char *p = points_signed_points (reversal->points);

    /* Translators: two movements' numbers, then hours and points with their signs */
    g_print (_("Movement %" PRId64 " reverses movement %" PRId64 ": hours %s, points %s.\n"),
             reversal_id, id, *h ? h : "0", *p ? p : "0");
  }
  print_now (db, movement->person_id);
  if (movement->redemption_id != 0 && movement->kind == SZ_MOVE_REDEEM)
    g_print (_("The reward is back in stock.\n"));
  return EXIT_OK;
}
