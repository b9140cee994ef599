/* sz-xls-walk.c: the BIFF records of an .xls workbook stream.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "sz-sheet-formats-private.h"
#include "sz-xls-private.h"

/* A BOUNDSHEET's name, BIFF8 (UTF-16LE or Latin-1); NULL for BIFF5,
 * whose names are in the workbook's code page. */
static char *
boundsheet_name (const guchar *rec,
                 gsize         len,
                 gboolean      biff8)
{
  guint n;

  if (!biff8 || len < 8)
    return NULL;
  n = rec[6];
  if ((rec[7] & 1) != 0)
    {
      g_autofree gunichar2 *utf16 = g_new (gunichar2, n + 1);

      if (len < 8 + 2 * (gsize) n)
        return NULL;
      for (guint i = 0; i < n; i++)
        utf16[i] = get_u16 (rec + 8 + 2 * i);
      return g_utf16_to_utf8 (utf16, n, NULL, NULL, NULL);
    }
  else
    {
      GString *name = g_string_new (NULL);

      if (len < 8 + (gsize) n)
        return g_string_free (name, TRUE);
      for (guint i = 0; i < n; i++)
        g_string_append_unichar (name, rec[8 + i]);
      return g_string_free (name, FALSE);
    }
}

static void
cell_clear (gpointer data)
{
  g_free (((Cell *) data)->text);
}

static GArray *
cells_new (void)
{
  GArray *cells = g_array_new (FALSE, FALSE, sizeof (Cell));

  g_array_set_clear_func (cells, cell_clear);
  return cells;
}

static void
free_cells (gpointer cells)
{
  if (cells != NULL)
    g_array_unref (cells);
}

void
_sz_xls_sheets_clear (Sheets *sheets)
{
  g_clear_pointer (&sheets->hidden, g_array_unref);
  g_clear_pointer (&sheets->names, g_ptr_array_unref);
  g_clear_pointer (&sheets->cells, g_ptr_array_unref);
  g_clear_pointer (&sheets->dates, g_ptr_array_unref);
  g_clear_pointer (&sheets->patch, g_array_unref);
}

static void
free_dates (gpointer dates)
{
  if (dates != NULL)
    g_hash_table_unref (dates);
}

/* A BIFF8 unicode string's header at @rec + @at (flags, then optional
 * run count and extension size): its size, whether its characters are
 * two bytes, and the bytes after its characters that are not text (as
 * freexl counts them). */
static gboolean
string_header (const guchar *rec,
               gsize         size,
               gsize         at,
               gsize        *header,
               gboolean     *wide,
               guint64      *skip)
{
  guint flags;

  if (at + 1 > size)
    return FALSE;
  flags = rec[at];
  *header = 1 + ((flags & 0x08) ? 2 : 0) + ((flags & 0x04) ? 4 : 0);
  if (at + *header > size)
    return FALSE;
  *wide = (flags & 0x01) != 0;
  *skip = 0;
  if (flags & 0x08)
    *skip += 4 * (guint64) get_u16 (rec + at + 1);
  if (flags & 0x04)
    *skip += get_u32 (rec + at + 1 + ((flags & 0x08) ? 2 : 0));
  return TRUE;
}

/* Whether the string of @chars characters whose header is at @at lies
 * within the record, as freexl reads it without checking (FORMAT,
 * LABEL: a string past the record is read past freexl's buffer). */
static gboolean
string_fits (const guchar *rec,
             gsize         size,
             gsize         at,
             guint         chars)
{
  gsize header;
  gboolean wide;
  guint64 skip;

  return chars > 0 && string_header (rec, size, at, &header, &wide, &skip)
         && at + header + (wide ? 2 * (guint64) chars : chars) <= size;
}

/* The shared strings as freexl 1.0.6 reads them from the SST record and
 * its CONTINUE records: it trusts that a string split across records
 * ends within the next one, and the count of strings the SST declares
 * (it allocates a pointer for each, unchecked). */
typedef struct
{
  guint32  count;
  guint32  index;
  guint32  pending_len;   /* a string split at the end of a record */
  guint32  pending_off;
  guint64  pending_skip;
  guint64  bytes;         /* in the SST and its CONTINUE records */
} SstWalk;

static gboolean
sst_walk (SstWalk      *w,
          const guchar *rec,
          gsize         size,
          gboolean      first)
{
  guint64 p = 0;

  if (first)
    {
      if (size < 8)
        return FALSE;
      w->count = get_u32 (rec + 4);
      p = 8;
    }
  else if (w->pending_len > 0)
    {
      guint32 rest = w->pending_len - w->pending_off;

      if (size < 1 || w->pending_off > w->pending_len)
        return FALSE;
      p = 1 + ((rec[0] & 0x01) ? 2 * (guint64) rest : rest);
      if (p > size)
        return FALSE;
      p += w->pending_skip;
      w->pending_len = 0;
      w->index++;
    }
  while (w->index < w->count && p < size)
    {
      guint chars;
      gsize header;
      gboolean wide;
      guint64 skip, bytes;

      if (p + 2 > size)
        return FALSE;
      chars = get_u16 (rec + p);
      if (chars == 0 || !string_header (rec, size, p + 2, &header, &wide, &skip))
        return FALSE;
      p += 2 + header;
      bytes = wide ? 2 * (guint64) chars : chars;
      if (bytes > size - p)
        {
          w->pending_len = chars;
          w->pending_off = wide ? (size - p) / 2 : size - p;
          w->pending_skip = skip;
          return TRUE;
        }
      p += bytes + skip;
      w->index++;
    }
  return TRUE;
}

/* Whether a number format shows a date: the built-in format @id, or the
 * code @code when the workbook's FORMAT record gives one. */
static gboolean
format_is_date (guint        id,
                const char  *code)
{
  return code != NULL ? _sz_sheet_format_code_is_date (code) : _sz_sheet_builtin_format_is_date (id);
}

/* A BIFF8 string (XLUnicodeString) at @rec + @at, its length of @cch_size
 * bytes (1 or 2) first, as UTF-8; NULL if it does not fit. */
static char *
biff8_string (const guchar *rec,
              gsize         size,
              gsize         at,
              guint         cch_size)
{
  guint n;
  gboolean wide;
  gsize header;
  guint64 skip;

  if (at + cch_size > size)
    return NULL;
  n = cch_size == 1 ? rec[at] : get_u16 (rec + at);
  if (!string_header (rec, size, at + cch_size, &header, &wide, &skip))
    return NULL;
  at += cch_size + header;
  if (at + (wide ? 2 * (gsize) n : n) > size)
    return NULL;
  if (wide)
    {
      g_autofree gunichar2 *utf16 = g_new (gunichar2, n + 1);

      for (guint i = 0; i < n; i++)
        utf16[i] = get_u16 (rec + at + 2 * i);
      return g_utf16_to_utf8 (utf16, n, NULL, NULL, NULL);
    }
  else
    {
      GString *text = g_string_sized_new (n);

      for (guint i = 0; i < n; i++)
        g_string_append_unichar (text, rec[at + i]);
      return g_string_free (text, FALSE);
    }
}

static const char *
error_code (guint code)
{
  switch (code)
    {
    case 0x00: return "#NULL!";
    case 0x07: return "#DIV/0!";
    case 0x0F: return "#VALUE!";
    case 0x17: return "#REF!";
    case 0x1D: return "#NAME?";
    case 0x24: return "#NUM!";
    case 0x2A: return "#N/A";
    default: return "#N/A";
    }
}

/* What the workbook's globals say about numbers */
typedef struct
{
  gboolean    date1904;
  GHashTable *formats;        /* FORMAT id → its code */
  GArray     *xf_formats;     /* per XF: its FORMAT id */
  GArray     *xf_offsets;     /* per XF: where its FORMAT id is in the stream */
  GByteArray *xf_dates;       /* per XF: TRUE for a date; from the first sheet on */
} Globals;

static gboolean
xf_is_date (Globals *g,
            guint    xf)
{
  return g->xf_dates != NULL && xf < g->xf_dates->len && g->xf_dates->data[xf];
}

/* A FORMULA record's result (its cached value), or a BOOLERR record,
 * as a cell; FALSE when there is none to keep.  A text result comes in
 * the STRING record after it: *@text_pending then says so. */
static gboolean
value_cell (Globals      *g,
            guint         type,
            const guchar *rec,
            gsize         size,
            Cell         *cell,
            gboolean     *text_pending)
{
  guint xf;

  *text_pending = FALSE;
  if (size < (type == 0x0006 ? 14u : 8u))
    return FALSE;
  cell->row = get_u16 (rec);
  cell->column = get_u16 (rec + 2);
  cell->text = NULL;
  xf = get_u16 (rec + 4);
  if (type == 0x0205)   /* BOOLERR: a value, then whether it is an error */
    {
      cell->kind = rec[7] ? SZ_CELL_ERROR : SZ_CELL_BOOL;
      cell->text = g_strdup (rec[7] ? error_code (rec[6]) : rec[6] ? "TRUE" : "FALSE");
      return TRUE;
    }
  if (get_u16 (rec + 12) == 0xFFFF)
    switch (rec[6])
      {
      case 0x00:   /* text, in the STRING record that follows */
        *text_pending = TRUE;
        return FALSE;
      case 0x01:
        cell->kind = SZ_CELL_BOOL;
        cell->text = g_strdup (rec[8] ? "TRUE" : "FALSE");
        return TRUE;
      case 0x02:
        cell->kind = SZ_CELL_ERROR;
        cell->text = g_strdup (error_code (rec[8]));
        return TRUE;
      default:     /* an empty text */
        return FALSE;
      }
  else
    {
      double value;
      guint64 bits = get_u32 (rec + 6) | (guint64) get_u32 (rec + 10) << 32;
      memcpy (&value, &bits, sizeof value);
      if (!isfinite (value))
        return FALSE;
      cell->kind = SZ_CELL_DATE;
      if (xf_is_date (g, xf))
        cell->text = sz_table_format_serial_date (value, g->date1904);
      if (cell->text == NULL)
        {
          cell->kind = SZ_CELL_NUMBER;
          cell->text = sz_table_format_number (value);
        }
      return TRUE;
    }
}

/* Walks the workbook stream's records.  Besides the sheets, it refuses
 * what freexl 1.0.6 would mishandle (seen by reading its source and by
 * fuzz-xls):
 * - a stream or record cut short: freexl reads on and loses rows;
 * - a sheet whose BOUNDSHEET position is no substream's BOF, or whose
 *   substream has no DIMENSION record, or two: freexl then sizes the last
 *   sheet it read anew, leaking and losing its cells;
 * - a chart, as a sheet of its own or inside a sheet (a BOF … EOF within
 *   the sheet's, after which freexl refuses the file);
 * - strings longer than their record in FORMAT, LABEL and SST records,
 *   and an SST that declares more strings than it holds: freexl reads
 *   past its buffers.
 * It also keeps what freexl skips or misreads: formulas' results (freexl
 * ignores FORMULA records) and boolean and error constants. */
XlsKind
_sz_xls_walk_workbook (const guchar *data,
                       gsize         len,
                       Sheets       *sheets)
{
  g_autoptr(GByteArray) stream = NULL;
  g_autoptr(GArray) bofs = g_array_new (FALSE, FALSE, sizeof (guint32) * 3);   /* position, type, DIMENSIONs */
  g_autoptr(GArray) positions = g_array_new (FALSE, FALSE, sizeof (guint32));   /* per BOUNDSHEET */
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (free_cells);   /* per BOF */
  g_autoptr(GHashTable) formats = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GArray) xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) xf_offsets = g_array_new (FALSE, FALSE, sizeof (gsize));
  g_autoptr(GByteArray) xf_dates = g_byte_array_new ();
  g_autoptr(GPtrArray) dates = g_ptr_array_new_with_free_func (free_dates);   /* per BOF */
  g_autoptr(GArray) sectors = g_array_new (FALSE, FALSE, sizeof (guint32));
  Globals globals = { FALSE, formats, xf_formats, xf_offsets, NULL };
  gboolean biff8 = FALSE, text_pending = FALSE, string_next = FALSE, after_formula;
  guint depth = 0, last = 0, n_sst = 0;
  Cell pending = { 0 };
  SstWalk sst = { 0 };
  gint64 id;
  Cfb cfb;

  if (!_sz_xls_cfb_open (&cfb, data, len))
    {
      _sz_xls_cfb_close (&cfb);
      return XLS_DAMAGED;
    }
  id = _sz_xls_cfb_find (&cfb, "Workbook");
  if (id < 0)
    id = _sz_xls_cfb_find (&cfb, "Book");
  if (id < 0)
    {
      XlsKind kind = _sz_xls_cfb_find (&cfb, "EncryptedPackage") >= 0 ? XLS_PASSWORD : XLS_OTHER;

      _sz_xls_cfb_close (&cfb);
      return kind;
    }
  stream = _sz_xls_cfb_read_stream (&cfb, id, G_MAXSIZE, sectors);
  _sz_xls_cfb_close (&cfb);
  if (stream == NULL)
    return XLS_DAMAGED;

  sheets->hidden = g_array_new (FALSE, FALSE, sizeof (gboolean));
  sheets->names = g_ptr_array_new_with_free_func (g_free);
  sheets->cells = g_ptr_array_new_with_free_func (free_cells);
  sheets->dates = g_ptr_array_new_with_free_func (free_dates);
  sheets->patch = g_array_new (FALSE, FALSE, sizeof (gsize));
  for (gsize pos = 0; pos + 4 <= stream->len;)
    {
      guint type = get_u16 (stream->data + pos), size = get_u16 (stream->data + pos + 2);
      const guchar *rec = stream->data + pos + 4;
      guint32 bof[3] = { pos, 0, 0 };

      /* freexl stops at a record of type 0 and size 0, and at one larger
       * than BIFF8's largest: so does this walk. */
      if ((type == 0 && size == 0) || size > 8224)
        break;
      if (pos + 4 + size > stream->len)
        return XLS_DAMAGED;
      pos += 4 + size;
      /* CONTINUE records carry on the record before them */
      if (type == 0x003C)
        {
          sst.bytes += size;
          if (last == 0x00FC && !sst_walk (&sst, rec, size, FALSE))
            return XLS_DAMAGED;
          continue;
        }
      last = type;
      /* A FORMULA's text result is in the STRING record after it, past
       * any SHRFMLA, ARRAY or TABLE record. */
      after_formula = string_next;
      string_next = string_next && (type == 0x04BC || type == 0x0221 || type == 0x0236);
      switch (type)
        {
        case 0x00FC:   /* SST: the shared strings */
          sst.bytes += size;
          if (n_sst++ > 0 || !sst_walk (&sst, rec, size, TRUE))
            return XLS_DAMAGED;
          break;
        case 0x041E:   /* FORMAT (BIFF8): its id and code */
          if (biff8 && !(size >= 4 && string_fits (rec, size, 4, get_u16 (rec + 2))))
            return XLS_DAMAGED;
          if (biff8)
            g_hash_table_replace (formats, GUINT_TO_POINTER (get_u16 (rec)), biff8_string (rec, size, 2, 2));
          break;
        case 0x0204:   /* LABEL: a cell's text */
          if (size < 8 || (biff8 ? !string_fits (rec, size, 8, get_u16 (rec + 6))
                                 : 8 + (gsize) get_u16 (rec + 6) > size))
            return XLS_DAMAGED;
          break;
        case 0x002F:   /* FILEPASS: what follows is encrypted */
          return XLS_PASSWORD;
        case 0x0809:   /* BOF: the globals first, then one per sheet */
          if (depth++ > 0)
            return XLS_CHART;
          if (bof[0] == 0 && size >= 2)
            biff8 = get_u16 (rec) == 0x0600;
          bof[1] = size >= 4 ? get_u16 (rec + 2) : 0;   /* 0x0010 worksheet, 0x0020 chart */
          g_array_append_val (bofs, bof);
          g_ptr_array_add (cells, cells_new ());
          g_ptr_array_add (dates, g_hash_table_new (NULL, NULL));
          /* The globals are over: which XFs are dates */
          if (bofs->len == 2)
            {
              for (guint i = 0; i < xf_formats->len; i++)
                {
                  guint format = g_array_index (xf_formats, guint, i);
                  guint8 is_date = format_is_date (format, g_hash_table_lookup (formats, GUINT_TO_POINTER (format)));

                  g_byte_array_append (xf_dates, &is_date, 1);
                }
              globals.xf_dates = xf_dates;
            }
          break;
        case 0x000A:   /* EOF of the globals or of a sheet */
          if (depth == 0)
            return XLS_DAMAGED;
          depth--;
          break;
        case 0x0200:   /* DIMENSION */
          if (bofs->len > 0)
            ((guint32 *) bofs->data)[3 * (bofs->len - 1) + 2]++;
          break;
        case 0x0022:   /* DATEMODE */
          globals.date1904 = size >= 2 && get_u16 (rec) == 1;
          break;
        case 0x00E0:   /* XF: its FORMAT id */
          if (bofs->len == 1)
            {
              guint format = size >= 4 ? get_u16 (rec + 2) : 0;
              gsize at = pos - size + 2;

              g_array_append_val (xf_formats, format);
              g_array_append_val (xf_offsets, at);
            }
          break;
        case 0x0203:   /* NUMBER */
        case 0x027E:   /* RK */
          if (bofs->len > 1 && size >= 6 && xf_is_date (&globals, get_u16 (rec + 4)))
            g_hash_table_add (dates->pdata[bofs->len - 1], CELL_KEY (get_u16 (rec), get_u16 (rec + 2)));
          break;
        case 0x00BD:   /* MULRK: a row's numbers, each with its XF */
          for (gsize k = 0; bofs->len > 1 && 4 + 6 * (k + 1) + 2 <= size; k++)
            if (xf_is_date (&globals, get_u16 (rec + 4 + 6 * k)))
              g_hash_table_add (dates->pdata[bofs->len - 1], CELL_KEY (get_u16 (rec), get_u16 (rec + 2) + k));
          break;
        case 0x0006:   /* FORMULA: its result */
        case 0x0205:   /* BOOLERR */
          {
            Cell cell;

            if (bofs->len > 1 && value_cell (&globals, type, rec, size, &cell, &text_pending))
              g_array_append_val (cells->pdata[bofs->len - 1], cell);
            string_next = text_pending;
            if (text_pending)
              {
                pending.row = get_u16 (rec);
                pending.column = get_u16 (rec + 2);
              }
            break;
          }
        case 0x0207:   /* STRING: the text result of the FORMULA before */
          if (after_formula && biff8 && bofs->len > 1)
            {
              Cell cell = { pending.row, pending.column, SZ_CELL_TEXT, biff8_string (rec, size, 0, 2) };

              if (cell.text != NULL)
                g_array_append_val (cells->pdata[bofs->len - 1], cell);
            }
          break;
        case 0x0085:   /* BOUNDSHEET: position, visibility (0 visible,
                        * 1 hidden, 2 very hidden), type, name */
          if (bofs->len == 1 && size >= 6)
            {
              gboolean is_hidden = (rec[4] & 3) != 0;
              guint32 at = get_u32 (rec);

              g_array_append_val (positions, at);
              g_array_append_val (sheets->hidden, is_hidden);
              g_ptr_array_add (sheets->names, boundsheet_name (rec, size, biff8));
            }
          break;
        default:
          break;
        }
    }
  /* Every string the SST declares takes 3 bytes at least */
  if (depth > 0 || sst.count > sst.bytes / 3)
    return XLS_DAMAGED;

  /* Each sheet freexl lists (every BOUNDSHEET) at a substream of its own */
  for (guint i = 0; i < positions->len; i++)
    {
      guint32 at = g_array_index (positions, guint32, i);
      const guint32 *bof = NULL;

      for (guint k = 0; k < i; k++)
        if (g_array_index (positions, guint32, k) == at)
          return XLS_DAMAGED;
      for (guint b = 1; b < bofs->len && bof == NULL; b++)
        if (((guint32 *) bofs->data)[3 * b] == at)
          {
            bof = (guint32 *) bofs->data + 3 * b;
            g_ptr_array_add (sheets->cells, g_steal_pointer (&cells->pdata[b]));
            g_ptr_array_add (sheets->dates, g_steal_pointer (&dates->pdata[b]));
          }
      if (bof == NULL)
        return XLS_DAMAGED;
      if (bof[1] == 0x0020)
        return XLS_CHART;
      if (bof[2] != 1)
        return XLS_DAMAGED;
    }

  /* freexl 1.0.6 turns a serial day into a date by counting the days
   * one by one from 1900: 35 µs a date, seconds for a large roster.  So
   * the file it reads has the date XFs' FORMAT ids zeroed (patch), it
   * reads those cells as numbers, and read_sheet() in sz-xls.c makes
   * them dates (dates).  Not for a small stream, which needs no speed. */
  sheets->date1904 = globals.date1904;
  for (guint i = 0; sectors->len > 0 && globals.xf_dates != NULL && i < xf_dates->len; i++)
    for (gsize b = 0; xf_dates->data[i] && b < 2; b++)
      {
        gsize sector_size = (gsize) 1 << get_u16 (data + 0x1E);
        gsize at = g_array_index (xf_offsets, gsize, i) + b;
        gsize in_file;

        if (at / sector_size >= sectors->len)
          return XLS_DAMAGED;
        in_file = ((gsize) g_array_index (sectors, guint32, at / sector_size) + 1) * sector_size + at % sector_size;
        g_array_append_val (sheets->patch, in_file);
      }
  return XLS_WORKBOOK;
}
