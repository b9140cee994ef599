/* test-wechat.c: the heads' WeChat groups
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sz-audit.h"
#include "sz-check.h"
#include "sz-db.h"
#include "sz-demo.h"
#include "sz-image.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-test-util.h"
#include "sz-wechat.h"

/* The screenshots of tests/fixtures/wechat (make-fixtures.py). */
#define PERSONAL_TEXT "https://u.wechat.com/sanzhang-test-personal-code"
#define GROUP_TEXT "https://weixin.qq.com/g/sanzhang-test-group-code-expires"

static GBytes *
fixture_bytes (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "wechat", name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, &error);

  g_assert_no_error (error);
  return g_mapped_file_get_bytes (file);
}

static gint64
count_sql (SzDb       *db,
           const char *sql,
           gint64      id)
{
  SzStmt *stmt = NULL;
  gint64 n;

  stmt = sz_db_prepare (db, sql, NULL);
  g_assert_nonnull (stmt);
  sz_stmt_bind_int64 (stmt, 1, id);
  g_assert_cmpint (sz_db_step (db, stmt, NULL), ==, SQLITE_ROW);
  n = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return n;
}

/* SQL behind the core's back: the primary result code. */
static int
raw_exec (SzDb       *db,
          const char *sql)
{
  return test_exec (db, sql, NULL) & 0xff;
}

/* A unit's group, to save. */
static SzWechatGroup *
unit_group (Roster     *r,
            gint64      admin,
            const char *image,
            const char *taken_on)
{
  SzWechatGroup *g = sz_wechat_group_new ();

  g->level = SZ_LEVEL_UNIT;
  g->place_id = r->unit1;
  g->name = g_strdup ("丰和林苑2栋1单元邻里群");
  g->admin_person_id = admin;
  g->members = 36;
  g->qr_data = image ? fixture_bytes (image) : NULL;
  g->qr_taken_on = g_strdup (taken_on);
  return g;
}

/* ---- Decoding the images ------------------------------------------------- */

static void
assert_classified (const char *file,
                   SzQrKind    expected,
                   const char *expected_text)
{
  g_autoptr(GBytes) bytes = fixture_bytes (file);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  SzQrKind kind = 99;

  g_test_message ("%s", file);
  sz_qr_classify_image (bytes, "QR", &kind, &text, &error);
  g_assert_no_error (error);
  g_assert_cmpint (kind, ==, expected);
  g_assert_cmpstr (text, ==, expected_text);
}

static void
test_classify (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) made = NULL;
  g_autoptr(GBytes) not_image = g_bytes_new_static ("not an image at all", 19);
  g_autofree char *text = NULL;
  SzQrKind kind = SZ_QR_NONE;

  /* Screenshots as phones save them, PNG and JPEG. */
  assert_classified ("personal-code.png", SZ_QR_PERSONAL, PERSONAL_TEXT);
  assert_classified ("personal-code.jpg", SZ_QR_PERSONAL, PERSONAL_TEXT);
  assert_classified ("group-code.png", SZ_QR_GROUP, GROUP_TEXT);
  assert_classified ("group-code.jpg", SZ_QR_GROUP, GROUP_TEXT);
  /* A photo holds no code. */
  assert_classified ("photo-no-code.jpg", SZ_QR_NONE, NULL);

  /* What the demo draws reads back. */
  made = sz_qr_png_new ("https://weixin.qq.com/g/made-here", 4, &error);
  g_assert_no_error (error);
  g_assert_true (sz_qr_classify_image (made, "QR", &kind, &text, &error));
  g_assert_cmpint (kind, ==, SZ_QR_GROUP);
  g_assert_cmpstr (text, ==, "https://weixin.qq.com/g/made-here");
  g_clear_pointer (&text, g_free);

  /* Bytes that are no image: an error naming the field. */
  g_assert_false (sz_qr_classify_image (not_image, "Admin's QR code", &kind, &text, &error));
  g_assert_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_FORMAT);
  g_assert_nonnull (strstr (error->message, "Admin's QR code"));

  g_assert_cmpint (sz_qr_kind_from_text ("https://u.wechat.com/EHdR-i5qhVaDiXuKJ36mqZQ?s=2"), ==, SZ_QR_PERSONAL);
  g_assert_cmpint (sz_qr_kind_from_text ("http://weixin.qq.com/g/AduHOh9yLie7It1V"), ==, SZ_QR_GROUP);
  g_assert_cmpint (sz_qr_kind_from_text ("HTTPS://WEIXIN.QQ.COM/G/ABC"), ==, SZ_QR_GROUP);
  /* An official account's code, a web page, a bare prefix. */
  g_assert_cmpint (sz_qr_kind_from_text ("http://weixin.qq.com/r/SH-27I3EjgDxrRmN9ypa"), ==, SZ_QR_OTHER);
  g_assert_cmpint (sz_qr_kind_from_text ("https://example.org/weixin.qq.com/g/x"), ==, SZ_QR_OTHER);
  g_assert_cmpint (sz_qr_kind_from_text ("https://weixin.qq.com/g/"), ==, SZ_QR_OTHER);
  g_assert_cmpint (sz_qr_kind_from_text (""), ==, SZ_QR_NONE);
}

/* ---- Set, get, one per place --------------------------------------------- */

static void
test_set_get (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzWechatGroup) g = NULL;
  g_autoptr(SzWechatGroup) back = NULL;
  g_autoptr(SzWechatGroup) none = NULL;
  g_autoptr(GBytes) png = fixture_bytes ("personal-code.png");
  Roster r;
  gint64 admin, first_id;

  roster_setup (&r, "wechat-set.db");
  admin = test_add_person (r.db, "于丽娟", "13800001001", TRUE);

  none = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_no_error (error);
  g_assert_null (none);

  g = unit_group (&r, admin, "personal-code.png", "2026-03-02");
  g_assert_true (sz_wechat_group_set (r.db, g, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g->id, >, 0);
  g_assert_cmpint (g->community_id, ==, r.community);
  first_id = g->id;

  back = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_no_error (error);
  g_assert_nonnull (back);
  g_assert_cmpint (back->id, ==, first_id);
  g_assert_cmpint (back->level, ==, SZ_LEVEL_UNIT);
  g_assert_cmpint (back->place_id, ==, r.unit1);
  g_assert_cmpstr (back->name, ==, "丰和林苑2栋1单元邻里群");
  g_assert_cmpint (back->admin_person_id, ==, admin);
  g_assert_cmpstr (back->admin_name, ==, "于丽娟");
  g_assert_cmpint (back->members, ==, 36);
  g_assert_cmpstr (back->qr_mime_type, ==, "image/png");
  g_assert_cmpstr (back->qr_taken_on, ==, "2026-03-02");
  g_assert_true (g_bytes_equal (back->qr_data, png));
  g_assert_cmpint (back->qr_kind, ==, SZ_QR_PERSONAL);
  g_assert_cmpstr (back->qr_text, ==, PERSONAL_TEXT);
  g_assert_cmpint (count_sql (r.db, "SELECT qr_width * 10000 + qr_height FROM wechat_group WHERE id = ?1", first_id),
                   ==, 1080 * 10000 + 2340);
  {
    g_autoptr(SzWechatGroup) board = sz_wechat_group_for_board (r.db, SZ_LEVEL_UNIT, r.unit1, &error);

    g_assert_true (g_bytes_equal (board->qr_data, png));
    g_assert_cmpstr (board->qr_mime_type, ==, "image/png");
    g_assert_cmpstr (board->qr_taken_on, ==, "2026-03-02");
  }

  /* Set again: the same row changes (one group per place). */
  g_free (back->name);
  back->name = g_strdup ("  新名字  ");
  back->members = 500;
  g_clear_pointer (&back->qr_data, g_bytes_unref);
  back->qr_data = fixture_bytes ("group-code.jpg");
  g_clear_pointer (&back->qr_taken_on, g_free);
  g_assert_true (sz_wechat_group_set (r.db, back, &error));
  g_assert_no_error (error);
  g_assert_cmpint (back->id, ==, first_id);
  g_assert_cmpstr (back->name, ==, "新名字");
  g_assert_cmpint (test_count (r.db, "wechat_group"), ==, 1);
  g_clear_pointer (&back, sz_wechat_group_free);
  back = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_cmpstr (back->qr_mime_type, ==, "image/jpeg");
  g_assert_cmpint (back->qr_kind, ==, SZ_QR_GROUP);
  /* No date with an image: today. */
  {
    g_autofree char *today = sz_today ();
    g_assert_cmpstr (back->qr_taken_on, ==, today);
  }

  /* A board leaves the group code out, keeping the rest. */
  {
    g_autoptr(SzWechatGroup) board = sz_wechat_group_for_board (r.db, SZ_LEVEL_UNIT, r.unit1, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (board->name, ==, "新名字");
    g_assert_cmpstr (board->admin_name, ==, "于丽娟");
    g_assert_cmpint (board->members, ==, 500);
    g_assert_null (board->qr_data);
    g_assert_cmpint (board->qr_kind, ==, SZ_QR_GROUP);
    g_assert_null (sz_wechat_group_for_board (r.db, SZ_LEVEL_UNIT, r.unit2, &error));
    g_assert_no_error (error);
  }

  /* The database itself keeps one per place, whatever writes to it. */
  g_assert_cmpint (raw_exec (r.db, "INSERT INTO wechat_group (community_id, level, unit_id, name) "
                                   "SELECT community_id, 'unit', unit_id, 'x' FROM wechat_group"),
                   ==, SQLITE_CONSTRAINT);
  /* A grid's group names the grid only. */
  g_assert_cmpint (raw_exec (r.db, "INSERT INTO wechat_group (community_id, level, grid_id, unit_id, name) "
                                   "SELECT community_id, 'grid', 1, unit_id + 100, 'x' FROM wechat_group"),
                   ==, SQLITE_CONSTRAINT);

  /* Without an image: all of its columns go. */
  g_clear_pointer (&back->qr_data, g_bytes_unref);
  g_assert_true (sz_wechat_group_set (r.db, back, &error));
  g_clear_pointer (&back, sz_wechat_group_free);
  back = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_null (back->qr_data);
  g_assert_null (back->qr_taken_on);
  g_assert_null (back->qr_mime_type);

  /* A grid and a building have their own. */
  {
    g_autoptr(SzWechatGroup) grid = sz_wechat_group_new ();
    g_autoptr(SzWechatGroup) building = sz_wechat_group_new ();
    g_autoptr(GPtrArray) list = NULL;

    grid->level = SZ_LEVEL_GRID;
    grid->place_id = r.grid1;
    grid->name = g_strdup ("第一网格居民群");
    building->level = SZ_LEVEL_BUILDING;
    building->place_id = r.building;
    building->name = g_strdup ("2栋楼栋群");
    g_assert_true (sz_wechat_group_set (r.db, grid, &error));
    g_assert_true (sz_wechat_group_set (r.db, building, &error));
    g_assert_no_error (error);
    list = sz_wechat_group_list (r.db, r.community, FALSE, &error);
    g_assert_cmpuint (list->len, ==, 3);
    g_assert_cmpint (((SzWechatGroup *) list->pdata[0])->level, ==, SZ_LEVEL_GRID);
    g_assert_cmpint (((SzWechatGroup *) list->pdata[2])->level, ==, SZ_LEVEL_UNIT);
  }

  /* Clear; clearing again says there is none. */
  g_assert_true (sz_wechat_group_clear (r.db, SZ_LEVEL_UNIT, r.unit1, &error));
  g_assert_no_error (error);
  g_assert_null (sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error));
  g_assert_false (sz_wechat_group_clear (r.db, SZ_LEVEL_UNIT, r.unit1, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "has no WeChat group"));
  roster_teardown (&r);
}

/* ---- Bad input ------------------------------------------------------------ */

static void
assert_refused (Roster        *r,
                SzWechatGroup *g,
                int            code,
                const char    *field)
{
  g_autoptr(GError) error = NULL;
  gint64 before = test_count (r->db, "wechat_group");

  g_assert_false (sz_wechat_group_set (r->db, g, &error));
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  g_assert_cmpint (error->code, ==, code);
  g_assert_nonnull (strstr (error->message, field));
  g_assert_cmpint (test_count (r->db, "wechat_group"), ==, before);
}

static void
test_bad_input (void)
{
  Roster r;
  gint64 admin, stranger, other;

  roster_setup (&r, "wechat-bad.db");
  admin = test_add_person (r.db, "于丽娟", "13800001001", TRUE);
  other = test_add_community (r.db, "南湖社区");
  stranger = test_add_person_in (r.db, other, "外人", "13800001002", TRUE);

  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, admin, NULL, NULL);
    g_free (g->name);
    g->name = g_strdup ("   ");
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Group name");
  }
  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, admin, NULL, NULL);
    g->members = 501;
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Members: 501 is out of range (0 to 500)");
    g->members = -1;
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Members");
    /* The database refuses it too, whatever writes. */
    g_assert_cmpint (raw_exec (r.db,
                                   "INSERT INTO wechat_group (community_id, level, grid_id, name, members)"
                                   " VALUES (1, 'grid', 1, 'x', 501)"), ==, SQLITE_CONSTRAINT);
  }
  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, stranger, NULL, NULL);
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Admin");
    g->admin_person_id = 99999;
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Admin");
  }
  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, admin, NULL, NULL);
    g->qr_data = test_tiny_png (FALSE);
    assert_refused (&r, g, SZ_IMAGE_ERROR_FORMAT, "Admin's QR code");
  }
  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, admin, "personal-code.png", "2026-02-30");
    assert_refused (&r, g, SZ_ROSTER_ERROR_INVALID, "Date taken");
  }
  {
    g_autoptr(SzWechatGroup) g = unit_group (&r, admin, NULL, NULL);
    g->place_id = 4242;
    assert_refused (&r, g, SZ_ROSTER_ERROR_NOT_FOUND, "Unit 4242 does not exist");
  }
  roster_teardown (&r);
}

/* ---- Warnings and the checks --------------------------------------------- */

static gboolean
has_item (GPtrArray   *items,
          SzCheckKind  kind,
          SzLevel      level,
          gint64       place_id,
          const char  *words)
{
  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];

      if (item->kind == kind && item->target == SZ_TARGET_PLACE && item->target_level == level
          && item->target_id == place_id && (words == NULL || strstr (item->message, words) != NULL))
        return TRUE;
    }
  return FALSE;
}

static void
test_checks (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(SzWechatGroup) unit = NULL;
  g_autoptr(SzWechatGroup) back = NULL;
  g_auto(GStrv) texts = NULL;
  Roster r;
  gint64 admin;
  SzWechatWarnings w;

  roster_setup (&r, "wechat-checks.db");
  admin = test_add_person (r.db, "于丽娟", "13800001001", TRUE);

  /* Nothing recorded: two grids, one building, two units lack a group. */
  missing = sz_places_without_group (r.db, r.community, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (missing->len, ==, 5);

  /* Unit 1: a personal code taken on 2026-03-02, fine until 180 days later. */
  unit = unit_group (&r, admin, "personal-code.jpg", "2026-03-02");
  g_assert_true (sz_wechat_group_set (r.db, unit, &error));
  back = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_cmpint (sz_wechat_group_warnings (back, 180, "2026-08-29"), ==, SZ_WECHAT_WARN_NONE);
  w = sz_wechat_group_warnings (back, 180, "2026-08-30");
  g_assert_cmpint (w, ==, SZ_WECHAT_WARN_OLD);
  texts = sz_wechat_warning_texts (back, w, 180);
  g_assert_cmpuint (g_strv_length (texts), ==, 1);
  g_assert_nonnull (strstr (texts[0], "2026-03-02, more than 180 days ago"));

  g_clear_pointer (&missing, g_ptr_array_unref);
  missing = sz_places_without_group (r.db, r.community, &error);
  g_assert_cmpuint (missing->len, ==, 4);
  for (guint i = 0; i < missing->len; i++)
    g_assert_false (((SzVacancy *) missing->pdata[i])->level == SZ_LEVEL_UNIT
                    && ((SzVacancy *) missing->pdata[i])->place_id == r.unit1);

  /* The building: its group code; grid 2: a photo. */
  {
    g_autoptr(SzWechatGroup) b = sz_wechat_group_new ();
    g_autoptr(SzWechatGroup) g = sz_wechat_group_new ();

    b->level = SZ_LEVEL_BUILDING;
    b->place_id = r.building;
    b->name = g_strdup ("2栋楼栋群");
    b->qr_data = fixture_bytes ("group-code.png");
    b->qr_taken_on = g_strdup ("2026-08-01");
    g_assert_true (sz_wechat_group_set (r.db, b, &error));
    g->level = SZ_LEVEL_GRID;
    g->place_id = r.grid2;
    g->name = g_strdup ("第二网格群");
    g->admin_person_id = admin;
    g->qr_data = fixture_bytes ("photo-no-code.jpg");
    g->qr_taken_on = g_strdup ("2026-08-01");
    g_assert_true (sz_wechat_group_set (r.db, g, &error));
    g_assert_no_error (error);
    g_clear_pointer (&b, sz_wechat_group_free);
    b = sz_wechat_group_get (r.db, SZ_LEVEL_BUILDING, r.building, &error);
    g_assert_cmpint (sz_wechat_group_warnings (b, 180, "2026-08-30"), ==,
                     SZ_WECHAT_WARN_GROUP_CODE | SZ_WECHAT_WARN_NO_ADMIN);
  }

  items = sz_check_run (r.db, r.community, "2026-08-30", &error);
  g_assert_no_error (error);
  for (guint i = 0; i < items->len; i++)
    g_test_message ("%d %s", ((SzCheckItem *) items->pdata[i])->kind, ((SzCheckItem *) items->pdata[i])->message);
  /* Places without a group: grid 1 and unit 2. */
  g_assert_true (has_item (items, SZ_CHECK_WECHAT_MISSING, SZ_LEVEL_GRID, r.grid1, "has no WeChat group"));
  g_assert_true (has_item (items, SZ_CHECK_WECHAT_MISSING, SZ_LEVEL_UNIT, r.unit2, "丰和林苑 2栋"));
  g_assert_false (has_item (items, SZ_CHECK_WECHAT_MISSING, SZ_LEVEL_UNIT, r.unit1, NULL));
  g_assert_false (has_item (items, SZ_CHECK_WECHAT_MISSING, SZ_LEVEL_BUILDING, r.building, NULL));
  /* Images that will not work on a board. */
  g_assert_true (has_item (items, SZ_CHECK_WECHAT_QR, SZ_LEVEL_UNIT, r.unit1, "more than 180 days ago"));
  g_assert_true (has_item (items, SZ_CHECK_WECHAT_QR, SZ_LEVEL_BUILDING, r.building, "group's own QR code"));
  g_assert_true (has_item (items, SZ_CHECK_WECHAT_QR, SZ_LEVEL_GRID, r.grid2, "No QR code can be read"));
  /* A missing admin is not a check of its own. */
  g_assert_false (has_item (items, SZ_CHECK_WECHAT_QR, SZ_LEVEL_BUILDING, r.building, "no admin"));

  /* The community's own limit counts. */
  {
    g_autoptr(SzCommunity) c = sz_community_get (r.db, r.community, &error);

    c->qr_max_age_days = 365;
    g_assert_true (sz_community_save (r.db, c, &error));
    g_assert_no_error (error);
    g_clear_pointer (&items, g_ptr_array_unref);
    items = sz_check_run (r.db, r.community, "2026-08-30", &error);
    g_assert_false (has_item (items, SZ_CHECK_WECHAT_QR, SZ_LEVEL_UNIT, r.unit1, NULL));
  }
  roster_teardown (&r);
}

/* ---- The audit log, cascades, deleting a community ------------------------ */

static void
test_audit (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzWechatGroup) g = NULL;
  g_autoptr(GPtrArray) entries = NULL;
  Roster r;
  gint64 admin;

  roster_setup (&r, "wechat-audit.db");
  admin = test_add_person (r.db, "于丽娟", "13800001001", TRUE);
  sz_db_set_actor (r.db, "网格员小王");
  g = unit_group (&r, admin, "personal-code.png", "2026-03-02");
  g_assert_true (sz_wechat_group_set (r.db, g, &error));
  g->members = 40;
  g_assert_true (sz_wechat_group_set (r.db, g, &error));
  g_assert_true (sz_wechat_group_clear (r.db, SZ_LEVEL_UNIT, r.unit1, &error));
  g_assert_no_error (error);

  entries = sz_audit_list (r.db, "wechat_group", g->id, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (entries->len, ==, 3);
  g_assert_cmpstr (((SzAuditEntry *) entries->pdata[2])->action, ==, "insert");
  g_assert_cmpstr (((SzAuditEntry *) entries->pdata[1])->action, ==, "update");
  g_assert_cmpstr (((SzAuditEntry *) entries->pdata[0])->action, ==, "delete");
  g_assert_cmpstr (((SzAuditEntry *) entries->pdata[2])->actor, ==, "网格员小王");
  /* The image by its size, not its bytes. */
  g_assert_nonnull (strstr (((SzAuditEntry *) entries->pdata[2])->new_values, "\"qr_data_bytes\":13910"));
  g_assert_nonnull (strstr (((SzAuditEntry *) entries->pdata[1])->new_values, "\"members\":40"));
  roster_teardown (&r);
}

static void
test_cascade (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzWechatGroup) g = NULL;
  g_autoptr(SzWechatGroup) back = NULL;
  Roster r;
  gint64 admin;

  roster_setup (&r, "wechat-cascade.db");
  admin = test_add_person (r.db, "于丽娟", "13800001001", TRUE);
  g = unit_group (&r, admin, "personal-code.png", "2026-03-02");
  g_assert_true (sz_wechat_group_set (r.db, g, &error));

  /* The admin leaves: the group stays, without admin. */
  g_assert_true (sz_person_delete (r.db, admin, &error));
  g_assert_no_error (error);
  back = sz_wechat_group_get (r.db, SZ_LEVEL_UNIT, r.unit1, &error);
  g_assert_nonnull (back);
  g_assert_cmpint (back->admin_person_id, ==, 0);
  g_assert_null (back->admin_name);
  g_assert_true (sz_wechat_group_warnings (back, 180, "2026-03-03") & SZ_WECHAT_WARN_NO_ADMIN);

  /* The place goes: its group with it. */
  g_assert_true (sz_unit_delete (r.db, r.unit1, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (r.db, "wechat_group"), ==, 0);
  roster_teardown (&r);
}

static void
test_community_delete (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(GPtrArray) missing = NULL;
  gint64 demo = 0;
  guint personal = 0;

  db = test_open_db ("wechat-demo.db", &path);
  g_assert_true (sz_demo_load (db, &demo, &error));
  g_assert_no_error (error);

  /* Most places have a group, with their head's personal code; some not. */
  groups = sz_wechat_group_list (db, demo, FALSE, &error);
  missing = sz_places_without_group (db, demo, &error);
  g_assert_no_error (error);
  g_test_message ("demo: %u groups, %u places without", groups->len, missing->len);
  g_assert_cmpuint (groups->len, >, 3 * missing->len);
  g_assert_cmpuint (missing->len, >, 0);
  for (guint i = 0; i < groups->len; i++)
    {
      SzWechatGroup *g = groups->pdata[i];

      g_assert_cmpint (g->members, >=, 0);
      g_assert_cmpint (g->members, <=, 500);
      if (g->qr_taken_on != NULL)
        {
          g_assert_cmpint (g->qr_kind, ==, SZ_QR_PERSONAL);
          g_assert_true (g_str_has_prefix (g->qr_text, "https://u.wechat.com/sanzhang-demo-"));
          personal++;
        }
    }
  g_assert_cmpuint (personal, >, groups->len / 2);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM audit_log WHERE entity = 'wechat_group' AND ?1 = ?1", 0),
                   ==, groups->len);

  /* Deleting the demo leaves nothing of its groups. */
  g_assert_true (sz_community_delete (db, demo, &error));
  g_assert_no_error (error);
  g_assert_cmpint (test_count (db, "wechat_group"), ==, 0);
  g_assert_cmpint (count_sql (db, "SELECT count(*) FROM audit_log WHERE entity = 'wechat_group' AND ?1 = ?1", 0),
                   ==, 0);
  g_unlink (path);
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

  g_test_add_func ("/core/wechat/classify", test_classify);
  g_test_add_func ("/core/wechat/set-get", test_set_get);
  g_test_add_func ("/core/wechat/bad-input", test_bad_input);
  g_test_add_func ("/core/wechat/checks", test_checks);
  g_test_add_func ("/core/wechat/audit", test_audit);
  g_test_add_func ("/core/wechat/cascade", test_cascade);
  g_test_add_func ("/core/wechat/community-delete", test_community_delete);
  return g_test_run ();
}
