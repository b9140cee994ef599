/* sz-honours-view-private.h: shared by the files of SzHonoursView:
 * sz-honours-view.c (the period, the shortlist and starting a publicity)
 * and sz-honours-view-list.c (the period's honours: award, withdraw, the
 * PDFs).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-honours-view.h"
#include "sz-points-form.h"

G_BEGIN_DECLS

struct _SzHonoursView
{
  GtkWidget          parent_instance;

  SzSession         *session;
  GPtrArray         *periods;        /* char *: "2026", "2026-Q4", … */

  GtkWidget         *period;
  GtkWidget         *level;
  GtkWidget         *min_hours;
  GtkWidget         *min_points;
  GtkWidget         *min_records;
  GtkWidget         *filter_error;

  GListStore        *shortlist;
  GtkSelectionModel *shortlist_selection;
  GtkColumnView     *shortlist_view;
  GHashTable        *checked;        /* person ids ticked */
  GtkWidget         *title;
  GtkWidget         *reason;
  GtkWidget         *days;
  GtkWidget         *propose_button;
  GtkWidget         *propose_error;

  GListStore        *honours;
  GtkSelectionModel *honour_selection;
  GtkColumnView     *honours_view;
  GtkWidget         *honours_title;
  GtkWidget         *award_button;
  GtkWidget         *withdraw_button;

  gboolean           loaded;
  gboolean           dirty;
  gboolean           updating;
};

GtkWidget *_sz_honours_view_build_list  (SzHonoursView *self);
void       _sz_honours_view_load_list   (SzHonoursView *self);
void       _sz_honours_view_install_actions (GtkWidgetClass *widget_class);

G_END_DECLS
