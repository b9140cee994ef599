/* sz-person.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-image.h"
#include "sz-name.h"
#include "sz-audit.h"
#include "sz-person.h"
#include "sz-pinyin.h"
#include "sz-post.h"
#include "sz-roster.h"

static const char * const backgrounds[] = {
  "cadre", "retired_cadre", "retired_teacher", "party_member",
  "volunteer", "resident_representative", "other", NULL,
};

const char * const *
sz_person_backgrounds (void)
{
  return backgrounds;
}

const char *
sz_person_background_title (const char *code)
{
  if (g_strcmp0 (code, "cadre") == 0) return _("Community cadre");
  if (g_strcmp0 (code, "retired_cadre") == 0) return _("Retired cadre");
  if (g_strcmp0 (code, "retired_teacher") == 0) return _("Retired teacher");
  if (g_strcmp0 (code, "party_member") == 0) return _("Party member");
  if (g_strcmp0 (code, "volunteer") == 0) return _("Resident volunteer");
  if (g_strcmp0 (code, "resident_representative") == 0) return _("Residents' representative");
  if (g_strcmp0 (code, "other") == 0) return C_("background", "Other");
  return "";
}

SzPerson *
sz_person_new (void)
{
  return g_new0 (SzPerson, 1);
}

void
sz_person_free (SzPerson *p)
{
  if (p == NULL)
    return;
  g_free (p->name);
  g_free (p->gender);
  g_free (p->phone);
  g_free (p->phone2);
  g_free (p->background);
  g_free (p->consent_date);
  g_free (p->consent_source);
  g_free (p->notes);
  g_free (p->name_pinyin);
  g_free (p->name_initials);
  g_free (p);
}

static gboolean
validate (SzPerson  *p,
          GError   **error)
{
  /* Every path that saves a person (the form, the import, the demo, the
   * CLI) keeps the name in the same form; the form and the import show
   * the fixes themselves, with sz_name_normalize() too.  Invalid UTF-8 is
   * left for sz_validate_text() to refuse. */
  if (p->name != NULL)
    {
      char *normal = sz_name_normalize (p->name, NULL);

      if (normal != NULL)
        {
          g_free (p->name);
          p->name = normal;
        }
    }
  if (!sz_validate_text (_("Name"), &p->name, TRUE, SZ_NAME_MAX_CHARS, error)
      || !sz_validate_person_phone (_("Phone"), &p->phone, FALSE, error)
      || !sz_validate_person_phone (_("Second phone"), &p->phone2, FALSE, error)
      || !sz_validate_date (_("Consent date"), &p->consent_date, FALSE, error)
      || !sz_validate_text (_("Notes"), &p->notes, FALSE, 500, error))
    return FALSE;

  if (p->gender == NULL)
    p->gender = g_strdup ("");
  if (!g_str_equal (p->gender, "") && !g_str_equal (p->gender, "male") && !g_str_equal (p->gender, "female"))
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: %s is the value given */
                   _("Gender: “%s” is not one of male, female or not recorded."), p->gender);
      return FALSE;
    }
  if (p->background == NULL)
    p->background = g_strdup ("");
  if (*p->background != '\0' && !g_strv_contains (backgrounds, p->background))
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: %s is the value given */
                   _("Background: “%s” is not a known background."), p->background);
      return FALSE;
    }
  if (p->phone_consent && p->consent_date == NULL)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   _("Consent date: record the day the head agreed to have the phone printed."));
      return FALSE;
    }
  if (p->phone_consent && p->phone == NULL)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   _("Phone: consent to print the phone is recorded, but there is no phone."));
      return FALSE;
    }
  if (p->phone2 != NULL && p->phone == NULL)
    {
      /* Keep the first phone filled: boards print that one. */
      p->phone = g_steal_pointer (&p->phone2);
    }
  if (p->consent_date != NULL)
    {
      g_autofree char *today = sz_today ();
      if (strcmp (p->consent_date, today) > 0)
        {
          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                       /* Translators: %s is a date */
                       _("Consent date: %s is in the future."), p->consent_date);
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
sz_person_save (SzDb      *db,
                SzPerson  *p,
                GError   **error)
{
  SzStmt *stmt;
  gboolean ok = TRUE;

  g_return_val_if_fail (db != NULL && p != NULL, FALSE);

  if (!validate (p, error))
    return FALSE;
  g_free (p->name_pinyin);
  p->name_pinyin = sz_pinyin_key (p->name, TRUE);
  g_free (p->name_initials);
  p->name_initials = sz_pinyin_initials (p->name_pinyin);

  if (p->id == 0 && p->community_id <= 0)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   _("Community: a new person must belong to a community."));
      return FALSE;
    }

  if (!sz_db_begin (db, error))
    return FALSE;
  if (p->id == 0)
    ok = sz_row_require (db, "SELECT 1 FROM community WHERE id = ?1", p->community_id, _("Community"), error);
  if (ok && p->home_unit_id != 0)
    ok = sz_row_require (db, "SELECT 1 FROM unit WHERE id = ?1", p->home_unit_id, _("Home unit"), error);
  if (ok && p->id != 0)
    ok = sz_audit_check_version (db, "person", "SELECT 1 FROM person WHERE id = ?1 FOR UPDATE", p->id, p->version,
                                 _("Person"), error);
  if (ok)
    {
      if (p->id == 0)
        stmt = sz_db_prepare (db,
                              "INSERT INTO person (name, gender, phone, phone2, party_member, background,"
                              " home_unit_id, phone_consent, consent_date, notes, name_pinyin, name_initials, consent_source,"
                              " community_id)"
                              " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?14, ?15)", error);
      else
        stmt = sz_db_prepare (db,
                              "UPDATE person SET name = ?1, gender = ?2, phone = ?3, phone2 = ?4,"
                              " party_member = ?5, background = ?6, home_unit_id = ?7, phone_consent = ?8,"
                              " consent_date = ?9, notes = ?10, name_pinyin = ?11, name_initials = ?12,"
                              " consent_source = ?14 WHERE id = ?13", error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      sz_db_bind_text (stmt, 1, p->name);
      sz_db_bind_text (stmt, 2, p->gender);
      sz_db_bind_text_opt (stmt, 3, p->phone);
      sz_db_bind_text_opt (stmt, 4, p->phone2);
      sz_stmt_bind_int (stmt, 5, p->party_member ? 1 : 0);
      sz_db_bind_text (stmt, 6, p->background);
      sz_db_bind_id_opt (stmt, 7, p->home_unit_id);
      sz_stmt_bind_int (stmt, 8, p->phone_consent ? 1 : 0);
      sz_db_bind_text_opt (stmt, 9, p->consent_date);
      sz_db_bind_text (stmt, 10, p->notes);
      sz_db_bind_text (stmt, 11, p->name_pinyin);
      sz_db_bind_text (stmt, 12, p->name_initials);
      sz_db_bind_text (stmt, 14, p->consent_source != NULL ? p->consent_source : "");
      if (p->id != 0)
        sz_stmt_bind_int64 (stmt, 13, p->id);
      else
        sz_stmt_bind_int64 (stmt, 15, p->community_id);
      ok = sz_row_finish_write (db, stmt, &p->id, error);
      if (ok && sz_db_changes (db) == 0)
        {
          sz_set_not_found (error, _("Person"), p->id);
          ok = FALSE;
        }
    }
  /* What this save made is the version the next one starts from. */
  if (ok && p->version != 0)
    ok = (p->version = sz_audit_version (db, "person", p->id, error)) >= 0;
  return sz_db_end (db, ok, error);
}

#define PERSON_COLUMNS "id, name, gender, phone, phone2, party_member, background, home_unit_id," \
                       " phone_consent, consent_date, notes, name_pinyin, name_initials, consent_source," \
                       " community_id"

static SzPerson *
person_from_row (SzStmt *stmt)
{
  SzPerson *p = sz_person_new ();

  p->id = sz_stmt_column_int64 (stmt, 0);
  p->name = sz_db_column_dup (stmt, 1);
  p->gender = sz_db_column_dup (stmt, 2);
  p->phone = sz_db_column_dup (stmt, 3);
  p->phone2 = sz_db_column_dup (stmt, 4);
  p->party_member = sz_stmt_column_int (stmt, 5) != 0;
  p->background = sz_db_column_dup (stmt, 6);
  p->home_unit_id = sz_stmt_column_int64 (stmt, 7);
  p->phone_consent = sz_stmt_column_int (stmt, 8) != 0;
  p->consent_date = sz_db_column_dup (stmt, 9);
  p->notes = sz_db_column_dup (stmt, 10);
  p->name_pinyin = sz_db_column_dup (stmt, 11);
  p->name_initials = sz_db_column_dup (stmt, 12);
  p->consent_source = sz_db_column_dup (stmt, 13);
  p->community_id = sz_stmt_column_int64 (stmt, 14);
  return p;
}

SzPerson *
sz_person_get (SzDb    *db,
               gint64   id,
               GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " PERSON_COLUMNS " FROM person WHERE id = ?1", error);

  SzPerson *p;

  if (stmt == NULL)
    return NULL;
  p = sz_row_get (db, stmt, id, _("Person"), (gpointer) person_from_row, error);
  if (p != NULL && (p->version = sz_audit_version (db, "person", id, error)) < 0)
    g_clear_pointer (&p, sz_person_free);
  return p;
}

/* A set of ids from @stmt's first column, its ?1 bound to @id. */
static GHashTable *
id_set (SzDb    *db,
        SzStmt  *stmt,
        gint64   id,
        GError **error)
{
  g_autoptr(GHashTable) set = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  int rc;

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      gint64 v = sz_stmt_column_int64 (stmt, 0);

      g_hash_table_add (set, g_memdup2 (&v, sizeof v));
    }
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&set) : NULL;
}

GHashTable *
sz_person_ids_with_images (SzDb    *db,
                           gint64   community_id,
                           GError **error)
{
  g_return_val_if_fail (db != NULL, NULL);
  return id_set (db, sz_db_prepare (db, "SELECT DISTINCT i.person_id FROM person_image i"
                                        " JOIN person p ON p.id = i.person_id WHERE p.community_id = ?1", error),
                 community_id, error);
}

GPtrArray *
sz_person_list_in (SzDb    *db,
                   gint64   community_id,
                   GError **error)
{
  SzStmt *stmt = sz_db_prepare (db,
                                      "SELECT " PERSON_COLUMNS " FROM person WHERE community_id = ?1"
                                      " ORDER BY name_pinyin, name COLLATE PINYIN, id", error);

  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  return sz_row_collect (db, stmt, (gpointer) person_from_row, (GDestroyNotify) sz_person_free, error);
}

GPtrArray *
sz_person_list (SzDb    *db,
                GError **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT " PERSON_COLUMNS " FROM person ORDER BY name_pinyin, name COLLATE PINYIN, id", error);

  if (stmt == NULL)
    return NULL;
  return sz_row_collect (db, stmt, (gpointer) person_from_row, (GDestroyNotify) sz_person_free, error);
}

gboolean
sz_person_delete (SzDb    *db,
                  gint64   id,
                  GError **error)
{
  gint64 n;

  if (!sz_row_count (db, "SELECT count(*) FROM post WHERE person_id = ?1", id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "This person has held %d post, and the history of posts is kept: end the term instead of deleting the person.",
                                "This person has held %d posts, and the history of posts is kept: end the terms instead of deleting the person.",
                                n),
                   (int) n);
      return FALSE;
    }
  /* Points and honours are a record of service, kept as posts are. */
  if (!sz_row_count (db, "SELECT (SELECT count(*) FROM points_movement WHERE person_id = ?1)"
                         " + (SELECT count(*) FROM honour WHERE person_id = ?1)", id, &n, error))
    return FALSE;
  if (n > 0)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE,
                   _("This person has volunteer hours, points or honours on record, and they are kept: "
                     "the person cannot be deleted."));
      return FALSE;
    }
  return sz_row_delete (db, "DELETE FROM person WHERE id = ?1", id, _("Person"), error);
}

static const char *
image_kind_string (SzImageKind kind)
{
  return kind == SZ_IMAGE_QR ? "qr" : "photo";
}

static const char *
image_kind_title (SzImageKind kind)
{
  return kind == SZ_IMAGE_QR ? _("WeChat QR code") : _("Photo");
}

gboolean
sz_person_set_image (SzDb         *db,
                     gint64        person_id,
                     SzImageKind   kind,
                     GBytes       *data,
                     const char   *taken_on,
                     GError      **error)
{
  g_autofree char *date = g_strdup (taken_on);
  const char *mime = NULL;
  SzStmt *stmt;
  int width, height;
  gboolean ok;

  g_return_val_if_fail (db != NULL && data != NULL, FALSE);

  if (!sz_image_inspect (data, image_kind_title (kind), &mime, &width, &height, error))
    return FALSE;
  if (date == NULL)
    date = sz_today ();
  /* Translators: the date a photo or QR code was taken */
  if (!sz_validate_date (_("Date taken"), &date, TRUE, error))
    return FALSE;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_row_require (db, "SELECT 1 FROM person WHERE id = ?1", person_id, _("Person"), error);
  if (ok)
    {
      stmt = sz_db_prepare (db, "INSERT OR REPLACE INTO person_image (person_id, kind, mime_type, width, height,"
                                " data, taken_on) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)", error);
      ok = stmt != NULL;
      if (ok)
        {
          gsize len;
          gconstpointer bytes = g_bytes_get_data (data, &len);

          sz_stmt_bind_int64 (stmt, 1, person_id);
          sz_db_bind_text (stmt, 2, image_kind_string (kind));
          sz_db_bind_text (stmt, 3, mime);
          sz_stmt_bind_int (stmt, 4, width);
          sz_stmt_bind_int (stmt, 5, height);
          sz_stmt_bind_blob (stmt, 6, bytes, len);
          sz_db_bind_text (stmt, 7, date);
          ok = sz_row_finish_write (db, stmt, NULL, error);
        }
    }
  return sz_db_end (db, ok, error);
}

GBytes *
sz_person_get_image (SzDb         *db,
                     gint64        person_id,
                     SzImageKind   kind,
                     char        **mime_type,
                     char        **taken_on,
                     GError      **error)
{
  SzStmt *stmt;
  GBytes *bytes;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT data, mime_type, taken_on FROM person_image WHERE person_id = ?1 AND kind = ?2", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  sz_db_bind_text (stmt, 2, image_kind_string (kind));
  rc = sz_db_step (db, stmt, error);
  if (rc != SQLITE_ROW)
    return NULL;
  bytes = g_bytes_new (sz_stmt_column_blob (stmt, 0), sz_stmt_column_bytes (stmt, 0));
  if (mime_type)
    *mime_type = sz_db_column_dup (stmt, 1);
  if (taken_on)
    *taken_on = sz_db_column_dup (stmt, 2);
  sz_stmt_reset (stmt);
  return bytes;
}

gboolean
sz_person_clear_image (SzDb         *db,
                       gint64        person_id,
                       SzImageKind   kind,
                       GError      **error)
{
  SzStmt *stmt;
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);

  if (!sz_db_begin (db, error))
    return FALSE;
  stmt = sz_db_prepare (db, "DELETE FROM person_image WHERE person_id = ?1 AND kind = ?2", error);
  ok = stmt != NULL;
  if (ok)
    {
      sz_stmt_bind_int64 (stmt, 1, person_id);
      sz_db_bind_text (stmt, 2, image_kind_string (kind));
      ok = sz_row_finish_write (db, stmt, NULL, error);
    }
  return sz_db_end (db, ok, error);
}
