/* sz-board-source.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-board.h"
#include "sz-board-private.h"
#include "sz-board-source-private.h"
#include "sz-display.h"
#include "sz-doc-lang.h"
#include "sz-duty.h"
#include "sz-hotline.h"
#include "sz-image.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-wechat.h"

/* SzBoardSource: one community loaded once, and any of its boards built
 * from memory (the SzBoard itself, its hash and its texts: sz-board.c). */

static char *
node_key (SzNodeKind kind,
          gint64     id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, kind, id);
}

static void
index_nodes (SzBoardSource *source,
             SzTreeNode    *node)
{
  char *key = node_key (node->kind, node->id);

  if (!g_hash_table_contains (source->nodes, key))
    g_hash_table_insert (source->nodes, key, node);
  else
    g_free (key);
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    index_nodes (source, g_ptr_array_index (node->children, i));
}

static char *
format_phone (const char *normal)
{
  return normal != NULL && *normal ? sz_phone_format (normal) : NULL;
}

const char *
sz_board_level_head_title (const char *lang,
                           SzLevel     level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID: return D_ (lang, "Grid head");
    case SZ_LEVEL_BUILDING: return D_ (lang, "Building head");
    case SZ_LEVEL_UNIT: return D_ (lang, "Unit head");
    default: g_return_val_if_reached (NULL);
    }
}

char *
sz_board_grid_label (const char   *lang,
                     const SzGrid *g)
{
  g_return_val_if_fail (g != NULL, NULL);
  if (g->name == NULL || *g->name == '\0')
    return g_strdup_printf (D_ (lang, "Grid %d"), g->number);
  return g_strdup_printf (D_ (lang, "Grid %d %s"), g->number, g->name);
}

/* A place's label on the board: grids and units are named by number in the
 * board language ("第1网格 丰和第一网格", "1单元"); compounds and buildings
 * by the names the office gave them. */
static const char *
doc_label (SzBoardSource    *source,
           const SzTreeNode *node)
{
  g_autofree char *key = NULL;
  char *label;

  if (node->kind != SZ_NODE_GRID && node->kind != SZ_NODE_UNIT)
    return node->label;
  key = node_key (node->kind, node->id);
  label = g_hash_table_lookup (source->labels, key);
  if (label != NULL)
    return label;
  if (node->kind == SZ_NODE_GRID)
    {
      SzGrid *g = g_hash_table_lookup (source->grids, &node->id);

      if (g == NULL)
        return node->label;
      label = sz_board_grid_label (source->lang, g);
    }
  else
    {
      gpointer number = g_hash_table_lookup (source->unit_numbers, &node->id);

      if (number == NULL)
        return node->label;
      label = g_strdup_printf (D_ (source->lang, "Unit %d"), GPOINTER_TO_INT (number));
    }
  g_hash_table_insert (source->labels, g_steal_pointer (&key), label);
  return label;
}

static gboolean
load_unit_numbers (SzBoardSource *source,
                   gint64         community_id,
                   GError       **error)
{
  SzStmt *stmt = sz_db_prepare (source->db,
                                      "SELECT u.id, u.number FROM unit u"
                                      "  JOIN building b ON b.id = u.building_id"
                                      "  JOIN compound c ON c.id = b.compound_id"
                                      " WHERE c.community_id = ?1", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (source->db, stmt, error)) == SQLITE_ROW)
    g_hash_table_insert (source->unit_numbers, g_memdup2 (&(gint64) { sz_stmt_column_int64 (stmt, 0) }, sizeof (gint64)),
                         GINT_TO_POINTER (sz_stmt_column_int (stmt, 1)));
  sz_stmt_reset (stmt);
  return rc != 0;
}

/* A duty as stored: the policy's default wording, in whatever language it
 * was seeded in, prints in the board language; the office's own stays. */
static char *
doc_duty (const char *lang,
          const char *text)
{
  guint n = 0;
  const char * const *defaults = sz_duty_default_msgids (&n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (text, defaults[i]) == 0 || g_strcmp0 (text, _(defaults[i])) == 0
        || g_strcmp0 (text, D_ (SZ_DOC_LANG_DEFAULT, defaults[i])) == 0)
      return g_strdup (D_ (lang, defaults[i]));
  return g_strdup (text);
}

static GPtrArray *
board_hotlines (GPtrArray  *list,
                const char *lang)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (sz_board_hotline_free);

  for (guint i = 0; i < list->len; i++)
    {
      SzHotline *h = g_ptr_array_index (list, i);
      SzBoardHotline *bh;

      /* The supervision phone has its own line at the foot of the board. */
      if (h->category == SZ_HOTLINE_SUPERVISION)
        continue;
      bh = g_new0 (SzBoardHotline, 1);
      bh->label = g_strdup (h->label != NULL && *h->label != '\0' ? h->label
                            : D_ (lang, sz_hotline_category_msgid (h->category)));
      bh->number = sz_phone_format (h->number);
      g_ptr_array_add (out, bh);
    }
  return out;
}

SzBoardSource *
sz_board_source_new (SzDb    *db,
                     gint64   community_id,
                     GError **error)
{
  g_autoptr(SzBoardSource) source = g_new0 (SzBoardSource, 1);
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) compounds = NULL;
  g_autoptr(GPtrArray) community_lines = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_return_val_if_fail (db != NULL, NULL);

  source->db = db;
  source->nodes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  source->grids = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) sz_grid_free);
  source->compounds = g_hash_table_new_full (g_int64_hash, g_int64_equal, NULL, (GDestroyNotify) sz_compound_free);
  source->hotlines = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  source->pictures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, _sz_board_pictures_free);
  source->labels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  source->unit_numbers = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_date_set_dmy (&source->today, g_date_time_get_day_of_month (now),
                  g_date_time_get_month (now), g_date_time_get_year (now));

  source->community = sz_community_get (db, community_id, error);
  if (source->community == NULL)
    return NULL;
  source->lang = sz_doc_lang_is_valid (source->community->board_language)
                 ? source->community->board_language : SZ_DOC_LANG_DEFAULT;
  if (!load_unit_numbers (source, community_id, error))
    return NULL;
  source->tree = sz_tree_load (db, community_id, error);
  if (source->tree == NULL)
    return NULL;
  index_nodes (source, source->tree);
  source->with_images = sz_person_ids_with_images (db, community_id, error);
  if (source->with_images == NULL)
    return NULL;
  source->group_places = sz_wechat_group_places (db, community_id, error);
  if (source->group_places == NULL)
    return NULL;

  grids = sz_grid_list (db, community_id, error);
  compounds = grids ? sz_compound_list (db, community_id, error) : NULL;
  community_lines = compounds ? sz_hotline_list_scope (db, SZ_SCOPE_COMMUNITY, community_id, error) : NULL;
  if (community_lines == NULL)
    return NULL;
  for (guint i = 0; i < grids->len; i++)
    {
      SzGrid *g = g_ptr_array_index (grids, i);
      g_hash_table_insert (source->grids, &g->id, g);
    }
  g_ptr_array_set_free_func (grids, NULL);
  for (guint i = 0; i < compounds->len; i++)
    {
      SzCompound *c = g_ptr_array_index (compounds, i);
      g_hash_table_insert (source->compounds, &c->id, c);
    }
  g_ptr_array_set_free_func (compounds, NULL);
  g_hash_table_insert (source->hotlines, g_memdup2 (&(gint64) { 0 }, sizeof (gint64)),
                       board_hotlines (community_lines, source->lang));

  for (guint level = 0; level < SZ_N_LEVELS; level++)
    {
      g_autoptr(GPtrArray) duties = sz_duty_list (db, level, error);

      if (duties == NULL)
        return NULL;
      source->duties[level] = g_ptr_array_new_with_free_func (g_free);
      for (guint i = 0; i < duties->len; i++)
        g_ptr_array_add (source->duties[level],
                         doc_duty (source->lang, ((SzDuty *) g_ptr_array_index (duties, i))->text));
    }

  source->office = format_phone (source->community->office_phone);
  source->supervision = format_phone (source->community->supervision_phone);
  if (source->supervision == NULL)
    for (guint i = 0; i < community_lines->len && source->supervision == NULL; i++)
      {
        SzHotline *h = g_ptr_array_index (community_lines, i);

        if (h->category == SZ_HOTLINE_SUPERVISION)
          source->supervision = sz_phone_format (h->number);
      }
  return g_steal_pointer (&source);
}

void
sz_board_source_free (SzBoardSource *source)
{
  if (source == NULL)
    return;
  sz_community_free (source->community);
  g_clear_pointer (&source->tree, sz_tree_node_free);
  g_clear_pointer (&source->nodes, g_hash_table_unref);
  g_clear_pointer (&source->grids, g_hash_table_unref);
  g_clear_pointer (&source->compounds, g_hash_table_unref);
  g_clear_pointer (&source->hotlines, g_hash_table_unref);
  g_clear_pointer (&source->pictures, g_hash_table_unref);
  g_clear_pointer (&source->with_images, g_hash_table_unref);
  g_clear_pointer (&source->group_places, g_hash_table_unref);
  g_clear_pointer (&source->labels, g_hash_table_unref);
  g_clear_pointer (&source->unit_numbers, g_hash_table_unref);
  for (guint i = 0; i < SZ_N_LEVELS; i++)
    g_clear_pointer (&source->duties[i], g_ptr_array_unref);
  g_free (source->supervision);
  g_free (source->office);
  g_free (source);
}

SzTreeNode *
sz_board_source_get_tree (SzBoardSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->tree;
}

gint64
sz_board_source_get_community_id (SzBoardSource *source)
{
  g_return_val_if_fail (source != NULL, 0);
  return source->community->id;
}

SzDb *
sz_board_source_get_db (SzBoardSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->db;
}

const char *
sz_board_source_get_lang (SzBoardSource *source)
{
  g_return_val_if_fail (source != NULL, NULL);
  return source->lang;
}

SzTreeNode *
sz_board_source_find (SzBoardSource *source,
                      SzNodeKind     kind,
                      gint64         id)
{
  g_autofree char *key = node_key (kind, id);

  g_return_val_if_fail (source != NULL, NULL);
  return g_hash_table_lookup (source->nodes, key);
}

static const SzTreeNode *
ancestor (const SzTreeNode *node,
          SzNodeKind        kind)
{
  while (node != NULL && node->kind != kind)
    node = node->parent;
  return node;
}

static char *
sanitize (const char *s)
{
  GString *out = g_string_new (NULL);

  for (const char *p = s; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (strchr ("/\\:*?\"<>|", (int) c) != NULL && c < 0x80)
        g_string_append_c (out, '_');
      else if (g_unichar_isspace (c))
        g_string_append_c (out, '_');
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

static GPtrArray *
copy_strings (GPtrArray *strings)
{
  GPtrArray *copy = g_ptr_array_new_full (strings->len, g_free);

  for (guint i = 0; i < strings->len; i++)
    g_ptr_array_add (copy, g_strdup (g_ptr_array_index (strings, i)));
  return copy;
}

static GPtrArray *
hotlines_for (SzBoardSource *source,
              gint64         building_id,
              GError       **error)
{
  GPtrArray *lines = g_hash_table_lookup (source->hotlines, &building_id);

  if (lines == NULL)
    {
      g_autoptr(GPtrArray) list = sz_hotline_list_for_building (source->db, building_id, error);

      if (list == NULL)
        return NULL;
      lines = board_hotlines (list, source->lang);
      g_hash_table_insert (source->hotlines, g_memdup2 (&building_id, sizeof building_id), lines);
    }
  return lines;
}

static GPtrArray *
copy_hotlines (GPtrArray *lines)
{
  GPtrArray *copy = g_ptr_array_new_full (lines->len, sz_board_hotline_free);

  for (guint i = 0; i < lines->len; i++)
    {
      SzBoardHotline *h = g_ptr_array_index (lines, i);
      SzBoardHotline *c = g_new0 (SzBoardHotline, 1);

      c->label = g_strdup (h->label);
      c->number = g_strdup (h->number);
      g_ptr_array_add (copy, c);
    }
  return copy;
}

static char *
compound_building (SzBoardSource    *source,
                   const SzTreeNode *compound,
                   const SzTreeNode *building)
{
  /* Translators: a building's place: compound name, building name */
  return g_strdup_printf (DC_ (source->lang, "place", "%s %s"), compound->label, building->label);
}

SzBoard *
sz_board_source_build (SzBoardSource  *source,
                       SzBoardKind     kind,
                       gint64          place_id,
                       GError        **error)
{
  g_autoptr(SzBoard) b = NULL;
  const SzTreeNode *node;
  const SzTreeNode *grid = NULL;
  const SzTreeNode *compound = NULL;
  const SzTreeNode *building = NULL;
  SzCommunity *community;
  GPtrArray *lines;
  SzGrid *g = NULL;

  g_return_val_if_fail (source != NULL, NULL);
  g_return_val_if_fail (kind < SZ_N_BOARD_KINDS, NULL);

  community = source->community;
  node = kind == SZ_BOARD_COMMUNITY && place_id == community->id
         ? source->tree : sz_board_source_find (source, sz_board_kind_to_node_kind (kind), place_id);
  if (node == NULL)
    {
      g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, place_id);

      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   /* Translators: "Unit board for place 12: there is no such place in 丰和社区." */
                   _("%s for place %s: there is no such place in %s."),
                   sz_board_kind_title (kind), id, community->name);
      return NULL;
    }

  b = g_new0 (SzBoard, 1);
  b->kind = kind;
  b->lang = g_strdup (source->lang);
  b->place_id = place_id;
  b->community_id = community->id;
  b->title = g_strdup (*community->board_title ? community->board_title : D_ (source->lang, "Notice board of the three heads"));
  b->community = g_strdup (community->name);
  b->heads = g_ptr_array_new_with_free_func (sz_board_head_free);
  b->rows = g_ptr_array_new_with_free_func (sz_board_head_free);
  b->supervision_phone = g_strdup (source->supervision);
  b->office_phone = g_strdup (source->office);
  b->vacancy_text = g_strdup (*community->board_vacancy_text ? community->board_vacancy_text
                              : D_ (source->lang, "Vacant: please contact the community"));
  if (*community->board_qr_text)
    {
      b->qr_text = g_strdup (community->board_qr_text);
      b->qr_caption = g_strdup (community->board_qr_caption);
    }

  building = ancestor (node, SZ_NODE_BUILDING);
  compound = ancestor (node, SZ_NODE_COMPOUND);
  grid = ancestor (node, SZ_NODE_GRID);
  if (grid != NULL)
    {
      b->grid = g_strdup (doc_label (source, grid));
      g = g_hash_table_lookup (source->grids, &grid->id);
      b->label_prefix = g_strdup_printf ("G%d-", g ? g->number : 0);
    }
  else
    b->label_prefix = g_strdup ("C-");
  if (compound != NULL)
    {
      SzCompound *c = g_hash_table_lookup (source->compounds, &compound->id);

      if (c != NULL && c->property_company != NULL && *c->property_company)
        {
          g_autofree char *phone = format_phone (c->property_phone);

          b->property = phone
            /* Translators: the property company and its phone on a board */
            ? g_strdup_printf (D_ (source->lang, "Property company: %s  %s"), c->property_company, phone)
            : g_strdup_printf (D_ (source->lang, "Property company: %s"), c->property_company);
        }
    }

  switch (kind)
    {
    case SZ_BOARD_UNIT:
      {
        g_autofree char *bplace = compound_building (source, compound, building);
        g_autofree char *cb = sanitize (compound->label);
        g_autofree char *bb = sanitize (building->label);
        g_autofree char *ub = sanitize (node->label);

        /* Translators: a unit's place: compound and building, unit */
        b->place = g_strdup_printf (DC_ (source->lang, "place", "%s %s"), bplace, doc_label (source, node));
        g_ptr_array_add (b->heads, _sz_board_source_make_head (source, grid, doc_label (source, grid)));
        g_ptr_array_add (b->heads, _sz_board_source_make_head (source, building, bplace));
        g_ptr_array_add (b->heads, _sz_board_source_make_head (source, node, doc_label (source, node)));
        for (guint l = 0; l < SZ_N_LEVELS; l++)
          b->duties[l] = copy_strings (source->duties[l]);
        lines = hotlines_for (source, building->id, error);
        b->outline = g_strdupv ((char *[]) { (char *) doc_label (source, grid), bplace, (char *) doc_label (source, node), NULL });
        b->file_stem = g_strdup_printf ("unit-%s-%s-%s", cb, bb, ub);
        _sz_board_source_load_group (source, b, SZ_LEVEL_UNIT, node->id);
      }
      break;
    case SZ_BOARD_BUILDING:
      {
        g_autofree char *cb = sanitize (compound->label);
        g_autofree char *bb = sanitize (node->label);

        b->place = compound_building (source, compound, node);
        g_ptr_array_add (b->heads, _sz_board_source_make_head (source, grid, doc_label (source, grid)));
        g_ptr_array_add (b->heads, _sz_board_source_make_head (source, node, b->place));
        for (guint i = 0; node->children != NULL && i < node->children->len; i++)
          {
            SzTreeNode *unit = g_ptr_array_index (node->children, i);
            g_ptr_array_add (b->rows, _sz_board_source_make_head (source, unit, doc_label (source, unit)));
          }
        b->duties[SZ_LEVEL_BUILDING] = copy_strings (source->duties[SZ_LEVEL_BUILDING]);
        b->duties[SZ_LEVEL_UNIT] = copy_strings (source->duties[SZ_LEVEL_UNIT]);
        lines = hotlines_for (source, node->id, error);
        b->outline = g_strdupv ((char *[]) { (char *) doc_label (source, grid), b->place, NULL });
        b->file_stem = g_strdup_printf ("building-%s-%s", cb, bb);
        _sz_board_source_load_group (source, b, SZ_LEVEL_BUILDING, node->id);
      }
      break;
    case SZ_BOARD_GRID:
      b->place = g_strdup (doc_label (source, node));
      g_ptr_array_add (b->heads, _sz_board_source_make_head (source, node, doc_label (source, node)));
      for (guint i = 0; node->children != NULL && i < node->children->len; i++)
        {
          SzTreeNode *c = g_ptr_array_index (node->children, i);

          for (guint j = 0; c->kind == SZ_NODE_COMPOUND && c->children != NULL && j < c->children->len; j++)
            {
              SzTreeNode *bn = g_ptr_array_index (c->children, j);
              g_autofree char *bplace = compound_building (source, c, bn);

              g_ptr_array_add (b->rows, _sz_board_source_make_head (source, bn, bplace));
            }
        }
      b->duties[SZ_LEVEL_GRID] = copy_strings (source->duties[SZ_LEVEL_GRID]);
      lines = g_hash_table_lookup (source->hotlines, &(gint64) { 0 });
      b->outline = g_strdupv ((char *[]) { (char *) doc_label (source, node), NULL });
      b->file_stem = g_strdup_printf ("grid-%d", g ? g->number : 0);
      break;
    case SZ_BOARD_COMMUNITY:
    default:
      {
        g_autofree char *cb = sanitize (community->name);

        b->place = g_strdup (community->name);
        for (guint i = 0; node->children != NULL && i < node->children->len; i++)
          {
            SzTreeNode *gn = g_ptr_array_index (node->children, i);

            if (gn->kind == SZ_NODE_GRID)
              g_ptr_array_add (b->rows, _sz_board_source_make_head (source, gn, doc_label (source, gn)));
          }
        b->duties[SZ_LEVEL_GRID] = copy_strings (source->duties[SZ_LEVEL_GRID]);
        lines = g_hash_table_lookup (source->hotlines, &(gint64) { 0 });
        b->outline = g_strdupv ((char *[]) { community->name, NULL });
        b->file_stem = g_strdup_printf ("community-%s", cb);
      }
      break;
    }
  if (lines == NULL)
    return NULL;
  b->hotlines = copy_hotlines (lines);
  return g_steal_pointer (&b);
}

static void
select_node (SzBoardSource    *source,
             const SzTreeNode *node,
             guint             kinds,
             GHashTable       *seen,
             GArray           *out)
{
  SzBoardRef ref = { 0 };
  gboolean has_board = TRUE;

  switch (node->kind)
    {
    case SZ_NODE_COMMUNITY:
      ref.kind = SZ_BOARD_COMMUNITY;
      break;
    case SZ_NODE_GRID:
      ref.kind = SZ_BOARD_GRID;
      break;
    case SZ_NODE_BUILDING:
      ref.kind = SZ_BOARD_BUILDING;
      break;
    case SZ_NODE_UNIT:
      ref.kind = SZ_BOARD_UNIT;
      break;
    case SZ_NODE_COMPOUND:
    default:
      has_board = FALSE;
      break;
    }
  ref.place_id = node->id;
  /* Buildings directly under the community (in no grid) have no boards:
   * a board names its grid. */
  if (has_board && ref.kind != SZ_BOARD_COMMUNITY && ancestor (node, SZ_NODE_GRID) == NULL)
    has_board = FALSE;
  if (has_board && (kinds & (1u << ref.kind)) != 0)
    {
      g_autofree char *key = sz_board_print_key (ref.kind, ref.place_id);

      if (g_hash_table_add (seen, g_steal_pointer (&key)))
        g_array_append_val (out, ref);
    }
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    select_node (source, g_ptr_array_index (node->children, i), kinds, seen, out);
}

GArray *
sz_board_source_select (SzBoardSource    *source,
                        const SzTreeNode *node,
                        guint             kinds)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GArray *out = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));

  g_return_val_if_fail (source != NULL && node != NULL, out);
  select_node (source, node, kinds, seen, out);
  return out;
}
