/* test-community.c: people belong to a community (schema 6); deleting one
 * takes everything of it; the demo is marked.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-backup.h"
#include "sz-check.h"
#include "sz-demo.h"
#include "sz-points.h"
#include "sz-search.h"
#include "sz-test-util.h"

static gint64
count_sql (SzDb       *db,
           const char *sql,
           gint64      id)
{
  g_autoptr(GError) error = NULL;
  gint64 n = -1;

  g_assert_true (sz_row_count (db, sql, id, &n, &error));
  g_assert_no_error (error);
  return n;
}

/* ---- The demo flag ------------------------------------------------------- */

static void
test_demo_flag (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("flag.db", &path);
  g_autoptr(SzCommunity) demo = NULL;
  g_autoptr(GPtrArray) people = NULL;
  gboolean only_demo = TRUE;
  gint64 id = 0;

  /* Empty: no demo to replace. */
  g_assert_true (sz_community_only_demo (db, &only_demo, &error));
  g_assert_no_error (error);
  g_assert_false (only_demo);

  g_assert_true (sz_demo_load (db, &id, &error));
  g_assert_no_error (error);
  demo = sz_community_get (db, id, &error);
  g_assert_true (demo->demo);
  g_assert_true (sz_community_only_demo (db, &only_demo, &error));
  g_assert_true (only_demo);

  /* Every demo person is the demo community's. */
  people = sz_person_list_in (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (people->len, ==, 183);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM person WHERE community_id IS NOT ?1", id), ==, 0);

  /* Saving it (the settings) keeps the flag. */
  g_free (demo->address);
  demo->address = g_strdup ("长春市朝阳区丰和路 90 号");
  g_assert_true (sz_community_save (db, demo, &error));
  g_clear_pointer (&demo, sz_community_free);
  demo = sz_community_get (db, id, &error);
  g_assert_true (demo->demo);

  /* A real community beside it: the demo is no longer the only one. */
  {
    gint64 own = test_add_community (db, "新建社区");
    g_autoptr(SzCommunity) c = sz_community_get (db, own, &error);

    g_assert_false (c->demo);
    g_assert_true (sz_community_only_demo (db, &only_demo, &error));
    g_assert_false (only_demo);
    /* Deleting the demo leaves one real community: not "only the demo". */
    g_assert_true (sz_community_delete (db, id, &error));
    g_assert_no_error (error);
    g_assert_true (sz_community_only_demo (db, &only_demo, &error));
    g_assert_false (only_demo);
  }
}

/* ---- A person needs a community --------------------------------------- */

static void
test_person_needs_community (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("needs.db", &path);
  g_autoptr(SzPerson) p = sz_person_new ();
  gint64 a = test_add_community (db, "甲社区");
  gint64 b = test_add_community (db, "乙社区");
  gint64 pa, pb;
  char *msg = NULL;

  p->name = g_strdup ("王秀英");
  g_assert_false (sz_person_save (db, p, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Community"));
  g_clear_error (&error);

  /* A person's phone: no service number. */
  p->community_id = a;
  p->phone = g_strdup ("12345");
  g_assert_false (sz_person_save (db, p, &error));
  g_assert_true (g_str_has_prefix (error->message, "Phone: “12345” is a service number"));
  g_clear_error (&error);
  g_clear_pointer (&p->phone, g_free);

  p->community_id = 9999;
  g_assert_false (sz_person_save (db, p, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_cmpint (test_count (db, "person"), ==, 0);

  /* Not even by SQL. */
  g_assert_cmpint (test_exec (db, "INSERT INTO person (name) VALUES ('无社区')", &msg),
                   !=, SQLITE_OK);
  g_assert_nonnull (strstr (msg, "community"));
  sqlite3_free (msg);

  /* The same name in two communities: two people, each listed in and
   * found from their own only. */
  pa = test_add_person_in (db, a, "王秀英", "13800001001", FALSE);
  pb = test_add_person_in (db, b, "王秀英", "13800001001", FALSE);
  {
    g_autoptr(GPtrArray) la = sz_person_list_in (db, a, &error);
    g_autoptr(GPtrArray) lb = sz_person_list_in (db, b, &error);
    g_autoptr(GPtrArray) ha = sz_search_in (db, a, "wangxiuying", 0, &error);
    g_autoptr(GPtrArray) hb = sz_search_in (db, b, "1001", 0, &error);
    g_autoptr(GPtrArray) none = sz_search_in (db, 0, "wangxiuying", 0, &error);
    g_autoptr(SzPerson) back = sz_person_get (db, pb, &error);

    g_assert_cmpuint (la->len, ==, 1);
    g_assert_cmpint (((SzPerson *) la->pdata[0])->id, ==, pa);
    g_assert_cmpuint (lb->len, ==, 1);
    g_assert_cmpint (((SzPerson *) lb->pdata[0])->id, ==, pb);
    g_assert_cmpuint (ha->len, ==, 1);
    g_assert_cmpint (((SzSearchHit *) ha->pdata[0])->id, ==, pa);
    g_assert_cmpuint (hb->len, ==, 1);
    g_assert_cmpint (((SzSearchHit *) hb->pdata[0])->id, ==, pb);
    g_assert_cmpuint (none->len, ==, 0);
    g_assert_cmpint (back->community_id, ==, b);
  }

  /* Their shared phone is no mistake of either community. */
  {
    g_autoptr(GPtrArray) items = sz_check_run (db, a, "2026-03-01", &error);

    g_assert_no_error (error);
    for (guint i = 0; i < items->len; i++)
      g_assert_cmpint (((SzCheckItem *) items->pdata[i])->kind, !=, SZ_CHECK_DUPLICATE_PHONE);
  }
}

/* ---- Deleting the demo leaves nothing of it ------------------------------ */

/* Per table, the rows that are not of community ?1.  A table missing
 * here fails the test: whoever adds one says whose its rows are. */
static const struct
{
  const char *table;
  const char *foreign;
} rules[] = {
  { "community", "SELECT count(*) FROM community WHERE id <> ?1" },
  { "grid", "SELECT count(*) FROM grid WHERE community_id <> ?1" },
  { "compound", "SELECT count(*) FROM compound WHERE community_id <> ?1" },
  { "building", "SELECT count(*) FROM building WHERE compound_id NOT IN (SELECT id FROM compound WHERE community_id = ?1)" },
  { "unit", "SELECT count(*) FROM unit WHERE building_id NOT IN (SELECT b.id FROM building b JOIN compound c"
            " ON c.id = b.compound_id WHERE c.community_id = ?1)" },
  { "person", "SELECT count(*) FROM person WHERE community_id <> ?1" },
  { "person_image", "SELECT count(*) FROM person_image WHERE person_id NOT IN (SELECT id FROM person WHERE community_id = ?1)" },
  { "post", "SELECT count(*) FROM post WHERE person_id NOT IN (SELECT id FROM person WHERE community_id = ?1)"
            " OR coalesce (grid_id, 0) NOT IN (0, (SELECT id FROM grid WHERE community_id = ?1))" },
  { "hotline", "SELECT count(*) FROM hotline WHERE coalesce (community_id, ?1) <> ?1"
               " OR coalesce (compound_id, 0) NOT IN (0, (SELECT id FROM compound WHERE community_id = ?1))" },
  { "record", "SELECT count(*) FROM record WHERE community_id <> ?1" },
  { "record_event", "SELECT count(*) FROM record_event WHERE record_id NOT IN (SELECT id FROM record WHERE community_id = ?1)" },
  { "record_state", "SELECT count(*) FROM record_state WHERE record_id NOT IN (SELECT id FROM record WHERE community_id = ?1)" },
  { "board_print", "SELECT count(*) FROM board_print WHERE community_id <> ?1" },
  { "board_print_pending", "SELECT count(*) FROM board_print_pending WHERE community_id <> ?1" },
  /* The points (migration 7). */
  { "activity_type", "SELECT count(*) FROM activity_type WHERE community_id <> ?1" },
  { "activity", "SELECT count(*) FROM activity WHERE community_id <> ?1" },
  { "reward", "SELECT count(*) FROM reward WHERE community_id <> ?1" },
  { "redemption", "SELECT count(*) FROM redemption WHERE community_id <> ?1" },
  { "points_movement", "SELECT count(*) FROM points_movement WHERE community_id <> ?1" },
  { "points_balance", "SELECT count(*) FROM points_balance WHERE community_id <> ?1" },
  { "points_period", "SELECT count(*) FROM points_period WHERE community_id <> ?1" },
  { "honour", "SELECT count(*) FROM honour WHERE community_id <> ?1" },
  { "wechat_group", "SELECT count(*) FROM wechat_group WHERE community_id <> ?1" },
  { "certificate_register", "SELECT count(*) FROM certificate_register WHERE community_id <> ?1" },
  { "community_deleting", "SELECT count(*) FROM community_deleting WHERE ?1 = ?1" },
  /* Shared by every community: the duties and the record categories. */
  { "duty", "SELECT 0 WHERE ?1 = ?1" },
  { "record_category", "SELECT 0 WHERE ?1 = ?1" },
  /* The log: only rows about the shared tables or this community's. */
  { "audit_log",
    "SELECT count(*) FROM audit_log WHERE NOT ("
    "    entity IN ('duty', 'record_category')"
    " OR (entity = 'community' AND entity_id = ?1)"
    " OR (entity IN ('person', 'person_image') AND entity_id IN (SELECT id FROM person WHERE community_id = ?1))"
    " OR (entity = 'grid' AND entity_id IN (SELECT id FROM grid WHERE community_id = ?1))"
    " OR (entity = 'compound' AND entity_id IN (SELECT id FROM compound WHERE community_id = ?1))"
    " OR (entity = 'building' AND entity_id IN (SELECT b.id FROM building b JOIN compound c ON c.id = b.compound_id"
    "                                            WHERE c.community_id = ?1))"
    " OR (entity = 'unit' AND entity_id IN (SELECT u.id FROM unit u JOIN building b ON b.id = u.building_id"
    "                                        JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1))"
    " OR (entity = 'post' AND entity_id IN (SELECT p.id FROM post p JOIN person n ON n.id = p.person_id"
    "                                        WHERE n.community_id = ?1))"
    " OR (entity = 'hotline' AND entity_id IN (SELECT id FROM hotline WHERE community_id = ?1))"
    " OR (entity = 'record' AND entity_id IN (SELECT id FROM record WHERE community_id = ?1))"
    " OR (entity = 'activity_type' AND entity_id IN (SELECT id FROM activity_type WHERE community_id = ?1))"
    " OR (entity = 'activity' AND entity_id IN (SELECT id FROM activity WHERE community_id = ?1))"
    " OR (entity = 'reward' AND entity_id IN (SELECT id FROM reward WHERE community_id = ?1))"
    " OR (entity = 'honour' AND entity_id IN (SELECT id FROM honour WHERE community_id = ?1))"
    " OR (entity = 'wechat_group' AND entity_id IN (SELECT id FROM wechat_group WHERE community_id = ?1)))" },
};

/* Every text of @table, one line per row. */
static char *
table_text (SzDb       *db,
            const char *table)
{
  g_autofree char *sql = g_strdup_printf ("SELECT * FROM \"%s\"", table);
  g_autoptr(GError) error = NULL;
  SzStmt *stmt = sz_db_prepare (db, sql, &error);
  GString *text = g_string_new (NULL);

  g_assert_no_error (error);
  while (sz_db_step (db, stmt, &error) == SQLITE_ROW)
    {
      for (int i = 0; i < sz_stmt_column_count (stmt); i++)
        if (sz_stmt_column_type (stmt, i) == SQLITE_TEXT)
          {
            g_string_append (text, (const char *) sz_stmt_column_text (stmt, i));
            g_string_append_c (text, '\t');
          }
      g_string_append_c (text, '\n');
    }
  g_assert_no_error (error);
  sz_stmt_reset (stmt);
  return g_string_free (text, FALSE);
}

static void
test_delete_demo (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("replace.db", &path);
  g_autoptr(GPtrArray) demo_people = NULL;
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) items = NULL;
  gint64 demo = 0, own, grid, compound, building, unit, head, record_id;
  SzStmt *stmt;

  g_assert_true (sz_demo_load (db, &demo, &error));
  g_assert_no_error (error);
  demo_people = sz_person_list_in (db, demo, &error);
  g_assert_cmpuint (demo_people->len, ==, 183);
  /* Something deleted in the demo before: its log rows go too. */
  {
    gint64 gone = test_add_person_in (db, demo, "演示临时", "13800009999", FALSE);

    g_assert_true (sz_person_delete (db, gone, &error));
    g_assert_no_error (error);
  }

  /* The office's own community, with a head whose phone is one the demo
   * couple share. */
  own = test_add_community (db, "新建社区");
  grid = test_add_grid (db, own, 1, "一网格", 500);
  compound = test_add_compound (db, own, "春华小区");
  building = test_add_building (db, compound, grid, "1栋");
  unit = test_add_unit (db, building, 1, 12);
  head = test_add_person_in (db, own, "李新", "13800005733", TRUE);
  g_assert_true (sz_post_appoint (db, SZ_LEVEL_UNIT, unit, head, "2026-01-01", SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);
  {
    g_autoptr(GBytes) png = test_tiny_png (TRUE);

    g_assert_true (sz_person_set_image (db, head, SZ_IMAGE_PHOTO, png, NULL, &error));
    g_assert_no_error (error);
  }
  {
    g_autoptr(SzRecord) r = sz_record_new ();
    g_autoptr(GPtrArray) categories = sz_record_category_list (db, FALSE, &error);

    r->community_id = own;
    r->received_at = 0;
    r->channel = SZ_CHANNEL_VISIT;
    r->place_kind = SZ_NODE_UNIT;
    r->place_id = unit;
    r->category_id = ((SzRecordCategory *) categories->pdata[0])->id;
    r->time_class = sz_record_default_time_class (db, r->category_id);
    r->description = g_strdup ("楼道灯不亮");
    r->head_person_id = head;
    g_assert_true (sz_record_add (db, r, NULL, &error));
    g_assert_no_error (error);
    record_id = r->id;
  }

  /* Points of its own: an occasion, a reward taken, an honour. */
  {
    g_autoptr(GPtrArray) types = sz_activity_type_list (db, own, FALSE, &error);
    g_autoptr(SzActivity) a = sz_activity_new ();
    g_autoptr(SzReward) reward = sz_reward_new ();
    g_autoptr(SzHonour) honour = sz_honour_new ();
    SzParticipant part = { head, 120 };

    g_assert_cmpuint (types->len, ==, 5);
    a->type_id = ((SzActivityType *) types->pdata[0])->id;
    a->day = g_strdup ("2026-03-01");
    g_assert_true (sz_activity_record (db, a, &part, 1, &error));
    g_assert_no_error (error);
    reward->community_id = own;
    g_free (reward->name);
    reward->name = g_strdup ("理发服务");
    reward->price = 10;
    reward->stock = 5;
    g_assert_true (sz_reward_save (db, reward, &error));
    g_assert_true (sz_reward_redeem (db, head, reward->id, 1, "2026-03-02", NULL, &error));
    g_assert_no_error (error);
    honour->person_id = head;
    honour->period = g_strdup ("2025");
    honour->title = g_strdup ("社区好人");
    honour->publicity_from = g_strdup ("2026-01-01");
    g_assert_true (sz_honour_propose (db, honour, 7, &error));
    g_assert_true (sz_honour_award (db, honour->id, "2026-01-10", &error));
    g_assert_no_error (error);
  }
  /* The demo has points, rewards and honours to lose. */
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM points_movement WHERE community_id = ?1", demo), >, 100);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM redemption WHERE community_id = ?1", demo), >, 0);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM honour WHERE community_id = ?1 AND status = 'final'", demo), >=, 4);

  /* Before: the new community's checks and search see none of the demo. */
  items = sz_check_run (db, own, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];

      g_assert_cmpint (item->kind, !=, SZ_CHECK_DUPLICATE_PHONE);
      g_assert_null (strstr (item->message, "程建国"));
    }
  {
    g_autoptr(GPtrArray) hits = sz_search_in (db, own, "5733", 0, &error);

    g_assert_cmpuint (hits->len, ==, 1);
    g_assert_cmpint (((SzSearchHit *) hits->pdata[0])->id, ==, head);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = sz_search_in (db, own, "chengjianguo", 0, &error);
    g_assert_cmpuint (hits->len, ==, 0);
  }

  g_assert_true (sz_community_delete (db, demo, &error));
  g_assert_no_error (error);

  /* Every table holds only the new community's rows. */
  stmt = sz_db_prepare (db, test_engine_is_pg ()
                            ? "SELECT tablename FROM pg_tables WHERE schemaname = current_schema()"
                              "   AND tablename NOT IN ('sanzhang_schema', 'staff_grant') ORDER BY 1"
                            : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
                              " ORDER BY name", &error);
  while (sz_db_step (db, stmt, &error) == SQLITE_ROW)
    g_ptr_array_add (tables, sz_db_column_dup (stmt, 0));
  g_assert_no_error (error);
  sz_stmt_reset (stmt);
  g_assert_cmpuint (tables->len, >=, 17);
  for (guint t = 0; t < tables->len; t++)
    {
      const char *table = tables->pdata[t];
      g_autofree char *text = NULL;
      gboolean known = FALSE;

      for (guint i = 0; i < G_N_ELEMENTS (rules); i++)
        if (g_str_equal (rules[i].table, table))
          {
            gint64 n = count_sql (db, rules[i].foreign, own);

            if (n != 0)
              g_error ("%s holds %" G_GINT64_FORMAT " rows of another community", table, n);
            known = TRUE;
          }
      if (!known)
        g_error ("the test does not know whose rows the table %s holds", table);

      /* Nor any name or phone of the demo, anywhere in any text. */
      text = table_text (db, table);
      for (guint i = 0; i < demo_people->len; i++)
        {
          SzPerson *p = demo_people->pdata[i];

          if (strstr (text, p->name) != NULL)
            g_error ("%s still names the demo's %s", table, p->name);
          if (p->phone != NULL && !g_str_equal (p->phone, "13800005733") && strstr (text, p->phone) != NULL)
            g_error ("%s still holds the demo's phone %s", table, p->phone);
        }
      g_assert_null (strstr (text, "丰和"));
      g_assert_null (strstr (text, "演示临时"));
    }
  /* The new community is whole. */
  g_assert_cmpint (test_count (db, "person"), ==, 1);
  g_assert_cmpint (test_count (db, "person_image"), ==, 1);
  g_assert_cmpint (test_count (db, "post"), ==, 1);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM record WHERE head_person_id = ?1", head), ==, 1);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM record_event WHERE record_id = ?1", record_id), ==, 1);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM audit_log WHERE entity = 'person' AND entity_id = ?1", head),
                   >, 0);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM points_movement WHERE person_id = ?1", head), ==, 2);
  g_assert_cmpint (count_sql (db, "SELECT balance FROM points_balance WHERE person_id = ?1", head), ==, 10);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM honour WHERE person_id = ?1", head), ==, 1);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM activity_type WHERE community_id = ?1", own), ==, 5);

  /* Clean by SQLite's own checks. */
  /* The server checks foreign keys on every statement. */
  if (!test_engine_is_pg ())
    g_assert_cmpint (count_sql (db, "SELECT count(*) FROM pragma_foreign_key_check WHERE ?1 = ?1", 0), ==, 0);
  if (!test_engine_is_pg ())
  {
    stmt = sz_db_prepare (db, "PRAGMA integrity_check", &error);
    g_assert_cmpint (sz_db_step (db, stmt, &error), ==, SQLITE_ROW);
    g_assert_cmpstr ((const char *) sz_stmt_column_text (stmt, 0), ==, "ok");
    sz_stmt_reset (stmt);
  }

  /* Search and checks find nobody of the demo, in any community. */
  {
    g_autoptr(GPtrArray) hits = sz_search (db, "chengjianguo", 0, &error);

    g_assert_cmpuint (hits->len, ==, 0);
    g_clear_pointer (&hits, g_ptr_array_unref);
    hits = sz_search (db, "丰和", 0, &error);
    g_assert_cmpuint (hits->len, ==, 0);
  }
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sz_check_run (db, own, NULL, &error);
  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];

      g_assert_cmpint (item->kind, !=, SZ_CHECK_DUPLICATE_PHONE);
      for (guint j = 0; j < demo_people->len; j++)
        g_assert_null (strstr (item->message, ((SzPerson *) demo_people->pdata[j])->name));
    }

  /* The log is append-only again: the function that allowed the deletion
   * is registered now, and still refuses. */
  g_assert_cmpint (test_exec (db, "DELETE FROM audit_log", NULL), !=, SQLITE_OK);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM audit_log WHERE ?1 = ?1", 0), >, 0);
  /* And records and points movements still go only with their community. */
  g_assert_cmpint (test_exec (db, "DELETE FROM record_event", NULL), !=, SQLITE_OK);
  g_assert_cmpint (test_exec (db, "DELETE FROM points_movement", NULL), !=, SQLITE_OK);
  g_assert_cmpint (test_exec (db, "DELETE FROM redemption", NULL), !=, SQLITE_OK);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM points_movement WHERE ?1 = ?1", 0), ==, 2);
}

/* A failed deletion (not found) changes nothing. */
static void
test_delete_missing (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(SzDb) db = test_open_db ("missing.db", &path);
  gint64 c = test_add_community (db, "甲社区");
  gint64 before;

  test_add_person_in (db, c, "王秀英", NULL, FALSE);
  before = test_count (db, "audit_log");
  g_assert_false (sz_community_delete (db, c + 100, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_cmpint (test_count (db, "audit_log"), ==, before);
  g_assert_cmpint (test_count (db, "person"), ==, 1);
}

/* ---- From schema 5 ------------------------------------------------------- */

static void
raw_exec (sqlite3    *handle,
          const char *sql)
{
  char *msg = NULL;

  if (sqlite3_exec (handle, sql, NULL, NULL, &msg) != SQLITE_OK)
    g_error ("%s: %s", sql, msg);
}

/* A schema-5 file as the old program left it: the SQL of migrations 1 to
 * 5 (without the C steps, which only seed duties and categories and
 * install the audit triggers), and people found the old ways. */
static char *
make_schema_5 (void)
{
  g_autofree char *path = test_db_path ("old5.db");
  sqlite3 *handle = NULL;
  static const char * const files[] = {
    "0001-roster.sql", "0002-boards.sql", "0003-records.sql", "0004-import.sql", "0005-board-print-pending.sql",
  };

  g_assert_cmpint (sqlite3_open (path, &handle), ==, SQLITE_OK);
  for (guint i = 0; i < G_N_ELEMENTS (files); i++)
    {
      g_autofree char *file = g_test_build_filename (G_TEST_DIST, "..", "resources", "sql", files[i], NULL);
      g_autofree char *sql = NULL;

      g_assert_true (g_file_get_contents (file, &sql, NULL, NULL));
      raw_exec (handle, sql);
    }
  raw_exec (handle,
            "PRAGMA user_version = 5;"
            /* The demo, by its name and street office, and a real one. */
            "INSERT INTO community (id, name, street_office) VALUES (1, '丰和社区', '永昌街道'), (2, '春华社区', '永昌街道');"
            "INSERT INTO grid (id, community_id, number) VALUES (10, 1, 1), (20, 2, 1);"
            "INSERT INTO compound (id, community_id, name) VALUES (11, 1, '丰和林苑'), (21, 2, '春华小区');"
            "INSERT INTO building (id, compound_id, grid_id, name) VALUES (12, 11, 10, '1栋'), (22, 21, 20, '1栋');"
            "INSERT INTO unit (id, building_id, number) VALUES (13, 12, 1), (23, 22, 1);"
            "INSERT INTO person (id, name) VALUES"
            " (1, '网格长甲'), (2, '楼栋长乙'), (3, '单元长丙'), (4, '住户丁'), (5, '反映人戊'), (6, '无处己'),"
            " (7, '春华网格长'), (8, '春华住户');"
            "INSERT INTO post (level, grid_id, person_id, start_date, chosen_by) VALUES"
            " ('grid', 10, 1, '2020-01-01', 'election'), ('grid', 20, 7, '2020-01-01', 'election');"
            "INSERT INTO post (level, building_id, person_id, start_date, chosen_by) VALUES"
            " ('building', 12, 2, '2020-01-01', 'election');"
            /* Ended posts count too: the head served there. */
            "INSERT INTO post (level, unit_id, person_id, start_date, end_date, chosen_by) VALUES"
            " ('unit', 13, 3, '2020-01-01', '2021-01-01', 'election');"
            "UPDATE person SET home_unit_id = 13 WHERE id = 4;"
            "UPDATE person SET home_unit_id = 23 WHERE id = 8;"
            "INSERT INTO record_category (id, name, time_class, position) VALUES (1, '其他', 'general', 1);"
            "INSERT INTO record (community_id, received_at, channel, place_kind, place_id, place_text, category_id,"
            "                    duty, description, head_person_id, time_class)"
            " VALUES (2, 1700000000, 'visit', 'community', 2, '春华社区', 1, 'collect', '路灯', 5, 'general');");
  sqlite3_close (handle);
  return g_steal_pointer (&path);
}

static void
test_migration_from_5 (void)
{
  TEST_SQLITE_ONLY ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = make_schema_5 ();
  g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_DEFAULT, &error);
  static const gint64 expected[][2] = {
    { 1, 1 }, { 2, 1 }, { 3, 1 }, { 4, 1 }, { 5, 2 },
    /* Nothing to tell: the lowest id. */
    { 6, 1 },
    { 7, 2 }, { 8, 2 },
  };
  gboolean only_demo = TRUE;

  g_assert_no_error (error);
  g_assert_nonnull (db);
  g_assert_cmpint (sz_db_get_schema_version (db), ==, SZ_DB_SCHEMA_VERSION);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_autoptr(SzPerson) p = sz_person_get (db, expected[i][0], &error);

      g_assert_no_error (error);
      if (p->community_id != expected[i][1])
        g_error ("%s: community %" G_GINT64_FORMAT ", expected %" G_GINT64_FORMAT,
                 p->name, p->community_id, expected[i][1]);
    }
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM person WHERE community_id IS NULL AND ?1 = ?1", 0), ==, 0);

  /* The file as it was is kept first. */
  {
    g_autoptr(GPtrArray) list = sz_backup_list (path, NULL, TRUE, &error);

    g_assert_no_error (error);
    g_assert_cmpuint (list->len, ==, 1);
    g_assert_cmpstr (((SzBackupInfo *) list->pdata[0])->tag, ==, SZ_BACKUP_TAG_MIGRATION);
    g_assert_cmpint (((SzBackupInfo *) list->pdata[0])->schema_version, ==, 5);
  }

  /* The demo is known by its name and street office. */
  {
    g_autoptr(SzCommunity) demo = sz_community_get (db, 1, &error);
    g_autoptr(SzCommunity) own = sz_community_get (db, 2, &error);

    g_assert_true (demo->demo);
    g_assert_false (own->demo);
  }
  g_assert_true (sz_community_only_demo (db, &only_demo, &error));
  g_assert_false (only_demo);

  /* And goes whole, the real community keeping its people and record. */
  g_assert_true (sz_community_delete (db, 1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "person"), ==, 3);
  g_assert_cmpint (test_count (db, "record"), ==, 1);
  /* The server checks foreign keys on every statement. */
  if (!test_engine_is_pg ())
    g_assert_cmpint (count_sql (db, "SELECT count(*) FROM pragma_foreign_key_check WHERE ?1 = ?1", 0), ==, 0);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/community/demo-flag", test_demo_flag);
  g_test_add_func ("/core/community/person-needs-community", test_person_needs_community);
  g_test_add_func ("/core/community/delete-demo-leaves-nothing", test_delete_demo);
  g_test_add_func ("/core/community/delete-missing", test_delete_missing);
  g_test_add_func ("/core/community/migration-from-5", test_migration_from_5);

  return g_test_run ();
}
