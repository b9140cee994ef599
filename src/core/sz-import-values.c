/* sz-import-values.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-import-private.h"
#include "sz-phone.h"
#include "sz-validate.h"

/* Reading one cell as offices write it. */

/* 三, 十二, 二十, 二十三: the numerals offices write grid and unit
 * numbers in (1..99); -1 for anything else. */
static int
chinese_numeral (const char *p)
{
  static const char *digits[] = { "零", "一", "二", "三", "四", "五", "六", "七", "八", "九" };
  gboolean seen_ten = FALSE;
  int tens = 0, units = -1;

  while (*p)
    {
      gboolean matched = FALSE;

      if (g_str_has_prefix (p, "十"))
        {
          if (seen_ten)
            return -1;
          tens = units < 0 ? 1 : units;
          units = -1;
          seen_ten = TRUE;
          p += strlen ("十");
          continue;
        }
      for (int d = 0; d < 10 && !matched; d++)
        if (g_str_has_prefix (p, digits[d]))
          {
            if (units >= 0)
              return -1;
            units = d;
            p += strlen (digits[d]);
            matched = TRUE;
          }
      if (!matched)
        return -1;
    }
  if (!seen_ten)
    return units > 0 ? units : -1;
  return tens * 10 + (units < 0 ? 0 : units);
}

char *
sz_import_fold_identifier (const char *text)
{
  g_autofree char *nfkc = NULL;
  gboolean ascii = TRUE;
  GString *out;

  for (const char *p = text; *p && ascii; p++)
    ascii = (guchar) *p < 0x80;
  if (ascii)
    return g_strdup (text);   /* nothing to fold: most cells */
  if (!g_utf8_validate (text, -1, NULL))
    return g_strdup ("");
  /* NFKC folds full-width digits and letters, but also more (㈠, ½):
   * take its result only for the characters it folds to ASCII. */
  out = g_string_new (NULL);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c >= 0xFF01 && c <= 0xFF5E)
        g_string_append_c (out, (char) (c - 0xFF01 + 0x21));
      else if (c == 0x3000)
        g_string_append_c (out, ' ');
      else
        g_string_append_unichar (out, c);
    }
  nfkc = g_string_free (out, FALSE);
  return g_utf8_normalize (nfkc, -1, G_NORMALIZE_NFC);
}

int
sz_import_parse_number (const char *text,
                        const char *suffix)
{
  g_autofree char *s = sz_import_fold_identifier (text);
  char *p = s;

  if (g_str_has_prefix (p, "第"))
    p += strlen ("第");
  if (suffix != NULL && g_str_has_suffix (p, suffix))
    p[strlen (p) - strlen (suffix)] = '\0';
  if (g_str_has_suffix (p, "号"))
    p[strlen (p) - strlen ("号")] = '\0';
  if (*p == '\0')
    return -1;
  if (g_ascii_isdigit (*p))
    {
      char *end = NULL;
      gint64 v = g_ascii_strtoll (p, &end, 10);
      return (*end == '\0' && v > 0 && v < 100000) ? (int) v : -1;
    }
  return chinese_numeral (p);
}

int
sz_import_parse_yes_no (const char *text)
{
  static const char *yes[] = { "是", "有", "同意", "已同意", "党员", "中共党员", "中共预备党员", "预备党员",
                               "√", "✓", "✔", "y", "yes", "true", "1", NULL };
  static const char *no[] = { "否", "无", "不同意", "未同意", "群众", "非党员", "×", "✗", "✘",
                              "n", "no", "false", "0", NULL };
  g_autofree char *folded = sz_import_fold_identifier (text);
  g_autofree char *lower = g_utf8_strdown (folded, -1);

  if (g_strv_contains (yes, lower))
    return 1;
  if (g_strv_contains (no, lower))
    return 0;
  return -1;
}

gboolean
sz_import_parse_level (const char *text,
                       SzLevel    *level)
{
  static const struct { const char *word; SzLevel level; } words[] = {
    { "网格长", SZ_LEVEL_GRID }, { "网格员", SZ_LEVEL_GRID },
    { "楼栋长", SZ_LEVEL_BUILDING }, { "楼长", SZ_LEVEL_BUILDING }, { "栋长", SZ_LEVEL_BUILDING },
    { "单元长", SZ_LEVEL_UNIT },
  };
  g_autofree char *lower = NULL;

  /* The words rosters use, before the translated and English titles. */
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i].word))
      {
        *level = words[i].level;
        return TRUE;
      }
  lower = g_utf8_strdown (text, -1);
  for (SzLevel l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autofree char *title = g_utf8_strdown (sz_level_head_title (l), -1);
      g_autofree char *english = g_strconcat (sz_level_to_string (l), " head", NULL);

      if (g_str_equal (lower, title) || g_str_equal (lower, english) || g_str_equal (lower, sz_level_to_string (l)))
        {
          *level = l;
          return TRUE;
        }
    }
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (lower, words[i].word))
      {
        *level = words[i].level;
        return TRUE;
      }
  return FALSE;
}

const char *
sz_import_parse_background (const char *text)
{
  static const struct { const char *word; const char *code; } words[] = {
    { "社区干部", "cadre" }, { "社区工作者", "cadre" }, { "干部", "cadre" },
    /* Grid heads are mostly members of the residents' committee. */
    { "社区委员", "cadre" }, { "居委会委员", "cadre" }, { "社区两委委员", "cadre" }, { "两委委员", "cadre" },
    { "社区专职工作者", "cadre" }, { "专职网格员", "cadre" }, { "网格员", "cadre" },
    { "在职党员", "party_member" }, { "退休党员", "party_member" },
    { "退休干部", "retired_cadre" }, { "退休教师", "retired_teacher" },
    { "党员", "party_member" }, { "居民志愿者", "volunteer" }, { "志愿者", "volunteer" },
    { "居民代表", "resident_representative" }, { "其他", "other" }, { "其它", "other" },
  };
  const char * const *codes = sz_person_backgrounds ();

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i].word))
      return words[i].code;
  for (guint i = 0; codes[i]; i++)
    if (g_ascii_strcasecmp (text, codes[i]) == 0 || g_str_equal (text, sz_person_background_title (codes[i])))
      return codes[i];
  return NULL;
}

gboolean
sz_import_parse_chosen (const char *text,
                        SzChosenBy *chosen)
{
  static const char *words[] = { "选举", "推荐", "自荐", "任命" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_equal (text, words[i]) || g_str_equal (text, sz_chosen_by_title (i))
        || g_ascii_strcasecmp (text, sz_chosen_by_to_string (i)) == 0)
      {
        *chosen = i;
        return TRUE;
      }
  if (g_str_equal (text, "自我推荐") || g_str_equal (text, "毛遂自荐"))
    {
      *chosen = SZ_CHOSEN_SELF_NOMINATION;
      return TRUE;
    }
  if (g_str_equal (text, "选任") || g_str_equal (text, "民主选举") || g_str_equal (text, "居民选举"))
    {
      *chosen = SZ_CHOSEN_ELECTION;
      return TRUE;
    }
  return FALSE;
}

gboolean
sz_import_parse_gender (const char  *text,
                        const char **gender)
{
  g_autofree char *folded = sz_import_fold_identifier (text);

  if (g_str_equal (folded, "男") || g_ascii_strcasecmp (folded, "male") == 0 || g_ascii_strcasecmp (folded, "m") == 0)
    *gender = "male";
  else if (g_str_equal (folded, "女") || g_ascii_strcasecmp (folded, "female") == 0 || g_ascii_strcasecmp (folded, "f") == 0)
    *gender = "female";
  else
    return FALSE;
  return TRUE;
}

/* Phones */

static gboolean
all_digits (const char *s)
{
  if (*s == '\0')
    return FALSE;
  for (; *s; s++)
    if (!g_ascii_isdigit (*s))
      return FALSE;
  return TRUE;
}

/* 1.38E+10, 1.3800001234e10: what Excel writes to CSV for a phone in a
 * number column too narrow to show it. */
static gboolean
is_scientific (const char *s)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once, (gsize) g_regex_new ("^[+-]?\\d+(\\.\\d+)?[eE][+-]?\\d+$", G_REGEX_OPTIMIZE, 0, NULL));
  return g_regex_match ((GRegex *) once, s, 0, NULL);
}

gboolean
sz_import_read_phone (SzImport       *im,
                      guint           row,
                      SzImportField   field,
                      char          **phone)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = sz_import_fold_identifier (sz_import_cell (im, row, field));
  g_autofree char *quoted = NULL;
  SzCellKind kind = sz_import_cell_kind (im, row, field);
  int column = sz_import_get_column (im, field);
  char *value;

  *phone = NULL;
  if (*text == '\0')
    return TRUE;

  /* The common case first: a phone as people type it. */
  if (kind != SZ_CELL_NUMBER || all_digits (text))
    {
      value = g_strdup (text);
      if (!is_scientific (text) && (kind != SZ_CELL_NUMBER || strlen (text) <= 15)
          && sz_validate_person_phone (sz_import_header (im, field), &value, FALSE, NULL))
        {
          *phone = value;
          return TRUE;
        }
      g_free (value);
    }
  quoted = sz_import_quote (text);

  if (is_scientific (text) || (kind == SZ_CELL_NUMBER && !all_digits (text)))
    {
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                         /* Translators: the cell's value, as the spreadsheet stored it */
                         _("%s is a number the spreadsheet has rounded or shown in scientific notation; its digits are "
                           "lost. Format the column as text (文本) in WPS or Excel, type the phone numbers again, and "
                           "save."), quoted);
      return FALSE;
    }
  if (kind == SZ_CELL_NUMBER && strlen (text) > 15)
    {
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                         /* Translators: the cell's value */
                         _("%s has more digits than a spreadsheet keeps in a number cell (15): the last ones were "
                           "rounded. Format the column as text (文本), type the number again, and save."), quoted);
      return FALSE;
    }

  value = g_strdup (text);
  /* A head's phone: a service number (12345) is refused here too. */
  if (sz_validate_person_phone (sz_import_header (im, field), &value, FALSE, &error))
    {
      *phone = value;
      return TRUE;
    }
  g_free (value);

  /* 0431 88886666 typed into a number column: the spreadsheet drops the
   * 0 and keeps 43188886666, which is no phone at all. */
  if (all_digits (text) && text[0] != '0' && text[0] != '1' && strlen (text) >= 9 && strlen (text) <= 11)
    {
      g_autofree char *with_zero = g_strconcat ("0", text, NULL);
      g_autoptr(GError) landline_error = NULL;
      g_autofree char *normal = sz_phone_normalize (with_zero, sz_import_header (im, field), NULL, &landline_error);

      if (normal != NULL)
        {
          sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                             /* Translators: the cell's value, then the phone it most likely was */
                             _("%s looks like the landline %s whose leading 0 was dropped: spreadsheets drop it in "
                               "number cells. Format the column as text (文本) and type the number with its 0."),
                             quoted, normal);
          return FALSE;
        }
    }
  sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column, "%s", error->message);
  return FALSE;
}

/* Dates */

gboolean
sz_import_read_date (SzImport       *im,
                     guint           row,
                     SzImportField   field,
                     char          **date)
{
  g_autoptr(GError) error = NULL;
  const char *text = sz_import_cell (im, row, field);
  SzCellKind kind = sz_import_cell_kind (im, row, field);
  int column = sz_import_get_column (im, field);
  char *value;

  *date = NULL;
  if (*text == '\0')
    return TRUE;
  if (kind == SZ_CELL_DATE && strlen (text) >= 10)
    value = g_strndup (text, 10);
  else if (kind == SZ_CELL_NUMBER && all_digits (text) && strlen (text) == 5)
    {
      /* A date column formatted as a number (常规) shows Excel's serial day. */
      g_autofree char *serial = sz_table_format_serial_date (g_ascii_strtod (text, NULL), FALSE);

      if (serial == NULL)
        value = g_strdup (text);
      else
        {
          value = g_strndup (serial, 10);
          sz_import_problem (im, SZ_IMPORT_PROBLEM_FIXED, row, column,
                             /* Translators: a number, then the date it was read as */
                             _("%s was read as the spreadsheet date %s (the cell is formatted as a number)."),
                             text, value);
        }
    }
  else
    value = sz_import_fold_identifier (text);

  if (!sz_validate_date (sz_import_header (im, field), &value, FALSE, &error))
    {
      g_free (value);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column, "%s", error->message);
      return FALSE;
    }
  *date = value;
  return TRUE;
}
