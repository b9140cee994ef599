/* sz-points-page.c: the 积分 page's toolbar, and the balances with their
 * search and filters.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-activity-dialog.h"
#include "sz-activity-types-dialog.h"
#include "sz-app-util.h"
#include "sz-expiry-dialog.h"
#include "sz-honours-view.h"
#include "sz-points-page-private.h"
#include "sz-record-credits-dialog.h"
#include "sz-redeem-dialog.h"
#include "sz-rewards-dialog.h"
#include "sz-roster.h"

G_DEFINE_FINAL_TYPE (SzPointsPage, sz_points_page, GTK_TYPE_WIDGET)

/* The level filter's choices, in order: any, the three levels, no post. */
#define LEVEL_CHOICE_ANY 0

/* Cells */

static char *
cell_name (gpointer data)
{
  return g_strdup (((SzPointsBalance *) data)->name);
}

static char *
cell_post (gpointer data)
{
  SzPointsBalance *b = data;

  return g_strdup (b->post && *b->post ? b->post : sz_points_level_title (b->level));
}

static char *
cell_hours (gpointer data)
{
  return sz_hours_format (((SzPointsBalance *) data)->minutes);
}

static char *
cell_earned (gpointer data)
{
  return sz_points_format (((SzPointsBalance *) data)->earned);
}

static char *
cell_redeemed (gpointer data)
{
  return sz_points_format (((SzPointsBalance *) data)->redeemed);
}

static char *
cell_balance (gpointer data)
{
  return sz_points_format (((SzPointsBalance *) data)->balance);
}

static int
compare_name (gconstpointer a, gconstpointer b, gpointer data)
{
  /* The Chinese locales collate by pinyin, as the core lists. */
  return g_utf8_collate (((const SzPointsBalance *) a)->name, ((const SzPointsBalance *) b)->name);
}

#define COMPARE_FIELD(fn, field) \
  static int fn (gconstpointer a, gconstpointer b, gpointer data) \
  { \
    const SzPointsBalance *x = a, *y = b; \
    return (x->field > y->field) - (x->field < y->field); \
  }

COMPARE_FIELD (compare_minutes, minutes)
COMPARE_FIELD (compare_earned, earned)
COMPARE_FIELD (compare_redeemed, redeemed)
COMPARE_FIELD (compare_balance, balance)

static int
compare_post (gconstpointer a, gconstpointer b, gpointer data)
{
  const SzPointsBalance *x = a, *y = b;
  /* Heads first, grid heads before building heads; no post last. */
  int lx = x->level < 0 ? SZ_N_LEVELS : x->level;
  int ly = y->level < 0 ? SZ_N_LEVELS : y->level;

  if (lx != ly)
    return lx - ly;
  return g_strcmp0 (x->post, y->post);
}

/* The balances */

SzPointsBalance *
_sz_points_page_selected_balance (SzPointsPage *self)
{
  GtkSingleSelection *s = GTK_SINGLE_SELECTION (self->balance_selection);

  return sz_points_model_get (G_LIST_MODEL (s), gtk_single_selection_get_selected (s));
}

static void
read_filter (SzPointsPage   *self,
             SzPointsFilter *filter)
{
  guint grid = gtk_drop_down_get_selected (self->grid_drop_down);
  guint level = gtk_drop_down_get_selected (self->level_drop_down);
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  sz_points_filter_init (filter, sz_session_get_community_id (self->session));
  filter->search = text && *text ? text : NULL;
  if (grid < self->grid_ids->len)
    filter->grid_id = g_array_index (self->grid_ids, gint64, grid);
  /* Any, grid head, building head, unit head, no post. */
  filter->level = level == GTK_INVALID_LIST_POSITION || level == LEVEL_CHOICE_ANY ? -1 : (int) level - 1;
  filter->with_zero = gtk_check_button_get_active (self->everyone_check) || filter->search != NULL;
}

static void
load_grids (SzPointsPage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GPtrArray) grids = sz_grid_list (db, sz_session_get_community_id (self->session), NULL);
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  guint selected = gtk_drop_down_get_selected (self->grid_drop_down);
  gint64 keep = selected < self->grid_ids->len ? g_array_index (self->grid_ids, gint64, selected) : 0;
  gint64 id = 0;
  guint position = 0;

  g_array_set_size (self->grid_ids, 0);
  /* Translators: the grid filter of the points page */
  gtk_string_list_append (names, _("All grids"));
  g_array_append_val (self->grid_ids, id);
  for (guint i = 0; grids != NULL && i < grids->len; i++)
    {
      SzGrid *g = grids->pdata[i];

      if (g->id == keep)
        position = self->grid_ids->len;
      gtk_string_list_append (names, g->name);
      g_array_append_val (self->grid_ids, g->id);
    }
  gtk_drop_down_set_model (self->grid_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->grid_drop_down, position);
}

static void
update_count (SzPointsPage *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->balances));
  gint64 total = 0;
  g_autofree char *count = NULL;
  g_autofree char *points = NULL;

  for (guint i = 0; i < n; i++)
    total += ((SzPointsBalance *) sz_points_model_get (G_LIST_MODEL (self->balances), i))->balance;
  points = sz_points_format (total);
  /* Translators: under the points list; %u people, %s their points in all ("1234.5") */
  count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person, %s points held in all",
                                        "%u people, %s points held in all", n), n, points);
  gtk_label_set_text (self->count_label, count);
  gtk_stack_set_visible_child_name (self->list_stack, n > 0 ? "list" : "empty");
  if (n == 0)
    gtk_label_set_text (self->empty_label,
                        *gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) != '\0'
                        ? _("No one matches the search and the filters.")
                        : _("No points yet. Record an activity with “Record Activity…”, or tick “Everyone” to see "
                            "the people who have none."));
}

static void
update_credits (SzPointsPage *self)
{
  g_autoptr(GPtrArray) credits = sz_points_record_credits (sz_session_get_db (self->session),
                                                           sz_session_get_community_id (self->session), NULL);
  guint n = credits ? credits->len : 0;
  g_autofree char *label = NULL;

  /* Translators: a button on the points page; %u resolved records whose heads could be credited */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Record to Credit…", "%u Records to Credit…", n), n);
  gtk_button_set_label (GTK_BUTTON (self->credits_button), label);
  gtk_widget_set_visible (self->credits_button, n > 0);
}

static void
reload_balances (SzPointsPage *self)
{
  SzPointsFilter filter;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 keep = self->person_id;
  GListModel *shown = G_LIST_MODEL (self->balance_selection);
  g_autofree gpointer *items = NULL;
  guint position = GTK_INVALID_LIST_POSITION;

  read_filter (self, &filter);
  list = sz_points_balances (sz_session_get_db (self->session), &filter, &error);
  if (list == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The points could not be read"), error);
      list = g_ptr_array_new ();
    }
  items = g_new0 (gpointer, list->len + 1);
  for (guint i = 0; i < list->len; i++)
    items[i] = sz_points_item_new (g_steal_pointer (&list->pdata[i]), (GDestroyNotify) sz_points_balance_free);
  self->updating = TRUE;
  g_list_store_splice (self->balances, 0, g_list_model_get_n_items (G_LIST_MODEL (self->balances)), items, list->len);
  for (guint i = 0; i < list->len; i++)
    g_object_unref (items[i]);
  for (guint i = 0; keep != 0 && i < g_list_model_get_n_items (shown); i++)
    if (((SzPointsBalance *) sz_points_model_get (shown, i))->person_id == keep)
      position = i;
  gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->balance_selection), position);
  self->updating = FALSE;
  /* Still the statement of the person chosen, when the filters hide them. */
  update_count (self);
  _sz_points_page_load_statement (self);
}

static void
reload (SzPointsPage *self)
{
  if (sz_session_get_db (self->session) == NULL)
    return;
  self->loaded = TRUE;
  self->dirty = FALSE;
  self->updating = TRUE;
  load_grids (self);
  self->updating = FALSE;
  update_credits (self);
  reload_balances (self);
}

static void
on_session_changed_cb (SzPointsPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sz_points_page_map (GtkWidget *widget)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  GTK_WIDGET_CLASS (sz_points_page_parent_class)->map (widget);
  if (!self->loaded || self->dirty)
    reload (self);
}

static void
on_filter_changed_cb (SzPointsPage *self)
{
  if (!self->updating && self->loaded)
    reload_balances (self);
}

static void
on_balance_selected_cb (SzPointsPage *self)
{
  SzPointsBalance *b;

  if (self->updating)
    return;
  b = _sz_points_page_selected_balance (self);
  self->person_id = b ? b->person_id : 0;
  _sz_points_page_load_statement (self);
}

/* Actions */

static void
on_activity_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_activity_dialog_new (widget, self->session);
}

static void
on_redeem_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_redeem_dialog_new (widget, self->session, self->person_id);
}

static void
on_types_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_activity_types_dialog_new (widget, self->session);
}

static void
on_rewards_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_rewards_dialog_new (widget, self->session);
}

static void
on_credits_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_record_credits_dialog_new (widget, self->session);
}

static void
on_expiry_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzPointsPage *self = SZ_POINTS_PAGE (widget);

  sz_expiry_dialog_new (widget, self->session);
}

/* Building */

static GtkWidget *
button_new (const char *label,
            const char *action,
            const char *name)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  return button;
}

static GtkWidget *
build_toolbar (SzPointsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *switcher = gtk_stack_switcher_new ();
  GtkWidget *menu_button = gtk_menu_button_new ();
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) section = g_menu_new ();
  GtkWidget *spacer = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_stack_switcher_set_stack (GTK_STACK_SWITCHER (switcher), self->sections);
  gtk_box_append (GTK_BOX (bar), switcher);
  gtk_widget_set_hexpand (spacer, TRUE);
  gtk_box_append (GTK_BOX (bar), spacer);

  gtk_box_append (GTK_BOX (bar), button_new (_("Record _Activity…"), "points.activity", "activity-button"));
  gtk_box_append (GTK_BOX (bar), button_new (_("_Redeem…"), "points.redeem", "redeem-button"));

  g_menu_append (section, _("Points _Rules and Activity Types…"), "points.types");
  g_menu_append (section, _("Rewards _Catalogue…"), "points.rewards");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  g_object_unref (section);
  section = g_menu_new ();
  g_menu_append (section, _("Records to C_redit…"), "points.credits");
  g_menu_append (section, _("Points _Expiry…"), "points.expiry");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (section));
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (menu_button), G_MENU_MODEL (menu));
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (menu_button), "view-more-symbolic");
  gtk_widget_set_tooltip_text (menu_button, _("Rules, rewards, records to credit and expiry"));
  gtk_widget_set_name (menu_button, "points-menu");
  gtk_box_append (GTK_BOX (bar), menu_button);
  return bar;
}

static GtkWidget *
build_filters (SzPointsPage *self)
{
  GtkWidget *bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  const char *levels[SZ_N_LEVELS + 3];

  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_bottom (bar, 6);
  self->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->search_entry), "search");
  gtk_widget_set_hexpand (GTK_WIDGET (self->search_entry), TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (self->search_entry), 8);
  g_object_set (self->search_entry, "placeholder-text", _("Name, pinyin or initials"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search people"), -1);
  g_signal_connect_swapped (self->search_entry, "search-changed", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->search_entry));

  self->grid_drop_down = GTK_DROP_DOWN (gtk_drop_down_new (NULL, NULL));
  gtk_widget_set_name (GTK_WIDGET (self->grid_drop_down), "grid-filter");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->grid_drop_down), _("Grid of the person's post"));
  g_signal_connect_swapped (self->grid_drop_down, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->grid_drop_down));

  /* Translators: the level filter of the points page */
  levels[0] = _("All posts");
  for (int i = 0; i < SZ_N_LEVELS; i++)
    levels[i + 1] = sz_level_head_title (i);
  levels[SZ_N_LEVELS + 1] = sz_points_level_title (-1);
  levels[SZ_N_LEVELS + 2] = NULL;
  self->level_drop_down = GTK_DROP_DOWN (gtk_drop_down_new_from_strings (levels));
  gtk_widget_set_name (GTK_WIDGET (self->level_drop_down), "level-filter");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->level_drop_down), _("Level of the person's post"));
  g_signal_connect_swapped (self->level_drop_down, "notify::selected", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->level_drop_down));

  /* Translators: a check box of the points page: also people who never had points */
  self->everyone_check = GTK_CHECK_BUTTON (gtk_check_button_new_with_mnemonic (_("E_veryone")));
  gtk_widget_set_name (GTK_WIDGET (self->everyone_check), "everyone");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->everyone_check), _("Also the people who never had points"));
  g_signal_connect_swapped (self->everyone_check, "toggled", G_CALLBACK (on_filter_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->everyone_check));
  return bar;
}

static GtkWidget *
build_balances (SzPointsPage *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *paned = gtk_paned_new (GTK_ORIENTATION_VERTICAL);
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *bottom = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *list;
  GtkWidget *empty;
  GtkWidget *count_row;
  GtkColumnViewColumn *column;

  gtk_box_append (GTK_BOX (box), build_filters (self));

  self->balances = g_list_store_new (SZ_TYPE_POINTS_ITEM);
  list = sz_points_list_new (self->balances, FALSE, &self->balance_selection, &self->balances_view);
  gtk_widget_set_name (GTK_WIDGET (self->balances_view), "balances");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->balances_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Points of each person"), -1);
  /* Translators: columns of the points list */
  column = sz_points_add_column (self->balances_view, _("Name"), cell_name, compare_name, FALSE, FALSE);
  gtk_column_view_column_set_fixed_width (column, 110);
  sz_points_add_column (self->balances_view, _("Post"), cell_post, compare_post, FALSE, TRUE);
  sz_points_add_column (self->balances_view, _("Hours"), cell_hours, compare_minutes, TRUE, FALSE);
  sz_points_add_column (self->balances_view, _("Earned"), cell_earned, compare_earned, TRUE, FALSE);
  sz_points_add_column (self->balances_view, _("Redeemed"), cell_redeemed, compare_redeemed, TRUE, FALSE);
  sz_points_add_column (self->balances_view, _("Balance"), cell_balance, compare_balance, TRUE, FALSE);
  g_signal_connect_swapped (self->balance_selection, "notify::selected", G_CALLBACK (on_balance_selected_cb), self);

  self->list_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->list_stack), TRUE);
  gtk_stack_add_named (self->list_stack, list, "list");
  empty = gtk_label_new (NULL);
  self->empty_label = GTK_LABEL (empty);
  gtk_label_set_wrap (self->empty_label, TRUE);
  gtk_label_set_justify (self->empty_label, GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (empty, "dim-label");
  gtk_widget_set_margin_start (empty, 24);
  gtk_widget_set_margin_end (empty, 24);
  gtk_widget_set_name (empty, "empty");
  gtk_stack_add_named (self->list_stack, empty, "empty");
  gtk_box_append (GTK_BOX (top), GTK_WIDGET (self->list_stack));

  self->count_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->count_label), "count");
  gtk_label_set_xalign (self->count_label, 0);
  gtk_label_set_ellipsize (self->count_label, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->count_label), "dim-label");
  gtk_widget_set_margin_start (GTK_WIDGET (self->count_label), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (self->count_label), 3);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->count_label), 3);
  gtk_widget_set_hexpand (GTK_WIDGET (self->count_label), TRUE);
  count_row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_append (GTK_BOX (count_row), GTK_WIDGET (self->count_label));
  self->credits_button = button_new ("", "points.credits", "credits-button");
  gtk_widget_add_css_class (self->credits_button, "flat");
  gtk_widget_set_margin_end (self->credits_button, 6);
  gtk_widget_set_tooltip_text (self->credits_button,
                               _("Resolved records brought in by heads: credit their points, or leave them for now"));
  gtk_box_append (GTK_BOX (count_row), self->credits_button);
  gtk_box_append (GTK_BOX (top), count_row);

  _sz_points_page_build_statement (self, GTK_BOX (bottom));

  gtk_paned_set_start_child (GTK_PANED (paned), top);
  gtk_paned_set_end_child (GTK_PANED (paned), bottom);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  gtk_paned_set_shrink_end_child (GTK_PANED (paned), FALSE);
  gtk_widget_set_size_request (top, -1, 140);
  gtk_widget_set_size_request (bottom, -1, 160);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_box_append (GTK_BOX (box), paned);
  return box;
}

static void
sz_points_page_dispose (GObject *object)
{
  SzPointsPage *self = SZ_POINTS_PAGE (object);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->balances);
  g_clear_object (&self->movements);
  g_clear_object (&self->session);
  g_clear_pointer (&self->grid_ids, g_array_unref);
  G_OBJECT_CLASS (sz_points_page_parent_class)->dispose (object);
}

static void
sz_points_page_class_init (SzPointsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_points_page_dispose;
  widget_class->map = sz_points_page_map;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_install_action (widget_class, "points.activity", NULL, on_activity_cb);
  gtk_widget_class_install_action (widget_class, "points.redeem", NULL, on_redeem_cb);
  gtk_widget_class_install_action (widget_class, "points.types", NULL, on_types_cb);
  gtk_widget_class_install_action (widget_class, "points.rewards", NULL, on_rewards_cb);
  gtk_widget_class_install_action (widget_class, "points.credits", NULL, on_credits_cb);
  gtk_widget_class_install_action (widget_class, "points.expiry", NULL, on_expiry_cb);
}

static void
sz_points_page_init (SzPointsPage *self)
{
  self->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
}

GtkWidget *
sz_points_page_new (SzSession *session)
{
  SzPointsPage *self;
  GtkWidget *box;
  GtkWidget *toolbar;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_POINTS_PAGE, NULL);
  self->session = g_object_ref (session);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  self->sections = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->sections), TRUE);
  toolbar = build_toolbar (self);
  /* Translators: the sections of the points page */
  gtk_stack_add_titled (self->sections, build_balances (self), "balances", _("Points"));
  self->honours = sz_honours_view_new (session);
  gtk_widget_set_name (self->honours, "honours-view");
  gtk_stack_add_titled (self->sections, self->honours, "honours", _("Honours"));
  gtk_box_append (GTK_BOX (box), toolbar);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->sections));
  gtk_widget_set_parent (box, GTK_WIDGET (self));
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
sz_points_page_focus_search (SzPointsPage *self)
{
  g_return_if_fail (SZ_IS_POINTS_PAGE (self));
  gtk_stack_set_visible_child_name (self->sections, "balances");
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
sz_points_page_select_person (SzPointsPage *self,
                              gint64        person_id)
{
  GListModel *shown;

  g_return_val_if_fail (SZ_IS_POINTS_PAGE (self), FALSE);
  if (!self->loaded || self->dirty)
    reload (self);
  shown = G_LIST_MODEL (self->balance_selection);
  for (guint i = 0; i < g_list_model_get_n_items (shown); i++)
    if (((SzPointsBalance *) sz_points_model_get (shown, i))->person_id == person_id)
      {
        gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (self->balance_selection), i);
        return TRUE;
      }
  return FALSE;
}

gint64
sz_points_page_get_person (SzPointsPage *self)
{
  g_return_val_if_fail (SZ_IS_POINTS_PAGE (self), 0);
  return self->person_id;
}

void
sz_points_page_show_section (SzPointsPage *self,
                             const char   *name)
{
  g_return_if_fail (SZ_IS_POINTS_PAGE (self));
  gtk_stack_set_visible_child_name (self->sections, name);
}
