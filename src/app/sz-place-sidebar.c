/* sz-place-sidebar.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-place-dialog.h"
#include "sz-place-sidebar-private.h"

G_DEFINE_FINAL_TYPE (SzPlaceSidebar, sz_place_sidebar, GTK_TYPE_WIDGET)

static SzTreeNode *
selected_node (SzPlaceSidebar *self)
{
  return sz_place_tree_row_node (gtk_single_selection_get_selected_item (self->selection));
}

/* The node the row menu and the "+" menu act on: the selected row, or
 * the community when none is. */
static SzTreeNode *
context_node (SzPlaceSidebar *self)
{
  SzTreeNode *node = selected_node (self);

  return node ? node : sz_place_tree_get_root (self->tree);
}

/* Selecting */

static void
update_actions (SzPlaceSidebar *self)
{
  SzTreeNode *node = context_node (self);
  SzNodeKind kind = node ? node->kind : SZ_NODE_COMMUNITY;
  GtkWidget *w = GTK_WIDGET (self);

  gtk_widget_action_set_enabled (w, "sidebar.add-building",
                                 sz_place_tree_has_grids (self->tree) && sz_place_tree_has_compounds (self->tree));
  gtk_widget_action_set_enabled (w, "sidebar.add-units", kind == SZ_NODE_BUILDING || kind == SZ_NODE_UNIT);
  gtk_widget_action_set_enabled (w, "sidebar.rename",
                                 kind == SZ_NODE_GRID || kind == SZ_NODE_COMPOUND || kind == SZ_NODE_BUILDING);
  gtk_widget_action_set_enabled (w, "sidebar.move", kind == SZ_NODE_BUILDING);
  gtk_widget_action_set_enabled (w, "sidebar.delete", kind != SZ_NODE_COMMUNITY);
}

/* Expands the rows above @node (of the current tree) and selects it. */
static gboolean
select_node (SzPlaceSidebar   *self,
             const SzTreeNode *node)
{
  guint position = sz_place_tree_reveal (self->tree, node);

  if (position == GTK_INVALID_LIST_POSITION)
    return FALSE;
  gtk_single_selection_set_selected (self->selection, position);
  /* gtk_list_view_scroll_to() is GTK 4.12; this action is what it wraps. */
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  return TRUE;
}

static void
on_selection_notify_cb (SzPlaceSidebar *self)
{
  SzTreeNode *node = selected_node (self);

  update_actions (self);
  if (node == NULL || self->reloading)
    return;
  sz_session_select_place (self->session, node->kind, node->id);
}

static void
on_session_place_selected_cb (SzPlaceSidebar *self)
{
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  SzTreeNode *node = selected_node (self);

  /* A compound spanning two grids has two rows: keep the one chosen. */
  if (node != NULL && node->kind == kind && node->id == id)
    return;
  node = sz_place_tree_find (self->tree, kind, id);
  if (node == NULL || !select_node (self, node))
    gtk_single_selection_set_selected (self->selection, GTK_INVALID_LIST_POSITION);
}

gboolean
sz_place_sidebar_select (SzPlaceSidebar *self,
                         SzNodeKind      kind,
                         gint64          id)
{
  SzTreeNode *node;

  g_return_val_if_fail (SZ_IS_PLACE_SIDEBAR (self), FALSE);

  node = selected_node (self);
  if (node != NULL && node->kind == kind && node->id == id)
    return TRUE;
  node = sz_place_tree_find (self->tree, kind, id);
  return node != NULL && select_node (self, node);
}

guint
sz_place_sidebar_get_n_visible_rows (SzPlaceSidebar *self)
{
  GtkTreeListModel *model;

  g_return_val_if_fail (SZ_IS_PLACE_SIDEBAR (self), 0);
  model = sz_place_tree_get_model (self->tree);
  return model ? g_list_model_get_n_items (G_LIST_MODEL (model)) : 0;
}

/* Reloading */

static void
reload (SzPlaceSidebar *self)
{
  g_autoptr(GError) error = NULL;
  SzTreeNode *root = sz_tree_load (sz_session_get_db (self->session),
                                   sz_session_get_community_id (self->session), &error);
  SzTreeNode *old = selected_node (self);
  g_autofree char *old_key = old ? sz_place_tree_node_key (old) : NULL;
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double scroll = gtk_adjustment_get_value (vadjustment);
  SzTreeNode *node;
  gboolean complete = FALSE;

  if (root == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The places could not be loaded"), error);
      return;
    }
  self->reloading = TRUE;
  if (sz_place_tree_set_root (self->tree, root))
    {
      gtk_single_selection_set_model (self->selection, G_LIST_MODEL (sz_place_tree_get_model (self->tree)));
      _sz_place_sidebar_watch_model (self);
      gtk_adjustment_set_value (vadjustment, scroll);
    }

  /* The same row if it is still there, else the session's place where
   * it now is (a moved building), else what is left above the old row. */
  node = old_key ? sz_place_tree_find_key (self->tree, old_key, &complete) : NULL;
  if (!complete || node == NULL || node->kind != kind || node->id != id)
    {
      SzTreeNode *found = sz_place_tree_find (self->tree, kind, id);

      if (found != NULL)
        node = found;
      else if (node == NULL)
        node = root;
    }
  if (selected_node (self) != node)
    select_node (self, node);
  self->reloading = FALSE;
  update_actions (self);
  if (node->kind != kind || node->id != id)
    sz_session_select_place (self->session, node->kind, node->id);
}

static void
on_session_changed_cb (SzPlaceSidebar *self)
{
  reload (self);
}

/* Finding */

/* Goes to the next match of the query in @direction (+1, -1): after the
 * selected row with @from_selected, else from the top. */
static gboolean
find_match (SzPlaceSidebar *self,
            int             direction,
            gboolean        from_selected)
{
  SzTreeNode *node = NULL;
  GtkWidget *entry = GTK_WIDGET (self->search_entry);

  if (self->query != NULL && *self->query)
    node = sz_place_tree_find_match (self->tree, self->query, from_selected ? selected_node (self) : NULL,
                                     direction);
  if (node == NULL && self->query != NULL && *self->query)
    gtk_widget_add_css_class (entry, "error");
  else
    gtk_widget_remove_css_class (entry, "error");
  return node != NULL && select_node (self, node);
}

static gboolean
search (SzPlaceSidebar *self,
        const char     *text)
{
  g_free (self->query);
  self->query = g_strstrip (g_strdup (text));
  return find_match (self, 1, FALSE);
}

void
sz_place_sidebar_set_search_text (SzPlaceSidebar *self,
                                  const char     *text)
{
  g_return_if_fail (SZ_IS_PLACE_SIDEBAR (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text ? text : "");
  search (self, text ? text : "");
}

gboolean
sz_place_sidebar_find_next (SzPlaceSidebar *self)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (SZ_IS_PLACE_SIDEBAR (self), FALSE);

  text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  /* Enter before the typing delay ran: the first match, not the second. */
  if (g_strcmp0 (text, self->query) != 0)
    return search (self, text);
  return find_match (self, 1, TRUE);
}

static void
on_search_entry_search_changed_cb (SzPlaceSidebar *self)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  if (g_strcmp0 (text, self->query) != 0)
    search (self, text);
}

static void
on_search_entry_activate_cb (SzPlaceSidebar *self)
{
  sz_place_sidebar_find_next (self);
}

static void
on_search_entry_next_match_cb (SzPlaceSidebar *self)
{
  sz_place_sidebar_find_next (self);
}

static void
on_search_entry_previous_match_cb (SzPlaceSidebar *self)
{
  find_match (self, -1, TRUE);
}

/* Keyboard focus to the selected row (GTK 4.8 has no API for it: the
 * row's widget takes it, and the list follows). */
static void
focus_selected_row (SzPlaceSidebar *self)
{
  GtkWidget *row = _sz_place_sidebar_row_widget (self, gtk_single_selection_get_selected (self->selection));

  if (row == NULL || !gtk_widget_grab_focus (gtk_widget_get_parent (row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/* Escape: clears the field; a second Escape goes back to the list. */
static void
on_search_entry_stop_search_cb (SzPlaceSidebar *self)
{
  if (*gtk_editable_get_text (GTK_EDITABLE (self->search_entry)) == '\0')
    {
      focus_selected_row (self);
      return;
    }
  sz_place_sidebar_set_search_text (self, "");
}

static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          SzPlaceSidebar        *self)
{
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SHIFT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    sz_place_sidebar_find_next (self);
  else if (keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up)
    find_match (self, -1, TRUE);
  else
    return GDK_EVENT_PROPAGATE;
  return GDK_EVENT_STOP;
}

void
sz_place_sidebar_focus_search (SzPlaceSidebar *self)
{
  g_return_if_fail (SZ_IS_PLACE_SIDEBAR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

/* The list's keys */

static void
on_list_view_activate_cb (SzPlaceSidebar *self,
                          guint           position)
{
  g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (sz_place_tree_get_model (self->tree), position);

  if (row != NULL && gtk_tree_list_row_is_expandable (row))
    gtk_tree_list_row_set_expanded (row, !gtk_tree_list_row_get_expanded (row));
}

/* Left and Right fold and unfold as in a file manager's tree; F2, Delete
 * and the menu key reach the row menu's actions. */
static gboolean
on_list_key_pressed_cb (GtkEventControllerKey *controller,
                        guint                  keyval,
                        guint                  keycode,
                        GdkModifierType        state,
                        SzPlaceSidebar        *self)
{
  GtkTreeListRow *row = gtk_single_selection_get_selected_item (self->selection);
  guint position = gtk_single_selection_get_selected (self->selection);

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || row == NULL)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      if (!gtk_tree_list_row_is_expandable (row))
        return GDK_EVENT_PROPAGATE;
      if (!gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, TRUE);
      else
        position++;
      break;
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      if (gtk_tree_list_row_get_expanded (row))
        gtk_tree_list_row_set_expanded (row, FALSE);
      else
        {
          g_autoptr(GtkTreeListRow) parent = gtk_tree_list_row_get_parent (row);

          if (parent == NULL)
            return GDK_EVENT_PROPAGATE;
          position = gtk_tree_list_row_get_position (parent);
        }
      break;
    case GDK_KEY_F2:
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.rename", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Delete:
    case GDK_KEY_KP_Delete:
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.delete", NULL);
      return GDK_EVENT_STOP;
    case GDK_KEY_Menu:
      gtk_widget_activate_action (GTK_WIDGET (self), "sidebar.context-menu", NULL);
      return GDK_EVENT_STOP;
    default:
      return GDK_EVENT_PROPAGATE;
    }
  gtk_single_selection_set_selected (self->selection, position);
  gtk_widget_activate_action (GTK_WIDGET (self->list_view), "list.scroll-to-item", "u", position);
  focus_selected_row (self);
  return GDK_EVENT_STOP;
}

/* The row menu and its actions */

static GMenuModel *
build_menu (const SzTreeNode *node)
{
  GMenu *menu = g_menu_new ();
  g_autoptr(GMenu) add = g_menu_new ();
  g_autoptr(GMenu) edit = g_menu_new ();
  g_autoptr(GMenu) remove = g_menu_new ();

  if (node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
    g_menu_append (add, _("Add _Units…"), "sidebar.add-units");
  if (node->kind != SZ_NODE_UNIT)
    g_menu_append (add, _("Add _Building…"), "sidebar.add-building");
  if (node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID || node->kind == SZ_NODE_COMPOUND)
    g_menu_append (add, _("Add _Compound…"), "sidebar.add-compound");
  if (node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID)
    g_menu_append (add, _("Add _Grid…"), "sidebar.add-grid");
  if (node->kind == SZ_NODE_GRID || node->kind == SZ_NODE_COMPOUND || node->kind == SZ_NODE_BUILDING)
    g_menu_append (edit, _("_Rename…"), "sidebar.rename");
  if (node->kind == SZ_NODE_BUILDING)
    g_menu_append (edit, _("_Move to Another Grid or Compound…"), "sidebar.move");
  if (node->kind != SZ_NODE_COMMUNITY)
    g_menu_append (remove, _("_Delete…"), "sidebar.delete");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (add));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (edit));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (remove));
  return G_MENU_MODEL (menu);
}

void
_sz_place_sidebar_popup_context_menu (SzPlaceSidebar *self,
                                      GtkWidget      *anchor,
                                      double          x,
                                      double          y)
{
  SzTreeNode *node = context_node (self);
  g_autoptr(GMenuModel) menu = NULL;
  graphene_point_t point;

  if (node == NULL)
    return;
  menu = build_menu (node);
  gtk_popover_menu_set_menu_model (GTK_POPOVER_MENU (self->context_menu), menu);
  if (!gtk_widget_compute_point (anchor, GTK_WIDGET (self), &GRAPHENE_POINT_INIT (x, y), &point))
    point = GRAPHENE_POINT_INIT (0, 0);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) point.x, (int) point.y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

static void
on_context_menu_action_cb (GtkWidget  *widget,
                           const char *action,
                           GVariant   *parameter)
{
  SzPlaceSidebar *self = SZ_PLACE_SIDEBAR (widget);
  GtkWidget *row = _sz_place_sidebar_row_widget (self, gtk_single_selection_get_selected (self->selection));

  if (row != NULL)
    _sz_place_sidebar_popup_context_menu (self, row, gtk_widget_get_width (row) / 2.0, gtk_widget_get_height (row));
  else
    _sz_place_sidebar_popup_context_menu (self, GTK_WIDGET (self->add_button), 0, 0);
}

static void
on_edit_action_cb (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  SzPlaceSidebar *self = SZ_PLACE_SIDEBAR (widget);
  SzTreeNode *node = context_node (self);
  SzPlaceDialogKind edit;

  if (node == NULL)
    return;
  if (g_str_equal (action, "sidebar.delete"))
    {
      if (node->kind != SZ_NODE_COMMUNITY)
        sz_place_dialog_delete (widget, self->session, node);
      return;
    }
  if (g_str_equal (action, "sidebar.add-grid"))
    edit = SZ_PLACE_DIALOG_ADD_GRID;
  else if (g_str_equal (action, "sidebar.add-compound"))
    edit = SZ_PLACE_DIALOG_ADD_COMPOUND;
  else if (g_str_equal (action, "sidebar.add-building"))
    edit = SZ_PLACE_DIALOG_ADD_BUILDING;
  else if (g_str_equal (action, "sidebar.add-units"))
    edit = SZ_PLACE_DIALOG_ADD_UNITS;
  else if (g_str_equal (action, "sidebar.rename"))
    edit = SZ_PLACE_DIALOG_RENAME;
  else
    edit = SZ_PLACE_DIALOG_MOVE;
  sz_place_dialog_new (widget, self->session, edit, node);
}

/* The class */

static void
sz_place_sidebar_dispose (GObject *object)
{
  SzPlaceSidebar *self = SZ_PLACE_SIDEBAR (object);
  GtkWidget *child;

  _sz_place_sidebar_unwatch_model (self);
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->list_view != NULL)
    gtk_list_view_set_model (self->list_view, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PLACE_SIDEBAR);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->tree);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_place_sidebar_parent_class)->dispose (object);
}

static void
sz_place_sidebar_finalize (GObject *object)
{
  SzPlaceSidebar *self = SZ_PLACE_SIDEBAR (object);

  g_free (self->query);
  G_OBJECT_CLASS (sz_place_sidebar_parent_class)->finalize (object);
}

static void
sz_place_sidebar_class_init (SzPlaceSidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  const char *edit_actions[] = {
    "sidebar.add-grid", "sidebar.add-compound", "sidebar.add-building", "sidebar.add-units",
    "sidebar.rename", "sidebar.move", "sidebar.delete",
  };

  object_class->dispose = sz_place_sidebar_dispose;
  object_class->finalize = sz_place_sidebar_finalize;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-place-sidebar.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPlaceSidebar, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPlaceSidebar, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SzPlaceSidebar, list_view);
  gtk_widget_class_bind_template_child (widget_class, SzPlaceSidebar, add_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_next_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_previous_match_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_list_view_activate_cb);

  for (guint i = 0; i < G_N_ELEMENTS (edit_actions); i++)
    gtk_widget_class_install_action (widget_class, edit_actions[i], NULL, on_edit_action_cb);
  gtk_widget_class_install_action (widget_class, "sidebar.context-menu", NULL, on_context_menu_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "sidebar.context-menu", NULL);
}

static void
sz_place_sidebar_init (SzPlaceSidebar *self)
{
  GtkEventController *controller;

  gtk_widget_init_template (GTK_WIDGET (self));
  _sz_place_sidebar_init_rows (self);

  self->tree = sz_place_tree_new ();
  self->selection = gtk_single_selection_new (NULL);
  /* No automatic selection: a collapsed parent must not move the place
   * the whole window is about to a neighbour. */
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  g_signal_connect_swapped (self->selection, "notify::selected", G_CALLBACK (on_selection_notify_cb), self);
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));

  /* Typing in the list goes to the find field. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self->list_view));
  controller = gtk_event_controller_key_new ();
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), controller);
  /* Capture: before the find field sees the keys the list captures. */
  controller = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_list_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->list_view), controller);

  self->context_menu = gtk_popover_menu_new_from_model (NULL);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->context_menu), FALSE);
  gtk_widget_set_halign (self->context_menu, GTK_ALIGN_START);
  gtk_widget_set_parent (self->context_menu, GTK_WIDGET (self));
}

GtkWidget *
sz_place_sidebar_new (SzSession *session)
{
  SzPlaceSidebar *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PLACE_SIDEBAR, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "place-selected", G_CALLBACK (on_session_place_selected_cb), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}
