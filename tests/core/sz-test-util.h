/* sz-test-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "sz-db.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-record.h"
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

/* The suite runs again against a PostgreSQL server (meson test --setup pg,
 * build-aux/pg-cluster.sh): SANZHANG_TEST_ENGINE=pg with the cluster's
 * socket folder and port. */
static inline gboolean
test_engine_is_pg (void)
{
  return g_strcmp0 (g_getenv ("SANZHANG_TEST_ENGINE"), "pg") == 0
         && g_getenv ("SANZHANG_TEST_PG_HOST") != NULL && g_getenv ("SANZHANG_TEST_PG_PORT") != NULL;
}

/* For a test of what only a SQLite file has (its bytes, locks, backups). */
#define TEST_SQLITE_ONLY() \
  G_STMT_START { \
    if (test_engine_is_pg ()) \
      { \
        g_test_skip ("a SQLite file's own behaviour"); \
        return; \
      } \
  } G_STMT_END

/* postgresql:// address of a new database named after @name on the test
 * cluster (created when first opened with SZ_DB_OPEN_CREATE). */
static inline char *
test_pg_location (const char *name)
{
  static guint counter;
  GString *db = g_string_new ("sz_");

  for (const char *p = name; *p != '\0' && db->len < 40; p++)
    g_string_append_c (db, g_ascii_isalnum (*p) ? g_ascii_tolower (*p) : '_');
  g_string_append_printf (db, "_%d_%u", (int) getpid (), ++counter);
  return g_strdup_printf ("postgresql:///%s?host=%s&port=%s&user=postgres", db->str,
                          g_getenv ("SANZHANG_TEST_PG_HOST"), g_getenv ("SANZHANG_TEST_PG_PORT"));
}

/* SQL straight to the database, as psql or the sqlite3 shell would: SQLITE_OK
 * or not, and the engine's words in *@msg (sqlite3_free() it). */
static inline int
test_exec (SzDb        *db,
           const char  *sql,
           char       **msg)
{
  g_autoptr(GError) error = NULL;

  if (sz_db_exec (db, sql, &error))
    return SQLITE_OK;
  if (msg != NULL)
    *msg = sqlite3_mprintf ("%s", error->message);
  return sz_db_failed_on_constraint (db) ? SQLITE_CONSTRAINT : SQLITE_ERROR;
}

/* A file in the test's own data folder (an export, a spreadsheet). */
static inline char *
test_file_path (const char *name)
{
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "test", NULL);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

static inline char *
test_db_path (const char *name)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives every test a fresh data folder. */
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "test", NULL);

  if (test_engine_is_pg ())
    return test_pg_location (name);

  g_mkdir_with_parents (dir, 0700);
  return g_build_filename (dir, name, NULL);
}

/* A new database in the test's own data folder; *@path keeps its name. */
static inline SzDb *
test_open_db (const char  *name,
              char       **path)
{
  g_autoptr(GError) error = NULL;
  SzDb *db;

  *path = test_db_path (name);
  db = sz_db_open (*path, SZ_DB_OPEN_CREATE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  return db;
}

static inline gint64
test_count (SzDb       *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM %s", table);
  g_autoptr(GError) error = NULL;
  SzStmt *stmt = sz_db_prepare (db, sql, &error);
  gint64 n;

  g_assert_no_error (error);
  g_assert_cmpint (sz_db_step (db, stmt, &error), ==, SQLITE_ROW);
  n = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

/* A person of @community. */
static inline gint64
test_add_person_in (SzDb       *db,
                    gint64      community,
                    const char *name,
                    const char *phone,
                    gboolean    consent)
{
  g_autoptr(SzPerson) p = sz_person_new ();
  g_autoptr(GError) error = NULL;

  p->community_id = community;
  p->name = g_strdup (name);
  p->phone = g_strdup (phone);
  p->phone_consent = consent;
  p->consent_date = consent ? g_strdup ("2024-03-01") : NULL;
  g_assert_true (sz_person_save (db, p, &error));
  g_assert_no_error (error);
  return p->id;
}

/* The first community, made ("测试社区") when there is none. */
static inline gint64
test_first_community (SzDb *db)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = sz_community_get_first (db, &error);

  g_assert_no_error (error);
  if (c == NULL)
    {
      c = sz_community_new ();
      c->name = g_strdup ("测试社区");
      g_assert_true (sz_community_save (db, c, &error));
      g_assert_no_error (error);
    }
  return c->id;
}

/* A new person of the first community, to fill in and save. */
static inline SzPerson *
test_person_new (SzDb *db)
{
  SzPerson *p = sz_person_new ();

  p->community_id = test_first_community (db);
  return p;
}

/* A person of the first community (there must be one). */
static inline gint64
test_add_person (SzDb       *db,
                 const char *name,
                 const char *phone,
                 gboolean    consent)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = sz_community_get_first (db, &error);

  g_assert_no_error (error);
  g_assert_nonnull (c);
  return test_add_person_in (db, c->id, name, phone, consent);
}

static inline gint64
test_add_community (SzDb       *db,
                    const char *name)
{
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(GError) error = NULL;

  c->name = g_strdup (name);
  c->office_phone = g_strdup ("0431-80000001");
  g_assert_true (sz_community_save (db, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static inline gint64
test_add_grid (SzDb       *db,
               gint64      community,
               int         number,
               const char *name,
               int         households)
{
  g_autoptr(SzGrid) g = sz_grid_new ();
  g_autoptr(GError) error = NULL;

  g->community_id = community;
  g->number = number;
  g->name = g_strdup (name);
  g->households = households;
  g_assert_true (sz_grid_save (db, g, &error));
  g_assert_no_error (error);
  return g->id;
}

static inline gint64
test_add_compound (SzDb       *db,
                   gint64      community,
                   const char *name)
{
  g_autoptr(SzCompound) c = sz_compound_new ();
  g_autoptr(GError) error = NULL;

  c->community_id = community;
  c->name = g_strdup (name);
  g_assert_true (sz_compound_save (db, c, &error));
  g_assert_no_error (error);
  return c->id;
}

static inline gint64
test_add_building (SzDb       *db,
                   gint64      compound,
                   gint64      grid,
                   const char *name)
{
  g_autoptr(SzBuilding) b = sz_building_new ();
  g_autoptr(GError) error = NULL;

  b->compound_id = compound;
  b->grid_id = grid;
  b->name = g_strdup (name);
  b->floors = 6;
  g_assert_true (sz_building_save (db, b, &error));
  g_assert_no_error (error);
  return b->id;
}

static inline gint64
test_add_unit (SzDb   *db,
               gint64  building,
               int     number,
               int     households)
{
  g_autoptr(SzUnit) u = sz_unit_new ();
  g_autoptr(GError) error = NULL;

  u->building_id = building;
  u->number = number;
  u->households = households;
  g_assert_true (sz_unit_save (db, u, &error));
  g_assert_no_error (error);
  return u->id;
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
  r->db = test_open_db (file, &r->path);
  r->community = test_add_community (r->db, "测试社区");
  r->grid1 = test_add_grid (r->db, r->community, 1, "第一网格", 500);
  r->grid2 = test_add_grid (r->db, r->community, 2, NULL, 450);
  r->compound = test_add_compound (r->db, r->community, "丰和林苑");
  r->building = test_add_building (r->db, r->compound, r->grid1, "2栋");
  r->unit1 = test_add_unit (r->db, r->building, 1, 12);
  r->unit2 = test_add_unit (r->db, r->building, 2, 12);
}

static inline void
roster_teardown (Roster *r)
{
  g_clear_pointer (&r->db, sz_db_close);
  g_free (r->path);
}

/* "2026-03-01 08:00", Shanghai time, as Unix seconds. */
static inline gint64
test_time (const char *text)
{
  g_autoptr(GError) error = NULL;
  gint64 t = 0;

  g_assert_true (sz_record_parse_time (text, "test", &t, &error));
  g_assert_no_error (error);
  return t;
}
