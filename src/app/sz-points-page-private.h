/* sz-points-page-private.h: shared by the files of SzPointsPage:
 * sz-points-page.c (the toolbar, the balances, search and filters) and
 * sz-points-page-statement.c (the selected person's movements and what
 * can be done with them).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-points-form.h"
#include "sz-points-page.h"

G_BEGIN_DECLS

struct _SzPointsPage
{
  GtkWidget            parent_instance;

  SzSession           *session;

  GtkStack            *sections;
  GtkWidget           *credits_button;

  /* Balances */
  GtkSearchEntry      *search_entry;
  GtkDropDown         *grid_drop_down;
  GArray              *grid_ids;
  GtkDropDown         *level_drop_down;
  GtkCheckButton      *everyone_check;
  GtkStack            *list_stack;
  GtkLabel            *empty_label;
  GListStore          *balances;
  GtkSelectionModel   *balance_selection;
  GtkColumnView       *balances_view;
  GtkLabel            *count_label;

  /* Statement */
  GtkLabel            *statement_title;
  GtkLabel            *statement_totals;
  GListStore          *movements;
  GtkSelectionModel   *movement_selection;
  GtkColumnView       *statement_view;
  GtkWidget           *export_button;
  GtkWidget           *correct_button;
  GtkWidget           *reverse_button;
  gint64               person_id;      /* whose statement shows; 0: none */

  /* Honours */
  GtkWidget           *honours;

  gboolean             loaded;
  gboolean             dirty;
  gboolean             updating;
};

/* The statement part: built into @box, filled for self->person_id. */
void  _sz_points_page_build_statement  (SzPointsPage *self,
                                        GtkBox       *box);
void  _sz_points_page_load_statement   (SzPointsPage *self);
/* The balance of the selected person, or NULL (borrowed). */
SzPointsBalance *_sz_points_page_selected_balance (SzPointsPage *self);

G_END_DECLS
