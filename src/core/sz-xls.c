/* sz-xls.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <freexl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sz-xls-private.h"

/* Excel 97–2003 workbooks through libfreexl (1.0.6 on Debian 12), which
 * reads a file by its path and hands back each cell as text, a number or a
 * date.  What it does not do, sz-xls-walk.c does from the workbook stream
 * (_sz_xls_walk_workbook()), before freexl sees the file: refuse what
 * freexl mishandles (reads past its buffers, leaks, loses cells), tell
 * hidden sheets, and read what freexl skips or misreads: formulas'
 * results, booleans and error constants. */

/* BIFF8's grid: a larger dimension is a damaged file, and would cost
 * freexl a huge table of cells. */
#define MAX_ROWS     65536
#define MAX_COLUMNS  256

static void
set_damaged (GError     **error,
             const char  *who)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
               /* Translators: %s is the file's name, quoted */
               _("%s is damaged or is not an Excel 97–2003 workbook: open it in WPS or Excel and save it again as .xlsx."),
               who);
}

static void
set_password (GError     **error,
              const char  *who)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
               /* Translators: %s is the file's name, quoted */
               _("%s is protected with a password: open it in WPS or Excel, remove the password and save it again."),
               who);
}

static void
set_too_large (GError     **error,
               const char  *who,
               goffset      size)
{
  g_autofree char *text = g_format_size (size);

  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
               /* Translators: the file's name, its size ("25.3 MB"),
                * then the largest size allowed, in MB */
               _("%s is too large (%s): a roster file may be at most %u MB."),
               who, text, (guint) (SZ_TABLE_MAX_FILE_SIZE / 1024 / 1024));
}

static char *
valid_utf8 (const char *text)
{
  return g_utf8_validate (text, -1, NULL) ? g_strdup (text) : g_utf8_make_valid (text, -1);
}

/* One cell as the table keeps it; NULL for an empty one. */
static char *
cell_text (const FreeXL_CellValue *value,
           SzCellKind             *kind)
{
  guint h, m, s;

  switch (value->type)
    {
    case FREEXL_CELL_INT:
      *kind = SZ_CELL_NUMBER;
      return sz_table_format_number (value->value.int_value);
    case FREEXL_CELL_DOUBLE:
      *kind = SZ_CELL_NUMBER;
      return sz_table_format_number (value->value.double_value);
    case FREEXL_CELL_TEXT:
    case FREEXL_CELL_SST_TEXT:
      *kind = SZ_CELL_TEXT;
      return value->value.text_value != NULL ? valid_utf8 (value->value.text_value) : NULL;
    case FREEXL_CELL_DATE:
    case FREEXL_CELL_DATETIME:
      if (value->value.text_value == NULL)
        return NULL;
      *kind = SZ_CELL_DATE;
      /* A date at midnight reads as a date, as in .xlsx */
      if (strlen (value->value.text_value) == 19 && g_str_has_suffix (value->value.text_value, " 00:00:00"))
        return g_strndup (value->value.text_value, 10);
      return valid_utf8 (value->value.text_value);
    case FREEXL_CELL_TIME:
      /* A time of day is not a date: the fraction of a day, as an .xlsx
       * time cell reads. */
      if (value->value.text_value == NULL
          || sscanf (value->value.text_value, "%2u:%2u:%2u", &h, &m, &s) != 3)
        return NULL;
      *kind = SZ_CELL_NUMBER;
      return sz_table_format_number ((h * 3600.0 + m * 60.0 + s) / 86400.0);
    case FREEXL_CELL_NULL:
    default:
      return NULL;
    }
}

static gint
compare_cells (gconstpointer a,
               gconstpointer b)
{
  const Cell *x = a, *y = b;

  if (x->row != y->row)
    return x->row < y->row ? -1 : 1;
  return x->column < y->column ? -1 : x->column > y->column;
}

/* The cells of the sheet at @index, with @extra (may be NULL) over
 * freexl's, or NULL with @error set. */
static SzTable *
read_sheet (const void  *handle,
            guint        index,
            GArray      *extra,
            GHashTable  *dates,
            gboolean     date1904,
            const char  *who,
            GError     **error)
{
  g_autoptr(SzTable) table = sz_table_new (SZ_TABLE_XLS, who);
  unsigned int rows = 0;
  unsigned short columns = 0;
  guint k = 0;

  if (freexl_select_active_worksheet (handle, index) != FREEXL_OK
      || freexl_worksheet_dimensions (handle, &rows, &columns) != FREEXL_OK
      || rows > MAX_ROWS || columns > MAX_COLUMNS)
    {
      set_damaged (error, who);
      return NULL;
    }
  if (extra != NULL)
    g_array_sort (extra, compare_cells);
  /* freexl's dimensions are counts, despite its documentation. */
  for (guint r = 0; r < rows; r++)
    {
      sz_table_begin_row (table, r + 1);
      for (guint c = 0; c < columns; c++)
        {
          g_autofree char *text = NULL;
          SzCellKind kind = SZ_CELL_TEXT;
          FreeXL_CellValue value;

          if (freexl_get_cell_value (handle, r, c, &value) != FREEXL_OK)
            {
              set_damaged (error, who);
              return NULL;
            }
          /* A date freexl was shown as a number (see _sz_xls_walk_workbook()) */
          if ((value.type == FREEXL_CELL_INT || value.type == FREEXL_CELL_DOUBLE)
              && dates != NULL && g_hash_table_contains (dates, CELL_KEY (r, c)))
            {
              double serial = value.type == FREEXL_CELL_INT ? value.value.int_value : value.value.double_value;

              text = sz_table_format_serial_date (serial, date1904);
              kind = SZ_CELL_DATE;
            }
          if (text == NULL)
            text = cell_text (&value, &kind);
          if (text != NULL)
            sz_table_set_cell (table, c, kind, text, -1);
        }
      for (; extra != NULL && k < extra->len && g_array_index (extra, Cell, k).row <= r; k++)
        {
          const Cell *cell = &g_array_index (extra, Cell, k);

          if (cell->row == r && cell->column < columns)
            sz_table_set_cell (table, cell->column, cell->kind, cell->text, -1);
        }
      sz_table_end_row (table, 0);
    }
  return g_steal_pointer (&table);
}

static char *
join_sheet_names (char **names)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; names[i] != NULL; i++)
    {
      if (i > 0)
        /* Translators: separates the sheet names in a list */
        g_string_append (list, _(", "));
      /* Translators: how a sheet's name is quoted in a list of them */
      g_string_append_printf (list, _("“%s”"), names[i]);
    }
  return g_string_free (list, FALSE);
}

/* The sheet @sheet names, or (NULL) the first visible sheet with cells. */
static SzTable *
read_book (const void   *handle,
           Sheets       *sheets,
           const char   *who,
           const char   *sheet,
           GError      **error)
{
  g_auto(GStrv) names = NULL;
  g_autofree gboolean *hidden = NULL;
  unsigned int password = 0, n_sheets = 0;
  gboolean agree;
  guint n_visible = 0;
  int found = -1;

  if (freexl_get_info (handle, FREEXL_BIFF_PASSWORD, &password) != FREEXL_OK
      || freexl_get_info (handle, FREEXL_BIFF_SHEET_COUNT, &n_sheets) != FREEXL_OK)
    {
      set_damaged (error, who);
      return NULL;
    }
  if (password == FREEXL_BIFF_OBFUSCATED)
    {
      set_password (error, who);
      return NULL;
    }
  if (n_sheets == 0 || n_sheets > G_MAXUINT16)
    {
      set_damaged (error, who);
      return NULL;
    }

  names = g_new0 (char *, n_sheets + 1);
  for (guint i = 0; i < n_sheets; i++)
    {
      const char *name = NULL;

      if (freexl_get_worksheet_name (handle, i, &name) != FREEXL_OK || name == NULL)
        {
          set_damaged (error, who);
          return NULL;
        }
      names[i] = valid_utf8 (name);
    }
  /* Hidden sheets, when the BOUNDSHEET records and freexl agree on the
   * sheets; else every sheet counts as visible. */
  hidden = g_new0 (gboolean, n_sheets);
  agree = sheets->hidden->len == n_sheets && sheets->cells->len == n_sheets && sheets->dates->len == n_sheets;
  for (guint i = 0; i < n_sheets && agree; i++)
    agree = sheets->names->pdata[i] == NULL || strcmp (sheets->names->pdata[i], names[i]) == 0;
  for (guint i = 0; i < n_sheets && agree; i++)
    hidden[i] = g_array_index (sheets->hidden, gboolean, i);

  if (sheet != NULL)
    {
      for (guint i = 0; names[i] != NULL && found < 0; i++)
        if (strcmp (names[i], sheet) == 0)
          found = i;
      /* Excel's sheet names are unique without regard to case. */
      for (guint i = 0; names[i] != NULL && found < 0; i++)
        {
          g_autofree char *a = g_utf8_casefold (names[i], -1);
          g_autofree char *b = g_utf8_casefold (sheet, -1);

          if (strcmp (a, b) == 0)
            found = i;
        }
      if (found < 0)
        {
          g_autofree char *list = join_sheet_names (names);

          g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_NO_SHEET,
                       /* Translators: the file's name, quoted; the sheet asked
                        * for; then the list of the workbook's sheets */
                       _("%s has no sheet named “%s”. Its sheets are: %s."),
                       who, sheet, list);
          return NULL;
        }
    }

  for (guint i = found < 0 ? 0 : found; i < n_sheets; i++)
    {
      g_autoptr(SzTable) table = NULL;

      if (found < 0 && hidden[i])
        continue;
      n_visible++;
      table = read_sheet (handle, i, agree ? sheets->cells->pdata[i] : NULL,
                          agree ? sheets->dates->pdata[i] : NULL, sheets->date1904, who, error);
      if (table == NULL)
        return NULL;
      if (sz_table_get_n_all_rows (table) > 0)
        {
          sz_table_set_sheets (table, names[i], (const char * const *) names);
          return g_steal_pointer (&table);
        }
      if (found >= 0)
        {
          found = i;
          break;
        }
      found = -1 - (int) i;   /* the last empty one, for the message */
    }
  if (n_visible == 1)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: the sheet's name, then the file's name, quoted */
                 _("The sheet “%s” of %s has no cells: choose another sheet, or check that it is the right file."),
                 names[found >= 0 ? found : -1 - found], who);
  else
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: %s is the file's name, quoted */
                 _("%s has no cells in any of its visible sheets: check that it is the right file."),
                 who);
  return NULL;
}

/* Writes @len bytes to a new private (0600) temporary file: its path. */
static char *
write_temporary (const guchar  *data,
                 gsize          len,
                 GError       **error)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize done = 0;
  int fd;

  /* g_file_open_tmp() creates the file 0600. */
  fd = g_file_open_tmp ("sanzhang-XXXXXX.xls", &path, error);
  if (fd < 0)
    return NULL;
  while (done < len)
    {
      gssize n = write (fd, data + done, len - done);

      if (n < 0 && errno == EINTR)
        continue;
      if (n <= 0)
        {
          int saved_errno = errno;

          g_set_error (&local_error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       /* Translators: the temporary file's path, then why
                        * it could not be written */
                       _("Cannot write “%s”: %s"), path, g_strerror (saved_errno));
          break;
        }
      done += n;
    }
  if (!g_close (fd, local_error == NULL ? &local_error : NULL) || local_error != NULL)
    {
      g_unlink (path);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&path);
}

/* Checks the workbook, then has freexl read a private copy of it (with
 * the date formats zeroed, see _sz_xls_walk_workbook()); @who names it in
 * messages. */
static SzTable *
read_xls (GBytes      *bytes,
          const char  *who,
          const char  *sheet,
          GError     **error)
{
  Sheets sheets = { 0 };
  const void *handle = NULL;
  g_autofree char *path = NULL;
  g_autofree guchar *copy = NULL;
  SzTable *table = NULL;
  const guchar *data;
  gsize len;
  XlsKind kind;
  int rc;

  data = g_bytes_get_data (bytes, &len);
  kind = _sz_xls_freexl_would_trip (data, len) ? XLS_DAMAGED
                                                : _sz_xls_walk_workbook (data, len, &sheets);
  switch (kind)
    {
    case XLS_WORKBOOK:
      copy = g_memdup2 (data, len);
      for (guint i = 0; i < sheets.patch->len; i++)
        copy[g_array_index (sheets.patch, gsize, i)] = 0;
      path = write_temporary (copy, len, error);
      if (path == NULL)
        break;
      rc = freexl_open (path, &handle);
      /* freexl 1.0.6 may say FREEXL_OK without a handle. */
      if (rc == FREEXL_OK && handle != NULL)
        table = read_book (handle, &sheets, who, sheet, error);
      else if (rc == FREEXL_INSUFFICIENT_MEMORY)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is too large to read: check that it is the right file."),
                     who);
      else
        {
          g_debug ("xls: freexl_open: %d", rc);
          set_damaged (error, who);
        }
      /* freexl wants its handle closed even when opening failed. */
      if (handle != NULL)
        freexl_close (handle);
      g_unlink (path);
      break;
    case XLS_PASSWORD:
      set_password (error, who);
      break;
    case XLS_CHART:
      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                   /* Translators: %s is the file's name, quoted */
                   _("%s has a chart, which cannot be read from an .xls file: open it in WPS or Excel and save it as .xlsx."),
                   who);
      break;
    case XLS_OTHER:
      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                   /* Translators: %s is the file's name, quoted */
                   _("%s is an Office document but not a workbook: choose the roster's .xlsx, .xls or .csv file."),
                   who);
      break;
    case XLS_DAMAGED:
    default:
      set_damaged (error, who);
      break;
    }
  _sz_xls_sheets_clear (&sheets);
  return table;
}

SzTable *
sz_xls_read_file (const char  *path,
                  const char  *sheet,
                  GError     **error)
{
  g_autofree char *who = NULL;
  g_autoptr(GBytes) bytes = NULL;
  char *contents = NULL;
  gsize len = 0;
  GStatBuf st;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  who = sz_table_quote_file_name (path);
  if (g_stat (path, &st) == 0 && st.st_size > SZ_TABLE_MAX_FILE_SIZE)
    {
      set_too_large (error, who, st.st_size);
      return NULL;
    }
  /* G_FILE_ERROR, with the path in its message */
  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  bytes = g_bytes_new_take (contents, len);
  return read_xls (bytes, who, sheet, error);
}

SzTable *
sz_xls_parse (GBytes      *data,
              const char  *file_name,
              const char  *sheet,
              GError     **error)
{
  g_autofree char *who = NULL;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  who = sz_table_quote_file_name (file_name);
  if (g_bytes_get_size (data) > SZ_TABLE_MAX_FILE_SIZE)
    {
      set_too_large (error, who, g_bytes_get_size (data));
      return NULL;
    }
  return read_xls (data, who, sheet, error);
}
