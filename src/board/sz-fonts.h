/* sz-fonts.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <pango/pango.h>

#include "sz-display.h"

G_BEGIN_DECLS

/* The fonts boards are drawn with, found through fontconfig, in order of
 * preference: WenQuanYi Zen Hei (required: a TrueType CJK font libharu 2.3.0
 * embeds), then AR PL UMing, HanaMinA (CJK Extension A) and HanaMinB
 * (Extension B) for the rare characters of real names.  Each character is
 * drawn with the first font that has ink for it: a glyph present in the
 * cmap but empty counts as missing.
 *
 * Not thread-safe: one SzFonts per thread.  SzFontFile ids are the same in
 * every SzFonts of a process. */
typedef struct _SzFonts SzFonts;

SzFonts          *sz_fonts_new              (GError          **error);
/* For a process that draws only boards and no widgets (the CLI), before
 * its first SzFonts: fontconfig then reads only where the system's fonts
 * and caches are, not the system's rules (a fifth of printing one board),
 * when that finds every font the boards use. */
void              sz_fonts_set_light_config (gboolean          light);
void              sz_fonts_free             (SzFonts          *fonts);
guint             sz_fonts_get_n_files      (SzFonts          *fonts);
const SzFontFile *sz_fonts_get_file         (SzFonts          *fonts,
                                             guint             i);
const SzFontFile *sz_fonts_get_primary      (SzFonts          *fonts);
/* The first font with ink for @c; the primary one for white space and
 * characters that draw nothing; NULL when no font can draw @c, and for
 * control and private-use characters, which no font draws right. */
const SzFontFile *sz_fonts_for_char         (SzFonts          *fonts,
                                             gunichar          c);
const SzFontFile *sz_fonts_lookup_family    (SzFonts          *fonts,
                                             const char       *family);
/* A context whose font map holds only these fonts, with hinting and glyph
 * position rounding off and 1 unit = 1 point. */
PangoContext     *sz_fonts_get_context      (SzFonts          *fonts);

/* What drawing a text needs.  Returns FALSE with SZ_RENDER_ERROR_FONT,
 * naming @what and the character, when no font can draw one of its
 * characters (or it is a control or private-use character).  Otherwise
 * *@haru_char is 0, or the first character libharu 2.3.0 cannot draw
 * (outside the BMP, or only in a font it cannot embed).  Invisible
 * characters are no reason to refuse: they are not drawn. */
gboolean          sz_fonts_check_text       (SzFonts          *fonts,
                                             const char       *text,
                                             const char       *what,
                                             gunichar         *haru_char,
                                             GError          **error);

/* Default-ignorable code points (Unicode's Default_Ignorable_Code_Point:
 * zero-width space and joiners, U+2060, the BOM, the soft hyphen,
 * variation selectors, tags…): nothing to see, so they are never drawn,
 * neither as a box nor as a gap, and never measured. */
gboolean          sz_fonts_is_invisible     (gunichar          c);
/* @text without its invisible characters, or NULL when it has none. */
char             *sz_fonts_strip_invisible  (const char       *text);

/* "U+21484" */
char             *sz_fonts_describe_char    (gunichar          c);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzFonts, sz_fonts_free)

G_END_DECLS
