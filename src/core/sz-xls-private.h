/* sz-xls-private.h: shared by the files of the .xls reader in src/core.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-xls.h"

G_BEGIN_DECLS

/* The reader is three files:
 *   sz-xls-cfb.c   the compound file (MS-CFB) that holds the workbook
 *                  stream, and the header checks that guard libfreexl;
 *   sz-xls-walk.c  the workbook stream's BIFF records: what freexl would
 *                  mishandle, hidden sheets, the cells freexl skips;
 *   sz-xls.c       reading the cells through freexl, sz_xls_read_file()
 *                  and sz_xls_parse(). */

/* Little-endian, as every number in the file */
static inline guint16
get_u16 (const guchar *p)
{
  return p[0] | p[1] << 8;
}

static inline guint32
get_u32 (const guchar *p)
{
  return p[0] | p[1] << 8 | p[2] << 16 | (guint32) p[3] << 24;
}

/* A compound file, read in place from the bytes of the .xls file */
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

/* A cell's key in a sheet's set of date cells */
#define CELL_KEY(row, column) GUINT_TO_POINTER (((guint) (row) << 16 | (column)) + 1)

/* The compound file; every offset is checked: this reads untrusted bytes. */
gboolean    _sz_xls_cfb_open          (Cfb          *cfb,
                                       const guchar *data,
                                       gsize         len);
void        _sz_xls_cfb_close         (Cfb          *cfb);
gint64      _sz_xls_cfb_find          (Cfb          *cfb,
                                       const char   *name);
GByteArray *_sz_xls_cfb_read_stream   (Cfb          *cfb,
                                       gint64        id,
                                       gsize         max,
                                       GArray       *sectors);
gboolean    _sz_xls_freexl_would_trip (const guchar *data,
                                       gsize         len);

/* The workbook stream */
XlsKind     _sz_xls_walk_workbook     (const guchar *data,
                                       gsize         len,
                                       Sheets       *sheets);
void        _sz_xls_sheets_clear      (Sheets       *sheets);

G_END_DECLS
