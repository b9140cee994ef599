/* test-app-wechat.c: a place's WeChat group on its page
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A unit without a group gets one on its page: the name typed, the head
 * as admin, the members, the admin's QR image chosen from a file.  A group
 * code is warned about as soon as it is chosen; the group is saved,
 * undone with Ctrl+Z, and is there after a restart.
 */

#include "config.h"

#include <string.h>

#include "sz-app-fixture.h"
#include "sz-check.h"
#include "sz-checks-page.h"
#include "sz-place-page-private.h"
#include "sz-post.h"
#include "sz-wechat.h"

static SzPlacePage *
place_page (Fixture *f)
{
  return SZ_PLACE_PAGE (page (f, "place"));
}

static GFile *
fixture_file (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "wechat", name, NULL);

  return g_file_new_for_path (path);
}

static GtkWidget *
section_widget (Fixture    *f,
                const char *name)
{
  return test_get_widget (GTK_WIDGET (place_page (f)), name);
}

/* The text of the warnings shown under the section, joined. */
static char *
shown_warnings (Fixture *f)
{
  GtkWidget *box = section_widget (f, "wechat_warnings_box");
  GString *text = g_string_new (NULL);

  if (!gtk_widget_get_visible (box))
    return g_string_free (text, FALSE);
  for (GtkWidget *row = gtk_widget_get_first_child (box); row; row = gtk_widget_get_next_sibling (row))
    for (GtkWidget *w = gtk_widget_get_first_child (row); w; w = gtk_widget_get_next_sibling (w))
      if (GTK_IS_LABEL (w))
        g_string_append_printf (text, "%s\n", gtk_label_get_text (GTK_LABEL (w)));
  return g_string_free (text, FALSE);
}

static void
click (Fixture    *f,
       const char *name)
{
  GtkWidget *button = section_widget (f, name);

  g_assert_true (gtk_widget_get_sensitive (button));
  g_assert_true (gtk_widget_get_mapped (button));
  g_signal_emit_by_name (button, "clicked");
  test_settle (100);
}

static gboolean
press_ctrl_z (Fixture *f)
{
  gboolean done = test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK);

  test_settle (100);
  return done;
}

static void
show_place (Fixture    *f,
            SzNodeKind  kind,
            gint64      id)
{
  sz_session_select_place (f->session, kind, id);
  sz_window_show_page (f->window, "place");
  test_settle (300);
}

/* The first unit of the demo left without a group. */
static gint64
unit_without_group (Fixture *f)
{
  g_autoptr(GPtrArray) missing = sz_places_without_group (sz_session_get_db (f->session), f->community, NULL);

  for (guint i = 0; i < missing->len; i++)
    {
      SzVacancy *v = missing->pdata[i];
      g_autoptr(SzPost) head = NULL;

      if (v->level != SZ_LEVEL_UNIT)
        continue;
      head = sz_post_get_current (sz_session_get_db (f->session), SZ_LEVEL_UNIT, v->place_id, NULL);
      if (head != NULL)
        return v->place_id;
    }
  g_assert_not_reached ();
  return 0;
}

static void
test_set_group (Fixture       *f,
                gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  gint64 unit = unit_without_group (f);
  g_autoptr(SzPost) head = sz_post_get_current (db, SZ_LEVEL_UNIT, unit, NULL);
  g_autoptr(GFile) group_png = fixture_file ("group-code.png");
  g_autoptr(GFile) personal_jpg = fixture_file ("personal-code.jpg");
  g_autoptr(GFile) photo = fixture_file ("photo-no-code.jpg");
  g_autoptr(SzWechatGroup) stored = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *today = sz_today ();
  g_autofree char *shot = NULL;
  g_autofree char *dir = test_screenshot_dir ();

  show_place (f, SZ_NODE_UNIT, unit);
  g_assert_true (gtk_widget_get_mapped (section_widget (f, "wechat_box")));
  g_assert_true (gtk_widget_get_visible (section_widget (f, "wechat_note")));
  g_assert_false (gtk_widget_get_sensitive (section_widget (f, "wechat_clear_button")));
  /* A new group is run by the unit's head. */
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (section_widget (f, "wechat_admin_label"))), ==, head->person_name);

  /* Typed and chosen as the user does. */
  gtk_editable_set_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry")), "测试单元邻里群");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (section_widget (f, "wechat_members_spin")), 88);

  /* A photo: no code in it, said at once. */
  g_assert_true (sz_place_page_set_wechat_qr_file (place_page (f), photo));
  test_settle (100);
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_nonnull (strstr (warnings, "No QR code can be read"));
  g_clear_pointer (&warnings, g_free);

  /* The group's own code: warned about before saving. */
  g_assert_true (sz_place_page_set_wechat_qr_file (place_page (f), group_png));
  test_settle (200);
  g_free (warnings);
  warnings = shown_warnings (f);
  g_test_message ("%s", warnings);
  g_assert_nonnull (strstr (warnings, "group's own QR code"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_date_entry"))), ==, today);
  g_assert_true (gtk_widget_get_visible (section_widget (f, "wechat_qr_picture")));
  shot = g_build_filename (dir, "wechat-section-group-code.png", NULL);
  test_settle (200);
  g_assert_true (test_snapshot_png (section_widget (f, "wechat_box"), shot));
  g_test_message ("screenshot: %s", shot);

  click (f, "wechat_save_button");
  stored = sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "测试单元邻里群");
  g_assert_cmpint (stored->members, ==, 88);
  g_assert_cmpint (stored->admin_person_id, ==, head->person_id);
  g_assert_cmpint (stored->qr_kind, ==, SZ_QR_GROUP);
  g_assert_cmpstr (stored->qr_taken_on, ==, today);
  g_clear_pointer (&stored, sz_wechat_group_free);
  /* Saved, the warning stays until the code is replaced. */
  g_assert_false (gtk_widget_get_visible (section_widget (f, "wechat_note")));
  g_assert_true (gtk_widget_get_sensitive (section_widget (f, "wechat_clear_button")));
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_nonnull (strstr (warnings, "group's own QR code"));
  g_clear_pointer (&warnings, g_free);

  /* The admin's personal code replaces it: no warning, saved. */
  g_assert_true (sz_place_page_set_wechat_qr_file (place_page (f), personal_jpg));
  test_settle (100);
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_cmpstr (warnings, ==, "");
  g_clear_pointer (&warnings, g_free);
  click (f, "wechat_save_button");
  stored = sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL);
  g_assert_cmpint (stored->qr_kind, ==, SZ_QR_PERSONAL);
  g_assert_cmpstr (stored->qr_mime_type, ==, "image/jpeg");
  g_clear_pointer (&stored, sz_wechat_group_free);
  g_clear_pointer (&shot, g_free);
  shot = g_build_filename (dir, "wechat-section-personal-code.png", NULL);
  test_settle (200);
  g_assert_true (test_snapshot_png (section_widget (f, "wechat_box"), shot));

  /* Ctrl+Z: the group code again; again: no group at all. */
  g_assert_true (press_ctrl_z (f));
  stored = sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL);
  g_assert_cmpint (stored->qr_kind, ==, SZ_QR_GROUP);
  g_clear_pointer (&stored, sz_wechat_group_free);
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_nonnull (strstr (warnings, "group's own QR code"));
  g_clear_pointer (&warnings, g_free);
  /* Only the last change is undone. */
  g_assert_false (press_ctrl_z (f));

  /* Removing the group is undone whole, image and all. */
  click (f, "wechat_clear_button");
  g_assert_null (sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL));
  g_assert_true (gtk_widget_get_visible (section_widget (f, "wechat_note")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry"))), ==, "");
  g_assert_true (press_ctrl_z (f));
  stored = sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL);
  g_assert_nonnull (stored);
  g_assert_cmpstr (stored->name, ==, "测试单元邻里群");
  g_assert_cmpint (stored->members, ==, 88);
  g_assert_cmpint (stored->qr_kind, ==, SZ_QR_GROUP);
  g_clear_pointer (&stored, sz_wechat_group_free);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry"))), ==, "测试单元邻里群");

  /* Bad input: an empty name is refused under the section, nothing saved. */
  gtk_editable_set_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry")), " ");
  click (f, "wechat_save_button");
  g_assert_true (gtk_widget_get_visible (section_widget (f, "wechat_error")));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (section_widget (f, "wechat_error"))), "Group name"));
  stored = sz_wechat_group_get (db, SZ_LEVEL_UNIT, unit, NULL);
  g_assert_cmpstr (stored->name, ==, "测试单元邻里群");
  g_clear_pointer (&stored, sz_wechat_group_free);

  /* Once more, then a restart: the group is there. */
  gtk_editable_set_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry")), "测试单元邻里群");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (section_widget (f, "wechat_members_spin")), 120);
  g_assert_true (sz_place_page_set_wechat_qr_file (place_page (f), personal_jpg));
  gtk_editable_set_text (GTK_EDITABLE (section_widget (f, "wechat_date_entry")), "2026-11-30");
  click (f, "wechat_save_button");

  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle (50);
  g_clear_object (&f->session);
  {
    g_autoptr(GError) error = NULL;
    SzDb *again = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    f->session = sz_session_new (again, f->community, NULL);
    f->window = sz_window_new (NULL, f->session, TRUE);
    gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
    gtk_window_present (GTK_WINDOW (f->window));
    test_settle (300);
  }
  show_place (f, SZ_NODE_UNIT, unit);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry"))), ==, "测试单元邻里群");
  g_assert_cmpint (gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (section_widget (f, "wechat_members_spin"))), ==, 120);
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_date_entry"))), ==, "2026-11-30");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (section_widget (f, "wechat_admin_label"))), ==, head->person_name);
  g_assert_true (gtk_widget_get_visible (section_widget (f, "wechat_qr_picture")));
  g_assert_false (gtk_widget_get_visible (section_widget (f, "wechat_note")));
}

/* Grids and buildings have the section; a compound does not. */
static void
test_levels (Fixture       *f,
             gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GPtrArray) groups = sz_wechat_group_list (db, f->community, FALSE, NULL);
  SzWechatGroup *grid = NULL;
  g_autofree char *warnings = NULL;

  for (guint i = 0; i < groups->len && grid == NULL; i++)
    if (((SzWechatGroup *) groups->pdata[i])->level == SZ_LEVEL_GRID)
      grid = groups->pdata[i];
  if (grid == NULL)
    g_error ("the demo has no grid with a WeChat group");
  show_place (f, SZ_NODE_GRID, grid->place_id);
  g_assert_true (gtk_widget_get_mapped (section_widget (f, "wechat_box")));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (section_widget (f, "wechat_name_entry"))), ==, grid->name);
  /* The demo's codes are its heads' personal ones. */
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_null (strstr (warnings, "group's own QR code"));

  show_place (f, SZ_NODE_COMMUNITY, f->community);
  g_assert_false (gtk_widget_get_visible (section_widget (f, "wechat_box")));
}

/* The checks list a place without a group and a group code; a row opens
 * the place's page, where the section says the same. */
static void
test_checks_page (Fixture       *f,
                  gconstpointer  data)
{
  SzDb *db = sz_session_get_db (f->session);
  SzChecksPage *checks = SZ_CHECKS_PAGE (page (f, "checks"));
  gint64 unit = unit_without_group (f);
  g_autoptr(GPtrArray) items = sz_check_run (db, f->community, NULL, NULL);
  g_autoptr(SzWechatGroup) g = sz_wechat_group_new ();
  g_autoptr(GFile) group_png = fixture_file ("group-code.png");
  g_autofree char *warnings = NULL;
  SzCheckItem *missing = NULL;
  SzCheckItem *code = NULL;
  gboolean seen_missing = FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];

      if (item->kind == SZ_CHECK_WECHAT_MISSING && item->target_level == SZ_LEVEL_UNIT && item->target_id == unit)
        seen_missing = TRUE;
    }
  g_assert_true (seen_missing);

  /* The unit gets a group with its group code. */
  g->level = SZ_LEVEL_UNIT;
  g->place_id = unit;
  g->name = g_strdup ("测试单元邻里群");
  g->qr_data = g_file_load_bytes (group_png, NULL, NULL, NULL);
  g_assert_true (sz_wechat_group_set (db, g, NULL));
  sz_session_changed (f->session);
  g_clear_pointer (&items, g_ptr_array_unref);
  items = sz_check_run (db, f->community, NULL, NULL);
  for (guint i = 0; i < items->len; i++)
    {
      SzCheckItem *item = items->pdata[i];

      if (item->target == SZ_TARGET_PLACE && item->target_level == SZ_LEVEL_UNIT && item->target_id == unit)
        {
          if (item->kind == SZ_CHECK_WECHAT_MISSING)
            missing = item;
          else if (item->kind == SZ_CHECK_WECHAT_QR)
            code = item;
        }
    }
  g_assert_null (missing);
  g_assert_nonnull (code);

  sz_window_show_page (f->window, "checks");
  test_settle (300);
  sz_checks_page_check (checks);
  test_settle (200);
  {
    GtkListBox *list = GTK_LIST_BOX (test_get_widget (GTK_WIDGET (checks), "problems_list"));
    GtkListBoxRow *row;
    int index = -1;

    for (int i = 0; index < 0 && (row = gtk_list_box_get_row_at_index (list, i)) != NULL; i++)
      {
        GtkWidget *text = gtk_widget_get_next_sibling (gtk_widget_get_first_child (gtk_list_box_row_get_child (row)));

        if (g_str_equal (gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (text))), code->message))
          index = i;
      }
    g_assert_cmpint (index, >=, 0);
    test_screenshot (GTK_WIDGET (f->window), "wechat", "checks", 1280, 800);
    g_assert_true (sz_checks_page_activate (checks, FALSE, index));
  }
  test_settle (300);
  g_assert_cmpint (sz_session_get_place_kind (f->session), ==, SZ_NODE_UNIT);
  g_assert_cmpint (sz_session_get_place_id (f->session), ==, unit);
  g_free (warnings);
  warnings = shown_warnings (f);
  g_assert_nonnull (strstr (warnings, "group's own QR code"));
}

int
main (int argc, char **argv)
{
  g_autofree char *home = NULL;

  /* English messages: the asserts look for English words. */
  g_setenv ("SANZHANG_TEST_ENGLISH", "1", TRUE);
  home = test_app_init (&argc, &argv);
  g_test_add ("/app-wechat/set-group", Fixture, NULL, fixture_setup, test_set_group, fixture_teardown);
  g_test_add ("/app-wechat/checks-page", Fixture, NULL, fixture_setup, test_checks_page, fixture_teardown);
  g_test_add ("/app-wechat/levels", Fixture, NULL, fixture_setup, test_levels, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
