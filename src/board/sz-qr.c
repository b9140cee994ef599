/* sz-qr.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>

#include "sz-display.h"
#include "sz-qr.h"

/* Bytes of 8-bit data a version 40 symbol holds at level M. */
#define QR_MAX_BYTES_M 2331

static guint8 *encode (const char  *text,
                       const char  *field,
                       int         *n,
                       GError     **error);

guint8 *
sz_qr_encode (const char  *text,
              const char  *field,
              int         *n,
              GError     **error)
{
  guint8 *modules;
  gsize len;
  int side;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (n != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  len = strlen (text);
  if (len == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: %s is a field name */
                   _("%s is empty: there is nothing to put in the QR code."), field);
      return NULL;
    }

  /* A batch prints the community's code on every board, and a unit's
   * board its group admin's code beside it: the symbols made are kept
   * (per thread, the last 64 texts) and copied. */
  {
    static GPrivate made = G_PRIVATE_INIT ((GDestroyNotify) g_hash_table_unref);
    GHashTable *cache = g_private_get (&made);
    GBytes *known;

    if (cache == NULL)
      {
        cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
        g_private_set (&made, cache);
      }
    known = g_hash_table_lookup (cache, text);
    if (known != NULL)
      {
        gsize size = 0;
        const guint8 *data = g_bytes_get_data (known, &size);

        for (side = 1; (gsize) side * side < size; side++)
          ;
        *n = side;
        return g_memdup2 (data, size);
      }
    modules = encode (text, field, &side, error);
    if (modules == NULL)
      return NULL;
    if (g_hash_table_size (cache) >= 64)
      g_hash_table_remove_all (cache);
    g_hash_table_insert (cache, g_strdup (text), g_bytes_new (modules, (gsize) side * side));
    *n = side;
    return modules;
  }
}

static guint8 *
encode (const char  *text,
        const char  *field,
        int         *n,
        GError     **error)
{
  QRcode *code;
  guint8 *modules;
  gsize len = strlen (text);
  int side;

  /* Version 0 lets libqrencode pick the smallest version that holds the
   * text; case-sensitive 8-bit mode keeps URLs and Chinese intact. */
  errno = 0;
  code = QRcode_encodeString (text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
  if (code == NULL)
    {
      int saved_errno = errno;

      if (saved_errno == ERANGE)
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                     /* Translators: %s is a field name, then the length in bytes and the limit */
                     _("%s is too long for a QR code: %u bytes, but at most %d fit "
                       "(a Chinese character takes 3). Shorten it, or use a short link."),
                     field, (guint) MIN (len, G_MAXUINT), QR_MAX_BYTES_M);
      else
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FAILED,
                     /* Translators: %s is a field name, then the system's reason */
                     _("%s cannot be made into a QR code: %s"),
                     field, g_strerror (saved_errno ? saved_errno : EINVAL));
      return NULL;
    }

  side = code->width;
  modules = g_malloc ((gsize) side * side);
  /* libqrencode packs flags into each byte; only bit 0 says dark. */
  for (gsize i = 0; i < (gsize) side * side; i++)
    modules[i] = code->data[i] & 1;
  QRcode_free (code);

  *n = side;
  return modules;
}
