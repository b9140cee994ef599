/* sz-image.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SZ_IMAGE_ERROR (sz_image_error_quark ())

typedef enum
{
  SZ_IMAGE_ERROR_TOO_LARGE,
  SZ_IMAGE_ERROR_FORMAT,
} SzImageError;

/* Photos and QR codes are printed on boards: 2 MiB and 4000 px a side are
 * plenty for A3 at 300 dpi, and keep the database small. */
#define SZ_IMAGE_MAX_BYTES (2 * 1024 * 1024)
#define SZ_IMAGE_MAX_SIDE 4000

GQuark    sz_image_error_quark (void);

/* Checks that @data is a whole JPEG or PNG within the limits, and reads its
 * type ("image/jpeg" or "image/png") and size from its headers.  @field
 * names the field in errors ("Photo"). */
gboolean  sz_image_inspect     (GBytes      *data,
                                const char  *field,
                                const char **mime_type,
                                int         *width,
                                int         *height,
                                GError     **error);

G_END_DECLS
