/* sz-export.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sz-board.h"
#include "sz-layout.h"

G_BEGIN_DECLS

typedef enum
{
  SZ_ENGINE_HARU,    /* libharu 2.3.0 */
  SZ_ENGINE_CAIRO,   /* cairo's PDF surface */
  SZ_ENGINE_PDF,     /* Sanzhang's own writer (sz-render-pdf.c) */
  SZ_ENGINE_AUTO,    /* what is fastest and smallest for the job */
} SzEngine;

/* The engine SZ_ENGINE_AUTO stands for.  Sanzhang's own writer is the
 * fastest and smallest at every batch size, from one board to a city
 * (tests/bench/peer-typst.sh), and draws every character the layout can,
 * so it is the choice for every PDF. */
SzEngine  sz_engine_resolve       (SzEngine                engine,
                                   guint                   n_boards);
const char *sz_engine_to_string   (SzEngine                engine);

typedef enum
{
  SZ_EXPORT_ONE_FILE,   /* one PDF (split per grid past split_over boards) */
  SZ_EXPORT_PER_BOARD,  /* a folder with one PDF per board */
  SZ_EXPORT_PNG,        /* a folder with one PNG per board */
} SzExportMode;

typedef enum
{
  SZ_PROBLEM_FONT_REFUSED,   /* a character no font draws: board left out */
  SZ_PROBLEM_ENGINE_SWITCH,  /* drawn with cairo: libharu cannot draw a character */
  SZ_PROBLEM_QR_OLD,         /* a stored WeChat QR image older than the limit */
  SZ_PROBLEM_FAILED,         /* the board could not be laid out */
} SzProblemKind;

typedef struct
{
  SzProblemKind kind;
  SzBoardKind   board_kind;
  gint64        place_id;
  char         *place;       /* "丰和林苑 2栋 1单元" */
  char         *message;     /* translated, complete */
} SzExportProblem;

typedef void (*SzExportProgress) (guint    done,
                                  guint    total,
                                  gpointer user_data);

typedef struct
{
  SzPaper          paper;
  SzBoardStyle     style;
  SzEngine         engine;
  SzExportMode     mode;
  double           png_dpi;        /* SZ_EXPORT_PNG */
  const char      *output;         /* a .pdf file, or a folder */
  guint            split_over;     /* 0: SZ_EXPORT_SPLIT_DEFAULT */
  gboolean         no_record;      /* do not record the prints (previews) */
  const char      *printed_on;     /* NULL: today */
  SzExportProgress progress;
  gpointer         progress_data;
  GCancellable    *cancellable;
} SzExportOptions;

/* Past this many boards, one file becomes one file per grid: libharu holds
 * a document in memory until it is saved. */
#define SZ_EXPORT_SPLIT_DEFAULT 5000

typedef struct
{
  guint      boards;          /* boards written */
  guint      pages;
  guint      phones_withheld; /* heads printed with the office's number */
  guint      vacancies;       /* vacancy lines printed */
  guint      font_problems;   /* boards left out or switched to cairo */
  GPtrArray *problems;        /* SzExportProblem* */
  GPtrArray *files;           /* char*: every file written */
} SzExportSummary;

void      sz_export_summary_init  (SzExportSummary        *summary);
void      sz_export_summary_clear (SzExportSummary        *summary);

/* Lays out and writes the boards @refs of @source.  Each document is
 * written to a temporary file and renamed, and the prints are recorded
 * (one transaction per document) only once the file is in place.  A board
 * with a character no font can draw is left out and listed in
 * @summary->problems; a document with a character libharu cannot draw is
 * drawn with cairo and listed there too.  FALSE with @error only when
 * nothing more can be done (unwritable folder, cancelled, database). */
gboolean  sz_export_boards        (SzBoardSource          *source,
                                   GArray                 *refs,
                                   const SzExportOptions  *options,
                                   SzExportSummary        *summary,
                                   GError                **error);

/* Boards printed before whose content has changed since, in tree order. */
GArray   *sz_export_list_stale    (SzBoardSource          *source,
                                   GError                **error);

gboolean  sz_engine_from_string   (const char             *str,
                                   SzEngine               *engine);

G_END_DECLS
