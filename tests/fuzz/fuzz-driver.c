/* fuzz-driver.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>

#include "sz-fuzz.h"

/* Without libFuzzer (gcc builds): runs the target once on every file of
 * the folders or files named, so the seed corpus is a regression test
 * under the sanitizers of the normal suite. */
int
main (int    argc,
      char **argv)
{
  guint n = 0;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (argv[i], 0, NULL);
      const char *name;

      if (dir == NULL)
        {
          g_autofree char *contents = NULL;
          gsize len = 0;

          if (!g_file_get_contents (argv[i], &contents, &len, NULL))
            {
              g_printerr ("%s: cannot read\n", argv[i]);
              return 1;
            }
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
          n++;
          continue;
        }
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (argv[i], name, NULL);
          g_autofree char *contents = NULL;
          gsize len = 0;

          if (!g_file_get_contents (path, &contents, &len, NULL))
            continue;
          LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
          n++;
        }
    }
  if (n == 0)
    {
      g_printerr ("no input files\n");
      return 1;
    }
  g_print ("%u inputs run\n", n);
  return 0;
}
