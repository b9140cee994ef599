/* sz-import.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-import-private.h"

G_DEFINE_QUARK (sz-import-error-quark, sz_import_error)

/* The headers offices write each column with.  Any order; a header
 * matches after sz_table_header_key() (spaces, marks and bracketed notes
 * removed), so “姓名*” and “电话（手机）” need no entries of their own. */
static const char * const column_names[SZ_IMPORT_N_FIELDS][12] = {
  [SZ_IMPORT_FIELD_GRID] = { "网格", "网格号", "网格编号", "所属网格", "网格序号", "grid", NULL },
  [SZ_IMPORT_FIELD_GRID_NAME] = { "网格名称", "网格名", "grid name", NULL },
  [SZ_IMPORT_FIELD_COMPOUND] = { "小区", "小区名称", "所在小区", "小区名", "院落", "compound", NULL },
  [SZ_IMPORT_FIELD_BUILDING] = { "楼栋", "楼号", "楼栋号", "楼", "栋", "栋号", "楼栋名称", "building", NULL },
  [SZ_IMPORT_FIELD_UNIT] = { "单元", "单元号", "单元名称", "unit", NULL },
  [SZ_IMPORT_FIELD_POST] = { "职务", "岗位", "职位", "类别", "三长类别", "三长类型", "担任职务", "post", "role", NULL },
  [SZ_IMPORT_FIELD_NAME] = { "姓名", "名字", "三长姓名", "负责人", "name", NULL },
  [SZ_IMPORT_FIELD_PHONE] = { "电话", "手机", "手机号", "手机号码", "联系电话", "电话号码", "联系方式", "phone", "mobile", NULL },
  [SZ_IMPORT_FIELD_PHONE2] = { "备用电话", "其他电话", "座机", "固定电话", "固话", "phone 2", "phone2", NULL },
  [SZ_IMPORT_FIELD_GENDER] = { "性别", "gender", "sex", NULL },
  [SZ_IMPORT_FIELD_PARTY] = { "党员", "是否党员", "政治面貌", "party member", "party", NULL },
  [SZ_IMPORT_FIELD_BACKGROUND] = { "身份", "人员类别", "来源", "人员身份", "background", NULL },
  [SZ_IMPORT_FIELD_CONSENT] = { "同意公示电话", "同意公示", "电话公示", "是否同意公示", "是否公示电话", "consent", NULL },
  [SZ_IMPORT_FIELD_CONSENT_DATE] = { "同意日期", "登记日期", "同意公示日期", "consent date", NULL },
  [SZ_IMPORT_FIELD_START] = { "任职日期", "上任日期", "任职时间", "任职起始日期", "start date", "since", NULL },
  [SZ_IMPORT_FIELD_CHOSEN] = { "产生方式", "选任方式", "chosen by", "how chosen", NULL },
  [SZ_IMPORT_FIELD_HOUSEHOLDS] = { "户数", "住户数", "单元户数", "households", NULL },
  [SZ_IMPORT_FIELD_NOTES] = { "备注", "说明", "notes", NULL },
};

const char *
sz_import_field_title (SzImportField field)
{
  switch (field)
    {
    /* Translators: what an imported column means; the spreadsheet's usual header */
    case SZ_IMPORT_FIELD_GRID: return C_("import column", "Grid");
    case SZ_IMPORT_FIELD_GRID_NAME: return C_("import column", "Grid name");
    case SZ_IMPORT_FIELD_COMPOUND: return C_("import column", "Compound");
    case SZ_IMPORT_FIELD_BUILDING: return C_("import column", "Building");
    case SZ_IMPORT_FIELD_UNIT: return C_("import column", "Unit");
    case SZ_IMPORT_FIELD_POST: return C_("import column", "Post");
    case SZ_IMPORT_FIELD_NAME: return C_("import column", "Name");
    case SZ_IMPORT_FIELD_PHONE: return C_("import column", "Phone");
    case SZ_IMPORT_FIELD_PHONE2: return C_("import column", "Second phone");
    case SZ_IMPORT_FIELD_GENDER: return C_("import column", "Gender");
    case SZ_IMPORT_FIELD_PARTY: return C_("import column", "Party member");
    case SZ_IMPORT_FIELD_BACKGROUND: return C_("import column", "Background");
    case SZ_IMPORT_FIELD_CONSENT: return C_("import column", "Consent to print the phone");
    case SZ_IMPORT_FIELD_CONSENT_DATE: return C_("import column", "Consent date");
    case SZ_IMPORT_FIELD_START: return C_("import column", "Start date");
    case SZ_IMPORT_FIELD_CHOSEN: return C_("import column", "How chosen");
    case SZ_IMPORT_FIELD_HOUSEHOLDS: return C_("import column", "Households");
    case SZ_IMPORT_FIELD_NOTES: return C_("import column", "Notes");
    case SZ_IMPORT_N_FIELDS:
    default:
      g_return_val_if_reached ("");
    }
}

gboolean
sz_import_field_required (SzImportField field)
{
  return field == SZ_IMPORT_FIELD_GRID || field == SZ_IMPORT_FIELD_NAME;
}

/* Problems and changes */

static void
problem_free (gpointer data)
{
  SzImportProblem *p = data;

  g_free (p->header);
  g_free (p->message);
  g_free (p->text);
  g_free (p);
}

static void
change_free (gpointer data)
{
  SzImportChange *c = data;

  g_free (c->place);
  g_free (c->post);
  g_free (c->name);
  g_free (c->old_name);
  g_free (c);
}

/* A, B, … Z, AA, AB: a column as the spreadsheet names it. */
static char *
column_letters (guint column)
{
  char buf[8];
  int i = sizeof buf - 1;

  buf[i] = '\0';
  column++;
  while (column > 0 && i > 0)
    {
      column--;
      buf[--i] = 'A' + column % 26;
      column /= 26;
    }
  return g_strdup (buf + i);
}

char *
sz_import_quote (const char *text)
{
  g_autofree char *start = NULL;

  if (g_utf8_strlen (text, -1) <= 24)
    /* Translators: how a value from the file is quoted in messages */
    return g_strdup_printf (_("“%s”"), text);
  start = g_utf8_substring (text, 0, 20);
  /* Translators: how the start of a long value from the file is quoted */
  return g_strdup_printf (_("“%s…”"), start);
}

void
sz_import_problem (SzImport         *im,
                   SzImportSeverity  severity,
                   int               row,
                   int               column,
                   const char       *format,
                   ...)
{
  SzImportProblem *p = g_new0 (SzImportProblem, 1);
  g_autofree char *letters = NULL;
  va_list args;

  va_start (args, format);
  p->message = g_strdup_vprintf (format, args);
  va_end (args);
  p->severity = severity;
  p->row = row;
  p->line = row >= 0 ? sz_table_get_line (im->table, row) : 0;
  p->column = column;
  if (column >= 0)
    {
      const char *header = sz_table_get_header (im->table, column);
      int field = sz_import_get_field (im, column);

      p->header = g_strdup (*header != '\0' ? header : field >= 0 ? sz_import_field_title (field) : "");
      letters = column_letters (column);
    }

  /* The message may start with the header already (the roster's own
   * validators name their field): don't say it twice. */
  if (row >= 0 && column >= 0 && (*p->header == '\0' || g_str_has_prefix (p->message, p->header)))
    /* Translators: a row number, a column letter, then what is wrong */
    p->text = g_strdup_printf (_("Row %u, column %s: %s"), p->line, letters, p->message);
  else if (row >= 0 && column >= 0)
    /* Translators: a row number, a column letter, the column's header, then what is wrong */
    p->text = g_strdup_printf (_("Row %u, column %s (%s): %s"), p->line, letters, p->header, p->message);
  else if (row >= 0)
    /* Translators: a row number, then what is wrong */
    p->text = g_strdup_printf (_("Row %u: %s"), p->line, p->message);
  else if (column >= 0)
    /* Translators: a column letter, then what is wrong */
    p->text = g_strdup_printf (_("Column %s: %s"), letters, p->message);
  else
    p->text = g_strdup (p->message);

  if (severity == SZ_IMPORT_PROBLEM_ERROR)
    im->report.errors++;
  else if (severity == SZ_IMPORT_PROBLEM_WARNING)
    im->report.warnings++;
  g_ptr_array_add (im->problems, p);
}

void
sz_import_change (SzImport           *im,
                  SzImportChangeKind  kind,
                  int                 row,
                  const char         *place,
                  const char         *post,
                  const char         *name,
                  const char         *old_name)
{
  SzImportChange *c = g_new0 (SzImportChange, 1);

  c->kind = kind;
  c->row = row;
  c->line = row >= 0 ? sz_table_get_line (im->table, row) : 0;
  c->place = g_strdup (place);
  c->post = g_strdup (post);
  c->name = g_strdup (name);
  c->old_name = g_strdup (old_name);
  g_ptr_array_add (im->changes, c);
}

/* Cells */

const char *
sz_import_cell (SzImport      *im,
                guint          row,
                SzImportField  field)
{
  return im->col[field] < 0 ? "" : sz_table_get (im->table, row, im->col[field]);
}

SzCellKind
sz_import_cell_kind (SzImport      *im,
                     guint          row,
                     SzImportField  field)
{
  return im->col[field] < 0 ? SZ_CELL_EMPTY : sz_table_get_kind (im->table, row, im->col[field]);
}

const char *
sz_import_header (SzImport      *im,
                  SzImportField  field)
{
  const char *header = im->col[field] < 0 ? "" : sz_table_get_header (im->table, im->col[field]);

  return *header != '\0' ? header : sz_import_field_title (field);
}

/* The header row and the columns */

/* The field whose names include @key; -1 for none. */
static int
field_of_key (const char *key)
{
  for (SzImportField f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    for (guint i = 0; column_names[f][i] != NULL; i++)
      {
        g_autofree char *name_key = sz_table_header_key (column_names[f][i]);

        if (*key != '\0' && g_str_equal (key, name_key))
          return f;
      }
  return -1;
}

/* A title row (“丰和社区三长名册”) often stands above the header: the
 * header is the first of the top rows that names the most fields. */
static void
find_header (SzImport *im)
{
  guint best = 0, best_count = 0;
  guint n = MIN (sz_table_get_n_all_rows (im->table), 10);

  for (guint r = 0; r < n; r++)
    {
      guint count = 0;

      for (guint c = 0; c < sz_table_get_n_columns (im->table); c++)
        {
          g_autofree char *key = sz_table_header_key (sz_table_get_all (im->table, r, c));

          count += field_of_key (key) >= 0;
        }
      if (count > best_count)
        best = r, best_count = count;
    }
  if (best_count >= 2)
    sz_table_set_header (im->table, best);
}

static void
map_columns (SzImport *im)
{
  for (SzImportField f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    {
      im->col[f] = -1;
      im->col_auto[f] = FALSE;
    }
  for (guint c = 0; c < sz_table_get_n_columns (im->table); c++)
    {
      g_autofree char *key = sz_table_header_key (sz_table_get_header (im->table, c));
      int f = field_of_key (key);

      /* The first column of a field wins; check_columns() says so. */
      if (f >= 0 && im->col[f] < 0)
        {
          im->col[f] = c;
          im->col_auto[f] = TRUE;
        }
    }
}

SzImport *
sz_import_new (SzDb     *db,
               gint64    community_id,
               SzTable  *table)
{
  SzImport *im;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (table != NULL, NULL);

  im = g_new0 (SzImport, 1);
  im->db = db;
  im->community_id = community_id;
  im->table = table;
  im->owns_table = TRUE;
  im->today = sz_today ();
  im->source = g_strdup (sz_table_get_display_name (table));
  im->problems = g_ptr_array_new_with_free_func (problem_free);
  im->changes = g_ptr_array_new_with_free_func (change_free);
  if (sz_table_get_n_all_rows (table) > 0)
    find_header (im);
  map_columns (im);
  return im;
}

void
sz_import_free (SzImport *im)
{
  if (im == NULL)
    return;
  if (im->owns_table)
    sz_table_free (im->table);
  g_free (im->today);
  g_free (im->source);
  g_ptr_array_unref (im->problems);
  g_ptr_array_unref (im->changes);
  g_free (im);
}

SzTable *
sz_import_get_table (SzImport *im)
{
  g_return_val_if_fail (im != NULL, NULL);
  return im->table;
}

int
sz_import_get_column (SzImport      *im,
                      SzImportField  field)
{
  g_return_val_if_fail (im != NULL, -1);
  g_return_val_if_fail (field < SZ_IMPORT_N_FIELDS, -1);
  return im->col[field];
}

int
sz_import_get_field (SzImport *im,
                     guint     column)
{
  g_return_val_if_fail (im != NULL, -1);
  for (SzImportField f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    if (im->col[f] == (int) column)
      return f;
  return -1;
}

void
sz_import_set_column (SzImport      *im,
                      SzImportField  field,
                      int            column)
{
  g_return_if_fail (im != NULL);
  g_return_if_fail (field < SZ_IMPORT_N_FIELDS);
  g_return_if_fail (column < (int) sz_table_get_n_columns (im->table));

  for (SzImportField f = 0; column >= 0 && f < SZ_IMPORT_N_FIELDS; f++)
    if (im->col[f] == column)
      im->col[f] = -1;
  im->col[field] = column < 0 ? -1 : column;
  im->col_auto[field] = FALSE;
}

gboolean
sz_import_column_is_auto (SzImport      *im,
                          SzImportField  field)
{
  g_return_val_if_fail (im != NULL, FALSE);
  g_return_val_if_fail (field < SZ_IMPORT_N_FIELDS, FALSE);
  return im->col[field] >= 0 && im->col_auto[field];
}

void
sz_import_set_flags (SzImport      *im,
                     SzImportFlags  flags)
{
  g_return_if_fail (im != NULL);
  im->flags = flags;
}

SzImportFlags
sz_import_get_flags (SzImport *im)
{
  g_return_val_if_fail (im != NULL, 0);
  return im->flags;
}

void
sz_import_set_today (SzImport   *im,
                     const char *today)
{
  g_return_if_fail (im != NULL);
  g_free (im->today);
  im->today = today != NULL ? g_strdup (today) : sz_today ();
}

GPtrArray *
sz_import_get_problems (SzImport *im)
{
  g_return_val_if_fail (im != NULL, NULL);
  return im->problems;
}

GPtrArray *
sz_import_get_changes (SzImport *im)
{
  g_return_val_if_fail (im != NULL, NULL);
  return im->changes;
}

const SzImportReport *
sz_import_get_report (SzImport *im)
{
  g_return_val_if_fail (im != NULL, NULL);
  return &im->report;
}

guint
sz_import_count_needing (SzImport      *im,
                         SzImportFlags  flag)
{
  g_return_val_if_fail (im != NULL, 0);
  return flag == SZ_IMPORT_CREATE_PLACES ? im->needing_places
       : flag == SZ_IMPORT_REPLACE_HEADS ? im->needing_handovers : 0;
}

/* Checks of the file as a whole */

/* FALSE when the columns are such that no row can be read. */
static gboolean
check_columns (SzImport *im)
{
  SzTable *t = im->table;
  guint n = sz_table_get_n_columns (t);
  gboolean ok = TRUE;

  for (SzImportField f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    if (sz_import_field_required (f) && im->col[f] < 0)
      {
        sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, -1, -1,
                           /* Translators: a column's meaning ("姓名"), then an example header line */
                           _("No column is read as %s. Name it so in the header row (for example: %s), or choose "
                             "what a column means by hand."),
                           sz_import_field_title (f), "网格,小区,楼栋,单元,职务,姓名,电话,同意公示电话,同意日期");
        ok = FALSE;
      }

  for (guint c = 0; c < n; c++)
    {
      g_autofree char *key = sz_table_header_key (sz_table_get_header (t, c));
      int f = sz_import_get_field (im, c);

      if (*key == '\0')
        continue;
      /* A header used twice: which one is meant? */
      for (guint d = 0; d < c; d++)
        {
          g_autofree char *other = sz_table_header_key (sz_table_get_header (t, d));

          if (g_str_equal (key, other))
            {
              g_autofree char *first = column_letters (d);

              sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, -1, c,
                                 /* Translators: a header, then the letter of the other column */
                                 _("The header “%s” is also the header of column %s: rename one of the two columns "
                                   "so each says what it holds."),
                                 sz_table_get_header (t, c), first);
              ok = FALSE;
              break;
            }
        }
      if (f < 0 && field_of_key (key) >= 0 && im->col[field_of_key (key)] >= 0)
        {
          int taken = field_of_key (key);
          g_autofree char *used = column_letters (im->col[taken]);
          g_autofree char *used_key = sz_table_header_key (sz_table_get_header (t, im->col[taken]));

          if (!g_str_equal (key, used_key))   /* the same header twice is said above */
            sz_import_problem (im, SZ_IMPORT_PROBLEM_WARNING, -1, c,
                               /* Translators: a header, a column's meaning, then a column letter */
                               _("“%s” is not imported: %s is read from column %s. Choose what this column means "
                                 "if it is wanted."),
                               sz_table_get_header (t, c), sz_import_field_title (taken), used);
        }
      else if (f < 0)
        sz_import_problem (im, SZ_IMPORT_PROBLEM_WARNING, -1, c,
                           /* Translators: a header */
                           _("“%s” is not a column the import knows: it is not imported. Choose what it means if "
                             "it is wanted."),
                           sz_table_get_header (t, c));
    }

  /* Values under no header are not read: say so, once a column. */
  for (guint c = 0; c < n; c++)
    {
      if (*sz_table_get_header (t, c) != '\0' || sz_import_get_field (im, c) >= 0)
        continue;
      for (guint row = 0; row < sz_table_get_n_rows (t); row++)
        if (*sz_table_get (t, row, c) != '\0')
          {
            sz_import_problem (im, SZ_IMPORT_PROBLEM_WARNING, -1, c,
                               /* Translators: a row number */
                               _("this column has values (the first on row %u) but no header: they are not imported. "
                                 "Give the column a header, or choose what it means."),
                               sz_table_get_line (t, row));
            break;
          }
    }

  if (sz_table_get_n_rows (t) == 0)
    {
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, -1, -1,
                         /* Translators: the header's row number */
                         _("There are no rows under the header (row %u)."),
                         sz_table_get_n_all_rows (t) > 0 ? sz_table_get_all_line (t, sz_table_get_header_row (t)) : 1);
      ok = FALSE;
    }
  return ok;
}

/* CSV: a record with more or fewer fields than the header is a value with
 * a comma outside quotes, or a line cut short.  Empty fields at the end
 * (the used range of the sheet) are fine. */
static gboolean
check_field_count (SzImport *im,
                   guint     row)
{
  SzTable *t = im->table;
  guint expected = sz_table_get_header_n_fields (t);
  guint found = sz_table_get_n_fields (t, row);
  guint header_used = 0, row_used = 0;

  if (sz_table_get_format (t) != SZ_TABLE_CSV || found == expected)
    return TRUE;
  for (guint c = 0; c < sz_table_get_n_columns (t); c++)
    {
      if (*sz_table_get_header (t, c) != '\0')
        header_used = c + 1;
      if (*sz_table_get (t, row, c) != '\0')
        row_used = c + 1;
    }
  if (row_used <= expected && found >= header_used)
    return TRUE;
  sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, -1,
                     found > expected
                     /* Translators: the counts of fields of a row and of the header */
                     ? _("it has %u fields where the header has %u: a value with a comma (,) that is not in quotes? "
                         "Open the file in WPS or Excel and save it as CSV again.")
                     /* Translators: the counts of fields of a row and of the header */
                     : _("it has %u fields where the header has %u: the line was cut short. Open the file in WPS or "
                         "Excel and save it as CSV again."),
                     found, expected);
  return FALSE;
}

/* A copy of the header inside the data: two lists pasted together. */
static gboolean
is_repeated_header (SzImport *im,
                    guint     row)
{
  SzTable *t = im->table;
  guint same = 0;

  for (SzImportField f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    {
      g_autofree char *a = NULL;
      g_autofree char *b = NULL;

      if (im->col[f] < 0)
        continue;
      a = sz_table_header_key (sz_table_get (t, row, im->col[f]));
      b = sz_table_header_key (sz_table_get_header (t, im->col[f]));
      if (!g_str_equal (a, b))
        return FALSE;
      same++;
    }
  return same >= 2;
}

/* Plan and apply */

static void
reset (SzImport *im)
{
  g_ptr_array_set_size (im->problems, 0);
  g_ptr_array_set_size (im->changes, 0);
  memset (&im->report, 0, sizeof im->report);
  im->needing_places = im->needing_handovers = 0;
}

/* Reads every row into the database inside a transaction, and keeps it
 * only when @commit and nothing is wrong. */
static gboolean
run (SzImport  *im,
     gboolean   commit,
     GError   **error)
{
  g_autoptr(SzImportRun) r = NULL;
  gboolean ok = TRUE;
  guint n;

  reset (im);
  if (!check_columns (im))
    return TRUE;

  if (!sz_db_begin (im->db, error))
    return FALSE;
  if (!sz_row_require (im->db, "SELECT 1 FROM community WHERE id = ?1", im->community_id, _("Community"), error))
    return sz_db_end (im->db, FALSE, NULL);
  r = sz_import_run_new (im, error);
  if (r == NULL)
    return sz_db_end (im->db, FALSE, NULL);
  /* Any failure below rolls the whole run back: the saves need no
   * savepoints of their own. */
  sz_db_begin_bulk (im->db);

  n = sz_table_get_n_rows (im->table);
  for (guint row = 0; ok && row < n; row++)
    {
      if (is_repeated_header (im, row))
        {
          im->report.rows_skipped++;
          sz_import_problem (im, SZ_IMPORT_PROBLEM_WARNING, row, -1,
                             /* Translators: the header's row number */
                             _("this row repeats the header of row %u, so it was skipped."),
                             sz_table_get_all_line (im->table, sz_table_get_header_row (im->table)));
          continue;
        }
      im->report.rows++;
      if (check_field_count (im, row))
        ok = sz_import_run_row (r, row, error);
    }

  sz_db_end_bulk (im->db);
  if (!ok)
    return sz_db_end (im->db, FALSE, NULL);
  if (!commit || im->report.errors > 0)
    {
      sz_db_end (im->db, FALSE, NULL);
      return TRUE;
    }
  return sz_db_end (im->db, TRUE, error);
}

gboolean
sz_import_plan (SzImport  *im,
                GError   **error)
{
  g_return_val_if_fail (im != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);
  return run (im, FALSE, error);
}

/* The refusal: the errors, SZ_IMPORT_MAX_ROW_ERRORS of them. */
static void
set_problems_error (SzImport  *im,
                    GError   **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  gboolean columns = FALSE;
  guint listed = 0;

  for (guint i = 0; i < im->problems->len; i++)
    {
      SzImportProblem *p = im->problems->pdata[i];

      if (p->severity != SZ_IMPORT_PROBLEM_ERROR)
        continue;
      columns = columns || p->row < 0;
      if (listed++ < SZ_IMPORT_MAX_ROW_ERRORS)
        g_string_append_printf (list, "%s\n", p->text);
    }
  if (listed > SZ_IMPORT_MAX_ROW_ERRORS)
    g_string_append_printf (list,
                            /* Translators: after the list of problems */
                            g_dngettext (GETTEXT_PACKAGE, "…and %u more.\n", "…and %u more.\n",
                                         listed - SZ_IMPORT_MAX_ROW_ERRORS),
                            listed - SZ_IMPORT_MAX_ROW_ERRORS);
  g_set_error (error, SZ_IMPORT_ERROR, columns ? SZ_IMPORT_ERROR_COLUMNS : SZ_IMPORT_ERROR_ROWS,
               g_dngettext (GETTEXT_PACKAGE,
                            "%u problem in the file; nothing was imported. Correct it and import the file again:\n%s",
                            "%u problems in the file; nothing was imported. Correct them and import the file again:\n%s",
                            listed),
               listed, list->str);
}

gboolean
sz_import_apply (SzImport  *im,
                 GError   **error)
{
  g_return_val_if_fail (im != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!run (im, TRUE, error))
    return FALSE;
  if (im->report.errors > 0)
    {
      set_problems_error (im, error);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_import_roster (SzDb            *db,
                  gint64           community_id,
                  SzTable         *table,
                  SzImportFlags    flags,
                  gboolean         dry_run,
                  SzImportReport  *report,
                  GError         **error)
{
  g_autoptr(SzImport) im = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (table != NULL, FALSE);
  g_return_val_if_fail (report != NULL, FALSE);

  im = sz_import_new (db, community_id, table);
  im->owns_table = FALSE;
  sz_import_set_flags (im, flags);
  if (dry_run)
    {
      ok = sz_import_plan (im, error);
      if (ok && im->report.errors > 0)
        {
          set_problems_error (im, error);
          ok = FALSE;
        }
    }
  else
    ok = sz_import_apply (im, error);
  *report = im->report;
  return ok;
}
