/* sz-xlsx.c: an .xlsx workbook, its sheets, and choosing the one to read.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-xlsx-private.h"

static void
sheet_free (gpointer data)
{
  Sheet *s = data;

  g_free (s->name);
  g_free (s->part);
  g_free (s->rel_id);
  g_free (s);
}

/* The workbook: its sheets and its date system. */

static void XMLCALL
workbook_start (void            *data,
                const XML_Char  *name,
                const XML_Char **attrs)
{
  Ctx *ctx = data;
  Book *book = ((BookCtx *) data)->book;
  const char *local = _sz_xlsx_local_name (name);
  Kind parent = _sz_xlsx_ctx_parent (ctx);

  if (parent == K_ROOT || parent == K_OTHER)
    {
      /* Only the workbook's own children: an <extLst> may hold anything. */
      if (ctx->depth == 1 && strcmp (local, "sheets") == 0)
        {
          _sz_xlsx_ctx_push (ctx, K_SHEETS);
          return;
        }
      if (ctx->depth == 1 && strcmp (local, "workbookPr") == 0)
        book->date1904 = _sz_xlsx_is_true (_sz_xlsx_get_attr (attrs, "date1904", FALSE));
    }
  else if (parent == K_SHEETS && strcmp (local, "sheet") == 0)
    {
      const char *sheet_name = _sz_xlsx_get_attr (attrs, "name", FALSE);
      const char *state = _sz_xlsx_get_attr (attrs, "state", FALSE);
      const char *id = _sz_xlsx_get_attr (attrs, "id", TRUE);

      if (sheet_name != NULL)
        {
          Sheet *s = g_new0 (Sheet, 1);

          s->name = g_strdup (sheet_name);
          s->rel_id = g_strdup (id);
          s->hidden = state != NULL && (strcmp (state, "hidden") == 0 || strcmp (state, "veryHidden") == 0);
          g_ptr_array_add (book->sheets, s);
        }
    }
  _sz_xlsx_ctx_push (ctx, K_OTHER);
}

/* The workbook */

static gboolean
read_workbook (Book        *book,
               GError     **error)
{
  RelsCtx root = { { 0 } }, rels = { { 0 } };
  g_autofree char *workbook = NULL;
  BookCtx bc = { { 0 }, book };
  zip_int64_t index;
  gboolean ok = FALSE;

  /* The package's relationships name the workbook part; every writer
   * calls it xl/workbook.xml, which is what we try without them. */
  if (!_sz_xlsx_read_rels (book, "", &root, error))
    goto out;
  workbook = g_strdup (root.office_document != NULL ? root.office_document : "xl/workbook.xml");
  index = _sz_xlsx_find_part (book, workbook);
  if (index < 0 && root.office_document != NULL)
    index = _sz_xlsx_find_part (book, "xl/workbook.xml");
  if (index < 0)
    {
      if (_sz_xlsx_find_part (book, "xl/workbook.bin") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is an Excel binary workbook (.xlsb): open it in WPS or Excel and save it as .xlsx."),
                     book->who);
      else if (_sz_xlsx_find_part (book, "mimetype") >= 0 || _sz_xlsx_find_part (book, "content.xml") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is an OpenDocument file (.ods), not an Excel workbook: open it in WPS or LibreOffice and save it as .xlsx."),
                     book->who);
      else if (_sz_xlsx_find_part (book, "word/document.xml") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is a Word document, not a spreadsheet: choose the roster's .xlsx, .xls or .csv file."),
                     book->who);
      else
        _sz_xlsx_set_damaged (error, book->who);
      goto out;
    }

  if (!_sz_xlsx_read_part (book, index, &bc.ctx, workbook_start, _sz_xlsx_any_end, error))
    goto out;
  if (book->sheets->len == 0)
    {
      _sz_xlsx_set_damaged (error, book->who);
      goto out;
    }

  if (!_sz_xlsx_read_rels (book, workbook, &rels, error))
    goto out;
  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);
      const char *part = s->rel_id != NULL ? g_hash_table_lookup (rels.targets, s->rel_id) : NULL;

      s->part = g_strdup (part);
    }
  if (!_sz_xlsx_read_styles (book, rels.styles, error) || !_sz_xlsx_read_shared_strings (book, rels.shared_strings, error))
    goto out;
  ok = TRUE;

out:
  _sz_xlsx_rels_clear (&root);
  _sz_xlsx_rels_clear (&rels);
  return ok;
}

/* Whether @s is the sheet @name asks for: its exact name, else the same
 * without regard to case (Excel's sheet names are unique that way) when
 * no sheet has the exact name. */
static gboolean
sheet_name_equal (Book       *book,
                  Sheet      *s,
                  const char *name)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (strcmp (s->name, name) == 0)
    return TRUE;
  for (guint i = 0; i < book->sheets->len; i++)
    if (strcmp (((Sheet *) g_ptr_array_index (book->sheets, i))->name, name) == 0)
      return FALSE;
  fa = g_utf8_casefold (s->name, -1);
  fb = g_utf8_casefold (name, -1);
  return strcmp (fa, fb) == 0;
}

static char *
join_sheet_names (Book *book)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);

      if (i > 0)
        /* Translators: separates the sheet names in a list */
        g_string_append (list, _(", "));
      /* Translators: how a sheet's name is quoted in a list of them */
      g_string_append_printf (list, _("“%s”"), s->name);
    }
  return g_string_free (list, FALSE);
}

static SzTable *
choose_sheet (Book        *book,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  Sheet *first_visible = NULL;
  guint n_visible = 0;

  for (guint i = 0; i < book->sheets->len; i++)
    g_ptr_array_add (names, ((Sheet *) g_ptr_array_index (book->sheets, i))->name);
  g_ptr_array_add (names, NULL);

  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);
      g_autoptr(SzTable) table = NULL;

      if (name != NULL ? !sheet_name_equal (book, s, name) : s->hidden)
        continue;
      n_visible++;
      if (first_visible == NULL)
        first_visible = s;
      table = _sz_xlsx_read_sheet (book, s, error);
      if (table == NULL)
        return NULL;
      if (sz_table_get_n_all_rows (table) > 0)
        {
          sz_table_set_sheets (table, s->name, (const char * const *) names->pdata);
          return g_steal_pointer (&table);
        }
      if (name != NULL)
        break;
    }

  if (name != NULL && first_visible == NULL)
    {
      g_autofree char *list = join_sheet_names (book);

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_NO_SHEET,
                   /* Translators: the file's name, quoted; the sheet asked
                    * for; then the list of the workbook's sheets */
                   _("%s has no sheet named “%s”. Its sheets are: %s."),
                   book->who, name, list);
    }
  else if (n_visible == 1)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: the sheet's name, then the file's name, quoted */
                 _("The sheet “%s” of %s has no cells: choose another sheet, or check that it is the right file."),
                 first_visible->name, book->who);
  else
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: %s is the file's name, quoted */
                 _("%s has no cells in any of its visible sheets: check that it is the right file."),
                 book->who);
  return NULL;
}

SzTable *
sz_xlsx_parse (GBytes      *data,
               const char  *file_name,
               const char  *sheet,
               GError     **error)
{
  g_autofree char *who = NULL;
  zip_source_t *source;
  zip_error_t zerror;
  Book book = { 0 };
  SzTable *table = NULL;
  gconstpointer bytes;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  who = sz_table_quote_file_name (file_name);
  bytes = g_bytes_get_data (data, &len);
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

  zip_error_init (&zerror);
  /* libzip reads the bytes in place: @data outlives the archive. */
  source = zip_source_buffer_create (len > 0 ? bytes : "", len, 0, &zerror);
  if (source != NULL)
    book.zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
  if (book.zip == NULL)
    {
      g_debug ("xlsx: not a zip: %s", zip_error_strerror (&zerror));
      if (source != NULL)
        zip_source_free (source);
      zip_error_fini (&zerror);
      _sz_xlsx_set_damaged (error, who);
      return NULL;
    }
  zip_error_fini (&zerror);

  book.who = who;
  book.sheets = g_ptr_array_new_with_free_func (sheet_free);
  book.strings = g_string_chunk_new (64 * 1024);
  book.sst = g_ptr_array_new ();
  book.xf_kinds = g_byte_array_new ();

  if (read_workbook (&book, error))
    table = choose_sheet (&book, sheet, error);

  zip_discard (book.zip);
  g_ptr_array_unref (book.sheets);
  g_string_chunk_free (book.strings);
  g_ptr_array_unref (book.sst);
  g_byte_array_unref (book.xf_kinds);
  return table;
}
