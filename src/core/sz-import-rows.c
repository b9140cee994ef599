/* sz-import-rows.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-import-private.h"
#include "sz-name.h"

/* One row of the roster: its places, its person, its post.  Everything
 * the row refers to is looked up in maps loaded once per run, so a
 * 40,000-row file costs hash lookups, not table scans. */

static char *
key_id (gint64      parent,
        const char *text)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT "/%s", parent, text);
}

static char *
key_place (SzLevel level,
           gint64  place)
{
  return g_strdup_printf ("%d/%" G_GINT64_FORMAT, level, place);
}

static char *
key_tag (char   kind,
         gint64 id)
{
  return g_strdup_printf ("%c%" G_GINT64_FORMAT, kind, id);
}

static GHashTable *
str_map (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

/* Runs @sql (?1 = the community) and hands each row to @each. */
static gboolean
load (SzImportRun  *run,
      const char   *sql,
      void        (*each) (SzImportRun *run, SzStmt *stmt),
      GError      **error)
{
  SzDb *db = run->im->db;
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, run->im->community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    each (run, stmt);
  sz_stmt_reset (stmt);
  return rc != 0;
}

static const char *
col_text (SzStmt *stmt,
          int           i)
{
  const char *s = (const char *) sz_stmt_column_text (stmt, i);

  return s ? s : "";
}

static void
each_grid (SzImportRun  *run,
           SzStmt *stmt)
{
  g_autofree char *number = g_strdup_printf ("%d", sz_stmt_column_int (stmt, 1));
  g_autoptr(SzGrid) g = sz_grid_new ();

  g->id = sz_stmt_column_int64 (stmt, 0);
  g->number = sz_stmt_column_int (stmt, 1);
  g_free (g->name);
  g->name = g_strdup (col_text (stmt, 2));
  sz_id_map_insert (run->grids, number, g->id);
  if (*g->name != '\0')
    sz_id_map_insert (run->grid_names, g->name, g->id);
  g_hash_table_insert (run->labels, key_tag ('g', g->id), sz_grid_label (g));
}

static void
each_compound (SzImportRun  *run,
               SzStmt *stmt)
{
  gint64 id = sz_stmt_column_int64 (stmt, 0);

  sz_id_map_insert (run->compounds, col_text (stmt, 1), id);
  g_hash_table_insert (run->labels, key_tag ('c', id), g_strdup (col_text (stmt, 1)));
}

static void
each_building (SzImportRun  *run,
               SzStmt *stmt)
{
  gint64 id = sz_stmt_column_int64 (stmt, 0);
  g_autofree char *key = key_id (sz_stmt_column_int64 (stmt, 1), col_text (stmt, 2));
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  sz_id_map_insert (run->buildings, key, id);
  sz_id_map_insert (run->building_grid, id_text, sz_stmt_column_int64 (stmt, 3));
  g_hash_table_insert (run->labels, key_tag ('b', id),
                       g_strdup_printf ("%s %s", col_text (stmt, 4), col_text (stmt, 2)));
}

static void
each_unit (SzImportRun  *run,
           SzStmt *stmt)
{
  gint64 id = sz_stmt_column_int64 (stmt, 0);
  gint64 building = sz_stmt_column_int64 (stmt, 1);
  g_autofree char *number = g_strdup_printf ("%d", sz_stmt_column_int (stmt, 2));
  g_autofree char *key = key_id (building, number);
  g_autofree char *unit = sz_unit_label (sz_stmt_column_int (stmt, 2));
  g_autofree char *tag = key_tag ('b', building);

  sz_id_map_insert (run->units, key, id);
  g_hash_table_insert (run->labels, key_tag ('u', id),
                       g_strdup_printf ("%s %s", (const char *) g_hash_table_lookup (run->labels, tag), unit));
}

void
_sz_import_run_add_person (SzImportRun *run,
                           gint64       id,
                           const char  *name,
                           const char  *phone,
                           const char  *phone2)
{
  gint64 known = sz_id_map_lookup (run->namesakes, name);

  if (phone != NULL && *phone != '\0')
    {
      g_autofree char *key = _sz_import_key_person (name, phone);
      if (sz_id_map_lookup (run->people, key) == 0)
        sz_id_map_insert (run->people, key, id);
    }
  if (phone2 != NULL && *phone2 != '\0')
    {
      g_autofree char *key = _sz_import_key_person (name, phone2);
      if (sz_id_map_lookup (run->people, key) == 0)
        sz_id_map_insert (run->people, key, id);
    }
  sz_id_map_insert (run->namesakes, name, known == 0 || known == id ? id : -1);
}

static void
each_person (SzImportRun  *run,
             SzStmt *stmt)
{
  _sz_import_run_add_person (run, sz_stmt_column_int64 (stmt, 0), col_text (stmt, 1),
              (const char *) sz_stmt_column_text (stmt, 2), (const char *) sz_stmt_column_text (stmt, 3));
}

static void
each_head (SzImportRun  *run,
           SzStmt *stmt)
{
  SzLevel level;

  if (!sz_level_from_string (col_text (stmt, 0), &level))
    return;
  g_hash_table_insert (run->heads, key_place (level, sz_stmt_column_int64 (stmt, 1)),
                       g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", (gint64) sz_stmt_column_int64 (stmt, 2), col_text (stmt, 3)));
}

SzImportRun *
sz_import_run_new (SzImport  *im,
                   GError   **error)
{
  g_autoptr(SzImportRun) run = g_new0 (SzImportRun, 1);

  run->im = im;
  run->grids = sz_id_map_new ();
  run->grid_names = sz_id_map_new ();
  run->compounds = sz_id_map_new ();
  run->buildings = sz_id_map_new ();
  run->building_grid = sz_id_map_new ();
  run->units = sz_id_map_new ();
  run->people = sz_id_map_new ();
  run->namesakes = sz_id_map_new ();
  run->heads = str_map ();
  run->posts_in_file = str_map ();
  run->new_places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  run->people_seen = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_free);
  run->labels = str_map ();

  if (!load (run, "SELECT id, number, name FROM grid WHERE community_id = ?1", each_grid, error)
      || !load (run, "SELECT id, name FROM compound WHERE community_id = ?1", each_compound, error)
      || !load (run, "SELECT b.id, b.compound_id, b.name, b.grid_id, c.name FROM building b"
                     " JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1", each_building, error)
      || !load (run, "SELECT u.id, u.building_id, u.number FROM unit u JOIN building b ON b.id = u.building_id"
                     " JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1", each_unit, error)
      /* People belong to a community: a name in another one is another
       * person. */
      || !load (run, "SELECT id, name, phone, phone2 FROM person WHERE community_id = ?1 ORDER BY id", each_person, error)
      || !load (run, "SELECT p.level, coalesce (p.grid_id, p.building_id, p.unit_id), p.person_id, pe.name"
                     " FROM post p JOIN person pe ON pe.id = p.person_id WHERE p.end_date IS NULL AND ?1 = ?1",
                each_head, error))
    return NULL;
  return g_steal_pointer (&run);
}

void
sz_import_run_free (SzImportRun *run)
{
  if (run == NULL)
    return;
  g_hash_table_unref (run->grids);
  g_hash_table_unref (run->grid_names);
  g_hash_table_unref (run->compounds);
  g_hash_table_unref (run->buildings);
  g_hash_table_unref (run->building_grid);
  g_hash_table_unref (run->units);
  g_hash_table_unref (run->people);
  g_hash_table_unref (run->namesakes);
  g_hash_table_unref (run->heads);
  g_hash_table_unref (run->posts_in_file);
  g_hash_table_unref (run->new_places);
  g_hash_table_unref (run->people_seen);
  g_hash_table_unref (run->labels);
  g_free (run->pending_place);
  g_free (run);
}

/* Places */

static guint
row_errors (SzImportRun *run)
{
  return run->im->report.errors;
}

/* A place this run had to create: a change to show, and an error when
 * the user has not allowed it. */
static void
new_place (SzImportRun   *run,
           guint          row,
           char           kind,
           gint64         id,
           SzImportField  field,
           char          *label)
{
  SzImport *im = run->im;

  g_hash_table_add (run->new_places, key_tag (kind, id));
  g_hash_table_insert (run->labels, key_tag (kind, id), label);
  im->needing_places++;
  sz_import_change (im, SZ_IMPORT_CHANGE_PLACE_NEW, row, label, NULL, NULL, NULL);
}

/* A row that uses a place the run created (its own, or an earlier row's)
 * is refused when new places are not allowed. */
static void
check_new_place (SzImportRun   *run,
                 guint          row,
                 char           kind,
                 gint64         id,
                 SzImportField  field)
{
  SzImport *im = run->im;
  g_autofree char *tag = key_tag (kind, id);

  if ((im->flags & SZ_IMPORT_CREATE_PLACES) || !g_hash_table_contains (run->new_places, tag)
      || run->pending_place != NULL)
    return;
  run->pending_place = g_strdup (g_hash_table_lookup (run->labels, tag));
  run->pending_column = sz_import_get_column (im, field);
}

/* The row needs a place that new places were not allowed to make. */
static gboolean
refuse_pending_place (SzImportRun *run,
                      guint        row)
{
  if (run->pending_place == NULL)
    return FALSE;
  sz_import_problem (run->im, SZ_IMPORT_PROBLEM_ERROR, row, run->pending_column,
                     /* Translators: a place ("丰和林苑 3栋"), then the name of a check box */
                     _("%s is not on the roster yet. Tick “%s” to add it, or correct the name if it is misspelt."),
                     run->pending_place, _("Create the places that do not exist yet"));
  g_clear_pointer (&run->pending_place, g_free);
  return TRUE;
}

static gint64
resolve_grid (SzImportRun  *run,
              guint         row,
              GError      **error)
{
  SzImport *im = run->im;
  const char *text = sz_import_cell (im, row, SZ_IMPORT_FIELD_GRID);
  g_autofree char *number_text = NULL;
  g_autoptr(SzGrid) g = NULL;
  int number = sz_import_parse_number (text, "网格");
  gint64 id;

  if (number < 0)
    {
      /* A grid may be named instead of numbered: 丰和第一网格. */
      g_autofree char *quoted = NULL;

      id = sz_id_map_lookup (run->grid_names, text);
      if (id == 0)
        quoted = sz_import_quote (text);
      if (id == 0)
        sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_GRID),
                           /* Translators: the cell's text */
                           _("%s is not a grid number (such as 3 or 第3网格) nor the name of a grid of this community."),
                           quoted);
      return id;
    }
  number_text = g_strdup_printf ("%d", number);
  if ((id = sz_id_map_lookup (run->grids, number_text)) != 0)
    {
      check_new_place (run, row, 'g', id, SZ_IMPORT_FIELD_GRID);
      return id;
    }

  g = sz_grid_new ();
  g->community_id = im->community_id;
  g->number = number;
  g_free (g->name);
  g->name = g_strdup (sz_import_cell (im, row, SZ_IMPORT_FIELD_GRID_NAME));
  if (!sz_grid_save (im->db, g, error))
    return -1;
  im->report.grids_created++;
  sz_id_map_insert (run->grids, number_text, g->id);
  if (*g->name != '\0')
    sz_id_map_insert (run->grid_names, g->name, g->id);
  new_place (run, row, 'g', g->id, SZ_IMPORT_FIELD_GRID, sz_grid_label (g));
  check_new_place (run, row, 'g', g->id, SZ_IMPORT_FIELD_GRID);
  return g->id;
}

static gint64
resolve_compound (SzImportRun  *run,
                  guint         row,
                  GError      **error)
{
  SzImport *im = run->im;
  const char *text = sz_import_cell (im, row, SZ_IMPORT_FIELD_COMPOUND);
  g_autofree char *name = NULL;
  g_autoptr(SzCompound) c = NULL;
  gint64 id;

  /* Names are kept NFC, as most files already have them: a known name
   * needs no normalising. */
  if ((id = sz_id_map_lookup (run->compounds, text)) != 0)
    {
      check_new_place (run, row, 'c', id, SZ_IMPORT_FIELD_COMPOUND);
      return id;
    }
  name = g_utf8_normalize (text, -1, G_NORMALIZE_NFC);
  if (name == NULL)
    name = g_strdup ("");
  if ((id = sz_id_map_lookup (run->compounds, name)) != 0)
    {
      check_new_place (run, row, 'c', id, SZ_IMPORT_FIELD_COMPOUND);
      return id;
    }
  c = sz_compound_new ();
  c->community_id = im->community_id;
  g_free (c->name);
  c->name = g_strdup (name);
  if (!sz_compound_save (im->db, c, error))
    return -1;
  im->report.compounds_created++;
  sz_id_map_insert (run->compounds, name, c->id);
  new_place (run, row, 'c', c->id, SZ_IMPORT_FIELD_COMPOUND, g_strdup (name));
  check_new_place (run, row, 'c', c->id, SZ_IMPORT_FIELD_COMPOUND);
  return c->id;
}

static gint64
resolve_building (SzImportRun  *run,
                  guint         row,
                  gint64        compound_id,
                  gint64        grid_id,
                  GError      **error)
{
  SzImport *im = run->im;
  g_autofree char *name = sz_import_fold_identifier (sz_import_cell (im, row, SZ_IMPORT_FIELD_BUILDING));
  g_autofree char *key = key_id (compound_id, name);
  g_autofree char *compound_tag = key_tag ('c', compound_id);
  const char *compound = g_hash_table_lookup (run->labels, compound_tag);
  g_autoptr(SzBuilding) b = NULL;
  gint64 id;

  if ((id = sz_id_map_lookup (run->buildings, key)) != 0)
    {
      g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      gint64 in_grid = sz_id_map_lookup (run->building_grid, id_text);

      /* The sheet and the roster must agree on the building's grid. */
      if (in_grid != grid_id)
        {
          g_autofree char *tag = key_tag ('g', in_grid);

          sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_GRID),
                             /* Translators: a building ("丰和林苑 2栋"), then the grid it is in ("第1网格") */
                             _("%s %s is in %s on the roster, not in the grid this row names: correct the grid, or "
                               "move the building first."),
                             compound ? compound : "", name, (const char *) g_hash_table_lookup (run->labels, tag));
          return 0;
        }
      check_new_place (run, row, 'b', id, SZ_IMPORT_FIELD_BUILDING);
      return id;
    }

  b = sz_building_new ();
  b->compound_id = compound_id;
  b->grid_id = grid_id;
  g_free (b->name);
  b->name = g_strdup (name);
  if (!sz_building_save (im->db, b, error))
    return -1;
  im->report.buildings_created++;
  sz_id_map_insert (run->buildings, key, b->id);
  {
    g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, b->id);
    sz_id_map_insert (run->building_grid, id_text, grid_id);
  }
  new_place (run, row, 'b', b->id, SZ_IMPORT_FIELD_BUILDING, g_strdup_printf ("%s %s", compound ? compound : "", name));
  check_new_place (run, row, 'b', b->id, SZ_IMPORT_FIELD_BUILDING);
  return b->id;
}

static gint64
resolve_unit (SzImportRun  *run,
              guint         row,
              gint64        building_id,
              GError      **error)
{
  SzImport *im = run->im;
  const char *text = sz_import_cell (im, row, SZ_IMPORT_FIELD_UNIT);
  g_autofree char *households_text = sz_import_fold_identifier (sz_import_cell (im, row, SZ_IMPORT_FIELD_HOUSEHOLDS));
  int number = sz_import_parse_number (text, "单元");
  int households = -1;
  g_autofree char *number_text = NULL;
  g_autofree char *key = NULL;
  g_autofree char *building_tag = key_tag ('b', building_id);
  g_autoptr(SzUnit) u = NULL;
  gint64 id;

  if (number < 0 || number > 99)
    {
      g_autofree char *quoted = sz_import_quote (text);

      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_UNIT),
                         /* Translators: the cell's text */
                         _("%s is not a unit number: write 1 to 99, such as 2 or 2单元."), quoted);
      return 0;
    }
  if (*households_text != '\0')
    {
      char *end = NULL;
      gint64 v;

      /* 14 or 14户 */
      if (g_str_has_suffix (households_text, "户"))
        households_text[strlen (households_text) - strlen ("户")] = '\0';
      v = g_ascii_strtoll (households_text, &end, 10);
      if (end == households_text || *end != '\0' || v < 0 || v > 2000)
        {
          g_autofree char *quoted = sz_import_quote (households_text);

          sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_HOUSEHOLDS),
                             /* Translators: the cell's text */
                             _("%s is not a number of households: write a whole number from 0 to 2000."), quoted);
          return 0;
        }
      households = (int) v;
    }

  number_text = g_strdup_printf ("%d", number);
  key = key_id (building_id, number_text);
  if ((id = sz_id_map_lookup (run->units, key)) != 0)
    {
      check_new_place (run, row, 'u', id, SZ_IMPORT_FIELD_UNIT);
      if (households >= 0)
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
      return id;
    }

  u = sz_unit_new ();
  u->building_id = building_id;
  u->number = number;
  u->households = MAX (households, 0);
  if (!sz_unit_save (im->db, u, error))
    return -1;
  im->report.units_created++;
  sz_id_map_insert (run->units, key, u->id);
  {
    g_autofree char *unit = sz_unit_label (number);
    new_place (run, row, 'u', u->id, SZ_IMPORT_FIELD_UNIT,
               g_strdup_printf ("%s %s", (const char *) g_hash_table_lookup (run->labels, building_tag), unit));
  }
  check_new_place (run, row, 'u', u->id, SZ_IMPORT_FIELD_UNIT);
  return u->id;
}

/* The row */

gboolean
sz_import_run_row (SzImportRun  *run,
                   guint         row,
                   GError      **error)
{
  SzImport *im = run->im;
  g_autoptr(GError) local_error = NULL;
  g_auto(PersonCells) pc = { 0 };
  g_autofree char *start = NULL;
  g_autofree char *place_key = NULL;
  g_autofree char *place_tag = NULL;
  const char *post_text = sz_import_cell (im, row, SZ_IMPORT_FIELD_POST);
  const char *chosen_text = sz_import_cell (im, row, SZ_IMPORT_FIELD_CHOSEN);
  const char *head_now, *in_file, *place_label;
  SzChosenBy chosen = SZ_CHOSEN_ELECTION;
  gboolean has_compound = *sz_import_cell (im, row, SZ_IMPORT_FIELD_COMPOUND) != '\0';
  gboolean has_building = *sz_import_cell (im, row, SZ_IMPORT_FIELD_BUILDING) != '\0';
  gboolean has_unit = *sz_import_cell (im, row, SZ_IMPORT_FIELD_UNIT) != '\0';
  gint64 grid_id = 0, compound_id, building_id = 0, place_id, person_id;
  guint errors_before = row_errors (run);
  SzLevel level = SZ_LEVEL_GRID;

  g_clear_pointer (&run->pending_place, g_free);

  /* Everything the row says, checked before anything is written. */
  _sz_import_read_person_cells (run, row, &pc);
  if (*post_text != '\0' && !sz_import_parse_level (post_text, &level))
    {
      g_autofree char *quoted = sz_import_quote (post_text);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_POST),
                         /* Translators: the cell's text */
                         _("%s is not 网格长, 楼栋长 or 单元长."), quoted);
      return TRUE;
    }
  if (*post_text == '\0')
    level = has_unit ? SZ_LEVEL_UNIT : has_building ? SZ_LEVEL_BUILDING : SZ_LEVEL_GRID;
  if (*sz_import_cell (im, row, SZ_IMPORT_FIELD_GRID) == '\0')
    sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_GRID),
                       /* Translators: a column's header */
                       _("%s is empty: every head belongs to a grid."), sz_import_header (im, SZ_IMPORT_FIELD_GRID));
  if ((level >= SZ_LEVEL_BUILDING && (!has_compound || !has_building)) || (level == SZ_LEVEL_UNIT && !has_unit))
    sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row,
                       sz_import_get_column (im, !has_compound ? SZ_IMPORT_FIELD_COMPOUND
                                                 : !has_building ? SZ_IMPORT_FIELD_BUILDING : SZ_IMPORT_FIELD_UNIT),
                       /* Translators: the post, then what it needs ("小区, 楼栋 and 单元") */
                       _("A %s row needs its place: %s."), sz_level_head_title (level),
                       level == SZ_LEVEL_UNIT ? _("compound, building and unit") : _("compound and building"));
  if (*chosen_text != '\0' && !sz_import_parse_chosen (chosen_text, &chosen))
    {
      g_autofree char *quoted = sz_import_quote (chosen_text);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_CHOSEN),
                         /* Translators: the cell's text */
                         _("%s is not 选举, 推荐, 自荐 or 任命."), quoted);
    }
  sz_import_read_date (im, row, SZ_IMPORT_FIELD_START, &start);
  if (row_errors (run) > errors_before)
    return TRUE;

#define CHECK(expr) \
  G_STMT_START { \
    if ((expr) < 0) \
      goto failed; \
    if (row_errors (run) > errors_before) \
      return TRUE; \
  } G_STMT_END

  CHECK (grid_id = resolve_grid (run, row, &local_error));
  place_id = grid_id;
  if (level >= SZ_LEVEL_BUILDING)
    {
      CHECK (compound_id = resolve_compound (run, row, &local_error));
      CHECK (building_id = resolve_building (run, row, compound_id, grid_id, &local_error));
      place_id = building_id;
    }
  if (level == SZ_LEVEL_UNIT)
    CHECK (place_id = resolve_unit (run, row, building_id, &local_error));
  CHECK (person_id = _sz_import_resolve_person (run, row, &pc, &local_error));
#undef CHECK
  if (refuse_pending_place (run, row))
    return TRUE;

  place_key = key_place (level, place_id);
  place_tag = key_tag (level == SZ_LEVEL_GRID ? 'g' : level == SZ_LEVEL_BUILDING ? 'b' : 'u', place_id);
  place_label = g_hash_table_lookup (run->labels, place_tag);

  /* One post, one head: two rows of the file may not both claim it. */
  in_file = g_hash_table_lookup (run->posts_in_file, place_key);
  if (in_file != NULL)
    {
      guint other_row = (guint) g_ascii_strtoull (in_file, NULL, 10);
      gint64 other_person = g_ascii_strtoll (strchr (in_file, '\n') + 1, NULL, 10);

      if (other_person != person_id)
        sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_NAME),
                           /* Translators: the post ("单元长"), the place, then the other row's number */
                           _("The %s of %s is also given to another person on row %u: a post has one head. Keep one "
                             "of the two rows."),
                           sz_level_head_title (level), place_label, sz_table_get_line (im->table, other_row));
      return TRUE;
    }
  g_hash_table_insert (run->posts_in_file, g_strdup (place_key),
                       g_strdup_printf ("%u\n%" G_GINT64_FORMAT, row, person_id));

  head_now = g_hash_table_lookup (run->heads, place_key);
  if (head_now != NULL && g_ascii_strtoll (head_now, NULL, 10) == person_id)
    {
      im->report.heads_unchanged++;
      sz_import_change (im, SZ_IMPORT_CHANGE_UNCHANGED, row, place_label, sz_level_head_title (level), pc.name, NULL);
      return TRUE;
    }
  if (head_now != NULL)
    {
      const char *old_name = strchr (head_now, '\n') + 1;

      im->needing_handovers++;
      sz_import_change (im, SZ_IMPORT_CHANGE_HANDOVER, row, place_label, sz_level_head_title (level), pc.name, old_name);
      if (!(im->flags & SZ_IMPORT_REPLACE_HEADS))
        {
          sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_NAME),
                             /* Translators: a place, the post, the head now, the person the file names, then the
                                name of a check box */
                             _("%s already has a %s, %s; this row names %s. Tick “%s” to hand the post over, or "
                               "correct the row."),
                             place_label, sz_level_head_title (level), old_name, pc.name,
                             _("Replace the current heads"));
          return TRUE;
        }
    }
  /* A vacant post (the run knows every current head) takes the short way. */
  if (head_now == NULL
      ? !sz_post_appoint_vacant (im->db, level, place_id, person_id, start ? start : im->today, chosen, &local_error)
      : !sz_post_appoint (im->db, level, place_id, person_id, start ? start : im->today, chosen, NULL, &local_error))
    goto failed;
  if (head_now != NULL)
    im->report.heads_replaced++;
  else
    {
      im->report.heads_appointed++;
      sz_import_change (im, SZ_IMPORT_CHANGE_POST_FILLED, row, place_label, sz_level_head_title (level), pc.name, NULL);
    }
  g_hash_table_insert (run->heads, g_strdup (place_key),
                       g_strdup_printf ("%" G_GINT64_FORMAT "\n%s", person_id, pc.name));
  return TRUE;

failed:
  /* The roster refused something the row asks: that is the row's fault.
   * Anything else is the database's, and ends the import. */
  if (local_error->domain == SZ_ROSTER_ERROR)
    {
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, -1, "%s", local_error->message);
      return TRUE;
    }
  g_propagate_error (error, g_steal_pointer (&local_error));
  return FALSE;
}
