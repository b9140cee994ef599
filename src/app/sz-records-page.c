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
#include "sz-records-page.h"
#include "sz-tree.h"

/* More rows than anyone scrolls through; the filters find the rest, and
 * the count says so. */
#define ROW_LIMIT 2000
#define N_MONTHS 12

typedef enum
{
  COL_ID,
  COL_RECEIVED,
  COL_CHANNEL,
  COL_PLACE,
  COL_CATEGORY,
  COL_DESCRIPTION,
  COL_STATUS,
  COL_DUE,
  N_COLUMNS
} Column;

static const char * const column_ids[N_COLUMNS] = {
  "id_column", "received_column", "channel_column", "place_column", "category_column", "description_column",
  "status_column", "due_column",
};

/* SzRecordItem: a row of the list as an item of the list models. */

#define SZ_TYPE_RECORD_ITEM (sz_record_item_get_type ())
G_DECLARE_FINAL_TYPE (SzRecordItem, sz_record_item, SZ, RECORD_ITEM, GObject)

struct _SzRecordItem
{
  GObject      parent_instance;

  SzRecordRow *row;
  gint64       now;    /* of the list it came in */
};

G_DEFINE_FINAL_TYPE (SzRecordItem, sz_record_item, G_TYPE_OBJECT)

static void
sz_record_item_finalize (GObject *object)
{
  g_clear_pointer (&SZ_RECORD_ITEM (object)->row, sz_record_row_free);
  G_OBJECT_CLASS (sz_record_item_parent_class)->finalize (object);
}

static void
sz_record_item_class_init (SzRecordItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sz_record_item_finalize;
}

static void
sz_record_item_init (SzRecordItem *self)
{
}

/* SzRecordsPage */

struct _SzRecordsPage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkStack            *stack;
  GtkWidget           *list_tools;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *status_drop_down;
  GtkDropDown         *month_drop_down;
  GtkDropDown         *grid_drop_down;
  GtkDropDown         *category_drop_down;
  GtkToggleButton     *overdue_button;
  GtkToggleButton     *due_today_button;
  GtkButton           *new_button;
  GtkPaned            *paned;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[N_COLUMNS];
  GtkLabel            *empty_label;
  GtkLabel            *count_label;
  GtkBox              *figures_box;

  /* Owned references */
  SzSession           *session;
  GtkWidget           *record_view;
  GtkWidget           *figures_view;
  GListStore          *store;       /* SzRecordItem, newest first */
  GtkSingleSelection  *selection;   /* over the store as the columns sort it */
  GStrv                months;      /* the month filter's, newest first */
  GArray              *grid_ids;    /* gint64 per grid filter entry: 0 any, -1 none */
  GArray              *category_ids;
  guint                total;
  gint64               select_after_reload;
  gboolean             updating;    /* the filters are being rebuilt, not chosen */
  gboolean             dirty;       /* the records changed while the page was hidden */
};

G_DEFINE_FINAL_TYPE (SzRecordsPage, sz_records_page, GTK_TYPE_WIDGET)

static char *
due_text (const SzRecordRow *row,
          gint64             now)
{
  if (!sz_record_status_is_open (row->status))
    return g_strdup ("");
  if (row->due_at == 0)
    /* Translators: the due column of a suspended record */
    return g_strdup (_("Clock stopped"));
  if (row->overdue)
    {
      g_autofree char *span = sz_record_view_format_duration_coarse (now - row->due_at);

      /* Translators: the due column of an overdue record; %s is how long ("2 days 3 h") */
      return g_strdup_printf (_("Overdue %s"), span);
    }
  return sz_record_view_format_time_short (row->due_at, now, TRUE);
}

static char *
cell_text (Column        column,
           SzRecordItem *item)
{
  const SzRecordRow *row = item->row;

  switch (column)
    {
    case COL_ID:
      return g_strdup_printf ("%" G_GINT64_FORMAT, row->id);
    case COL_RECEIVED:
      return sz_record_view_format_time_short (row->received_at, item->now, FALSE);
    case COL_CHANNEL:
      return g_strdup (sz_channel_title (row->channel));
    case COL_PLACE:
      return g_strdup (row->place_text);
    case COL_CATEGORY:
      return g_strdup (row->category_name);
    case COL_DESCRIPTION:
      {
        /* One line in the list. */
        char *text = g_strdup (row->description);

        return g_strdelimit (text, "\r\n", ' ');
      }
    case COL_STATUS:
      return g_strdup (sz_record_status_title (row->status));
    case COL_DUE:
      return due_text (row, item->now);
    case N_COLUMNS:
    default:
      return g_strdup ("");
    }
}

/* An overdue record stands out in red along its whole row, except while
 * it is selected: red on the selection's blue cannot be read. */
static void
update_cell_style (GtkListItem *list_item)
{
  SzRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);

  if (item == NULL || label == NULL)
    return;
  if (item->row->overdue && !gtk_list_item_get_selected (list_item))
    gtk_widget_add_css_class (label, "error");
  else
    gtk_widget_remove_css_class (label, "error");
}

static void
setup_cell_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_ID ? 1 : 0);
  /* The page is narrow beside the sidebar: the text columns shrink to a
   * few characters and the place and description share what is left. */
  if (column == COL_PLACE || column == COL_CATEGORY || column == COL_DESCRIPTION || column == COL_CHANNEL
      || column == COL_STATUS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column == COL_STATUS ? 9 : 4);
    }
  if (column == COL_ID || column == COL_RECEIVED || column == COL_DUE)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (list_item, label);
  g_signal_connect (list_item, "notify::selected", G_CALLBACK (update_cell_style), NULL);
}

static void
bind_cell_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  Column column = GPOINTER_TO_INT (user_data);
  SzRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (column, item);

  gtk_label_set_text (GTK_LABEL (label), text);
  update_cell_style (list_item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SzRecordRow *ra = SZ_RECORD_ITEM ((gpointer) a)->row;
  const SzRecordRow *rb = SZ_RECORD_ITEM ((gpointer) b)->row;
  Column column = GPOINTER_TO_INT (user_data);
  gint64 ka, kb;

  switch (column)
    {
    case COL_STATUS:
      ka = ra->status;
      kb = rb->status;
      break;
    case COL_DUE:
      /* Open records by due time, the clock-stopped ones after them, the
       * finished ones last. */
      ka = !sz_record_status_is_open (ra->status) ? G_MAXINT64 : ra->due_at ? ra->due_at : G_MAXINT64 - 1;
      kb = !sz_record_status_is_open (rb->status) ? G_MAXINT64 : rb->due_at ? rb->due_at : G_MAXINT64 - 1;
      break;
    case COL_RECEIVED:
      ka = ra->received_at;
      kb = rb->received_at;
      break;
    case COL_ID:
    default:
      ka = ra->id;
      kb = rb->id;
      break;
    }
  if (ka != kb)
    return ka < kb ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return ra->id < rb->id ? GTK_ORDERING_SMALLER : ra->id > rb->id ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Filters */

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

static guint
find_id (GArray *ids,
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
  guint position = find_id (ids, keep);

  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (drop_down, position != GTK_INVALID_LIST_POSITION ? position : 0);
}

/* The grids and categories to filter by, keeping what was chosen. */
static void
load_filter_choices (SzRecordsPage *self)
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

static gboolean
read_filter (SzRecordsPage  *self,
             SzRecordFilter *filter)
{
  guint status = gtk_drop_down_get_selected (self->status_drop_down);
  guint month = gtk_drop_down_get_selected (self->month_drop_down);
  guint grid = gtk_drop_down_get_selected (self->grid_drop_down);
  guint category = gtk_drop_down_get_selected (self->category_drop_down);
  g_autofree char *search = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  gboolean any = FALSE;

  sz_record_filter_init (filter, sz_session_get_community_id (self->session));
  filter->status = status == 0 ? SZ_RECORD_FILTER_ANY_STATUS : status == 1 ? SZ_RECORD_FILTER_OPEN : (int) status - 2;
  any |= status != 0;
  filter->overdue = gtk_toggle_button_get_active (self->overdue_button);
  filter->due_today = gtk_toggle_button_get_active (self->due_today_button);
  any |= filter->overdue || filter->due_today;
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

static gint64
selected_id (SzRecordsPage *self)
{
  SzRecordItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? item->row->id : 0;
}

static guint
find_row (SzRecordsPage *self,
          gint64         record_id)
{
  GListModel *model = G_LIST_MODEL (self->selection);
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SzRecordItem) item = g_list_model_get_item (model, i);

      if (item->row->id == record_id)
        return i;
    }
  return GTK_INVALID_LIST_POSITION;
}

static void
show_count (SzRecordsPage *self,
            guint          shown,
            gboolean       filtered)
{
  g_autofree char *text = NULL;

  if (shown < self->total)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         /* Translators: the list was cut; %u shown (2000), %u that match */
                                         "Showing the newest %u of %u record. Narrow the filters to find the rest.",
                                         "Showing the newest %u of %u records. Narrow the filters to find the rest.",
                                         self->total),
                            shown, self->total);
  else if (filtered)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record matches the filters.",
                                         "%u records match the filters.", self->total), self->total);
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record.", "%u records.", self->total), self->total);
  gtk_label_set_text (self->count_label, text);
}

static void
reload_list (SzRecordsPage *self)
{
  SzRecordFilter filter;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 keep = self->select_after_reload ? self->select_after_reload : selected_id (self);
  gboolean filtered = read_filter (self, &filter);
  guint position;

  self->total = 0;
  rows = sz_record_list (sz_session_get_db (self->session), &filter, &self->total, &error);
  for (guint i = 0; rows != NULL && i < rows->len; i++)
    {
      SzRecordItem *item = g_object_new (SZ_TYPE_RECORD_ITEM, NULL);

      item->row = g_steal_pointer (&rows->pdata[i]);
      item->now = filter.now;
      g_ptr_array_add (items, item);
    }
  sz_record_filter_clear (&filter);

  /* One splice: the view rebuilds its rows once. */
  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  position = keep ? find_row (self, keep) : GTK_INVALID_LIST_POSITION;
  gtk_single_selection_set_selected (self->selection, position);
  self->updating = FALSE;
  /* A record that has left the list (closed, with "open" chosen) stays
   * shown below it: it is what was just worked on. */
  if (self->select_after_reload)
    sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), self->select_after_reload);
  self->select_after_reload = 0;

  if (rows == NULL)
    {
      gtk_label_set_text (self->empty_label, error->message);
      gtk_label_set_text (self->count_label, "");
      gtk_stack_set_visible_child_name (self->list_stack, "empty");
      return;
    }
  if (items->len == 0)
    gtk_label_set_text (self->empty_label,
                        filtered ? _("No records match the filters.")
                                 : _("No records yet. Enter what residents report with “New Record…” (Ctrl+N)."));
  gtk_stack_set_visible_child_name (self->list_stack, items->len ? "rows" : "empty");
  show_count (self, items->len, filtered);
}

/* The last 12 months, again when a month has begun since (the window
 * stays open for days), keeping the month chosen. */
static void
load_months (SzRecordsPage *self)
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

static void
reload (SzRecordsPage *self)
{
  self->dirty = FALSE;
  load_months (self);
  load_filter_choices (self);
  reload_list (self);
}

static void
ensure_loaded (SzRecordsPage *self)
{
  if (self->dirty)
    reload (self);
}

static void
on_filter_changed_cb (SzRecordsPage *self)
{
  if (self->updating || self->session == NULL)
    return;
  reload_list (self);
}

static void
on_search_entry_stop_search_cb (SzRecordsPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

static void
on_selection_changed_cb (SzRecordsPage *self)
{
  gint64 id;

  if (self->updating)
    return;
  id = selected_id (self);
  if (id != 0)
    sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), id);
}

/* Enter on a row: on to what can be done with the record. */
static void
on_column_view_activate_cb (SzRecordsPage *self,
                            guint          position)
{
  g_autoptr(SzRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), position);

  if (item == NULL)
    return;
  sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), item->row->id);
  sz_record_view_focus_actions (SZ_RECORD_VIEW (self->record_view));
}

static void
on_stack_visible_child_cb (SzRecordsPage *self)
{
  gboolean list = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "list") == 0;

  gtk_widget_set_visible (self->list_tools, list);
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

  ensure_loaded (self);
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  self->updating = FALSE;
  /* At once, without the field's typing delay. */
  reload_list (self);
}

void
sz_records_page_set_status_filter (SzRecordsPage *self,
                                   int            status)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  g_return_if_fail (status >= SZ_RECORD_FILTER_OPEN && status < SZ_N_RECORD_STATUSES);

  ensure_loaded (self);
  gtk_drop_down_set_selected (self->status_drop_down, status == SZ_RECORD_FILTER_ANY_STATUS ? 0
                                                      : status == SZ_RECORD_FILTER_OPEN ? 1 : (guint) status + 2);
}

void
sz_records_page_set_overdue_only (SzRecordsPage *self,
                                  gboolean       overdue)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  ensure_loaded (self);
  gtk_toggle_button_set_active (self->overdue_button, overdue);
}

void
sz_records_page_set_due_today (SzRecordsPage *self,
                               gboolean       due_today)
{
  g_return_if_fail (SZ_IS_RECORDS_PAGE (self));
  ensure_loaded (self);
  gtk_toggle_button_set_active (self->due_today_button, due_today);
}

gboolean
sz_records_page_set_grid_filter (SzRecordsPage *self,
                                 gint64         grid_id)
{
  guint position;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  ensure_loaded (self);
  position = find_id (self->grid_ids, grid_id);
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

  ensure_loaded (self);
  position = find_id (self->category_ids, category_id);
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

  ensure_loaded (self);
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
  ensure_loaded (self);
  return g_list_model_get_n_items (G_LIST_MODEL (self->selection));
}

guint
sz_records_page_get_total (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), 0);
  ensure_loaded (self);
  return self->total;
}

const SzRecordRow *
sz_records_page_get_row (SzRecordsPage *self,
                         guint          index)
{
  g_autoptr(SzRecordItem) item = NULL;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);

  ensure_loaded (self);
  item = g_list_model_get_item (G_LIST_MODEL (self->selection), index);
  /* The store keeps the item, and so the row, alive. */
  return item ? item->row : NULL;
}

const char *
sz_records_page_get_count_text (SzRecordsPage *self)
{
  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), NULL);
  ensure_loaded (self);
  return gtk_label_get_text (self->count_label);
}

gboolean
sz_records_page_select_record (SzRecordsPage *self,
                               gint64         record_id)
{
  guint position;

  g_return_val_if_fail (SZ_IS_RECORDS_PAGE (self), FALSE);

  ensure_loaded (self);
  position = find_row (self, record_id);
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
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_records_page_dispose;
  widget_class->map = sz_records_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-records-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, list_tools);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, status_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, month_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, grid_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, category_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, overdue_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, due_today_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, new_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, paned);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, column_view);
  for (Column c = 0; c < N_COLUMNS; c++)
    gtk_widget_class_bind_template_child_full (widget_class, column_ids[c], FALSE,
                                               G_STRUCT_OFFSET (SzRecordsPage, columns) + c * sizeof (gpointer));
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, empty_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, count_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordsPage, figures_box);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stack_visible_child_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
}

static void
sz_records_page_init (SzRecordsPage *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkSortListModel *sorted;
  GtkShortcutController *shortcuts;
  gint64 none = 0;

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
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

  load_months (self);
  set_filter_factories (self->status_drop_down, FALSE);
  set_filter_factories (self->month_drop_down, FALSE);
  set_filter_factories (self->grid_drop_down, TRUE);
  set_filter_factories (self->category_drop_down, TRUE);

  for (Column c = 0; c < N_COLUMNS; c++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

      g_signal_connect (factory, "setup", G_CALLBACK (setup_cell_cb), GINT_TO_POINTER (c));
      g_signal_connect (factory, "bind", G_CALLBACK (bind_cell_cb), GINT_TO_POINTER (c));
      gtk_column_view_column_set_factory (self->columns[c], factory);
      g_object_unref (factory);
      /* The sortable columns' titles keep room for the sort arrow: only
       * where sorting helps (the list comes newest first). */
      if (c == COL_ID || c == COL_DUE)
        {
          GtkCustomSorter *sorter = gtk_custom_sorter_new (compare_items, GINT_TO_POINTER (c), NULL);

          gtk_column_view_column_set_sorter (self->columns[c], GTK_SORTER (sorter));
          g_object_unref (sorter);
        }
    }
  self->store = g_list_store_new (SZ_TYPE_RECORD_ITEM);
  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->store)),
                                    g_object_ref (gtk_column_view_get_sorter (self->column_view)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (sorted));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  g_signal_connect_swapped (self->selection, "notify::selected-item", G_CALLBACK (on_selection_changed_cb), self);

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
