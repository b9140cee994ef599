/* sz-place-sidebar-rows.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-place-sidebar-private.h"

static SzLevel
kind_level (SzNodeKind kind)
{
  return kind == SZ_NODE_GRID ? SZ_LEVEL_GRID : kind == SZ_NODE_BUILDING ? SZ_LEVEL_BUILDING : SZ_LEVEL_UNIT;
}

/* Rows: labels, counts, vacancy marks */

static char *
count_text (const SzTreeNode *node)
{
  int n = (int) node->children->len;

  switch (node->kind)
    {
    case SZ_NODE_COMPOUND:
      /* Translators: a count on a row of the narrow place list; keep it short */
      return n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d building", "%d buildings", n), n) : NULL;
    case SZ_NODE_BUILDING:
      /* Translators: a count on a row of the narrow place list; keep it short */
      return n ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units", n), n) : NULL;
    case SZ_NODE_COMMUNITY:
    case SZ_NODE_GRID:
    case SZ_NODE_UNIT:
    default:
      /* Translators: a count on a row of the narrow place list; keep it short */
      return node->households ? g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d household", "%d households",
                                                              node->households), node->households) : NULL;
    }
}

static char *
row_tooltip (const SzTreeNode *node)
{
  GString *tip = g_string_new (node->label);
  g_autofree char *count = count_text (node);

  if (node->detail != NULL && *node->detail)
    {
      g_string_append_c (tip, '\n');
      /* Translators: in a compound's tooltip; %s is its property company */
      g_string_append_printf (tip, _("Property company: %s"), node->detail);
    }
  if (node->has_head)
    {
      const char *title = sz_level_head_title (kind_level (node->kind));

      g_string_append_c (tip, '\n');
      if (node->head_person_id != 0)
        /* Translators: a row's tooltip: a post ("Building head") and who holds it */
        g_string_append_printf (tip, _("%s: %s"), title, node->head_name);
      else
        /* Translators: a row's tooltip: a post ("Building head") without a head */
        g_string_append_printf (tip, _("%s: vacant"), title);
    }
  if (count != NULL)
    g_string_append_printf (tip, "\n%s", count);
  return g_string_free (tip, FALSE);
}

static void
fill_row (GtkListItem *list_item)
{
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  GtkLabel *label = g_object_get_data (G_OBJECT (expander), "label");
  GtkLabel *count = g_object_get_data (G_OBJECT (expander), "count");
  GtkLabel *vacant = g_object_get_data (G_OBJECT (expander), "vacant");
  SzTreeNode *node = sz_place_tree_row_node (gtk_list_item_get_item (list_item));
  g_autofree char *count_str = NULL;

  if (node == NULL)
    return;
  count_str = count_text (node);
  gtk_label_set_text (label, node->label);
  gtk_label_set_text (count, count_str ? count_str : "");
  gtk_widget_set_visible (GTK_WIDGET (count), count_str != NULL);
  gtk_widget_set_visible (GTK_WIDGET (vacant), node->vacancies > 0);
  if (node->vacancies == 0)
    gtk_label_set_text (vacant, "");
  else if (node->kind == SZ_NODE_UNIT)
    /* Translators: the red mark of a unit without a head; keep it very short (缺) */
    gtk_label_set_text (vacant, _("vacant"));
  else
    {
      /* Translators: the red mark of a place with N vacant head posts; keep it very short (缺%d) */
      g_autofree char *mark = g_strdup_printf (_("%d vacant"), node->vacancies);

      gtk_label_set_text (vacant, mark);
    }
}

/* Tooltips are made when asked for: setting one on a row on screen makes
 * GTK ask the X server where the pointer is, a round trip per row. */
static gboolean
on_row_query_tooltip_cb (GtkWidget  *widget,
                         int         x,
                         int         y,
                         gboolean    keyboard,
                         GtkTooltip *tooltip,
                         gpointer    user_data)
{
  GtkWidget *expander = user_data;
  GtkListItem *list_item = g_object_get_data (G_OBJECT (expander), "list-item");
  SzTreeNode *node = sz_place_tree_row_node (gtk_list_item_get_item (list_item));
  g_autofree char *text = NULL;

  if (node == NULL)
    return FALSE;
  if (widget != expander && node->kind == SZ_NODE_UNIT)
    text = g_strdup (_("The unit head post is vacant."));
  else if (widget != expander)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%d head post is vacant here or below.",
                                         "%d head posts are vacant here or below.",
                                         node->vacancies), node->vacancies);
  else
    text = row_tooltip (node);
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_row_menu_pressed_cb (GtkGesture     *gesture,
                        int             n_press,
                        double          x,
                        double          y,
                        SzPlaceSidebar *self)
{
  GtkWidget *expander = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkListItem *list_item = g_object_get_data (G_OBJECT (expander), "list-item");
  guint position = gtk_list_item_get_position (list_item);

  if (position == GTK_INVALID_LIST_POSITION)
    return;
  gtk_gesture_set_state (gesture, GTK_EVENT_SEQUENCE_CLAIMED);
  /* The menu acts on the selected row: select the one it was asked on. */
  gtk_single_selection_set_selected (self->selection, position);
  _sz_place_sidebar_popup_context_menu (self, expander, x, y);
}

static void
on_row_long_pressed_cb (GtkGesture     *gesture,
                        double          x,
                        double          y,
                        SzPlaceSidebar *self)
{
  on_row_menu_pressed_cb (gesture, 1, x, y, self);
}

static void
on_factory_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *list_item,
                     SzPlaceSidebar           *self)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *count = gtk_label_new (NULL);
  GtkWidget *vacant = gtk_label_new (NULL);
  GtkGesture *gesture;

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (count, "dim-label");
  gtk_widget_add_css_class (count, "numeric");
  gtk_widget_add_css_class (vacant, "vacant");
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), count);
  gtk_box_append (GTK_BOX (box), vacant);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "label", label);
  g_object_set_data (G_OBJECT (expander), "count", count);
  g_object_set_data (G_OBJECT (expander), "vacant", vacant);
  g_object_set_data (G_OBJECT (expander), "list-item", list_item);
  gtk_widget_set_has_tooltip (expander, TRUE);
  gtk_widget_set_has_tooltip (vacant, TRUE);
  g_signal_connect (expander, "query-tooltip", G_CALLBACK (on_row_query_tooltip_cb), expander);
  g_signal_connect (vacant, "query-tooltip", G_CALLBACK (on_row_query_tooltip_cb), expander);

  gesture = gtk_gesture_click_new ();
  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (gesture), GDK_BUTTON_SECONDARY);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_row_menu_pressed_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (gesture));
  gesture = gtk_gesture_long_press_new ();
  gtk_gesture_single_set_touch_only (GTK_GESTURE_SINGLE (gesture), TRUE);
  g_signal_connect (gesture, "pressed", G_CALLBACK (on_row_long_pressed_cb), self);
  gtk_widget_add_controller (expander, GTK_EVENT_CONTROLLER (gesture));

  gtk_list_item_set_child (list_item, expander);
}

static void
on_factory_bind_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *list_item,
                    SzPlaceSidebar           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = gtk_tree_list_row_get_item (row);
  gulong handler;

  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), row);
  fill_row (list_item);
  /* A reload of the same shape swaps the nodes under the rows in place. */
  handler = g_signal_connect_swapped (item, "changed", G_CALLBACK (fill_row), list_item);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", GSIZE_TO_POINTER (handler));
}

static void
on_factory_unbind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *list_item,
                      SzPlaceSidebar           *self)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  g_autoptr(GObject) item = row ? gtk_tree_list_row_get_item (row) : NULL;
  gulong handler = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (list_item), "changed-handler"));

  if (item != NULL && handler != 0)
    g_signal_handler_disconnect (item, handler);
  g_object_set_data (G_OBJECT (list_item), "changed-handler", NULL);
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (gtk_list_item_get_child (list_item)), NULL);
}

void
_sz_place_sidebar_init_rows (SzPlaceSidebar *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (on_factory_setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (on_factory_bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (on_factory_unbind_cb), self);
  gtk_list_view_set_factory (self->list_view, factory);
}

GtkWidget *
_sz_place_sidebar_row_widget (SzPlaceSidebar *self,
                              guint           position)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->list_view));
       child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkListItem *list_item = expander ? g_object_get_data (G_OBJECT (expander), "list-item") : NULL;

      if (list_item != NULL && gtk_list_item_get_position (list_item) == position
          && gtk_widget_get_mapped (expander))
        return expander;
    }
  return NULL;
}

/* Rows opening and closing under the pointer
 *
 * GTK 4.8's list keeps the row at the middle of the view in place when
 * rows come or go: expanding a building above the middle pushes it and
 * the rows above it up, away from the pointer that clicked it.  The row
 * that opened or closed is made the list's anchor instead (what
 * "list.scroll-to-item" does to a row already in view), so that it stays
 * where it is and only the rows below it move. */
static void
on_model_items_changed_cb (GListModel     *model,
                           guint           position,
                           guint           removed,
                           guint           added,
                           SzPlaceSidebar *self)
{
  GtkWidget *row;
  graphene_rect_t bounds;
  double top;

  /* Children come and go right after their parent's row. */
  if (position == 0 || self->reloading || (removed == 0) == (added == 0))
    return;
  row = _sz_place_sidebar_row_widget (self, position - 1);
  if (row == NULL || !gtk_widget_compute_bounds (row, GTK_WIDGET (self->scrolled_window), &bounds))
    return;
  /* Only a row fully in view: scrolling to one that is not would move
   * the list, which is what this is here to prevent. */
  top = bounds.origin.y;
  if (top < 0 || top + bounds.size.height > gtk_widget_get_height (GTK_WIDGET (self->scrolled_window)))
    return;
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position - 1);
}

void
_sz_place_sidebar_unwatch_model (SzPlaceSidebar *self)
{
  if (self->watched_model != NULL)
    {
      g_signal_handler_disconnect (self->watched_model, self->watched_handler);
      g_object_remove_weak_pointer (G_OBJECT (self->watched_model), (gpointer *) &self->watched_model);
    }
  self->watched_model = NULL;
  self->watched_handler = 0;
}

void
_sz_place_sidebar_watch_model (SzPlaceSidebar *self)
{
  GtkTreeListModel *model = sz_place_tree_get_model (self->tree);

  if (model == self->watched_model)
    return;
  _sz_place_sidebar_unwatch_model (self);
  if (model == NULL)
    return;
  /* Connected after the selection model's own handler: the list view
   * has taken in the change when this runs. */
  self->watched_model = model;
  g_object_add_weak_pointer (G_OBJECT (model), (gpointer *) &self->watched_model);
  self->watched_handler = g_signal_connect (model, "items-changed", G_CALLBACK (on_model_items_changed_cb), self);
}
