/* sz-app-test-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

/* Runs the main loop until @done is TRUE or @timeout_ms passes. */
static inline gboolean
test_wait_for (gboolean *done,
               guint     timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!*done && g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (1000);
  return *done;
}

/* Lets GTK lay out and draw what is pending. */
static inline void
test_settle (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

/* Runs the main loop until @cond holds or @ms have passed, then 50 ms
 * more: for what the windowing system and GTK's idle layout do in their
 * own time, which a busy machine stretches. */
#define test_settle_until(cond, ms)                                          \
  G_STMT_START {                                                             \
    gint64 test_until_end_ = g_get_monotonic_time () + (gint64) (ms) * 1000; \
    while (!(cond) && g_get_monotonic_time () < test_until_end_)             \
      if (!g_main_context_iteration (NULL, FALSE))                           \
        g_usleep (2000);                                                     \
    test_settle (50);                                                        \
  } G_STMT_END

/* @widget as the screen shows it, written to @path as PNG. */
static inline gboolean
test_snapshot_png (GtkWidget  *widget,
                   const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  int w = gtk_widget_get_width (widget);
  int h = gtk_widget_get_height (widget);

  if (renderer == NULL || w <= 0 || h <= 0)
    return FALSE;
  gtk_snapshot_append_color (snapshot, &(GdkRGBA) { 1, 1, 1, 1 }, &GRAPHENE_RECT_INIT (0, 0, w, h));
  gdk_paintable_snapshot (paintable, snapshot, w, h);
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  if (node == NULL)
    return FALSE;
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, w, h));
  return gdk_texture_save_to_png (texture, path);
}

/* The widget of @root's tree whose builder id (or widget name) is @id. */
static inline GtkWidget *
test_find_widget (GtkWidget  *root,
                  const char *id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      const char *bid = gtk_buildable_get_buildable_id (GTK_BUILDABLE (child));
      GtkWidget *found;

      if (g_strcmp0 (bid, id) == 0 || g_strcmp0 (gtk_widget_get_name (child), id) == 0)
        return child;
      if ((found = test_find_widget (child, id)) != NULL)
        return found;
    }
  return NULL;
}

/* The same, which must be there. */
static inline GtkWidget *
test_get_widget (GtkWidget  *root,
                 const char *id)
{
  GtkWidget *w = test_find_widget (root, id);

  if (w == NULL)
    g_error ("no widget “%s”", id);
  return w;
}

/* The newest shown toplevel of @type, or NULL. */
static inline GtkWidget *
test_find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = w;
    }
  return found;
}

/* How many toplevels are shown: a dialog that opens adds one. */
static inline guint
test_count_toplevels (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      n += gtk_widget_get_visible (w);
    }
  return n;
}

/* Whether @menu, or a section of it, has an item for @action. */
static inline gboolean
test_menu_has_action (GMenuModel *menu,
                      const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (menu); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = g_menu_model_get_item_link (menu, i, G_MENU_LINK_SECTION);

      if (g_menu_model_get_item_attribute (menu, i, G_MENU_ATTRIBUTE_ACTION, "s", &name)
          && g_str_equal (name, action))
        return TRUE;
      if (section != NULL && test_menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* What pressing @keyval with @mods on @widget does through its own
 * shortcuts (the class's key bindings among them): TRUE when one ran.
 * Xvfb has no way in for a synthesized key event. */
static inline gboolean
test_press_shortcut (GtkWidget       *widget,
                     guint            keyval,
                     GdkModifierType  mods)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (!GTK_IS_SHORTCUT_CONTROLLER (controller))
        continue;
      for (guint j = 0; j < g_list_model_get_n_items (G_LIST_MODEL (controller)); j++)
        {
          g_autoptr(GtkShortcut) shortcut = g_list_model_get_item (G_LIST_MODEL (controller), j);
          GtkShortcutTrigger *trigger = gtk_shortcut_get_trigger (shortcut);

          if (GTK_IS_KEYVAL_TRIGGER (trigger) && gtk_keyval_trigger_get_keyval (GTK_KEYVAL_TRIGGER (trigger)) == keyval
              && gtk_keyval_trigger_get_modifiers (GTK_KEYVAL_TRIGGER (trigger)) == mods)
            return gtk_shortcut_action_activate (gtk_shortcut_get_action (shortcut), 0, widget,
                                                 gtk_shortcut_get_arguments (shortcut));
        }
    }
  return FALSE;
}
