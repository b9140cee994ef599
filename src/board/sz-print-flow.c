/* sz-print-flow.c: pages that flow — headings, paragraphs, tables over
 * pages, footers, and writing them as PDF.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-doc-lang.h"
#include "sz-print-private.h"
#include "sz-render-cairo.h"
#include "sz-render-hpdf.h"

#define HEADING_H 22.0
#define CELL_PAD  3.0
#define BODY_SIZE 8.5

static const SzColor black = { 0.10, 0.10, 0.10 };
static const SzColor grey = { 0.40, 0.40, 0.40 };
static const SzColor axis_grey = { 0.55, 0.55, 0.55 };
static const SzColor grid_grey = { 0.86, 0.86, 0.86 };
static const SzColor red = { 0.78, 0.06, 0.08 };
static const SzColor accent = { 0.10, 0.32, 0.64 };
static const SzColor head_fill = { 0.90, 0.92, 0.95 };
static const SzColor zebra = { 0.965, 0.965, 0.965 };

/* ---------------------------------------------------------------- helpers */

void
_sz_print_text (SzText *text, SzPage *page, const char *str, double x, double y, double w, double h,
                double size, SzAlign align, SzColor color, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .align = align, .color = color, .bold = bold };
  SzBox box = { x, y, w, h };

  sz_text_draw (text, page, str, &box, &st);
}

void
_sz_print_fill (SzPage *page, double x, double y, double w, double h, SzColor color)
{
  SzRectItem *r = sz_page_add_rect (page, x, y, w, h);

  r->fill = TRUE;
  r->fill_color = color;
}

/* ------------------------------------------------------------------- flow */

static void
set_outline (SzPage *page, const char *section)
{
  if (page->outline == NULL && section != NULL)
    {
      page->outline = g_new0 (char *, 2);
      page->outline[0] = g_strdup (section);
    }
}

static void
start_page (SzFlow *f)
{
  f->page = sz_page_new (f->page_w, f->page_h);
  g_ptr_array_add (f->pages, f->page);
  f->y = f->margin;
  set_outline (f->page, f->section);
}

void
_sz_flow_init (SzFlow *f, SzText *text, double page_w, double page_h, double margin, double footer_h,
               const char *section)
{
  *f = (SzFlow) { 0 };
  f->text = text;
  f->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_page_free);
  f->page_w = page_w;
  f->page_h = page_h;
  f->margin = margin;
  f->width = page_w - 2 * margin;
  f->bottom = page_h - margin - footer_h;
  f->section = section;
  start_page (f);
}

GPtrArray *
_sz_flow_steal_pages (SzFlow *f)
{
  f->page = NULL;
  return g_steal_pointer (&f->pages);
}

void
_sz_flow_clear (SzFlow *f)
{
  g_clear_pointer (&f->pages, g_ptr_array_unref);
  f->page = NULL;
}

void
_sz_flow_new_page (SzFlow *f)
{
  start_page (f);
  if (f->on_page != NULL)
    f->on_page (f, f->on_page_data);
}

void
_sz_flow_heading (SzFlow *f, const char *title, double keep)
{
  double h = HEADING_H;

  if (f->y > f->margin + 1)
    f->y += 14;
  if (f->y + h + keep > f->bottom)
    _sz_flow_new_page (f);
  f->section = title;
  set_outline (f->page, title);
  _sz_print_fill (f->page, f->margin, f->y + 4, 3.5, h - 8, accent);
  _sz_print_text (f->text, f->page, title, f->margin + 9, f->y, f->width - 9, h, 12.5, SZ_ALIGN_LEFT, black, TRUE);
  sz_page_add_line (f->page, f->margin, f->y + h + 1, f->margin + f->width, f->y + h + 1, 0.6, &grid_grey);
  f->y += h + 7;
}

void
_sz_flow_paragraph (SzFlow *f, const char *str, double size, SzColor color)
{
  SzTextStyle st = { .size = size, .min_size = size, .color = color, .wrap = TRUE, .line_spacing = 0.2 };
  double h = sz_text_wrapped_height (f->text, str, f->width, &st, size);

  if (f->y + h > f->bottom)
    _sz_flow_new_page (f);
  sz_text_draw (f->text, f->page, str, &(SzBox) { f->margin, f->y, f->width, h + 0.5 }, &st);
  f->y += h + 4;
}

void
_sz_flow_footers (SzFlow *f, const char *title)
{
  for (guint i = 0; i < f->pages->len; i++)
    {
      SzPage *page = g_ptr_array_index (f->pages, i);
      double y = f->bottom + 8;
      /* Translators: the page number at the foot of a report's pages */
      g_autofree char *number = g_strdup_printf (D_ (f->lang, "Page %u of %u"), i + 1, f->pages->len);

      sz_page_add_line (page, f->margin, y, f->margin + f->width, y, 0.5, &grid_grey);
      _sz_print_text (f->text, page, title, f->margin, y + 2, f->width * 0.72, 13, 8, SZ_ALIGN_LEFT, grey, FALSE);
      _sz_print_text (f->text, page, number, f->margin + f->width * 0.75, y + 2, f->width * 0.25, 13, 8,
                      SZ_ALIGN_RIGHT, grey, FALSE);
    }
}

/* ----------------------------------------------------------------- tables */

void
_sz_row_free (gpointer data)
{
  SzRow *row = data;

  g_strfreev (row->cells);
  g_free (row);
}

SzRow *
_sz_row_new (char **cells)
{
  SzRow *row = g_new0 (SzRow, 1);

  row->cells = cells;
  return row;
}

static gboolean
is_cjk (const char *word)
{
  for (const char *p = word; *p; p = g_utf8_next_char (p))
    if (g_utf8_get_char (p) >= 0x2e80)
      return TRUE;
  return FALSE;
}

/* The size, at most @size, at which every word of @str fits @width:
 * headers wrap between words, never inside one.  Chinese may break
 * anywhere. */
static double
words_fit_size (SzText *text, const char *str, double size, double width)
{
  g_auto(GStrv) words = g_strsplit (str, " ", -1);

  for (guint i = 0; words[i] != NULL; i++)
    if (*words[i] && !is_cjk (words[i]))
      {
        double w = sz_text_measure (text, words[i], size);

        if (w > width)
          size *= width / w * 0.99;
      }
  return size;
}

static double
cell_height (SzFlow *f, const SzColumn *col, const char *str, double size, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .wrap = TRUE, .line_spacing = 0.1, .bold = bold };

  if (str == NULL || *str == '\0')
    return 0;
  if (!col->wrap)
    return size * 1.3;
  return sz_text_wrapped_height (f->text, str, col->width - 2 * CELL_PAD, &st, size);
}

static void
draw_cell (SzFlow *f, const SzColumn *col, double x, double y, double row_h, const char *str,
           double size, SzColor color, gboolean bold)
{
  SzTextStyle st = { .size = size, .min_size = size, .align = col->align, .color = color, .bold = bold,
                     .wrap = col->wrap, .line_spacing = 0.1 };
  double h;

  if (str == NULL || *str == '\0')
    return;
  if (!col->wrap)
    {
      sz_text_draw (f->text, f->page, str, &(SzBox) { x + CELL_PAD, y, col->width - 2 * CELL_PAD, row_h }, &st);
      return;
    }
  h = sz_text_wrapped_height (f->text, str, col->width - 2 * CELL_PAD, &st, size);
  sz_text_draw (f->text, f->page, str,
                &(SzBox) { x + CELL_PAD, y + MAX (0, (row_h - h) / 2), col->width - 2 * CELL_PAD, h + 0.5 },
                &st);
}

static void
table_header (SzFlow *f, const SzTable *t)
{
  double x = f->margin;

  _sz_print_fill (f->page, f->margin, f->y, f->width, t->head_h, head_fill);
  sz_page_add_line (f->page, f->margin, f->y, f->margin + f->width, f->y, 0.9, &black);
  for (guint c = 0; c < t->n_cols; c++)
    {
      SzColumn head = t->cols[c];

      /* Headers wrap, whatever the column does with its cells. */
      head.wrap = TRUE;
      draw_cell (f, &head, x, f->y, t->head_h, t->cols[c].title, t->head_size, black, TRUE);
      x += t->cols[c].width;
    }
  f->y += t->head_h;
  sz_page_add_line (f->page, f->margin, f->y, f->margin + f->width, f->y, 0.5, &axis_grey);
}

static double
body_size (const SzTable *t)
{
  return t->body_size > 0 ? t->body_size : BODY_SIZE;
}

double
_sz_table_measure (SzFlow *f, SzTable *t)
{
  double fixed = 0;
  guint flexible = 0;
  double size = body_size (t);
  double total;

  for (guint c = 0; c < t->n_cols; c++)
    {
      fixed += t->cols[c].width;
      flexible += t->cols[c].width == 0;
    }
  for (guint c = 0; c < t->n_cols; c++)
    if (t->cols[c].width == 0)
      t->cols[c].width = (f->width - fixed) / flexible;
  /* One size for the whole header row, the one its longest word needs;
   * headers wrap, whatever their column does with its cells. */
  t->head_size = size * 8.0 / BODY_SIZE;
  for (guint c = 0; c < t->n_cols; c++)
    t->head_size = words_fit_size (f->text, t->cols[c].title, t->head_size, t->cols[c].width - 2 * CELL_PAD);
  t->head_h = 0;
  for (guint c = 0; c < t->n_cols; c++)
    {
      SzColumn head = t->cols[c];

      head.wrap = TRUE;
      t->head_h = MAX (t->head_h, cell_height (f, &head, head.title, t->head_size, TRUE));
    }
  t->head_h += 7 * size / BODY_SIZE;
  total = t->head_h;
  for (guint i = 0; i < t->rows->len; i++)
    {
      SzRow *row = g_ptr_array_index (t->rows, i);

      row->height = 0;
      for (guint c = 0; c < t->n_cols; c++)
        row->height = MAX (row->height, cell_height (f, &t->cols[c], row->cells[c], size, row->bold));
      row->height = MAX (row->height + 6 * size / BODY_SIZE, 16 * size / BODY_SIZE);
      total += row->height;
    }
  return total;
}

double
_sz_table_keep (SzFlow *f, SzTable *t)
{
  double h = _sz_table_measure (f, t);

  return h <= f->bottom - f->margin - 40 ? h : MIN (h, t->head_h + 48);
}

void
_sz_table_draw (SzFlow *f, SzTable *t)
{
  guint since_header = 0;

  for (guint i = 0; i < t->rows->len; i++)
    {
      const SzRow *row = g_ptr_array_index (t->rows, i);
      double x = f->margin;
      gboolean fresh = FALSE;

      /* A header needs a row under it. */
      if (i == 0 ? f->y + t->head_h + row->height > f->bottom : f->y + row->height > f->bottom)
        {
          if (i > 0)
            sz_page_add_line (f->page, f->margin, f->y, f->margin + f->width, f->y, 0.9, &black);
          _sz_flow_new_page (f);
          fresh = TRUE;
        }
      if (i == 0 || fresh)
        {
          table_header (f, t);
          since_header = 0;
        }
      if (row->bold)
        _sz_print_fill (f->page, f->margin, f->y, f->width, row->height, head_fill);
      else if (since_header % 2 == 1)
        _sz_print_fill (f->page, f->margin, f->y, f->width, row->height, zebra);
      since_header++;
      for (guint c = 0; c < t->n_cols; c++)
        {
          draw_cell (f, &t->cols[c], x, f->y, row->height, row->cells[c], body_size (t),
                     row->red & (1u << c) ? red : black, row->bold);
          x += t->cols[c].width;
        }
      f->y += row->height;
    }
  sz_page_add_line (f->page, f->margin, f->y, f->margin + f->width, f->y, 0.9, &black);
}

/* ---------------------------------------------------------------- writing */

gboolean
_sz_print_write_pdf (GPtrArray  *pages,
                     SzDocInfo  *info,
                     const char *path,
                     GError    **error)
{
  g_autoptr(SzHpdfWriter) haru = NULL;
  g_autoptr(SzCairoPdf) cairo = NULL;
  gboolean use_haru = TRUE;

  /* One engine for the whole file: libharu unless a character needs
   * cairo (outside the BMP, or only in a font libharu cannot embed). */
  for (guint i = 0; i < pages->len && use_haru; i++)
    use_haru = sz_hpdf_can_draw (g_ptr_array_index (pages, i));

  g_free (info->creator);
  info->creator = g_strdup ("Sanzhang " PACKAGE_VERSION);
  /* Both writers write beside @path and rename into place when done. */
  if (use_haru)
    haru = sz_hpdf_writer_new (info, error);
  else
    cairo = sz_cairo_pdf_new (path, info, error);
  sz_doc_info_clear (info);
  if (haru == NULL && cairo == NULL)
    return FALSE;
  for (guint i = 0; i < pages->len; i++)
    if (!(haru ? sz_hpdf_writer_add_page (haru, g_ptr_array_index (pages, i), error)
               : sz_cairo_pdf_add_page (cairo, g_ptr_array_index (pages, i), error)))
      return FALSE;
  return haru ? sz_hpdf_writer_save (haru, path, error) : sz_cairo_pdf_finish (cairo, error);
}
