/* sz-phone.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SZ_PHONE_ERROR (sz_phone_error_quark ())

typedef enum
{
  SZ_PHONE_ERROR_EMPTY,
  SZ_PHONE_ERROR_INVALID,
} SzPhoneError;

typedef enum
{
  SZ_PHONE_MOBILE,      /* 13800001234 */
  SZ_PHONE_LANDLINE,    /* 0431-88886666, 0431-88886666-123, 010-66668888 */
  SZ_PHONE_SERVICE,     /* 110, 12345, 95598, 96777 */
  SZ_PHONE_TOLL_FREE,   /* 4001234567, 8001234567 */
} SzPhoneKind;

GQuark       sz_phone_error_quark (void);

/* Parses what a person typed or a spreadsheet held.  Accepts spaces, dashes,
 * dots, brackets, +86 / 0086, full-width digits and punctuation, and an
 * extension after a landline ("-123", "转123", "ext 123", "x123", "#123").
 * Returns the normal form (see SzPhoneKind) or NULL with @error naming
 * @field (already translated, e.g. "Phone") and the value. */
char        *sz_phone_normalize   (const char   *text,
                                   const char   *field,
                                   SzPhoneKind  *kind,
                                   GError      **error);

/* The functions below take a normal form as returned above. */
SzPhoneKind  sz_phone_kind        (const char   *normal);
/* For reading: "138 0000 1234", "0431-8888 6666 转 123", "400 123 4567". */
char        *sz_phone_format      (const char   *normal);
/* For personal numbers on screen and in exports: "138****1234",
 * "0431-****6666"; service and toll-free numbers are returned as formatted. */
char        *sz_phone_mask        (const char   *normal);
/* Digits only, for digit search: "13800001234", "043188886666123". */
char        *sz_phone_digits      (const char   *normal);

G_END_DECLS
