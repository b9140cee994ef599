/* test-app-backup.c: restore and export through their dialogs, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What an office does when something went wrong: changes the roster,
 * has a backup, changes it again, opens 从备份恢复… from the window's
 * action, chooses the backup, confirms once and sees the window show the
 * roster as it was.  And what the street office asks for: the roster out
 * through 导出…, phones masked unless asked, then in full and readable by
 * its owner only.  Writes screenshots at 1280×800 and 1024×700, in zh_CN,
 * to screenshots/.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-backup.h"
#include "sz-data-export-dialog.h"
#include "sz-place-sidebar.h"
#include "sz-restore-dialog.h"
#include "sz-roster.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* A widget under @root by its template id. */
/* The newest toplevel of @type, shown. */
static GtkWidget *
find_toplevel (GType type)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (w, type) && gtk_widget_get_visible (w))
        found = w;
    }
  g_assert_nonnull (found);
  return found;
}

static gint64
add_compound (Fixture    *f,
              const char *name)
{
  g_autoptr(SzCompound) c = sz_compound_new ();
  g_autoptr(GError) error = NULL;

  c->community_id = f->community;
  c->name = g_strdup (name);
  g_assert_true (sz_compound_save (sz_session_get_db (f->session), c, &error));
  g_assert_no_error (error);
  sz_session_changed (f->session);
  return c->id;
}

static gboolean
sidebar_has (Fixture *f,
             gint64   compound)
{
  return sz_place_sidebar_select (SZ_PLACE_SIDEBAR (sz_window_get_sidebar (f->window)), SZ_NODE_COMPOUND, compound);
}

static void
wait_restored (GtkWidget *dialog)
{
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (sz_restore_dialog_is_busy (SZ_RESTORE_DIALOG (dialog)) && g_get_monotonic_time () < end)
    test_settle (20);
  g_assert_false (sz_restore_dialog_is_busy (SZ_RESTORE_DIALOG (dialog)));
  test_settle (200);
}

/* Change, back up, change again, restore: the window shows the roster of
 * the backup, and the dialog names the backup of what was there. */
static void
test_restore (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBackupInfo) info = NULL;
  gint64 kept, lost;
  GtkWidget *dialog;
  GtkWidget *confirm;
  GtkListBox *list;
  const char *status;

  kept = add_compound (f, "备份前花园");
  info = sz_backup_create (f->path, NULL, SZ_BACKUP_TAG_MANUAL, NULL, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  lost = add_compound (f, "备份后花园");
  test_settle (200);
  g_assert_true (sidebar_has (f, lost));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore", NULL));
  dialog = find_toplevel (SZ_TYPE_RESTORE_DIALOG);
  list = GTK_LIST_BOX (test_get_widget (dialog, "backup_list"));
  /* Newest first, and chosen. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 0));
  g_assert_true (gtk_list_box_get_selected_row (list) == gtk_list_box_get_row_at_index (list, 0));
  g_assert_cmpstr (g_object_get_data (G_OBJECT (gtk_list_box_get_row_at_index (list, 0)), "path"), ==, info->path);
  test_screenshot (dialog, "backup", "restore-list", 1280, 800);

  g_signal_emit_by_name (test_get_widget (dialog, "restore_button"), "clicked");
  test_settle (100);
  confirm = find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  test_screenshot (confirm, "backup", "restore-confirm", 1280, 800);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
  wait_restored (dialog);
  g_assert_true (sz_restore_dialog_has_restored (SZ_RESTORE_DIALOG (dialog)));
  status = gtk_label_get_text (GTK_LABEL (test_get_widget (dialog, "status_label")));
  g_test_message ("status: %s", status);
  g_assert_nonnull (strstr (status, "before-restore"));
  test_screenshot (dialog, "backup", "restore-done", 1280, 800);

  /* The window shows the restored roster: the later compound is gone. */
  g_assert_nonnull (sz_session_get_db (f->session));
  g_assert_true (sidebar_has (f, kept));
  g_assert_false (sidebar_has (f, lost));
  /* The before-restore backup is listed too. */
  g_assert_nonnull (gtk_list_box_get_row_at_index (list, 1));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

static char *
read_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *text = NULL;

  g_assert_true (g_file_get_contents (path, &text, NULL, &error));
  g_assert_no_error (error);
  return text;
}

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

/* The roster out as CSV: masked by default, then in full, 0600. */
static void
test_export (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GRegex) full_phone = g_regex_new ("1[3-9][0-9]{9}", 0, 0, NULL);
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "export", NULL);
  g_autofree char *masked = g_build_filename (dir, "名册.csv", NULL);
  g_autofree char *full = g_build_filename (dir, "名册-全号.csv", NULL);
  g_autofree char *records = g_build_filename (dir, "民情.xlsx", NULL);
  g_autofree char *text = NULL;
  GtkWidget *dialog;
  GtkWidget *summary;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-data", NULL));
  dialog = find_toplevel (SZ_TYPE_DATA_EXPORT_DIALOG);
  summary = test_get_widget (dialog, "summary_label");
  /* Off by default. */
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "phones_check"))));
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "reporters_check")));
  test_screenshot (dialog, "backup", "export", 1280, 800);

  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "format_dropdown")), 1);
  g_assert_true (sz_data_export_dialog_write (SZ_DATA_EXPORT_DIALOG (dialog), masked, &error));
  g_assert_no_error (error);
  g_assert_true (gtk_widget_get_visible (summary));
  g_test_message ("summary: %s", gtk_label_get_text (GTK_LABEL (summary)));
  text = read_text (masked);
  g_assert_nonnull (strstr (text, "****"));
  g_assert_false (g_regex_match (full_phone, text, 0, NULL));
  g_clear_pointer (&text, g_free);

  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "phones_check")), TRUE);
  test_settle (50);
  /* Said before the file is written. */
  g_assert_true (gtk_widget_has_css_class (test_get_widget (dialog, "privacy_label"), "warning"));
  test_screenshot (dialog, "backup", "export-full-phones", 1280, 800);
  g_assert_true (sz_data_export_dialog_write (SZ_DATA_EXPORT_DIALOG (dialog), full, &error));
  g_assert_no_error (error);
  text = read_text (full);
  g_assert_true (g_regex_match (full_phone, text, 0, NULL));
  g_assert_cmpuint (file_mode (full), ==, 0600);
  test_screenshot (dialog, "backup", "export-summary", 1280, 800);

  /* A month's records as .xlsx: the month and the reporters show. */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "phones_check")), FALSE);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "what_dropdown")), 2);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "format_dropdown")), 0);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "month_dropdown")), 0);
  test_settle (50);
  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "month_dropdown")));
  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "reporters_check")));
  g_assert_false (gtk_widget_get_visible (summary));
  g_assert_true (sz_data_export_dialog_write (SZ_DATA_EXPORT_DIALOG (dialog), records, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (records, G_FILE_TEST_IS_REGULAR));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

/* Both dialogs on the smaller screen, and the damaged-database form. */
static void
test_small_screen (Fixture *f, gconstpointer data)
{
  g_autoptr(SzBackupInfo) info = sz_backup_create (f->path, NULL, SZ_BACKUP_TAG_START, NULL, NULL, NULL, NULL, NULL);
  GtkWidget *dialog;

  g_assert_nonnull (info);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  test_settle (300);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.restore", NULL));
  dialog = find_toplevel (SZ_TYPE_RESTORE_DIALOG);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 700);
  test_screenshot (dialog, "backup", "restore-list", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-data", NULL));
  dialog = find_toplevel (SZ_TYPE_DATA_EXPORT_DIALOG);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "what_dropdown")), 2);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "reporters_check")), TRUE);
  test_screenshot (dialog, "backup", "export-records", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));

  /* What a damaged database at start shows (the message is the core's). */
  dialog = sz_restore_dialog_new_for_damaged (f->path, "“sanzhang.db” is damaged: the quick check on opening "
                                              "found: database disk image is malformed.");
  gtk_window_present (GTK_WINDOW (dialog));
  g_assert_nonnull (gtk_list_box_get_selected_row (GTK_LIST_BOX (test_get_widget (dialog, "backup_list"))));
  test_screenshot (dialog, "backup", "damaged", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app-backup/restore", Fixture, NULL, fixture_setup, test_restore, fixture_teardown);
  g_test_add ("/app-backup/export", Fixture, NULL, fixture_setup, test_export, fixture_teardown);
  g_test_add ("/app-backup/small-screen", Fixture, NULL, fixture_setup, test_small_screen, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
