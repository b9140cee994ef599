/* fuzz-xlsx.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-fuzz.h"
#include "sz-xlsx.h"

/* Any bytes, read as an .xlsx workbook: its first sheet, then each sheet
 * it names. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTable) table = NULL;
  const char * const *sheets;

  sz_fuzz_init ();
  table = sz_xlsx_parse (bytes, "fuzz.xlsx", NULL, &error);
  g_assert ((table == NULL) != (error == NULL));
  sz_fuzz_walk_table (table);
  sheets = table != NULL ? sz_table_get_sheet_names (table) : NULL;
  for (guint i = 0; sheets != NULL && sheets[i] != NULL && i < 4; i++)
    {
      g_autoptr(GError) sheet_error = NULL;
      g_autoptr(SzTable) sheet = sz_xlsx_parse (bytes, "fuzz.xlsx", sheets[i], &sheet_error);

      g_assert ((sheet == NULL) != (sheet_error == NULL));
      sz_fuzz_walk_table (sheet);
    }
  return 0;
}
