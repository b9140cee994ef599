/* sz-render-pdf.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <zlib.h>

#include "sz-render-pdf-private.h"
#include "sz-safe-file.h"

/* The file: objects are numbered as they are needed and written as soon as
 * they are complete (a page as soon as it is drawn), their offsets kept
 * for the cross-reference table.  What must wait for the last page (fonts,
 * the page tree, outline, labels) is small. */

void
_sz_pdf_write (SzPdfWriter *w,
               const void  *data,
               gsize        len)
{
  if (w->failed || len == 0)
    return;
  if (fwrite (data, 1, len, w->out) != len)
    {
      w->failed = TRUE;
      w->write_errno = errno ? errno : EIO;
      return;
    }
  w->pos += len;
}

void
_sz_pdf_puts (SzPdfWriter *w,
              const char  *s)
{
  _sz_pdf_write (w, s, strlen (s));
}

guint
_sz_pdf_obj_new (SzPdfWriter *w)
{
  guint64 none = 0;

  g_array_append_val (w->offsets, none);
  return w->offsets->len - 1;
}

/* Objects other than streams go into compressed object streams (PDF
 * 1.5), a hundred at a time: page dictionaries and bookmarks are a fifth
 * of a big batch's file otherwise. */
#define OBJSTM_MAX 100
#define IN_OBJSTM  (G_GUINT64_CONSTANT (1) << 63)

static void
objstm_flush (SzPdfWriter *w)
{
  g_autofree char *dict = NULL;
  guint obj = w->objstm_obj;
  gsize first = w->objstm_head->len;

  if (w->objstm_count == 0)
    return;
  g_string_append_len (w->objstm_head, w->objstm_body->str, w->objstm_body->len);
  dict = g_strdup_printf ("/Type/ObjStm/N %u/First %" G_GSIZE_FORMAT, w->objstm_count, first);
  w->objstm_count = 0;
  w->objstm_obj = 0;
  _sz_pdf_stream (w, obj, dict, w->objstm_head->str, w->objstm_head->len, TRUE);
  g_string_truncate (w->objstm_head, 0);
  g_string_truncate (w->objstm_body, 0);
}

/* Object @obj is @text (a dictionary or array; a trailing "endobj" line
 * is dropped). */
void
_sz_pdf_obj_dict (SzPdfWriter *w,
                  guint        obj,
                  const char  *text)
{
  gsize len = strlen (text);

  if (len >= 8 && strcmp (text + len - 8, "\nendobj\n") == 0)
    len -= 8;
  if (w->objstm_obj == 0)
    w->objstm_obj = _sz_pdf_obj_new (w);
  g_array_index (w->offsets, guint64, obj) = IN_OBJSTM | ((guint64) w->objstm_obj << 16) | w->objstm_count;
  _sz_pdf_int (w->objstm_head, obj);
  g_string_append_c (w->objstm_head, ' ');
  _sz_pdf_int (w->objstm_head, w->objstm_body->len);
  g_string_append_c (w->objstm_head, ' ');
  g_string_append_len (w->objstm_body, text, len);
  g_string_append_c (w->objstm_body, '\n');
  if (++w->objstm_count >= OBJSTM_MAX)
    objstm_flush (w);
}

void
_sz_pdf_obj_begin (SzPdfWriter *w,
                   guint        obj)
{
  char buf[32];

  g_array_index (w->offsets, guint64, obj) = w->pos;
  g_snprintf (buf, sizeof buf, "%u 0 obj\n", obj);
  _sz_pdf_puts (w, buf);
}

void
_sz_pdf_int (GString *s,
             gint64   v)
{
  char buf[24];
  char *p = buf + sizeof buf;
  guint64 u = v < 0 ? -(guint64) v : (guint64) v;

  do
    *--p = '0' + u % 10;
  while ((u /= 10) > 0);
  if (v < 0)
    *--p = '-';
  g_string_append_len (s, p, buf + sizeof buf - p);
}

/* Numbers as PDF writes them: no exponent, at most three decimals, no
 * trailing zeros, whatever the locale.  Pages have tens of thousands, so
 * not through printf. */
void
_sz_pdf_num (GString *s,
             double   v)
{
  gint64 m;
  guint frac;
  char fr[4];
  int len = 3;

  if (!isfinite (v) || v > 1e12 || v < -1e12)
    v = 0;
  m = llround (v * 1000);
  if (m < 0)
    {
      g_string_append_c (s, '-');
      m = -m;
    }
  _sz_pdf_int (s, m / 1000);
  frac = m % 1000;
  if (frac == 0)
    return;
  fr[0] = '.';
  fr[1] = '0' + frac / 100;
  fr[2] = '0' + frac / 10 % 10;
  fr[3] = '0' + frac % 10;
  while (fr[len] == '0')
    len--;
  g_string_append_len (s, fr, len + 1);
}

/* A PDF text string: literal when plain printable ASCII, else UTF-16BE
 * with its byte order mark, in hex. */
void
_sz_pdf_text_string (GString    *s,
                     const char *utf8)
{
  g_autofree char *valid = g_utf8_make_valid (utf8 != NULL ? utf8 : "", -1);
  g_autofree gunichar2 *utf16 = NULL;
  gboolean plain = TRUE;
  glong len = 0;

  for (const char *p = valid; *p && plain; p++)
    plain = *p >= 0x20 && *p < 0x7f && *p != '(' && *p != ')' && *p != '\\';
  if (plain)
    {
      g_string_append_printf (s, "(%s)", valid);
      return;
    }
  utf16 = g_utf8_to_utf16 (valid, -1, NULL, &len, NULL);
  g_string_append (s, "<FEFF");
  for (glong i = 0; utf16 != NULL && i < len; i++)
    g_string_append_printf (s, "%04X", utf16[i]);
  g_string_append_c (s, '>');
}

void
_sz_pdf_stream (SzPdfWriter *w,
                guint        obj,
                const char  *dict,
                const void  *data,
                gsize        len,
                gboolean     pack)
{
  g_autofree Bytef *packed = NULL;
  uLongf packed_len = 0;
  char head[64];

  /* One deflate state for the document, reset for each stream: a fresh
   * one costs a quarter of a megabyte to allocate and clear, more than
   * compressing a page. */
  if (pack && !w->z_ready)
    w->z_ready = deflateInit (&w->z, Z_DEFAULT_COMPRESSION) == Z_OK;
  if (pack && w->z_ready && deflateReset (&w->z) == Z_OK)
    {
      packed_len = deflateBound (&w->z, len);
      packed = g_malloc (packed_len);
      w->z.next_in = (Bytef *) data;
      w->z.avail_in = len;
      w->z.next_out = packed;
      w->z.avail_out = packed_len;
      if (deflate (&w->z, Z_FINISH) == Z_STREAM_END)
        packed_len = w->z.total_out;
      else
        g_clear_pointer (&packed, g_free);
    }
  _sz_pdf_obj_begin (w, obj);
  _sz_pdf_puts (w, "<<");
  _sz_pdf_puts (w, dict);
  if (packed != NULL)
    _sz_pdf_puts (w, "/Filter/FlateDecode");
  g_snprintf (head, sizeof head, "/Length %lu>>\nstream\n",
              packed != NULL ? (unsigned long) packed_len : (unsigned long) len);
  _sz_pdf_puts (w, head);
  if (packed != NULL)
    _sz_pdf_write (w, packed, packed_len);
  else
    _sz_pdf_write (w, data, len);
  _sz_pdf_puts (w, "\nendstream\nendobj\n");
}

static void
outline_clear (gpointer data)
{
  g_free (((PdfOutline *) data)->title);
}

static void
label_clear (gpointer data)
{
  g_free (((PdfLabel *) data)->prefix);
}

static void
write_info (SzPdfWriter     *w,
            const SzDocInfo *info)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GString) s = g_string_new ("<<");
  int offset = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  const struct { const char *key; const char *value; } fields[] = {
    { "Title", info ? info->title : NULL },
    { "Author", info ? info->author : NULL },
    { "Subject", info ? info->subject : NULL },
    { "Creator", info ? info->creator : NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (fields[i].value != NULL)
      {
        g_string_append_printf (s, "/%s", fields[i].key);
        _sz_pdf_text_string (s, fields[i].value);
      }
  g_string_append_printf (s, "/Producer(Sanzhang)/CreationDate(D:%04d%02d%02d%02d%02d%02d",
                          g_date_time_get_year (now), g_date_time_get_month (now),
                          g_date_time_get_day_of_month (now), g_date_time_get_hour (now),
                          g_date_time_get_minute (now), MIN (g_date_time_get_second (now), 59));
  if (offset == 0)
    g_string_append (s, "Z)");
  else
    g_string_append_printf (s, "%c%02d'%02d')", offset > 0 ? '+' : '-', ABS (offset) / 60, ABS (offset) % 60);
  g_string_append (s, ">>\nendobj\n");
  w->info_obj = _sz_pdf_obj_new (w);
  _sz_pdf_obj_dict (w, w->info_obj, s->str);
}

SzPdfWriter *
sz_pdf_writer_new (const char       *path,
                   const SzDocInfo  *info,
                   GError          **error)
{
  g_autoptr(SzPdfWriter) w = g_new0 (SzPdfWriter, 1);
  g_autoptr(GError) local_error = NULL;
  int fd = -1;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w->path = g_strdup (path);
  w->private_file = info != NULL && info->private_file;
  /* "zh_CN" → "zh-CN": the catalog's Lang is a BCP 47 tag. */
  if (info != NULL && info->lang != NULL && info->lang[0] != '\0')
    w->lang = g_strdelimit (g_strdup (info->lang), "_", '-');
  w->offsets = g_array_new (FALSE, TRUE, sizeof (guint64));
  w->nodes = g_array_new (FALSE, FALSE, sizeof (guint));
  w->page_objs = g_array_new (FALSE, FALSE, sizeof (guint));
  w->fonts = g_ptr_array_new_with_free_func (_sz_pdf_font_free);
  w->fonts_by_id = g_hash_table_new (NULL, NULL);
  w->images = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, NULL);
  w->qr_forms = g_hash_table_new_full (g_bytes_hash, g_bytes_equal, (GDestroyNotify) g_bytes_unref, NULL);
  w->outline = g_array_new (FALSE, TRUE, sizeof (PdfOutline));
  g_array_set_clear_func (w->outline, outline_clear);
  w->outline_open = g_array_new (FALSE, FALSE, sizeof (int));
  w->outline_path = g_ptr_array_new_with_free_func (g_free);
  w->labels = g_array_new (FALSE, TRUE, sizeof (PdfLabel));
  g_array_set_clear_func (w->labels, label_clear);
  w->scratch = g_string_sized_new (16384);
  w->objstm_head = g_string_sized_new (1024);
  w->objstm_body = g_string_sized_new (16384);
  _sz_pdf_obj_new (w);   /* object 0 is the head of the free list */

  w->temp = sz_safe_file_create_temp (path, &fd, &local_error);
  if (w->temp == NULL)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return NULL;
    }
  w->out = fdopen (fd, "wb");
  if (w->out == NULL)
    {
      int saved = errno;

      close (fd);
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: a file path, then the system's reason */
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  setvbuf (w->out, NULL, _IOFBF, 1 << 16);
  /* The binary comment tells transfer programs the file is not text. */
  _sz_pdf_puts (w, "%PDF-1.5\n%\xe2\xe3\xcf\xd3\n");
  w->pages_obj = _sz_pdf_obj_new (w);
  write_info (w, info);
  return g_steal_pointer (&w);
}

/* Adds the items of @path that the previous page's path does not share;
 * each points at the first page under it.  Grids stay open so that their
 * compounds show; deeper levels are closed, or a city's bookmarks would
 * run to thousands of lines. */
static void
add_outline (SzPdfWriter  *w,
             guint         page_obj,
             char * const *path)
{
  guint depth = path != NULL ? g_strv_length ((char **) path) : 0;
  guint shared = 0;

  while (shared < depth && shared < w->outline_path->len &&
         strcmp (path[shared], w->outline_path->pdata[shared]) == 0)
    shared++;
  g_ptr_array_set_size (w->outline_path, shared);
  g_array_set_size (w->outline_open, shared);
  for (guint i = shared; i < depth; i++)
    {
      int parent = i == 0 ? -1 : g_array_index (w->outline_open, int, i - 1);
      int index = w->outline->len;
      int prev = -1;
      PdfOutline o = { g_utf8_make_valid (path[i], -1), page_obj, parent, -1, -1, -1, -1, 0, i == 0 };

      /* The previous sibling is the last child of the parent. */
      if (parent >= 0)
        prev = g_array_index (w->outline, PdfOutline, parent).last;
      else
        for (int k = index - 1; k >= 0 && prev < 0; k--)
          if (g_array_index (w->outline, PdfOutline, k).parent < 0)
            prev = k;
      o.prev = prev;
      g_array_append_val (w->outline, o);
      if (prev >= 0)
        g_array_index (w->outline, PdfOutline, prev).next = index;
      if (parent >= 0)
        {
          PdfOutline *p = &g_array_index (w->outline, PdfOutline, parent);

          if (p->first < 0)
            p->first = index;
          p->last = index;
        }
      g_ptr_array_add (w->outline_path, g_strdup (path[i]));
      g_array_append_val (w->outline_open, index);
    }
}

static void
set_label (SzPdfWriter  *w,
           const SzPage *page)
{
  const char *prefix = page->label_prefix != NULL ? page->label_prefix : "";
  PdfLabel label;

  if (w->label_prefix != NULL && strcmp (prefix, w->label_prefix) == 0)
    return;
  g_free (w->label_prefix);
  w->label_prefix = g_strdup (prefix);
  label.page = w->n_pages;
  label.prefix = g_strdup (prefix);
  g_array_append_val (w->labels, label);
}

/* Fonts and pictures before anything of the page is written, so that one
 * that fails adds no page and the caller may go on. */
static gboolean
page_prepare (SzPdfWriter  *w,
              const SzPage *page,
              GError      **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < page->items->len; i++)
      {
        const SzItem *item = g_ptr_array_index (page->items, i);

        if (pass == 0 && item->kind == SZ_ITEM_IMAGE && _sz_pdf_image_get (w, &item->image, error) == 0)
          return FALSE;
        if (pass == 1 && item->kind == SZ_ITEM_TEXT &&
            (item->text.n_glyphs > 0 || (item->text.utf8 != NULL && item->text.utf8[0] != '\0')) &&
            _sz_pdf_font_get (w, item->text.font, error) == NULL)
          return FALSE;
      }
  return TRUE;
}

gboolean
sz_pdf_writer_add_page (SzPdfWriter  *w,
                        const SzPage *page,
                        GError      **error)
{
  g_autoptr(GArray) fonts = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) images = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GString) dict = g_string_sized_new (256);
  guint content_obj, page_obj, node;

  g_return_val_if_fail (w != NULL && !w->finished, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!isfinite (page->width) || !isfinite (page->height) ||
      page->width <= 0 || page->height <= 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: a page's width and height in points */
                   _("A page of %g × %g points cannot be drawn."),
                   page->width, page->height);
      return FALSE;
    }
  if (!page_prepare (w, page, error))
    return FALSE;

  if (w->n_pages % PDF_PAGES_PER_NODE == 0)
    {
      node = _sz_pdf_obj_new (w);
      g_array_append_val (w->nodes, node);
    }
  node = g_array_index (w->nodes, guint, w->nodes->len - 1);
  g_string_truncate (w->scratch, 0);
  _sz_pdf_draw_page (w, page, w->scratch, fonts, images);
  content_obj = _sz_pdf_obj_new (w);
  _sz_pdf_stream (w, content_obj, "", w->scratch->str, w->scratch->len, TRUE);

  page_obj = _sz_pdf_obj_new (w);
  g_string_append_printf (dict, "<</Type/Page/Parent %u 0 R/MediaBox[0 0 ", node);
  _sz_pdf_num (dict, page->width);
  g_string_append_c (dict, ' ');
  _sz_pdf_num (dict, page->height);
  g_string_append (dict, "]/Resources<<");
  if (fonts->len > 0)
    {
      g_string_append (dict, "/Font<<");
      for (guint i = 0; i < fonts->len; i++)
        g_string_append_printf (dict, "/F%u %u 0 R", g_array_index (fonts, guint, i),
                                g_array_index (fonts, guint, i));
      g_string_append (dict, ">>");
    }
  if (images->len > 0)
    {
      g_string_append (dict, "/XObject<<");
      for (guint i = 0; i < images->len; i++)
        g_string_append_printf (dict, "/I%u %u 0 R", g_array_index (images, guint, i),
                                g_array_index (images, guint, i));
      g_string_append (dict, ">>");
    }
  g_string_append_printf (dict, ">>/Contents %u 0 R>>\nendobj\n", content_obj);
  _sz_pdf_obj_dict (w, page_obj, dict->str);
  g_array_append_val (w->page_objs, page_obj);
  add_outline (w, page_obj, page->outline);
  set_label (w, page);
  w->n_pages++;
  return TRUE;
}

guint
sz_pdf_writer_get_n_pages (SzPdfWriter *w)
{
  g_return_val_if_fail (w != NULL, 0);
  return w->n_pages;
}

static void
write_pages (SzPdfWriter *w)
{
  g_autoptr(GString) s = g_string_sized_new (16384);

  for (guint n = 0; n < w->nodes->len; n++)
    {
      guint from = n * PDF_PAGES_PER_NODE;
      guint to = MIN (w->n_pages, from + PDF_PAGES_PER_NODE);

      g_string_truncate (s, 0);
      g_string_append_printf (s, "<</Type/Pages/Parent %u 0 R/Count %u/Kids[", w->pages_obj, to - from);
      for (guint i = from; i < to; i++)
        g_string_append_printf (s, "%s%u 0 R", i > from ? " " : "", g_array_index (w->page_objs, guint, i));
      g_string_append (s, "]>>\nendobj\n");
      _sz_pdf_obj_dict (w, g_array_index (w->nodes, guint, n), s->str);
    }
  g_string_truncate (s, 0);
  g_string_append_printf (s, "<</Type/Pages/Count %u/Kids[", w->n_pages);
  for (guint n = 0; n < w->nodes->len; n++)
    g_string_append_printf (s, "%s%u 0 R", n > 0 ? " " : "", g_array_index (w->nodes, guint, n));
  g_string_append (s, "]>>\nendobj\n");
  _sz_pdf_obj_dict (w, w->pages_obj, s->str);
}

/* Returns the outline root's object, 0 when there is none. */
static guint
write_outline (SzPdfWriter *w)
{
  g_autoptr(GString) s = g_string_sized_new (256);
  guint n = w->outline->len;
  guint base, root;
  int first = -1, last = -1, root_count = 0;

  if (n == 0)
    return 0;
  /* Children come after their parent: counts bottom up. */
  for (int i = n - 1; i >= 0; i--)
    {
      PdfOutline *o = &g_array_index (w->outline, PdfOutline, i);
      int visible = 0;

      for (int c = o->first; c >= 0; c = g_array_index (w->outline, PdfOutline, c).next)
        {
          PdfOutline *child = &g_array_index (w->outline, PdfOutline, c);

          visible += 1 + (child->open ? MAX (child->count, 0) : 0);
        }
      o->count = o->open ? visible : -visible;
    }
  root = _sz_pdf_obj_new (w);
  base = w->offsets->len;
  for (guint i = 0; i < n; i++)
    _sz_pdf_obj_new (w);
  for (guint i = 0; i < n; i++)
    {
      PdfOutline *o = &g_array_index (w->outline, PdfOutline, i);

      if (o->parent < 0)
        {
          if (first < 0)
            first = i;
          last = i;
          root_count += 1 + (o->open ? MAX (o->count, 0) : 0);
        }
      g_string_truncate (s, 0);
      g_string_append (s, "<</Title");
      _sz_pdf_text_string (s, o->title);
      g_string_append_printf (s, "/Parent %u 0 R", o->parent < 0 ? root : base + o->parent);
      if (o->prev >= 0)
        g_string_append_printf (s, "/Prev %u 0 R", base + o->prev);
      if (o->next >= 0)
        g_string_append_printf (s, "/Next %u 0 R", base + o->next);
      if (o->first >= 0)
        g_string_append_printf (s, "/First %u 0 R/Last %u 0 R/Count %d",
                                base + o->first, base + o->last, o->count);
      g_string_append_printf (s, "/Dest[%u 0 R/Fit]>>\nendobj\n", o->page_obj);
      _sz_pdf_obj_dict (w, base + i, s->str);
    }
  g_string_truncate (s, 0);
  g_string_append_printf (s, "<</Type/Outlines/First %u 0 R/Last %u 0 R/Count %d>>\nendobj\n",
                          base + first, base + last, root_count);
  _sz_pdf_obj_dict (w, root, s->str);
  return root;
}

static void
write_catalog_and_trailer (SzPdfWriter *w,
                           guint        outline)
{
  g_autoptr(GString) s = g_string_sized_new (1024);
  guint catalog = _sz_pdf_obj_new (w);
  g_autofree guint8 *table = NULL;
  guint xref_obj;

  g_string_append_printf (s, "<</Type/Catalog/Pages %u 0 R", w->pages_obj);
  if (outline != 0)
    g_string_append_printf (s, "/Outlines %u 0 R", outline);
  if (w->lang != NULL)
    {
      g_string_append (s, "/Lang");
      _sz_pdf_text_string (s, w->lang);
    }
  g_string_append (s, "/PageLabels<</Nums[");
  for (guint i = 0; i < w->labels->len; i++)
    {
      PdfLabel *l = &g_array_index (w->labels, PdfLabel, i);

      g_string_append_printf (s, "%s%u<</S/D", i > 0 ? " " : "", l->page);
      if (l->prefix[0] != '\0')
        {
          g_string_append (s, "/P");
          _sz_pdf_text_string (s, l->prefix);
        }
      g_string_append (s, ">>");
    }
  g_string_append (s, "]>>>>\nendobj\n");
  _sz_pdf_obj_dict (w, catalog, s->str);

  objstm_flush (w);
  xref_obj = _sz_pdf_obj_new (w);
  g_array_index (w->offsets, guint64, xref_obj) = w->pos;
  /* The cross-reference stream: type, 4 bytes, 2 bytes for each object. */
  table = g_malloc (7 * (gsize) w->offsets->len);
  for (guint i = 0; i < w->offsets->len; i++)
    {
      guint64 v = g_array_index (w->offsets, guint64, i);
      guint8 *e = table + 7 * (gsize) i;
      guint64 a = v & IN_OBJSTM ? (v & ~IN_OBJSTM) >> 16 : v;
      guint b = v & IN_OBJSTM ? v & 0xffff : 0;

      e[0] = i == 0 || v == 0 ? 0 : v & IN_OBJSTM ? 2 : 1;
      if (e[0] == 0)
        b = i == 0 ? 0xffff : 0;
      e[1] = a >> 24;
      e[2] = a >> 16;
      e[3] = a >> 8;
      e[4] = a;
      e[5] = b >> 8;
      e[6] = b;
    }
  g_string_truncate (s, 0);
  g_string_append_printf (s, "/Type/XRef/Size %u/W[1 4 2]/Root %u 0 R/Info %u 0 R",
                          w->offsets->len, catalog, w->info_obj);
  _sz_pdf_stream (w, xref_obj, s->str, table, 7 * (gsize) w->offsets->len, TRUE);
  g_string_truncate (s, 0);
  g_string_append_printf (s, "startxref\n%" G_GUINT64_FORMAT "\n%%%%EOF\n",
                          g_array_index (w->offsets, guint64, xref_obj));
  _sz_pdf_puts (w, s->str);
}

char *
sz_pdf_writer_finish_temp (SzPdfWriter  *w,
                           GError      **error)
{
  int saved = 0;

  g_return_val_if_fail (w != NULL && !w->finished, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w->finished = TRUE;
  if (w->n_pages == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   _("There are no pages to put in the PDF."));
      goto fail;
    }
  for (guint i = 0; i < w->fonts->len; i++)
    if (!_sz_pdf_font_write (w, g_ptr_array_index (w->fonts, i), error))
      goto fail;
  write_pages (w);
  write_catalog_and_trailer (w, write_outline (w));
  if (fflush (w->out) != 0 && !w->failed)
    {
      w->failed = TRUE;
      w->write_errno = errno;
    }
  saved = w->failed ? w->write_errno : 0;
  if (fclose (w->out) != 0 && saved == 0)
    saved = errno;
  w->out = NULL;
  if (saved != 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: a file path, then the system's reason */
                   _("Cannot write “%s”: %s"), w->path, g_strerror (saved));
      goto fail;
    }
  return g_steal_pointer (&w->temp);

fail:
  if (w->out != NULL)
    fclose (w->out);
  w->out = NULL;
  if (w->temp != NULL)
    sz_safe_file_discard (w->temp);
  g_clear_pointer (&w->temp, g_free);
  return NULL;
}

gboolean
sz_pdf_writer_finish (SzPdfWriter  *w,
                      GError      **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = sz_pdf_writer_finish_temp (w, error);

  if (temp == NULL)
    return FALSE;
  /* fsync, rename, fsync of the folder: never half a PDF under the path. */
  if (!sz_safe_file_commit (temp, w->path, w->private_file ? SZ_SAFE_FILE_PRIVATE : SZ_SAFE_FILE_DEFAULT,
                            &local_error))
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
sz_pdf_writer_free (SzPdfWriter *w)
{
  if (w == NULL)
    return;
  if (w->out != NULL)
    fclose (w->out);
  if (w->temp != NULL)
    sz_safe_file_discard (w->temp);
  if (w->z_ready)
    deflateEnd (&w->z);
  g_free (w->temp);
  g_free (w->path);
  g_free (w->lang);
  g_clear_pointer (&w->offsets, g_array_unref);
  g_clear_pointer (&w->nodes, g_array_unref);
  g_clear_pointer (&w->page_objs, g_array_unref);
  g_clear_pointer (&w->fonts, g_ptr_array_unref);
  g_clear_pointer (&w->fonts_by_id, g_hash_table_unref);
  g_clear_pointer (&w->images, g_hash_table_unref);
  g_clear_pointer (&w->qr_forms, g_hash_table_unref);
  g_clear_pointer (&w->outline, g_array_unref);
  g_clear_pointer (&w->outline_open, g_array_unref);
  g_clear_pointer (&w->outline_path, g_ptr_array_unref);
  g_clear_pointer (&w->labels, g_array_unref);
  g_free (w->label_prefix);
  if (w->scratch != NULL)
    g_string_free (w->scratch, TRUE);
  if (w->objstm_head != NULL)
    g_string_free (w->objstm_head, TRUE);
  if (w->objstm_body != NULL)
    g_string_free (w->objstm_body, TRUE);
  g_free (w);
}
