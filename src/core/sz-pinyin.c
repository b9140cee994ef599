/* sz-pinyin.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-pinyin.h"

#include <string.h>

#include <unicode/ucol.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

/* sz_readings_table and sz_readings_pool, generated from Unihan */
#include "sz-readings-table.h"

/* Whitespace in a text gives no token: sz_pinyin_key() drops it and
 * sz_pinyin_match() skips it while walking the text, so "张 伟" has the key
 * "zhang wei" and the same matches as "张伟".  A space could not be a
 * token anyway, as tokens are separated by spaces.  Punctuation, symbols
 * and control/format characters do give a token (the character itself),
 * but the matcher treats those tokens as transparent. */

typedef struct
{
  const char *hanzi;
  const char *reading;
} SzOverride;

/* Single-character surnames that ICU 72's Han-Latin/Names reads otherwise
 * (checked one by one; 单 曾 解 仇 区 查 盖 乐 召 繁 翟 秘 种 员 宓 隗 冼 贲
 * are already right there, so they need no entry). */
static const SzOverride surname_overrides[] = {
  { "朴", "piao" },   /* ICU: pu */
  { "覃", "qin" },    /* ICU: tan, the reading of the word, not the surname */
  { "缪", "miao" },   /* ICU: mou */
  { "尉", "wei" },    /* ICU: yu, right only inside 尉迟 */
  { "牟", "mou" },    /* ICU: mu */
  { "莘", "shen" },   /* ICU: xin */
  { "阚", "kan" },    /* ICU: han */
  { "都", "du" },     /* ICU: dou */
  { "句", "gou" },    /* ICU: ju */
  { "能", "nai" },    /* ICU: neng */
  { "祭", "zhai" },   /* ICU: ji */
  { "黑", "he" },     /* ICU: hei */
  { "洗", "xian" },   /* ICU: xi */
};

/* Plain Han-Latin readings that are wrong for most place names: 长安路,
 * 长江, 成都, 首都 are far more common in addresses than 校长 or 都是. */
static const SzOverride common_overrides[] = {
  { "长", "chang" },  /* ICU: zhang */
  { "都", "du" },     /* ICU: dou */
};

/* Compound surnames: the first two characters of a person name.  A NULL
 * reading means the per-character surname reading is right; the others
 * are what ICU (or our single-character overrides) would get wrong, as
 * two NUL-separated syllables. */
static const SzOverride compound_surnames[] = {
  { "万俟", "mo\0qi" }, { "长孙", "zhang\0sun" }, { "单于", "chan\0yu" },
  { "澹台", "tan\0tai" }, { "尉迟", "yu\0chi" }, { "拓跋", "tuo\0ba" },
  { "子车", "zi\0ju" },
  { "欧阳", NULL }, { "司马", NULL }, { "上官", NULL }, { "诸葛", NULL }, { "皇甫", NULL },
  { "令狐", NULL }, { "公孙", NULL }, { "宇文", NULL }, { "慕容", NULL }, { "东方", NULL },
  { "夏侯", NULL }, { "轩辕", NULL }, { "司徒", NULL }, { "西门", NULL }, { "南宫", NULL },
  { "端木", NULL }, { "呼延", NULL }, { "独孤", NULL }, { "闻人", NULL }, { "东郭", NULL },
  { "南门", NULL }, { "羊舌", NULL }, { "微生", NULL }, { "公冶", NULL }, { "太叔", NULL },
  { "申屠", NULL }, { "公羊", NULL }, { "仲孙", NULL }, { "钟离", NULL }, { "宗政", NULL },
  { "濮阳", NULL }, { "淳于", NULL }, { "赫连", NULL }, { "百里", NULL }, { "第五", NULL },
  { "鲜于", NULL }, { "亓官", NULL }, { "司空", NULL }, { "司寇", NULL }, { "左丘", NULL },
  { "梁丘", NULL }, { "谷梁", NULL }, { "段干", NULL }, { "东门", NULL }, { "乐正", NULL },
  { "巫马", NULL }, { "公西", NULL }, { "漆雕", NULL }, { "壤驷", NULL }, { "公良", NULL },
  { "夹谷", NULL }, { "宰父", NULL }, { "闾丘", NULL }, { "完颜", NULL }, { "即墨", NULL },
  { "东宫", NULL },
};

/* The two characters of each compound surname, decoded once. */
static gunichar compound_chars[G_N_ELEMENTS (compound_surnames)][2];

/* Both caches map a code point to its reading, or to "" when ICU has
 * none.  Entries are never removed, so a looked-up string stays valid
 * after the lock is dropped.  The lock also serialises the use of the
 * transliterators, which are not safe to share between threads. */
static GMutex cache_lock;
static GHashTable *surname_cache;
static GHashTable *common_cache;
static UTransliterator *names_trans;
static UTransliterator *common_trans;
static const UNormalizer2 *nfd;

static gsize compound_init;

static void
init_compounds (void)
{
  if (g_once_init_enter (&compound_init))
    {
      for (gsize i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
        {
          const char *s = compound_surnames[i].hanzi;

          compound_chars[i][0] = g_utf8_get_char (s);
          compound_chars[i][1] = g_utf8_get_char (g_utf8_next_char (s));
        }
      g_once_init_leave (&compound_init, 1);
    }
}

static UTransliterator *
open_transliterator (const char *id)
{
  UChar uid[64];
  UErrorCode err = U_ZERO_ERROR;
  UTransliterator *trans;

  u_uastrncpy (uid, id, G_N_ELEMENTS (uid));
  trans = utrans_openU (uid, -1, UTRANS_FORWARD, NULL, 0, NULL, &err);
  if (U_FAILURE (err))
    {
      g_warning ("Cannot open ICU transliterator %s: %s", id, u_errorName (err));
      return NULL;
    }
  return trans;
}

/* Called with cache_lock held.  Returns the toneless ASCII reading of @c,
 * with ü as "v", or NULL when ICU leaves the character as it is.  Tone
 * marks are stripped here after NFD rather than with Latin-ASCII, which
 * would turn ü into u. */
static char *
transliterate (UTransliterator *trans,
               gunichar         c)
{
  UChar buf[32];
  UChar dec[64];
  char out[16];
  int32_t len = 0;
  int32_t limit;
  int32_t dlen;
  gsize n = 0;
  UErrorCode err = U_ZERO_ERROR;

  if (trans == NULL || nfd == NULL)
    return NULL;

  U16_APPEND_UNSAFE (buf, len, c);
  limit = len;
  utrans_transUChars (trans, buf, &len, G_N_ELEMENTS (buf), 0, &limit, &err);
  if (U_FAILURE (err))
    return NULL;
  dlen = unorm2_normalize (nfd, buf, len, dec, G_N_ELEMENTS (dec), &err);
  if (U_FAILURE (err))
    return NULL;

  for (int32_t i = 0; i < dlen; i++)
    {
      UChar u = dec[i];

      if (u >= 'A' && u <= 'Z')
        u += 'a' - 'A';
      if (u >= 'a' && u <= 'z')
        {
          if (u == 'u' && i + 1 < dlen && dec[i + 1] == 0x0308)
            u = 'v';
          if (n + 1 >= sizeof out)
            return NULL;
          out[n++] = (char) u;
        }
      else if ((u >= 0x0300 && u <= 0x036F) || u == ' ' || u == '\'')
        continue;
      else
        return NULL; /* the character itself came back: no reading */
    }
  if (n == 0)
    return NULL;
  out[n] = '\0';
  return g_strdup (out);
}

static const char *
find_override (const SzOverride *table,
               gsize             n,
               gunichar          c)
{
  for (gsize i = 0; i < n; i++)
    if (g_utf8_get_char (table[i].hanzi) == c)
      return table[i].reading;
  return NULL;
}

/* The reading of the Han character @c, or NULL if it has none. */
static const char *
lookup_reading (gunichar c,
                gboolean surname)
{
  GHashTable *cache;
  const char *reading;

  g_mutex_lock (&cache_lock);
  if (surname_cache == NULL)
    {
      UErrorCode err = U_ZERO_ERROR;

      surname_cache = g_hash_table_new (NULL, NULL);
      common_cache = g_hash_table_new (NULL, NULL);
      names_trans = open_transliterator ("Han-Latin/Names");
      common_trans = open_transliterator ("Han-Latin");
      nfd = unorm2_getNFDInstance (&err);
      if (U_FAILURE (err))
        nfd = NULL;
    }

  cache = surname ? surname_cache : common_cache;
  reading = g_hash_table_lookup (cache, GUINT_TO_POINTER (c));
  if (reading == NULL)
    {
      if (surname)
        reading = find_override (surname_overrides, G_N_ELEMENTS (surname_overrides), c);
      else
        reading = find_override (common_overrides, G_N_ELEMENTS (common_overrides), c);
      if (reading == NULL)
        reading = transliterate (surname ? names_trans : common_trans, c);
      if (reading == NULL)
        reading = "";
      g_hash_table_insert (cache, GUINT_TO_POINTER (c), (gpointer) reading);
    }
  g_mutex_unlock (&cache_lock);

  return *reading != '\0' ? reading : NULL;
}

/* Case and width folding shared by the key, the text and the query. */
static inline gunichar
fold_char (gunichar c)
{
  if (c < 0x80)
    return g_ascii_tolower ((char) c);
  if ((c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
      (c >= 0xFF41 && c <= 0xFF5A))
    return g_ascii_tolower ((char) (c - 0xFEE0));
  if (c >= 0x3000)
    return c; /* CJK and beyond: nothing to fold, skip the table lookup */
  return g_unichar_tolower (c);
}

/* Tokens of such characters are skipped by the matcher (the "·" of
 * minority names, brackets, dashes), and the query drops them too. */
static inline gboolean
is_transparent (gunichar c)
{
  GUnicodeType type;

  if (c < 0x80)
    return !g_ascii_isalnum ((char) c);
  type = g_unichar_type (c);
  return g_unichar_ispunct (c) || type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

static gssize
find_compound (gunichar c0,
               gunichar c1)
{
  init_compounds ();
  for (gsize i = 0; i < G_N_ELEMENTS (compound_surnames); i++)
    if (compound_chars[i][0] == c0 && compound_chars[i][1] == c1)
      return i;
  return -1;
}

char *
sz_pinyin_key (const char *text,
               gboolean    person_name)
{
  g_autofree char *valid = NULL;
  const char *compound[2] = { NULL, NULL };
  gboolean is_compound = FALSE;
  GString *key;
  guint pos = 0;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    text = valid = g_utf8_make_valid (text, -1);

  if (person_name)
    {
      gunichar first[2] = { 0, 0 };
      guint n = 0;

      for (const char *p = text; *p != '\0' && n < 2; p = g_utf8_next_char (p))
        {
          gunichar c = fold_char (g_utf8_get_char (p));

          if (!g_unichar_isspace (c) && !is_transparent (c))
            first[n++] = c;
        }
      if (n == 2)
        {
          gssize i = find_compound (first[0], first[1]);

          if (i >= 0)
            {
              is_compound = TRUE;
              compound[0] = compound_surnames[i].reading;
              if (compound[0] != NULL)
                compound[1] = compound[0] + strlen (compound[0]) + 1;
            }
        }
    }

  key = g_string_sized_new (strlen (text) * 2 + 8);
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = fold_char (g_utf8_get_char (p));

      if (g_unichar_isspace (c))
        continue;
      if (key->len > 0)
        g_string_append_c (key, ' ');

      if (c < 0x80 && g_ascii_isalnum ((char) c))
        g_string_append_c (key, (char) c);
      else if (g_unichar_get_script (c) == G_UNICODE_SCRIPT_HAN)
        {
          gboolean surname = person_name && (pos == 0 || (pos == 1 && is_compound));
          const char *reading = surname && pos < 2 ? compound[pos] : NULL;

          if (reading == NULL)
            reading = lookup_reading (c, surname);
          if (reading != NULL)
            g_string_append (key, reading);
          else
            g_string_append_unichar (key, c);
        }
      else
        g_string_append_unichar (key, c);
      /* "（单田芳）" still has its surname first. */
      if (!is_transparent (c))
        pos++;
    }

  return g_string_free (key, FALSE);
}

/* Decodes one character without ever reading past the terminating NUL;
 * an invalid byte counts as U+FFFD, as g_utf8_make_valid() makes it. */
static inline gunichar
next_char (const char **p)
{
  const guchar *s = (const guchar *) *p;
  gunichar c;

  if (*s < 0x80)
    {
      *p += 1;
      return *s;
    }
  c = g_utf8_get_char_validated (*p, -1);
  if (c & 0x80000000)
    {
      *p += 1;
      return 0xFFFD;
    }
  *p = g_utf8_next_char (*p);
  return c;
}

/* The toneless readings of @c, space-separated, when it has more than
 * one (单 → "dan shan chan"); NULL otherwise. */
static const char *
find_readings (gunichar c)
{
  gsize lo = 0;
  gsize hi = G_N_ELEMENTS (sz_readings_table);

  while (lo < hi)
    {
      gsize mid = (lo + hi) / 2;

      if (sz_readings_table[mid].c == c)
        return sz_readings_pool + sz_readings_table[mid].at;
      if (sz_readings_table[mid].c < c)
        lo = mid + 1;
      else
        hi = mid;
    }
  return NULL;
}

char *
sz_pinyin_search_key (const char *text,
                      const char *key)
{
  const char *kp = key;
  const char *tok = NULL;
  gsize toklen = 0;
  gunichar first[2] = { 0, 0 };
  guint n = 0;
  const char *readings;
  GString *out;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (key != NULL, NULL);

  /* Walk the text and its key in step, as the matcher does, to the token
   * of the first character that is not transparent: the surname. */
  for (const char *p = text; *p != '\0' && *kp != '\0' && n < 2;)
    {
      gunichar c = fold_char (next_char (&p));
      const char *t = kp;

      if (g_unichar_isspace (c))
        continue;
      while (*kp != '\0' && *kp != ' ')
        kp++;
      if (is_transparent (c))
        {
          if (*kp == ' ')
            kp++;
          continue;
        }
      if (n == 0)
        {
          tok = t;
          toklen = kp - t;
        }
      first[n++] = c;
      if (*kp == ' ')
        kp++;
    }
  if (tok == NULL || g_unichar_get_script (first[0]) != G_UNICODE_SCRIPT_HAN)
    return NULL;
  /* A compound surname with its own reading (尉迟 yu chi) has only that. */
  if (n == 2)
    {
      gssize i = find_compound (first[0], first[1]);

      if (i >= 0 && compound_surnames[i].reading != NULL)
        return NULL;
    }
  readings = find_readings (first[0]);
  if (readings == NULL)
    return NULL;

  /* The key's own reading first, then the others. */
  out = g_string_new_len (key, tok - key + toklen);
  for (const char *r = readings; *r != '\0';)
    {
      gsize len = strcspn (r, " ");

      if (len != toklen || strncmp (r, tok, len) != 0)
        {
          g_string_append_c (out, '|');
          g_string_append_len (out, r, len);
        }
      r += len;
      if (*r == ' ')
        r++;
    }
  if (out->len == (gsize) (tok - key) + toklen)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  g_string_append (out, tok + toklen);
  return g_string_free (out, FALSE);
}

char *
sz_pinyin_initials (const char *key)
{
  GString *initials;
  gboolean at_start = TRUE;

  g_return_val_if_fail (key != NULL, NULL);

  initials = g_string_sized_new (strlen (key) / 2 + 1);
  for (const char *p = key; *p != '\0'; p++)
    {
      if (*p == ' ')
        at_start = TRUE;
      else if (at_start)
        {
          if (g_ascii_isalnum (*p))
            g_string_append_c (initials, g_ascii_tolower (*p));
          at_start = FALSE;
        }
    }
  return g_string_free (initials, FALSE);
}

static UCollator *
get_collator (void)
{
  static gsize once = 0;
  static UCollator *collator = NULL;

  if (g_once_init_enter (&once))
    {
      UErrorCode err = U_ZERO_ERROR;

      collator = ucol_open ("zh", &err);
      if (U_FAILURE (err))
        {
          g_warning ("Cannot open ICU collator for zh: %s", u_errorName (err));
          collator = NULL;
        }
      g_once_init_leave (&once, 1);
    }
  return collator;
}

int
sz_pinyin_collate (const char *a,
                   const char *b)
{
  UCollator *collator;
  UErrorCode err = U_ZERO_ERROR;
  UCollationResult result;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  collator = get_collator ();
  if (collator == NULL)
    return strcmp (a, b);
  /* ucol_strcollUTF8() only reads the collator, so sharing it is safe. */
  result = ucol_strcollUTF8 (collator, a, -1, b, -1, &err);
  if (U_FAILURE (err))
    return strcmp (a, b);
  return result == UCOL_LESS ? -1 : result == UCOL_GREATER ? 1 : 0;
}

/* Matcher states, one bit each: where the match started and whether
 * every token so far was matched whole (syllable or hanzi). */
enum
{
  STATE_SUBSTRING = 1 << 0, /* started after the first token */
  STATE_PREFIX = 1 << 1,    /* started at the first token, some syllable cut */
  STATE_WHOLE = 1 << 2,     /* started at the first token, all whole */
};

#define STACK_QUERY 64

typedef struct
{
  guint8 *next;
  gsize m;
  SzMatch best;
  gboolean exact_pending;
  guint8 alive;
} MatchState;

static inline void
land (MatchState *st,
      gsize       p,
      guint8      mask)
{
  if (p < st->m)
    {
      st->next[p] |= mask;
      st->alive |= mask;
      return;
    }
  if ((mask & (STATE_PREFIX | STATE_WHOLE)) && st->best < SZ_MATCH_PREFIX)
    st->best = SZ_MATCH_PREFIX;
  else if (mask & STATE_SUBSTRING && st->best < SZ_MATCH_SUBSTRING)
    st->best = SZ_MATCH_SUBSTRING;
  /* EXACT only if no other non-transparent token follows. */
  if (mask & STATE_WHOLE)
    st->exact_pending = TRUE;
}

/* A query 'u' also finds a key's 'v' (lü typed as lu); 'v' only finds 'v'. */
static inline gboolean
letter_matches (gunichar q,
                char     k)
{
  return q == (gunichar) (guchar) k || (q == 'u' && k == 'v');
}

/* The query from position @p on against the syllable @syl: each of
 * its prefixes that the query spells lands a state, the whole syllable
 * keeping @mask, a cut one @cut. */
static inline void
match_syllable (MatchState     *st,
                const gunichar *q,
                gsize           p,
                guint8          mask,
                guint8          cut,
                const char     *syl,
                gsize           len)
{
  for (gsize l = 0; l < len && p + l < st->m && letter_matches (q[p + l], syl[l]); l++)
    land (st, p + l + 1, l + 1 == len ? mask : cut);
}

/* The match walks the text and its key in step, one token per
 * non-space character, and keeps, for each query position, which states
 * can reach it at the current token: a dynamic programme equivalent to
 * backtracking over every split of the query into hanzi, syllables and
 * syllable prefixes, but bounded by tokens × query length × syllable
 * length, so no adversarial query can blow it up.  Every token position
 * is a possible start (a new bit at query position 0).
 *
 * EXACT: started at the first non-transparent token, every token matched
 * whole (whole syllable or its hanzi) and the query ends with the last
 * non-transparent token.  "zw" on 张伟 is therefore PREFIX, "zhangwei"
 * and "张wei" are EXACT. */
SzMatch
sz_pinyin_match (const char *text,
                 const char *key,
                 const char *query)
{
  gunichar qbuf[STACK_QUERY];
  guint8 rows[2][STACK_QUERY + 1];
  g_autofree gunichar *qheap = NULL;
  g_autofree guint8 *rheap = NULL;
  gunichar *q = qbuf;
  guint8 *cur;
  MatchState st = { NULL, 0, SZ_MATCH_NONE, FALSE, 0 };
  gsize qbytes;
  const char *tp = text;
  const char *kp = key;
  guint n = 0;

  g_return_val_if_fail (text != NULL, SZ_MATCH_NONE);
  g_return_val_if_fail (key != NULL, SZ_MATCH_NONE);
  g_return_val_if_fail (query != NULL, SZ_MATCH_NONE);

  /* A query never has more characters than bytes. */
  qbytes = strlen (query);
  if (qbytes > STACK_QUERY)
    q = qheap = g_new (gunichar, qbytes);
  for (const char *p = query; *p != '\0';)
    {
      gunichar c = fold_char (next_char (&p));

      if (!g_unichar_isspace (c) && !is_transparent (c))
        q[st.m++] = c;
    }
  if (st.m == 0)
    return SZ_MATCH_NONE;

  if (st.m <= STACK_QUERY)
    {
      cur = rows[0];
      st.next = rows[1];
    }
  else
    {
      rheap = g_new (guint8, 2 * (st.m + 1));
      cur = rheap;
      st.next = rheap + st.m + 1;
    }
  memset (cur, 0, st.m + 1);

  while (*tp != '\0' && *kp != '\0')
    {
      gunichar c = fold_char (next_char (&tp));
      const char *tok = kp;
      gsize toklen;
      gboolean readings = FALSE;
      guint8 *swap;

      if (g_unichar_isspace (c))
        continue;
      while (*kp != '\0' && *kp != ' ')
        readings |= *kp++ == '|';
      toklen = kp - tok;
      if (*kp == ' ')
        kp++;
      if (is_transparent (c))
        continue;

      st.exact_pending = FALSE;
      cur[0] |= n == 0 ? STATE_WHOLE : STATE_SUBSTRING;
      memset (st.next, 0, st.m + 1);
      st.alive = 0;

      for (gsize p = 0; p < st.m; p++)
        {
          guint8 mask = cur[p];

          if (mask == 0)
            continue;
          if (c >= 0x80 && q[p] == c)
            land (&st, p + 1, mask);
          if (g_ascii_isalnum (tok[0]))
            {
              guint8 cut = mask & STATE_WHOLE ? (mask & ~STATE_WHOLE) | STATE_PREFIX : mask;

              if (!readings)
                match_syllable (&st, q, p, mask, cut, tok, toklen);
              else
                {
                  /* Each reading of the token ("ge|gai"): any may match. */
                  for (const char *alt = tok, *end; alt < tok + toklen; alt = end + 1)
                    {
                      end = alt;
                      while (end < tok + toklen && *end != '|')
                        end++;
                      match_syllable (&st, q, p, mask, cut, alt, end - alt);
                    }
                }
            }
        }

      swap = cur;
      cur = st.next;
      st.next = swap;
      n++;

      /* Later starts can only give SUBSTRING: stop once nothing better
       * is still possible. */
      if (!st.exact_pending && st.best != SZ_MATCH_NONE &&
          !(st.alive & STATE_WHOLE) &&
          (st.best == SZ_MATCH_PREFIX || !(st.alive & STATE_PREFIX)))
        break;
    }

  if (st.exact_pending)
    return SZ_MATCH_EXACT;
  return st.best;
}
