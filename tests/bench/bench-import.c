/* bench-import.c: a street office's roster through the import.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <sys/resource.h>

#include "sz-bench-util.h"
#include "sz-csv.h"
#include "sz-db.h"
#include "sz-import.h"
#include "sz-roster.h"

/* Writes a roster of @rows heads as WPS saves it (GB18030, CRLF): grids of
 * 40 buildings of 4 units, a grid head, building heads and unit heads,
 * then times reading it, planning (the preview) and importing it into a
 * new database, and again into the same one (every head unchanged).
 * Prints figures; never fails on time. */

static int opt_rows = 40000;
static int opt_runs = 3;
static char *opt_keep;

static const char *surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
static const char *given = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕建国志文辉力斌波宇浩凯健俊帆帅旭宁龙林欣";

static char *
make_name (GRand *rand)
{
  glong ns = g_utf8_strlen (surnames, -1), ng = g_utf8_strlen (given, -1);
  GString *s = g_string_new (NULL);
  int n = g_rand_int_range (rand, 1, 3);
  const char *p = g_utf8_offset_to_pointer (surnames, g_rand_int_range (rand, 0, ns));

  g_string_append_len (s, p, g_utf8_next_char (p) - p);
  for (int i = 0; i < n; i++)
    {
      p = g_utf8_offset_to_pointer (given, g_rand_int_range (rand, 0, ng));
      g_string_append_len (s, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (s, FALSE);
}

static GBytes *
make_file (int rows)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (20261207);
  g_autoptr(GString) text = g_string_new ("网格,网格名称,小区,楼栋,单元,职务,姓名,电话,性别,党员,同意公示电话,同意日期,户数,备注\r\n");
  g_autoptr(GError) error = NULL;
  gsize len = 0;
  char *gbk;
  int written = 0, phone = 0;

  for (int grid = 1; written < rows; grid++)
    {
      g_autofree char *name = make_name (rand);

      g_string_append_printf (text, "%d,第%d网格,,,,网格长,%s,139%08d,女,是,是,2024-03-01,,\r\n", grid, grid, name, ++phone);
      written++;
      for (int b = 1; b <= 40 && written < rows; b++)
        {
          g_autofree char *bname = make_name (rand);

          g_string_append_printf (text, "%d,,幸福%d区,%d栋,,楼栋长,%s,138%08d,男,否,是,2024-03-01,,\r\n",
                                  grid, grid, b, bname, ++phone);
          written++;
          for (int u = 1; u <= 4 && written < rows; u++)
            {
              g_autofree char *uname = make_name (rand);

              g_string_append_printf (text, "%d,,幸福%d区,%d栋,%d单元,单元长,%s,137%08d,%s,%s,%s,,%d,%s\r\n",
                                      grid, grid, b, u, uname, ++phone, u % 2 ? "男" : "女", u % 3 ? "否" : "是",
                                      u % 4 ? "是" : "否", 12 + u, u == 2 ? "退休教师" : "");
              written++;
            }
        }
    }
  gbk = g_convert (text->str, text->len, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (gbk, len);
}

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static int
compare_double (gconstpointer a,
                gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

static double
median (GArray *a)
{
  g_array_sort (a, compare_double);
  return g_array_index (a, double, a->len / 2);
}

int
main (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "rows", 0, 0, G_OPTION_ARG_INT, &opt_rows, "Rows of the roster (default 40000)", "N" },
    { "runs", 0, 0, G_OPTION_ARG_INT, &opt_runs, "Runs of each step (default 3); the median is printed", "N" },
    { "keep", 0, 0, G_OPTION_ARG_FILENAME, &opt_keep, "Keep the generated file at this path", "FILE" },
    { NULL }
  };
  g_autoptr(GOptionContext) ctx = g_option_context_new ("- the roster import at street-office size");
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) file = NULL;
  g_autoptr(GArray) t_read = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_plan = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_apply = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) t_again = g_array_new (FALSE, FALSE, sizeof (double));
  g_autofree char *dir = NULL;
  SzImportReport report = { 0 };
  struct rusage usage;
  double t0;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      g_printerr ("%s\n", error->message);
      return 2;
    }

  t0 = now_ms ();
  file = make_file (opt_rows);
  g_print ("roster: %d rows, %.1f MB (GB18030 CSV), made in %.0f ms\n",
           opt_rows, g_bytes_get_size (file) / 1e6, now_ms () - t0);
  if (opt_keep != NULL)
    g_file_set_contents (opt_keep, g_bytes_get_data (file, NULL), g_bytes_get_size (file), NULL);

  dir = g_dir_make_tmp ("bench-import-XXXXXX", &error);
  g_assert_no_error (error);
  for (int run = 0; run < opt_runs; run++)
    {
      g_autofree char *path = g_strdup_printf ("%s/run%d.db", dir, run);
      g_autoptr(SzDb) db = sz_db_open (path, SZ_DB_OPEN_CREATE, &error);
      g_autoptr(SzCommunity) c = sz_community_new ();
      g_autoptr(SzTable) table = NULL;
      g_autoptr(SzImport) im = NULL;
      double t;

      g_assert_no_error (error);
      g_free (c->name);
      c->name = g_strdup ("幸福街道");
      g_assert_true (sz_community_save (db, c, &error));

      t = now_ms ();
      table = sz_csv_parse (file, "三长名册.csv", NULL, &error);
      g_assert_no_error (error);
      t = now_ms () - t;
      g_array_append_val (t_read, t);

      im = sz_import_new (db, c->id, g_steal_pointer (&table));
      sz_import_set_flags (im, SZ_IMPORT_CREATE_PLACES | SZ_IMPORT_REPLACE_HEADS);
      t = now_ms ();
      g_assert_true (sz_import_plan (im, &error));
      t = now_ms () - t;
      g_array_append_val (t_plan, t);
      if (sz_import_get_report (im)->errors > 0)
        {
          g_printerr ("%s\n", ((SzImportProblem *) sz_import_get_problems (im)->pdata[0])->text);
          return 1;
        }

      t = now_ms ();
      g_assert_true (sz_import_apply (im, &error));
      g_assert_no_error (error);
      t = now_ms () - t;
      g_array_append_val (t_apply, t);
      report = *sz_import_get_report (im);

      /* The same file again: everything is found, nothing changes. */
      t = now_ms ();
      g_assert_true (sz_import_apply (im, &error));
      t = now_ms () - t;
      g_array_append_val (t_again, t);
      g_assert_cmpuint (sz_import_get_report (im)->heads_unchanged, ==, (guint) opt_rows);

      sz_db_close (g_steal_pointer (&db));
      bench_remove_db (path);
    }
  g_rmdir (dir);

  g_print ("imported: %u people, %u posts, %u grids, %u compounds, %u buildings, %u units\n",
           report.people_created, report.heads_appointed, report.grids_created, report.compounds_created,
           report.buildings_created, report.units_created);
  g_print ("median of %d runs, ms:\n", opt_runs);
  g_print ("  read the file (CSV → table)      %8.1f\n", median (t_read));
  g_print ("  plan (the preview, rolled back)  %8.1f\n", median (t_plan));
  g_print ("  import into a new database       %8.1f\n", median (t_apply));
  g_print ("  the same file again (unchanged)  %8.1f\n", median (t_again));
  g_print ("  read + import                    %8.1f\n", median (t_read) + median (t_apply));
  getrusage (RUSAGE_SELF, &usage);
  g_print ("peak RSS: %.0f MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
