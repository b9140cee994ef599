/* sz-csv.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-csv.h"
#include "sz-table.h"
#include "sz-text-damage.h"

/* Excel's widest and longest sheet: a file with more is no roster. */
#define MAX_COLUMNS 16384
#define MAX_ROWS    1048576

typedef struct
{
  const char *text;   /* in the decoded text, unescaped in place */
  gsize       len;
  gboolean    ascii;  /* no byte of 0x80 or more: no damage to check */
} Field;

typedef struct
{
  SzTable      *table;
  const char   *who;
  char          separator;
  guint8        stop[256];   /* what ends an unquoted field */
  GArray       *fields;      /* of Field: the record being read */
  /* For the damage messages: the file and how it was decoded */
  const guchar *raw;
  gsize         raw_len;
  const char   *charset;
  gboolean      chosen;
  /* The first cell that looks like text read in the wrong encoding: the
   * file is refused for it when a second cell does too. */
  GError       *suspect;
} Csv;

/* The BOM each encoding a user may choose can start with. */
static const struct
{
  const char *name;
  const char *bom;
  gsize       bom_len;
} boms[] = {
  { "UTF-8", "\xEF\xBB\xBF", 3 },
  { "GB18030", "\x84\x31\x95\x33", 4 },
  { "UTF-16LE", "\xFF\xFE", 2 },
  { "UTF-16BE", "\xFE\xFF", 2 },
};

/* Names people type on the command line for the same encodings. */
static const struct
{
  const char *alias;
  const char *name;
} aliases[] = {
  { "UTF8", "UTF-8" }, { "GBK", "GB18030" }, { "GB2312", "GB18030" }, { "CP936", "GB18030" },
  { "BIG-5", "BIG5" }, { "CP950", "BIG5" },
};

static const char *
find_encoding (const char *encoding)
{
  const char * const *names = sz_table_encodings ();

  for (guint i = 0; names[i] != NULL; i++)
    if (g_ascii_strcasecmp (encoding, names[i]) == 0)
      return names[i];
  for (guint i = 0; i < G_N_ELEMENTS (aliases); i++)
    if (g_ascii_strcasecmp (encoding, aliases[i].alias) == 0)
      return aliases[i].name;
  return NULL;
}

static gboolean
is_utf16 (const char *charset)
{
  return charset != NULL && g_str_has_prefix (charset, "UTF-16");
}

static gboolean
has_prefix (const guchar *data,
            gsize         len,
            const char   *prefix,
            gsize         prefix_len)
{
  return len >= prefix_len && memcmp (data, prefix, prefix_len) == 0;
}

/* Separators and rows */

/* White space, as detect_separator() skips it: ASCII, U+3000, U+00A0 and
 * BOMs left inside. */
static gsize
space_len (const char *p,
           const char *end)
{
  static const char * const wide_spaces[] = { "\xE3\x80\x80", "\xC2\xA0", "\xEF\xBB\xBF" };

  if (p < end && g_ascii_isspace (*p))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (wide_spaces); i++)
    {
      gsize n = strlen (wide_spaces[i]);

      if ((gsize) (end - p) >= n && memcmp (p, wide_spaces[i], n) == 0)
        return n;
    }
  return 0;
}

/* The most frequent of ',', ';' and TAB outside quotes on the first line
 * that has text and one of them (a title row above the header may have
 * none); ties go to the first in @seps.  Blank lines are skipped, even with
 * separators: Excel writes its used range's width on them. */
static char
detect_separator (const char *text,
                  gsize       len,
                  gboolean    utf16)
{
  const char *seps = utf16 ? "\t,;" : ",\t;";
  guint counts[3] = { 0, 0, 0 }, best = 0, lines = 0;
  gboolean quoted = FALSE, field_start = TRUE, content = FALSE;
  gsize n;

  for (gsize i = 0; i < len && lines < 20; i++)
    {
      char c = text[i];
      const char *sep = c != '\0' ? strchr (seps, c) : NULL;
      gboolean line_end = c == '\r' || c == '\n';

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            i++;
          else
            quoted = c != '"';
        }
      else if (c == '"' && field_start)
        quoted = content = TRUE;
      else if (line_end && content && counts[0] + counts[1] + counts[2] > 0)
        break;
      else if (line_end)
        {
          lines += content;
          content = FALSE;
          memset (counts, 0, sizeof counts);
        }
      else if (sep != NULL)
        counts[sep - seps]++;
      else if ((n = space_len (text + i, text + len)) > 0)
        i += n - 1;
      else
        content = TRUE;
      field_start = sep != NULL || line_end;
    }
  for (guint i = 1; i < 3; i++)
    if (counts[i] > counts[best])
      best = i;
  return seps[best];
}

/* The row (as a spreadsheet numbers rows) that is being read where @len
 * bytes of @text end, counted as parse_text() counts: for messages about
 * what parse_text() never reaches.  @text may be GBK, GB18030 or Big5: the
 * bytes of '"', CR, LF and the separators never occur inside their
 * characters. */
static guint
count_rows (const char *text,
            gsize       len,
            char        separator)
{
  gboolean quoted = FALSE, field_start = TRUE;
  guint row = 1;

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (quoted)
        {
          if (c == '"' && i + 1 < len && text[i + 1] == '"')
            i++;
          else if (c == '"')
            quoted = FALSE;
          continue;
        }
      if (c == '"' && field_start)
        quoted = TRUE;
      else if (c == '\r' || c == '\n')
        {
          if (c == '\r' && i + 1 < len && text[i + 1] == '\n')
            i++;
          row++;
        }
      field_start = c == separator || c == '\r' || c == '\n';
    }
  return row;
}

/* The row of byte @offset of @raw, whose text starts at @start. */
static guint
row_at (const guchar *raw,
        gsize         start,
        gsize         offset,
        const char   *charset)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  g_assert (start <= offset);
  if (!is_utf16 (charset))
    return count_rows ((const char *) raw + start, offset - start,
                       detect_separator ((const char *) raw + start, offset - start, FALSE));
  /* Everything before the fault decodes. */
  text = g_convert ((const char *) raw + start, offset - start, "UTF-8", charset, NULL, &len, NULL);
  if (text == NULL)
    return 1;
  return count_rows (text, len, detect_separator (text, len, TRUE));
}

/* Decoding */

/* UTF-16 without a BOM, as some systems export "Unicode" text: a roster's
 * separators, line ends and digits are ASCII, so a NUL byte is the high
 * byte of many of its code units, always at the same parity, while text
 * in an 8-bit encoding has none.  The ASCII code units must be text with
 * a separator or a line end among them, not a binary file's control codes.
 * Only asked when there is a NUL. */
static const char *
guess_utf16 (const guchar *raw,
             gsize         len)
{
  gsize n = MIN (len, 8192) & ~(gsize) 1;
  guint zeros[2] = { 0, 0 }, units = n / 2;

  for (gsize i = 0; i < n; i++)
    zeros[i & 1] += raw[i] == 0;
  for (guint high = 0; high < 2; high++)
    {
      gboolean structure = FALSE;

      if (zeros[high] < MAX (1, units / 10) || zeros[!high] * 4 > zeros[high])
        continue;
      for (gsize i = 0; i < n; i += 2)
        {
          guchar low = raw[i + !high];

          if (raw[i + high] != 0)
            continue;
          if (low != 0 && strchr ("\t\r\n,;", low) != NULL)
            structure = TRUE;
          else if (low < 0x20 && low != 0)
            return NULL;
        }
      return structure ? (high ? "UTF-16LE" : "UTF-16BE") : NULL;
    }
  return NULL;
}

static void
set_nul_error (GError    **error,
               const char *who,
               guint       row)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
               /* Translators: the file's name and a row */
               _("%s: row %u contains a NUL byte, so this is not a CSV file: in Excel or WPS choose Save As → CSV."),
               who, row);
}

/* The bytes from @start do not decode from @offset on. */
static void
set_decode_error (GError      **error,
                  const char   *who,
                  const guchar *raw,
                  gsize         start,
                  gsize         offset,
                  const char   *charset,
                  const char   *chosen)
{
  guint row = row_at (raw, start, offset, charset);

  if (chosen != NULL)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                 /* Translators: the file's name, a row, where the bad bytes
                  * are in the file, then the encoding the user chose
                  * ("GB18030") */
                 _("%s: row %u (byte %u) is not %s text: choose another encoding, or save the file as “CSV UTF-8” and try again."),
                 who, row, (guint) offset, chosen);
  else if (charset != NULL)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                 /* Translators: the file's name, a row, and where the bad
                  * bytes are in the file */
                 _("%s: row %u (byte %u) is not valid Unicode text: save the file as “CSV UTF-8” and try again."),
                 who, row, (guint) offset);
  else
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                 /* Translators: the file's name, a row, and where the bad
                  * bytes are in the file; the quoted names are the file
                  * types that Excel and WPS offer in Save As */
                 _("%s: row %u (byte %u) is neither UTF-8 nor GBK: save the file as “CSV UTF-8” or “CSV (逗号分隔)” and try again."),
                 who, row, (guint) offset);
}

/* @raw as UTF-8 text (NUL-terminated, no NUL inside) in @chosen, or in
 * what it is (@chosen NULL): a BOM says, else UTF-16 by its NUL bytes,
 * else UTF-8 if it is valid, else GB18030 (a superset of GBK).  *@name is
 * what was used, as sz_table_get_encoding() gives it. */
static char *
decode (const guchar  *raw,
        gsize          len,
        const char    *who,
        const char    *chosen,
        const char   **name,
        const char   **charset_out,
        gsize         *text_len,
        GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *charset = chosen;
  const guchar *nul;
  const char *end = NULL;
  gsize start = 0, read = 0;
  char *text;

  if (chosen != NULL)
    {
      for (guint i = 0; i < G_N_ELEMENTS (boms); i++)
        if (strcmp (chosen, boms[i].name) == 0 && has_prefix (raw, len, boms[i].bom, boms[i].bom_len))
          start = boms[i].bom_len;
      *name = strcmp (chosen, "UTF-8") == 0 && start > 0 ? "UTF-8 (BOM)" : chosen;
    }
  else if (has_prefix (raw, len, "\xFF\xFE", 2) || has_prefix (raw, len, "\xFE\xFF", 2))
    {
      charset = *name = raw[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
      start = 2;
    }
  else if (has_prefix (raw, len, "\xEF\xBB\xBF", 3))
    {
      charset = "UTF-8";
      *name = "UTF-8 (BOM)";
      start = 3;
    }
  else if (memchr (raw, '\0', len) != NULL && (charset = guess_utf16 (raw, len)) != NULL)
    *name = charset;
  *charset_out = charset;

  /* A NUL byte in an 8-bit encoding: a binary file, not text. */
  if (!is_utf16 (charset) && (nul = memchr (raw + start, '\0', len - start)) != NULL)
    {
      set_nul_error (error, who, row_at (raw, start, nul - raw, NULL));
      return NULL;
    }

  if (charset == NULL || strcmp (charset, "UTF-8") == 0)
    {
      if (g_utf8_validate_len ((const char *) raw + start, len - start, &end))
        {
          *name = charset != NULL ? *name : "UTF-8";
          *charset_out = "UTF-8";
          *text_len = len - start;
          return g_strndup ((const char *) raw + start, len - start);
        }
      if (charset != NULL)
        {
          set_decode_error (error, who, raw, start, end - (const char *) raw, charset, chosen);
          return NULL;
        }
      charset = *name = *charset_out = "GB18030";
    }

  text = g_convert ((const char *) raw + start, len - start, "UTF-8", charset,
                    &read, text_len, &local_error);
  if (g_error_matches (local_error, G_CONVERT_ERROR, G_CONVERT_ERROR_NO_CONVERSION))
    {
      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                   /* Translators: the file's name, an encoding ("BIG5"),
                    * then the system's reason */
                   _("%s: this system cannot read %s text (%s)."), who, charset, local_error->message);
      return NULL;
    }
  /* With @read, a partial character at the end is no error: check it. */
  if (text != NULL && read < len - start)
    g_clear_pointer (&text, g_free);
  if (text == NULL)
    {
      gsize offset = start + read;

      /* Whichever reading went further is the file's, and ends at the fault. */
      if (chosen == NULL && end != NULL)
        offset = MAX (offset, (gsize) (end - (const char *) raw));
      set_decode_error (error, who, raw, start, offset,
                        chosen == NULL && end != NULL ? NULL : charset, chosen);
      return NULL;
    }
  if ((nul = memchr (text, '\0', *text_len)) != NULL)
    {
      set_nul_error (error, who, count_rows (text, (const char *) nul - text,
                                             detect_separator (text, (const char *) nul - text, TRUE)));
      g_free (text);
      return NULL;
    }
  return text;
}

/* The cell as the table will keep it: without ASCII white space, U+3000,
 * U+00A0 and BOMs around it. */
static void
trim (const char **s,
      gsize       *len)
{
  const guchar *p = (const guchar *) *s;
  gsize n = *len;

  while (n > 0)
    {
      if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
        p++, n--;
      else if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
        p += 2, n -= 2;
      else if (n >= 3 && ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
                          || (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)))
        p += 3, n -= 3;
      else
        break;
    }
  while (n > 0)
    {
      const guchar *e = p + n;

      if (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r'))
        n--;
      else if (n >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
        n -= 2;
      else if (n >= 3 && ((e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80)
                          || (e[-3] == 0xEF && e[-2] == 0xBB && e[-1] == 0xBF)))
        n -= 3;
      else
        break;
    }
  *s = (const char *) p;
  *len = n;
}

/* Refuses a cell damaged by a wrong-encoding round trip, with what the
 * user can do about it; only called for text with non-ASCII characters.  Lost
 * characters are certain damage; text that reads as another text in
 * another encoding is damage when two cells of the file do, so that no
 * freak name can keep a file out. */
static gboolean
check_cell (Csv         *csv,
            guint        row,
            guint        column,
            const char  *s,
            gsize        len,
            GError     **error)
{
  g_autofree char *was = NULL;
  g_autofree char *quoted = NULL;
  g_autofree char *was_quoted = NULL;
  gboolean lost;
  char col[8];

  trim (&s, &len);
  lost = sz_text_has_lost_characters (s, len);
  if (!lost && (was = sz_text_damaged_was (s, len)) == NULL)
    return TRUE;

  if (!lost && csv->suspect != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&csv->suspect));
      return FALSE;
    }

  sz_text_column_letters (column, col);
  quoted = sz_text_quote (s, len);
  if (lost)
    {
      sz_text_set_damage_error (error, csv->who, row, column, quoted, NULL);
      return FALSE;
    }

  was_quoted = sz_text_quote (was, -1);
  /* The user chose GB18030 for a UTF-8 file: the file is fine. */
  if (csv->chosen && strcmp (csv->charset, "GB18030") == 0
      && g_utf8_validate_len ((const char *) csv->raw, csv->raw_len, NULL))
    g_set_error (&csv->suspect, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                 /* Translators: the file's name, a row, a column as the
                  * spreadsheet names it ("B"), the start of the cell, the
                  * same read as UTF-8, then the encoding the user chose */
                 _("%s: row %u, column %s reads “%s”, which is “%s” in UTF-8: this file is UTF-8, not %s. Choose UTF-8."),
                 csv->who, row, col, quoted, was_quoted, csv->charset);
  else
    sz_text_set_damage_error (&csv->suspect, csv->who, row, column, quoted, was_quoted);
  return TRUE;
}

/* Parsing */

/* Hands the record to the table, which keeps it unless it is blank. */
static gboolean
end_record (Csv     *csv,
            guint    row,
            GError **error)
{
  const Field *fields = (const Field *) (gpointer) csv->fields->data;

  sz_table_begin_row (csv->table, row);
  for (guint i = 0; i < csv->fields->len; i++)
    if (fields[i].len > 0)
      {
        if (!fields[i].ascii && !check_cell (csv, row, i, fields[i].text, fields[i].len, error))
          return FALSE;
        sz_table_set_cell (csv->table, i, SZ_CELL_TEXT, fields[i].text, fields[i].len);
      }
  sz_table_end_row (csv->table, csv->fields->len);
  return TRUE;
}

/* RFC 4180, leniently as Excel reads it: a quote opens a quoted field only
 * at the start of a field, and text after the closing quote is kept.
 * Quoted fields are unescaped in place (never longer than written), so
 * no field is copied before the table keeps it. */
static gboolean
parse_text (Csv      *csv,
            char     *text,
            gsize     len,
            GError  **error)
{
  char *p = text, *end = text + len;
  /* Rows are numbered as a spreadsheet shows them: a cell with line
   * breaks is still one row. */
  guint row = 1;

  while (p < end)
    {
      if (row > MAX_ROWS)
        {
          g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                       /* Translators: the file's name, then the number of
                        * rows a sheet can have */
                       _("%s has more than %u rows, more than a spreadsheet can have: this is not a roster."),
                       csv->who, MAX_ROWS);
          return FALSE;
        }
      g_array_set_size (csv->fields, 0);
      for (;;)
        {
          Field field = { p, 0, TRUE };
          guchar high = 0;

          if (p < end && *p == '"')
            {
              char *w = p++;

              for (;;)
                {
                  char c;

                  if (p == end)
                    {
                      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_SYNTAX,
                                   /* Translators: the file's name and a row */
                                   _("%s: the quotation mark (\") that opens a field in row %u is never closed: close it or remove it, and try again."),
                                   csv->who, row);
                      return FALSE;
                    }
                  c = *p++;
                  if (c == '"' && p < end && *p == '"')
                    p++;
                  else if (c == '"')
                    break;
                  else if (c == '\r')
                    {
                      c = '\n';
                      p += p < end && *p == '\n';
                    }
                  high |= c;
                  *w++ = c;
                }
              while (p < end && !csv->stop[(guchar) *p])
                high |= *w++ = *p++;
              field.len = w - field.text;
            }
          else
            {
              while (p < end && !csv->stop[(guchar) *p])
                high |= *p++;
              field.len = p - field.text;
            }
          field.ascii = high < 0x80;
          if (csv->fields->len == MAX_COLUMNS)
            {
              g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                           /* Translators: the file's name, a row, then the
                            * number of columns a sheet can have */
                           _("%s: row %u has more than %u columns, more than a spreadsheet can have: this is not a roster."),
                           csv->who, row, MAX_COLUMNS);
              return FALSE;
            }
          g_array_append_val (csv->fields, field);
          if (p < end && *p == csv->separator)
            p++;
          else
            break;
        }
      if (!end_record (csv, row, error))
        return FALSE;
      if (p < end && *p++ == '\r' && p < end && *p == '\n')
        p++;
      row++;
    }
  return TRUE;
}

/* Public API */

SzTable *
sz_csv_parse (GBytes      *data,
              const char  *file_name,
              const char  *encoding,
              GError     **error)
{
  g_autoptr(SzTable) table = NULL;
  g_autoptr(GArray) fields = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  const char *chosen = NULL, *name = NULL, *charset = NULL;
  const guchar *raw;
  gsize len, text_len = 0, start = 0;
  gboolean ok;
  Csv csv = { 0 };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  raw = g_bytes_get_data (data, &len);
  who = sz_table_quote_file_name (file_name);
  if (len > SZ_TABLE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (len);

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                   /* Translators: the file's name, its size ("25.3 MB"),
                    * then the largest size allowed, in MB */
                   _("%s is too large (%s): a roster file may be at most %u MB."),
                   who, size, (guint) (SZ_TABLE_MAX_FILE_SIZE / 1024 / 1024));
      return NULL;
    }
  if (encoding != NULL && (chosen = find_encoding (encoding)) == NULL)
    {
      g_autofree char *list = g_strjoinv (", ", (char **) sz_table_encodings ());

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                   /* Translators: the file's name, what the user asked for,
                    * then the encodings one may choose ("UTF-8, GB18030") */
                   _("%s: “%s” is not an encoding Sanzhang reads: choose one of %s."),
                   who, encoding, list);
      return NULL;
    }
  if (has_prefix (raw, len, "PK\x03\x04", 4) || has_prefix (raw, len, "\xD0\xCF\x11\xE0", 4))
    {
      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING,
                   /* Translators: the file's name, then “.xlsx” or “.xls” */
                   _("%s is an Excel workbook (%s), not CSV: in Excel or WPS choose Save As → CSV."),
                   who, raw[0] == 'P' ? ".xlsx" : ".xls");
      return NULL;
    }

  table = sz_table_new (SZ_TABLE_CSV, who);
  text = len > 0 ? decode (raw, len, who, chosen, &name, &charset, &text_len, error) : g_strdup ("");
  if (text == NULL)
    return NULL;

  /* A BOM that was read as Latin-1 and saved again as UTF-8 (“ï»¿”), or
   * saved twice */
  while (text_len - start >= 3)
    {
      if (text_len - start >= 6 && memcmp (text + start, "\xC3\xAF\xC2\xBB\xC2\xBF", 6) == 0)
        start += 6;
      else if (memcmp (text + start, "\xEF\xBB\xBF", 3) == 0)
        start += 3;
      else
        break;
    }

  csv.table = table;
  csv.who = who;
  csv.separator = detect_separator (text + start, text_len - start, is_utf16 (charset));
  csv.stop[(guchar) csv.separator] = csv.stop['\r'] = csv.stop['\n'] = 1;
  csv.fields = fields = g_array_new (FALSE, FALSE, sizeof (Field));
  csv.raw = raw;
  csv.raw_len = len;
  csv.charset = charset;
  csv.chosen = chosen != NULL;
  ok = parse_text (&csv, text + start, text_len - start, error);
  g_clear_error (&csv.suspect);
  if (!ok)
    return NULL;
  sz_table_set_encoding (table, name != NULL ? name : "UTF-8", csv.separator);

  if (sz_table_get_n_all_rows (table) == 0)
    {
      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                   /* Translators: the file's name */
                   _("%s is empty: it has no header and no rows under it."), who);
      return NULL;
    }
  return g_steal_pointer (&table);
}
