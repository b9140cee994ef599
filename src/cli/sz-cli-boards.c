/* sz-cli-boards.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sz-cli.h"
#include "sz-export.h"

static gint64 opt_unit;
static gint64 opt_building;
static gint64 opt_compound;
static gint64 opt_grid;
static gboolean opt_whole;
static gboolean opt_stale;
static char *opt_kind;
static char *opt_paper;
static gboolean opt_landscape;
static char *opt_style;
static char *opt_engine;
static double opt_png;
static char *opt_output;
static char *opt_date;
static gboolean opt_no_record;

static void
progress (guint    done,
          guint    total,
          gpointer user_data)
{
  /* A line that rewrites itself, on a terminal only: logs stay clean. */
  if (done == total || done % 25 == 0)
    {
      /* Translators: progress on the terminal: boards done, of how many */
      g_printerr ("\r");
      g_printerr (_("Boards: %u of %u…"), done, total);
      if (done == total)
        g_printerr ("\n");
    }
}

static gboolean
parse_kinds (const char *text,
             guint      *kinds)
{
  g_auto(GStrv) parts = g_strsplit (text, ",", -1);

  *kinds = 0;
  for (guint i = 0; parts[i] != NULL; i++)
    {
      SzBoardKind kind;

      g_strstrip (parts[i]);
      if (g_str_equal (parts[i], "all"))
        *kinds |= (1u << SZ_N_BOARD_KINDS) - 1;
      else if (sz_board_kind_from_string (parts[i], &kind))
        *kinds |= 1u << kind;
      else
        return FALSE;
    }
  return *kinds != 0;
}

/* "--community" alone selects the whole community here, while the option
 * every command shares takes a name: tell the two apart. */
static void
rewrite_community_flag (int    argc,
                        char **argv)
{
  for (int i = 1; i < argc; i++)
    if (g_str_equal (argv[i], "--community") && (i + 1 == argc || argv[i + 1][0] == '-'))
      argv[i] = (char *) "--whole-community";
}

static void
print_summary (const SzExportSummary *s,
               SzEngine               engine,
               const SzExportOptions *o)
{
  const char *engine_name = sz_engine_to_string (engine);

  if (s->files->len == 1)
    /* Translators: boards, pages, file, engine */
    g_print (_("Wrote %u boards on %u pages to %s (%s).\n"), s->boards, s->pages,
             (const char *) g_ptr_array_index (s->files, 0), engine_name);
  else
    /* Translators: boards, pages, files, folder or file */
    g_print (_("Wrote %u boards on %u pages in %u files (%s).\n"), s->boards, s->pages, s->files->len,
             o->output);
  g_print (_("Phones withheld (no recorded consent; the office number printed instead): %u\n"),
           s->phones_withheld);
  g_print (_("Vacant posts printed: %u\n"), s->vacancies);
  g_print (_("Font problems: %u\n"), s->font_problems);
  for (guint i = 0; i < s->problems->len; i++)
    {
      SzExportProblem *p = g_ptr_array_index (s->problems, i);
      /* A board refused for several characters has a line for each. */
      g_auto(GStrv) lines = g_strsplit (p->message, "\n", -1);
      g_autofree char *message = g_strjoinv ("\n    ", lines);

      if (p->place != NULL && *p->place)
        g_print ("  %s: %s\n", p->place, message);
      else
        g_print ("  %s\n", message);
    }
}

int
cmd_boards (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "unit", 0, 0, G_OPTION_ARG_INT64, &opt_unit, N_("The boards of this unit"), N_("ID") },
    { "building", 0, 0, G_OPTION_ARG_INT64, &opt_building, N_("The boards of this building and its units"), N_("ID") },
    { "compound", 0, 0, G_OPTION_ARG_INT64, &opt_compound, N_("The boards of this compound's buildings and units"), N_("ID") },
    { "grid", 0, 0, G_OPTION_ARG_INT64, &opt_grid, N_("The boards of this grid and everything in it"), N_("ID") },
    { "whole-community", 0, 0, G_OPTION_ARG_NONE, &opt_whole, N_("The boards of the whole community (the default; also “--community” alone)"), NULL },
    { "stale", 0, 0, G_OPTION_ARG_NONE, &opt_stale, N_("Every board whose content changed since it was last printed"), NULL },
    { "kind", 'k', 0, G_OPTION_ARG_STRING, &opt_kind, N_("Which boards: unit, building, grid, community or all, or several with commas (default: unit)"), N_("KIND") },
    { "paper", 'p', 0, G_OPTION_ARG_STRING, &opt_paper, N_("A4 (default), A3, or a size in millimetres such as 600x800mm"), N_("PAPER") },
    { "landscape", 'l', 0, G_OPTION_ARG_NONE, &opt_landscape, N_("Long side across"), NULL },
    { "style", 's', 0, G_OPTION_ARG_STRING, &opt_style, N_("red (party red, default) or plain (black and white)"), N_("STYLE") },
    { "engine", 'e', 0, G_OPTION_ARG_STRING, &opt_engine, N_("PDF engine: auto (default: the fastest and smallest), pdf, haru or cairo"), N_("ENGINE") },
    { "png", 0, 0, G_OPTION_ARG_DOUBLE, &opt_png, N_("Write one PNG per board at this resolution instead of PDF"), N_("DPI") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output, N_("A PDF file, or a folder (ending in /) for one file per board"), N_("FILE|DIR") },
    { "date", 0, 0, G_OPTION_ARG_STRING, &opt_date, N_("The printed date on the boards (default: today)"), N_("YYYY-MM-DD") },
    { "no-record", 0, 0, G_OPTION_ARG_NONE, &opt_no_record, N_("Do not record these boards as printed (for a proof)"), NULL },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autoptr(GError) error = NULL;
  SzExportOptions o = { .engine = SZ_ENGINE_AUTO };
  SzExportSummary summary;
  SzTreeNode *node = NULL;
  guint kinds = 0;
  int selections;
  gboolean ok;

  rewrite_community_flag (argc, argv);
  if (!parse_options ("boards", "",
                      _("Lays out the notice boards of the selection and writes them as one PDF with bookmarks "
                        "(grid → building → unit), as one PDF per board, or as PNG images. A head's phone is "
                        "printed only with that head's recorded consent; otherwise the community office's number "
                        "stands in. Boards are recorded as printed, so that “--stale” can list the ones to reprint."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (too_many_arguments ("boards", argc, argv, 0))
    return EXIT_USAGE;

  selections = (opt_unit != 0) + (opt_building != 0) + (opt_compound != 0) + (opt_grid != 0) + opt_whole + opt_stale;
  if (selections > 1)
    {
      g_printerr (_("Error: choose one of --unit, --building, --compound, --grid, --community and --stale.\n"));
      return EXIT_USAGE;
    }
  if (opt_output == NULL)
    {
      g_printerr (_("Error: say where to write the boards with -o FILE.pdf, or -o FOLDER/ for one file per board.\n"));
      return EXIT_USAGE;
    }
  if (opt_kind != NULL && !parse_kinds (opt_kind, &kinds))
    {
      /* Translators: %s is what the user typed */
      g_printerr (_("Error: --kind “%s”: use unit, building, grid, community or all.\n"), opt_kind);
      return EXIT_USAGE;
    }
  if (!sz_paper_parse (opt_paper ? opt_paper : "A4", opt_landscape, &o.paper, &error))
    {
      print_error (error);
      return EXIT_USAGE;
    }
  if (opt_style != NULL && !sz_board_style_from_string (opt_style, &o.style))
    {
      g_printerr (_("Error: --style “%s”: use red or plain.\n"), opt_style);
      return EXIT_USAGE;
    }
  if (opt_engine != NULL && !sz_engine_from_string (opt_engine, &o.engine))
    {
      g_printerr (_("Error: --engine “%s”: use auto, pdf, haru or cairo.\n"), opt_engine);
      return EXIT_USAGE;
    }
  if (opt_png != 0 && (opt_png < 36 || opt_png > 1200))
    {
      g_printerr (_("Error: --png %g: the resolution must be between 36 and 1200 dpi.\n"), opt_png);
      return EXIT_USAGE;
    }
  if (opt_date != NULL)
    {
      GDate d;

      g_date_clear (&d, 1);
      g_date_set_parse (&d, opt_date);
      if (strlen (opt_date) != 10 || !g_date_valid (&d))
        {
          g_printerr (_("Error: --date “%s”: write the date as YYYY-MM-DD.\n"), opt_date);
          return EXIT_USAGE;
        }
    }

  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (community = find_community (db)) == NULL)
    return EXIT_ERROR;
  source = sz_board_source_new (db, community->id, &error);
  if (source == NULL)
    {
      print_error (error);
      return EXIT_ERROR;
    }

  if (opt_stale)
    {
      refs = sz_export_list_stale (source, &error);
      if (refs == NULL)
        {
          print_error (error);
          return EXIT_ERROR;
        }
      if (kinds != 0)
        for (guint i = refs->len; i-- > 0;)
          if ((kinds & (1u << g_array_index (refs, SzBoardRef, i).kind)) == 0)
            g_array_remove_index (refs, i);
      if (refs->len == 0)
        {
          g_print (_("No board needs reprinting: nothing printed has changed since.\n"));
          return EXIT_OK;
        }
    }
  else
    {
      struct { gint64 id; SzNodeKind kind; const char *what; guint allowed; } sel[] = {
        { opt_unit, SZ_NODE_UNIT, N_("unit"), 1u << SZ_BOARD_UNIT },
        { opt_building, SZ_NODE_BUILDING, N_("building"), (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING) },
        { opt_compound, SZ_NODE_COMPOUND, N_("compound"), (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING) },
        { opt_grid, SZ_NODE_GRID, N_("grid"), (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING) | (1u << SZ_BOARD_GRID) },
      };
      guint allowed = (1u << SZ_N_BOARD_KINDS) - 1;

      node = sz_board_source_get_tree (source);
      for (guint i = 0; i < G_N_ELEMENTS (sel); i++)
        if (sel[i].id != 0)
          {
            node = sz_board_source_find (source, sel[i].kind, sel[i].id);
            allowed = sel[i].allowed;
            if (node == NULL)
              {
                g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sel[i].id);

                /* Translators: “there is no unit 99 in 丰和社区” */
                g_printerr (_("Error: there is no %s %s in %s (see “sanzhang-cli tree”).\n"),
                            _(sel[i].what), id, community->name);
                return EXIT_ERROR;
              }
          }
      if (kinds == 0)
        kinds = 1u << SZ_BOARD_UNIT;
      if ((kinds & ~allowed) != 0)
        {
          g_printerr (_("Error: --kind “%s” is not among the boards of the place chosen "
                        "(a unit has only a unit board; a building, its own and its units').\n"), opt_kind);
          return EXIT_USAGE;
        }
      refs = sz_board_source_select (source, node, kinds);
      if (refs->len == 0)
        {
          g_printerr (_("Error: the place chosen has no boards of that kind (no units yet?).\n"));
          return EXIT_ERROR;
        }
    }

  o.style = opt_style ? o.style : SZ_STYLE_RED;
  o.output = opt_output;
  o.printed_on = opt_date;
  o.no_record = opt_no_record;
  o.png_dpi = opt_png;
  if (opt_png != 0)
    o.mode = SZ_EXPORT_PNG;
  else if (g_str_has_suffix (opt_output, "/") || g_file_test (opt_output, G_FILE_TEST_IS_DIR))
    o.mode = SZ_EXPORT_PER_BOARD;
  else
    o.mode = SZ_EXPORT_ONE_FILE;
  if (isatty (STDERR_FILENO) && refs->len > 20)
    o.progress = progress;

  sz_export_summary_init (&summary);
  ok = sz_export_boards (source, refs, &o, &summary, &error);
  if (!ok)
    print_error (error);
  else
    {
      SzEngine used = sz_engine_resolve (o.engine, summary.boards);

      for (guint i = 0; i < summary.problems->len; i++)
        if (((SzExportProblem *) g_ptr_array_index (summary.problems, i))->kind == SZ_PROBLEM_ENGINE_SWITCH)
          used = SZ_ENGINE_CAIRO;
      print_summary (&summary, o.mode == SZ_EXPORT_PNG ? SZ_ENGINE_CAIRO : used, &o);
    }
  for (guint i = 0; ok && i < summary.problems->len; i++)
    if (((SzExportProblem *) g_ptr_array_index (summary.problems, i))->kind == SZ_PROBLEM_FONT_REFUSED)
      ok = FALSE;
  sz_export_summary_clear (&summary);
  return ok ? EXIT_OK : EXIT_ERROR;
}
