/* sz-people-page-private.h: shared by the files of SzPeoplePage:
 * sz-people-page.c (the list, search and actions) and
 * sz-people-page-cells.c (what each cell shows, filled as rows come into
 * view).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-people-page.h"
#include "sz-person.h"

G_BEGIN_DECLS

/* The photo column's thumbnails, in logical pixels. */
#define THUMBNAIL_SIZE 32

/* A person as the list knows them.  Posts and photo are read when the
 * person is first shown: a city roster has far more people than a screen
 * has rows, and reading every post and photo up front would make each
 * reload slow. */
typedef struct
{
  SzPerson     *person;
  gboolean      details_loaded;
  char         *posts;          /* "网格长 · 丰和林苑 2栋 楼栋长" */
  GdkPaintable *thumbnail;      /* NULL: no photo */
} Entry;

void _sz_people_entry_free (Entry *entry);

/* A row of the list: a slot that shows one entry or another.  Searching
 * puts other entries in the same slots rather than other items in the
 * model, because GTK 4.8's list views make (and later destroy) a row of
 * widgets for every new item within 200 of the top, several times what
 * a keystroke may cost; new slots are made only when a search finds more
 * people than the last.
 *
 * Rows still added or taken when a search finds more or fewer people
 * than the last: those on screen at once, those below it a few per frame
 * after the frame that shows the hits (see sz-people-page.c), so that a
 * keystroke costs about a screen of rows whatever the count. */
#define SZ_TYPE_PEOPLE_ROW (sz_people_row_get_type ())
G_DECLARE_FINAL_TYPE (SzPeopleRow, sz_people_row, SZ, PEOPLE_ROW, GObject)

struct _SzPeopleRow
{
  GObject  parent_instance;

  Entry   *entry;   /* borrowed from the page */
};


struct _SzPeoplePage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *show_phones_button;
  GtkButton           *edit_button;
  GtkButton           *delete_button;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *posts_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *party_column;
  GtkColumnViewColumn *consent_column;
  GtkColumnViewColumn *photo_column;
  GtkLabel            *empty_title;
  GtkLabel            *empty_detail;
  GtkImage            *empty_image;
  GtkLabel            *count_label;

  /* Owned references */
  SzSession           *session;
  GPtrArray           *entries;       /* Entry, pinyin order */
  GHashTable          *entries_by_id; /* gint64 * → Entry */
  GListStore          *rows;          /* SzPeopleRow: what the view shows */
  GPtrArray           *slots;         /* the same rows, for access by position */
  guint                n_shown;       /* slots in use */
  guint                n_in_model;    /* rows has this many: n_shown, or more while none,
                                       * or on the way there (n_wanted) */
  guint                n_wanted;      /* what n_in_model goes to, a few rows a frame */
  guint                resize_tick;   /* the tick callback that goes there, or 0 */
  gint64               resize_after_frame; /* it waits for the frames up to this one */
  GtkSingleSelection  *selection;
  GHashTable          *cells;         /* every cell's GtkListItem, weak */
  char                *applied_query; /* what the list shows hits of; NULL: everyone */

  guint                prepare_id;
  guint                refresh_id;
  double               row_height;    /* estimated from the list's height */
  gint64               select_after_reload;
  gboolean             loaded;
  gboolean             dirty;         /* the roster changed while the page was hidden */
};

/* The cells: a label each, or an image for the photo. */
typedef enum
{
  CELL_NAME,
  CELL_POSTS,
  CELL_PHONE,
  CELL_PARTY,
  CELL_CONSENT,
  CELL_PHOTO,
} CellKind;

/* The columns' names for the tests, in CellKind order (no photo). */
extern const char * const _sz_people_cell_names[5];

char *_sz_people_page_cell_text          (SzPeoplePage        *self,
                                           Entry               *entry,
                                           CellKind             kind);
void  _sz_people_page_set_cell_factory   (SzPeoplePage        *self,
                                           GtkColumnViewColumn *column,
                                           CellKind             kind);
/* Fills the cells near the view again (@refill: all of them, stale or
 * not). */
void  _sz_people_page_refresh_cells      (SzPeoplePage        *self,
                                           gboolean             refill);
void  _sz_people_page_on_vadjustment_value_changed (SzPeoplePage *self);
void  _sz_people_page_on_vadjustment_changed       (SzPeoplePage  *self,
                                                     GtkAdjustment *adjustment);
void  _sz_people_page_on_cell_finalized  (gpointer             data,
                                           GObject             *item);
/* The rows from the top of the list to the bottom of the view, or
 * G_MAXUINT before the list has been laid out. */
guint _sz_people_page_rows_to_view_end   (SzPeoplePage        *self);

G_END_DECLS
