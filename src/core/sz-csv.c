/* sz-csv.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sz-csv.h"

G_DEFINE_QUARK (sz-csv-error-quark, sz_csv_error)

typedef struct
{
  guint  line;
  guint  n_fields;
  char  *fields[];    /* in the table's string chunk */
} Row;

struct _SzCsv
{
  const char   *encoding;
  char          separator;
  GStringChunk *strings;
  GPtrArray    *rows;   /* of Row, the header first */
};

/* The file's name as the messages start with it. */
static char *
display_name (const char *file_name)
{
  g_autofree char *base = NULL;

  if (file_name == NULL)
    /* Translators: stands for the file's name in the messages about a
     * CSV file when the text did not come from a file */
    return g_strdup (_("The text"));
  base = g_filename_display_basename (file_name);
  /* Translators: how the messages about a CSV file quote its name */
  return g_strdup_printf (_("“%s”"), base);
}

/* The 1-based line of @offset in @data, made of @unit-byte code units;
 * CRLF, LF and CR each end a line, as in parse_text(). */
static guint
line_at (const guchar *data,
         gsize         offset,
         guint         unit,
         gboolean      big_endian)
{
  gboolean after_cr = FALSE;
  guint line = 1;

  for (gsize i = 0; i + unit <= offset; i += unit)
    {
      guint c = unit == 1 ? data[i] : data[i + !big_endian] << 8 | data[i + big_endian];

      line += c == '\r' || (c == '\n' && !after_cr);
      after_cr = c == '\r';
    }
  return line;
}

static void
set_encoding_error (GError      **error,
                    const char   *who,
                    const guchar *data,
                    gsize         bad)
{
  g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING,
               /* Translators: the file's name, a line, and where the bad
                * bytes are in the file; the quoted names are the file types
                * that Excel and WPS offer in Save As */
               _("%s: line %u (byte %u) is neither UTF-8 nor GBK: save the file as “CSV UTF-8” or “CSV (逗号分隔)” and try again."),
               who, line_at (data, bad, 1, FALSE), (guint) bad);
}

static gboolean
check_nul (const char  *text,
           gsize        len,
           const char  *who,
           GError     **error)
{
  const char *nul = memchr (text, '\0', len);

  if (nul != NULL)
    g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING,
                 /* Translators: the file's name and a line */
                 _("%s: line %u contains a NUL byte, so this is not a CSV file: in Excel or WPS choose Save As → CSV."),
                 who, line_at ((const guchar *) text, nul - text, 1, FALSE));
  return nul == NULL;
}

/* The text in UTF-8 (NUL-terminated), and what it was in @encoding. */
static char *
decode (const guchar  *data,
        gsize          len,
        const char    *who,
        const char   **encoding,
        gsize         *out_len,
        GError       **error)
{
  gboolean zip = len >= 4 && memcmp (data, "PK\x03\x04", 4) == 0;
  const char *end = NULL;
  gsize gb_read = 0;
  char *text;

  if (zip || (len >= 4 && memcmp (data, "\xD0\xCF\x11\xE0", 4) == 0))
    {
      g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING,
                   /* Translators: the file's name, then “.xlsx” or “.xls” */
                   _("%s is an Excel workbook (%s), not CSV: in Excel or WPS choose Save As → CSV."),
                   who, zip ? ".xlsx" : ".xls");
      return NULL;
    }

  if (len >= 2 && (memcmp (data, "\xFF\xFE", 2) == 0 || memcmp (data, "\xFE\xFF", 2) == 0))
    {
      gboolean big_endian = data[0] == 0xFE;
      gsize read = 0;

      *encoding = big_endian ? "UTF-16BE" : "UTF-16LE";
      /* With @read, a partial character at the end is no error: check it. */
      text = g_convert ((const char *) data + 2, len - 2, "UTF-8", *encoding, &read, out_len, NULL);
      if (text != NULL && read < len - 2)
        g_clear_pointer (&text, g_free);
      if (text == NULL)
        g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_ENCODING,
                     /* Translators: the file's name, a line, and where the
                      * bad bytes are in the file */
                     _("%s: line %u (byte %u) is not valid Unicode text: save the file as “CSV UTF-8” and try again."),
                     who, line_at (data + 2, read, 2, big_endian), (guint) read + 2);
      else if (!check_nul (text, *out_len, who, error))
        g_clear_pointer (&text, g_free);
      return text;
    }

  if (!check_nul ((const char *) data, len, who, error))
    return NULL;

  if (len >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      *encoding = "UTF-8 (BOM)";
      if (!g_utf8_validate_len ((const char *) data + 3, len - 3, &end))
        {
          set_encoding_error (error, who, data, end - (const char *) data);
          return NULL;
        }
      *out_len = len - 3;
      return g_strndup ((const char *) data + 3, len - 3);
    }
  if (g_utf8_validate_len ((const char *) data, len, &end))
    {
      *encoding = "UTF-8";
      *out_len = len;
      return g_strndup ((const char *) data, len);
    }

  *encoding = "GB18030";   /* a superset of GBK */
  text = g_convert ((const char *) data, len, "UTF-8", "GB18030", &gb_read, out_len, NULL);
  if (text != NULL && gb_read < len)
    g_clear_pointer (&text, g_free);
  /* Whichever reading went further is the file's, and ends at the fault. */
  if (text == NULL)
    set_encoding_error (error, who, data, MAX ((gsize) (end - (const char *) data), gb_read));
  return text;
}

/* Trimming */

static const char * const wide_spaces[] = {
  "\xE3\x80\x80",   /* U+3000 IDEOGRAPHIC SPACE */
  "\xC2\xA0",       /* U+00A0 NO-BREAK SPACE */
  "\xEF\xBB\xBF",   /* U+FEFF, a BOM left inside */
};

/* The length of the white space that starts at @p (@at_end FALSE) or ends
 * there (TRUE), or 0.  Each ends in a byte no other character ends in. */
static gsize
space_len (const char *start,
           const char *p,
           const char *end,
           gboolean    at_end)
{
  if (at_end ? p > start && g_ascii_isspace (p[-1]) : p < end && g_ascii_isspace (*p))
    return 1;
  for (guint i = 0; i < G_N_ELEMENTS (wide_spaces); i++)
    {
      gsize n = strlen (wide_spaces[i]);

      if (at_end ? (gsize) (p - start) >= n && memcmp (p - n, wide_spaces[i], n) == 0
                 : (gsize) (end - p) >= n && memcmp (p, wide_spaces[i], n) == 0)
        return n;
    }
  return 0;
}

static char *
trimmed_copy (GStringChunk *strings,
              const char   *start,
              const char   *end)
{
  gsize n;

  while ((n = space_len (start, start, end, FALSE)) > 0)
    start += n;
  while ((n = space_len (start, end, end, TRUE)) > 0)
    end -= n;
  return start == end ? (char *) "" : g_string_chunk_insert_len (strings, start, end - start);
}

/* Parsing */

/* The most frequent of ',', ';' and TAB outside quotes on the first line
 * that is not blank; ties go to the first in @seps. */
static char
detect_separator (const char *text,
                  gsize       len,
                  gboolean    utf16)
{
  const char *seps = utf16 ? "\t,;" : ",\t;";
  guint counts[3] = { 0, 0, 0 }, best = 0;
  gboolean quoted = FALSE, field_start = TRUE, content = FALSE;
  gsize n;

  for (gsize i = 0; i < len; i++)
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
      else if (line_end && content)
        break;
      else if (line_end)
        memset (counts, 0, sizeof counts);
      else if (sep != NULL)
        counts[sep - seps]++;
      else if ((n = space_len (text, text + i, text + len, FALSE)) > 0)
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

static void
end_field (SzCsv     *csv,
           GPtrArray *fields,
           GString   *field)
{
  g_ptr_array_add (fields, trimmed_copy (csv->strings, field->str, field->str + field->len));
  g_string_truncate (field, 0);
}

/* Keeps the row unless it is blank. */
static void
end_row (SzCsv     *csv,
         GPtrArray *fields,
         guint      line)
{
  for (guint i = 0; i < fields->len; i++)
    if (*(const char *) fields->pdata[i] != '\0')
      {
        Row *row = g_malloc (sizeof (Row) + fields->len * sizeof (char *));

        row->line = line;
        row->n_fields = fields->len;
        memcpy (row->fields, fields->pdata, fields->len * sizeof (char *));
        g_ptr_array_add (csv->rows, row);
        break;
      }
  g_ptr_array_set_size (fields, 0);
}

/* RFC 4180, leniently as Excel reads it: a quote opens a quoted field only
 * at the start of a field, and text after the closing quote is kept. */
static gboolean
parse_text (SzCsv       *csv,
            const char  *text,
            gsize        len,
            const char  *who,
            GError     **error)
{
  g_autoptr(GString) field = g_string_new (NULL);
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  const char *p = text, *end = text + len;
  /* Rows are numbered as a spreadsheet shows them (a cell with line
   * breaks is still one row); lines count for the quote error. */
  guint line = 1, record = 1, quote_line = 0;
  gboolean quoted = FALSE, field_start = TRUE;

  while (p < end)
    {
      char c = *p++;
      gboolean line_end = c == '\r' || c == '\n';

      if (c == '\r' && p < end && *p == '\n')
        p++;
      if (quoted && c == '"' && p < end && *p == '"')
        g_string_append_c (field, *p++);
      else if (quoted && c == '"')
        quoted = FALSE;
      else if (quoted && line_end)
        {
          g_string_append_c (field, '\n');
          line++;
        }
      else if (!quoted && c == '"' && field_start)
        {
          quoted = TRUE;
          quote_line = line;
          field_start = FALSE;
        }
      else if (!quoted && (c == csv->separator || line_end))
        {
          end_field (csv, fields, field);
          field_start = TRUE;
          if (line_end)
            {
              end_row (csv, fields, record++);
              line++;
            }
        }
      else
        {
          g_string_append_c (field, c);
          field_start = FALSE;
        }
    }

  if (quoted)
    {
      g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_SYNTAX,
                   /* Translators: the file's name and a line */
                   _("%s: the quotation mark (\") that opens a field on line %u is never closed: close it or remove it, and try again."),
                   who, quote_line);
      return FALSE;
    }
  if (!field_start || fields->len > 0)   /* the last line has no line end */
    {
      end_field (csv, fields, field);
      end_row (csv, fields, record);
    }
  return TRUE;
}

static void
set_too_large (GError     **error,
               const char  *who,
               guint64      size)
{
  g_autofree char *size_str = g_format_size (size);

  g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_TOO_LARGE,
               /* Translators: the file's name, its size ("25.3 MB"), then
                * the largest size allowed, in MB */
               _("%s is too large (%s): a roster file may be at most %u MB."),
               who, size_str, (guint) (SZ_CSV_MAX_SIZE / 1024 / 1024));
}

/* Public API */

SzCsv *
sz_csv_parse (GBytes      *data,
              const char  *file_name,
              GError     **error)
{
  g_autoptr(SzCsv) csv = NULL;
  g_autofree char *who = NULL;
  g_autofree char *text = NULL;
  const guchar *raw;
  gsize len, text_len = 0;
  Row *header;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  raw = g_bytes_get_data (data, &len);
  who = display_name (file_name);
  if (len > SZ_CSV_MAX_SIZE)
    {
      set_too_large (error, who, len);
      return NULL;
    }

  csv = g_new0 (SzCsv, 1);
  csv->strings = g_string_chunk_new (4096);
  csv->rows = g_ptr_array_new_with_free_func (g_free);
  csv->encoding = "UTF-8";
  csv->separator = ',';
  if (len > 0)
    {
      text = decode (raw, len, who, &csv->encoding, &text_len, error);
      if (text == NULL)
        return NULL;
      csv->separator = detect_separator (text, text_len, g_str_has_prefix (csv->encoding, "UTF-16"));
      if (!parse_text (csv, text, text_len, who, error))
        return NULL;
    }

  if (csv->rows->len == 0)
    {
      g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY,
                   /* Translators: the file's name */
                   _("%s is empty: it has no header and no rows under it."), who);
      return NULL;
    }
  /* A BOM that was read as Latin-1 and saved again as UTF-8 */
  header = g_ptr_array_index (csv->rows, 0);
  if (g_str_has_prefix (header->fields[0], "\xC3\xAF\xC2\xBB\xC2\xBF"))
    header->fields[0] = trimmed_copy (csv->strings, header->fields[0] + 6,
                                      header->fields[0] + strlen (header->fields[0]));
  if (csv->rows->len == 1)
    {
      g_set_error (error, SZ_CSV_ERROR, SZ_CSV_ERROR_EMPTY,
                   /* Translators: the file's name and the header's line */
                   _("%s has no rows under its header on line %u."), who, header->line);
      return NULL;
    }
  return g_steal_pointer (&csv);
}

SzCsv *
sz_csv_read_file (const char  *path,
                  GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  GStatBuf st;
  char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* Refuses a large file before reading it; sz_csv_parse() checks again. */
  if (g_stat (path, &st) == 0 && st.st_size > SZ_CSV_MAX_SIZE)
    {
      g_autofree char *who = display_name (path);

      set_too_large (error, who, st.st_size);
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (contents, len);
  return sz_csv_parse (bytes, path, error);
}

void
sz_csv_free (SzCsv *csv)
{
  if (csv == NULL)
    return;
  g_string_chunk_free (csv->strings);
  g_ptr_array_unref (csv->rows);
  g_free (csv);
}

const char *
sz_csv_get_encoding (SzCsv *csv)
{
  g_return_val_if_fail (csv != NULL, NULL);
  return csv->encoding;
}

char
sz_csv_get_separator (SzCsv *csv)
{
  g_return_val_if_fail (csv != NULL, ',');
  return csv->separator;
}

static Row *
get_row (SzCsv *csv,
         guint  i)
{
  return g_ptr_array_index (csv->rows, i);
}

guint
sz_csv_get_n_rows (SzCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);
  return csv->rows->len - 1;
}

guint
sz_csv_get_n_columns (SzCsv *csv)
{
  g_return_val_if_fail (csv != NULL, 0);
  return get_row (csv, 0)->n_fields;
}

const char *
sz_csv_get_header (SzCsv *csv,
                   guint  column)
{
  g_return_val_if_fail (csv != NULL, NULL);
  g_return_val_if_fail (column < get_row (csv, 0)->n_fields, NULL);
  return get_row (csv, 0)->fields[column];
}

/* A header as sz_csv_find_column() compares it: NFKC (full-width forms to
 * half-width ones), no white space, ASCII lower case, no “*” or “(必填)”
 * marker (nor a leading “*”, as some templates write it). */
static char *
header_key (const char *header)
{
  g_autofree char *nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  GString *key = g_string_new (NULL);
  gboolean more = TRUE;

  for (const char *p = nfkc; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_isspace (c) && c != 0xFEFF && c != 0x200B)
        g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower (c) : c);
    }
  while (more)
    {
      more = g_str_has_suffix (key->str, "*") || g_str_has_suffix (key->str, "(必填)");
      if (more)
        g_string_truncate (key, key->len - (key->str[key->len - 1] == '*' ? 1 : strlen ("(必填)")));
    }
  if (key->str[0] == '*')
    g_string_erase (key, 0, 1);
  return g_string_free (key, FALSE);
}

int
sz_csv_find_column (SzCsv              *csv,
                    const char * const *names)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (csv != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (keys, header_key (names[i]));
  for (guint column = 0; column < get_row (csv, 0)->n_fields; column++)
    {
      g_autofree char *key = header_key (get_row (csv, 0)->fields[column]);

      for (guint i = 0; *key != '\0' && i < keys->len; i++)
        if (strcmp (key, keys->pdata[i]) == 0)
          return column;
    }
  return -1;
}

const char *
sz_csv_get (SzCsv *csv,
            guint  row,
            guint  column)
{
  g_return_val_if_fail (csv != NULL, "");
  g_return_val_if_fail (row < csv->rows->len - 1, "");
  return column < get_row (csv, row + 1)->n_fields ? get_row (csv, row + 1)->fields[column] : "";
}

guint
sz_csv_get_line (SzCsv *csv,
                 guint  row)
{
  g_return_val_if_fail (csv != NULL, 0);
  g_return_val_if_fail (row < csv->rows->len - 1, 0);
  return get_row (csv, row + 1)->line;
}
