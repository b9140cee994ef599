/* test-export.c: whole PDFs from the demo community, read back with the
 * tools a user would trust (poppler's pdfinfo, pdffonts, pdftotext,
 * pdftoppm; qpdf).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <signal.h>
#include <sys/resource.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <poppler.h>
#include <string.h>

#include "sz-export.h"
#include "sz-fonts.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-render-cairo.h"
#include "sz-safe-file.h"
#include "sz-text.h"
#include "sz-board-test-util.h"

typedef struct
{
  char    *path;
  SzDb    *db;
  gint64   community;
  char    *dir;
} Fixture;

static void
fixture_setup (Fixture *f, gconstpointer data)
{
  f->db = test_open_demo ("export.db", &f->path, &f->community);
  f->dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_mkdir_with_parents (f->dir, 0700);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sz_db_close (f->db);
  g_free (f->path);
  g_free (f->dir);
}

static char *
run (const char *const *argv, int *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int st = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &st, &error);
  g_assert_no_error (error);
  if (status)
    *status = st;
  else
    g_assert_true (g_spawn_check_wait_status (st, NULL));
  return out;
}

static SzBoardSource *
source_new (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  SzBoardSource *s = sz_board_source_new (f->db, f->community, &error);

  g_assert_no_error (error);
  return s;
}

static GArray *
first_refs (SzBoardSource *source, SzBoardKind kind, guint n)
{
  GArray *refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << kind);

  if (refs->len > n)
    g_array_set_size (refs, n);
  return refs;
}

static void
export (SzBoardSource *source, GArray *refs, SzExportOptions *o, SzExportSummary *summary)
{
  g_autoptr(GError) error = NULL;

  sz_export_summary_init (summary);
  g_assert_true (sz_export_boards (source, refs, o, summary, &error));
  g_assert_no_error (error);
}

/* The heads of the boards, with what must and must not be printed. */
static void
check_phones (SzBoardSource *source, GArray *refs, const char *text)
{
  for (guint i = 0; i < refs->len; i++)
    {
      SzBoardRef *r = &g_array_index (refs, SzBoardRef, i);
      g_autoptr(SzBoard) b = sz_board_source_build (source, r->kind, r->place_id, NULL);
      GPtrArray *lists[] = { b->heads, b->rows };

      for (guint l = 0; l < 2; l++)
        for (guint h = 0; h < lists[l]->len; h++)
          {
            SzBoardHead *head = g_ptr_array_index (lists[l], h);

            if (head->person_id == 0)
              continue;
            g_assert_nonnull (strstr (text, head->name));
            if (!head->phone_withheld)
              g_assert_nonnull (strstr (text, head->phone));
          }
    }
}

/* Every phone of a head without consent, which must not be printed. */
static GPtrArray *
withheld_phones (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) people = sz_person_list (f->db, &error);
  GPtrArray *phones = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < people->len; i++)
    {
      SzPerson *p = g_ptr_array_index (people, i);

      if (!p->phone_consent && p->phone != NULL)
        g_ptr_array_add (phones, sz_phone_format (p->phone));
    }
  return phones;
}

static void
check_pdf (const char *pdf, guint pages, double w_mm, double h_mm)
{
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  const char *qpdf_argv[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *info = run (info_argv, NULL);
  g_autofree char *fonts = run (fonts_argv, NULL);
  g_autofree char *qpdf = run (qpdf_argv, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *size;
  double w, h;

  guint n = 0;

  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &n), ==, 1);
  g_assert_cmpuint (n, ==, pages);
  size = strstr (info, "Page size:");
  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "Page size: %lf x %lf pts", &w, &h), ==, 2);
  g_assert_cmpfloat (fabs (w / 72 * 25.4 - w_mm), <, 0.1);
  g_assert_cmpfloat (fabs (h / 72 * 25.4 - h_mm), <, 0.1);
  /* pdffonts: two header lines, then one line a font; column "emb". */
  g_assert_nonnull (lines[0] && lines[1] && lines[2] ? lines[2] : NULL);
  for (guint i = 2; lines[i] != NULL && *lines[i]; i++)
    {
      g_auto(GStrv) cols = g_strsplit_set (lines[i] + 37, " ", -1);
      g_autofree char *joined = g_strjoinv (" ", cols);

      g_assert_nonnull (strstr (lines[i], " yes "));
      g_assert_true (g_str_has_prefix (g_strstrip (joined), "CID TrueType") || strstr (lines[i], "TrueType"));
    }
  g_assert_nonnull (strstr (qpdf, "No syntax or stream encoding errors found"));
}

/* Per kind, paper, style and engine: size, fonts, text, privacy, qpdf. */
static void
test_pdfs (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GPtrArray) withheld = withheld_phones (f);
  struct { const char *paper; gboolean landscape; double w, h; SzBoardStyle style; SzEngine engine; } cases[] = {
    { "A4", FALSE, 210, 297, SZ_STYLE_RED, SZ_ENGINE_HARU },
    { "A3", FALSE, 297, 420, SZ_STYLE_PLAIN, SZ_ENGINE_HARU },
    { "600x800mm", TRUE, 800, 600, SZ_STYLE_RED, SZ_ENGINE_CAIRO },
    { "A4", TRUE, 297, 210, SZ_STYLE_PLAIN, SZ_ENGINE_CAIRO },
    { "A4", FALSE, 210, 297, SZ_STYLE_RED, SZ_ENGINE_AUTO },
    { "600x800mm", TRUE, 800, 600, SZ_STYLE_PLAIN, SZ_ENGINE_PDF },
  };

  g_assert_cmpuint (withheld->len, >, 0);
  for (SzBoardKind kind = 0; kind < SZ_N_BOARD_KINDS; kind++)
    for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
      {
        g_autoptr(GArray) refs = first_refs (source, kind, 3);
        g_autofree char *name = g_strdup_printf ("%s-%u.pdf", sz_board_kind_to_string (kind), c);
        g_autofree char *pdf = g_build_filename (f->dir, name, NULL);
        const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
        g_autofree char *text = NULL;
        SzExportOptions o = { .style = cases[c].style, .engine = cases[c].engine, .output = pdf, .no_record = TRUE };
        SzExportSummary summary;

        g_assert_true (sz_paper_parse (cases[c].paper, cases[c].landscape, &o.paper, NULL));
        export (source, refs, &o, &summary);
        g_assert_cmpuint (summary.boards, ==, refs->len);
        g_assert_cmpuint (summary.problems->len, ==, 0);
        sz_export_summary_clear (&summary);

        check_pdf (pdf, refs->len, cases[c].w, cases[c].h);
        text = run (text_argv, NULL);
        check_phones (source, refs, text);
        for (guint i = 0; i < withheld->len; i++)
          g_assert_null (strstr (text, g_ptr_array_index (withheld, i)));
      }
}

/* pdftoppm draws with poppler's own rasteriser, which puts baselines on
 * whole pixels; pdftocairo draws with cairo, as our cairo engine does, so
 * that a comparison shows the engines' differences, not the rasterisers'. */
#include "test-export-engines.h"

static gint64
first_unit_head (SzBoardSource *source, gint64 *unit_id)
{
  g_autoptr(GArray) refs = first_refs (source, SZ_BOARD_UNIT, 1000);

  for (guint i = 0; i < refs->len; i++)
    {
      SzTreeNode *n = sz_board_source_find (source, SZ_NODE_UNIT, g_array_index (refs, SzBoardRef, i).place_id);
      if (n->head_person_id != 0)
        {
          *unit_id = n->id;
          return n->head_person_id;
        }
    }
  g_assert_not_reached ();
}

static void
rename_person (Fixture *f, gint64 id, const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPerson) p = sz_person_get (f->db, id, &error);

  g_free (p->name);
  p->name = g_strdup (name);
  g_assert_true (sz_person_save (f->db, p, &error));
  g_assert_no_error (error);
}

/* No character prints blank: every glyph box of the page has ink when
 * libharu's PDF is rasterised; a name with Extension A and B characters
 * moves the document to cairo, and the PDF still has ink and the text. */
static void
test_ink_and_rare_names (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) first = source_new (f);
  gint64 unit_id = 0;
  gint64 person = first_unit_head (first, &unit_id);
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = sz_text_new (fonts);
  /* 䶮 (Extension A) is in Zen Hei; 鿍 (U+9FCD, in place names) only in
   * HanaMinA; 𡒄 (Extension B) only in HanaMinB. */
  const char *names[] = { "刘䶮", "王鿍", "李𡒄" };
  const char *families[] = { "WenQuanYiZenHei", "HanaMinA", "HanaMinB" };

  for (guint n = 0; n < G_N_ELEMENTS (names); n++)
    {
      g_autoptr(SzBoardSource) source = NULL;
      g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
      g_autofree char *pdf = g_build_filename (f->dir, "ink.pdf", NULL);
      const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
      const char *fonts_argv[] = { "pdffonts", pdf, NULL };
      g_autofree char *out = NULL;
      g_autofree char *font_list = NULL;
      SzExportOptions o = { .engine = SZ_ENGINE_HARU, .output = pdf, .no_record = TRUE, .printed_on = "2026-11-25" };
      SzLayoutOptions lo = { .printed_on = "2026-11-25" };
      SzExportSummary summary;
      g_autoptr(SzBoard) board = NULL;
      g_autoptr(SzPage) page = NULL;
      cairo_surface_t *image;
      double scale = 150.0 / 72;
      guint checked = 0;

      rename_person (f, person, names[n]);
      source = source_new (f);
      g_array_append_val (refs, ((SzBoardRef) { SZ_BOARD_UNIT, unit_id }));
      sz_paper_parse ("A4", FALSE, &o.paper, NULL);
      lo.paper = o.paper;
      export (source, refs, &o, &summary);
      g_assert_cmpuint (summary.boards, ==, 1);
      if (n == 2)
        {
          /* 𡒄 is outside the BMP: the document went through cairo. */
          g_assert_cmpuint (summary.problems->len, ==, 1);
          g_assert_cmpint (((SzExportProblem *) g_ptr_array_index (summary.problems, 0))->kind, ==,
                           SZ_PROBLEM_ENGINE_SWITCH);
          g_assert_nonnull (strstr (((SzExportProblem *) g_ptr_array_index (summary.problems, 0))->message, "𡒄"));
        }
      else
        g_assert_cmpuint (summary.problems->len, ==, 0);
      sz_export_summary_clear (&summary);

      out = run (text_argv, NULL);
      g_assert_nonnull (strstr (out, names[n]));
      font_list = run (fonts_argv, NULL);
      g_assert_nonnull (strstr (font_list, families[n]));

      board = sz_board_source_build (source, SZ_BOARD_UNIT, unit_id, &error);
      page = sz_layout_board (text, board, &lo, &error);
      image = rasterize ("pdftoppm", pdf, 1, 150);
      cairo_surface_flush (image);
      for (guint i = 0; i < page->items->len; i++)
        {
          SzItem *item = g_ptr_array_index (page->items, i);
          SzTextItem *t = &item->text;

          if (item->kind != SZ_ITEM_TEXT)
            continue;
          for (guint g = 0; g < t->n_glyphs; g++)
            {
              gunichar c = g_utf8_get_char (t->utf8 + t->glyphs[g].cluster);
              double x0 = t->x + t->glyphs[g].x;
              double x1 = g + 1 < t->n_glyphs ? t->x + t->glyphs[g + 1].x : t->x + t->width;
              int ink = 0;
              guint32 bg;

              if (g_unichar_isspace (c) || c == 0x3000 || x1 - x0 < 1)
                continue;
              /* The glyph's cell, a little inside: ink of its own only. */
              bg = pixel (image, (int) (x0 * scale), (int) ((t->y - t->ascent) * scale));
              for (int y = (int) ((t->y - t->size * 0.8) * scale); y < (int) ((t->y + t->size * 0.1) * scale); y++)
                for (int x = (int) (x0 * scale) + 1; x < (int) (x1 * scale) - 1 && ink == 0; x++)
                  ink += channel_diff (pixel (image, x, y), bg) > 80;
              if (ink == 0)
                g_error ("“%s” of “%s” printed blank", t->utf8 + t->glyphs[g].cluster, t->utf8);
              checked++;
            }
        }
      g_assert_cmpuint (checked, >, 100);
      cairo_surface_destroy (image);
    }
}

/* A character no font has: that board is left out with the reason, the
 * others are written. */
static void
test_refused (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) first = source_new (f);
  g_autoptr(SzBoardSource) source = NULL;
  gint64 unit_id = 0;
  gint64 person = first_unit_head (first, &unit_id);
  g_autoptr(GArray) refs = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "refused.pdf", NULL);
  SzExportOptions o = { .output = pdf, .no_record = TRUE };
  SzExportSummary summary;
  SzExportProblem *p;

  rename_person (f, person, "王𰻞");
  source = source_new (f);
  refs = first_refs (source, SZ_BOARD_UNIT, 1000);
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  export (source, refs, &o, &summary);
  g_assert_cmpuint (summary.boards, ==, refs->len - 1);
  g_assert_cmpuint (summary.font_problems, ==, 1);
  p = g_ptr_array_index (summary.problems, 0);
  g_assert_cmpint (p->kind, ==, SZ_PROBLEM_FONT_REFUSED);
  g_assert_cmpint (p->place_id, ==, unit_id);
  g_assert_nonnull (strstr (p->message, "王𰻞"));
  g_assert_nonnull (strstr (p->message, "U+30EDE"));
  sz_export_summary_clear (&summary);
  check_pdf (pdf, refs->len - 1, 210, 297);
}

/* Printed boards are recorded; after a change only the boards that say
 * something else are stale. */
static void
test_stale (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(SzBoardSource) after = NULL;
  g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source),
                                                   (1u << SZ_N_BOARD_KINDS) - 1);
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (f->dir, "all.pdf", NULL);
  SzExportOptions o = { .output = pdf };
  SzExportSummary summary;
  gint64 unit_id = 0;
  gint64 person = first_unit_head (source, &unit_id);
  gboolean unit_stale = FALSE;

  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  export (source, refs, &o, &summary);
  sz_export_summary_clear (&summary);
  stale = sz_export_list_stale (source, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (stale->len, ==, 0);
  g_clear_pointer (&stale, g_array_unref);

  rename_person (f, person, "新来的单元长");
  after = source_new (f);
  stale = sz_export_list_stale (after, &error);
  g_assert_no_error (error);
  /* Its unit board and its building board. */
  g_assert_cmpuint (stale->len, ==, 2);
  for (guint i = 0; i < stale->len; i++)
    unit_stale |= g_array_index (stale, SzBoardRef, i).kind == SZ_BOARD_UNIT
                  && g_array_index (stale, SzBoardRef, i).place_id == unit_id;
  g_assert_true (unit_stale);

  /* Reprinting them clears the list. */
  o.output = pdf;
  export (after, stale, &o, &summary);
  sz_export_summary_clear (&summary);
  g_clear_pointer (&stale, g_array_unref);
  stale = sz_export_list_stale (after, &error);
  g_assert_cmpuint (stale->len, ==, 0);
}

/* Bookmarks grid → building → unit and page labels, read back by poppler;
 * a big batch split per grid; one file per board with predictable names. */
static void
test_batches (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = first_refs (source, SZ_BOARD_UNIT, 1000);
  g_autofree char *pdf = g_build_filename (f->dir, "batch.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, NULL);
  g_autofree char *folder = g_build_filename (f->dir, "each", NULL);
  g_autoptr(GError) error = NULL;
  PopplerDocument *doc = NULL;   /* poppler 22.12 has no autoptr for these */
  PopplerPage *page = NULL;
  g_autofree char *label = NULL;
  PopplerIndexIter *iter;
  SzExportOptions o = { .output = pdf, .no_record = TRUE };
  SzExportSummary summary;
  guint top = 0;

  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  export (source, refs, &o, &summary);
  sz_export_summary_clear (&summary);
  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 148);
  iter = poppler_index_iter_new (doc);
  g_assert_nonnull (iter);
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);

      g_assert_true (strstr (action->any.title, "4") || strstr (action->any.title, "1")
                        || strstr (action->any.title, "2") || strstr (action->any.title, "3"));
      g_assert_nonnull (child);   /* grid → compound and building → unit */
      poppler_index_iter_free (child);
      poppler_action_free (action);
      top++;
    }
  while (poppler_index_iter_next (iter));
  poppler_index_iter_free (iter);
  g_assert_cmpuint (top, ==, 4);
  page = poppler_document_get_page (doc, 0);
  label = poppler_page_get_label (page);
  g_assert_cmpstr (label, ==, "G1-1");
  g_object_unref (page);
  g_object_unref (doc);

  /* Split: 148 boards over a limit of 50 go into one file per grid. */
  o.split_over = 50;
  export (source, refs, &o, &summary);
  g_assert_cmpuint (summary.files->len, ==, 4);
  g_assert_true (g_str_has_suffix (g_ptr_array_index (summary.files, 0), "batch-G1.pdf"));
  g_assert_cmpuint (summary.boards, ==, 148);
  sz_export_summary_clear (&summary);

  /* One PDF per board. */
  g_array_set_size (refs, 3);
  o.output = folder;
  o.mode = SZ_EXPORT_PER_BOARD;
  export (source, refs, &o, &summary);
  g_assert_cmpuint (summary.files->len, ==, 3);
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *base = g_path_get_basename (g_ptr_array_index (summary.files, i));

      g_assert_true (g_str_has_prefix (base, "unit-"));
      g_assert_true (g_str_has_suffix (base, ".pdf"));
      check_pdf (g_ptr_array_index (summary.files, i), 1, 210, 297);
    }
  sz_export_summary_clear (&summary);
}

/* Writing where one cannot: an error naming the place, and nothing left
 * under the name. */
static void
test_unwritable (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = first_refs (source, SZ_BOARD_UNIT, 2);
  g_autoptr(GError) error = NULL;
  SzExportOptions o = { .output = "/nonexistent/folder/boards.pdf", .no_record = TRUE };
  SzExportSummary summary;

  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  for (SzEngine e = SZ_ENGINE_HARU; e <= SZ_ENGINE_AUTO; e++)
    {
      o.engine = e;
      sz_export_summary_init (&summary);
      g_assert_false (sz_export_boards (source, refs, &o, &summary, &error));
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
      g_assert_nonnull (strstr (error->message, "/nonexistent/folder"));
      g_clear_error (&error);
      sz_export_summary_clear (&summary);
    }
  g_assert_false (g_file_test ("/nonexistent/folder/boards.pdf", G_FILE_TEST_EXISTS));
}

/* The disk fills in the middle of a document (a file-size limit stands
 * in for it): the writer, on its own thread, fails; the export says so
 * with the file, leaves neither the document nor a temporary file, and
 * records nothing. */
static void
test_write_fails (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << SZ_BOARD_UNIT);
  g_autoptr(GError) error = NULL;
  g_autofree char *out = g_build_filename (f->dir, "full.pdf", NULL);
  SzExportOptions o = { .output = out, .engine = SZ_ENGINE_AUTO };
  SzExportSummary summary;
  struct rlimit old, small;
  void (*old_handler) (int);
  gint64 prints = test_count (f->db, "board_print");
  g_autoptr(GDir) dir = NULL;

  g_assert_cmpuint (refs->len, >, 100);
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  g_assert_cmpint (getrlimit (RLIMIT_FSIZE, &old), ==, 0);
  small = old;
  small.rlim_cur = 64 * 1024;
  old_handler = signal (SIGXFSZ, SIG_IGN);
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &small), ==, 0);
  sz_export_summary_init (&summary);
  g_assert_false (sz_export_boards (source, refs, &o, &summary, &error));
  g_assert_cmpint (setrlimit (RLIMIT_FSIZE, &old), ==, 0);
  signal (SIGXFSZ, old_handler);

  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, f->dir));
  g_assert_cmpuint (summary.boards, ==, 0);
  sz_export_summary_clear (&summary);
  g_assert_false (g_file_test (out, G_FILE_TEST_EXISTS));
  dir = g_dir_open (f->dir, 0, NULL);
  for (const char *name; dir != NULL && (name = g_dir_read_name (dir)) != NULL;)
    g_assert_false (sz_safe_file_is_temp_name (name));
  g_assert_cmpint (test_count (f->db, "board_print"), ==, prints);
}

/* The command line: a proof of one building, and clear errors. */
static void
test_cli (Fixture *f, gconstpointer data)
{
  const char *cli = g_getenv ("SANZHANG_CLI");
  g_autofree char *pdf = g_build_filename (f->dir, "cli.pdf", NULL);
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = first_refs (source, SZ_BOARD_BUILDING, 1);
  g_autofree char *building = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (refs, SzBoardRef, 0).place_id);
  const char *ok_argv[] = { cli, "-d", f->path, "boards", "--building", building, "--kind", "building,unit",
                            "--style", "plain", "-o", pdf, NULL };
  const char *bad_paper[] = { cli, "-d", f->path, "boards", "--paper", "B9", "-o", pdf, NULL };
  const char *bad_id[] = { cli, "-d", f->path, "boards", "--unit", "987654", "-o", pdf, NULL };
  const char *no_out[] = { cli, "-d", f->path, "boards", NULL };
  const char *bad_kind[] = { cli, "-d", f->path, "boards", "--unit", "1", "--kind", "grid", "-o", pdf, NULL };
  const char *two[] = { cli, "-d", f->path, "boards", "--unit", "1", "--grid", "1", "-o", pdf, NULL };
  g_autofree char *out = NULL;
  int status;

  if (cli == NULL)
    {
      g_test_skip ("SANZHANG_CLI is not set");
      sz_db_close (f->db);
      f->db = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, NULL);
      return;
    }
  /* Let the command have the file. */
  sz_db_close (f->db);
  out = run (ok_argv, NULL);
  g_assert_nonnull (strstr (out, "cli.pdf"));
  {
    SzTreeNode *node = sz_board_source_find (source, SZ_NODE_BUILDING, g_array_index (refs, SzBoardRef, 0).place_id);
    g_autoptr(GArray) boards = sz_board_source_select (source, node, (1u << SZ_BOARD_UNIT) | (1u << SZ_BOARD_BUILDING));

    check_pdf (pdf, boards->len, 210, 297);
  }
  g_free (run (bad_paper, &status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_free (run (bad_id, &status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  g_free (run (no_out, &status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_free (run (bad_kind, &status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);
  g_free (run (two, &status));
  g_assert_cmpint (WEXITSTATUS (status), ==, 2);

  /* Board settings: shown, changed, refused with the field named. */
  {
    const char *show[] = { cli, "-d", f->path, "community", NULL };
    const char *set[] = { cli, "-d", f->path, "community", "--vacancy-text", "暂缺，欢迎自荐", "--qr-max-age", "30", NULL };
    const char *bad_age[] = { cli, "-d", f->path, "community", "--qr-max-age", "0", NULL };
    g_autofree char *shown = NULL;
    g_autofree char *after = NULL;

    shown = run (show, NULL);
    g_assert_nonnull (strstr (shown, "example.org"));
    after = run (set, NULL);
    g_assert_nonnull (strstr (after, "暂缺，欢迎自荐"));
    g_free (run (bad_age, &status));
    g_assert_cmpint (WEXITSTATUS (status), ==, 1);
  }
  f->db = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, NULL);
}

static GBytes *
make_jpeg (int width, int height)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, width, height);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize size = 0;

  gdk_pixbuf_fill (pixbuf, 0x3060a0ff);
  g_assert_true (gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "jpeg", &error, "quality", "90", NULL));
  return g_bytes_new_take (buffer, size);
}

/* A photo on a board keeps its aspect and is embedded as it is; an old
 * WeChat QR image is printed and reported. */
static void
test_photos (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) first = source_new (f);
  g_autoptr(SzBoardSource) source = NULL;
  gint64 unit_id = 0;
  gint64 person = first_unit_head (first, &unit_id);
  g_autoptr(GBytes) photo = make_jpeg (300, 400);
  g_autoptr(GBytes) qr = make_jpeg (200, 200);
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_autofree char *pdf = g_build_filename (f->dir, "photo.pdf", NULL);
  const char *images_argv[] = { "pdfimages", "-list", pdf, NULL };
  SzExportOptions o = { .output = pdf, .no_record = TRUE };
  SzExportSummary summary;
  gboolean qr_old = FALSE;

  g_assert_true (sz_person_set_image (f->db, person, SZ_IMAGE_PHOTO, photo, "2025-06-01", &error));
  g_assert_true (sz_person_set_image (f->db, person, SZ_IMAGE_QR, qr, "2020-01-01", &error));
  g_assert_no_error (error);
  source = source_new (f);
  g_array_append_val (refs, ((SzBoardRef) { SZ_BOARD_UNIT, unit_id }));
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);

  for (SzEngine e = SZ_ENGINE_HARU; e <= SZ_ENGINE_AUTO; e++)
    {
      g_autofree char *list = NULL;

      o.engine = e;
      export (source, refs, &o, &summary);
      for (guint i = 0; i < summary.problems->len; i++)
        qr_old |= ((SzExportProblem *) g_ptr_array_index (summary.problems, i))->kind == SZ_PROBLEM_QR_OLD;
      g_assert_true (qr_old);
      sz_export_summary_clear (&summary);
      check_pdf (pdf, 1, 210, 297);
      /* The photo at its own 300 × 400 pixels, as the JPEG it was. */
      list = run (images_argv, NULL);
      g_assert_nonnull (strstr (list, "   300   400  rgb     3   8  jpeg"));
    }
  {
    g_autoptr(SzBoard) board = sz_board_source_build (source, SZ_BOARD_UNIT, unit_id, &error);
    g_autoptr(GError) lerror = NULL;
    g_autoptr(SzFonts) fonts = sz_fonts_new (&lerror);
    g_autoptr(SzText) text = sz_text_new (fonts);
    SzLayoutOptions lo = { 0 };
    g_autoptr(SzPage) page = NULL;
    gboolean found = FALSE;

    sz_paper_parse ("A4", FALSE, &lo.paper, NULL);
    page = sz_layout_board (text, board, &lo, &lerror);
    test_check_page_boxes (page);
    for (guint i = 0; i < page->items->len; i++)
      {
        SzItem *item = g_ptr_array_index (page->items, i);

        if (item->kind == SZ_ITEM_IMAGE && item->image.pixel_width == 300)
          {
            found = TRUE;
            g_assert_cmpfloat (fabs (item->image.w / item->image.h - 0.75), <, 0.001);
          }
      }
    g_assert_true (found);
  }
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/export/pdfs", Fixture, NULL, fixture_setup, test_pdfs, fixture_teardown);
  g_test_add ("/export/default-engine", Fixture, NULL, fixture_setup, test_default_engine, fixture_teardown);
  g_test_add ("/export/engines-agree", Fixture, NULL, fixture_setup, test_engines_agree, fixture_teardown);
  g_test_add ("/export/ink-and-rare-names", Fixture, NULL, fixture_setup, test_ink_and_rare_names, fixture_teardown);
  g_test_add ("/export/refused", Fixture, NULL, fixture_setup, test_refused, fixture_teardown);
  g_test_add ("/export/stale", Fixture, NULL, fixture_setup, test_stale, fixture_teardown);
  g_test_add ("/export/batches", Fixture, NULL, fixture_setup, test_batches, fixture_teardown);
  g_test_add ("/export/unwritable", Fixture, NULL, fixture_setup, test_unwritable, fixture_teardown);
  g_test_add ("/export/write-fails", Fixture, NULL, fixture_setup, test_write_fails, fixture_teardown);
  g_test_add ("/export/cli", Fixture, NULL, fixture_setup, test_cli, fixture_teardown);
  g_test_add ("/export/photos", Fixture, NULL, fixture_setup, test_photos, fixture_teardown);
  return g_test_run ();
}
