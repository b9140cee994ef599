/* sz-display.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define SZ_RENDER_ERROR (sz_render_error_quark ())

/* Errors of the board layer: layout, fonts and both renderers. */
typedef enum
{
  SZ_RENDER_ERROR_FONT,      /* no usable font, or a character no font can draw */
  SZ_RENDER_ERROR_IMAGE,     /* a photo or QR image that cannot be decoded */
  SZ_RENDER_ERROR_WRITE,     /* the output file cannot be written */
  SZ_RENDER_ERROR_ENGINE,    /* the engine cannot draw this page (see message) */
  SZ_RENDER_ERROR_INVALID,   /* bad option: paper size, selection, … */
  SZ_RENDER_ERROR_FAILED,
} SzRenderError;

GQuark sz_render_error_quark (void);

/* The display list: what one page of a board looks like, in points with a
 * top-left origin.  Layout (sz-layout.c) makes it once; the renderers
 * (sz-render-cairo.c, sz-render-hpdf.c) replay it and make no decisions of
 * their own, so that screen, printer, PNG and both PDF engines agree. */

/* One font file the layout drew with.  Owned by SzFonts (sz-fonts.c), which
 * outlives every page that points at it. */
typedef struct
{
  char     *path;        /* absolute path of the .ttf/.ttc */
  int       index;       /* face index within a .ttc */
  char     *family;      /* "WenQuanYi Zen Hei" */
  gboolean  haru_ok;     /* libharu 2.3.0 can embed and encode it */
  int       id;          /* small integer, unique within the SzFonts */
} SzFontFile;

typedef struct
{
  double r, g, b;        /* 0..1 */
} SzColor;

typedef enum
{
  SZ_ITEM_TEXT,
  SZ_ITEM_RECT,
  SZ_ITEM_LINE,
  SZ_ITEM_IMAGE,
  SZ_ITEM_QR,
} SzItemKind;

typedef struct
{
  guint32 glyph;         /* glyph id in the font */
  float   x;             /* pen position relative to the run's x */
  guint32 cluster;       /* byte offset in utf8 of the character it draws */
} SzGlyph;

typedef struct
{
  SzItemKind        kind;
  const SzFontFile *font;
  double            size;      /* em size in points */
  double            x, y;      /* left end of the baseline */
  double            width;     /* measured advance of the whole run */
  double            ascent;    /* logical extents above and below the baseline */
  double            descent;
  SzColor           color;
  gboolean          bold;      /* drawn filled and stroked (size / 30 wide) */
  char             *utf8;
  guint             n_glyphs;
  SzGlyph          *glyphs;
  /* The box layout meant the run to stay inside (tests check it). */
  double            box_x, box_y, box_w, box_h;
} SzTextItem;

typedef struct
{
  SzItemKind kind;
  double     x, y, w, h;
  gboolean   fill;
  SzColor    fill_color;
  double     line_width;      /* 0: no stroke */
  SzColor    line_color;
} SzRectItem;

typedef struct
{
  SzItemKind kind;
  double     x0, y0, x1, y1;
  double     line_width;
  SzColor    color;
} SzLineItem;

typedef struct
{
  SzItemKind  kind;
  double      x, y, w, h;     /* where the picture goes, aspect already kept */
  GBytes     *data;           /* the original JPEG or PNG bytes */
  char       *mime_type;      /* "image/jpeg" or "image/png" */
  int         pixel_width;
  int         pixel_height;
} SzImageItem;

typedef struct
{
  SzItemKind  kind;
  double      x, y;           /* top-left corner of the symbol (quiet zone excluded) */
  double      module;         /* side of one module in points */
  int         n;              /* modules per side */
  guint8     *modules;        /* n * n bytes, row by row, non-zero = dark */
  SzColor     color;
} SzQrItem;

typedef union
{
  SzItemKind  kind;
  SzTextItem  text;
  SzRectItem  rect;
  SzLineItem  line;
  SzImageItem image;
  SzQrItem    qr;
} SzItem;

/* One printed page. */
typedef struct
{
  double      width, height;  /* points */
  GPtrArray  *items;          /* SzItem*, in drawing order */
  /* Where the page sits in a batch: the bookmark path from the outermost
   * level in ("第1网格 …", "丰和林苑 2栋", "1单元"), NULL-terminated. */
  char      **outline;
  /* ASCII prefix of the page label ("G1-"): pages with the same prefix are
   * numbered 1, 2, … after it. */
  char       *label_prefix;
} SzPage;

typedef struct
{
  char *title;
  char *author;               /* the community */
  char *subject;
  char *creator;              /* "Sanzhang 0.1" */
  /* The language it is written in, "zh_CN" or "en" (the community's board
   * language, sz-doc-lang.h); NULL: not said. */
  char *lang;
  /* The file holds personal data (a person's statement): written mode
   * 0600 from the start, whatever the umask. */
  gboolean private_file;
} SzDocInfo;

SzPage     *sz_page_new            (double        width,
                                    double        height);
void        sz_page_free           (SzPage       *page);
SzTextItem *sz_page_add_text       (SzPage       *page);   /* zeroed, kind set */
SzRectItem *sz_page_add_rect       (SzPage       *page,
                                    double        x,
                                    double        y,
                                    double        w,
                                    double        h);
SzLineItem *sz_page_add_line       (SzPage       *page,
                                    double        x0,
                                    double        y0,
                                    double        x1,
                                    double        y1,
                                    double        line_width,
                                    const SzColor *color);
SzImageItem *sz_page_add_image     (SzPage       *page,
                                    GBytes       *data,
                                    const char   *mime_type,
                                    int           pixel_width,
                                    int           pixel_height,
                                    double        x,
                                    double        y,
                                    double        w,
                                    double        h);
SzQrItem   *sz_page_add_qr         (SzPage       *page,
                                    const guint8 *modules,
                                    int           n,
                                    double        x,
                                    double        y,
                                    double        module);

void        sz_doc_info_clear      (SzDocInfo    *info);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzPage, sz_page_free)

G_END_DECLS
