/* test-export-kill.c: the command line's board export killed at random
 * moments, with SIGKILL and with SIGTERM, through both engines.  After
 * every kill: no temporary file with names and phones is left in the
 * target folder (at once after SIGTERM; after the next run's cleanup after
 * SIGKILL), the target is absent or a whole PDF, and the print records
 * agree with the file: a document renamed into place has all its boards
 * recorded with what it says; one that never was leaves the records as
 * they were.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-export.h"
#include "sz-safe-file.h"
#include "sz-board-test-util.h"

#define MAX_RUNS 60
#define MIN_RUNS 4
#define SECONDS  20

static GSubprocess *
spawn (const char * const *args)
{
  g_autoptr(GError) error = NULL;
  GSubprocess *proc = g_subprocess_newv (args, G_SUBPROCESS_FLAGS_STDOUT_SILENCE
                                               | G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error);

  g_assert_no_error (error);
  return proc;
}

static void
run_ok (const char * const *args)
{
  g_autoptr(GSubprocess) proc = spawn (args);

  g_assert_true (g_subprocess_wait (proc, NULL, NULL));
  g_assert_true (g_subprocess_get_successful (proc));
}

/* The prints as "kind:id" → hash, as `boards --stale` reads them. */
static GHashTable *
load_prints (const char *db_path,
             gint64      community)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(GHashTable) prints = NULL;
  GHashTable *hashes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  g_assert_no_error (error);
  prints = sz_board_print_load (db, community, &error);
  g_assert_no_error (error);
  g_hash_table_iter_init (&iter, prints);
  while (g_hash_table_iter_next (&iter, &key, &value))
    g_hash_table_insert (hashes, g_strdup (key), g_strdup (((SzBoardPrint *) value)->content_hash));
  return hashes;
}

static gboolean
same_prints (GHashTable *a,
             GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if (g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (value, g_hash_table_lookup (b, key)) != 0)
      return FALSE;
  return TRUE;
}

/* How many boards are stale (printed, and changed since). */
static guint
count_stale (const char *db_path,
             gint64      community)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, &error);
  g_autoptr(SzBoardSource) source = sz_board_source_new (db, community, &error);
  g_autoptr(GArray) stale = NULL;

  g_assert_no_error (error);
  stale = sz_export_list_stale (source, &error);
  g_assert_no_error (error);
  return stale->len;
}

/* Changes what every board says (the caption under its QR code), or, with
 * @forget, also forgets every print and removes @out: a fresh start. */
static void
change_boards (const char *db_path,
               guint       run,
               gboolean    forget,
               const char *out)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzDb) db = sz_db_open (db_path, SZ_DB_OPEN_DEFAULT, &error);
  g_autofree char *sql = g_strdup_printf ("UPDATE community SET board_qr_caption = '扫码联系（第%u版）'%s",
                                          run, forget ? "; DELETE FROM board_print" : "");

  g_assert_no_error (error);
  g_assert_true (sz_db_exec (db, sql, &error));
  g_assert_no_error (error);
  if (forget)
    g_unlink (out);
}

static guint64
inode_of (const char *path)
{
  GStatBuf st;

  return g_stat (path, &st) == 0 ? (guint64) st.st_ino : 0;
}

/* The target folder's temporary files; each must be mode 0600. */
static guint
count_temp (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  while (listing != NULL && (name = g_dir_read_name (listing)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);
      GStatBuf st;

      /* Neither this code's temporary names nor cairo's old ".NAME.XXXXXX". */
      if (!sz_safe_file_is_temp_name (name) && name[0] != '.')
        continue;
      g_assert_cmpint (g_stat (path, &st), ==, 0);
      g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
      n++;
    }
  return n;
}

/* Whole: qpdf finds nothing wrong, and every board is a page. */
static void
check_whole_pdf (const char *path,
                 guint       pages)
{
  const char *qpdf[] = { "qpdf", "--check", path, NULL };
  const char *info[] = { "pdfinfo", path, NULL };
  g_autofree char *out = NULL;
  g_autofree char *pages_out = NULL;
  int status = 0;
  guint n = 0;

  g_assert_true (g_spawn_sync (NULL, (char **) qpdf, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "No syntax or stream encoding errors found"));
  g_assert_true (g_spawn_sync (NULL, (char **) info, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                               NULL, NULL, &pages_out, NULL, &status, NULL));
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (pages_out, "Pages:"));
  g_assert_cmpint (sscanf (strstr (pages_out, "Pages:"), "Pages: %u", &n), ==, 1);
  g_assert_cmpuint (n, ==, pages);
}

static void
test_kill (void)
{
  const char *cli = g_getenv ("SANZHANG_CLI");
  g_autofree char *db_path = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "out", NULL);
  g_autofree char *out = g_build_filename (dir, "boards.pdf", NULL);
  g_autofree char *proof = g_build_filename (dir, "proof.pdf", NULL);
  g_autofree char *unit = NULL;
  gint64 community = 0, full_run, deadline;
  guint runs = 0, killed = 0, printed = 0, boards;

  if (cli == NULL)
    {
      g_test_skip ("SANZHANG_CLI is not set");
      return;
    }
  {
    g_autoptr(GError) error = NULL;
    g_autoptr(SzDb) db = test_open_demo ("kill.db", &db_path, &community);
    g_autoptr(SzBoardSource) source = sz_board_source_new (db, community, &error);
    g_autoptr(GArray) units = sz_board_source_select (source, sz_board_source_get_tree (source),
                                                      1u << SZ_BOARD_UNIT);

    g_assert_no_error (error);
    g_assert_cmpuint (units->len, >, 0);
    unit = g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (units, SzBoardRef, 0).place_id);
  }
  g_mkdir_with_parents (dir, 0700);

  /* One whole run: how long it takes, and how many boards. */
  {
    const char *args[] = { cli, "-d", db_path, "boards", "--kind", "all", "-o", out, NULL };
    gint64 start = g_get_monotonic_time ();
    g_autoptr(GHashTable) prints = NULL;

    run_ok (args);
    full_run = g_get_monotonic_time () - start;
    prints = load_prints (db_path, community);
    boards = g_hash_table_size (prints);
    g_assert_cmpuint (boards, >, 1);
    check_whole_pdf (out, boards);
    g_test_message ("an export of %u boards takes %" G_GINT64_FORMAT " ms", boards, full_run / 1000);
    /* The change each run makes reaches every board. */
    change_boards (db_path, 0, FALSE, out);
    g_assert_cmpuint (count_stale (db_path, community), ==, boards);
  }

  deadline = g_get_monotonic_time () + SECONDS * G_TIME_SPAN_SECOND;
  while (runs < MIN_RUNS || (runs < MAX_RUNS && g_get_monotonic_time () < deadline))
    {
      gboolean term = runs % 2 == 1;
      const char *engine = (runs / 2) % 2 == 0 ? "haru" : "cairo";
      const char *args[] = { cli, "-d", db_path, "boards", "--kind", "all", "--engine", engine, "-o", out, NULL };
      g_autoptr(GHashTable) before = NULL;
      g_autoptr(GHashTable) after = NULL;
      g_autoptr(GSubprocess) proc = NULL;
      guint64 inode;

      /* Every fourth run from nothing printed; the others over a print
       * of other content, which a kill must leave stale. */
      change_boards (db_path, runs + 1, runs % 4 == 0, out);
      before = load_prints (db_path, community);
      inode = inode_of (out);

      proc = spawn (args);
      g_usleep (g_random_int_range (0, (gint32) (full_run * 6 / 5) + 1));
      if (term)
        g_subprocess_send_signal (proc, SIGTERM);
      else
        g_subprocess_force_exit (proc);
      g_assert_true (g_subprocess_wait (proc, NULL, NULL));
      if (g_subprocess_get_if_signaled (proc))
        killed++;
      else
        g_assert_true (g_subprocess_get_successful (proc));
      runs++;

      /* Absent or whole; and the records agree with it. */
      after = load_prints (db_path, community);
      if (inode_of (out) != 0 && inode_of (out) != inode)
        {
          printed++;
          check_whole_pdf (out, boards);
          g_assert_cmpuint (g_hash_table_size (after), ==, boards);
          g_assert_cmpuint (count_stale (db_path, community), ==, 0);
        }
      else
        {
          g_assert_true (same_prints (before, after));
          if (inode != 0)
            check_whole_pdf (out, boards);
          /* Printed before with other content: all stale, as before. */
          g_assert_cmpuint (count_stale (db_path, community), ==, g_hash_table_size (before));
        }

      /* SIGTERM leaves no temporary file; SIGKILL may, until the next
       * run in that folder (here a proof of one unit board). */
      if (term)
        g_assert_cmpuint (count_temp (dir), ==, 0);
      else
        {
          const char *next[] = { cli, "-d", db_path, "boards", "--unit", unit, "--no-record", "-o", proof, NULL };

          count_temp (dir);
          run_ok (next);
          g_assert_cmpuint (count_temp (dir), ==, 0);
        }
    }
  g_test_message ("%u exports: %u killed half-way, %u whole", runs, killed, printed);
  g_assert_cmpuint (killed, >, 0);
}

int
main (int argc, char **argv)
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/export/kill", test_kill);
  return g_test_run ();
}
