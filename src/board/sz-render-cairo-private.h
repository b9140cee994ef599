/* sz-render-cairo-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <cairo.h>

#include "sz-display.h"

G_BEGIN_DECLS

/* Shared by sz-render-cairo.c, which draws pages and writes PNGs, and
 * sz-render-cairo-pdf.c, which writes PDFs.  Not for use outside them. */

/* Pictures decoded once per cache: a GBytes (referenced) → its surface. */
GHashTable     *_sz_cairo_image_cache_new   (void);

/* Prepare fails before anything is drawn, leaving the surface untouched;
 * its result (g_free() it after drawing) borrows from @images and from the
 * process-wide font cache.  @vector: the target is PDF, PS or SVG. */
gconstpointer  *_sz_cairo_page_prepare      (const SzPage        *page,
                                             GHashTable          *images,
                                             gboolean             vector,
                                             GError             **error);
void            _sz_cairo_page_draw         (cairo_t             *cr,
                                             const SzPage        *page,
                                             gconstpointer       *res,
                                             gboolean             vector);

void            _sz_cairo_set_error         (GError             **error,
                                             cairo_status_t       status);
void            _sz_cairo_set_write_error   (GError             **error,
                                             const char          *path,
                                             int                  saved_errno);

/* Output files are written under a temporary name in the same folder and
 * renamed into place when complete, so a failure or a crash never leaves a
 * truncated file under the name the user chose. */
typedef struct
{
  char     *path;
  char     *tmp_path;
  FILE     *stream;
  int       saved_errno;   /* of the first failed write */
  gboolean  discard;       /* swallow whatever cairo still writes */
} SzCairoOutFile;

SzCairoOutFile *_sz_cairo_out_file_open     (const char          *path,
                                             GError             **error);
/* A cairo_write_func_t; @closure is the SzCairoOutFile. */
cairo_status_t  _sz_cairo_out_file_write    (void                *closure,
                                             const unsigned char *data,
                                             unsigned int         length);
/* Closes the temporary file (created by sz_safe_file_create_temp(), mode
 * 0600) and returns its name, not yet renamed: the caller commits it with
 * sz_safe_file_commit() or discards it.  NULL on a write error, the file
 * removed.  @out is consumed either way. */
char           *_sz_cairo_out_file_close    (SzCairoOutFile      *out,
                                             GError             **error);
/* Flushes to disk and renames into place; on failure the temporary file
 * is removed.  @out is consumed either way. */
gboolean        _sz_cairo_out_file_commit   (SzCairoOutFile      *out,
                                             GError             **error);
/* Closes and removes the temporary file, if still open. */
void            _sz_cairo_out_file_free     (SzCairoOutFile      *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzCairoOutFile, _sz_cairo_out_file_free)

G_END_DECLS
