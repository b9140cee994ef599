/* test-export-engines.h: the part of test-export.c that compares the PDF
 * engines: the default's choice, and the same boards' pixels through
 * each engine.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

static cairo_surface_t *
rasterize (const char *tool, const char *pdf, int page, double dpi)
{
  g_autofree char *prefix = g_strconcat (pdf, "-r", NULL);
  g_autofree char *res = g_strdup_printf ("%g", dpi);
  g_autofree char *pg = g_strdup_printf ("%d", page);
  const char *argv[] = { tool, "-r", res, "-f", pg, "-l", pg, "-singlefile", "-png", pdf, prefix, NULL };
  g_autofree char *out = run (argv, NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  cairo_surface_t *s = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (s), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);
  return s;
}

static guint32
pixel (cairo_surface_t *s, int x, int y)
{
  unsigned char *data = cairo_image_surface_get_data (s);
  int stride = cairo_image_surface_get_stride (s);

  return *(guint32 *) (data + (gsize) y * stride + (gsize) x * 4) & 0xFFFFFF;
}

static int
channel_diff (guint32 a, guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 24; shift += 8)
    d = MAX (d, abs ((int) ((a >> shift) & 0xFF) - (int) ((b >> shift) & 0xFF)));
  return d;
}

/* The same page from libharu (through poppler) and from cairo differs in
 * less than 1 % of its pixels at 150 dpi. */
static void
test_engines_agree (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = sz_text_new (fonts);

  /* libharu and Sanzhang's own writer against cairo's image. */
  for (SzEngine engine = SZ_ENGINE_HARU; engine <= SZ_ENGINE_PDF; engine += SZ_ENGINE_PDF - SZ_ENGINE_HARU)
  for (SzBoardKind kind = 0; kind < SZ_N_BOARD_KINDS; kind++)
    for (SzBoardStyle style = 0; style < SZ_N_STYLES; style++)
      {
        g_autoptr(GArray) refs = first_refs (source, kind, 1);
        SzBoardRef *ref = &g_array_index (refs, SzBoardRef, 0);
        g_autofree char *pdf = g_build_filename (f->dir, "agree.pdf", NULL);
        SzExportOptions o = { .style = style, .engine = engine, .output = pdf, .no_record = TRUE,
                              .printed_on = "2026-11-25" };
        SzLayoutOptions lo = { .style = style, .printed_on = "2026-11-25" };
        SzExportSummary summary;
        g_autoptr(SzBoard) board = sz_board_source_build (source, ref->kind, ref->place_id, &error);
        g_autoptr(SzPage) page = NULL;
        cairo_surface_t *haru, *cairo;
        int w, h;
        guint64 differ = 0;

        sz_paper_parse ("A4", FALSE, &o.paper, NULL);
        lo.paper = o.paper;
        export (source, refs, &o, &summary);
        sz_export_summary_clear (&summary);
        haru = rasterize ("pdftocairo", pdf, 1, 150);
        page = sz_layout_board (text, board, &lo, &error);
        g_assert_no_error (error);
        cairo = sz_render_cairo_image (page, 150, &error);
        g_assert_no_error (error);
        w = MIN (cairo_image_surface_get_width (haru), cairo_image_surface_get_width (cairo));
        h = MIN (cairo_image_surface_get_height (haru), cairo_image_surface_get_height (cairo));
        g_assert_cmpint (abs (cairo_image_surface_get_width (haru) - cairo_image_surface_get_width (cairo)), <=, 1);
        cairo_surface_flush (haru);
        cairo_surface_flush (cairo);
        for (int y = 0; y < h; y++)
          for (int x = 0; x < w; x++)
            differ += channel_diff (pixel (haru, x, y), pixel (cairo, x, y)) > 64;
        g_test_message ("%s, %s board, %s: %.3f %% of pixels differ", sz_engine_to_string (engine),
                        sz_board_kind_to_string (kind),
                        sz_board_style_to_string (style), 100.0 * differ / ((double) w * h));
        g_assert_cmpfloat (100.0 * differ / ((double) w * h), <, 1.0);
        cairo_surface_destroy (haru);
        cairo_surface_destroy (cairo);
      }
}

/* With no engine named, the batch goes to Sanzhang's own writer: fonts
 * embedded and subset, text extractable, and a file smaller than either
 * library makes of the same boards. */
static void
test_default_engine (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBoardSource) source = source_new (f);
  g_autoptr(GArray) refs = first_refs (source, SZ_BOARD_UNIT, 3);
  g_autofree char *pdf = g_build_filename (f->dir, "default.pdf", NULL);
  g_autofree char *haru_pdf = g_build_filename (f->dir, "haru.pdf", NULL);
  g_autofree char *cairo_pdf = g_build_filename (f->dir, "cairo.pdf", NULL);
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  SzExportOptions o = { .engine = SZ_ENGINE_AUTO, .output = pdf, .no_record = TRUE };
  SzExportSummary summary;
  g_autofree char *fonts = NULL;
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  GStatBuf mine, haru, cairo;

  g_assert_cmpint (sz_engine_resolve (SZ_ENGINE_AUTO, 1), ==, SZ_ENGINE_PDF);
  g_assert_cmpint (sz_engine_resolve (SZ_ENGINE_AUTO, 100000), ==, SZ_ENGINE_PDF);
  g_assert_cmpint (sz_engine_resolve (SZ_ENGINE_CAIRO, 1), ==, SZ_ENGINE_CAIRO);
  sz_paper_parse ("A4", FALSE, &o.paper, NULL);
  export (source, refs, &o, &summary);
  g_assert_cmpuint (summary.boards, ==, 3);
  sz_export_summary_clear (&summary);
  check_pdf (pdf, 3, 210, 297);
  fonts = run (fonts_argv, NULL);
  lines = g_strsplit (fonts, "\n", -1);
  /* "ABCDEF+WenQuanYiZenHei  CID TrueType  Identity-H  yes yes yes" */
  g_assert_nonnull (lines[2]);
  g_assert_nonnull (strstr (lines[2], "+WenQuanYiZenHei"));
  g_assert_nonnull (strstr (lines[2], "Identity-H"));
  g_assert_nonnull (strstr (lines[2], "yes yes yes"));
  text = run (text_argv, NULL);
  check_phones (source, refs, text);

  o.output = haru_pdf;
  o.engine = SZ_ENGINE_HARU;
  export (source, refs, &o, &summary);
  sz_export_summary_clear (&summary);
  o.output = cairo_pdf;
  o.engine = SZ_ENGINE_CAIRO;
  export (source, refs, &o, &summary);
  sz_export_summary_clear (&summary);
  g_assert_cmpint (g_stat (pdf, &mine), ==, 0);
  g_assert_cmpint (g_stat (haru_pdf, &haru), ==, 0);
  g_assert_cmpint (g_stat (cairo_pdf, &cairo), ==, 0);
  g_test_message ("3 boards: %lld bytes, libharu %lld, cairo %lld", (long long) mine.st_size,
                  (long long) haru.st_size, (long long) cairo.st_size);
  g_assert_cmpint (mine.st_size, <, haru.st_size);
  g_assert_cmpint (mine.st_size, <, cairo.st_size);
}
