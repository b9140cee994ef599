/* sz-xlsx-sheet.c: a worksheet of an .xlsx file, read into a table.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "sz-xlsx-private.h"

/* A worksheet's cells, straight into the table. */

typedef struct
{
  gint64  day;               /* + 1: 0 is an empty slot */
  char    text[16];
} DateCache;

typedef struct
{
  Ctx         ctx;
  Book       *book;
  SzTable    *table;
  const char *sheet;
  guint       last_row;      /* the number of the row before this one */
  guint       row;           /* this row's; 0 until known */
  gboolean    row_begun;
  int         column;        /* of the cell being read; -1 before the first */
  char        type;          /* of the cell: its t="" attribute's first letter */
  char        type2;         /* and its second, for "s"/"str" */
  guint       style;
  GString    *value;
  DateCache   dates[256];
} SheetCtx;

/* "B5" → column 1, row 5 (0 when the reference has no digits). */
static gboolean
parse_ref (const char *ref,
           guint      *column,
           guint      *row)
{
  const char *p = ref;
  guint c = 0, r = 0;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  if (p == ref)
    return FALSE;
  if (*p != '\0' && !_sz_xlsx_parse_uint (p, MAX_ROWS, &r))
    return FALSE;
  if (*p != '\0' && r == 0)
    return FALSE;
  *column = c - 1;
  *row = r;
  return TRUE;
}

static void
sheet_fail (SheetCtx *sc)
{
  GError *error = NULL;

  _sz_xlsx_set_sheet_damaged (&error, sc->book->who, sc->sheet);
  _sz_xlsx_ctx_fail (&sc->ctx, error);
}

static void
sheet_cell_start (SheetCtx        *sc,
                  const XML_Char **attrs)
{
  const char *ref = NULL, *type = NULL, *style = NULL;
  guint column, row;

  /* One pass: this runs for every cell. */
  for (guint i = 0; attrs[i] != NULL; i += 2)
    if (attrs[i][0] != '\0' && attrs[i][1] == '\0')
      switch (attrs[i][0])
        {
        case 'r':
          ref = attrs[i + 1];
          break;
        case 't':
          type = attrs[i + 1];
          break;
        case 's':
          style = attrs[i + 1];
          break;
        default:
          break;
        }
  if (ref != NULL)
    {
      if (!parse_ref (ref, &column, &row))
        {
          sheet_fail (sc);
          return;
        }
      /* A row without r="" takes its number from its cells. */
      if (sc->row == 0 && row != 0)
        {
          if (row <= sc->last_row)
            {
              sheet_fail (sc);
              return;
            }
          sc->row = row;
        }
      sc->column = column;
    }
  else if (++sc->column >= MAX_COLUMNS)
    {
      sheet_fail (sc);
      return;
    }
  sc->type = type != NULL ? type[0] : 'n';
  sc->type2 = type != NULL && type[0] != '\0' ? type[1] : '\0';
  if (!_sz_xlsx_parse_uint (style, G_MAXINT, &sc->style))
    sc->style = 0;
  g_string_truncate (sc->value, 0);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (!(g_ascii_isdigit (*text) || *text == '-' || *text == '+' || *text == '.'))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* "2024-03-01" or "2024-03-01T08:30:00(Z)" of a t="d" cell */
static char *
parse_iso_date (const char *text)
{
  guint y, m, d, hh = 0, mm = 0, ss = 0;
  int n = 0;

  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 || n != 10 || !g_date_valid_dmy (d, m, y))
    return NULL;
  if (text[10] == 'T' && sscanf (text + 11, "%2u:%2u:%2u", &hh, &mm, &ss) >= 2 && hh < 24 && mm < 60 && ss < 60
      && (hh | mm | ss) != 0)
    return g_strdup_printf ("%04u-%02u-%02u %02u:%02u:%02u", y, m, d, hh, mm, ss);
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* A whole number below 10^15 as sz_table_format_number() writes it: no
 * sign but a minus, no leading zero, no "-0". */
static gboolean
is_plain_integer (const char *text)
{
  const char *digits = text[0] == '-' ? text + 1 : text;
  gsize n = 0;

  if (digits[0] == '0')
    return digits[1] == '\0' && digits == text;
  for (; g_ascii_isdigit (digits[n]); n++)
    ;
  return n > 0 && n <= 15 && digits[n] == '\0';
}

/* sz_table_format_serial_date(), remembering whole days: a roster's
 * dates repeat, and making one costs two GDateTimes. */
static char *
format_date (SheetCtx *sc,
             double    serial)
{
  gint64 day;
  DateCache *slot;
  char *text;

  if (serial != floor (serial) || serial < 0 || serial > 3e6)
    return sz_table_format_serial_date (serial, sc->book->date1904);
  day = (gint64) serial;
  slot = &sc->dates[day % G_N_ELEMENTS (sc->dates)];
  if (slot->day == day + 1)
    return g_strdup (slot->text);
  text = sz_table_format_serial_date (serial, sc->book->date1904);
  if (text != NULL && strlen (text) < sizeof slot->text)
    {
      slot->day = day + 1;
      strcpy (slot->text, text);
    }
  return text;
}

static void
sheet_cell_end (SheetCtx *sc)
{
  Book *book = sc->book;
  g_autofree char *owned = NULL;
  const char *text = sc->value->str;
  SzCellKind kind = SZ_CELL_TEXT;
  Format format;
  guint index;
  double number;

  /* expat may still end the element whose start stopped the parse */
  if (sc->ctx.error != NULL || sc->column < 0)
    return;

  switch (sc->type)
    {
    case 's':
      if (sc->type2 == '\0')   /* "s": a shared string */
        {
          g_strstrip (sc->value->str);
          if (sc->value->str[0] == '\0')
            return;
          if (!_sz_xlsx_parse_uint (sc->value->str, G_MAXINT, &index) || index >= book->sst->len)
            {
              sheet_fail (sc);
              return;
            }
          text = g_ptr_array_index (book->sst, index);
        }
      else                     /* "str": a formula's text */
        _sz_xlsx_unescape_xstring (sc->value);
      break;
    case 'i':                  /* "inlineStr" */
      _sz_xlsx_unescape_xstring (sc->value);
      break;
    case 'b':
      g_strstrip (sc->value->str);
      if (sc->value->str[0] == '\0')
        return;
      kind = SZ_CELL_BOOL;
      text = _sz_xlsx_is_true (sc->value->str) ? "TRUE" : "FALSE";
      break;
    case 'e':
      kind = SZ_CELL_ERROR;
      break;
    case 'd':
      g_strstrip (sc->value->str);
      owned = parse_iso_date (sc->value->str);
      if (owned != NULL)
        {
          kind = SZ_CELL_DATE;
          text = owned;
        }
      break;
    default:                   /* "n", or none */
      g_strstrip (sc->value->str);
      format = sc->style < book->xf_kinds->len ? book->xf_kinds->data[sc->style] : FMT_NUMBER;
      /* Most numbers are whole (phones, counts): their text is already
       * what sz_table_format_number() would make of them. */
      if (format == FMT_NUMBER && is_plain_integer (sc->value->str))
        {
          kind = SZ_CELL_NUMBER;
          break;
        }
      if (!parse_number (sc->value->str, &number))
        break;   /* not a number after all: keep what it says */
      if (format == FMT_BOOL)
        {
          kind = SZ_CELL_BOOL;
          text = number != 0 ? "TRUE" : "FALSE";
          break;
        }
      kind = SZ_CELL_DATE;
      if (format == FMT_DATE)
        owned = format_date (sc, number);
      if (owned == NULL)
        {
          /* Not a date format, or out of a date's range */
          kind = SZ_CELL_NUMBER;
          owned = sz_table_format_number (number);
        }
      text = owned;
      break;
    }
  if (text[0] == '\0')
    return;

  if (!sc->row_begun)
    {
      if (sc->row == 0)
        sc->row = sc->last_row + 1;
      if (sc->row > MAX_ROWS)
        {
          sheet_fail (sc);
          return;
        }
      sz_table_begin_row (sc->table, sc->row);
      sc->row_begun = TRUE;
    }
  sz_table_set_cell (sc->table, sc->column, kind, text, -1);
}

static void XMLCALL
sheet_start (void            *data,
             const XML_Char  *name,
             const XML_Char **attrs)
{
  SheetCtx *sc = data;
  const char *local = _sz_xlsx_local_name (name);
  Kind parent = _sz_xlsx_ctx_parent (&sc->ctx);
  Kind kind = K_OTHER;

  switch (parent)
    {
    case K_OTHER:
    case K_ROOT:
      if (sc->ctx.depth == 1 && strcmp (local, "sheetData") == 0)
        kind = K_SHEETDATA;
      break;
    case K_SHEETDATA:
      if (strcmp (local, "row") == 0)
        {
          const char *r = _sz_xlsx_get_attr (attrs, "r", FALSE);

          kind = K_ROW;
          sc->row = 0;
          sc->row_begun = FALSE;
          sc->column = -1;
          /* Rows come in order; Excel numbers a row without r="" after
           * the one before it. */
          if (r != NULL && (!_sz_xlsx_parse_uint (r, MAX_ROWS, &sc->row) || sc->row <= sc->last_row))
            sheet_fail (sc);
        }
      break;
    case K_ROW:
      if (strcmp (local, "c") == 0)
        {
          kind = K_CELL;
          sheet_cell_start (sc, attrs);
        }
      break;
    case K_CELL:
      if (strcmp (local, "v") == 0)
        {
          kind = K_VALUE;
          sc->ctx.capture = TRUE;
        }
      else if (strcmp (local, "is") == 0)
        kind = K_IS;
      break;
    case K_IS:
    case K_RUN:
      if (strcmp (local, "t") == 0)
        {
          kind = K_VALUE;
          sc->ctx.capture = TRUE;
        }
      else if (parent == K_IS && strcmp (local, "r") == 0)
        kind = K_RUN;
      break;
    default:
      break;
    }
  _sz_xlsx_ctx_push (&sc->ctx, kind);
}

static void XMLCALL
sheet_end (void           *data,
           const XML_Char *name)
{
  SheetCtx *sc = data;

  switch (_sz_xlsx_ctx_pop (&sc->ctx))
    {
    case K_VALUE:
      sc->ctx.capture = FALSE;
      break;
    case K_CELL:
      sheet_cell_end (sc);
      break;
    case K_ROW:
      if (sc->row_begun)
        sz_table_end_row (sc->table, 0);
      sc->last_row = sc->row != 0 ? sc->row : sc->last_row + 1;
      sc->row_begun = FALSE;
      break;
    default:
      break;
    }
}

SzTable *
_sz_xlsx_read_sheet (Book        *book,
                     Sheet       *sheet,
                     GError     **error)
{
  g_autoptr(SzTable) table = sz_table_new (SZ_TABLE_XLSX, book->who);
  SheetCtx sc = { { 0 } };
  zip_int64_t index = _sz_xlsx_find_part (book, sheet->part);
  gboolean ok;

  if (index < 0)
    {
      _sz_xlsx_set_sheet_damaged (error, book->who, sheet->name);
      return NULL;
    }
  sc.book = book;
  sc.table = table;
  sc.sheet = sheet->name;
  sc.value = g_string_new (NULL);
  sc.ctx.text = sc.value;
  ok = _sz_xlsx_read_part (book, index, &sc.ctx, sheet_start, sheet_end, error);
  g_string_free (sc.value, TRUE);
  return ok ? g_steal_pointer (&table) : NULL;
}
