/* fuzz-csv.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-csv.h"
#include "sz-fuzz.h"

/* Any bytes, read as a CSV/TXT roster: detected, then with each encoding
 * a user can choose; every cell of what comes back is read. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  const char * const *encodings = sz_table_encodings ();

  sz_fuzz_init ();
  for (int i = -1; encodings[i + 1] != NULL && (i < 0 || size < 4096); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(SzTable) table = sz_csv_parse (bytes, "fuzz.csv", i < 0 ? NULL : encodings[i], &error);

      g_assert ((table == NULL) != (error == NULL));
      sz_fuzz_walk_table (table);
    }
  return 0;
}
