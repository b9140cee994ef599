/* sz-export-write.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include "sz-export-table.h"
#include "sz-safe-file.h"

/* Writing an SzExport: .xlsx through libxlsxwriter, CSV by hand.  Both go
 * to a 0600 temporary file beside the target (sz-safe-file.h) that is
 * renamed into place only when complete. */

/* Excel keeps 32,767 characters in a cell. */
#define XLSX_MAX_CELL_CHARS 32000
#define XLSX_MAX_WIDTH 60.0

gboolean
sz_export_format_from_path (const char     *path,
                            SzExportFormat *format)
{
  g_autofree char *lower = NULL;

  g_return_val_if_fail (path != NULL, FALSE);

  lower = g_ascii_strdown (path, -1);
  if (g_str_has_suffix (lower, ".xlsx"))
    *format = SZ_EXPORT_XLSX;
  else if (g_str_has_suffix (lower, ".csv") || g_str_has_suffix (lower, ".txt"))
    *format = SZ_EXPORT_CSV;
  else
    return FALSE;
  return TRUE;
}

static void
set_write_error (GError     **error,
                 GError      *cause,
                 const char  *path)
{
  if (g_error_matches (cause, G_IO_ERROR, G_IO_ERROR_NO_SPACE))
    g_set_error_literal (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FULL, cause->message);
  else
    g_set_error_literal (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FAILED, cause->message);
}

/* ---- .xlsx ------------------------------------------------------------------ */

/* Columns as Excel counts them (about one per Latin character, two per
 * hanzi), for the widths. */
static double
display_width (const char *text)
{
  double w = 0, line = 0;

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == '\n')
        {
          w = MAX (w, line);
          line = 0;
          continue;
        }
      line += g_unichar_iswide (c) ? 2.1 : 1.1;
    }
  return MAX (w, line);
}

static gboolean
whole_number (const char *text,
              double     *value)
{
  char *end = NULL;
  gint64 v;

  /* Digits only: "+1", "-1", "007" stay text, as typed. */
  if (*text == '\0' || strlen (text) > 15 || (text[0] == '0' && text[1] != '\0'))
    return FALSE;
  for (const char *p = text; *p; p++)
    if (!g_ascii_isdigit (*p))
      return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (end == text || *end != '\0')
    return FALSE;
  *value = (double) v;
  return TRUE;
}

static char *
xlsx_text (const char *text)
{
  if (g_utf8_strlen (text, -1) <= XLSX_MAX_CELL_CHARS)
    return g_strdup (text);
  /* Only a history of thousands of entries gets here: keep its start. */
  return g_utf8_substring (text, 0, XLSX_MAX_CELL_CHARS);
}

static lxw_error
write_sheet (lxw_workbook  *wb,
             SzExportTable *t,
             lxw_format    *header,
             lxw_format    *text,
             lxw_format    *wrap,
             lxw_format    *number)
{
  lxw_worksheet *ws = workbook_add_worksheet (wb, sz_export_table_get_name (t));
  guint n_cols = sz_export_table_get_n_columns (t);
  guint n_rows = sz_export_table_get_n_rows (t);
  lxw_error err;

  if (ws == NULL)
    return LXW_ERROR_MEMORY_MALLOC_FAILED;
  for (guint c = 0; c < n_cols; c++)
    {
      SzExportColumnKind kind = sz_export_table_get_kind (t, c);
      double width = display_width (sz_export_table_get_header (t, c)) + 2;

      for (guint r = 0; r < n_rows && r < 2000; r++)
        width = MAX (width, display_width (sz_export_table_get (t, r, c)) + 1);
      width = MIN (width, kind == SZ_EXPORT_COLUMN_LONG_TEXT ? XLSX_MAX_WIDTH : XLSX_MAX_WIDTH / 2);
      /* A text column stays text when someone types into it later. */
      err = worksheet_set_column (ws, c, c, MAX (width, 6),
                                  kind == SZ_EXPORT_COLUMN_NUMBER ? number
                                  : kind == SZ_EXPORT_COLUMN_LONG_TEXT ? wrap : text);
      if (err != LXW_NO_ERROR)
        return err;
      err = worksheet_write_string (ws, 0, c, sz_export_table_get_header (t, c), header);
      if (err != LXW_NO_ERROR)
        return err;
    }
  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_cols; c++)
      {
        const char *cell = sz_export_table_get (t, r, c);
        SzExportColumnKind kind = sz_export_table_get_kind (t, c);
        double value;

        if (*cell == '\0')
          continue;
        if (kind == SZ_EXPORT_COLUMN_NUMBER && whole_number (cell, &value))
          err = worksheet_write_number (ws, r + 1, c, value, number);
        else
          {
            g_autofree char *s = xlsx_text (cell);

            /* A string cell, never a formula, whatever it starts with;
             * the text format keeps it so when edited. */
            err = worksheet_write_string (ws, r + 1, c, s, kind == SZ_EXPORT_COLUMN_LONG_TEXT ? wrap : text);
          }
        if (err != LXW_NO_ERROR)
          return err;
      }
  worksheet_freeze_panes (ws, 1, 0);
  if (n_rows > 0)
    worksheet_autofilter (ws, 0, 0, n_rows, n_cols - 1);
  return LXW_NO_ERROR;
}

static gboolean
write_xlsx (SzExport    *export,
            const char  *temp,
            GError     **error)
{
  lxw_workbook *wb = workbook_new (temp);
  lxw_format *header, *text, *wrap, *number;
  lxw_error err = LXW_NO_ERROR;

  if (wb == NULL)
    {
      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FAILED,
                   /* Translators: %s is the library's reason */
                   _("The spreadsheet could not be started: %s"), g_strerror (errno));
      return FALSE;
    }
  header = workbook_add_format (wb);
  format_set_bold (header);
  format_set_num_format (header, "@");
  format_set_bg_color (header, 0xDDEBF7);
  format_set_border (header, LXW_BORDER_THIN);
  text = workbook_add_format (wb);
  format_set_num_format (text, "@");
  wrap = workbook_add_format (wb);
  format_set_num_format (wrap, "@");
  format_set_text_wrap (wrap);
  format_set_align (wrap, LXW_ALIGN_VERTICAL_TOP);
  number = workbook_add_format (wb);
  format_set_num_format (number, "0");

  for (guint i = 0; i < sz_export_get_n_tables (export) && err == LXW_NO_ERROR; i++)
    err = write_sheet (wb, sz_export_get_table (export, i), header, text, wrap, number);
  {
    /* Close writes the file: always, to free the workbook. */
    int saved_errno;
    lxw_error close_err;

    errno = 0;
    close_err = workbook_close (wb);
    saved_errno = errno;
    if (err == LXW_NO_ERROR)
      err = close_err;
    if (err != LXW_NO_ERROR)
      {
        if (saved_errno == ENOSPC || saved_errno == EDQUOT)
          g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FULL,
                       _("The disk is full: the spreadsheet could not be written. Nothing was replaced; "
                         "free some space and try again."));
        else
          g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FAILED,
                       /* Translators: %s is the library's reason */
                       _("The spreadsheet could not be written: %s"), lxw_strerror (err));
        return FALSE;
      }
  }
  return TRUE;
}

/* ---- CSV -------------------------------------------------------------------- */

static void
append_field (GString    *out,
              const char *cell,
              gboolean    number)
{
  g_autofree char *neutral = number ? NULL : sz_export_neutralise (cell);
  const char *text = neutral ? neutral : cell;
  gboolean quote = neutral != NULL || strpbrk (text, ",\"\r\n") != NULL;

  if (!quote)
    {
      g_string_append (out, text);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = text; *p; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* The first character of @text that @charset cannot hold. */
static char *
unencodable (const char *text,
             const char *charset)
{
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      g_autofree char *one = g_utf8_substring (p, 0, 1);
      g_autofree char *converted = g_convert (one, -1, charset, "UTF-8", NULL, NULL, NULL);

      if (converted == NULL)
        return g_steal_pointer (&one);
    }
  return g_strdup ("?");
}

static gboolean
encode_cell (GString     *out,
             const char  *field,
             const char  *charset,
             SzExportTable *t,
             guint        row,
             guint        column,
             GError     **error)
{
  gsize len = 0;
  g_autofree char *converted = NULL;

  if (charset == NULL)
    {
      g_string_append (out, field);
      return TRUE;
    }
  converted = g_convert (field, -1, charset, "UTF-8", NULL, &len, NULL);
  if (converted == NULL)
    {
      g_autofree char *bad = unencodable (field, charset);
      const char *cell = sz_export_table_get (t, row, column);

      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_ENCODING,
                   /* Translators: the cell's text, its row, its column's header, the character, then the
                      encoding ("GBK") */
                   _("“%s” (row %u, column %s) has a character %s cannot hold: %s. Export as UTF-8 (the "
                     "default), GB18030 or .xlsx, which hold every character."),
                   cell, row + 2, sz_export_table_get_header (t, column), charset, bad);
      return FALSE;
    }
  g_string_append_len (out, converted, len);
  return TRUE;
}

static gboolean
write_csv (SzExport    *export,
           const char  *temp,
           const char  *charset,
           GError     **error)
{
  SzExportTable *t = sz_export_get_table (export, 0);
  guint n_cols = sz_export_table_get_n_columns (t);
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GString) field = g_string_new (NULL);

  if (charset == NULL)
    g_string_append (out, "\xEF\xBB\xBF");
  for (int r = -1; r < (int) sz_export_table_get_n_rows (t); r++)
    {
      for (guint c = 0; c < n_cols; c++)
        {
          const char *cell = r < 0 ? sz_export_table_get_header (t, c) : sz_export_table_get (t, r, c);
          double value;
          gboolean number = r >= 0 && sz_export_table_get_kind (t, c) == SZ_EXPORT_COLUMN_NUMBER
                            && whole_number (cell, &value);

          if (c > 0)
            g_string_append_c (out, ',');
          g_string_truncate (field, 0);
          append_field (field, cell, number);
          if (!encode_cell (out, field->str, charset, t, MAX (r, 0), c, error))
            return FALSE;
        }
      g_string_append (out, "\r\n");
    }

  {
    int fd = g_open (temp, O_WRONLY | O_TRUNC | O_CLOEXEC, 0);
    gsize done = 0;

    if (fd < 0)
      goto failed;
    while (done < out->len)
      {
        gssize w = write (fd, out->str + done, out->len - done);

        if (w < 0 && errno == EINTR)
          continue;
        if (w < 0)
          {
            int saved = errno;

            close (fd);
            errno = saved;
            goto failed;
          }
        done += w;
      }
    if (close (fd) != 0)
      goto failed;
  }
  return TRUE;

failed:
  {
    int saved = errno;

    if (saved == ENOSPC || saved == EDQUOT)
      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FULL,
                   _("The disk is full: the file could not be written. Nothing was replaced; "
                     "free some space and try again."));
    else
      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FAILED,
                   /* Translators: %s is the system's reason */
                   _("The file could not be written: %s"), g_strerror (saved));
  }
  return FALSE;
}

/* "GBK", "GB18030", or NULL for UTF-8; FALSE for anything else. */
static gboolean
csv_charset (const char  *encoding,
             const char **charset,
             GError     **error)
{
  g_autofree char *lower = encoding ? g_ascii_strdown (encoding, -1) : NULL;

  if (lower == NULL || g_str_equal (lower, "utf-8") || g_str_equal (lower, "utf8"))
    *charset = NULL;
  else if (g_str_equal (lower, "gbk") || g_str_equal (lower, "cp936"))
    *charset = "GBK";
  else if (g_str_equal (lower, "gb18030"))
    *charset = "GB18030";
  else
    {
      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FORMAT,
                   /* Translators: %s is what was asked for */
                   _("“%s” is not an encoding the export writes: use UTF-8 (the default), GBK or GB18030."),
                   encoding);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_export_write (SzExport        *export,
                 const char      *path,
                 SzExportFormat   format,
                 const char      *encoding,
                 GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *dir = NULL;
  const char *charset = NULL;
  gboolean ok;

  g_return_val_if_fail (export != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (sz_export_get_n_tables (export) > 0, FALSE);

  if (format == SZ_EXPORT_CSV && !csv_charset (encoding, &charset, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FAILED,
                   /* Translators: %s is a folder */
                   _("“%s” is a folder: give the name of the file to write."), display);
      return FALSE;
    }

  /* An earlier export killed half-way left its temporary file here. */
  dir = g_path_get_dirname (path);
  sz_safe_file_clean_stale (dir);
  temp = sz_safe_file_create_temp (path, NULL, &local_error);
  if (temp == NULL)
    {
      set_write_error (error, local_error, path);
      return FALSE;
    }
  ok = format == SZ_EXPORT_XLSX ? write_xlsx (export, temp, error) : write_csv (export, temp, charset, error);
  if (!ok)
    {
      sz_safe_file_discard (temp);
      return FALSE;
    }
  if (!sz_safe_file_commit (temp, path, sz_export_is_personal (export) ? SZ_SAFE_FILE_PRIVATE : SZ_SAFE_FILE_DEFAULT,
                            &local_error))
    {
      set_write_error (error, local_error, path);
      return FALSE;
    }
  return TRUE;
}

char *
sz_export_describe (SzExport       *export,
                    const char     *path,
                    SzExportFormat  format)
{
  g_autoptr(GString) s = g_string_new (NULL);
  SzExportTable *first;
  guint rows;

  g_return_val_if_fail (export != NULL, NULL);

  first = sz_export_get_table (export, 0);
  rows = sz_export_table_get_n_rows (first);
  g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE,
                                          /* Translators: what was exported ("the roster"), rows, then the file */
                                          "Wrote %s, %u row, to %s.", "Wrote %s, %u rows, to %s.", rows),
                          sz_export_get_title (export), rows, path);
  if (format == SZ_EXPORT_XLSX)
    for (guint i = 1; i < sz_export_get_n_tables (export); i++)
      {
        SzExportTable *t = sz_export_get_table (export, i);
        guint n = sz_export_table_get_n_rows (t);

        g_string_append_c (s, ' ');
        /* Translators: a sheet's name, then its rows */
        g_string_append_printf (s, g_dngettext (GETTEXT_PACKAGE, "Sheet “%s”: %u row.", "Sheet “%s”: %u rows.", n),
                                sz_export_table_get_name (t), n);
      }
  else if (sz_export_get_n_tables (export) > 1)
    {
      g_string_append_c (s, ' ');
      /* Translators: a sheet's name */
      g_string_append_printf (s, _("A CSV file holds one table: “%s” is written to .xlsx only."),
                              sz_export_table_get_name (sz_export_get_table (export, 1)));
    }
  if (sz_export_is_personal (export))
    {
      g_string_append_c (s, ' ');
      if (sz_export_has_full_phones (export))
        g_string_append (s, _("The file holds personal data: names and full phone numbers. It was created "
                              "readable by you only; keep it safe and delete it when it is no longer needed."));
      else
        g_string_append (s, _("The file holds personal data: names (phones are masked). It was created "
                              "readable by you only; keep it safe and delete it when it is no longer needed."));
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}
