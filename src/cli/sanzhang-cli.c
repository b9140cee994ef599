/* sanzhang-cli.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "sz-check.h"
#include "sz-db.h"
#include "sz-demo.h"
#include "sz-fonts.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-tree.h"

#include "sz-cli.h"

/* Options every command takes. */
static char *opt_database;
static char *opt_community;

static const GOptionEntry common_entries[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, &opt_database,
    N_("The database file (default: ~/.local/share/sanzhang/sanzhang.db), or a server's postgresql://… address"),
    N_("FILE") },
  { "community", 'c', 0, G_OPTION_ARG_STRING, &opt_community,
    N_("The community, by name or number (default: the first one)"), N_("COMMUNITY") },
  { NULL }
};

void
print_error (const GError *error)
{
  /* Translators: printed before an error message on the terminal */
  g_printerr (_("Error: %s\n"), error->message);
  /* A damaged database: where its newest good backup is. */
  if (g_error_matches (error, SZ_DB_ERROR, SZ_DB_ERROR_CORRUPT))
    print_backup_hint ();
}

char *
cli_database_path (void)
{
  return opt_database ? g_strdup (opt_database) : sz_db_default_path ();
}

/* Parses a command's options; prints usage and returns FALSE on a mistake. */
gboolean
parse_options (const char          *command,
               const char          *parameters,
               const char          *summary,
               const GOptionEntry  *entries,
               int                 *argc,
               char              ***argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (parameters);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("sanzhang-cli %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (ctx, summary);
  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, common_entries, GETTEXT_PACKAGE);
  if (entries != NULL)
    g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      print_error (error);
      /* Translators: %s is a command name */
      g_printerr (_("Run “sanzhang-cli %s --help” to see its options.\n"), command);
      return FALSE;
    }
  return TRUE;
}

gboolean
too_many_arguments (const char *command,
                    int         argc,
                    char      **argv,
                    int         allowed)
{
  if (argc <= allowed + 1)
    return FALSE;
  /* Translators: %s is what the user typed */
  g_printerr (_("Error: unexpected argument “%s”.\n"), argv[allowed + 1]);
  g_printerr (_("Run “sanzhang-cli %s --help” to see its options.\n"), command);
  return TRUE;
}

SzDb *
open_database (SzDbOpenFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = opt_database ? g_strdup (opt_database) : sz_db_default_path ();
  SzDb *db = sz_db_open (path, flags, &error);

  if (db == NULL)
    print_error (error);
  return db;
}

/* The community the command is about: --community by number or name, else
 * the first. */
SzCommunity *
find_community (SzDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_community_list (db, &error);

  if (all == NULL)
    {
      print_error (error);
      return NULL;
    }
  if (all->len == 0)
    {
      g_printerr (_("Error: the database holds no community yet. "
                    "Create one with “sanzhang-cli init --community NAME”, or load the demo with “sanzhang-cli demo”.\n"));
      return NULL;
    }
  if (opt_community == NULL)
    {
      SzCommunity *first = g_ptr_array_steal_index (all, 0);
      for (guint i = 0; i < all->len; i++)
        if (((SzCommunity *) all->pdata[i])->id < first->id)
          {
            SzCommunity *c = all->pdata[i];
            all->pdata[i] = first;
            first = c;
          }
      return first;
    }
  for (guint i = 0; i < all->len; i++)
    {
      SzCommunity *c = all->pdata[i];
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, c->id);

      if (g_strcmp0 (c->name, opt_community) == 0 || g_strcmp0 (id, opt_community) == 0)
        return g_ptr_array_steal_index (all, i);
    }
  /* Translators: %s is what the user gave as --community */
  g_printerr (_("Error: there is no community “%s” in this database.\n"), opt_community);
  return NULL;
}

static char *
shown_phone (const char *normal,
             gboolean    show)
{
  if (normal == NULL)
    return g_strdup (_("no phone"));
  return show ? sz_phone_format (normal) : sz_phone_mask (normal);
}

/* init */

static char *opt_street_office;

static int
cmd_init (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "street-office", 0, 0, G_OPTION_ARG_STRING, &opt_street_office, N_("The street office of the new community"), N_("NAME") },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GError) error = NULL;

  if (!parse_options ("init", "", _("Create the database (and, with --community, an empty community)."),
                      entries, &argc, &argv)
      || too_many_arguments ("init", argc, argv, 0))
    return EXIT_USAGE;

  db = open_database (SZ_DB_OPEN_CREATE);
  if (db == NULL)
    return EXIT_ERROR;

  if (opt_community != NULL)
    {
      g_autoptr(SzCommunity) c = sz_community_new ();

      c->name = g_strdup (opt_community);
      c->street_office = g_strdup (opt_street_office);
      if (!sz_community_save (db, c, &error))
        {
          print_error (error);
          return EXIT_ERROR;
        }
      /* Translators: the first %s is a community's name, the second a file */
      g_print (_("Created the community “%s” in %s.\n"), c->name, sz_db_get_path (db));
    }
  else
    /* Translators: %s is a file name */
    g_print (_("The database %s is ready.\n"), sz_db_get_path (db));
  return EXIT_OK;
}

/* demo */

static int
cmd_demo (int argc, char **argv)
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GPtrArray) people = NULL;
  int counts[5] = { 0 };
  gint64 community_id = 0;

  if (!parse_options ("demo", "", _("Create the database if needed and load the fictional demo community into it."),
                      NULL, &argc, &argv)
      || too_many_arguments ("demo", argc, argv, 0))
    return EXIT_USAGE;

  db = open_database (SZ_DB_OPEN_CREATE);
  if (db == NULL)
    return EXIT_ERROR;
  if (!sz_demo_load (db, &community_id, &error)
      || (tree = sz_tree_load (db, community_id, &error)) == NULL
      || (people = sz_person_list_in (db, community_id, &error)) == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }

  /* Count the places for the summary. */
  {
    g_autoptr(GHashTable) compounds = g_hash_table_new (g_int64_hash, g_int64_equal);
    GPtrArray *stack = g_ptr_array_new ();

    g_ptr_array_add (stack, tree);
    while (stack->len > 0)
      {
        SzTreeNode *n = g_ptr_array_steal_index (stack, stack->len - 1);

        if (n->kind == SZ_NODE_COMPOUND)
          g_hash_table_add (compounds, &n->id);
        else
          counts[n->kind]++;
        for (guint i = 0; i < n->children->len; i++)
          g_ptr_array_add (stack, n->children->pdata[i]);
      }
    counts[SZ_NODE_COMPOUND] = g_hash_table_size (compounds);
    g_ptr_array_unref (stack);
  }

  /* Translators: the first %s is the community, the second a file */
  g_print (_("Loaded the demo community “%s” into %s:\n"), tree->label, sz_db_get_path (db));
  /* Translators: counts of the demo community's places and people */
  g_print (_("  %d grids, %d compounds, %d buildings, %d units, %u heads; %d posts vacant.\n"),
           counts[SZ_NODE_GRID], counts[SZ_NODE_COMPOUND], counts[SZ_NODE_BUILDING], counts[SZ_NODE_UNIT],
           people->len, tree->vacancies);
  g_print (_("All names and phone numbers in it are made up.\n"));
  return EXIT_OK;
}

/* tree */

static gboolean opt_show_phones;

static void
print_node (SzTreeNode *node,
            GString    *prefix,
            gboolean    last,
            gboolean    show_phones)
{
  GString *line = g_string_new (prefix->str);
  gsize saved = prefix->len;

  if (node->parent != NULL)
    g_string_append (line, last ? "└─ " : "├─ ");
  g_string_append (line, node->label);
  if (node->kind == SZ_NODE_COMPOUND)
    {
      if (node->detail && *node->detail)
        /* Translators: after a compound's name: its property company */
        g_string_append_printf (line, _("  (property: %s)"), node->detail);
      else
        g_string_append_printf (line, "  %s", _("(no property company)"));
    }
  if (node->has_head)
    {
      SzLevel level = node->kind == SZ_NODE_GRID ? SZ_LEVEL_GRID
                      : node->kind == SZ_NODE_BUILDING ? SZ_LEVEL_BUILDING : SZ_LEVEL_UNIT;

      if (node->head_person_id != 0)
        {
          g_autofree char *phone = shown_phone (node->head_phone, show_phones);
          /* Translators: a post, a name and a phone: "  单元长：张淑芬 138****1003" */
          g_string_append_printf (line, _("  %s: %s %s"), sz_level_head_title (level), node->head_name, phone);
          if (node->head_phone != NULL && !node->head_consent)
            g_string_append_printf (line, " %s", _("[no consent to print]"));
        }
      else
        /* Translators: a post with nobody in it: "  单元长：（空缺）" */
        g_string_append_printf (line, _("  %s: (vacant)"), sz_level_head_title (level));
    }
  if (node->kind == SZ_NODE_GRID || node->kind == SZ_NODE_UNIT || node->kind == SZ_NODE_COMMUNITY)
    {
      g_autofree char *hh = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d household", "%d households",
                                                          node->households), node->households);
      g_string_append_printf (line, "  %s", hh);
    }
  g_print ("%s\n", line->str);
  g_string_free (line, TRUE);

  if (node->parent != NULL)
    g_string_append (prefix, last ? "   " : "│  ");
  for (guint i = 0; i < node->children->len; i++)
    print_node (node->children->pdata[i], prefix, i + 1 == node->children->len, show_phones);
  g_string_truncate (prefix, saved);
}

static int
cmd_tree (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "show-phones", 0, 0, G_OPTION_ARG_NONE, &opt_show_phones, N_("Show phone numbers in full (masked by default)"), NULL },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) prefix = g_string_new (NULL);

  if (!parse_options ("tree", "", _("Show the community's grids, compounds, buildings and units with their heads."),
                      entries, &argc, &argv)
      || too_many_arguments ("tree", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  tree = sz_tree_load (db, community->id, &error);
  if (tree == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  print_node (tree, prefix, TRUE, opt_show_phones);
  g_print (g_dngettext (GETTEXT_PACKAGE, "%d post vacant.\n", "%d posts vacant.\n", tree->vacancies), tree->vacancies);
  return EXIT_OK;
}

/* search */

static int opt_limit = 20;

/* "Unit head, 丰和林苑 2栋 Unit 1; Building head, 丰和林苑 2栋" */
static char *
posts_of (SzDb   *db,
          gint64  person_id)
{
  g_autoptr(GPtrArray) posts = sz_post_list_for_person (db, person_id, NULL);
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      SzPost *p = posts->pdata[i];
      g_autofree char *place = NULL;

      if (p->end_date != NULL)
        continue;
      place = sz_place_label (db, p->level, p->place_id, NULL);
      if (s->len > 0)
        /* Translators: separates a person's posts in a list */
        g_string_append (s, _("; "));
      /* Translators: a post and its place: "Unit head, 丰和林苑 2栋 1单元";
       * the people list puts the place first ("丰和林苑 2栋 1单元 单元长") */
      g_string_append_printf (s, C_("post and place", "%s, %s"), sz_level_head_title (p->level), place ? place : "");
    }
  if (s->len == 0)
    g_string_append (s, _("no current post"));
  return g_string_free (g_steal_pointer (&s), FALSE);
}

static int
cmd_search (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "limit", 'n', 0, G_OPTION_ARG_INT, &opt_limit, N_("Show at most N results (default 20)"), N_("N") },
    { "show-phones", 0, 0, G_OPTION_ARG_NONE, &opt_show_phones, N_("Show phone numbers in full (masked by default)"), NULL },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autofree char *query = NULL;

  if (!parse_options ("search", _("QUERY"),
                      _("Find heads by name (hanzi, full pinyin, initials or a mix such as 张w) "
                        "or by 3 or more digits of their phone; compounds and grids by name."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("Error: say what to search for, for example: sanzhang-cli search zhangx\n"));
      return EXIT_USAGE;
    }
  if (opt_limit < 1)
    {
      /* Translators: %d is the value given to --limit */
      g_printerr (_("Error: --limit must be 1 or more, not %d.\n"), opt_limit);
      return EXIT_USAGE;
    }
  /* Several words are one query: "zhang wei" is "zhangwei". */
  query = g_strjoinv (" ", argv + 1);
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  hits = sz_search_in (db, community->id, query, opt_limit, &error);
  if (hits == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  if (hits->len == 0)
    {
      /* Translators: %s is the query */
      g_print (_("Nothing found for “%s”.\n"), query);
      return EXIT_OK;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      SzSearchHit *hit = hits->pdata[i];

      if (hit->kind == SZ_HIT_PERSON)
        {
          g_autoptr(SzPerson) p = sz_person_get (db, hit->id, NULL);
          g_autofree char *posts = posts_of (db, hit->id);
          g_autofree char *phone = shown_phone (p ? p->phone : NULL, opt_show_phones);

          g_print ("%s  %s  %s\n", hit->text, phone, posts);
        }
      else if (hit->kind == SZ_HIT_COMPOUND)
        g_print ("%s  %s\n", hit->text, _("compound"));
      else
        {
          g_autoptr(SzGrid) g = sz_grid_get (db, hit->id, NULL);
          g_autofree char *label = g ? sz_grid_label (g) : g_strdup (hit->text);
          g_print ("%s  %s\n", label, _("grid"));
        }
    }
  return EXIT_OK;
}

/* vacancies */

static int
cmd_vacancies (int argc, char **argv)
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;

  if (!parse_options ("vacancies", "", _("List every grid, building and unit that has no head now."),
                      NULL, &argc, &argv)
      || too_many_arguments ("vacancies", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  list = sz_vacancies (db, community->id, &error);
  if (list == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  for (guint i = 0; i < list->len; i++)
    {
      SzVacancy *v = list->pdata[i];
      /* Translators: a vacant post and its place: "单元长空缺：丰和林苑 2栋 3单元" */
      g_print (_("%s vacant: %s\n"), sz_level_head_title (v->level), v->place);
    }
  /* Translators: the last line of the vacancy report; %s is the community */
  g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u post vacant.\n", "%s: %u posts vacant.\n", list->len),
           community->name, list->len);
  return EXIT_OK;
}

/* check */

static int
cmd_check (int argc, char **argv)
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;

  if (!parse_options ("check", "",
                      _("Check the roster: grid sizes, heads without a phone or without consent to print it, "
                        "phones recorded twice, hotlines not verified for a year, the file's permissions and integrity."),
                      NULL, &argc, &argv)
      || too_many_arguments ("check", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  items = sz_check_run (db, community->id, NULL, &error);
  if (items == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }
  for (guint i = 0; i < items->len; i++)
    g_print ("- %s\n", ((SzCheckItem *) items->pdata[i])->message);
  if (items->len == 0)
    /* Translators: %s is the community */
    g_print (_("%s: no problems found.\n"), community->name);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u thing to look at.\n", "%s: %u things to look at.\n", items->len),
             community->name, items->len);
  return EXIT_OK;
}

int
find_command_word (int          argc,
                   char       **argv,
                   const char **early_option)
{
  *early_option = NULL;
  for (int i = 1; i < argc; i++)
    {
      if (g_str_equal (argv[i], "--database") || g_str_equal (argv[i], "-d")
          || g_str_equal (argv[i], "--community") || g_str_equal (argv[i], "-c"))
        {
          i++;
          continue;
        }
      if (argv[i][0] != '-')
        return i;
      if (g_str_equal (argv[i], "--help") || g_str_equal (argv[i], "-h") || g_str_equal (argv[i], "--version"))
        {
          *early_option = argv[i];
          return -1;
        }
    }
  return -1;
}

int
run_command (const Command  *command,
             int             argc,
             char          **argv,
             int             word)
{
  /* The command gets its arguments with its word removed, keeping the
   * options given before it. */
  g_autofree char **args = g_new0 (char *, argc);
  int n = 0;

  for (int j = 0; j < argc; j++)
    if (j != word)
      args[n++] = argv[j];
  return command->run (n, args);
}

void
print_commands (FILE          *out,
                const Command *commands,
                guint          n_commands)
{
  for (guint i = 0; i < n_commands; i++)
    fprintf (out, "  %-11s %s\n", commands[i].name, _(commands[i].summary));
}

/* sz-cli-wechat.c */
int cmd_groups (int argc, char **argv);

static const Command commands[] = {
  { "init", N_("Create the database, optionally with an empty community"), cmd_init },
  { "demo", N_("Load the fictional demo community"), cmd_demo },
  { "tree", N_("Show the community's places and heads"), cmd_tree },
  { "search", N_("Find heads, compounds and grids"), cmd_search },
  { "vacancies", N_("List the posts without a head"), cmd_vacancies },
  { "check", N_("Check the roster for problems"), cmd_check },
  { "import", N_("Import a roster of heads from a spreadsheet (.xlsx, .xls, CSV)"), cmd_import },
  { "community", N_("Show or change the community's board settings"), cmd_community },
  { "boards", N_("Print the notice boards as PDF or PNG"), cmd_boards },
  { "groups", N_("The heads' WeChat groups: list, set, clear"), cmd_groups },
  { "records", N_("Residents' issue records: list, add, act, figures, monthly report"), cmd_records },
  { "points", N_("Volunteer service hours and points: balances, entry, statements"), cmd_points },
  { "rewards", N_("The catalogue of rewards points are redeemed for"), cmd_rewards },
  { "honours", N_("Honours (最美三长, 社区好人): shortlist, publicity, certificates"), cmd_honours },
  { "export", N_("Export the roster, hotlines or records as .xlsx or CSV"), cmd_export },
  { "backup", N_("Make a checked backup copy of the database"), cmd_backup },
  { "backups", N_("List the backups, newest first"), cmd_backups },
  { "restore", N_("Replace the database with a backup"), cmd_restore },
  { "server", N_("A street office's shared server: set it up, give staff their communities"), cmd_server },
  { "copy", N_("Copy the database between a file and a server, ids and history intact"), cmd_copy },
};

static void
print_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli [--database FILE] COMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("Keeps the roster of the three heads (grid, building and unit heads) of a residents' community."));
  fprintf (out, "\n%s\n", _("Commands:"));
  print_commands (out, commands, G_N_ELEMENTS (commands));
  fprintf (out, "\n%s\n", _("Run “sanzhang-cli COMMAND --help” for the options of a command."));
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("SANZHANG_LOCALEDIR");
  const char *command = NULL;
  const char *early = NULL;
  int i;

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* The CLI draws no widgets: its fonts need no desktop's rules. */
  sz_fonts_set_light_config (TRUE);

  i = find_command_word (argc, argv, &early);
  if (g_strcmp0 (early, "--version") == 0)
    {
      g_print ("sanzhang-cli %s\n", PACKAGE_VERSION);
      return EXIT_OK;
    }
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
  command = argv[i];
  for (guint c = 0; c < G_N_ELEMENTS (commands); c++)
    if (g_str_equal (command, commands[c].name))
      return run_command (&commands[c], argc, argv, i);

  /* Translators: %s is what the user typed */
  g_printerr (_("Error: “%s” is not a command.\n\n"), command);
  print_usage (stderr);
  return EXIT_USAGE;
}
