/* sz-test-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>

#include "sz-db.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-roster.h"

/* A small roster built through the public API: one community, two grids,
 * one compound with a building of two units in grid 1. */
typedef struct
{
  char   *path;
  SzDb   *db;
  gint64  community;
  gint64  grid1;
  gint64  grid2;
  gint64  compound;
  gint64  building;
  gint64  unit1;
  gint64  unit2;
} Roster;

static inline char *
test_db_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test a fresh data folder. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "test", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

static inline gint64
test_count (SzDb       *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  sqlite3_stmt *stmt = NULL;
  gint64 n;

  g_assert_cmpint (sqlite3_prepare_v2 (sz_db_handle (db), sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  n = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return n;
}

static inline gint64
test_add_person (SzDb       *db,
                 const char *name,
                 const char *phone,
                 gboolean    consent)
{
  g_autoptr(SzPerson) p = sz_person_new ();
  g_autoptr(GError) error = NULL;

  p->name = g_strdup (name);
  p->phone = g_strdup (phone);
  p->phone_consent = consent;
  p->consent_date = consent ? g_strdup ("2024-03-01") : NULL;
  g_assert_true (sz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

static inline GBytes *
test_tiny_png (gboolean whole)
{
  /* A 1×1 PNG; without @whole, cut short. */
  static const guint8 png[] = {
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52,
    0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x06, 0x00, 0x00, 0x00, 0x1f, 0x15, 0xc4,
    0x89, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x44, 0x41, 0x54, 0x78, 0x9c, 0x63, 0xf8, 0xcf, 0xc0, 0xf0,
    0x1f, 0x00, 0x05, 0x00, 0x01, 0xff, 0x89, 0x99, 0x3d, 0x1d, 0x00, 0x00, 0x00, 0x00, 0x49, 0x45,
    0x4e, 0x44, 0xae, 0x42, 0x60, 0x82,
  };
  return g_bytes_new (png, whole ? sizeof png : sizeof png - 20);
}

static inline void
roster_setup (Roster     *r,
              const char *file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(SzGrid) g1 = sz_grid_new ();
  g_autoptr(SzGrid) g2 = sz_grid_new ();
  g_autoptr(SzCompound) cp = sz_compound_new ();
  g_autoptr(SzBuilding) b = sz_building_new ();
  g_autoptr(SzUnit) u1 = sz_unit_new ();
  g_autoptr(SzUnit) u2 = sz_unit_new ();

  r->path = test_db_path (file);
  r->db = sz_db_open (r->path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);

  c->name = g_strdup ("测试社区");
  c->office_phone = g_strdup ("0431-80000001");
  g_assert_true (sz_community_save (r->db, c, &error));
  g_assert_no_error (error);
  r->community = c->id;

  g1->community_id = c->id;
  g1->number = 1;
  g1->name = g_strdup ("第一网格");
  g1->households = 500;
  g_assert_true (sz_grid_save (r->db, g1, &error));
  r->grid1 = g1->id;
  g2->community_id = c->id;
  g2->number = 2;
  g2->households = 450;
  g_assert_true (sz_grid_save (r->db, g2, &error));
  r->grid2 = g2->id;

  cp->community_id = c->id;
  cp->name = g_strdup ("丰和林苑");
  g_assert_true (sz_compound_save (r->db, cp, &error));
  r->compound = cp->id;

  b->compound_id = cp->id;
  b->grid_id = g1->id;
  b->name = g_strdup ("2栋");
  b->floors = 6;
  g_assert_true (sz_building_save (r->db, b, &error));
  r->building = b->id;

  u1->building_id = b->id;
  u1->number = 1;
  u1->households = 12;
  g_assert_true (sz_unit_save (r->db, u1, &error));
  r->unit1 = u1->id;
  u2->building_id = b->id;
  u2->number = 2;
  u2->households = 12;
  g_assert_true (sz_unit_save (r->db, u2, &error));
  g_assert_no_error (error);
  r->unit2 = u2->id;
}

static inline void
roster_teardown (Roster *r)
{
  g_clear_pointer (&r->db, sz_db_close);
  g_free (r->path);
}
