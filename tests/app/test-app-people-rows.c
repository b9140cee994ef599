/* test-app-people-rows.c: the people list's rows follow a search a
 * screen at a time.  A keystroke gives the list view at once the rows
 * down to the bottom of the view, and the rest in the frames after, so
 * that it does not wait for GTK to make a row of widgets for each of up
 * to 200 people off screen; in the end the list has a row for every hit
 * and no more, whatever was typed in between.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-people-page.h"
#include "sz-app-fixture.h"

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

/* The rows the list view has: the people page's own count is of hits. */
static guint
n_items (GtkWidget *column_view)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
}

static guint
selected (GtkWidget *column_view)
{
  return gtk_single_selection_get_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (GTK_COLUMN_VIEW (column_view))));
}

static void
test_rows_follow (Fixture *f, gconstpointer data)
{
  SzPeoplePage *people = SZ_PEOPLE_PAGE (page (f, "people"));
  GtkWidget *view;
  guint everyone;
  g_autofree char *first = NULL;
  g_autofree char *name = NULL;

  sz_window_show_page (f->window, "people");
  view = find_column_view (GTK_WIDGET (people));
  g_assert_nonnull (view);
  everyone = sz_people_page_get_n_rows (people);
  g_assert_cmpuint (everyone, >=, 150);
  test_settle_until (n_items (view) == everyone, 5000);
  g_assert_cmpuint (n_items (view), ==, everyone);
  first = sz_people_page_get_row_name (people, 0);

  /* Two hits: the list view ends with them, and the first is selected,
   * ready for Enter. */
  sz_people_page_set_search_text (people, "5733");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 2);
  test_settle_until (n_items (view) == 2, 5000);
  g_assert_cmpuint (n_items (view), ==, 2);
  g_assert_cmpuint (selected (view), ==, 0);

  /* Everyone again: the rows on screen at once, the others after. */
  sz_people_page_set_search_text (people, "");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, everyone);
  g_assert_cmpuint (n_items (view), >=, 8);
  g_assert_cmpuint (n_items (view), <, everyone);
  g_assert_cmpuint (selected (view), ==, 0);
  name = sz_people_page_get_row_name (people, 0);
  g_assert_cmpstr (name, ==, first);
  {
    /* The view as the next frame paints it: full of rows. */
    g_autofree char *dir = test_screenshot_dir ();
    g_autofree char *path = g_build_filename (dir, "people-rows-next-frame-1280x800.png", NULL);
    guint before = n_items (view);

    test_settle (20);
    g_assert_true (test_snapshot_png (GTK_WIDGET (f->window), path));
    g_test_message ("screenshot: %s (%u rows in the model, then %u)", path, before, n_items (view));
  }
  test_settle_until (n_items (view) == everyone, 5000);
  g_assert_cmpuint (n_items (view), ==, everyone);

  /* A keystroke while the rows are still coming takes over from there,
   * both ways. */
  sz_people_page_set_search_text (people, "5733");
  sz_people_page_set_search_text (people, "");
  g_assert_cmpuint (n_items (view), <, everyone);
  sz_people_page_set_search_text (people, "5733");
  test_settle_until (n_items (view) == 2, 5000);
  g_assert_cmpuint (n_items (view), ==, 2);
  sz_people_page_set_search_text (people, "");
  test_settle (20);
  sz_people_page_set_search_text (people, "wang");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), >, 2);
  test_settle_until (n_items (view) == sz_people_page_get_n_rows (people), 5000);
  g_assert_cmpuint (n_items (view), ==, sz_people_page_get_n_rows (people));
  g_clear_pointer (&name, g_free);
  name = sz_people_page_get_row_name (people, 0);
  g_assert_true (g_str_has_prefix (name, "王") || g_str_has_prefix (name, "汪"));

  /* No one: the list keeps its rows behind the empty state. */
  sz_people_page_set_search_text (people, "zzzzzz");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 0);
  test_settle (100);
  sz_people_page_set_search_text (people, "");
  test_settle_until (n_items (view) == everyone, 5000);
  g_assert_cmpuint (n_items (view), ==, everyone);
  test_screenshot (GTK_WIDGET (f->window), "people-rows", "everyone", 1280, 800);

  /* Scrolled to the end: the rows coming into view are filled. */
  {
    GtkAdjustment *adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));

    gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    test_settle (200);
    test_screenshot (GTK_WIDGET (f->window), "people-rows", "end", 1280, 800);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app/people/rows-follow", Fixture, NULL, fixture_setup, test_rows_follow, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
