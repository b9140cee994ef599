/* sz-honours-view.c: the period and thresholds, the ranked shortlist with
 * a check box each, and starting the publicity of those ticked.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-honours-view-private.h"
#include "sz-record.h"

G_DEFINE_FINAL_TYPE (SzHonoursView, sz_honours_view, GTK_TYPE_WIDGET)

/* Cells */

static char *
cell_rank (gpointer data)
{
  return g_strdup_printf ("%u", ((SzShortlistEntry *) data)->rank);
}

static char *
cell_name (gpointer data)
{
  return g_strdup (((SzShortlistEntry *) data)->name);
}

static char *
cell_post (gpointer data)
{
  SzShortlistEntry *e = data;

  return g_strdup (e->post && *e->post ? e->post : sz_points_level_title (e->level));
}

static char *
cell_hours (gpointer data)
{
  return sz_hours_format (((SzShortlistEntry *) data)->minutes);
}

static char *
cell_earned (gpointer data)
{
  return sz_points_format (((SzShortlistEntry *) data)->earned);
}

static char *
cell_records (gpointer data)
{
  return g_strdup_printf ("%u", ((SzShortlistEntry *) data)->records);
}

static char *
cell_photo (gpointer data)
{
  /* Translators: in the shortlist's photo column */
  return g_strdup (((SzShortlistEntry *) data)->has_photo ? C_("photo", "Yes") : "—");
}

/* The check box column */

static void
on_check_toggled_cb (GtkCheckButton *check,
                     SzHonoursView  *self)
{
  SzShortlistEntry *e = g_object_get_data (G_OBJECT (check), "sz-entry");

  if (e == NULL)
    return;
  if (gtk_check_button_get_active (check))
    g_hash_table_add (self->checked, g_memdup2 (&e->person_id, sizeof (gint64)));
  else
    g_hash_table_remove (self->checked, &e->person_id);
  gtk_widget_set_sensitive (self->propose_button, g_hash_table_size (self->checked) > 0);
}

static void
on_check_setup_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SzHonoursView            *self)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, _("Choose"), -1);
  g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), self);
  gtk_list_item_set_child (item, check);
}

static void
on_check_bind_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SzHonoursView            *self)
{
  SzPointsItem *row = gtk_list_item_get_item (item);
  SzShortlistEntry *e = row ? row->data : NULL;
  GtkWidget *check = gtk_list_item_get_child (item);

  g_object_set_data (G_OBJECT (check), "sz-entry", NULL);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (check), e && g_hash_table_contains (self->checked, &e->person_id));
  g_object_set_data (G_OBJECT (check), "sz-entry", e);
}

/* Loading */

static const char *
chosen_period (SzHonoursView *self)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->period));

  return i < self->periods->len ? self->periods->pdata[i] : NULL;
}

static void
fill_periods (SzHonoursView *self)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sz_record_now ());
  g_autoptr(GDateTime) now = g_date_time_to_timezone (utc, sz_record_time_zone ());
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  int year = g_date_time_get_year (now);
  int quarter = (g_date_time_get_month (now) - 1) / 3 + 1;

  for (int y = year; y >= year - 2; y--)
    {
      g_autofree char *name = g_strdup_printf (_("Year %d"), y);

      g_ptr_array_add (self->periods, g_strdup_printf ("%d", y));
      gtk_string_list_append (names, name);
      for (int q = y == year ? quarter : 4; q >= 1; q--)
        {
          /* Translators: a quarter in the period list of the honours: year, quarter (2026, 3) */
          g_autofree char *qname = g_strdup_printf (_("%d, quarter %d"), y, q);

          g_ptr_array_add (self->periods, g_strdup_printf ("%d-Q%d", y, q));
          gtk_string_list_append (names, qname);
        }
    }
  gtk_drop_down_set_model (GTK_DROP_DOWN (self->period), G_LIST_MODEL (names));
  /* This year first; last year's periods follow its quarters. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period), 0);
}

static gboolean
read_filter (SzHonoursView      *self,
             SzShortlistFilter  *filter)
{
  const char *hours = gtk_editable_get_text (GTK_EDITABLE (self->min_hours));
  const char *points = gtk_editable_get_text (GTK_EDITABLE (self->min_points));
  const char *records = gtk_editable_get_text (GTK_EDITABLE (self->min_records));
  guint level = gtk_drop_down_get_selected (GTK_DROP_DOWN (self->level));

  memset (filter, 0, sizeof *filter);
  filter->community_id = sz_session_get_community_id (self->session);
  filter->period = chosen_period (self);
  filter->level = level == 0 || level == GTK_INVALID_LIST_POSITION ? -1 : (int) level - 1;
  sz_field_error_set (self->filter_error, NULL);
  if (*records != '\0')
    {
      char *end = NULL;
      guint64 n = g_ascii_strtoull (records, &end, 10);

      if (end == records || *end != '\0' || n > 100000)
        {
          sz_field_error_set (self->filter_error, _("At least records: a whole number such as 1 or 3."));
          return FALSE;
        }
      filter->min_records = (guint) n;
    }
  if (*hours != '\0' && !sz_hours_parse (hours, &filter->min_minutes))
    {
      sz_field_error_set (self->filter_error, _("At least hours: a number such as 20 or 7.5."));
      return FALSE;
    }
  if (*points != '\0' && !sz_points_parse (points, &filter->min_points))
    {
      sz_field_error_set (self->filter_error, _("At least points: a number such as 20 or 7.5."));
      return FALSE;
    }
  return filter->period != NULL;
}

static void
load_shortlist (SzHonoursView *self)
{
  SzShortlistFilter filter;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *items = NULL;
  guint n;

  if (!read_filter (self, &filter))
    list = g_ptr_array_new ();
  else if ((list = sz_honours_shortlist (sz_session_get_db (self->session), &filter, &error)) == NULL)
    {
      sz_field_error_set (self->filter_error, error->message);
      list = g_ptr_array_new ();
    }
  n = list->len;
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = sz_points_item_new (g_steal_pointer (&list->pdata[i]), (GDestroyNotify) sz_shortlist_entry_free);
  g_list_store_splice (self->shortlist, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shortlist)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
}

static void
reload (SzHonoursView *self)
{
  if (sz_session_get_db (self->session) == NULL)
    return;
  self->loaded = TRUE;
  self->dirty = FALSE;
  load_shortlist (self);
  _sz_honours_view_load_list (self);
}

static void
on_filter_changed_cb (SzHonoursView *self)
{
  if (self->loaded && !self->updating)
    {
      g_hash_table_remove_all (self->checked);
      gtk_widget_set_sensitive (self->propose_button, FALSE);
      reload (self);
    }
}

static void
on_session_changed_cb (SzHonoursView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sz_honours_view_map (GtkWidget *widget)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (widget);

  GTK_WIDGET_CLASS (sz_honours_view_parent_class)->map (widget);
  if (!self->loaded || self->dirty)
    reload (self);
}

/* Starting the publicity */

typedef struct
{
  GArray *ids;
} ProposeUndo;

static void
propose_undo_free (gpointer data)
{
  ProposeUndo *u = data;

  g_array_unref (u->ids);
  g_free (u);
}

static gboolean
propose_undo_run (SzSession  *session,
                  gpointer    data,
                  GError    **error)
{
  ProposeUndo *u = data;
  SzDb *db = sz_session_get_db (session);
  gboolean ok = TRUE;

  if (!sz_db_begin (db, error))
    return FALSE;
  for (guint i = 0; ok && i < u->ids->len; i++)
    ok = sz_honour_withdraw (db, g_array_index (u->ids, gint64, i), _("Undone"), error);
  return sz_db_end (db, ok, ok ? error : NULL) && ok;
}

static void
on_propose_clicked_cb (SzHonoursView *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (
    gtk_combo_box_get_child (GTK_COMBO_BOX (self->title))))));
  g_autofree char *reason = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->reason))));
  g_autofree char *today = sz_points_today ();
  g_autofree char *label = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int days = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->days));
  GListModel *model = G_LIST_MODEL (self->shortlist);
  gboolean ok;

  sz_field_error_set (self->propose_error, NULL);
  if (g_hash_table_size (self->checked) == 0)
    {
      sz_field_error_set (self->propose_error, _("Tick the people to honour in the shortlist."));
      return;
    }
  if (!sz_db_begin (db, &error))
    {
      sz_field_error_set (self->propose_error, error->message);
      return;
    }
  ok = TRUE;
  for (guint i = 0; ok && i < g_list_model_get_n_items (model); i++)
    {
      SzShortlistEntry *e = sz_points_model_get (model, i);
      g_autoptr(SzHonour) h = NULL;

      if (!g_hash_table_contains (self->checked, &e->person_id))
        continue;
      h = sz_honour_new ();
      h->community_id = sz_session_get_community_id (self->session);
      h->person_id = e->person_id;
      h->period = g_strdup (chosen_period (self));
      h->title = g_strdup (title);
      h->reason = g_strdup (reason);
      h->publicity_from = g_strdup (today);
      ok = sz_honour_propose (db, h, days, &error);
      if (ok)
        g_array_append_val (ids, h->id);
    }
  if (!sz_db_end (db, ok, ok ? &error : NULL) || !ok)
    {
      sz_field_error_set (self->propose_error, error->message);
      return;
    }
  /* Translators: what Ctrl+Z undoes: the publicity of some honourees (it withdraws them) */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Publicity of %u honour", "Publicity of %u honours",
                                        ids->len), ids->len);
  {
    ProposeUndo *u = g_new0 (ProposeUndo, 1);

    u->ids = g_array_ref (ids);
    sz_session_push_undo (self->session, label, propose_undo_run, u, propose_undo_free);
  }
  g_hash_table_remove_all (self->checked);
  gtk_widget_set_sensitive (self->propose_button, FALSE);
  gtk_editable_set_text (GTK_EDITABLE (self->reason), "");
  sz_session_changed (self->session);
}

/* Building */

static GtkWidget *
labelled (const char *mnemonic,
          GtkWidget  *field,
          const char *name)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_mnemonic_widget (GTK_LABEL (label), field);
  gtk_widget_set_name (field, name);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), field);
  return box;
}

static GtkWidget *
small_entry (int chars)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_width_chars (GTK_EDITABLE (entry), chars);
  gtk_editable_set_max_width_chars (GTK_EDITABLE (entry), chars);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), "0");
  return entry;
}

static GtkWidget *
row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_margin_start (row, 12);
  gtk_widget_set_margin_end (row, 12);
  return row;
}

static GtkWidget *
dim_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

/* Period and level on one line, the thresholds on the next. */
static GtkWidget *
build_filters (SzHonoursView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *row = row_new ();
  const char *levels[SZ_N_LEVELS + 2];

  self->period = gtk_drop_down_new (NULL, NULL);
  gtk_box_append (GTK_BOX (row), labelled (_("_Period"), self->period, "period"));
  levels[0] = _("Anyone");
  for (int l = 0; l < SZ_N_LEVELS; l++)
    levels[l + 1] = sz_level_head_title (l);
  levels[SZ_N_LEVELS + 1] = NULL;
  self->level = gtk_drop_down_new_from_strings (levels);
  gtk_widget_set_margin_start (self->level, 0);
  gtk_box_append (GTK_BOX (row), labelled (_("_Level"), self->level, "level"));
  gtk_box_append (GTK_BOX (box), row);

  row = row_new ();
  self->min_hours = small_entry (4);
  /* Translators: the thresholds of the shortlist: "At least [20] hours, [10] points earned, [1] records brought in" */
  gtk_box_append (GTK_BOX (row), labelled (_("At _least"), self->min_hours, "min-hours"));
  gtk_box_append (GTK_BOX (row), dim_label (_("hours,")));
  self->min_points = small_entry (4);
  gtk_widget_set_name (self->min_points, "min-points");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_points), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Points earned at least"), -1);
  gtk_box_append (GTK_BOX (row), self->min_points);
  gtk_box_append (GTK_BOX (row), dim_label (_("points earned,")));
  self->min_records = small_entry (3);
  gtk_widget_set_name (self->min_records, "min-records");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->min_records), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Records brought in at least"), -1);
  gtk_box_append (GTK_BOX (row), self->min_records);
  gtk_box_append (GTK_BOX (row), dim_label (_("records brought in")));
  gtk_box_append (GTK_BOX (box), row);

  g_signal_connect_swapped (self->period, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->level, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->min_hours, "changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->min_points, "changed", G_CALLBACK (on_filter_changed_cb), self);
  g_signal_connect_swapped (self->min_records, "changed", G_CALLBACK (on_filter_changed_cb), self);
  return box;
}

static GtkWidget *
build_shortlist (SzHonoursView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *bar = row_new ();
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkColumnViewColumn *column;
  GtkWidget *list;
  const char * const *titles = sz_honour_titles ();

  self->shortlist = g_list_store_new (SZ_TYPE_POINTS_ITEM);
  list = sz_points_list_new (self->shortlist, FALSE, &self->shortlist_selection, &self->shortlist_view);
  gtk_widget_set_name (GTK_WIDGET (self->shortlist_view), "shortlist");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->shortlist_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Shortlist"), -1);
  g_signal_connect (factory, "setup", G_CALLBACK (on_check_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_check_bind_cb), self);
  column = gtk_column_view_column_new (NULL, factory);
  gtk_column_view_append_column (self->shortlist_view, column);
  g_object_unref (column);
  /* Translators: columns of the honours shortlist */
  sz_points_add_column (self->shortlist_view, _("Rank"), cell_rank, NULL, TRUE, FALSE);
  sz_points_add_column (self->shortlist_view, _("Name"), cell_name, NULL, FALSE, FALSE);
  sz_points_add_column (self->shortlist_view, _("Post"), cell_post, NULL, FALSE, TRUE);
  sz_points_add_column (self->shortlist_view, _("Hours"), cell_hours, NULL, TRUE, FALSE);
  sz_points_add_column (self->shortlist_view, _("Points Earned"), cell_earned, NULL, TRUE, FALSE);
  sz_points_add_column (self->shortlist_view, _("Records"), cell_records, NULL, TRUE, FALSE);
  sz_points_add_column (self->shortlist_view, _("Photo"), cell_photo, NULL, FALSE, FALSE);
  gtk_box_append (GTK_BOX (box), list);

  self->title = gtk_combo_box_text_new_with_entry ();
  for (guint i = 0; titles != NULL && titles[i] != NULL; i++)
    gtk_combo_box_text_append_text (GTK_COMBO_BOX_TEXT (self->title), titles[i]);
  gtk_combo_box_set_active (GTK_COMBO_BOX (self->title), 0);
  gtk_box_append (GTK_BOX (bar), labelled (C_("honour", "_Title"), self->title, "title"));
  self->days = gtk_spin_button_new_with_range (1, 60, 1);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->days), SZ_HONOUR_MIN_PUBLICITY_DAYS);
  gtk_box_append (GTK_BOX (bar), labelled (_("Publicity _days"), self->days, "days"));
  gtk_box_append (GTK_BOX (box), bar);
  bar = row_new ();
  self->reason = gtk_entry_new ();
  gtk_editable_set_width_chars (GTK_EDITABLE (self->reason), 12);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->reason), _("What they did, for the certificate"));
  gtk_widget_set_hexpand (self->reason, TRUE);
  {
    GtkWidget *reason = labelled (C_("honour", "_Reason"), self->reason, "reason");

    gtk_widget_set_hexpand (reason, TRUE);
    gtk_box_append (GTK_BOX (bar), reason);
  }
  self->propose_button = gtk_button_new_with_mnemonic (_("_Start Publicity"));
  gtk_widget_set_name (self->propose_button, "propose");
  gtk_widget_set_tooltip_text (self->propose_button,
                               _("Post the people ticked as candidates: the honour is final after the publicity"));
  gtk_widget_set_sensitive (self->propose_button, FALSE);
  gtk_widget_add_css_class (self->propose_button, "suggested-action");
  g_signal_connect_swapped (self->propose_button, "clicked", G_CALLBACK (on_propose_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->propose_button);
  gtk_box_append (GTK_BOX (box), bar);
  self->propose_error = sz_field_error_new ();
  gtk_widget_set_name (self->propose_error, "propose-error");
  gtk_widget_set_margin_start (self->propose_error, 12);
  gtk_box_append (GTK_BOX (box), self->propose_error);
  return box;
}

static void
sz_honours_view_dispose (GObject *object)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->shortlist);
  g_clear_object (&self->honours);
  g_clear_object (&self->session);
  g_clear_pointer (&self->checked, g_hash_table_unref);
  g_clear_pointer (&self->periods, g_ptr_array_unref);
  G_OBJECT_CLASS (sz_honours_view_parent_class)->dispose (object);
}

static void
sz_honours_view_class_init (SzHonoursViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_honours_view_dispose;
  widget_class->map = sz_honours_view_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  _sz_honours_view_install_actions (widget_class);
}

static void
sz_honours_view_init (SzHonoursView *self)
{
  self->periods = g_ptr_array_new_with_free_func (g_free);
  self->checked = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

GtkWidget *
sz_honours_view_new (SzSession *session)
{
  SzHonoursView *self;
  GtkWidget *box;
  GtkWidget *paned;
  GtkWidget *top;
  GtkWidget *bottom;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_HONOURS_VIEW, NULL);
  self->session = g_object_ref (session);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  self->updating = TRUE;
  gtk_box_append (GTK_BOX (box), build_filters (self));
  fill_periods (self);
  self->updating = FALSE;
  self->filter_error = sz_field_error_new ();
  gtk_widget_set_name (self->filter_error, "filter-error");
  gtk_widget_set_margin_start (self->filter_error, 12);
  gtk_box_append (GTK_BOX (box), self->filter_error);
  paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  top = build_shortlist (self);
  bottom = _sz_honours_view_build_list (self);
  gtk_widget_set_size_request (top, -1, 150);
  gtk_widget_set_size_request (bottom, -1, 130);
  gtk_paned_set_start_child (GTK_PANED (paned), top);
  gtk_paned_set_end_child (GTK_PANED (paned), bottom);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

gboolean
sz_honours_view_set_period (SzHonoursView *self,
                            const char    *period)
{
  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), FALSE);

  for (guint i = 0; i < self->periods->len; i++)
    if (g_strcmp0 (self->periods->pdata[i], period) == 0)
      {
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->period), i);
        if (!self->loaded || self->dirty)
          reload (self);
        return TRUE;
      }
  return FALSE;
}

const char *
sz_honours_view_get_period (SzHonoursView *self)
{
  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), NULL);
  return chosen_period (self);
}

gboolean
sz_honours_view_set_checked (SzHonoursView *self,
                             gint64         person_id,
                             gboolean       checked)
{
  GListModel *model;

  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), FALSE);
  if (!self->loaded || self->dirty)
    reload (self);
  model = G_LIST_MODEL (self->shortlist);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    if (((SzShortlistEntry *) sz_points_model_get (model, i))->person_id == person_id)
      {
        if (checked)
          g_hash_table_add (self->checked, g_memdup2 (&person_id, sizeof person_id));
        else
          g_hash_table_remove (self->checked, &person_id);
        gtk_widget_set_sensitive (self->propose_button, g_hash_table_size (self->checked) > 0);
        /* The check boxes show it. */
        g_list_model_items_changed (G_LIST_MODEL (self->shortlist), i, 1, 1);
        return TRUE;
      }
  return FALSE;
}
