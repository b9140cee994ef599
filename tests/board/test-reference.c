/* test-reference.c: every kind of board against a reference PNG, as a
 * user would see it, with a tolerant comparison.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The references are the demo community's first board of each kind, A4,
 * both styles, in zh_CN, drawn by cairo at 50 dpi.  After a deliberate
 * change of the design, look at the new images and then write them with
 *   SANZHANG_UPDATE_REFERENCES=1 meson test -C _build test-reference
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "sz-export.h"
#include "sz-fonts.h"
#include "sz-render-cairo.h"
#include "sz-text.h"
#include "sz-board-test-util.h"

#define DPI 50
/* Share of pixels that may differ (by more than a quarter of the range in
 * a channel): antialiasing on another machine, not a moved block. */
#define TOLERANCE 0.005

static int
channel_diff (guint32 a, guint32 b)
{
  int d = 0;

  for (int shift = 0; shift < 24; shift += 8)
    d = MAX (d, abs ((int) ((a >> shift) & 0xFF) - (int) ((b >> shift) & 0xFF)));
  return d;
}

static double
differ (cairo_surface_t *a, cairo_surface_t *b)
{
  int w = cairo_image_surface_get_width (a);
  int h = cairo_image_surface_get_height (a);
  guint64 n = 0;

  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    for (int x = 0; x < w; x++)
      {
        guint32 pa = *(guint32 *) (cairo_image_surface_get_data (a) + y * cairo_image_surface_get_stride (a) + x * 4);
        guint32 pb = *(guint32 *) (cairo_image_surface_get_data (b) + y * cairo_image_surface_get_stride (b) + x * 4);

        n += channel_diff (pa & 0xFFFFFF, pb & 0xFFFFFF) > 64;
      }
  return (double) n / ((double) w * h);
}

static void
test_references (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  gint64 community = 0;
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzBoardSource) source = NULL;
  g_autoptr(SzFonts) fonts = NULL;
  g_autoptr(SzText) text = NULL;
  gboolean update = g_getenv ("SANZHANG_UPDATE_REFERENCES") != NULL;

  if (setlocale (LC_ALL, "zh_CN.UTF-8") == NULL)
    {
      g_test_skip ("the zh_CN.UTF-8 locale is not installed: the references are in Chinese");
      return;
    }
  g_setenv ("LANGUAGE", "zh_CN", TRUE);

  db = test_open_demo ("reference.db", &path, &community);
  source = sz_board_source_new (db, community, &error);
  g_assert_no_error (error);
  fonts = sz_fonts_new (&error);
  g_assert_no_error (error);
  text = sz_text_new (fonts);
  if (strcmp (sz_board_kind_title (SZ_BOARD_UNIT), "Unit board") == 0)
    {
      g_test_skip ("no zh_CN translation in SANZHANG_LOCALEDIR: the references are in Chinese");
      return;
    }

  for (SzBoardKind kind = 0; kind < SZ_N_BOARD_KINDS; kind++)
    for (SzBoardStyle style = 0; style < SZ_N_STYLES; style++)
      {
        g_autoptr(GArray) refs = sz_board_source_select (source, sz_board_source_get_tree (source), 1u << kind);
        SzBoardRef *ref = &g_array_index (refs, SzBoardRef, 0);
        g_autoptr(SzBoard) board = sz_board_source_build (source, ref->kind, ref->place_id, &error);
        SzLayoutOptions lo = { .style = style, .printed_on = "2026-11-25" };
        g_autoptr(SzPage) page = NULL;
        g_autofree char *name = g_strdup_printf ("%s-%s.png", sz_board_kind_to_string (kind),
                                                 sz_board_style_to_string (style));
        g_autofree char *reference = g_test_build_filename (G_TEST_DIST, "fixtures", "boards", name, NULL);
        cairo_surface_t *image, *expected;
        double share;

        sz_paper_parse ("A4", FALSE, &lo.paper, NULL);
        page = sz_layout_board (text, board, &lo, &error);
        g_assert_no_error (error);
        image = sz_render_cairo_image (page, DPI, &error);
        g_assert_no_error (error);
        if (update)
          {
            g_assert_cmpint (cairo_surface_write_to_png (image, reference), ==, CAIRO_STATUS_SUCCESS);
            g_test_message ("wrote %s", reference);
            cairo_surface_destroy (image);
            continue;
          }
        expected = cairo_image_surface_create_from_png (reference);
        if (cairo_surface_status (expected) != CAIRO_STATUS_SUCCESS)
          g_error ("cannot read the reference %s: make it with SANZHANG_UPDATE_REFERENCES=1", reference);
        g_assert_cmpint (cairo_image_surface_get_width (expected), ==, cairo_image_surface_get_width (image));
        g_assert_cmpint (cairo_image_surface_get_height (expected), ==, cairo_image_surface_get_height (image));
        share = differ (image, expected);
        if (style == SZ_STYLE_PLAIN)
          {
            /* The comparison sees a real change: the red board is not
             * "the same" as the plain one. */
            g_autofree char *red_name = g_strdup_printf ("%s-red.png", sz_board_kind_to_string (kind));
            g_autofree char *red_path = g_test_build_filename (G_TEST_DIST, "fixtures", "boards", red_name, NULL);
            cairo_surface_t *red = cairo_image_surface_create_from_png (red_path);

            g_assert_cmpfloat (differ (image, red), >, TOLERANCE * 4);
            cairo_surface_destroy (red);
          }
        g_test_message ("%s: %.3f %% of pixels differ", name, share * 100);
        if (share > TOLERANCE)
          {
            g_autofree char *actual = g_build_filename (g_get_tmp_dir (), name, NULL);

            cairo_surface_write_to_png (image, actual);
            g_error ("%s differs from its reference in %.2f %% of pixels; the new image is %s",
                     name, share * 100, actual);
          }
        cairo_surface_destroy (expected);
        cairo_surface_destroy (image);
      }
}

int
main (int argc, char **argv)
{
  const char *localedir = g_getenv ("SANZHANG_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  g_test_add_func ("/board/reference", test_references);
  return g_test_run ();
}
