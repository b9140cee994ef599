/* test-export-table.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zip.h>

#include "sz-check.h"
#include "sz-demo.h"
#include "sz-export-table.h"
#include "sz-import.h"
#include "sz-safe-file.h"
#include "sz-table.h"
#include "sz-cli-test-util.h"
#include "sz-test-util.h"

/* Exports: the roster through the import and back, formula injection,
 * encodings, privacy (masking, reporters, 0600) and kill -9 half-way. */

/* ---- Helpers ------------------------------------------------------------------ */

static guint
file_mode (const char *path)
{
  GStatBuf st;

  g_assert_cmpint (g_stat (path, &st), ==, 0);
  return st.st_mode & 0777;
}

static char *
file_text (const char *path,
           gsize      *len)
{
  char *data = NULL;

  g_assert_true (g_file_get_contents (path, &data, len, NULL));
  return data;
}

/* The demo, and three heads with names that test every layer: 王䶮
 * (Extension A), 李𡒄 (Extension B, outside the BMP), 买买提·艾力 (a
 * Uyghur name with its middle dot). */
static SzDb *
demo_with_rare_names (const char  *name,
                      char       **path,
                      gint64      *community)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) vacant = NULL;
  SzDb *db = test_open_db (name, path);
  static const char *names[] = { "王䶮", "李𡒄", "买买提·艾力" };
  static const char *phones[] = { "13900000001", "13900000002", "0431-88886666-123" };
  guint filled = 0;

  g_assert_true (sz_demo_load (db, community, &error));
  g_assert_no_error (error);
  vacant = sz_vacancies (db, *community, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < vacant->len && filled < G_N_ELEMENTS (names); i++)
    {
      SzVacancy *v = vacant->pdata[i];
      gint64 person;

      if (v->level == SZ_LEVEL_GRID)
        continue;
      person = test_add_person (db, names[filled], phones[filled], filled != 1);
      g_assert_true (sz_post_appoint (db, v->level, v->place_id, person, "2025-06-01",
                                      filled == 2 ? SZ_CHOSEN_SELF_NOMINATION : SZ_CHOSEN_RECOMMENDATION,
                                      NULL, &error));
      g_assert_no_error (error);
      filled++;
    }
  g_assert_cmpuint (filled, ==, G_N_ELEMENTS (names));
  return db;
}

/* Every cell of the roster's first table, as one text. */
static char *
roster_dump (SzDb   *db,
             gint64  community)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzExport) e = sz_export_roster (db, community, SZ_EXPORT_FULL_PHONES, &error);
  g_autoptr(GString) s = g_string_new (NULL);
  SzExportTable *t;

  g_assert_no_error (error);
  t = sz_export_get_table (e, 0);
  for (guint r = 0; r < sz_export_table_get_n_rows (t); r++)
    {
      for (guint c = 0; c < sz_export_table_get_n_columns (t); c++)
        g_string_append_printf (s, "%s|", sz_export_table_get (t, r, c));
      g_string_append_c (s, '\n');
    }
  return g_string_free (g_steal_pointer (&s), FALSE);
}

/* Imports @file into a new database's community of the same name. */
static gboolean
import_into_new (const char      *file,
                 const char      *db_name,
                 SzDb           **db_out,
                 gint64          *community_out,
                 GError         **error)
{
  g_autoptr(SzTable) table = NULL;
  g_autofree char *path = NULL;
  SzImportReport report;
  SzDb *db = test_open_db (db_name, &path);
  gint64 community = test_add_community (db, "丰和社区");
  gboolean ok;

  table = sz_table_read_file (file, NULL, NULL, error);
  g_assert_nonnull (table);
  ok = sz_import_roster (db, community, table, SZ_IMPORT_CREATE_PLACES | SZ_IMPORT_REPLACE_HEADS, FALSE, &report,
                         error);
  *db_out = db;
  *community_out = community;
  return ok;
}

/* ---- The roster round trip ---------------------------------------------------------- */

static void
round_trip (const char     *file,
            SzExportFormat  format,
            const char     *encoding)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = test_file_path (file);
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autofree char *new_name = g_strconcat ("back-", file, ".db", NULL);
  g_autoptr(SzExport) e = NULL;
  g_autoptr(SzDb) back = NULL;
  gint64 community, back_community;
  g_autoptr(SzDb) db = demo_with_rare_names ("roster.db", &path, &community);

  e = sz_export_roster (db, community, SZ_EXPORT_FULL_PHONES, &error);
  g_assert_no_error (error);
  g_assert_true (sz_export_write (e, out, format, encoding, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (out), ==, 0600);

  g_assert_true (import_into_new (out, new_name, &back, &back_community, &error));
  g_assert_no_error (error);
  before = roster_dump (db, community);
  after = roster_dump (back, back_community);
  g_assert_cmpstr (after, ==, before);
  g_assert_nonnull (strstr (after, "李𡒄"));
  g_assert_nonnull (strstr (after, "王䶮"));
  g_assert_nonnull (strstr (after, "买买提·艾力"));
  g_assert_nonnull (strstr (after, "0431-88886666-123"));
}

static void
test_round_trip_xlsx (void)
{
  round_trip ("roster.xlsx", SZ_EXPORT_XLSX, NULL);
}

static void
test_round_trip_csv (void)
{
  round_trip ("roster.csv", SZ_EXPORT_CSV, NULL);
}

static void
test_round_trip_gb18030 (void)
{
  round_trip ("roster-gb18030.csv", SZ_EXPORT_CSV, "GB18030");
}

/* Masked phones do not go back in: the import says which cell. */
static void
test_masked_refused (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *out = test_file_path ("masked.xlsx");
  g_autoptr(SzExport) e = NULL;
  g_autoptr(SzDb) back = NULL;
  gint64 community, back_community;
  g_autoptr(SzDb) db = demo_with_rare_names ("masked.db", &path, &community);

  e = sz_export_roster (db, community, SZ_EXPORT_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_true (sz_export_write (e, out, SZ_EXPORT_XLSX, NULL, &error));
  g_assert_no_error (error);

  g_assert_false (import_into_new (out, "masked-back.db", &back, &back_community, &error));
  g_assert_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS);
  g_test_message ("%s", error->message);
  /* The first row's phone (column H), masked, is named. */
  g_assert_nonnull (strstr (error->message, sz_export_table_get (sz_export_get_table (e, 0), 0, 7)));
  g_assert_nonnull (strstr (error->message, "column H"));
  g_assert_nonnull (strstr (error->message, "“*” cannot be part of a phone number"));
  g_assert_cmpint (test_count (back, "person"), ==, 0);
}

/* ---- Formula injection ------------------------------------------------------------------ */

/* One part of a zip file (an .xlsx), as text. */
static char *
zip_part (const char *path,
          const char *name)
{
  zip_t *zip = zip_open (path, ZIP_RDONLY, NULL);
  zip_stat_t st;
  zip_file_t *f;
  char *data;

  g_assert_nonnull (zip);
  g_assert_cmpint (zip_stat (zip, name, 0, &st), ==, 0);
  data = g_malloc0 (st.size + 1);
  f = zip_fopen (zip, name, 0);
  g_assert_nonnull (f);
  g_assert_cmpint (zip_fread (f, data, st.size), ==, (zip_int64_t) st.size);
  zip_fclose (f);
  zip_close (zip);
  return data;
}

static const char *injections[] = {
  "=cmd|' /C calc'!A0", "+1", "-1", "@SUM(A1:A2)", "\t制表符开头", "=HYPERLINK(\"http://x\",\"点我\")",
};

static SzExport *
injection_export (void)
{
  SzExport *e = sz_export_new ("test");
  SzExportTable *t = sz_export_table_new ("注入");

  sz_export_table_add_column (t, "姓名", SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, "备注", SZ_EXPORT_COLUMN_LONG_TEXT);
  sz_export_table_add_column (t, "户数", SZ_EXPORT_COLUMN_NUMBER);
  for (guint i = 0; i < G_N_ELEMENTS (injections); i++)
    {
      sz_export_table_add_row (t);
      sz_export_table_set (t, 0, injections[i]);
      sz_export_table_set (t, 1, injections[i]);
      sz_export_table_set (t, 2, injections[i]);
    }
  sz_export_table_add_row (t);
  sz_export_table_set (t, 0, "张三");
  sz_export_table_set (t, 1, "第一行\n第二行, \"引号\"");
  sz_export_table_set (t, 2, "12");
  sz_export_add_table (e, t);
  return e;
}

static void
test_injection (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzExport) e = injection_export ();
  g_autofree char *xlsx = test_file_path ("injection.xlsx");
  g_autofree char *csv = test_file_path ("injection.csv");
  g_autoptr(SzTable) x = NULL;
  g_autoptr(SzTable) c = NULL;
  g_autofree char *raw = NULL;
  guint n = G_N_ELEMENTS (injections);

  g_assert_true (sz_export_write (e, xlsx, SZ_EXPORT_XLSX, NULL, &error));
  g_assert_true (sz_export_write (e, csv, SZ_EXPORT_CSV, NULL, &error));
  g_assert_no_error (error);

  /* .xlsx: strings, exactly as they were, never formulas. */
  {
    g_autofree char *sheet = zip_part (xlsx, "xl/worksheets/sheet1.xml");
    g_autofree char *strings = zip_part (xlsx, "xl/sharedStrings.xml");

    g_assert_null (strstr (sheet, "<f>"));
    g_assert_nonnull (strstr (strings, "<t>=cmd|' /C calc'!A0</t>"));
    g_assert_nonnull (strstr (strings, "\t制表符开头</t>"));
  }
  x = sz_table_read_file (xlsx, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (x), ==, n + 1);
  for (guint r = 0; r < n; r++)
    for (guint col = 0; col < 3; col++)
      {
        /* The import's reader trims a cell's surrounding blanks (the
         * file keeps the tab, as checked above). */
        const char *expected = injections[r][0] == '\t' ? injections[r] + 1 : injections[r];

        g_assert_cmpstr (sz_table_get (x, r, col), ==, expected);
        g_assert_cmpint (sz_table_get_kind (x, r, col), ==, SZ_CELL_TEXT);
      }
  g_assert_cmpstr (sz_table_get (x, n, 1), ==, "第一行\n第二行, \"引号\"");
  /* A count is a number. */
  g_assert_cmpint (sz_table_get_kind (x, n, 2), ==, SZ_CELL_NUMBER);

  /* CSV: neutralised with a leading apostrophe, read back as text. */
  c = sz_table_read_file (csv, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sz_table_get_n_rows (c), ==, n + 1);
  for (guint r = 0; r < n; r++)
    for (guint col = 0; col < 3; col++)
      {
        g_autofree char *expected = g_strconcat ("'", injections[r], NULL);

        g_assert_cmpstr (sz_table_get (c, r, col), ==, expected);
      }
  g_assert_cmpstr (sz_table_get (c, n, 1), ==, "第一行\n第二行, \"引号\"");

  /* RFC 4180 with a BOM and CRLF; the neutralised cells quoted too. */
  raw = file_text (csv, NULL);
  g_assert_true (g_str_has_prefix (raw, "\xEF\xBB\xBF姓名,备注,户数\r\n"));
  g_assert_nonnull (strstr (raw, "\"'=cmd|' /C calc'!A0\",\"'=cmd|' /C calc'!A0\""));
  g_assert_nonnull (strstr (raw, "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\""));
  g_assert_nonnull (strstr (raw, "张三,\"第一行\n第二行, \"\"引号\"\"\",12\r\n"));
  g_assert_cmpstr (sz_export_neutralise ("张三"), ==, NULL);
}

/* ---- Encodings -------------------------------------------------------------------------- */

static void
test_encodings (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *gbk = test_file_path ("roster-gbk.csv");
  g_autoptr(SzExport) e = NULL;
  g_autoptr(SzTable) back = NULL;
  gint64 community;
  g_autoptr(SzDb) db = demo_with_rare_names ("enc.db", &path, &community);

  /* GBK holds neither 䶮 nor 𡒄: refused, naming the cell, nothing written. */
  e = sz_export_roster (db, community, SZ_EXPORT_DEFAULT, &error);
  g_assert_false (sz_export_write (e, gbk, SZ_EXPORT_CSV, "gbk", &error));
  g_assert_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_ENCODING);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, "GBK cannot hold"));
  g_assert_nonnull (strstr (error->message, "姓名"));
  g_assert_false (g_file_test (gbk, G_FILE_TEST_EXISTS));
  g_clear_error (&error);

  g_assert_false (sz_export_write (e, gbk, SZ_EXPORT_CSV, "big5", &error));
  g_assert_error (error, SZ_EXPORT_ERROR, SZ_EXPORT_ERROR_FORMAT);
  g_clear_error (&error);

  /* Without the rare names, GBK is what WPS reads. */
  {
    g_autoptr(SzExport) h = sz_export_hotlines (db, community, SZ_EXPORT_DEFAULT, &error);
    g_autofree char *raw = NULL;
    g_autofree char *utf8 = NULL;
    gsize len;

    g_assert_true (sz_export_write (h, gbk, SZ_EXPORT_CSV, "GBK", &error));
    g_assert_no_error (error);
    raw = file_text (gbk, &len);
    g_assert_false (g_str_has_prefix (raw, "\xEF\xBB\xBF"));
    utf8 = g_convert (raw, len, "UTF-8", "GBK", NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_nonnull (strstr (utf8, "丰和社区"));
    back = sz_table_read_file (gbk, NULL, NULL, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (sz_table_get_n_rows (back), ==, sz_export_table_get_n_rows (sz_export_get_table (h, 0)));
  }
}

/* ---- Privacy ------------------------------------------------------------------------------- */

/* The row whose "What was reported" (column 9) is @description. */
static guint
find_row (SzExportTable *t,
          const char    *description)
{
  for (guint r = 0; r < sz_export_table_get_n_rows (t); r++)
    if (g_str_equal (sz_export_table_get (t, r, 8), description))
      return r;
  g_assert_not_reached ();
}

static void
test_privacy (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *roster = test_file_path ("roster-masked.csv");
  g_autofree char *hotlines = test_file_path ("hotlines.csv");
  g_autofree char *records = test_file_path ("records.xlsx");
  g_autofree char *text = NULL;
  g_autofree char *summary = NULL;
  g_autoptr(SzExport) e = NULL;
  gint64 community;
  g_autoptr(SzDb) db = demo_with_rare_names ("privacy.db", &path, &community);
  mode_t mask = umask (022);

  /* Masked by default; names make it personal: 0600, and said so. */
  e = sz_export_roster (db, community, SZ_EXPORT_DEFAULT, &error);
  g_assert_true (sz_export_write (e, roster, SZ_EXPORT_CSV, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (file_mode (roster), ==, 0600);
  text = file_text (roster, NULL);
  assert_no_full_mobile (text);
  g_assert_nonnull (strstr (text, "139****0001"));
  summary = sz_export_describe (e, roster, SZ_EXPORT_CSV);
  g_assert_nonnull (strstr (summary, "personal data"));
  g_assert_nonnull (strstr (summary, "masked"));
  g_clear_pointer (&e, sz_export_free);
  g_clear_pointer (&summary, g_free);

  /* Hotlines are public numbers: in full, a file like any other. */
  e = sz_export_hotlines (db, community, SZ_EXPORT_DEFAULT, &error);
  g_assert_true (sz_export_write (e, hotlines, SZ_EXPORT_CSV, NULL, &error));
  g_assert_cmpuint (file_mode (hotlines), ==, 0644);
  g_assert_cmpuint (sz_export_table_get_n_rows (sz_export_get_table (e, 0)), ==, test_count (db, "hotline"));
  summary = sz_export_describe (e, hotlines, SZ_EXPORT_CSV);
  g_assert_null (strstr (summary, "personal data"));
  g_clear_pointer (&e, sz_export_free);
  g_clear_pointer (&summary, g_free);

  /* Records: no reporters unless asked; their phones masked unless asked. */
  {
    g_autoptr(SzRecord) r = sz_record_new ();
    g_autoptr(SzExport) without = NULL;
    g_autoptr(SzExport) with = NULL;
    g_autoptr(SzExport) full = NULL;
    g_autoptr(GPtrArray) categories = sz_record_category_list (db, FALSE, &error);
    g_autoptr(GString) all = g_string_new (NULL);
    SzExportTable *t;
    guint row;

    r->community_id = community;
    r->received_at = test_time ("2026-11-02 09:00");
    r->channel = SZ_CHANNEL_PHONE;
    r->reporter_name = g_strdup ("报告人甲乙");
    r->reporter_phone = g_strdup ("13912345678");
    r->place_kind = SZ_NODE_COMMUNITY;
    r->place_id = community;
    r->category_id = ((SzRecordCategory *) categories->pdata[0])->id;
    r->description = g_strdup ("=1+1 路灯不亮");
    g_assert_true (sz_record_add (db, r, NULL, &error));
    g_assert_no_error (error);

    without = sz_export_records (db, community, 0, 0, SZ_EXPORT_FULL_PHONES, &error);
    t = sz_export_get_table (without, 0);
    for (guint i = 0; i < sz_export_table_get_n_rows (t); i++)
      for (guint c = 0; c < sz_export_table_get_n_columns (t); c++)
        g_string_append_printf (all, "%s\n", sz_export_table_get (t, i, c));
    g_assert_null (strstr (all->str, "报告人甲乙"));
    g_assert_null (strstr (all->str, "13912345678"));
    g_assert_nonnull (strstr (all->str, "=1+1 路灯不亮"));
    g_assert_cmpuint (sz_export_table_get_n_rows (t), ==, test_count (db, "record"));
    g_assert_cmpuint (sz_export_table_get_n_rows (sz_export_get_table (without, 1)), ==,
                      test_count (db, "record_event"));

    with = sz_export_records (db, community, 0, 0, SZ_EXPORT_WITH_REPORTERS, &error);
    g_assert_true (sz_export_write (with, records, SZ_EXPORT_XLSX, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpuint (file_mode (records), ==, 0600);
    t = sz_export_get_table (with, 0);
    row = find_row (t, "=1+1 路灯不亮");
    g_assert_cmpstr (sz_export_table_get (t, row, sz_export_table_get_n_columns (t) - 2), ==, "报告人甲乙");
    g_assert_cmpstr (sz_export_table_get (t, row, sz_export_table_get_n_columns (t) - 1), ==, "139****5678");

    full = sz_export_records (db, community, test_time ("2026-11-01 00:00"), test_time ("2026-12-01 00:00"),
                              SZ_EXPORT_WITH_REPORTERS | SZ_EXPORT_FULL_PHONES, &error);
    t = sz_export_get_table (full, 0);
    g_assert_cmpuint (sz_export_table_get_n_rows (t), >=, 1);
    row = find_row (t, "=1+1 路灯不亮");
    g_assert_cmpstr (sz_export_table_get (t, row, sz_export_table_get_n_columns (t) - 1), ==, "13912345678");
    summary = sz_export_describe (full, records, SZ_EXPORT_XLSX);
    g_assert_nonnull (strstr (summary, "full phone numbers"));
  }
  umask (mask);
}

/* ---- The command line, and kill -9 ------------------------------------------------------------ */

static void
cli (Result     *r,
     const char *first,
     ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  va_list ap;

  va_start (ap, first);
  for (const char *a = first; a != NULL; a = va_arg (ap, const char *))
    g_ptr_array_add (args, (gpointer) a);
  va_end (ap);
  g_ptr_array_add (args, NULL);
  run_argv (r, FALSE, (const char * const *) args->pdata);
}

static void
test_cli (void)
{
  g_auto(Result) r = { 0 };
  g_autofree char *path = NULL;
  g_autofree char *xlsx = NULL;
  g_autofree char *csv = NULL;
  g_autofree char *pdf = NULL;
  gint64 community;

  if (!have_cli ())
    return;
  sz_db_close (demo_with_rare_names ("cli.db", &path, &community));
  xlsx = test_file_path ("名册.xlsx");
  csv = test_file_path ("records.csv");
  pdf = test_file_path ("名册.pdf");

  cli (&r, "--database", path, "export", "roster", "-o", xlsx, NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "Wrote the roster");
  assert_contains (r.out, "phones are masked");
  g_assert_cmpuint (file_mode (xlsx), ==, 0600);

  cli (&r, "--database", path, "export", "roster", "--full-phones", "--format", "xlsx", "-o", xlsx, NULL);
  assert_exit (&r, 0);
  assert_contains (r.out, "full phone numbers");

  cli (&r, "--database", path, "export", "records", "--month", "2026-11", "-o", csv, NULL);
  assert_exit (&r, 0);
  cli (&r, "--database", path, "export", "hotlines", "--encoding", "gbk", "-o", csv, NULL);
  assert_exit (&r, 0);

  /* Usage mistakes. */
  cli (&r, "--database", path, "export", NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "people", "-o", xlsx, NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "roster", NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "roster", "-o", pdf, NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "roster", "--encoding", "gbk", "-o", xlsx, NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "roster", "--with-reporters", "-o", xlsx, NULL);
  assert_exit (&r, 2);
  cli (&r, "--database", path, "export", "roster", "--encoding", "big5", "-o", csv, NULL);
  assert_exit (&r, 2);
  /* The rare names cannot be GBK: an error, not a usage mistake. */
  cli (&r, "--database", path, "export", "roster", "--encoding", "gbk", "-o", csv, NULL);
  assert_exit (&r, 1);
  assert_contains (r.err, "GBK cannot hold");
}

/* A kill at any moment of an export leaves the old file or the new one,
 * and the next export removes the killed one's temporary file (names and
 * phones) at once; SIGTERM removes it before the process dies. */
static void
test_kill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *out = NULL;
  gint64 community, full_run, deadline, start;
  guint runs = 0, killed = 0, rows;
  g_autoptr(SzDb) db = NULL;

  if (!have_cli ())
    return;
  db = demo_with_rare_names ("kill.db", &path, &community);
  /* Records make the file big enough to be killed in the middle of. */
  {
    g_autoptr(SzExport) e = sz_export_records (db, community, 0, 0, SZ_EXPORT_DEFAULT, &error);

    rows = sz_export_table_get_n_rows (sz_export_get_table (e, 0));
  }
  g_clear_pointer (&db, sz_db_close);
  out = test_file_path ("out/records.xlsx");
  dir = g_path_get_dirname (out);
  g_mkdir_with_parents (dir, 0700);

  {
    const char *args[] = { "--database", path, "export", "records", "--with-reporters", "--full-phones", "-o", out, NULL };
    g_autoptr(GSubprocess) first = NULL;

    start = g_get_monotonic_time ();
    first = test_spawn_cli (args);
    g_assert_true (g_subprocess_wait (first, NULL, NULL));
    g_assert_true (g_subprocess_get_successful (first));
    full_run = g_get_monotonic_time () - start;
    g_test_message ("an export takes %" G_GINT64_FORMAT " ms", full_run / 1000);

    deadline = g_get_monotonic_time () + 10 * G_TIME_SPAN_SECOND;
    while (runs < 10 || (runs < 60 && g_get_monotonic_time () < deadline))
      {
        g_autoptr(GSubprocess) proc = test_spawn_cli (args);
        g_autoptr(SzTable) table = NULL;
        g_autoptr(GDir) listing = NULL;
        const char *name;

        g_usleep (g_random_int_range (0, (gint32) (full_run * 6 / 5) + 1));
        /* Every other run the polite way: SIGTERM cleans up at once. */
        if (runs % 2 == 0)
          g_subprocess_force_exit (proc);
        else
          g_subprocess_send_signal (proc, SIGTERM);
        g_assert_true (g_subprocess_wait (proc, NULL, NULL));
        killed += g_subprocess_get_if_signaled (proc);
        runs++;

        /* The file is whole. */
        table = sz_table_read_file (out, NULL, NULL, &error);
        g_assert_no_error (error);
        g_assert_cmpuint (sz_table_get_n_rows (table), ==, rows);
        g_assert_cmpuint (file_mode (out), ==, 0600);

        /* SIGTERM left nothing; SIGKILL may leave a temporary file (0600),
         * which the next run removes. */
        listing = g_dir_open (dir, 0, NULL);
        while ((name = g_dir_read_name (listing)) != NULL)
          if (sz_safe_file_is_temp_name (name))
            {
              g_autofree char *temp = g_build_filename (dir, name, NULL);

              g_assert_cmpuint (file_mode (temp), ==, 0600);
              g_assert_true (runs % 2 == 1);
            }
        sz_safe_file_clean_stale (dir);
        g_clear_pointer (&listing, g_dir_close);
        listing = g_dir_open (dir, 0, NULL);
        while ((name = g_dir_read_name (listing)) != NULL)
          g_assert_false (sz_safe_file_is_temp_name (name));
      }
  }
  g_test_message ("%u exports, %u killed half-way", runs, killed);
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/export/round-trip-xlsx", test_round_trip_xlsx);
  g_test_add_func ("/core/export/round-trip-csv", test_round_trip_csv);
  g_test_add_func ("/core/export/round-trip-gb18030", test_round_trip_gb18030);
  g_test_add_func ("/core/export/masked-refused", test_masked_refused);
  g_test_add_func ("/core/export/injection", test_injection);
  g_test_add_func ("/core/export/encodings", test_encodings);
  g_test_add_func ("/core/export/privacy", test_privacy);
  g_test_add_func ("/core/export/cli", test_cli);
  g_test_add_func ("/core/export/kill", test_kill);
  return g_test_run ();
}
