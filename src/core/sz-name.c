/* sz-name.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-name.h"
/* sz_radical_table, generated from Unicode's EquivalentUnifiedIdeograph.txt */
#include "sz-radicals-table.h"

#define MIDDLE_DOT 0x00B7

gboolean
sz_name_char_is_invisible (gunichar c)
{
  return c == 0x00AD                       /* soft hyphen */
         || c == 0x034F                    /* combining grapheme joiner */
         || (c >= 0x200B && c <= 0x200F)   /* zero-width space, (non-)joiner, LRM, RLM */
         || (c >= 0x202A && c <= 0x202E)   /* bidi embeddings and overrides */
         || (c >= 0x2060 && c <= 0x2064)   /* word joiner, invisible operators */
         || (c >= 0x2066 && c <= 0x2069)   /* bidi isolates */
         || c == 0xFEFF                    /* BOM, zero-width no-break space */
         || (c >= 0xFE00 && c <= 0xFE0F)   /* variation selectors */
         || (c >= 0xE0100 && c <= 0xE01EF); /* ideographic variation selectors */
}

static gboolean
is_private_use (gunichar c)
{
  return (c >= 0xE000 && c <= 0xF8FF) || (c >= 0xF0000 && c <= 0xFFFFD) || (c >= 0x100000 && c <= 0x10FFFD);
}

/* Look-alikes of the middle dot that input methods, fonts and other
 * systems put between the parts of a minority or foreign name. */
static gboolean
is_dot_lookalike (gunichar c)
{
  switch (c)
    {
    case 0x0387: /* Greek ano teleia */
    case 0x16EB: /* runic single punctuation */
    case 0x2022: /* bullet */
    case 0x2027: /* hyphenation point */
    case 0x2219: /* bullet operator */
    case 0x22C5: /* dot operator */
    case 0x2E31: /* word separator middle dot */
    case 0x30FB: /* katakana middle dot */
    case 0x318D: /* Hangul letter araea */
    case 0xFF0E: /* full-width full stop */
    case 0xFF65: /* half-width katakana middle dot */
      return TRUE;
    default:
      return FALSE;
    }
}

static gboolean
is_radical (gunichar c)
{
  return (c >= 0x2E80 && c <= 0x2EF3) || (c >= 0x2F00 && c <= 0x2FD5);
}

static gunichar
radical_unified (gunichar c)
{
  gsize lo = 0;
  gsize hi = G_N_ELEMENTS (sz_radical_table);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (sz_radical_table[mid].radical == c)
        return sz_radical_table[mid].unified;
      if (sz_radical_table[mid].radical < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return 0;
}

/* The unified ideograph a compatibility ideograph stands for (its
 * canonical decomposition, which NFC applies), or 0.  Twelve characters
 * of the F900 block are unified ideographs themselves (U+FA0E…) and have
 * none. */
static gunichar
compat_unified (gunichar c)
{
  gunichar d[G_UNICHAR_MAX_DECOMPOSITION_LENGTH];

  if (!((c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F)))
    return 0;
  if (g_unichar_fully_decompose (c, FALSE, d, G_N_ELEMENTS (d)) == 1 && d[0] != c)
    return d[0];
  return 0;
}

static gunichar
full_width_ascii (gunichar c)
{
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) || (c >= 0xFF41 && c <= 0xFF5A))
    return c - 0xFEE0;
  return 0;
}

/* ASCII white space, and every Unicode space (U+3000, U+00A0…). */
static gboolean
is_space (gunichar c)
{
  if (c < 0x80)
    return g_ascii_isspace ((char) c);
  return g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR;
}

/* The nearest character of @chars before (@dir -1) or after (+1) position
 * @i that is not a space; 0 at an end. */
static gunichar
neighbour (GArray *chars,
           guint   i,
           int     dir)
{
  for (gint64 k = (gint64) i + dir; k >= 0 && k < chars->len; k += dir)
    {
      gunichar c = g_array_index (chars, gunichar, k);

      if (!is_space (c))
        return c;
    }
  return 0;
}

/* A Chinese character for the rules on dots and spaces between two of
 * them; private-use characters count, as offices use them for rare
 * characters (造字). */
static gboolean
is_han (gunichar c)
{
  return (c >= 0x2E80 && g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN && g_unichar_isalpha (c))
         || c == 0x3007 || is_private_use (c);
}

static void
add_fix (GArray        *fixes,
         SzNameFixKind  kind,
         gunichar       from,
         gunichar       to)
{
  SzNameFix fix = { kind, from, to };

  if (fixes == NULL)
    return;
  for (guint i = 0; i < fixes->len; i++)
    {
      const SzNameFix *f = &g_array_index (fixes, SzNameFix, i);

      if (f->kind == kind && f->from == from && f->to == to)
        return;
    }
  g_array_append_val (fixes, fix);
}

/* Characters that nothing here changes: most names are made of them
 * only, and are returned at once.  @name must be valid UTF-8. */
static gboolean
is_plain (const char *name)
{
  for (const guchar *p = (const guchar *) name; *p != '\0';)
    {
      if (*p < 0x80)
        {
          if (!g_ascii_isalnum (*p))
            return FALSE;
          p++;
        }
      else
        {
          gunichar c = g_utf8_get_char ((const char *) p);

          if (!((c >= 0x4E00 && c <= 0x9FFF) || c == MIDDLE_DOT))
            return FALSE;
          p = (const guchar *) g_utf8_next_char (p);
        }
    }
  return TRUE;
}

char *
sz_name_normalize (const char *name,
                   GArray     *fixes)
{
  g_autofree gunichar *in = NULL;
  g_autofree char *joined = NULL;
  GArray *out;
  glong n = 0;
  GString *s;

  if (name == NULL || !g_utf8_validate (name, -1, NULL))
    return NULL;
  if (is_plain (name))
    return g_strdup (name);

  /* One character at a time: what it is, whatever its neighbours. */
  in = g_utf8_to_ucs4_fast (name, -1, &n);
  out = g_array_sized_new (FALSE, FALSE, sizeof (gunichar), n);
  for (glong i = 0; i < n; i++)
    {
      gunichar c = in[i];
      gunichar to;

      if (sz_name_char_is_invisible (c))
        {
          add_fix (fixes, SZ_NAME_FIX_INVISIBLE, c, 0);
          continue;
        }
      if (is_radical (c) && (to = radical_unified (c)) != 0)
        {
          add_fix (fixes, SZ_NAME_FIX_RADICAL, c, to);
          c = to;
        }
      else if ((to = compat_unified (c)) != 0)
        {
          add_fix (fixes, SZ_NAME_FIX_COMPAT, c, to);
          c = to;
        }
      else if ((to = full_width_ascii (c)) != 0)
        {
          add_fix (fixes, SZ_NAME_FIX_WIDTH, c, to);
          c = to;
        }
      else if (is_dot_lookalike (c))
        {
          add_fix (fixes, SZ_NAME_FIX_DOT, c, MIDDLE_DOT);
          c = MIDDLE_DOT;
        }
      else if (is_private_use (c))
        add_fix (fixes, SZ_NAME_WARN_PRIVATE_USE, c, 0);
      g_array_append_val (out, c);
    }

  /* Then what depends on the neighbours.  A full stop typed for the dot
   * between two Chinese characters (买买提.艾力, spaces around it or not): */
  for (guint i = 0; i < out->len; i++)
    {
      gunichar c = g_array_index (out, gunichar, i);

      if ((c == '.' || c == 0x3002) && is_han (neighbour (out, i, -1)) && is_han (neighbour (out, i, +1)))
        {
          add_fix (fixes, SZ_NAME_FIX_DOT, c, MIDDLE_DOT);
          g_array_index (out, gunichar, i) = MIDDLE_DOT;
        }
    }

  /* Spaces: trimmed at the ends, removed between Chinese characters (王  芳
   * padded to line up with three-character names; 买买提 · 艾力), one
   * plain space between words (John  Smith). */
  s = g_string_sized_new (strlen (name));
  for (guint i = 0; i < out->len; i++)
    {
      gunichar c = g_array_index (out, gunichar, i);
      gunichar prev, next;
      guint j;

      if (!is_space (c))
        {
          g_string_append_unichar (s, c);
          continue;
        }
      for (j = i; j < out->len && is_space (g_array_index (out, gunichar, j)); j++)
        ;
      prev = neighbour (out, i, -1);
      next = neighbour (out, i, +1);
      if (prev == 0 || next == 0)
        ; /* at an end: trimmed, as every field is */
      else if ((is_han (prev) || prev == MIDDLE_DOT) && (is_han (next) || next == MIDDLE_DOT))
        {
          for (guint k = i; k < j; k++)
            add_fix (fixes, SZ_NAME_FIX_SPACE, g_array_index (out, gunichar, k), 0);
        }
      else
        {
          if (j - i > 1 || c != ' ')
            for (guint k = i; k < j; k++)
              add_fix (fixes, SZ_NAME_FIX_SPACE, g_array_index (out, gunichar, k), ' ');
          g_string_append_c (s, ' ');
        }
      i = j - 1;
    }
  g_array_unref (out);

  joined = g_string_free (s, FALSE);
  return g_utf8_normalize (joined, -1, G_NORMALIZE_NFC);
}

char *
sz_name_fold (const char *text)
{
  g_autofree char *normal = NULL;
  char *folded;

  g_return_val_if_fail (text != NULL, NULL);

  /* is_plain() expects valid UTF-8. */
  if (!g_utf8_validate (text, -1, NULL) || is_plain (text))
    return NULL;
  normal = sz_name_normalize (text, NULL);
  if (normal == NULL)
    return NULL;
  /* NFKC for what remains: circled and parenthesised numbers, ligatures,
   * half-width katakana; a query and a name folded alike still match. */
  folded = g_utf8_normalize (normal, -1, G_NORMALIZE_NFKC);
  if (g_strcmp0 (folded, text) == 0)
    g_clear_pointer (&folded, g_free);
  return folded;
}

/* “X” (U+XXXX): the character as it is shown, and its code, which stays
 * readable when a font has no glyph for it. */
static char *
char_code (gunichar c)
{
  return g_strdup_printf ("U+%04" G_GINT32_MODIFIER "X", (gint32) c);
}

static char *
char_text (gunichar c)
{
  char buf[8] = { 0 };

  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

static const char *
invisible_title (gunichar c)
{
  if (c == 0x200B)
    return _("zero-width space");
  if (c == 0x200C)
    return _("zero-width non-joiner");
  if (c == 0x200D || c == 0x2060 || c == 0x034F)
    return _("zero-width joiner");
  if (c == 0xFEFF)
    return _("byte order mark");
  if (c == 0x00AD)
    return _("soft hyphen");
  if ((c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF))
    return _("variation selector");
  return _("invisible formatting character");
}

char *
sz_name_fix_describe (const SzNameFix *fix)
{
  g_autofree char *from = NULL;
  g_autofree char *code = NULL;
  g_autofree char *to = NULL;

  g_return_val_if_fail (fix != NULL, NULL);

  from = char_text (fix->from);
  code = char_code (fix->from);
  to = fix->to ? char_text (fix->to) : g_strdup ("");

  switch (fix->kind)
    {
    case SZ_NAME_FIX_RADICAL:
      if (fix->from >= 0x2F00)
        /* Translators: “⼤” (U+2F24, a Kangxi radical) was replaced by “大”: a radical looks like the character but has another code, which search and other systems do not find */
        return g_strdup_printf (_("“%s” (%s, a Kangxi radical) was replaced by “%s”."), from, code, to);
      /* Translators: “⻊” (U+2ECA, a radical) was replaced by “足”; a radical looks like the character but has another code */
      return g_strdup_printf (_("“%s” (%s, a radical) was replaced by “%s”."), from, code, to);
    case SZ_NAME_FIX_COMPAT:
      /* Translators: “狀” (U+F9FA, a compatibility character) was replaced by “状” (the same character, standard code) */
      return g_strdup_printf (_("“%s” (%s, a compatibility character) was replaced by the standard “%s”."), from, code, to);
    case SZ_NAME_FIX_INVISIBLE:
      /* Translators: An invisible character (U+200B, zero-width space) was removed. */
      return g_strdup_printf (_("An invisible character (%s, %s) was removed."), code, invisible_title (fix->from));
    case SZ_NAME_FIX_DOT:
      /* Translators: “•” (U+2022) was replaced by the middle dot “·” of minority and foreign names */
      return g_strdup_printf (_("“%s” (%s) was replaced by the name dot “·”."), from, code);
    case SZ_NAME_FIX_SPACE:
      if (fix->to == 0)
        /* Translators: staff pad two-character names with spaces to line them up with three-character ones (王  芳) */
        return g_strdup (_("Spaces between Chinese characters were removed."));
      /* Translators: “John  Smith” → “John Smith”; also a full-width space between words */
      return g_strdup (_("Spaces between words were made one plain space."));
    case SZ_NAME_FIX_WIDTH:
      /* Translators: full-width “Ａ” was replaced by “A” */
      return g_strdup_printf (_("Full-width “%s” was replaced by “%s”."), from, to);
    case SZ_NAME_WARN_PRIVATE_USE:
      /* Translators: a character of a font's own (造字, private use), made for a rare character: other computers and printers show a box or another character */
      return g_strdup_printf (_("“%s” (%s) is a private-use character, made in one font for a rare character: "
                                "other computers and printers show it only with that font."), from, code);
    default:
      g_return_val_if_reached (NULL);
    }
}

gboolean
sz_name_fix_is_change (const SzNameFix *fix)
{
  g_return_val_if_fail (fix != NULL, FALSE);
  return fix->kind != SZ_NAME_WARN_PRIVATE_USE;
}
