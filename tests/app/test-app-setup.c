/* test-app-setup.c: setting up a community from nothing, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Does what a new office does with an empty community: a grid, a
 * compound, two buildings of three units with their households, and a
 * head for each unit, through the sidebar's menu, the dialogs' fields
 * and their buttons, counting the user's actions the old way (households
 * and floors typed unit by unit, the grid's total added up by hand) and
 * the new way (floors and households asked with the building, "Use the
 * Sum" on the grid).  Then what goes with it: the community's total
 * follows a unit, a check opens where it is fixed and at the top, a shared
 * phone opens the person, the tree keeps still while a building opens, and
 * the checks page tells the time as the records do.
 *
 * An action is what a person does once: a click, a menu item chosen, a
 * key such as Enter, or one field's value typed.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-check.h"
#include "sz-checks-page.h"
#include "sz-person-dialog.h"
#include "sz-person-picker.h"
#include "sz-place-page.h"
#include "sz-place-sidebar.h"
#include "sz-place-tree.h"
#include "sz-record.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* Actions */

static guint n_actions;

static void
act (const char *what)
{
  n_actions++;
  g_test_message ("action %u: %s", n_actions, what);
}

static void
on_clicked_cb (GtkButton *button,
               gboolean  *done)
{
  *done = TRUE;
}

/* A click on @button. */
static void
click (GtkWidget  *button,
       const char *what)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect_after (button, "clicked", G_CALLBACK (on_clicked_cb), &done);

  act (what);
  g_assert_true (gtk_widget_get_visible (button));
  g_assert_true (gtk_widget_is_sensitive (button));
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (test_wait_for (&done, 10000));
  if (button != NULL)
    {
      g_signal_handler_disconnect (button, id);
      g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
    }
  test_settle (100);
}

/* Types @text into a field (an entry or a spin button) as one action,
 * getting there (a click or Tab) included. */
static void
type (GtkWidget  *field,
      const char *text)
{
  g_autofree char *what = g_strdup_printf ("type “%s”", text);

  act (what);
  g_assert_true (gtk_widget_is_sensitive (field));
  /* Typing goes where the focus is: the field was clicked or tabbed to. */
  g_assert_true (gtk_widget_grab_focus (field));
  gtk_editable_set_text (GTK_EDITABLE (field), "");
  gtk_editable_insert_text (GTK_EDITABLE (field), text, -1, &(int) { 0 });
  test_settle (20);
}

/* Enter in @field: what GtkText does with the key (GTK 4.8 cannot send
 * a key event); with the dialog's default response, the OK button. */
static void
press_enter (GtkWidget *field)
{
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (field));

  act ("Enter");
  g_assert_true (GTK_IS_TEXT (text));
  g_signal_emit_by_name (text, "activate");
  /* A button activated by a key shows itself pressed first. */
  test_settle (400);
}

/* The "+" button, then an item of its menu. */
static void
choose_add (Fixture    *f,
            const char *action)
{
  act ("open the + menu");
  act (action);
  g_assert_true (gtk_widget_activate_action (sz_window_get_sidebar (f->window), action, NULL));
  test_settle (150);
}

/* A click on a place in the sidebar. */
static void
select_place (Fixture    *f,
              SzNodeKind  kind,
              gint64      id)
{
  act ("select a place in the tree");
  g_assert_true (sz_place_sidebar_select (SZ_PLACE_SIDEBAR (sz_window_get_sidebar (f->window)), kind, id));
  test_settle (100);
}

/* The newest visible toplevel of @type. */
static GtkWidget *
find_window (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();   /* the list GTK keeps */
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = w;
    }
  return found;
}

/* The field of @dialog's form labelled @mnemonic ("Building _name"). */
static GtkWidget *
dialog_field (GtkWidget  *dialog,
              const char *mnemonic)
{
  GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  GtkWidget *grid = gtk_widget_get_first_child (content);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && g_str_equal (gtk_label_get_label (GTK_LABEL (child)), _(mnemonic)))
      return gtk_label_get_mnemonic_widget (GTK_LABEL (child));
  g_error ("no field “%s”", mnemonic);
}

static GtkWidget *
open_dialog (void)
{
  GtkWidget *dialog = find_window (GTK_TYPE_DIALOG);

  g_assert_nonnull (dialog);
  return dialog;
}

static SzPlacePage *
place_page (Fixture *f)
{
  return SZ_PLACE_PAGE (page (f, "place"));
}

/* A field of the place's page typed, and Enter in it. */
static void
page_type (Fixture    *f,
           const char *field,
           const char *text)
{
  g_autofree char *what = g_strdup_printf ("type “%s” into %s", text, field);

  act (what);
  sz_place_page_set_field (place_page (f), field, text);
}

static void
page_enter (Fixture *f)
{
  act ("Enter");
  g_assert_true (sz_place_page_save (place_page (f)));
  test_settle (100);
}

/* The sidebar's row of the selected place. */
static GtkTreeListRow *
selected_row (Fixture *f)
{
  GtkListView *list = GTK_LIST_VIEW (test_get_widget (sz_window_get_sidebar (f->window), "list_view"));
  GtkSingleSelection *selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));

  return gtk_single_selection_get_selected_item (selection);
}

/* The row of the checks page's problems that says @message. */
static int
problem_row (SzChecksPage *checks,
             const char   *message)
{
  GtkListBox *list = GTK_LIST_BOX (test_get_widget (GTK_WIDGET (checks), "problems_list"));
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
    {
      GtkWidget *text = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));

      if (g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (text))), message))
        return i;
    }
  g_error ("no check says “%s”", message);
}

/* An empty community in a real window. */
static void
empty_setup (Fixture       *f,
             gconstpointer  data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("setup-%u.db", n++);
  SzDb *db = test_open_db (name, &f->path);

  f->community = test_add_community (db, "新建社区");
  f->session = sz_session_new (db, f->community, NULL);
  f->window = sz_window_new (NULL, f->session, FALSE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  sz_window_show_page (f->window, "place");
  test_settle (300);
}

#include "test-app-setup-job.h"

static void
test_building_households (Fixture       *f,
                          gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = test_screenshot_dir ();
  GtkWidget *dialog;
  gint64 building;
  gint64 units_before;

  add_grid (f);
  add_compound (f);
  units_before = test_count (db, "unit");
  choose_add (f, "sidebar.add-building");
  dialog = open_dialog ();
  type (dialog_field (dialog, "Building _name"), "3栋");
  type (dialog_field (dialog, "_Units"), "4");
  type (dialog_field (dialog, "_Floors"), "18");
  type (dialog_field (dialog, "_Households per unit"), "36");
  test_screenshot (dialog, "setup", "add-building", 1280, 800);
  /* Enter in the last field adds. */
  press_enter (dialog_field (dialog, "_Households per unit"));
  g_assert_null (find_window (GTK_TYPE_DIALOG));
  building = sz_session_get_place_id (f->session);
  {
    g_autoptr(GPtrArray) units = sz_unit_list (db, building, NULL);
    g_autoptr(SzBuilding) b = sz_building_get (db, building, NULL);

    g_assert_cmpint (b->floors, ==, 18);
    g_assert_cmpuint (units->len, ==, 4);
    for (guint i = 0; i < units->len; i++)
      {
        g_assert_cmpint (((SzUnit *) units->pdata[i])->households, ==, 36);
        g_assert_cmpint (((SzUnit *) units->pdata[i])->floors, ==, 18);
      }
  }
  g_assert_cmpint (test_count (db, "unit"), ==, units_before + 4);

  /* Again with the same name: the core refuses, nothing is added. */
  choose_add (f, "sidebar.add-building");
  dialog = open_dialog ();
  type (dialog_field (dialog, "Building _name"), "3栋");
  type (dialog_field (dialog, "_Units"), "2");
  type (dialog_field (dialog, "_Households per unit"), "20");
  press_enter (dialog_field (dialog, "_Households per unit"));
  g_assert_true (find_window (GTK_TYPE_DIALOG) == dialog);
  g_assert_cmpint (test_count (db, "building"), ==, 1);
  g_assert_cmpint (test_count (db, "unit"), ==, units_before + 4);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);

  /* One undo takes the building and its units away. */
  g_assert_true (sz_session_undo (f->session, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "building"), ==, 0);
  g_assert_cmpint (test_count (db, "unit"), ==, units_before);
}

/* "Use the Sum": shown while the grid's figure differs from its units',
 * one click records the sum, Ctrl+Z takes it back; the check about it
 * takes the user to the button. */
static void
test_use_the_sum (Fixture       *f,
                  gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GError) error = NULL;
  SzChecksPage *checks = SZ_CHECKS_PAGE (page (f, "checks"));
  GtkWidget *button;
  gint64 grid_id;
  g_autoptr(SzGrid) saved = NULL;
  g_autoptr(SzGrid) undone = NULL;
  g_autoptr(SzGrid) grid = NULL;
  g_autoptr(GPtrArray) items = NULL;
  guint index = G_MAXUINT;

  grid_id = add_grid (f);
  add_compound (f);
  add_building (f, "1栋", TRUE);
  grid = sz_grid_get (db, grid_id, NULL);
  grid->households = 500;
  g_assert_true (sz_grid_save (db, grid, NULL));
  sz_session_changed (f->session);

  /* From the check to the grid's page. */
  sz_window_show_page (f->window, "checks");
  test_settle (200);
  items = sz_check_run (db, f->community, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    if (((SzCheckItem *) items->pdata[i])->kind == SZ_CHECK_GRID_HOUSEHOLDS)
      index = i;
  g_assert_cmpuint (index, !=, G_MAXUINT);
  /* The page lists warnings before notes: the row by its words. */
  index = problem_row (checks, ((SzCheckItem *) items->pdata[index])->message);
  act ("choose the check");
  g_assert_true (sz_checks_page_activate (checks, FALSE, index));
  test_settle (200);
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, SZ_NODE_GRID);
  g_assert_cmpint (sz_session_get_place_id (f->session), ==, grid_id);
  g_assert_nonnull (sz_place_page_get_households_warning (place_page (f)));

  button = test_get_widget (GTK_WIDGET (place_page (f)), "households_sum_button");
  g_assert_true (gtk_widget_get_visible (button));
  test_screenshot (GTK_WIDGET (f->window), "setup", "use-the-sum", 1280, 800);
  click (button, "Use the Sum");
  saved = sz_grid_get (db, grid_id, NULL);
  g_assert_cmpint (saved->households, ==, 42);
  g_assert_false (gtk_widget_get_visible (button));
  g_assert_cmpstr (sz_place_page_get_field (place_page (f), "households"), ==, "42");

  g_assert_true (sz_session_undo (f->session, &error));
  g_assert_no_error (error);
  test_settle (100);
  undone = sz_grid_get (db, grid_id, NULL);
  g_assert_cmpint (undone->households, ==, 500);
  g_assert_true (gtk_widget_get_visible (button));
}

/* The community's "units add up to" is its units', not its grids'
 * recorded figures: it follows a unit changed from 14 to 16. */
static void
test_community_total (Fixture       *f,
                      gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GPtrArray) units = NULL;
  g_autoptr(SzGrid) grid = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  GtkLabel *label = GTK_LABEL (test_get_widget (GTK_WIDGET (place_page (f)), "households_label"));
  gint64 grid_id, building;

  grid_id = add_grid (f);
  add_compound (f);
  building = add_building (f, "1栋", TRUE);
  /* The grid records a figure of its own, far from its units'. */
  grid = sz_grid_get (db, grid_id, NULL);
  grid->households = 2029;
  g_assert_true (sz_grid_save (db, grid, NULL));
  sz_session_changed (f->session);

  select_place (f, SZ_NODE_COMMUNITY, f->community);
  before = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Its units add up to %d household.",
                                         "Its units add up to %d households.", 42), 42);
  g_assert_cmpstr (gtk_label_get_text (label), ==, before);

  units = sz_unit_list (db, building, NULL);
  select_place (f, SZ_NODE_UNIT, ((SzUnit *) units->pdata[0])->id);
  g_assert_cmpstr (sz_place_page_get_field (place_page (f), "households"), ==, "14");
  sz_place_page_set_field (place_page (f), "households", "16");
  g_assert_true (sz_place_page_save (place_page (f)));
  select_place (f, SZ_NODE_COMMUNITY, f->community);
  after = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Its units add up to %d household.",
                                        "Its units add up to %d households.", 44), 44);
  g_assert_cmpstr (gtk_label_get_text (label), ==, after);
}

/* The demo's couple who share a phone: the check opens the person's
 * form, where the phone is fixed, not a building's page. */
static void
test_shared_phone (Fixture       *f,
                   gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  SzChecksPage *checks = SZ_CHECKS_PAGE (page (f, "checks"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = sz_check_run (db, f->community, NULL, &error);
  SzCheckItem *shared = NULL;
  GtkWidget *dialog;
  SzNodeKind kind = sz_session_get_place_kind (f->session);
  gint64 id = sz_session_get_place_id (f->session);
  int index = -1;

  g_assert_no_error (error);
  for (guint i = 0; i < items->len && shared == NULL; i++)
    if (((SzCheckItem *) items->pdata[i])->kind == SZ_CHECK_DUPLICATE_PHONE)
      shared = items->pdata[i];
  g_assert_nonnull (shared);
  sz_window_show_page (f->window, "checks");
  test_settle (300);
  index = problem_row (checks, shared->message);
  g_assert_true (sz_checks_page_activate (checks, FALSE, index));
  test_settle (300);
  dialog = find_window (SZ_TYPE_PERSON_DIALOG);
  g_assert_nonnull (dialog);
  /* Nothing else moved. */
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, kind);
  g_assert_cmpint (sz_session_get_place_id (f->session), ==, id);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

/* A place's page opened from a check starts at its top, even when it was
 * scrolled down and the check is about the same place. */
static void
test_check_opens_at_top (Fixture       *f,
                         gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  SzChecksPage *checks = SZ_CHECKS_PAGE (page (f, "checks"));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (test_get_widget (GTK_WIDGET (place_page (f)),
                                                                      "scrolled_window"));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  g_autoptr(GPtrArray) vacancies = sz_vacancies (db, f->community, NULL);
  SzVacancy *first = vacancies->pdata[0];

  /* The first vacant post's page, scrolled to its end. */
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 600);
  sz_session_select_place (f->session, first->level == SZ_LEVEL_GRID ? SZ_NODE_GRID
                           : first->level == SZ_LEVEL_BUILDING ? SZ_NODE_BUILDING : SZ_NODE_UNIT,
                           first->place_id);
  sz_window_show_page (f->window, "place");
  test_settle (300);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, gtk_adjustment_get_page_size (vadjustment));
  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_upper (vadjustment));
  test_settle (100);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  sz_window_show_page (f->window, "checks");
  test_settle (300);
  g_assert_true (sz_checks_page_activate (checks, TRUE, 0));
  test_settle (300);
  g_assert_cmpint (sz_session_get_place_id (f->session), ==, first->place_id);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), ==, 0);
}

/* Expanding a building in a scrolled tree: the row clicked stays under
 * the pointer, its units open below it. */
static void
test_tree_keeps_still (Fixture       *f,
                       gconstpointer  data)
{
  GtkWidget *sidebar = sz_window_get_sidebar (f->window);
  GtkListView *list = GTK_LIST_VIEW (test_get_widget (sidebar, "list_view"));
  GtkScrolledWindow *scrolled = GTK_SCROLLED_WINDOW (test_get_widget (sidebar, "scrolled_window"));
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  GtkWidget *target = NULL;
  g_autoptr(GtkTreeListRow) row = NULL;
  graphene_rect_t before, after;
  double view = gtk_widget_get_height (GTK_WIDGET (scrolled));
  guint position = 0;
  guint n_before;

  /* Open every compound so that the list scrolls, then go down to a
   * place of the last one: the list scrolls to show it at the bottom. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkTreeListRow) r = g_list_model_get_item (model, i);

      if (sz_place_tree_row_node (r)->kind == SZ_NODE_COMPOUND)
        gtk_tree_list_row_set_expanded (r, TRUE);
    }
  test_settle_until (gtk_adjustment_get_upper (vadjustment) > 2 * gtk_adjustment_get_page_size (vadjustment), 10000);
  g_assert_cmpfloat (gtk_adjustment_get_upper (vadjustment), >, 2 * gtk_adjustment_get_page_size (vadjustment));
  {
    g_autoptr(GtkTreeListRow) last = g_list_model_get_item (model, g_list_model_get_n_items (model) * 2 / 3);
    SzTreeNode *node = sz_place_tree_row_node (last);

    g_assert_true (sz_place_sidebar_select (SZ_PLACE_SIDEBAR (sidebar), node->kind, node->id));
  }
  test_settle (300);
  g_assert_cmpfloat (gtk_adjustment_get_value (vadjustment), >, 0);

  /* A collapsed building in the upper third of the view. */
  view = gtk_widget_get_height (GTK_WIDGET (scrolled));
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL && target == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);
      GtkTreeListRow *r = GTK_IS_TREE_EXPANDER (expander) ? gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander))
                                                          : NULL;
      graphene_rect_t bounds;

      if (r == NULL || !gtk_widget_get_mapped (expander) || sz_place_tree_row_node (r)->kind != SZ_NODE_BUILDING
          || gtk_tree_list_row_get_expanded (r)
          || !gtk_widget_compute_bounds (expander, GTK_WIDGET (scrolled), &bounds)
          || bounds.origin.y < view * 0.1 || bounds.origin.y > view / 3)
        continue;
      target = expander;
      position = gtk_tree_list_row_get_position (r);
    }
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_compute_bounds (target, GTK_WIDGET (scrolled), &before));

  /* The expander's click. */
  n_before = g_list_model_get_n_items (model);
  row = g_list_model_get_item (model, position);
  gtk_tree_list_row_set_expanded (row, TRUE);
  test_settle (300);
  g_assert_cmpuint (g_list_model_get_n_items (model), >, n_before);

  target = NULL;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (list)); child != NULL && target == NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *expander = gtk_widget_get_first_child (child);

      if (GTK_IS_TREE_EXPANDER (expander) && gtk_widget_get_mapped (expander)
          && gtk_tree_expander_get_list_row (GTK_TREE_EXPANDER (expander)) == row)
        target = expander;
    }
  g_assert_nonnull (target);
  g_assert_true (gtk_widget_compute_bounds (target, GTK_WIDGET (scrolled), &after));
  g_test_message ("row at %.1f before, %.1f after", before.origin.y, after.origin.y);
  g_assert_cmpfloat (fabs (after.origin.y - before.origin.y), <, 1.0);
}

/* The checks page tells the time as the records do: Asia/Shanghai in
 * their format, whatever the machine's zone (the test runs in
 * Honolulu's, 18 hours behind). */
static void
test_checks_time (Fixture       *f,
                  gconstpointer  data)
{
  SzChecksPage *checks = SZ_CHECKS_PAGE (page (f, "checks"));
  GtkLabel *summary = GTK_LABEL (test_get_widget (GTK_WIDGET (checks), "summary_label"));
  g_autofree char *at = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GDateTime) local = g_date_time_new_now_local ();
  g_autofree char *local_text = g_date_time_format (local, "%H:%M");

  sz_window_show_page (f->window, "checks");
  test_settle (200);
  /* The minute may turn while the check runs (a sanitized build). */
  before = sz_record_format_time (sz_record_now ());
  sz_checks_page_check (checks);
  at = sz_record_format_time (sz_record_now ());
  g_test_message ("%s", gtk_label_get_text (summary));
  g_assert_true (strstr (gtk_label_get_text (summary), at) != NULL
                 || strstr (gtk_label_get_text (summary), before) != NULL);
  g_assert_null (strstr (gtk_label_get_text (summary), local_text));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;

  /* A zone far from the records' own. */
  g_setenv ("TZ", "Pacific/Honolulu", TRUE);
  home = test_app_init (&argc, &argv);

  g_test_add ("/app/setup/before", Fixture, NULL, empty_setup, test_setup_before, fixture_teardown);
  g_test_add ("/app/setup/after", Fixture, NULL, empty_setup, test_setup_after, fixture_teardown);
  g_test_add ("/app/setup/building-households", Fixture, NULL, empty_setup, test_building_households,
              fixture_teardown);
  g_test_add ("/app/setup/use-the-sum", Fixture, NULL, empty_setup, test_use_the_sum, fixture_teardown);
  g_test_add ("/app/setup/community-total", Fixture, NULL, empty_setup, test_community_total, fixture_teardown);
  g_test_add ("/app/setup/shared-phone", Fixture, NULL, fixture_setup, test_shared_phone, fixture_teardown);
  g_test_add ("/app/setup/check-opens-at-top", Fixture, NULL, fixture_setup, test_check_opens_at_top,
              fixture_teardown);
  g_test_add ("/app/setup/tree-keeps-still", Fixture, NULL, fixture_setup, test_tree_keeps_still, fixture_teardown);
  g_test_add ("/app/setup/checks-time", Fixture, NULL, fixture_setup, test_checks_time, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
