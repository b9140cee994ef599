/* sz-records-page-filters.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-record-figures.h"
#include "sz-records-page-private.h"
#include "sz-tree.h"

/* More rows than anyone scrolls through; the filters find the rest, and
 * the count says so. */
#define ROW_LIMIT 2000
#define N_MONTHS 12

static void
setup_filter_button_cb (GtkSignalListItemFactory *factory,
                        GtkListItem              *list_item,
                        gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  /* A long grid or category name shrinks the button rather than the row
   * of filters pushing the window wider. */
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), 5);
    }
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
setup_filter_row_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_filter_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)), gtk_string_object_get_string (item));
}

static void
set_filter_factories (GtkDropDown *drop_down,
                      gboolean     ellipsize)
{
  GtkListItemFactory *button = gtk_signal_list_item_factory_new ();
  GtkListItemFactory *rows = gtk_signal_list_item_factory_new ();

  g_signal_connect (button, "setup", G_CALLBACK (setup_filter_button_cb), GINT_TO_POINTER (ellipsize));
  g_signal_connect (button, "bind", G_CALLBACK (bind_filter_cb), NULL);
  g_signal_connect (rows, "setup", G_CALLBACK (setup_filter_row_cb), NULL);
  g_signal_connect (rows, "bind", G_CALLBACK (bind_filter_cb), NULL);
  gtk_drop_down_set_factory (drop_down, button);
  gtk_drop_down_set_list_factory (drop_down, rows);
  g_object_unref (button);
  g_object_unref (rows);
}

guint
_sz_records_page_find_id (GArray *ids,
                          gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

static void
set_choices (GtkDropDown   *drop_down,
             GtkStringList *names,
             GArray        *ids,
             gint64         keep)
{
  guint position = _sz_records_page_find_id (ids, keep);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

/* The grids and categories to filter by, keeping what was chosen. */
void
_sz_records_page_load_filter_choices (SzRecordsPage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GtkStringList) grids = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);
  g_autoptr(SzTreeNode) root = sz_tree_load (db, sz_session_get_community_id (self->session), NULL);
  g_autoptr(GPtrArray) list = sz_record_category_list (db, TRUE, NULL);
  gint64 grid = g_array_index (self->grid_ids, gint64, MIN (gtk_drop_down_get_selected (self->grid_drop_down),
                                                             self->grid_ids->len - 1));
  gint64 category = g_array_index (self->category_ids, gint64,
                                   MIN (gtk_drop_down_get_selected (self->category_drop_down),
                                        self->category_ids->len - 1));
  gint64 id;

  g_array_set_size (self->grid_ids, 0);
  gtk_string_list_append (grids, _("All grids"));
  id = 0;
  g_array_append_val (self->grid_ids, id);
  for (guint i = 0; root != NULL && i < root->children->len; i++)
    {
      SzTreeNode *node = root->children->pdata[i];

      if (node->kind != SZ_NODE_GRID)
        continue;
      gtk_string_list_append (grids, node->label);
      g_array_append_val (self->grid_ids, node->id);
    }
  /* Translators: the grid filter's entry for records of the community or of a compound spanning grids */
  gtk_string_list_append (grids, _("No grid"));
  id = -1;
  g_array_append_val (self->grid_ids, id);

  g_array_set_size (self->category_ids, 0);
  gtk_string_list_append (categories, _("All categories"));
  id = 0;
  g_array_append_val (self->category_ids, id);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzRecordCategory *c = list->pdata[i];

      gtk_string_list_append (categories, c->name);
      g_array_append_val (self->category_ids, c->id);
    }

  self->updating = TRUE;
  set_choices (self->grid_drop_down, grids, self->grid_ids, grid);
  set_choices (self->category_drop_down, categories, self->category_ids, category);
  self->updating = FALSE;
}

gboolean
_sz_records_page_read_filter (SzRecordsPage  *self,
                              SzRecordFilter *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_drop_down);
  guint month = gtk_drop_down_get_selected (self->month_drop_down);
  guint grid = gtk_drop_down_get_selected (self->grid_drop_down);
  guint category = gtk_drop_down_get_selected (self->category_drop_down);
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gboolean awaiting = gtk_toggle_button_get_active (self->quick_buttons[QUICK_AWAITING]);
  gboolean any = FALSE;

  sz_record_filter_init (filter, sz_session_get_community_id (self->session));
  /* Waiting for the follow-up is a status of its own: the drop-down's
   * ("Open" by default) is set aside meanwhile. */
  if (awaiting)
    filter->status = SZ_RECORD_FILTER_ANY_STATUS;
  else
    filter->status = status == 0 ? SZ_RECORD_FILTER_ANY_STATUS : status == 1 ? SZ_RECORD_FILTER_OPEN : (int) status - 2;
  any |= filter->status != SZ_RECORD_FILTER_ANY_STATUS;
  filter->overdue = gtk_toggle_button_get_active (self->quick_buttons[QUICK_OVERDUE]);
  filter->due_today = gtk_toggle_button_get_active (self->quick_buttons[QUICK_DUE_TODAY]);
  filter->awaiting_follow_up = awaiting;
  any |= filter->overdue || filter->due_today || filter->awaiting_follow_up;
  if (grid < self->grid_ids->len)
    filter->grid_id = g_array_index (self->grid_ids, gint64, grid);
  if (category < self->category_ids->len)
    filter->category_id = g_array_index (self->category_ids, gint64, category);
  any |= filter->grid_id != 0 || filter->category_id != 0;
  if (month > 0 && month <= g_strv_length (self->months))
    {
      sz_record_parse_month (self->months[month - 1], &filter->month_start, &filter->month_end, NULL);
      any = TRUE;
    }
  if (*search != '\0')
    {
      filter->search = g_steal_pointer (&search);
      any = TRUE;
    }
  filter->now = sz_record_now ();
  filter->limit = ROW_LIMIT;
  return any;
}

/* Quick filters */

void
_sz_records_page_update_counts (SzRecordsPage        *self,
                                const SzRecordFilter *filter)
{
  g_autoptr(GError) error = NULL;
  SzRecordCounts counts;
  guint n[N_QUICK];
  guint more = (filter->month_start != 0) + (filter->grid_id != 0) + (filter->category_id != 0);
  g_autofree char *more_label = NULL;

  /* In a narrow window, the button that holds the month, grid and
   * category filters says how many of them narrow the list. */
  /* Translators: the button holding the month, grid and category filters; %u of them are set */
  more_label = more ? g_strdup_printf (_("More Filters (%u)"), more) : g_strdup (_("More Filters"));
  gtk_menu_button_set_label (self->more_button, more_label);

  /* A count that cannot be read is left blank; the list says why. */
  if (!sz_record_count_quick (sz_session_get_db (self->session), filter, &counts, &error))
    {
      for (guint q = 0; q < N_QUICK; q++)
        gtk_label_set_text (self->quick_counts[q], "");
      return;
    }
  n[QUICK_OVERDUE] = counts.overdue;
  n[QUICK_DUE_TODAY] = counts.due_today;
  n[QUICK_AWAITING] = counts.awaiting_follow_up;
  for (guint q = 0; q < N_QUICK; q++)
    {
      g_autofree char *text = g_strdup_printf ("%u", n[q]);

      gtk_label_set_text (self->quick_counts[q], text);
      /* Nothing waiting reads quietly; something waiting stands out. */
      if (n[q] > 0)
        gtk_widget_remove_css_class (GTK_WIDGET (self->quick_counts[q]), "dim-label");
      else
        gtk_widget_add_css_class (GTK_WIDGET (self->quick_counts[q]), "dim-label");
    }
}

/* The quick filters exclude each other (an overdue record is not due
 * today, nor waiting for its follow-up): turning one on turns the others
 * off, and the list reloads once. */
static void
on_quick_button_toggled_cb (SzRecordsPage   *self,
                            GtkToggleButton *button)
{
  gboolean was_updating = self->updating;

  if (gtk_toggle_button_get_active (button))
    {
      self->updating = TRUE;
      for (guint q = 0; q < N_QUICK; q++)
        if (self->quick_buttons[q] != button)
          gtk_toggle_button_set_active (self->quick_buttons[q], FALSE);
      self->updating = was_updating;
    }
  gtk_widget_set_sensitive (GTK_WIDGET (self->status_drop_down),
                            !gtk_toggle_button_get_active (self->quick_buttons[QUICK_AWAITING]));
  if (self->updating || self->session == NULL)
    return;
  _sz_records_page_reload_list (self);
}

static void
on_filter_changed_cb (SzRecordsPage *self)
{
  if (self->updating || self->session == NULL)
    return;
  _sz_records_page_reload_list (self);
}

static void
on_search_entry_stop_search_cb (SzRecordsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* The last 12 months, again when a month has begun since (the window
 * stays open for days), keeping the month chosen. */
void
_sz_records_page_load_months (SzRecordsPage *self)
{
  g_auto(GStrv) months = sz_record_figures_recent_months (sz_record_now (), N_MONTHS);
  g_autoptr(GtkStringList) names = NULL;
  guint selected = gtk_drop_down_get_selected (self->month_drop_down);
  g_autofree char *chosen = NULL;
  guint position = 0;

  if (self->months != NULL && g_strcmp0 (self->months[0], months[0]) == 0)
    return;
  if (self->months != NULL && selected > 0 && selected <= g_strv_length (self->months))
    chosen = g_strdup (self->months[selected - 1]);
  names = gtk_string_list_new (NULL);
  gtk_string_list_append (names, _("All months"));
  for (guint i = 0; months[i] != NULL; i++)
    {
      gtk_string_list_append (names, months[i]);
      if (g_strcmp0 (months[i], chosen) == 0)
        position = i + 1;
    }
  g_strfreev (self->months);
  self->months = g_steal_pointer (&months);
  self->updating = TRUE;
  gtk_drop_down_set_model (self->month_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->month_drop_down, position);
  self->updating = FALSE;
}

void
_sz_records_page_filters_init (SzRecordsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  gint64 none = 0;

  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->category_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_array_append_val (self->grid_ids, none);
  g_array_append_val (self->category_ids, none);

  gtk_string_list_append (statuses, _("All statuses"));
  /* Translators: the status filter's entry for every record not yet resolved */
  gtk_string_list_append (statuses, _("Open"));
  for (SzRecordStatus s = 0; s < SZ_N_RECORD_STATUSES; s++)
    gtk_string_list_append (statuses, sz_record_status_title (s));
  gtk_drop_down_set_model (self->status_drop_down, G_LIST_MODEL (statuses));
  /* Open records are what the office works from. */
  gtk_drop_down_set_selected (self->status_drop_down, 1);

  _sz_records_page_load_months (self);
  set_filter_factories (self->status_drop_down, FALSE);
  set_filter_factories (self->month_drop_down, FALSE);
  set_filter_factories (self->grid_drop_down, TRUE);
  set_filter_factories (self->category_drop_down, TRUE);
}

void
_sz_records_page_class_filters_init (GtkWidgetClass *widget_class)
{
  static const char * const quick_ids[N_QUICK] = { "overdue_button", "due_today_button", "awaiting_button" };
  static const char * const count_ids[N_QUICK] = { "overdue_count", "due_today_count", "awaiting_count" };

  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, filter_flow);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, filter_row);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, quick_box);
  gtk_widget_class_bind_template_child_full (widget_class, "more_filters_clip", FALSE,
                                             G_STRUCT_OFFSET (SzRecordsPage, more_filters));
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, more_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, more_popover_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, month_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, grid_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, category_drop_down);
  for (guint q = 0; q < N_QUICK; q++)
    {
      gtk_widget_class_bind_template_child_full (widget_class, quick_ids[q], FALSE,
                                                 G_STRUCT_OFFSET (SzRecordsPage, quick_buttons)
                                                 + q * sizeof (gpointer));
      gtk_widget_class_bind_template_child_full (widget_class, count_ids[q], FALSE,
                                                 G_STRUCT_OFFSET (SzRecordsPage, quick_counts)
                                                 + q * sizeof (gpointer));
    }
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_quick_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
}
