/* fuzz-xls.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-fuzz.h"
#include "sz-xls.h"

/* Any bytes, read as an .xls workbook through libfreexl. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;

  sz_fuzz_init ();
  table = sz_xls_parse (bytes, "fuzz.xls", NULL, &error);
  g_assert ((table == NULL) != (error == NULL));
  sz_fuzz_walk_table (table);
  return 0;
}
