/* sz-text-damage.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-text-damage.h"

/* Text damaged by a wrong-encoding round trip, in a CSV file or in the
 * cells of a workbook that was filled from one: the readers refuse it
 * rather than import names that are no longer names. */

/* The damage checks read this many characters of a cell: its start tells. */
#define CHECK_CHARS 64
/* Messages quote this many characters of a cell. */
#define QUOTE_CHARS 20

/* Each BMP character's GB18030 code when it has two bytes, else 0. */
static const guint16 *
gb_codes (void)
{
  static guint16 *codes;

  if (g_once_init_enter (&codes))
    {
      guint16 *table = g_new0 (guint16, 0x10000);
      GIConv cd = g_iconv_open ("GB18030", "UTF-8");

      for (gunichar u = 0x80; cd != (GIConv) -1 && u < 0x10000; u++)
        {
          char in[4], out[8];
          char *inp = in, *outp = out;
          gsize in_left = g_unichar_to_utf8 (u, in), out_left = sizeof out;

          if (u >= 0xD800 && u < 0xE000)
            continue;
          /* glibc has no code for a few private-use characters. */
          if (g_iconv (cd, &inp, &in_left, &outp, &out_left) == (gsize) -1)
            g_iconv (cd, NULL, NULL, NULL, NULL);
          else if (outp - out == 2)
            table[u] = (guchar) out[0] << 8 | (guchar) out[1];
        }
      if (cd != (GIConv) -1)
        g_iconv_close (cd);
      g_once_init_leave (&codes, table);
    }
  return codes;
}

/* A two-byte GB2312 code of a character that a Chinese text can hold:
 * punctuation (rows A1–A3) or a hanzi (B0–F7). */
static gboolean
is_gb2312 (guint lead,
           guint trail)
{
  return ((lead >= 0xA1 && lead <= 0xA3) || (lead >= 0xB0 && lead <= 0xF7))
         && trail >= 0xA1 && trail <= 0xFE && !(lead == 0xD7 && trail >= 0xFA);
}

/* What @s was when it is UTF-8 text that was read as GBK (as Excel and
 * WPS read a CSV file on Chinese Windows), and saved again: its characters
 * are GBK codes of two bytes of 0x80 and more (no UTF-8 byte is lower),
 * one at least outside GB2312 (a continuation byte below 0xA1 makes one),
 * and those bytes are UTF-8 for two hanzi of GB2312 or more with nothing
 * but GB2312 punctuation and ASCII (kept as it was) around them.  A pair a
 * GBK reader could not read became '?'.  Text of GB2312 characters is
 * never this, and other text nearly never: its GBK bytes would have to
 * fall on UTF-8's lead and continuation bytes in turn, and read as common
 * hanzi.  NULL when it is not. */
static char *
utf8_read_as_gbk (const char *s,
                  gsize       len)
{
  const guint16 *gb = gb_codes ();
  guchar bytes[CHECK_CHARS * 2];
  char was[CHECK_CHARS * 2];   /* never longer than @bytes */
  gboolean cut = FALSE, beyond_gb2312 = FALSE;
  guint chars = 0, hanzi = 0;
  gsize n = 0, i = 0, w = 0;

  for (const char *p = s; p < s + len; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (chars++ == CHECK_CHARS)
        {
          cut = TRUE;
          break;
        }
      if (u < 0x80)
        bytes[n++] = u;
      else if (u > 0xFFFF || (gb[u] & 0xFF) < 0x80)
        return NULL;
      /* Most text ends here: after ASCII, the bytes must open a UTF-8
       * sequence of two or three bytes. */
      else if ((n == 0 || bytes[n - 1] < 0x80)
               && (gb[u] >> 8 < 0xC2 || gb[u] >> 8 > 0xEF || (gb[u] & 0xFF) > 0xBF))
        return NULL;
      else
        {
          bytes[n++] = gb[u] >> 8;
          bytes[n++] = gb[u] & 0xFF;
          beyond_gb2312 = beyond_gb2312 || !is_gb2312 (gb[u] >> 8, gb[u] & 0xFF);
        }
    }
  if (!beyond_gb2312)
    return NULL;

  /* The first cell of a file that had a BOM */
  if (n >= 3 && memcmp (bytes, "\xEF\xBB\xBF", 3) == 0)
    i = 3;
  while (i < n)
    {
      guchar c = bytes[i];
      gsize seq = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : 0;
      gsize k = 1;
      gunichar u;
      guint code;

      if (seq == 0)
        return NULL;
      while (k < seq && i + k < n && (bytes[i + k] & 0xC0) == 0x80)
        k++;
      if (k < seq && i + k == n && cut)
        break;
      if (k < seq && i + k < n && bytes[i + k] == '?')
        {
          was[w++] = '?';
          i += k + 1;
          continue;
        }
      if (k < seq)
        return NULL;
      u = g_utf8_get_char_validated ((const char *) bytes + i, seq);
      if (u >= 0x80)
        {
          code = u < 0x10000 ? gb[u] : 0;
          if ((u >= 0xE000 && u < 0xF900) || !is_gb2312 (code >> 8, code & 0xFF))
            return NULL;
          hanzi += code >> 8 >= 0xB0;
        }
      memcpy (was + w, bytes + i, seq);
      w += seq;
      i += seq;
    }
  return hanzi >= 2 ? g_strndup (was, w) : NULL;
}

/* What @s was when it is GBK text that was read as Latin-1 or cp1252 (as
 * a Western-European system reads it) and saved as UTF-8 (张三 →
 * “ÕÅÈý”): pairs of Latin-1 letters that are GB2312 codes of two hanzi
 * or more, and no ASCII letter, which European words have.  NULL when it
 * is not. */
static char *
gbk_read_as_latin1 (const char *s,
                    gsize       len)
{
  guchar bytes[CHECK_CHARS];
  guint chars = 0, hanzi = 0, lead = 0;
  const char *p;
  gsize n = 0;

  for (p = s; p < s + len && chars++ < CHECK_CHARS; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (u < 0x80 && lead == 0 && !g_ascii_isalpha (u))
        bytes[n++] = u;
      else if (u < 0xA1 || u > 0xFE)
        return NULL;
      else if (lead == 0)
        lead = u;
      else if (!is_gb2312 (lead, u))
        return NULL;
      else
        {
          hanzi += lead >= 0xB0;
          bytes[n++] = lead;
          bytes[n++] = u;
          lead = 0;
        }
    }
  /* An odd letter at the end: no GBK text */
  if (hanzi < 2 || (lead != 0 && p >= s + len))
    return NULL;
  return g_convert ((const char *) bytes, n, "UTF-8", "GB18030", NULL, NULL, NULL);
}

void
sz_text_column_letters (guint column,
                        char  buf[8])
{
  char rev[8];
  guint n = 0;

  for (guint64 c = (guint64) column + 1; c > 0 && n < sizeof rev - 1; c = (c - 1) / 26)
    rev[n++] = 'A' + (c - 1) % 26;
  for (guint i = 0; i < n; i++)
    buf[i] = rev[n - 1 - i];
  buf[n] = '\0';
}

char *
sz_text_quote (const char *text,
               gssize      len)
{
  GString *s = g_string_new (NULL);
  const char *end = text + (len < 0 ? strlen (text) : (gsize) len);
  guint n = 0;

  for (const char *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar u = g_utf8_get_char (p);

      if (n++ == QUOTE_CHARS)
        {
          g_string_append (s, "…");
          break;
        }
      g_string_append_unichar (s, u < 0x20 ? ' ' : u);
    }
  return g_string_free (s, FALSE);
}

gboolean
sz_text_has_lost_characters (const char *s,
                             gsize       len)
{
  for (const char *p = s; (p = memchr (p, 0xEF, s + len - p)) != NULL; p++)
    if (s + len - p >= 3 && memcmp (p, "\xEF\xBF\xBD", 3) == 0)
      return TRUE;
  for (const char *p = s; (p = memchr (p, 0xE9, s + len - p)) != NULL; p++)
    if (s + len - p >= 9 && memcmp (p, "锟斤拷", 9) == 0)
      return TRUE;
  return FALSE;
}


char *
sz_text_damaged_was (const char *s,
                     gsize       len)
{
  char *was = utf8_read_as_gbk (s, len);

  return was != NULL ? was : gbk_read_as_latin1 (s, len);
}

void
sz_text_set_damage_error (GError     **error,
                          const char  *who,
                          guint        row,
                          guint        column,
                          const char  *quoted,
                          const char  *was_quoted)
{
  char col[8];

  sz_text_column_letters (column, col);
  if (was_quoted == NULL)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED,
                 /* Translators: the file's name, a row, a column as the
                  * spreadsheet names it ("B"), then the start of the cell */
                 _("%s: row %u, column %s (“%s”) holds damaged text: characters were lost when the file was opened and saved in the wrong encoding. Use the original file, not one that was opened and saved in the wrong encoding."),
                 who, row, col, quoted);
  else
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED,
                 /* Translators: the file's name, a row, a column as the
                  * spreadsheet names it ("B"), the start of the cell, then
                  * what it was before the damage */
                 _("%s: row %u, column %s reads “%s”, which was “%s” before the file was opened and saved in the wrong encoding. Use the original file, not one that was opened and saved in the wrong encoding."),
                 who, row, col, quoted, was_quoted);
}

gboolean
sz_table_check_damage (SzTable  *table,
                       GError  **error)
{
  g_autoptr(GError) suspect = NULL;

  g_return_val_if_fail (table != NULL, FALSE);

  for (guint r = 0; r < sz_table_get_n_all_rows (table); r++)
    for (guint c = 0; c < sz_table_get_n_columns (table); c++)
      {
        const char *s = sz_table_get_all (table, r, c);
        gsize len = strlen (s);
        g_autofree char *was = NULL;
        g_autofree char *quoted = NULL;
        g_autofree char *was_quoted = NULL;
        gboolean ascii = TRUE;

        for (gsize i = 0; i < len && ascii; i++)
          ascii = (guchar) s[i] < 0x80;
        if (ascii)
          continue;
        if (!sz_text_has_lost_characters (s, len) && (was = sz_text_damaged_was (s, len)) == NULL)
          continue;
        quoted = sz_text_quote (s, len);
        if (was == NULL)
          {
            sz_text_set_damage_error (error, sz_table_get_display_name (table),
                                      sz_table_get_all_line (table, r), c, quoted, NULL);
            return FALSE;
          }
        /* Text that reads as other text: a freak name could, two cells
         * of a file do not. */
        if (suspect != NULL)
          {
            g_propagate_error (error, g_steal_pointer (&suspect));
            return FALSE;
          }
        was_quoted = sz_text_quote (was, -1);
        sz_text_set_damage_error (&suspect, sz_table_get_display_name (table),
                                  sz_table_get_all_line (table, r), c, quoted, was_quoted);
      }
  return TRUE;
}
