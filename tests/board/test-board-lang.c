/* test-board-lang.c: boards, the monthly report and certificates are
 * printed in the community's board language, whatever the language of the
 * shell that prints them (LANG=C, LANGUAGE=en), and in English when the
 * community says so.  The built CLI runs as a subprocess on a real demo
 * database; the PDFs are read back with pdftotext.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <string.h>

#include "sz-cli-test-util.h"
#include "sz-doc-lang.h"
#include "sz-pdf-test-util.h"

typedef enum
{
  SHELL_C,            /* LANG=C, no LC_ALL, no LANGUAGE */
  SHELL_LANGUAGE_EN,  /* LANG=en_US.UTF-8, LANGUAGE=en */
  SHELL_CHINESE,      /* LC_ALL=zh_CN.UTF-8, LANGUAGE=zh_CN */
} Shell;

static const char *
shell_name (Shell shell)
{
  return shell == SHELL_C ? "LANG=C" : shell == SHELL_LANGUAGE_EN ? "LANGUAGE=en" : "zh_CN";
}

/* run_argv() with the shell's language: the rest as the test's. */
static void
run_in (Result             *r,
        Shell               shell,
        const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher =
    g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GSubprocess) proc = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  result_clear (r);
  g_subprocess_launcher_unsetenv (launcher, "LC_ALL");
  g_subprocess_launcher_unsetenv (launcher, "LC_MESSAGES");
  g_subprocess_launcher_unsetenv (launcher, "LANGUAGE");
  switch (shell)
    {
    case SHELL_C:
      g_subprocess_launcher_setenv (launcher, "LANG", "C", TRUE);
      break;
    case SHELL_LANGUAGE_EN:
      g_subprocess_launcher_setenv (launcher, "LANG", "en_US.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "en", TRUE);
      break;
    case SHELL_CHINESE:
    default:
      g_subprocess_launcher_setenv (launcher, "LC_ALL", "zh_CN.UTF-8", TRUE);
      g_subprocess_launcher_setenv (launcher, "LANGUAGE", "zh_CN", TRUE);
      break;
    }
  g_subprocess_launcher_setenv (launcher, "HOME", g_get_home_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CONFIG_HOME", g_get_user_config_dir (), TRUE);
  g_subprocess_launcher_setenv (launcher, "XDG_CACHE_HOME", g_get_user_cache_dir (), TRUE);
  g_ptr_array_add (argv, (gpointer) cli_path ());
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  {
    g_autofree char *line = g_strjoinv (" ", (char **) argv->pdata + 1);
    g_test_message ("$ %s sanzhang-cli %s", shell_name (shell), line);
  }
  proc = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (proc, NULL, NULL, &r->out, &r->err, &error);
  g_assert_no_error (error);
  r->status = g_subprocess_get_if_exited (proc) ? g_subprocess_get_exit_status (proc) : -1;
  if (r->out == NULL)
    r->out = g_strdup ("");
  if (r->err == NULL)
    r->err = g_strdup ("");
  g_test_message ("exit %d; stdout: %s; stderr: %s", r->status, r->out, r->err);
}

#define RUN(r, shell, ...) run_in ((r), (shell), (const char * const []) { __VA_ARGS__, NULL })

static char *tmp_dir;

/* A file in this run's own folder. */
static char *
temp_path (const char *name)
{
  return g_build_filename (tmp_dir, name, NULL);
}

static void
remove_tmp_dir (void)
{
  g_autoptr(GDir) dir = g_dir_open (tmp_dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (tmp_dir, name, NULL);
      g_remove (path);
    }
  g_rmdir (tmp_dir);
  g_clear_pointer (&tmp_dir, g_free);
}

/* The demo, made by staff working in Chinese: its data is Chinese. */
static char *
make_demo (const char *name)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *path = temp_path (name);

  RUN (&r, SHELL_CHINESE, "demo", "--database", path);
  assert_exit (&r, 0);
  return g_steal_pointer (&path);
}

/* The month of the demo's latest record, "2026-11". */
static char *
latest_month (const char *db)
{
  gint64 at = query_int (db, "SELECT max(received_at) FROM record");
  g_autoptr(GTimeZone) tz = g_time_zone_new_identifier ("Asia/Shanghai");
  g_autoptr(GDateTime) dt = g_date_time_new_from_unix_utc (at);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (dt, tz ? tz : g_time_zone_new_local ());

  return g_date_time_format (local, "%Y-%m");
}

static void
assert_lacks (const char *text, const char *what)
{
  if (strstr (text, what) != NULL)
    g_error ("“%s” should not be in the PDF:\n%s", what, text);
}

typedef struct
{
  char *board;
  char *report;
  char *certificate;
} Texts;

static void
texts_clear (Texts *t)
{
  g_free (t->board);
  g_free (t->report);
  g_free (t->certificate);
}

/* Prints a building's boards, the month's report and a certificate from
 * @db under @shell, and reads them back. */
static void
print_all (const char *db, Shell shell, const char *tag, Texts *t)
{
  g_auto(Result) r = { -1, NULL, NULL };
  g_autofree char *stem = g_strdup_printf ("%s-%s", tag, shell == SHELL_C ? "c" : shell == SHELL_LANGUAGE_EN ? "en" : "zh");
  g_autofree char *board_name = g_strconcat (stem, "-boards.pdf", NULL);
  g_autofree char *report_name = g_strconcat (stem, "-report.pdf", NULL);
  g_autofree char *cert_name = g_strconcat (stem, "-certificate.pdf", NULL);
  g_autofree char *board = temp_path (board_name);
  g_autofree char *report = temp_path (report_name);
  g_autofree char *cert = temp_path (cert_name);
  g_autofree char *building = g_strdup_printf ("%" G_GINT64_FORMAT,
                                               query_int (db, "SELECT min(building_id) FROM unit"));
  g_autofree char *honour = g_strdup_printf ("%" G_GINT64_FORMAT,
                                             query_int (db, "SELECT min(id) FROM honour WHERE status = 'final'"));
  g_autofree char *month = latest_month (db);

  RUN (&r, shell, "-d", db, "boards", "--building", building, "--kind", "building,unit", "--no-record",
       "--date", "2026-12-01", "-o", board);
  assert_exit (&r, 0);
  RUN (&r, shell, "-d", db, "records", "report", "--month", month, "-o", report);
  assert_exit (&r, 0);
  RUN (&r, shell, "-d", db, "honours", "certificate", honour, "-o", cert);
  assert_exit (&r, 0);
  t->board = test_pdf_text (board, 0);
  t->report = test_pdf_text (report, 0);
  t->certificate = test_pdf_text (cert, 0);
  g_test_message ("board:\n%s\nreport:\n%s\ncertificate:\n%s", t->board, t->report, t->certificate);
}

/* A Chinese community's documents printed from an English or C shell:
 * every label Chinese, none English. */
static gboolean
have_pdftotext (void)
{
  g_autofree char *path = g_find_program_in_path ("pdftotext");

  if (path == NULL)
    g_test_skip ("pdftotext (poppler-utils) is not installed");
  return path != NULL;
}

static void
test_chinese_whatever_the_shell (gconstpointer data)
{
  Shell shell = GPOINTER_TO_INT (data);
  g_autofree char *db = NULL;
  g_auto(Result) r = { -1, NULL, NULL };
  Texts t = { 0 };

  if (!have_cli () || !have_pdftotext ())
    return;
  db = make_demo (shell == SHELL_C ? "zh-c.db" : "zh-en.db");
  /* The shell's interface is English: the CLI's own messages say so. */
  RUN (&r, shell, "-d", db, "community");
  assert_exit (&r, 0);
  assert_contains (r.out, "Board language: Chinese (Simplified) (zh_CN)");

  print_all (db, shell, "zh", &t);

  /* Boards: the heads' titles, the table, the sections, the footer, the
   * places named by number. */
  for (guint i = 0; i < 2; i++)
    {
      const char *has[] = { "网格长", "楼栋长", "单元长", "职责", "楼栋长职责", "单元长职责", "便民服务热线",
                            "印制日期：2026-12-01", "姓名", "电话", "第1网格", "1单元", "收集民情信息",
                            "扫码加群", "微信群：" };
      const char *lacks[] = { "Gridhead", "Buildinghead", "Unithead", "Duties", "duties", "Servicehotlines",
                              "Printed", "Phone", "Grid1", "Unit1", "Collectresidents", "Contactthecommunity",
                              "Supervisionphone", "Communityoffice" };

      for (guint k = 0; i == 0 && k < G_N_ELEMENTS (has); k++)
        test_pdf_assert_has (t.board, has[k]);
      for (guint k = 0; i == 1 && k < G_N_ELEMENTS (lacks); k++)
        assert_lacks (t.board, lacks[k]);
    }

  /* The monthly report. */
  test_pdf_assert_has (t.report, "本月指标");
  test_pdf_assert_has (t.report, "响应率");
  test_pdf_assert_has (t.report, "按网格");
  test_pdf_assert_has (t.report, "超期记录");
  test_pdf_assert_has (t.report, "第1页，共");
  test_pdf_assert_has (t.report, "第1网格");
  {
    const char *lacks[] = { "Responserate", "Themonth", "Bygrid", "Overduerecords", "Page1of", "Grid1",
                            "Dispatched", "Received", "Total", "Records", "records", "Figures" };

    for (guint k = 0; k < G_N_ELEMENTS (lacks); k++)
      assert_lacks (t.report, lacks[k]);
  }

  /* The certificate. */
  test_pdf_assert_has (t.certificate, "荣誉证书");
  test_pdf_assert_has (t.certificate, "特发此证，以资鼓励。");
  test_pdf_assert_has (t.certificate, "证书编号：");
  test_pdf_assert_has (t.certificate, "居民委员会");
  {
    const char *lacks[] = { "Certificate", "awarded", "wasnamed", "Residents", "Committee" };

    for (guint k = 0; k < G_N_ELEMENTS (lacks); k++)
      assert_lacks (t.certificate, lacks[k]);
  }
  texts_clear (&t);
}

/* A community set to English: its documents are English, also from a
 * Chinese shell; set back, Chinese again. */
static void
test_english_community (void)
{
  g_autofree char *db = NULL;
  g_auto(Result) r = { -1, NULL, NULL };
  Texts t = { 0 };

  if (!have_cli () || !have_pdftotext ())
    return;
  db = make_demo ("en.db");
  g_assert_cmpint (query_int (db, "SELECT board_language = 'zh_CN' FROM community"), ==, 1);

  RUN (&r, SHELL_C, "-d", db, "community", "--board-language", "fr");
  assert_exit (&r, 1);
  assert_contains (r.err, "Board language:");
  assert_contains (r.err, "fr");
  g_assert_cmpint (query_int (db, "SELECT board_language = 'zh_CN' FROM community"), ==, 1);

  RUN (&r, SHELL_C, "-d", db, "community", "--board-language", "en");
  assert_exit (&r, 0);
  assert_contains (r.out, "Board language: English (en)");
  g_assert_cmpint (query_int (db, "SELECT board_language = 'en' FROM community"), ==, 1);
  /* Audited as the other community fields. */
  g_assert_cmpint (query_int (db, "SELECT count(*) FROM audit_log WHERE entity = 'community'"
                                  " AND new_values LIKE '%board_language%en%'"), >=, 1);

  print_all (db, SHELL_CHINESE, "en", &t);
  {
    const char *has[] = { "Gridhead", "Buildinghead", "Unithead", "Duties", "Buildinghead’sduties",
                          "Servicehotlines", "Printed2026-12-01", "Phone", "Grid1", "Unit1",
                          "Collectresidents'information", "WeChatgroup:", "Scantojointhegroup" };
    /* The units' labels ("1单元") are not looked for: the demo's WeChat
     * groups are named in Chinese ("…1栋1单元邻里群"), as entered. */
    const char *lacks[] = { "网格长", "楼栋长", "单元长", "职责", "便民服务热线", "印制日期", "第1网格", "扫码加群",
                            "微信群：", "收集民情信息" };

    for (guint k = 0; k < G_N_ELEMENTS (has); k++)
      test_pdf_assert_has (t.board, has[k]);
    for (guint k = 0; k < G_N_ELEMENTS (lacks); k++)
      assert_lacks (t.board, lacks[k]);
  }
  test_pdf_assert_has (t.report, "Responserate");
  test_pdf_assert_has (t.report, "Overduerecords");
  test_pdf_assert_has (t.report, "Page1of");
  test_pdf_assert_has (t.report, "Grid1");
  assert_lacks (t.report, "响应率");
  assert_lacks (t.report, "超期记录");
  assert_lacks (t.report, "第1网格");
  test_pdf_assert_has (t.certificate, "CertificateofHonour");
  test_pdf_assert_has (t.certificate, "Thiscertificateisawardedinrecognition.");
  test_pdf_assert_has (t.certificate, "Residents’Committee");
  assert_lacks (t.certificate, "荣誉证书");
  assert_lacks (t.certificate, "特发此证");
  texts_clear (&t);

  RUN (&r, SHELL_C, "-d", db, "community", "--board-language", "zh_CN");
  assert_exit (&r, 0);
  print_all (db, SHELL_C, "back", &t);
  test_pdf_assert_has (t.board, "便民服务热线");
  assert_lacks (t.board, "Servicehotlines");
  texts_clear (&t);
}

/* The reader itself: no locale, no LANGUAGE, contexts, plurals, English,
 * a missing catalogue. */
static void
test_reader (void)
{
  g_autofree char *saved = g_strdup (g_getenv ("SANZHANG_LOCALEDIR"));

  g_setenv ("LANGUAGE", "en", TRUE);
  g_assert_cmpstr (D_ ("zh_CN", "Duties"), ==, "职责");
  g_assert_cmpstr (D_ (NULL, "Service hotlines"), ==, "便民服务热线");
  g_assert_cmpstr (D_ ("en", "Duties"), ==, "Duties");
  g_assert_cmpstr (DC_ ("zh_CN", "honour", "Title"), !=, "Title");
  g_assert_cmpstr (DC_ ("en", "honour", "Title"), ==, "Title");
  g_assert_cmpstr (DC_ ("zh_CN", "no such context", "Duties"), ==, "Duties");
  g_assert_cmpstr (sz_doc_pgettext2 ("zh_CN", "month on a chart", "Jan"), !=, "Jan");
  g_assert_cmpstr (DN_ ("en", "%lu day", "%lu days", 2), ==, "%lu days");
  g_assert_cmpstr (DN_ ("en", "%lu day", "%lu days", 1), ==, "%lu day");
  g_assert_cmpstr (DN_ ("zh_CN", "%lu day", "%lu days", 2), !=, "%lu days");
  g_assert_cmpstr (D_ ("zh_CN", "a string no catalogue has"), ==, "a string no catalogue has");
  /* Back from the interface's words to the board's. */
  g_assert_cmpstr (sz_doc_retranslate ("zh_CN", "Service hotlines"), ==, "便民服务热线");
  g_assert_cmpstr (sz_doc_retranslate ("en", "便民服务热线"), ==, "Service hotlines");
  g_assert_cmpstr (sz_doc_retranslate ("en", "丰和社区"), ==, "丰和社区");
  g_assert_true (sz_doc_lang_is_valid ("en"));
  g_assert_false (sz_doc_lang_is_valid ("fr"));

  /* No catalogue: the msgids. */
  g_setenv ("SANZHANG_LOCALEDIR", "/nonexistent", TRUE);
  sz_doc_lang_reset ();
  g_assert_cmpstr (D_ ("zh_CN", "Duties"), ==, "Duties");
  if (saved != NULL)
    g_setenv ("SANZHANG_LOCALEDIR", saved, TRUE);
  sz_doc_lang_reset ();
  g_assert_cmpstr (D_ ("zh_CN", "Duties"), ==, "职责");
}

/* Many threads looking up at once, the catalogue read once. */
static gpointer
lookup_thread (gpointer data)
{
  for (guint i = 0; i < 2000; i++)
    if (g_strcmp0 (D_ ("zh_CN", "Grid head"), "网格长") != 0)
      return GINT_TO_POINTER (1);
  return NULL;
}

static void
test_threads (void)
{
  GThread *threads[8];

  sz_doc_lang_reset ();
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("lookup", lookup_thread, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_assert_null (g_thread_join (threads[i]));
}

int
main (int argc, char **argv)
{
  int status;

  /* The process's own locale is C: the reader must not care. */
  setlocale (LC_ALL, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/board-lang/reader", test_reader);
  g_test_add_func ("/board-lang/threads", test_threads);
  g_test_add_data_func ("/board-lang/lang-c", GINT_TO_POINTER (SHELL_C), test_chinese_whatever_the_shell);
  g_test_add_data_func ("/board-lang/language-en", GINT_TO_POINTER (SHELL_LANGUAGE_EN),
                        test_chinese_whatever_the_shell);
  g_test_add_func ("/board-lang/english-community", test_english_community);
  tmp_dir = g_dir_make_tmp ("sz-board-lang-XXXXXX", NULL);
  g_assert_nonnull (tmp_dir);
  status = g_test_run ();
  remove_tmp_dir ();
  return status;
}
