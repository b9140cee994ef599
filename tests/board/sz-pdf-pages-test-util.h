/* sz-pdf-pages-test-util.h: what the tests of both PDF writers (our own,
 * test-render-pdf.c, and libharu's, test-render-hpdf.c) build pages with
 * and read the files back with: runs, pictures, poppler's tools and
 * rasteriser.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <cairo.h>
#include <glib.h>
#include <glib/gstdio.h>
#include <poppler.h>

#include "sz-display.h"

#define ZENHEI "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc"
#define HANAMIN_A "/usr/share/fonts/truetype/hanazono/HanaMinA.ttf"
#define MM (72.0 / 25.4)

static const SzColor black = { 0, 0, 0 };
static const SzColor red = { 1, 0, 0 };
static const SzColor green = { 0, 0.5, 0 };
static const SzColor blue = { 0, 0, 1 };

static char *tmp_dir;

/* poppler-glib 22.12 declares no cleanup functions. */
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerDocument, g_object_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PopplerPage, g_object_unref)

static char *
tmp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static SzTextItem *
add_text (SzPage           *page,
          const SzFontFile *font,
          double            x,
          double            y,
          double            size,
          const char       *utf8,
          gboolean          bold)
{
  SzTextItem *text = sz_page_add_text (page);

  text->font = font;
  text->size = size;
  text->x = x;
  text->y = y;
  text->color = black;
  text->bold = bold;
  text->utf8 = g_strdup (utf8);
  return text;
}

/* Runs a tool and returns what it printed; it must succeed. */
static char *
run (const char *first,
     ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  const char *arg;
  va_list ap;
  int status;

  va_start (ap, first);
  for (arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                               NULL, NULL, &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_test_message ("%s failed: %s%s", first, out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

/* The value of "Key:   value" in pdfinfo's output. */
static char *
info_field (const char *info,
            const char *key)
{
  g_auto(GStrv) lines = g_strsplit (info, "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    if (g_str_has_prefix (lines[i], key) && lines[i][strlen (key)] == ':')
      return g_strstrip (g_strdup (lines[i] + strlen (key) + 1));
  return NULL;
}

static void
assert_page_size_mm (const char *path,
                     int         number,
                     double      width_mm,
                     double      height_mm)
{
  g_autofree char *n = g_strdup_printf ("%d", number);
  g_autofree char *info = run ("pdfinfo", "-f", n, "-l", n, path, NULL);
  g_autofree char *key = g_strdup_printf ("Page %4d size", number);
  g_autofree char *size = info_field (info, key);
  double w = 0, h = 0;

  g_assert_nonnull (size);
  g_assert_cmpint (sscanf (size, "%lf x %lf", &w, &h), ==, 2);
  g_assert_cmpfloat_with_epsilon (w / MM, width_mm, 0.1);
  g_assert_cmpfloat_with_epsilon (h / MM, height_mm, 0.1);
}

/* Every font of the file embedded, and qpdf finding nothing wrong. */
static void
assert_pdf_clean (const char *path,
                  gboolean    with_fonts)
{
  g_autofree char *fonts = run ("pdffonts", path, NULL);
  g_autofree char *check = run ("qpdf", "--check", path, NULL);
  g_auto(GStrv) lines = g_strsplit (fonts, "\n", -1);
  const char *emb = strstr (lines[0], "emb");
  gsize col = emb - lines[0];
  guint n = 0;

  g_assert_nonnull (emb);
  for (guint i = 2; lines[i] != NULL; i++)
    {
      if (lines[i][0] == '\0')
        continue;
      g_assert_cmpuint (strlen (lines[i]), >, col + 3);
      g_assert_cmpmem (lines[i] + col, 3, "yes", 3);
      n++;
    }
  g_assert_cmpuint (n > 0, ==, with_fonts);
  g_assert_nonnull (strstr (check, "No syntax or stream encoding errors"));
}

static PopplerDocument *
open_pdf (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, &error);

  g_assert_no_error (error);
  return doc;
}

