/* sz-render-cairo.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "sz-render-cairo.h"
#include "sz-render-cairo-private.h"
#include "sz-safe-file.h"

/* Fonts: one cairo face per font file for the whole process, because
 * cairo's glyph and PDF subset caches key on the face. */

typedef struct
{
  cairo_font_face_t *face;
  FT_Long            n_glyphs;
} FontEntry;

static GMutex font_lock;
static FT_Library ft_library;
static GHashTable *font_cache;  /* "index:path" → FontEntry, never freed */
static const cairo_user_data_key_t ft_face_key;

static void
ft_face_done (void *data)
{
  /* FreeType lets only one thread at a time open or close the faces of a
   * library.  Entries are never dropped, so this never runs while
   * font_lock is held. */
  g_mutex_lock (&font_lock);
  FT_Done_Face (data);
  g_mutex_unlock (&font_lock);
}

/* Keyed by path and index rather than SzFontFile.id: ids are unique only
 * within one SzFonts, and two may live at once (preview and export). */
static const FontEntry *
font_entry_get (const SzFontFile  *font,
                GError           **error)
{
  g_autoptr(GMutexLocker) locker = g_mutex_locker_new (&font_lock);
  g_autofree char *key = g_strdup_printf ("%d:%s", font->index, font->path);
  FontEntry *entry;
  FT_Face ft_face = NULL;
  FT_Error ft_error;
  cairo_font_face_t *face;

  if (font_cache == NULL)
    font_cache = g_hash_table_new (g_str_hash, g_str_equal);
  if ((entry = g_hash_table_lookup (font_cache, key)) != NULL)
    return entry;

  ft_error = ft_library != NULL ? 0 : FT_Init_FreeType (&ft_library);
  if (ft_error == 0)
    ft_error = FT_New_Face (ft_library, font->path, font->index, &ft_face);
  if (ft_error != 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                   /* Translators: a font file, its face index, then FreeType's error code */
                   _("The font “%s” (face %d) cannot be opened (error %d)."),
                   font->path, font->index, ft_error);
      return NULL;
    }

  /* Outlines only: CJK fonts such as WenQuanYi carry bitmap strikes that
   * would not match the measured layout. */
  face = cairo_ft_font_face_create_for_ft_face (ft_face, FT_LOAD_NO_BITMAP);
  if (cairo_font_face_set_user_data (face, &ft_face_key, ft_face, ft_face_done) != CAIRO_STATUS_SUCCESS)
    {
      cairo_font_face_destroy (face);
      FT_Done_Face (ft_face);
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                           cairo_status_to_string (CAIRO_STATUS_NO_MEMORY));
      return NULL;
    }
  entry = g_new0 (FontEntry, 1);
  entry->face = face;
  entry->n_glyphs = ft_face->num_glyphs;
  g_hash_table_insert (font_cache, g_steal_pointer (&key), entry);
  return entry;
}

/* Images */

typedef struct
{
  const guint8 *data;
  gsize         left;
} PngReader;

static cairo_status_t
png_read (void          *closure,
          unsigned char *data,
          unsigned int   length)
{
  PngReader *reader = closure;

  if (length > reader->left)
    return CAIRO_STATUS_READ_ERROR;
  memcpy (data, reader->data, length);
  reader->data += length;
  reader->left -= length;
  return CAIRO_STATUS_SUCCESS;
}

cairo_surface_t *
sz_render_cairo_png_from_bytes (GBytes *data)
{
  PngReader reader;

  g_return_val_if_fail (data != NULL, NULL);
  reader.data = g_bytes_get_data (data, &reader.left);
  return cairo_image_surface_create_from_png_stream (png_read, &reader);
}

/* An opaque ARGB32 copy of a JPEG decoded by gdk-pixbuf. */
static cairo_surface_t *
jpeg_decode (GBytes  *bytes,
             GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new_with_type ("jpeg", error);
  gboolean written;
  GdkPixbuf *pixbuf;
  cairo_surface_t *surface;
  const guint8 *src;
  guint8 *dst;
  int width, height, n_channels;

  if (loader == NULL)
    return NULL;
  /* The loader must be closed even after a failed write, or it warns. */
  written = gdk_pixbuf_loader_write_bytes (loader, bytes, error);
  if (!gdk_pixbuf_loader_close (loader, written ? error : NULL) || !written)
    return NULL;
  if ((pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    return NULL;

  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  n_channels = gdk_pixbuf_get_n_channels (pixbuf);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width, height);
  if (cairo_surface_status (surface) != CAIRO_STATUS_SUCCESS)
    return surface;
  src = gdk_pixbuf_read_pixels (pixbuf);
  dst = cairo_image_surface_get_data (surface);
  for (int y = 0; y < height; y++)
    {
      const guint8 *p = src + (gsize) y * gdk_pixbuf_get_rowstride (pixbuf);
      guint32 *q = (guint32 *) (gpointer) (dst + (gsize) y * cairo_image_surface_get_stride (surface));

      for (int x = 0; x < width; x++, p += n_channels)
        q[x] = 0xff000000 | ((guint32) p[0] << 16) | ((guint32) p[1] << 8) | p[2];
    }
  cairo_surface_mark_dirty (surface);
  return surface;
}

static cairo_surface_t *
image_decode (const SzImageItem  *image,
              gboolean            vector,
              GError            **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean jpeg = g_strcmp0 (image->mime_type, "image/jpeg") == 0;
  cairo_surface_t *surface = NULL;
  cairo_status_t status;

  /* Only the two types the database accepts, each by its own decoder:
   * sniffing could hand the bytes to any gdk-pixbuf module installed.
   * cairo's PNG reader keeps the alpha channel, premultiplied. */
  if (jpeg)
    surface = jpeg_decode (image->data, &local_error);
  else if (g_strcmp0 (image->mime_type, "image/png") == 0)
    surface = sz_render_cairo_png_from_bytes (image->data);
  status = surface != NULL ? cairo_surface_status (surface) : CAIRO_STATUS_READ_ERROR;
  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_IMAGE,
                   /* Translators: the reason follows: "it cannot be read as a picture" or the decoder's */
                   _("A photo or picture on the board is damaged and cannot be printed: %s"),
                   local_error ? local_error->message :
                   surface ? _("it cannot be read as a picture.") : _("only JPEG and PNG pictures can be printed."));
      g_clear_pointer (&surface, cairo_surface_destroy);
      return NULL;
    }

  /* EXIF orientation is not applied: the PDF engines embed the original
   * JPEG, which viewers show unrotated, and all outputs must agree.  With
   * the bytes attached, cairo's PDF and PS surfaces embed the JPEG as it
   * is, at its own resolution, instead of re-encoding the pixels. */
  if (jpeg)
    cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_JPEG,
                                 g_bytes_get_data (image->data, NULL),
                                 g_bytes_get_size (image->data),
                                 (cairo_destroy_func_t) g_bytes_unref,
                                 g_bytes_ref (image->data));
  /* The same photo loaded twice (two GBytes) is still embedded once. */
  if (vector)
    {
      char *id = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image->data);

      cairo_surface_set_mime_data (surface, CAIRO_MIME_TYPE_UNIQUE_ID,
                                   (const guchar *) id, strlen (id), g_free, id);
    }
  return surface;
}

/* @cache maps a GBytes (referenced, so that its address cannot be reused)
 * to its decoded surface. */
static cairo_surface_t *
image_lookup (GHashTable         *cache,
              const SzImageItem  *image,
              gboolean            vector,
              GError            **error)
{
  cairo_surface_t *surface = g_hash_table_lookup (cache, image->data);

  if (surface == NULL && (surface = image_decode (image, vector, error)) != NULL)
    g_hash_table_insert (cache, g_bytes_ref (image->data), surface);
  return surface;
}

GHashTable *
_sz_cairo_image_cache_new (void)
{
  return g_hash_table_new_full (g_direct_hash, g_direct_equal,
                                (GDestroyNotify) g_bytes_unref,
                                (GDestroyNotify) cairo_surface_destroy);
}

/* Drawing */

static gboolean
target_is_vector (cairo_t *cr)
{
  cairo_surface_type_t type = cairo_surface_get_type (cairo_get_target (cr));

  return type == CAIRO_SURFACE_TYPE_PDF || type == CAIRO_SURFACE_TYPE_PS || type == CAIRO_SURFACE_TYPE_SVG;
}

/* Checks the page size, opens every font and decodes every picture of
 * @page before anything is drawn, so that a failure leaves the surface
 * untouched.  Returns one borrowed FontEntry or cairo_surface_t per item
 * (NULL for the others). */
gconstpointer *
_sz_cairo_page_prepare (const SzPage  *page,
                        GHashTable    *images,
                        gboolean       vector,
                        GError       **error)
{
  g_autofree gconstpointer *res = g_new0 (gconstpointer, page->items->len + 1);

  if (!(isfinite (page->width) && isfinite (page->height) && page->width > 0 && page->height > 0))
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: a page's width and height in points */
                   _("A page of %g × %g points cannot be drawn."), page->width, page->height);
      return NULL;
    }
  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = page->items->pdata[i];

      if (item->kind == SZ_ITEM_TEXT && item->text.n_glyphs > 0)
        {
          if (item->text.font == NULL || item->text.font->path == NULL)
            {
              g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                           /* Translators: %s is the text of a line on the board */
                           _("The text “%s” has no font to draw it with."),
                           item->text.utf8 ? item->text.utf8 : "");
              return NULL;
            }
          if ((res[i] = font_entry_get (item->text.font, error)) == NULL)
            return NULL;
        }
      else if (item->kind == SZ_ITEM_IMAGE &&
               (res[i] = image_lookup (images, &item->image, vector, error)) == NULL)
        return NULL;
    }
  return g_steal_pointer (&res);
}

/* Clusters tell cairo which bytes of the text each glyph draws, which is
 * what PDF text extraction and search read back.  They must cover the text
 * in order and split it only between characters; anything else (it should
 * not happen for the scripts we print) returns 0, drawing without text. */
static int
text_clusters (const SzTextItem       *text,
               const FontEntry        *font,
               cairo_text_cluster_t   *clusters)
{
  gsize len = text->utf8 ? strlen (text->utf8) : 0;
  int n_clusters = 0;

  if (len == 0 || !g_utf8_validate (text->utf8, len, NULL))
    return 0;
  for (guint i = 0; i < text->n_glyphs; i++)
    {
      guint32 start = text->glyphs[i].cluster;
      gboolean valid = text->glyphs[i].glyph < (guint32) font->n_glyphs;

      if (i > 0 && start == text->glyphs[i - 1].cluster)
        {
          clusters[n_clusters - 1].num_glyphs += valid;
          continue;
        }
      if (start >= len || (i > 0 && start < text->glyphs[i - 1].cluster) ||
          (start > 0 && (text->utf8[start] & 0xc0) == 0x80))
        return 0;
      if (n_clusters > 0)
        clusters[n_clusters - 1].num_bytes = start - text->glyphs[i - 1].cluster;
      /* Bytes before the first glyph's cluster go with it. */
      clusters[n_clusters].num_bytes = 0;
      clusters[n_clusters].num_glyphs = valid;
      n_clusters++;
    }
  if (n_clusters > 0)
    {
      clusters[n_clusters - 1].num_bytes = len - text->glyphs[text->n_glyphs - 1].cluster;
      clusters[0].num_bytes += text->glyphs[0].cluster;
    }
  return n_clusters;
}

static void
draw_text (cairo_t          *cr,
           const SzTextItem *text,
           const FontEntry  *font)
{
  g_autofree cairo_glyph_t *glyphs = g_new (cairo_glyph_t, text->n_glyphs);
  g_autofree cairo_text_cluster_t *clusters = g_new (cairo_text_cluster_t, text->n_glyphs);
  int n_clusters = text_clusters (text, font, clusters);
  int n = 0;

  /* Glyph ids the font lacks (pango's empty or unknown glyphs) are left
   * out: cairo would put the whole surface in an error state. */
  for (guint i = 0; i < text->n_glyphs; i++)
    if (text->glyphs[i].glyph < (guint32) font->n_glyphs)
      {
        glyphs[n].index = text->glyphs[i].glyph;
        glyphs[n].x = text->x + text->glyphs[i].x;
        glyphs[n].y = text->y;
        n++;
      }
  if (n == 0)
    return;

  cairo_set_font_face (cr, font->face);
  cairo_set_font_size (cr, text->size);
  cairo_set_source_rgb (cr, text->color.r, text->color.g, text->color.b);
  if (n_clusters > 0)
    cairo_show_text_glyphs (cr, text->utf8, -1, glyphs, n, clusters, n_clusters, 0);
  else
    cairo_show_glyphs (cr, glyphs, n);

  /* Bold as libharu draws it (fill, then stroke size/30 wide), with the
   * fill kept as text so that it can still be searched and copied. */
  if (text->bold)
    {
      cairo_new_path (cr);
      cairo_glyph_path (cr, glyphs, n);
      cairo_set_line_width (cr, text->size / 30.0);
      cairo_stroke (cr);
    }
}

static void
draw_rect (cairo_t          *cr,
           const SzRectItem *rect)
{
  cairo_rectangle (cr, rect->x, rect->y, rect->w, rect->h);
  if (rect->fill)
    {
      cairo_set_source_rgb (cr, rect->fill_color.r, rect->fill_color.g, rect->fill_color.b);
      cairo_fill_preserve (cr);
    }
  if (rect->line_width > 0)
    {
      cairo_set_source_rgb (cr, rect->line_color.r, rect->line_color.g, rect->line_color.b);
      cairo_set_line_width (cr, rect->line_width);
      cairo_stroke (cr);
    }
  cairo_new_path (cr);
}

static void
draw_line (cairo_t          *cr,
           const SzLineItem *line)
{
  if (!(line->line_width > 0))
    return;
  cairo_move_to (cr, line->x0, line->y0);
  cairo_line_to (cr, line->x1, line->y1);
  cairo_set_source_rgb (cr, line->color.r, line->color.g, line->color.b);
  cairo_set_line_width (cr, line->line_width);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  cairo_stroke (cr);
}

/* One path, one fill: neighbouring modules share their coverage, so
 * antialiasing leaves no light seam between them that a scanner could
 * trip on, and a run of dark modules is one rectangle, not many. */
static void
draw_qr (cairo_t        *cr,
         const SzQrItem *qr)
{
  double m = qr->module;

  for (int row = 0; row < qr->n; row++)
    {
      const guint8 *line = qr->modules + (gsize) row * qr->n;
      int col = 0;

      while (col < qr->n)
        {
          int start;

          if (!line[col])
            {
              col++;
              continue;
            }
          for (start = col; col < qr->n && line[col]; col++)
            ;
          cairo_rectangle (cr, qr->x + start * m, qr->y + row * m, (col - start) * m, m);
        }
    }
  cairo_set_fill_rule (cr, CAIRO_FILL_RULE_WINDING);
  cairo_set_source_rgb (cr, qr->color.r, qr->color.g, qr->color.b);
  cairo_fill (cr);
}

static void
draw_image (cairo_t           *cr,
            const SzImageItem *image,
            cairo_surface_t   *surface,
            gboolean           vector)
{
  int pw = cairo_image_surface_get_width (surface);
  int ph = cairo_image_surface_get_height (surface);

  if (!(image->w > 0 && image->h > 0) || pw <= 0 || ph <= 0)
    return;
  cairo_save (cr);
  cairo_rectangle (cr, image->x, image->y, image->w, image->h);
  cairo_clip (cr);
  cairo_translate (cr, image->x, image->y);
  cairo_scale (cr, image->w / pw, image->h / ph);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_pattern_set_filter (cairo_get_source (cr), CAIRO_FILTER_GOOD);
  /* Padding keeps the picture's edges from fading into the background
   * on raster output; on PDF cairo would turn a padded picture into a new
   * image and lose the original JPEG. */
  if (!vector)
    cairo_pattern_set_extend (cairo_get_source (cr), CAIRO_EXTEND_PAD);
  cairo_paint (cr);
  cairo_restore (cr);
}

void
_sz_cairo_page_draw (cairo_t            *cr,
                     const SzPage       *page,
                     gconstpointer      *res,
                     gboolean            vector)
{
  cairo_font_options_t *options = cairo_font_options_create ();

  cairo_save (cr);
  /* The layout measured unhinted outlines with linear advances. */
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias (options, CAIRO_ANTIALIAS_GRAY);
  cairo_set_font_options (cr, options);
  cairo_font_options_destroy (options);
  cairo_new_path (cr);

  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = page->items->pdata[i];

      switch (item->kind)
        {
        case SZ_ITEM_TEXT:
          if (res[i] != NULL)
            draw_text (cr, &item->text, res[i]);
          break;
        case SZ_ITEM_RECT:
          draw_rect (cr, &item->rect);
          break;
        case SZ_ITEM_LINE:
          draw_line (cr, &item->line);
          break;
        case SZ_ITEM_IMAGE:
          draw_image (cr, &item->image, (cairo_surface_t *) res[i], vector);
          break;
        case SZ_ITEM_QR:
          draw_qr (cr, &item->qr);
          break;
        default:
          g_assert_not_reached ();
        }
    }
  cairo_restore (cr);
}

void
_sz_cairo_set_error (GError         **error,
                     cairo_status_t   status)
{
  g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE,
               /* Translators: %d is the drawing library's error number, for whoever looks into it */
               _("The page cannot be drawn (error %d)."), (int) status);
}

gboolean
sz_render_cairo_page (cairo_t       *cr,
                      const SzPage  *page,
                      GError       **error)
{
  g_autoptr(GHashTable) images = NULL;
  g_autofree gconstpointer *res = NULL;
  gboolean vector;

  g_return_val_if_fail (cr != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  vector = target_is_vector (cr);
  images = _sz_cairo_image_cache_new ();
  res = _sz_cairo_page_prepare (page, images, vector, error);
  if (res == NULL)
    return FALSE;
  _sz_cairo_page_draw (cr, page, res, vector);
  if (cairo_status (cr) == CAIRO_STATUS_SUCCESS)
    return TRUE;
  _sz_cairo_set_error (error, cairo_status (cr));
  return FALSE;
}

cairo_surface_t *
sz_render_cairo_image (const SzPage  *page,
                       double         dpi,
                       GError       **error)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  double scale = dpi / 72.0;
  double w, h;
  gboolean ok;

  g_return_val_if_fail (page != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The small allowance keeps a size that is whole in theory (8 in at
   * 150 dpi) from gaining a pixel to rounding error. */
  w = ceil (page->width * scale - 1e-6);
  h = ceil (page->height * scale - 1e-6);
  if (!(dpi > 0 && page->width > 0 && page->height > 0 && w <= 32767 && h <= 32767))
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: a page's width and height in points, then a resolution */
                   _("A page of %.0f × %.0f points cannot be made into an image at %g dpi."),
                   page->width, page->height, dpi);
      return NULL;
    }

  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, (int) w, (int) h);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  ok = sz_render_cairo_page (cr, page, error);
  cairo_destroy (cr);
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);
  else
    cairo_surface_flush (surface);
  return surface;
}

/* Output files (sz-render-cairo-private.h) */

void
_sz_cairo_set_write_error (GError     **error,
                           const char  *path,
                           int          saved_errno)
{
  g_autofree char *name = g_filename_display_name (path);

  g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
               /* Translators: a file name, then the system's reason */
               _("Cannot write “%s”: %s"), name, g_strerror (saved_errno));
}

void
_sz_cairo_out_file_free (SzCairoOutFile *out)
{
  if (out == NULL)
    return;
  if (out->stream != NULL)
    fclose (out->stream);
  /* Not committed: the temporary file goes, and leaves the signal list. */
  sz_safe_file_discard (out->tmp_path);
  g_free (out->path);
  g_free (out->tmp_path);
  g_free (out);
}

SzCairoOutFile *
_sz_cairo_out_file_open (const char  *path,
                         GError     **error)
{
  g_autoptr(SzCairoOutFile) out = g_new0 (SzCairoOutFile, 1);
  g_autoptr(GError) local_error = NULL;
  int fd = -1;

  out->path = g_strdup (path);
  /* Beside @path, mode 0600 from the first byte (boards carry names and
   * phones), removed on SIGINT/SIGTERM and by the next run's cleanup. */
  out->tmp_path = sz_safe_file_create_temp (path, &fd, &local_error);
  if (out->tmp_path == NULL)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return NULL;
    }
  out->stream = fdopen (fd, "wb");
  if (out->stream == NULL)
    {
      int saved_errno = errno;

      close (fd);
      _sz_cairo_set_write_error (error, path, saved_errno);
      return NULL;
    }
  return g_steal_pointer (&out);
}

cairo_status_t
_sz_cairo_out_file_write (void                *closure,
                          const unsigned char *data,
                          unsigned int         length)
{
  SzCairoOutFile *out = closure;

  if (out->discard)
    return CAIRO_STATUS_SUCCESS;
  if (out->saved_errno != 0)
    return CAIRO_STATUS_WRITE_ERROR;
  if (fwrite (data, 1, length, out->stream) != length)
    {
      out->saved_errno = errno != 0 ? errno : EIO;
      return CAIRO_STATUS_WRITE_ERROR;
    }
  return CAIRO_STATUS_SUCCESS;
}

char *
_sz_cairo_out_file_close (SzCairoOutFile  *out,
                          GError         **error)
{
  int saved_errno = out->saved_errno;
  char *temp = NULL;

  if (saved_errno == 0 && fflush (out->stream) != 0)
    saved_errno = errno;
  if (fclose (out->stream) != 0 && saved_errno == 0)
    saved_errno = errno;
  out->stream = NULL;
  if (saved_errno != 0)
    _sz_cairo_set_write_error (error, out->path, saved_errno);
  else
    temp = g_steal_pointer (&out->tmp_path);
  _sz_cairo_out_file_free (out);
  return temp;
}

gboolean
_sz_cairo_out_file_commit (SzCairoOutFile  *out,
                           GError         **error)
{
  g_autofree char *path = g_strdup (out->path);
  g_autofree char *temp = _sz_cairo_out_file_close (out, error);
  g_autoptr(GError) local_error = NULL;

  if (temp == NULL)
    return FALSE;
  /* fsync, rename into place, fsync of the folder. */
  if (!sz_safe_file_commit (temp, path, SZ_SAFE_FILE_DEFAULT, &local_error))
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_render_cairo_png (const SzPage  *page,
                     double         dpi,
                     const char    *path,
                     GError       **error)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  SzCairoOutFile *out;

  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  surface = sz_render_cairo_image (page, dpi, error);
  if (surface == NULL)
    return FALSE;
  out = _sz_cairo_out_file_open (path, error);
  if (out == NULL)
    {
      cairo_surface_destroy (surface);
      return FALSE;
    }
  status = cairo_surface_write_to_png_stream (surface, _sz_cairo_out_file_write, out);
  cairo_surface_destroy (surface);
  /* A failed write is reported, with its reason, by the commit. */
  if (status != CAIRO_STATUS_SUCCESS && out->saved_errno == 0)
    {
      _sz_cairo_set_error (error, status);
      _sz_cairo_out_file_free (out);
      return FALSE;
    }
  return _sz_cairo_out_file_commit (out, error);
}
