/* sz-render-pdf-font.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <hb-ot.h>
#include <hb-subset.h>

#include "sz-render-pdf-private.h"

/* Fonts as CID-keyed TrueType (CIDFontType2) under Identity-H.  Each glyph
 * gets a CID on first use, 1, 2, 3…, so that content streams can be
 * written before the subset exists; at the end the font is subset with
 * HarfBuzz to those glyphs and a CIDToGIDMap maps CIDs to the subset's
 * glyph ids.  Widths (W) and ToUnicode cover only the CIDs used. */

void
_sz_pdf_font_free (gpointer data)
{
  PdfFont *f = data;

  if (f == NULL)
    return;
  hb_font_destroy (f->font);
  hb_face_destroy (f->face);
  hb_blob_destroy (f->blob);
  g_clear_pointer (&f->cids, g_hash_table_unref);
  g_clear_pointer (&f->gids, g_array_unref);
  g_clear_pointer (&f->unicode, g_ptr_array_unref);
  g_clear_pointer (&f->widths, g_array_unref);
  g_free (f);
}

PdfFont *
_sz_pdf_font_get (SzPdfWriter      *w,
                  const SzFontFile *file,
                  GError          **error)
{
  PdfFont *f;
  guint32 notdef = 0;
  double zero = 0;

  if (file == NULL || file->path == NULL)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                           _("A text on the page has no font to draw it with."));
      return NULL;
    }
  f = g_hash_table_lookup (w->fonts_by_id, GINT_TO_POINTER (file->id));
  if (f != NULL)
    return f;
  f = g_new0 (PdfFont, 1);
  f->file = file;
  f->blob = hb_blob_create_from_file_or_fail (file->path);
  if (f->blob != NULL)
    f->face = hb_face_create (f->blob, MAX (file->index, 0));
  f->n_glyphs = f->face != NULL ? hb_face_get_glyph_count (f->face) : 0;
  if (f->n_glyphs == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                   /* Translators: a font's family name, then its file */
                   _("The font “%s” (%s) cannot be read."), file->family, file->path);
      _sz_pdf_font_free (f);
      return NULL;
    }
  f->upem = hb_face_get_upem (f->face);
  f->font = hb_font_create (f->face);
  hb_font_set_scale (f->font, f->upem, f->upem);
  f->cids = g_hash_table_new (NULL, NULL);
  f->gids = g_array_new (FALSE, FALSE, sizeof (guint32));
  f->widths = g_array_new (FALSE, FALSE, sizeof (double));
  f->unicode = g_ptr_array_new_with_free_func (g_free);
  g_array_append_val (f->gids, notdef);
  g_array_append_val (f->widths, zero);
  g_ptr_array_add (f->unicode, NULL);
  f->obj = _sz_pdf_obj_new (w);
  g_ptr_array_add (w->fonts, f);
  g_hash_table_insert (w->fonts_by_id, GINT_TO_POINTER (file->id), f);
  return f;
}

guint
_sz_pdf_font_cid (PdfFont    *f,
                  guint32     gid,
                  const char *text,
                  gsize       text_len)
{
  guint cid = GPOINTER_TO_UINT (g_hash_table_lookup (f->cids, GUINT_TO_POINTER (gid + 1)));
  double width;

  if (cid != 0)
    {
      if (g_ptr_array_index (f->unicode, cid) == NULL && text_len > 0)
        g_ptr_array_index (f->unicode, cid) = g_strndup (text, text_len);
      return cid;
    }
  if (f->gids->len >= 0xffff)
    return 0;
  cid = f->gids->len;
  width = (double) hb_font_get_glyph_h_advance (f->font, gid) * 1000 / f->upem;
  g_array_append_val (f->gids, gid);
  g_array_append_val (f->widths, width);
  g_ptr_array_add (f->unicode, text_len > 0 ? g_strndup (text, text_len) : NULL);
  g_hash_table_insert (f->cids, GUINT_TO_POINTER (gid + 1), GUINT_TO_POINTER (cid));
  return cid;
}

/* The ToUnicode CMap: one bfchar per CID that draws text. */
static GString *
to_unicode (PdfFont *f)
{
  GString *s = g_string_sized_new (64 + 24 * f->gids->len);
  guint n = 0;

  g_string_append (s, "/CIDInit/ProcSet findresource begin 12 dict begin begincmap\n"
                      "/CIDSystemInfo<</Registry(Adobe)/Ordering(UCS)/Supplement 0>>def\n"
                      "/CMapName/Adobe-Identity-UCS def/CMapType 2 def\n"
                      "1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\n");
  for (guint cid = 1; cid < f->unicode->len; cid++)
    {
      const char *text = g_ptr_array_index (f->unicode, cid);
      g_autofree gunichar2 *utf16 = NULL;
      glong len = 0;

      if (text == NULL || (utf16 = g_utf8_to_utf16 (text, -1, NULL, &len, NULL)) == NULL || len == 0)
        continue;
      if (n % 100 == 0)
        {
          guint left = 0;

          if (n > 0)
            g_string_append (s, "endbfchar\n");
          for (guint k = cid; k < f->unicode->len && left < 100; k++)
            left += g_ptr_array_index (f->unicode, k) != NULL;
          g_string_append_printf (s, "%u beginbfchar\n", MAX (left, 1));
        }
      g_string_append_printf (s, "<%04X><", cid);
      for (glong i = 0; i < len; i++)
        g_string_append_printf (s, "%04X", utf16[i]);
      g_string_append (s, ">\n");
      n++;
    }
  if (n > 0)
    g_string_append (s, "endbfchar\n");
  g_string_append (s, "endcmap CMapName currentdict/CMap defineresource pop end end\n");
  return s;
}

static int
to_1000 (PdfFont *f,
         int      units)
{
  return (int) ((double) units * 1000 / f->upem + (units >= 0 ? 0.5 : -0.5));
}

static gint16
be16 (const guint8 *d)
{
  return (gint16) ((d[0] << 8) | d[1]);
}

/* A PostScript name for BaseFont: letters and digits only. */
static char *
base_name (PdfFont *f)
{
  char name[64] = "";
  unsigned int size = sizeof name;
  GString *s = g_string_new (NULL);

  hb_ot_name_get_utf8 (f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  if (name[0] == '\0')
    g_strlcpy (name, f->file->family != NULL ? f->file->family : "Font", sizeof name);
  for (const char *p = name; *p; p++)
    if (g_ascii_isalnum (*p) || *p == '-' || *p == '_')
      g_string_append_c (s, *p);
  if (s->len == 0)
    g_string_append (s, "Font");
  return g_string_free (s, FALSE);
}

/* Subset tag: six capitals from the glyphs used, so that two subsets of
 * the same font in one file get different names. */
static void
subset_tag (PdfFont *f,
            char     tag[7])
{
  guint32 h = 2166136261u ^ (guint32) f->file->id;

  for (guint i = 0; i < f->gids->len; i++)
    h = (h ^ g_array_index (f->gids, guint32, i)) * 16777619u;
  for (int i = 0; i < 6; i++, h /= 26)
    tag[i] = 'A' + h % 26;
  tag[6] = '\0';
}

/* The font as the subsetter should see it: every table but its cmap.
 * HarfBuzz 6 maps all of a font's characters (30,000 in Zen Hei, a fifth
 * of printing one board) to learn which of them the kept glyphs have, even
 * when the cmap is not kept; our glyphs are found through CIDToGIDMap and
 * ToUnicode, never through a cmap. */
static hb_blob_t *
table_but_cmap (hb_face_t *face,
                hb_tag_t   tag,
                void      *user_data)
{
  if (tag == HB_TAG ('c', 'm', 'a', 'p'))
    return hb_blob_get_empty ();
  return hb_face_reference_table (user_data, tag);
}

static hb_face_t *
face_without_cmap (hb_face_t *face)
{
  hb_face_t *view = hb_face_create_for_tables (table_but_cmap, hb_face_reference (face),
                                               (hb_destroy_func_t) hb_face_destroy);

  hb_face_set_upem (view, hb_face_get_upem (face));
  hb_face_set_glyph_count (view, hb_face_get_glyph_count (face));
  return view;
}

gboolean
_sz_pdf_font_write (SzPdfWriter *w,
                    PdfFont     *f,
                    GError     **error)
{
  hb_subset_input_t *input = hb_subset_input_create_or_fail ();
  hb_face_t *view = NULL;
  hb_subset_plan_t *plan = NULL;
  hb_face_t *subset = NULL;
  hb_blob_t *blob = NULL, *head = NULL;
  const hb_map_t *map;
  g_autoptr(GString) s = g_string_sized_new (1024);
  g_autoptr(GString) cmap = NULL;
  g_autofree guint8 *cid_to_gid = NULL;
  g_autofree char *name = base_name (f);
  const hb_tag_t drop[] = {
    HB_TAG ('G', 'S', 'U', 'B'), HB_TAG ('G', 'P', 'O', 'S'), HB_TAG ('G', 'D', 'E', 'F'),
    HB_TAG ('B', 'A', 'S', 'E'), HB_TAG ('J', 'S', 'T', 'F'), HB_TAG ('M', 'A', 'T', 'H'),
    HB_TAG ('D', 'S', 'I', 'G'), HB_TAG ('k', 'e', 'r', 'n'), HB_TAG ('m', 'o', 'r', 'x'),
    HB_TAG ('v', 'h', 'e', 'a'), HB_TAG ('v', 'm', 't', 'x'), HB_TAG ('V', 'O', 'R', 'G'),
    /* Glyphs are found through CIDToGIDMap, never through a cmap: and
     * leaving it out spares HarfBuzz mapping the font's 30,000
     * characters every time. */
    HB_TAG ('c', 'm', 'a', 'p'),
    HB_TAG ('n', 'a', 'm', 'e'), HB_TAG ('h', 'd', 'm', 'x'), HB_TAG ('L', 'T', 'S', 'H'),
    HB_TAG ('V', 'D', 'M', 'X'), HB_TAG ('g', 'a', 's', 'p'), HB_TAG ('P', 'C', 'L', 'T'),
  };
  guint descendant, descriptor, file_obj, map_obj, unicode_obj;
  hb_font_extents_t extents = { 0 };
  int bbox[4] = { 0, -200, 1000, 900 };
  gboolean ok = FALSE;
  char tag[7];
  unsigned int len;

  if (input == NULL)
    goto out;
  hb_set_clear (hb_subset_input_unicode_set (input));
  for (guint i = 0; i < f->gids->len; i++)
    hb_set_add (hb_subset_input_glyph_set (input), g_array_index (f->gids, guint32, i));
  for (guint i = 0; i < G_N_ELEMENTS (drop); i++)
    hb_set_add (hb_subset_input_set (input, HB_SUBSET_SETS_DROP_TABLE_TAG), drop[i]);
  view = face_without_cmap (f->face);
  plan = hb_subset_plan_create_or_fail (view, input);
  if (plan == NULL)
    goto out;
  map = hb_subset_plan_old_to_new_glyph_mapping (plan);
  subset = hb_subset_plan_execute_or_fail (plan);
  if (subset == NULL)
    goto out;
  blob = hb_face_reference_blob (subset);
  if (hb_blob_get_length (blob) == 0)
    goto out;

  cid_to_gid = g_malloc0 (2 * f->gids->len);
  for (guint cid = 1; cid < f->gids->len; cid++)
    {
      hb_codepoint_t gid = hb_map_get (map, g_array_index (f->gids, guint32, cid));

      if (gid == HB_MAP_VALUE_INVALID)
        gid = 0;
      cid_to_gid[2 * cid] = gid >> 8;
      cid_to_gid[2 * cid + 1] = gid & 0xff;
    }
  head = hb_face_reference_table (f->face, HB_TAG ('h', 'e', 'a', 'd'));
  {
    const guint8 *d = (const guint8 *) hb_blob_get_data (head, &len);

    if (len >= 44)
      for (int i = 0; i < 4; i++)
        bbox[i] = to_1000 (f, be16 (d + 36 + 2 * i));
  }
  hb_font_get_h_extents (f->font, &extents);
  subset_tag (f, tag);

  descendant = _sz_pdf_obj_new (w);
  descriptor = _sz_pdf_obj_new (w);
  file_obj = _sz_pdf_obj_new (w);
  map_obj = _sz_pdf_obj_new (w);
  unicode_obj = _sz_pdf_obj_new (w);

  g_string_append_printf (s, "<</Type/Font/Subtype/Type0/BaseFont/%s+%s/Encoding/Identity-H"
                             "/DescendantFonts[%u 0 R]/ToUnicode %u 0 R>>\nendobj\n",
                          tag, name, descendant, unicode_obj);
  _sz_pdf_obj_dict (w, f->obj, s->str);

  g_string_truncate (s, 0);
  g_string_append_printf (s, "<</Type/Font/Subtype/CIDFontType2/BaseFont/%s+%s"
                             "/CIDSystemInfo<</Registry(Adobe)/Ordering(Identity)/Supplement 0>>"
                             "/FontDescriptor %u 0 R/CIDToGIDMap %u 0 R/DW 1000/W[1[",
                          tag, name, descriptor, map_obj);
  for (guint cid = 1; cid < f->widths->len; cid++)
    {
      if (cid > 1)
        g_string_append_c (s, ' ');
      _sz_pdf_num (s, g_array_index (f->widths, double, cid));
    }
  g_string_append (s, "]]>>\nendobj\n");
  _sz_pdf_obj_dict (w, descendant, s->str);

  g_string_truncate (s, 0);
  g_string_append_printf (s, "<</Type/FontDescriptor/FontName/%s+%s/Flags 4/FontBBox[%d %d %d %d]"
                             "/ItalicAngle 0/Ascent %d/Descent %d/CapHeight %d/StemV 80/FontFile2 %u 0 R>>\nendobj\n",
                          tag, name, bbox[0], bbox[1], bbox[2], bbox[3],
                          to_1000 (f, extents.ascender), to_1000 (f, extents.descender),
                          to_1000 (f, extents.ascender), file_obj);
  _sz_pdf_obj_dict (w, descriptor, s->str);

  {
    const char *data = hb_blob_get_data (blob, &len);
    g_autofree char *dict = g_strdup_printf ("/Length1 %u", len);

    _sz_pdf_stream (w, file_obj, dict, data, len, TRUE);
  }
  _sz_pdf_stream (w, map_obj, "", cid_to_gid, 2 * f->gids->len, TRUE);
  cmap = to_unicode (f);
  _sz_pdf_stream (w, unicode_obj, "", cmap->str, cmap->len, TRUE);
  ok = TRUE;

out:
  if (!ok)
    g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                 /* Translators: a font's family name, then its file */
                 _("The font “%s” (%s) cannot be put in the PDF."), f->file->family, f->file->path);
  hb_blob_destroy (head);
  hb_blob_destroy (blob);
  hb_face_destroy (subset);
  hb_subset_plan_destroy (plan);
  hb_face_destroy (view);
  hb_subset_input_destroy (input);
  return ok;
}
