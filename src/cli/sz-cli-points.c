/* sz-cli-points.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli points: the heads' service hours and points (积分) from the
 * terminal, over src/core/sz-points.h.  What it adds is turning what a
 * clerk types (a name, "id:12", "巡查走访", "1.5") into the core's values,
 * with a message naming the option and the value when that fails.  This
 * file has the helpers that "points", "rewards" and "honours" share and
 * the subcommands that read (list, show, statement);
 * sz-cli-points-entry.c those that write movements, sz-cli-points-admin.c
 * expiry, credits from records and the activity types. */

#include "config.h"

#include <inttypes.h>

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-cli-points.h"
#include "sz-honours-print.h"
#include "sz-person.h"
#include "sz-record.h"
#include "sz-safe-file.h"
#include "sz-validate.h"

/* Options; one subcommand runs per process. */
static char *opt_search;
static char *opt_grid;
static char *opt_level;
static gboolean opt_all;
static char *opt_output;

/* ---- Helpers ------------------------------------------------------------ */

int
points_fail (const GError *error)
{
  print_error (error);
  return g_error_matches (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_INVALID) ? EXIT_USAGE : EXIT_ERROR;
}

gboolean
points_not_found (const GError *error)
{
  return g_error_matches (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND)
         || g_error_matches (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND)
         || g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_NOT_FOUND);
}

char *
points_today (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sz_record_now ());
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sz_record_time_zone ());

  return g_date_time_format (local, "%Y-%m-%d");
}

char *
points_parse_day (const char *command,
                  const char *option,
                  const char *text,
                  int        *status)
{
  int y, m, d;
  char end;

  if (text == NULL)
    return points_today ();
  if (strlen (text) == 10 && sscanf (text, "%4d-%2d-%2d%c", &y, &m, &d, &end) == 3
      && text[4] == '-' && text[7] == '-'
      && g_date_valid_dmy (d, m, y) && y >= 1900)
    return g_strdup (text);
  /* Translators: an option and what the user typed */
  *status = records_usage_error (command, _("%s “%s”: write the day as YYYY-MM-DD, for example 2026-05-01."),
                                 option, text);
  return NULL;
}

/* "-1.5" → -1, "1.5"; "+2" → 1, "2". */
static const char *
strip_sign (const char *text,
            int        *sign)
{
  *sign = 1;
  if (text[0] == '-' || text[0] == '+')
    {
      *sign = text[0] == '-' ? -1 : 1;
      return text + 1;
    }
  /* U+2212 MINUS SIGN, as some keyboards and documents write it. */
  if (g_str_has_prefix (text, "−"))
    {
      *sign = -1;
      return text + strlen ("−");
    }
  return text;
}

gboolean
points_parse_hours (const char *command,
                    const char *option,
                    const char *text,
                    gboolean    signed_ok,
                    int        *minutes,
                    int        *status)
{
  int sign = 1;
  const char *rest = signed_ok ? strip_sign (text, &sign) : text;

  if (sz_hours_parse (rest, minutes))
    {
      *minutes *= sign;
      return TRUE;
    }
  if (signed_ok)
    /* Translators: an option and what the user typed */
    *status = records_usage_error (command, _("%s “%s”: write hours as a number such as 2 or 1.5, "
                                              "with a minus sign to take hours away (-1.5)."), option, text);
  else
    *status = records_usage_error (command, _("%s “%s”: write hours as a number such as 2 or 1.5."), option, text);
  return FALSE;
}

gboolean
points_parse_points (const char *command,
                     const char *option,
                     const char *text,
                     gboolean    signed_ok,
                     gint64     *tenths,
                     int        *status)
{
  int sign = 1;
  const char *rest = signed_ok ? strip_sign (text, &sign) : text;

  if (sz_points_parse (rest, tenths))
    {
      *tenths *= sign;
      return TRUE;
    }
  if (signed_ok)
    /* Translators: an option and what the user typed */
    *status = records_usage_error (command, _("%s “%s”: write points as a number such as 5 or 2.5, "
                                              "with a minus sign to take points away (-2.5)."), option, text);
  else
    *status = records_usage_error (command, _("%s “%s”: write points as a number such as 5 or 2.5."), option, text);
  return FALSE;
}

char *
points_signed_points (gint64 tenths)
{
  g_autofree char *abs = sz_points_format (tenths < 0 ? -tenths : tenths);

  if (tenths == 0)
    return g_strdup ("");
  return g_strdup_printf ("%s%s", tenths < 0 ? "-" : "+", abs);
}

char *
points_signed_hours (int minutes)
{
  g_autofree char *abs = sz_hours_format (minutes < 0 ? -minutes : minutes);

  if (minutes == 0)
    return g_strdup ("");
  return g_strdup_printf ("%s%s", minutes < 0 ? "-" : "+", abs);
}

static char *
post_of (SzDb   *db,
         gint64  person_id)
{
  g_autoptr(SzPointsBalance) b = sz_points_balance_get (db, person_id, NULL);

  if (b == NULL || b->post == NULL || *b->post == '\0')
    return g_strdup (_("no current post"));
  return g_strdup (b->post);
}

gint64
points_resolve_person (SzDb         *db,
                       SzCommunity  *community,
                       GPtrArray   **people,
                       const char   *text,
                       char        **problem,
                       GError      **error)
{
  g_autofree char *name = g_strstrip (g_strdup (text));
  g_autoptr(GString) candidates = g_string_new (NULL);
  gint64 found = 0;
  guint n = 0;

  *problem = NULL;
  if (g_str_has_prefix (name, "id:"))
    {
      g_autoptr(SzPerson) p = NULL;
      gint64 id;

      if (!records_parse_id (name + 3, &id))
        {
          /* Translators: what the user typed; a person is named "id:12" or by name */
          *problem = g_strdup_printf (_("“%s”: write id: and the person’s number, for example id:12."), text);
          return 0;
        }
      p = sz_person_get (db, id, NULL);
      if (p != NULL && p->community_id == community->id)
        return id;
      /* Translators: what the user typed, a community */
      *problem = g_strdup_printf (_("“%s”: there is nobody with that number in %s."), text, community->name);
      return 0;
    }
  if (*people == NULL && (*people = sz_person_list_in (db, community->id, error)) == NULL)
    return 0;
  for (guint i = 0; i < (*people)->len; i++)
    {
      SzPerson *p = (*people)->pdata[i];

      if (g_str_equal (p->name, name))
        {
          g_autofree char *post = post_of (db, p->id);

          found = p->id;
          n++;
          g_string_append_printf (candidates, "\n    id:%" G_GINT64_FORMAT "  %s  %s", p->id, p->name, post);
        }
    }
  if (n == 1)
    return found;
  if (n == 0)
    /* Translators: what the user typed, a community */
    *problem = g_strdup_printf (_("“%s”: there is nobody of that name in %s; "
                                  "“sanzhang-cli points list --all --search TEXT” finds people."),
                                text, community->name);
  else
    /* Translators: what the user typed, then the people of that name, one a line */
    *problem = g_strdup_printf (_("“%s”: %u people have that name; name one of them by number:%s"),
                                text, n, candidates->str);
  return 0;
}

gint64
points_find_person (SzDb        *db,
                    SzCommunity *community,
                    const char  *option,
                    const char  *text,
                    int         *status)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *problem = NULL;
  gint64 id = points_resolve_person (db, community, &people, text, &problem, &error);

  if (id != 0)
    return id;
  if (error != NULL)
    *status = points_fail (error);
  else
    {
      /* Translators: an option (or PERSON), and what is wrong with its value */
      g_printerr (_("Error: %s %s\n"), option, problem);
      *status = EXIT_ERROR;
    }
  return 0;
}

/* Whether @text names the item @id called @name: its name, its number or
 * "id:" and its number. */
static gboolean
names_item (const char *text,
            gint64      id,
            const char *name)
{
  gint64 number;

  if (g_str_equal (text, name))
    return TRUE;
  return records_parse_id (g_str_has_prefix (text, "id:") ? text + 3 : text, &number) && number == id;
}

static void
print_not_found (const char *option,
                 const char *text,
                 const char *what,
                 GString    *names)
{
  if (names->len == 0)
    /* Translators: an option, what the user typed, "activity type" or "reward" */
    g_printerr (_("Error: %s “%s”: there is no %s yet.\n"), option, text, what);
  else
    /* Translators: an option, what the user typed, "activity type" or "reward", and the names there are */
    g_printerr (_("Error: %s “%s”: there is no such %s. There are: %s.\n"), option, text, what, names->str);
}

SzActivityType *
points_find_type (SzDb        *db,
                  SzCommunity *community,
                  const char  *option,
                  const char  *text,
                  int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_activity_type_list (db, community->id, TRUE, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (all == NULL)
    {
      *status = points_fail (error);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (text, ((SzActivityType *) all->pdata[i])->name))
      return g_ptr_array_steal_index (all, i);
  for (guint i = 0; i < all->len; i++)
    {
      SzActivityType *t = all->pdata[i];

      if (names_item (text, t->id, t->name))
        return g_ptr_array_steal_index (all, i);
      if (!t->active)
        continue;
      if (names->len > 0)
        /* Translators: separates the names in a list */
        g_string_append (names, _(", "));
      g_string_append (names, t->name);
    }
  print_not_found (option, text, _("activity type"), names);
  *status = EXIT_ERROR;
  return NULL;
}

SzReward *
points_find_reward (SzDb        *db,
                    SzCommunity *community,
                    const char  *option,
                    const char  *text,
                    int         *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_reward_list (db, community->id, TRUE, &error);
  g_autoptr(GString) names = g_string_new (NULL);

  if (all == NULL)
    {
      *status = points_fail (error);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    if (g_str_equal (text, ((SzReward *) all->pdata[i])->name))
      return g_ptr_array_steal_index (all, i);
  for (guint i = 0; i < all->len; i++)
    {
      SzReward *r = all->pdata[i];

      if (names_item (text, r->id, r->name))
        return g_ptr_array_steal_index (all, i);
      if (!r->active)
        continue;
      if (names->len > 0)
        g_string_append (names, _(", "));
      g_string_append (names, r->name);
    }
  print_not_found (option, text, _("reward"), names);
  *status = EXIT_ERROR;
  return NULL;
}

int
points_parse_level (const char *command,
                    const char *option,
                    const char *text,
                    gboolean    none_ok,
                    int        *status)
{
  SzLevel level;

  if (sz_level_from_string (text, &level))
    return level;
  if (none_ok && g_str_equal (text, "none"))
    return SZ_N_LEVELS;
  if (none_ok)
    /* Translators: an option and what the user typed; the values are typed as they are */
    *status = records_usage_error (command, _("%s “%s”: use grid, building, unit or none (people without a post)."),
                                   option, text);
  else
    *status = records_usage_error (command, _("%s “%s”: use grid, building or unit."), option, text);
  return -1;
}

const char *
points_level_title (int level)
{
  return level >= 0 && level < SZ_N_LEVELS ? sz_level_head_title (level) : "";
}

char *
points_type_rule (const SzActivityType *type)
{
  g_autofree char *points = sz_points_format (type->points_per_unit);
  g_autofree char *hours = sz_hours_format (type->minutes);

  if (type->basis == SZ_BASIS_PER_HOUR)
    {
      if (type->minutes > 0)
        /* Translators: an activity type's rule: points per hour, and the cap in hours */
        return g_strdup_printf (_("%s points per hour, at most %s hours counted"), points, hours);
      return g_strdup_printf (_("%s points per hour"), points);
    }
  if (type->minutes > 0)
    /* Translators: an activity type's rule: points per occasion, and the service time it records */
    return g_strdup_printf (_("%s points per occasion, %s hours of service recorded"), points, hours);
  return g_strdup_printf (_("%s points per occasion"), points);
}

gboolean
points_open (SzDb        **db,
             SzCommunity **community,
             const char   *actor)
{
  if (!records_open_community (db, community))
    return FALSE;
  if (actor != NULL)
    sz_db_set_actor (*db, actor);
  return TRUE;
}

gboolean
points_begin_change (const char          *command,
                     const char          *what,
                     const char          *summary,
                     const GOptionEntry  *entries,
                     const char          *actor,
                     int                 *argc,
                     char              ***argv,
                     SzDb               **db,
                     SzCommunity        **community,
                     int                 *status)
{
  *status = EXIT_USAGE;
  if (!parse_options (command, what, summary, entries, argc, argv) || too_many_arguments (command, *argc, *argv, 1))
    return FALSE;
  if (*argc < 2)
    {
      /* Translators: %s is TYPE or REWARD, as the command's help names its argument */
      *status = records_usage_error (command, _("say which %s, by name or number."), what);
      return FALSE;
    }
  *status = EXIT_ERROR;
  return points_open (db, community, actor);
}

void
points_private_files (void)
{
  /* sz_safe_file_commit() gives a file 0666 less the umask unless told it
   * is private: the umask makes it 0600 whatever the writer asks. */
  umask (077);
}

/* ---- list ---------------------------------------------------------------- */

static int
points_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "search", 's', 0, G_OPTION_ARG_STRING, &opt_search, N_("Only people whose name, pinyin, initials or phone digits match"), N_("TEXT") },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &opt_grid, N_("Only heads in the grid of this number"), N_("N") },
    { "level", 0, 0, G_OPTION_ARG_STRING, &opt_level, N_("Only heads of this level: grid, building, unit, or none (people without a post)"), N_("LEVEL") },
    { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all, N_("Also people who never earned or spent a point"), NULL },
    { NULL }
  };
  const char *command = "points list";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  SzPointsFilter filter;
  int status = EXIT_ERROR;
  int level = -1;
  gint64 total = 0;
  int minutes = 0;

  if (!parse_options (command, "",
                      _("Lists the balances: each person’s service hours, points earned, redeemed and expired, "
                        "and the balance, in pinyin order of the name. Redeeming points never takes away hours."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_level != NULL && (level = points_parse_level (command, "--level", opt_level, TRUE, &status)) < 0)
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  sz_points_filter_init (&filter, community->id);
  filter.search = opt_search;
  filter.level = level;
  filter.with_zero = opt_all;
  if (opt_grid != NULL)
    {
      filter.grid_id = records_find_grid (db, community, command, "--grid", opt_grid, &status);
      if (filter.grid_id == -1)
        return records_usage_error (command, _("--grid “%s”: give the grid’s number, as “sanzhang-cli tree” shows it."),
                                    opt_grid);
      if (filter.grid_id == 0)
        return status;
    }
  if ((rows = sz_points_balances (db, &filter, &error)) == NULL)
    return points_fail (error);
  if (rows->len == 0)
    {
      g_print (opt_all ? _("Nobody matches.\n")
                       : _("Nobody matches who has earned points; --all lists everyone.\n"));
      return EXIT_OK;
    }

  /* Translators: column headers of the balances; hours are service hours */
  records_table_add (table, _("Person"), _("Name"), _("Post"), _("Hours"), _("Earned"), _("Redeemed"), _("Expired"),
                     _("Balance"), NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SzPointsBalance *b = rows->pdata[i];
      g_autofree char *id = g_strdup_printf ("id:%" G_GINT64_FORMAT, b->person_id);
      g_autofree char *hours = sz_hours_format (b->minutes);
      g_autofree char *earned = sz_points_format (b->earned);
      g_autofree char *redeemed = sz_points_format (b->redeemed);
      g_autofree char *expired = sz_points_format (b->expired);
      g_autofree char *balance = sz_points_format (b->balance);

      records_table_add (table, id, b->name, b->post && *b->post ? b->post : _("no current post"), hours, earned,
                         redeemed, expired, balance, NULL);
      total += b->balance;
      minutes += b->minutes;
    }
  records_print_table (table, "lllrrrrr");
  {
    g_autofree char *t = sz_points_format (total);
    g_autofree char *h = sz_hours_format (minutes);

    /* Translators: the last line of the balances: people, hours, points */
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u person: %s hours of service, %s points to spend.\n",
                          "%u people: %s hours of service, %s points to spend.\n", rows->len),
             rows->len, h, t);
  }
  return EXIT_OK;
}

/* ---- show ---------------------------------------------------------------- */

static const char *
kind_title (const SzMovement *m)
{
  if (m->reverses_id != 0)
    /* Translators: a movement that undoes another */
    return _("Reversal");
  switch (m->kind)
    {
    /* Translators: kinds of movements of points */
    case SZ_MOVE_EARN: return _("Earned");
    case SZ_MOVE_REDEEM: return _("Redeemed");
    case SZ_MOVE_EXPIRE: return _("Expired");
    case SZ_MOVE_CORRECT: return _("Correction");
    default: g_return_val_if_reached ("");
    }
}

/* The last column: the source, why, and what reversed it. */
static char *
movement_note (const SzMovement *m)
{
  g_autoptr(GString) s = g_string_new (m->source ? m->source : "");

  if (m->reverses_id != 0 && (m->source == NULL || *m->source == '\0'))
    /* Translators: a movement's number */
    g_string_append_printf (s, _("reverses %" PRId64), m->reverses_id);
  if (m->reason != NULL && *m->reason)
    {
      if (s->len > 0)
        g_string_append (s, _("; "));
      g_string_append (s, m->reason);
    }
  if (m->reversed_by != 0)
    {
      if (s->len > 0)
        g_string_append (s, _("; "));
      /* Translators: a movement's number */
      g_string_append_printf (s, _("reversed by %" PRId64), m->reversed_by);
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
points_show (int argc, char **argv)
{
  const char *command = "points show";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzPointsBalance) b = NULL;
  g_autoptr(GPtrArray) moves = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_ERROR;
  gint64 person;

  if (!parse_options (command, _("PERSON"),
                      _("Shows a person’s totals and statement: every movement, oldest first, with the hours and "
                        "points after it. PERSON is a name, or id: and a number (id:12) when names repeat."),
                      NULL, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say whose statement, for example: sanzhang-cli points show 张淑芬"));
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if ((person = points_find_person (db, community, "PERSON", argv[1], &status)) == 0)
    return status;
  if ((b = sz_points_balance_get (db, person, &error)) == NULL
      || (moves = sz_points_statement (db, person, &error)) == NULL)
    return points_fail (error);

  {
    g_autofree char *hours = sz_hours_format (b->minutes);
    g_autofree char *earned = sz_points_format (b->earned);
    g_autofree char *redeemed = sz_points_format (b->redeemed);
    g_autofree char *expired = sz_points_format (b->expired);
    g_autofree char *balance = sz_points_format (b->balance);

    /* Translators: a name, the person's number, the post */
    g_print (_("%s (id:%" PRId64 "), %s\n"), b->name, b->person_id,
             b->post && *b->post ? b->post : _("no current post"));
    g_print (_("Service hours: %s\n"), hours);
    /* Translators: the totals of a person's points */
    g_print (_("Points: earned %s, redeemed %s, expired %s; balance %s\n"), earned, redeemed, expired, balance);
  }
  if (moves->len == 0)
    {
      g_print (_("No movements yet.\n"));
      return EXIT_OK;
    }
  g_print ("\n");
  /* Translators: column headers of a statement; "No." is the movement's number */
  records_table_add (table, _("No."), _("Day"), _("Kind"), _("Hours"), _("Points"), _("Hours after"),
                     _("Balance"), _("Source and reason"), NULL);
  for (guint i = 0; i < moves->len; i++)
    {
      SzMovement *m = moves->pdata[i];
      g_autofree char *id = records_id_text (m->id);
      g_autofree char *hours = points_signed_hours (m->minutes);
      g_autofree char *points = points_signed_points (m->points);
      g_autofree char *hours_after = sz_hours_format (m->minutes_after);
      g_autofree char *balance = sz_points_format (m->balance_after);
      g_autofree char *note = movement_note (m);

      records_table_add (table, id, m->day, kind_title (m), hours, points, hours_after, balance, note, NULL);
    }
  records_print_table (table, "rllrrrrl");
  return EXIT_OK;
}

/* ---- statement ------------------------------------------------------------ */

static int
points_statement (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("The PDF file to write (readable by you only)"), N_("FILE") },
    { NULL }
  };
  const char *command = "points statement";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *shown = NULL;
  int status = EXIT_ERROR;
  gint64 person;

  if (!parse_options (command, _("PERSON"),
                      _("Writes a person’s statement of points (积分明细) as PDF for the head to keep: the totals "
                        "and every movement with the running balance. The file holds personal data: it is made "
                        "readable by you only."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say whose statement, for example: "
                                           "sanzhang-cli points statement 张淑芬 -o 积分明细.pdf"));
  if (opt_output == NULL)
    return records_usage_error (command, _("say where to write the statement with -o FILE.pdf."));
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if ((person = points_find_person (db, community, "PERSON", argv[1], &status)) == 0)
    return status;
  sz_safe_file_cleanup_on_signals ();
  points_private_files ();
  if (!sz_points_statement_write_pdf (db, person, opt_output, &error))
    return points_fail (error);
  shown = g_filename_display_name (opt_output);
  /* Translators: a file */
  g_print (_("Wrote the statement to %s (personal data: readable by you only).\n"), shown);
  return EXIT_OK;
}

/* ---- points -------------------------------------------------------------- */

static const Command subcommands[] = {
  { "list", N_("Balances: hours and points per person"), points_list },
  { "show", N_("A person’s totals and statement with the running balance"), points_show },
  { "statement", N_("Write a person’s statement as PDF"), points_statement },
  { "earn", N_("Points for one person and one occasion"), points_earn },
  { "activity", N_("One occasion for many people at once (all or nothing)"), points_activity },
  { "redeem", N_("Take a reward for points"), points_redeem },
  { "correct", N_("Add or take away hours or points by hand, with a reason"), points_correct },
  { "reverse", N_("Undo a movement (a redemption returns its stock)"), points_reverse },
  { "expire", N_("The expiry rule; preview and write the expiry"), points_expire },
  { "credits", N_("Resolved records a head brought in, waiting for points"), points_credits },
  { "types", N_("List or change the activity types and their rates"), points_types },
};

static void
print_points_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli points SUBCOMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("The heads’ volunteer service hours and points (积分): earned by service, "
                          "redeemed for rewards; every change a movement that is never edited."));
  fprintf (out, "\n%s\n", _("Subcommands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
  fprintf (out, "\n%s\n", _("People are named by name, or by id: and their number (id:12) when names repeat."));
  fprintf (out, "%s\n", _("Run “sanzhang-cli points SUBCOMMAND --help” for the options of a subcommand."));
}

int
points_dispatch (const char     *command,
                 const Command  *commands,
                 guint           n_commands,
                 void          (*usage) (FILE *out),
                 int           (*fallback) (int argc, char **argv),
                 int             argc,
                 char          **argv)
{
  const char *early = NULL;
  int i = find_command_word (argc, argv, &early);

  if (early != NULL)
    {
      usage (stdout);
      return EXIT_OK;
    }
  if (i < 0 && fallback != NULL)
    return fallback (argc, argv);
  if (i < 0)
    {
      usage (stderr);
      return EXIT_USAGE;
    }
  for (guint s = 0; s < n_commands; s++)
    if (g_str_equal (argv[i], commands[s].name))
      return run_command (&commands[s], argc, argv, i);
  /* Translators: what the user typed, and a command such as “points” */
  g_printerr (_("Error: “%s” is not a subcommand of %s.\n\n"), argv[i], command);
  usage (stderr);
  return EXIT_USAGE;
}

int
cmd_points (int argc, char **argv)
{
  return points_dispatch ("points", subcommands, G_N_ELEMENTS (subcommands), print_points_usage, NULL, argc, argv);
}
