/* test-app-setup-job.h: the setup job, done the old way and the
 * new way through the real dialogs, counting the user's actions.
 * Included by test-app-setup.c, whose helpers (act, click, type, …) it
 * uses.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* The job */

static gint64
add_grid (Fixture *f)
{
  GtkWidget *dialog;

  choose_add (f, "sidebar.add-grid");
  dialog = open_dialog ();
  type (dialog_field (dialog, "Grid na_me"), "丰和第一网格");
  press_enter (dialog_field (dialog, "Grid na_me"));
  g_assert_null (find_window (GTK_TYPE_DIALOG));
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, SZ_NODE_GRID);
  return sz_session_get_place_id (f->session);
}

static gint64
add_compound (Fixture *f)
{
  GtkWidget *dialog;

  choose_add (f, "sidebar.add-compound");
  dialog = open_dialog ();
  type (dialog_field (dialog, "Compound _name"), "丰和林苑");
  press_enter (dialog_field (dialog, "Compound _name"));
  g_assert_null (find_window (GTK_TYPE_DIALOG));
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, SZ_NODE_COMPOUND);
  return sz_session_get_place_id (f->session);
}

/* With @per_unit, floors and households in the dialog (the new way). */
static gint64
add_building (Fixture    *f,
              const char *name,
              gboolean    per_unit)
{
  GtkWidget *dialog;

  choose_add (f, "sidebar.add-building");
  dialog = open_dialog ();
  type (dialog_field (dialog, "Building _name"), name);
  type (dialog_field (dialog, "_Units"), "3");
  if (per_unit)
    {
      type (dialog_field (dialog, "_Floors"), "6");
      type (dialog_field (dialog, "_Households per unit"), "14");
      press_enter (dialog_field (dialog, "_Households per unit"));
    }
  else
    press_enter (dialog_field (dialog, "_Units"));
  g_assert_null (find_window (GTK_TYPE_DIALOG));
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, SZ_NODE_BUILDING);
  return sz_session_get_place_id (f->session);
}

/* "Appoint Head…", "New person…", name, phone, OK: the picker as it is.
 * The head's consent to print the phone, with the day it was given: the
 * new way ticks it in the picker (the date is today unless changed); the
 * old way had it on the People page afterwards: the page, find the
 * person, open, tick, type the date, save. */
static void
appoint_new_person (Fixture    *f,
                    const char *name,
                    const char *phone,
                    gboolean    new_way)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(SzPost) post = NULL;
  g_autoptr(SzPerson) person = NULL;
  GtkWidget *picker;

  click (test_get_widget (GTK_WIDGET (place_page (f)), "appoint_button"), "Appoint Head…");
  picker = find_window (SZ_TYPE_PERSON_PICKER);
  g_assert_nonnull (picker);
  act ("New person…");
  act ("type the name");
  act ("type the phone");
  if (new_way)
    {
      act ("tick the consent (dated today)");
      gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (picker, "consent_check")), TRUE);
    }
  act ("OK");
  g_assert_true (sz_person_picker_create_person (SZ_PERSON_PICKER (picker), name, phone));
  test_settle (150);

  post = sz_post_get_current (db, SZ_LEVEL_UNIT, sz_session_get_place_id (f->session), NULL);
  g_assert_nonnull (post);
  person = sz_person_get (db, post->person_id, NULL);
  g_assert_nonnull (person);
  if (!new_way)
    {
      act ("People page");
      act ("find the person");
      act ("open the person");
      act ("tick the consent");
      act ("type the consent date");
      act ("Save");
      person->phone_consent = TRUE;
      g_free (person->consent_date);
      person->consent_date = sz_today ();
      g_assert_true (sz_person_save (db, person, NULL));
    }
  g_assert_true (person->phone_consent);
  g_assert_nonnull (person->consent_date);
}

static const char *const head_names[] = { "赵一民", "钱二英", "孙三平", "李四海", "周五洲", "吴六顺" };
static const char *const head_phones[] = { "13904310001", "13904310002", "13904310003",
                                           "13904310004", "13904310005", "13904310006" };

/* The whole job; returns the number of actions it took. */
static guint
set_up_community (Fixture  *f,
                  gboolean  new_way)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GPtrArray) units = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_unit_free);
  g_autoptr(SzGrid) grid = NULL;
  gint64 grid_id, compound_id, buildings[2];
  GtkTreeListRow *row;
  SzTreeNode *node;
  guint h = 0;

  n_actions = 0;
  grid_id = add_grid (f);
  compound_id = add_compound (f);

  /* The compound shows under the grid it was added from, at once. */
  row = selected_row (f);
  g_assert_nonnull (row);
  node = sz_place_tree_row_node (row);
  g_assert_cmpint (node->kind, ==, SZ_NODE_COMPOUND);
  g_assert_cmpint (node->id, ==, compound_id);
  g_assert_nonnull (node->parent);
  g_assert_cmpint (node->parent->kind, ==, SZ_NODE_GRID);
  g_assert_cmpint (node->parent->id, ==, grid_id);
  g_assert_cmpuint (gtk_tree_list_row_get_depth (row), ==, 2);

  buildings[0] = add_building (f, "1栋", new_way);
  buildings[1] = add_building (f, "2栋", new_way);
  for (guint b = 0; b < 2; b++)
    {
      g_autoptr(SzBuilding) building = sz_building_get (db, buildings[b], NULL);
      g_autoptr(GPtrArray) list = sz_unit_list (db, buildings[b], NULL);

      g_assert_nonnull (building);
      g_assert_cmpint (building->compound_id, ==, compound_id);
      g_assert_cmpint (building->grid_id, ==, grid_id);
      g_assert_cmpuint (list->len, ==, 3);
      if (!new_way)
        {
          /* The old way: the building's floors on its own page. */
          select_place (f, SZ_NODE_BUILDING, buildings[b]);
          page_type (f, "floors", "6");
          page_enter (f);
        }
      for (guint i = 0; i < list->len; i++)
        g_ptr_array_add (units, g_steal_pointer (&list->pdata[i]));
    }

  for (guint i = 0; i < units->len; i++)
    {
      SzUnit *unit = units->pdata[i];

      select_place (f, SZ_NODE_UNIT, unit->id);
      if (!new_way)
        {
          /* Floors and households unit by unit. */
          page_type (f, "floors", "6");
          page_type (f, "households", "14");
          page_enter (f);
        }
      appoint_new_person (f, head_names[h], head_phones[h], new_way);
      h++;
    }

  select_place (f, SZ_NODE_GRID, grid_id);
  if (new_way)
    click (test_get_widget (GTK_WIDGET (place_page (f)), "households_sum_button"), "Use the Sum");
  else
    {
      /* Added up by hand, typed, Enter. */
      page_type (f, "households", "84");
      page_enter (f);
    }
  test_settle (100);

  /* The same community either way. */
  grid = sz_grid_get (db, grid_id, NULL);
  g_assert_cmpint (grid->households, ==, 84);
  for (guint i = 0; i < units->len; i++)
    {
      g_autoptr(SzUnit) unit = sz_unit_get (db, ((SzUnit *) units->pdata[i])->id, NULL);
      g_autoptr(SzPost) post = sz_post_get_current (db, SZ_LEVEL_UNIT, unit->id, NULL);

      g_assert_cmpint (unit->households, ==, 14);
      g_assert_cmpint (unit->floors, ==, 6);
      g_assert_nonnull (post);
    }
  /* The grid and its units agree: nothing more to offer. */
  g_assert_false (gtk_widget_get_visible (test_get_widget (GTK_WIDGET (place_page (f)), "households_sum_button")));
  return n_actions;
}

static guint actions_before, actions_after;

static void
test_setup_before (Fixture       *f,
                   gconstpointer  data)
{
  actions_before = set_up_community (f, FALSE);
  g_test_message ("the old way: %u actions", actions_before);
}

static void
test_setup_after (Fixture       *f,
                  gconstpointer  data)
{
  actions_after = set_up_community (f, TRUE);
  g_test_message ("the new way: %u actions", actions_after);
  if (actions_before > 0)
    g_assert_cmpuint (actions_after, <, actions_before);
}

/* Floors and households with the building: one transaction, one undo
 * step; a refused value leaves nothing behind and says which field. */
