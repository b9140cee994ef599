/* sz-validate.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-phone.h"
#include "sz-pinyin.h"
#include "sz-roster.h"
#include "sz-validate.h"

G_DEFINE_QUARK (sz-roster-error-quark, sz_roster_error)

/* Levels */

static const char * const level_names[SZ_N_LEVELS] = { "grid", "building", "unit" };

const char *
sz_level_to_string (SzLevel level)
{
  g_return_val_if_fail (level < SZ_N_LEVELS, NULL);
  return level_names[level];
}

gboolean
sz_level_from_string (const char *str,
                      SzLevel    *level)
{
  for (guint i = 0; i < SZ_N_LEVELS; i++)
    if (g_strcmp0 (str, level_names[i]) == 0)
      {
        *level = i;
        return TRUE;
      }
  return FALSE;
}

const char *
sz_level_head_title (SzLevel level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID: return _("Grid head");
    case SZ_LEVEL_BUILDING: return _("Building head");
    case SZ_LEVEL_UNIT: return _("Unit head");
    default: g_return_val_if_reached (NULL);
    }
}

const char *
sz_level_place_title (SzLevel level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID: return _("Grid");
    case SZ_LEVEL_BUILDING: return _("Building");
    case SZ_LEVEL_UNIT: return _("Unit");
    default: g_return_val_if_reached (NULL);
    }
}

/* Validation shared by the core's modules */

gboolean
sz_validate_text (const char  *field,
                  char       **value,
                  gboolean     required,
                  guint        max_chars,
                  GError     **error)
{
  const char *p;

  if (*value != NULL && !g_utf8_validate (*value, -1, NULL))
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: %s is a field name */
                   _("%s: the text is not valid UTF-8 (was the file saved in another encoding?)"), field);
      return FALSE;
    }
  if (*value != NULL)
    {
      /* Spreadsheets leave blanks, and full-width spaces, at either end. */
      char *start = *value;
      char *end;

      while (*start == ' ' || *start == '\t' || strncmp (start, "\u3000", 3) == 0)
        start += *start == ' ' || *start == '\t' ? 1 : 3;
      memmove (*value, start, strlen (start) + 1);
      end = *value + strlen (*value);
      while (end > *value && (end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n'
                              || (end - *value >= 3 && strncmp (end - 3, "\u3000", 3) == 0)))
        end -= end[-1] == ' ' || end[-1] == '\t' || end[-1] == '\r' || end[-1] == '\n' ? 1 : 3;
      *end = '\0';
    }
  if (*value == NULL || **value == '\0')
    {
      if (required)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: %s is a field name */
                       _("%s must not be empty."), field);
          return FALSE;
        }
      return TRUE;
    }
  for (p = *value; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      if (g_unichar_iscntrl (c) && c != '\n')
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: the first %s is a field name, the second its value */
                       _("%s: “%s” contains a control character."), field, *value);
          return FALSE;
        }
    }
  if (max_chars > 0 && g_utf8_strlen (*value, -1) > max_chars)
    {
      /* A pasted page would drown the message: quote its start only. */
      g_autofree char *start = g_utf8_substring (*value, 0, 20);
      g_autofree char *quoted = g_utf8_strlen (*value, -1) > 24 ? g_strconcat (start, "…", NULL) : g_strdup (*value);

      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: the first %s is a field name, the second its value */
                   _("%s: “%s” is too long (at most %u characters)."), field, quoted, max_chars);
      return FALSE;
    }
  return TRUE;
}

/* A blank optional field becomes NULL (and is fine); a blank required one
 * is an error.  Returns whether @value was blank, with the verdict in @ok. */
static gboolean
is_blank (const char  *field,
          char       **value,
          gboolean     required,
          gboolean    *ok,
          GError     **error)
{
  if (*value != NULL && g_strstrip (*value)[0] != '\0')
    return FALSE;
  g_clear_pointer (value, g_free);
  *ok = !required;
  if (required)
    g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                 /* Translators: %s is a field name */
                 _("%s must not be empty."), field);
  return TRUE;
}

gboolean
sz_validate_phone (const char  *field,
                   char       **value,
                   gboolean     required,
                   GError     **error)
{
  g_autoptr(GError) phone_error = NULL;
  gboolean blank_ok;
  char *normal;

  if (is_blank (field, value, required, &blank_ok, error))
    return blank_ok;
  normal = sz_phone_normalize (*value, field, NULL, &phone_error);
  if (normal == NULL)
    {
      /* One domain for everything the user typed wrong. */
      g_set_error_literal (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID, phone_error->message);
      return FALSE;
    }
  g_free (*value);
  *value = normal;
  return TRUE;
}

gboolean
sz_validate_person_phone (const char  *field,
                          char       **value,
                          gboolean     required,
                          GError     **error)
{
  g_autofree char *typed = *value != NULL ? g_strstrip (g_strdup (*value)) : NULL;
  SzPhoneKind kind;

  if (!sz_validate_phone (field, value, required, error))
    return FALSE;
  if (*value == NULL)
    return TRUE;
  kind = sz_phone_kind (*value);
  if (kind == SZ_PHONE_MOBILE || kind == SZ_PHONE_LANDLINE)
    return TRUE;
  /* 12345, 110, 95598 or 400…: a hotline's, never a person's. */
  g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
               /* Translators: a field's label ("Phone"), then what was typed */
               _("%s: “%s” is a service number, not a person's phone: give a mobile number (11 digits, "
                 "such as 13800001234) or a landline with its area code (such as 0431-88886666)."),
               field, typed);
  return FALSE;
}

/* Compiled once: imports validate thousands of dates. */
static GRegex *
date_regex (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    g_once_init_leave (&once, (gsize) g_regex_new ("^(\\d{4})(?:-|年)(\\d{1,2})(?:-|月)(\\d{1,2})日?$",
                                                    G_REGEX_OPTIMIZE, 0, NULL));
  return (GRegex *) once;
}

gboolean
sz_validate_date (const char  *field,
                  char       **value,
                  gboolean     required,
                  GError     **error)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *text = NULL;
  gboolean blank_ok;
  int y, m, d;

  if (is_blank (field, value, required, &blank_ok, error))
    return blank_ok;

  /* 2024-03-01, 2024/3/1, 2024.3.1 and 2024年3月1日 are all seen in
   * spreadsheets; keep one form. */
  if (!g_utf8_validate (*value, -1, NULL))
    {
      /* Text from a file in another encoding: show what can be shown. */
      char *shown = g_utf8_make_valid (*value, -1);
      g_free (*value);
      *value = shown;
      goto bad;
    }
  text = g_strdup (*value);
  for (char *p = text; *p; p++)
    if (*p == '/' || *p == '.')
      *p = '-';
  {
    GRegex *re = date_regex ();
    g_autoptr(GMatchInfo) mi = NULL;

    if (!g_regex_match (re, text, 0, &mi))
      goto bad;
    parts = g_match_info_fetch_all (mi);
    y = atoi (parts[1]);
    m = atoi (parts[2]);
    d = atoi (parts[3]);
  }
  if (y < 1900 || y > 2200 || !g_date_valid_dmy (d, m, y))
    goto bad;
  g_free (*value);
  *value = g_strdup_printf ("%04d-%02d-%02d", y, m, d);
  return TRUE;

bad:
  g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
               /* Translators: the first %s is a field name, the second its value */
               _("%s: “%s” is not a date; write it as 2024-03-01."), field, *value);
  return FALSE;
}

gboolean
sz_validate_range (const char  *field,
                   int          value,
                   int          min,
                   int          max,
                   GError     **error)
{
  if (value >= min && value <= max)
    return TRUE;
  g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
               /* Translators: %s is a field name, then its value and the allowed range */
               _("%s: %d is out of range (%d to %d)."), field, value, min, max);
  return FALSE;
}

int
sz_natural_compare (const char *a,
                    const char *b)
{
  while (*a && *b)
    {
      if (g_ascii_isdigit (*a) && g_ascii_isdigit (*b))
        {
          const char *ea = a, *eb = b;
          gsize la, lb;
          int c;

          while (*a == '0' && g_ascii_isdigit (a[1]))
            a++;
          while (*b == '0' && g_ascii_isdigit (b[1]))
            b++;
          for (ea = a; g_ascii_isdigit (*ea); ea++);
          for (eb = b; g_ascii_isdigit (*eb); eb++);
          la = ea - a;
          lb = eb - b;
          if (la != lb)
            return la < lb ? -1 : 1;
          if ((c = strncmp (a, b, la)) != 0)
            return c;
          a = ea;
          b = eb;
        }
      else
        {
          const char *na = g_utf8_next_char (a);
          const char *nb = g_utf8_next_char (b);
          gsize la = na - a, lb = nb - b;
          int c = memcmp (a, b, MIN (la, lb));

          if (c != 0 || la != lb)
            {
              /* Different characters: Han in pinyin order. */
              g_autofree char *ca = g_strndup (a, la);
              g_autofree char *cb = g_strndup (b, lb);
              int r = sz_pinyin_collate (ca, cb);
              return r != 0 ? r : (c != 0 ? c : (la < lb ? -1 : 1));
            }
          a = na;
          b = nb;
        }
    }
  return (*a != '\0') - (*b != '\0');
}

void
sz_set_not_found (GError     **error,
                  const char  *what,
                  gint64       id)
{
  g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND,
               /* Translators: a kind of record ("Grid"), then its number in the database */
               _("%s %s does not exist."), what, number);
}


int
sz_name_index (const char * const *names,
               int                 n_names,
               const char         *str)
{
  for (int i = 0; str != NULL && i < n_names; i++)
    if (strcmp (names[i], str) == 0)
      return i;
  return -1;
}
