/* sz-tree.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-db.h"
#include "sz-roster.h"
#include "sz-tree.h"

void
sz_tree_node_free (SzTreeNode *node)
{
  if (node == NULL)
    return;
  g_clear_pointer (&node->children, g_ptr_array_unref);
  g_free (node->label);
  g_free (node->detail);
  g_free (node->head_name);
  g_free (node->head_phone);
  g_free (node);
}

static SzTreeNode *
node_new (SzNodeKind  kind,
          gint64      id,
          char       *label,
          SzTreeNode *parent)
{
  SzTreeNode *node = g_new0 (SzTreeNode, 1);

  node->kind = kind;
  node->id = id;
  node->label = label;
  node->has_head = kind == SZ_NODE_GRID || kind == SZ_NODE_BUILDING || kind == SZ_NODE_UNIT;
  node->children = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_tree_node_free);
  node->parent = parent;
  if (parent != NULL)
    g_ptr_array_add (parent->children, node);
  return node;
}

typedef struct
{
  gint64    person_id;
  char     *name;
  char     *phone;
  gboolean  consent;
} Head;

static void
head_free (gpointer data)
{
  Head *h = data;

  g_free (h->name);
  g_free (h->phone);
  g_free (h);
}

/* Current heads of one level in the community, keyed by place id. */
static GHashTable *
load_heads (SzDb        *db,
            const char  *sql,
            gint64       community_id,
            GError     **error)
{
  g_autoptr(GHashTable) heads = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, head_free);
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Head *h = g_new0 (Head, 1);
      h->person_id = sz_stmt_column_int64 (stmt, 1);
      h->name = sz_db_column_dup (stmt, 2);
      h->phone = sz_db_column_dup (stmt, 3);
      h->consent = sz_stmt_column_int (stmt, 4) != 0;
      g_hash_table_insert (heads, g_memdup2 (&(gint64) { sz_stmt_column_int64 (stmt, 0) }, sizeof (gint64)), h);
    }
  if (rc == 0)
    return NULL;
  return g_steal_pointer (&heads);
}

static void
set_head (SzTreeNode *node,
          GHashTable *heads)
{
  Head *h = g_hash_table_lookup (heads, &node->id);

  if (h == NULL)
    {
      node->vacancies = 1;
      return;
    }
  node->head_person_id = h->person_id;
  node->head_name = g_strdup (h->name);
  node->head_phone = g_strdup (h->phone);
  node->head_consent = h->consent;
}

/* Sums households and vacancies up the tree. */
static void
total_up (SzTreeNode *node)
{
  int households = 0;

  for (guint i = 0; i < node->children->len; i++)
    {
      SzTreeNode *child = node->children->pdata[i];

      total_up (child);
      households += child->households;
      node->vacancies += child->vacancies;
    }
  if (node->kind != SZ_NODE_GRID && node->kind != SZ_NODE_UNIT)
    node->households = households;
}

static int
node_compare (gconstpointer a,
              gconstpointer b)
{
  const SzTreeNode *na = *(SzTreeNode * const *) a;
  const SzTreeNode *nb = *(SzTreeNode * const *) b;

  return sz_natural_compare (na->label, nb->label);
}

#define HEADS_SQL(level, col, join) \
  "SELECT p." col ", n.id, n.name, n.phone, n.phone_consent FROM post p" \
  " JOIN person n ON n.id = p.person_id " join \
  " WHERE p.level = '" level "' AND p.end_date IS NULL"

SzTreeNode *
sz_tree_load (SzDb    *db,
              gint64   community_id,
              GError **error)
{
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzTreeNode) root = NULL;
  g_autoptr(GHashTable) grid_heads = NULL;
  g_autoptr(GHashTable) building_heads = NULL;
  g_autoptr(GHashTable) unit_heads = NULL;
  g_autoptr(GHashTable) grids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) compounds = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) buildings = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) grid_list = NULL;
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  community = sz_community_get (db, community_id, error);
  if (community == NULL)
    return NULL;
  root = node_new (SZ_NODE_COMMUNITY, community->id, g_strdup (community->name), NULL);

  grid_heads = load_heads (db, HEADS_SQL ("grid", "grid_id", "JOIN grid g ON g.id = p.grid_id AND g.community_id = ?1"),
                           community_id, error);
  if (grid_heads == NULL)
    return NULL;
  building_heads = load_heads (db, HEADS_SQL ("building", "building_id",
                                              "JOIN building b ON b.id = p.building_id"
                                              " JOIN compound c ON c.id = b.compound_id AND c.community_id = ?1"),
                               community_id, error);
  if (building_heads == NULL)
    return NULL;
  unit_heads = load_heads (db, HEADS_SQL ("unit", "unit_id",
                                          "JOIN unit u ON u.id = p.unit_id JOIN building b ON b.id = u.building_id"
                                          " JOIN compound c ON c.id = b.compound_id AND c.community_id = ?1"),
                           community_id, error);
  if (unit_heads == NULL)
    return NULL;

  grid_list = sz_grid_list (db, community_id, error);
  if (grid_list == NULL)
    return NULL;
  for (guint i = 0; i < grid_list->len; i++)
    {
      SzGrid *g = grid_list->pdata[i];
      SzTreeNode *node = node_new (SZ_NODE_GRID, g->id, sz_grid_label (g), root);

      node->households = g->households;
      set_head (node, grid_heads);
      g_hash_table_insert (grids, &node->id, node);
    }

  /* Buildings in pinyin order of their compound, then natural order of
   * their name; each under the (grid, compound) node it belongs to. */
  stmt = sz_db_prepare (db,
                        "SELECT b.id, b.name, b.grid_id, c.id, c.name, c.property_company"
                        "  FROM building b JOIN compound c ON c.id = b.compound_id"
                        " WHERE c.community_id = ?1 ORDER BY c.name_pinyin, c.name COLLATE PINYIN, c.id",
                        error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  {
    g_autoptr(GPtrArray) rows = g_ptr_array_new ();
    while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
      {
        gint64 grid_id = sz_stmt_column_int64 (stmt, 2);
        gint64 compound_id = sz_stmt_column_int64 (stmt, 3);
        g_autofree char *key = g_strdup_printf ("%" G_GINT64_FORMAT "/%" G_GINT64_FORMAT, grid_id, compound_id);
        SzTreeNode *grid_node = g_hash_table_lookup (grids, &grid_id);
        SzTreeNode *compound_node = g_hash_table_lookup (compounds, key);
        SzTreeNode *node;

        g_assert (grid_node != NULL);
        if (compound_node == NULL)
          {
            compound_node = node_new (SZ_NODE_COMPOUND, compound_id, sz_db_column_dup (stmt, 4), grid_node);
            compound_node->detail = sz_db_column_dup (stmt, 5);
            g_hash_table_insert (compounds, g_steal_pointer (&key), compound_node);
          }
        node = node_new (SZ_NODE_BUILDING, sz_stmt_column_int64 (stmt, 0), sz_db_column_dup (stmt, 1), compound_node);
        set_head (node, building_heads);
        g_hash_table_insert (buildings, &node->id, node);
      }
    if (rc == 0)
      return NULL;
  }

  stmt = sz_db_prepare (db,
                        "SELECT u.id, u.number, u.households, u.building_id FROM unit u"
                        "  JOIN building b ON b.id = u.building_id JOIN compound c ON c.id = b.compound_id"
                        " WHERE c.community_id = ?1 ORDER BY u.building_id, u.number",
                        error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 building_id = sz_stmt_column_int64 (stmt, 3);
      SzTreeNode *parent = g_hash_table_lookup (buildings, &building_id);
      SzTreeNode *node = node_new (SZ_NODE_UNIT, sz_stmt_column_int64 (stmt, 0),
                                   sz_unit_label (sz_stmt_column_int (stmt, 1)), parent);

      node->households = sz_stmt_column_int (stmt, 2);
      set_head (node, unit_heads);
    }
  if (rc == 0)
    return NULL;

  /* A compound without buildings yet shows under the grid it was added
   * under, else under the community, so that a new one is not lost from
   * sight. */
  {
    g_autoptr(GHashTable) placed = g_hash_table_new (g_int64_hash, g_int64_equal);
    g_autoptr(GPtrArray) all = NULL;
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, compounds);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      g_hash_table_add (placed, &((SzTreeNode *) value)->id);
    all = sz_compound_list (db, community_id, error);
    if (all == NULL)
      return NULL;
    for (guint i = 0; i < all->len; i++)
      {
        SzCompound *c = all->pdata[i];
        SzTreeNode *parent;
        SzTreeNode *node;

        if (g_hash_table_contains (placed, &c->id))
          continue;
        parent = c->grid_id != 0 ? g_hash_table_lookup (grids, &c->grid_id) : NULL;
        node = node_new (SZ_NODE_COMPOUND, c->id, g_strdup (c->name), parent != NULL ? parent : root);
        node->detail = g_strdup (c->property_company);
      }
  }

  /* Buildings came in pinyin order of compounds; sort them naturally
   * within each compound. */
  {
    GHashTableIter iter;
    gpointer value;

    g_hash_table_iter_init (&iter, compounds);
    while (g_hash_table_iter_next (&iter, NULL, &value))
      {
        SzTreeNode *compound_node = value;
        g_ptr_array_sort (compound_node->children, node_compare);
      }
  }

  total_up (root);
  return g_steal_pointer (&root);
}

char *
sz_place_label (SzDb     *db,
                SzLevel   level,
                gint64    place_id,
                GError  **error)
{
  SzStmt *stmt;
  char *label = NULL;

  g_return_val_if_fail (db != NULL, NULL);

  switch (level)
    {
    case SZ_LEVEL_GRID:
      {
        g_autoptr(SzGrid) grid = sz_grid_get (db, place_id, error);
        return grid ? sz_grid_label (grid) : NULL;
      }
    case SZ_LEVEL_BUILDING:
      stmt = sz_db_prepare (db, "SELECT c.name, b.name, 0 FROM building b JOIN compound c ON c.id = b.compound_id"
                                " WHERE b.id = ?1", error);
      break;
    case SZ_LEVEL_UNIT:
      stmt = sz_db_prepare (db, "SELECT c.name, b.name, u.number FROM unit u JOIN building b ON b.id = u.building_id"
                                " JOIN compound c ON c.id = b.compound_id WHERE u.id = ?1", error);
      break;
    default:
      g_return_val_if_reached (NULL);
    }
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, place_id);
  switch (sz_db_step (db, stmt, error))
    {
    case SQLITE_ROW:
      if (level == SZ_LEVEL_UNIT)
        {
          g_autofree char *unit = sz_unit_label (sz_stmt_column_int (stmt, 2));
          /* Translators: a unit's place: compound, building, unit ("丰和林苑 2栋 1单元") */
          label = g_strdup_printf (_("%s %s %s"), sz_stmt_column_text (stmt, 0), sz_stmt_column_text (stmt, 1), unit);
        }
      else
        /* Translators: a building's place: compound, building ("丰和林苑 2栋") */
        label = g_strdup_printf (_("%s %s"), sz_stmt_column_text (stmt, 0), sz_stmt_column_text (stmt, 1));
      sz_stmt_reset (stmt);
      return label;
    case SQLITE_DONE:
      sz_set_not_found (error, sz_level_place_title (level), place_id);
      return NULL;
    default:
      return NULL;
    }
}
