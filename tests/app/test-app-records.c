/* test-app-records.c: the Records page with its real widgets, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The demo community's records in the list and its filters; a new record
 * through the form, with a bad field first; actions through their forms,
 * only the valid ones offered; the month's figures and the report written
 * from the page and read back.  Screenshots of the list, a record, the
 * figures and the form go to the build folder's screenshots/.
 */

#include "config.h"

#include <string.h>

#include "sz-phone.h"
#include "sz-record.h"
#include "sz-record-action-dialog.h"
#include "sz-record-dialog.h"
#include "sz-record-figures.h"
#include "sz-record-view.h"
#include "sz-records-page.h"
#include "sz-app-fixture.h"

static SzRecordsPage *
records_page (Fixture *f)
{
  sz_window_show_page (f->window, "records");
  test_settle (150);
  return SZ_RECORDS_PAGE (page (f, "records"));
}

static SzDb *
db_of (Fixture *f)
{
  return sz_session_get_db (f->session);
}

/* What the core says the filter gives. */
static guint
core_total (Fixture *f, SzRecordFilter *filter)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) rows = NULL;
  guint total = 0;

  rows = sz_record_list (db_of (f), filter, &total, &error);
  g_assert_no_error (error);
  return total;
}

/* The list shows the demo's records, and each filter narrows it as the
 * core says it should. */
static void
test_list_filters (Fixture *f, gconstpointer data)
{
  SzRecordsPage *p = records_page (f);
  SzRecordFilter filter;
  g_autofree char *month = sz_record_month_of (sz_record_now ());
  gint64 start, end;
  guint all, n;

  sz_record_filter_init (&filter, f->community);

  /* The page opens on the open records. */
  filter.status = SZ_RECORD_FILTER_OPEN;
  g_assert_cmpuint (sz_records_page_get_total (p), ==, core_total (f, &filter));
  for (guint i = 0; i < sz_records_page_get_n_rows (p); i++)
    g_assert_true (sz_record_status_is_open (sz_records_page_get_row (p, i)->status));

  sz_records_page_set_status_filter (p, SZ_RECORD_FILTER_ANY_STATUS);
  test_settle (50);
  filter.status = SZ_RECORD_FILTER_ANY_STATUS;
  all = sz_records_page_get_total (p);
  g_assert_cmpuint (all, ==, core_total (f, &filter));
  /* Four months of about fifty records each. */
  g_assert_cmpuint (all, >, 120);
  g_assert_cmpuint (sz_records_page_get_n_rows (p), ==, all);
  /* Newest first. */
  g_assert_cmpint (sz_records_page_get_row (p, 0)->received_at, >=, sz_records_page_get_row (p, 1)->received_at);

  g_assert_true (sz_records_page_set_month_filter (p, month));
  test_settle (50);
  g_assert_true (sz_record_parse_month (month, &start, &end, NULL));
  filter.month_start = start;
  filter.month_end = end;
  n = sz_records_page_get_total (p);
  g_assert_cmpuint (n, ==, core_total (f, &filter));
  g_assert_cmpuint (n, <, all);
  g_assert_true (sz_records_page_set_month_filter (p, NULL));
  filter.month_start = filter.month_end = 0;

  sz_records_page_set_overdue_only (p, TRUE);
  test_settle (50);
  for (guint i = 0; i < sz_records_page_get_n_rows (p); i++)
    g_assert_true (sz_records_page_get_row (p, i)->overdue);
  sz_records_page_set_overdue_only (p, FALSE);

  /* Search: a word of the demo's descriptions, then nothing. */
  sz_records_page_set_filter_text (p, "暖气");
  test_settle (50);
  n = sz_records_page_get_n_rows (p);
  g_assert_cmpuint (n, >, 0);
  g_assert_cmpuint (n, <, all);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(SzRecord) r = sz_record_get (db_of (f), sz_records_page_get_row (p, i)->id, NULL);
      g_autoptr(GPtrArray) history = sz_record_history (db_of (f), r->id, NULL);
      gboolean found = strstr (r->description, "暖气") != NULL;

      for (guint j = 0; !found && j < history->len; j++)
        found = strstr (((SzRecordEvent *) history->pdata[j])->note, "暖气") != NULL;
      g_assert_true (found);
    }
  sz_records_page_set_filter_text (p, "没有这样的问题");
  test_settle (50);
  g_assert_cmpuint (sz_records_page_get_n_rows (p), ==, 0);
  sz_records_page_set_filter_text (p, "");
  test_settle (50);
  g_assert_cmpuint (sz_records_page_get_n_rows (p), ==, all);
}

static gint64
first_unit (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = sz_tree_load (db_of (f), f->community, &error);
  SzTreeNode *n = tree;

  while (n->kind != SZ_NODE_UNIT)
    n = g_ptr_array_index (n->children, 0);
  return n->id;
}

static void
on_saved_cb (SzRecordDialog *dialog, gint64 id, gint64 *saved)
{
  *saved = id;
}

/* A new record through the form: a wrong phone is refused under its
 * field, then the record is added, selected and shown with the phone
 * masked; only the actions valid now are offered, and they work. */
static void
test_new_record_and_act (Fixture *f, gconstpointer data)
{
  SzRecordsPage *p = records_page (f);
  g_autofree char *dir = test_screenshot_dir ();
  g_autofree char *form_png = g_build_filename (dir, "record-form.png", NULL);
  g_autofree char *unit = g_strdup_printf ("unit:%" G_GINT64_FORMAT, first_unit (f));
  g_autoptr(GError) error = NULL;
  GtkWidget *form;
  SzRecordView *view;
  SzAction actions[SZ_N_ACTIONS];
  gint64 saved = 0;
  guint before, n;

  sz_records_page_set_status_filter (p, SZ_RECORD_FILTER_ANY_STATUS);
  test_settle (50);
  before = sz_records_page_get_total (p);

  form = sz_records_page_new_record (p);
  g_assert_true (SZ_IS_RECORD_DIALOG (form));
  g_signal_connect (form, "saved", G_CALLBACK (on_saved_cb), &saved);
  test_settle (300);
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "channel", "phone");
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "place", unit);
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "category", _("Water supply"));
  /* The category sets its time limit. */
  g_assert_cmpint (sz_record_dialog_get_time_class (SZ_RECORD_DIALOG (form)), ==, SZ_TIME_UTILITY);
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "description", "三楼水管爆裂，楼道积水");
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "reporter-name", "钱女士");
  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "reporter-phone", "1391234");
  test_settle (100);
  g_assert_true (test_snapshot_png (form, form_png));
  g_assert_false (sz_record_dialog_save (SZ_RECORD_DIALOG (form)));
  g_assert_nonnull (sz_record_dialog_get_field_error (SZ_RECORD_DIALOG (form), "reporter-phone"));
  g_assert_cmpuint (test_count (db_of (f), "record"), ==, before);

  sz_record_dialog_set_field (SZ_RECORD_DIALOG (form), "reporter-phone", "139 1234 5678");
  g_assert_true (sz_record_dialog_save (SZ_RECORD_DIALOG (form)));
  test_settle (200);
  g_assert_cmpint (saved, >, 0);
  g_assert_cmpuint (sz_records_page_get_total (p), ==, before + 1);
  g_assert_cmpint (sz_records_page_get_row (p, 0)->id, ==, saved);

  /* The record below the list: phone masked, four actions, no follow-up. */
  view = SZ_RECORD_VIEW (sz_records_page_get_record_view (p));
  g_assert_cmpint (sz_record_view_get_record (view), ==, saved);
  g_assert_nonnull (strstr (sz_record_view_get_reporter_text (view), "139****5678"));
  g_assert_null (strstr (sz_record_view_get_reporter_text (view), "13912345678"));
  n = sz_record_view_get_actions (view, actions);
  g_assert_cmpuint (n, ==, 4);
  g_assert_null (sz_record_view_open_action (view, SZ_ACTION_FOLLOW_UP));
  g_assert_null (sz_record_view_open_action (view, SZ_ACTION_CLOSE));

  /* Dispatch without a department is refused under that field. */
  {
    GtkWidget *dialog = sz_record_view_open_action (view, SZ_ACTION_DISPATCH);

    g_assert_nonnull (dialog);
    test_settle (100);
    g_assert_false (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
    g_assert_nonnull (sz_record_action_dialog_get_field_error (SZ_RECORD_ACTION_DIALOG (dialog), "department"));
    sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "department", "市自来水公司");
    sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "contact", "0431-80000301");
    g_assert_true (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
    test_settle (200);
  }
  g_assert_cmpuint (sz_record_view_get_n_events (view), ==, 2);
  n = sz_record_view_get_actions (view, actions);
  g_assert_cmpuint (n, ==, 3);   /* resolve, return, suspend */
  g_assert_null (sz_record_view_open_action (view, SZ_ACTION_DISPATCH));

  /* Resolve needs what was done; then the follow-up is offered. */
  {
    GtkWidget *dialog = sz_record_view_open_action (view, SZ_ACTION_RESOLVE);

    test_settle (100);
    g_assert_false (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
    g_assert_nonnull (sz_record_action_dialog_get_field_error (SZ_RECORD_ACTION_DIALOG (dialog), "note"));
    sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "note", "更换水管，已恢复供水");
    g_assert_true (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
    test_settle (200);
  }
  {
    GtkWidget *dialog = sz_record_view_open_action (view, SZ_ACTION_FOLLOW_UP);

    g_assert_nonnull (dialog);
    test_settle (100);
    sz_record_action_dialog_set_field (SZ_RECORD_ACTION_DIALOG (dialog), "satisfaction", "satisfied");
    g_assert_true (sz_record_action_dialog_save (SZ_RECORD_ACTION_DIALOG (dialog)));
    test_settle (200);
  }
  {
    g_autofree SzRecordState *state = sz_record_get_state (db_of (f), saved, &error);

    g_assert_no_error (error);
    g_assert_cmpint (state->status, ==, SZ_RECORD_FOLLOWED_UP);
    g_assert_cmpint (state->satisfaction, ==, SZ_SATISFACTION_SATISFIED);
  }
  g_assert_cmpuint (sz_record_view_get_n_events (view), ==, 4);
  {
    g_autofree char *png = g_build_filename (dir, "records-record-1280x800.png", NULL);

    g_assert_true (test_snapshot_png (GTK_WIDGET (f->window), png));
  }
}

/* The month's figures as the core computes them, and the report written
 * from the page: figures in it, reporters not. */
static void
test_figures_and_report (Fixture *f, gconstpointer data)
{
  SzRecordsPage *p = records_page (f);
  SzRecordFiguresView *fig;
  g_autofree char *month = sz_record_month_of (sz_record_now ());
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "月报.pdf", NULL);
  g_autoptr(SzRecordStats) stats = NULL;
  g_autofree char *rate = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", "-layout", pdf, "-", NULL };

  sz_records_page_show_figures (p, TRUE);
  test_settle (200);
  fig = SZ_RECORD_FIGURES_VIEW (sz_records_page_get_figures_view (p));
  g_assert_true (sz_record_figures_view_set_month (fig, month));
  test_settle (200);
  stats = sz_record_stats (db_of (f), f->community, month, 0, &error);
  g_assert_no_error (error);
  rate = sz_record_format_rate (sz_record_figures_resolution_rate (&stats->total));
  g_assert_nonnull (strstr (sz_record_figures_view_get_rate_text (fig, 1), rate));
  g_assert_cmpuint (sz_record_figures_view_get_stats (fig)->total.received, ==, stats->total.received);

  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_true (sz_record_figures_view_write_report (fig, pdf, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &text, NULL, NULL, &error));
  g_assert_no_error (error);
  g_assert_nonnull (strstr (text, rate));
  /* The demo's reporters' phones are 1380000xxxx: none in any form. */
  g_assert_null (strstr (text, "1380000"));
  g_assert_null (strstr (text, "138****"));
  g_assert_null (strstr (text, "138 0000"));
}

/* The list, the figures and the form, at both window sizes. */
static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const int sizes[][2] = { { 1280, 800 }, { 1024, 700 } };
  g_autofree char *dir = test_screenshot_dir ();
  SzRecordsPage *p = records_page (f);

  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      g_autofree char *list = g_strdup_printf ("%s/records-%dx%d.png", dir, sizes[s][0], sizes[s][1]);
      g_autofree char *figures = g_strdup_printf ("%s/records-figures-%dx%d.png", dir, sizes[s][0], sizes[s][1]);

      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[s][0], sizes[s][1]);
      sz_records_page_show_figures (p, FALSE);
      sz_records_page_set_status_filter (p, SZ_RECORD_FILTER_ANY_STATUS);
      test_settle (200);
      g_assert_true (sz_records_page_select_record (p, sz_records_page_get_row (p, 0)->id));
      test_settle (400);
      g_assert_true (test_snapshot_png (GTK_WIDGET (f->window), list));
      sz_records_page_show_figures (p, TRUE);
      test_settle (400);
      g_assert_true (test_snapshot_png (GTK_WIDGET (f->window), figures));
      g_test_message ("screenshots: %s %s", list, figures);
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/records/list-filters", Fixture, NULL, fixture_setup, test_list_filters, fixture_teardown);
  g_test_add ("/records/new-and-act", Fixture, NULL, fixture_setup, test_new_record_and_act, fixture_teardown);
  g_test_add ("/records/figures-report", Fixture, NULL, fixture_setup, test_figures_and_report, fixture_teardown);
  g_test_add ("/records/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
