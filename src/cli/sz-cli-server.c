/* sz-cli-server.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli server (init, grant, revoke, staff) and copy: setting up a
 * street office's PostgreSQL server and moving a database between a file
 * and the server (src/core/sz-server.h, sz-copy.h). */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "sz-copy.h"
#include "sz-server.h"

#include "sz-cli.h"

static gboolean opt_street;
static gboolean opt_password_stdin;
static char *opt_from;
static char *opt_to;

/* server init */

static int
server_init (int argc, char **argv)
{
  g_autoptr(SzDb) db = NULL;

  if (!parse_options ("server init", "",
                      _("Create the street office's database on the server given by --database postgresql://…, "
                        "or bring it up to this version. Run it as the server's administrator."),
                      NULL, &argc, &argv)
      || too_many_arguments ("server init", argc, argv, 0))
    return EXIT_USAGE;
  db = open_database (SZ_DB_OPEN_CREATE);
  if (db == NULL)
    return EXIT_ERROR;
  if (sz_db_get_engine (db) != SZ_DB_ENGINE_POSTGRESQL)
    {
      g_printerr (_("Error: “server init” is for a server: give --database postgresql://USER@HOST/DATABASE.\n"));
      return EXIT_USAGE;
    }
  /* Translators: %s is a server address, %d a data format version */
  g_print (_("The database %s is ready (data format %d).\n"), sz_db_get_display_name (db), sz_db_get_schema_version (db));
  g_print ("%s\n", _("Next: move a community's file onto it with “sanzhang-cli copy --from FILE --to ADDRESS”, "
                     "then give each staff member a login with “sanzhang-cli server grant NAME --community COMMUNITY”."));
  return EXIT_OK;
}

/* server grant, server revoke */

static char *
read_password (void)
{
  char line[512];
  gsize len;

  if (fgets (line, sizeof line, stdin) == NULL)
    return NULL;
  len = strcspn (line, "\r\n");
  line[len] = '\0';
  return len > 0 ? g_strdup (line) : NULL;
}

static int
grant_or_revoke (int       argc,
                 char    **argv,
                 gboolean  grant)
{
  const GOptionEntry grant_entries[] = {
    { "street", 0, 0, G_OPTION_ARG_NONE, &opt_street,
      N_("Every community of the street office, instead of the one of --community"), NULL },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &opt_password_stdin,
      N_("Set the login's password, read from the first line of the standard input"), NULL },
    { NULL }
  };
  const GOptionEntry revoke_entries[] = {
    { "street", 0, 0, G_OPTION_ARG_NONE, &opt_street,
      N_("Every community of the street office, instead of the one of --community"), NULL },
    { NULL }
  };
  const char *command = grant ? "server grant" : "server revoke";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;
  gboolean ok;

  if (!parse_options (command, _("LOGIN"),
                      grant ? _("Let a staff member (a server login, made if missing) see and edit a community, "
                                "or with --street every community.")
                            : _("Take back a staff member's community, or with --street the whole street office."),
                      grant ? grant_entries : revoke_entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    {
      /* Translators: %s is a command such as “server grant” */
      g_printerr (_("Error: %s needs the staff member's login name.\n"), command);
      return EXIT_USAGE;
    }
  if (opt_password_stdin && (password = read_password ()) == NULL)
    {
      g_printerr (_("Error: --password-stdin read no password.\n"));
      return EXIT_USAGE;
    }
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL)
    return EXIT_ERROR;
  if (!opt_street && (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  ok = grant ? sz_server_grant (db, argv[1], opt_street ? 0 : community->id, password, &error)
             : sz_server_revoke (db, argv[1], opt_street ? 0 : community->id, &error);
  if (!ok)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if (opt_street)
    g_print (grant ? _("%s now sees every community of the street office.\n")
                   : _("%s no longer sees every community of the street office.\n"), argv[1]);
  else
    /* Translators: the first %s is a login, the second a community */
    g_print (grant ? _("%s now sees and edits %s.\n") : _("%s no longer sees %s.\n"), argv[1], community->name);
  return EXIT_OK;
}

static int
server_grant (int argc, char **argv)
{
  return grant_or_revoke (argc, argv, TRUE);
}

static int
server_revoke (int argc, char **argv)
{
  return grant_or_revoke (argc, argv, FALSE);
}

/* server staff */

static int
server_staff (int argc, char **argv)
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GPtrArray) grants = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("server staff", "", _("List the staff logins and the communities each may see."),
                      NULL, &argc, &argv)
      || too_many_arguments ("server staff", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL)
    return EXIT_ERROR;
  grants = sz_server_list_grants (db, &error);
  if (grants == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if (grants->len == 0)
    g_print ("%s\n", _("No staff member has a community yet. Give one with “sanzhang-cli server grant NAME --community COMMUNITY”."));
  for (guint i = 0; i < grants->len; i++)
    {
      SzServerGrant *g = grants->pdata[i];

      if (g->community_id == 0)
        g_print ("%-20s %s\n", g->role, _("every community (street office)"));
      else
        g_print ("%-20s %s\n", g->role, g->community);
    }
  return EXIT_OK;
}

static const Command subcommands[] = {
  { "init", N_("Create or update the database on the server"), server_init },
  { "grant", N_("Let a staff member see and edit a community"), server_grant },
  { "revoke", N_("Take a community back from a staff member"), server_revoke },
  { "staff", N_("List the staff and their communities"), server_staff },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli --database postgresql://… server COMMAND [OPTION…]"));
  fprintf (out, "%s\n\n", _("A street office's PostgreSQL server holds all its communities; each staff member logs in "
                            "with their own name and sees only the communities granted to them."));
  fprintf (out, "%s\n", _("Commands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
}

int
cmd_server (int argc, char **argv)
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
  g_printerr (_("Error: “%s” is not a subcommand of %s.\n\n"), argv[i], "server");
  print_usage (stderr);
  return EXIT_USAGE;
}

/* copy */

int
cmd_copy (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "from", 0, 0, G_OPTION_ARG_FILENAME, &opt_from,
      N_("The database to copy (default: --database)"), N_("FILE|ADDRESS") },
    { "to", 0, 0, G_OPTION_ARG_FILENAME, &opt_to,
      N_("The empty database to copy into: a new file, or a server's postgresql://… address"), N_("FILE|ADDRESS") },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) from = NULL;
  g_autoptr(SzDb) to = NULL;
  g_autoptr(GPtrArray) tables = NULL;
  g_autofree char *from_path = NULL;
  gint64 rows = 0;

  if (!parse_options ("copy", "",
                      _("Copy every community, with its ids, records' histories, points and audit log, "
                        "from a file to a server or back; then count and compare both."),
                      entries, &argc, &argv)
      || too_many_arguments ("copy", argc, argv, 0))
    return EXIT_USAGE;
  if (opt_to == NULL)
    {
      g_printerr (_("Error: copy needs --to: a new file or a server's postgresql://… address.\n"));
      return EXIT_USAGE;
    }
  from_path = opt_from != NULL ? g_strdup (opt_from) : cli_database_path ();
  from = sz_db_open (from_path, SZ_DB_OPEN_DEFAULT, &error);
  if (from != NULL)
    to = sz_db_open (opt_to, SZ_DB_OPEN_CREATE, &error);
  if (to != NULL)
    tables = sz_copy_database (from, to, &error);
  if (tables == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  /* Translators: the heading of the copy's table: keep the columns' widths */
  g_print ("%s\n", _("Table                      Rows  Content hash"));
  for (guint i = 0; i < tables->len; i++)
    {
      SzCopyTable *t = tables->pdata[i];

      g_print ("%-22s %8" G_GINT64_FORMAT "  %016" G_GINT64_MODIFIER "x\n", t->name, t->rows, t->hash_to);
      rows += t->rows;
    }
  {
    g_autofree char *n = g_strdup_printf ("%" G_GINT64_FORMAT, rows);

    /* Translators: numbers of rows and tables, then two databases */
    g_print (_("Copied %s rows of %u tables from %s to %s; counted and hashed again on both sides: the same.\n"),
             n, tables->len, sz_db_get_display_name (from), sz_db_get_display_name (to));
  }
  return EXIT_OK;
}
