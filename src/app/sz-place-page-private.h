/* sz-place-page-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-hotline.h"
#include "sz-place-page.h"
#include "sz-tree.h"

G_BEGIN_DECLS

/* SzPlacePage is spread over three files: sz-place-page.c (the form,
 * households, reloading), sz-place-page-heads.c and
 * sz-place-page-hotlines.c (one section each). */
struct _SzPlacePage
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkLabel    *title_label;
  GtkLabel    *subtitle_label;
  GtkLabel    *missing_label;
  GtkWidget   *details_box;
  GtkGrid     *form_grid;
  GtkBox      *form_error_box;
  GtkButton   *save_button;
  GtkWidget   *households_box;
  GtkLabel    *households_label;
  GtkWidget   *households_warning;
  GtkLabel    *households_warning_label;
  GtkWidget   *heads_box;
  GtkLabel    *heads_title;
  GtkLabel    *vacant_label;
  GtkWidget   *head_grid;
  GtkLabel    *head_name_label;
  GtkLabel    *head_phone_label;
  GtkLabel    *head_consent_label;
  GtkLabel    *head_since_label;
  GtkLabel    *head_chosen_label;
  GtkButton   *appoint_button;
  GtkButton   *end_button;
  GtkListBox  *history_list;
  GtkWidget   *hotlines_box;
  GtkLabel    *hotlines_note;
  GtkListBox  *hotline_list;
  GtkWidget   *add_hotline_button;

  /* Owned references */
  SzSession   *session;
  GPtrArray   *fields;        /* FormField */
  GtkWidget   *form_error;
  char        *head_name;     /* the current head, or NULL */
  char        *head_since;

  /* The place shown, as loaded: an SzCommunity, SzGrid, SzCompound,
   * SzBuilding or SzUnit after @kind, or NULL when it is gone. */
  SzNodeKind   kind;
  gint64       id;
  gpointer     record;
  gboolean     has_scope;     /* it has hotlines of its own, at @scope */
  SzScope      scope;
};

/* Shared by the sections. */
char       *_sz_place_page_get_label        (SzPlacePage    *self);
GtkWindow  *_sz_place_page_get_window       (SzPlacePage    *self);
void        _sz_place_page_clear_list       (GtkListBox     *list);
GtkWidget  *_sz_place_page_row_box_new      (void);
GtkWidget  *_sz_place_page_row_label_new    (const char     *text,
                                             gboolean        expand,
                                             const char     *css_class);

/* Each section binds its template children's callbacks and reloads
 * itself from self->kind, self->id and self->record. */
void        _sz_place_page_class_heads_init    (GtkWidgetClass *widget_class);
void        _sz_place_page_heads_reload        (SzPlacePage    *self);
void        _sz_place_page_class_hotlines_init (GtkWidgetClass *widget_class);
void        _sz_place_page_hotlines_reload     (SzPlacePage    *self);

G_END_DECLS
