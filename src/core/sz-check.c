/* sz-check.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "sz-check.h"
#include "sz-db.h"
#include "sz-hotline.h"
#include "sz-phone.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-tree.h"
#include "sz-wechat.h"

void
sz_vacancy_free (SzVacancy *v)
{
  if (v == NULL)
    return;
  g_free (v->place);
  g_free (v);
}

void
sz_check_item_free (SzCheckItem *item)
{
  if (item == NULL)
    return;
  g_free (item->message);
  g_free (item);
}

/* Rows: level, place id, grid id, grid number, grid name, compound, building, unit number.
 * @MISSING is a condition on the place's id (g.id, b.id, u.id): the
 * places where it holds. */
#define PLACES_SQL(grid_missing, building_missing, unit_missing) \
  "SELECT 'grid', g.id, g.id, g.number, g.name, NULL, NULL, 0 FROM grid g" \
  " WHERE g.community_id = ?1 AND " grid_missing \
  " UNION ALL " \
  "SELECT 'building', b.id, g.id, g.number, g.name, c.name, b.name, 0" \
  "  FROM building b JOIN compound c ON c.id = b.compound_id JOIN grid g ON g.id = b.grid_id" \
  " WHERE c.community_id = ?1 AND " building_missing \
  " UNION ALL " \
  "SELECT 'unit', u.id, g.id, g.number, g.name, c.name, b.name, u.number" \
  "  FROM unit u JOIN building b ON b.id = u.building_id JOIN compound c ON c.id = b.compound_id" \
  "  JOIN grid g ON g.id = b.grid_id" \
  " WHERE c.community_id = ?1 AND " unit_missing

#define VACANCIES_SQL PLACES_SQL ( \
  "NOT EXISTS (SELECT 1 FROM post p WHERE p.grid_id = g.id AND p.end_date IS NULL)", \
  "NOT EXISTS (SELECT 1 FROM post p WHERE p.building_id = b.id AND p.end_date IS NULL)", \
  "NOT EXISTS (SELECT 1 FROM post p WHERE p.unit_id = u.id AND p.end_date IS NULL)")

#define NO_GROUP_SQL PLACES_SQL ( \
  "NOT EXISTS (SELECT 1 FROM wechat_group w WHERE w.grid_id = g.id)", \
  "NOT EXISTS (SELECT 1 FROM wechat_group w WHERE w.building_id = b.id)", \
  "NOT EXISTS (SELECT 1 FROM wechat_group w WHERE w.unit_id = u.id)")

static int
vacancy_compare (gconstpointer a,
                 gconstpointer b)
{
  const SzVacancy *va = *(SzVacancy * const *) a;
  const SzVacancy *vb = *(SzVacancy * const *) b;

  if (va->grid_id != vb->grid_id)
    return va->grid_id < vb->grid_id ? -1 : 1;
  if (va->level != vb->level)
    return va->level < vb->level ? -1 : 1;
  return sz_natural_compare (va->place, vb->place);
}

static GPtrArray *
places_where (SzDb        *db,
              const char  *sql,
              gint64       community_id,
              GError     **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_vacancy_free);
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzVacancy *v = g_new0 (SzVacancy, 1);

      sz_level_from_string ((const char *) sz_stmt_column_text (stmt, 0), &v->level);
      v->place_id = sz_stmt_column_int64 (stmt, 1);
      v->grid_id = sz_stmt_column_int64 (stmt, 2);
      if (v->level == SZ_LEVEL_GRID)
        {
          SzGrid g = { .number = sz_stmt_column_int (stmt, 3), .name = (char *) sz_stmt_column_text (stmt, 4) };
          v->place = sz_grid_label (&g);
        }
      else if (v->level == SZ_LEVEL_BUILDING)
        v->place = g_strdup_printf (_("%s %s"), sz_stmt_column_text (stmt, 5), sz_stmt_column_text (stmt, 6));
      else
        {
          g_autofree char *unit = sz_unit_label (sz_stmt_column_int (stmt, 7));
          v->place = g_strdup_printf (_("%s %s %s"), sz_stmt_column_text (stmt, 5), sz_stmt_column_text (stmt, 6), unit);
        }
      g_ptr_array_add (list, v);
    }
  if (rc == 0)
    return NULL;
  g_ptr_array_sort (list, vacancy_compare);
  return g_steal_pointer (&list);
}

GPtrArray *
sz_vacancies (SzDb     *db,
              gint64    community_id,
              GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return places_where (db, VACANCIES_SQL, community_id, error);
}

GPtrArray *
sz_places_without_group (SzDb     *db,
                         gint64    community_id,
                         GError  **error)
{
  g_return_val_if_fail (db != NULL, NULL);

  return places_where (db, NO_GROUP_SQL, community_id, error);
}

static void
add_item (GPtrArray     *items,
          SzCheckKind    kind,
          SzCheckTarget  target,
          gint64         target_id,
          char          *message)
{
  SzCheckItem *item = g_new0 (SzCheckItem, 1);

  item->kind = kind;
  item->target = target;
  item->target_id = target_id;
  item->message = message;
  g_ptr_array_add (items, item);
}

static gboolean
check_grids (SzDb       *db,
             gint64      community_id,
             GPtrArray  *items,
             GError    **error)
{
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT g.id, g.number, g.name, g.households,"
                        "       (SELECT coalesce(sum(u.households), 0) FROM unit u"
                        "          JOIN building b ON b.id = u.building_id WHERE b.grid_id = g.id),"
                        "       (SELECT count(*) FROM building b WHERE b.grid_id = g.id)"
                        "  FROM grid g WHERE g.community_id = ?1 ORDER BY g.number", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzGrid g = { .number = sz_stmt_column_int (stmt, 1), .name = (char *) sz_stmt_column_text (stmt, 2) };
      g_autofree char *label = sz_grid_label (&g);
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      int recorded = sz_stmt_column_int (stmt, 3);
      int summed = sz_stmt_column_int (stmt, 4);

      if (recorded < SZ_GRID_HOUSEHOLDS_MIN || recorded > SZ_GRID_HOUSEHOLDS_MAX)
        add_item (items, SZ_CHECK_GRID_SIZE, SZ_TARGET_GRID, id,
                  /* Translators: %s is a grid, then its households and the usual range */
                  g_strdup_printf (_("%s has %d households; grids are drawn at %d to %d households."),
                                   label, recorded, SZ_GRID_HOUSEHOLDS_MIN, SZ_GRID_HOUSEHOLDS_MAX));
      if (sz_stmt_column_int (stmt, 5) > 0 && summed != recorded)
        add_item (items, SZ_CHECK_GRID_HOUSEHOLDS, SZ_TARGET_GRID, id,
                  /* Translators: %s is a grid, then two numbers of households */
                  g_strdup_printf (_("%s: %d households are recorded, but its units add up to %d."),
                                   label, recorded, summed));
    }
  return rc != 0;
}

/* Current heads of the community: person, level, place id. */
#define HEADS_SQL \
  "SELECT n.id, n.name, n.phone, n.phone_consent, p.level, coalesce(p.grid_id, p.building_id, p.unit_id)" \
  "  FROM post p JOIN person n ON n.id = p.person_id" \
  "  LEFT JOIN unit u ON u.id = p.unit_id" \
  "  LEFT JOIN building b ON b.id = coalesce(p.building_id, u.building_id)" \
  "  LEFT JOIN compound c ON c.id = b.compound_id" \
  "  LEFT JOIN grid g ON g.id = p.grid_id" \
  " WHERE p.end_date IS NULL AND coalesce(g.community_id, c.community_id) = ?1" \
  " ORDER BY n.name_pinyin, n.name COLLATE PINYIN, n.id, p.level"

static gboolean
check_heads (SzDb       *db,
             gint64      community_id,
             GPtrArray  *items,
             GError    **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  SzStmt *stmt = sz_db_prepare (db, HEADS_SQL, error);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_free);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  /* Collect first: sz_place_label() below needs the connection. */
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      SzLevel level = SZ_LEVEL_GRID;
      char *row;

      if (g_hash_table_contains (seen, &id))
        continue;
      g_hash_table_add (seen, g_memdup2 (&id, sizeof id));
      sz_level_from_string ((const char *) sz_stmt_column_text (stmt, 4), &level);
      row = g_strdup_printf ("%" G_GINT64_FORMAT "\t%s\t%s\t%d\t%d\t%" G_GINT64_FORMAT,
                             id, sz_stmt_column_text (stmt, 1),
                             sz_stmt_column_text (stmt, 2) ? (const char *) sz_stmt_column_text (stmt, 2) : "",
                             sz_stmt_column_int (stmt, 3), level, (gint64) sz_stmt_column_int64 (stmt, 5));
      g_ptr_array_add (rows, row);
    }
  if (rc == 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      g_auto(GStrv) f = g_strsplit (rows->pdata[i], "\t", 6);
      gint64 person_id = g_ascii_strtoll (f[0], NULL, 10);
      SzLevel level = atoi (f[4]);
      g_autofree char *place = sz_place_label (db, level, g_ascii_strtoll (f[5], NULL, 10), NULL);

      if (*f[2] == '\0')
        add_item (items, SZ_CHECK_NO_PHONE, SZ_TARGET_PERSON, person_id,
                  /* Translators: a post ("Unit head"), a name, and the place */
                  g_strdup_printf (_("%s %s (%s) has no phone recorded."),
                                   sz_level_head_title (level), f[1], place ? place : ""));
      else if (atoi (f[3]) == 0)
        add_item (items, SZ_CHECK_NO_CONSENT, SZ_TARGET_PERSON, person_id,
                  /* Translators: a post ("Unit head"), a name, and the place */
                  g_strdup_printf (_("%s %s (%s) has not agreed to have the phone printed: "
                                     "boards show the community office's number instead."),
                                   sz_level_head_title (level), f[1], place ? place : ""));
    }
  return TRUE;
}

/* One item per person who shares a phone (first or second) with someone
 * else of the community, so that each can be opened and corrected. */
static gboolean
check_duplicate_phones (SzDb       *db,
                        gint64      community_id,
                        GPtrArray  *items,
                        GError    **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  SzStmt *stmt;
  int rc;

  /* Within the community: the people of another one (the demo before it
   * is deleted) are not this office's mistakes. */
  stmt = sz_db_prepare (db,
                        "WITH numbers AS ("
                        "   SELECT phone AS number, id, name, name_pinyin FROM person"
                        "    WHERE community_id = ?1 AND phone IS NOT NULL"
                        "   UNION SELECT phone2, id, name, name_pinyin FROM person"
                        "    WHERE community_id = ?1 AND phone2 IS NOT NULL)"
                        " SELECT number, id, name FROM numbers"
                        "  WHERE number IN (SELECT number FROM numbers GROUP BY number HAVING count(DISTINCT id) > 1)"
                        "  ORDER BY number, name_pinyin, name COLLATE PINYIN, id", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 4);

      row[0] = sz_db_column_dup (stmt, 0);
      row[1] = g_strdup_printf ("%" G_GINT64_FORMAT, (gint64) sz_stmt_column_int64 (stmt, 1));
      row[2] = sz_db_column_dup (stmt, 2);
      g_ptr_array_add (rows, row);
    }
  if (rc == 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_autofree char *masked = sz_phone_mask (row[0]);
      GString *others = g_string_new (NULL);
      g_autofree char *list = NULL;

      for (guint j = 0; j < rows->len; j++)
        {
          char **other = rows->pdata[j];

          if (j == i || !g_str_equal (other[0], row[0]) || g_str_equal (other[1], row[1]))
            continue;
          if (others->len > 0)
            g_string_append (others, _(", "));
          g_string_append (others, other[2]);
        }
      list = g_string_free (others, FALSE);
      add_item (items, SZ_CHECK_DUPLICATE_PHONE, SZ_TARGET_PERSON, g_ascii_strtoll (row[1], NULL, 10),
                /* Translators: a name, a masked phone, then a list of other names */
                g_strdup_printf (_("%s: the phone %s is also recorded for %s."), row[2], masked, list));
    }
  return TRUE;
}

static gboolean
check_hotlines (SzDb        *db,
                gint64       community_id,
                const char  *today,
                GPtrArray   *items,
                GError     **error)
{
  static const SzHotlineCategory needed[] = {
    SZ_HOTLINE_WATER, SZ_HOTLINE_ELECTRICITY, SZ_HOTLINE_GAS, SZ_HOTLINE_HEATING,
  };
  g_autoptr(GPtrArray) stale = sz_hotline_list_stale (db, community_id, today, error);
  g_autoptr(GPtrArray) own = NULL;

  if (stale == NULL)
    return FALSE;
  for (guint i = 0; i < stale->len; i++)
    {
      SzHotline *h = stale->pdata[i];
      g_autofree char *number = sz_phone_format (h->number);
      const char *label = h->label && *h->label ? h->label : sz_hotline_category_title (h->category);

      if (h->verified_on == NULL)
        add_item (items, SZ_CHECK_HOTLINE_STALE, SZ_TARGET_HOTLINE, h->id,
                  /* Translators: a hotline's label, its category and number */
                  g_strdup_printf (_("Hotline “%s” (%s, %s) has never been verified."),
                                   label, sz_hotline_category_title (h->category), number));
      else
        add_item (items, SZ_CHECK_HOTLINE_STALE, SZ_TARGET_HOTLINE, h->id,
                  /* Translators: a hotline's label, its category and number, and a date */
                  g_strdup_printf (_("Hotline “%s” (%s, %s) was last verified on %s, more than a year ago."),
                                   label, sz_hotline_category_title (h->category), number, h->verified_on));
    }

  /* Boards list water, power, gas and heating: say which the community
   * has none of at its own level (compounds may still add their own). */
  own = sz_hotline_list_scope (db, SZ_SCOPE_COMMUNITY, community_id, error);
  if (own == NULL)
    return FALSE;
  for (guint n = 0; n < G_N_ELEMENTS (needed); n++)
    {
      gboolean found = FALSE;

      for (guint i = 0; !found && i < own->len; i++)
        found = ((SzHotline *) own->pdata[i])->category == needed[n];
      if (!found)
        add_item (items, SZ_CHECK_HOTLINE_MISSING, SZ_TARGET_NONE, 0,
                  /* Translators: %s is a hotline category ("Gas") */
                  g_strdup_printf (_("The community has no %s hotline: boards will have none to print."),
                                   sz_hotline_category_title (needed[n])));
    }
  return TRUE;
}

static void
add_place_item (GPtrArray    *items,
                SzCheckKind   kind,
                SzLevel       level,
                gint64        place_id,
                char         *message)
{
  add_item (items, kind, SZ_TARGET_PLACE, place_id, message);
  ((SzCheckItem *) items->pdata[items->len - 1])->target_level = level;
}

/* Places without a WeChat group, then groups whose QR image will not
 * work on a board. */
static gboolean
check_wechat (SzDb        *db,
              gint64       community_id,
              const char  *today,
              GPtrArray   *items,
              GError     **error)
{
  g_autoptr(GPtrArray) missing = sz_places_without_group (db, community_id, error);
  g_autoptr(GPtrArray) groups = NULL;
  g_autoptr(SzCommunity) community = NULL;

  if (missing == NULL)
    return FALSE;
  for (guint i = 0; i < missing->len; i++)
    {
      SzVacancy *v = missing->pdata[i];

      add_place_item (items, SZ_CHECK_WECHAT_MISSING, v->level, v->place_id,
                      /* Translators: %s is a place ("Grid 2 (丰和第二网格)", "丰和林苑 2栋 1单元") */
                      g_strdup_printf (_("%s has no WeChat group recorded."), v->place));
    }

  community = sz_community_get (db, community_id, error);
  groups = community ? sz_wechat_group_list (db, community_id, FALSE, error) : NULL;
  if (groups == NULL)
    return FALSE;
  for (guint i = 0; i < groups->len; i++)
    {
      SzWechatGroup *g = groups->pdata[i];
      /* Only what the board gets wrong: no image and no admin are the
       * office's choice. */
      SzWechatWarnings w = sz_wechat_group_warnings (g, community->qr_max_age_days, today)
                           & (SZ_WECHAT_WARN_OLD | SZ_WECHAT_WARN_GROUP_CODE | SZ_WECHAT_WARN_NO_CODE
                              | SZ_WECHAT_WARN_OTHER_CODE);
      g_autofree char *place = NULL;
      g_auto(GStrv) texts = NULL;
      g_autofree char *joined = NULL;

      if (w == SZ_WECHAT_WARN_NONE)
        continue;
      place = sz_place_label (db, g->level, g->place_id, NULL);
      texts = sz_wechat_warning_texts (g, w, community->qr_max_age_days);
      joined = g_strjoinv (" ", texts);
      add_place_item (items, SZ_CHECK_WECHAT_QR, g->level, g->place_id,
                      /* Translators: a place, a WeChat group's name, then what is wrong with its QR code */
                      g_strdup_printf (_("%s, WeChat group “%s”: %s"), place ? place : "", g->name, joined));
    }
  return TRUE;
}

static gboolean
check_file (SzDb       *db,
            GPtrArray  *items,
            GError    **error)
{
  GStatBuf st;
  SzStmt *stmt;
  int rc;

  /* A server's storage is its administrator's to check. */
  if (sz_db_get_engine (db) == SZ_DB_ENGINE_POSTGRESQL)
    return TRUE;
  if (g_stat (sz_db_get_path (db), &st) == 0 && (st.st_mode & 077) != 0)
    add_item (items, SZ_CHECK_FILE_MODE, SZ_TARGET_NONE, 0,
              /* Translators: %s is a file name, %o its permission bits */
              g_strdup_printf (_("The database file %s can be read by other users (mode %03o); "
                                 "it holds personal information: make it readable by its owner only "
                                 "(chmod 600)."), sz_db_get_path (db), (unsigned) (st.st_mode & 0777)));

  stmt = sz_db_prepare (db, "PRAGMA quick_check", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *result = (const char *) sz_stmt_column_text (stmt, 0);
      if (g_strcmp0 (result, "ok") != 0)
        {
          /* Translators: how damage was found; %s is SQLite's description of it */
          g_autofree char *found = g_strdup_printf (_("the quick check found: %s"), result);

          /* From now on this connection writes nothing. */
          sz_db_mark_damaged (db, found);
          add_item (items, SZ_CHECK_INTEGRITY, SZ_TARGET_NONE, 0,
                    /* Translators: %s is SQLite's own description of the damage */
                    g_strdup_printf (_("The database is damaged: %s. Restore it from a backup copy."), result));
          sz_stmt_reset (stmt);
          return TRUE;
        }
    }
  return rc != 0;
}

GPtrArray *
sz_check_run (SzDb        *db,
              gint64       community_id,
              const char  *today,
              GError     **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_check_item_free);

  g_return_val_if_fail (db != NULL, NULL);

  if (!check_file (db, items, error)
      || !check_grids (db, community_id, items, error)
      || !check_heads (db, community_id, items, error)
      || !check_duplicate_phones (db, community_id, items, error)
      || !check_hotlines (db, community_id, today, items, error)
      || !check_wechat (db, community_id, today, items, error))
    return NULL;
  return g_steal_pointer (&items);
}
