/* sz-points-form.c: what the points page's forms share.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-points-form.h"
#include "sz-record.h"

char *
sz_points_today (void)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sz_record_now ());
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sz_record_time_zone ());

  return g_date_time_format (local, "%Y-%m-%d");
}

static GtkWindow *
window_of (GtkWidget *widget)
{
  GtkRoot *root = widget ? gtk_widget_get_root (widget) : NULL;

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

GtkWidget *
sz_points_dialog_new (GtkWidget   *over,
                      const char  *title,
                      const char  *accept,
                      GtkGrid    **grid)
{
  GtkWidget *dialog;
  GtkWidget *g;
  GtkWidget *button;

  dialog = gtk_dialog_new_with_buttons (title, window_of (over),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL, NULL);
  button = gtk_dialog_add_button (GTK_DIALOG (dialog), accept, GTK_RESPONSE_ACCEPT);
  gtk_widget_set_name (button, "accept");
  gtk_widget_add_css_class (button, "suggested-action");
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  g = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (g), 4);
  gtk_grid_set_column_spacing (GTK_GRID (g), 12);
  gtk_widget_set_margin_start (g, 18);
  gtk_widget_set_margin_end (g, 18);
  gtk_widget_set_margin_top (g, 18);
  gtk_widget_set_margin_bottom (g, 18);
  gtk_widget_set_vexpand (g, TRUE);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), g);
  *grid = GTK_GRID (g);
  return dialog;
}

GtkWidget *
sz_points_form_row (GtkGrid    *grid,
                    int         row,
                    const char *label,
                    GtkWidget  *field,
                    const char *name)
{
  GtkWidget *l = gtk_label_new_with_mnemonic (label);
  GtkWidget *error = sz_field_error_new ();
  g_autofree char *error_name = g_strconcat (name, "-error", NULL);

  gtk_label_set_xalign (GTK_LABEL (l), 1);
  gtk_widget_set_valign (l, GTK_ALIGN_BASELINE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (l), field);
  gtk_widget_set_hexpand (field, TRUE);
  gtk_widget_set_name (field, name);
  gtk_widget_set_name (error, error_name);
  gtk_grid_attach (grid, l, 0, row, 1, 1);
  gtk_grid_attach (grid, field, 1, row, 1, 1);
  gtk_grid_attach (grid, error, 1, row + 1, 1, 1);
  if (GTK_IS_ENTRY (field))
    gtk_entry_set_activates_default (GTK_ENTRY (field), TRUE);
  return error;
}

GtkWidget *
sz_points_note_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Undo: the movements an action wrote are reversed, newest first. */

typedef struct
{
  GArray *ids;
} ReverseUndo;

static void
reverse_undo_free (gpointer data)
{
  ReverseUndo *u = data;

  g_array_unref (u->ids);
  g_free (u);
}

static gboolean
reverse_undo_run (SzSession  *session,
                  gpointer    data,
                  GError    **error)
{
  ReverseUndo *u = data;
  SzDb *db = sz_session_get_db (session);
  gboolean ok = TRUE;

  if (!sz_db_begin (db, error))
    return FALSE;
  for (guint i = u->ids->len; ok && i > 0; i--)
    /* Translators: the reason written on a movement reversed by Ctrl+Z */
    ok = sz_points_reverse (db, g_array_index (u->ids, gint64, i - 1), _("Undone"), NULL, error);
  return sz_db_end (db, ok, ok ? error : NULL) && ok;
}

void
sz_points_push_reverse_undo (SzSession    *session,
                             const char   *label,
                             const gint64 *ids,
                             guint         n_ids)
{
  ReverseUndo *u = g_new0 (ReverseUndo, 1);

  u->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n_ids);
  g_array_append_vals (u->ids, ids, n_ids);
  sz_session_push_undo (session, label, reverse_undo_run, u, reverse_undo_free);
}

/* A reason asked for */

typedef struct
{
  GtkWidget      *entry;
  GtkWidget      *error;
  SzReasonFunc    func;
  gpointer        data;
  GDestroyNotify  destroy;
} Reason;

static void
reason_free (gpointer data)
{
  Reason *r = data;

  if (r->destroy != NULL)
    r->destroy (r->data);
  g_free (r);
}

static void
on_reason_response_cb (GtkDialog *dialog,
                       int        response,
                       Reason    *r)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *reason = NULL;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (r->entry))));
  if (*reason == '\0')
    {
      sz_field_error_set (r->error, _("Reason: say why."));
      gtk_widget_grab_focus (r->entry);
      return;
    }
  if (!r->func (reason, r->data, &error))
    {
      sz_field_error_set (r->error, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

GtkWidget *
sz_points_ask_reason (GtkWidget      *over,
                      const char     *title,
                      const char     *detail,
                      const char     *accept,
                      SzReasonFunc    func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  GtkGrid *grid;
  GtkWidget *dialog = sz_points_dialog_new (over, title, accept, &grid);
  Reason *r = g_new0 (Reason, 1);
  GtkWidget *note;

  r->func = func;
  r->data = data;
  r->destroy = destroy;
  gtk_widget_set_name (dialog, "reason-dialog");
  note = sz_points_note_new (detail);
  gtk_label_set_max_width_chars (GTK_LABEL (note), 50);
  gtk_grid_attach (grid, note, 0, 0, 2, 1);
  r->entry = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (r->entry), 30);
  r->error = sz_points_form_row (grid, 1, _("_Reason"), r->entry, "reason");
  g_object_set_data_full (G_OBJECT (dialog), "sz-reason", r, reason_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_reason_response_cb), r);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

const char *
sz_points_level_title (int level)
{
  if (level >= 0 && level < SZ_N_LEVELS)
    return sz_level_head_title (level);
  /* Translators: the post of someone in the points list who is no head */
  return C_("post", "No post");
}

/* Rows and columns */

G_DEFINE_FINAL_TYPE (SzPointsItem, sz_points_item, G_TYPE_OBJECT)

static void
sz_points_item_finalize (GObject *object)
{
  SzPointsItem *self = SZ_POINTS_ITEM (object);

  if (self->destroy != NULL && self->data != NULL)
    self->destroy (self->data);
  G_OBJECT_CLASS (sz_points_item_parent_class)->finalize (object);
}

static void
sz_points_item_class_init (SzPointsItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sz_points_item_finalize;
}

static void
sz_points_item_init (SzPointsItem *self)
{
}

SzPointsItem *
sz_points_item_new (gpointer       data,
                    GDestroyNotify destroy)
{
  SzPointsItem *self = g_object_new (SZ_TYPE_POINTS_ITEM, NULL);

  self->data = data;
  self->destroy = destroy;
  return self;
}

gpointer
sz_points_model_get (GListModel *model,
                     guint       position)
{
  g_autoptr(SzPointsItem) item = NULL;

  if (model == NULL || position >= g_list_model_get_n_items (model))
    return NULL;
  item = g_list_model_get_item (model, position);
  return item->data;
}

static void
on_column_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item,
                    gpointer                  numeric)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1 : 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  gtk_list_item_set_child (item, label);
}

static void
on_column_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SzCellText                text)
{
  SzPointsItem *row = gtk_list_item_get_item (item);
  g_autofree char *s = row ? text (row->data) : NULL;

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)), s ? s : "");
  gtk_widget_set_tooltip_text (gtk_list_item_get_child (item), s && g_utf8_strlen (s, -1) > 12 ? s : NULL);
}

typedef struct
{
  GCompareDataFunc compare;
} Compare;

static int
compare_items (gconstpointer a,
               gconstpointer b,
               gpointer      data)
{
  Compare *c = data;

  return c->compare (((SzPointsItem *) a)->data, ((SzPointsItem *) b)->data, NULL);
}

GtkColumnViewColumn *
sz_points_add_column (GtkColumnView    *view,
                      const char       *title,
                      SzCellText        text,
                      GCompareDataFunc  compare,
                      gboolean          numeric,
                      gboolean          expand)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;

  g_signal_connect (factory, "setup", G_CALLBACK (on_column_setup_cb), GINT_TO_POINTER (numeric));
  g_signal_connect (factory, "bind", G_CALLBACK (on_column_bind_cb), text);
  g_object_set_data (G_OBJECT (factory), "sz-text", text);
  column = gtk_column_view_column_new (title, factory);
  gtk_column_view_column_set_resizable (column, TRUE);
  gtk_column_view_column_set_expand (column, expand);
  if (compare != NULL)
    {
      Compare *c = g_new0 (Compare, 1);
      GtkSorter *sorter;

      c->compare = compare;
      sorter = GTK_SORTER (gtk_custom_sorter_new (compare_items, c, g_free));
      gtk_column_view_column_set_sorter (column, sorter);
      g_object_unref (sorter);
    }
  gtk_column_view_append_column (view, column);
  g_object_unref (column);
  return column;
}

GtkWidget *
sz_points_list_new (GListStore         *store,
                    gboolean            multiple,
                    GtkSelectionModel **selection,
                    GtkColumnView     **view)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *v = gtk_column_view_new (NULL);
  GtkSortListModel *sorted;

  sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (store)),
                                    g_object_ref (gtk_column_view_get_sorter (GTK_COLUMN_VIEW (v))));
  if (multiple)
    *selection = GTK_SELECTION_MODEL (gtk_multi_selection_new (G_LIST_MODEL (sorted)));
  else
    {
      GtkSingleSelection *single = gtk_single_selection_new (G_LIST_MODEL (sorted));

      gtk_single_selection_set_autoselect (single, FALSE);
      gtk_single_selection_set_can_unselect (single, TRUE);
      *selection = GTK_SELECTION_MODEL (single);
    }
  gtk_column_view_set_model (GTK_COLUMN_VIEW (v), *selection);
  /* The view holds it. */
  g_object_unref (*selection);
  gtk_column_view_set_show_row_separators (GTK_COLUMN_VIEW (v), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), v);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_AUTOMATIC, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  *view = GTK_COLUMN_VIEW (v);
  return scrolled;
}

char *
sz_points_list_cell_text (GtkColumnView *view,
                          guint          row,
                          guint          column)
{
  GListModel *columns = gtk_column_view_get_columns (view);
  g_autoptr(GtkColumnViewColumn) c = g_list_model_get_item (columns, column);
  GtkListItemFactory *factory = c ? gtk_column_view_column_get_factory (c) : NULL;
  SzCellText text = factory ? g_object_get_data (G_OBJECT (factory), "sz-text") : NULL;
  gpointer data = sz_points_model_get (G_LIST_MODEL (gtk_column_view_get_model (view)), row);

  return text != NULL && data != NULL ? text (data) : NULL;
}

/* Editors of lists */

GtkWidget *
sz_points_editor_new (GtkWidget   *over,
                      const char  *title,
                      const char  *new_label,
                      GtkListBox **list,
                      GtkGrid    **grid,
                      GtkWidget  **new_button,
                      GtkWidget  **save_button)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *header = gtk_header_bar_new ();
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *l = gtk_list_box_new ();
  GtkWidget *form = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *g = gtk_grid_new ();
  GtkWidget *form_scrolled = gtk_scrolled_window_new ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *save;
  GtkWidget *add;

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_transient_for (GTK_WINDOW (window), window_of (over));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 720, 460);
  gtk_window_set_titlebar (GTK_WINDOW (window), header);
  add = gtk_button_new_with_mnemonic (new_label);
  gtk_widget_set_name (add, "new");
  gtk_header_bar_pack_start (GTK_HEADER_BAR (header), add);

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (l), GTK_SELECTION_BROWSE);
  gtk_widget_set_name (l, "entries");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), l);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_size_request (scrolled, 200, -1);
  gtk_paned_set_start_child (GTK_PANED (paned), scrolled);
  gtk_paned_set_resize_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);

  gtk_grid_set_row_spacing (GTK_GRID (g), 4);
  gtk_grid_set_column_spacing (GTK_GRID (g), 12);
  gtk_widget_set_margin_start (form, 18);
  gtk_widget_set_margin_end (form, 18);
  gtk_widget_set_margin_top (form, 18);
  gtk_widget_set_margin_bottom (form, 18);
  gtk_box_append (GTK_BOX (form), g);
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_set_name (save, "save");
  gtk_widget_add_css_class (save, "suggested-action");
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), save);
  gtk_box_append (GTK_BOX (form), buttons);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (form_scrolled), form);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (form_scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_paned_set_end_child (GTK_PANED (paned), form_scrolled);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_window_set_child (GTK_WINDOW (window), paned);
  gtk_window_set_default_widget (GTK_WINDOW (window), save);

  *list = GTK_LIST_BOX (l);
  *grid = GTK_GRID (g);
  *new_button = add;
  *save_button = save;
  return window;
}

void
sz_points_editor_add_row (GtkListBox *list,
                          const char *text,
                          const char *detail,
                          gboolean    retired,
                          gint64      id)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *sub = gtk_label_new (detail);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (sub), 0);
  gtk_label_set_ellipsize (GTK_LABEL (sub), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (sub, "dim-label");
  gtk_widget_add_css_class (sub, "caption");
  if (retired)
    gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), sub);
  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "sz-id", g_memdup2 (&id, sizeof id), g_free);
  gtk_list_box_append (list, row);
}

gint64
sz_points_editor_row_id (GtkListBoxRow *row)
{
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "sz-id") : NULL;

  return id ? *id : 0;
}
