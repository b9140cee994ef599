/* sz-records-page-list.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-record-view.h"
#include "sz-records-page-private.h"

/* The rows of the list: one SzRecordItem per record, its columns, and
 * the count under them. */

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
cell_text (SzRecordsColumn column,
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
  SzRecordsColumn column = GPOINTER_TO_INT (user_data);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), column == COL_ID ? 1 : 0);
  /* The page is narrow beside the sidebar: the text columns shrink to a
   * few characters (a tooltip has the rest) and the place and description
   * share what is left; the place keeps room for a compound, building and
   * unit ("万和嘉园 3栋 4单元", about 18 Latin characters wide). */
  if (column == COL_PLACE || column == COL_CATEGORY || column == COL_DESCRIPTION || column == COL_CHANNEL
      || column == COL_STATUS)
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_width_chars (GTK_LABEL (label), column == COL_PLACE ? 18 : column == COL_STATUS ? 6 : 4);
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
  SzRecordsColumn column = GPOINTER_TO_INT (user_data);
  SzRecordItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = cell_text (column, item);

  gtk_label_set_text (GTK_LABEL (label), text);
  /* A place or description cut short by a narrow window reads in full
   * under the pointer. */
  if (gtk_label_get_ellipsize (GTK_LABEL (label)) != PANGO_ELLIPSIZE_NONE)
    gtk_widget_set_tooltip_text (label, *text ? text : NULL);
  update_cell_style (list_item);
}

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const SzRecordRow *ra = SZ_RECORD_ITEM ((gpointer) a)->row;
  const SzRecordRow *rb = SZ_RECORD_ITEM ((gpointer) b)->row;
  SzRecordsColumn column = GPOINTER_TO_INT (user_data);
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

gint64
_sz_records_page_selected_id (SzRecordsPage *self)
{
  SzRecordItem *item = gtk_single_selection_get_selected_item (self->selection);

  return item ? item->row->id : 0;
}

guint
_sz_records_page_find_row (SzRecordsPage *self,
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

void
_sz_records_page_reload_list (SzRecordsPage *self)
{
  SzRecordFilter filter;
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GError) error = NULL;
  gint64 keep = self->select_after_reload ? self->select_after_reload : _sz_records_page_selected_id (self);
  gboolean filtered = _sz_records_page_read_filter (self, &filter);
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
  _sz_records_page_update_counts (self, &filter);
  sz_record_filter_clear (&filter);

  /* One splice: the view rebuilds its rows once. */
  self->updating = TRUE;
  g_list_store_splice (self->store, 0, g_list_model_get_n_items (G_LIST_MODEL (self->store)), items->pdata,
                       items->len);
  position = keep ? _sz_records_page_find_row (self, keep) : GTK_INVALID_LIST_POSITION;
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


static void
on_selection_changed_cb (SzRecordsPage *self)
{
  gint64 id;

  if (self->updating)
    return;
  id = _sz_records_page_selected_id (self);
  if (id != 0)
    sz_record_view_set_record (SZ_RECORD_VIEW (self->record_view), id);
}

void
_sz_records_page_list_init (SzRecordsPage *self)
{
  GtkSortListModel *sorted;

  for (SzRecordsColumn c = 0; c < N_COLUMNS; c++)
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
}

const SzRecordRow *
_sz_records_page_row_at (SzRecordsPage *self,
                         guint          index)
{
  g_autoptr(SzRecordItem) item = g_list_model_get_item (G_LIST_MODEL (self->selection), index);

  /* The store keeps the item, and so the row, alive. */
  return item ? item->row : NULL;
}
