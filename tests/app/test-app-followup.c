/* test-app-followup.c: records waiting for the follow-up call, and who
 * the records name, with the real widgets under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A resolved record leaves the open list and waits under "Awaiting
 * Follow-up", whose count is shown; the follow-up form shows the
 * reporter's phone in full while the list and the record keep it masked.
 * The staff member's name set in the preferences is who the record's
 * history and the audit log name.
 */

#include "config.h"

#include <sqlite3.h>
#include <string.h>

#include "sz-phone.h"
#include "sz-preferences-window.h"
#include "sz-record.h"
#include "sz-record-action-dialog.h"
#include "sz-record-view.h"
#include "sz-records-page.h"
#include "sz-staff.h"
#include "sz-app-fixture.h"

#define PHONE "13912345678"

static SzDb *
db_of (Fixture *f)
{
  return sz_session_get_db (f->session);
}

static gint64
first_unit (Fixture *f)
{
  g_autoptr(SzTreeNode) tree = sz_tree_load (db_of (f), f->community, NULL);
  SzTreeNode *n = tree;

  while (n != NULL && n->kind != SZ_NODE_UNIT)
    n = n->children->len ? g_ptr_array_index (n->children, 0) : NULL;
  if (n == NULL)
    g_error ("the demo has no unit");
  return n->id;
}

/* A record from 钱女士, taken in, dispatched and resolved: what waits for
 * the call. */
static gint64
resolved_record (Fixture *f)
{
  g_autoptr(SzRecord) r = sz_record_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) categories = sz_record_category_list (db_of (f), FALSE, NULL);
  const SzAction steps[] = { SZ_ACTION_DISPATCH, SZ_ACTION_RESOLVE };
  /* On whole minutes, before now: the forms enter times to the minute. */
  gint64 minute = sz_record_now () / 60 * 60;

  r->community_id = f->community;
  r->received_at = minute - 30 * 60;
  r->channel = SZ_CHANNEL_PHONE;
  r->place_kind = SZ_NODE_UNIT;
  r->place_id = first_unit (f);
  r->category_id = ((SzRecordCategory *) categories->pdata[0])->id;
  r->time_class = SZ_TIME_UTILITY;
  r->description = g_strdup ("三楼水管爆裂，楼道积水");
  r->reporter_name = g_strdup ("钱女士");
  r->reporter_phone = g_strdup (PHONE);
  g_assert_true (sz_record_add (db_of (f), r, NULL, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    {
      g_autoptr(SzRecordEvent) e = sz_record_event_new ();

      e->record_id = r->id;
      e->action = steps[i];
      e->at = minute - (20 - 10 * (gint64) i) * 60;
      e->department = g_strdup ("市自来水公司");
      e->note = g_strdup ("更换水管，已恢复供水");
      g_assert_true (sz_record_act (db_of (f), e, &error));
      g_assert_no_error (error);
    }
  sz_session_changed (f->session);
  return r->id;
}

static guint
core_awaiting (Fixture *f)
{
  SzRecordFilter filter;
  SzRecordCounts counts;
  g_autoptr(GError) error = NULL;

  sz_record_filter_init (&filter, f->community);
  g_assert_true (sz_record_count_quick (db_of (f), &filter, &counts, &error));
  g_assert_no_error (error);
  return counts.awaiting_follow_up;
}

/* What a click does. */
static void
click (GtkWidget *button)
{
  g_signal_emit_by_name (button, "clicked");
  test_settle (100);
}

static gboolean
page_lists (SzRecordsPage *p, gint64 id)
{
  for (guint i = 0; i < sz_records_page_get_n_rows (p); i++)
    if (sz_records_page_get_row (p, i)->id == id)
      return TRUE;
  return FALSE;
}

/* The filter and its count, as the user clicks them. */
static void
test_awaiting_filter (Fixture *f, gconstpointer data)
{
  SzRecordsPage *p;
  GtkWidget *awaiting, *overdue, *count, *status;
  g_autofree char *full = sz_phone_format (PHONE);
  g_autofree char *masked = sz_phone_mask (PHONE);
  g_autofree char *expected = NULL;
  SzRecordView *view;
  GtkWidget *dialog;
  gint64 id;
  guint before;

  sz_window_show_page (f->window, "records");
  test_settle (150);
  p = SZ_RECORDS_PAGE (page (f, "records"));
  id = resolved_record (f);
  test_settle (100);
  awaiting = test_get_widget (GTK_WIDGET (p), "awaiting_button");
  overdue = test_get_widget (GTK_WIDGET (p), "overdue_button");
  count = test_get_widget (GTK_WIDGET (p), "awaiting_count");
  status = test_get_widget (GTK_WIDGET (p), "status_drop_down");

  /* The open list, the default, leaves it out; the count beside the
   * filter has it. */
  g_assert_false (page_lists (p, id));
  before = core_awaiting (f);
  g_assert_cmpuint (before, >=, 1);
  expected = g_strdup_printf ("%u", before);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, expected);

  /* A click: the resolved records not yet called back, this one among
   * them; the status filter ("Open") is set aside meanwhile. */
  click (awaiting);
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (awaiting)));
  g_assert_false (gtk_widget_get_sensitive (status));
  g_assert_cmpuint (sz_records_page_get_total (p), ==, before);
  for (guint i = 0; i < sz_records_page_get_n_rows (p); i++)
    g_assert_cmpint (sz_records_page_get_row (p, i)->status, ==, SZ_RECORD_RESOLVED);
  g_assert_true (page_lists (p, id));

  /* The quick filters exclude each other. */
  click (overdue);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (awaiting)));
  g_assert_true (gtk_widget_get_sensitive (status));
  g_assert_false (page_lists (p, id));
  click (awaiting);
  g_assert_false (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (overdue)));

  /* The record below the list keeps the phone masked… */
  g_assert_true (sz_records_page_select_record (p, id));
  test_settle (100);
  view = SZ_RECORD_VIEW (sz_records_page_get_record_view (p));
  g_assert_nonnull (strstr (sz_record_view_get_reporter_text (view), masked));
  g_assert_null (strstr (sz_record_view_get_reporter_text (view), full));
  g_assert_null (strstr (sz_record_view_get_reporter_text (view), PHONE));

  /* Other actions' forms show no phone… */
  dialog = sz_record_view_open_action (view, SZ_ACTION_CLOSE);
  g_assert_nonnull (dialog);
  g_assert_null (sz_record_action_dialog_get_reporter_text (SZ_RECORD_ACTION_DIALOG (dialog)));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);

  /* …the follow-up form, where the call is made, shows it whole. */
  dialog = sz_record_view_open_action (view, SZ_ACTION_FOLLOW_UP);
  g_assert_nonnull (dialog);
  test_settle (200);
  g_assert_nonnull (strstr (sz_record_action_dialog_get_reporter_text (SZ_RECORD_ACTION_DIALOG (dialog)), full));
  g_assert_nonnull (strstr (sz_record_action_dialog_get_reporter_text (SZ_RECORD_ACTION_DIALOG (dialog)), "钱女士"));
  test_screenshot (dialog, "followup", "form", 0, 0);
  test_screenshot (GTK_WIDGET (f->window), "followup", "awaiting", 1280, 800);

  /* The call made: it waits no more, and the count goes down. */
  sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "satisfaction", "satisfied");
  g_assert_true (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
  test_settle (200);
  g_assert_cmpuint (core_awaiting (f), ==, before - 1);
  g_free (expected);
  expected = g_strdup_printf ("%u", before - 1);
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (count)), ==, expected);
  g_assert_false (page_lists (p, id));
}

static char *
last_audit_actor (SzDb *db)
{
  SzStmt *stmt = NULL;
  char *actor = NULL;

  stmt = sz_db_prepare (db, "SELECT actor FROM audit_log ORDER BY id DESC LIMIT 1", NULL);
  g_assert_nonnull (stmt);
  if (sz_db_step (db, stmt, NULL) == SQLITE_ROW)
    actor = g_strdup ((const char *) sz_stmt_column_text (stmt, 0));
  sz_stmt_reset (stmt);
  return actor;
}

/* The name set in the preferences is who records and the audit log name,
 * from the moment it is typed; cleared, the login account again. */
static void
test_recorder_name (Fixture *f, gconstpointer data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(SzSession) session = NULL;
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GPtrArray) history = NULL;
  g_autofree char *audit_actor = NULL;
  g_autoptr(GError) error = NULL;
  SzDb *db;
  SzWindow *window;
  GtkWidget *prefs, *entry, *dialog;
  gint64 id;

  g_assert_true (sz_staff_has_setting (settings));
  g_settings_set_string (settings, SZ_STAFF_NAME_KEY, "");
  /* The fixture's window has no settings: one that has. */
  db = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  session = sz_session_new (db, f->community, settings);
  window = sz_window_new (NULL, session, FALSE);
  gtk_window_present (GTK_WINDOW (window));
  test_settle (300);
  g_assert_cmpstr (sz_db_get_actor (sz_session_get_db (session)), ==, g_get_user_name ());

  /* Typed in the preferences, as the user does. */
  prefs = sz_preferences_window_new (GTK_WINDOW (window), session);
  gtk_window_present (GTK_WINDOW (prefs));
  test_settle (200);
  entry = test_get_widget (prefs, "staff_entry");
  g_assert_true (gtk_widget_get_mapped (entry));
  gtk_editable_set_text (GTK_EDITABLE (entry), "王晓梅");
  test_settle (100);
  test_screenshot (prefs, "followup", "preferences", 0, 0);
  gtk_window_destroy (GTK_WINDOW (prefs));
  g_assert_cmpstr (sz_db_get_actor (sz_session_get_db (session)), ==, "王晓梅");

  /* A record and an action on it name her; so does the audit log. */
  {
    Fixture g = *f;

    g.session = session;
    g.window = window;
    id = resolved_record (&g);
  }
  record = sz_record_get (sz_session_get_db (session), id, NULL);
  g_assert_cmpstr (record->actor, ==, "王晓梅");
  dialog = sz_record_action_dialog_new (GTK_WINDOW (window), session, id, SZ_ACTION_FOLLOW_UP);
  sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "satisfaction", "satisfied");
  g_assert_true (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
  history = sz_record_history (sz_session_get_db (session), id, NULL);
  for (guint i = 0; i < history->len; i++)
    g_assert_cmpstr (((SzRecordEvent *) history->pdata[i])->actor, ==, "王晓梅");
  g_free (record->description);
  record->description = g_strdup ("三楼水管爆裂，楼道积水，已修好");
  g_assert_true (sz_record_update (sz_session_get_db (session), record, NULL));
  audit_actor = last_audit_actor (sz_session_get_db (session));
  g_assert_cmpstr (audit_actor, ==, "王晓梅");

  /* Cleared: the login account again. */
  g_settings_set_string (settings, SZ_STAFF_NAME_KEY, "  ");
  g_assert_cmpstr (sz_db_get_actor (sz_session_get_db (session)), ==, g_get_user_name ());
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/followup/awaiting-filter", Fixture, NULL, fixture_setup, test_awaiting_filter, fixture_teardown);
  g_test_add ("/followup/recorder-name", Fixture, NULL, fixture_setup, test_recorder_name, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
