/* sz-image.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-image.h"

G_DEFINE_QUARK (sz-image-error-quark, sz_image_error)

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* PNG: signature, then IHDR first; the IEND chunk must close the file, so a
 * download cut short is caught here and not on the printed board. */
static gboolean
inspect_png (const guint8 *p,
             gsize         len,
             int          *width,
             int          *height)
{
  static const guint8 sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  static const guint8 iend[12] = { 0, 0, 0, 0, 'I', 'E', 'N', 'D', 0xae, 0x42, 0x60, 0x82 };

  if (len < 8 + 25 + 12 || memcmp (p, sig, 8) != 0 || memcmp (p + 12, "IHDR", 4) != 0)
    return FALSE;
  if (memcmp (p + len - 12, iend, 12) != 0)
    return FALSE;
  *width = (int) MIN (be32 (p + 16), (guint32) G_MAXINT);
  *height = (int) MIN (be32 (p + 20), (guint32) G_MAXINT);
  return TRUE;
}

/* JPEG: walk the markers to the first start-of-frame for the size; the file
 * must end with EOI (allowing trailing padding some cameras add). */
static gboolean
inspect_jpeg (const guint8 *p,
              gsize         len,
              int          *width,
              int          *height)
{
  gsize i = 2;
  gsize end = len;

  if (len < 4 || p[0] != 0xff || p[1] != 0xd8)
    return FALSE;
  while (end > 2 && p[end - 1] == 0)
    end--;
  if (end < 4 || p[end - 2] != 0xff || p[end - 1] != 0xd9)
    return FALSE;

  while (i + 4 <= len)
    {
      guint8 marker;
      gsize seg;

      if (p[i] != 0xff)
        return FALSE;
      marker = p[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01)
        {
          i += 2;
          continue;
        }
      seg = ((gsize) p[i + 2] << 8) | p[i + 3];
      if (seg < 2 || i + 2 + seg > len)
        return FALSE;
      /* SOF0..SOF15 except DHT (C4), JPG (C8) and DAC (CC). */
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (seg < 7)
            return FALSE;
          *height = (p[i + 5] << 8) | p[i + 6];
          *width = (p[i + 7] << 8) | p[i + 8];
          return TRUE;
        }
      if (marker == 0xda) /* scan data before any frame header */
        return FALSE;
      i += 2 + seg;
    }
  return FALSE;
}

gboolean
sz_image_inspect (GBytes      *data,
                  const char  *field,
                  const char **mime_type,
                  int         *width,
                  int         *height,
                  GError     **error)
{
  const guint8 *p;
  gsize len;
  int w = 0, h = 0;
  const char *type = NULL;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (field != NULL, FALSE);

  p = g_bytes_get_data (data, &len);
  if (len > SZ_IMAGE_MAX_BYTES)
    {
      g_set_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_TOO_LARGE,
                   /* Translators: %s is a field name, then the size and the limit in MiB */
                   _("%s: the image is %.1f MiB; at most %d MiB is accepted. Save it smaller and try again."),
                   field, len / 1048576.0, SZ_IMAGE_MAX_BYTES / 1048576);
      return FALSE;
    }
  if (len >= 8 && p[0] == 0x89 && p[1] == 'P')
    {
      if (inspect_png (p, len, &w, &h))
        type = "image/png";
    }
  else if (len >= 2 && p[0] == 0xff && p[1] == 0xd8)
    {
      if (inspect_jpeg (p, len, &w, &h))
        type = "image/jpeg";
    }
  if (type == NULL || w <= 0 || h <= 0)
    {
      g_set_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_FORMAT,
                   /* Translators: %s is a field name */
                   _("%s: the file is not a whole JPEG or PNG image (it may be damaged or cut short)."), field);
      return FALSE;
    }
  if (w > SZ_IMAGE_MAX_SIDE || h > SZ_IMAGE_MAX_SIDE)
    {
      g_set_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_TOO_LARGE,
                   /* Translators: %s is a field name, then width and height in pixels, then the limit */
                   _("%s: the image is %d×%d pixels; at most %d pixels a side is accepted."),
                   field, w, h, SZ_IMAGE_MAX_SIDE);
      return FALSE;
    }
  if (mime_type)
    *mime_type = type;
  if (width)
    *width = w;
  if (height)
    *height = h;
  return TRUE;
}
