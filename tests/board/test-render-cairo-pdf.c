/* test-render-cairo-pdf.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>
#include <time.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sz-qr.h"
#include "sz-render-cairo.h"
#include "sz-render-test-util.h"

#define TITLE "丰和社区 网格公示牌"

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

typedef struct
{
  const char *outline[4];
  const char *label_prefix;
  double      width, height;
} PageSpec;

static const PageSpec pdf_pages[] = {
  { { "第1网格 丰和第一网格", "丰和林苑 2栋", "1单元", NULL }, "G1-", 595.276, 841.890 },
  { { "第1网格 丰和第一网格", "丰和林苑 2栋", "2单元", NULL }, "G1-", 595.276, 841.890 },
  { { "第1网格 丰和第一网格", "丰和林苑 3栋", "1单元", NULL }, "G1-", 841.890, 595.276 },
  { { "第2网格 和平网格", "和平小区 1栋", "1单元", NULL }, "G2-", 841.890, 1190.551 },
};

static const char expected_outline[] =
  "第1网格 丰和第一网格 → 1 (open)\n"
  "  丰和林苑 2栋 → 1\n"
  "    1单元 → 1\n"
  "    2单元 → 2\n"
  "  丰和林苑 3栋 → 3\n"
  "    1单元 → 3\n"
  "第2网格 和平网格 → 4 (open)\n"
  "  和平小区 1栋 → 4\n"
  "    1单元 → 4\n";

static const char *expected_labels[] = { "G1-1", "G1-2", "G1-3", "G2-1" };

static void
dump_index (PopplerDocument  *doc,
            PopplerIndexIter *iter,
            int               depth,
            GString          *out)
{
  do
    {
      PopplerAction *action = poppler_index_iter_get_action (iter);
      PopplerIndexIter *child = poppler_index_iter_get_child (iter);
      PopplerDest *dest = action->goto_dest.dest;
      PopplerDest *named = NULL;

      g_assert_cmpint (action->type, ==, POPPLER_ACTION_GOTO_DEST);
      if (dest->type == POPPLER_DEST_NAMED)
        dest = named = poppler_document_find_dest (doc, dest->named_dest);
      g_string_append_printf (out, "%*s%s → %d%s\n", depth * 2, "", action->any.title, dest->page_num,
                              child != NULL && poppler_index_iter_is_open (iter) ? " (open)" : "");
      if (child != NULL)
        dump_index (doc, child, depth + 1, out);
      g_clear_pointer (&child, poppler_index_iter_free);
      g_clear_pointer (&named, poppler_dest_free);
      poppler_action_free (action);
    }
  while (poppler_index_iter_next (iter));
}

/* @text without white space, as extraction spaces it as it likes. */
static char *
squeeze (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (out, g_utf8_get_char (p));
  return g_string_free (out, FALSE);
}

/* Counts in binary data too: PDF streams hold NUL bytes. */
static guint
count_substrings (const char *haystack,
                  gsize       len,
                  const char *needle,
                  gsize       needle_len)
{
  guint n = 0;

  for (gsize i = 0; i + needle_len <= len; i++)
    n += memcmp (haystack + i, needle, needle_len) == 0;
  return n;
}

/* The standard output of a tool that must succeed, or NULL when it is
 * not installed. */
static char *
run_tool (const char *tool,
          ...)
{
  g_autofree char *program = g_find_program_in_path (tool);
  g_autoptr(GError) error = NULL;
  const char *argv[8] = { program, };
  char *out = NULL;
  int status = 0;
  va_list args;

  if (program == NULL)
    {
      g_test_message ("%s is not installed: skipped", tool);
      return NULL;
    }
  va_start (args, tool);
  for (guint i = 1; i < G_N_ELEMENTS (argv) - 1 && (argv[i] = va_arg (args, const char *)) != NULL; i++)
    ;
  va_end (args);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
  return out;
}

static void
check_pdf_tools (const char *path)
{
  /* "-": to standard output, not to a file beside the PDF. */
  g_autofree char *text = run_tool ("pdftotext", "-enc", "UTF-8", path, "-", NULL);
  g_autofree char *fonts_out = run_tool ("pdffonts", path, NULL);
  g_autofree char *check = run_tool ("qpdf", "--check", path, NULL);

  if (text != NULL)
    {
      g_autofree char *squeezed = squeeze (text);

      g_assert_nonnull (strstr (squeezed, "丰和林苑2栋1单元"));
      g_assert_nonnull (strstr (squeezed, "和平小区1栋1单元"));
      g_assert_cmpuint (count_substrings (squeezed, strlen (squeezed), "网格长张三", strlen ("网格长张三")), ==,
                        G_N_ELEMENTS (pdf_pages));
    }
  if (fonts_out != NULL)
    {
      g_auto(GStrv) lines = g_strsplit (fonts_out, "\n", -1);
      gsize emb = strstr (lines[0], "emb") - lines[0];
      guint n_fonts = 0;

      g_test_message ("%s", fonts_out);
      for (guint i = 2; lines[i] != NULL; i++)
        if (*lines[i] != '\0' && ++n_fonts)
          {
            g_assert_true (strlen (lines[i]) > emb + 3 && strncmp (lines[i] + emb, "yes", 3) == 0);
            g_assert_null (strstr (lines[i], "Type 3"));
          }
      g_assert_cmpuint (n_fonts, >=, 2);
    }
  if (check != NULL)
    g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
}

static void
test_pdf (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "公示牌.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) png = make_png_with_alpha ();
  g_autoptr(GBytes) jpeg = make_jpeg (0x00c000ff);
  g_autoptr(GBytes) jpeg_copy = g_bytes_new (g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg));
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCairoPdf) pdf = NULL;
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) first = NULL;
  g_autoptr(GString) outline = g_string_new (NULL);
  g_autofree guint8 *modules = NULL;
  g_autofree guint8 *seen = NULL;
  g_autofree char *raw = NULL;
  gsize raw_len;
  SzDocInfo info = { (char *) TITLE, (char *) "丰和社区", (char *) "网格公示", (char *) "Sanzhang 0.1" };
  PopplerIndexIter *iter;
  cairo_surface_t *image;
  cairo_t *cr;
  int n = 0;

  modules = sz_qr_encode (URL, "QR", &n, &error);
  g_assert_no_error (error);
  pdf = sz_cairo_pdf_new (path, &info, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (pdf_pages); i++)
    {
      const PageSpec *spec = &pdf_pages[i];
      g_autoptr(SzPage) page = sz_page_new (spec->width, spec->height);
      g_autofree char *heading = g_strdup_printf ("%s %s", spec->outline[1], spec->outline[2]);

      page->outline = g_strdupv ((char **) spec->outline);
      page->label_prefix = g_strdup (spec->label_prefix);
      add_text (page, 0, 40, 60, 20, heading, FALSE);
      add_text (page, 0, 40, 100, 14, "网格长 张三", TRUE);
      add_text (page, 2, 40, 130, 12, "楼长 李四 13800001234", FALSE);
      /* A glyph the font lacks: skipped, the text around it kept. */
      add_text (page, 0, 40, 160, 12, "网 格 员", FALSE)->glyphs[1].glyph = 0x0FFFFFFF;
      sz_page_add_line (page, 40, 140, 300, 140, 1, &black);
      sz_page_add_qr (page, modules, n, 40, 300, 3);
      /* The same photo on pages 1 and 2, and a copy of its bytes on 4. */
      if (i != 2)
        sz_page_add_image (page, i < 2 ? jpeg : jpeg_copy, "image/jpeg", 64, 48, 300, 160, 128, 96);
      if (i == 1)
        sz_page_add_image (page, png, "image/png", 40, 40, 300, 300, 80, 80);
      g_assert_true (sz_cairo_pdf_add_page (pdf, page, &error));
      g_assert_no_error (error);
    }
  g_assert_cmpuint (sz_cairo_pdf_get_n_pages (pdf), ==, G_N_ELEMENTS (pdf_pages));
  /* Nothing under the final name until the PDF is finished. */
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  g_assert_true (sz_cairo_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 1);

  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, G_N_ELEMENTS (pdf_pages));
  for (guint i = 0; i < G_N_ELEMENTS (pdf_pages); i++)
    {
      g_autoptr(PopplerPage) page = poppler_document_get_page (doc, i);
      g_autofree char *label = poppler_page_get_label (page);
      g_autofree char *text = poppler_page_get_text (page);
      g_autofree char *squeezed = squeeze (text);
      g_autofree char *heading = g_strconcat (pdf_pages[i].outline[1], pdf_pages[i].outline[2], NULL);
      g_autofree char *heading_squeezed = squeeze (heading);
      double w, h;

      poppler_page_get_size (page, &w, &h);
      g_assert_cmpfloat (fabs (w - pdf_pages[i].width), <, 72 / 254.0);   /* 0.1 mm */
      g_assert_cmpfloat (fabs (h - pdf_pages[i].height), <, 72 / 254.0);
      g_assert_cmpstr (label, ==, expected_labels[i]);
      g_assert_nonnull (strstr (squeezed, heading_squeezed));
      g_assert_nonnull (strstr (squeezed, "楼长李四13800001234"));
      g_assert_nonnull (strstr (squeezed, "网格员"));
      /* Bold is drawn twice, but its text is there once. */
      g_assert_cmpuint (count_substrings (squeezed, strlen (squeezed), "网格长张三", strlen ("网格长张三")), ==, 1);
    }

  /* The QR and the photo survive the trip through PDF. */
  first = poppler_document_get_page (doc, 0);
  image = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1241, 1754);
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, 150 / 72.0, 150 / 72.0);
  poppler_page_render_for_printing (first, cr);
  cairo_destroy (cr);
  seen = read_qr (image, 150 / 72.0, 40, 300, 3, n);
  g_assert_cmpmem (seen, n * n, modules, n * n);
  assert_pixel (image, 150 / 72.0, 364, 208, 0, 192, 0, 8);
  cairo_surface_destroy (image);

  iter = poppler_index_iter_new (doc);
  dump_index (doc, iter, 0, outline);
  poppler_index_iter_free (iter);
  g_assert_cmpstr (outline->str, ==, expected_outline);
  {
    g_autofree char *title = poppler_document_get_title (doc);
    g_autofree char *author = poppler_document_get_author (doc);
    g_autofree char *subject = poppler_document_get_subject (doc);
    g_autofree char *creator = poppler_document_get_creator (doc);

    g_assert_cmpstr (title, ==, TITLE);
    g_assert_cmpstr (author, ==, "丰和社区");
    g_assert_cmpstr (subject, ==, "网格公示");
    g_assert_cmpstr (creator, ==, "Sanzhang 0.1");
    g_assert_cmpint (ABS ((gint64) poppler_document_get_creation_date (doc) - (gint64) time (NULL)), <, 600);
  }

  /* One JPEG, embedded as it came, however many pages and GBytes show it;
   * the PNG keeps its alpha as a soft mask. */
  g_assert_true (g_file_get_contents (path, &raw, &raw_len, NULL));
  g_assert_cmpuint (count_substrings (raw, raw_len, "/DCTDecode", 10), ==, 1);
  g_assert_cmpuint (count_substrings (raw, raw_len, g_bytes_get_data (jpeg, NULL), g_bytes_get_size (jpeg)), ==, 1);
  g_assert_cmpuint (count_substrings (raw, raw_len, "/SMask", 6), >=, 1);

  check_pdf_tools (path);
  count_files (dir, TRUE);
}

static void
test_pdf_errors (void)
{
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "board.pdf", NULL);
  g_autofree char *missing = g_build_filename (dir, "missing", "board.pdf", NULL);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autoptr(GBytes) junk = g_bytes_new_static ("\x89PNG\r\n\x1a\n not a PNG at all", 25);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPage) bad = sz_page_new (200, 200);
  g_autoptr(SzPage) good = sz_page_new (300, 200);
  g_autoptr(PopplerDocument) doc = NULL;
  g_autoptr(PopplerPage) page = NULL;
  g_autofree char *text = NULL;
  g_autofree char *label = NULL;
  SzCairoPdf *pdf;

  /* A folder that does not exist. */
  g_assert_null (sz_cairo_pdf_new (missing, NULL, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
  g_assert_nonnull (strstr (error->message, missing));
  g_clear_error (&error);

  add_text (bad, 0, 10, 50, 20, "坏页", FALSE);
  sz_page_add_image (bad, junk, "image/png", 10, 10, 10, 60, 50, 50);
  bad->label_prefix = g_strdup ("X-");
  add_text (good, 0, 10, 50, 20, "好页", FALSE);
  good->label_prefix = g_strdup ("Y-");

  /* Given up before the end, or with no pages: nothing is left behind. */
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_true (sz_cairo_pdf_add_page (pdf, good, &error));
  g_assert_cmpuint (count_files (dir, FALSE), ==, 1);
  sz_cairo_pdf_free (pdf);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 0);
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_false (sz_cairo_pdf_finish (pdf, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_clear_error (&error);
  sz_cairo_pdf_free (pdf);
  g_assert_cmpuint (count_files (dir, FALSE), ==, 0);

  /* A damaged picture fails its page, drawing nothing; the document goes
   * on with the next page. */
  pdf = sz_cairo_pdf_new (path, NULL, &error);
  g_assert_false (sz_cairo_pdf_add_page (pdf, bad, &error));
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE);
  g_clear_error (&error);
  g_assert_cmpuint (sz_cairo_pdf_get_n_pages (pdf), ==, 0);
  g_assert_true (sz_cairo_pdf_add_page (pdf, good, &error));
  g_assert_true (sz_cairo_pdf_finish (pdf, &error));
  g_assert_no_error (error);
  sz_cairo_pdf_free (pdf);

  doc = poppler_document_new_from_file (uri, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (poppler_document_get_n_pages (doc), ==, 1);
  page = poppler_document_get_page (doc, 0);
  text = poppler_page_get_text (page);
  label = poppler_page_get_label (page);
  g_assert_nonnull (strstr (text, "好页"));
  g_assert_cmpstr (label, ==, "Y-1");
  g_assert_cmpuint (count_files (dir, TRUE), ==, 1);
}

/* Figures only (-m perf): a batch of 300 unit boards of 80 runs, one in
 * ten bold, and one A4 board at 150 dpi. */
static void
test_perf (void)
{
  static const char pool[] =
    "丰和林苑社区网格第一二三四五六七八九十栋单元楼长户主电话张王李赵刘陈杨黄周吴徐孙马朱胡郭何高林罗"
    "郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方";
  g_autofree char *dir = test_dir ();
  g_autofree char *path = g_build_filename (dir, "city.pdf", NULL);
  g_autoptr(SzCairoPdf) pdf = sz_cairo_pdf_new (path, NULL, NULL);
  g_autoptr(SzPage) a4 = NULL;
  glong pool_len = g_utf8_strlen (pool, -1);
  gint64 start = g_get_monotonic_time ();
  GStatBuf st;
  guint seed = 1;

  for (guint p = 0; p < 300; p++)
    {
      g_autoptr(SzPage) page = sz_page_new (595.276, 841.890);

      page->outline = g_new0 (char *, 4);
      page->outline[0] = g_strdup_printf ("第%u网格", p / 30 + 1);
      page->outline[1] = g_strdup_printf ("丰和林苑 %u栋", p / 6 + 1);
      page->outline[2] = g_strdup_printf ("%u单元", p % 6 + 1);
      page->label_prefix = g_strdup_printf ("G%u-", p / 30 + 1);
      for (guint r = 0; r < 80; r++)
        {
          g_autoptr(GString) run = g_string_new (NULL);

          for (guint c = 0; c < 6; c++)
            {
              seed = seed * 1103515245 + 12345;
              g_string_append_unichar (run, g_utf8_get_char (g_utf8_offset_to_pointer (pool, (seed >> 16) % pool_len)));
            }
          g_string_append_printf (run, " 138%08u", (seed >> 8) % 100000000);
          add_text (page, 0, 30 + (r % 2) * 280, 40 + (r / 2) * 19.5, 11, run->str, r % 10 == 0);
        }
      g_assert_true (sz_cairo_pdf_add_page (pdf, page, NULL));
      if (p == 0)
        a4 = g_steal_pointer (&page);
    }
  g_assert_true (sz_cairo_pdf_finish (pdf, NULL));
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_test_message ("300 pages × 80 runs through SzCairoPdf: %.2f s, %.1f KiB",
                  (g_get_monotonic_time () - start) / 1e6, st.st_size / 1024.0);

  start = g_get_monotonic_time ();
  for (guint i = 0; i < 5; i++)
    cairo_surface_destroy (sz_render_cairo_image (a4, 150, NULL));
  g_test_message ("one A4 page of 80 runs at 150 dpi: %.1f ms", (g_get_monotonic_time () - start) / 5e3);
  count_files (dir, TRUE);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);
  test_fonts_init ();

  g_test_add_func ("/board/render-cairo-pdf/document", test_pdf);
  g_test_add_func ("/board/render-cairo-pdf/errors", test_pdf_errors);
  if (g_test_perf ())
    g_test_add_func ("/board/render-cairo-pdf/perf", test_perf);

  return g_test_run ();
}
