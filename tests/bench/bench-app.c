/* bench-app.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* bench-app --db FILE [--community N] [--runs N]
 *   (needs a display: run under xvfb-run, GSK_RENDERER=cairo as in CI)
 *
 * The desktop app's figures on a big roster (the city from bench-city
 * --keep): start to first frame, expanding the sidebar to a place in a
 * grid, and search latency per keystroke on the people page.  Reported
 * beside their targets, never judged.
 *
 * A keystroke is timed three ways, each typed once the window has stopped
 * painting after the last (as a person types, so the frame clock is free
 * to paint at once):
 *   - to idle: the search and the list update, until the main loop has
 *     nothing left to do at once (the figure reported since the start);
 *   - to frame: until the frame that shows the hits is painted (layout,
 *     snapshot and rendering included), in wall-clock time and in this
 *     process's CPU time, the latter steadier on a busy machine;
 *   - to the list complete: until the list view has a row for every hit,
 *     painted (the page may add the rows below the view in later
 *     frames).
 * The keystrokes are typed --runs times (the entry cleared, untimed,
 * before each run) and the figures pooled: mean, median, p95, worst. */

#include "config.h"

#include <gtk/gtk.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "sz-app-util.h"
#include "sz-people-page.h"
#include "sz-place-sidebar.h"
#include "sz-roster.h"
#include "sz-search.h"
#include "sz-tree.h"
#include "sz-window.h"

static gint64 t_start;
static gint64 t_first_frame;
static guint  n_paints;
static gint64 t_last_paint;     /* wall clock, µs */
static gint64 cpu_last_paint;   /* process CPU time, µs */

static gint64
cpu_time (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * G_USEC_PER_SEC + ts.tv_nsec / 1000;
}

static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  t_last_paint = g_get_monotonic_time ();
  cpu_last_paint = cpu_time ();
  n_paints++;
  if (t_first_frame == 0)
    t_first_frame = t_last_paint;
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

/* Waits until the window has stopped painting (30 ms without a frame,
 * at most 250 ms: animations such as the scrollbars' fading go on), as
 * between two keys a person types (GtkSearchEntry itself waits 150 ms
 * after the last one), so that the frame clock is free to paint the next
 * keystroke at once. */
static void
wait_quiet (void)
{
  gint64 give_up = g_get_monotonic_time () + 250 * 1000;

  settle ();
  while (g_get_monotonic_time () < give_up
         && g_get_monotonic_time () - MAX (t_last_paint, 0) < 30 * 1000)
    {
      g_usleep (1000);
      settle ();
    }
}

static GtkWidget *
find_column_view (GtkWidget *widget)
{
  if (GTK_IS_COLUMN_VIEW (widget))
    return widget;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_column_view (c);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The list view has a row for every hit (the page may add the rows
 * below the view in later frames). */
static gboolean
list_complete (SzPeoplePage *people,
               GtkWidget    *column_view)
{
  GListModel *model = G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view)));
  guint n = sz_people_page_get_n_rows (people);

  return n == 0 || g_list_model_get_n_items (model) == n;
}

/* Waits for the paint after @paints; FALSE after a second without. */
static gboolean
wait_paint (guint paints)
{
  gint64 give_up = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (n_paints == paints && g_get_monotonic_time () < give_up)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (100);
    }
  return n_paints != paints;
}

static int
compare_double (const void *a,
                const void *b)
{
  double x = *(const double *) a;
  double y = *(const double *) b;

  return x < y ? -1 : x > y;
}

/* mean, median, p95, worst of @v (sorted here). */
static void
print_stats (const char *what,
             double     *v,
             guint       n)
{
  double total = 0;

  if (n == 0)
    return;
  qsort (v, n, sizeof (double), compare_double);
  for (guint i = 0; i < n; i++)
    total += v[i];
  printf ("%-34s mean %5.1f ms, median %5.1f ms, p95 %5.1f ms, worst %5.1f ms over %u\n",
          what, total / n, v[n / 2], v[MIN (n - 1, (guint) (n * 0.95))], v[n - 1], n);
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
  int runs = 5;
  const GOptionEntry entries[] = {
    { "runs", 'n', 0, G_OPTION_ARG_INT, &runs, "Type the keystrokes this many times (default 5)", "N" },
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
  if (!g_option_context_parse (context, &argc, &argv, &error) || db_path == NULL || runs < 1)
    {
      fprintf (stderr, "bench-app: %s\n", error ? error->message : "give --db FILE (and --runs 1 or more)");
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
    guint n = G_N_ELEMENTS (keys) * runs;
    g_autofree double *to_idle = g_new (double, n);
    g_autofree double *to_frame = g_new (double, n);
    g_autofree double *cpu_frame = g_new (double, n);
    g_autofree double *to_done = g_new (double, n);
    guint k = 0;
    GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));
    GtkWidget *column_view = find_column_view (GTK_WIDGET (people));

    printf ("renderer: %s\n", renderer ? G_OBJECT_TYPE_NAME (renderer) : "none");
    sz_window_show_page (window, "people");
    settle ();
    for (int r = 0; r < runs; r++)
      {
        sz_people_page_set_search_text (people, "");
        while (!list_complete (people, column_view))
          g_main_context_iteration (NULL, TRUE);
        wait_quiet ();
        for (guint i = 0; i < G_N_ELEMENTS (keys); i++, k++)
          {
            guint paints = n_paints;
            gint64 cpu;

            t = g_get_monotonic_time ();
            cpu = cpu_time ();
            sz_people_page_set_search_text (people, keys[i]);
            settle ();
            to_idle[k] = (g_get_monotonic_time () - t) / 1000.0;
            if (wait_paint (paints))
              {
                to_frame[k] = (t_last_paint - t) / 1000.0;
                cpu_frame[k] = (cpu_last_paint - cpu) / 1000.0;
              }
            else
              to_frame[k] = cpu_frame[k] = to_idle[k];
            /* The rows left for later frames: GTK's frame clock adds
             * them and paints in one go, so the list is complete on
             * screen when the page says so. */
            {
              gint64 give_up = g_get_monotonic_time () + 3 * G_USEC_PER_SEC;

              while (!list_complete (people, column_view) && g_get_monotonic_time () < give_up)
                if (!g_main_context_iteration (NULL, FALSE))
                  g_usleep (100);
              to_done[k] = MAX (to_frame[k], (g_get_monotonic_time () - t) / 1000.0);
            }
            wait_quiet ();
            if (r == 0)
              printf ("search “%s”   %.1f ms to idle, %.1f ms to frame (%.1f ms CPU), %.1f ms to the list complete, %u rows\n",
                      keys[i], to_idle[k], to_frame[k], cpu_frame[k], to_done[k], sz_people_page_get_n_rows (people));
          }
      }
    /* Per key over the runs, before the pooled figures sort them. */
    printf ("per key over %d runs, to frame (CPU time): median / worst\n", runs);
    for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
      {
        g_autofree double *v = g_new (double, runs);

        for (int r = 0; r < runs; r++)
          v[r] = cpu_frame[r * G_N_ELEMENTS (keys) + i];
        qsort (v, runs, sizeof (double), compare_double);
        printf ("  “%s”   %.1f / %.1f ms\n", keys[i], v[runs / 2], v[runs - 1]);
      }
    printf ("search per keystroke [target mean ≤ 16 ms, worst ≤ 50 ms]:\n");
    print_stats ("  to idle (as before)", to_idle, n);
    print_stats ("  to frame, wall clock", to_frame, n);
    print_stats ("  to frame, CPU time", cpu_frame, n);
    print_stats ("  to the list complete, wall clock", to_done, n);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  settle ();
  return 0;
}
