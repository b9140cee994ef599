/* sz-place-edit.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-place-edit.h"
#include "sz-roster.h"

/* Undo */

typedef enum
{
  UNDO_DELETE,        /* an added grid, compound or building goes again */
  UNDO_DELETE_UNITS,  /* added units go again */
  UNDO_RENAME,        /* the old number and name come back */
  UNDO_MOVE,          /* the building goes back to its compound and grid */
} UndoOp;

typedef struct
{
  UndoOp      op;
  SzNodeKind  kind;
  gint64      id;
  int         number;
  char       *name;
  gint64      compound_id;
  gint64      grid_id;
  GArray     *ids;
} Undo;

static void
undo_free (gpointer data)
{
  Undo *u = data;

  g_free (u->name);
  g_clear_pointer (&u->ids, g_array_unref);
  g_free (u);
}

static Undo *
undo_new (UndoOp     op,
          SzNodeKind kind,
          gint64     id)
{
  Undo *u = g_new0 (Undo, 1);

  u->op = op;
  u->kind = kind;
  u->id = id;
  return u;
}

static gboolean
undo_delete (SzSession  *session,
             Undo       *u,
             GError    **error)
{
  SzDb *db = sz_session_get_db (session);
  gint64 community = sz_session_get_community_id (session);
  SzNodeKind old_kind = sz_session_get_place_kind (session);
  gint64 old_id = sz_session_get_place_id (session);
  g_autoptr(SzBuilding) b = NULL;
  gboolean ok;

  /* Select what stays before the place goes, so that no view reloads a
   * place that is gone; back where it was if the place stays. */
  switch (u->kind)
    {
    case SZ_NODE_GRID:
      sz_session_select_place (session, SZ_NODE_COMMUNITY, community);
      ok = sz_grid_delete (db, u->id, error);
      break;
    case SZ_NODE_COMPOUND:
      sz_session_select_place (session, SZ_NODE_COMMUNITY, community);
      ok = sz_compound_delete (db, u->id, error);
      break;
    case SZ_NODE_BUILDING:
      b = sz_building_get (db, u->id, error);
      if (b == NULL)
        return FALSE;
      sz_session_select_place (session, SZ_NODE_COMPOUND, b->compound_id);
      ok = sz_building_delete (db, u->id, error);
      break;
    case SZ_NODE_COMMUNITY:
    case SZ_NODE_UNIT:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    sz_session_select_place (session, old_kind, old_id);
  return ok;
}

static gboolean
undo_run (SzSession  *session,
          gpointer    data,
          GError    **error)
{
  Undo *u = data;
  SzDb *db = sz_session_get_db (session);
  gboolean ok;

  switch (u->op)
    {
    case UNDO_DELETE:
      return undo_delete (session, u, error);

    case UNDO_DELETE_UNITS:
      sz_session_select_place (session, SZ_NODE_BUILDING, u->id);
      if (!sz_db_begin (db, error))
        return FALSE;
      ok = TRUE;
      for (guint i = 0; ok && i < u->ids->len; i++)
        ok = sz_unit_delete (db, g_array_index (u->ids, gint64, i), error);
      return sz_db_end (db, ok, ok ? error : NULL) && ok;

    case UNDO_RENAME:
      if (u->kind == SZ_NODE_GRID)
        {
          g_autoptr(SzGrid) g = sz_grid_get (db, u->id, error);

          if (g == NULL)
            return FALSE;
          g->number = u->number;
          g_free (g->name);
          g->name = g_strdup (u->name);
          return sz_grid_save (db, g, error);
        }
      else if (u->kind == SZ_NODE_COMPOUND)
        {
          g_autoptr(SzCompound) c = sz_compound_get (db, u->id, error);

          if (c == NULL)
            return FALSE;
          g_free (c->name);
          c->name = g_strdup (u->name);
          return sz_compound_save (db, c, error);
        }
      else
        {
          g_autoptr(SzBuilding) b = sz_building_get (db, u->id, error);

          if (b == NULL)
            return FALSE;
          g_free (b->name);
          b->name = g_strdup (u->name);
          return sz_building_save (db, b, error);
        }

    case UNDO_MOVE:
      {
        g_autoptr(SzBuilding) b = sz_building_get (db, u->id, error);

        if (b == NULL)
          return FALSE;
        b->compound_id = u->compound_id;
        b->grid_id = u->grid_id;
        return sz_building_save (db, b, error);
      }

    default:
      g_return_val_if_reached (FALSE);
    }
}

static void
push_undo (SzSession  *session,
           const char *label,
           Undo       *u)
{
  sz_session_push_undo (session, label, undo_run, u, undo_free);
}

/* Every view reloads, then shows the place the change was about. */
static void
finish (SzSession  *session,
        SzNodeKind  kind,
        gint64      id)
{
  sz_session_changed (session);
  sz_session_select_place (session, kind, id);
}

static char *
building_label (SzSession *session,
                gint64     id)
{
  char *label = sz_place_label (sz_session_get_db (session), SZ_LEVEL_BUILDING, id, NULL);

  return label ? label : g_strdup ("");
}

/* What a dialog's OK does */

gboolean
sz_place_add_grid (SzSession   *session,
                   int          number,
                   const char  *name,
                   gint64      *id,
                   GError     **error)
{
  g_autoptr(SzGrid) g = sz_grid_new ();
  g_autofree char *label = NULL;
  g_autofree char *undo = NULL;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);

  g->community_id = sz_session_get_community_id (session);
  g->number = number;
  g->name = g_strdup (name);
  if (!sz_grid_save (sz_session_get_db (session), g, error))
    return FALSE;
  label = sz_grid_label (g);
  /* Translators: what Ctrl+Z undoes; %s is a place ("Grid 5", "3栋") */
  undo = g_strdup_printf (_("Add %s"), label);
  push_undo (session, undo, undo_new (UNDO_DELETE, SZ_NODE_GRID, g->id));
  if (id != NULL)
    *id = g->id;
  finish (session, SZ_NODE_GRID, g->id);
  return TRUE;
}

gboolean
sz_place_add_compound (SzSession   *session,
                       const char  *name,
                       gint64       grid_id,
                       gint64      *id,
                       GError     **error)
{
  g_autoptr(SzCompound) c = sz_compound_new ();
  g_autofree char *undo = NULL;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);

  c->community_id = sz_session_get_community_id (session);
  c->name = g_strdup (name);
  c->grid_id = grid_id;
  if (!sz_compound_save (sz_session_get_db (session), c, error))
    return FALSE;
  undo = g_strdup_printf (_("Add %s"), c->name);
  push_undo (session, undo, undo_new (UNDO_DELETE, SZ_NODE_COMPOUND, c->id));
  if (id != NULL)
    *id = c->id;
  finish (session, SZ_NODE_COMPOUND, c->id);
  return TRUE;
}

/* Units @first … @first + @count - 1 of @building_id, inside the caller's
 * transaction; their ids go to @ids. */
static gboolean
save_units (SzDb     *db,
            gint64    building_id,
            int       floors,
            int       first,
            int       count,
            GArray   *ids,
            GError  **error)
{
  for (int n = first; n < first + count; n++)
    {
      g_autoptr(SzUnit) u = sz_unit_new ();

      u->building_id = building_id;
      u->number = n;
      u->floors = floors;
      if (!sz_unit_save (db, u, error))
        return FALSE;
      if (ids != NULL)
        g_array_append_val (ids, u->id);
    }
  return TRUE;
}

gboolean
sz_place_add_units (SzSession   *session,
                    gint64       building_id,
                    int          first,
                    int          count,
                    GError     **error)
{
  SzDb *db;
  g_autoptr(SzBuilding) b = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *label = NULL;
  g_autofree char *undo = NULL;
  Undo *u;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);
  g_return_val_if_fail (count > 0, FALSE);

  db = sz_session_get_db (session);
  b = sz_building_get (db, building_id, error);
  if (b == NULL)
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = save_units (db, building_id, b->floors, first, count, ids, error);
  if (!sz_db_end (db, ok, ok ? error : NULL) || !ok)
    return FALSE;
  label = building_label (session, building_id);
  undo = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       /* Translators: what Ctrl+Z undoes; %d units, %s a building */
                                       "Add %d unit to %s", "Add %d units to %s", count),
                          count, label);
  u = undo_new (UNDO_DELETE_UNITS, SZ_NODE_BUILDING, building_id);
  u->ids = g_array_ref (ids);
  push_undo (session, undo, u);
  finish (session, ids->len > 0 ? SZ_NODE_UNIT : SZ_NODE_BUILDING,
          ids->len > 0 ? g_array_index (ids, gint64, 0) : building_id);
  return TRUE;
}

gboolean
sz_place_rename (SzSession   *session,
                 SzNodeKind   kind,
                 gint64       id,
                 int          number,
                 const char  *name,
                 GError     **error)
{
  SzDb *db;
  Undo *u;
  g_autofree char *label = NULL;
  g_autofree char *undo = NULL;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);
  g_return_val_if_fail (kind == SZ_NODE_GRID || kind == SZ_NODE_COMPOUND || kind == SZ_NODE_BUILDING, FALSE);

  db = sz_session_get_db (session);
  u = undo_new (UNDO_RENAME, kind, id);
  if (kind == SZ_NODE_GRID)
    {
      g_autoptr(SzGrid) g = sz_grid_get (db, id, error);

      if (g != NULL)
        {
          u->number = g->number;
          u->name = g_steal_pointer (&g->name);
          g->number = number;
          g->name = g_strdup (name);
          if (sz_grid_save (db, g, error))
            label = sz_grid_label (g);
        }
    }
  else if (kind == SZ_NODE_COMPOUND)
    {
      g_autoptr(SzCompound) c = sz_compound_get (db, id, error);

      if (c != NULL)
        {
          u->name = g_steal_pointer (&c->name);
          c->name = g_strdup (name);
          if (sz_compound_save (db, c, error))
            label = g_strdup (c->name);
        }
    }
  else
    {
      g_autoptr(SzBuilding) b = sz_building_get (db, id, error);

      if (b != NULL)
        {
          u->name = g_steal_pointer (&b->name);
          b->name = g_strdup (name);
          if (sz_building_save (db, b, error))
            label = building_label (session, id);
        }
    }
  if (label == NULL)
    {
      undo_free (u);
      return FALSE;
    }
  /* Translators: what Ctrl+Z undoes; %s is the place's new name */
  undo = g_strdup_printf (_("Rename %s"), label);
  push_undo (session, undo, u);
  finish (session, kind, id);
  return TRUE;
}

gboolean
sz_place_move_building (SzSession   *session,
                        gint64       building_id,
                        gint64       compound_id,
                        gint64       grid_id,
                        GError     **error)
{
  SzDb *db;
  g_autoptr(SzBuilding) b = NULL;
  g_autofree char *label = NULL;
  g_autofree char *undo = NULL;
  Undo *u;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);

  db = sz_session_get_db (session);
  b = sz_building_get (db, building_id, error);
  if (b == NULL)
    return FALSE;
  u = undo_new (UNDO_MOVE, SZ_NODE_BUILDING, building_id);
  u->compound_id = b->compound_id;
  u->grid_id = b->grid_id;
  b->compound_id = compound_id;
  b->grid_id = grid_id;
  if (!sz_building_save (db, b, error))
    {
      undo_free (u);
      return FALSE;
    }
  label = building_label (session, building_id);
  /* Translators: what Ctrl+Z undoes; %s is a building */
  undo = g_strdup_printf (_("Move %s"), label);
  push_undo (session, undo, u);
  finish (session, SZ_NODE_BUILDING, building_id);
  return TRUE;
}

gboolean
sz_place_delete (SzSession   *session,
                 SzNodeKind   kind,
                 gint64       id,
                 SzNodeKind   parent_kind,
                 gint64       parent_id,
                 GError     **error)
{
  SzDb *db;
  SzNodeKind old_kind;
  gint64 old_id;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);

  db = sz_session_get_db (session);
  old_kind = sz_session_get_place_kind (session);
  old_id = sz_session_get_place_id (session);
  /* The parent is selected first: no view should reload a deleted place. */
  sz_session_select_place (session, parent_kind, parent_id);
  switch (kind)
    {
    case SZ_NODE_GRID:
      ok = sz_grid_delete (db, id, error);
      break;
    case SZ_NODE_COMPOUND:
      ok = sz_compound_delete (db, id, error);
      break;
    case SZ_NODE_BUILDING:
      ok = sz_building_delete (db, id, error);
      break;
    case SZ_NODE_UNIT:
      ok = sz_unit_delete (db, id, error);
      break;
    case SZ_NODE_COMMUNITY:
    default:
      g_return_val_if_reached (FALSE);
    }
  if (!ok)
    {
      sz_session_select_place (session, old_kind, old_id);
      return FALSE;
    }
  sz_session_changed (session);
  return TRUE;
}
