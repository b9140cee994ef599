/* sz-pdf-test-util.h: reading a written PDF back as a user's tools do:
 * its text (pdftotext), pages and paper (pdfinfo), and ink where a text
 * is (poppler with cairo).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <math.h>
#include <poppler.h>
#include <stdio.h>
#include <string.h>

#include "sz-board-test-util.h"

/* The text of @pdf (page @page, 0: all), white space taken out: wrapped
 * lines and spread titles read as one. */
G_GNUC_UNUSED static char *
test_pdf_text (const char *pdf, guint page)
{
  g_autofree char *first = g_strdup_printf ("%u", page ? page : 1);
  g_autofree char *last = g_strdup_printf ("%u", page ? page : 9999);
  const char *argv[] = { "pdftotext", "-f", first, "-l", last, "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *out = test_run_tool (argv);
  GString *s = g_string_new (NULL);

  for (const char *p = out; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  return g_string_free (s, FALSE);
}

G_GNUC_UNUSED static void
test_pdf_assert_has (const char *text, const char *what)
{
  GString *s = g_string_new (NULL);

  /* Compared without white space, as pdf_text() reads. */
  for (const char *p = what; *p; p = g_utf8_next_char (p))
    if (!g_unichar_isspace (g_utf8_get_char (p)))
      g_string_append_unichar (s, g_utf8_get_char (p));
  if (strstr (text, s->str) == NULL)
    g_error ("“%s” is not in the PDF:\n%s", s->str, text);
  g_string_free (s, TRUE);
}

/* Pages and the size of the first, from pdfinfo. */
G_GNUC_UNUSED static void
test_pdf_check_info (const char *pdf, guint pages, double width, double height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = test_run_tool (argv);
  guint n = 0;
  double w = 0, h = 0;

  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &n), ==, 1);
  g_assert_nonnull (strstr (info, "Page size:"));
  g_assert_cmpint (sscanf (strstr (info, "Page size:"), "Page size: %lf x %lf", &w, &h), ==, 2);
  if (pages > 0)
    g_assert_cmpuint (n, ==, pages);
  g_assert_cmpfloat (fabs (w - width), <, 0.05);
  g_assert_cmpfloat (fabs (h - height), <, 0.05);
  g_assert_nonnull (strstr (info, "Sanzhang " PACKAGE_VERSION));
}

G_GNUC_UNUSED static guint
test_pdf_pages (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = test_run_tool (argv);
  guint n = 0;

  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &n), ==, 1);
  return n;
}

/* Every character of @what on page @index of @pdf has dark ink: the page
 * is rendered by poppler with cairo, and each character's share of the
 * box poppler finds the text in must hold dark (or grey) pixels.  A name that
 * printed blank (a font without ink for it) fails here.  Returns how many
 * times @what was found. */
G_GNUC_UNUSED static guint
test_pdf_assert_ink (const char *pdf, int index, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (pdf, NULL, &error);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);
  PopplerPage *page = NULL;
  const double scale = 150.0 / 72;
  double pw, ph;
  cairo_surface_t *image;
  cairo_t *cr;
  GList *found;
  guint n = 0;
  glong chars = g_utf8_strlen (what, -1);

  g_assert_no_error (error);
  page = poppler_document_get_page (doc, index);
  poppler_page_get_size (page, &pw, &ph);
  image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, (int) (pw * scale), (int) (ph * scale));
  cr = cairo_create (image);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  poppler_page_render_for_printing (page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (image);

  found = poppler_page_find_text (page, what);
  for (GList *l = found; l != NULL; l = l->next, n++)
    {
      PopplerRectangle *r = l->data;
      /* poppler-glib gives the box with its origin at the foot. */
      double top = ph - MAX (r->y1, r->y2), bottom = ph - MIN (r->y1, r->y2);
      double step = (r->x2 - r->x1) / chars;

      for (glong c = 0; c < chars; c++)
        {
          guint dark = 0;

          for (int y = (int) (top * scale); y < (int) (bottom * scale); y++)
            for (int x = (int) ((r->x1 + c * step) * scale) + 1; x < (int) ((r->x1 + (c + 1) * step) * scale) - 1; x++)
              {
                const guint8 *row = cairo_image_surface_get_data (image) + (gsize) y * cairo_image_surface_get_stride (image);
                guint32 v = ((const guint32 *) (gconstpointer) row)[x];

                /* Ink: black, or the grey of a name in a blank photo
                 * frame; never the white or the cards' pale ground. */
                dark += ((v >> 16) & 0xff) < 170 && ((v >> 8) & 0xff) < 170 && (v & 0xff) < 170;
              }
          if (dark < 3)
            g_error ("character %ld of “%s” on page %d of %s printed blank", c + 1, what, index + 1, pdf);
        }
    }
  g_list_free_full (found, (GDestroyNotify) poppler_rectangle_free);
  cairo_surface_destroy (image);
  g_object_unref (page);
  g_object_unref (doc);
  return n;
}

/* assert_ink() on every page of @pdf. */
G_GNUC_UNUSED static guint
test_pdf_assert_ink_all (const char *pdf, const char *what)
{
  guint n = 0;

  for (guint i = 0; i < test_pdf_pages (pdf); i++)
    n += test_pdf_assert_ink (pdf, i, what);
  return n;
}
