/* sz-place-page-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-hotline.h"
#include "sz-place-page.h"
#include "sz-tree.h"
#include "sz-wechat.h"

G_BEGIN_DECLS

/* SzPlacePage is spread over six files: sz-place-page.c (loading and
 * the class), sz-place-page-form.c (the place's own fields, saving and its
 * undo), sz-place-page-households.c, sz-place-page-heads.c,
 * sz-place-page-wechat.c and sz-place-page-hotlines.c (one section each). */
struct _SzPlacePage
{
  GtkWidget    parent_instance;

  /* Template widgets */
  GtkScrolledWindow *scrolled_window;
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
  GtkWidget   *households_sum_button;
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

  /* The WeChat group section, built in code (sz-place-page-wechat.c) */
  GtkWidget   *wechat_box;
  GtkLabel    *wechat_note;
  GtkWidget   *wechat_name_entry;
  GtkLabel    *wechat_admin_label;
  GtkWidget   *wechat_members_spin;
  GtkWidget   *wechat_qr_picture;
  GtkLabel    *wechat_qr_none_label;
  GtkWidget   *wechat_qr_remove_button;
  GtkWidget   *wechat_date_entry;
  GtkWidget   *wechat_warnings_box;
  GtkWidget   *wechat_error;
  GtkWidget   *wechat_save_button;
  GtkWidget   *wechat_clear_button;
  GtkFileChooserNative *wechat_chooser;
  /* What the section shows: the stored group or a new one, with the
   * image chosen and what it decodes to; NULL off grids, buildings and
   * units. */
  SzWechatGroup *wechat;
  gboolean     wechat_stored;

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
  int          units_sum;     /* a grid's units' households when they differ from its own, else -1 */
};

/* Shared by the sections. */
char       *_sz_place_page_get_label        (SzPlacePage    *self);
GtkWindow  *_sz_place_page_get_window       (SzPlacePage    *self);
void        _sz_place_page_clear_list       (GtkListBox     *list);
GtkWidget  *_sz_place_page_row_box_new      (void);
GtkWidget  *_sz_place_page_row_label_new    (const char     *text,
                                             gboolean        expand,
                                             const char     *css_class);

/* The place's record after @kind (an SzCommunity, SzGrid, …). */
gpointer    _sz_place_page_record_get       (SzDb           *db,
                                             SzNodeKind      kind,
                                             gint64          id,
                                             GError        **error);
void        _sz_place_page_record_free      (SzNodeKind      kind,
                                             gpointer        record);
char       *_sz_place_page_record_label     (SzDb           *db,
                                             SzNodeKind      kind,
                                             gpointer        record);

/* The form, from self->kind and self->record: built afresh, refreshed
 * keeping what is being typed, the links to the places around it, and the
 * Save button's sensitivity. */
void        _sz_place_page_form_init        (SzPlacePage    *self);
void        _sz_place_page_class_form_init  (GtkWidgetClass *widget_class);
void        _sz_place_page_form_build       (SzPlacePage    *self);
void        _sz_place_page_form_refresh     (SzPlacePage    *self);
void        _sz_place_page_form_links       (SzPlacePage    *self);
void        _sz_place_page_form_clear_errors (SzPlacePage   *self);
void        _sz_place_page_form_update_save (SzPlacePage    *self);

/* Saves @edited (borrowed), a record of the place shown, as one undo step
 * back to @previous (taken, freed on failure), then sz_session_changed(). */
gboolean    _sz_place_page_save_edit        (SzPlacePage    *self,
                                             gpointer        previous,
                                             gpointer        edited,
                                             GError        **error);
/* The place shown, as saved now. */
gpointer    _sz_place_page_load_record      (SzPlacePage    *self,
                                             GError        **error);

/* Each section binds its template children's callbacks and reloads
 * itself from self->kind, self->id and self->record. */
void        _sz_place_page_class_households_init (GtkWidgetClass *widget_class);
void        _sz_place_page_households_reload   (SzPlacePage    *self);
void        _sz_place_page_class_heads_init    (GtkWidgetClass *widget_class);
void        _sz_place_page_heads_reload        (SzPlacePage    *self);
void        _sz_place_page_class_hotlines_init (GtkWidgetClass *widget_class);
void        _sz_place_page_hotlines_reload     (SzPlacePage    *self);
/* The WeChat group section is built in code, after the heads. */
void        _sz_place_page_wechat_init         (SzPlacePage    *self);
void        _sz_place_page_wechat_reload       (SzPlacePage    *self);
void        _sz_place_page_wechat_dispose      (SzPlacePage    *self);

/* What the WeChat group section's widgets do, for tests.  Choosing an
 * image: FALSE with the message under it when it cannot be used. */
gboolean    sz_place_page_set_wechat_qr_file   (SzPlacePage    *self,
                                                GFile          *file);
/* The admin picked in "Choose…". */
void        sz_place_page_set_wechat_admin     (SzPlacePage    *self,
                                                gint64          person_id);
/* "Save Group": TRUE when saved; FALSE with the message under the
 * section, nothing saved. */
gboolean    sz_place_page_save_wechat          (SzPlacePage    *self);
/* "Remove Group". */
gboolean    sz_place_page_clear_wechat         (SzPlacePage    *self);
/* The warnings shown in the section, newline-separated, or NULL. */
char       *sz_place_page_get_wechat_warnings  (SzPlacePage    *self);

G_END_DECLS
