/* sz-board-test-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>

#include "sz-demo.h"
#include "sz-display.h"
#include "sz-roster.h"
#include "sz-test-util.h"

#define BOX_EPS 0.05

/* Runs a tool (pdftotext, pdfinfo, qpdf…) that must succeed; its
 * standard output.  Never inlined: GCC 12 then takes &out for a pointer
 * that outlives it (-Wdangling-pointer). */
G_GNUC_UNUSED G_GNUC_NO_INLINE static char *
test_run_tool (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int status = 0;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  return out;
}

static char *test_demo_template_path;

static void
test_demo_template_remove (void)
{
  g_autofree char *dir = g_path_get_dirname (test_demo_template_path);
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *f = g_strconcat (test_demo_template_path, suffixes[i], NULL);

      g_remove (f);
    }
  g_rmdir (dir);
}

/* The demo community in a new database of the test's own.  The demo is
 * loaded once per test program into a template file that later calls
 * copy: loading it takes seconds under the sanitizers, and app tests open
 * it for every case. */
static inline SzDb *
test_open_demo (const char  *name,
                char       **path,
                gint64      *community_id)
{
  static gint64 template_community;
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) from = NULL;
  g_autoptr(GFile) to = NULL;
  SzDb *db;

  if (test_demo_template_path == NULL)
    {
      g_autofree char *dir = g_dir_make_tmp ("sz-demo-XXXXXX", &error);

      g_assert_no_error (error);
      test_demo_template_path = g_build_filename (dir, "demo.db", NULL);
      db = sz_db_open (test_demo_template_path, SZ_DB_OPEN_CREATE, &error);
      g_assert_no_error (error);
      g_assert_true (sz_demo_load (db, &template_community, &error));
      g_assert_no_error (error);
      sz_db_close (db);
      atexit (test_demo_template_remove);
    }
  *path = test_db_path (name);
  from = g_file_new_for_path (test_demo_template_path);
  to = g_file_new_for_path (*path);
  g_assert_true (g_file_copy (from, to, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, &error));
  g_assert_no_error (error);
  db = sz_db_open (*path, SZ_DB_OPEN_DEFAULT, &error);
  g_assert_no_error (error);
  g_assert_nonnull (db);
  *community_id = template_community;
  return db;
}

static inline gboolean
boxes_overlap (const SzTextItem *a,
               const SzTextItem *b)
{
  return a->box_x + BOX_EPS < b->box_x + b->box_w && b->box_x + BOX_EPS < a->box_x + a->box_w
         && a->box_y + BOX_EPS < b->box_y + b->box_h && b->box_y + BOX_EPS < a->box_y + a->box_h;
}

static inline gboolean
same_box (const SzTextItem *a,
          const SzTextItem *b)
{
  return fabs (a->box_x - b->box_x) < 1e-6 && fabs (a->box_y - b->box_y) < 1e-6
         && fabs (a->box_w - b->box_w) < 1e-6 && fabs (a->box_h - b->box_h) < 1e-6;
}

/* No text outside its box, no box off the page, no two boxes overlapping:
 * checked on the display list, where the layout said what it meant. */
static inline void
test_check_page_boxes (const SzPage *page)
{
  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);
      const SzTextItem *t = &item->text;

      if (item->kind != SZ_ITEM_TEXT)
        continue;
      if (t->x < t->box_x - BOX_EPS || t->x + t->width > t->box_x + t->box_w + BOX_EPS
          || t->y - t->ascent < t->box_y - BOX_EPS || t->y + t->descent > t->box_y + t->box_h + BOX_EPS)
        g_error ("“%s” (%.1f pt) at %.2f,%.2f w %.2f a %.2f d %.2f is outside its box %.2f,%.2f %.2f×%.2f",
                 t->utf8, t->size, t->x, t->y, t->width, t->ascent, t->descent,
                 t->box_x, t->box_y, t->box_w, t->box_h);
      g_assert_cmpfloat (t->box_x, >=, -BOX_EPS);
      g_assert_cmpfloat (t->box_y, >=, -BOX_EPS);
      g_assert_cmpfloat (t->box_x + t->box_w, <=, page->width + BOX_EPS);
      g_assert_cmpfloat (t->box_y + t->box_h, <=, page->height + BOX_EPS);
      g_assert_cmpfloat (t->size, >=, 2.0);
      for (guint j = i + 1; j < page->items->len; j++)
        {
          const SzItem *other = g_ptr_array_index (page->items, j);

          if (other->kind == SZ_ITEM_TEXT && !same_box (t, &other->text) && boxes_overlap (t, &other->text))
            g_error ("the boxes of “%s” and “%s” overlap", t->utf8, other->text.utf8);
        }
    }
}

/* Every item of @page within the page; text within its boxes. */
static inline void
test_check_page (const SzPage *page)
{
  test_check_page_boxes (page);
  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);
      double x0, y0, x1, y1;

      if (item->kind == SZ_ITEM_RECT)
        x0 = item->rect.x, y0 = item->rect.y, x1 = x0 + item->rect.w, y1 = y0 + item->rect.h;
      else if (item->kind == SZ_ITEM_LINE)
        x0 = MIN (item->line.x0, item->line.x1), y0 = MIN (item->line.y0, item->line.y1),
        x1 = MAX (item->line.x0, item->line.x1), y1 = MAX (item->line.y0, item->line.y1);
      else
        continue;
      g_assert_cmpfloat (x0, >=, -BOX_EPS);
      g_assert_cmpfloat (y0, >=, -BOX_EPS);
      g_assert_cmpfloat (x1, <=, page->width + BOX_EPS);
      g_assert_cmpfloat (y1, <=, page->height + BOX_EPS);
    }
}

/* Every text of the page, joined by newlines. */
static inline char *
test_page_text (const SzPage *page)
{
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < page->items->len; i++)
    {
      const SzItem *item = g_ptr_array_index (page->items, i);

      if (item->kind == SZ_ITEM_TEXT)
        g_string_append_printf (s, "%s\n", item->text.utf8);
    }
  return g_string_free (s, FALSE);
}
