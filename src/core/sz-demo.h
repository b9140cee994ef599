/* sz-demo.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* The demo community's key file, in the core's resources. */
#define SZ_DEMO_RESOURCE "/org/sanzhang/Sanzhang/core/demo/demo-community.ini"

/* Loads the fictional demo community (resources/demo/demo-community.ini)
 * and a few months of made-up issue records up to now, and volunteer
 * points (sz_demo_load_points()), in one transaction.  Refused when the database already holds a
 * community, so that made-up people never mix with real ones. */
gboolean sz_demo_load          (SzDb         *db,
                                gint64       *community_id,
                                GError      **error);

/* The same from any key file in that format (used by tests). */
gboolean sz_demo_load_key_file (SzDb         *db,
                                GKeyFile     *key_file,
                                gint64       *community_id,
                                GError      **error);

/* Made-up issue records for @community_id from the first day of the month
 * three months before @now (0: now) until @now, from a fixed seed. */
gboolean sz_demo_load_records  (SzDb         *db,
                                gint64        community_id,
                                gint64        now,
                                GError      **error);

/* Made-up volunteer points for @community_id (sz-demo-points.c): occasions
 * since January of the year before @now (0: now), credits for resolved
 * records, a small catalogue with redemptions, last year's honours (final)
 * and one of this year in publicity.  From a fixed seed. */
gboolean sz_demo_load_points   (SzDb         *db,
                                gint64        community_id,
                                gint64        now,
                                GError      **error);

G_END_DECLS
