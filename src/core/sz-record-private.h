/* sz-record-private.h: shared by the record modules of src/core.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-record.h"

G_BEGIN_DECLS

/* Folds the record's history again and stores the state in record_state
 * (inside the caller's transaction); @state may be NULL. */
gboolean sz_record_refresh_state (SzDb           *db,
                                  const SzRecord *record,
                                  SzRecordState  *state,
                                  GError        **error);

/* sz_record_act() with the time the entry was written down given: for the
 * demo's made-up histories, written "as they happened". */
gboolean sz_record_act_entered   (SzDb           *db,
                                  SzRecordEvent  *event,
                                  gint64          entered_at,
                                  GError        **error);

gboolean sz_record_add_entered   (SzDb           *db,
                                  SzRecord       *record,
                                  const char     *note,
                                  gint64          entered_at,
                                  GError        **error);

G_END_DECLS
