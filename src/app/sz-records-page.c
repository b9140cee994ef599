/* sz-records-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-record-dialog.h"
#include "sz-record-figures.h"
#include "sz-record-view.h"
#include "sz-records-page-private.h"

/* A small screen (1024×600, or 900 px wide beside the places): the list's
 * columns that the record below repeats give way below these widths of
 * the page, and the list keeps about 70 % of the height. */
#define ALL_COLUMNS_WIDTH 760
#define CATEGORY_WIDTH    600
#define LIST_MIN_HEIGHT   240
#define DETAIL_MIN_HEIGHT 120

G_DEFINE_FINAL_TYPE (SzRecordsPage, sz_records_page, GTK_TYPE_WIDGET)

static void
reload (SzRecordsPage *self)
{
  self->dirty = FALSE;
  _sz_records_page_load_months (self);
  _sz_records_page_load_filter_choices (self);
  _sz_records_page_reload_list (self);
}

void
_sz_records_page_ensure_loaded (SzRecordsPage *self)
{
  if (self->dirty)
    reload (self);
}

/* Fitting the window */

/* Where the divider between the list and the record goes for a paned
 * @height high: the list as tall as the paned allows while the record
 * keeps its title and actions, never less than the list's old fixed
 * height. */
static int
wanted_position (int height)
{
  int list = MIN (height - DETAIL_MIN_HEIGHT, height * 7 / 10);

  return MAX (list, LIST_MIN_HEIGHT);
}

/* The month, grid and category filters fit on one line with the status
 * and the quick filters, at @width of the page; else they go behind
 * "More Filters", and the quick filters wrap under the status if need be. */
static gboolean
filters_fit (SzRecordsPage *self,
             int            width)
{
  GtkWidget *parts[] = { GTK_WIDGET (self->status_drop_down), self->more_filters, self->quick_box };
  int needed = gtk_widget_get_margin_start (self->filter_flow) + gtk_widget_get_margin_end (self->filter_flow)
               + gtk_box_get_spacing (GTK_BOX (self->filter_row))
               + gtk_flow_box_get_column_spacing (GTK_FLOW_BOX (self->filter_flow));

  for (guint i = 0; i < G_N_ELEMENTS (parts); i++)
    {
      int nat;

      gtk_widget_measure (parts[i], GTK_ORIENTATION_HORIZONTAL, -1, NULL, &nat, NULL, NULL);
      needed += nat;
    }
  return width >= needed;
}

static gboolean
filters_inline (SzRecordsPage *self)
{
  return gtk_widget_get_parent (self->more_filters) == self->filter_row;
}

static void
place_filters (SzRecordsPage *self,
               gboolean       in_row)
{
  GtkWidget *box = g_object_ref (self->more_filters);

  gtk_popover_popdown (gtk_menu_button_get_popover (self->more_button));
  gtk_box_remove (GTK_BOX (gtk_widget_get_parent (box)), box);
  if (in_row)
    gtk_box_insert_child_after (GTK_BOX (self->filter_row), box, GTK_WIDGET (self->status_drop_down));
  else
    gtk_box_append (GTK_BOX (self->more_popover_box), box);
  gtk_widget_set_visible (GTK_WIDGET (self->more_button), !in_row);
  g_object_unref (box);
}

/* What the last allocation asks, applied after it: a column, a filter or
 * the divider changed during an allocation would be laid out a frame
 * late. */
static gboolean
fit_cb (gpointer data)
{
  SzRecordsPage *self = data;
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  self->fit_id = 0;
  gtk_column_view_column_set_visible (self->columns[COL_CHANNEL], width >= ALL_COLUMNS_WIDTH);
  gtk_column_view_column_set_visible (self->columns[COL_CATEGORY], width >= CATEGORY_WIDTH);
  if (filters_fit (self, width) != filters_inline (self))
    place_filters (self, filters_fit (self, width));
  if (!self->divider_moved && height > 0 && gtk_paned_get_position (self->paned) != wanted_position (height))
    {
      self->placing = TRUE;
      gtk_paned_set_position (self->paned, wanted_position (height));
      self->placing = FALSE;
    }
  return G_SOURCE_REMOVE;
}

static gboolean
fits (SzRecordsPage *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self));
  int height = gtk_widget_get_height (GTK_WIDGET (self->paned));

  return gtk_column_view_column_get_visible (self->columns[COL_CHANNEL]) == (width >= ALL_COLUMNS_WIDTH)
         && gtk_column_view_column_get_visible (self->columns[COL_CATEGORY]) == (width >= CATEGORY_WIDTH)
         && filters_fit (self, width) == filters_inline (self)
         && (self->divider_moved || height <= 0 || gtk_paned_get_position (self->paned) == wanted_position (height));
}

static void
on_paned_position_cb (SzRecordsPage *self)
{
  /* The paned moves its divider itself only while it is laid out (a
   * smaller window pushes it up): a move at any other time is the
   * user's, and the page then leaves the divider where it was put. */
  if (!self->placing && !self->allocating && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->divider_moved = TRUE;
}

/* What BIN_LAYOUT would do, with an allocation the page watches. */
static GtkSizeRequestMode
sz_records_page_get_request_mode (GtkWidget *widget)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  return child != NULL ? gtk_widget_get_request_mode (child) : GTK_SIZE_REQUEST_CONSTANT_SIZE;
}

static void
sz_records_page_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  GtkWidget *child = gtk_widget_get_first_child (widget);

  if (child != NULL)
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline, natural_baseline);
}

static void
sz_records_page_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  SzRecordsPage *self = SZ_RECORDS_PAGE (widget);
  GtkWidget *child = gtk_widget_get_first_child (widget);

  self->allocating = TRUE;
  if (child != NULL)
    gtk_widget_allocate (child, width, height, baseline, NULL);
  self->allocating = FALSE;
  if (self->fit_id == 0 && !fits (self))
    self->fit_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, fit_cb, self, NULL);
}

/* Callbacks */

/* Enter on a row: on to what can be done with the record. */
static void
on_column_view_activate_cb (SzRecordsPage *self,
                            guint          position)
{
  const SzRecordRow *row = _sz_records_page_row_at (self, position);

  if (row == NULL)
    return;
  sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), row->id);
  sz_record_view_focus_actions (SZ_RECORD_VIEW (self->record_view));
}

/* The list and the figures: two linked buttons rather than a stack
 * switcher, whose buttons the theme makes 100 px wide each. */
static void
on_stack_visible_child_cb (SzRecordsPage *self)
{
  gboolean list = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0;

  gtk_widget_set_visible (self->list_tools, list);
  gtk_toggle_button_set_active (list ? self->list_button : self->figures_button, TRUE);
}

static void
on_view_button_toggled_cb (SzRecordsPage   *self,
                           GtkToggleButton *button)
{
  if (!gtk_toggle_button_get_active (button))
    return;
  gtk_stack_set_visible_child_name (self->stack, button == self->list_button ? "list" : "figures");
}

static void
on_record_saved_cb (SzRecordsPage  *self,
                    gint64          record_id,
                    SzRecordDialog *dialog)
{
  self->select_after_reload = record_id;
}

static void
on_new_button_clicked_cb (SzRecordsPage *self)
{
  sz_records_page_new_record (self);
}

static gboolean
on_new_shortcut_cb (GtkWidget *widget,
                    GVariant  *args,
                    gpointer   user_data)
{
  /* The window holds every page: only the one shown takes the key. */
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  sz_records_page_new_record (SZ_RECORDS_PAGE (widget));
  return TRUE;
}

static void
on_session_changed_cb (SzRecordsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

/* Public */

GtkWidget *
sz_records_page_new_record (SzRecordsPage *self)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);

  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = sz_record_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session, 0);
  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_record_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
sz_records_page_focus_search (SzRecordsPage *self)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));

  gtk_stack_set_visible_child_name (self->stack, "list");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

void
sz_records_page_show_figures (SzRecordsPage *self,
                              gboolean       figures)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  gtk_stack_set_visible_child_name (self->stack, figures ? "figures" : "list");
}

GtkWidget *
sz_records_page_get_record_view (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);
  return self->record_view;
}

GtkWidget *
sz_records_page_get_figures_view (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);
  return self->figures_view;
}

void
sz_records_page_set_filter_text (SzRecordsPage *self,
                                 const char    *text)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));

  _sz_records_page_ensure_loaded (self);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->updating = FALSE;
  /* At once, without the field's typing delay. */
  _sz_records_page_reload_list (self);
}

void
sz_records_page_set_status_filter (SzRecordsPage *self,
                                   int            status)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  g_return_if_fail (status >= SZ_RECORD_FILTER_OPEN && status < SZ_N_RECORD_STATUSES);

  _sz_records_page_ensure_loaded (self);
  gtk_drop_down_set_selected (self->status_drop_down, status == SZ_RECORD_FILTER_ANY_STATUS ? 0
                                                      : status == SZ_RECORD_FILTER_OPEN ? 1 : (guint) status + 2);
}

void
sz_records_page_set_overdue_only (SzRecordsPage *self,
                                  gboolean       overdue)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  _sz_records_page_ensure_loaded (self);
  gtk_toggle_button_set_active (self->quick_buttons[QUICK_OVERDUE], overdue);
}

void
sz_records_page_set_due_today (SzRecordsPage *self,
                               gboolean       due_today)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  _sz_records_page_ensure_loaded (self);
  gtk_toggle_button_set_active (self->quick_buttons[QUICK_DUE_TODAY], due_today);
}

void
sz_records_page_set_awaiting_follow_up (SzRecordsPage *self,
                                        gboolean       awaiting)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  _sz_records_page_ensure_loaded (self);
  gtk_toggle_button_set_active (self->quick_buttons[QUICK_AWAITING], awaiting);
}

gboolean
sz_records_page_set_grid_filter (SzRecordsPage *self,
                                 gint64         grid_id)
{
  guint position;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  _sz_records_page_ensure_loaded (self);
  position = _sz_records_page_find_id (self->grid_ids, grid_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->grid_drop_down, position);
  return TRUE;
}

gboolean
sz_records_page_set_category_filter (SzRecordsPage *self,
                                     gint64         category_id)
{
  guint position;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  _sz_records_page_ensure_loaded (self);
  position = _sz_records_page_find_id (self->category_ids, category_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_drop_down_set_selected (self->category_drop_down, position);
  return TRUE;
}

gboolean
sz_records_page_set_month_filter (SzRecordsPage *self,
                                  const char    *month)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  _sz_records_page_ensure_loaded (self);
  if (month == NULL)
    {
      gtk_drop_down_set_selected (self->month_drop_down, 0);
      return TRUE;
    }
  for (guint i = 0; self->months[i] != NULL; i++)
    if (g_strcmp0 (self->months[i], month) == 0)
      {
        gtk_drop_down_set_selected (self->month_drop_down, i + 1);
        return TRUE;
      }
  return FALSE;
}

guint
sz_records_page_get_n_rows (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), 0);
  _sz_records_page_ensure_loaded (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

guint
sz_records_page_get_total (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), 0);
  _sz_records_page_ensure_loaded (self);
  return self->total;
}

const SzRecordRow *
sz_records_page_get_row (SzRecordsPage *self,
                         guint          index)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);

  _sz_records_page_ensure_loaded (self);
  return _sz_records_page_row_at (self, index);
}

const char *
sz_records_page_get_count_text (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);
  _sz_records_page_ensure_loaded (self);
  return gtk_label_get_text (self->count_label);
}

gboolean
sz_records_page_select_record (SzRecordsPage *self,
                               gint64         record_id)
{
  guint position;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  _sz_records_page_ensure_loaded (self);
  position = _sz_records_page_find_row (self, record_id);
  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), record_id);
  return TRUE;
}

/* Construction */

static void
sz_records_page_map (GtkWidget *widget)
{
  SzRecordsPage *self = SZ_RECORDS_PAGE (widget);

  GTK_WIDGET_CLASS (sz_records_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    reload (self);
}

static void
sz_records_page_dispose (GObject *object)
{
  SzRecordsPage *self = SZ_RECORDS_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->fit_id, g_source_remove);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORDS_PAGE);
  /* The template's top child has no binding: dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_object (&self->selection);
  g_clear_object (&self->store);
  g_clear_pointer (&self->months, g_strfreev);
  g_clear_pointer (&self->grid_ids, g_array_unref);
  g_clear_pointer (&self->category_ids, g_array_unref);
  G_OBJECT_CLASS (sz_records_page_parent_class)->dispose (object);
}

static void
sz_records_page_class_init (SzRecordsPageClass *klass)
{
  static const char * const column_ids[N_COLUMNS] = {
    "id_column", "received_column", "channel_column", "place_column", "category_column", "description_column",
    "status_column", "due_column",
  };
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_records_page_dispose;
  widget_class->map = sz_records_page_map;
  widget_class->get_request_mode = sz_records_page_get_request_mode;
  widget_class->measure = sz_records_page_measure;
  widget_class->size_allocate = sz_records_page_size_allocate;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, list_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, figures_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, list_tools);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, column_view);
  for (SzRecordsColumn c = 0; c < N_COLUMNS; c++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[c], FALSE,
                                               G_STRUCT_OFFSET (SzRecordsPage, columns) + c * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, figures_box);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_view_button_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  _sz_records_page_class_filters_init (widget_class);
}

static void
sz_records_page_init (SzRecordsPage *self)
{
  GtkShortcutController *shortcuts;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _sz_records_page_filters_init (self);
  _sz_records_page_list_init (self);
  g_signal_connect_swapped (self->paned, "notify::position", G_CALLBACK (on_paned_position_cb), self);

  shortcuts = GTK_SHORTCUT_CONTROLLER (gtk_shortcut_controller_new ());
  gtk_shortcut_controller_set_scope (shortcuts, GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (shortcuts,
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>n"),
                                                          gtk_callback_action_new (on_new_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (shortcuts));

  self->dirty = TRUE;
  self->updating = FALSE;
}

GtkWidget *
sz_records_page_new (SzSession *session)
{
  SzRecordsPage *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_RECORDS_PAGE, NULL);
  self->session = g_object_ref (session);
  self->record_view = sz_record_view_new (session);
  gtk_paned_set_end_child (self->paned, self->record_view);
  self->figures_view = sz_record_figures_view_new (session);
  gtk_widget_set_vexpand (self->figures_view, TRUE);
  gtk_box_append (self->figures_box, self->figures_view);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
