/* sz-phone.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "sz-phone.h"

G_DEFINE_QUARK (sz-phone-error-quark, sz_phone_error)

/* More than any real number has; longer input is refused as too long. */
#define MAX_DIGITS 24
#define MAX_EXTENSION 6

typedef enum
{
  REASON_OK,
  REASON_EMPTY,
  REASON_SPREADSHEET,
  REASON_CHARACTER,
  REASON_COUNTRY,
  REASON_MOBILE,
  REASON_LANDLINE,
  REASON_NEEDS_AREA_CODE,
  REASON_AREA_CODE,
  REASON_EXTENSION,
  REASON_EXTENSION_NOT_LANDLINE,
  REASON_TOO_FEW,
  REASON_TOO_MANY,
} Reason;

/* A parsed number: the national digits (trunk 0 included) and extension. */
typedef struct
{
  SzPhoneKind kind;
  char        digits[MAX_DIGITS + 2];
  gsize       n_digits;
  gsize       area_len;
  char        ext[MAX_EXTENSION + 1];
  gunichar    bad_char;
} Phone;

/* Characters that only group digits.  Zero-width spaces and the BOM come
 * along with text copied from web pages and CSV files. */
static gboolean
is_separator (gunichar c)
{
  return g_unichar_isspace (c) ||
         c == 0x200B || c == 0xFEFF ||
         c == '-' || (c >= 0x2010 && c <= 0x2015) || c == 0x2212 || c == 0xFF0D ||
         c == '.' || c == 0xFF0E ||
         c == '(' || c == ')' || c == 0xFF08 || c == 0xFF09 ||
         c == '[' || c == ']' || c == 0xFF3B || c == 0xFF3D ||
         c == 0x3010 || c == 0x3011;
}

static gboolean
is_blank (gunichar c)
{
  return g_unichar_isspace (c) || c == 0x200B || c == 0xFEFF;
}

/* ASCII or full-width digit value, or -1. */
static int
digit_value (gunichar c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 0xFF10 && c <= 0xFF19)
    return c - 0xFF10;
  return -1;
}

/* Returns the length of an extension marker at @p, or 0.  The translated
 * marker is accepted too so that what sz_phone_format() shows reads back. */
static gsize
match_extension_marker (const char *p)
{
  static const char * const markers[] = {
    "转", "轉", "分机", "分機", "ext.", "ext", "x", "#", "＃",
  };
  g_autofree char *translated = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (markers); i++)
    {
      gsize len = strlen (markers[i]);

      if (g_ascii_strncasecmp (p, markers[i], len) == 0)
        return len;
    }

  /* Translators: goes between a phone number and its extension, as in “0431-8888 6666 ext. 123”; keep the spaces (Chinese: “ 转 ”). */
  translated = g_strstrip (g_strdup (C_("phone extension", " ext. ")));
  if (*translated != '\0' && strncmp (p, translated, strlen (translated)) == 0)
    return strlen (translated);

  return 0;
}

/* Excel writes long numbers back as "13800001234.0" or "1.38E+10" once a
 * column holds numbers; digits may already be lost, so refuse them. */
static gboolean
is_spreadsheet_number (const char *start,
                       const char *end)
{
  g_autofree char *text = g_strndup (start, end - start);

  return strpbrk (text, ".eE") != NULL &&
         g_regex_match_simple ("^[0-9]+(\\.0+|([.,][0-9]+)?[eE]\\+?[0-9]+)$", text, 0, 0);
}

static gboolean
is_toll_free (const char *d,
              gsize       n)
{
  return n == 10 && (strncmp (d, "400", 3) == 0 || strncmp (d, "800", 3) == 0);
}

/* Decides what @n national digits are.  After a country prefix only the
 * numbers that can be dialled from abroad make sense, not service numbers. */
static Reason
classify (const char *d,
          gsize       n,
          gboolean    international,
          Phone      *phone)
{
  gsize local_len;

  if (n == 0)
    return REASON_TOO_FEW;

  if (d[0] == '0')
    {
      if (n < 3)
        return REASON_LANDLINE;
      if (d[1] == '0' || (d[1] == '1' && d[2] != '0'))
        return REASON_AREA_CODE;
      /* 010 and 020-029 are the only three-digit area codes. */
      phone->area_len = (d[1] == '1' || d[1] == '2') ? 3 : 4;
      local_len = n > phone->area_len ? n - phone->area_len : 0;
      if (local_len < 7 || local_len > 8 ||
          d[phone->area_len] == '0' || d[phone->area_len] == '1')
        return REASON_LANDLINE;
      phone->kind = SZ_PHONE_LANDLINE;
      return REASON_OK;
    }

  if (d[0] == '1')
    {
      if (n == 11 && d[1] >= '3')
        phone->kind = SZ_PHONE_MOBILE;
      else if (!international &&
               ((n == 3 && (d[1] == '1' || d[1] == '2')) ||
                (n == 5 && strncmp (d, "123", 3) == 0)))
        phone->kind = SZ_PHONE_SERVICE;
      else
        return REASON_MOBILE;
      return REASON_OK;
    }

  if (!international && n >= 5 && n <= 8 && d[0] == '9' && (d[1] == '5' || d[1] == '6'))
    {
      phone->kind = SZ_PHONE_SERVICE;
      return REASON_OK;
    }

  if (is_toll_free (d, n))
    {
      phone->kind = SZ_PHONE_TOLL_FREE;
      return REASON_OK;
    }

  if (n < 7)
    return REASON_TOO_FEW;
  /* Seven or eight digits are a local number typed without its area code. */
  if (n <= 8)
    return REASON_NEEDS_AREA_CODE;
  if (n == 9 && (strncmp (d, "400", 3) == 0 || strncmp (d, "800", 3) == 0))
    return REASON_TOO_FEW;
  return REASON_TOO_MANY;
}

static Reason
parse (const char *text,
       Phone      *phone)
{
  const char *start = text;
  const char *end = text;
  const char *p;
  char main_digits[MAX_DIGITS + 1];
  gsize n_main = 0, n_ext = 0, boundary = 0, skip = 0, shift = 0;
  gboolean has_plus = FALSE, in_ext = FALSE, pending_separator = FALSE;
  gboolean international = FALSE;
  const char *d;
  gsize n;
  Reason reason;

  memset (phone, 0, sizeof *phone);

  if (!g_utf8_validate (text, -1, NULL))
    {
      phone->bad_char = 0xFFFD;
      return REASON_CHARACTER;
    }

  /* Trim blanks, then the apostrophe Excel uses to mark text, then blanks. */
  while (*start != '\0' && is_blank (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);
  if (*start == '\'')
    {
      start++;
      while (*start != '\0' && is_blank (g_utf8_get_char (start)))
        start = g_utf8_next_char (start);
    }
  for (p = end = start; *p != '\0'; p = g_utf8_next_char (p))
    if (!is_blank (g_utf8_get_char (p)))
      end = g_utf8_next_char (p);

  if (start == end)
    return REASON_EMPTY;
  if (is_spreadsheet_number (start, end))
    return REASON_SPREADSHEET;

  for (p = start; p < end; )
    {
      gunichar c = g_utf8_get_char (p);
      int value = digit_value (c);
      gsize marker_len;

      if (value >= 0)
        {
          if (in_ext)
            {
              if (n_ext < MAX_EXTENSION)
                phone->ext[n_ext] = '0' + value;
              n_ext++;
            }
          else
            {
              /* Remember where the last group starts: it may be an
               * extension written as "0431-88886666-123". */
              if (pending_separator)
                boundary = n_main;
              pending_separator = FALSE;
              if (n_main < MAX_DIGITS)
                main_digits[n_main] = '0' + value;
              n_main++;
            }
        }
      else if (is_separator (c))
        {
          pending_separator = n_main > 0;
        }
      else if ((c == '+' || c == 0xFF0B) && n_main == 0 && !has_plus)
        {
          has_plus = TRUE;
        }
      else if (!in_ext && n_main > 0 && (marker_len = match_extension_marker (p)) > 0)
        {
          in_ext = TRUE;
          p += marker_len;
          continue;
        }
      else
        {
          phone->bad_char = c;
          return REASON_CHARACTER;
        }

      p = g_utf8_next_char (p);
    }

  if (n_main > MAX_DIGITS)
    return REASON_TOO_MANY;

  /* Country prefix: +86 or 0086, or a bare 86 before an 11-digit mobile. */
  if (has_plus || (n_main >= 2 && strncmp (main_digits, "00", 2) == 0))
    {
      if (has_plus && n_main >= 2 && strncmp (main_digits, "86", 2) == 0)
        skip = 2;
      else if (!has_plus && n_main >= 4 && strncmp (main_digits, "0086", 4) == 0)
        skip = 4;
      else if (n_main > 0)
        return REASON_COUNTRY;
      international = TRUE;
    }
  else if (n_main == 13 && strncmp (main_digits, "861", 3) == 0)
    {
      skip = 2;
      international = TRUE;
    }

  /* The trunk 0 is dropped after +86 ("+86 431 …", "+86 10 …"); add it
   * back.  Mobiles (13-19) and 400/800 numbers have none. */
  if ((has_plus || skip == 4) && n_main > skip &&
      ((main_digits[skip] >= '2' && main_digits[skip] <= '9') ||
       (n_main > skip + 1 && main_digits[skip] == '1' && main_digits[skip + 1] == '0')) &&
      !is_toll_free (main_digits + skip, n_main - skip))
    {
      phone->digits[0] = '0';
      shift = 1;
    }
  memcpy (phone->digits + shift, main_digits + skip, n_main - skip);
  d = phone->digits;
  n = n_main - skip + shift;
  boundary = boundary > skip ? boundary - skip + shift : 0;

  /* A last group after a complete landline is its extension, as in
   * "0431-88886666-123".  This wins even when all the digits would make a
   * landline too, or "0431-8886666-5" would not read back as written. */
  if (!in_ext && boundary > 0 &&
      classify (d, boundary, international, phone) == REASON_OK &&
      phone->kind == SZ_PHONE_LANDLINE)
    {
      in_ext = TRUE;
      n_ext = n - boundary;
      memcpy (phone->ext, d + boundary, MIN (n_ext, MAX_EXTENSION));
      n = boundary;
      phone->digits[n] = '\0';
      reason = REASON_OK;
    }
  else
    {
      reason = classify (d, n, international, phone);
    }

  if (reason != REASON_OK)
    return reason;
  if (in_ext && phone->kind != SZ_PHONE_LANDLINE)
    return REASON_EXTENSION_NOT_LANDLINE;
  if (in_ext && (n_ext == 0 || n_ext > MAX_EXTENSION))
    return REASON_EXTENSION;

  phone->n_digits = n;
  return REASON_OK;
}

static char *
describe_char (gunichar c)
{
  char buf[8] = { 0, };

  /* Invisible characters would make an empty pair of quotes. */
  if (!g_unichar_isgraph (c))
    return g_strdup_printf ("U+%04X", c);
  g_unichar_to_utf8 (c, buf);
  return g_strdup (buf);
}

static void
set_error (GError     **error,
           Reason       reason,
           const char  *field,
           const char  *text,
           gunichar     bad_char)
{
  g_autofree char *shown = NULL;
  g_autofree char *bad = NULL;
  g_autofree char *message = NULL;

  if (error == NULL)
    return;

  shown = g_utf8_make_valid (text, -1);

  switch (reason)
    {
    case REASON_EMPTY:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed: nothing, or only spaces. */
      message = g_strdup_printf (_("%s: “%s” contains no phone number"), field, shown);
      break;

    case REASON_CHARACTER:
      bad = describe_char (bad_char);
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed, the third one character of it, such as “a” or “/”. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: “%s” cannot be part of a phone number"), field, shown, bad);
      break;

    case REASON_SPREADSHEET:
      /* Translators: the first %s is a field name such as “Phone”, the second the text read from a WPS or Excel file, such as “1.38E+10”. */
      message = g_strdup_printf (_("%s: “%s” was turned into a number by the spreadsheet and may have lost digits: format the column as text and enter the phone number again"), field, shown);
      break;

    case REASON_COUNTRY:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: only numbers in mainland China (+86) can be entered"), field, shown);
      break;

    case REASON_MOBILE:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: a mobile number has 11 digits and starts with 13 to 19"), field, shown);
      break;

    case REASON_LANDLINE:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: a landline number is an area code and 7 or 8 digits not starting with 0 or 1, such as 0431-88886666"), field, shown);
      break;

    case REASON_NEEDS_AREA_CODE:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: a landline number needs its area code, such as 0431-88886666"), field, shown);
      break;

    case REASON_AREA_CODE:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: there is no such area code; area codes look like 010, 021 or 0431"), field, shown);
      break;

    case REASON_EXTENSION:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: an extension has 1 to 6 digits"), field, shown);
      break;

    case REASON_EXTENSION_NOT_LANDLINE:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: only a landline number can have an extension"), field, shown);
      break;

    case REASON_TOO_FEW:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: it has too few digits"), field, shown);
      break;

    case REASON_TOO_MANY:
      /* Translators: the first %s is a field name such as “Phone”, the second the text as typed. */
      message = g_strdup_printf (_("%s: “%s” is not a phone number: it has too many digits"), field, shown);
      break;

    case REASON_OK:
    default:
      g_assert_not_reached ();
    }

  g_set_error_literal (error, SZ_PHONE_ERROR,
                       reason == REASON_EMPTY ? SZ_PHONE_ERROR_EMPTY : SZ_PHONE_ERROR_INVALID,
                       message);
}

char *
sz_phone_normalize (const char   *text,
                    const char   *field,
                    SzPhoneKind  *kind,
                    GError      **error)
{
  Phone phone;
  Reason reason;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (field != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reason = parse (text, &phone);
  if (reason != REASON_OK)
    {
      set_error (error, reason, field, text, phone.bad_char);
      return NULL;
    }

  if (kind != NULL)
    *kind = phone.kind;

  if (phone.kind != SZ_PHONE_LANDLINE)
    return g_strdup (phone.digits);

  return g_strdup_printf ("%.*s-%s%s%s",
                          (int) phone.area_len, phone.digits,
                          phone.digits + phone.area_len,
                          phone.ext[0] != '\0' ? "-" : "", phone.ext);
}

/* The functions below parse again, so they also cope with text that is not
 * quite a normal form; what cannot be parsed is handled conservatively. */

SzPhoneKind
sz_phone_kind (const char *normal)
{
  Phone phone;

  g_return_val_if_fail (normal != NULL, SZ_PHONE_LANDLINE);

  /* Unknown text is taken as personal, so callers rather mask it. */
  if (parse (normal, &phone) != REASON_OK)
    return SZ_PHONE_LANDLINE;

  return phone.kind;
}

char *
sz_phone_format (const char *normal)
{
  Phone phone;
  const char *d = phone.digits;
  int head;

  g_return_val_if_fail (normal != NULL, NULL);

  if (parse (normal, &phone) != REASON_OK)
    return g_strdup (normal);

  switch (phone.kind)
    {
    case SZ_PHONE_MOBILE:
      return g_strdup_printf ("%.3s %.4s %.4s", d, d + 3, d + 7);

    case SZ_PHONE_LANDLINE:
      /* "0431-8888 6666", "0431-888 6666": the last four stand apart. */
      head = (int) (phone.n_digits - phone.area_len - 4);
      return g_strdup_printf ("%.*s-%.*s %s%s%s",
                              (int) phone.area_len, d,
                              head, d + phone.area_len,
                              d + phone.area_len + head,
                              phone.ext[0] != '\0' ? C_("phone extension", " ext. ") : "",
                              phone.ext);

    case SZ_PHONE_TOLL_FREE:
      return g_strdup_printf ("%.3s %.3s %.4s", d, d + 3, d + 6);

    case SZ_PHONE_SERVICE:
    default:
      return g_strdup (d);
    }
}

char *
sz_phone_mask (const char *normal)
{
  Phone phone;
  const char *d = phone.digits;

  g_return_val_if_fail (normal != NULL, NULL);

  if (parse (normal, &phone) != REASON_OK)
    {
      /* Not a number we know: hide all digits but the last four. */
      char *masked = g_strdup (normal);
      guint seen = 0;

      for (gsize i = strlen (masked); i > 0; i--)
        if (g_ascii_isdigit (masked[i - 1]) && ++seen > 4)
          masked[i - 1] = '*';
      return masked;
    }

  switch (phone.kind)
    {
    case SZ_PHONE_MOBILE:
      return g_strdup_printf ("%.3s****%s", d, d + 7);

    case SZ_PHONE_LANDLINE:
      /* The extension is dropped: it would make the number findable. */
      return g_strdup_printf ("%.*s-****%s",
                              (int) phone.area_len, d, d + phone.n_digits - 4);

    case SZ_PHONE_SERVICE:
    case SZ_PHONE_TOLL_FREE:
    default:
      return sz_phone_format (normal);
    }
}

char *
sz_phone_digits (const char *normal)
{
  GString *digits;

  g_return_val_if_fail (normal != NULL, NULL);

  digits = g_string_new (NULL);
  for (const char *p = normal; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      g_string_append_c (digits, *p);

  return g_string_free (digits, FALSE);
}
