/* sz-pinyin.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  SZ_MATCH_NONE = 0,
  SZ_MATCH_SUBSTRING,
  SZ_MATCH_PREFIX,
  SZ_MATCH_EXACT,
} SzMatch;

/* The pinyin key of @text: one token per Unicode character of @text,
 * separated by single spaces.  A Han character gives its toneless pinyin
 * in lower-case ASCII with ü written as "v" (吕 → "lv"); a Latin letter or
 * digit gives itself in lower case; anything else gives the character
 * itself.  With @person_name, the first one or two characters are read as
 * a surname (单 shan, 曾 zeng, 朴 piao, 尉迟 yu chi).  Readings come from
 * ICU's Han-Latin transliterator and are cached per character. */
char    *sz_pinyin_key          (const char *text,
                                 gboolean    person_name);

/* The key search matches a person's name with: @key (the name's
 * sz_pinyin_key() as a person name) with every other toneless reading of
 * the surname character added to its token, '|'-separated, the key's
 * own reading first (盖丽 "ge li" → "ge|gai li", 单玉华 "shan yu hua" →
 * "shan|dan|chan yu hua"), so that the name is found by each reading
 * people use for it.  The readings are Unihan's (kMandarin, kXHC1983,
 * kTGHZ2013; kHanyuPinyin for characters those lack), generated at build
 * time.  Only the surname gets them: the other characters keep one
 * reading.  A compound surname with a reading of its own (尉迟 yu chi)
 * gets none.  NULL when the surname has a single reading.  Stored keys
 * and sorting keep sz_pinyin_key(): this is for matching only. */
char    *sz_pinyin_search_key   (const char *text,
                                 const char *key);

/* The first letter of each alphanumeric token of @key ("zhang wei" → "zw"). */
char    *sz_pinyin_initials     (const char *key);

/* ICU's zh collation (pinyin order); strcmp-like, for sorting names. */
int      sz_pinyin_collate      (const char *a,
                                 const char *b);

/* Does @query find @text whose key is @key?  The query may mix Han
 * characters, full syllables and syllable prefixes (initials) in any
 * combination ("张伟", "zhangwei", "zw", "zhangw", "张w"), ignoring case,
 * spaces and the punctuation tokens of the key (the "·" in minority names).
 * A query "u" also finds a key's "v" (lü typed as lu).  A token may list
 * readings separated by '|' (see sz_pinyin_search_key()): any of them
 * matches.  Matching starts at a token boundary.  Returns EXACT when the query covers the whole text,
 * PREFIX when it starts at the first token, SUBSTRING otherwise. */
SzMatch  sz_pinyin_match        (const char *text,
                                 const char *key,
                                 const char *query);

G_END_DECLS
