/* sz-text.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <pango/pangocairo.h>

#include "sz-text.h"

/* Single lines are shaped once at this size and scaled: with hinting and
 * position rounding off, advances are linear in the size. */
#define REF_SIZE 100.0
/* Past this many, texts used once (names, mostly) are dropped; the labels,
 * duties and hotlines every board repeats stay. */
#define CACHE_MAX 4000

typedef struct
{
  const SzFontFile *font;
  double            x;          /* left end, from the layout's left */
  double            baseline;   /* from the layout's top */
  double            width;
  double            ascent;
  double            descent;
  char             *utf8;
  guint             n_glyphs;
  SzGlyph          *glyphs;
} Run;

typedef struct
{
  guint   hits;                 /* lookups since it was made */
  double  width;                /* widest line */
  double  height;               /* logical height of all lines */
  GArray *runs;                 /* Run */
} Shaped;

struct _SzText
{
  SzFonts    *fonts;
  GHashTable *cache;            /* key → Shaped */
};

static void
run_clear (gpointer data)
{
  Run *run = data;

  g_free (run->utf8);
  g_free (run->glyphs);
}

static void
shaped_free (gpointer data)
{
  Shaped *shaped = data;

  g_array_unref (shaped->runs);
  g_free (shaped);
}

SzText *
sz_text_new (SzFonts *fonts)
{
  SzText *text = g_new0 (SzText, 1);

  g_return_val_if_fail (fonts != NULL, NULL);
  text->fonts = fonts;
  text->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, shaped_free);
  return text;
}

void
sz_text_free (SzText *text)
{
  if (text == NULL)
    return;
  g_hash_table_unref (text->cache);
  g_free (text);
}

SzFonts *
sz_text_get_fonts (SzText *text)
{
  g_return_val_if_fail (text != NULL, NULL);
  return text->fonts;
}

/* Tells pango which of our fonts draws each character (the first with
 * ink, sz-fonts.c), and forbids it to choose another. */
static PangoAttrList *
font_attributes (SzText     *text,
                 const char *str)
{
  PangoAttrList *attrs = pango_attr_list_new ();
  const SzFontFile *primary = sz_fonts_get_primary (text->fonts);
  const SzFontFile *current = primary;
  const char *start = str;
  PangoAttribute *attr;

  /* libharu does not kern or use ligatures: neither may the layout. */
  attr = pango_attr_font_features_new ("kern 0, liga 0, clig 0");
  pango_attr_list_insert (attrs, attr);
  pango_attr_list_insert (attrs, pango_attr_fallback_new (FALSE));

  for (const char *p = str;; p = g_utf8_next_char (p))
    {
      const SzFontFile *file = *p ? sz_fonts_for_char (text->fonts, g_utf8_get_char (p)) : NULL;

      if (file == NULL && *p)
        file = primary;   /* checked before layout: a blank box, never a crash */
      if (file != current || *p == '\0')
        {
          if (current != primary && p > start)
            {
              attr = pango_attr_family_new (current->family);
              attr->start_index = start - str;
              attr->end_index = p - str;
              pango_attr_list_insert (attrs, attr);
            }
          start = p;
          current = file;
        }
      if (*p == '\0')
        break;
    }
  return attrs;
}

static Shaped *
shape (SzText     *text,
       const char *str,
       double      size,
       double      wrap_width,   /* < 0: one line */
       double      spacing)
{
  g_autoptr(PangoLayout) layout = pango_layout_new (sz_fonts_get_context (text->fonts));
  PangoFontDescription *desc = pango_font_description_new ();
  PangoAttrList *attrs = font_attributes (text, str);
  PangoLayoutIter *iter;
  Shaped *shaped = g_new0 (Shaped, 1);
  PangoRectangle logical;

  pango_font_description_set_family_static (desc, sz_fonts_get_primary (text->fonts)->family);
  pango_font_description_set_absolute_size (desc, size * PANGO_SCALE);
  pango_layout_set_font_description (layout, desc);
  pango_font_description_free (desc);
  pango_layout_set_attributes (layout, attrs);
  pango_attr_list_unref (attrs);
  if (wrap_width >= 0)
    {
      pango_layout_set_width (layout, (int) floor (wrap_width * PANGO_SCALE));
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_spacing (layout, (int) (spacing * size * PANGO_SCALE));
    }
  else
    pango_layout_set_single_paragraph_mode (layout, TRUE);
  pango_layout_set_text (layout, str, -1);

  pango_layout_get_extents (layout, NULL, &logical);
  shaped->height = (double) logical.height / PANGO_SCALE;
  shaped->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (shaped->runs, run_clear);

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoLayoutRun *run = pango_layout_iter_get_run_readonly (iter);
      PangoRectangle line_logical;
      PangoRectangle run_logical;
      PangoFontDescription *font_desc;
      PangoGlyphString *glyphs;
      PangoItem *item;
      double baseline;
      double pen = 0;
      Run r = { 0 };

      if (run == NULL)
        continue;
      item = run->item;
      glyphs = run->glyphs;
      pango_layout_iter_get_line_extents (iter, NULL, &line_logical);
      pango_layout_iter_get_run_extents (iter, NULL, &run_logical);
      baseline = (double) pango_layout_iter_get_baseline (iter) / PANGO_SCALE;

      font_desc = pango_font_describe (item->analysis.font);
      r.font = sz_fonts_lookup_family (text->fonts, pango_font_description_get_family (font_desc));
      pango_font_description_free (font_desc);
      if (r.font == NULL)
        r.font = sz_fonts_get_primary (text->fonts);
      r.x = (double) run_logical.x / PANGO_SCALE;
      r.baseline = baseline;
      r.ascent = baseline - (double) line_logical.y / PANGO_SCALE;
      r.descent = (double) (line_logical.y + line_logical.height) / PANGO_SCALE - baseline;
      r.utf8 = g_strndup (pango_layout_get_text (layout) + item->offset, item->length);
      r.n_glyphs = glyphs->num_glyphs;
      r.glyphs = g_new0 (SzGlyph, MAX (r.n_glyphs, 1));
      for (int i = 0; i < glyphs->num_glyphs; i++)
        {
          PangoGlyphInfo *info = &glyphs->glyphs[i];

          r.glyphs[i].glyph = info->glyph;
          r.glyphs[i].x = (pen + (double) info->geometry.x_offset / PANGO_SCALE);
          r.glyphs[i].cluster = glyphs->log_clusters[i];
          pen += (double) info->geometry.width / PANGO_SCALE;
        }
      r.width = pen;
      shaped->width = MAX (shaped->width, r.x + r.width);
      g_array_append_val (shaped->runs, r);
    }
  while (pango_layout_iter_next_run (iter));
  pango_layout_iter_free (iter);
  return shaped;
}

static gboolean
used_once (gpointer key,
           gpointer value,
           gpointer user_data)
{
  return ((Shaped *) value)->hits <= 1;
}

static const Shaped *
lookup (SzText     *text,
        const char *str,
        double      size,
        double      wrap_width,
        double      spacing)
{
  g_autofree char *key = NULL;
  g_autofree char *visible = sz_fonts_strip_invisible (str);
  Shaped *shaped;

  /* Characters that show nothing are dropped before anything is measured:
   * a name with a zero-width joiner lays out exactly as the name without,
   * and neither renderer ever sees them (libharu would draw a box). */
  if (visible != NULL)
    str = visible;
  if (wrap_width < 0)
    key = g_strdup_printf ("l|%s", str);
  else
    key = g_strdup_printf ("w%.2f|%.2f|%.3f|%s", size, wrap_width, spacing, str);
  shaped = g_hash_table_lookup (text->cache, key);
  if (shaped == NULL)
    {
      if (g_hash_table_size (text->cache) >= CACHE_MAX)
        {
          g_hash_table_foreach_remove (text->cache, used_once, NULL);
          if (g_hash_table_size (text->cache) >= CACHE_MAX / 2)
            g_hash_table_remove_all (text->cache);
        }
      shaped = shape (text, str, wrap_width < 0 ? REF_SIZE : size, wrap_width, spacing);
      g_hash_table_insert (text->cache, g_steal_pointer (&key), shaped);
    }
  shaped->hits++;
  return shaped;
}

double
sz_text_measure (SzText     *text,
                 const char *str,
                 double      size)
{
  g_return_val_if_fail (text != NULL && str != NULL, 0);
  return lookup (text, str, size, -1, 0)->width * size / REF_SIZE;
}

double
sz_text_wrapped_height (SzText            *text,
                        const char        *str,
                        double             width,
                        const SzTextStyle *style,
                        double             size)
{
  g_return_val_if_fail (text != NULL && str != NULL, 0);
  return lookup (text, str, size, width, style->line_spacing)->height;
}

static void
emit (SzPage            *page,
      const Shaped      *shaped,
      double             scale,
      double             size,
      const SzBox       *box,
      const SzTextStyle *style)
{
  double height = shaped->height * scale;
  /* One line sits in the middle of its box; a paragraph starts at the top. */
  double top = box->y + (style->wrap ? 0 : MAX (0, (box->h - height) / 2));

  for (guint i = 0; i < shaped->runs->len; i++)
    {
      const Run *r = &g_array_index (shaped->runs, Run, i);
      SzTextItem *item = sz_page_add_text (page);
      double line_width = 0;
      double offset = 0;

      /* Alignment is per line: the width of the line this run is on. */
      for (guint j = 0; j < shaped->runs->len; j++)
        {
          const Run *o = &g_array_index (shaped->runs, Run, j);

          if (o->baseline == r->baseline)
            line_width = MAX (line_width, o->x + o->width);
        }
      line_width *= scale;
      if (style->align == SZ_ALIGN_CENTER)
        offset = (box->w - line_width) / 2;
      else if (style->align == SZ_ALIGN_RIGHT)
        offset = box->w - line_width;

      item->font = r->font;
      item->size = size;
      /* Hundredths of a point: invisible, and short numbers in the PDF. */
      item->x = round ((box->x + offset + r->x * scale) * 100) / 100;
      item->y = round ((top + r->baseline * scale) * 100) / 100;
      item->width = r->width * scale;
      item->ascent = r->ascent * scale;
      item->descent = r->descent * scale;
      item->color = style->color;
      item->bold = style->bold;
      item->utf8 = g_strdup (r->utf8);
      item->n_glyphs = r->n_glyphs;
      item->glyphs = g_memdup2 (r->glyphs, sizeof (SzGlyph) * MAX (r->n_glyphs, 1));
      for (guint g = 0; g < r->n_glyphs; g++)
        item->glyphs[g].x *= scale;
      item->box_x = box->x;
      item->box_y = box->y;
      item->box_w = box->w;
      item->box_h = box->h;
    }
}

double
sz_text_draw (SzText            *text,
              SzPage            *page,
              const char        *str,
              const SzBox       *box,
              const SzTextStyle *style)
{
  const Shaped *shaped;
  double size = style->size;

  g_return_val_if_fail (text != NULL && page != NULL && box != NULL && style != NULL, 0);
  if (str == NULL || *str == '\0' || box->w <= 0 || box->h <= 0)
    return size;

  if (!style->wrap)
    {
      shaped = lookup (text, str, size, -1, 0);
      /* Shrink to the width, then to the height; a hair under, so that
       * rounding in a renderer never pushes the end out of the box. */
      if (shaped->width * size / REF_SIZE > box->w)
        size = box->w / shaped->width * REF_SIZE * 0.995;
      if (shaped->height * size / REF_SIZE > box->h)
        size = box->h / shaped->height * REF_SIZE * 0.995;
      size = floor (size * 100) / 100;
      emit (page, shaped, size / REF_SIZE, size, box, style);
      return size;
    }

  /* Wrapped: shrink in steps until the lines fit the height.  Below the
   * minimum the text still shrinks: small print beats lost print. */
  for (;;)
    {
      shaped = lookup (text, str, size, box->w, style->line_spacing);
      if ((shaped->height <= box->h && shaped->width <= box->w + 0.01) || size <= 2.0)
        break;
      size = size > style->min_size ? MAX (style->min_size, size * 0.92) : size * 0.9;
      size = floor (size * 100) / 100;
    }
  emit (page, shaped, 1.0, size, box, style);
  return size;
}
