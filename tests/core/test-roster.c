/* test-roster.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-check.h"
#include "sz-duty.h"
#include "sz-hotline.h"
#include "sz-image.h"
#include "sz-test-util.h"
#include "sz-tree.h"

/* The error names the field and the value the user gave. */
static void
assert_message (const GError *error,
                const char   *field,
                const char   *value)
{
  g_assert_nonnull (error);
  if (field != NULL && strstr (error->message, field) == NULL)
    g_error ("“%s” does not name the field “%s”", error->message, field);
  if (value != NULL && strstr (error->message, value) == NULL)
    g_error ("“%s” does not name the value “%s”", error->message, value);
}

static void
test_places (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(SzGrid) dup = sz_grid_new ();
  g_autoptr(SzCompound) cdup = sz_compound_new ();
  g_autoptr(SzUnit) udup = sz_unit_new ();
  g_autoptr(SzGrid) g = NULL;
  Roster r;

  roster_setup (&r, "places.db");

  grids = sz_grid_list (r.db, r.community, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (grids->len, ==, 2);
  g_assert_cmpint (((SzGrid *) grids->pdata[0])->number, ==, 1);

  /* Update keeps the id and changes the row. */
  g = sz_grid_get (r.db, r.grid1, &error);
  g_assert_no_error (error);
  g_free (g->name);
  g->name = g_strdup ("  丰和第一网格\u3000");
  g->households = 640;
  g_assert_true (sz_grid_save (r.db, g, &error));
  g_assert_cmpint (g->id, ==, r.grid1);
  g_assert_cmpstr (g->name, ==, "丰和第一网格");  /* blanks trimmed, full-width too */
  {
    g_autoptr(SzGrid) again = sz_grid_get (r.db, r.grid1, &error);
    g_assert_cmpint (again->households, ==, 640);
  }

  /* Duplicates are refused with the number or name. */
  dup->community_id = r.community;
  dup->number = 2;
  g_assert_false (sz_grid_save (r.db, dup, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE);
  assert_message (error, "Grid number", "2");
  g_clear_error (&error);

  cdup->community_id = r.community;
  cdup->name = g_strdup ("丰和林苑");
  g_assert_false (sz_compound_save (r.db, cdup, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE);
  assert_message (error, "Compound name", "丰和林苑");
  g_clear_error (&error);

  udup->building_id = r.building;
  udup->number = 1;
  g_assert_false (sz_unit_save (r.db, udup, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* Bad values name the field. */
  udup->number = 0;
  g_assert_false (sz_unit_save (r.db, udup, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  assert_message (error, "Unit number", "0");
  g_clear_error (&error);

  g->households = -5;
  g_assert_false (sz_grid_save (r.db, g, &error));
  assert_message (error, "Households", "-5");
  g_clear_error (&error);

  {
    g_autoptr(SzCommunity) c = sz_community_new ();
    c->name = g_strdup ("   ");
    g_assert_false (sz_community_save (r.db, c, &error));
    assert_message (error, "Community name", NULL);
    g_clear_error (&error);

    g_free (c->name);
    c->name = g_strdup ("新社区");
    c->office_phone = g_strdup ("8888");
    g_assert_false (sz_community_save (r.db, c, &error));
    assert_message (error, "Office phone", "8888");
    g_clear_error (&error);

    g_free (c->office_phone);
    c->office_phone = g_strdup ("（0431）8000-0001");
    g_assert_true (sz_community_save (r.db, c, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (c->office_phone, ==, "0431-80000001");
  }

  /* A property phone without a company is a slip. */
  {
    g_autoptr(SzCompound) c = sz_compound_new ();
    c->community_id = r.community;
    c->name = g_strdup ("电业宿舍");
    c->property_phone = g_strdup ("0431-80000101");
    g_assert_false (sz_compound_save (r.db, c, &error));
    assert_message (error, "Property company", NULL);
    g_clear_error (&error);
  }

  /* A grid with buildings is not deleted; the message says why. */
  g_assert_false (sz_grid_delete (r.db, r.grid1, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE);
  g_clear_error (&error);
  g_assert_true (sz_grid_delete (r.db, r.grid2, &error));
  g_assert_no_error (error);
  g_assert_false (sz_grid_delete (r.db, r.grid2, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_clear_error (&error);

  /* Deleting the compound takes its buildings and units along. */
  g_assert_true (sz_compound_delete (r.db, r.compound, &error));
  g_assert_cmpint (test_count (r.db, "building"), ==, 0);
  g_assert_cmpint (test_count (r.db, "unit"), ==, 0);

  roster_teardown (&r);
}

static void
test_building_order (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  const char *names[] = { "10栋", "1栋", "B座", "A座", "5号楼", "3栋" };
  Roster r;

  roster_setup (&r, "order.db");
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autoptr(SzBuilding) b = sz_building_new ();
      b->compound_id = r.compound;
      b->grid_id = r.grid2;
      b->name = g_strdup (names[i]);
      g_assert_true (sz_building_save (r.db, b, &error));
      g_assert_no_error (error);
    }
  list = sz_building_list (r.db, r.compound, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 7);
  g_assert_cmpstr (((SzBuilding *) list->pdata[0])->name, ==, "1栋");
  g_assert_cmpstr (((SzBuilding *) list->pdata[1])->name, ==, "2栋");
  g_assert_cmpstr (((SzBuilding *) list->pdata[2])->name, ==, "3栋");
  /* 10栋 after 2栋, not between 1栋 and 2栋 */
  for (guint i = 0; i < list->len; i++)
    if (g_str_equal (((SzBuilding *) list->pdata[i])->name, "10栋"))
      g_assert_cmpuint (i, >, 2);
  g_assert_cmpint (sz_natural_compare ("2栋", "10栋"), <, 0);
  g_assert_cmpint (sz_natural_compare ("A座", "B座"), <, 0);
  g_assert_cmpint (sz_natural_compare ("3栋", "3栋"), ==, 0);
  roster_teardown (&r);
}

static void
test_person (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPerson) p = sz_person_new ();
  g_autoptr(SzPerson) got = NULL;
  Roster r;

  roster_setup (&r, "person.db");
  p->community_id = r.community;
  p->name = g_strdup ("单田芳");
  p->phone = g_strdup ("+86 138-0000-1234");
  p->phone2 = g_strdup ("０４３１－８０００００１２");
  p->home_unit_id = r.unit1;
  p->background = g_strdup ("retired_teacher");
  g_assert_true (sz_person_save (r.db, p, &error));
  g_assert_no_error (error);

  got = sz_person_get (r.db, p->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->community_id, ==, r.community);
  g_assert_cmpstr (got->phone, ==, "13800001234");
  g_assert_cmpstr (got->phone2, ==, "0431-80000012");
  g_assert_cmpstr (got->name_pinyin, ==, "shan tian fang");
  g_assert_cmpstr (got->name_initials, ==, "stf");
  g_assert_cmpint (got->home_unit_id, ==, r.unit1);
  g_assert_false (got->phone_consent);

  /* Consent needs the day it was given. */
  got->phone_consent = TRUE;
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Consent date", NULL);
  g_clear_error (&error);
  got->consent_date = g_strdup ("2024/3/1");
  g_assert_true (sz_person_save (r.db, got, &error));
  g_assert_cmpstr (got->consent_date, ==, "2024-03-01");

  got->consent_date = (g_free (got->consent_date), g_strdup ("2099-01-01"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Consent date", "2099-01-01");
  g_clear_error (&error);

  /* A GBK "2024年3月1日" read as if it were UTF-8. */
  got->consent_date = (g_free (got->consent_date), g_strdup ("2024\xc4\xea" "3\xd4\xc2" "1\xc8\xd5"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Consent date", "2024");
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_clear_error (&error);

  got->consent_date = (g_free (got->consent_date), g_strdup ("2024-02-30"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Consent date", "2024-02-30");
  g_clear_error (&error);
  got->consent_date = (g_free (got->consent_date), g_strdup ("2024-03-01"));

  got->phone = (g_free (got->phone), g_strdup ("1380000123"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Phone", "1380000123");
  g_clear_error (&error);
  got->phone = (g_free (got->phone), g_strdup ("13800001234"));

  got->gender = (g_free (got->gender), g_strdup ("男"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Gender", "男");
  g_clear_error (&error);
  got->gender = (g_free (got->gender), g_strdup ("male"));

  got->background = (g_free (got->background), g_strdup ("astronaut"));
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Background", "astronaut");
  g_clear_error (&error);
  got->background = (g_free (got->background), g_strdup ("cadre"));

  /* Names of foreign and minority residents run long: 100 characters are
   * kept, more are refused. */
  {
    g_autoptr(GString) long_name = g_string_new (NULL);

    for (int i = 0; i < 13; i++)
      g_string_append (long_name, "阿依古丽·买买提");   /* 8 characters */
    got->name = (g_free (got->name), g_string_free (g_steal_pointer (&long_name), FALSE));
  }
  g_assert_false (sz_person_save (r.db, got, &error));
  assert_message (error, "Name", "阿依古丽");
  g_clear_error (&error);
  got->name = (g_free (got->name), g_strdup ("阿依古丽·买买提"));
  g_assert_true (sz_person_save (r.db, got, &error));
  g_assert_no_error (error);

  /* Nothing of the refused saves stayed. */
  {
    g_autoptr(SzPerson) final = sz_person_get (r.db, p->id, &error);
    g_assert_cmpstr (final->name, ==, "阿依古丽·买买提");
    g_assert_cmpstr (final->gender, ==, "male");
    g_assert_true (final->phone_consent);
  }
  g_assert_cmpint (test_count (r.db, "person"), ==, 1);
  roster_teardown (&r);
}

static void
test_handover (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autoptr(SzPost) current = NULL;
  gint64 a, b, post_a = 0, post_b = 0;
  Roster r;

  roster_setup (&r, "handover.db");
  a = test_add_person (r.db, "王秀英", "13800001001", TRUE);
  b = test_add_person (r.db, "李建国", "13800001002", FALSE);

  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, a, "2021-03-15", SZ_CHOSEN_ELECTION, &post_a, &error));
  g_assert_no_error (error);

  /* The same person again is a mistake, not a new term. */
  g_assert_false (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, a, "2022-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE);
  g_clear_error (&error);

  /* A successor cannot start before the current head did. */
  g_assert_false (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, b, "2020-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  assert_message (error, "Start date", "2020-01-01");
  g_clear_error (&error);

  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, b, "2024-06-01", SZ_CHOSEN_RECOMMENDATION, &post_b, &error));
  g_assert_no_error (error);

  current = sz_post_get_current (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_no_error (error);
  g_assert_cmpint (current->person_id, ==, b);
  g_assert_cmpstr (current->person_name, ==, "李建国");
  g_assert_cmpint (current->chosen_by, ==, SZ_CHOSEN_RECOMMENDATION);

  history = sz_post_history (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (history->len, ==, 2);
  g_assert_cmpint (((SzPost *) history->pdata[0])->id, ==, post_b);
  g_assert_cmpint (((SzPost *) history->pdata[1])->id, ==, post_a);
  g_assert_cmpstr (((SzPost *) history->pdata[1])->end_date, ==, "2024-06-01");
  g_assert_nonnull (strstr (((SzPost *) history->pdata[1])->end_reason, "李建国"));

  /* One person may hold several posts. */
  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_BUILDING, r.building, b, "2024-06-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) posts = sz_post_list_for_person (r.db, b, &error);
    g_assert_cmpuint (posts->len, ==, 2);
  }

  /* Ending a term leaves the post vacant; the history keeps it. */
  g_assert_false (sz_post_end (r.db, post_b, "2024-05-01", "搬家", &error));
  assert_message (error, "End date", "2024-05-01");
  g_clear_error (&error);
  g_assert_false (sz_post_end (r.db, post_b, "2025-01-01", "", &error));
  assert_message (error, "Reason", NULL);
  g_clear_error (&error);
  g_assert_true (sz_post_end (r.db, post_b, "2025-01-01", "搬离本小区", &error));
  g_assert_no_error (error);
  g_assert_false (sz_post_end (r.db, post_b, "2025-02-01", "again", &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_pointer (&current, sz_post_free);
  current = sz_post_get_current (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_no_error (error);
  g_assert_null (current);

  /* People with a history are kept. */
  g_assert_false (sz_person_delete (r.db, a, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE);
  g_clear_error (&error);

  /* An unknown place or person is named. */
  g_assert_false (sz_post_appoint (r.db, SZ_LEVEL_GRID, 9999, a, NULL, SZ_CHOSEN_APPOINTMENT, NULL, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  roster_teardown (&r);
}

static void
test_vacancies (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) v = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  gint64 a;
  Roster r;

  roster_setup (&r, "vacancies.db");
  a = test_add_person (r.db, "王秀英", "13800001001", TRUE);
  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_GRID, r.grid1, a, NULL, SZ_CHOSEN_APPOINTMENT, NULL, &error));
  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit2, a, NULL, SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);

  /* grid 2, the building and unit 1 are vacant. */
  v = sz_vacancies (r.db, r.community, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (v->len, ==, 3);
  g_assert_cmpint (((SzVacancy *) v->pdata[0])->level, ==, SZ_LEVEL_BUILDING);
  g_assert_cmpstr (((SzVacancy *) v->pdata[0])->place, ==, "丰和林苑 2栋");
  g_assert_cmpint (((SzVacancy *) v->pdata[1])->level, ==, SZ_LEVEL_UNIT);
  g_assert_cmpint (((SzVacancy *) v->pdata[1])->place_id, ==, r.unit1);
  g_assert_cmpint (((SzVacancy *) v->pdata[2])->level, ==, SZ_LEVEL_GRID);
  g_assert_cmpint (((SzVacancy *) v->pdata[2])->place_id, ==, r.grid2);

  /* A compound with no buildings yet still shows, under the community. */
  {
    g_autoptr(SzCompound) empty = sz_compound_new ();
    empty->community_id = r.community;
    empty->name = g_strdup ("新建小区");
    g_assert_true (sz_compound_save (r.db, empty, &error));
    g_assert_no_error (error);
  }

  tree = sz_tree_load (r.db, r.community, &error);
  g_assert_no_error (error);
  g_assert_cmpint (tree->vacancies, ==, 3);
  g_assert_cmpint (tree->households, ==, 950);
  g_assert_cmpuint (tree->children->len, ==, 3);
  g_assert_cmpint (((SzTreeNode *) tree->children->pdata[2])->kind, ==, SZ_NODE_COMPOUND);
  g_assert_cmpstr (((SzTreeNode *) tree->children->pdata[2])->label, ==, "新建小区");
  {
    SzTreeNode *grid = tree->children->pdata[0];
    SzTreeNode *compound = grid->children->pdata[0];
    SzTreeNode *building = compound->children->pdata[0];
    SzTreeNode *unit2 = building->children->pdata[1];

    g_assert_cmpstr (grid->head_name, ==, "王秀英");
    g_assert_cmpint (grid->vacancies, ==, 2);
    g_assert_cmpint (compound->kind, ==, SZ_NODE_COMPOUND);
    g_assert_cmpstr (compound->label, ==, "丰和林苑");
    g_assert_cmpint (building->head_person_id, ==, 0);
    g_assert_cmpstr (unit2->head_phone, ==, "13800001001");
    g_assert_true (unit2->head_consent);
  }
  g_clear_pointer (&tree, sz_tree_node_free);

  /* One added under grid 2 shows there, on every load, until it has a
   * building; then its buildings say where it is. */
  {
    g_autoptr(SzCompound) under = sz_compound_new ();
    g_autoptr(SzCompound) again = NULL;
    SzTreeNode *grid2;

    under->community_id = r.community;
    under->grid_id = r.grid2;
    under->name = g_strdup ("阳光小区");
    g_assert_true (sz_compound_save (r.db, under, &error));
    g_assert_no_error (error);
    again = sz_compound_get (r.db, under->id, &error);
    g_assert_no_error (error);
    g_assert_cmpint (again->grid_id, ==, r.grid2);
    tree = sz_tree_load (r.db, r.community, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (tree->children->len, ==, 3);
    grid2 = tree->children->pdata[1];
    g_assert_cmpint (grid2->id, ==, r.grid2);
    g_assert_cmpuint (grid2->children->len, ==, 1);
    g_assert_cmpstr (((SzTreeNode *) grid2->children->pdata[0])->label, ==, "阳光小区");
    g_clear_pointer (&tree, sz_tree_node_free);

    test_add_building (r.db, under->id, r.grid1, "1栋");
    tree = sz_tree_load (r.db, r.community, &error);
    g_assert_no_error (error);
    grid2 = tree->children->pdata[1];
    g_assert_cmpuint (grid2->children->len, ==, 0);

    /* A grid that is not there is refused, naming the field. */
    under->grid_id = 999999;
    g_assert_false (sz_compound_save (r.db, under, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  roster_teardown (&r);
}

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SzHotline) h = sz_hotline_new ();
  gint64 a, b;
  guint kinds[SZ_CHECK_WECHAT_QR + 1] = { 0 };
  Roster r;

  roster_setup (&r, "checks.db");
  g_chmod (r.path, 0644);
  a = test_add_person (r.db, "王秀英", "13800001001", FALSE);
  b = test_add_person (r.db, "李建国", "138 0000 1001", TRUE);
  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_GRID, r.grid1, a, NULL, SZ_CHOSEN_APPOINTMENT, NULL, &error));
  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, b, NULL, SZ_CHOSEN_ELECTION, NULL, &error));
  h->category = SZ_HOTLINE_WATER;
  h->number = g_strdup ("0431-80000201");
  h->scope = SZ_SCOPE_COMMUNITY;
  h->scope_id = r.community;
  h->verified_on = g_strdup ("2025-01-10");
  g_assert_true (sz_hotline_save (r.db, h, &error));
  g_assert_no_error (error);

  items = sz_check_run (r.db, r.community, "2026-03-01", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];
      kinds[item->kind]++;
      /* Phones in messages are masked. */
      g_assert_null (strstr (item->message, "13800001001"));
    }
  /* A server has no file whose mode could be wrong. */
  g_assert_cmpuint (kinds[SZ_CHECK_FILE_MODE], ==, test_engine_is_pg () ? 0 : 1);
  g_assert_cmpuint (kinds[SZ_CHECK_GRID_SIZE], ==, 0);        /* 500 and 450 are fine */
  g_assert_cmpuint (kinds[SZ_CHECK_GRID_HOUSEHOLDS], ==, 1);  /* grid 1: 500 recorded, units give 24 */
  g_assert_cmpuint (kinds[SZ_CHECK_NO_CONSENT], ==, 1);
  /* One per person sharing the number, each opening that person. */
  g_assert_cmpuint (kinds[SZ_CHECK_DUPLICATE_PHONE], ==, 2);
  {
    gboolean seen_a = FALSE, seen_b = FALSE;

    for (guint i = 0; i < items->len; i++)
      {
        SzCheckItem *item = items->pdata[i];

        if (item->kind != SZ_CHECK_DUPLICATE_PHONE)
          continue;
        g_assert_cmpint (item->target, ==, SZ_TARGET_PERSON);
        seen_a |= item->target_id == a;
        seen_b |= item->target_id == b;
        g_assert_nonnull (strstr (item->message, "138****1001"));
        g_assert_nonnull (strstr (item->message, "王秀英"));
        g_assert_nonnull (strstr (item->message, "李建国"));
      }
    g_assert_true (seen_a && seen_b);
  }
  g_assert_cmpuint (kinds[SZ_CHECK_HOTLINE_STALE], ==, 1);
  g_assert_cmpuint (kinds[SZ_CHECK_HOTLINE_MISSING], ==, 3);  /* electricity, gas, heating */
  g_assert_cmpuint (kinds[SZ_CHECK_INTEGRITY], ==, 0);

  /* Fix them and they go. */
  g_chmod (r.path, 0600);
  {
    g_autoptr(SzGrid) g = sz_grid_get (r.db, r.grid1, &error);
    g->households = 300;
    g_assert_true (sz_grid_save (r.db, g, &error));
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sz_check_run (r.db, r.community, "2025-06-01", &error);
  g_assert_no_error (error);
  memset (kinds, 0, sizeof kinds);
  for (guint i = 0; i < items->len; i++)
    kinds[((SzCheckItem *) items->pdata[i])->kind]++;
  g_assert_cmpuint (kinds[SZ_CHECK_FILE_MODE], ==, 0);
  g_assert_cmpuint (kinds[SZ_CHECK_GRID_SIZE], ==, 1);
  g_assert_cmpuint (kinds[SZ_CHECK_HOTLINE_STALE], ==, 0);
  roster_teardown (&r);
}

static void
test_duties (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = NULL;
  gint64 id = 0;
  Roster r;

  roster_setup (&r, "duties.db");
  g_assert_true (sz_duty_add (r.db, SZ_LEVEL_GRID, "组织开展网格巡查", &id, &error));
  g_assert_no_error (error);
  g_assert_true (sz_duty_move (r.db, id, 1, &error));
  g_assert_no_error (error);
  list = sz_duty_list (r.db, SZ_LEVEL_GRID, &error);
  g_assert_cmpuint (list->len, ==, 6);
  g_assert_cmpstr (((SzDuty *) list->pdata[0])->text, ==, "组织开展网格巡查");
  g_assert_cmpint (((SzDuty *) list->pdata[5])->position, ==, 6);
  g_assert_cmpstr (((SzDuty *) list->pdata[1])->text, ==, "Collect residents' information");

  g_assert_true (sz_duty_update (r.db, ((SzDuty *) list->pdata[1])->id, "收集社情民意", &error));
  g_assert_false (sz_duty_update (r.db, id, " ", &error));
  assert_message (error, "Duty", NULL);
  g_clear_error (&error);
  g_assert_false (sz_duty_move (r.db, id, 7, &error));
  assert_message (error, "Order in the list", "7");
  g_clear_error (&error);
  g_assert_true (sz_duty_delete (r.db, id, &error));
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_duty_list (r.db, SZ_LEVEL_GRID, &error);
  g_assert_cmpuint (list->len, ==, 5);
  g_assert_cmpstr (((SzDuty *) list->pdata[0])->text, ==, "收集社情民意");
  /* Other levels untouched. */
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_duty_list (r.db, SZ_LEVEL_UNIT, &error);
  g_assert_cmpuint (list->len, ==, 5);
  roster_teardown (&r);
}

static void
test_images (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) png = test_tiny_png (TRUE);
  g_autoptr(GBytes) cut = test_tiny_png (FALSE);
  g_autoptr(GBytes) got = NULL;
  g_autoptr(GBytes) big = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *taken = NULL;
  gint64 a;
  Roster r;

  roster_setup (&r, "images.db");
  a = test_add_person (r.db, "王秀英", "13800001001", TRUE);

  g_assert_true (sz_person_set_image (r.db, a, SZ_IMAGE_PHOTO, png, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sz_person_set_image (r.db, a, SZ_IMAGE_QR, png, "2025-11-01", &error));
  got = sz_person_get_image (r.db, a, SZ_IMAGE_QR, &mime, &taken, &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (got, png));
  g_assert_cmpstr (mime, ==, "image/png");
  g_assert_cmpstr (taken, ==, "2025-11-01");

  g_assert_false (sz_person_set_image (r.db, a, SZ_IMAGE_PHOTO, cut, NULL, &error));
  g_assert_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_FORMAT);
  assert_message (error, "Photo", NULL);
  g_clear_error (&error);

  big = g_bytes_new_take (g_malloc0 (SZ_IMAGE_MAX_BYTES + 1), SZ_IMAGE_MAX_BYTES + 1);
  g_assert_false (sz_person_set_image (r.db, a, SZ_IMAGE_PHOTO, big, NULL, &error));
  g_assert_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_TOO_LARGE);
  g_clear_error (&error);

  {
    g_autoptr(GBytes) text = g_bytes_new_static ("not an image", 12);
    g_assert_false (sz_person_set_image (r.db, a, SZ_IMAGE_QR, text, NULL, &error));
    assert_message (error, "WeChat QR code", NULL);
    g_clear_error (&error);
  }

  /* The refused images left the stored one alone. */
  g_clear_pointer (&got, g_bytes_unref);
  got = sz_person_get_image (r.db, a, SZ_IMAGE_PHOTO, NULL, NULL, &error);
  g_assert_true (g_bytes_equal (got, png));

  g_assert_true (sz_person_clear_image (r.db, a, SZ_IMAGE_PHOTO, &error));
  g_clear_pointer (&got, g_bytes_unref);
  got = sz_person_get_image (r.db, a, SZ_IMAGE_PHOTO, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (got);
  roster_teardown (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/roster/places", test_places);
  g_test_add_func ("/core/roster/building-order", test_building_order);
  g_test_add_func ("/core/roster/person", test_person);
  g_test_add_func ("/core/roster/handover", test_handover);
  g_test_add_func ("/core/roster/vacancies", test_vacancies);
  g_test_add_func ("/core/roster/checks", test_checks);
  g_test_add_func ("/core/roster/duties", test_duties);
  g_test_add_func ("/core/roster/images", test_images);

  return g_test_run ();
}
