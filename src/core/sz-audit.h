/* sz-audit.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

typedef struct
{
  gint64  id;
  char   *at;          /* UTC, ISO 8601 */
  char   *actor;       /* OS user (or what the program set) */
  char   *entity;      /* table: "grid", "person", … */
  gint64  entity_id;
  char   *action;      /* "insert", "update", "delete" */
  char   *old_values;  /* JSON object, NULL for an insert */
  char   *new_values;  /* JSON object, NULL for a delete */
} SzAuditEntry;

void       sz_audit_entry_free        (SzAuditEntry  *entry);

/* (Re)creates the triggers that log every change of the roster tables,
 * from the tables' current columns: run after each migration, inside its
 * transaction, so a new column is logged without anyone remembering to. */
gboolean   sz_audit_install_triggers  (SzDb          *db,
                                       GError       **error);

/* Newest first.  @entity NULL for all; @entity_id 0 for all of @entity. */
GPtrArray *sz_audit_list              (SzDb          *db,
                                       const char    *entity,
                                       gint64         entity_id,
                                       guint          limit,
                                       GError       **error);
/* Row versions, for edits based on what a form read: the id of the log's
 * last entry about @entity @id (0: none), read when the form opened. */
gint64     sz_audit_version           (SzDb          *db,
                                       const char    *entity,
                                       gint64         id,
                                       GError       **error);
/* Who made the log's last entry about @entity @id, and when (local time,
 * "2026-12-07 16:58"); FALSE with *@actor NULL when there is none. */
gboolean   sz_audit_last_change       (SzDb          *db,
                                       const char    *entity,
                                       gint64         id,
                                       char         **actor,
                                       char         **at,
                                       GError       **error);
/* Inside the save's transaction: refuses with SZ_DB_ERROR_STALE, naming
 * who changed the row and when, if its version moved past @version (0:
 * not checked).  On a server the row is locked first (@lock_sql: SELECT …
 * FOR UPDATE with ?1 the id), so that two saves cannot both pass. */
gboolean   sz_audit_check_version     (SzDb          *db,
                                       const char    *entity,
                                       const char    *lock_sql,
                                       gint64         id,
                                       gint64         version,
                                       const char    *what,
                                       GError       **error);
gint64     sz_audit_count             (SzDb          *db,
                                       GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzAuditEntry, sz_audit_entry_free)

G_END_DECLS
