/* test-phone.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>
#include <string.h>
#include <glib.h>

#include "sz-phone.h"
#include "sz-validate.h"

/* A translated field name, to check it reaches the message unharmed. */
#define FIELD "户主电话"

typedef struct
{
  const char  *input;
  const char  *normal;
  SzPhoneKind  kind;
} GoodCase;

static const GoodCase good_cases[] = {
  /* Mobiles */
  { "13800001234", "13800001234", SZ_PHONE_MOBILE },
  { "19912345678", "19912345678", SZ_PHONE_MOBILE },
  { "138 0000 1234", "13800001234", SZ_PHONE_MOBILE },
  { "138-0000-1234", "13800001234", SZ_PHONE_MOBILE },
  { "138.0000.1234", "13800001234", SZ_PHONE_MOBILE },
  { "  13800001234  ", "13800001234", SZ_PHONE_MOBILE },
  { "\t13800001234\n", "13800001234", SZ_PHONE_MOBILE },
  { "'13800001234", "13800001234", SZ_PHONE_MOBILE },
  { " ' 138 0000 1234 ", "13800001234", SZ_PHONE_MOBILE },
  { "１３８００００１２３４", "13800001234", SZ_PHONE_MOBILE },
  { "138\u30000000\u30001234", "13800001234", SZ_PHONE_MOBILE },
  { "138\u20140000\u20101234", "13800001234", SZ_PHONE_MOBILE },
  { "138\uFF0D0000\u22121234", "13800001234", SZ_PHONE_MOBILE },
  { "\uFEFF13800001234\u200B", "13800001234", SZ_PHONE_MOBILE },
  { "+86 138 0000 1234", "13800001234", SZ_PHONE_MOBILE },
  { "+8613800001234", "13800001234", SZ_PHONE_MOBILE },
  { "(+86) 13800001234", "13800001234", SZ_PHONE_MOBILE },
  { "008613800001234", "13800001234", SZ_PHONE_MOBILE },
  { "8613800001234", "13800001234", SZ_PHONE_MOBILE },
  { "86-138-0000-1234", "13800001234", SZ_PHONE_MOBILE },
  { "＋８６ １３８ ００００ １２３４", "13800001234", SZ_PHONE_MOBILE },
  /* Landlines */
  { "0431-88886666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "043188886666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "(0431)88886666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "（0431）88886666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "【0431】8888-6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "[010] 66668888", "010-66668888", SZ_PHONE_LANDLINE },
  { "0431 8888 6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "0431.8888.6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "０４３１－８８８８６６６６", "0431-88886666", SZ_PHONE_LANDLINE },
  { "0431-8886666", "0431-8886666", SZ_PHONE_LANDLINE },
  { "0431-888 6666", "0431-8886666", SZ_PHONE_LANDLINE },
  { "010-66668888", "010-66668888", SZ_PHONE_LANDLINE },
  { "01066668888", "010-66668888", SZ_PHONE_LANDLINE },
  { "021-6666 8888", "021-66668888", SZ_PHONE_LANDLINE },
  { "0755 2345 6789", "0755-23456789", SZ_PHONE_LANDLINE },
  { "0991-2345678", "0991-2345678", SZ_PHONE_LANDLINE },
  { "0431-88886666-", "0431-88886666", SZ_PHONE_LANDLINE },
  { "+86 431 8888 6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "+86 (0)431 8888 6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "+86 0431 8888 6666", "0431-88886666", SZ_PHONE_LANDLINE },
  { "+86-10-66668888", "010-66668888", SZ_PHONE_LANDLINE },
  { "0086-10-66668888", "010-66668888", SZ_PHONE_LANDLINE },
  { "0086 21 6666 8888", "021-66668888", SZ_PHONE_LANDLINE },
  /* Landlines with an extension */
  { "0431-88886666转123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-8888 6666 转 123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666 ext. 123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666 EXT 123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666x123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666 X 123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666#123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666＃123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-88886666分机8", "0431-88886666-8", SZ_PHONE_LANDLINE },
  { "0431-88886666-123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431 88886666 123", "0431-88886666-123", SZ_PHONE_LANDLINE },
  { "0431-8886666-123456", "0431-8886666-123456", SZ_PHONE_LANDLINE },
  { "0431-888 6666 ext. 12", "0431-8886666-12", SZ_PHONE_LANDLINE },
  { "010-8888-666-12", "010-8888666-12", SZ_PHONE_LANDLINE },
  { "+86 10 6666 8888 转 5", "010-66668888-5", SZ_PHONE_LANDLINE },
  /* Service numbers */
  { "110", "110", SZ_PHONE_SERVICE },
  { "119", "119", SZ_PHONE_SERVICE },
  { "120", "120", SZ_PHONE_SERVICE },
  { "122", "122", SZ_PHONE_SERVICE },
  { "114", "114", SZ_PHONE_SERVICE },
  { "12345", "12345", SZ_PHONE_SERVICE },
  { "123-45", "12345", SZ_PHONE_SERVICE },
  { "12315", "12315", SZ_PHONE_SERVICE },
  { "12369", "12369", SZ_PHONE_SERVICE },
  { "12320", "12320", SZ_PHONE_SERVICE },
  { "'12348", "12348", SZ_PHONE_SERVICE },
  { "95598", "95598", SZ_PHONE_SERVICE },
  { "95588", "95588", SZ_PHONE_SERVICE },
  { "96777", "96777", SZ_PHONE_SERVICE },
  { "95105888", "95105888", SZ_PHONE_SERVICE },
  { "９５５９８", "95598", SZ_PHONE_SERVICE },
  /* 400 and 800 numbers */
  { "4001234567", "4001234567", SZ_PHONE_TOLL_FREE },
  { "400-123-4567", "4001234567", SZ_PHONE_TOLL_FREE },
  { "400 123 4567", "4001234567", SZ_PHONE_TOLL_FREE },
  { "(400) 123-4567", "4001234567", SZ_PHONE_TOLL_FREE },
  { "800 123 4567", "8001234567", SZ_PHONE_TOLL_FREE },
  { "+86 400 123 4567", "4001234567", SZ_PHONE_TOLL_FREE },
};

typedef struct
{
  const char   *input;
  SzPhoneError  code;
  const char   *reason;   /* part of the English message */
} BadCase;

static const BadCase bad_cases[] = {
  { "", SZ_PHONE_ERROR_EMPTY, "contains no phone number" },
  { "   ", SZ_PHONE_ERROR_EMPTY, "contains no phone number" },
  { "\u3000\t", SZ_PHONE_ERROR_EMPTY, "contains no phone number" },
  { "'", SZ_PHONE_ERROR_EMPTY, "contains no phone number" },
  { " ' ", SZ_PHONE_ERROR_EMPTY, "contains no phone number" },
  { "13800001234.0", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { "13800001234.00", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { "1.38E+10", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { "1.38000012e10", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { " 4.31889E+11 ", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { "95598.0", SZ_PHONE_ERROR_INVALID, "turned into a number by the spreadsheet" },
  { "1380000123", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "138000012345", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "12800001234", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "1234", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "138-0000-1234-5", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "+86 110", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "8612800001234", SZ_PHONE_ERROR_INVALID, "a mobile number has 11 digits" },
  { "88886666", SZ_PHONE_ERROR_INVALID, "needs its area code" },
  { "888-6666", SZ_PHONE_ERROR_INVALID, "needs its area code" },
  { "0431-888666", SZ_PHONE_ERROR_INVALID, "7 or 8 digits" },
  { "0431-08886666", SZ_PHONE_ERROR_INVALID, "7 or 8 digits" },
  { "0431-18886666", SZ_PHONE_ERROR_INVALID, "7 or 8 digits" },
  { "0431", SZ_PHONE_ERROR_INVALID, "7 or 8 digits" },
  { "+86 95598", SZ_PHONE_ERROR_INVALID, "7 or 8 digits" },
  { "011-66668888", SZ_PHONE_ERROR_INVALID, "no such area code" },
  { "0431-88886666转1234567", SZ_PHONE_ERROR_INVALID, "an extension has 1 to 6 digits" },
  { "0431-88886666-1234567", SZ_PHONE_ERROR_INVALID, "an extension has 1 to 6 digits" },
  { "0431-88886666转", SZ_PHONE_ERROR_INVALID, "an extension has 1 to 6 digits" },
  { "0431-88886666 ext", SZ_PHONE_ERROR_INVALID, "an extension has 1 to 6 digits" },
  { "13800001234转12", SZ_PHONE_ERROR_INVALID, "only a landline number can have an extension" },
  { "400-123-4567 ext. 8", SZ_PHONE_ERROR_INVALID, "only a landline number can have an extension" },
  { "138-0000-1234a", SZ_PHONE_ERROR_INVALID, "“a” cannot be part of a phone number" },
  { "电话13800001234", SZ_PHONE_ERROR_INVALID, "“电” cannot be part of a phone number" },
  { "13800001234/13900001234", SZ_PHONE_ERROR_INVALID, "“/” cannot be part of a phone number" },
  { "13800001234, 13900001234", SZ_PHONE_ERROR_INVALID, "“,” cannot be part of a phone number" },
  { "1380000+1234", SZ_PHONE_ERROR_INVALID, "“+” cannot be part of a phone number" },
  { "x123", SZ_PHONE_ERROR_INVALID, "“x” cannot be part of a phone number" },
  { "0431-88886666转1转2", SZ_PHONE_ERROR_INVALID, "“转” cannot be part of a phone number" },
  { "138\x01" "00001234", SZ_PHONE_ERROR_INVALID, "“U+0001” cannot be part of a phone number" },
  { "13800001234'", SZ_PHONE_ERROR_INVALID, "“'” cannot be part of a phone number" },
  { "+1 555 123 4567", SZ_PHONE_ERROR_INVALID, "only numbers in mainland China" },
  { "00852 2345 6789", SZ_PHONE_ERROR_INVALID, "only numbers in mainland China" },
  { "5", SZ_PHONE_ERROR_INVALID, "too few digits" },
  { "--", SZ_PHONE_ERROR_INVALID, "too few digits" },
  { "+86", SZ_PHONE_ERROR_INVALID, "too few digits" },
  { "9559", SZ_PHONE_ERROR_INVALID, "too few digits" },
  { "400-123-456", SZ_PHONE_ERROR_INVALID, "too few digits" },
  { "400-1234-56789", SZ_PHONE_ERROR_INVALID, "too many digits" },
  { "955981234", SZ_PHONE_ERROR_INVALID, "too many digits" },
  { "86-431-88886666", SZ_PHONE_ERROR_INVALID, "too many digits" },
  { "86 10 6666 8888", SZ_PHONE_ERROR_INVALID, "too many digits" },
  { "8888-6666-123", SZ_PHONE_ERROR_INVALID, "too many digits" },
  { "1111111111222222222233333333334444444444", SZ_PHONE_ERROR_INVALID, "too many digits" },
};

static void
test_normalize_good (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      const GoodCase *c = &good_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = NULL;
      SzPhoneKind kind = (SzPhoneKind) -1;

      g_test_message ("input: “%s”", c->input);
      normal = sz_phone_normalize (c->input, FIELD, &kind, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (normal, ==, c->normal);
      g_assert_cmpint (kind, ==, c->kind);
    }
}

static void
test_normalize_bad (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      const BadCase *c = &bad_cases[i];
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = NULL;
      SzPhoneKind kind = (SzPhoneKind) 42;

      g_test_message ("input: “%s”", c->input);
      normal = sz_phone_normalize (c->input, FIELD, &kind, &error);
      g_assert_null (normal);
      g_assert_error (error, SZ_PHONE_ERROR, (int) c->code);
      g_assert_cmpint (kind, ==, 42);
      g_assert_true (g_str_has_prefix (error->message, FIELD ": “"));
      g_assert_nonnull (strstr (error->message, c->input));
      g_assert_nonnull (strstr (error->message, c->reason));
    }
}

static void
test_normalize_invalid_utf8 (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *normal = NULL;

  normal = sz_phone_normalize ("138\xff" "00001234", FIELD, NULL, &error);
  g_assert_null (normal);
  g_assert_error (error, SZ_PHONE_ERROR, SZ_PHONE_ERROR_INVALID);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_nonnull (strstr (error->message, "138\uFFFD00001234"));
  g_assert_nonnull (strstr (error->message, "cannot be part of a phone number"));
}

static void
test_normalize_optional (void)
{
  g_autofree char *normal = NULL;

  /* Neither the kind nor the error need be asked for. */
  normal = sz_phone_normalize ("138 0000 1234", FIELD, NULL, NULL);
  g_assert_cmpstr (normal, ==, "13800001234");
  g_assert_null (sz_phone_normalize ("abc", FIELD, NULL, NULL));
}

static void
test_normalize_null (void)
{
  if (g_test_subprocess ())
    {
      sz_phone_normalize (NULL, FIELD, NULL, NULL);
      return;
    }

  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_failed ();
  g_test_trap_assert_stderr ("*CRITICAL*text != NULL*");
}

typedef struct
{
  const char *normal;
  const char *expected;
} StringCase;

static const StringCase format_cases[] = {
  { "13800001234", "138 0000 1234" },
  { "19912345678", "199 1234 5678" },
  { "0431-88886666", "0431-8888 6666" },
  { "0431-8886666", "0431-888 6666" },
  { "010-66668888", "010-6666 8888" },
  { "021-6668888", "021-666 8888" },
  { "0431-88886666-123", "0431-8888 6666 ext. 123" },
  { "0431-8886666-5", "0431-888 6666 ext. 5" },
  { "110", "110" },
  { "12345", "12345" },
  { "95598", "95598" },
  { "4001234567", "400 123 4567" },
  { "8001234567", "800 123 4567" },
  /* Not a normal form: shown as stored. */
  { "unknown", "unknown" },
};

static const StringCase mask_cases[] = {
  { "13800001234", "138****1234" },
  { "0431-88886666", "0431-****6666" },
  { "0431-8886666", "0431-****6666" },
  { "010-66668888", "010-****8888" },
  { "0431-88886666-123", "0431-****6666" },
  { "110", "110" },
  { "12345", "12345" },
  { "96777", "96777" },
  { "4001234567", "400 123 4567" },
  { "8001234567", "800 123 4567" },
  /* Not a normal form: every digit but the last four is hidden. */
  { "No. 13800001234.0", "No. ********234.0" },
  { "", "" },
};

static const StringCase digits_cases[] = {
  { "13800001234", "13800001234" },
  { "0431-88886666", "043188886666" },
  { "0431-88886666-123", "043188886666123" },
  { "010-66668888", "01066668888" },
  { "12345", "12345" },
  { "4001234567", "4001234567" },
  { "", "" },
};

static void
check_string_cases (const StringCase *cases,
                    guint             n_cases,
                    char           *(*func) (const char *))
{
  for (guint i = 0; i < n_cases; i++)
    {
      g_autofree char *result = func (cases[i].normal);

      g_test_message ("normal form: “%s”", cases[i].normal);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_format (void)
{
  check_string_cases (format_cases, G_N_ELEMENTS (format_cases), sz_phone_format);
}

static void
test_mask (void)
{
  check_string_cases (mask_cases, G_N_ELEMENTS (mask_cases), sz_phone_mask);
}

static void
test_digits (void)
{
  check_string_cases (digits_cases, G_N_ELEMENTS (digits_cases), sz_phone_digits);
}

static void
test_kind (void)
{
  static const struct
  {
    const char  *normal;
    SzPhoneKind  kind;
  } cases[] = {
    { "13800001234", SZ_PHONE_MOBILE },
    { "0431-88886666", SZ_PHONE_LANDLINE },
    { "0431-88886666-123", SZ_PHONE_LANDLINE },
    { "010-66668888", SZ_PHONE_LANDLINE },
    { "110", SZ_PHONE_SERVICE },
    { "12345", SZ_PHONE_SERVICE },
    { "96777", SZ_PHONE_SERVICE },
    { "4001234567", SZ_PHONE_TOLL_FREE },
    { "8001234567", SZ_PHONE_TOLL_FREE },
    /* Unknown text counts as personal, so it gets masked. */
    { "unknown", SZ_PHONE_LANDLINE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("normal form: “%s”", cases[i].normal);
      g_assert_cmpint (sz_phone_kind (cases[i].normal), ==, cases[i].kind);
    }
}

static void
test_round_trip (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (good_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *normal = NULL;
      g_autofree char *again = NULL;
      g_autofree char *formatted = NULL;
      g_autofree char *back = NULL;
      g_autofree char *digits_formatted = NULL;
      g_autofree char *digits_normal = NULL;
      SzPhoneKind kind = (SzPhoneKind) -1;

      g_test_message ("input: “%s”", good_cases[i].input);
      normal = sz_phone_normalize (good_cases[i].input, FIELD, NULL, &error);
      g_assert_no_error (error);

      again = sz_phone_normalize (normal, FIELD, &kind, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (again, ==, normal);
      g_assert_cmpint (kind, ==, good_cases[i].kind);
      g_assert_cmpint (sz_phone_kind (normal), ==, good_cases[i].kind);

      formatted = sz_phone_format (normal);
      back = sz_phone_normalize (formatted, FIELD, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpstr (back, ==, normal);

      /* Formatting neither adds nor loses digits. */
      digits_formatted = sz_phone_digits (formatted);
      digits_normal = sz_phone_digits (normal);
      g_assert_cmpstr (digits_formatted, ==, digits_normal);
    }
}

/* The Chinese marker that a translation will show must also read back. */
static void
test_round_trip_chinese (void)
{
  g_autofree char *normal = NULL;

  normal = sz_phone_normalize ("0431-8888 6666 转 123", FIELD, NULL, NULL);
  g_assert_cmpstr (normal, ==, "0431-88886666-123");
}

/* A person's phone is a mobile or a landline; a service number is for
 * hotlines only, and the message names the field. */
static void
test_person_phone (void)
{
  static const char * const people[] = {
    "13800001234", "0431-88886666", "0431-88886666-123", "010 6666 8888 转 12", "+86 138 0000 1234",
  };
  static const char * const services[] = { "12345", "110", "95598", "96777", "400-123-4567", "800 123 4567" };

  for (guint i = 0; i < G_N_ELEMENTS (people); i++)
    {
      g_autoptr(GError) error = NULL;
      char *value = g_strdup (people[i]);

      g_assert_true (sz_validate_person_phone (FIELD, &value, FALSE, &error));
      g_assert_no_error (error);
      g_assert_true (sz_phone_kind (value) == SZ_PHONE_MOBILE || sz_phone_kind (value) == SZ_PHONE_LANDLINE);
      g_free (value);
    }
  for (guint i = 0; i < G_N_ELEMENTS (services); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected = g_strdup_printf (FIELD ": “%s” is a service number", services[i]);
      char *value = g_strdup (services[i]);

      g_assert_false (sz_validate_person_phone (FIELD, &value, FALSE, &error));
      g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
      /* The message quotes it as typed. */
      g_assert_true (g_str_has_prefix (error->message, expected));
      g_free (value);

      /* A hotline keeps taking it. */
      value = g_strdup (services[i]);
      g_clear_error (&error);
      g_assert_true (sz_validate_phone (FIELD, &value, TRUE, &error));
      g_assert_no_error (error);
      g_free (value);
    }
  /* Blank stays allowed when not required; bad stays bad. */
  {
    g_autoptr(GError) error = NULL;
    char *value = g_strdup ("  ");

    g_assert_true (sz_validate_person_phone (FIELD, &value, FALSE, &error));
    g_assert_null (value);
    value = g_strdup ("1380000123");
    g_assert_false (sz_validate_person_phone (FIELD, &value, FALSE, &error));
    g_assert_nonnull (strstr (error->message, "is not a phone number"));
    g_free (value);
  }
}

int
main (int   argc,
      char *argv[])
{
  /* Print the UTF-8 test inputs readably, but check the English messages. */
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/phone/normalize-good", test_normalize_good);
  g_test_add_func ("/core/phone/normalize-bad", test_normalize_bad);
  g_test_add_func ("/core/phone/normalize-invalid-utf8", test_normalize_invalid_utf8);
  g_test_add_func ("/core/phone/normalize-optional", test_normalize_optional);
  g_test_add_func ("/core/phone/normalize-null", test_normalize_null);
  g_test_add_func ("/core/phone/kind", test_kind);
  g_test_add_func ("/core/phone/person", test_person_phone);
  g_test_add_func ("/core/phone/format", test_format);
  g_test_add_func ("/core/phone/mask", test_mask);
  g_test_add_func ("/core/phone/digits", test_digits);
  g_test_add_func ("/core/phone/round-trip", test_round_trip);
  g_test_add_func ("/core/phone/round-trip-chinese", test_round_trip_chinese);

  return g_test_run ();
}
