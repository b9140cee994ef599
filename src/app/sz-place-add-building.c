/* sz-place-add-building.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-place-add-building.h"
#include "sz-roster.h"

/* Undo: the building goes, and its units with it. */
static gboolean
undo_add_building (SzSession  *session,
                   gpointer    data,
                   GError    **error)
{
  gint64 id = *(gint64 *) data;
  SzDb *db = sz_session_get_db (session);
  g_autoptr(SzBuilding) b = sz_building_get (db, id, error);

  if (b == NULL)
    return FALSE;
  /* Select what stays before the building goes, so that no view reloads
   * a place that is gone. */
  sz_session_select_place (session, SZ_NODE_COMPOUND, b->compound_id);
  return sz_building_delete (db, id, error);
}

gboolean
sz_place_add_building_with_units (SzSession   *session,
                                  gint64       compound_id,
                                  gint64       grid_id,
                                  const char  *name,
                                  int          floors,
                                  int          n_units,
                                  int          households,
                                  gint64      *id,
                                  GError     **error)
{
  SzDb *db;
  g_autoptr(SzBuilding) b = sz_building_new ();
  g_autofree char *label = NULL;
  g_autofree char *undo = NULL;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_SESSION (session), FALSE);
  g_return_val_if_fail (n_units >= 0, FALSE);

  db = sz_session_get_db (session);
  b->compound_id = compound_id;
  b->grid_id = grid_id;
  b->name = g_strdup (name);
  b->floors = floors;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_building_save (db, b, error);
  for (int n = 1; ok && n <= n_units; n++)
    {
      g_autoptr(SzUnit) u = sz_unit_new ();

      u->building_id = b->id;
      u->number = n;
      u->floors = floors;
      u->households = households;
      ok = sz_unit_save (db, u, error);
    }
  if (!sz_db_end (db, ok, ok ? error : NULL) || !ok)
    return FALSE;

  label = sz_place_label (db, SZ_LEVEL_BUILDING, b->id, NULL);
  /* Translators: what Ctrl+Z undoes; %s is a place ("Grid 5", "3栋") */
  undo = g_strdup_printf (_("Add %s"), label ? label : b->name);
  sz_session_push_undo (session, undo, undo_add_building, g_memdup2 (&b->id, sizeof b->id), g_free);
  if (id != NULL)
    *id = b->id;
  sz_session_changed (session);
  sz_session_select_place (session, SZ_NODE_BUILDING, b->id);
  return TRUE;
}
