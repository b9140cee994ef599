/* sz-cli-records.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli records: residents' issue records from the terminal.  Each
 * subcommand is a thin layer over src/core/sz-record.h; what it adds is
 * turning what a clerk types (a category's name, "unit:12", "2026-11")
 * into the core's values, with a message naming the option when that
 * fails.  Reporters are private: lists never show them, and "show" masks
 * the phone unless --full-phones is given.  This file has the shared
 * helpers and the subcommands that read; sz-cli-records-edit.c those that
 * write, sz-cli-records-stats.c the month's figures and report. */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sz-cli-records.h"
#include "sz-phone.h"

/* Options; one subcommand runs per process. */
static char *opt_status;
static gboolean opt_overdue;
static gboolean opt_due_today;
static gboolean opt_awaiting;
static char *opt_grid;
static char *opt_category;
static char *opt_channel;
static char *opt_month;
static char *opt_search;
static int opt_limit = 50;
static gboolean opt_full_phones;

/* ---- Helpers ------------------------------------------------------------ */

/* Prints "Error: …" and where to look; returns EXIT_USAGE. */
int
records_usage_error (const char *command,
                     const char *format,
                     ...)
{
  g_autofree char *message = NULL;
  va_list ap;

  va_start (ap, format);
  message = g_strdup_vprintf (format, ap);
  va_end (ap);
  /* Translators: printed before an error message on the terminal */
  g_printerr (_("Error: %s\n"), message);
  /* Translators: %s is a command name such as “records add” */
  g_printerr (_("Run “sanzhang-cli %s --help” to see its options.\n"), command);
  return EXIT_USAGE;
}

/* A field the user got wrong is a usage mistake; anything else (not found,
 * refused, the file) is an error. */
int
records_fail (const GError *error)
{
  print_error (error);
  return g_error_matches (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_INVALID) ? EXIT_USAGE : EXIT_ERROR;
}

char *
records_id_text (gint64 id)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, id);
}

gboolean
records_parse_id (const char *text,
                  gint64     *id)
{
  guint64 value;

  if (text == NULL || !g_ascii_string_to_unsigned (text, 10, 1, G_MAXINT64, &value, NULL))
    return FALSE;
  *id = (gint64) value;
  return TRUE;
}

/* "wechat, visit, phone, …": the values an option takes, for messages. */
char *
records_valid_names (RecordsNames set)
{
  GString *s = g_string_new (NULL);

  for (int i = 0;; i++)
    {
      const char *name = NULL;

      switch (set)
        {
        case NAMES_CHANNEL: name = i < SZ_N_CHANNELS ? sz_channel_to_string (i) : NULL; break;
        case NAMES_STATUS: name = i < SZ_N_RECORD_STATUSES ? sz_record_status_to_string (i) : NULL; break;
        case NAMES_CLASS: name = i < SZ_N_TIME_CLASSES ? sz_time_class_to_string (i) : NULL; break;
        case NAMES_DUTY: name = i < SZ_N_DUTIES ? sz_duty_kind_to_string (i) : NULL; break;
        case NAMES_SATISFACTION:
          name = i + 1 < SZ_N_SATISFACTIONS ? sz_satisfaction_to_string (i + 1) : NULL;
          break;
        case NAMES_ACTION:
          /* "receive" is written with the record, never on its own. */
          name = i + 1 < SZ_N_ACTIONS ? sz_action_to_string (i + 1) : NULL;
          break;
        default:
          g_assert_not_reached ();
        }
      if (name == NULL)
        break;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, name);
    }
  return g_string_free (s, FALSE);
}

/* The message for an option whose value is not one of @set's. */
int
records_bad_value (const char *command,
                   const char *option,
                   const char *value,
                   RecordsNames set)
{
  g_autofree char *names = records_valid_names (set);

  /* Translators: an option, what the user typed, and the values it takes */
  return records_usage_error (command, _("%s “%s”: use one of %s."), option, value, names);
}

/* Columns counted as a terminal draws them: hanzi take two. */
static int
text_width (const char *s)
{
  int w = 0;

  for (; *s; s = g_utf8_next_char (s))
    {
      gunichar c = g_utf8_get_char (s);

      w += g_unichar_iszerowidth (c) ? 0 : g_unichar_iswide (c) ? 2 : 1;
    }
  return w;
}

/* Prints @rows (GStrv each, the first the header) in columns; @align has
 * one 'l' or 'r' per column. */
void
records_print_table (GPtrArray  *rows,
                     const char *align)
{
  guint n_cols = strlen (align);
  g_autofree int *widths = g_new0 (int, n_cols);

  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];

      for (guint c = 0; c < n_cols && cells[c] != NULL; c++)
        widths[c] = MAX (widths[c], text_width (cells[c]));
    }
  for (guint r = 0; r < rows->len; r++)
    {
      char **cells = rows->pdata[r];
      g_autoptr(GString) line = g_string_new (NULL);

      for (guint c = 0; c < n_cols && cells[c] != NULL; c++)
        {
          int pad = widths[c] - text_width (cells[c]);

          if (c > 0)
            g_string_append (line, "  ");
          if (align[c] == 'r')
            for (int i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
          g_string_append (line, cells[c]);
          if (align[c] != 'r')
            for (int i = 0; i < pad; i++)
              g_string_append_c (line, ' ');
        }
      while (line->len > 0 && line->str[line->len - 1] == ' ')
        g_string_truncate (line, line->len - 1);
      g_print ("%s\n", line->str);
    }
}

GPtrArray *
records_table_new (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
}

/* Adds a row of the strings given, NULL-terminated. */
G_GNUC_NULL_TERMINATED void
records_table_add (GPtrArray  *table,
                   const char *first,
                   ...)
{
  GStrvBuilder *b = g_strv_builder_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *s = first; s != NULL; s = va_arg (ap, const char *))
    g_strv_builder_add (b, s);
  va_end (ap);
  g_ptr_array_add (table, g_strv_builder_end (b));
  g_strv_builder_unref (b);
}

gboolean
records_open_community (SzDb        **db,
                        SzCommunity **community)
{
  *db = open_database (SZ_DB_OPEN_DEFAULT);
  if (*db == NULL)
    return FALSE;
  *community = find_community (*db);
  return *community != NULL;
}

/* The grid numbered @text in @community ("none": records under no grid,
 * -1); 0 after printing why. */
gint64
records_find_grid (SzDb        *db,
                   SzCommunity *community,
                   const char  *command,
                   const char  *option,
                   const char  *text,
                   int         *status)
{
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GError) error = NULL;
  gint64 number;

  if (g_str_equal (text, "none"))
    return -1;
  /* --place passes "grid:9" whole, so that messages quote what was typed. */
  if (!records_parse_id (g_str_has_prefix (text, "grid:") ? text + 5 : text, &number))
    {
      /* Translators: an option and what the user typed */
      *status = records_usage_error (command, _("%s “%s”: give the grid’s number, as “sanzhang-cli tree” shows it."),
                                     option, text);
      return 0;
    }
  grids = sz_grid_list (db, community->id, &error);
  if (grids == NULL)
    {
      *status = records_fail (error);
      return 0;
    }
  for (guint i = 0; i < grids->len; i++)
    if (((SzGrid *) grids->pdata[i])->number == number)
      return ((SzGrid *) grids->pdata[i])->id;
  /* Translators: an option, what the user typed, a community */
  g_printerr (_("Error: %s “%s”: %s has no grid with that number.\n"), option, text, community->name);
  *status = EXIT_ERROR;
  return 0;
}

/* The category named @name; NULL after saying which names there are. */
SzRecordCategory *
records_find_category (SzDb       *db,
                       const char *option,
                       const char *name,
                       int        *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  SzRecordCategory *category = sz_record_category_find (db, name, &error);

  if (category != NULL)
    return category;
  if (error != NULL || (all = sz_record_category_list (db, FALSE, &error)) == NULL)
    {
      *status = records_fail (error);
      return NULL;
    }
  for (guint i = 0; i < all->len; i++)
    {
      if (names->len > 0)
        /* Translators: separates the names in a list of categories */
        g_string_append (names, _(", "));
      g_string_append (names, ((SzRecordCategory *) all->pdata[i])->name);
    }
  /* Translators: an option, what the user typed, the category names */
  g_printerr (_("Error: %s “%s”: there is no such category. The categories are: %s.\n"), option, name, names->str);
  *status = EXIT_ERROR;
  return NULL;
}

/* The time of an option, local time; FALSE after printing why. */
gboolean
records_parse_time (const char *text,
                    const char *option,
                    gint64     *t,
                    int        *status)
{
  g_autoptr(GError) error = NULL;

  *t = 0;
  if (text == NULL)
    return TRUE;
  if (sz_record_parse_time (text, option, t, &error))
    return TRUE;
  print_error (error);
  *status = EXIT_USAGE;
  return FALSE;
}

/* --month, or the current month; FALSE after printing why. */
static char *
shown_phone (const char *normal)
{
  if (normal == NULL || *normal == '\0')
    return g_strdup (_("no phone"));
  return opt_full_phones ? sz_phone_format (normal) : sz_phone_mask (normal);
}

/* ---- list ---------------------------------------------------------------- */

static int
records_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "status", 0, 0, G_OPTION_ARG_STRING, &opt_status, N_("Only records in this state, or “open” for any open one"), N_("STATUS") },
    { "overdue", 0, 0, G_OPTION_ARG_NONE, &opt_overdue, N_("Only open records past their due time"), NULL },
    { "due-today", 0, 0, G_OPTION_ARG_NONE, &opt_due_today, N_("Only open records due before the end of today"), NULL },
    { "awaiting-follow-up", 0, 0, G_OPTION_ARG_NONE, &opt_awaiting, N_("Only resolved records waiting for the follow-up call (回访)"), NULL },
    { "grid", 0, 0, G_OPTION_ARG_STRING, &opt_grid, N_("Only records in the grid of this number (“none”: under no grid)"), N_("N") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &opt_category, N_("Only records of this category"), N_("NAME") },
    { "channel", 0, 0, G_OPTION_ARG_STRING, &opt_channel, N_("Only records that came in this way"), N_("CHANNEL") },
    { "month", 'm', 0, G_OPTION_ARG_STRING, &opt_month, N_("Only records received in this month"), N_("YYYY-MM") },
    { "search", 's', 0, G_OPTION_ARG_STRING, &opt_search, N_("Only records with this text in the description, place or history"), N_("TEXT") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N records, newest first (default 50; 0: all)"), N_("N") },
    { "full-phones", 0, 0, G_OPTION_ARG_NONE, &opt_full_phones, N_("Lists never show reporters; see “records show ID --full-phones”"), NULL },
    { NULL }
  };
  const char *command = "records list";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecordCategory) category = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) table = records_table_new ();
  g_autoptr(GError) error = NULL;
  SzRecordFilter filter;
  SzRecordStatus status;
  SzChannel channel;
  int exit_status = EXIT_ERROR;
  guint total = 0;

  if (!parse_options (command, "",
                      _("Lists the community's records, newest first: number, when received, channel, place, "
                        "category, state and due time. Reporters are never listed. "
                        "Channels: wechat, visit, phone, patrol, city_hotline, other. "
                        "States: received, reported, dispatched, returned, suspended, resolved, followed_up, "
                        "reopened, closed."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_status != NULL && !g_str_equal (opt_status, "open") && !g_str_equal (opt_status, "all")
      && !sz_record_status_from_string (opt_status, &status))
    return records_bad_value (command, "--status", opt_status, NAMES_STATUS);
  if (opt_channel != NULL && !sz_channel_from_string (opt_channel, &channel))
    return records_bad_value (command, "--channel", opt_channel, NAMES_CHANNEL);
  if (opt_limit < 0)
    /* Translators: %d is the value given to --limit */
    return records_usage_error (command, _("--limit must be 0 (all) or more, not %d."), opt_limit);
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;

  sz_record_filter_init (&filter, community->id);
  if (opt_status != NULL)
    filter.status = g_str_equal (opt_status, "open") ? SZ_RECORD_FILTER_OPEN
                    : g_str_equal (opt_status, "all") ? SZ_RECORD_FILTER_ANY_STATUS : (int) status;
  filter.overdue = opt_overdue;
  filter.due_today = opt_due_today;
  filter.awaiting_follow_up = opt_awaiting;
  filter.channel = opt_channel != NULL ? (int) channel : -1;
  filter.limit = opt_limit;
  filter.search = g_strdup (opt_search);
  if (opt_month != NULL && !sz_record_parse_month (opt_month, &filter.month_start, &filter.month_end, &error))
    {
      sz_record_filter_clear (&filter);
      return records_usage_error (command, _("--month “%s”: write the month as YYYY-MM, for example 2026-11."),
                                  opt_month);
    }
  if ((opt_grid != NULL
       && (filter.grid_id = records_find_grid (db, community, command, "--grid", opt_grid, &exit_status)) == 0)
      || (opt_category != NULL
          && (category = records_find_category (db, "--category", opt_category, &exit_status)) == NULL))
    {
      sz_record_filter_clear (&filter);
      return exit_status;
    }
  filter.category_id = category ? category->id : 0;
  rows = sz_record_list (db, &filter, &total, &error);
  sz_record_filter_clear (&filter);
  if (rows == NULL)
    return records_fail (error);
  if (rows->len == 0)
    {
      g_print (_("No records match.\n"));
      return EXIT_OK;
    }

  records_table_add (table, _("No."), _("Received"), _("Channel"), _("Place"), _("Category"), _("State"), _("Due"), "", NULL);
  for (guint i = 0; i < rows->len; i++)
    {
      SzRecordRow *row = rows->pdata[i];
      g_autofree char *id = records_id_text (row->id);
      g_autofree char *received = sz_record_format_time (row->received_at);
      g_autofree char *due = NULL;

      if (!sz_record_status_is_open (row->status))
        due = g_strdup ("");
      else if (row->due_at == 0)
        /* Translators: the due column of a suspended record */
        due = g_strdup (_("(clock stopped)"));
      else
        due = sz_record_format_time (row->due_at);
      records_table_add (table, id, received, sz_channel_title (row->channel), row->place_text, row->category_name,
                         sz_record_status_title (row->status), due,
                         /* Translators: marks an overdue record in a list */
                         row->overdue ? _("OVERDUE") : "", NULL);
    }
  records_print_table (table, "rlllllll");
  if (total > rows->len)
    /* Translators: shown, then how many match */
    g_print (g_dngettext (GETTEXT_PACKAGE, "Showing %u of %u record; --limit 0 shows all.\n",
                          "Showing %u of %u records; --limit 0 shows all.\n", total),
             rows->len, total);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%u record.\n", "%u records.\n", total), total);
  return EXIT_OK;
}

/* ---- show ---------------------------------------------------------------- */

/* "resolve, suspend, …" or "nothing: the record is closed". */
char *
records_actions_now (const SzRecordState *state)
{
  SzAction actions[SZ_N_ACTIONS];
  guint n = sz_record_state_actions (state, actions);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < n; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, sz_action_to_string (actions[i]));
    }
  if (n == 0)
    g_string_append (s, _("nothing: the record is closed"));
  return g_string_free (s, FALSE);
}

void
records_print_state (const SzRecordState *state)
{
  g_autofree char *status = NULL;

  if (state->status == SZ_RECORD_SUSPENDED)
    {
      g_autofree char *since = sz_record_format_time (state->suspended_since);
      /* Translators: a state and since when; the clock of the time limit is stopped */
      status = g_strdup_printf (_("%s since %s (the clock is stopped)"), sz_record_status_title (state->status), since);
    }
  else if (sz_record_status_is_open (state->status))
    {
      g_autofree char *due = sz_record_format_time (state->due_at);

      if (sz_record_state_is_overdue (state, sz_record_now ()))
        /* Translators: a state and a due time */
        status = g_strdup_printf (_("%s, due %s: OVERDUE"), sz_record_status_title (state->status), due);
      else
        status = g_strdup_printf (_("%s, due %s"), sz_record_status_title (state->status), due);
    }
  else
    status = g_strdup (sz_record_status_title (state->status));
  g_print (_("State: %s\n"), status);
  if (state->resolved_at != 0)
    {
      g_autofree char *at = sz_record_format_time (state->resolved_at);
      g_print (_("Resolved: %s (%s)\n"), at,
               sz_record_state_resolved_on_time (state) ? _("in time") : _("late"));
    }
  if (state->satisfaction != SZ_SATISFACTION_NONE)
    g_print (_("Resident: %s\n"), sz_satisfaction_title (state->satisfaction));
}

static void
print_event (const SzRecordEvent *e)
{
  g_autofree char *at = sz_record_format_time (e->at);
  g_autoptr(GString) line = g_string_new (NULL);

  g_string_append_printf (line, "  %s  %s", at, sz_action_title (e->action));
  if (e->department != NULL && *e->department)
    {
      /* Translators: where a record was dispatched to */
      g_string_append_printf (line, _(" to %s"), e->department);
      if (e->contact != NULL && *e->contact)
        g_string_append_printf (line, _(" (contact: %s)"), e->contact);
    }
  if (e->satisfaction != SZ_SATISFACTION_NONE)
    /* Translators: in a history line, before the follow-up's answer */
    g_string_append_printf (line, _(": %s"), sz_satisfaction_title (e->satisfaction));
  /* Translators: who wrote a history entry */
  g_string_append_printf (line, _(", by %s"), e->actor);
  if (e->note != NULL && *e->note)
    /* Translators: in a history line, before the entry's note */
    g_string_append_printf (line, _(": %s"), e->note);
  g_print ("%s\n", line->str);
}

static int
records_show (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "full-phones", 0, 0, G_OPTION_ARG_NONE, &opt_full_phones, N_("Show the reporter’s phone in full (masked by default)"), NULL },
    { NULL }
  };
  const char *command = "records show";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree SzRecordState *state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;
  g_autofree char *actions = NULL;
  gint64 id;

  if (!parse_options (command, _("ID"),
                      _("Shows a record: when and how it came in, the reporter (the phone masked unless "
                        "--full-phones), the place, category, time limit and description, its whole history, "
                        "and what can be done with it now."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("say which record, for example: sanzhang-cli records show 12"));
  if (!records_parse_id (argv[1], &id))
    /* Translators: %s is what the user typed */
    return records_usage_error (command, _("“%s” is not a record number."), argv[1]);
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if ((record = sz_record_get (db, id, &error)) == NULL
      || (history = sz_record_history (db, id, &error)) == NULL
      || (state = sz_record_get_state (db, id, &error)) == NULL)
    return records_fail (error);

  received = sz_record_format_time (record->received_at);
  /* Translators: a record's number */
  g_print (_("Record %s\n"), argv[1]);
  /* Translators: when, the channel, and who entered it */
  g_print (_("Received: %s, %s, entered by %s\n"), received, sz_channel_title (record->channel),
           record->actor ? record->actor : "");
  if (record->reporter_name != NULL && *record->reporter_name)
    {
      g_autofree char *phone = shown_phone (record->reporter_phone);
      /* Translators: the resident who reported it, and their phone */
      g_print (_("Reporter: %s, %s\n"), record->reporter_name, phone);
    }
  else if (record->reporter_phone != NULL && *record->reporter_phone)
    {
      g_autofree char *phone = shown_phone (record->reporter_phone);
      g_print (_("Reporter: no name given, %s\n"), phone);
    }
  else
    g_print (_("Reporter: anonymous\n"));
  g_print (_("Place: %s\n"), record->place_text);
  g_print (_("Category: %s\n"), record->category_name);
  g_print (_("Duty: %s\n"), sz_duty_kind_title (record->duty));
  g_print (_("Time limit: %s\n"), sz_time_class_title (record->time_class));
  g_print (_("Brought in by: %s\n"), record->head_name ? record->head_name : _("nobody"));
  g_print (_("Description: %s\n"), record->description);
  records_print_state (state);
  g_print (_("History:\n"));
  for (guint i = 0; i < history->len; i++)
    print_event (history->pdata[i]);
  actions = records_actions_now (state);
  g_print (_("Possible now: %s\n"), actions);
  return EXIT_OK;
}

/* ---- records ------------------------------------------------------------- */

static const Command subcommands[] = {
  { "list", N_("List records, newest first, with filters"), records_list },
  { "show", N_("Show a record, its history and what can be done now"), records_show },
  { "add", N_("Record what a resident reported"), records_add },
  { "act", N_("Add to a record’s history: dispatch, resolve, follow up, …"), records_act },
  { "stats", N_("The month’s response, resolution and satisfaction rates"), records_stats },
  { "report", N_("Write the month’s report as PDF"), records_report },
  { "categories", N_("List or change the categories"), records_categories },
  { "places", N_("List the places a record can name"), records_places },
};

static void
print_records_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli records SUBCOMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Residents’ issue records (民情): intake, their history to the end, time limits and the month’s figures."));
  fprintf (out, "\n%s\n", _("Subcommands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
  fprintf (out, "\n%s\n", _("Run “sanzhang-cli records SUBCOMMAND --help” for the options of a subcommand."));
}

int
cmd_records (int argc, char **argv)
{
  const char *sub = NULL;
  const char *early = NULL;
  int i;

  i = find_command_word (argc, argv, &early);
  if (early != NULL)
    {
      print_records_usage (stdout);
      return EXIT_OK;
    }
  if (i < 0)
    {
      print_records_usage (stderr);
      return EXIT_USAGE;
    }
  sub = argv[i];
  for (guint s = 0; s < G_N_ELEMENTS (subcommands); s++)
    if (g_str_equal (sub, subcommands[s].name))
      return run_command (&subcommands[s], argc, argv, i);
  /* Translators: %s is what the user typed */
  g_printerr (_("Error: “%s” is not a subcommand of records.\n\n"), sub);
  print_records_usage (stderr);
  return EXIT_USAGE;
}
