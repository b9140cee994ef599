/* sz-demo.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-demo.h"
#include "sz-hotline.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-wechat.h"


typedef struct
{
  SzDb       *db;
  GKeyFile   *kf;
  gint64      community_id;
  GHashTable *grids;      /* number string → id */
  GHashTable *compounds;  /* name → id */
  GHashTable *buildings;  /* "compound/building" → id */
  GHashTable *units;      /* "compound/building/n" → id */
  GHashTable *people;     /* name → id */
} Loader;

/* The file is ours and checked by a test, but a broken copy must still
 * fail with a message rather than a crash. */
static gboolean
bad_file (GError     **error,
          const char  *group,
          const char  *what)
{
  g_set_error (error, G_KEY_FILE_ERROR, G_KEY_FILE_ERROR_INVALID_VALUE,
               /* Translators: a section of the demo data file, then what is wrong */
               _("Demo data, section [%s]: %s"), group, what);
  return FALSE;
}

static char *
get (Loader     *l,
     const char *group,
     const char *key)
{
  char *v = g_key_file_get_value (l->kf, group, key, NULL);

  return v ? g_strstrip (v) : NULL;
}

static int
get_int (Loader     *l,
         const char *group,
         const char *key)
{
  g_autofree char *v = get (l, group, key);

  return v ? atoi (v) : 0;
}

static gboolean
load_community (Loader  *l,
                GError **error)
{
  g_autoptr(SzCommunity) c = sz_community_new ();
  SzStmt *stmt;

  c->name = get (l, "Community", "Name");
  c->street_office = get (l, "Community", "StreetOffice");
  c->address = get (l, "Community", "Address");
  c->office_phone = get (l, "Community", "OfficePhone");
  c->supervision_phone = get (l, "Community", "SupervisionPhone");
  c->board_title = get (l, "Community", "BoardTitle");
  c->board_qr_text = get (l, "Community", "BoardQrText");
  c->board_qr_caption = get (l, "Community", "BoardQrCaption");
  if (!sz_community_save (l->db, c, error))
    return FALSE;
  l->community_id = c->id;
  /* Made up: the app offers to replace it while it is the only one. */
  stmt = sz_db_prepare (l->db, "UPDATE community SET demo = 1 WHERE id = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, c->id);
  return sz_row_finish_write (l->db, stmt, NULL, error);
}

static gboolean
load_person (Loader      *l,
             const char  *name,
             GError     **error)
{
  g_autofree char *group = g_strconcat ("Person ", name, NULL);
  g_autoptr(SzPerson) p = sz_person_new ();
  g_autofree char *home = NULL;
  g_autofree char *party = NULL;
  g_autofree char *consent = NULL;

  if (!g_key_file_has_group (l->kf, group))
    return bad_file (error, group, "missing");
  p->community_id = l->community_id;
  p->name = g_strdup (name);
  p->gender = get (l, group, "Gender");
  p->phone = get (l, group, "Phone");
  party = get (l, group, "Party");
  p->party_member = g_strcmp0 (party, "true") == 0;
  p->background = get (l, group, "Background");
  consent = get (l, group, "Consent");
  p->phone_consent = g_strcmp0 (consent, "true") == 0;
  p->consent_date = get (l, group, "ConsentDate");
  p->notes = get (l, group, "Notes");
  home = get (l, group, "Home");
  if (home != NULL && *home != '\0')
    {
      p->home_unit_id = sz_id_map_lookup (l->units, home);
      if (p->home_unit_id == 0)
        return bad_file (error, group, "Home names no unit");
    }
  if (!sz_person_save (l->db, p, error))
    return FALSE;
  sz_id_map_insert (l->people, name, p->id);
  return TRUE;
}

static gboolean
appoint (Loader      *l,
         const char  *group,
         SzLevel      level,
         gint64       place_id,
         const char  *name,
         const char  *since,
         const char  *chosen,
         GError     **error)
{
  SzChosenBy chosen_by = SZ_CHOSEN_ELECTION;
  gint64 person_id;

  if (name == NULL || *name == '\0')
    return TRUE;  /* vacant */
  person_id = sz_id_map_lookup (l->people, name);
  if (person_id == 0)
    {
      if (!load_person (l, name, error))
        return FALSE;
      person_id = sz_id_map_lookup (l->people, name);
    }
  if (chosen != NULL && !sz_chosen_by_from_string (chosen, &chosen_by))
    return bad_file (error, group, "HeadChosen");
  return sz_post_appoint (l->db, level, place_id, person_id, since, chosen_by, NULL, error);
}

static gboolean
load_places (Loader  *l,
             GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (l->kf, NULL);

  /* Grids and compounds first: buildings refer to both. */
  for (guint i = 0; groups[i]; i++)
    if (g_str_has_prefix (groups[i], "Grid "))
      {
        g_autoptr(SzGrid) g = sz_grid_new ();

        g->community_id = l->community_id;
        g->number = atoi (groups[i] + 5);
        g->name = get (l, groups[i], "Name");
        g->households = get_int (l, groups[i], "Households");
        if (!sz_grid_save (l->db, g, error))
          return FALSE;
        sz_id_map_insert (l->grids, groups[i] + 5, g->id);
      }
    else if (g_str_has_prefix (groups[i], "Compound "))
      {
        g_autoptr(SzCompound) c = sz_compound_new ();

        c->community_id = l->community_id;
        c->name = g_strdup (groups[i] + 9);
        c->address = get (l, groups[i], "Address");
        c->property_company = get (l, groups[i], "PropertyCompany");
        c->property_phone = get (l, groups[i], "PropertyPhone");
        if (!sz_compound_save (l->db, c, error))
          return FALSE;
        sz_id_map_insert (l->compounds, c->name, c->id);
      }

  for (guint i = 0; groups[i]; i++)
    if (g_str_has_prefix (groups[i], "Building "))
      {
        const char *path = groups[i] + 9;
        const char *slash = strchr (path, '/');
        g_autofree char *compound = slash ? g_strndup (path, slash - path) : NULL;
        g_autofree char *grid = get (l, groups[i], "Grid");
        g_autofree char *households = get (l, groups[i], "Households");
        g_auto(GStrv) per_unit = NULL;
        g_autoptr(SzBuilding) b = sz_building_new ();
        int units = get_int (l, groups[i], "Units");

        if (compound == NULL)
          return bad_file (error, groups[i], "name is not compound/building");
        b->compound_id = sz_id_map_lookup (l->compounds, compound);
        b->grid_id = sz_id_map_lookup (l->grids, grid ? grid : "");
        if (b->compound_id == 0 || b->grid_id == 0)
          return bad_file (error, groups[i], "unknown compound or grid");
        b->name = g_strdup (slash + 1);
        b->floors = get_int (l, groups[i], "Floors");
        if (!sz_building_save (l->db, b, error))
          return FALSE;
        sz_id_map_insert (l->buildings, path, b->id);

        per_unit = g_strsplit (households ? households : "", ";", -1);
        if ((int) g_strv_length (per_unit) != units)
          return bad_file (error, groups[i], "Households does not list every unit");
        for (int n = 1; n <= units; n++)
          {
            g_autoptr(SzUnit) u = sz_unit_new ();
            g_autofree char *key = g_strdup_printf ("%s/%d", path, n);

            u->building_id = b->id;
            u->number = n;
            u->floors = b->floors;
            u->households = atoi (per_unit[n - 1]);
            if (!sz_unit_save (l->db, u, error))
              return FALSE;
            sz_id_map_insert (l->units, key, u->id);
          }
      }
  return TRUE;
}

/* Heads after all places exist: people's homes refer to units. */
static gboolean
load_heads (Loader  *l,
            GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (l->kf, NULL);

  for (guint i = 0; groups[i]; i++)
    {
      g_autofree char *head = get (l, groups[i], "Head");
      g_autofree char *since = get (l, groups[i], "HeadSince");
      g_autofree char *chosen = get (l, groups[i], "HeadChosen");

      if (g_str_has_prefix (groups[i], "Grid "))
        {
          if (!appoint (l, groups[i], SZ_LEVEL_GRID, sz_id_map_lookup (l->grids, groups[i] + 5), head, since, chosen, error))
            return FALSE;
        }
      else if (g_str_has_prefix (groups[i], "Building "))
        {
          const char *path = groups[i] + 9;
          g_autofree char *unit_heads = get (l, groups[i], "UnitHeads");
          g_autofree char *unit_since = get (l, groups[i], "UnitHeadsSince");
          /* Split by hand: GKeyFile's list reader drops a trailing empty
           * entry, which is a vacant last unit here. */
          g_auto(GStrv) names = g_strsplit (unit_heads ? unit_heads : "", ";", -1);
          g_auto(GStrv) dates = g_strsplit (unit_since ? unit_since : "", ";", -1);
          int units = get_int (l, groups[i], "Units");

          if (!appoint (l, groups[i], SZ_LEVEL_BUILDING, sz_id_map_lookup (l->buildings, path), head, since,
                        chosen ? chosen : "election", error))
            return FALSE;
          if ((int) g_strv_length (names) != units || (int) g_strv_length (dates) != units)
            return bad_file (error, groups[i], "UnitHeads or UnitHeadsSince does not list every unit");
          for (int n = 1; n <= units; n++)
            {
              g_autofree char *key = g_strdup_printf ("%s/%d", path, n);

              if (!appoint (l, groups[i], SZ_LEVEL_UNIT, sz_id_map_lookup (l->units, key),
                            g_strstrip (names[n - 1]), g_strstrip (dates[n - 1]), "election", error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
load_hotlines (Loader  *l,
               GError **error)
{
  g_auto(GStrv) groups = g_key_file_get_groups (l->kf, NULL);

  for (guint i = 0; groups[i]; i++)
    {
      g_autoptr(SzHotline) h = NULL;
      g_autofree char *scope = NULL;
      g_autofree char *category = NULL;

      if (!g_str_has_prefix (groups[i], "Hotline "))
        continue;
      h = sz_hotline_new ();
      scope = get (l, groups[i], "Scope");
      category = get (l, groups[i], "Category");
      if (!sz_hotline_category_from_string (category, &h->category))
        return bad_file (error, groups[i], "Category");
      if (g_strcmp0 (scope, "community") == 0)
        {
          h->scope = SZ_SCOPE_COMMUNITY;
          h->scope_id = l->community_id;
        }
      else if (scope && g_str_has_prefix (scope, "compound:"))
        {
          h->scope = SZ_SCOPE_COMPOUND;
          h->scope_id = sz_id_map_lookup (l->compounds, scope + 9);
        }
      else if (scope && g_str_has_prefix (scope, "building:"))
        {
          h->scope = SZ_SCOPE_BUILDING;
          h->scope_id = sz_id_map_lookup (l->buildings, scope + 9);
        }
      if (h->scope_id == 0)
        return bad_file (error, groups[i], "Scope");
      h->label = get (l, groups[i], "Label");
      h->number = get (l, groups[i], "Number");
      h->verified_on = get (l, groups[i], "VerifiedOn");
      if (!sz_hotline_save (l->db, h, error))
        return FALSE;
    }
  return TRUE;
}

/* The heads' WeChat groups: most places get one, run by their head, with
 * the head's personal QR code drawn here (a made-up address no real
 * account has); every nineteenth place is left without, for the checks to
 * find, and one image is old. */
#define DEMO_PLACES_SQL \
  "SELECT 'grid', g.id, g.name, 0 FROM grid g WHERE g.community_id = ?1" \
  " UNION ALL SELECT 'building', b.id, c.name || b.name, 0 FROM building b" \
  "  JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1" \
  " UNION ALL SELECT 'unit', u.id, c.name || b.name, u.number FROM unit u" \
  "  JOIN building b ON b.id = u.building_id JOIN compound c ON c.id = b.compound_id WHERE c.community_id = ?1" \
  " ORDER BY 1 DESC, 2"

static char *
demo_day_before (int days)
{
  g_autoptr(GDate) d = g_date_new ();
  g_autofree char *today = sz_today ();
  char text[16];

  g_date_set_parse (d, today);
  g_date_subtract_days (d, days);
  g_date_strftime (text, sizeof text, "%Y-%m-%d", d);
  return g_strdup (text);
}

static gboolean
load_wechat_groups (SzDb    *db,
                    gint64   community_id,
                    GError **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GHashTable) codes = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                       (GDestroyNotify) g_bytes_unref);
  SzStmt *stmt = sz_db_prepare (db, DEMO_PLACES_SQL, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  /* Collected first: saving prepares statements of its own. */
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      char **row = g_new0 (char *, 5);

      for (int c = 0; c < 4; c++)
        row[c] = sz_db_column_dup (stmt, c);
      g_ptr_array_add (rows, row);
    }
  if (rc == 0)
    return FALSE;

  for (guint i = 0; i < rows->len; i++)
    {
      char **row = rows->pdata[i];
      g_autoptr(SzWechatGroup) g = sz_wechat_group_new ();
      g_autoptr(SzPost) head = NULL;
      int unit = atoi (row[3]);

      if (i % 19 == 3)
        continue;
      sz_level_from_string (row[0], &g->level);
      g->place_id = g_ascii_strtoll (row[1], NULL, 10);
      head = sz_post_get_current (db, g->level, g->place_id, error);
      if (head == NULL && error != NULL && *error != NULL)
        return FALSE;
      if (g->level == SZ_LEVEL_GRID)
        g->name = g_strdup_printf ("%s居民群", row[2]);
      else if (g->level == SZ_LEVEL_BUILDING)
        g->name = g_strdup_printf ("%s楼栋群", row[2]);
      else
        g->name = g_strdup_printf ("%s%d单元邻里群", row[2], unit);
      g->members = g->level == SZ_LEVEL_GRID ? 320 + (int) (i * 37 % 180)
                   : g->level == SZ_LEVEL_BUILDING ? 60 + (int) (i * 13 % 90) : 18 + (int) (i * 7 % 30);
      if (head != NULL)
        {
          GBytes *code = g_hash_table_lookup (codes, &head->person_id);

          g->admin_person_id = head->person_id;
          if (code == NULL)
            {
              g_autofree char *text = g_strdup_printf ("https://u.wechat.com/sanzhang-demo-%05" G_GINT64_FORMAT,
                                                       head->person_id);

              code = sz_qr_png_new (text, 4, error);
              if (code == NULL)
                return FALSE;
              g_hash_table_insert (codes, g_memdup2 (&head->person_id, sizeof head->person_id), code);
            }
          g->qr_data = g_bytes_ref (code);
          /* Taken in the last weeks, but one long ago, for the checks. */
          g->qr_taken_on = demo_day_before (i == 5 ? 400 : (int) (i % 40));
        }
      if (!sz_wechat_group_set (db, g, error))
        return FALSE;
    }
  return TRUE;
}

gboolean
sz_demo_load_key_file (SzDb      *db,
                       GKeyFile  *key_file,
                       gint64    *community_id,
                       GError   **error)
{
  g_autoptr(SzCommunity) existing = NULL;
  g_autoptr(GError) local_error = NULL;
  Loader l = { 0 };
  gboolean ok;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (key_file != NULL, FALSE);

  existing = sz_community_get_first (db, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (existing != NULL)
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE,
                   /* Translators: %s is the name of the community already in the database */
                   _("The database already holds the community “%s”: demo data is only loaded into an empty "
                     "database, so that made-up people never mix with real ones."), existing->name);
      return FALSE;
    }

  l.db = db;
  l.kf = key_file;
  l.grids = sz_id_map_new ();
  l.compounds = sz_id_map_new ();
  l.buildings = sz_id_map_new ();
  l.units = sz_id_map_new ();
  l.people = sz_id_map_new ();

  if (!sz_db_begin (db, error))
    ok = FALSE;
  else
    {
      ok = load_community (&l, error)
           && load_places (&l, error)
           && load_heads (&l, error)
           && load_hotlines (&l, error)
           && load_wechat_groups (db, l.community_id, error);
      ok = sz_db_end (db, ok, error) && ok;
    }

  g_hash_table_unref (l.grids);
  g_hash_table_unref (l.compounds);
  g_hash_table_unref (l.buildings);
  g_hash_table_unref (l.units);
  g_hash_table_unref (l.people);
  if (ok && community_id)
    *community_id = l.community_id;
  return ok;
}

gboolean
sz_demo_load (SzDb    *db,
              gint64  *community_id,
              GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (SZ_DEMO_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GKeyFile) kf = g_key_file_new ();
  gsize len;
  const char *data;
  gint64 id = 0;
  gboolean ok;

  g_assert (bytes != NULL);
  data = g_bytes_get_data (bytes, &len);

  if (!g_key_file_load_from_data (kf, data, len, G_KEY_FILE_NONE, error))
    return FALSE;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_demo_load_key_file (db, kf, &id, error)
       && sz_demo_load_records (db, id, 0, error)
       && sz_demo_load_points (db, id, 0, error);
  if (!sz_db_end (db, ok, error))
    return FALSE;
  if (community_id != NULL)
    *community_id = id;
  return TRUE;
}
