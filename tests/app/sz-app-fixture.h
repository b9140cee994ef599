/* sz-app-fixture.h: the demo community in a real window, for the app tests.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib/gi18n.h>
#include <locale.h>
#include <stdlib.h>

#include "sz-app-util.h"
#include "sz-session.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"

typedef struct
{
  char      *path;
  gint64     community;
  SzSession *session;
  SzWindow  *window;
} Fixture;

static inline void
fixture_setup (Fixture *f, gconstpointer data)
{
  static guint n;
  g_autofree char *name = g_strdup_printf ("app-%u.db", n++);
  SzDb *db = test_open_demo (name, &f->path, &f->community);

  f->session = sz_session_new (db, f->community, NULL);
  f->window = sz_window_new (NULL, f->session, TRUE);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1280, 800);
  gtk_window_present (GTK_WINDOW (f->window));
  test_settle (300);
}

static inline void
fixture_teardown (Fixture *f, gconstpointer data)
{
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle (50);
  g_clear_object (&f->session);
  g_free (f->path);
}

static inline GtkWidget *
page (Fixture *f, const char *name)
{
  GtkWidget *w = sz_window_get_page (f->window, name);

  g_assert_nonnull (w);
  return w;
}


/* The locale (zh_CN, as users see it; SANZHANG_TEST_ENGLISH=1 for English),
 * the translations, a home of the test's own, GLib's tests, GTK and the
 * app's CSS.  Returns the home, for test_app_finish(). */
static inline char *
test_app_init (int    *argc,
               char ***argv)
{
  const char *localedir = g_getenv ("SANZHANG_LOCALEDIR");
  g_autofree char *data = NULL;
  char *home;

  if (g_getenv ("SANZHANG_TEST_ENGLISH") != NULL)
    {
      setlocale (LC_ALL, "C.UTF-8");
      g_setenv ("LANGUAGE", "en", TRUE);
    }
  else if (setlocale (LC_ALL, "zh_CN.UTF-8") != NULL)
    g_setenv ("LANGUAGE", "zh_CN", TRUE);
  else
    setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
  /* Not G_TEST_OPTION_ISOLATE_DIRS: it empties XDG_DATA_DIRS, where GTK
   * finds its icons and its file chooser's settings.  The databases and
   * exports go to a home of the test's own instead. */
  home = g_dir_make_tmp ("sanzhang-test-app-XXXXXX", NULL);
  g_assert_nonnull (home);
  data = g_build_filename (home, "data", NULL);
  g_setenv ("XDG_DATA_HOME", data, TRUE);
  g_setenv ("XDG_CONFIG_HOME", home, TRUE);
  g_setenv ("XDG_CACHE_HOME", home, TRUE);
  g_test_init (argc, argv, NULL);
  gtk_init ();
  sz_app_load_style ();
  return home;
}

/* Removes the test's home (unless SANZHANG_KEEP_TEST_HOME is set). */
static inline int
test_app_finish (int         status,
                 const char *home)
{
  if (!g_getenv ("SANZHANG_KEEP_TEST_HOME"))
    {
      g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", home);

      if (system (cmd) != 0)
        g_printerr ("could not remove %s\n", home);
    }
  return status;
}

/* Where the screenshots go: the build folder's screenshots/. */
static inline char *
test_screenshot_dir (void)
{
  char *dir = g_build_filename (g_getenv ("G_TEST_BUILDDIR") ? g_getenv ("G_TEST_BUILDDIR") : ".",
                                "screenshots", NULL);

  g_mkdir_with_parents (dir, 0755);
  return dir;
}

/* Writes @widget as screenshots/PREFIX-WHAT-WxH.png, once it has settled;
 * @width and @height name the window size the test gave it. */
static inline void
test_screenshot (GtkWidget  *widget,
                 const char *prefix,
                 const char *what,
                 int         width,
                 int         height)
{
  g_autofree char *dir = test_screenshot_dir ();
  g_autofree char *name = g_strdup_printf ("%s-%s-%dx%d.png", prefix, what, width, height);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  test_settle (300);
  g_assert_true (test_snapshot_png (widget, path));
  g_test_message ("screenshot: %s", path);
}
