/* sz-server.h: the street office's server: its staff and the communities
 * each may see (row-level security, sql/pg/0009-wechat-groups.sql).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

#define SZ_SERVER_ERROR (sz_server_error_quark ())

typedef enum
{
  SZ_SERVER_ERROR_NOT_A_SERVER, /* a SQLite file */
  SZ_SERVER_ERROR_BAD_NAME,     /* a staff member's login name */
} SzServerError;

/* One line of who may see what: a community (its id and name), or every
 * community for the street office (community_id 0). */
typedef struct
{
  char   *role;
  gint64  community_id;
  char   *community;
} SzServerGrant;

GQuark     sz_server_error_quark  (void);
void       sz_server_grant_free   (SzServerGrant *grant);

/* Lets the staff member @role (a login made now if missing, with
 * @password when given: stored by the server as a SCRAM hash) see and edit
 * @community_id, or with 0 every community (the street office).  Needs
 * the server's administrator.  One transaction. */
gboolean   sz_server_grant        (SzDb          *db,
                                   const char    *role,
                                   gint64         community_id,
                                   const char    *password,
                                   GError       **error);
/* Takes back what sz_server_grant() gave; the login stays. */
gboolean   sz_server_revoke       (SzDb          *db,
                                   const char    *role,
                                   gint64         community_id,
                                   GError       **error);
/* Every grant, by staff member (SzServerGrant). */
GPtrArray *sz_server_list_grants  (SzDb          *db,
                                   GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzServerGrant, sz_server_grant_free)

G_END_DECLS
