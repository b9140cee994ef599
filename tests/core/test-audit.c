/* test-audit.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-audit.h"
#include "sz-duty.h"
#include "sz-hotline.h"
#include "sz-test-util.h"

/* The newest audit row, which must be about @entity @id doing @action. */
static SzAuditEntry *
last_entry (SzDb       *db,
            const char *entity,
            gint64      id,
            const char *action)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_audit_list (db, NULL, 0, 1, &error);
  SzAuditEntry *e;

  g_assert_no_error (error);
  g_assert_cmpuint (list->len, ==, 1);
  e = g_ptr_array_steal_index (list, 0);
  g_assert_cmpstr (e->entity, ==, entity);
  g_assert_cmpint (e->entity_id, ==, id);
  g_assert_cmpstr (e->action, ==, action);
  g_assert_nonnull (e->at);
  return e;
}

static void
test_every_change_logged (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzGrid) g = NULL;
  g_autoptr(SzAuditEntry) e = NULL;
  gint64 before, person, post = 0, duty = 0;
  Roster r;

  roster_setup (&r, "audit.db");
  sz_db_set_actor (r.db, "office-clerk");

  /* Inserts: the setup made 1 community, 2 grids, 1 compound, 1 building,
   * 2 units after the 15 seeded duties and 13 issue categories. */
  {
    g_autoptr(GPtrArray) all = sz_audit_list (r.db, NULL, 0, 0, &error);
    guint inserts = 0;
    for (guint i = 0; i < all->len; i++)
      if (g_str_equal (((SzAuditEntry *) all->pdata[i])->action, "insert"))
        inserts++;
    g_assert_cmpuint (inserts, ==, 15 + 13 + 7 + 5);
  }

  before = sz_audit_count (r.db, &error);
  g = sz_grid_get (r.db, r.grid1, &error);
  g->households = 650;
  g_assert_true (sz_grid_save (r.db, g, &error));
  g_assert_cmpint (sz_audit_count (r.db, &error), ==, before + 1);
  e = last_entry (r.db, "grid", r.grid1, "update");
  g_assert_cmpstr (e->actor, ==, "office-clerk");
  g_assert_nonnull (strstr (e->old_values, "\"households\":500"));
  g_assert_nonnull (strstr (e->new_values, "\"households\":650"));
  g_clear_pointer (&e, sz_audit_entry_free);

  person = test_add_person (r.db, "王秀英", "13800001001", TRUE);
  e = last_entry (r.db, "person", person, "insert");
  g_assert_null (e->old_values);
  g_assert_nonnull (strstr (e->new_values, "13800001001"));
  g_assert_nonnull (strstr (e->new_values, "王秀英"));
  g_clear_pointer (&e, sz_audit_entry_free);

  g_assert_true (sz_post_appoint (r.db, SZ_LEVEL_UNIT, r.unit1, person, "2024-01-01", SZ_CHOSEN_ELECTION, &post, &error));
  e = last_entry (r.db, "post", post, "insert");
  g_clear_pointer (&e, sz_audit_entry_free);
  g_assert_true (sz_post_end (r.db, post, "2025-01-01", "搬家", &error));
  e = last_entry (r.db, "post", post, "update");
  g_assert_nonnull (strstr (e->new_values, "搬家"));
  g_clear_pointer (&e, sz_audit_entry_free);

  g_assert_true (sz_duty_add (r.db, SZ_LEVEL_UNIT, "楼道安全巡查", &duty, &error));
  e = last_entry (r.db, "duty", duty, "insert");
  g_clear_pointer (&e, sz_audit_entry_free);

  {
    g_autoptr(SzHotline) h = sz_hotline_new ();
    h->category = SZ_HOTLINE_GAS;
    h->number = g_strdup ("0431-80000203");
    h->scope = SZ_SCOPE_COMPOUND;
    h->scope_id = r.compound;
    g_assert_true (sz_hotline_save (r.db, h, &error));
    g_assert_no_error (error);
    e = last_entry (r.db, "hotline", h->id, "insert");
    g_clear_pointer (&e, sz_audit_entry_free);
    g_assert_true (sz_hotline_delete (r.db, h->id, &error));
    e = last_entry (r.db, "hotline", h->id, "delete");
    g_assert_null (e->new_values);
    g_assert_nonnull (strstr (e->old_values, "0431-80000203"));
    g_clear_pointer (&e, sz_audit_entry_free);
  }

  /* Photos are logged by size, not bytes. */
  {
    g_autoptr(GBytes) bytes = test_tiny_png (TRUE);
    g_assert_true (sz_person_set_image (r.db, person, SZ_IMAGE_PHOTO, bytes, NULL, &error));
    g_assert_no_error (error);
    e = last_entry (r.db, "person_image", person, "insert");
    g_assert_nonnull (strstr (e->new_values, "\"data_bytes\":70"));
    g_clear_pointer (&e, sz_audit_entry_free);
  }

  /* A cascade logs every row it takes: the building and its 2 units. */
  before = sz_audit_count (r.db, &error);
  g_assert_true (sz_building_delete (r.db, r.building, &error));
  {
    g_autoptr(GPtrArray) list = sz_audit_list (r.db, NULL, 0, 0, &error);
    guint deletes = 0;
    g_assert_cmpint (sz_audit_count (r.db, &error), >=, before + 3);
    for (guint i = 0; i < list->len; i++)
      {
        SzAuditEntry *x = list->pdata[i];
        if (g_str_equal (x->action, "delete") && (g_str_equal (x->entity, "unit") || g_str_equal (x->entity, "building")))
          deletes++;
      }
    g_assert_cmpuint (deletes, ==, 3);
  }

  /* A refused change leaves no row. */
  before = sz_audit_count (r.db, &error);
  g->households = -1;
  g_assert_false (sz_grid_save (r.db, g, &error));
  g_clear_error (&error);
  g_assert_cmpint (sz_audit_count (r.db, &error), ==, before);

  /* A person's history can be asked for on its own. */
  {
    g_autoptr(GPtrArray) mine = sz_audit_list (r.db, "person", person, 0, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (mine->len, ==, 1);
  }
  roster_teardown (&r);
}

static void
test_log_is_append_only (void)
{
  g_autoptr(GError) error = NULL;
  Roster r;
  gint64 before;

  roster_setup (&r, "append-only.db");
  before = sz_audit_count (r.db, &error);
  g_assert_cmpint (test_exec (r.db, "UPDATE audit_log SET actor = 'x'", NULL), !=, SQLITE_OK);
  g_assert_cmpint (test_exec (r.db, "DELETE FROM audit_log", NULL), !=, SQLITE_OK);
  g_assert_cmpint (sz_audit_count (r.db, &error), ==, before);
  roster_teardown (&r);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/audit/every-change-logged", test_every_change_logged);
  g_test_add_func ("/core/audit/append-only", test_log_is_append_only);

  return g_test_run ();
}
