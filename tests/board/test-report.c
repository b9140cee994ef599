/* test-report.c: the month's report on issue records and its chart, read
 * back with poppler's pdftotext and pdfinfo, and qpdf.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>

#include "sz-doc-lang.h"
#include "sz-fonts.h"
#include "sz-phone.h"
#include "sz-record.h"
#include "sz-report.h"
#include "sz-text.h"
#include "sz-board-test-util.h"

/* A month long before the demo's own records (the last four months), so
 * that its figures are only the records made here. */
#define MONTH "2025-03"
#define NOW   "2025-04-10 12:00"
#define PHONE "13912345678"

typedef struct
{
  char    *path;
  SzDb    *db;
  gint64   community;
  char    *dir;
  gint64   overdue_id;     /* open and past due at NOW */
  gint64   suspended_id;   /* open, suspended: never overdue */
  gint64   now;
} Fixture;

static gint64
add (Fixture *f, const char *received, const char *reporter, SzNodeKind kind, gint64 place)
{
  g_autoptr(SzRecord) r = sz_record_new ();
  g_autoptr(GPtrArray) categories = NULL;
  g_autoptr(GError) error = NULL;

  categories = sz_record_category_list (f->db, FALSE, &error);
  g_assert_no_error (error);
  r->community_id = f->community;
  r->received_at = test_time (received);
  r->channel = SZ_CHANNEL_PHONE;
  r->reporter_name = g_strdup (reporter);
  r->reporter_phone = reporter ? g_strdup (PHONE) : NULL;
  r->place_kind = kind;
  r->place_id = place;
  r->category_id = ((SzRecordCategory *) g_ptr_array_index (categories, 0))->id;
  r->duty = SZ_DUTY_COLLECT;
  r->description = g_strdup ("楼道灯不亮");
  r->time_class = SZ_TIME_GENERAL;
  g_assert_true (sz_record_add (f->db, r, NULL, &error));
  g_assert_no_error (error);
  return r->id;
}

static void
act (Fixture *f, gint64 id, SzAction action, const char *when, SzSatisfaction satisfaction)
{
  g_autoptr(SzRecordEvent) e = sz_record_event_new ();
  g_autoptr(GError) error = NULL;

  e->record_id = id;
  e->action = action;
  e->at = test_time (when);
  e->note = g_strdup ("已处理");
  e->satisfaction = satisfaction;
  if (action == SZ_ACTION_DISPATCH)
    e->department = g_strdup ("物业服务中心");
  g_assert_true (sz_record_act (f->db, e, &error));
  g_assert_no_error (error);
}

/* Seven records in MONTH: responded in time 5, resolved 4, followed up 4
 * (2 satisfied, 1 basically, 1 dissatisfied); open 3, overdue 2. */
static void
fixture_setup (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) compounds = NULL;
  gint64 grid, compound, id;

  f->db = test_open_demo ("report.db", &f->path, &f->community);
  f->dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_mkdir_with_parents (f->dir, 0700);
  f->now = test_time (NOW);
  grids = sz_grid_list (f->db, f->community, &error);
  g_assert_no_error (error);
  compounds = sz_compound_list (f->db, f->community, &error);
  g_assert_no_error (error);
  grid = ((SzGrid *) g_ptr_array_index (grids, 0))->id;
  compound = ((SzCompound *) g_ptr_array_index (compounds, 0))->id;

  id = add (f, "2025-03-03 09:00", "王秀英", SZ_NODE_GRID, grid);
  act (f, id, SZ_ACTION_REPORT, "2025-03-03 10:00", 0);
  act (f, id, SZ_ACTION_RESOLVE, "2025-03-04 09:00", 0);
  act (f, id, SZ_ACTION_FOLLOW_UP, "2025-03-05 09:00", SZ_SATISFACTION_SATISFIED);

  id = add (f, "2025-03-10 09:00", "王秀英", SZ_NODE_GRID, grid);
  act (f, id, SZ_ACTION_REPORT, "2025-03-12 09:00", 0);   /* late */
  act (f, id, SZ_ACTION_RESOLVE, "2025-03-14 09:00", 0);
  act (f, id, SZ_ACTION_FOLLOW_UP, "2025-03-15 09:00", SZ_SATISFACTION_DISSATISFIED);

  f->overdue_id = add (f, "2025-03-20 09:00", "李建国", SZ_NODE_COMPOUND, compound);
  act (f, f->overdue_id, SZ_ACTION_REPORT, "2025-03-20 11:00", 0);

  add (f, "2025-03-25 08:30", NULL, SZ_NODE_COMMUNITY, f->community);   /* anonymous, untouched */

  id = add (f, "2025-03-26 09:00", "王秀英", SZ_NODE_GRID, grid);
  act (f, id, SZ_ACTION_DISPATCH, "2025-03-26 10:00", 0);
  act (f, id, SZ_ACTION_RESOLVE, "2025-03-27 09:00", 0);
  act (f, id, SZ_ACTION_FOLLOW_UP, "2025-03-28 09:00", SZ_SATISFACTION_BASICALLY);

  f->suspended_id = add (f, "2025-03-27 09:00", "李建国", SZ_NODE_GRID, grid);
  act (f, f->suspended_id, SZ_ACTION_REPORT, "2025-03-27 09:30", 0);
  {
    g_autoptr(SzRecordEvent) e = sz_record_event_new ();

    e->record_id = f->suspended_id;
    e->action = SZ_ACTION_SUSPEND;
    e->at = test_time ("2025-03-28 09:00");
    e->note = g_strdup ("等待配件");
    g_assert_true (sz_record_act (f->db, e, &error));
    g_assert_no_error (error);
  }

  id = add (f, "2025-03-29 09:00", "王秀英", SZ_NODE_GRID, grid);
  act (f, id, SZ_ACTION_REPORT, "2025-03-29 09:10", 0);
  act (f, id, SZ_ACTION_RESOLVE, "2025-03-30 09:00", 0);
  act (f, id, SZ_ACTION_FOLLOW_UP, "2025-03-31 09:00", SZ_SATISFACTION_SATISFIED);
}

static void
fixture_teardown (Fixture *f, gconstpointer data)
{
  sz_db_close (f->db);
  g_free (f->path);
  g_free (f->dir);
}

static char *
no_space (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *p = text; *p; p++)
    if (!g_ascii_isspace (*p))
      g_string_append_c (s, *p);
  return g_string_free (s, FALSE);
}

static void
assert_has (const char *text, const char *what)
{
  if (strstr (text, what) == NULL)
    g_error ("“%s” is not in the report:\n%s", what, text);
}

static void
assert_lacks (const char *text, const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” is in the report", what);
}

static char *
write_report (Fixture *f, const char *name)
{
  g_autoptr(GError) error = NULL;
  char *pdf = g_build_filename (f->dir, name, NULL);

  g_assert_true (sz_report_write_month (f->db, f->community, MONTH, f->now, pdf, &error));
  g_assert_no_error (error);
  return pdf;
}

/* A rate and its counts as the report prints them: "71.4% (5 / 7)". */
static void
assert_rate (const char *text, double rate, guint num, guint den)
{
  g_autofree char *r = sz_record_format_rate (rate);
  g_autofree char *counts = g_strdup_printf ("(%u / %u)", num, den);

  assert_has (text, r);
  assert_has (text, counts);
}

static void
test_pdf (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzRecordStats) stats = sz_record_stats (f->db, f->community, MONTH, f->now, &error);
  g_autoptr(SzCommunity) community = sz_community_get (f->db, f->community, &error);
  g_autoptr(SzRecord) overdue = sz_record_get (f->db, f->overdue_id, &error);
  g_autofree SzRecordState *state = sz_record_get_state (f->db, f->overdue_id, &error);
  g_autofree char *pdf = write_report (f, "report.pdf");
  /* -layout keeps a table's row on one line; -raw keeps a wrapped
   * paragraph together, in the order it was drawn. */
  const char *text_argv[] = { "pdftotext", "-layout", "-enc", "UTF-8", pdf, "-", NULL };
  const char *raw_argv[] = { "pdftotext", "-raw", "-enc", "UTF-8", pdf, "-", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  const char *qpdf_argv[] = { "qpdf", "--check", pdf, NULL };
  g_autofree char *text = test_run_tool (text_argv);
  g_autofree char *raw = test_run_tool (raw_argv);
  g_autofree char *flat = no_space (raw);
  g_autofree char *info = test_run_tool (info_argv);
  g_autofree char *qpdf = test_run_tool (qpdf_argv);
  g_autofree char *masked = sz_phone_mask (PHONE);
  g_autofree char *formatted = sz_phone_format (PHONE);
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, f->overdue_id);
  g_autofree char *suspended = g_strdup_printf ("%" G_GINT64_FORMAT " ", f->suspended_id);
  g_autofree char *due = NULL;
  g_autofree char *as_of = sz_record_format_time (f->now);
  g_auto(GStrv) lines = NULL;
  const SzRecordFigures *t;
  gboolean found = FALSE;
  guint pages = 0;

  g_assert_no_error (error);
  t = &stats->total;
  /* The fixture's figures, by hand. */
  g_assert_cmpuint (t->received, ==, 7);
  g_assert_cmpuint (t->responded, ==, 5);
  g_assert_cmpuint (t->resolved, ==, 4);
  g_assert_cmpuint (t->followed_up, ==, 4);
  g_assert_cmpuint (t->satisfied + t->basically, ==, 3);
  g_assert_cmpuint (t->open, ==, 3);
  g_assert_cmpuint (t->overdue, ==, 2);

  /* Title, month, time, figures with counts, definitions. */
  assert_has (text, community->name);
  assert_has (text, "2025-03");
  assert_has (text, as_of);
  assert_rate (text, sz_record_figures_response_rate (t), t->responded, t->received);
  assert_rate (text, sz_record_figures_resolution_rate (t), t->resolved, t->received);
  assert_rate (text, sz_record_figures_satisfaction_rate (t), t->satisfied + t->basically, t->followed_up);
  {
    /* Definitions wrap over lines: compared without white space.  They
     * are in the board language (the default, zh_CN), whatever the test's. */
    const char *definitions[] = { sz_doc_retranslate (NULL, sz_record_response_definition ()),
                                  sz_doc_retranslate (NULL, sz_record_resolution_definition ()),
                                  sz_doc_retranslate (NULL, sz_record_satisfaction_definition ()) };

    for (guint i = 0; i < G_N_ELEMENTS (definitions); i++)
      {
        g_autofree char *d = no_space (definitions[i]);
        assert_has (flat, d);
      }
  }

  /* The overdue record's row: its number, place and due time on one line;
   * the suspended one is open but not listed. */
  g_assert_nonnull (overdue);
  g_assert_nonnull (state);
  due = sz_record_format_time (state->due_at);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_autofree char *line = g_strstrip (g_strdup (lines[i]));

      if (strstr (line, due) && g_str_has_prefix (line, id) && line[strlen (id)] == ' ')
        found = TRUE;
      g_assert_false (g_str_has_prefix (line, suspended) && strstr (line, "2025-03-27 09:00"));
    }
  g_assert_true (found);
  assert_has (text, overdue->place_text);

  /* Never a reporter, in any form. */
  assert_lacks (flat, PHONE);
  assert_lacks (flat, masked);
  assert_lacks (text, formatted);
  assert_lacks (text, "王秀英");
  assert_lacks (text, "李建国");

  /* A4 pages; a file qpdf finds sound. */
  g_assert_nonnull (strstr (info, "Pages:"));
  g_assert_cmpint (sscanf (strstr (info, "Pages:"), "Pages: %u", &pages), ==, 1);
  g_assert_cmpuint (pages, >=, 1);
  g_assert_nonnull (strstr (info, "Page size:"));
  g_assert_true (g_str_has_prefix (g_strchug (strstr (info, "Page size:") + 10), "595.28 x 841.89 pts (A4)"));
  g_assert_nonnull (strstr (info, "Creator:"));
  g_assert_true (g_str_has_prefix (g_strchug (strstr (info, "Creator:") + 8), "Sanzhang " PACKAGE_VERSION));
  g_assert_nonnull (strstr (qpdf, "No syntax or stream encoding errors found"));
}

static void
test_pages (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = NULL;
  g_autoptr(GPtrArray) pages = NULL;
  g_autoptr(SzRecordStats) stats = NULL;
  /* The app's widget, a small one, the report's own. */
  const double sizes[][2] = { { 600, 300 }, { 320, 180 }, { 515, 236 } };

  g_assert_no_error (error);
  text = sz_text_new (fonts);
  pages = sz_report_month_pages (text, f->db, f->community, MONTH, f->now, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (pages->len, >=, 1);
  for (guint i = 0; i < pages->len; i++)
    {
      SzPage *page = g_ptr_array_index (pages, i);

      g_assert_cmpfloat (fabs (page->width - 595.28), <, 0.01);
      g_assert_cmpfloat (fabs (page->height - 841.89), <, 0.01);
      test_check_page (page);
    }

  /* The demo's own months too, with records in every one. */
  stats = sz_record_stats (f->db, f->community, MONTH, f->now, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      g_autoptr(SzPage) page = sz_report_chart_page (text, stats, sizes[i][0], sizes[i][1]);
      g_autofree char *all = test_page_text (page);
      guint lines = 0;

      test_check_page (page);
      g_assert_true (strstr (all, "100%") != NULL);
      g_assert_true (strstr (all, "7\n") != NULL);    /* March's bar */
      for (guint k = 0; k < page->items->len; k++)
        lines += ((SzItem *) g_ptr_array_index (page->items, k))->kind == SZ_ITEM_LINE;
      g_assert_cmpuint (lines, >, 10);
    }
}

/* Months without records leave gaps: no line or marker for them, no
 * division by zero; no months at all is said in words. */
static void
test_chart_gaps (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzFonts) fonts = sz_fonts_new (&error);
  g_autoptr(SzText) text = NULL;
  SzRecordStats stats = { 0 };
  SzRecordFigures months[6] = { { 0 } };
  guint counts[2];

  g_assert_no_error (error);
  text = sz_text_new (fonts);
  stats.trend = g_ptr_array_new ();
  for (guint i = 0; i < 6; i++)
    {
      months[i].key = g_strdup_printf ("%u-%02u", 10 + i > 12 ? 2026 : 2025, 10 + i > 12 ? i - 2 : 10 + i);
      g_ptr_array_add (stats.trend, &months[i]);
    }
  for (guint pass = 0; pass < 2; pass++)
    {
      g_autoptr(SzPage) page = NULL;

      /* First two months, then every month, with records. */
      for (guint i = 0; i < 6; i++)
        if (pass == 1 || i < 2)
          {
            months[i].received = 10 + i;
            months[i].responded = 8;
            months[i].resolved = 5 + i;
            months[i].followed_up = 4;
            months[i].satisfied = 3;
          }
      page = sz_report_chart_page (text, &stats, 600, 300);
      test_check_page (page);
      counts[pass] = page->items->len;
      if (pass == 0)
        {
          g_autofree char *all = test_page_text (page);

          /* The year under the first month and under January. */
          g_assert_nonnull (strstr (all, "2025"));
          g_assert_nonnull (strstr (all, "2026"));
          g_assert_nonnull (strstr (all, "0\n"));
        }
    }
  g_assert_cmpuint (counts[0], <, counts[1]);

  g_ptr_array_set_size (stats.trend, 0);
  {
    g_autoptr(SzPage) page = sz_report_chart_page (text, &stats, 600, 300);
    g_autofree char *all = test_page_text (page);

    test_check_page (page);
    g_assert_cmpuint (strlen (all), >, 0);
  }
  for (guint i = 0; i < 6; i++)
    g_free (months[i].key);
  g_ptr_array_unref (stats.trend);
}

/* Bad month, unknown community, unwritable file: a message, no file. */
static void
test_errors (Fixture *f, gconstpointer data)
{
  g_autofree char *pdf = g_build_filename (f->dir, "bad.pdf", NULL);
  g_autofree char *nowhere = g_build_filename (f->dir, "missing", "report.pdf", NULL);
  const char *months[] = { "2025-13", "March", "" };

  for (guint i = 0; i < G_N_ELEMENTS (months); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (sz_report_write_month (f->db, f->community, months[i], f->now, pdf, &error));
      g_assert_nonnull (error);
      g_assert_cmpuint (strlen (error->message), >, 0);
      g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
    }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sz_report_write_month (f->db, f->community + 1000, MONTH, f->now, pdf, &error));
    g_assert_nonnull (error);
    g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  }
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (sz_report_write_month (f->db, f->community, MONTH, f->now, nowhere, &error));
    g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE);
    g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  }
}

/* A community whose name libharu cannot draw goes through cairo. */
static void
test_cairo (Fixture *f, gconstpointer data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = sz_community_get (f->db, f->community, &error);
  g_autofree char *pdf = NULL;
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  g_free (c->name);
  c->name = g_strdup ("𡒄家社区");   /* U+21484: outside the BMP */
  g_assert_true (sz_community_save (f->db, c, &error));
  g_assert_no_error (error);
  pdf = write_report (f, "cairo.pdf");
  {
    const char *text_argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
    const char *info_argv[] = { "pdfinfo", pdf, NULL };
    g_autofree char *info = test_run_tool (info_argv);

    text = test_run_tool (text_argv);
    g_assert_nonnull (strstr (info, "Producer:"));
    g_assert_true (g_str_has_prefix (g_strchug (strstr (info, "Producer:") + 9), "cairo"));
  }
  assert_has (text, "𡒄家社区");
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add ("/report/pdf", Fixture, NULL, fixture_setup, test_pdf, fixture_teardown);
  g_test_add ("/report/pages", Fixture, NULL, fixture_setup, test_pages, fixture_teardown);
  g_test_add_func ("/report/chart-gaps", test_chart_gaps);
  g_test_add ("/report/errors", Fixture, NULL, fixture_setup, test_errors, fixture_teardown);
  g_test_add ("/report/cairo", Fixture, NULL, fixture_setup, test_cairo, fixture_teardown);
  return g_test_run ();
}
