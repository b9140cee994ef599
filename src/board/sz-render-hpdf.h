/* sz-render-hpdf.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-display.h"

G_BEGIN_DECLS

/* Replays display lists into a PDF with libharu 2.3.0, the default export
 * engine.  Pages are added one at a time and may be freed after
 * sz_hpdf_writer_add_page() returns. */
typedef struct _SzHpdfWriter SzHpdfWriter;

SzHpdfWriter *sz_hpdf_writer_new      (const SzDocInfo  *info,
                                       GError          **error);
/* Fails with SZ_RENDER_ERROR_ENGINE, drawing nothing, when the page uses a
 * font that is not haru_ok or text outside the BMP. */
gboolean      sz_hpdf_writer_add_page (SzHpdfWriter     *writer,
                                       const SzPage     *page,
                                       GError          **error);
guint         sz_hpdf_writer_get_n_pages (SzHpdfWriter  *writer);
gboolean      sz_hpdf_writer_save     (SzHpdfWriter     *writer,
                                       const char       *path,
                                       GError          **error);
/* Writes the PDF to a temporary file beside @path (mode 0600) and returns
 * its name, not renamed: the caller commits it with sz_safe_file_commit()
 * or discards it.  NULL on failure, nothing left behind. */
char         *sz_hpdf_writer_save_temp (SzHpdfWriter    *writer,
                                        const char      *path,
                                        GError         **error);
void          sz_hpdf_writer_free     (SzHpdfWriter     *writer);

/* Whether libharu can draw every run of @page (fonts and characters). */
gboolean      sz_hpdf_can_draw        (const SzPage     *page);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzHpdfWriter, sz_hpdf_writer_free)

G_END_DECLS
