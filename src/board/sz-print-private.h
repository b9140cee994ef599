/* sz-print-private.h: pages that flow — the report's and the honours'.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the month's report (sz-report*.c) and the honours' printouts
 * (sz-honours-print*.c): text that flows down a page and on to the next,
 * headings, paragraphs, tables that go on over pages with their header
 * repeated, "Page 1 of N" footers, and writing the pages to a PDF.
 * Implemented in sz-print-flow.c.  Not for use outside src/board.
 */

#pragma once

#include "sz-display.h"
#include "sz-text.h"

G_BEGIN_DECLS

#define SZ_PRINT_A4_WIDTH  595.28
#define SZ_PRINT_A4_HEIGHT 841.89
#define SZ_PRINT_A3_WIDTH  841.89
#define SZ_PRINT_A3_HEIGHT 1190.55

typedef struct _SzFlow SzFlow;

/* Called on every page the flow starts after the first, at its top
 * margin: draws what each page repeats (a statement's name) and moves
 * flow->y below it. */
typedef void (*SzFlowPageFunc) (SzFlow  *flow,
                                gpointer data);

struct _SzFlow
{
  SzText         *text;
  GPtrArray      *pages;       /* SzPage*, owned */
  SzPage         *page;        /* the one being filled */
  double          page_w, page_h;
  double          margin;
  double          width;       /* between the margins */
  double          bottom;      /* where the footer starts */
  double          y;           /* where the next block goes */
  const char     *section;     /* the bookmark of what is being laid out */
  /* The document's language (sz-doc-lang.h), for the page numbers: set
   * after _sz_flow_init(); NULL is the default. */
  const char     *lang;
  SzFlowPageFunc  on_page;
  gpointer        on_page_data;
};

/* Starts @flow with its first page. */
void      _sz_flow_init        (SzFlow       *flow,
                                SzText       *text,
                                double        page_w,
                                double        page_h,
                                double        margin,
                                double        footer_h,
                                const char   *section);
/* The pages, for the caller to keep; the flow is empty after it. */
GPtrArray *_sz_flow_steal_pages (SzFlow      *flow);
void      _sz_flow_clear       (SzFlow       *flow);
void      _sz_flow_new_page    (SzFlow       *flow);
/* A section's title; a new page first unless it and @keep points of what
 * follows fit on this one. */
void      _sz_flow_heading     (SzFlow       *flow,
                                const char   *title,
                                double        keep);
/* A paragraph across the page, wrapped. */
void      _sz_flow_paragraph   (SzFlow       *flow,
                                const char   *str,
                                double        size,
                                SzColor       color);
/* "Page 1 of N" at the foot of every page, with @title on its left. */
void      _sz_flow_footers     (SzFlow       *flow,
                                const char   *title);

/* One line of text in a box: shrunk to fit, centred vertically. */
void      _sz_print_text       (SzText       *text,
                                SzPage       *page,
                                const char   *str,
                                double        x,
                                double        y,
                                double        w,
                                double        h,
                                double        size,
                                SzAlign       align,
                                SzColor       color,
                                gboolean      bold);
void      _sz_print_fill       (SzPage       *page,
                                double        x,
                                double        y,
                                double        w,
                                double        h,
                                SzColor       color);

/* ---- Tables ---------------------------------------------------------- */

typedef struct
{
  const char *title;
  double      width;      /* points; 0: a share of what the others leave */
  SzAlign     align;
  gboolean    wrap;       /* long text wraps; else one line, shrunk */
} SzColumn;

typedef struct
{
  char     **cells;
  gboolean   bold;        /* a total, or the report's month */
  guint      red;         /* bit per column drawn in red */
  double     height;      /* set by _sz_table_measure() */
} SzRow;

typedef struct
{
  SzColumn  *cols;
  guint      n_cols;
  GPtrArray *rows;        /* SzRow*, _sz_row_free */
  double     body_size;   /* 0: the report's 8.5 points */
  double     head_size;   /* set by _sz_table_measure() */
  double     head_h;
} SzTable;

void      _sz_row_free         (gpointer      row);
/* A row of @n_cols cells, taken. */
SzRow    *_sz_row_new          (char        **cells);
/* Sets the widths, the header's size and every row's height; returns the
 * height of the whole table. */
double    _sz_table_measure    (SzFlow       *flow,
                                SzTable      *table);
/* The height a section needs on its first page: all of a table that fits
 * a page, else its header and a few rows. */
double    _sz_table_keep       (SzFlow       *flow,
                                SzTable      *table);
/* Goes on over as many pages as it needs, its header on each. */
void      _sz_table_draw       (SzFlow       *flow,
                                SzTable      *table);

/* ---- Writing --------------------------------------------------------- */

/* Writes @pages to @path as PDF: libharu, or cairo for the whole file
 * when a character needs it (outside the BMP, or only in a font libharu
 * cannot embed); through a temporary file beside @path renamed into
 * place, so that no file is left behind on failure.  Takes @info's
 * strings. */
gboolean  _sz_print_write_pdf  (GPtrArray    *pages,
                                SzDocInfo    *info,
                                const char   *path,
                                GError      **error);

G_END_DECLS
