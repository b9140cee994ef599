/* sz-copy.h: a whole database from one engine to the other.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

#define SZ_COPY_ERROR (sz_copy_error_quark ())

typedef enum
{
  SZ_COPY_ERROR_SCHEMA,     /* the two data formats differ */
  SZ_COPY_ERROR_NOT_EMPTY,  /* the destination holds communities */
  SZ_COPY_ERROR_MISMATCH,   /* read back, the copy differs */
} SzCopyError;

/* A table copied: its rows and the hash of its content on both sides
 * (equal, or the copy failed). */
typedef struct
{
  char    *name;
  gint64   rows;
  guint64  hash_from;
  guint64  hash_to;
} SzCopyTable;

GQuark     sz_copy_error_quark (void);

/* Copies every community of @from, with its ids, records' histories,
 * points ledger and audit log as they are, into @to (a file or a server
 * at the same data format, holding no community yet) in one transaction;
 * then counts and hashes every table on both sides.  A server destination
 * needs its administrator (the copy sets session_replication_role so that
 * the rows arrive as they were, not as new changes).  Returns the tables
 * (SzCopyTable), or NULL with nothing changed. */
GPtrArray *sz_copy_database    (SzDb     *from,
                                SzDb     *to,
                                GError  **error);

G_END_DECLS
