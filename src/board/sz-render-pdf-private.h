/* sz-render-pdf-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <stdio.h>
#include <hb.h>
#include <zlib.h>

#include "sz-render-pdf.h"

G_BEGIN_DECLS

/* The writer is one object over three files: sz-render-pdf.c (the file,
 * objects, pages, outline, labels, info), sz-render-pdf-draw.c (a page's
 * content stream and its pictures) and sz-render-pdf-font.c (fonts: glyphs
 * used, subsetting, widths, ToUnicode). */

/* One font file as used by this document. */
typedef struct
{
  const SzFontFile *file;
  guint             obj;        /* the Type0 font object */
  hb_blob_t        *blob;
  hb_face_t        *face;
  hb_font_t        *font;
  guint             n_glyphs;   /* in the font file */
  guint             upem;
  GHashTable       *cids;       /* glyph id + 1 → CID */
  GArray           *gids;       /* guint32 glyph id, indexed by CID (0: .notdef) */
  GPtrArray        *unicode;    /* char* (UTF-8) or NULL, indexed by CID */
  GArray           *widths;     /* double, 1/1000 em, indexed by CID */
} PdfFont;

typedef struct
{
  char  *title;
  guint  page_obj;
  int    parent;              /* -1: top level */
  int    first, last, next, prev;
  int    count;
  gboolean open;
} PdfOutline;

typedef struct
{
  guint  page;
  char  *prefix;
} PdfLabel;

struct _SzPdfWriter
{
  char        *path;
  char        *temp;
  FILE        *out;
  guint64      pos;
  gboolean     failed;        /* a write failed: reported when finishing */
  int          write_errno;
  gboolean     private_file;
  char        *lang;          /* SzDocInfo.lang as a BCP 47 tag, or NULL */
  gboolean     finished;
  /* By object number: the file offset, or (1 << 63 | object stream << 16
   * | index) for an object inside an object stream; 0 while unwritten. */
  GArray      *offsets;
  guint        info_obj;
  guint        pages_obj;     /* the root of the page tree */
  GArray      *nodes;         /* guint: object of each Pages node of 1024 pages */
  GArray      *page_objs;     /* guint: every page's object */
  GPtrArray   *fonts;         /* PdfFont*, in order of first use */
  GHashTable  *fonts_by_id;   /* SzFontFile id → PdfFont* */
  GHashTable  *images;        /* GBytes (referenced) → object number */
  GHashTable  *qr_forms;      /* GBytes (colour, side, modules) → Form XObject */
  GArray      *outline;       /* PdfOutline */
  GArray      *outline_open;  /* int: the previous page's path, as indexes into outline */
  GPtrArray   *outline_path;  /* char*: the previous page's path */
  GArray      *labels;        /* PdfLabel */
  char        *label_prefix;
  guint        n_pages;
  GString     *scratch;
  guint        objstm_obj;    /* the object stream being filled, 0: none */
  guint        objstm_count;
  GString     *objstm_head;   /* "number offset " pairs */
  GString     *objstm_body;
  z_stream     z;
  gboolean     z_ready;
};

#define PDF_PAGES_PER_NODE 1024

guint     _sz_pdf_obj_new        (SzPdfWriter  *w);
void      _sz_pdf_write          (SzPdfWriter  *w,
                                  const void   *data,
                                  gsize         len);
void      _sz_pdf_puts           (SzPdfWriter  *w,
                                  const char   *s);
void      _sz_pdf_obj_begin      (SzPdfWriter  *w,
                                  guint         obj);
void      _sz_pdf_obj_dict       (SzPdfWriter  *w,
                                  guint         obj,
                                  const char   *text);
/* Writes a whole stream object: @dict holds the entries besides /Length
 * and /Filter (may be ""); @data is deflated when @pack. */
void      _sz_pdf_stream         (SzPdfWriter  *w,
                                  guint         obj,
                                  const char   *dict,
                                  const void   *data,
                                  gsize         len,
                                  gboolean      pack);
void      _sz_pdf_num            (GString      *s,
                                  double        v);
void      _sz_pdf_int            (GString      *s,
                                  gint64        v);
void      _sz_pdf_text_string    (GString      *s,
                                  const char   *utf8);

PdfFont  *_sz_pdf_font_get       (SzPdfWriter      *w,
                                  const SzFontFile *file,
                                  GError          **error);
/* The CID of glyph @gid, assigned on first use; @text is what it draws. */
guint     _sz_pdf_font_cid       (PdfFont          *font,
                                  guint32           gid,
                                  const char       *text,
                                  gsize             text_len);
gboolean  _sz_pdf_font_write     (SzPdfWriter      *w,
                                  PdfFont          *font,
                                  GError          **error);
void      _sz_pdf_font_free      (gpointer          font);

/* Writes the picture (once per document) and returns its object; 0 with
 * @error when it is damaged. */
guint     _sz_pdf_image_get      (SzPdfWriter       *w,
                                  const SzImageItem *item,
                                  GError           **error);
/* The page's content stream, and the names it uses into @fonts and @images
 * (object numbers, no duplicates). */
void      _sz_pdf_draw_page      (SzPdfWriter      *w,
                                  const SzPage     *page,
                                  GString          *content,
                                  GArray           *fonts,
                                  GArray           *images);

G_END_DECLS
