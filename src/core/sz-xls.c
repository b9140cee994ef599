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
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "sz-xls.h"

/* Excel 97–2003 workbooks through libfreexl (1.0.6 on Debian 12), which
 * reads a file by its path and hands back each cell as text, a number or a
 * date.  What it does not do, this file does from the workbook stream
 * (walk_workbook()), before freexl sees the file: refuse what freexl
 * mishandles (reads past its buffers, leaks, loses cells), tell hidden
 * sheets, and read what freexl skips or misreads: formulas' results,
 * booleans and error constants. */

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

/* What freexl does not say, read from the compound file (MS-CFB) and the
 * workbook stream's globals (MS-XLS BOUNDSHEET records): which sheets are
 * hidden, and what an OLE2 file that is not a workbook holds instead.
 * Every offset is checked: this reads untrusted bytes. */

#define CFB_END_OF_CHAIN  0xFFFFFFFE
#define CFB_MAX_SECTOR    0xFFFFFFFA
#define CFB_ENTRY_SIZE    128

typedef struct
{
  const guchar *data;
  gsize         len;
  guint         shift;        /* a sector is 1 << shift bytes */
  guint32      *fat;
  gsize         n_fat;
  GByteArray   *dir;          /* the directory's entries */
} Cfb;

typedef enum
{
  XLS_WORKBOOK,               /* a workbook stream: BIFF5 or BIFF8 */
  XLS_PASSWORD,               /* encrypted with a password to open: an .xls
                               * (FILEPASS), or an .xlsx in an OLE2 file */
  XLS_CHART,                  /* a chart sheet, or a chart inside a sheet */
  XLS_OTHER,                  /* Word, PowerPoint, … */
  XLS_DAMAGED,
} XlsKind;

static guint16
get_u16 (const guchar *p)
{
  return p[0] | p[1] << 8;
}

static guint32
get_u32 (const guchar *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

static const guchar *
cfb_sector (Cfb     *cfb,
            guint32  sector)
{
  guint64 offset = ((guint64) sector + 1) << cfb->shift;

  if (sector >= CFB_MAX_SECTOR || offset + ((guint64) 1 << cfb->shift) > cfb->len)
    return NULL;
  return cfb->data + offset;
}

/* The first @max bytes of the chain of sectors from @start, through
 * @fat (of @n_fat entries) in sectors of 1 << @shift bytes from @base; a
 * chain that leaves the file or loops is NULL.  A chain is no longer than
 * the sectors there are: a loop could otherwise copy the file over and
 * over. */
static GByteArray *
cfb_read_chain (const guchar  *base,
                gsize          base_len,
                guint          shift,
                const guint32 *fat,
                gsize          n_fat,
                guint32        start,
                gsize          max,
                GArray        *sectors)
{
  GByteArray *out = g_byte_array_new ();
  gsize size = (gsize) 1 << shift, steps = 0;

  for (guint32 s = start; s != CFB_END_OF_CHAIN && out->len < max; s = fat[s])
    {
      if (s >= n_fat || ++steps > base_len / size || ((guint64) s + 1) * size > base_len)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      g_byte_array_append (out, base + (gsize) s * size, size);
      if (sectors != NULL)
        g_array_append_val (sectors, s);
    }
  if (out->len < max && max != G_MAXSIZE)
    {
      g_byte_array_unref (out);   /* the chain is shorter than its stream */
      return NULL;
    }
  g_byte_array_set_size (out, MIN (out->len, max));
  return out;
}

static GByteArray *
cfb_read_big (Cfb     *cfb,
              guint32  start,
              gsize    max,
              GArray  *sectors)
{
  /* Sector n is at (n + 1) << shift: the base is one sector in. */
  gsize size = (gsize) 1 << cfb->shift;

  return cfb_read_chain (cfb->data + size, cfb->len - size, cfb->shift, cfb->fat, cfb->n_fat, start, max,
                         sectors);
}

static gboolean
cfb_open (Cfb          *cfb,
          const guchar *data,
          gsize         len)
{
  guint32 n_fat_sectors, difat_next, n_difat;
  gsize per_sector, n_sectors, k = 0;

  memset (cfb, 0, sizeof *cfb);
  if (len < 512 || memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
    return FALSE;
  cfb->data = data;
  cfb->len = len;
  cfb->shift = get_u16 (data + 0x1E);
  if (cfb->shift != 9 && cfb->shift != 12)
    return FALSE;
  per_sector = ((gsize) 1 << cfb->shift) / 4;
  n_sectors = len >> cfb->shift;
  n_fat_sectors = get_u32 (data + 0x2C);
  difat_next = get_u32 (data + 0x44);
  n_difat = get_u32 (data + 0x48);
  if (n_fat_sectors == 0 || n_fat_sectors > n_sectors || n_difat > n_sectors)
    return FALSE;

  cfb->n_fat = n_fat_sectors * per_sector;
  cfb->fat = g_new (guint32, cfb->n_fat);
  /* The FAT's own sectors: 109 in the header, then a chain of DIFAT
   * sectors whose last entry links the next. */
  for (guint i = 0; i < 109 && k < n_fat_sectors; i++, k++)
    {
      const guchar *p = cfb_sector (cfb, get_u32 (data + 0x4C + 4 * i));

      if (p == NULL)
        return FALSE;
      for (gsize e = 0; e < per_sector; e++)
        cfb->fat[k * per_sector + e] = get_u32 (p + 4 * e);
    }
  for (guint32 d = 0; d < n_difat && k < n_fat_sectors; d++)
    {
      const guchar *difat = cfb_sector (cfb, difat_next);

      if (difat == NULL)
        return FALSE;
      for (gsize i = 0; i + 1 < per_sector && k < n_fat_sectors; i++, k++)
        {
          const guchar *p = cfb_sector (cfb, get_u32 (difat + 4 * i));

          if (p == NULL)
            return FALSE;
          for (gsize e = 0; e < per_sector; e++)
            cfb->fat[k * per_sector + e] = get_u32 (p + 4 * e);
        }
      difat_next = get_u32 (difat + 4 * (per_sector - 1));
    }
  if (k < n_fat_sectors)
    return FALSE;
  cfb->dir = cfb_read_big (cfb, get_u32 (data + 0x30), G_MAXSIZE, NULL);
  return cfb->dir != NULL && cfb->dir->len >= CFB_ENTRY_SIZE;
}

static void
cfb_close (Cfb *cfb)
{
  g_clear_pointer (&cfb->fat, g_free);
  g_clear_pointer (&cfb->dir, g_byte_array_unref);
}

/* The entry of the root storage's stream named @name (ASCII, compared
 * without regard to case, as MS-CFB compares), or -1. */
static gint64
cfb_find (Cfb        *cfb,
          const char *name)
{
  gsize n_entries = cfb->dir->len / CFB_ENTRY_SIZE, n = strlen (name);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *seen = g_malloc0 (n_entries);
  guint32 id = get_u32 (cfb->dir->data + 0x4C);   /* the root's child */

  /* The root's children are a tree through their left and right links. */
  g_array_append_val (stack, id);
  while (stack->len > 0)
    {
      const guchar *e;
      gboolean match;

      id = g_array_index (stack, guint32, stack->len - 1);
      g_array_set_size (stack, stack->len - 1);
      if (id >= n_entries || seen[id])
        continue;
      seen[id] = TRUE;
      e = cfb->dir->data + (gsize) id * CFB_ENTRY_SIZE;
      match = e[0x42] == 2 && get_u16 (e + 0x40) == (n + 1) * 2;
      for (gsize i = 0; match && i < n; i++)
        match = e[2 * i + 1] == 0 && g_ascii_tolower (e[2 * i]) == g_ascii_tolower (name[i]);
      if (match)
        return id;
      g_array_append_vals (stack, (guint32[]) { get_u32 (e + 0x44), get_u32 (e + 0x48) }, 2);
    }
  return -1;
}

/* The stream of entry @id, at most @max bytes of it; @sectors (may be
 * NULL) gets the sectors that hold it, unless it is a small stream. */
static GByteArray *
cfb_read_stream (Cfb     *cfb,
                 gint64   id,
                 gsize    max,
                 GArray  *sectors)
{
  const guchar *e = cfb->dir->data + (gsize) id * CFB_ENTRY_SIZE;
  const guchar *root = cfb->dir->data;
  gsize size = MIN ((gsize) get_u32 (e + 0x78), max);
  g_autoptr(GByteArray) mini = NULL;
  g_autoptr(GByteArray) minifat = NULL;

  if (get_u32 (e + 0x78) >= get_u32 (cfb->data + 0x38))
    return cfb_read_big (cfb, get_u32 (e + 0x74), size, sectors);
  /* A small stream lives in 64-byte sectors of the root's stream. */
  mini = cfb_read_big (cfb, get_u32 (root + 0x74), get_u32 (root + 0x78), NULL);
  minifat = cfb_read_big (cfb, get_u32 (cfb->data + 0x3C),
                          (gsize) get_u32 (cfb->data + 0x40) << cfb->shift, NULL);
  if (mini == NULL || minifat == NULL)
    return NULL;
  for (guint i = 0; i < minifat->len / 4; i++)
    ((guint32 *) minifat->data)[i] = get_u32 (minifat->data + 4 * i);
  return cfb_read_chain (mini->data, mini->len, 6, (const guint32 *) minifat->data, minifat->len / 4,
                         get_u32 (e + 0x74), size, NULL);
}

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

/* What the OLE2 file holds.  For a workbook, its worksheets as the
 * globals' BOUNDSHEET records list them (freexl lists the same, in the
 * same order): whether each is hidden, and its name (NULL for BIFF5,
 * whose names are in the workbook's code page). */
typedef struct
{
  GArray    *hidden;          /* of gboolean */
  GPtrArray *names;
  GPtrArray *cells;           /* per sheet: a GArray of Cell, or NULL */
  GPtrArray *dates;           /* per sheet: the set of its date cells */
  GArray    *patch;           /* offsets in the file of bytes to zero */
  gboolean   date1904;
} Sheets;

/* A cell freexl does not read (a formula's result), or reads wrongly (a
 * boolean or error constant: freexl makes both the number 1 or 0). */
typedef struct
{
  guint32     row;
  guint32     column;
  SzCellKind  kind;
  char       *text;
} Cell;

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

static void
sheets_clear (Sheets *sheets)
{
  g_clear_pointer (&sheets->hidden, g_array_unref);
  g_clear_pointer (&sheets->names, g_ptr_array_unref);
  g_clear_pointer (&sheets->cells, g_ptr_array_unref);
  g_clear_pointer (&sheets->dates, g_ptr_array_unref);
  g_clear_pointer (&sheets->patch, g_array_unref);
}

/* A cell's key in a sheet's set of date cells */
#define CELL_KEY(row, column) GUINT_TO_POINTER (((guint) (row) << 16 | (column)) + 1)

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

/* Whether a number format shows a date: the built-in ones of the zh-CN
 * locale, or a code with a year, day or era outside quotes, escapes and
 * brackets (sz-xlsx.c decides the same for .xlsx). */
static gboolean
format_is_date (guint        id,
                const char  *code)
{
  if (code == NULL)
    return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
           || (id >= 50 && id <= 54) || id == 57 || id == 58;
  for (const char *p = code; *p != '\0' && *p != ';'; p++)
    {
      if (*p == '"' || *p == '[')
        {
          p = strchr (p + 1, *p == '"' ? '"' : ']');
          if (p == NULL)
            return FALSE;
        }
      else if ((*p == '\\' || *p == '_' || *p == '*') && p[1] != '\0')
        p++;
      else if (g_ascii_strncasecmp (p, "general", 7) == 0)
        p += 6;
      else if (strchr ("yYdDgG", *p) != NULL || ((*p == 'e' || *p == 'E') && p[1] != '+' && p[1] != '-'))
        return TRUE;
    }
  return FALSE;
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
static XlsKind
walk_workbook (const guchar *data,
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

  if (!cfb_open (&cfb, data, len))
    {
      cfb_close (&cfb);
      return XLS_DAMAGED;
    }
  id = cfb_find (&cfb, "Workbook");
  if (id < 0)
    id = cfb_find (&cfb, "Book");
  if (id < 0)
    {
      XlsKind kind = cfb_find (&cfb, "EncryptedPackage") >= 0 ? XLS_PASSWORD : XLS_OTHER;

      cfb_close (&cfb);
      return kind;
    }
  stream = cfb_read_stream (&cfb, id, G_MAXSIZE, sectors);
  cfb_close (&cfb);
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
   * reads those cells as numbers, and read_sheet() makes them dates
   * (dates).  Not for a small stream, which needs no speed. */
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

/* What libfreexl 1.0.6 would trip on, checked before it sees the file:
 * it converts each name of the first directory sector's entries (up to
 * the workbook's) with the length the entry declares, from a 4 KB buffer
 * on its stack; a declared length past the 64 bytes of the name reads
 * beyond that buffer (found by fuzz-xls).  It also reads files that are
 * no OLE2 file at all as BIFF2–4 (1987–1994): refused here. */
static gboolean
freexl_would_trip (const guchar *data,
                   gsize         len)
{
  guint shift;
  guint64 offset;

  if (len < 512 || memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
    return TRUE;
  shift = get_u16 (data + 0x1E);
  if (shift != 9 && shift != 12)
    return TRUE;
  offset = ((guint64) get_u32 (data + 0x30) + 1) << shift;
  if (offset + ((guint64) 1 << shift) > len)
    return TRUE;
  for (gsize e = 0; e < ((gsize) 1 << shift) / CFB_ENTRY_SIZE; e++)
    if (get_u16 (data + offset + e * CFB_ENTRY_SIZE + 0x40) > 64)
      return TRUE;
  return FALSE;
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
          /* A date freexl was shown as a number (see walk_workbook()) */
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
 * the date formats zeroed, see walk_workbook()); @who names it in
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
  kind = freexl_would_trip (data, len) ? XLS_DAMAGED : walk_workbook (data, len, &sheets);
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
  sheets_clear (&sheets);
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
