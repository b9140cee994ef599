/* sz-table.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "sz-csv.h"
#include "sz-table.h"
#include "sz-text-damage.h"
#include "sz-xls.h"
#include "sz-xlsx.h"

G_DEFINE_QUARK (sz-table-error-quark, sz_table_error)

typedef struct
{
  guint   line;
  guint   n_fields;   /* CSV: as written */
  guint   n_cells;
  char  **cells;      /* right after the row; the texts in the string chunk, NULL for an empty cell */
  guint8 *kinds;      /* NULL when every cell is TEXT */
} Row;

struct _SzTable
{
  SzTableFormat  format;
  char          *display_name;
  const char    *encoding;
  char           separator;
  char          *sheet;
  char         **sheet_names;
  GStringChunk  *strings;
  GPtrArray     *rows;      /* of Row */
  guint          header;    /* index in rows */
  guint          n_columns;
  /* The row being built */
  GPtrArray     *cur_cells;
  GByteArray    *cur_kinds;
  guint          cur_line;
  gboolean       cur_open;
};

static void
row_free (gpointer data)
{
  Row *row = data;

  g_free (row->kinds);
  g_free (row);
}

const char * const *
sz_table_encodings (void)
{
  static const char * const encodings[] = { "UTF-8", "GB18030", "UTF-16LE", "UTF-16BE", "BIG5", NULL };

  return encodings;
}

char *
sz_table_quote_file_name (const char *path)
{
  g_autofree char *base = NULL;

  if (path == NULL)
    /* Translators: stands for the file's name in the messages about a
     * spreadsheet when the text did not come from a file */
    return g_strdup (_("The text"));
  base = g_filename_display_basename (path);
  /* Translators: how the messages about a spreadsheet file quote its name */
  return g_strdup_printf (_("“%s”"), base);
}

SzTable *
sz_table_new (SzTableFormat  format,
              const char    *display_name)
{
  SzTable *t = g_new0 (SzTable, 1);

  t->format = format;
  t->display_name = g_strdup (display_name ? display_name : "");
  t->strings = g_string_chunk_new (16384);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  t->cur_cells = g_ptr_array_new ();
  t->cur_kinds = g_byte_array_new ();
  return t;
}

void
sz_table_free (SzTable *t)
{
  if (t == NULL)
    return;
  g_free (t->display_name);
  g_free (t->sheet);
  g_strfreev (t->sheet_names);
  g_string_chunk_free (t->strings);
  g_ptr_array_unref (t->rows);
  g_ptr_array_unref (t->cur_cells);
  g_byte_array_unref (t->cur_kinds);
  g_free (t);
}

void
sz_table_set_encoding (SzTable    *t,
                       const char *encoding,
                       char        separator)
{
  g_return_if_fail (t != NULL);
  /* Only the static strings of sz_table_encodings() and "UTF-8 (BOM)" */
  t->encoding = g_intern_string (encoding);
  t->separator = separator;
}

void
sz_table_set_sheets (SzTable            *t,
                     const char         *sheet,
                     const char * const *names)
{
  g_return_if_fail (t != NULL);
  g_free (t->sheet);
  t->sheet = g_strdup (sheet);
  g_strfreev (t->sheet_names);
  t->sheet_names = g_strdupv ((char **) names);
}

/* Trimming: ASCII white space, U+3000, U+00A0 and BOMs left inside,
 * byte by byte (every cell of a 200,000-row sheet passes here). */

static gsize
space_at_start (const guchar *p,
                const guchar *end)
{
  gsize n = end - p;

  if (n >= 1 && (*p == ' ' || (*p >= '\t' && *p <= '\r')))
    return 1;
  if (n >= 2 && p[0] == 0xC2 && p[1] == 0xA0)
    return 2;
  if (n >= 3 && ((p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) || (p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)))
    return 3;
  return 0;
}

static gsize
space_at_end (const guchar *start,
              const guchar *e)
{
  gsize n = e - start;

  if (n >= 1 && (e[-1] == ' ' || (e[-1] >= '\t' && e[-1] <= '\r')))
    return 1;
  if (n >= 2 && e[-2] == 0xC2 && e[-1] == 0xA0)
    return 2;
  if (n >= 3 && ((e[-3] == 0xE3 && e[-2] == 0x80 && e[-1] == 0x80) || (e[-3] == 0xEF && e[-2] == 0xBB && e[-1] == 0xBF)))
    return 3;
  return 0;
}

void
sz_table_begin_row (SzTable *t,
                    guint    line)
{
  g_return_if_fail (t != NULL);
  g_ptr_array_set_size (t->cur_cells, 0);
  g_byte_array_set_size (t->cur_kinds, 0);
  t->cur_line = line;
  t->cur_open = TRUE;
}

void
sz_table_set_cell (SzTable    *t,
                   guint       column,
                   SzCellKind  kind,
                   const char *text,
                   gssize      len)
{
  const guchar *start, *end;
  gsize n;

  g_return_if_fail (t != NULL && t->cur_open);
  g_return_if_fail (text != NULL || len == 0);
  /* A sheet wider than any roster is a damaged or hostile file: Excel's
   * own limit is 16,384 columns. */
  g_return_if_fail (column < 16384);

  if (text == NULL)
    text = "";
  start = (const guchar *) text;
  end = start + (len < 0 ? strlen (text) : (gsize) len);
  while ((n = space_at_start (start, end)) > 0)
    start += n;
  while ((n = space_at_end (start, end)) > 0)
    end -= n;
  if (start == end)
    return;

  if (column >= t->cur_cells->len)
    {
      guint old = t->cur_kinds->len;

      g_ptr_array_set_size (t->cur_cells, column + 1);
      g_byte_array_set_size (t->cur_kinds, column + 1);
      memset (t->cur_kinds->data + old, SZ_CELL_EMPTY, column + 1 - old);
    }
  t->cur_cells->pdata[column] = g_string_chunk_insert_len (t->strings, (const char *) start, end - start);
  t->cur_kinds->data[column] = kind == SZ_CELL_EMPTY ? SZ_CELL_TEXT : kind;
}

void
sz_table_end_row (SzTable *t,
                  guint    n_fields)
{
  gboolean all_text = TRUE;
  guint n = 0;
  Row *row;

  g_return_if_fail (t != NULL && t->cur_open);
  t->cur_open = FALSE;

  for (guint i = 0; i < t->cur_cells->len; i++)
    if (t->cur_cells->pdata[i] != NULL)
      {
        n = i + 1;
        all_text = all_text && t->cur_kinds->data[i] == SZ_CELL_TEXT;
      }
  if (n == 0)
    return;

  /* One allocation a row: the cells follow the row's fields. */
  row = g_malloc (sizeof (Row) + n * sizeof (char *));
  row->line = t->cur_line;
  row->n_fields = n_fields;
  row->n_cells = n;
  row->kinds = NULL;
  row->cells = (char **) (row + 1);
  memcpy (row->cells, t->cur_cells->pdata, n * sizeof (char *));
  if (!all_text)
    {
      row->kinds = g_malloc (n);
      memcpy (row->kinds, t->cur_kinds->data, n);
    }
  g_ptr_array_add (t->rows, row);
  t->n_columns = MAX (t->n_columns, n);
}

/* Getters */

SzTableFormat
sz_table_get_format (SzTable *t)
{
  g_return_val_if_fail (t != NULL, SZ_TABLE_CSV);
  return t->format;
}

const char *
sz_table_get_display_name (SzTable *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->display_name;
}

const char *
sz_table_get_encoding (SzTable *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->encoding;
}

char
sz_table_get_separator (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->separator;
}

const char *
sz_table_get_sheet (SzTable *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return t->sheet;
}

const char * const *
sz_table_get_sheet_names (SzTable *t)
{
  g_return_val_if_fail (t != NULL, NULL);
  return (const char * const *) t->sheet_names;
}

guint
sz_table_get_n_all_rows (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->rows->len;
}

void
sz_table_set_header (SzTable *t,
                     guint    all_row)
{
  g_return_if_fail (t != NULL);
  g_return_if_fail (all_row < t->rows->len);
  t->header = all_row;
}

guint
sz_table_get_header_row (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->header;
}

static Row *
get_row (SzTable *t,
         guint    i)
{
  return g_ptr_array_index (t->rows, i);
}

const char *
sz_table_get_all (SzTable *t,
                  guint    all_row,
                  guint    column)
{
  Row *row;

  g_return_val_if_fail (t != NULL, "");
  g_return_val_if_fail (all_row < t->rows->len, "");
  row = get_row (t, all_row);
  return column < row->n_cells && row->cells[column] != NULL ? row->cells[column] : "";
}

guint
sz_table_get_all_line (SzTable *t,
                       guint    all_row)
{
  g_return_val_if_fail (t != NULL, 0);
  g_return_val_if_fail (all_row < t->rows->len, 0);
  return get_row (t, all_row)->line;
}

guint
sz_table_get_n_columns (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->n_columns;
}

const char *
sz_table_get_header (SzTable *t,
                     guint    column)
{
  g_return_val_if_fail (t != NULL, "");
  if (t->rows->len == 0)
    return "";
  return sz_table_get_all (t, t->header, column);
}

guint
sz_table_get_n_rows (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->rows->len > t->header ? t->rows->len - t->header - 1 : 0;
}

const char *
sz_table_get (SzTable *t,
              guint    row,
              guint    column)
{
  g_return_val_if_fail (t != NULL, "");
  g_return_val_if_fail (row < sz_table_get_n_rows (t), "");
  return sz_table_get_all (t, t->header + 1 + row, column);
}

SzCellKind
sz_table_get_kind (SzTable *t,
                   guint    row,
                   guint    column)
{
  Row *r;

  g_return_val_if_fail (t != NULL, SZ_CELL_EMPTY);
  g_return_val_if_fail (row < sz_table_get_n_rows (t), SZ_CELL_EMPTY);
  r = get_row (t, t->header + 1 + row);
  if (column >= r->n_cells || r->cells[column] == NULL)
    return SZ_CELL_EMPTY;
  return r->kinds != NULL ? r->kinds[column] : SZ_CELL_TEXT;
}

guint
sz_table_get_line (SzTable *t,
                   guint    row)
{
  g_return_val_if_fail (t != NULL, 0);
  g_return_val_if_fail (row < sz_table_get_n_rows (t), 0);
  return get_row (t, t->header + 1 + row)->line;
}

guint
sz_table_get_header_n_fields (SzTable *t)
{
  g_return_val_if_fail (t != NULL, 0);
  return t->rows->len > 0 ? get_row (t, t->header)->n_fields : 0;
}

guint
sz_table_get_n_fields (SzTable *t,
                       guint    row)
{
  g_return_val_if_fail (t != NULL, 0);
  g_return_val_if_fail (row < sz_table_get_n_rows (t), 0);
  return get_row (t, t->header + 1 + row)->n_fields;
}

/* Headers */

/* The brackets whose contents are a note, not the column's name. */
static const gunichar bracket_pairs[][2] = {
  { '(', ')' }, { '[', ']' }, { 0xFF08, 0xFF09 } /* （） */, { 0x3010, 0x3011 } /* 【】 */,
  { 0xFF3B, 0xFF3D } /* ［］ */, { 0x3014, 0x3015 } /* 〔〕 */,
};

char *
sz_table_header_key (const char *header)
{
  g_autofree char *nfkc = NULL;
  GString *key = g_string_new (NULL);
  gunichar closing = 0;
  gsize before_note = 0;

  g_return_val_if_fail (header != NULL, g_string_free (key, FALSE));
  if (!g_utf8_validate (header, -1, NULL))
    return g_string_free (key, FALSE);

  /* Brackets are removed before NFKC folds the full-width ones, so the
   * table holds both forms. */
  nfkc = g_utf8_normalize (header, -1, G_NORMALIZE_NFKC);
  for (const char *p = nfkc; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (closing != 0)
        {
          /* Inside a note: drop it with its brackets. */
          if (c == closing)
            {
              g_string_truncate (key, before_note);
              closing = 0;
            }
          else if (!g_unichar_isspace (c))
            g_string_append_unichar (key, c);
          continue;
        }
      for (guint i = 0; i < G_N_ELEMENTS (bracket_pairs); i++)
        if (c == bracket_pairs[i][0])
          {
            closing = bracket_pairs[i][1];
            before_note = key->len;
          }
      if (closing != 0)
        {
          g_string_append_unichar (key, c);
          continue;
        }
      if (g_unichar_isspace (c) || c == 0xFEFF || c == 0x200B || c == '*' || c == 0xFF0A)
        continue;
      g_string_append_unichar (key, c < 0x80 ? (gunichar) g_ascii_tolower (c) : c);
    }
  /* An unclosed bracket was not a note after all: keep what it held. */
  return g_string_free (key, FALSE);
}

int
sz_table_find_column (SzTable            *t,
                      const char * const *names)
{
  g_autoptr(GPtrArray) keys = g_ptr_array_new_with_free_func (g_free);

  g_return_val_if_fail (t != NULL, -1);
  g_return_val_if_fail (names != NULL, -1);

  for (guint i = 0; names[i] != NULL; i++)
    g_ptr_array_add (keys, sz_table_header_key (names[i]));
  for (guint column = 0; column < t->n_columns; column++)
    {
      g_autofree char *key = sz_table_header_key (sz_table_get_header (t, column));

      for (guint i = 0; *key != '\0' && i < keys->len; i++)
        if (strcmp (key, keys->pdata[i]) == 0)
          return column;
    }
  return -1;
}

/* Numbers and dates as Excel keeps them */

char *
sz_table_format_number (double value)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  /* -0 (which a formula can leave) shows as 0 */
  if (value == 0)
    return g_strdup ("0");
  if (isfinite (value) && value == floor (value) && fabs (value) < 9007199254740992.0)
    return g_strdup_printf ("%.0f", value);
  /* The shortest text that reads back as the same double. */
  for (int precision = 1; precision <= 17; precision++)
    {
      char format[8];

      g_snprintf (format, sizeof format, "%%.%dG", precision);
      g_ascii_formatd (buf, sizeof buf, format, value);
      if (g_ascii_strtod (buf, NULL) == value)
        break;
    }
  return g_strdup (buf);
}

char *
sz_table_format_serial_date (double   serial,
                             gboolean date1904)
{
  g_autoptr(GDateTime) base = NULL;
  g_autoptr(GDateTime) dt = NULL;
  gint64 seconds;
  double day;

  /* 1900 system: serial 1 is 1900-01-01, and Excel counts a 1900-02-29
   * that never was (serial 60); from 61 on, day 0 is 1899-12-30. */
  if (!isfinite (serial) || serial < (date1904 ? 0 : 1) || serial > 2958465.99999)
    return NULL;
  day = floor (serial);
  seconds = (gint64) llround ((serial - day) * 86400.0);
  if (seconds >= 86400)
    day += 1, seconds = 0;
  if (date1904)
    base = g_date_time_new_utc (1904, 1, 1, 0, 0, 0);
  else if (day < 60)
    base = g_date_time_new_utc (1899, 12, 31, 0, 0, 0);
  else if (day == 60)
    return NULL;   /* 1900-02-29 */
  else
    base = g_date_time_new_utc (1899, 12, 30, 0, 0, 0);
  dt = g_date_time_add_seconds (base, day * 86400.0 + seconds);
  if (dt == NULL)
    return NULL;
  if (seconds == 0)
    return g_date_time_format (dt, "%Y-%m-%d");
  return g_date_time_format (dt, "%Y-%m-%d %H:%M:%S");
}

/* Reading a file by what it is */

static gboolean
has_prefix (const guchar *data,
            gsize         len,
            const char   *magic,
            gsize         magic_len)
{
  return len >= magic_len && memcmp (data, magic, magic_len) == 0;
}

SzTable *
sz_table_read_file (const char  *path,
                    const char  *sheet,
                    const char  *encoding,
                    GError     **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(SzTable) table = NULL;
  g_autofree char *who = NULL;
  const guchar *data;
  char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  who = sz_table_quote_file_name (path);
  /* Refuses a large file before reading it. */
  if (g_stat (path, &st) == 0 && st.st_size > SZ_TABLE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (st.st_size);

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                   /* Translators: the file's name, its size ("25.3 MB"),
                    * then the largest size allowed, in MB */
                   _("%s is too large (%s): a roster file may be at most %u MB."),
                   who, size, (guint) (SZ_TABLE_MAX_FILE_SIZE / 1024 / 1024));
      return NULL;
    }
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (contents, len);
  data = g_bytes_get_data (bytes, NULL);

  if (has_prefix (data, len, "PK\x03\x04", 4))
    table = sz_xlsx_parse (bytes, path, sheet, error);
  else if (has_prefix (data, len, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8))
    table = sz_xls_read_file (path, sheet, error);
  else
    return sz_csv_parse (bytes, path, encoding, error);   /* checks its cells as it reads */
  /* A workbook filled from a CSV file read in the wrong encoding keeps the
   * damage in its cells. */
  if (table != NULL && !sz_table_check_damage (table, error))
    return NULL;
  return g_steal_pointer (&table);
}
