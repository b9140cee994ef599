/* sz-text.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>
#include <hb.h>
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

/* What a text was shaped for.  Sizes in hundredths of a point and
 * spacing in thousandths: closer than that is the same. */
typedef struct
{
  char    *str;
  gint64   size;                /* 0 for single lines (shaped at REF_SIZE) */
  gint64   width;               /* -1 for single lines */
  gint64   spacing;
  guint    hash;
} Key;

/* The primary font as pango shapes it at REF_SIZE, for the direct path
 * (shape_direct): HarfBuzz on the same face, the line's metrics taken
 * from pango once. */
typedef struct
{
  gboolean     tried;
  gboolean     ok;
  hb_font_t   *font;
  double       baseline;
  double       ascent;
  double       descent;
  double       height;
} Direct;

struct _SzText
{
  SzFonts    *fonts;
  GHashTable *cache;            /* Key → Shaped */
  gboolean    no_direct;        /* sz_text_set_direct (FALSE) */
  Direct      direct;
  guint       n_direct;         /* texts shaped directly */
};

static void
key_free (gpointer data)
{
  Key *key = data;

  g_free (key->str);
  g_free (key);
}

static guint
key_hash (gconstpointer data)
{
  return ((const Key *) data)->hash;
}

static gboolean
key_equal (gconstpointer a,
           gconstpointer b)
{
  const Key *x = a, *y = b;

  return x->hash == y->hash && x->size == y->size && x->width == y->width
         && x->spacing == y->spacing && strcmp (x->str, y->str) == 0;
}

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
  text->cache = g_hash_table_new_full (key_hash, key_equal, key_free, shaped_free);
  return text;
}

void
sz_text_set_direct (SzText  *text,
                    gboolean direct)
{
  g_return_if_fail (text != NULL);
  text->no_direct = !direct;
  g_hash_table_remove_all (text->cache);
}

guint
sz_text_get_n_direct (SzText *text)
{
  g_return_val_if_fail (text != NULL, 0);
  return text->n_direct;
}

void
sz_text_free (SzText *text)
{
  if (text == NULL)
    return;
  if (text->direct.font != NULL)
    hb_font_destroy (text->direct.font);
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

/* ---- The direct path ----------------------------------------------------------------------- *
 *
 * Most texts shaped anew on a board are names: a few Han characters on
 * one line, all in the primary font.  Pango takes ~90,000 instructions
 * for one (itemizing, font selection, a layout), a fifth of laying out a
 * board; HarfBuzz alone, on the same face with the same scale, language
 * and features, gives the same glyphs and advances for a tenth of that.
 * The line's metrics do not depend on the text: they are pango's, taken
 * once.  Anything else (another script, another font, several lines)
 * goes through pango; /text/direct-agrees holds the two paths equal. */

static gboolean
direct_ready (SzText *text)
{
  Direct *d = &text->direct;

  if (!d->tried)
    {
      const SzFontFile *primary = sz_fonts_get_primary (text->fonts);
      hb_blob_t *blob;
      Shaped *probe;

      d->tried = TRUE;
      /* The line's metrics, as pango gives them for a Han text. */
      probe = shape (text, "国", REF_SIZE, -1, 0);
      if (probe->runs->len == 1
          && g_array_index (probe->runs, Run, 0).font == primary
          && (blob = hb_blob_create_from_file_or_fail (primary->path)) != NULL)
        {
          const Run *r = &g_array_index (probe->runs, Run, 0);
          hb_face_t *face = hb_face_create (blob, MAX (primary->index, 0));
          int scale = (int) (REF_SIZE * PANGO_SCALE);

          d->font = hb_font_create (face);
          hb_font_set_scale (d->font, scale, scale);
          hb_face_destroy (face);
          hb_blob_destroy (blob);
          d->baseline = r->baseline;
          d->ascent = r->ascent;
          d->descent = r->descent;
          d->height = probe->height;
          d->ok = r->x == 0;
        }
      shaped_free (probe);
    }
  return d->ok;
}

/* A one-line text of Han characters that the primary font has. */
static gboolean
direct_fits (SzText     *text,
             const char *str)
{
  const SzFontFile *primary = sz_fonts_get_primary (text->fonts);

  if (*str == '\0')
    return FALSE;
  for (const char *p = str; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_get_script (c) != G_UNICODE_SCRIPT_HAN || sz_fonts_for_char (text->fonts, c) != primary)
        return FALSE;
    }
  return TRUE;
}

static Shaped *
shape_direct (SzText     *text,
              const char *str)
{
  static const hb_feature_t off[] = {
    { HB_TAG ('k', 'e', 'r', 'n'), 0, 0, (unsigned int) -1 },
    { HB_TAG ('l', 'i', 'g', 'a'), 0, 0, (unsigned int) -1 },
    { HB_TAG ('c', 'l', 'i', 'g'), 0, 0, (unsigned int) -1 },
  };
  Direct *d = &text->direct;
  hb_buffer_t *buffer = hb_buffer_create ();
  hb_glyph_info_t *info;
  hb_glyph_position_t *pos;
  Shaped *shaped = g_new0 (Shaped, 1);
  unsigned int n = 0;
  double pen = 0;
  Run r = { 0 };

  hb_buffer_add_utf8 (buffer, str, -1, 0, -1);
  hb_buffer_set_direction (buffer, HB_DIRECTION_LTR);
  hb_buffer_set_script (buffer, HB_SCRIPT_HAN);
  hb_buffer_set_language (buffer, hb_language_from_string ("zh-cn", -1));
  hb_shape (d->font, buffer, off, G_N_ELEMENTS (off));
  info = hb_buffer_get_glyph_infos (buffer, &n);
  pos = hb_buffer_get_glyph_positions (buffer, NULL);

  r.font = sz_fonts_get_primary (text->fonts);
  r.baseline = d->baseline;
  r.ascent = d->ascent;
  r.descent = d->descent;
  r.utf8 = g_strdup (str);
  r.n_glyphs = n;
  r.glyphs = g_new0 (SzGlyph, MAX (n, 1));
  for (unsigned int i = 0; i < n; i++)
    {
      r.glyphs[i].glyph = info[i].codepoint;
      r.glyphs[i].x = (pen + (double) pos[i].x_offset / PANGO_SCALE);
      r.glyphs[i].cluster = info[i].cluster;
      pen += (double) pos[i].x_advance / PANGO_SCALE;
    }
  r.width = pen;
  hb_buffer_destroy (buffer);

  shaped->height = d->height;
  shaped->width = r.width;
  shaped->runs = g_array_new (FALSE, TRUE, sizeof (Run));
  g_array_set_clear_func (shaped->runs, run_clear);
  g_array_append_val (shaped->runs, r);
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
  g_autofree char *visible = sz_fonts_strip_invisible (str);
  Key key = { 0 };
  Shaped *shaped;

  /* Characters that show nothing are dropped before anything is measured:
   * a name with a zero-width joiner lays out exactly as the name without,
   * and neither renderer ever sees them (libharu would draw a box). */
  if (visible != NULL)
    str = visible;
  key.str = (char *) str;
  key.width = -1;
  if (wrap_width >= 0)
    {
      key.size = llround (size * 100);
      key.width = llround (wrap_width * 100);
      key.spacing = llround (spacing * 1000);
    }
  key.hash = g_str_hash (str) ^ (guint) (key.size * 31 + key.width * 131 + key.spacing * 7);
  shaped = g_hash_table_lookup (text->cache, &key);
  if (shaped == NULL)
    {
      if (g_hash_table_size (text->cache) >= CACHE_MAX)
        {
          g_hash_table_foreach_remove (text->cache, used_once, NULL);
          if (g_hash_table_size (text->cache) >= CACHE_MAX / 2)
            g_hash_table_remove_all (text->cache);
        }
      if (wrap_width < 0 && !text->no_direct && direct_fits (text, str) && direct_ready (text))
        {
          shaped = shape_direct (text, str);
          text->n_direct++;
        }
      else
        shaped = shape (text, str, wrap_width < 0 ? REF_SIZE : size, wrap_width, spacing);
      {
        Key *stored = g_memdup2 (&key, sizeof key);

        stored->str = g_strdup (str);
        g_hash_table_insert (text->cache, stored, shaped);
      }
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
