/* test-app-screens.c: small screens and the boards page's export, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * At 1024×600 (a small office screen or a netbook) and 900×600 every
 * button of the boards toolbar and of the records filters lies inside the
 * window, the records list's place column is not cut, and the list shows
 * more than a handful of rows.  Exporting from the boards page preselects
 * the kind of board shown.  Screenshots go to the build folder's
 * screenshots/ as screens-*.png.
 */

#include "config.h"

#include <string.h>

#include "sz-board-view.h"
#include "sz-export-dialog.h"
#include "sz-records-page.h"
#include "sz-app-fixture.h"

static const int sizes[][2] = { { 1024, 600 }, { 900, 600 } };

static void
set_size (Fixture *f, int width, int height)
{
  GtkWidget *w = GTK_WIDGET (f->window);

  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  /* The window takes its size from the X server in its own time. */
  test_settle_until (gtk_widget_get_width (w) <= width && gtk_widget_get_width (w) >= width - 24
                     && gtk_widget_get_height (w) <= height && gtk_widget_get_height (w) >= height - 24, 10000);
  test_settle (400);
}

/* The default size is the window's with its frame: a little less is left
 * inside; more would mean the content asks for more room than the
 * screen has. */
static void
assert_size (Fixture *f, int width, int height)
{
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, width);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), >=, width - 24);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), <=, height);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), >=, height - 24);
}

/* @widget is shown, has at least its minimum width, and lies wholly inside
 * the window and inside each of its ancestors (a child of a box pushed
 * past its parent's edge is drawn cut, or not at all). */
static void
assert_inside_window (Fixture *f, GtkWidget *widget, const char *what)
{
  GtkWidget *window = GTK_WIDGET (f->window);
  graphene_rect_t b;
  int min_width;

  g_assert_true (gtk_widget_get_mapped (widget));
  /* The minimum counts the margins; the bounds are the border box. */
  gtk_widget_measure (widget, GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  min_width -= gtk_widget_get_margin_start (widget) + gtk_widget_get_margin_end (widget);
  g_assert_true (gtk_widget_compute_bounds (widget, widget, &b));
  if (b.size.width + 0.5 < min_width)
    g_error ("%s: %.0f px wide, less than its minimum %d", what, b.size.width, min_width);
  for (GtkWidget *a = gtk_widget_get_parent (widget); a != NULL; a = gtk_widget_get_parent (a))
    {
      g_assert_true (gtk_widget_compute_bounds (widget, a, &b));
      if (b.origin.x < -0.5 || b.origin.x + b.size.width > gtk_widget_get_width (a) + 0.5)
        g_error ("%s: x %.0f–%.0f outside its ancestor %s (%d px wide)", what, b.origin.x,
                 b.origin.x + b.size.width, G_OBJECT_TYPE_NAME (a), gtk_widget_get_width (a));
      if (a == window)
        break;
    }
  g_assert_true (gtk_widget_compute_bounds (widget, window, &b));
  g_assert_cmpfloat (b.origin.y, >=, 0);
  g_assert_cmpfloat (b.origin.y + b.size.height, <=, gtk_widget_get_height (window) + 0.5);
}

static void
assert_children_inside (Fixture *f, GtkWidget *box, const char *what)
{
  for (GtkWidget *c = gtk_widget_get_first_child (box); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      g_autofree char *name = g_strdup_printf ("%s/%s", what, G_OBJECT_TYPE_NAME (c));

      /* Hidden, or a page of a stack not shown, or a popover closed. */
      if (!gtk_widget_get_visible (c) || !gtk_widget_get_child_visible (c) || GTK_IS_POPOVER (c))
        continue;
      /* What scrolls may lie outside the window: it is scrolled to.  A
       * scrolled window that never scrolls only clips, and is looked in. */
      if (GTK_IS_SCROLLED_WINDOW (c))
        {
          GtkPolicyType h, v;

          gtk_scrolled_window_get_policy (GTK_SCROLLED_WINDOW (c), &h, &v);
          if (h == GTK_POLICY_AUTOMATIC || h == GTK_POLICY_ALWAYS || v == GTK_POLICY_AUTOMATIC
              || v == GTK_POLICY_ALWAYS)
            continue;
        }
      if (GTK_IS_BUTTON (c) || GTK_IS_DROP_DOWN (c) || GTK_IS_MENU_BUTTON (c) || GTK_IS_SEARCH_ENTRY (c)
          || GTK_IS_LABEL (c))
        assert_inside_window (f, c, name);
      else
        assert_children_inside (f, c, name);
    }
}

/* The labels under @root showing @text. */
static void
find_labels (GtkWidget *root, const char *text, GPtrArray *out)
{
  for (GtkWidget *c = gtk_widget_get_first_child (root); c != NULL; c = gtk_widget_get_next_sibling (c))
    {
      if (GTK_IS_LABEL (c) && gtk_widget_get_mapped (c) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (c)), text) == 0)
        g_ptr_array_add (out, c);
      find_labels (c, text, out);
    }
}

/* The places of the rows in view: shown whole (@whole), or else at least
 * with the whole text under the pointer.  Returns how many were cut. */
static guint
check_places (SzRecordsPage *p, gboolean whole)
{
  GtkWidget *view = test_get_widget (GTK_WIDGET (p), "column_view");
  guint n_seen = 0, n_cut = 0;

  for (guint i = 0; i < MIN (sz_records_page_get_n_rows (p), 6); i++)
    {
      const char *place = sz_records_page_get_row (p, i)->place_text;
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();

      find_labels (view, place, labels);
      for (guint j = 0; j < labels->len; j++)
        {
          GtkLabel *label = labels->pdata[j];

          n_seen++;
          if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
            continue;
          n_cut++;
          if (whole)
            g_error ("the place “%s” is cut at a width of %d", place, gtk_widget_get_width (GTK_WIDGET (label)));
          g_assert_cmpstr (gtk_widget_get_tooltip_text (GTK_WIDGET (label)), ==, place);
        }
    }
  g_assert_cmpuint (n_seen, >=, 5);
  return n_cut;
}

/* Rows of the list in view, wholly. */
static guint
rows_in_view (SzRecordsPage *p)
{
  GtkWidget *view = test_get_widget (GTK_WIDGET (p), "column_view");
  GtkWidget *scroller = gtk_widget_get_parent (view);
  guint n = 0;

  for (guint i = 0; i < sz_records_page_get_n_rows (p); i++)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, sz_records_page_get_row (p, i)->id);
      g_autoptr(GPtrArray) labels = g_ptr_array_new ();
      graphene_rect_t b;

      find_labels (view, id, labels);
      for (guint j = 0; j < labels->len; j++)
        if (gtk_widget_compute_bounds (labels->pdata[j], scroller, &b) && b.origin.y >= 0
            && b.origin.y + b.size.height <= gtk_widget_get_height (scroller))
          {
            n++;
            break;
          }
    }
  return n;
}

static void
screenshot (Fixture *f, const char *what, int width, int height)
{
  test_screenshot (GTK_WIDGET (f->window), "screens", what, width, height);
}

static SzTreeNode *
find_first (SzTreeNode *node, SzNodeKind kind)
{
  if (node->kind == kind)
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      SzTreeNode *found = find_first (node->children->pdata[i], kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The demo's first place of @kind, which must be there. */
static gint64
first_of (Fixture *f, SzNodeKind kind)
{
  g_autoptr(SzTreeNode) tree = sz_tree_load (sz_session_get_db (f->session), f->community, NULL);
  SzTreeNode *node = tree ? find_first (tree, kind) : NULL;

  if (node == NULL)
    g_error ("the demo has no place of kind %d", kind);
  return node->id;
}

/* The boards page: the title row's buttons and the options row (paper,
 * orientation, style, zoom) all inside the window. */
static void
test_boards_toolbar (Fixture *f, gconstpointer data)
{
  GtkWidget *view;

  sz_session_select_place (f->session, SZ_NODE_BUILDING, first_of (f, SZ_NODE_BUILDING));
  sz_window_show_page (f->window, "board");
  view = page (f, "board");
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      set_size (f, sizes[s][0], sizes[s][1]);
      screenshot (f, "board", sizes[s][0], sizes[s][1]);
      assert_size (f, sizes[s][0], sizes[s][1]);
      assert_children_inside (f, test_get_widget (view, "toolbar"), "board toolbar");
      assert_children_inside (f, test_get_widget (view, "options_bar"), "board options");
    }
}

/* The records page: the filters inside the window, the place column not
 * cut, and more than five rows of the list. */
static void
test_records_list (Fixture *f, gconstpointer data)
{
  SzRecordsPage *p;

  sz_window_show_page (f->window, "records");
  p = SZ_RECORDS_PAGE (page (f, "records"));
  sz_records_page_set_status_filter (p, SZ_RECORD_FILTER_ANY_STATUS);
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      set_size (f, sizes[s][0], sizes[s][1]);
      g_assert_true (sz_records_page_select_record (p, sz_records_page_get_row (p, 0)->id));
      /* The page fits its columns and filters in an idle after its size
       * changes. */
      test_settle_until (rows_in_view (p) >= (sizes[s][0] >= 1024 ? 7u : 5u), 5000);
      screenshot (f, "records", sizes[s][0], sizes[s][1]);
      assert_size (f, sizes[s][0], sizes[s][1]);
      assert_children_inside (f, GTK_WIDGET (p), "records");
      /* At 1024 px the demo's places are shown whole; narrower, a cut
       * one has its tooltip. */
      check_places (p, sizes[s][0] >= 1024);
      g_test_message ("%d×%d: %u rows in view", sizes[s][0], sizes[s][1], rows_in_view (p));
      /* Five were in view at 1024×600 before; the quick filters may take
       * a second line at 900 px. */
      g_assert_cmpuint (rows_in_view (p), >=, sizes[s][0] >= 1024 ? 7 : 5);
    }
}

/* Export PDF… from the boards page chooses the kind of board shown: a
 * building's board, building boards (unit boards were chosen before,
 * whatever was shown). */
static void
test_export_preselects_shown_kind (Fixture *f, gconstpointer data)
{
  const struct { SzNodeKind place; SzBoardKind kind; } cases[] = {
    { SZ_NODE_BUILDING, SZ_BOARD_BUILDING },
    { SZ_NODE_GRID, SZ_BOARD_GRID },
    { SZ_NODE_COMPOUND, SZ_BOARD_BUILDING },
    { SZ_NODE_UNIT, SZ_BOARD_UNIT },
    { SZ_NODE_COMMUNITY, SZ_BOARD_COMMUNITY },
  };
  SzBoardView *view;

  sz_window_show_page (f->window, "board");
  view = SZ_BOARD_VIEW (page (f, "board"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 id = cases[i].place == SZ_NODE_COMMUNITY ? f->community : first_of (f, cases[i].place);
      SzBoardRef ref;
      GtkWidget *dialog;

      sz_session_select_place (f->session, cases[i].place, id);
      test_settle (200);
      g_assert_true (sz_board_view_get_ref (view, &ref));
      g_assert_cmpint (ref.kind, ==, cases[i].kind);
      dialog = sz_board_view_export (view);
      g_assert_true (SZ_IS_EXPORT_DIALOG (dialog));
      test_settle (100);
      g_assert_cmpuint (sz_export_dialog_get_kinds (SZ_EXPORT_DIALOG (dialog)), ==, 1u << cases[i].kind);
      /* The export button goes with the choice. */
      g_assert_true (gtk_widget_get_sensitive (test_get_widget (dialog, "export_button")));
      if (cases[i].place == SZ_NODE_BUILDING)
        test_screenshot (dialog, "screens", "export-building", 0, 0);
      gtk_window_destroy (GTK_WINDOW (dialog));
      test_settle (50);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/screens/boards-toolbar", Fixture, NULL, fixture_setup, test_boards_toolbar, fixture_teardown);
  g_test_add ("/screens/records-list", Fixture, NULL, fixture_setup, test_records_list, fixture_teardown);
  g_test_add ("/screens/export-shown-kind", Fixture, NULL, fixture_setup, test_export_preselects_shown_kind,
              fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
