/* test-hotline.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sz-db.h"
#include "sz-hotline.h"
#include "sz-roster.h"
#include "sz-test-util.h"

typedef struct
{
  char   *path;
  SzDb   *db;
  gint64  community;     /* 丰和社区 */
  gint64  other_community;
  gint64  grid;
  gint64  compound;      /* 丰和林苑 */
  gint64  other_compound;
  gint64  building;      /* 丰和林苑 2栋 */
  gint64  other_building;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzGrid) grid = sz_grid_new ();

  f->db = test_open_db ("hotline.db", &f->path);

  f->community = test_add_community (f->db, "丰和社区");
  f->other_community = test_add_community (f->db, "南湖社区");
  grid->community_id = f->community;
  grid->number = 1;
  grid->households = 500;
  g_assert_true (sz_grid_save (f->db, grid, &error));
  g_assert_no_error (error);
  f->grid = grid->id;
  f->compound = test_add_compound (f->db, f->community, "丰和林苑");
  f->other_compound = test_add_compound (f->db, f->community, "丰和家园");
  f->building = test_add_building (f->db, f->compound, f->grid, "2栋");
  f->other_building = test_add_building (f->db, f->compound, f->grid, "3栋");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_pointer (&f->db, sz_db_close);
  g_unlink (f->path);
  g_free (f->path);
}

/* Saves a hotline that must be accepted, and returns its id. */
static gint64
add_hotline (Fixture           *f,
             SzScope            scope,
             gint64             scope_id,
             SzHotlineCategory  category,
             const char        *number,
             const char        *verified_on)
{
  g_autoptr(SzHotline) h = sz_hotline_new ();
  g_autoptr(GError) error = NULL;

  h->scope = scope;
  h->scope_id = scope_id;
  h->category = category;
  h->number = g_strdup (number);
  h->verified_on = g_strdup (verified_on);
  g_assert_true (sz_hotline_save (f->db, h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (h->id, >, 0);
  return h->id;
}

/* Every hotline row, whatever its scope: a refused save must add none. */
static int
count_rows (Fixture *f)
{
  SzStmt *stmt = NULL;
  int n;

  stmt = sz_db_prepare (f->db, "SELECT count(*) FROM hotline", NULL);
  g_assert_nonnull (stmt);
  g_assert_cmpint (sz_db_step (f->db, stmt, NULL), ==, SQLITE_ROW);
  n = sz_stmt_column_int (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

static char *
local_date (int days_from_today)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days_from_today);

  return g_date_time_format (then, "%Y-%m-%d");
}

/* Checks that @list holds exactly the hotlines @ids, in that order. */
static void
assert_ids (GPtrArray    *list,
            const gint64 *ids,
            guint         n_ids)
{
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, ==, n_ids);
  for (guint i = 0; i < n_ids; i++)
    g_assert_cmpint (((SzHotline *) g_ptr_array_index (list, i))->id, ==, ids[i]);
}

static void
test_strings (void)
{
  static const char * const names[] = {
    "water", "electricity", "gas", "heating", "property", "community_office",
    "police_station", "city_hotline", "supervision", "emergency", "other",
  };
  g_autoptr(GHashTable) titles = g_hash_table_new (g_str_hash, g_str_equal);
  SzHotlineCategory category = SZ_HOTLINE_OTHER;
  SzScope scope = SZ_SCOPE_BUILDING;

  G_STATIC_ASSERT (G_N_ELEMENTS (names) == SZ_N_HOTLINE_CATEGORIES);
  for (guint i = 0; i < SZ_N_HOTLINE_CATEGORIES; i++)
    {
      g_assert_cmpstr (sz_hotline_category_to_string (i), ==, names[i]);
      g_assert_true (sz_hotline_category_from_string (names[i], &category));
      g_assert_cmpint (category, ==, i);
      g_assert_nonnull (sz_hotline_category_title (i));
      g_hash_table_add (titles, (gpointer) sz_hotline_category_title (i));
    }
  /* Distinct titles: the board shows a title where a label is empty. */
  g_assert_cmpuint (g_hash_table_size (titles), ==, SZ_N_HOTLINE_CATEGORIES);
  g_assert_cmpstr (sz_hotline_category_title (SZ_HOTLINE_PROPERTY), ==, "Property management");
  g_assert_cmpstr (sz_hotline_category_title (SZ_HOTLINE_CITY_HOTLINE), ==, "City service hotline");
  g_assert_false (sz_hotline_category_from_string ("Water", &category));
  g_assert_false (sz_hotline_category_from_string ("", &category));
  g_assert_false (sz_hotline_category_from_string (NULL, &category));
  g_assert_cmpint (category, ==, SZ_HOTLINE_OTHER);

  g_assert_cmpstr (sz_scope_to_string (SZ_SCOPE_COMMUNITY), ==, "community");
  g_assert_cmpstr (sz_scope_to_string (SZ_SCOPE_COMPOUND), ==, "compound");
  g_assert_cmpstr (sz_scope_to_string (SZ_SCOPE_BUILDING), ==, "building");
  for (guint i = 0; i < SZ_N_SCOPES; i++)
    {
      g_assert_true (sz_scope_from_string (sz_scope_to_string (i), &scope));
      g_assert_cmpint (scope, ==, i);
    }
  g_assert_false (sz_scope_from_string ("unit", &scope));
  g_assert_cmpstr (sz_scope_title (SZ_SCOPE_COMPOUND), ==, "Compound");
}

static void
test_round_trip (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(SzHotline) h = sz_hotline_new ();
  g_autoptr(SzHotline) got = NULL;
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = local_date (0);
  gint64 gas, police;

  h->category = SZ_HOTLINE_WATER;
  h->label = g_strdup ("  自来水抢修\u3000");
  h->number = g_strdup ("(0431) 8888 6666");
  h->scope = SZ_SCOPE_COMMUNITY;
  h->scope_id = f->community;
  h->verified_on = g_strdup ("2024/3/1");
  g_assert_true (sz_hotline_save (f->db, h, &error));
  g_assert_no_error (error);
  g_assert_cmpint (h->id, >, 0);
  /* Normalised in place, and put first of its empty scope. */
  g_assert_cmpstr (h->label, ==, "自来水抢修");
  g_assert_cmpstr (h->number, ==, "0431-88886666");
  g_assert_cmpstr (h->verified_on, ==, "2024-03-01");
  g_assert_cmpint (h->position, ==, 1);

  got = sz_hotline_get (f->db, h->id, &error);
  g_assert_no_error (error);
  g_assert_nonnull (got);
  g_assert_cmpint (got->id, ==, h->id);
  g_assert_cmpint (got->category, ==, SZ_HOTLINE_WATER);
  g_assert_cmpstr (got->label, ==, "自来水抢修");
  g_assert_cmpstr (got->number, ==, "0431-88886666");
  g_assert_cmpint (got->scope, ==, SZ_SCOPE_COMMUNITY);
  g_assert_cmpint (got->scope_id, ==, f->community);
  g_assert_cmpstr (got->verified_on, ==, "2024-03-01");
  g_assert_cmpint (got->position, ==, 1);
  g_assert_cmpstr (sz_hotline_display_label (got), ==, "自来水抢修");
  g_clear_pointer (&got, sz_hotline_free);

  /* Service numbers; no label prints the title; today is not the future. */
  police = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_POLICE_STATION, "110", today);
  gas = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_GAS, "96777", NULL);
  got = sz_hotline_get (f->db, gas, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->label, ==, "");
  g_assert_cmpstr (got->number, ==, "96777");
  g_assert_null (got->verified_on);
  g_assert_cmpint (got->position, ==, 3);
  g_assert_cmpstr (sz_hotline_display_label (got), ==, "Gas");
  g_clear_pointer (&got, sz_hotline_free);

  /* By category, not by insertion or position. */
  list = sz_hotline_list_scope (f->db, SZ_SCOPE_COMMUNITY, f->community, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { h->id, gas, police }, 3);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_hotline_list_scope (f->db, SZ_SCOPE_COMPOUND, f->compound, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 0);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Update: moved to the building, with a mobile number. */
  h->scope = SZ_SCOPE_BUILDING;
  h->scope_id = f->building;
  g_free (h->number);
  h->number = g_strdup ("138 0000 1234");
  g_free (h->label);
  h->label = g_strdup ("物业水工");
  g_assert_true (sz_hotline_save (f->db, h, &error));
  g_assert_no_error (error);
  got = sz_hotline_get (f->db, h->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (got->scope, ==, SZ_SCOPE_BUILDING);
  g_assert_cmpint (got->scope_id, ==, f->building);
  g_assert_cmpstr (got->number, ==, "13800001234");
  g_assert_cmpstr (got->label, ==, "物业水工");
  g_clear_pointer (&got, sz_hotline_free);
  list = sz_hotline_list_scope (f->db, SZ_SCOPE_COMMUNITY, f->community, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { gas, police }, 2);
  g_clear_pointer (&list, g_ptr_array_unref);
  g_assert_cmpint (count_rows (f), ==, 3);

  g_assert_true (sz_hotline_delete (f->db, gas, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f), ==, 2);
  got = sz_hotline_get (f->db, gas, &error);
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_null (got);
  g_clear_error (&error);
  g_assert_false (sz_hotline_delete (f->db, gas, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (count_rows (f), ==, 2);

  /* Deleting the place takes its hotlines along. */
  g_assert_true (sz_building_delete (f->db, f->building, &error));
  g_assert_no_error (error);
  g_assert_cmpint (count_rows (f), ==, 1);
}

static void
test_position (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(SzHotline) h = sz_hotline_new ();
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 first, second, third;

  first = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "0431-88886666", NULL);
  add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_GAS, "96777", NULL);
  second = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "0431-88886667", NULL);
  /* Another scope keeps its own count. */
  add_hotline (f, SZ_SCOPE_COMPOUND, f->other_compound, SZ_HOTLINE_WATER, "0431-88886668", NULL);

  /* An explicit position is kept and orders the category. */
  h->category = SZ_HOTLINE_WATER;
  h->number = g_strdup ("0431-88886669");
  h->scope = SZ_SCOPE_COMPOUND;
  h->scope_id = f->compound;
  h->position = 2;
  g_assert_true (sz_hotline_save (f->db, h, &error));
  g_assert_no_error (error);
  third = h->id;
  g_assert_cmpint (h->position, ==, 2);

  list = sz_hotline_list_scope (f->db, SZ_SCOPE_COMPOUND, f->compound, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 4);
  g_assert_cmpint (((SzHotline *) list->pdata[0])->id, ==, first);
  g_assert_cmpint (((SzHotline *) list->pdata[0])->position, ==, 1);
  g_assert_cmpint (((SzHotline *) list->pdata[1])->id, ==, third);
  g_assert_cmpint (((SzHotline *) list->pdata[2])->id, ==, second);
  g_assert_cmpint (((SzHotline *) list->pdata[2])->position, ==, 3);
  g_assert_cmpint (((SzHotline *) list->pdata[3])->category, ==, SZ_HOTLINE_GAS);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_scope (f->db, SZ_SCOPE_COMPOUND, f->other_compound, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  g_assert_cmpint (((SzHotline *) list->pdata[0])->position, ==, 1);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_scope (f->db, SZ_SCOPE_BUILDING, 9999, &error);
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_null (list);
}

/* Saves @h, which must be refused with @code, naming @field and @value. */
static void
assert_refused (Fixture    *f,
                SzHotline  *h,
                int         code,
                const char *field,
                const char *value)
{
  g_autoptr(GError) error = NULL;
  int before = count_rows (f);
  gint64 id = h->id;

  g_assert_false (sz_hotline_save (f->db, h, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, code);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, field));
  if (value != NULL)
    g_assert_nonnull (strstr (error->message, value));
  g_assert_cmpint (count_rows (f), ==, before);
  g_assert_cmpint (h->id, ==, id);
}

static SzHotline *
good_hotline (Fixture *f)
{
  SzHotline *h = sz_hotline_new ();

  h->category = SZ_HOTLINE_ELECTRICITY;
  h->label = g_strdup ("供电抢修");
  h->number = g_strdup ("95598");
  h->scope = SZ_SCOPE_COMPOUND;
  h->scope_id = f->compound;
  h->verified_on = g_strdup ("2025-01-02");
  return h;
}

static void
test_invalid (Fixture       *f,
              gconstpointer  data)
{
  g_autofree char *tomorrow = local_date (1);
  g_autoptr(SzHotline) saved = good_hotline (f);
  g_autoptr(SzHotline) got = NULL;
  g_autoptr(GError) error = NULL;
  SzHotline *h;

  add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_WATER, "0431-88886666", NULL);

  h = good_hotline (f);
  g_clear_pointer (&h->number, g_free);
  h->number = g_strdup ("   ");
  assert_refused (f, h, SZ_ROSTER_ERROR_INVALID, "Hotline number", NULL);
  sz_hotline_free (h);

  h = good_hotline (f);
  g_free (h->number);
  h->number = g_strdup ("12-34");
  assert_refused (f, h, SZ_ROSTER_ERROR_INVALID, "Hotline number", "12-34");
  sz_hotline_free (h);

  h = good_hotline (f);
  g_free (h->verified_on);
  h->verified_on = g_strdup ("2024-13-40");
  assert_refused (f, h, SZ_ROSTER_ERROR_INVALID, "Verified on", "2024-13-40");
  sz_hotline_free (h);

  h = good_hotline (f);
  g_free (h->verified_on);
  h->verified_on = g_strdup (tomorrow);
  assert_refused (f, h, SZ_ROSTER_ERROR_INVALID, "Verified on", tomorrow);
  sz_hotline_free (h);

  h = good_hotline (f);
  h->scope = SZ_SCOPE_BUILDING;
  h->scope_id = 9999;
  assert_refused (f, h, SZ_ROSTER_ERROR_NOT_FOUND, "Building", "9999");
  sz_hotline_free (h);

  h = good_hotline (f);
  g_free (h->label);
  h->label = g_strnfill (41, 'x');
  /* A long value is quoted by its start only. */
  assert_refused (f, h, SZ_ROSTER_ERROR_INVALID, "Hotline label", "“xxxxxxxxxxxxxxxxxxxx…” is too long");
  sz_hotline_free (h);

  /* A refused update leaves the stored row as it was. */
  g_assert_true (sz_hotline_save (f->db, saved, &error));
  g_assert_no_error (error);
  g_free (saved->number);
  saved->number = g_strdup ("12-34");
  g_free (saved->label);
  saved->label = g_strdup ("改过的");
  assert_refused (f, saved, SZ_ROSTER_ERROR_INVALID, "Hotline number", "12-34");
  got = sz_hotline_get (f->db, saved->id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->number, ==, "95598");
  g_assert_cmpstr (got->label, ==, "供电抢修");

  /* Updating a hotline someone else deleted. */
  g_free (saved->number);
  saved->number = g_strdup ("95598");
  g_assert_true (sz_hotline_delete (f->db, saved->id, &error));
  g_assert_no_error (error);
  assert_refused (f, saved, SZ_ROSTER_ERROR_NOT_FOUND, "Hotline", NULL);
  g_assert_cmpint (count_rows (f), ==, 1);
}

/* The example of the brief: community water, gas and electricity; the
 * compound overrides water and adds heating; the building overrides
 * electricity. */
static void
test_nearest_scope (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 c_gas, c_power, p_heating, p_water, p_water2, b_power, other;

  c_gas = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_GAS, "96777", NULL);
  add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_WATER, "0431-88886666", NULL);
  c_power = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_ELECTRICITY, "95598", NULL);
  p_heating = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_HEATING, "0431-85551234", NULL);
  p_water = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "0431-85556789", NULL);
  p_water2 = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "13800001234", NULL);
  b_power = add_hotline (f, SZ_SCOPE_BUILDING, f->building, SZ_HOTLINE_ELECTRICITY, "13900001234", NULL);
  /* Another community's and another building's never leak in. */
  add_hotline (f, SZ_SCOPE_COMMUNITY, f->other_community, SZ_HOTLINE_EMERGENCY, "120", NULL);
  other = add_hotline (f, SZ_SCOPE_BUILDING, f->other_building, SZ_HOTLINE_GAS, "13700001234", NULL);

  list = sz_hotline_list_for_building (f->db, f->building, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { p_water, p_water2, b_power, c_gas, p_heating }, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_for_building (f->db, f->other_building, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { p_water, p_water2, c_power, other, p_heating }, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_for_building (f->db, 9999, &error);
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_null (list);
  g_clear_error (&error);

  /* Dropping the building's own line falls back to the community's. */
  g_assert_true (sz_hotline_delete (f->db, b_power, &error));
  g_assert_no_error (error);
  list = sz_hotline_list_for_building (f->db, f->building, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { p_water, p_water2, c_power, c_gas, p_heating }, 5);
}

static void
test_compound_set (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 c_water, c_gas, c_power, p_heating, p_water;

  c_water = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_WATER, "0431-88886666", NULL);
  c_gas = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_GAS, "96777", NULL);
  c_power = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_ELECTRICITY, "95598", NULL);
  p_heating = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_HEATING, "0431-85551234", NULL);
  p_water = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "0431-85556789", NULL);
  /* A building's own line is not the compound's. */
  add_hotline (f, SZ_SCOPE_BUILDING, f->building, SZ_HOTLINE_ELECTRICITY, "13900001234", NULL);

  list = sz_hotline_list_for_compound (f->db, f->compound, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { p_water, c_power, c_gas, p_heating }, 4);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_for_compound (f->db, f->other_compound, &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { c_water, c_power, c_gas }, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_for_compound (f->db, 9999, &error);
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_null (list);
}

static void
test_stale (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  gint64 never, old, older, year, month;

  never = add_hotline (f, SZ_SCOPE_BUILDING, f->building, SZ_HOTLINE_GAS, "13700001234", NULL);
  old = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_WATER, "0431-88886666", "2024-05-31");
  older = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_HEATING, "0431-85551234", "2023-12-01");
  /* Exactly a year, and less: still fresh. */
  year = add_hotline (f, SZ_SCOPE_COMPOUND, f->compound, SZ_HOTLINE_WATER, "0431-85556789", "2024-06-01");
  month = add_hotline (f, SZ_SCOPE_BUILDING, f->other_building, SZ_HOTLINE_ELECTRICITY, "95598", "2025-05-01");
  /* Another community's are not this one's to check. */
  add_hotline (f, SZ_SCOPE_COMMUNITY, f->other_community, SZ_HOTLINE_EMERGENCY, "120", NULL);

  list = sz_hotline_list_stale (f->db, f->community, "2025-06-01", &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { never, older, old }, 3);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* Checking a number takes it off the list. */
  g_assert_true (sz_hotline_mark_verified (f->db, older, "2025/5/20", &error));
  g_assert_no_error (error);
  list = sz_hotline_list_stale (f->db, f->community, "2025-06-01", &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { never, old }, 2);
  g_clear_pointer (&list, g_ptr_array_unref);

  /* A later today: the one checked 2025-05-20 turns stale the day after
   * its first year, not on the anniversary. */
  list = sz_hotline_list_stale (f->db, f->community, "2026-05-20", &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { never, old, year, month }, 4);
  g_clear_pointer (&list, g_ptr_array_unref);
  list = sz_hotline_list_stale (f->db, f->community, "2026-05-21", &error);
  g_assert_no_error (error);
  assert_ids (list, (gint64[]) { never, old, year, month, older }, 5);
  g_clear_pointer (&list, g_ptr_array_unref);

  list = sz_hotline_list_stale (f->db, 9999, "2025-06-01", &error);
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_null (list);
}

static void
test_mark_verified (Fixture       *f,
                    gconstpointer  data)
{
  g_autofree char *today = local_date (0);
  g_autofree char *tomorrow = local_date (1);
  g_autoptr(SzHotline) got = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  id = add_hotline (f, SZ_SCOPE_COMMUNITY, f->community, SZ_HOTLINE_CITY_HOTLINE, "12345", "2020-01-01");

  g_assert_true (sz_hotline_mark_verified (f->db, id, "2025年1月2日", &error));
  g_assert_no_error (error);
  got = sz_hotline_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->verified_on, ==, "2025-01-02");
  g_clear_pointer (&got, sz_hotline_free);

  g_assert_false (sz_hotline_mark_verified (f->db, id, "2024-13-40", &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Verified on"));
  g_assert_nonnull (strstr (error->message, "2024-13-40"));
  g_clear_error (&error);

  g_assert_false (sz_hotline_mark_verified (f->db, id, tomorrow, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, tomorrow));
  g_clear_error (&error);

  got = sz_hotline_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->verified_on, ==, "2025-01-02");
  g_clear_pointer (&got, sz_hotline_free);

  g_assert_true (sz_hotline_mark_verified (f->db, id, NULL, &error));
  g_assert_no_error (error);
  got = sz_hotline_get (f->db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (got->verified_on, ==, today);

  g_assert_false (sz_hotline_mark_verified (f->db, 9999, "2025-01-02", &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  /* UTF-8 output, English messages: the asserts look for English field
   * names. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/hotline/strings", test_strings);
#define ADD(path, func) \
  g_test_add ("/core/hotline/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("round-trip", test_round_trip);
  ADD ("position", test_position);
  ADD ("invalid", test_invalid);
  ADD ("nearest-scope", test_nearest_scope);
  ADD ("compound-set", test_compound_set);
  ADD ("stale", test_stale);
  ADD ("mark-verified", test_mark_verified);
#undef ADD

  return g_test_run ();
}
