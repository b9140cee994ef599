/* sz-import-person.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-import-private.h"
#include "sz-name.h"

/* A row's person: what the row says of them, read and checked before
 * anything is written, then the person found (same name and phone) or
 * made, with what the row says written to them. */

void
_sz_import_person_cells_clear (PersonCells *pc)
{
  g_free (pc->name);
  g_free (pc->phone);
  g_free (pc->phone2);
  g_free (pc->consent_date);
}

static void
read_name (SzImportRun *run,
           guint        row,
           PersonCells *pc)
{
  SzImport *im = run->im;
  int column = sz_import_get_column (im, SZ_IMPORT_FIELD_NAME);
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (SzNameFix));
  const char *text = sz_import_cell (im, row, SZ_IMPORT_FIELD_NAME);

  pc->name = sz_name_normalize (text, fixes);
  if (pc->name == NULL || *pc->name == '\0')
    {
      g_clear_pointer (&pc->name, g_free);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                         /* Translators: a column's header */
                         _("%s is empty: every row names one head."), sz_import_header (im, SZ_IMPORT_FIELD_NAME));
      return;
    }
  for (guint i = 0; i < fixes->len; i++)
    {
      const SzNameFix *fix = &g_array_index (fixes, SzNameFix, i);
      g_autofree char *what = sz_name_fix_describe (fix);
      gboolean change = sz_name_fix_is_change (fix);

      sz_import_problem (im, change ? SZ_IMPORT_PROBLEM_FIXED : SZ_IMPORT_PROBLEM_WARNING, row, column, "%s", what);
      if (change && i == 0)
        im->report.names_fixed++;
    }
  /* A file saved in an encoding that cannot hold a character (𡒄 in GBK)
   * has “?” for it: that name is lost, not a name. */
  if (strchr (pc->name, '?') != NULL)
    {
      g_autofree char *quoted = sz_import_quote (pc->name);

      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                         /* Translators: the name as the file has it */
                         _("%s has a “?” where the file lost a character its encoding could not hold. Save the "
                           "roster as .xlsx or as “CSV UTF-8” and import that file."), quoted);
      g_clear_pointer (&pc->name, g_free);
      return;
    }
  if (g_utf8_strlen (pc->name, -1) > SZ_NAME_MAX_CHARS)
    {
      g_autofree char *quoted = sz_import_quote (pc->name);

      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, column,
                         /* Translators: the name (its start), then the most characters a name may have */
                         _("%s is too long for a name (at most %u characters)."), quoted, SZ_NAME_MAX_CHARS);
      g_clear_pointer (&pc->name, g_free);
    }
}

void
_sz_import_read_person_cells (SzImportRun *run,
                              guint        row,
                              PersonCells *pc)
{
  SzImport *im = run->im;
  const char *gender = sz_import_cell (im, row, SZ_IMPORT_FIELD_GENDER);
  const char *party = sz_import_cell (im, row, SZ_IMPORT_FIELD_PARTY);
  const char *background = sz_import_cell (im, row, SZ_IMPORT_FIELD_BACKGROUND);
  const char *consent = sz_import_cell (im, row, SZ_IMPORT_FIELD_CONSENT);

  pc->party = pc->consent = -1;
  pc->notes = sz_import_cell (im, row, SZ_IMPORT_FIELD_NOTES);
  read_name (run, row, pc);
  sz_import_read_phone (im, row, SZ_IMPORT_FIELD_PHONE, &pc->phone);
  sz_import_read_phone (im, row, SZ_IMPORT_FIELD_PHONE2, &pc->phone2);
  sz_import_read_date (im, row, SZ_IMPORT_FIELD_CONSENT_DATE, &pc->consent_date);

  if (*gender != '\0' && !sz_import_parse_gender (gender, &pc->gender))
    {
      g_autofree char *quoted = sz_import_quote (gender);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_GENDER),
                         /* Translators: the cell's text */
                         _("%s is not 男 or 女."), quoted);
    }
  if (*party != '\0' && (pc->party = sz_import_parse_yes_no (party)) < 0)
    {
      g_autofree char *quoted = sz_import_quote (party);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_PARTY),
                         /* Translators: the cell's text */
                         _("%s is neither yes (是) nor no (否)."), quoted);
    }
  if (*consent != '\0' && (pc->consent = sz_import_parse_yes_no (consent)) < 0)
    {
      g_autofree char *quoted = sz_import_quote (consent);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_CONSENT),
                         _("%s is neither yes (是) nor no (否)."), quoted);
    }
  if (*background != '\0' && (pc->background = sz_import_parse_background (background)) == NULL)
    {
      g_autofree char *quoted = sz_import_quote (background);
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_BACKGROUND),
                         /* Translators: the cell's text */
                         _("%s is not one of 社区干部, 退休干部, 退休教师, 党员, 居民志愿者, 居民代表, 其他."), quoted);
    }
}

/* Finds the row's person (same name and phone; or, with no phone, the
 * only person of that name), else makes one; writes what the row says of
 * them.  0 after a problem noted; -1 when the database fails. */
gint64
_sz_import_resolve_person (SzImportRun  *run,
                           guint         row,
                           PersonCells  *pc,
                           GError      **error)
{
  SzImport *im = run->im;
  g_autoptr(SzPerson) p = NULL;
  g_autofree char *key = _sz_import_key_person (pc->name, pc->phone);
  gboolean changed = FALSE, consent_from_import = FALSE;
  GString *notes_seen;
  gint64 id;

  id = pc->phone != NULL ? sz_id_map_lookup (run->people, key) : sz_id_map_lookup (run->namesakes, pc->name);
  if (id == -1)
    {
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, sz_import_get_column (im, SZ_IMPORT_FIELD_PHONE),
                         /* Translators: a person's name */
                         _("The roster has more than one %s: give this row's phone so the import knows which one "
                           "is meant."), pc->name);
      return 0;
    }

  if (id != 0)
    {
      p = sz_person_get (im->db, id, error);
      if (p == NULL)
        return -1;
    }
  else
    {
      p = sz_person_new ();
      p->community_id = im->community_id;
      g_free (p->name);
      p->name = g_strdup (pc->name);
      changed = TRUE;
    }

  /* What the row says replaces what was recorded; empty cells keep it. */
#define SET_TEXT(field, value) \
  G_STMT_START { \
    if ((value) != NULL && g_strcmp0 (p->field, (value)) != 0) \
      { \
        g_free (p->field); \
        p->field = g_strdup (value); \
        changed = TRUE; \
      } \
  } G_STMT_END
  SET_TEXT (phone, pc->phone);
  SET_TEXT (phone2, pc->phone2);
  SET_TEXT (gender, pc->gender);
  SET_TEXT (background, pc->background);
#undef SET_TEXT
  if (pc->party >= 0 && p->party_member != pc->party)
    p->party_member = pc->party, changed = TRUE;
  if (pc->consent >= 0)
    {
      const char *date = pc->consent_date;

      /* Yes with no date: the roster is the record, on the import's day. */
      if (pc->consent == 1 && date == NULL)
        {
          date = p->phone_consent && p->consent_date != NULL ? p->consent_date : im->today;
          consent_from_import = date == im->today;
        }
      if (p->phone_consent != pc->consent || (date != NULL && g_strcmp0 (p->consent_date, date) != 0))
        {
          p->phone_consent = pc->consent;
          if (date != NULL)
            {
              g_free (p->consent_date);
              p->consent_date = g_strdup (date);
            }
          changed = TRUE;
        }
      else
        consent_from_import = FALSE;
    }

  /* One person on several rows: every note is kept, once. */
  notes_seen = p->id != 0 ? g_hash_table_lookup (run->people_seen, &p->id) : NULL;
  if (*pc->notes != '\0' && (p->notes == NULL || strstr (p->notes, pc->notes) == NULL))
    {
      char *joined = p->notes != NULL && *p->notes != '\0' ? g_strconcat (p->notes, "；", pc->notes, NULL)
                                                           : g_strdup (pc->notes);
      g_free (p->notes);
      p->notes = joined;
      changed = TRUE;
    }

  if (consent_from_import)
    {
      g_free (p->consent_source);
      /* Translators: where a consent was recorded from; %s is the file's name */
      p->consent_source = g_strdup_printf (_("Import of %s"), im->source);
    }
  if (changed && !sz_person_save (im->db, p, error))
    {
      if ((*error)->domain != SZ_ROSTER_ERROR)
        return -1;
      sz_import_problem (im, SZ_IMPORT_PROBLEM_ERROR, row, -1, "%s", (*error)->message);
      g_clear_error (error);
      return 0;
    }
  if (consent_from_import)
    {
      im->report.consents_dated++;
      sz_import_problem (im, SZ_IMPORT_PROBLEM_FIXED, row, sz_import_get_column (im, SZ_IMPORT_FIELD_CONSENT),
                         /* Translators: a person's name, then a date */
                         _("%s's consent to print the phone has no date: recorded as given on %s, the day of this "
                           "import, with this file as its source."), p->name, im->today);
    }

  if (notes_seen == NULL)
    {
      gint64 *id_key = g_new (gint64, 1);

      *id_key = p->id;
      g_hash_table_insert (run->people_seen, id_key, g_strdup (""));
      if (id != 0)
        {
          im->report.people_found++;
          sz_import_change (im, SZ_IMPORT_CHANGE_PERSON_MATCHED, row, NULL, NULL, p->name, NULL);
        }
      else
        {
          im->report.people_created++;
          sz_import_change (im, SZ_IMPORT_CHANGE_PERSON_NEW, row, NULL, NULL, p->name, NULL);
          _sz_import_run_add_person (run, p->id, p->name, p->phone, p->phone2);
        }
    }
  return p->id;
}

