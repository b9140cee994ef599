/* sz-render-hpdf.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <math.h>
#include <string.h>
#include <cairo.h>
#include <glib/gi18n-lib.h>
#include <hpdf.h>
#include <unistd.h>

#include "sz-render-cairo.h"
#include "sz-render-hpdf-private.h"
#include "sz-safe-file.h"


static void
on_haru_error (HPDF_STATUS  error_no,
               HPDF_STATUS  detail_no,
               void        *user_data)
{
  SzHpdfWriter *w = user_data;

  if (w->error_no == HPDF_OK)
    {
      w->error_no = error_no;
      w->error_detail = detail_no;
    }
}

/* Turns the recorded libharu error into @error and clears it, so that the
 * document can go on after a font or picture that failed to load. */
static void
take_error (SzHpdfWriter  *w,
            GError       **error,
            int            code,
            const char    *what)
{
  g_set_error (error, SZ_RENDER_ERROR, code,
               /* Translators: what failed, then libharu's error numbers */
               _("%s (error 0x%04X, detail %u)."),
               what, (guint) w->error_no, (guint) w->error_detail);
  w->error_no = HPDF_OK;
  w->error_detail = 0;
  HPDF_ResetError (w->pdf);
}

/* Why libharu 2.3.0 cannot draw @item, or NULL.  Its UTF-8 encoder turns
 * characters past the BMP into spaces: those belong to the cairo engine. */
static char *
item_problem (const SzItem *item)
{
  const SzTextItem *t = &item->text;

  if ((item->kind == SZ_ITEM_RECT && item->rect.line_width > HPDF_MAX_LINEWIDTH) ||
      (item->kind == SZ_ITEM_LINE && item->line.line_width > HPDF_MAX_LINEWIDTH))
    return g_strdup (_("The fast PDF method cannot draw lines wider than 100 points."));
  if (item->kind != SZ_ITEM_TEXT || !_sz_hpdf_text_drawn (t))
    return NULL;
  if (t->font == NULL || !t->font->haru_ok)
    /* Translators: a font's family name, then its file */
    return g_strdup_printf (_("The fast PDF method cannot put the font “%s” (%s) in the file."),
                            t->font ? t->font->family : "?", t->font ? t->font->path : "?");
  if (t->size > HPDF_MAX_FONTSIZE)
    return g_strdup_printf (_("The fast PDF method cannot draw “%s” at %g points: its largest size is 600."),
                            t->utf8, t->size);
  if (!g_utf8_validate (t->utf8, -1, NULL))
    return g_strdup (_("A text on the page is not valid UTF-8."));
  for (const char *p = t->utf8; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) > 0xffff)
      /* Translators: a character, its code point, the text it is in */
      return g_strdup_printf (_("The fast PDF method cannot draw the character “%.*s” (U+%04X) in “%s”."),
                              (int) (g_utf8_next_char (p) - p), p, g_utf8_get_char (p), t->utf8);
  return NULL;
}

/* Checked before anything is added to the document. */
static gboolean
engine_check (const SzPage  *page,
              GError       **error)
{
  g_autofree char *why = NULL;

  if (!(page->width >= HPDF_MIN_PAGE_SIZE && page->width <= HPDF_MAX_PAGE_SIZE &&
        page->height >= HPDF_MIN_PAGE_SIZE && page->height <= HPDF_MAX_PAGE_SIZE))
    /* Translators: the page's width and height in points */
    why = g_strdup_printf (_("The fast PDF method makes pages of 3 to 14400 points (5.08 m) a side, not %g × %g points."),
                           page->width, page->height);
  for (guint i = 0; why == NULL && i < page->items->len; i++)
    why = item_problem (g_ptr_array_index (page->items, i));
  if (why != NULL)
    g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE, why);
  return why == NULL;
}

gboolean
sz_hpdf_can_draw (const SzPage *page)
{
  g_return_val_if_fail (page != NULL, FALSE);
  return engine_check (page, NULL);
}

/* libharu's UTF-8 encoder writes outline titles and document info as
 * UTF-16BE but turns characters past the BMP into spaces; for those we
 * replace the string it wrote with a hex string of our own. */
static void
set_text_string (HPDF_Dict   dict,
                 const char *key,
                 const char *utf8)
{
  g_autofree gunichar2 *utf16 = NULL;
  g_autofree guint8 *bytes = NULL;
  glong len = 0;

  utf16 = g_utf8_to_utf16 (utf8, -1, NULL, &len, NULL);
  if (dict == NULL || utf16 == NULL || (glong) g_utf8_strlen (utf8, -1) == len)
    return;
  bytes = g_malloc (2 * len + 2);
  bytes[0] = 0xfe;
  bytes[1] = 0xff;
  for (glong i = 0; i < len; i++)
    {
      bytes[2 + 2 * i] = utf16[i] >> 8;
      bytes[3 + 2 * i] = utf16[i] & 0xff;
    }
  HPDF_Dict_Add (dict, key, HPDF_Binary_New (dict->mmgr, bytes, 2 * len + 2));
}

static void
set_info (SzHpdfWriter   *w,
          HPDF_InfoType   type,
          const char     *key,
          const char     *value)
{
  g_autofree char *valid = NULL;

  if (value == NULL)
    return;
  valid = g_utf8_make_valid (value, -1);
  HPDF_SetInfoAttr (w->pdf, type, valid);
  set_text_string (w->pdf->info, key, valid);
}

static void
set_creation_date (SzHpdfWriter *w)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int offset = g_date_time_get_utc_offset (now) / G_TIME_SPAN_MINUTE;
  HPDF_Date date = {
    g_date_time_get_year (now), g_date_time_get_month (now), g_date_time_get_day_of_month (now),
    g_date_time_get_hour (now), g_date_time_get_minute (now), MIN (g_date_time_get_second (now), 59),
    offset == 0 ? 'Z' : offset > 0 ? '+' : '-', ABS (offset) / 60, ABS (offset) % 60,
  };

  HPDF_SetInfoDateAttr (w->pdf, HPDF_INFO_CREATION_DATE, date);
}

SzHpdfWriter *
sz_hpdf_writer_new (const SzDocInfo  *info,
                    GError          **error)
{
  g_autoptr(SzHpdfWriter) w = g_new0 (SzHpdfWriter, 1);

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  w->private_file = info != NULL && info->private_file;
  w->fonts = g_hash_table_new (NULL, NULL);
  w->images = g_hash_table_new_full (NULL, NULL, (GDestroyNotify) g_bytes_unref, NULL);
  w->outline = g_ptr_array_new_with_free_func (g_free);
  w->outline_items = g_ptr_array_new ();
  w->pdf = HPDF_New (on_haru_error, w);
  if (w->pdf == NULL)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FAILED,
                   _("The fast PDF method cannot start a PDF file."));
      return NULL;
    }
  HPDF_SetCompressionMode (w->pdf, HPDF_COMP_ALL);
  /* One Pages node holds at most 32767 pages; a district's batch may be
   * longer. */
  HPDF_SetPagesConfiguration (w->pdf, 1024);
  HPDF_UseUTFEncodings (w->pdf);
  HPDF_SetCurrentEncoder (w->pdf, "UTF-8");
  w->utf8 = HPDF_GetEncoder (w->pdf, "UTF-8");
  if (info != NULL)
    {
      set_info (w, HPDF_INFO_TITLE, "Title", info->title);
      set_info (w, HPDF_INFO_AUTHOR, "Author", info->author);
      set_info (w, HPDF_INFO_SUBJECT, "Subject", info->subject);
      set_info (w, HPDF_INFO_CREATOR, "Creator", info->creator);
    }
  set_creation_date (w);
  if (w->error_no != HPDF_OK)
    {
      take_error (w, error, SZ_RENDER_ERROR_FAILED, _("The fast PDF method cannot set up the PDF file"));
      return NULL;
    }
  return g_steal_pointer (&w);
}

static HPDF_Font
font_lookup (SzHpdfWriter      *w,
             const SzFontFile  *file,
             GError           **error)
{
  HPDF_Font font = g_hash_table_lookup (w->fonts, GINT_TO_POINTER (file->id));
  const char *name;

  if (font != NULL)
    return font;
  if (g_str_has_suffix (file->path, ".ttc") || g_str_has_suffix (file->path, ".TTC"))
    name = HPDF_LoadTTFontFromFile2 (w->pdf, file->path, file->index, HPDF_TRUE);
  else
    name = HPDF_LoadTTFontFromFile (w->pdf, file->path, HPDF_TRUE);
  if (name != NULL)
    font = HPDF_GetFont (w->pdf, name, "UTF-8");
  if (font == NULL || w->error_no != HPDF_OK)
    {
      g_autofree char *what = g_strdup_printf (_("The fast PDF method cannot load the font “%s” (%s)"),
                                               file->family, file->path);

      take_error (w, error, SZ_RENDER_ERROR_FONT, what);
      return NULL;
    }
  g_hash_table_insert (w->fonts, GINT_TO_POINTER (file->id), font);
  return font;
}


/* libharu 2.3.0's PNG loader aborts the process on a damaged file and
 * reads 16-bit RGBA as garbage, so cairo decodes every PNG.  Alpha goes
 * into a soft mask, as in cairo's own PDF, with fully transparent pixels
 * white for viewers that ignore the mask. */
static HPDF_Image
png_load (SzHpdfWriter *w,
          GBytes       *bytes)
{
  cairo_surface_t *png, *surface = NULL;
  g_autofree guint8 *rgb = NULL;
  g_autofree guint8 *alpha = NULL;
  gboolean opaque = TRUE;
  HPDF_Image image = NULL;
  int width, height, stride;
  const guint8 *data;
  cairo_t *cr;

  png = sz_render_cairo_png_from_bytes (bytes);
  if (cairo_surface_status (png) != CAIRO_STATUS_SUCCESS)
    goto out;
  /* Newer cairo reads 16-bit PNGs into float formats: painting them on
   * one ARGB32 surface leaves one case to convert. */
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, cairo_image_surface_get_width (png),
                                        cairo_image_surface_get_height (png));
  cr = cairo_create (surface);
  cairo_set_source_surface (cr, png, 0, 0);
  cairo_set_operator (cr, CAIRO_OPERATOR_SOURCE);
  cairo_paint (cr);
  cairo_destroy (cr);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    goto out;
  cairo_surface_flush (surface);
  width = cairo_image_surface_get_width (surface);
  height = cairo_image_surface_get_height (surface);
  stride = cairo_image_surface_get_stride (surface);
  data = cairo_image_surface_get_data (surface);
  rgb = g_malloc ((gsize) width * height * 3);
  alpha = g_malloc ((gsize) width * height);
  for (gsize i = 0; i < (gsize) width * height; i++)
    {
      guint32 px = ((const guint32 *) (gconstpointer) (data + i / width * stride))[i % width];
      guint a = alpha[i] = px >> 24;

      opaque = opaque && a == 0xff;
      /* cairo premultiplies; the PDF wants the colour itself. */
      for (int k = 0; k < 3; k++)
        {
          guint c = (px >> (16 - 8 * k)) & 0xff;

          rgb[3 * i + k] = a == 0xff ? c : a == 0 ? 0xff : MIN (255u, (c * 255 + a / 2) / a);
        }
    }
  image = HPDF_LoadRawImageFromMem (w->pdf, rgb, width, height, HPDF_CS_DEVICE_RGB, 8);
  if (image != NULL && !opaque)
    {
      HPDF_Image mask = HPDF_LoadRawImageFromMem (w->pdf, alpha, width, height,
                                                  HPDF_CS_DEVICE_GRAY, 8);

      if (mask == NULL || HPDF_Image_AddSMask (image, mask) != HPDF_OK)
        image = NULL;
      /* Soft masks are PDF 1.4; libharu 2.3.0 would still write 1.3. */
      else if (w->pdf->pdf_version < HPDF_VER_14)
        w->pdf->pdf_version = HPDF_VER_14;
    }

out:
  cairo_surface_destroy (png);
  cairo_surface_destroy (surface);
  return image;
}

/* The same photo on many pages is embedded once; the GBytes is kept
 * referenced so that its address cannot come back as another picture. */
static HPDF_Image
image_lookup (SzHpdfWriter       *w,
              const SzImageItem  *item,
              GError            **error)
{
  HPDF_Image image = g_hash_table_lookup (w->images, item->data);
  const guint8 *data;
  gsize size;

  if (image != NULL)
    return image;
  data = g_bytes_get_data (item->data, &size);
  if (size <= G_MAXUINT32 && g_strcmp0 (item->mime_type, "image/jpeg") == 0)
    image = HPDF_LoadJpegImageFromMem (w->pdf, data, size);
  else if (g_strcmp0 (item->mime_type, "image/png") == 0)
    image = png_load (w, item->data);
  if (image == NULL || w->error_no != HPDF_OK)
    {
      g_autofree char *what = g_strdup (_("A photo or picture on the board is damaged and cannot be printed"));

      /* cairo, which decodes PNGs, gives no reason worth showing. */
      if (w->error_no != HPDF_OK)
        take_error (w, error, SZ_RENDER_ERROR_IMAGE, what);
      else
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE, "%s.", what);
      return NULL;
    }
  g_hash_table_insert (w->images, g_bytes_ref (item->data), image);
  return image;
}

/* Loads what the page needs before the page exists, so that a font or
 * picture that fails adds no page and the caller may go on.  Pictures
 * first: a damaged photo is likelier than a damaged font, and what did
 * load stays in the document. */
static gboolean
page_prepare (SzHpdfWriter  *w,
              const SzPage  *page,
              GError       **error)
{
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < page->items->len; i++)
      {
        const SzItem *item = g_ptr_array_index (page->items, i);

        if (pass == 0 && item->kind == SZ_ITEM_IMAGE && image_lookup (w, &item->image, error) == NULL)
          return FALSE;
        if (pass == 1 && item->kind == SZ_ITEM_TEXT && _sz_hpdf_text_drawn (&item->text) &&
            font_lookup (w, item->text.font, error) == NULL)
          return FALSE;
      }
  return TRUE;
}

/* Adds the items of @path that the previous page's path does not share;
 * each points at the first page under it.  Grids stay open so that their
 * compounds show; deeper levels are closed, or a city's bookmarks would
 * run to thousands of lines. */
static void
add_outline (SzHpdfWriter *w,
             HPDF_Page     page,
             char * const *path)
{
  guint depth = path != NULL ? g_strv_length ((char **) path) : 0;
  guint shared = 0;

  while (shared < depth && shared < w->outline->len &&
         strcmp (path[shared], w->outline->pdata[shared]) == 0)
    shared++;
  g_ptr_array_set_size (w->outline, shared);
  g_ptr_array_set_size (w->outline_items, shared);

  for (guint i = shared; i < depth; i++)
    {
      HPDF_Outline parent = i == 0 ? NULL : w->outline_items->pdata[i - 1];
      g_autofree char *title = g_utf8_make_valid (path[i], -1);
      HPDF_Outline item = HPDF_CreateOutline (w->pdf, parent, title, w->utf8);
      HPDF_Destination dest = HPDF_Page_CreateDestination (page);

      if (item == NULL || dest == NULL)
        return;
      set_text_string (item, "Title", title);
      HPDF_Destination_SetFit (dest);
      HPDF_Outline_SetDestination (item, dest);
      HPDF_Outline_SetOpened (item, i == 0);
      g_ptr_array_add (w->outline, g_strdup (path[i]));
      g_ptr_array_add (w->outline_items, item);
    }
}

static void
set_label (SzHpdfWriter *w,
           const SzPage *page)
{
  const char *prefix = page->label_prefix != NULL ? page->label_prefix : "";
  g_autofree char *ascii = NULL;

  if (w->label_prefix != NULL && strcmp (prefix, w->label_prefix) == 0)
    return;
  g_free (w->label_prefix);
  w->label_prefix = g_strdup (prefix);
  /* libharu writes the prefix as it is, in no particular encoding. */
  ascii = g_str_to_ascii (prefix, "C");
  HPDF_AddPageLabel (w->pdf, w->n_pages, HPDF_PAGE_NUM_STYLE_DECIMAL, 1,
                     ascii[0] != '\0' ? ascii : NULL);
}

gboolean
sz_hpdf_writer_add_page (SzHpdfWriter  *w,
                         const SzPage  *page,
                         GError       **error)
{
  Pen pen = { 0 };

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (w->broken)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE,
                   _("The PDF cannot take more pages after an earlier error."));
      return FALSE;
    }
  if (!isfinite (page->width) || !isfinite (page->height) ||
      page->width <= 0 || page->height <= 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: a page's width and height in points */
                   _("A page of %g × %g points cannot be drawn."),
                   page->width, page->height);
      return FALSE;
    }
  if (!engine_check (page, error) || !page_prepare (w, page, error))
    return FALSE;

  pen.page = HPDF_AddPage (w->pdf);
  pen.height = page->height;
  /* PDF's initial graphics state. */
  pen.line_width = 1;
  if (pen.page != NULL)
    {
      HPDF_Page_SetWidth (pen.page, page->width);
      HPDF_Page_SetHeight (pen.page, page->height);
      _sz_hpdf_draw_items (w, &pen, page);
      add_outline (w, pen.page, page->outline);
      set_label (w, page);
    }
  /* A page half drawn cannot be taken out of the document again. */
  if (pen.page == NULL || w->error_no != HPDF_OK)
    {
      w->broken = TRUE;
      take_error (w, error, SZ_RENDER_ERROR_FAILED, _("The fast PDF method cannot draw the page"));
      return FALSE;
    }
  w->n_pages++;
  return TRUE;
}

guint
sz_hpdf_writer_get_n_pages (SzHpdfWriter *w)
{
  g_return_val_if_fail (w != NULL, 0);
  return w->n_pages;
}

char *
sz_hpdf_writer_save_temp (SzHpdfWriter  *w,
                          const char    *path,
                          GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *temp;
  gsize done = 0;
  int fd = -1, saved = 0;
  g_autofree guint8 *data = NULL;
  HPDF_UINT32 size = 0;

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (w->broken)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE,
                   _("The PDF cannot be saved after an earlier error."));
      return NULL;
    }
  if (w->n_pages == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   _("There are no pages to put in the PDF."));
      return NULL;
    }
  /* Through memory, not HPDF_SaveToFile, which never checks that its
   * last block reached the disk. */
  if (HPDF_SaveToStream (w->pdf) == HPDF_OK)
    {
      size = HPDF_GetStreamSize (w->pdf);
      data = g_malloc (MAX (size, 1));
      HPDF_ResetStream (w->pdf);
      /* Reaching the end is reported as an error, which it is not here. */
      if (HPDF_ReadFromStream (w->pdf, data, &size) == HPDF_STREAM_EOF)
        {
          w->error_no = HPDF_OK;
          HPDF_ResetError (w->pdf);
        }
    }
  if (data == NULL || w->error_no != HPDF_OK || size != HPDF_GetStreamSize (w->pdf))
    {
      g_autofree char *what = g_strdup_printf (_("The PDF file “%s” cannot be written"), path);

      take_error (w, error, SZ_RENDER_ERROR_FAILED, what);
      return NULL;
    }
  /* Not HPDF_SaveToFile to the final name: a temporary file beside @path
   * (mode 0600: boards carry names and phones; removed on SIGINT/SIGTERM
   * and by the next run's cleanup), renamed into place by the caller. */
  temp = sz_safe_file_create_temp (path, &fd, &local_error);
  if (temp == NULL)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return NULL;
    }
  while (done < size && saved == 0)
    {
      gssize n = write (fd, data + done, size - done);

      if (n > 0)
        done += n;
      else if (n == 0 || errno != EINTR)
        saved = n < 0 ? errno : EIO;
    }
  if (close (fd) != 0 && saved == 0)
    saved = errno;
  if (saved != 0)
    {
      sz_safe_file_discard (temp);
      g_free (temp);
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: a file path, then the system's reason */
                   _("Cannot write “%s”: %s"), path, g_strerror (saved));
      return NULL;
    }
  return temp;
}

gboolean
sz_hpdf_writer_save (SzHpdfWriter  *w,
                     const char    *path,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;

  g_return_val_if_fail (w != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  temp = sz_hpdf_writer_save_temp (w, path, error);
  if (temp == NULL)
    return FALSE;
  /* fsync, rename, fsync of the folder: never half a PDF under @path. */
  if (!sz_safe_file_commit (temp, path, w->private_file ? SZ_SAFE_FILE_PRIVATE : SZ_SAFE_FILE_DEFAULT,
                            &local_error))
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
sz_hpdf_writer_free (SzHpdfWriter *w)
{
  if (w == NULL)
    return;
  if (w->pdf != NULL)
    HPDF_Free (w->pdf);
  g_clear_pointer (&w->fonts, g_hash_table_unref);
  g_clear_pointer (&w->images, g_hash_table_unref);
  g_clear_pointer (&w->outline, g_ptr_array_unref);
  g_clear_pointer (&w->outline_items, g_ptr_array_unref);
  g_free (w->label_prefix);
  g_free (w);
}
