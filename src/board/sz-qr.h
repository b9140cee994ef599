/* sz-qr.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The modules of a QR code (libqrencode, level M, 8-bit mode, smallest
 * version that holds @text): *@n per side, n*n bytes row by row, non-zero
 * = dark.  Fails with SZ_RENDER_ERROR_INVALID naming @field when @text is
 * empty or too long for any version. */
guint8 *sz_qr_encode (const char  *text,
                      const char  *field,
                      int         *n,
                      GError     **error);

G_END_DECLS
