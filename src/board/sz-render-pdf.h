/* sz-render-pdf.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-display.h"

G_BEGIN_DECLS

/* Sanzhang's own PDF writer for display lists, the default export engine.
 * Pages are compressed and written to a temporary file beside the target
 * as they come, so memory stays bounded for any batch; fonts are embedded
 * at the end as CID fonts (Identity-H) subset to the glyphs used, with a
 * ToUnicode map so that text can be searched and copied.  It draws every
 * font and character the layout can (unlike libharu 2.3.0). */
typedef struct _SzPdfWriter SzPdfWriter;

/* Opens the temporary file beside @path (mode 0600). */
SzPdfWriter *sz_pdf_writer_new         (const char       *path,
                                        const SzDocInfo  *info,
                                        GError          **error);
/* Fails drawing nothing (the document can go on) when a picture is damaged
 * or a font cannot be read. */
gboolean     sz_pdf_writer_add_page    (SzPdfWriter      *writer,
                                        const SzPage     *page,
                                        GError          **error);
guint        sz_pdf_writer_get_n_pages (SzPdfWriter      *writer);
/* Finishes the PDF in its temporary file and returns that file's name,
 * not renamed: the caller commits it with sz_safe_file_commit() or
 * discards it.  NULL on failure, nothing left behind. */
char        *sz_pdf_writer_finish_temp (SzPdfWriter      *writer,
                                        GError          **error);
/* Finishes the PDF and renames it to the path given to _new(). */
gboolean     sz_pdf_writer_finish      (SzPdfWriter      *writer,
                                        GError          **error);
/* Removes the temporary file if it was not finished. */
void         sz_pdf_writer_free        (SzPdfWriter      *writer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzPdfWriter, sz_pdf_writer_free)

G_END_DECLS
