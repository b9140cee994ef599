/* sz-fuzz.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <locale.h>
#include <stdint.h>
#include <stdlib.h>

#include "sz-table.h"

int LLVMFuzzerTestOneInput (const uint8_t *data,
                            size_t         size);

static inline void
sz_fuzz_init (void)
{
  static gboolean done;

  if (done)
    return;
  done = TRUE;
  setlocale (LC_ALL, "C.UTF-8");
  /* A warning is a bug: make it a crash the fuzzer reports. */
  g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
}

/* Reads every cell of every row, and checks what the table promises:
 * valid UTF-8, rows in order. */
static inline void
sz_fuzz_walk_table (SzTable *table)
{
  guint last = 0;

  if (table == NULL)
    return;
  for (guint r = 0; r < sz_table_get_n_all_rows (table); r++)
    {
      guint line = sz_table_get_all_line (table, r);

      g_assert (line > last);
      last = line;
      for (guint c = 0; c < sz_table_get_n_columns (table); c++)
        g_assert (g_utf8_validate (sz_table_get_all (table, r, c), -1, NULL));
    }
  for (guint r = 0; r < sz_table_get_n_rows (table); r++)
    for (guint c = 0; c < sz_table_get_n_columns (table); c++)
      (void) sz_table_get_kind (table, r, c);
}
