/* sz-name.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* People's names as they are kept: exactly the characters the person's
 * ID card has, whatever the keyboard, the input method or the spreadsheet
 * made of them.  The import, the person form and search all go through
 * here, so a name is found by the text staff type. */

/* Long enough for the names of foreign residents and of minorities
 * written in full (阿卜杜热合曼·买买提依明·…); Chinese ID cards hold 15
 * characters, passports 39 and more. */
#define SZ_NAME_MAX_CHARS 100

typedef enum
{
  /* Fixed, with a notice: */
  SZ_NAME_FIX_RADICAL,      /* a Kangxi or CJK radical (⼤ U+2F24) → the unified ideograph (大) */
  SZ_NAME_FIX_COMPAT,       /* a CJK compatibility ideograph (U+F900…) → its unified ideograph */
  SZ_NAME_FIX_INVISIBLE,    /* a zero-width character or a variation selector, removed */
  SZ_NAME_FIX_DOT,          /* a look-alike of the middle dot of minority names → · (U+00B7) */
  SZ_NAME_FIX_SPACE,        /* spaces between Chinese characters (王  芳, padded to align), removed */
  SZ_NAME_FIX_WIDTH,        /* full-width Latin letters or digits → ASCII */
  /* Kept, with a warning: */
  SZ_NAME_WARN_PRIVATE_USE, /* a private-use character (a font's own, 造字): no other computer shows it */
} SzNameFixKind;

typedef struct
{
  SzNameFixKind kind;
  gunichar      from;   /* the character found */
  gunichar      to;     /* what stands for it now; 0 when removed or kept
                         * (SZ_NAME_FIX_SPACE: 0 removed between Chinese
                         * characters, ' ' made one plain space between words) */
} SzNameFix;

/* The name NFC, with the fixes above applied; each (kind, from, to) is
 * appended once to @fixes (a GArray of SzNameFix; may be NULL), in the
 * order found.  White space at the ends is trimmed (no fix).  Never NULL
 * for valid UTF-8; NULL for NULL or invalid UTF-8.  Idempotent: a
 * normalised name gives itself and no fix.  Names of plain characters
 * (basic CJK, ASCII letters and digits, ·) cost a scan and a copy. */
char     *sz_name_normalize     (const char       *name,
                                 GArray           *fixes);
/* The form search compares, for a query or a name: sz_name_normalize()
 * and then NFKC (circled numbers, ligatures, half-width forms), so that a
 * name stored before the fixes existed (买买提・艾力, ⼤) is still found by
 * the proper characters, and a query typed with the look-alikes finds
 * the fixed name.  NULL when @text is already in that form (the common
 * case, answered without allocating) or is not valid UTF-8. */
char     *sz_name_fold          (const char       *text);
/* One line for the user: “⼤” (U+2F24, a Kangxi radical) was replaced by
 * “大”.  Translated. */
char     *sz_name_fix_describe  (const SzNameFix  *fix);
/* TRUE for a notice (the name was changed), FALSE for a warning (kept). */
gboolean  sz_name_fix_is_change (const SzNameFix  *fix);

/* A character that is drawn as nothing: zero-width characters, joiners,
 * variation selectors, BOM, soft hyphen, bidi controls.  sz_name_normalize()
 * removes them all. */
gboolean  sz_name_char_is_invisible (gunichar      c);

G_END_DECLS
