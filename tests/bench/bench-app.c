/* bench-app.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-app --db FILE [--community N]   (needs a display: run under xvfb-run)
 *
 * The desktop app's figures on a big roster (the city from bench-city
 * --keep): start to first frame, expanding the sidebar to a place in a
 * grid, and search latency per keystroke on the people page.  Reported
 * beside their targets, never judged. */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdio.h>

#include "sz-app-util.h"
#include "sz-people-page.h"
#include "sz-place-sidebar.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-tree.h"
#include "sz-window.h"

static gint64 t_start;
static gint64 t_first_frame;

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  if (t_first_frame == 0)
    t_first_frame = g_get_monotonic_time ();
}

static void
on_map_cb (GtkWidget *widget,
           gpointer   user_data)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (widget);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint_cb), NULL);
}

static void
settle (void)
{
  while (g_main_context_iteration (NULL, FALSE))
    ;
}

static SzTreeNode *
last_of (SzTreeNode *node,
         SzNodeKind  kind)
{
  SzTreeNode *found = node->kind == kind ? node : NULL;

  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      SzTreeNode *c = last_of (g_ptr_array_index (node->children, i), kind);
      if (c != NULL)
        found = c;
    }
  return found;
}

int
main (int argc, char **argv)
{
  g_autofree char *db_path = NULL;
  gint64 community_id = 0;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db_path, "The roster (from bench-city --keep)", "FILE" },
    { "community", 'c', 0, G_OPTION_ARG_INT64, &community_id, "The community to open (default: the largest)", "ID" },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new ("- time the desktop app on a big roster");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzSession) session = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  SzWindow *window;
  SzDb *db;
  gint64 t;
  const char *keys[] = { "w", "wa", "wan", "wang", "z", "zh", "zha", "zhan", "zhang", "张", "张w", "1", "13", "138", "1380", "13800" };

  t_start = g_get_monotonic_time ();
  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL)
    {
      fprintf (stderr, "bench-app: %s\n", error ? error->message : "give --db FILE");
      return 2;
    }
  gtk_init ();
  sz_app_load_style ();

  db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, &error);
  if (db == NULL)
    {
      fprintf (stderr, "bench-app: %s\n", error->message);
      return 1;
    }
  if (community_id == 0)
    {
      g_autoptr(SzCommunity) first = sz_community_get_first (db, &error);
      community_id = first ? first->id : 0;
    }
  session = sz_session_new (db, community_id, NULL);
  window = sz_window_new (NULL, session, FALSE);
  g_signal_connect (window, "map", G_CALLBACK (on_map_cb), NULL);
  gtk_window_set_default_size (GTK_WINDOW (window), 1280, 800);
  gtk_window_present (GTK_WINDOW (window));
  while (t_first_frame == 0 && g_get_monotonic_time () - t_start < 30 * G_USEC_PER_SEC)
    g_main_context_iteration (NULL, TRUE);
  printf ("start to first frame   %.0f ms [target ≤ 500 ms]\n", (t_first_frame - t_start) / 1000.0);
  settle ();

  tree = sz_tree_load (db, community_id, &error);
  {
    SzTreeNode *unit = last_of (tree, SZ_NODE_UNIT);
    SzPlaceSidebar *sidebar = SZ_PLACE_SIDEBAR (sz_window_get_sidebar (window));

    t = g_get_monotonic_time ();
    sz_place_sidebar_select (sidebar, SZ_NODE_UNIT, unit->id);
    settle ();
    printf ("sidebar: expand to and select the last unit   %.1f ms\n", (g_get_monotonic_time () - t) / 1000.0);
  }

  {
    SzPeoplePage *people = SZ_PEOPLE_PAGE (sz_window_get_page (window, "people"));
    double worst = 0, total = 0;

    sz_window_show_page (window, "people");
    settle ();
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        double ms;

        t = g_get_monotonic_time ();
        sz_people_page_set_search_text (people, keys[i]);
        settle ();
        ms = (g_get_monotonic_time () - t) / 1000.0;
        printf ("search “%s”   %.1f ms, %u rows\n", keys[i], ms, sz_people_page_get_n_rows (people));
        worst = MAX (worst, ms);
        total += ms;
      }
    printf ("search per keystroke: mean %.1f ms, worst %.1f ms [target ≤ 20 ms]\n",
            total / G_N_ELEMENTS (keys), worst);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  return 0;
}
