/* sz-board-view-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-board-view.h"
#include "sz-text.h"

G_BEGIN_DECLS

/* SzBoardView is spread over three files: sz-board-view.c (the object,
 * printing and exporting), sz-board-view-options.c (paper, orientation
 * and style, kept in the settings) and sz-board-view-preview.c (layout,
 * drawing and zoom). */
struct _SzBoardView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkButton         *stale_button;
  GtkButton         *print_button;
  GtkButton         *export_button;
  GtkDropDown       *paper_dropdown;
  GtkDropDown       *orientation_dropdown;
  GtkDropDown       *style_dropdown;
  GtkButton         *zoom_out_button;
  GtkDropDown       *zoom_dropdown;
  GtkButton         *zoom_in_button;
  GtkWidget         *warning_box;
  GtkLabel          *warning_label;
  GtkLabel          *note_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *area;
  GtkLabel          *empty_label;
  GtkLabel          *refused_label;

  /* Owned references */
  SzSession         *session;
  SzFonts           *fonts;        /* one for the view's life: loading them is slow */
  SzText            *text;
  GError            *fonts_error;
  SzBoardSource     *source;
  SzPage            *page;
  cairo_surface_t   *recording;    /* the page replayed once, so a draw decodes no image */
  char              *custom_paper; /* a "paper" setting that is none of papers[] */
  char              *warning;

  SzBoardRef         ref;
  gboolean           has_ref;
  guint              n_stale;
  double             fit_zoom;     /* the zoom "fit" came to at the last draw */
  gboolean           source_dirty;
  gboolean           layout_dirty;
  gboolean           updating;     /* settings → widgets: no write back */
  gboolean           writing;      /* widgets → settings: no read back */
};

/* The options the toolbar shows. */
const char   *_sz_board_view_current_paper       (SzBoardView    *self);
gboolean      _sz_board_view_current_landscape   (SzBoardView    *self);
SzBoardStyle  _sz_board_view_current_style       (SzBoardView    *self);
/* Shows the settings' options and follows their changes. */
void          _sz_board_view_follow_settings     (SzBoardView    *self);

/* Data (@data TRUE), place or options changed: lays out now if the view
 * is mapped, else when it is. */
void          _sz_board_view_invalidate          (SzBoardView    *self,
                                                  gboolean        data);
/* Lays the board out again if anything changed since: callers that read
 * self->page, ref, warning or n_stale call it first. */
void          _sz_board_view_ensure_layout       (SzBoardView    *self);
void          _sz_board_view_clear_board         (SzBoardView    *self);
void          _sz_board_view_update_stale_button (SzBoardView    *self);

/* Each file fills its dropdowns' models in init, and binds its template
 * children's callbacks. */
void          _sz_board_view_options_init        (SzBoardView    *self);
void          _sz_board_view_preview_init        (SzBoardView    *self);
void          _sz_board_view_class_options_init  (GtkWidgetClass *widget_class);
void          _sz_board_view_class_preview_init  (GtkWidgetClass *widget_class);

G_END_DECLS
