/* sz-place-tree.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"
#include "sz-tree.h"

G_BEGIN_DECLS

#define SZ_TYPE_PLACE_TREE (sz_place_tree_get_type ())
G_DECLARE_FINAL_TYPE (SzPlaceTree, sz_place_tree, SZ, PLACE_TREE, GObject)

/* The sidebar's model: a snapshot of one community's places (from
 * sz_tree_load()) as a GtkTreeListModel of GtkTreeListRows whose children
 * are made only when a row is expanded.  Each row's item emits "changed"
 * when a reload of the same shape puts a newer node under it. */

SzPlaceTree      *sz_place_tree_new           (void);
/* NULL before the first sz_place_tree_set_root(). */
GtkTreeListModel *sz_place_tree_get_model     (SzPlaceTree      *self);
SzTreeNode       *sz_place_tree_get_root      (SzPlaceTree      *self);
gboolean          sz_place_tree_has_grids     (SzPlaceTree      *self);
gboolean          sz_place_tree_has_compounds (SzPlaceTree      *self);

/* Takes @root.  The same places in the same order: the rows stay and show
 * the new nodes; returns FALSE.  Otherwise a new model, with the rows
 * expanded that were and the community and new grids expanded; returns
 * TRUE (get the model again). */
gboolean          sz_place_tree_set_root      (SzPlaceTree      *self,
                                               SzTreeNode       *root);

/* The node a row of the model shows (alive while the tree is). */
SzTreeNode       *sz_place_tree_row_node      (GtkTreeListRow   *row);
/* The first node of @kind and @id, in the order the rows show them. */
SzTreeNode       *sz_place_tree_find          (SzPlaceTree      *self,
                                               SzNodeKind        kind,
                                               gint64            id);
/* Where a node is, from the community down, as a string: a compound
 * spanning two grids has one key per grid.  Outlives the node. */
char             *sz_place_tree_node_key      (const SzTreeNode *node);
/* The node at @key, or the deepest one on the way to it (*@complete
 * FALSE); NULL when even the community differs. */
SzTreeNode       *sz_place_tree_find_key      (SzPlaceTree      *self,
                                               const char       *key,
                                               gboolean         *complete);
/* Expands the rows above @node; its row's position in the model. */
guint             sz_place_tree_reveal        (SzPlaceTree      *self,
                                               const SzTreeNode *node);
/* The next node after @after (NULL: from the top) in @direction (1, -1),
 * wrapping, whose label contains @query or matches it by pinyin. */
SzTreeNode       *sz_place_tree_find_match    (SzPlaceTree      *self,
                                               const char       *query,
                                               const SzTreeNode *after,
                                               int               direction);

G_END_DECLS
