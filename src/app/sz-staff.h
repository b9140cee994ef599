/* sz-staff.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sz-db.h"
#include "sz-session.h"

G_BEGIN_DECLS

/* Who works the app: the staff member's name set in the preferences
 * ("staff-name"), which records and the audit log name as the one who
 * entered a record or did what its history says.  Without one, the login
 * account, as before. */

#define SZ_STAFF_NAME_KEY "staff-name"

/* Whether @settings has the key (FALSE for NULL: tests without settings). */
gboolean    sz_staff_has_setting   (GSettings *settings);
/* The name set, trimmed, or NULL when none is. */
char       *sz_staff_name          (GSettings *settings);
/* Makes @db's actor the name set, else the login account. */
void        sz_staff_apply         (SzDb      *db,
                                    GSettings *settings);
/* Keeps the session's database's actor following the setting: now, at
 * each change of it, and after a restore opens another database.  Once
 * per session; calling it again does nothing. */
void        sz_staff_follow        (SzSession *session);

G_END_DECLS
