/* sz-cli-records-edit.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The subcommands of "sanzhang-cli records" that write: add, act and
 * categories; and places, which lists the names add takes for places. */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-cli-records.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-tree.h"

/* Options; one subcommand runs per process. */
static char *opt_channel;
static char *opt_place;
static char *opt_category;
static char *opt_description;
static char *opt_duty;
static char *opt_reporter;
static char *opt_reporter_phone;
static char *opt_head;
static char *opt_class;
static char *opt_at;
static char *opt_note;
static char *opt_actor;
static char *opt_department;
static char *opt_contact;
static char *opt_satisfaction;
static char *opt_add;
static char *opt_rename;
static char *opt_to;
static char *opt_class_of;
static char *opt_remove;
static char *opt_restore;
static char *opt_move;
static int opt_position;

/* ---- add ----------------------------------------------------------------- */

/* --place: "unit:ID", "building:ID", "compound:ID" or "compound:NAME",
 * "grid:N" (its number) or "community".  Database ids are what
 * "records places" prints; a grid's number and a compound's name are what
 * people know. */
static gboolean
resolve_place (SzDb        *db,
               SzCommunity *community,
               const char  *text,
               SzNodeKind  *kind,
               gint64      *id,
               int         *status)
{
  const char *command = "records add";
  const char *colon = strchr (text, ':');
  g_autofree char *kind_text = colon ? g_strndup (text, colon - text) : g_strdup (text);
  const char *value = colon ? colon + 1 : NULL;
  g_autoptr(GError) error = NULL;
  gint64 owner = 0;

  if (!sz_node_kind_from_string (kind_text, kind)
      || (*kind == SZ_NODE_COMMUNITY) != (value == NULL)
      || (value != NULL && *value == '\0'))
    {
      /* Translators: %s is what the user typed */
      *status = records_usage_error (command, _("--place “%s”: write unit:ID, building:ID, compound:ID or compound:NAME, "
                                                "grid:NUMBER or community; “sanzhang-cli records places” lists them."), text);
      return FALSE;
    }
  switch (*kind)
    {
    case SZ_NODE_COMMUNITY:
      *id = community->id;
      return TRUE;
    case SZ_NODE_GRID:
      *id = records_find_grid (db, community, command, "--place", text, status);
      if (*id == -1)
        *status = records_usage_error (command, _("--place “%s”: name a grid by its number."), text);
      return *id > 0;
    case SZ_NODE_COMPOUND:
      {
        g_autoptr(GPtrArray) compounds = sz_compound_list (db, community->id, &error);
        gint64 wanted = 0;

        if (compounds == NULL)
          break;
        records_parse_id (value, &wanted);
        for (guint i = 0; i < compounds->len; i++)
          {
            SzCompound *c = compounds->pdata[i];

            if (c->id == wanted || g_str_equal (c->name, value))
              {
                *id = c->id;
                return TRUE;
              }
          }
        owner = -1;
        break;
      }
    case SZ_NODE_BUILDING:
    case SZ_NODE_UNIT:
      {
        g_autoptr(SzUnit) unit = NULL;
        g_autoptr(SzBuilding) building = NULL;
        g_autoptr(SzCompound) compound = NULL;
        gint64 building_id;

        owner = -1;
        if (!records_parse_id (value, id))
          {
            *status = records_usage_error (command, _("--place “%s”: a building or unit is named by its number, "
                                                      "as “sanzhang-cli records places” lists them."), text);
            return FALSE;
          }
        if (*kind == SZ_NODE_UNIT)
          {
            unit = sz_unit_get (db, *id, NULL);
            building_id = unit ? unit->building_id : 0;
          }
        else
          building_id = *id;
        if (building_id != 0 && (building = sz_building_get (db, building_id, NULL)) != NULL
            && (compound = sz_compound_get (db, building->compound_id, NULL)) != NULL)
          owner = compound->community_id;
        if (owner == community->id)
          return TRUE;
        break;
      }
    default:
      g_assert_not_reached ();
    }
  if (error != NULL)
    {
      *status = records_fail (error);
      return FALSE;
    }
  /* Translators: what the user typed, a community */
  g_printerr (_("Error: --place “%s”: there is no such place in %s; “sanzhang-cli records places” lists them.\n"),
              text, community->name);
  *status = EXIT_ERROR;
  return FALSE;
}

/* --head: a person's number or their exact name, in @community. */
static gboolean
resolve_head (SzDb        *db,
              SzCommunity *community,
              const char  *text,
              gint64     *id,
              int        *status)
{
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) matches = g_string_new (NULL);
  guint n = 0;

  if (records_parse_id (text, id))
    {
      g_autoptr(SzPerson) p = sz_person_get (db, *id, NULL);

      if (p != NULL && p->community_id == community->id)
        return TRUE;
    }
  if ((people = sz_person_list_in (db, community->id, &error)) == NULL)
    {
      *status = records_fail (error);
      return FALSE;
    }
  for (guint i = 0; i < people->len; i++)
    {
      SzPerson *p = people->pdata[i];

      if (g_str_equal (p->name, text))
        {
          g_autofree char *pid = records_id_text (p->id);
          g_autofree char *phone = p->phone ? sz_phone_mask (p->phone) : g_strdup (_("no phone"));

          *id = p->id;
          n++;
          g_string_append_printf (matches, "  --head %s  (%s, %s)\n", pid, p->name, phone);
        }
    }
  if (n == 1)
    return TRUE;
  if (n == 0)
    /* Translators: %s is what the user typed */
    g_printerr (_("Error: --head “%s”: there is nobody of that name or number on the roster.\n"), text);
  else
    {
      g_printerr (_("Error: --head “%s”: several people have that name; give one of these instead:\n"), text);
      g_printerr ("%s", matches->str);
    }
  *status = EXIT_ERROR;
  return FALSE;
}

int
records_add (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "channel", 0, 0, G_OPTION_ARG_STRING, &opt_channel, N_("How it came in: wechat, visit, phone, patrol, city_hotline (12345) or other"), N_("CHANNEL") },
    { "place", 0, 0, G_OPTION_ARG_STRING, &opt_place, N_("Where: unit:ID, building:ID, compound:ID or compound:NAME, grid:NUMBER or community"), N_("PLACE") },
    { "category", 0, 0, G_OPTION_ARG_STRING, &opt_category, N_("The category, by name (see “records categories”)"), N_("NAME") },
    { "description", 0, 0, G_OPTION_ARG_STRING, &opt_description, N_("What was reported"), N_("TEXT") },
    { "duty", 0, 0, G_OPTION_ARG_STRING, &opt_duty, N_("Which duty: collect (default), publicise, mediate, serve or supervise"), N_("DUTY") },
    { "reporter", 0, 0, G_OPTION_ARG_STRING, &opt_reporter, N_("The resident’s name (private; leave out for anonymous)"), N_("NAME") },
    { "reporter-phone", 0, 0, G_OPTION_ARG_STRING, &opt_reporter_phone, N_("The resident’s phone (private: masked on screen)"), N_("PHONE") },
    { "head", 0, 0, G_OPTION_ARG_STRING, &opt_head, N_("The head who brought it in, by name or number"), N_("PERSON") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &opt_class, N_("Time limit: emergency, utility, general or complex (default: the category’s)"), N_("CLASS") },
    { "at", 0, 0, G_OPTION_ARG_STRING, &opt_at, N_("When it was received (default: now)"), N_("“YYYY-MM-DD HH:MM”") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("A note on the received entry"), N_("TEXT") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who enters it (default: your user name)"), N_("WHO") },
    { NULL }
  };
  const char *command = "records add";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecordCategory) category = NULL;
  g_autoptr(SzRecord) record = sz_record_new ();
  g_autofree SzRecordState *state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *id = NULL;
  g_autofree char *due = NULL;
  int status = EXIT_ERROR;

  if (!parse_options (command, "",
                      _("Records what a resident reported, with its “received” entry, and prints its number and "
                        "due time. Needs --channel, --place, --category and --description."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (opt_channel == NULL || opt_place == NULL || opt_category == NULL || opt_description == NULL)
    return records_usage_error (command, _("a record needs --channel, --place, --category and --description; missing: %s."),
                                opt_channel == NULL ? "--channel" : opt_place == NULL ? "--place"
                                : opt_category == NULL ? "--category" : "--description");
  if (!sz_channel_from_string (opt_channel, &record->channel))
    return records_bad_value (command, "--channel", opt_channel, NAMES_CHANNEL);
  record->duty = SZ_DUTY_COLLECT;
  if (opt_duty != NULL && !sz_duty_kind_from_string (opt_duty, &record->duty))
    return records_bad_value (command, "--duty", opt_duty, NAMES_DUTY);
  if (opt_class != NULL && !sz_time_class_from_string (opt_class, &record->time_class))
    return records_bad_value (command, "--class", opt_class, NAMES_CLASS);
  if (!records_parse_time (opt_at, "--at", &record->received_at, &status))
    return status;
  if (opt_reporter_phone != NULL && *opt_reporter_phone)
    {
      record->reporter_phone = sz_phone_normalize (opt_reporter_phone, "--reporter-phone", NULL, &error);
      if (record->reporter_phone == NULL)
        {
          print_error (error);
          return EXIT_USAGE;
        }
    }
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if (opt_actor != NULL)
    sz_db_set_actor (db, opt_actor);

  record->community_id = community->id;
  record->reporter_name = g_strdup (opt_reporter ? opt_reporter : "");
  record->description = g_strdup (opt_description);
  if (!resolve_place (db, community, opt_place, &record->place_kind, &record->place_id, &status)
      || (category = records_find_category (db, "--category", opt_category, &status)) == NULL
      || (opt_head != NULL && !resolve_head (db, community, opt_head, &record->head_person_id, &status)))
    return status;
  record->category_id = category->id;
  if (opt_class == NULL)
    record->time_class = category->time_class;
  if (!sz_record_add (db, record, opt_note, &error)
      || (state = sz_record_get_state (db, record->id, &error)) == NULL)
    return records_fail (error);

  id = records_id_text (record->id);
  due = sz_record_format_time (state->due_at);
  /* Translators: a record's number */
  g_print (_("Added record %s.\n"), id);
  /* Translators: a time, and the time limit */
  g_print (_("Due: %s (%s).\n"), due, sz_time_class_title (record->time_class));
  return EXIT_OK;
}

/* ---- act ----------------------------------------------------------------- */

int
records_act (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "at", 0, 0, G_OPTION_ARG_STRING, &opt_at, N_("When it happened (default: now)"), N_("“YYYY-MM-DD HH:MM”") },
    { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who did it (default: your user name)"), N_("WHO") },
    { "note", 0, 0, G_OPTION_ARG_STRING, &opt_note, N_("Why, or what was done (needed to return, suspend, resolve and reopen)"), N_("TEXT") },
    { "department", 0, 0, G_OPTION_ARG_STRING, &opt_department, N_("dispatch: the department or company it goes to"), N_("NAME") },
    { "contact", 0, 0, G_OPTION_ARG_STRING, &opt_contact, N_("dispatch: their contact"), N_("TEXT") },
    { "satisfaction", 0, 0, G_OPTION_ARG_STRING, &opt_satisfaction, N_("follow_up: satisfied, basically or dissatisfied"), N_("HOW") },
    { NULL }
  };
  const char *command = "records act";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzRecordEvent) event = sz_record_event_new ();
  g_autofree SzRecordState *state = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *action_name = NULL;
  g_autofree char *names = records_valid_names (NAMES_ACTION);
  int status = EXIT_ERROR;

  if (!parse_options (command, _("ID ACTION"),
                      _("Adds an entry to a record’s history. ACTION is one of report, dispatch (--department), "
                        "return (--note), suspend (--note), resume, resolve (--note), follow_up (--satisfaction), "
                        "reopen (--note) or close; only the actions valid now are accepted "
                        "(“records show ID” lists them)."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 2))
    return EXIT_USAGE;
  if (argc < 3)
    /* Translators: %s lists the actions */
    return records_usage_error (command, _("say which record and what happened, for example: "
                                           "sanzhang-cli records act 12 resolve --note \"…\" (actions: %s)."), names);
  if (!records_parse_id (argv[1], &event->record_id))
    return records_usage_error (command, _("“%s” is not a record number."), argv[1]);
  action_name = g_strdelimit (g_ascii_strdown (argv[2], -1), "-", '_');
  if (!sz_action_from_string (action_name, &event->action) || event->action == SZ_ACTION_RECEIVE)
    return records_bad_value (command, "ACTION", argv[2], NAMES_ACTION);
  if ((opt_department != NULL || opt_contact != NULL) && event->action != SZ_ACTION_DISPATCH)
    return records_usage_error (command, _("--department and --contact go only with dispatch."));
  if (opt_satisfaction != NULL && event->action != SZ_ACTION_FOLLOW_UP)
    return records_usage_error (command, _("--satisfaction goes only with follow_up."));
  if (event->action == SZ_ACTION_DISPATCH && (opt_department == NULL || *g_strstrip (opt_department) == '\0'))
    return records_usage_error (command, _("dispatch needs --department: the department or company it goes to."));
  if (event->action == SZ_ACTION_FOLLOW_UP && opt_satisfaction == NULL)
    return records_usage_error (command, _("follow_up needs --satisfaction: satisfied, basically or dissatisfied."));
  if (opt_satisfaction != NULL && (!sz_satisfaction_from_string (opt_satisfaction, &event->satisfaction)
                                   || event->satisfaction == SZ_SATISFACTION_NONE))
    return records_bad_value (command, "--satisfaction", opt_satisfaction, NAMES_SATISFACTION);
  if ((event->action == SZ_ACTION_RETURN || event->action == SZ_ACTION_SUSPEND
       || event->action == SZ_ACTION_RESOLVE || event->action == SZ_ACTION_REOPEN)
      && (opt_note == NULL || *g_strstrip (opt_note) == '\0'))
    /* Translators: %s is an action; the note says why, or what was done */
    return records_usage_error (command, _("%s needs --note: %s."), action_name,
                                event->action == SZ_ACTION_RESOLVE ? _("what was done") : _("why"));
  if (!records_parse_time (opt_at, "--at", &event->at, &status))
    return status;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;

  event->actor = g_strdup (opt_actor);
  event->note = g_strdup (opt_note ? opt_note : "");
  event->department = g_strdup (opt_department ? opt_department : "");
  event->contact = g_strdup (opt_contact ? opt_contact : "");
  if (!sz_record_act (db, event, &error))
    {
      status = records_fail (error);
      /* A refusal: say what would be accepted. */
      if (g_error_matches (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_TRANSITION)
          && (state = sz_record_get_state (db, event->record_id, NULL)) != NULL)
        {
          g_autofree char *actions = records_actions_now (state);
          /* Translators: the actions as typed on the command line */
          g_printerr (_("Actions possible now, as this command takes them: %s\n"), actions);
        }
      return status;
    }
  if ((state = sz_record_get_state (db, event->record_id, &error)) == NULL)
    return records_fail (error);
  {
    g_autofree char *id = records_id_text (event->record_id);
    g_autofree char *at = sz_record_format_time (event->at);

    /* Translators: a record's number, an action, a time */
    g_print (_("Record %s: “%s” entered for %s.\n"), id, sz_action_title (event->action), at);
    records_print_state (state);
  }
  return EXIT_OK;
}

/* ---- categories ---------------------------------------------------------- */

static int
list_categories (SzDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_record_category_list (db, TRUE, &error);
  g_autoptr(GPtrArray) table = records_table_new ();

  if (all == NULL)
    return records_fail (error);
  records_table_add (table, _("No."), _("Category"), _("Time limit"), "", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SzRecordCategory *c = all->pdata[i];
      g_autofree char *position = g_strdup_printf ("%d", c->position);

      records_table_add (table, position, c->name, sz_time_class_title (c->time_class),
                         /* Translators: a category kept for old records only */
                         c->retired ? _("retired: kept for old records") : "", NULL);
    }
  records_print_table (table, "rlll");
  return EXIT_OK;
}

int
records_categories (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "add", 0, 0, G_OPTION_ARG_STRING, &opt_add, N_("Add a category (with --class)"), N_("NAME") },
    { "rename", 0, 0, G_OPTION_ARG_STRING, &opt_rename, N_("Rename a category (with --to)"), N_("NAME") },
    { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to, N_("The new name"), N_("NEW") },
    { "class-of", 0, 0, G_OPTION_ARG_STRING, &opt_class_of, N_("Change the default time limit of a category (with --class)"), N_("NAME") },
    { "class", 0, 0, G_OPTION_ARG_STRING, &opt_class, N_("emergency, utility, general or complex"), N_("CLASS") },
    { "remove", 0, 0, G_OPTION_ARG_STRING, &opt_remove, N_("Remove a category; one that records use is retired instead"), N_("NAME") },
    { "restore", 0, 0, G_OPTION_ARG_STRING, &opt_restore, N_("Offer a retired category again"), N_("NAME") },
    { "move", 0, 0, G_OPTION_ARG_STRING, &opt_move, N_("Move a category in the list (with --position)"), N_("NAME") },
    { "position", 0, 0, G_OPTION_ARG_INT, &opt_position, N_("Its new place, from 1"), N_("N") },
    { NULL }
  };
  const char *command = "records categories";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzRecordCategory) category = NULL;
  g_autoptr(GError) error = NULL;
  const char *name;
  SzTimeClass time_class = SZ_TIME_GENERAL;
  int n_edits, status = EXIT_ERROR;
  gboolean ok;

  if (!parse_options (command, "",
                      _("Lists the categories records can have, with the time limit each gives new records by "
                        "default; with an option, changes the list."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  n_edits = (opt_add != NULL) + (opt_rename != NULL) + (opt_class_of != NULL) + (opt_remove != NULL)
            + (opt_restore != NULL) + (opt_move != NULL);
  if (n_edits > 1)
    return records_usage_error (command, _("choose one of --add, --rename, --class-of, --remove, --restore and --move."));
  if ((opt_add != NULL || opt_class_of != NULL) && opt_class == NULL)
    return records_usage_error (command, _("--add and --class-of need --class: emergency, utility, general or complex."));
  if (opt_class != NULL && !sz_time_class_from_string (opt_class, &time_class))
    return records_bad_value (command, "--class", opt_class, NAMES_CLASS);
  if (opt_class != NULL && opt_add == NULL && opt_class_of == NULL)
    return records_usage_error (command, _("--class goes with --add or --class-of."));
  if ((opt_rename != NULL) != (opt_to != NULL))
    return records_usage_error (command, _("--rename and --to go together."));
  if ((opt_move != NULL) != (opt_position != 0))
    return records_usage_error (command, _("--move and --position go together."));
  if (opt_move != NULL && opt_position < 1)
    return records_usage_error (command, _("--position must be 1 or more, not %d."), opt_position);
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL)
    return EXIT_ERROR;
  if (n_edits == 0)
    return list_categories (db);

  if (opt_add != NULL)
    {
      if (!sz_record_category_add (db, opt_add, time_class, NULL, &error))
        return records_fail (error);
      /* Translators: a category */
      g_print (_("Added the category “%s”.\n"), opt_add);
      return list_categories (db);
    }
  name = opt_rename ? opt_rename : opt_class_of ? opt_class_of : opt_remove ? opt_remove
         : opt_restore ? opt_restore : opt_move;
  if ((category = records_find_category (db, opt_rename ? "--rename" : opt_class_of ? "--class-of" : opt_remove ? "--remove"
                                         : opt_restore ? "--restore" : "--move", name, &status)) == NULL)
    return status;
  if (opt_rename != NULL)
    ok = sz_record_category_update (db, category->id, opt_to, category->time_class, &error);
  else if (opt_class_of != NULL)
    ok = sz_record_category_update (db, category->id, category->name, time_class, &error);
  else if (opt_restore != NULL)
    ok = sz_record_category_set_retired (db, category->id, FALSE, &error);
  else if (opt_move != NULL)
    ok = sz_record_category_move (db, category->id, opt_position, &error);
  else
    {
      ok = sz_record_category_remove (db, category->id, FALSE, &error);
      if (!ok && g_error_matches (error, SZ_RECORD_ERROR, SZ_RECORD_ERROR_IN_USE))
        {
          /* Records keep their category: retire it, and say so. */
          g_print ("%s\n", error->message);
          g_clear_error (&error);
          ok = sz_record_category_remove (db, category->id, TRUE, &error);
          if (ok)
            g_print (_("“%s” is retired instead: kept for those records, no longer offered for new ones.\n"), name);
        }
      else if (ok)
        g_print (_("Removed the category “%s”.\n"), name);
    }
  if (!ok)
    return records_fail (error);
  return list_categories (db);
}

/* ---- places -------------------------------------------------------------- */

static void
print_place (SzTreeNode *node,
             GHashTable *grid_numbers,
             int         depth)
{
  g_autofree char *ident = NULL;
  g_autofree char *line = NULL;
  int pad;

  switch (node->kind)
    {
    case SZ_NODE_COMMUNITY:
      ident = g_strdup ("community");
      break;
    case SZ_NODE_GRID:
      ident = g_strdup_printf ("grid:%d", GPOINTER_TO_INT (g_hash_table_lookup (grid_numbers, &node->id)));
      break;
    default:
      ident = g_strdup_printf ("%s:%" G_GINT64_FORMAT,
                               node->kind == SZ_NODE_COMPOUND ? "compound"
                               : node->kind == SZ_NODE_BUILDING ? "building" : "unit", node->id);
    }
  pad = MAX (1, 24 - 2 * depth - (int) strlen (ident));
  g_print ("%*s%s%*s%s\n", 2 * depth, "", ident, pad, "", node->label);
  for (guint i = 0; i < node->children->len; i++)
    print_place (node->children->pdata[i], grid_numbers, depth + 1);
}

int
records_places (int argc, char **argv)
{
  const char *command = "records places";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GError) error = NULL;

  if (!parse_options (command, "",
                      _("Lists the community’s places as “records add --place” names them: grid:NUMBER, "
                        "compound:ID, building:ID, unit:ID, or community."),
                      NULL, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  if ((tree = sz_tree_load (db, community->id, &error)) == NULL
      || (grids = sz_grid_list (db, community->id, &error)) == NULL)
    return records_fail (error);
  for (guint i = 0; i < grids->len; i++)
    {
      SzGrid *g = grids->pdata[i];
      g_hash_table_insert (numbers, &g->id, GINT_TO_POINTER (g->number));
    }
  print_place (tree, numbers, 0);
  return EXIT_OK;
}
