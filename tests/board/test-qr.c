/* test-qr.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "sz-display.h"
#include "sz-qr.h"

/* A translated field name, to check it reaches the message unharmed. */
#define FIELD "二维码链接"

static gboolean
dark (const guint8 *m,
      int           n,
      int           row,
      int           col)
{
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (row, <, n);
  g_assert_cmpint (col, >=, 0);
  g_assert_cmpint (col, <, n);
  return m[row * n + col] != 0;
}

/* A 7×7 finder at (@row, @col): dark ring, light ring, dark 3×3 core. */
static void
assert_finder (const guint8 *m,
               int           n,
               int           row,
               int           col)
{
  for (int r = 0; r < 7; r++)
    for (int c = 0; c < 7; c++)
      {
        gboolean ring = r == 0 || r == 6 || c == 0 || c == 6;
        gboolean core = r >= 2 && r <= 4 && c >= 2 && c <= 4;

        g_assert_cmpint (dark (m, n, row + r, col + c), ==, ring || core);
      }
}

/* The structure every symbol has, whatever its data. */
static void
assert_symbol (const guint8 *m,
               int           n)
{
  int version = (n - 17) / 4;

  g_assert_cmpint (n, >=, 21);
  g_assert_cmpint (n, <=, 177);
  g_assert_cmpint (n, ==, 21 + 4 * (version - 1));
  for (int i = 0; i < n * n; i++)
    g_assert_cmpuint (m[i], <=, 1);

  assert_finder (m, n, 0, 0);
  assert_finder (m, n, 0, n - 7);
  assert_finder (m, n, n - 7, 0);
  /* Light separators inside the three finders' corners. */
  for (int i = 0; i < 8; i++)
    {
      g_assert_false (dark (m, n, 7, i));
      g_assert_false (dark (m, n, i, 7));
      g_assert_false (dark (m, n, 7, n - 1 - i));
      g_assert_false (dark (m, n, i, n - 8));
      g_assert_false (dark (m, n, n - 8, i));
      g_assert_false (dark (m, n, n - 1 - i, 7));
    }
  /* No finder at the fourth corner: its centre module is data, and at
   * least one of its 49 modules breaks the finder pattern. */
  {
    gboolean differs = FALSE;

    for (int r = 0; r < 7 && !differs; r++)
      for (int c = 0; c < 7 && !differs; c++)
        {
          gboolean ring = r == 0 || r == 6 || c == 0 || c == 6;
          gboolean core = r >= 2 && r <= 4 && c >= 2 && c <= 4;

          differs = dark (m, n, n - 7 + r, n - 7 + c) != (ring || core);
        }
    g_assert_true (differs);
  }
  /* Timing patterns between the finders, and the always-dark module. */
  for (int i = 8; i < n - 8; i++)
    {
      g_assert_cmpint (dark (m, n, 6, i), ==, i % 2 == 0);
      g_assert_cmpint (dark (m, n, i, 6), ==, i % 2 == 0);
    }
  g_assert_true (dark (m, n, 4 * version + 9, 8));
}

/* Symbols are kept per thread and handed out as copies: texts taken in
 * turn (the community's code, then a group admin's, as a batch does) and
 * more texts than are kept give each its own symbol, the same as a fresh
 * thread makes. */
static gpointer
encode_in_thread (gpointer data)
{
  int n = 0;
  guint8 *m = sz_qr_encode (data, FIELD, &n, NULL);
  GBytes *b = g_bytes_new (m, (gsize) n * n);

  g_free (m);
  return b;
}

static void
test_qr_kept (void)
{
  const char *texts[] = { "https://sanzhang.example.org/c/1", "https://u.wechat.com/MGQ6x8T1aPd2d0Sp",
                          "A", "https://sanzhang.example.org/c/1", "丰和林苑" };

  for (guint round = 0; round < 3; round++)
    for (guint i = 0; i < 100; i++)
      {
        g_autofree char *own = g_strdup_printf ("https://u.wechat.com/admin-%u", i);
        const char *text = i % 2 == 0 ? texts[i / 2 % G_N_ELEMENTS (texts)] : own;
        g_autoptr(GError) error = NULL;
        g_autofree guint8 *m = NULL;
        g_autoptr(GBytes) fresh = NULL;
        GThread *thread;
        int n = 0;

        m = sz_qr_encode (text, FIELD, &n, &error);
        g_assert_no_error (error);
        assert_symbol (m, n);
        thread = g_thread_new ("fresh", encode_in_thread, (gpointer) text);
        fresh = g_thread_join (thread);
        g_assert_cmpuint (g_bytes_get_size (fresh), ==, (gsize) n * n);
        g_assert_cmpmem (g_bytes_get_data (fresh, NULL), (gsize) n * n, m, (gsize) n * n);
        /* The copy is the caller's: scribbling on it changes nothing kept. */
        memset (m, 0, (gsize) n * n);
      }
}

static void
test_qr_url (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *m = NULL;
  int n = 0;

  m = sz_qr_encode ("https://sanzhang.example.org/b/12345", FIELD, &n, &error);
  g_assert_no_error (error);
  g_assert_nonnull (m);
  /* 36 bytes at level M need version 3. */
  g_assert_cmpint (n, ==, 29);
  assert_symbol (m, n);
}

static void
test_qr_smallest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *m = NULL;
  int n = 0;

  m = sz_qr_encode ("A", FIELD, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 21);
  assert_symbol (m, n);
}

static void
test_qr_chinese (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree guint8 *m = NULL;
  int n = 0;

  m = sz_qr_encode ("丰和林苑 2栋 1单元 网格员 13800001234", FIELD, &n, &error);
  g_assert_no_error (error);
  assert_symbol (m, n);
}

static void
test_qr_largest (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strnfill (2331, 'a');
  g_autofree guint8 *m = NULL;
  int n = 0;

  /* The capacity of version 40 at level M in 8-bit mode. */
  m = sz_qr_encode (text, FIELD, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpint (n, ==, 177);
  assert_symbol (m, n);
}

static void
test_qr_empty (void)
{
  g_autoptr(GError) error = NULL;
  int n = -1;
  guint8 *m = sz_qr_encode ("", FIELD, &n, &error);

  g_assert_null (m);
  g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, FIELD));
  g_assert_cmpint (n, ==, -1);
}

static void
test_qr_too_long (void)
{
  const char *cases[] = { "ascii", "one-more", "chinese" };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) text = g_string_new (NULL);
      guint8 *m;
      int n = -1;

      if (i == 0)
        {
          for (int j = 0; j < 3000; j++)
            g_string_append_c (text, 'a');
          for (int j = 0; j < 2000; j++)
            g_string_append (text, "网");
        }
      else if (i == 1)
        for (int j = 0; j < 2332; j++)
          g_string_append_c (text, 'a');
      else
        for (int j = 0; j < 800; j++)
          g_string_append (text, "丰");

      m = sz_qr_encode (text->str, FIELD, &n, &error);
      g_test_message ("%s: %s", cases[i], error ? error->message : "encoded");
      g_assert_null (m);
      g_assert_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, FIELD));
      g_assert_cmpint (n, ==, -1);
    }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/board/qr/url", test_qr_url);
  g_test_add_func ("/board/qr/smallest", test_qr_smallest);
  g_test_add_func ("/board/qr/chinese", test_qr_chinese);
  g_test_add_func ("/board/qr/largest", test_qr_largest);
  g_test_add_func ("/board/qr/empty", test_qr_empty);
  g_test_add_func ("/board/qr/too-long", test_qr_too_long);
  g_test_add_func ("/board/qr/kept", test_qr_kept);

  return g_test_run ();
}
