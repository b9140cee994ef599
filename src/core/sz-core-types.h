/* sz-core-types.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _SzDb SzDb;
typedef struct _SzStmt SzStmt;

/* The three levels of heads, and the places they cover. */
typedef enum
{
  SZ_LEVEL_GRID,
  SZ_LEVEL_BUILDING,
  SZ_LEVEL_UNIT,
} SzLevel;

#define SZ_N_LEVELS 3

const char *sz_level_to_string   (SzLevel     level);
gboolean    sz_level_from_string (const char *str,
                                  SzLevel    *level);
/* "Grid head", "Building head", "Unit head", translated. */
const char *sz_level_head_title  (SzLevel     level);
/* "Grid", "Building", "Unit", translated. */
const char *sz_level_place_title (SzLevel     level);

G_END_DECLS
