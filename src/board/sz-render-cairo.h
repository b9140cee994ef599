/* sz-render-cairo.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>

#include "sz-display.h"

G_BEGIN_DECLS

/* Draws @page on @cr with its origin at the current origin, one user unit
 * per point: a GtkDrawingArea, GtkPrintContext, PNG or PDF surface. */
gboolean         sz_render_cairo_page    (cairo_t          *cr,
                                          const SzPage     *page,
                                          GError          **error);

/* A PNG held in memory as a cairo image surface (alpha kept,
 * premultiplied); check cairo_surface_status() for a damaged file.  The
 * libharu renderer decodes PNGs through it too. */
cairo_surface_t *sz_render_cairo_png_from_bytes (GBytes        *data);

/* The page on a white ARGB32 image at @dpi. */
cairo_surface_t *sz_render_cairo_image   (const SzPage     *page,
                                          double            dpi,
                                          GError          **error);
gboolean         sz_render_cairo_png     (const SzPage     *page,
                                          double            dpi,
                                          const char       *path,
                                          GError          **error);

/* A PDF through cairo's PDF surface, one page at a time, with bookmarks,
 * page labels and document info as sz-render-hpdf.c writes them. */
typedef struct _SzCairoPdf SzCairoPdf;

SzCairoPdf      *sz_cairo_pdf_new        (const char       *path,
                                          const SzDocInfo  *info,
                                          GError          **error);
gboolean         sz_cairo_pdf_add_page   (SzCairoPdf       *pdf,
                                          const SzPage     *page,
                                          GError          **error);
guint            sz_cairo_pdf_get_n_pages (SzCairoPdf      *pdf);
/* Finishes and closes the file. */
gboolean         sz_cairo_pdf_finish     (SzCairoPdf       *pdf,
                                          GError          **error);
/* Finishes the PDF in its temporary file (mode 0600, beside the path given
 * to sz_cairo_pdf_new()) and returns that file's name without renaming it:
 * the caller commits it with sz_safe_file_commit() or discards it with
 * sz_safe_file_discard().  NULL on failure, the file removed. */
char            *sz_cairo_pdf_finish_temp (SzCairoPdf      *pdf,
                                           GError         **error);
void             sz_cairo_pdf_free       (SzCairoPdf       *pdf);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzCairoPdf, sz_cairo_pdf_free)

G_END_DECLS
