/* sz-sheet-formats.c: which number formats show a date, for the .xlsx
 * and .xls readers.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-sheet-formats-private.h"

/* Built-in formats that are dates in the zh-CN locale (Excel's and WPS's
 * tables): 14–17 and 22 everywhere; 27–31, 36, 50–54, 57, 58 are the
 * Chinese 年/月/日 forms.  18–21, 32–35, 45–47, 55, 56 are times of day:
 * a time is not a date, so those stay numbers. */
gboolean
_sz_sheet_builtin_format_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
         || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* A format code is a date when its first section uses a year, day or era
 * code outside quoted text, escapes and [brackets] ([$-804] locales,
 * [DBNum1], colours, conditions, [h] elapsed time); "m" alone may be
 * minutes, and a time is not a date. */
gboolean
_sz_sheet_format_code_is_date (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
        case '_':
        case '*':
          /* An escaped, a spacing or a repeated character */
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case '[':
          p = strchr (p, ']');
          if (p == NULL)
            return FALSE;
          break;
        case ';':
          return FALSE;
        case 'G':
        case 'g':
          if (g_ascii_strncasecmp (p, "general", 7) == 0)
            {
              p += 6;
              break;
            }
          return TRUE;
        case 'E':
        case 'e':
          /* 0.00E+00 is scientific */
          if (p[1] == '+' || p[1] == '-')
            break;
          return TRUE;
        case 'Y':
        case 'y':
        case 'D':
        case 'd':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}
