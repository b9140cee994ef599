/* sz-search.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-db.h"
#include "sz-name.h"
#include "sz-search.h"

/* Search scans an in-memory array rather than the database: a city-size
 * roster has 150,000 names, and a scan of compact entries with a
 * letter-set filter before the pinyin matcher answers in a few
 * milliseconds, where LIKE over the tables (which cannot use an index for
 * substrings and initials) takes tens.
 *
 * Names and queries are folded alike (sz_name_fold()): a name stored with
 * a look-alike character (⼤, 买买提・艾力) is found by the proper one and
 * the other way round.  A person's surname is matched by each of its
 * readings (sz_pinyin_search_key()); hits by a reading other than the
 * key's own come after the others of the same quality. */

typedef struct
{
  const char *shown;    /* the name as stored */
  const char *text;     /* folded: what is matched; @shown if the same */
  const char *key;      /* the pinyin key of @text */
  const char *alt_key;  /* @key with the surname's other readings, or NULL */
  const char *digits;   /* phones' digits, '|'-separated; NULL if none */
  gint64      id;
  gint64      community_id;
  guint32     letters;  /* bit n: the key has letter 'a'+n */
  guint8      kind;
} Entry;

typedef struct
{
  GStringChunk *strings;
  GArray       *entries;
  GHashTable   *by_community;  /* gint64 * → GArray of guint: its entries' positions, in order */
  guint64       stamp;
} Index;

#define INDEX_KEY "sz-search-index"

static void
index_free (gpointer data)
{
  Index *index = data;

  g_string_chunk_free (index->strings);
  g_array_unref (index->entries);
  g_clear_pointer (&index->by_community, g_hash_table_unref);
  g_free (index);
}

void
sz_search_hit_free (SzSearchHit *hit)
{
  if (hit == NULL)
    return;
  g_free (hit->text);
  g_free (hit);
}

/* Beside the 26 letters: the key has a digit ("5 hao lou").  A query of
 * phone digits then skips the names at once. */
#define HAS_DIGIT (1u << 26)

static guint32
letters_of (const char *key)
{
  guint32 mask = 0;

  for (const char *p = key; *p; p++)
    if (*p >= 'a' && *p <= 'z')
      {
        mask |= 1u << (*p - 'a');
        /* ü is keyed as v and may be typed as u. */
        if (*p == 'v')
          mask |= 1u << ('u' - 'a');
      }
    else if (g_ascii_isdigit (*p))
      mask |= HAS_DIGIT;
  return mask;
}

static gboolean
add_rows (SzDb        *db,
          Index       *index,
          const char  *sql,
          SzHitKind    kind,
          GError     **error)
{
  SzStmt *stmt = sz_db_prepare (db, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      Entry e = { 0 };
      const char *name = (const char *) sz_stmt_column_text (stmt, 1);
      const char *key = (const char *) sz_stmt_column_text (stmt, 2);
      const char *digits = (const char *) sz_stmt_column_text (stmt, 3);
      g_autofree char *folded = NULL;
      g_autofree char *folded_key = NULL;
      g_autofree char *alt_key = NULL;

      if (name == NULL)
        name = "";
      /* Stored before names were normalised, or a place name: folded
       * here, with the key of what is matched. */
      folded = sz_name_fold (name);
      if (folded != NULL)
        key = folded_key = sz_pinyin_key (folded, kind == SZ_HIT_PERSON);

      e.id = sz_stmt_column_int64 (stmt, 0);
      e.community_id = sz_stmt_column_int64 (stmt, 4);
      e.shown = g_string_chunk_insert (index->strings, name);
      e.text = folded ? g_string_chunk_insert (index->strings, folded) : e.shown;
      e.key = g_string_chunk_insert_const (index->strings, key ? key : "");
      if (kind == SZ_HIT_PERSON)
        alt_key = sz_pinyin_search_key (e.text, e.key);
      e.alt_key = alt_key ? g_string_chunk_insert (index->strings, alt_key) : NULL;
      e.digits = digits && *digits ? g_string_chunk_insert (index->strings, digits) : NULL;
      e.letters = letters_of (e.alt_key ? e.alt_key : e.key);
      e.kind = kind;
      g_array_append_val (index->entries, e);
    }
  return rc != 0;
}

/* Phones are stored in normal form ("0431-88886666-123"); the index keeps
 * digits only, so "8888" finds it. */
static void
digits_func (sqlite3_context  *ctx,
             int               argc,
             sqlite3_value   **argv)
{
  GString *s = g_string_new (NULL);

  for (int i = 0; i < argc; i++)
    {
      const char *text = (const char *) sqlite3_value_text (argv[i]);
      if (text == NULL)
        continue;
      if (s->len > 0)
        g_string_append_c (s, '|');
      for (const char *p = text; *p; p++)
        if (g_ascii_isdigit (*p))
          g_string_append_c (s, *p);
    }
  sqlite3_result_text (ctx, s->str, s->len, SQLITE_TRANSIENT);
  g_string_free (s, TRUE);
}

/* Entries are kept in pinyin order (of the key, then the text), so that a
 * scan finds hits already in the order they are shown. */
static int
entry_compare (gconstpointer a,
               gconstpointer b)
{
  const Entry *ea = a;
  const Entry *eb = b;
  int c;

  if ((c = strcmp (ea->key, eb->key)) != 0)
    return c;
  if ((c = strcmp (ea->shown, eb->shown)) != 0)
    return c;
  if (ea->kind != eb->kind)
    return ea->kind < eb->kind ? -1 : 1;
  return ea->id < eb->id ? -1 : ea->id > eb->id;
}

static Index *
get_index (SzDb    *db,
           GError **error)
{
  Index *index = sz_db_get_data (db, INDEX_KEY);
  guint64 stamp = sz_db_get_change_count (db);

  if (index != NULL && index->stamp == stamp)
    return index;

  /* On a server, sz_digits() is the schema's (sql/pg/0001-roster.sql). */
  if (sz_db_handle (db) != NULL)
    sqlite3_create_function_v2 (sz_db_handle (db), "sz_digits", -1, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
                                NULL, digits_func, NULL, NULL, NULL);
  index = g_new0 (Index, 1);
  index->strings = g_string_chunk_new (1 << 16);
  index->entries = g_array_new (FALSE, FALSE, sizeof (Entry));
  index->stamp = stamp;
  /* Every community's: a search picks its own by community_id. */
  if (!add_rows (db, index, "SELECT id, name, name_pinyin, sz_digits(phone, phone2), community_id FROM person",
                 SZ_HIT_PERSON, error)
      || !add_rows (db, index, "SELECT id, name, name_pinyin, NULL, community_id FROM compound", SZ_HIT_COMPOUND, error)
      || !add_rows (db, index, "SELECT id, name, name_pinyin, NULL, community_id FROM grid WHERE name != ''",
                    SZ_HIT_GRID, error))
    {
      index_free (index);
      return NULL;
    }
  g_array_sort (index->entries, entry_compare);
  /* A search in one community (the app's, at each keystroke) looks at
   * its few hundred entries, not the city's. */
  index->by_community = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < index->entries->len; i++)
    {
      Entry *e = &g_array_index (index->entries, Entry, i);
      GArray *positions = g_hash_table_lookup (index->by_community, &e->community_id);

      if (positions == NULL)
        {
          positions = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (index->by_community, &e->community_id, positions);
        }
      g_array_append_val (positions, i);
    }
  sz_db_set_data_full (db, INDEX_KEY, index, index_free);
  return index;
}

gboolean
sz_search_prepare (SzDb    *db,
                   GError **error)
{
  g_return_val_if_fail (db != NULL, FALSE);
  return get_index (db, error) != NULL;
}

/* Marks a match found by phone digits, above the SzMatch values. */
#define BY_PHONE 0x100

/* What to look for, worked out once per query. */
typedef struct
{
  char        *folded;     /* lower case, no spaces, ASCII for full-width */
  char        *digits;     /* the query if it is 3+ digits only, else NULL */
  guint32      letters;    /* letters the key must have */
  GPtrArray   *hanzi;      /* non-ASCII characters the text must contain */
  gboolean     empty;      /* nothing a name can match: spaces, dots */
} Query;

static void
query_clear (Query *q)
{
  g_free (q->folded);
  g_free (q->digits);
  g_clear_pointer (&q->hanzi, g_ptr_array_unref);
}

/* Skipped by the matcher (see sz_pinyin_match()): the "·" of minority
 * names, brackets, dashes, invisible characters. */
static gboolean
is_transparent (gunichar c)
{
  GUnicodeType type = g_unichar_type (c);

  return g_unichar_ispunct (c) || type == G_UNICODE_CONTROL || type == G_UNICODE_FORMAT;
}

static void
query_init (Query      *q,
            const char *query)
{
  GString *folded = g_string_new (NULL);
  g_autofree char *valid = g_utf8_validate (query, -1, NULL) ? NULL : g_utf8_make_valid (query, -1);
  g_autofree char *name_folded = sz_name_fold (valid ? valid : query);
  const char *text = name_folded ? name_folded : valid ? valid : query;
  gboolean all_digits = TRUE;
  guint n_digits = 0;

  q->empty = TRUE;
  q->hanzi = g_ptr_array_new_with_free_func (g_free);
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      /* Full-width ASCII (from a Chinese input method) to ASCII. */
      if (c >= 0xff01 && c <= 0xff5e)
        c -= 0xfee0;
      /* Separators people type in phones and names. */
      if (g_unichar_isspace (c) || c == 0x3000 || c == '-' || c == '+' || c == '(' || c == ')')
        continue;
      c = g_unichar_tolower (c);
      /* ü is keyed as v. */
      if (c == 0x00fc)
        c = 'v';
      g_string_append_unichar (folded, c);
      if (c < 0x80)
        {
          if (g_ascii_isdigit (c))
            {
              n_digits++;
              q->letters |= HAS_DIGIT;
            }
          else
            all_digits = FALSE;
          if (c >= 'a' && c <= 'z')
            q->letters |= 1u << (c - 'a');
          if (g_ascii_isalnum (c))
            q->empty = FALSE;
        }
      else if (!is_transparent (c))
        {
          char buf[8] = { 0 };
          all_digits = FALSE;
          q->empty = FALSE;
          g_unichar_to_utf8 (c, buf);
          g_ptr_array_add (q->hanzi, g_strdup (buf));
        }
      else
        all_digits = FALSE;
    }
  /* A 'u' typed may stand for a key's 'v': do not require 'u' itself. */
  q->letters &= ~(1u << ('u' - 'a'));
  q->folded = g_string_free (folded, FALSE);
  if (all_digits && n_digits >= 3)
    {
      /* A number pasted with its country code: +86 138…, 0086 138…. */
      const char *d = q->folded;
      if (n_digits == 13 && g_str_has_prefix (d, "86"))
        d += 2;
      else if (n_digits == 15 && g_str_has_prefix (d, "0086"))
        d += 4;
      q->digits = g_strdup (d);
    }
}

static SzMatch
match_digits (const Entry *e,
              const char  *digits)
{
  SzMatch best = SZ_MATCH_NONE;
  const char *p = e->digits;

  if (p == NULL)
    return SZ_MATCH_NONE;
  while ((p = strstr (p, digits)) != NULL)
    {
      gboolean at_start = p == e->digits || p[-1] == '|';
      gboolean at_end = p[strlen (digits)] == '\0' || p[strlen (digits)] == '|';
      SzMatch m = at_start && at_end ? SZ_MATCH_EXACT : at_start ? SZ_MATCH_PREFIX : SZ_MATCH_SUBSTRING;

      best = MAX (best, m);
      p++;
    }
  return best;
}

/* community_id 0: every community. */
static GPtrArray *
search (SzDb        *db,
        gint64       community_id,
        const char  *query,
        guint        limit,
        GError     **error)
{
  g_autoptr(GPtrArray) hits = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_search_hit_free);
  /* Per match quality, best first: hits by the key's own reading, then
   * hits by another reading of the surname. */
  GArray *buckets[6];
  Query q = { 0 };
  Index *index;
  GArray *positions;
  guint n;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (query != NULL, NULL);

  index = get_index (db, error);
  if (index == NULL)
    return NULL;

  query_init (&q, query);
  if (q.empty)
    {
      query_clear (&q);
      return g_steal_pointer (&hits);
    }

  /* Buckets of entry positions: filled in index order, each is already
   * in pinyin order. */
  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    buckets[b] = g_array_new (FALSE, FALSE, sizeof (guint));

  positions = community_id != 0 ? g_hash_table_lookup (index->by_community, &community_id) : NULL;
  n = community_id == 0 ? index->entries->len : positions != NULL ? positions->len : 0;
  for (guint j = 0; j < n; j++)
    {
      guint i = positions != NULL ? g_array_index (positions, guint, j) : j;
      const Entry *e = &g_array_index (index->entries, Entry, i);
      SzMatch m = SZ_MATCH_NONE;
      guint other_reading = 0;

      if (q.digits != NULL)
        m = match_digits (e, q.digits);
      if (m == SZ_MATCH_NONE && (e->letters & q.letters) == q.letters)
        {
          gboolean has_all = TRUE;

          for (guint h = 0; has_all && h < q.hanzi->len; h++)
            has_all = strstr (e->text, q.hanzi->pdata[h]) != NULL;
          if (has_all)
            m = sz_pinyin_match (e->text, e->key, q.folded);
          if (has_all && m != SZ_MATCH_EXACT && e->alt_key != NULL)
            {
              SzMatch alt = sz_pinyin_match (e->text, e->alt_key, q.folded);

              if (alt > m)
                {
                  m = alt;
                  other_reading = 1;
                }
            }
        }
      else if (m != SZ_MATCH_NONE)
        m |= BY_PHONE;
      if (m != SZ_MATCH_NONE)
        g_array_append_val (buckets[(SZ_MATCH_EXACT - (m & ~BY_PHONE)) * 2 + other_reading],
                            (guint) { i | (m & BY_PHONE ? 1u << 31 : 0) });
    }
  query_clear (&q);

  for (guint b = 0; b < G_N_ELEMENTS (buckets); b++)
    {
      for (guint j = 0; j < buckets[b]->len && (limit == 0 || hits->len < limit); j++)
        {
          guint v = g_array_index (buckets[b], guint, j);
          const Entry *e = &g_array_index (index->entries, Entry, v & ~(1u << 31));
          SzSearchHit *hit = g_new0 (SzSearchHit, 1);

          hit->kind = e->kind;
          hit->id = e->id;
          hit->text = g_strdup (e->shown);
          hit->match = SZ_MATCH_EXACT - b / 2;
          hit->by_phone = (v & (1u << 31)) != 0;
          g_ptr_array_add (hits, hit);
        }
      g_array_unref (buckets[b]);
    }
  return g_steal_pointer (&hits);
}

GPtrArray *
sz_search_in (SzDb        *db,
              gint64       community_id,
              const char  *query,
              guint        limit,
              GError     **error)
{
  /* No community yet: nobody to find. */
  if (community_id <= 0)
    return g_ptr_array_new_with_free_func ((GDestroyNotify) sz_search_hit_free);
  return search (db, community_id, query, limit, error);
}

GPtrArray *
sz_search (SzDb        *db,
           const char  *query,
           guint        limit,
           GError     **error)
{
  return search (db, 0, query, limit, error);
}
