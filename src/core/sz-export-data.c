/* sz-export-data.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-export-table.h"
#include "sz-hotline.h"
#include "sz-phone.h"
#include "sz-record.h"
#include "sz-roster.h"

/* What the core exports, read straight from the database into tables. */

/* ---- The roster ------------------------------------------------------------- */

/* The import's column names (the first name of each field in
 * sz-import.c's column_names) and the values it reads: fixed Chinese,
 * whatever the language of the program, so the file imports back in any
 * locale and reads as the street office's own sheets do. */
enum
{
  R_GRID, R_GRID_NAME, R_COMPOUND, R_BUILDING, R_UNIT, R_POST, R_NAME, R_PHONE, R_PHONE2, R_GENDER,
  R_PARTY, R_BACKGROUND, R_CONSENT, R_CONSENT_DATE, R_START, R_CHOSEN, R_HOUSEHOLDS, R_NOTES, R_N
};

static const char * const roster_headers[R_N] = {
  "网格", "网格名称", "小区", "楼栋", "单元", "职务", "姓名", "电话", "备用电话", "性别",
  "党员", "身份", "同意公示电话", "同意日期", "任职日期", "产生方式", "户数", "备注",
};

static const char *
post_word (const char *level)
{
  if (g_strcmp0 (level, "grid") == 0)
    return "网格长";
  if (g_strcmp0 (level, "building") == 0)
    return "楼栋长";
  return "单元长";
}

static const char *
background_word (const char *code)
{
  static const struct { const char *code; const char *word; } words[] = {
    { "cadre", "社区干部" }, { "retired_cadre", "退休干部" }, { "retired_teacher", "退休教师" },
    { "party_member", "党员" }, { "volunteer", "居民志愿者" }, { "resident_representative", "居民代表" },
    { "other", "其他" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_strcmp0 (code, words[i].code) == 0)
      return words[i].word;
  return "";
}

static const char *
chosen_word (const char *code)
{
  if (g_strcmp0 (code, "recommendation") == 0)
    return "推荐";
  if (g_strcmp0 (code, "self_nomination") == 0)
    return "自荐";
  if (g_strcmp0 (code, "appointment") == 0)
    return "任命";
  return "选举";
}

static char *
phone_cell (const char *normal,
            gboolean    full)
{
  if (normal == NULL || *normal == '\0')
    return NULL;
  return full ? g_strdup (normal) : sz_phone_mask (normal);
}

static const char *
column_text (SzStmt *stmt,
             int           i)
{
  const char *s = (const char *) sz_stmt_column_text (stmt, i);

  return s ? s : "";
}

static SzExportTable *
roster_table (const char *name,
              gboolean    with_people)
{
  SzExportTable *t = sz_export_table_new (name);

  for (guint c = 0; c < R_N; c++)
    if (with_people || c <= R_POST || c == R_HOUSEHOLDS)
      sz_export_table_add_column (t, roster_headers[c],
                                  c == R_HOUSEHOLDS ? SZ_EXPORT_COLUMN_NUMBER
                                  : c == R_NOTES ? SZ_EXPORT_COLUMN_LONG_TEXT : SZ_EXPORT_COLUMN_TEXT);
  return t;
}

/* Grid heads first, then each building's head and its units' heads. */
#define ROSTER_ORDER \
  " ORDER BY g.number, level <> 'grid', c.name, length (b.name), b.name, level <> 'building', u.number"

static gboolean
fill_heads (SzDb           *db,
            gint64          community_id,
            gboolean        full,
            SzExportTable  *t,
            GError        **error)
{
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT p.level AS level, g.number, g.name, c.name, b.name, u.number,"
                        " CASE p.level WHEN 'unit' THEN u.households END,"
                        " pe.name, pe.phone, pe.phone2, pe.gender, pe.party_member, pe.background,"
                        " pe.phone_consent, pe.consent_date, p.start_date, p.chosen_by, pe.notes"
                        " FROM post p JOIN person pe ON pe.id = p.person_id"
                        " LEFT JOIN unit u ON u.id = p.unit_id"
                        " LEFT JOIN building b ON b.id = coalesce (p.building_id, u.building_id)"
                        " LEFT JOIN compound c ON c.id = b.compound_id"
                        " JOIN grid g ON g.id = coalesce (p.grid_id, b.grid_id)"
                        " WHERE p.end_date IS NULL AND g.community_id = ?1" ROSTER_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *level = column_text (stmt, 0);
      gboolean asked = sz_stmt_column_type (stmt, 14) != SQLITE_NULL;
      gboolean consent = sz_stmt_column_int (stmt, 13);

      sz_export_table_add_row (t);
      sz_export_table_take (t, R_GRID, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 1)));
      sz_export_table_set (t, R_GRID_NAME, column_text (stmt, 2));
      sz_export_table_set (t, R_COMPOUND, column_text (stmt, 3));
      sz_export_table_set (t, R_BUILDING, column_text (stmt, 4));
      if (g_str_equal (level, "unit"))
        sz_export_table_take (t, R_UNIT, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 5)));
      sz_export_table_set (t, R_POST, post_word (level));
      /* A unit's only: the import sets no other place's households. */
      if (sz_stmt_column_type (stmt, 6) != SQLITE_NULL)
        sz_export_table_take (t, R_HOUSEHOLDS, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 6)));
      sz_export_table_set (t, R_NAME, column_text (stmt, 7));
      sz_export_table_take (t, R_PHONE, phone_cell ((const char *) sz_stmt_column_text (stmt, 8), full));
      sz_export_table_take (t, R_PHONE2, phone_cell ((const char *) sz_stmt_column_text (stmt, 9), full));
      sz_export_table_set (t, R_GENDER, g_str_equal (column_text (stmt, 10), "male") ? "男"
                                        : g_str_equal (column_text (stmt, 10), "female") ? "女" : "");
      sz_export_table_set (t, R_PARTY, sz_stmt_column_int (stmt, 11) ? "是" : "否");
      sz_export_table_set (t, R_BACKGROUND, background_word (column_text (stmt, 12)));
      /* Never asked (no date, no yes) stays empty: not a “no”. */
      sz_export_table_set (t, R_CONSENT, consent ? "是" : asked ? "否" : "");
      sz_export_table_set (t, R_CONSENT_DATE, column_text (stmt, 14));
      sz_export_table_set (t, R_START, column_text (stmt, 15));
      sz_export_table_set (t, R_CHOSEN, chosen_word (column_text (stmt, 16)));
      sz_export_table_set (t, R_NOTES, column_text (stmt, 17));
    }
  sz_stmt_reset (stmt);
  return rc != 0;
}

static gboolean
fill_vacancies (SzDb           *db,
                gint64          community_id,
                SzExportTable  *t,
                GError        **error)
{
  SzStmt *stmt;
  int rc;

  /* The columns of roster_table (…, FALSE): the places, the post, 户数. */
  stmt = sz_db_prepare (db,
                        "SELECT level, g.number, g.name, c.name, b.name, u.number, v.households FROM ("
                        "  SELECT 'grid' AS level, g.id AS grid_id, CAST (NULL AS BIGINT) AS building_id, CAST (NULL AS BIGINT) AS unit_id,"
                        "   g.households AS households FROM grid g WHERE g.community_id = ?1"
                        "   AND NOT EXISTS (SELECT 1 FROM post p WHERE p.grid_id = g.id AND p.end_date IS NULL)"
                        "  UNION ALL SELECT 'building', b.grid_id, b.id, CAST (NULL AS BIGINT), CAST (NULL AS BIGINT) FROM building b"
                        "   JOIN grid g ON g.id = b.grid_id WHERE g.community_id = ?1"
                        "   AND NOT EXISTS (SELECT 1 FROM post p WHERE p.building_id = b.id AND p.end_date IS NULL)"
                        "  UNION ALL SELECT 'unit', b.grid_id, b.id, u.id, u.households FROM unit u"
                        "   JOIN building b ON b.id = u.building_id JOIN grid g ON g.id = b.grid_id"
                        "   WHERE g.community_id = ?1"
                        "   AND NOT EXISTS (SELECT 1 FROM post p WHERE p.unit_id = u.id AND p.end_date IS NULL)) v"
                        " JOIN grid g ON g.id = v.grid_id LEFT JOIN building b ON b.id = v.building_id"
                        " LEFT JOIN compound c ON c.id = b.compound_id LEFT JOIN unit u ON u.id = v.unit_id"
                        ROSTER_ORDER, error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      const char *level = column_text (stmt, 0);

      sz_export_table_add_row (t);
      sz_export_table_take (t, R_GRID, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 1)));
      sz_export_table_set (t, R_GRID_NAME, column_text (stmt, 2));
      sz_export_table_set (t, R_COMPOUND, column_text (stmt, 3));
      sz_export_table_set (t, R_BUILDING, column_text (stmt, 4));
      if (g_str_equal (level, "unit"))
        sz_export_table_take (t, R_UNIT, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 5)));
      sz_export_table_set (t, R_POST, post_word (level));
      if (sz_stmt_column_type (stmt, 6) != SQLITE_NULL)
        /* The vacancy table has no person columns: 户数 comes after 职务. */
        sz_export_table_take (t, R_POST + 1, g_strdup_printf ("%d", sz_stmt_column_int (stmt, 6)));
    }
  sz_stmt_reset (stmt);
  return rc != 0;
}

SzExport *
sz_export_roster (SzDb           *db,
                  gint64          community_id,
                  SzExportFlags   flags,
                  GError        **error)
{
  /* Translators: what an export holds, in “Wrote the roster, 148 rows, to …” */
  g_autoptr(SzExport) e = sz_export_new (_("the roster"));
  /* Translators: a sheet's name in an exported workbook (at most 31 characters) */
  SzExportTable *heads = roster_table (C_("sheet", "Roster"), TRUE);
  /* Translators: a sheet's name in an exported workbook (at most 31 characters) */
  SzExportTable *vacant = roster_table (C_("sheet", "Vacant posts"), FALSE);
  gboolean full = (flags & SZ_EXPORT_FULL_PHONES) != 0;

  g_return_val_if_fail (db != NULL, NULL);

  sz_export_add_table (e, heads);
  sz_export_add_table (e, vacant);
  if (!fill_heads (db, community_id, full, heads, error) || !fill_vacancies (db, community_id, vacant, error))
    return NULL;
  sz_export_set_personal (e, TRUE, full);
  return g_steal_pointer (&e);
}

/* ---- Hotlines ---------------------------------------------------------------- */

SzExport *
sz_export_hotlines (SzDb           *db,
                    gint64          community_id,
                    SzExportFlags   flags,
                    GError        **error)
{
  /* Translators: what an export holds, in “Wrote the hotlines, 12 rows, to …” */
  g_autoptr(SzExport) e = sz_export_new (_("the hotlines"));
  /* Translators: a sheet's name in an exported workbook (at most 31 characters) */
  SzExportTable *t = sz_export_table_new (C_("sheet", "Hotlines"));
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  sz_export_add_table (e, t);
  /* Translators: column headers of the exported hotlines */
  sz_export_table_add_column (t, C_("export column", "Applies to"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Place"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Category"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Name"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Phone"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Last verified"), SZ_EXPORT_COLUMN_TEXT);

  stmt = sz_db_prepare (db,
                        "SELECT h.scope, cm.name, coalesce (c1.name, c2.name), b.name, h.category, h.label, h.number,"
                        " h.verified_on FROM hotline h"
                        " LEFT JOIN community cm ON cm.id = h.community_id"
                        " LEFT JOIN compound c1 ON c1.id = h.compound_id"
                        " LEFT JOIN building b ON b.id = h.building_id"
                        " LEFT JOIN compound c2 ON c2.id = b.compound_id"
                        " WHERE h.community_id = ?1 OR c1.community_id = ?1 OR c2.community_id = ?1"
                        " ORDER BY h.scope <> 'community', h.scope <> 'compound', 3, length (b.name), b.name,"
                        " instr ('water,electricity,gas,heating,property,community_office,police_station,"
                        "city_hotline,supervision,emergency,other', h.category), h.position, h.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      SzScope scope = SZ_SCOPE_COMMUNITY;
      SzHotlineCategory category = SZ_HOTLINE_OTHER;

      sz_scope_from_string (column_text (stmt, 0), &scope);
      sz_hotline_category_from_string (column_text (stmt, 4), &category);
      sz_export_table_add_row (t);
      sz_export_table_set (t, 0, sz_scope_title (scope));
      if (scope == SZ_SCOPE_COMMUNITY)
        sz_export_table_set (t, 1, column_text (stmt, 1));
      else if (scope == SZ_SCOPE_COMPOUND)
        sz_export_table_set (t, 1, column_text (stmt, 2));
      else
        sz_export_table_take (t, 1, g_strdup_printf ("%s %s", column_text (stmt, 2), column_text (stmt, 3)));
      sz_export_table_set (t, 2, sz_hotline_category_title (category));
      sz_export_table_set (t, 3, column_text (stmt, 5));
      sz_export_table_set (t, 4, column_text (stmt, 6));
      sz_export_table_set (t, 5, column_text (stmt, 7));
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return NULL;
  sz_export_set_personal (e, FALSE, FALSE);
  return g_steal_pointer (&e);
}

/* ---- Issue records --------------------------------------------------------------- */

static char *
time_cell (SzStmt *stmt,
           int           i)
{
  gint64 t = sz_stmt_column_int64 (stmt, i);

  return sz_stmt_column_type (stmt, i) == SQLITE_NULL || t <= 0 ? NULL : sz_record_format_time (t);
}

/* One entry of a history as the records sheet's cell lists it:
 * “2026-11-25 14:30 Dispatch (王丽): 市自来水公司 0431-80000301; note”. */
static void
append_event (GString      *s,
              SzStmt *stmt,
              const char   *action_title,
              const char   *satisfaction)
{
  g_autofree char *when = time_cell (stmt, 2);
  const char *department = column_text (stmt, 5);
  const char *contact = column_text (stmt, 6);
  const char *note = column_text (stmt, 4);

  if (s->len > 0)
    g_string_append_c (s, '\n');
  /* Translators: a history entry: when, what, who */
  g_string_append_printf (s, _("%s %s (%s)"), when ? when : "", action_title, column_text (stmt, 3));
  if (*department != '\0')
    g_string_append_printf (s, ": %s%s%s", department, *contact ? " " : "", contact);
  if (satisfaction != NULL)
    g_string_append_printf (s, ": %s", satisfaction);
  if (*note != '\0')
    g_string_append_printf (s, _("; %s"), note);
}

static void
free_text (gpointer data)
{
  g_string_free (data, TRUE);
}

/* The history sheet, and each record's history as text, by record id. */
static GHashTable *
fill_history (SzDb           *db,
              gint64          community_id,
              gint64          from,
              gint64          to,
              SzExportTable  *t,
              GError        **error)
{
  g_autoptr(GHashTable) texts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       free_text);
  SzStmt *stmt;
  int rc;

  stmt = sz_db_prepare (db,
                        "SELECT e.record_id, e.action, e.at, e.actor, e.note, e.department, e.contact,"
                        " e.satisfaction, e.entered_at FROM record_event e JOIN record r ON r.id = e.record_id"
                        " WHERE r.community_id = ?1 AND (?2 = 0 OR r.received_at >= ?2)"
                        " AND (?3 = 0 OR r.received_at < ?3) ORDER BY r.received_at, r.id, e.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int64 (stmt, 2, from);
  sz_stmt_bind_int64 (stmt, 3, to);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      SzAction action = SZ_ACTION_RECEIVE;
      SzSatisfaction satisfaction = SZ_SATISFACTION_NONE;
      const char *satisfaction_title = NULL;
      GString *text = g_hash_table_lookup (texts, &id);

      sz_action_from_string (column_text (stmt, 1), &action);
      if (sz_stmt_column_type (stmt, 7) != SQLITE_NULL
          && sz_satisfaction_from_string (column_text (stmt, 7), &satisfaction))
        satisfaction_title = sz_satisfaction_title (satisfaction);
      if (text == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = id;
          text = g_string_new (NULL);
          g_hash_table_insert (texts, key, text);
        }
      append_event (text, stmt, sz_action_title (action), satisfaction_title);

      sz_export_table_add_row (t);
      sz_export_table_take (t, 0, g_strdup_printf ("%" G_GINT64_FORMAT, id));
      sz_export_table_take (t, 1, time_cell (stmt, 2));
      sz_export_table_set (t, 2, sz_action_title (action));
      sz_export_table_set (t, 3, column_text (stmt, 3));
      sz_export_table_set (t, 4, column_text (stmt, 5));
      sz_export_table_set (t, 5, column_text (stmt, 6));
      sz_export_table_set (t, 6, satisfaction_title);
      sz_export_table_set (t, 7, column_text (stmt, 4));
      sz_export_table_take (t, 8, time_cell (stmt, 8));
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&texts);
}

enum
{
  C_ID, C_RECEIVED, C_CHANNEL, C_PLACE, C_GRID, C_CATEGORY, C_DUTY, C_CLASS, C_DESCRIPTION, C_STATUS,
  C_DUE, C_RESPONDED, C_RESOLVED, C_CLOSED, C_SATISFACTION, C_HEAD, C_ENTERED_BY, C_HISTORY,
  C_REPORTER, C_REPORTER_PHONE
};

SzExport *
sz_export_records (SzDb           *db,
                   gint64          community_id,
                   gint64          from,
                   gint64          to,
                   SzExportFlags   flags,
                   GError        **error)
{
  /* Translators: what an export holds, in “Wrote the issue records, 120 rows, to …” */
  g_autoptr(SzExport) e = sz_export_new (_("the issue records"));
  /* Translators: a sheet's name in an exported workbook (at most 31 characters) */
  SzExportTable *t = sz_export_table_new (C_("sheet", "Issue records"));
  /* Translators: a sheet's name in an exported workbook (at most 31 characters) */
  SzExportTable *h = sz_export_table_new (C_("sheet", "History"));
  g_autoptr(GHashTable) histories = NULL;
  gboolean reporters = (flags & SZ_EXPORT_WITH_REPORTERS) != 0;
  gboolean full = (flags & SZ_EXPORT_FULL_PHONES) != 0;
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  sz_export_add_table (e, t);
  sz_export_add_table (e, h);
  /* Translators: column headers of the exported issue records */
  sz_export_table_add_column (t, C_("export column", "No."), SZ_EXPORT_COLUMN_NUMBER);
  sz_export_table_add_column (t, C_("export column", "Received"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Channel"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Place"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Grid"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Category"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Duty"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Time limit"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "What was reported"), SZ_EXPORT_COLUMN_LONG_TEXT);
  sz_export_table_add_column (t, C_("export column", "Status"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Due"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Responded"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Resolved"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Closed"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Satisfaction"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Head"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "Entered by"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (t, C_("export column", "History"), SZ_EXPORT_COLUMN_LONG_TEXT);
  if (reporters)
    {
      sz_export_table_add_column (t, C_("export column", "Reporter"), SZ_EXPORT_COLUMN_TEXT);
      sz_export_table_add_column (t, C_("export column", "Reporter's phone"), SZ_EXPORT_COLUMN_TEXT);
    }
  /* Translators: column headers of the exported history of issue records */
  sz_export_table_add_column (h, C_("export column", "No."), SZ_EXPORT_COLUMN_NUMBER);
  sz_export_table_add_column (h, C_("export column", "When"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "Action"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "By"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "Department"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "Contact"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "Satisfaction"), SZ_EXPORT_COLUMN_TEXT);
  sz_export_table_add_column (h, C_("export column", "Note"), SZ_EXPORT_COLUMN_LONG_TEXT);
  sz_export_table_add_column (h, C_("export column", "Written down"), SZ_EXPORT_COLUMN_TEXT);

  histories = fill_history (db, community_id, from, to, h, error);
  if (histories == NULL)
    return NULL;

  stmt = sz_db_prepare (db,
                        "SELECT r.id, r.received_at, r.channel, r.place_text, g.number, g.name, cat.name, r.duty,"
                        " r.time_class, r.description, s.status, s.due_at, s.responded_at, s.resolved_at,"
                        " s.closed_at, s.satisfaction, hp.name, r.reporter_name, r.reporter_phone,"
                        " (SELECT actor FROM record_event e WHERE e.record_id = r.id ORDER BY e.id LIMIT 1)"
                        " FROM record r JOIN record_category cat ON cat.id = r.category_id"
                        " LEFT JOIN grid g ON g.id = r.grid_id LEFT JOIN person hp ON hp.id = r.head_person_id"
                        " LEFT JOIN record_state s ON s.record_id = r.id"
                        " WHERE r.community_id = ?1 AND (?2 = 0 OR r.received_at >= ?2)"
                        " AND (?3 = 0 OR r.received_at < ?3) ORDER BY r.received_at, r.id", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int64 (stmt, 2, from);
  sz_stmt_bind_int64 (stmt, 3, to);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = sz_stmt_column_int64 (stmt, 0);
      SzChannel channel = SZ_CHANNEL_OTHER;
      SzDutyKind duty = SZ_DUTY_COLLECT;
      SzTimeClass time_class = SZ_TIME_GENERAL;
      SzRecordStatus status = SZ_RECORD_RECEIVED;
      SzSatisfaction satisfaction = SZ_SATISFACTION_NONE;
      GString *history = g_hash_table_lookup (histories, &id);

      sz_channel_from_string (column_text (stmt, 2), &channel);
      sz_duty_kind_from_string (column_text (stmt, 7), &duty);
      sz_time_class_from_string (column_text (stmt, 8), &time_class);
      sz_record_status_from_string (column_text (stmt, 10), &status);

      sz_export_table_add_row (t);
      sz_export_table_take (t, C_ID, g_strdup_printf ("%" G_GINT64_FORMAT, id));
      sz_export_table_take (t, C_RECEIVED, time_cell (stmt, 1));
      sz_export_table_set (t, C_CHANNEL, sz_channel_title (channel));
      sz_export_table_set (t, C_PLACE, column_text (stmt, 3));
      if (sz_stmt_column_type (stmt, 4) != SQLITE_NULL)
        {
          SzGrid g = { 0 };

          g.number = sz_stmt_column_int (stmt, 4);
          g.name = (char *) column_text (stmt, 5);
          sz_export_table_take (t, C_GRID, sz_grid_label (&g));
        }
      sz_export_table_set (t, C_CATEGORY, column_text (stmt, 6));
      sz_export_table_set (t, C_DUTY, sz_duty_kind_title (duty));
      sz_export_table_set (t, C_CLASS, sz_time_class_title (time_class));
      sz_export_table_set (t, C_DESCRIPTION, column_text (stmt, 9));
      sz_export_table_set (t, C_STATUS, sz_record_status_title (status));
      sz_export_table_take (t, C_DUE, time_cell (stmt, 11));
      sz_export_table_take (t, C_RESPONDED, time_cell (stmt, 12));
      sz_export_table_take (t, C_RESOLVED, time_cell (stmt, 13));
      sz_export_table_take (t, C_CLOSED, time_cell (stmt, 14));
      if (sz_stmt_column_type (stmt, 15) != SQLITE_NULL
          && sz_satisfaction_from_string (column_text (stmt, 15), &satisfaction))
        sz_export_table_set (t, C_SATISFACTION, sz_satisfaction_title (satisfaction));
      sz_export_table_set (t, C_HEAD, column_text (stmt, 16));
      sz_export_table_set (t, C_ENTERED_BY, column_text (stmt, 19));
      sz_export_table_set (t, C_HISTORY, history ? history->str : "");
      if (reporters)
        {
          sz_export_table_set (t, C_REPORTER, column_text (stmt, 17));
          sz_export_table_take (t, C_REPORTER_PHONE, phone_cell ((const char *) sz_stmt_column_text (stmt, 18), full));
        }
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return NULL;
  /* Names of heads and staff are in every record; reporters only when asked. */
  sz_export_set_personal (e, TRUE, reporters && full);
  return g_steal_pointer (&e);
}
