/* sz-cli-wechat.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli groups: the heads' WeChat groups, one per grid, building
 * and unit — list them (and the places without one), set one, clear one. */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "sz-check.h"
#include "sz-cli.h"
#include "sz-post.h"
#include "sz-tree.h"
#include "sz-wechat.h"

int cmd_groups (int argc, char **argv);

/* Options; one subcommand runs per process. */
static gint64 opt_grid;
static gint64 opt_building;
static gint64 opt_unit;
static char *opt_name;
static gint64 opt_admin = -1;
static int opt_members = -1;
static char *opt_qr;
static char *opt_taken;
static gboolean opt_no_qr;
static gboolean opt_missing;

static const char *
kind_text (SzQrKind kind)
{
  switch (kind)
    {
    /* Translators: what a WeChat group's QR image holds, in the list */
    case SZ_QR_PERSONAL: return _("personal code");
    /* Translators: what a WeChat group's QR image holds, in the list */
    case SZ_QR_GROUP: return _("group code (expires)");
    /* Translators: what a WeChat group's QR image holds, in the list */
    case SZ_QR_OTHER: return _("another code");
    /* Translators: what a WeChat group's QR image holds, in the list */
    case SZ_QR_NONE: return _("no code found");
    default: g_return_val_if_reached ("");
    }
}

/* "--unit 12": how the other subcommands name the place. */
static char *
place_option (SzLevel level,
              gint64  place_id)
{
  return g_strdup_printf ("--%s %" G_GINT64_FORMAT, sz_level_to_string (level), place_id);
}

static int
groups_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "missing", 'm', 0, G_OPTION_ARG_NONE, &opt_missing, N_("List the grids, buildings and units without a group instead"), NULL },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!parse_options ("groups list", "",
                      _("Lists the heads' WeChat groups: place, name, admin, members and the admin's QR code, "
                        "with what is wrong with it."),
                      entries, &argc, &argv)
      || too_many_arguments ("groups list", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;

  if (opt_missing)
    {
      list = sz_places_without_group (db, community->id, &error);
      if (list == NULL)
        {
          print_error (error);
          return EXIT_ERROR;
        }
      for (guint i = 0; i < list->len; i++)
        {
          SzVacancy *v = list->pdata[i];

          g_autofree char *option = place_option (v->level, v->place_id);

          /* Translators: a place, then the option that names it ("--unit 12") */
          g_print (_("%s  [%s]\n"), v->place, option);
        }
      /* Translators: the last line of the list of places without a WeChat group */
      g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u place without a WeChat group.\n",
                            "%s: %u places without a WeChat group.\n", list->len),
               community->name, list->len);
      return EXIT_OK;
    }

  list = sz_wechat_group_list (db, community->id, FALSE, &error);
  if (list == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SzWechatGroup *g = list->pdata[i];
      g_autofree char *place = sz_place_label (db, g->level, g->place_id, NULL);
      SzWechatWarnings w = sz_wechat_group_warnings (g, community->qr_max_age_days, NULL);
      g_auto(GStrv) texts = sz_wechat_warning_texts (g, w, community->qr_max_age_days);
      g_autofree char *qr = NULL;
      g_autofree char *option = place_option (g->level, g->place_id);

      if (g->qr_taken_on != NULL)
        /* Translators: what a QR image holds, then the day it was taken */
        qr = g_strdup_printf (_("%s, taken %s"), kind_text (g->qr_kind), g->qr_taken_on);
      else
        /* Translators: a WeChat group without a QR image */
        qr = g_strdup (_("no QR code"));
      /* Translators: the place, the group's name, its admin, members, its QR code, then the
       * option that names the place ("--unit 12") */
      g_print (_("%s — “%s”, admin %s, %d members, %s  [%s]\n"),
               place ? place : "", g->name, g->admin_name ? g->admin_name : _("(none)"), g->members, qr,
               option);
      for (guint j = 0; texts[j] != NULL; j++)
        g_print ("    ! %s\n", texts[j]);
    }
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u WeChat group.\n", "%s: %u WeChat groups.\n", list->len),
           community->name, list->len);
  return EXIT_OK;
}

/* The one place of --grid, --building or --unit; FALSE after printing why. */
static gboolean
chosen_place (const char *command,
              SzLevel    *level,
              gint64     *place_id)
{
  if ((opt_grid != 0) + (opt_building != 0) + (opt_unit != 0) != 1)
    {
      /* Translators: %s is a command ("groups set") */
      g_printerr (_("Error: %s: choose one place with --grid, --building or --unit (as “groups list” shows it).\n"),
                  command);
      return FALSE;
    }
  *level = opt_grid ? SZ_LEVEL_GRID : opt_building ? SZ_LEVEL_BUILDING : SZ_LEVEL_UNIT;
  *place_id = opt_grid ? opt_grid : opt_building ? opt_building : opt_unit;
  return TRUE;
}

#define PLACE_ENTRIES \
  { "grid", 0, 0, G_OPTION_ARG_INT64, &opt_grid, N_("The group of this grid"), N_("ID") }, \
  { "building", 0, 0, G_OPTION_ARG_INT64, &opt_building, N_("The group of this building"), N_("ID") }, \
  { "unit", 0, 0, G_OPTION_ARG_INT64, &opt_unit, N_("The group of this unit"), N_("ID") }

static int
groups_set (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    PLACE_ENTRIES,
    { "name", 'n', 0, G_OPTION_ARG_STRING, &opt_name, N_("The group's name (required for a new group)"), N_("NAME") },
    { "admin", 0, 0, G_OPTION_ARG_INT64, &opt_admin, N_("The admin: a person's id, 0 for none (default: the place's head for a new group)"), N_("ID") },
    { "members", 0, 0, G_OPTION_ARG_INT, &opt_members, N_("How many members it has (0 to 500)"), N_("N") },
    { "qr", 0, 0, G_OPTION_ARG_FILENAME, &opt_qr, N_("The admin's personal QR code, a PNG or JPEG screenshot"), N_("FILE") },
    { "taken", 0, 0, G_OPTION_ARG_STRING, &opt_taken, N_("The day the QR code was taken (default: today)"), N_("YYYY-MM-DD") },
    { "no-qr", 0, 0, G_OPTION_ARG_NONE, &opt_no_qr, N_("Remove the QR code"), NULL },
    { NULL }
  };
  const char *command = "groups set";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzWechatGroup) group = NULL;
  g_auto(GStrv) texts = NULL;
  SzLevel level;
  gint64 place_id;

  if (!parse_options (command, "",
                      _("Records the WeChat group of a grid, building or unit, or changes it: only the options "
                        "given change. Warns when the QR code is a group's own code, which expires after 7 days."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (!chosen_place (command, &level, &place_id))
    return EXIT_USAGE;
  if (opt_qr != NULL && opt_no_qr)
    {
      g_printerr (_("Error: %s: give --qr or --no-qr, not both.\n"), command);
      return EXIT_USAGE;
    }
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;

  group = sz_wechat_group_get (db, level, place_id, &error);
  if (error != NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if (group == NULL)
    {
      g_autoptr(SzPost) head = sz_post_get_current (db, level, place_id, NULL);

      group = sz_wechat_group_new ();
      group->level = level;
      group->place_id = place_id;
      /* A new group's admin is the place's head unless told otherwise. */
      group->admin_person_id = head ? head->person_id : 0;
    }
  if (opt_name != NULL)
    {
      g_free (group->name);
      group->name = g_strdup (opt_name);
    }
  if (opt_admin >= 0)
    group->admin_person_id = opt_admin;
  if (opt_members >= 0 || opt_members < -1)
    group->members = opt_members;
  if (opt_no_qr)
    {
      g_clear_pointer (&group->qr_data, g_bytes_unref);
      g_clear_pointer (&group->qr_taken_on, g_free);
    }
  if (opt_qr != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_commandline_arg (opt_qr);

      g_clear_pointer (&group->qr_data, g_bytes_unref);
      group->qr_data = g_file_load_bytes (file, NULL, NULL, &error);
      if (group->qr_data == NULL)
        {
          print_error (error);
          return EXIT_ERROR;
        }
      g_free (group->qr_taken_on);
      group->qr_taken_on = g_strdup (opt_taken);
    }
  else if (opt_taken != NULL)
    {
      g_free (group->qr_taken_on);
      group->qr_taken_on = g_strdup (opt_taken);
    }
  if (!sz_wechat_group_set (db, group, &error))
    {
      print_error (error);
      return EXIT_ERROR;
    }

  /* What the board will make of it, read back as stored. */
  g_clear_pointer (&group, sz_wechat_group_free);
  group = sz_wechat_group_get (db, level, place_id, &error);
  if (group == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  {
    g_autofree char *place = sz_place_label (db, level, place_id, NULL);

    /* Translators: a group's name, then its place */
    g_print (_("WeChat group “%s” of %s saved.\n"), group->name, place ? place : "");
  }
  texts = sz_wechat_warning_texts (group, sz_wechat_group_warnings (group, community->qr_max_age_days, NULL),
                                   community->qr_max_age_days);
  for (guint j = 0; texts[j] != NULL; j++)
    /* Translators: printed before a warning on the terminal */
    g_printerr (_("Warning: %s\n"), texts[j]);
  return EXIT_OK;
}

static int
groups_clear (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    PLACE_ENTRIES,
    { NULL }
  };
  const char *command = "groups clear";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GError) error = NULL;
  SzLevel level;
  gint64 place_id;

  if (!parse_options (command, "", _("Removes the WeChat group of a grid, building or unit."), entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (!chosen_place (command, &level, &place_id))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL)
    return EXIT_ERROR;
  if (!sz_wechat_group_clear (db, level, place_id, &error))
    {
      print_error (error);
      return EXIT_ERROR;
    }
  {
    g_autofree char *place = sz_place_label (db, level, place_id, NULL);

    /* Translators: %s is a place */
    g_print (_("The WeChat group of %s was removed.\n"), place ? place : "");
  }
  return EXIT_OK;
}

static const Command subcommands[] = {
  { "list", N_("List the groups, or with --missing the places without one"), groups_list },
  { "set", N_("Record or change the group of a grid, building or unit"), groups_set },
  { "clear", N_("Remove a place's group"), groups_clear },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli groups COMMAND [OPTION…]"));
  fprintf (out, "%s\n\n", _("The heads' WeChat groups, one per grid, building and unit. Boards print the admin's "
                            "personal QR code with “扫码加群”: a group's own code expires after 7 days."));
  fprintf (out, "%s\n", _("Commands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
}

int
cmd_groups (int argc, char **argv)
{
  const char *early = NULL;
  int i = find_command_word (argc, argv, &early);

  if (early != NULL)
    {
      print_usage (stdout);
      return EXIT_OK;
    }
  if (i < 0)
    {
      print_usage (stderr);
      return EXIT_USAGE;
    }
  for (guint s = 0; s < G_N_ELEMENTS (subcommands); s++)
    if (g_str_equal (argv[i], subcommands[s].name))
      return run_command (&subcommands[s], argc, argv, i);
  /* Translators: what the user typed, and a command such as “groups” */
  g_printerr (_("Error: “%s” is not a subcommand of %s.\n\n"), argv[i], "groups");
  print_usage (stderr);
  return EXIT_USAGE;
}
