/* sz-export-table.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-export-table.h"

/* The tables an export is made of: plain strings in rows. */

G_DEFINE_QUARK (sz-export-error-quark, sz_export_error)

typedef struct
{
  char               *header;
  SzExportColumnKind  kind;
} Column;

struct _SzExportTable
{
  char      *name;
  GArray    *columns;   /* Column */
  GPtrArray *rows;      /* char ** of n_columns, NULL for empty */
};

struct _SzExport
{
  char      *title;
  GPtrArray *tables;
  gboolean   names;
  gboolean   full_phones;
};

static void
column_clear (gpointer data)
{
  Column *c = data;

  g_free (c->header);
}

static void
row_free (gpointer data)
{
  g_strfreev (data);
}

SzExportTable *
sz_export_table_new (const char *name)
{
  SzExportTable *t = g_new0 (SzExportTable, 1);

  g_return_val_if_fail (name != NULL, NULL);

  t->name = g_strdup (name);
  t->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (t->columns, column_clear);
  t->rows = g_ptr_array_new_with_free_func (row_free);
  return t;
}

void
sz_export_table_free (SzExportTable *table)
{
  if (table == NULL)
    return;
  g_free (table->name);
  g_array_unref (table->columns);
  g_ptr_array_unref (table->rows);
  g_free (table);
}

guint
sz_export_table_add_column (SzExportTable      *table,
                            const char         *header,
                            SzExportColumnKind  kind)
{
  Column c = { g_strdup (header), kind };

  g_return_val_if_fail (table != NULL, 0);
  g_return_val_if_fail (table->rows->len == 0, 0);

  g_array_append_val (table->columns, c);
  return table->columns->len - 1;
}

void
sz_export_table_add_row (SzExportTable *table)
{
  g_return_if_fail (table != NULL);
  /* g_strfreev stops at the first NULL: empty cells are "" until set. */
  {
    char **row = g_new0 (char *, table->columns->len + 1);

    for (guint c = 0; c < table->columns->len; c++)
      row[c] = g_strdup ("");
    g_ptr_array_add (table->rows, row);
  }
}

void
sz_export_table_take (SzExportTable *table,
                      guint          column,
                      char          *text)
{
  char **row;

  g_return_if_fail (table != NULL);
  g_return_if_fail (table->rows->len > 0);
  g_return_if_fail (column < table->columns->len);

  row = table->rows->pdata[table->rows->len - 1];
  g_free (row[column]);
  row[column] = text != NULL ? text : g_strdup ("");
}

void
sz_export_table_set (SzExportTable *table,
                     guint          column,
                     const char    *text)
{
  sz_export_table_take (table, column, g_strdup (text));
}

const char *
sz_export_table_get_name (SzExportTable *table)
{
  g_return_val_if_fail (table != NULL, NULL);
  return table->name;
}

guint
sz_export_table_get_n_columns (SzExportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->columns->len;
}

const char *
sz_export_table_get_header (SzExportTable *table,
                            guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return g_array_index (table->columns, Column, column).header;
}

SzExportColumnKind
sz_export_table_get_kind (SzExportTable *table,
                          guint          column)
{
  g_return_val_if_fail (table != NULL, SZ_EXPORT_COLUMN_TEXT);
  g_return_val_if_fail (column < table->columns->len, SZ_EXPORT_COLUMN_TEXT);
  return g_array_index (table->columns, Column, column).kind;
}

guint
sz_export_table_get_n_rows (SzExportTable *table)
{
  g_return_val_if_fail (table != NULL, 0);
  return table->rows->len;
}

const char *
sz_export_table_get (SzExportTable *table,
                     guint          row,
                     guint          column)
{
  g_return_val_if_fail (table != NULL, NULL);
  g_return_val_if_fail (row < table->rows->len, NULL);
  g_return_val_if_fail (column < table->columns->len, NULL);
  return ((char **) table->rows->pdata[row])[column];
}

/* ---- The export ------------------------------------------------------------ */

SzExport *
sz_export_new (const char *title)
{
  SzExport *e = g_new0 (SzExport, 1);

  e->title = g_strdup (title);
  e->tables = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_export_table_free);
  return e;
}

void
sz_export_free (SzExport *export)
{
  if (export == NULL)
    return;
  g_free (export->title);
  g_ptr_array_unref (export->tables);
  g_free (export);
}

void
sz_export_add_table (SzExport      *export,
                     SzExportTable *table)
{
  g_return_if_fail (export != NULL);
  g_return_if_fail (table != NULL);
  g_ptr_array_add (export->tables, table);
}

guint
sz_export_get_n_tables (SzExport *export)
{
  g_return_val_if_fail (export != NULL, 0);
  return export->tables->len;
}

SzExportTable *
sz_export_get_table (SzExport *export,
                     guint     index)
{
  g_return_val_if_fail (export != NULL, NULL);
  g_return_val_if_fail (index < export->tables->len, NULL);
  return export->tables->pdata[index];
}

const char *
sz_export_get_title (SzExport *export)
{
  g_return_val_if_fail (export != NULL, NULL);
  return export->title;
}

void
sz_export_set_personal (SzExport *export,
                        gboolean  names,
                        gboolean  full_phones)
{
  g_return_if_fail (export != NULL);
  export->names = names;
  export->full_phones = full_phones;
}

gboolean
sz_export_is_personal (SzExport *export)
{
  g_return_val_if_fail (export != NULL, FALSE);
  return export->names || export->full_phones;
}

gboolean
sz_export_has_full_phones (SzExport *export)
{
  g_return_val_if_fail (export != NULL, FALSE);
  return export->full_phones;
}

char *
sz_export_neutralise (const char *text)
{
  if (text == NULL || strchr ("=+-@\t\r", text[0]) == NULL || text[0] == '\0')
    return NULL;
  return g_strconcat ("'", text, NULL);
}
