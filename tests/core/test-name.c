/* test-name.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib.h>
#include <locale.h>
#include <string.h>

#include "sz-name.h"
#include "sz-roster.h"
#include "sz-test-util.h"

/* The fixes as one line, for readable comparisons: "radical:2F24>5927
 * invisible:200B>0". */
static char *
describe_fixes (GArray *fixes)
{
  static const char * const kinds[] = {
    [SZ_NAME_FIX_RADICAL] = "radical",
    [SZ_NAME_FIX_COMPAT] = "compat",
    [SZ_NAME_FIX_INVISIBLE] = "invisible",
    [SZ_NAME_FIX_DOT] = "dot",
    [SZ_NAME_FIX_SPACE] = "space",
    [SZ_NAME_FIX_WIDTH] = "width",
    [SZ_NAME_WARN_PRIVATE_USE] = "private",
  };
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < fixes->len; i++)
    {
      const SzNameFix *fix = &g_array_index (fixes, SzNameFix, i);

      g_string_append_printf (s, "%s%s:%04X>%X", s->len ? " " : "", kinds[fix->kind], fix->from, fix->to);
    }
  return g_string_free (s, FALSE);
}

typedef struct
{
  const char *name;
  const char *normal;
  const char *fixes;
} Case;

static const Case cases[] = {
  /* Nothing to do. */
  { "张伟", "张伟", "" },
  { "阿依古丽·买买提", "阿依古丽·买买提", "" },
  { "John Smith", "John Smith", "" },
  { "", "", "" },
  /* Trimmed at the ends, silently, whatever the space. */
  { "  张伟\u3000", "张伟", "" },
  { "\u00A0张伟\t", "张伟", "" },
  /* Kangxi radicals (NFKC) and the radicals supplement (Unicode's
   * EquivalentUnifiedIdeograph.txt). */
  { "\u2F24伟", "大伟", "radical:2F24>5927" },
  { "王\u2F24\u2F24", "王大大", "radical:2F24>5927" },
  { "\u2EC4\u2F08", "西人", "radical:2EC4>897F radical:2F08>4EBA" },
  /* A supplement radical without an equivalent ideograph stays. */
  { "王\u2E80", "王\u2E80", "" },
  /* Compatibility ideographs: F900 block and supplement. */
  { "\uF9FA明", "\u72C0明", "compat:F9FA>72C0" },
  { "李\U0002F800", "李\u4E3D", "compat:2F800>4E3D" },
  /* A unified ideograph inside the compatibility block stays (U+FA11 﨑). */
  { "\uFA11田", "\uFA11田", "" },
  /* Invisible characters: zero-width, BOM, soft hyphen, variation selectors. */
  { "张\u200B伟", "张伟", "invisible:200B>0" },
  { "\uFEFF张伟\u200D", "张伟", "invisible:FEFF>0 invisible:200D>0" },
  { "张\u200C\u2060伟", "张伟", "invisible:200C>0 invisible:2060>0" },
  { "Zhang\u00ADwei", "Zhangwei", "invisible:00AD>0" },
  { "葛\uFE00亮", "葛亮", "invisible:FE00>0" },
  { "葛\U000E0100亮", "葛亮", "invisible:E0100>0" },
  /* The middle dot's look-alikes. */
  { "买买提\u2022艾力", "买买提·艾力", "dot:2022>B7" },
  { "买买提\u2027艾力", "买买提·艾力", "dot:2027>B7" },
  { "买买提\u30FB艾力", "买买提·艾力", "dot:30FB>B7" },
  { "买买提\uFF65艾力", "买买提·艾力", "dot:FF65>B7" },
  { "买买提\u2219艾力", "买买提·艾力", "dot:2219>B7" },
  { "买买提\u22C5艾力", "买买提·艾力", "dot:22C5>B7" },
  { "买买提\u0387艾力", "买买提·艾力", "dot:0387>B7" },
  { "买买提\u16EB艾力", "买买提·艾力", "dot:16EB>B7" },
  { "买买提\u2E31艾力", "买买提·艾力", "dot:2E31>B7" },
  { "买买提\u318D艾力", "买买提·艾力", "dot:318D>B7" },
  { "买买提\uFF0E艾力", "买买提·艾力", "dot:FF0E>B7" },
  /* A full stop between two Chinese characters, as people type the dot. */
  { "买买提.艾力", "买买提·艾力", "dot:002E>B7" },
  { "买买提。艾力", "买买提·艾力", "dot:3002>B7" },
  { "买买提 . 艾力", "买买提·艾力", "dot:002E>B7 space:0020>0" },
  /* …but not between Latin letters, nor at an end. */
  { "J. Smith", "J. Smith", "" },
  { "张伟.", "张伟.", "" },
  /* Spaces padding a two-character name, ASCII or ideographic. */
  { "王  芳", "王芳", "space:0020>0" },
  { "王\u3000芳", "王芳", "space:3000>0" },
  { "买买提 · 艾力", "买买提·艾力", "space:0020>0" },
  /* Between words: one plain space. */
  { "John  Smith", "John Smith", "space:0020>20" },
  { "John\u3000Smith", "John Smith", "space:3000>20" },
  /* Full-width letters and digits. */
  { "Ｊｏｈｎ", "John", "width:FF2A>4A width:FF4F>6F width:FF48>68 width:FF4E>6E" },
  { "张伟２", "张伟2", "width:FF12>32" },
  /* Private use: kept, with a warning naming the character. */
  { "王\uE816", "王\uE816", "private:E816>0" },
  { "王\U000F0001明", "王\U000F0001明", "private:F0001>0" },
  { "王 \uE816", "王\uE816", "private:E816>0 space:0020>0" },
  /* Extensions A to G, never changed. */
  { "王䶮", "王䶮", "" },
  { "\U00021484明", "\U00021484明", "" },
  { "\U00030EDE面", "\U00030EDE面", "" },
  { "\U00020BB7野", "\U00020BB7野", "" },
  /* NFC, without a fix: a decomposed letter. */
  { "Jose\u0301", "José", "" },
  /* Several at once, each recorded once. */
  { " \u2F24\u200B伟\u2022\u2F24 ", "大伟·大", "radical:2F24>5927 invisible:200B>0 dot:2022>B7" },
};

static void
test_cases (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (SzNameFix));
      g_autofree char *normal = sz_name_normalize (cases[i].name, fixes);
      g_autofree char *got = describe_fixes (fixes);

      g_test_message ("case %" G_GSIZE_FORMAT ": “%s”", i, cases[i].name);
      g_assert_cmpstr (normal, ==, cases[i].normal);
      g_assert_cmpstr (got, ==, cases[i].fixes);
      /* Without a place for fixes, the same name. */
      {
        g_autofree char *again = sz_name_normalize (cases[i].name, NULL);
        g_assert_cmpstr (again, ==, cases[i].normal);
      }
    }
}

/* Normalising twice changes nothing, and records nothing the second
 * time (a kept private-use character is warned about again: it is
 * still there). */
static void
test_idempotent (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (SzNameFix));
      g_autofree char *once = sz_name_normalize (cases[i].name, NULL);
      g_autofree char *twice = sz_name_normalize (once, fixes);

      g_assert_cmpstr (twice, ==, once);
      for (guint j = 0; j < fixes->len; j++)
        g_assert_false (sz_name_fix_is_change (&g_array_index (fixes, SzNameFix, j)));
    }
}

static void
test_invalid (void)
{
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (SzNameFix));

  g_assert_null (sz_name_normalize ("\xff\xfe", fixes));
  g_assert_null (sz_name_normalize ("张\xe4\xbc", fixes));
  g_assert_null (sz_name_normalize (NULL, fixes));
  g_assert_cmpuint (fixes->len, ==, 0);
  g_assert_null (sz_name_fold ("\xff"));
  /* A sequence cut by the end of the text is not read past it. */
  g_assert_null (sz_name_fold ("\xe4"));
  g_assert_null (sz_name_fold ("张\xe4\xbc"));
}

static void
test_describe (void)
{
  static const struct { SzNameFix fix; const char *text; gboolean change; } descs[] = {
    { { SZ_NAME_FIX_RADICAL, 0x2F24, 0x5927 }, "“⼤” (U+2F24, a Kangxi radical) was replaced by “大”.", TRUE },
    { { SZ_NAME_FIX_RADICAL, 0x2EC4, 0x897F }, "“⻄” (U+2EC4, a radical) was replaced by “西”.", TRUE },
    { { SZ_NAME_FIX_COMPAT, 0xF9FA, 0x72C0 },
      "“\uF9FA” (U+F9FA, a compatibility character) was replaced by the standard “\u72C0”.", TRUE },
    { { SZ_NAME_FIX_INVISIBLE, 0x200B, 0 }, "An invisible character (U+200B, zero-width space) was removed.", TRUE },
    { { SZ_NAME_FIX_INVISIBLE, 0xFE0F, 0 }, "An invisible character (U+FE0F, variation selector) was removed.", TRUE },
    { { SZ_NAME_FIX_DOT, 0x2022, 0xB7 }, "“•” (U+2022) was replaced by the name dot “·”.", TRUE },
    { { SZ_NAME_FIX_SPACE, ' ', 0 }, "Spaces between Chinese characters were removed.", TRUE },
    { { SZ_NAME_FIX_SPACE, 0x3000, ' ' }, "Spaces between words were made one plain space.", TRUE },
    { { SZ_NAME_FIX_WIDTH, 0xFF21, 'A' }, "Full-width “Ａ” was replaced by “A”.", TRUE },
    { { SZ_NAME_WARN_PRIVATE_USE, 0xE816, 0 },
      "“\uE816” (U+E816) is a private-use character, made in one font for a rare character: "
      "other computers and printers show it only with that font.", FALSE },
    { { SZ_NAME_WARN_PRIVATE_USE, 0x10FFFD, 0 },
      "“\U0010FFFD” (U+10FFFD) is a private-use character, made in one font for a rare character: "
      "other computers and printers show it only with that font.", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (descs); i++)
    {
      g_autofree char *text = sz_name_fix_describe (&descs[i].fix);

      g_assert_cmpstr (text, ==, descs[i].text);
      g_assert_cmpint (sz_name_fix_is_change (&descs[i].fix), ==, descs[i].change);
    }
}

static void
test_invisible (void)
{
  gunichar yes[] = { 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x00AD, 0xFE00, 0xFE0F, 0xE0100, 0xE01EF };
  gunichar no[] = { ' ', 'a', 0x00B7, 0x3000, 0x5927, 0xE816, 0x2F24 };

  for (gsize i = 0; i < G_N_ELEMENTS (yes); i++)
    g_assert_true (sz_name_char_is_invisible (yes[i]));
  for (gsize i = 0; i < G_N_ELEMENTS (no); i++)
    g_assert_false (sz_name_char_is_invisible (no[i]));
}

/* The form search compares: the name's fixes, then NFKC. */
static void
test_fold (void)
{
  static const struct { const char *text; const char *folded; } folds[] = {
    { "张伟", NULL },
    { "zhangwei", NULL },
    { "王䶮", NULL },
    { "买买提・艾力", "买买提·艾力" },
    { "买买提.艾力", "买买提·艾力" },
    { "\u2F24伟", "大伟" },
    { "王  芳", "王芳" },
    { "ｗａｎｇ", "wang" },
    { "①栋", "1栋" },
    { "张\u200B伟", "张伟" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (folds); i++)
    {
      g_autofree char *folded = sz_name_fold (folds[i].text);

      g_assert_cmpstr (folded, ==, folds[i].folded);
    }
}

static gboolean
save_name (SzDb        *db,
           const char  *name,
           char       **stored,
           GError     **error)
{
  g_autoptr(SzPerson) p = test_person_new (db);

  p->name = g_strdup (name);
  if (!sz_person_save (db, p, error))
    return FALSE;
  if (stored != NULL)
    {
      g_autoptr(SzPerson) back = sz_person_get (db, p->id, error);

      g_assert_nonnull (back);
      *stored = g_strdup (back->name);
    }
  return TRUE;
}

static void
test_person_limit (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree char *stored = NULL;
  SzDb *db = test_open_db ("names.db", &path);

  /* 100 characters, a minority name in full. */
  while (g_utf8_strlen (name->str, -1) < SZ_NAME_MAX_CHARS)
    g_string_append (name, "阿卜杜热合曼·买买提依明·");
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, SZ_NAME_MAX_CHARS - 1) - name->str);
  g_string_append (name, "明");
  g_assert_cmpint (g_utf8_strlen (name->str, -1), ==, SZ_NAME_MAX_CHARS);
  g_assert_true (save_name (db, name->str, &stored, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (stored, ==, name->str);

  /* 101: refused, naming the field. */
  g_string_append (name, "明");
  g_assert_false (save_name (db, name->str, NULL, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_assert_true (g_str_has_prefix (error->message, "Name: "));
  g_assert_nonnull (strstr (error->message, "100"));
  g_clear_error (&error);

  /* Counted after the fixes: 100 characters and invisible ones. */
  g_string_truncate (name, g_utf8_offset_to_pointer (name->str, SZ_NAME_MAX_CHARS) - name->str);
  g_string_append (name, "\u200B\u200B");
  g_assert_true (save_name (db, name->str, NULL, &error));
  g_assert_no_error (error);

  sz_db_close (db);
}

static void
test_person_save (void)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  SzDb *db = test_open_db ("names.db", &path);
  static const struct { const char *typed; const char *stored; } saves[] = {
    { "\u2F24伟", "大伟" },
    { "王  芳", "王芳" },
    { "买买提・艾力", "买买提·艾力" },
    { "\uF9FA明", "\u72C0明" },
    { "李\u200B明", "李明" },
    { "王\uE816", "王\uE816" },
    { "\U00021484明", "\U00021484明" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (saves); i++)
    {
      g_autofree char *stored = NULL;

      g_assert_true (save_name (db, saves[i].typed, &stored, &error));
      g_assert_no_error (error);
      g_assert_cmpstr (stored, ==, saves[i].stored);
    }

  /* The pinyin key is the stored name's: ⼤ reads da. */
  {
    g_autoptr(SzPerson) p = test_person_new (db);

    p->name = g_strdup ("\u2F24伟");
    g_assert_true (sz_person_save (db, p, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (p->name, ==, "大伟");
    g_assert_cmpstr (p->name_pinyin, ==, "da wei");
  }

  /* Only invisible characters: empty, refused. */
  g_assert_false (save_name (db, "\u200B\uFEFF", NULL, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_clear_error (&error);
  /* Invalid UTF-8 is still refused as such. */
  g_assert_false (save_name (db, "\xff张", NULL, &error));
  g_assert_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "UTF-8"));

  sz_db_close (db);
}

/* Most names are plain: they must cost next to nothing (the import
 * normalises 40,000 rows, search folds every name of a city). */
static void
test_speed (void)
{
  static const char *names[] = { "张伟", "欧阳红梅", "阿依古丽·买买提", "王䶮", "John Smith", "王  芳" };
  gint64 start = g_get_monotonic_time ();
  double ms;

  for (guint i = 0; i < 200000; i++)
    {
      g_free (sz_name_normalize (names[i % G_N_ELEMENTS (names)], NULL));
      g_free (sz_name_fold (names[i % G_N_ELEMENTS (names)]));
    }
  ms = (g_get_monotonic_time () - start) / 1000.0;
  g_test_message ("200,000 names normalised and folded in %.0f ms", ms);
  g_test_minimized_result (ms, "%.0f ms", ms);
}

int
main (int    argc,
      char **argv)
{
  setlocale (LC_ALL, "");
  setlocale (LC_MESSAGES, "C");
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/core/name/cases", test_cases);
  g_test_add_func ("/core/name/idempotent", test_idempotent);
  g_test_add_func ("/core/name/invalid", test_invalid);
  g_test_add_func ("/core/name/describe", test_describe);
  g_test_add_func ("/core/name/invisible", test_invisible);
  g_test_add_func ("/core/name/fold", test_fold);
  g_test_add_func ("/core/name/person-limit", test_person_limit);
  g_test_add_func ("/core/name/person-save", test_person_save);
  g_test_add_func ("/core/name/speed", test_speed);
  return g_test_run ();
}
