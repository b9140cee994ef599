/* sz-place-sidebar-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-place-sidebar.h"
#include "sz-place-tree.h"

G_BEGIN_DECLS

/* SzPlaceSidebar is spread over two files: sz-place-sidebar.c (selecting,
 * reloading, finding, the keys and the row menu) and
 * sz-place-sidebar-rows.c (what a row shows, and the scroll position kept
 * while rows open and close). */
struct _SzPlaceSidebar
{
  GtkWidget           parent_instance;

  /* Template widgets */
  GtkSearchEntry     *search_entry;
  GtkScrolledWindow  *scrolled_window;
  GtkListView        *list_view;
  GtkMenuButton      *add_button;

  /* Owned references */
  SzSession          *session;
  SzPlaceTree        *tree;
  GtkSingleSelection *selection;
  GtkWidget          *context_menu;
  char               *query;
  gboolean            reloading;

  /* Borrowed: the model whose rows open and close under the pointer. */
  GtkTreeListModel   *watched_model;
  gulong              watched_handler;
};

/* In sz-place-sidebar.c */
void        _sz_place_sidebar_popup_context_menu (SzPlaceSidebar *self,
                                                  GtkWidget      *anchor,
                                                  double          x,
                                                  double          y);

/* In sz-place-sidebar-rows.c */
void        _sz_place_sidebar_init_rows          (SzPlaceSidebar *self);
/* Call after the selection got a new model from the tree. */
void        _sz_place_sidebar_watch_model        (SzPlaceSidebar *self);
void        _sz_place_sidebar_unwatch_model      (SzPlaceSidebar *self);
/* The row widget (a GtkTreeExpander) showing @position, if on screen. */
GtkWidget  *_sz_place_sidebar_row_widget         (SzPlaceSidebar *self,
                                                  guint           position);

G_END_DECLS
