/* sz-roster.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-phone.h"
#include "sz-pinyin.h"
#include "sz-roster.h"

/* Helpers */

static gboolean
row_exists (SzDb        *db,
            const char  *sql,
            gint64       id,
            gboolean    *exists,
            GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, id);
  rc = sz_db_step (db, stmt, error);
  if (rc == 0)
    return FALSE;
  *exists = rc == SQLITE_ROW;
  sz_stmt_reset (stmt);
  return TRUE;
}

gboolean
sz_row_require (SzDb        *db,
             const char  *sql,
             gint64       id,
             const char  *what,
             GError     **error)
{
  gboolean exists = FALSE;

  if (!row_exists (db, sql, id, &exists, error))
    return FALSE;
  if (!exists)
    {
      sz_set_not_found (error, what, id);
      return FALSE;
    }
  return TRUE;
}

gboolean
sz_row_count (SzDb        *db,
              const char  *sql,
              gint64       id,
              gint64      *count,
              GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, id);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  *count = sz_stmt_column_int64 (stmt, 0);
  sz_stmt_reset (stmt);
  return TRUE;
}

GHashTable *
sz_id_map_new (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

gint64
sz_id_map_lookup (GHashTable *map,
                  const char *key)
{
  gint64 *v = g_hash_table_lookup (map, key);

  return v ? *v : 0;
}

void
sz_id_map_insert (GHashTable *map,
                  const char *key,
                  gint64      id)
{
  g_hash_table_insert (map, g_strdup (key), g_memdup2 (&id, sizeof id));
}

/* Runs a prepared INSERT or UPDATE/DELETE to its end and keeps the id. */
gboolean
sz_row_finish_write (SzDb          *db,
              SzStmt        *stmt,
              gint64        *id,
              GError       **error)
{
  if (sz_db_step (db, stmt, error) != SQLITE_DONE)
    return FALSE;
  if (id != NULL && *id == 0)
    *id = sz_db_last_insert_id (db);
  sz_stmt_reset (stmt);
  return TRUE;
}

gboolean
sz_row_delete (SzDb        *db,
            const char  *sql,
            gint64       id,
            const char  *what,
            GError     **error)
{
  SzStmt *stmt;

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, sql, error);
  if (stmt != NULL)
    {
      sz_stmt_bind_int64 (stmt, 1, id);
      if (sz_row_finish_write (db, stmt, NULL, error))
        {
          if (sz_db_changes (db) > 0)
            return sz_db_end (db, TRUE, error);
          sz_set_not_found (error, what, id);
        }
    }
  return sz_db_end (db, FALSE, NULL);
}

static char *
pinyin_key_of (const char *text)
{
  return sz_pinyin_key (text, FALSE);
}

/* Collects the rows of @stmt through @from_row; NULL with @error on failure. */
GPtrArray *
sz_row_collect (SzDb            *db,
              SzStmt          *stmt,
              gpointer       (*from_row) (SzStmt *),
              GDestroyNotify   free_func,
              GError         **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (free_func);
  int rc;

  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (rows, from_row (stmt));
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&rows);
}

/* The one row of @stmt, or NULL with NOT_FOUND naming @what and @id. */
gpointer
sz_row_get (SzDb            *db,
         SzStmt          *stmt,
         gint64           id,
         const char      *what,
         gpointer       (*from_row) (SzStmt *),
         GError         **error)
{
  gpointer row;
  int rc;

  sz_stmt_bind_int64 (stmt, 1, id);
  rc = sz_db_step (db, stmt, error);
  if (rc == 0)
    return NULL;
  if (rc == SQLITE_DONE)
    {
      sz_set_not_found (error, what, id);
      return NULL;
    }
  row = from_row (stmt);
  sz_stmt_reset (stmt);
  return row;
}

/* Grid */

SzGrid *
sz_grid_new (void)
{
  return g_new0 (SzGrid, 1);
}

void
sz_grid_free (SzGrid *g)
{
  if (g == NULL)
    return;
  g_free (g->name);
  g_free (g);
}

char *
sz_grid_label (const SzGrid *g)
{
  g_return_val_if_fail (g != NULL, NULL);
  if (g->name == NULL || *g->name == '\0')
    /* Translators: a grid's label without a name; %d is its number */
    return g_strdup_printf (_("Grid %d"), g->number);
  /* Translators: a grid's label; %d is its number, %s its name */
  return g_strdup_printf (_("Grid %d %s"), g->number, g->name);
}

gboolean
sz_grid_save (SzDb     *db,
              SzGrid   *g,
              GError  **error)
{
  g_autofree char *key = NULL;
  SzStmt *stmt;
  gboolean taken = FALSE;
  gboolean ok;

  g_return_val_if_fail (db != NULL && g != NULL, FALSE);

  if (!sz_validate_range (_("Grid number"), g->number, 1, 99999, error)
      || !sz_validate_text (_("Grid name"), &g->name, FALSE, 40, error)
      || !sz_validate_range (_("Households"), g->households, 0, 100000, error))
    return FALSE;
  key = pinyin_key_of (g->name ? g->name : "");

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", g->community_id, _("Community"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "SELECT 1 FROM grid WHERE community_id = ?1 AND number = ?2 AND id IS DISTINCT FROM ?3", error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, g->community_id);
          sz_stmt_bind_int (stmt, 2, g->number);
          sz_stmt_bind_int64 (stmt, 3, g->id);
          int rc = sz_db_step (db, stmt, error);

          ok = rc != 0;
          taken = rc == SQLITE_ROW;
          sz_stmt_reset (stmt);
        }
      if (ok && taken)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                       /* Translators: %d is a grid number */
                       _("Grid number: %d is already used by another grid of this community."), g->number);
          ok = FALSE;
        }
    }
  if (ok)
    {
      if (g->id == 0)
        stmt = sz_db_prepare (db, "INSERT INTO grid (community_id, number, name, households, name_pinyin)"
                                  " VALUES (?1, ?2, ?3, ?4, ?5)", error);
      else
        stmt = sz_db_prepare (db, "UPDATE grid SET community_id = ?1, number = ?2, name = ?3, households = ?4,"
                                  " name_pinyin = ?5 WHERE id = ?6", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, g->community_id);
      sz_stmt_bind_int (stmt, 2, g->number);
      sz_db_bind_text (stmt, 3, g->name);
      sz_stmt_bind_int (stmt, 4, g->households);
      sz_db_bind_text (stmt, 5, key);
      if (g->id != 0)
        sz_stmt_bind_int64 (stmt, 6, g->id);
      ok = sz_row_finish_write (db, stmt, &g->id, error);
    }
  return sz_db_end (db, ok, error);
}

static SzGrid *
grid_from_row (SzStmt *stmt)
{
  SzGrid *g = sz_grid_new ();

  g->id = sz_stmt_column_int64 (stmt, 0);
  g->community_id = sz_stmt_column_int64 (stmt, 1);
  g->number = sz_stmt_column_int (stmt, 2);
  g->name = sz_db_column_dup (stmt, 3);
  g->households = sz_stmt_column_int (stmt, 4);
  return g;
}

#define GRID_COLUMNS "id, community_id, number, name, households"

SzGrid *
sz_grid_get (SzDb    *db,
             gint64   id,
             GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " GRID_COLUMNS " FROM grid WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Grid"), (gpointer) grid_from_row, error);
}

GPtrArray *
sz_grid_list (SzDb    *db,
              gint64   community_id,
              GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " GRID_COLUMNS " FROM grid WHERE community_id = ?1 ORDER BY number", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  return sz_row_collect (db, stmt, (gpointer) grid_from_row, (GDestroyNotify) sz_grid_free, error);
}

gboolean
sz_grid_delete (SzDb    *db,
                gint64   id,
                GError **error)
{
  gint64 n;

  if (!sz_row_count (db, "SELECT count(*) FROM building WHERE grid_id = ?1", id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "The grid still has %d building: move it to another grid or delete it first.",
                                "The grid still has %d buildings: move them to another grid or delete them first.",
                                n),
                   (int) n);
      return FALSE;
    }
  return sz_row_delete (db, "DELETE FROM grid WHERE id = ?1", id, _("Grid"), error);
}

/* Compound */

SzCompound *
sz_compound_new (void)
{
  return g_new0 (SzCompound, 1);
}

void
sz_compound_free (SzCompound *c)
{
  if (c == NULL)
    return;
  g_free (c->name);
  g_free (c->address);
  g_free (c->property_company);
  g_free (c->property_phone);
  g_free (c);
}

/* Is @name taken in @parent_id by a row other than @id?  @sql selects 1
 * with ?1 parent, ?2 name, ?3 id. */
static gboolean
name_taken (SzDb        *db,
            const char  *sql,
            gint64       parent_id,
            const char  *name,
            gint64       id,
            gboolean    *taken,
            GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, parent_id);
  sz_db_bind_text (stmt, 2, name);
  sz_stmt_bind_int64 (stmt, 3, id);
  rc = sz_db_step (db, stmt, error);
  if (rc == 0)
    return FALSE;
  *taken = rc == SQLITE_ROW;
  sz_stmt_reset (stmt);
  return TRUE;
}

gboolean
sz_compound_save (SzDb        *db,
                  SzCompound  *c,
                  GError     **error)
{
  g_autofree char *key = NULL;
  SzStmt *stmt = NULL;
  gboolean taken = FALSE;
  gboolean ok;

  g_return_val_if_fail (db != NULL && c != NULL, FALSE);

  if (!sz_validate_text (_("Compound name"), &c->name, TRUE, 60, error)
      || !sz_validate_text (_("Address"), &c->address, FALSE, 200, error)
      || !sz_validate_text (_("Property company"), &c->property_company, FALSE, 80, error)
      || !sz_validate_phone (_("Property company phone"), &c->property_phone, FALSE, error))
    return FALSE;
  if ((c->property_company == NULL || *c->property_company == '\0') && c->property_phone != NULL)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   _("Property company phone: a phone is given but no property company; "
                     "enter the company's name, or clear the phone."));
      return FALSE;
    }
  key = pinyin_key_of (c->name);

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", c->community_id, _("Community"), error)
       && (c->grid_id == 0 || sz_row_require (db, "SELECT 1 FROM grid WHERE id = ?1", c->grid_id, _("Grid"), error))
       && name_taken (db, "SELECT 1 FROM compound WHERE community_id = ?1 AND name = ?2 AND id IS DISTINCT FROM ?3",
                      c->community_id, c->name, c->id, &taken, error);
  if (ok && taken)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                   /* Translators: %s is a compound's name */
                   _("Compound name: “%s” is already a compound of this community."), c->name);
      ok = FALSE;
    }
  if (ok)
    {
      if (c->id == 0)
        stmt = sz_db_prepare (db, "INSERT INTO compound (community_id, name, address, property_company,"
                                  " property_phone, name_pinyin, grid_id) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?8)", error);
      else
        stmt = sz_db_prepare (db, "UPDATE compound SET community_id = ?1, name = ?2, address = ?3,"
                                  " property_company = ?4, property_phone = ?5, name_pinyin = ?6, grid_id = ?8"
                                  " WHERE id = ?7", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, c->community_id);
      sz_db_bind_text (stmt, 2, c->name);
      sz_db_bind_text (stmt, 3, c->address);
      sz_db_bind_text_opt (stmt, 4, c->property_company);
      sz_db_bind_text_opt (stmt, 5, c->property_phone);
      sz_db_bind_text (stmt, 6, key);
      if (c->id != 0)
        sz_stmt_bind_int64 (stmt, 7, c->id);
      if (c->grid_id != 0)
        sz_stmt_bind_int64 (stmt, 8, c->grid_id);
      ok = sz_row_finish_write (db, stmt, &c->id, error);
    }
  return sz_db_end (db, ok, error);
}

static SzCompound *
compound_from_row (SzStmt *stmt)
{
  SzCompound *c = sz_compound_new ();

  c->id = sz_stmt_column_int64 (stmt, 0);
  c->community_id = sz_stmt_column_int64 (stmt, 1);
  c->name = sz_db_column_dup (stmt, 2);
  c->address = sz_db_column_dup (stmt, 3);
  c->property_company = sz_db_column_dup (stmt, 4);
  c->property_phone = sz_db_column_dup (stmt, 5);
  c->grid_id = sz_stmt_column_int64 (stmt, 6);
  return c;
}

#define COMPOUND_COLUMNS "id, community_id, name, address, property_company, property_phone, grid_id"

SzCompound *
sz_compound_get (SzDb    *db,
                 gint64   id,
                 GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " COMPOUND_COLUMNS " FROM compound WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Compound"), (gpointer) compound_from_row, error);
}

GPtrArray *
sz_compound_list (SzDb    *db,
                  gint64   community_id,
                  GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " COMPOUND_COLUMNS " FROM compound WHERE community_id = ?1"
                                          " ORDER BY name_pinyin, name COLLATE PINYIN", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  return sz_row_collect (db, stmt, (gpointer) compound_from_row, (GDestroyNotify) sz_compound_free, error);
}

gboolean
sz_compound_delete (SzDb    *db,
                    gint64   id,
                    GError **error)
{
  return sz_row_delete (db, "DELETE FROM compound WHERE id = ?1", id, _("Compound"), error);
}

/* Building */

SzBuilding *
sz_building_new (void)
{
  return g_new0 (SzBuilding, 1);
}

void
sz_building_free (SzBuilding *b)
{
  if (b == NULL)
    return;
  g_free (b->name);
  g_free (b);
}

gboolean
sz_building_save (SzDb        *db,
                  SzBuilding  *b,
                  GError     **error)
{
  SzStmt *stmt = NULL;
  gboolean taken = FALSE;
  gboolean ok;

  g_return_val_if_fail (db != NULL && b != NULL, FALSE);

  if (!sz_validate_text (_("Building name"), &b->name, TRUE, 20, error)
      || !sz_validate_range (_("Floors"), b->floors, 0, 200, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM compound WHERE id = ?1", b->compound_id, _("Compound"), error)
       && sz_row_require (db, "SELECT 1 FROM grid WHERE id = ?1", b->grid_id, _("Grid"), error)
       && name_taken (db, "SELECT 1 FROM building WHERE compound_id = ?1 AND name = ?2 AND id IS DISTINCT FROM ?3",
                      b->compound_id, b->name, b->id, &taken, error);
  if (ok && taken)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                   /* Translators: %s is a building's name */
                   _("Building name: “%s” is already a building of this compound."), b->name);
      ok = FALSE;
    }
  if (ok)
    {
      gboolean same = FALSE;
      /* A building's grid must be one of its compound's community. */
      stmt = sz_db_prepare (db, "SELECT 1 FROM grid g JOIN compound c ON c.community_id = g.community_id"
                                " WHERE g.id = ?1 AND c.id = ?2", error);
      ok = stmt != NULL;
      if (ok)
        {
          int rc;
          sz_stmt_bind_int64 (stmt, 1, b->grid_id);
          sz_stmt_bind_int64 (stmt, 2, b->compound_id);
          rc = sz_db_step (db, stmt, error);
          ok = rc != 0;
          same = rc == SQLITE_ROW;
          sz_stmt_reset (stmt);
        }
      if (ok && !same)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       _("Grid: the building's grid belongs to another community than its compound."));
          ok = FALSE;
        }
    }
  if (ok)
    {
      if (b->id == 0)
        stmt = sz_db_prepare (db, "INSERT INTO building (compound_id, grid_id, name, floors)"
                                  " VALUES (?1, ?2, ?3, ?4)", error);
      else
        stmt = sz_db_prepare (db, "UPDATE building SET compound_id = ?1, grid_id = ?2, name = ?3, floors = ?4"
                                  " WHERE id = ?5", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, b->compound_id);
      sz_stmt_bind_int64 (stmt, 2, b->grid_id);
      sz_db_bind_text (stmt, 3, b->name);
      sz_stmt_bind_int (stmt, 4, b->floors);
      if (b->id != 0)
        sz_stmt_bind_int64 (stmt, 5, b->id);
      ok = sz_row_finish_write (db, stmt, &b->id, error);
    }
  return sz_db_end (db, ok, error);
}

static SzBuilding *
building_from_row (SzStmt *stmt)
{
  SzBuilding *b = sz_building_new ();

  b->id = sz_stmt_column_int64 (stmt, 0);
  b->compound_id = sz_stmt_column_int64 (stmt, 1);
  b->grid_id = sz_stmt_column_int64 (stmt, 2);
  b->name = sz_db_column_dup (stmt, 3);
  b->floors = sz_stmt_column_int (stmt, 4);
  return b;
}

#define BUILDING_COLUMNS "id, compound_id, grid_id, name, floors"

SzBuilding *
sz_building_get (SzDb    *db,
                 gint64   id,
                 GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " BUILDING_COLUMNS " FROM building WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Building"), (gpointer) building_from_row, error);
}

static int
building_compare (gconstpointer a,
                  gconstpointer b)
{
  const SzBuilding *ba = *(SzBuilding * const *) a;
  const SzBuilding *bb = *(SzBuilding * const *) b;

  return sz_natural_compare (ba->name, bb->name);
}

GPtrArray *
sz_building_list (SzDb    *db,
                  gint64   compound_id,
                  GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " BUILDING_COLUMNS " FROM building WHERE compound_id = ?1", error);
  GPtrArray *rows;

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, compound_id);
  rows = sz_row_collect (db, stmt, (gpointer) building_from_row, (GDestroyNotify) sz_building_free, error);
  if (rows != NULL)
    g_ptr_array_sort (rows, building_compare);
  return rows;
}

gboolean
sz_building_delete (SzDb    *db,
                    gint64   id,
                    GError **error)
{
  return sz_row_delete (db, "DELETE FROM building WHERE id = ?1", id, _("Building"), error);
}

/* Unit */

SzUnit *
sz_unit_new (void)
{
  return g_new0 (SzUnit, 1);
}

void
sz_unit_free (SzUnit *u)
{
  g_free (u);
}

char *
sz_unit_label (int number)
{
  /* Translators: a unit (stairwell entrance) of a building; %d is its number */
  return g_strdup_printf (_("Unit %d"), number);
}

gboolean
sz_unit_save (SzDb    *db,
              SzUnit  *u,
              GError **error)
{
  SzStmt *stmt = NULL;
  gboolean ok;

  g_return_val_if_fail (db != NULL && u != NULL, FALSE);

  if (!sz_validate_range (_("Unit number"), u->number, 1, 99, error)
      || !sz_validate_range (_("Floors"), u->floors, 0, 200, error)
      || !sz_validate_range (_("Households"), u->households, 0, 2000, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM building WHERE id = ?1", u->building_id, _("Building"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "SELECT 1 FROM unit WHERE building_id = ?1 AND number = ?2 AND id IS DISTINCT FROM ?3", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      int rc;
      sz_stmt_bind_int64 (stmt, 1, u->building_id);
      sz_stmt_bind_int (stmt, 2, u->number);
      sz_stmt_bind_int64 (stmt, 3, u->id);
      rc = sz_db_step (db, stmt, error);
      sz_stmt_reset (stmt);
      ok = rc != 0;
      if (rc == SQLITE_ROW)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_DUPLICATE,
                       /* Translators: %d is a unit number */
                       _("Unit number: unit %d already exists in this building."), u->number);
          ok = FALSE;
        }
    }
  if (ok)
    {
      if (u->id == 0)
        stmt = sz_db_prepare (db, "INSERT INTO unit (building_id, number, floors, households)"
                                  " VALUES (?1, ?2, ?3, ?4)", error);
      else
        stmt = sz_db_prepare (db, "UPDATE unit SET building_id = ?1, number = ?2, floors = ?3, households = ?4"
                                  " WHERE id = ?5", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, u->building_id);
      sz_stmt_bind_int (stmt, 2, u->number);
      sz_stmt_bind_int (stmt, 3, u->floors);
      sz_stmt_bind_int (stmt, 4, u->households);
      if (u->id != 0)
        sz_stmt_bind_int64 (stmt, 5, u->id);
      ok = sz_row_finish_write (db, stmt, &u->id, error);
    }
  return sz_db_end (db, ok, error);
}

static SzUnit *
unit_from_row (SzStmt *stmt)
{
  SzUnit *u = sz_unit_new ();

  u->id = sz_stmt_column_int64 (stmt, 0);
  u->building_id = sz_stmt_column_int64 (stmt, 1);
  u->number = sz_stmt_column_int (stmt, 2);
  u->floors = sz_stmt_column_int (stmt, 3);
  u->households = sz_stmt_column_int (stmt, 4);
  return u;
}

#define UNIT_COLUMNS "id, building_id, number, floors, households"

SzUnit *
sz_unit_get (SzDb    *db,
             gint64   id,
             GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " UNIT_COLUMNS " FROM unit WHERE id = ?1", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_get (db, stmt, id, _("Unit"), (gpointer) unit_from_row, error);
}

GPtrArray *
sz_unit_list (SzDb    *db,
              gint64   building_id,
              GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " UNIT_COLUMNS " FROM unit WHERE building_id = ?1 ORDER BY number", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, building_id);
  return sz_row_collect (db, stmt, (gpointer) unit_from_row, (GDestroyNotify) sz_unit_free, error);
}

gboolean
sz_unit_delete (SzDb    *db,
                gint64   id,
                GError **error)
{
  return sz_row_delete (db, "DELETE FROM unit WHERE id = ?1", id, _("Unit"), error);
}
