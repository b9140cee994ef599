/* sz-record-stats.c: lists of records and the figures staff are judged on.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Both read record and its cached record_state, one row per record, so a
 * month of a large community is one indexed range scan.
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-db.h"
#include "sz-record.h"
#include "sz-roster.h"

/* A first step within this long counts as a response in time. */
#define RESPONSE_SECONDS         (24 * 3600)
#define RESPONSE_SECONDS_URGENT  (2 * 3600)
#define TREND_MONTHS 6

/* The open statuses, for SQL. */
#define OPEN_STATUSES "('received', 'reported', 'dispatched', 'returned', 'suspended', 'reopened')"

void
sz_record_filter_init (SzRecordFilter *filter,
                       gint64          community_id)
{
  memset (filter, 0, sizeof *filter);
  filter->community_id = community_id;
  filter->status = SZ_RECORD_FILTER_ANY_STATUS;
  filter->channel = -1;
}

void
sz_record_filter_clear (SzRecordFilter *filter)
{
  g_clear_pointer (&filter->search, g_free);
}

void
sz_record_row_free (SzRecordRow *row)
{
  if (row == NULL)
    return;
  g_free (row->place_text);
  g_free (row->category_name);
  g_free (row->description);
  g_free (row);
}

/* The WHERE clause for @filter; parameters ?1 community, ?2 status, ?3 now,
 * ?4 end of today, ?5 grid, ?6 category, ?7 channel, ?8–?9 month, ?10 search. */
static char *
filter_where (const SzRecordFilter *f)
{
  GString *w = g_string_new (" WHERE r.community_id = ?1");

  if (f->status >= 0)
    g_string_append (w, " AND s.status = ?2");
  else if (f->status == SZ_RECORD_FILTER_OPEN)
    g_string_append (w, " AND s.status IN " OPEN_STATUSES);
  if (f->overdue)
    g_string_append (w, " AND s.status IN " OPEN_STATUSES " AND s.due_at > 0 AND s.due_at < ?3");
  if (f->due_today)
    g_string_append (w, " AND s.status IN " OPEN_STATUSES " AND s.due_at >= ?3 AND s.due_at < ?4");
  /* Resolved is the one status between the resolution and the follow-up
   * call (or a close without one). */
  if (f->awaiting_follow_up)
    g_string_append (w, " AND s.status = 'resolved'");
  if (f->grid_id > 0)
    g_string_append (w, " AND r.grid_id = ?5");
  else if (f->grid_id < 0)
    g_string_append (w, " AND r.grid_id IS NULL");
  if (f->category_id != 0)
    g_string_append (w, " AND r.category_id = ?6");
  if (f->channel >= 0)
    g_string_append (w, " AND r.channel = ?7");
  if (f->month_start != 0)
    g_string_append (w, " AND r.received_at >= ?8 AND r.received_at < ?9");
  if (f->search != NULL && *f->search != '\0')
    g_string_append (w, " AND (instr(s.search_text, ?10) > 0 OR s.record_id = ?11)");
  return g_string_free (w, FALSE);
}

static void
filter_bind (SzStmt               *stmt,
             const SzRecordFilter *f,
             gint64                now)
{
  gint64 day_start, day_end;

  sz_record_day_bounds (now, &day_start, &day_end);
  sz_stmt_bind_int64 (stmt, 1, f->community_id);
  if (f->status >= 0)
    sz_db_bind_text (stmt, 2, sz_record_status_to_string (f->status));
  sz_stmt_bind_int64 (stmt, 3, now);
  sz_stmt_bind_int64 (stmt, 4, day_end);
  sz_stmt_bind_int64 (stmt, 5, f->grid_id);
  sz_stmt_bind_int64 (stmt, 6, f->category_id);
  if (f->channel >= 0)
    sz_db_bind_text (stmt, 7, sz_channel_to_string (f->channel));
  sz_stmt_bind_int64 (stmt, 8, f->month_start);
  sz_stmt_bind_int64 (stmt, 9, f->month_end);
  if (f->search != NULL && *f->search != '\0')
    {
      g_autofree char *trimmed = g_strstrip (g_strdup (f->search));
      const char *digits = trimmed[0] == '#' ? trimmed + 1 : trimmed;

      g_autofree char *lower = g_utf8_strdown (trimmed, -1);

      sz_db_bind_text (stmt, 10, lower);
      /* "#12" or "12" finds record 12 too. */
      sz_stmt_bind_int64 (stmt, 11, g_ascii_strtoll (digits, NULL, 10));
    }
}

static SzRecordRow *
row_from_stmt (SzStmt *stmt,
               gint64        now)
{
  SzRecordRow *row = g_new0 (SzRecordRow, 1);

  row->id = sz_stmt_column_int64 (stmt, 0);
  row->received_at = sz_stmt_column_int64 (stmt, 1);
  sz_channel_from_string ((const char *) sz_stmt_column_text (stmt, 2), &row->channel);
  sz_node_kind_from_string ((const char *) sz_stmt_column_text (stmt, 3), &row->place_kind);
  row->place_id = sz_stmt_column_int64 (stmt, 4);
  row->grid_id = sz_stmt_column_int64 (stmt, 5);
  row->place_text = sz_db_column_dup (stmt, 6);
  row->category_id = sz_stmt_column_int64 (stmt, 7);
  row->category_name = sz_db_column_dup (stmt, 8);
  sz_time_class_from_string ((const char *) sz_stmt_column_text (stmt, 9), &row->time_class);
  row->description = sz_db_column_dup (stmt, 10);
  sz_record_status_from_string ((const char *) sz_stmt_column_text (stmt, 11), &row->status);
  row->due_at = sz_stmt_column_int64 (stmt, 12);
  row->resolved_at = sz_stmt_column_int64 (stmt, 13);
  if (!sz_satisfaction_from_string ((const char *) sz_stmt_column_text (stmt, 14), &row->satisfaction))
    row->satisfaction = SZ_SATISFACTION_NONE;
  row->overdue = sz_record_status_is_open (row->status) && row->due_at != 0 && row->due_at < now;
  return row;
}

GPtrArray *
sz_record_list (SzDb                  *db,
                const SzRecordFilter  *filter,
                guint                 *total,
                GError               **error)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_record_row_free);
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gboolean by_state, state_first;
  guint n = 0;
  gint64 now;
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (filter != NULL, NULL);

  now = filter->now != 0 ? filter->now : sz_record_now ();
  where = filter_where (filter);
  /* Filters on the state or the search scan the rows anyway: count them in
   * the same pass.  Without them, the newest rows come straight from the
   * index and a count of record alone is cheap. */
  by_state = filter->status != SZ_RECORD_FILTER_ANY_STATUS || filter->overdue || filter->due_today
             || filter->awaiting_follow_up
             || (filter->search != NULL && *filter->search != '\0');
  /* Without a month, grid or category to narrow the records, the state
   * (its index on status and due time, or a scan of the search text) is
   * the narrower side: make SQLite start there, whatever its statistics. */
  state_first = by_state && filter->month_start == 0 && filter->grid_id == 0 && filter->category_id == 0;
  sql = g_strconcat ("SELECT r.id, r.received_at, r.channel, r.place_kind, r.place_id, r.grid_id, r.place_text,"
                     " r.category_id, c.name, r.time_class, r.description, s.status, s.due_at, s.resolved_at,"
                     " s.satisfaction",
                     state_first ? " FROM record_state s CROSS JOIN record r ON r.id = s.record_id"
                                 : " FROM record r JOIN record_state s ON s.record_id = r.id",
                     " JOIN record_category c ON c.id = r.category_id",
                     where, " ORDER BY r.received_at DESC, r.id DESC",
                     filter->limit > 0 && !by_state ? " LIMIT ?12" : "", NULL);
  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  filter_bind (stmt, filter, now);
  if (filter->limit > 0 && !by_state)
    sz_stmt_bind_int64 (stmt, 12, filter->limit);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      if (filter->limit == 0 || rows->len < filter->limit)
        g_ptr_array_add (rows, row_from_stmt (stmt, now));
      n++;
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return NULL;

  if (total != NULL)
    {
      *total = n;
      if (filter->limit > 0 && !by_state && rows->len == filter->limit)
        {
          g_autofree char *count_sql = g_strconcat ("SELECT count(*) FROM record r", where, NULL);

          stmt = sz_db_prepare (db, count_sql, error);
          if (stmt == NULL)
            return NULL;
          filter_bind (stmt, filter, now);
          if (sz_db_step (db, stmt, error) != SQLITE_ROW)
            return NULL;
          *total = sz_stmt_column_int (stmt, 0);
          sz_stmt_reset (stmt);
        }
    }
  return g_steal_pointer (&rows);
}

gboolean
sz_record_count_quick (SzDb                 *db,
                       const SzRecordFilter *filter,
                       SzRecordCounts       *counts,
                       GError              **error)
{
  SzRecordFilter rest;
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  gint64 now;
  SzStmt *stmt;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (filter != NULL && counts != NULL, FALSE);

  memset (counts, 0, sizeof *counts);
  now = filter->now != 0 ? filter->now : sz_record_now ();
  /* The same narrowing as the list, without what the counts are of. */
  rest = *filter;
  rest.status = SZ_RECORD_FILTER_ANY_STATUS;
  rest.overdue = rest.due_today = rest.awaiting_follow_up = FALSE;
  where = filter_where (&rest);
  /* The state's index on status and due time finds the three directly. */
  sql = g_strconcat ("SELECT"
                     " coalesce (sum (CASE WHEN s.status IN " OPEN_STATUSES " AND s.due_at > 0 AND s.due_at < ?3 THEN 1 ELSE 0 END), 0),"
                     " coalesce (sum (CASE WHEN s.status IN " OPEN_STATUSES " AND s.due_at >= ?3 AND s.due_at < ?4 THEN 1 ELSE 0 END), 0),"
                     " coalesce (sum (CASE WHEN s.status = 'resolved' THEN 1 ELSE 0 END), 0)"
                     " FROM record r JOIN record_state s ON s.record_id = r.id",
                     where, " AND (s.status = 'resolved' OR s.status IN " OPEN_STATUSES ")", NULL);
  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return FALSE;
  filter_bind (stmt, &rest, now);
  if (sz_db_step (db, stmt, error) != SQLITE_ROW)
    return FALSE;
  counts->overdue = sz_stmt_column_int (stmt, 0);
  counts->due_today = sz_stmt_column_int (stmt, 1);
  counts->awaiting_follow_up = sz_stmt_column_int (stmt, 2);
  sz_stmt_reset (stmt);
  return TRUE;
}

/* Figures */

static double
ratio (guint num,
       guint den)
{
  return den == 0 ? -1.0 : (double) num / den;
}

double
sz_record_figures_response_rate (const SzRecordFigures *f)
{
  return ratio (f->responded, f->received);
}

double
sz_record_figures_resolution_rate (const SzRecordFigures *f)
{
  return ratio (f->resolved, f->received);
}

double
sz_record_figures_satisfaction_rate (const SzRecordFigures *f)
{
  return ratio (f->satisfied + f->basically, f->followed_up);
}

char *
sz_record_format_rate (double rate)
{
  if (rate < 0)
    return g_strdup ("—");
  return g_strdup_printf ("%.1f%%", rate * 100.0);
}

const char *
sz_record_response_definition (void)
{
  return _("Response rate: the records received in the period that had a first step (reported, dispatched, "
           "resolved or suspended) within 2 hours for an emergency and 24 hours otherwise, divided by the "
           "records received.");
}

const char *
sz_record_resolution_definition (void)
{
  return _("Resolution rate: the records received in the period that are resolved now, divided by the records "
           "received; a reopened record counts again only when it is resolved again.");
}

const char *
sz_record_satisfaction_definition (void)
{
  return _("Satisfaction rate: the records whose follow-up found the resident satisfied or basically satisfied, "
           "divided by the records followed up.");
}

static SzRecordFigures *
figures_new (const char *key,
             gint64      id)
{
  SzRecordFigures *f = g_new0 (SzRecordFigures, 1);

  f->key = g_strdup (key);
  f->id = id;
  return f;
}

static void
figures_free (SzRecordFigures *f)
{
  g_free (f->key);
  g_free (f);
}

/* One record as the figures need it. */
typedef struct
{
  gint64          received_at;
  SzTimeClass     time_class;
  SzRecordStatus  status;
  gint64          responded_at;
  gint64          resolved_at;
  gint64          due_at;
  SzSatisfaction  satisfaction;
} FigureRow;

static void
figures_add (SzRecordFigures *f,
             const FigureRow *r,
             gint64           now)
{
  gint64 window = r->time_class == SZ_TIME_EMERGENCY ? RESPONSE_SECONDS_URGENT : RESPONSE_SECONDS;

  f->received++;
  if (r->responded_at != 0 && r->responded_at - r->received_at <= window)
    f->responded++;
  if (r->resolved_at != 0)
    {
      f->resolved++;
      if (r->resolved_at <= r->due_at)
        f->resolved_on_time++;
    }
  if (sz_record_status_is_open (r->status))
    {
      f->open++;
      if (r->due_at != 0 && r->due_at < now)
        f->overdue++;
    }
  switch (r->satisfaction)
    {
    case SZ_SATISFACTION_SATISFIED:
      f->followed_up++;
      f->satisfied++;
      break;
    case SZ_SATISFACTION_BASICALLY:
      f->followed_up++;
      f->basically++;
      break;
    case SZ_SATISFACTION_DISSATISFIED:
      f->followed_up++;
      f->dissatisfied++;
      break;
    default:
      break;
    }
}

void
sz_record_stats_free (SzRecordStats *stats)
{
  if (stats == NULL)
    return;
  g_free (stats->month);
  g_free (stats->total.key);
  g_clear_pointer (&stats->by_grid, g_ptr_array_unref);
  g_clear_pointer (&stats->by_category, g_ptr_array_unref);
  g_clear_pointer (&stats->by_channel, g_ptr_array_unref);
  g_clear_pointer (&stats->trend, g_ptr_array_unref);
  g_free (stats);
}

/* The entry of @array with id @id, added with @key when missing. */
static SzRecordFigures *
figures_for (GPtrArray  *array,
             GHashTable *index,
             gint64      id,
             const char *key)
{
  SzRecordFigures *f = g_hash_table_lookup (index, &id);

  if (f == NULL)
    {
      f = figures_new (key, id);
      g_ptr_array_add (array, f);
      g_hash_table_insert (index, &f->id, f);
    }
  return f;
}

static int
compare_by_id (gconstpointer a,
               gconstpointer b)
{
  const SzRecordFigures *fa = *(SzRecordFigures **) a;
  const SzRecordFigures *fb = *(SzRecordFigures **) b;

  return (fa->id > fb->id) - (fa->id < fb->id);
}

SzRecordStats *
sz_record_stats (SzDb        *db,
                 gint64       community_id,
                 const char  *month,
                 gint64       now,
                 GError     **error)
{
  g_autoptr(SzRecordStats) stats = g_new0 (SzRecordStats, 1);
  g_autoptr(GHashTable) grid_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) category_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) channel_index = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) category_pos = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(GPtrArray) categories = NULL;
  gint64 start, end, bounds[TREND_MONTHS + 1];
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  if (!sz_record_parse_month (month, &start, &end, error))
    return NULL;
  if (now == 0)
    now = sz_record_now ();
  stats->month = sz_record_month_of (start);
  stats->now = now;
  stats->by_grid = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);
  stats->by_category = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);
  stats->by_channel = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);
  stats->trend = g_ptr_array_new_with_free_func ((GDestroyNotify) figures_free);

  /* The trend's months, oldest first; the last is the month itself. */
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (start);
    g_autoptr(GDateTime) first = g_date_time_to_timezone (utc, sz_record_time_zone ());

    for (int i = 0; i <= TREND_MONTHS; i++)
      {
        g_autoptr(GDateTime) m = g_date_time_add_months (first, i - TREND_MONTHS + 1);

        bounds[i] = g_date_time_to_unix (m);
        if (i < TREND_MONTHS)
          {
            g_autofree char *key = g_date_time_format (m, "%Y-%m");

            g_ptr_array_add (stats->trend, figures_new (key, 0));
          }
      }
  }

  /* Every grid has a row, with records or not: a grid without any is news. */
  grids = sz_grid_list (db, community_id, error);
  if (grids == NULL)
    return NULL;
  for (guint i = 0; i < grids->len; i++)
    {
      SzGrid *g = grids->pdata[i];
      g_autofree char *label = sz_grid_label (g);

      figures_for (stats->by_grid, grid_index, g->id, label);
    }
  categories = sz_record_category_list (db, TRUE, error);
  if (categories == NULL)
    return NULL;
  for (guint i = 0; i < categories->len; i++)
    {
      SzRecordCategory *c = categories->pdata[i];

      g_hash_table_insert (category_pos, &c->id, c);
    }

  stmt = sz_db_prepare (db, "SELECT r.received_at, r.time_class, r.grid_id, r.category_id, r.channel, s.status,"
                            " s.responded_at, s.resolved_at, s.due_at, s.satisfaction"
                            " FROM record r JOIN record_state s ON s.record_id = r.id"
                            " WHERE r.community_id = ?1 AND r.received_at >= ?2 AND r.received_at < ?3", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  sz_stmt_bind_int64 (stmt, 2, bounds[0]);
  sz_stmt_bind_int64 (stmt, 3, end);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    {
      FigureRow row;
      gint64 grid_id, category_id;
      SzChannel channel = SZ_CHANNEL_OTHER;
      int m;

      row.received_at = sz_stmt_column_int64 (stmt, 0);
      if (!sz_time_class_from_string ((const char *) sz_stmt_column_text (stmt, 1), &row.time_class))
        row.time_class = SZ_TIME_GENERAL;
      grid_id = sz_stmt_column_int64 (stmt, 2);
      category_id = sz_stmt_column_int64 (stmt, 3);
      sz_channel_from_string ((const char *) sz_stmt_column_text (stmt, 4), &channel);
      sz_record_status_from_string ((const char *) sz_stmt_column_text (stmt, 5), &row.status);
      row.responded_at = sz_stmt_column_int64 (stmt, 6);
      row.resolved_at = sz_stmt_column_int64 (stmt, 7);
      row.due_at = sz_stmt_column_int64 (stmt, 8);
      if (!sz_satisfaction_from_string ((const char *) sz_stmt_column_text (stmt, 9), &row.satisfaction))
        row.satisfaction = SZ_SATISFACTION_NONE;

      for (m = TREND_MONTHS - 1; m > 0 && row.received_at < bounds[m]; m--)
        ;
      figures_add (stats->trend->pdata[m], &row, now);
      if (row.received_at < start)
        continue;

      figures_add (&stats->total, &row, now);
      figures_add (figures_for (stats->by_grid, grid_index, grid_id,
                                grid_id == 0 ? _("Community-wide or across grids") : ""), &row, now);
      {
        SzRecordCategory *c = g_hash_table_lookup (category_pos, &category_id);

        figures_add (figures_for (stats->by_category, category_index, category_id, c ? c->name : ""), &row, now);
      }
      {
        gint64 ch = channel;

        figures_add (figures_for (stats->by_channel, channel_index, ch, sz_channel_title (channel)), &row, now);
      }
    }
  sz_stmt_reset (stmt);
  if (rc == 0)
    return NULL;

  /* Grids in the order listed (by number), the no-grid row last; categories
   * by their position; channels in their order. */
  {
    /* Sort categories by position through a temporary key. */
    g_autoptr(GPtrArray) sorted = g_ptr_array_new ();

    for (guint i = 0; i < categories->len; i++)
      {
        SzRecordCategory *c = categories->pdata[i];
        SzRecordFigures *f = g_hash_table_lookup (category_index, &c->id);

        if (f != NULL)
          g_ptr_array_add (sorted, f);
      }
    g_ptr_array_set_free_func (stats->by_category, NULL);
    g_ptr_array_set_size (stats->by_category, 0);
    g_ptr_array_extend (stats->by_category, sorted, NULL, NULL);
    g_ptr_array_set_free_func (stats->by_category, (GDestroyNotify) figures_free);
  }
  g_ptr_array_sort (stats->by_channel, compare_by_id);
  for (guint i = 0; i < stats->by_grid->len; i++)
    if (((SzRecordFigures *) stats->by_grid->pdata[i])->id == 0)
      {
        g_ptr_array_add (stats->by_grid, g_ptr_array_steal_index (stats->by_grid, i));
        break;
      }
  stats->total.key = g_strdup (stats->month);
  return g_steal_pointer (&stats);
}
