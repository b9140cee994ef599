/* sz-doc-lang.c: a reader of the compiled message catalogue, for documents
 * printed in a language of their own (sz-doc-lang.h).
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-doc-lang.h"

/* GNU .mo format: a header of 32-bit words in the file's byte order (the
 * magic number tells which), then two tables of (length, offset) pairs:
 * the original strings, sorted, and their translations.  A msgid with a
 * context is "context\004msgid"; a plural msgid is "singular\0plural", and
 * its msgstr the forms one after the other, NUL-separated. */
#define MO_MAGIC 0x950412deu
#define MO_MAGIC_SWAPPED 0xde120495u

static const char * const langs[] = { "zh_CN", "en", NULL };

static GMutex lock;
/* lang → GHashTable (msgid → msgstr), both owned by the table; a language
 * whose catalogue cannot be read maps to an empty table.  Never freed
 * before sz_doc_lang_reset(): lookups return its strings. */
static GHashTable *catalogues;
/* Tables set aside by sz_doc_lang_reset(), kept alive for strings already
 * handed out. */
static GPtrArray *retired;
/* lang → GHashTable (msgstr → msgid): the catalogues read backwards, for
 * sz_doc_retranslate(); same lifetime as the catalogues. */
static GHashTable *reversed;

gboolean
sz_doc_lang_is_valid (const char *lang)
{
  return lang != NULL && g_strv_contains (langs, lang);
}

const char * const *
sz_doc_lang_all (void)
{
  return langs;
}

const char *
sz_doc_lang_title (const char *lang)
{
  if (g_strcmp0 (lang, "en") == 0)
    return _("English");
  return _("Chinese (Simplified)");
}

static guint32
word (const guint8 *data,
      gsize         offset,
      gboolean      swap)
{
  guint32 w;

  memcpy (&w, data + offset, sizeof w);
  return swap ? GUINT32_SWAP_LE_BE (w) : w;
}

/* Reads @path into a new table; an unreadable or malformed file gives an
 * empty table (the msgids, English, are printed then). */
static GHashTable *
read_catalogue (const char *path)
{
  GHashTable *table = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GMappedFile) file = g_mapped_file_new (path, FALSE, NULL);
  const guint8 *data;
  gsize size;
  guint32 magic, n, orig, trans;
  gboolean swap;

  if (file == NULL)
    return table;
  data = (const guint8 *) g_mapped_file_get_contents (file);
  size = g_mapped_file_get_length (file);
  if (size < 28)
    return table;
  memcpy (&magic, data, sizeof magic);
  if (magic != MO_MAGIC && magic != MO_MAGIC_SWAPPED)
    return table;
  swap = magic == MO_MAGIC_SWAPPED;
  n = word (data, 8, swap);
  orig = word (data, 12, swap);
  trans = word (data, 16, swap);
  if ((guint64) orig + (guint64) n * 8 > size || (guint64) trans + (guint64) n * 8 > size)
    return table;
  for (guint32 i = 0; i < n; i++)
    {
      guint32 olen = word (data, orig + i * 8, swap);
      guint32 ooff = word (data, orig + i * 8 + 4, swap);
      guint32 tlen = word (data, trans + i * 8, swap);
      guint32 toff = word (data, trans + i * 8 + 4, swap);

      if ((guint64) ooff + olen >= size || (guint64) toff + tlen >= size)
        continue;
      /* The header (empty msgid) and empty translations are no lookups. */
      if (olen == 0 || tlen == 0)
        continue;
      /* strndup stops at the first NUL: a plural's singular, its first form. */
      g_hash_table_replace (table, g_strndup ((const char *) data + ooff, olen),
                            g_strndup ((const char *) data + toff, tlen));
    }
  return table;
}

static const char *
localedir (void)
{
  const char *dir = g_getenv ("SANZHANG_LOCALEDIR");

  return dir != NULL && *dir ? dir : LOCALEDIR;
}

static GHashTable *
catalogue (const char *lang)
{
  GHashTable *table;

  g_mutex_lock (&lock);
  if (catalogues == NULL)
    catalogues = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                        (GDestroyNotify) g_hash_table_unref);
  table = g_hash_table_lookup (catalogues, lang);
  if (table == NULL)
    {
      g_autofree char *path = g_build_filename (localedir (), lang, "LC_MESSAGES",
                                                GETTEXT_PACKAGE ".mo", NULL);

      table = read_catalogue (path);
      g_hash_table_insert (catalogues, g_strdup (lang), table);
    }
  g_mutex_unlock (&lock);
  return table;
}

const char *
sz_doc_gettext (const char *lang,
                const char *msgid)
{
  const char *msgstr;

  g_return_val_if_fail (msgid != NULL, NULL);

  /* The msgids are English. */
  if (lang == NULL)
    lang = SZ_DOC_LANG_DEFAULT;
  if (g_str_equal (lang, "en") || *msgid == '\0')
    return msgid;
  msgstr = g_hash_table_lookup (catalogue (lang), msgid);
  return msgstr != NULL ? msgstr : msgid;
}

const char *
sz_doc_pgettext (const char *lang,
                 const char *ctxt_msgid,
                 gsize       msgid_offset)
{
  const char *msgstr = sz_doc_gettext (lang, ctxt_msgid);

  /* Untranslated: the msgid without its context. */
  return msgstr == ctxt_msgid ? ctxt_msgid + msgid_offset : msgstr;
}

const char *
sz_doc_pgettext2 (const char *lang,
                  const char *ctxt,
                  const char *msgid)
{
  g_autofree char *key = NULL;
  const char *msgstr;

  g_return_val_if_fail (ctxt != NULL && msgid != NULL, NULL);

  if (lang == NULL)
    lang = SZ_DOC_LANG_DEFAULT;
  if (g_str_equal (lang, "en"))
    return msgid;
  key = g_strconcat (ctxt, "\004", msgid, NULL);
  msgstr = g_hash_table_lookup (catalogue (lang), key);
  return msgstr != NULL ? msgstr : msgid;
}

const char *
sz_doc_ngettext (const char *lang,
                 const char *msgid,
                 const char *msgid_plural,
                 gulong      n)
{
  const char *msgstr;

  g_return_val_if_fail (msgid != NULL && msgid_plural != NULL, NULL);

  if (lang == NULL)
    lang = SZ_DOC_LANG_DEFAULT;
  if (g_str_equal (lang, "en"))
    return n == 1 ? msgid : msgid_plural;
  /* Chinese has one form: the catalogue's first. */
  msgstr = g_hash_table_lookup (catalogue (lang), msgid);
  return msgstr != NULL ? msgstr : n == 1 ? msgid : msgid_plural;
}

/* The keys of reversed context entries ("ctxt\004msgstr"), kept as long
 * as the tables that point to them.  Under the lock. */
static GPtrArray *owned_keys;

static GHashTable *
reverse (const char *lang)
{
  GHashTable *forward = catalogue (lang);
  GHashTable *table;

  g_mutex_lock (&lock);
  if (reversed == NULL)
    reversed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_hash_table_unref);
  if (owned_keys == NULL)
    owned_keys = g_ptr_array_new_with_free_func (g_free);
  table = g_hash_table_lookup (reversed, lang);
  if (table == NULL)
    {
      GHashTableIter iter;
      gpointer msgid, msgstr;

      table = g_hash_table_new (g_str_hash, g_str_equal);
      g_hash_table_iter_init (&iter, forward);
      while (g_hash_table_iter_next (&iter, &msgid, &msgstr))
        {
          const char *ctxt_end = strchr (msgid, '\004');
          char *key;

          if (ctxt_end == NULL)
            {
              if (!g_hash_table_contains (table, msgstr))
                g_hash_table_insert (table, msgstr, msgid);
              continue;
            }
          key = g_strdup_printf ("%.*s\004%s", (int) (ctxt_end - (const char *) msgid),
                                 (const char *) msgid, (const char *) msgstr);
          if (g_hash_table_contains (table, key))
            {
              g_free (key);
              continue;
            }
          g_ptr_array_add (owned_keys, key);
          g_hash_table_insert (table, key, msgid);
        }
      g_hash_table_insert (reversed, g_strdup (lang), table);
    }
  g_mutex_unlock (&lock);
  return table;
}

const char *
sz_doc_retranslate (const char *lang,
                    const char *text)
{
  if (text == NULL || *text == '\0')
    return text;
  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *msgid;

      if (g_str_equal (langs[i], "en"))
        continue;
      /* English text that is a msgid. */
      if (g_hash_table_contains (catalogue (langs[i]), text))
        return sz_doc_gettext (lang, text);
      /* A translation: back to its msgid. */
      msgid = g_hash_table_lookup (reverse (langs[i]), text);
      if (msgid != NULL)
        return sz_doc_gettext (lang, msgid);
    }
  return text;
}

const char *
sz_doc_pretranslate (const char *lang,
                     const char *ctxt,
                     const char *text)
{
  g_autofree char *key = NULL;

  if (text == NULL || *text == '\0')
    return text;
  key = g_strconcat (ctxt, "\004", text, NULL);
  for (guint i = 0; langs[i] != NULL; i++)
    {
      const char *msgid = NULL;

      if (g_str_equal (langs[i], "en"))
        continue;
      if (g_hash_table_contains (catalogue (langs[i]), key))
        return sz_doc_pgettext2 (lang, ctxt, text);
      msgid = g_hash_table_lookup (reverse (langs[i]), key);
      if (msgid != NULL)
        return sz_doc_pgettext2 (lang, ctxt, strchr (msgid, '\004') + 1);
    }
  return text;
}

void
sz_doc_lang_reset (void)
{
  g_mutex_lock (&lock);
  if (catalogues != NULL)
    {
      if (retired == NULL)
        retired = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      g_ptr_array_add (retired, g_steal_pointer (&catalogues));
    }
  if (reversed != NULL)
    {
      if (retired == NULL)
        retired = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);
      g_ptr_array_add (retired, g_steal_pointer (&reversed));
    }
  g_mutex_unlock (&lock);
}
