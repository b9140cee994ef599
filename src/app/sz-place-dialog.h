/* sz-place-dialog.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

/* The sidebar's small dialogs: the name inputs for adding, renaming and
 * moving places, and the question before deleting one.  A refused save
 * shows the core's message under the form and the dialog stays open. */

typedef enum
{
  SZ_PLACE_DIALOG_ADD_GRID,
  SZ_PLACE_DIALOG_ADD_COMPOUND,
  SZ_PLACE_DIALOG_ADD_BUILDING,
  SZ_PLACE_DIALOG_ADD_UNITS,
  SZ_PLACE_DIALOG_RENAME,
  SZ_PLACE_DIALOG_MOVE,
} SzPlaceDialogKind;

/* Opens the dialog for @kind, asked from the row of @node (borrowed: what
 * the dialog needs is copied), modal over @parent's window. */
GtkWidget *sz_place_dialog_new             (GtkWidget          *parent,
                                            SzSession          *session,
                                            SzPlaceDialogKind   kind,
                                            const SzTreeNode   *node);
/* Asks, saying what goes with it, then deletes @node's place. */
void       sz_place_dialog_delete          (GtkWidget          *parent,
                                            SzSession          *session,
                                            const SzTreeNode   *node);
/* The question's title and detail for deleting @node: counts from @node's
 * tree, hotlines from the core. */
void       sz_place_dialog_describe_delete (SzSession          *session,
                                            const SzTreeNode   *node,
                                            char              **title,
                                            char              **detail);

G_END_DECLS
