/* sz-import.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-import.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-roster.h"

G_DEFINE_QUARK (sz-import-error-quark, sz_import_error)

/* The columns, by the headers offices write them with.  Any order; the
 * first header that matches one of the names wins. */
typedef enum
{
  COL_GRID, COL_GRID_NAME, COL_COMPOUND, COL_BUILDING, COL_UNIT, COL_POST,
  COL_NAME, COL_PHONE, COL_PHONE2, COL_GENDER, COL_PARTY, COL_BACKGROUND,
  COL_CONSENT, COL_CONSENT_DATE, COL_START, COL_CHOSEN, COL_HOUSEHOLDS,
  COL_NOTES, N_COLS
} Col;

static const char * const column_names[N_COLS][9] = {
  [COL_GRID] = { "网格", "网格号", "网格编号", "所属网格", "grid", NULL },
  [COL_GRID_NAME] = { "网格名称", "grid name", NULL },
  [COL_COMPOUND] = { "小区", "小区名称", "所在小区", "compound", NULL },
  [COL_BUILDING] = { "楼栋", "楼号", "楼栋号", "楼", "building", NULL },
  [COL_UNIT] = { "单元", "单元号", "unit", NULL },
  [COL_POST] = { "职务", "岗位", "类别", "post", "role", NULL },
  [COL_NAME] = { "姓名", "名字", "name", NULL },
  [COL_PHONE] = { "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "phone", "mobile", NULL },
  [COL_PHONE2] = { "备用电话", "其他电话", "座机", "phone 2", "phone2", NULL },
  [COL_GENDER] = { "性别", "gender", "sex", NULL },
  [COL_PARTY] = { "党员", "是否党员", "政治面貌", "party member", "party", NULL },
  [COL_BACKGROUND] = { "身份", "人员类别", "来源", "background", NULL },
  [COL_CONSENT] = { "同意公示电话", "同意公示", "电话公示", "是否同意公示", "consent", NULL },
  [COL_CONSENT_DATE] = { "同意日期", "登记日期", "consent date", NULL },
  [COL_START] = { "任职日期", "上任日期", "任职时间", "start date", "since", NULL },
  [COL_CHOSEN] = { "产生方式", "chosen by", "how chosen", NULL },
  [COL_HOUSEHOLDS] = { "户数", "households", NULL },
  [COL_NOTES] = { "备注", "notes", NULL },
};

typedef struct
{
  SzDb            *db;
  gint64           community_id;
  SzCsv           *csv;
  SzImportReport  *report;
  int              col[N_COLS];
  GHashTable      *grids;       /* number → id */
  GHashTable      *compounds;   /* name → id */
  GHashTable      *buildings;   /* "compound id/name" → id */
  GHashTable      *units;       /* "building id/number" → id */
  GHashTable      *people;      /* "name\nphone" → id, made or found here */
  GString         *errors;
  guint            n_errors;
} Import;

static const char *
cell (Import *im,
      guint   row,
      Col     c)
{
  return im->col[c] < 0 ? "" : sz_csv_get (im->csv, row, im->col[c]);
}

static const char *
header (Import *im,
        Col     c)
{
  return im->col[c] < 0 ? "" : sz_csv_get_header (im->csv, im->col[c]);
}

/* Notes a wrong row; the message already names the column and value. */
static void
row_error (Import     *im,
           guint       row,
           const char *message)
{
  im->n_errors++;
  if (im->n_errors > SZ_IMPORT_MAX_ROW_ERRORS)
    return;
  /* Translators: one wrong row of an imported file: its row number as the
     spreadsheet shows it, and what is wrong */
  g_string_append_printf (im->errors, _("Row %u: %s"), sz_csv_get_line (im->csv, row), message);
  g_string_append_c (im->errors, '\n');
}

static void
row_error_printf (Import     *im,
                  guint       row,
                  const char *format,
                  ...) G_GNUC_PRINTF (3, 4);

static void
row_error_printf (Import     *im,
                  guint       row,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  row_error (im, row, message);
}

/* 三, 十二, 二十, 二十三: the numerals offices write grid and unit
 * numbers in (1..99); -1 for anything else. */
static int
chinese_numeral (const char *p)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  gboolean seen_ten = FALSE;
  int tens = 0, units = -1;

  while (*p)
    {
      gboolean matched = FALSE;

      if (g_str_has_prefix (p, "十"))
        {
          if (seen_ten)
            return -1;
          tens = units < 0 ? 1 : units;
          units = -1;
          seen_ten = TRUE;
          p += strlen ("十");
          continue;
        }
      for (int d = 0; d < 10 && !matched; d++)
        if (g_str_has_prefix (p, digits[d]))
          {
            if (units >= 0)
              return -1;
            units = d;
            p += strlen (digits[d]);
            matched = TRUE;
          }
      if (!matched)
        return -1;
    }
  if (!seen_ten)
    return units > 0 ? units : -1;
  return tens * 10 + (units < 0 ? 0 : units);
}

/* A grid or unit number from "3", "03", "第3网格", "3单元", "三单元". */
static int
parse_number (const char *text,
              const char *suffix)
{
  g_autofree char *s = g_strdup (text);
  char *p = s;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  if (suffix != NULL && g_str_has_suffix (p, suffix))
    p[strlen (p) - strlen (suffix)] = '\0';
  if (g_str_has_suffix (p, "号"))
    p[strlen (p) - strlen ("号")] = '\0';
  if (*p == '\0')
    return -1;
  if (g_ascii_isdigit (*p))
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (p, &end, 10);
      return (*end == '\0' && v > 0 && v < 100000) ? (int) v : -1;
    }
  return chinese_numeral (p);
}

/* Yes/no as spreadsheets write it; -1 for neither. */
static int
parse_yes_no (const char *text)
{
  static const char *yes[] = { "是", "有", "同意", "已同意", "党员", "中共党员", "中共预备党员", "√", "✓", "y", "yes", "true", "1", NULL };
  static const char *no[] = { "否", "无", "不同意", "未同意", "群众", "非党员", "×", "✗", "n", "no", "false", "0", NULL };
  g_autofree char *lower = g_utf8_strdown (text, -1);

  if (g_strv_contains (yes, lower))
    return 1;
  if (g_strv_contains (no, lower))
    return 0;
  return -1;
}

static gboolean
parse_level (const char *text,
             SzLevel    *level)
{
  g_autofree char *lower = g_utf8_strdown (text, -1);

  for (SzLevel l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autofree char *title = g_utf8_strdown (sz_level_head_title (l), -1);
      g_autofree char *english = g_strconcat (sz_level_to_string (l), " head", NULL);

      if (g_str_equal (lower, title) || g_str_equal (lower, english) || g_str_equal (lower, sz_level_to_string (l)))
        {
          *level = l;
          return TRUE;
        }
    }
  if (g_str_equal (lower, "网格长")) { *level = SZ_LEVEL_GRID; return TRUE; }
  if (g_str_equal (lower, "楼栋长") || g_str_equal (lower, "楼长")) { *level = SZ_LEVEL_BUILDING; return TRUE; }
  if (g_str_equal (lower, "单元长")) { *level = SZ_LEVEL_UNIT; return TRUE; }
  return FALSE;
}

static const char *
parse_background (const char *text)
{
  static const struct { const char *word; const char *code; } words[] = {
    { "社区干部", "cadre" }, { "社区工作者", "cadre" }, { "干部", "cadre" },
    { "退休干部", "retired_cadre" }, { "退休教师", "retired_teacher" },
    { "党员", "party_member" }, { "居民志愿者", "volunteer" }, { "志愿者", "volunteer" },
    { "居民代表", "resident_representative" }, { "其他", "other" }, { "其它", "other" },
  };
  const char * const *codes = sz_person_backgrounds ();

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i].word))
      return words[i].code;
  for (guint i = 0; codes[i]; i++)
    if (g_ascii_strcasecmp (text, codes[i]) == 0 || g_str_equal (text, sz_person_background_title (codes[i])))
      return codes[i];
  return NULL;
}

static gboolean
parse_chosen (const char *text,
              SzChosenBy *chosen)
{
  static const char *words[] = { "选举", "推荐", "自荐", "任命" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i]) || g_str_equal (text, sz_chosen_by_title (i))
        || g_ascii_strcasecmp (text, sz_chosen_by_to_string (i)) == 0)
      {
        *chosen = i;
        return TRUE;
      }
  if (g_str_equal (text, "自我推荐") || g_str_equal (text, "毛遂自荐"))
    {
      *chosen = SZ_CHOSEN_SELF_NOMINATION;
      return TRUE;
    }
  return FALSE;
}

/* Looks a row up by @sql (?1 int, ?2 text); 0 when there is none. */
static gboolean
find_id (SzDb        *db,
         const char  *sql,
         gint64       parent,
         const char  *text,
         gint64      *id,
         GError     **error)
{
  sqlite3_stmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, parent);
  sz_db_bind_text (stmt, 2, text);
  rc = sz_db_step (db, stmt, error);
  if (rc == 0)
    return FALSE;
  *id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  sqlite3_reset (stmt);
  return TRUE;
}

static gint64
resolve_grid (Import  *im,
              guint    row,
              GError **error)
{
  const char *text = cell (im, row, COL_GRID);
  g_autofree char *key = NULL;
  gint64 id = 0;
  int number;

  number = parse_number (text, "网格");
  if (number < 0)
    {
      /* A grid may be named instead of numbered: 丰和第一网格. */
      if (*text != '\0'
          && !find_id (im->db, "SELECT id FROM grid WHERE community_id = ?1 AND name = ?2", im->community_id, text, &id, error))
        return -1;
      if (id == 0)
        row_error_printf (im, row,
                          /* Translators: a column header, then the cell's text */
                          _("%s: “%s” is not a grid number or the name of a grid of this community."),
                          header (im, COL_GRID), text);
      return id;
    }
  key = g_strdup_printf ("%d", number);
  if ((id = sz_id_map_lookup (im->grids, key)) != 0)
    return id;
  {
    g_autofree char *sql_number = g_strdup_printf ("%d", number);
    if (!find_id (im->db, "SELECT id FROM grid WHERE community_id = ?1 AND number = CAST(?2 AS INTEGER)",
                  im->community_id, sql_number, &id, error))
      return -1;
  }
  if (id == 0)
    {
      g_autoptr(SzGrid) g = sz_grid_new ();

      g->community_id = im->community_id;
      g->number = number;
      g->name = g_strdup (cell (im, row, COL_GRID_NAME));
      if (!sz_grid_save (im->db, g, error))
        return -1;
      id = g->id;
      im->report->grids_created++;
    }
  sz_id_map_insert (im->grids, key, id);
  return id;
}

static gint64
resolve_compound (Import  *im,
                  guint    row,
                  GError **error)
{
  const char *name = cell (im, row, COL_COMPOUND);
  gint64 id;

  if ((id = sz_id_map_lookup (im->compounds, name)) != 0)
    return id;
  if (!find_id (im->db, "SELECT id FROM compound WHERE community_id = ?1 AND name = ?2", im->community_id, name, &id, error))
    return -1;
  if (id == 0)
    {
      g_autoptr(SzCompound) c = sz_compound_new ();

      c->community_id = im->community_id;
      c->name = g_strdup (name);
      if (!sz_compound_save (im->db, c, error))
        return -1;
      id = c->id;
      im->report->compounds_created++;
    }
  sz_id_map_insert (im->compounds, name, id);
  return id;
}

static gint64
resolve_building (Import  *im,
                  guint    row,
                  gint64   compound_id,
                  gint64   grid_id,
                  GError **error)
{
  const char *name = cell (im, row, COL_BUILDING);
  g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%s", compound_id, name);
  g_autoptr(SzBuilding) b = NULL;
  gint64 id;

  if ((id = sz_id_map_lookup (im->buildings, key)) == 0)
    {
      if (!find_id (im->db, "SELECT id FROM building WHERE compound_id = ?1 AND name = ?2", compound_id, name, &id, error))
        return -1;
    }
  if (id == 0)
    {
      b = sz_building_new ();
      b->compound_id = compound_id;
      b->grid_id = grid_id;
      b->name = g_strdup (name);
      if (!sz_building_save (im->db, b, error))
        return -1;
      im->report->buildings_created++;
      sz_id_map_insert (im->buildings, key, b->id);
      return b->id;
    }
  sz_id_map_insert (im->buildings, key, id);

  /* The sheet and the roster must agree on the building's grid. */
  b = sz_building_get (im->db, id, error);
  if (b == NULL)
    return -1;
  if (b->grid_id != grid_id)
    {
      g_autoptr(SzGrid) in = sz_grid_get (im->db, b->grid_id, NULL);
      g_autofree char *label = in ? sz_grid_label (in) : g_strdup ("");

      row_error_printf (im, row,
                        /* Translators: a column header, the building, the compound, the grid it is in */
                        _("%s: %s of %s is in %s, not in the grid this row names."),
                        header (im, COL_GRID), name, cell (im, row, COL_COMPOUND), label);
      return 0;
    }
  return id;
}

static gint64
resolve_unit (Import  *im,
              guint    row,
              gint64   building_id,
              GError **error)
{
  const char *text = cell (im, row, COL_UNIT);
  const char *households_text = cell (im, row, COL_HOUSEHOLDS);
  int number = parse_number (text, "单元");
  int households = -1;
  g_autofree char *key = NULL;
  g_autofree char *sql_number = NULL;
  g_autoptr(SzUnit) u = NULL;
  gint64 id;

  if (number < 0 || number > 99)
    {
      row_error_printf (im, row,
                        /* Translators: a column header, then the cell's text */
                        _("%s: “%s” is not a unit number (1 to 99, such as 2 or 2单元)."),
                        header (im, COL_UNIT), text);
      return 0;
    }
  if (*households_text != '\0')
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (households_text, &end, 10);
      if (*end != '\0' || v < 0 || v > 2000)
        {
          row_error_printf (im, row,
                            /* Translators: a column header, then the cell's text */
                            _("%s: “%s” is not a number of households (0 to 2000)."),
                            header (im, COL_HOUSEHOLDS), households_text);
          return 0;
        }
      households = (int) v;
    }

  key = g_strdup_printf ("%" G_GINT64_FORMAT "/%d", building_id, number);
  sql_number = g_strdup_printf ("%d", number);
  if ((id = sz_id_map_lookup (im->units, key)) == 0
      && !find_id (im->db, "SELECT id FROM unit WHERE building_id = ?1 AND number = CAST(?2 AS INTEGER)",
                   building_id, sql_number, &id, error))
    return -1;
  if (id == 0)
    {
      u = sz_unit_new ();
      u->building_id = building_id;
      u->number = number;
      u->households = MAX (households, 0);
      if (!sz_unit_save (im->db, u, error))
        return -1;
      im->report->units_created++;
      id = u->id;
    }
  else if (households >= 0)
    {
      u = sz_unit_get (im->db, id, error);
      if (u == NULL)
        return -1;
      if (u->households != households)
        {
          u->households = households;
          if (!sz_unit_save (im->db, u, error))
            return -1;
        }
    }
  sz_id_map_insert (im->units, key, id);
  return id;
}

/* The person a row names: found by name and phone (or by name alone when
 * the row gives no phone and exactly one person has that name), else made.
 * What the row says of them (consent, party, …) is written to them. */
static gint64
resolve_person (Import   *im,
                guint     row,
                GError  **error)
{
  g_autoptr(SzPerson) p = NULL;
  g_autofree char *phone = g_strdup (cell (im, row, COL_PHONE));
  g_autofree char *phone2 = g_strdup (cell (im, row, COL_PHONE2));
  g_autofree char *consent_date = g_strdup (cell (im, row, COL_CONSENT_DATE));
  g_autofree char *key = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *name = cell (im, row, COL_NAME);
  const char *gender = cell (im, row, COL_GENDER);
  const char *party = cell (im, row, COL_PARTY);
  const char *background = cell (im, row, COL_BACKGROUND);
  const char *consent = cell (im, row, COL_CONSENT);
  const char *notes = cell (im, row, COL_NOTES);
  const char *background_code = NULL;
  gboolean bad = FALSE;
  int party_v = -1, consent_v = -1;
  gint64 id = 0;

  /* Check every cell first, naming the file's own column headers, so that
   * one pass shows all that is wrong in the row. */
  if (!sz_validate_phone (header (im, COL_PHONE), &phone, FALSE, &local_error)
      || !sz_validate_phone (header (im, COL_PHONE2), &phone2, FALSE, &local_error)
      || !sz_validate_date (header (im, COL_CONSENT_DATE), &consent_date, FALSE, &local_error))
    {
      row_error (im, row, local_error->message);
      g_clear_error (&local_error);
      bad = TRUE;
    }
  if (*gender != '\0' && !g_str_equal (gender, "男") && !g_str_equal (gender, "女")
      && g_ascii_strcasecmp (gender, "male") != 0 && g_ascii_strcasecmp (gender, "female") != 0
      && g_ascii_strcasecmp (gender, "m") != 0 && g_ascii_strcasecmp (gender, "f") != 0)
    {
      /* Translators: a column header, then the cell's text */
      row_error_printf (im, row, _("%s: “%s” is not 男 or 女."), header (im, COL_GENDER), gender);
      bad = TRUE;
    }
  if (*party != '\0' && (party_v = parse_yes_no (party)) < 0)
    {
      /* Translators: a column header, then the cell's text */
      row_error_printf (im, row, _("%s: “%s” is neither yes (是) nor no (否)."), header (im, COL_PARTY), party);
      bad = TRUE;
    }
  if (*consent != '\0' && (consent_v = parse_yes_no (consent)) < 0)
    {
      row_error_printf (im, row, _("%s: “%s” is neither yes (是) nor no (否)."), header (im, COL_CONSENT), consent);
      bad = TRUE;
    }
  if (*background != '\0' && (background_code = parse_background (background)) == NULL)
    {
      /* Translators: a column header, then the cell's text */
      row_error_printf (im, row, _("%s: “%s” is not one of 社区干部, 退休干部, 退休教师, 党员, 居民志愿者, 居民代表, 其他."),
                        header (im, COL_BACKGROUND), background);
      bad = TRUE;
    }
  if (consent_v == 1 && consent_date == NULL)
    {
      /* Translators: two column headers */
      row_error_printf (im, row, _("%s: consent to print the phone needs the date it was given (%s)."),
                        header (im, COL_CONSENT), im->col[COL_CONSENT_DATE] >= 0 ? header (im, COL_CONSENT_DATE) : "同意日期");
      bad = TRUE;
    }
  if (bad)
    return 0;

  key = g_strdup_printf ("%s\n%s", name, phone ? phone : "");
  if ((id = sz_id_map_lookup (im->people, key)) == 0)
    {
      if (phone != NULL)
        {
          sqlite3_stmt *stmt = sz_db_prepare (im->db, "SELECT id FROM person WHERE name = ?1 AND (phone = ?2 OR phone2 = ?2)"
                                                      " ORDER BY id LIMIT 1", error);
          int rc;

          if (stmt == NULL)
            return -1;
          sz_db_bind_text (stmt, 1, name);
          sz_db_bind_text (stmt, 2, phone);
          if ((rc = sz_db_step (im->db, stmt, error)) == 0)
            return -1;
          id = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
          sqlite3_reset (stmt);
        }
      else
        {
          sqlite3_stmt *stmt = sz_db_prepare (im->db, "SELECT min(id), count(*) FROM person WHERE name = ?1", error);

          if (stmt == NULL)
            return -1;
          sz_db_bind_text (stmt, 1, name);
          if (sz_db_step (im->db, stmt, error) != SQLITE_ROW)
            return -1;
          id = sqlite3_column_int64 (stmt, 1) == 1 ? sqlite3_column_int64 (stmt, 0) : 0;
          sqlite3_reset (stmt);
        }
      if (id != 0)
        im->report->people_found++;
    }

  if (id != 0)
    {
      p = sz_person_get (im->db, id, error);
      if (p == NULL)
        return -1;
    }
  else
    {
      p = sz_person_new ();
      p->name = g_strdup (name);
      im->report->people_created++;
    }

  /* What the row says replaces what was recorded; empty cells keep it. */
  if (phone != NULL)
    g_free (p->phone), p->phone = g_steal_pointer (&phone);
  if (phone2 != NULL)
    g_free (p->phone2), p->phone2 = g_steal_pointer (&phone2);
  if (*gender != '\0')
    {
      g_free (p->gender);
      p->gender = g_strdup (g_str_equal (gender, "男") || g_ascii_strncasecmp (gender, "m", 1) == 0 ? "male" : "female");
    }
  if (party_v >= 0)
    p->party_member = party_v;
  if (background_code != NULL)
    g_free (p->background), p->background = g_strdup (background_code);
  if (consent_v >= 0)
    {
      p->phone_consent = consent_v;
      if (consent_date != NULL)
        g_free (p->consent_date), p->consent_date = g_steal_pointer (&consent_date);
    }
  if (*notes != '\0')
    g_free (p->notes), p->notes = g_strdup (notes);

  if (!sz_person_save (im->db, p, error))
    return -1;
  sz_id_map_insert (im->people, key, p->id);
  return p->id;
}

/* Reads and writes one row; FALSE only for a failure of the database
 * itself.  What is wrong with the row goes to the row errors. */
static gboolean
import_row (Import  *im,
            guint    row,
            GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(SzPost) current = NULL;
  g_autofree char *start = g_strdup (cell (im, row, COL_START));
  const char *post_text = cell (im, row, COL_POST);
  const char *chosen_text = cell (im, row, COL_CHOSEN);
  SzChosenBy chosen = SZ_CHOSEN_ELECTION;
  gboolean has_compound = *cell (im, row, COL_COMPOUND) != '\0';
  gboolean has_building = *cell (im, row, COL_BUILDING) != '\0';
  gboolean has_unit = *cell (im, row, COL_UNIT) != '\0';
  gint64 grid_id = 0, compound_id = 0, building_id = 0, unit_id = 0, place_id, person_id;
  guint errors_before = im->n_errors;
  SzLevel level;

  if (*cell (im, row, COL_NAME) == '\0')
    {
      /* Translators: a column header */
      row_error_printf (im, row, _("%s is empty."), header (im, COL_NAME));
      return TRUE;
    }
  /* The post, or the most precise place the row gives. */
  if (*post_text != '\0')
    {
      if (!parse_level (post_text, &level))
        {
          /* Translators: a column header, then the cell's text */
          row_error_printf (im, row, _("%s: “%s” is not 网格长, 楼栋长 or 单元长."), header (im, COL_POST), post_text);
          return TRUE;
        }
    }
  else
    level = has_unit ? SZ_LEVEL_UNIT : has_building ? SZ_LEVEL_BUILDING : SZ_LEVEL_GRID;

  if ((level >= SZ_LEVEL_BUILDING && (!has_compound || !has_building)) || (level == SZ_LEVEL_UNIT && !has_unit))
    {
      /* Translators: the post, then what it needs ("小区, 楼栋 and 单元") */
      row_error_printf (im, row, _("A %s row needs its place: %s."), sz_level_head_title (level),
                        level == SZ_LEVEL_UNIT ? _("compound, building and unit") : _("compound and building"));
      return TRUE;
    }
  if (*chosen_text != '\0' && !parse_chosen (chosen_text, &chosen))
    {
      /* Translators: a column header, then the cell's text */
      row_error_printf (im, row, _("%s: “%s” is not 选举, 推荐, 自荐 or 任命."), header (im, COL_CHOSEN), chosen_text);
      return TRUE;
    }
  if (!sz_validate_date (header (im, COL_START), &start, FALSE, &local_error))
    {
      row_error (im, row, local_error->message);
      return TRUE;
    }

#define CHECK(expr) \
  G_STMT_START { \
    if ((expr) < 0) \
      goto failed; \
    if (im->n_errors > errors_before) \
      return TRUE; \
  } G_STMT_END

  CHECK (grid_id = resolve_grid (im, row, &local_error));
  if (grid_id == 0)
    return TRUE;
  place_id = grid_id;
  if (level >= SZ_LEVEL_BUILDING)
    {
      CHECK (compound_id = resolve_compound (im, row, &local_error));
      CHECK (building_id = resolve_building (im, row, compound_id, grid_id, &local_error));
      place_id = building_id;
    }
  if (level == SZ_LEVEL_UNIT)
    {
      CHECK (unit_id = resolve_unit (im, row, building_id, &local_error));
      place_id = unit_id;
    }
  CHECK (person_id = resolve_person (im, row, &local_error));
  if (person_id == 0)
    return TRUE;
#undef CHECK

  current = sz_post_get_current (im->db, level, place_id, &local_error);
  if (local_error != NULL)
    goto failed;
  if (current != NULL && current->person_id == person_id)
    {
      im->report->heads_unchanged++;
      return TRUE;
    }
  if (!sz_post_appoint (im->db, level, place_id, person_id, start, chosen, NULL, &local_error))
    goto failed;
  if (current != NULL)
    im->report->heads_replaced++;
  else
    im->report->heads_appointed++;
  return TRUE;

failed:
  /* The roster refused something the row asks: that is the row's fault.
   * Anything else is the database's, and ends the import. */
  if (local_error->domain == SZ_ROSTER_ERROR)
    {
      row_error (im, row, local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}

gboolean
sz_import_roster (SzDb            *db,
                  gint64           community_id,
                  SzCsv           *csv,
                  gboolean         dry_run,
                  SzImportReport  *report,
                  GError         **error)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  Import im = { 0 };
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (csv != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  memset (report, 0, sizeof *report);
  im.db = db;
  im.community_id = community_id;
  im.csv = csv;
  im.report = report;
  for (Col c = 0; c < N_COLS; c++)
    im.col[c] = sz_csv_find_column (csv, column_names[c]);

  if (im.col[COL_GRID] < 0)
    g_string_append_printf (missing, "“%s”", column_names[COL_GRID][0]);
  if (im.col[COL_NAME] < 0)
    g_string_append_printf (missing, "%s“%s”", missing->len ? _(", ") : "", column_names[COL_NAME][0]);
  if (missing->len > 0)
    {
      g_set_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_COLUMNS,
                   /* Translators: the columns that are missing, then an example header line */
                   _("The file has no column %s. Its first line must name the columns, for example: %s"),
                   missing->str, "网格,小区,楼栋,单元,职务,姓名,电话,同意公示电话,同意日期");
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  if (!sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", community_id, _("Community"), error))
    return sz_db_end (db, FALSE, NULL);

  im.grids = sz_id_map_new ();
  im.compounds = sz_id_map_new ();
  im.buildings = sz_id_map_new ();
  im.units = sz_id_map_new ();
  im.people = sz_id_map_new ();
  im.errors = g_string_new (NULL);

  report->rows = sz_csv_get_n_rows (csv);
  for (guint row = 0; ok && row < report->rows; row++)
    ok = import_row (&im, row, error);

  if (ok && im.n_errors > 0)
    {
      if (im.n_errors > SZ_IMPORT_MAX_ROW_ERRORS)
        g_string_append_printf (im.errors,
                                /* Translators: after the list of wrong rows */
                                g_dngettext (GETTEXT_PACKAGE, "…and %u more.\n", "…and %u more.\n",
                                             im.n_errors - SZ_IMPORT_MAX_ROW_ERRORS),
                                im.n_errors - SZ_IMPORT_MAX_ROW_ERRORS);
      g_set_error (error, SZ_IMPORT_ERROR, SZ_IMPORT_ERROR_ROWS,
                   g_dngettext (GETTEXT_PACKAGE,
                                "%u problem in the file; nothing was imported. Correct it and import the file again:\n%s",
                                "%u problems in the file; nothing was imported. Correct them and import the file again:\n%s",
                                im.n_errors),
                   im.n_errors, im.errors->str);
      ok = FALSE;
    }

  g_hash_table_unref (im.grids);
  g_hash_table_unref (im.compounds);
  g_hash_table_unref (im.buildings);
  g_hash_table_unref (im.units);
  g_hash_table_unref (im.people);
  g_string_free (im.errors, TRUE);

  /* A dry run is checked and counted like the real one, then undone. */
  if (!ok || dry_run)
    {
      sz_db_end (db, FALSE, NULL);
      return ok;
    }
  return sz_db_end (db, TRUE, error);
}
