/* sz-place-tree.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-pinyin.h"
#include "sz-place-tree.h"

/* Snapshot: one sz_tree_load(), shared by the items made from it, so that
 * a row still on screen while the tree reloads points at live memory. */

typedef struct
{
  SzTreeNode *root;
  /* Made at the first search: every node in the order the rows show
   * them, with its case-folded label and pinyin key (NULL until needed). */
  GPtrArray  *flat;
  GPtrArray  *folded;
  GPtrArray  *keys;
} Snapshot;

static void
snapshot_clear (gpointer data)
{
  Snapshot *s = data;

  g_clear_pointer (&s->root, sz_tree_node_free);
  g_clear_pointer (&s->flat, g_ptr_array_unref);
  g_clear_pointer (&s->folded, g_ptr_array_unref);
  g_clear_pointer (&s->keys, g_ptr_array_unref);
}

static void
snapshot_release (Snapshot *s)
{
  g_rc_box_release_full (s, snapshot_clear);
}

static void
flatten (SzTreeNode *node,
         GPtrArray  *flat)
{
  g_ptr_array_add (flat, node);
  for (guint i = 0; i < node->children->len; i++)
    flatten (node->children->pdata[i], flat);
}

static void
snapshot_index (Snapshot *s)
{
  if (s->flat != NULL)
    return;
  s->flat = g_ptr_array_new ();
  flatten (s->root, s->flat);
  s->folded = g_ptr_array_new_full (s->flat->len, g_free);
  s->keys = g_ptr_array_new_full (s->flat->len, g_free);
  g_ptr_array_set_size (s->folded, s->flat->len);
  g_ptr_array_set_size (s->keys, s->flat->len);
}

/* Does the @i-th node's label contain @folded_query, or match @query by
 * pinyin (full syllables, initials or a mix)?  Keys are made as the
 * search reaches them: most searches stop long before the end. */
static gboolean
snapshot_matches (Snapshot   *s,
                  guint       i,
                  const char *query,
                  const char *folded_query)
{
  SzTreeNode *node = s->flat->pdata[i];

  if (s->folded->pdata[i] == NULL)
    {
      s->folded->pdata[i] = g_utf8_casefold (node->label, -1);
      s->keys->pdata[i] = sz_pinyin_key (node->label, FALSE);
    }
  return strstr (s->folded->pdata[i], folded_query) != NULL
         || sz_pinyin_match (node->label, s->keys->pdata[i], query) != SZ_MATCH_NONE;
}

/* SzPlaceItem: a node of a snapshot, as an item of the list models. */

#define SZ_TYPE_PLACE_ITEM (sz_place_item_get_type ())
G_DECLARE_FINAL_TYPE (SzPlaceItem, sz_place_item, SZ, PLACE_ITEM, GObject)

struct _SzPlaceItem
{
  GObject     parent_instance;

  Snapshot   *snapshot;
  SzTreeNode *node;
};

G_DEFINE_FINAL_TYPE (SzPlaceItem, sz_place_item, G_TYPE_OBJECT)

static guint item_changed_signal;

static void
sz_place_item_finalize (GObject *object)
{
  SzPlaceItem *self = SZ_PLACE_ITEM (object);

  snapshot_release (self->snapshot);
  G_OBJECT_CLASS (sz_place_item_parent_class)->finalize (object);
}

static void
sz_place_item_class_init (SzPlaceItemClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = sz_place_item_finalize;
  /* The node was replaced by the same place of a newer snapshot. */
  item_changed_signal = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                      0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sz_place_item_init (SzPlaceItem *self)
{
}

static SzPlaceItem *
sz_place_item_new (Snapshot   *snapshot,
                   SzTreeNode *node)
{
  SzPlaceItem *self = g_object_new (SZ_TYPE_PLACE_ITEM, NULL);

  self->snapshot = g_rc_box_acquire (snapshot);
  self->node = node;
  return self;
}

/* SzPlaceTree */

struct _SzPlaceTree
{
  GObject           parent_instance;

  Snapshot         *snapshot;
  GtkTreeListModel *model;
  gboolean          has_grids;
  gboolean          has_compounds;
};

G_DEFINE_FINAL_TYPE (SzPlaceTree, sz_place_tree, G_TYPE_OBJECT)

static void
sz_place_tree_dispose (GObject *object)
{
  SzPlaceTree *self = SZ_PLACE_TREE (object);

  g_clear_object (&self->model);
  g_clear_pointer (&self->snapshot, snapshot_release);
  G_OBJECT_CLASS (sz_place_tree_parent_class)->dispose (object);
}

static gboolean
warm_up_pinyin_cb (gpointer user_data)
{
  g_free (sz_pinyin_key ("网格", FALSE));
  return G_SOURCE_REMOVE;
}

static void
sz_place_tree_class_init (SzPlaceTreeClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = sz_place_tree_dispose;
  /* The first pinyin key opens ICU's transliterator (~0.1 s): do it when
   * the window is idle, not at the first key typed into the find field. */
  g_idle_add_full (G_PRIORITY_LOW, warm_up_pinyin_cb, NULL, NULL);
}

static void
sz_place_tree_init (SzPlaceTree *self)
{
}

SzPlaceTree *
sz_place_tree_new (void)
{
  return g_object_new (SZ_TYPE_PLACE_TREE, NULL);
}

GtkTreeListModel *
sz_place_tree_get_model (SzPlaceTree *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), NULL);
  return self->model;
}

SzTreeNode *
sz_place_tree_get_root (SzPlaceTree *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), NULL);
  return self->snapshot ? self->snapshot->root : NULL;
}

gboolean
sz_place_tree_has_grids (SzPlaceTree *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), FALSE);
  return self->has_grids;
}

gboolean
sz_place_tree_has_compounds (SzPlaceTree *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), FALSE);
  return self->has_compounds;
}

SzTreeNode *
sz_place_tree_row_node (GtkTreeListRow *row)
{
  g_autoptr(SzPlaceItem) item = row ? gtk_tree_list_row_get_item (row) : NULL;

  /* The snapshot, held by the tree, keeps the node alive. */
  return item ? item->node : NULL;
}

/* Children are made when a row is expanded (or asked whether it can be),
 * never all at once: a big community has thousands of units. */
static GListModel *
create_children_cb (gpointer item,
                    gpointer user_data)
{
  SzPlaceItem *parent = item;
  GPtrArray *children = parent->node->children;
  g_autoptr(GPtrArray) items = NULL;
  GListStore *store;

  if (children->len == 0)
    return NULL;
  items = g_ptr_array_new_full (children->len, g_object_unref);
  for (guint i = 0; i < children->len; i++)
    g_ptr_array_add (items, sz_place_item_new (parent->snapshot, children->pdata[i]));
  store = g_list_store_new (SZ_TYPE_PLACE_ITEM);
  g_list_store_splice (store, 0, 0, items->pdata, items->len);
  return G_LIST_MODEL (store);
}

char *
sz_place_tree_node_key (const SzTreeNode *node)
{
  GString *key = g_string_new (NULL);

  for (; node != NULL; node = node->parent)
    g_string_append_printf (key, "%d:%" G_GINT64_FORMAT "/", node->kind, node->id);
  return g_string_free (key, FALSE);
}

static gboolean
same_shape (const SzTreeNode *a,
            const SzTreeNode *b)
{
  if (a->kind != b->kind || a->id != b->id || a->children->len != b->children->len)
    return FALSE;
  for (guint i = 0; i < a->children->len; i++)
    if (!same_shape (a->children->pdata[i], b->children->pdata[i]))
      return FALSE;
  return TRUE;
}

static void
map_nodes (SzTreeNode *a,
           SzTreeNode *b,
           GHashTable *map)
{
  g_hash_table_insert (map, a, b);
  for (guint i = 0; i < a->children->len; i++)
    map_nodes (a->children->pdata[i], b->children->pdata[i], map);
}

/* Same places in the same order, only counts, heads or labels changed
 * (the usual case: a field saved elsewhere): the rows stay, and so do the
 * scroll position, the expanded rows and the selection. */
static void
swap_snapshot (SzPlaceTree *self,
               Snapshot    *snapshot)
{
  g_autoptr(GHashTable) map = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->model));

  /* Only the rows shown have items: a collapsed row drops its children. */
  map_nodes (self->snapshot->root, snapshot->root, map);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->model, i);
      SzPlaceItem *item = gtk_tree_list_row_get_item (row);

      item->node = g_hash_table_lookup (map, item->node);
      snapshot_release (item->snapshot);
      item->snapshot = g_rc_box_acquire (snapshot);
      g_ptr_array_add (items, item);
    }
  snapshot_release (self->snapshot);
  self->snapshot = snapshot;
  for (guint i = 0; i < items->len; i++)
    g_signal_emit (items->pdata[i], item_changed_signal, 0);
}

/* A new shape: new rows, with the rows expanded that were, and the
 * community and grids new to the list expanded as at the start. */
static void
replace_snapshot (SzPlaceTree *self,
                  Snapshot    *snapshot)
{
  g_autoptr(GHashTable) expanded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) known = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GListStore) store = g_list_store_new (SZ_TYPE_PLACE_ITEM);
  g_autoptr(SzPlaceItem) root = sz_place_item_new (snapshot, snapshot->root);
  guint n = self->model ? g_list_model_get_n_items (G_LIST_MODEL (self->model)) : 0;

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->model, i);
      char *key = sz_place_tree_node_key (sz_place_tree_row_node (row));

      if (gtk_tree_list_row_get_expanded (row))
        g_hash_table_add (expanded, g_strdup (key));
      g_hash_table_add (known, key);
    }

  g_list_store_append (store, root);
  g_clear_object (&self->model);
  self->model = gtk_tree_list_model_new (G_LIST_MODEL (g_steal_pointer (&store)), FALSE, FALSE,
                                         create_children_cb, NULL, NULL);
  g_clear_pointer (&self->snapshot, snapshot_release);
  self->snapshot = snapshot;

  /* Expanding a row inserts its children after it: they are visited too. */
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->model)); i++)
    {
      g_autoptr(GtkTreeListRow) row = gtk_tree_list_model_get_row (self->model, i);
      SzTreeNode *node = sz_place_tree_row_node (row);
      g_autofree char *key = NULL;

      if (node == NULL || node->children->len == 0)
        continue;
      key = sz_place_tree_node_key (node);
      if (g_hash_table_contains (expanded, key)
          || (!g_hash_table_contains (known, key)
              && (node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID)))
        gtk_tree_list_row_set_expanded (row, TRUE);
    }
}

gboolean
sz_place_tree_set_root (SzPlaceTree *self,
                        SzTreeNode  *root)
{
  Snapshot *snapshot;

  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), FALSE);
  g_return_val_if_fail (root != NULL, FALSE);

  snapshot = g_rc_box_new0 (Snapshot);
  snapshot->root = root;
  self->has_grids = FALSE;
  self->has_compounds = FALSE;
  for (guint i = 0; i < root->children->len; i++)
    {
      SzTreeNode *child = root->children->pdata[i];

      /* Compounds show under their grids, or under the community while
       * they have no buildings. */
      if (child->kind == SZ_NODE_GRID)
        self->has_grids = TRUE;
      if (child->kind == SZ_NODE_COMPOUND || child->children->len > 0)
        self->has_compounds = TRUE;
    }
  if (self->snapshot != NULL && same_shape (self->snapshot->root, root))
    {
      swap_snapshot (self, snapshot);
      return FALSE;
    }
  replace_snapshot (self, snapshot);
  return TRUE;
}

static SzTreeNode *
find_node (SzTreeNode *node,
           SzNodeKind  kind,
           gint64      id)
{
  if (node->kind == kind && node->id == id)
    return node;
  for (guint i = 0; i < node->children->len; i++)
    {
      SzTreeNode *found = find_node (node->children->pdata[i], kind, id);

      if (found != NULL)
        return found;
    }
  return NULL;
}

SzTreeNode *
sz_place_tree_find (SzPlaceTree *self,
                    SzNodeKind   kind,
                    gint64       id)
{
  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), NULL);
  return self->snapshot ? find_node (self->snapshot->root, kind, id) : NULL;
}

SzTreeNode *
sz_place_tree_find_key (SzPlaceTree *self,
                        const char  *key,
                        gboolean    *complete)
{
  g_auto(GStrv) parts = NULL;
  SzTreeNode *node = NULL;
  guint n;

  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), NULL);
  g_return_val_if_fail (key != NULL && complete != NULL, NULL);

  *complete = FALSE;
  if (self->snapshot == NULL)
    return NULL;
  /* The key runs from the node up to the community; its last part is
   * empty.  Walk it down from the community. */
  parts = g_strsplit (key, "/", -1);
  n = g_strv_length (parts);
  for (int i = (int) n - 2; i >= 0; i--)
    {
      SzTreeNode *next = NULL;

      if (node == NULL)
        {
          g_autofree char *part = g_strdup_printf ("%d:%" G_GINT64_FORMAT, SZ_NODE_COMMUNITY,
                                                   self->snapshot->root->id);
          if (g_strcmp0 (part, parts[i]) == 0)
            next = self->snapshot->root;
        }
      for (guint c = 0; node != NULL && c < node->children->len && next == NULL; c++)
        {
          SzTreeNode *child = node->children->pdata[c];
          g_autofree char *part = g_strdup_printf ("%d:%" G_GINT64_FORMAT, child->kind, child->id);

          if (g_strcmp0 (part, parts[i]) == 0)
            next = child;
        }
      if (next == NULL)
        return node;
      node = next;
    }
  *complete = node != NULL;
  return node;
}

guint
sz_place_tree_reveal (SzPlaceTree      *self,
                      const SzTreeNode *node)
{
  g_autoptr(GPtrArray) path = g_ptr_array_new ();
  GtkTreeListRow *row;
  guint position;

  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), GTK_INVALID_LIST_POSITION);
  g_return_val_if_fail (node != NULL, GTK_INVALID_LIST_POSITION);

  for (const SzTreeNode *n = node; n != NULL; n = n->parent)
    g_ptr_array_insert (path, 0, (gpointer) n);
  row = self->model ? gtk_tree_list_model_get_row (self->model, 0) : NULL;
  if (row == NULL || sz_place_tree_row_node (row) != path->pdata[0])
    {
      g_clear_object (&row);
      return GTK_INVALID_LIST_POSITION;
    }
  /* A node's children are its row's child rows, in the same order. */
  for (guint d = 1; d < path->len; d++)
    {
      GtkTreeListRow *child;
      guint index;

      if (!g_ptr_array_find (((SzTreeNode *) path->pdata[d - 1])->children, path->pdata[d], &index))
        break;
      gtk_tree_list_row_set_expanded (row, TRUE);
      child = gtk_tree_list_row_get_child_row (row, index);
      if (child == NULL)
        break;
      g_object_unref (row);
      row = child;
    }
  position = gtk_tree_list_row_get_position (row);
  g_object_unref (row);
  return position;
}

SzTreeNode *
sz_place_tree_find_match (SzPlaceTree      *self,
                          const char       *query,
                          const SzTreeNode *after,
                          int               direction)
{
  Snapshot *s;
  g_autofree char *folded = NULL;
  guint start = 0;
  guint n;

  g_return_val_if_fail (SZ_IS_PLACE_TREE (self), NULL);
  g_return_val_if_fail (direction == 1 || direction == -1, NULL);

  s = self->snapshot;
  if (query == NULL || *query == '\0' || s == NULL)
    return NULL;
  snapshot_index (s);
  n = s->flat->len;
  folded = g_utf8_casefold (query, -1);
  if (after != NULL && g_ptr_array_find (s->flat, after, &start))
    start = (start + n + direction) % n;
  else if (direction < 0)
    start = n - 1;
  for (guint k = 0; k < n; k++)
    {
      guint i = (guint) (((gint64) start + (gint64) direction * k + (gint64) n * n) % n);

      if (snapshot_matches (s, i, query, folded))
        return s->flat->pdata[i];
    }
  return NULL;
}
