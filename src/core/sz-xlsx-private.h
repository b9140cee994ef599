/* sz-xlsx-private.h: shared by the files of the .xlsx reader in src/core.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <expat.h>
#include <zip.h>

#include "sz-xlsx.h"

G_BEGIN_DECLS

/* An .xlsx file is a zip of XML parts: the workbook lists the sheets, its
 * relationships part says which part holds each, the shared strings part
 * holds the text cells point into, and the styles part says which number
 * formats are dates.  Every part is streamed through expat straight from
 * the zip: a 200,000-row sheet is never held whole, as text or as a tree.
 * Element names are matched without their namespace, so prefixed parts
 * (<x:c>) and Strict OOXML read the same. */

/* The reader is three files:
 *   sz-xlsx-parts.c  streaming a part from the zip through expat, the
 *                    relationships, the styles and the shared strings;
 *   sz-xlsx-sheet.c  a worksheet's cells, straight into the table;
 *   sz-xlsx.c        the workbook, choosing the sheet, sz_xlsx_parse(). */

#define NS_SEP       '|'
#define MAX_ROWS     1048576   /* Excel's grid */
#define MAX_COLUMNS  16384
#define MAX_DEPTH    64        /* deeper elements are none we read */
#define CHUNK_SIZE   (64 * 1024)

/* How a number format shows a number */
typedef enum
{
  FMT_NUMBER,
  FMT_DATE,
  FMT_BOOL,
} Format;

typedef enum
{
  K_OTHER,
  K_ROOT,
  /* workbook */
  K_SHEETS,
  /* styles */
  K_NUMFMTS,
  K_CELLXFS,
  /* shared strings and inline strings */
  K_SI,
  K_IS,
  K_RUN,
  K_TEXT,
  /* worksheet */
  K_SHEETDATA,
  K_ROW,
  K_CELL,
  K_VALUE,
} Kind;

typedef struct
{
  char     *name;
  char     *part;      /* in the zip, resolved; NULL if the rels lack it */
  char     *rel_id;
  gboolean  hidden;
} Sheet;

typedef struct
{
  zip_t        *zip;
  const char   *who;         /* the file's name as messages quote it */
  GPtrArray    *sheets;      /* of Sheet */
  gboolean      date1904;
  GStringChunk *strings;     /* the shared strings' text */
  GPtrArray    *sst;         /* of const char *, into strings */
  GByteArray   *xf_kinds;    /* per cellXfs index: how its format shows a number */
  guint64       inflated;    /* bytes unpacked so far, over every part */
} Book;

/* The state every part's parse shares: the stack of what we are in. */
typedef struct
{
  XML_Parser  parser;
  GError     *error;         /* why a handler stopped the parse, if it says */
  guint       depth;
  guint8      kinds[MAX_DEPTH];
  gboolean    capture;       /* character data goes to @text */
  GString    *text;
} Ctx;

typedef struct
{
  Ctx         ctx;
  const char *base;          /* the source part's folder, "" for the root */
  GHashTable *targets;       /* Id → part */
  char       *office_document;
  char       *shared_strings;
  char       *styles;
} RelsCtx;

typedef struct
{
  Ctx   ctx;
  Book *book;
} BookCtx;

/* Messages */
void         _sz_xlsx_set_damaged         (GError                  **error,
                                           const char               *who);
void         _sz_xlsx_set_sheet_damaged   (GError                  **error,
                                           const char               *who,
                                           const char               *sheet);

/* Parsing helpers */
const char  *_sz_xlsx_local_name          (const char               *name);
const char  *_sz_xlsx_get_attr            (const XML_Char          **attrs,
                                           const char               *local,
                                           gboolean                  namespaced);
Kind         _sz_xlsx_ctx_parent          (Ctx                      *ctx);
void         _sz_xlsx_ctx_push            (Ctx                      *ctx,
                                           Kind                      kind);
Kind         _sz_xlsx_ctx_pop             (Ctx                      *ctx);
void         _sz_xlsx_ctx_fail            (Ctx                      *ctx,
                                           GError                   *error);
gboolean     _sz_xlsx_is_true             (const char               *value);
gboolean     _sz_xlsx_parse_uint          (const char               *text,
                                           guint                     max,
                                           guint                    *value);
void         _sz_xlsx_unescape_xstring    (GString                  *s);

/* Parts */
zip_int64_t  _sz_xlsx_find_part           (Book                     *book,
                                           const char               *part);
gboolean     _sz_xlsx_read_part           (Book                     *book,
                                           zip_int64_t               index,
                                           Ctx                      *ctx,
                                           XML_StartElementHandler   start,
                                           XML_EndElementHandler     end,
                                           GError                  **error);
void XMLCALL _sz_xlsx_any_end             (void                     *data,
                                           const XML_Char           *name);
gboolean     _sz_xlsx_read_rels           (Book                     *book,
                                           const char               *source,
                                           RelsCtx                  *rc,
                                           GError                  **error);
void         _sz_xlsx_rels_clear          (RelsCtx                  *rc);
gboolean     _sz_xlsx_read_styles         (Book                     *book,
                                           const char               *part,
                                           GError                  **error);
gboolean     _sz_xlsx_read_shared_strings (Book                     *book,
                                           const char               *part,
                                           GError                  **error);

/* Sheets */
SzTable     *_sz_xlsx_read_sheet          (Book                     *book,
                                           Sheet                    *sheet,
                                           GError                  **error);

G_END_DECLS
