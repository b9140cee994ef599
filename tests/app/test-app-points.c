/* test-app-points.c: the 积分 page as a clerk uses it.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the demo community's window: an activity entered for three people
 * (type, day, three ticks, save) shows in their balances; a redemption
 * takes points and stock, one the balance cannot cover is refused with
 * the figures under its field, and Ctrl+Z gives back the points and the
 * stock; a correction with a reason; an award through the honours
 * section once the publicity is over (confirmed, a certificate number);
 * a statement PDF (0600); screenshots at 1280×800 and 1024×600.
 */

#include "config.h"

#include <string.h>
#include <sys/stat.h>

#include "sz-honours-view.h"
#include "sz-points.h"
#include "sz-points-page.h"
#include "sz-record.h"
#include "sz-app-fixture.h"

static SzPointsPage *
points_page (Fixture *f)
{
  sz_window_show_page (f->window, "points");
  test_settle (200);
  return SZ_POINTS_PAGE (page (f, "points"));
}

static SzDb *
db_of (Fixture *f)
{
  return sz_session_get_db (f->session);
}

/* The visible window named @name (a dialog of the page), or NULL. */
static GtkWidget *
find_window (const char *name)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GtkWidget *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWidget) w = g_list_model_get_item (toplevels, i);

      if (gtk_widget_get_visible (w) && g_strcmp0 (gtk_widget_get_name (w), name) == 0)
        found = w;
    }
  return found;
}

static GtkWidget *
get_window (const char *name)
{
  GtkWidget *w;

  test_settle (100);
  w = find_window (name);
  if (w == NULL)
    g_error ("no window “%s”", name);
  return w;
}

static void
click (GtkWidget  *root,
       const char *name)
{
  GtkWidget *button = test_get_widget (root, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  test_settle (100);
}

static void
set_text (GtkWidget  *root,
          const char *name,
          const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (test_get_widget (root, name)), text);
}

static const char *
label_text (GtkWidget  *root,
            const char *name)
{
  return gtk_label_get_text (GTK_LABEL (test_get_widget (root, name)));
}

/* Chooses the entry of a drop-down whose text starts with @prefix. */
static void
choose (GtkWidget  *root,
        const char *name,
        const char *prefix)
{
  GtkDropDown *d = GTK_DROP_DOWN (test_get_widget (root, name));
  GListModel *model = gtk_drop_down_get_model (d);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) s = g_list_model_get_item (model, i);

      if (g_str_has_prefix (gtk_string_object_get_string (s), prefix))
        {
          gtk_drop_down_set_selected (d, i);
          return;
        }
    }
  g_error ("no “%s…” in %s", prefix, name);
}

static SzPointsBalance *
balance (Fixture *f,
         gint64   person)
{
  g_autoptr(GError) error = NULL;
  SzPointsBalance *b = sz_points_balance_get (db_of (f), person, &error);

  g_assert_no_error (error);
  return b;
}

static gint64
first_person_of_level (Fixture *f,
                       int      level,
                       guint    skip)
{
  SzPointsFilter filter;
  g_autoptr(GPtrArray) list = NULL;

  sz_points_filter_init (&filter, f->community);
  filter.level = level;
  filter.with_zero = TRUE;
  list = sz_points_balances (db_of (f), &filter, NULL);
  g_assert_nonnull (list);
  g_assert_cmpuint (list->len, >, skip);
  return ((SzPointsBalance *) list->pdata[skip])->person_id;
}

/* The first active per-hour type, and its rule. */
static SzActivityType *
per_hour_type (Fixture *f)
{
  g_autoptr(GPtrArray) types = sz_activity_type_list (db_of (f), f->community, FALSE, NULL);

  for (guint i = 0; types != NULL && i < types->len; i++)
    {
      SzActivityType *t = types->pdata[i];

      if (t->basis == SZ_BASIS_PER_HOUR && (t->levels == 0 || (t->levels & (1u << SZ_LEVEL_UNIT))))
        return g_steal_pointer (&types->pdata[i]);
    }
  g_error ("no per-hour type for unit heads");
  return NULL;
}

/* Type, day, three people ticked (one with other hours), save. */
static void
test_activity (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  g_autoptr(SzActivityType) type = per_hour_type (f);
  g_autofree char *today = NULL;
  gint64 people[3];
  gint64 before[3];
  int minutes[3] = { 120, 120, 60 };
  GtkWidget *dialog;

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SzPointsBalance) b = NULL;

      people[i] = first_person_of_level (f, SZ_LEVEL_UNIT, i);
      b = balance (f, people[i]);
      before[i] = b->balance;
    }
  gtk_widget_activate_action (GTK_WIDGET (p), "points.activity", NULL);
  dialog = get_window ("activity-dialog");
  choose (dialog, "type", type->name);
  g_assert_cmpstr (label_text (dialog, "rule"), !=, "");
  today = g_strdup (gtk_editable_get_text (GTK_EDITABLE (test_get_widget (dialog, "day"))));
  g_assert_cmpuint (strlen (today), ==, 10);
  set_text (dialog, "title", "楼道清理");
  /* Nobody ticked: refused under the participants, the form stays. */
  click (dialog, "accept");
  g_assert_true (find_window ("activity-dialog") == dialog);
  g_assert_cmpstr (label_text (dialog, "participants-error"), !=, "");
  for (guint i = 0; i < 3; i++)
    {
      g_autofree char *check = g_strdup_printf ("check-%" G_GINT64_FORMAT, people[i]);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, check)), TRUE);
    }
  {
    g_autofree char *hours = g_strdup_printf ("hours-%" G_GINT64_FORMAT, people[2]);

    set_text (dialog, hours, "1");
  }
  g_assert_true (strstr (label_text (dialog, "summary"), "3") != NULL);
  click (dialog, "accept");
  g_assert_null (find_window ("activity-dialog"));

  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SzPointsBalance) b = balance (f, people[i]);
      int counted = type->minutes > 0 ? MIN (minutes[i], type->minutes) : minutes[i];

      g_assert_cmpint (b->balance - before[i], ==, ((gint64) counted * type->points_per_unit + 30) / 60);
    }
  /* The page shows the new balance and the activity in the statement. */
  g_assert_true (sz_points_page_select_person (p, people[0]));
  test_settle (100);
  {
    GtkColumnView *statement = GTK_COLUMN_VIEW (test_get_widget (GTK_WIDGET (p), "statement"));
    GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (statement));
    g_autoptr(SzPointsBalance) b = balance (f, people[0]);
    g_autofree char *shown = sz_points_format (b->balance);

    g_assert_cmpuint (g_list_model_get_n_items (rows), >, 0);
    g_assert_true (strstr (label_text (GTK_WIDGET (p), "statement-totals"), shown) != NULL);
  }
  g_assert_true (sz_session_can_undo (f->session));

  /* Ctrl+Z takes the whole occasion back. */
  g_assert_true (test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  test_settle (100);
  for (guint i = 0; i < 3; i++)
    {
      g_autoptr(SzPointsBalance) b = balance (f, people[i]);

      g_assert_cmpint (b->balance, ==, before[i]);
    }
}

static gint64
add_reward (Fixture    *f,
            const char *name,
            gint64      price,
            int         stock)
{
  g_autoptr(SzReward) r = sz_reward_new ();
  g_autoptr(GError) error = NULL;

  r->community_id = f->community;
  g_free (r->name);
  r->name = g_strdup (name);
  r->price = price;
  r->stock = stock;
  r->active = TRUE;
  g_assert_true (sz_reward_save (db_of (f), r, &error));
  g_assert_no_error (error);
  return r->id;
}

static int
stock_of (Fixture *f,
          gint64   reward)
{
  g_autoptr(SzReward) r = sz_reward_get (db_of (f), reward, NULL);

  g_assert_nonnull (r);
  return r ? r->stock : -1;
}

/* A person with points: the first of the list with the most. */
static gint64
richest (Fixture *f)
{
  SzPointsFilter filter;
  g_autoptr(GPtrArray) list = NULL;
  gint64 most = -1;
  gint64 person = 0;

  sz_points_filter_init (&filter, f->community);
  list = sz_points_balances (db_of (f), &filter, NULL);
  g_assert_nonnull (list);
  for (guint i = 0; i < list->len; i++)
    {
      SzPointsBalance *b = list->pdata[i];

      if (b->balance > most)
        {
          most = b->balance;
          person = b->person_id;
        }
    }
  g_assert_cmpint (most, >=, 20);
  return person;
}

static void
test_redeem (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  gint64 person = richest (f);
  g_autoptr(SzPointsBalance) b0 = balance (f, person);
  gint64 cheap = add_reward (f, "测试抽纸", 10, 3);
  gint64 dear = add_reward (f, "测试电饭煲", b0->balance + 100, 5);
  g_autofree char *have = NULL;
  GtkWidget *dialog;
  const char *error;

  g_assert_true (sz_points_page_select_person (p, person));

  /* One 测试抽纸: 1.0 point and one of the stock. */
  gtk_widget_activate_action (GTK_WIDGET (p), "points.redeem", NULL);
  dialog = get_window ("redeem-dialog");
  g_assert_cmpuint (gtk_drop_down_get_selected (GTK_DROP_DOWN (test_get_widget (dialog, "person"))), !=,
                    GTK_INVALID_LIST_POSITION);
  choose (dialog, "reward", "测试抽纸");
  click (dialog, "accept");
  g_assert_null (find_window ("redeem-dialog"));
  {
    g_autoptr(SzPointsBalance) b = balance (f, person);

    g_assert_cmpint (b->balance, ==, b0->balance - 10);
    g_assert_cmpint (b->minutes, ==, b0->minutes);
  }
  g_assert_cmpint (stock_of (f, cheap), ==, 2);

  /* More than the balance: refused, the figures under the quantity. */
  gtk_widget_activate_action (GTK_WIDGET (p), "points.redeem", NULL);
  dialog = get_window ("redeem-dialog");
  choose (dialog, "reward", "测试电饭煲");
  click (dialog, "accept");
  g_assert_true (find_window ("redeem-dialog") == dialog);
  error = label_text (dialog, "quantity-error");
  have = sz_points_format (b0->balance - 10);
  g_test_message ("refused: %s", error);
  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "quantity-error")));
  g_assert_true (strstr (error, have) != NULL);
  g_assert_cmpint (stock_of (f, dear), ==, 5);
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_CANCEL);
  test_settle (50);

  /* Ctrl+Z: the points and the stock of the first come back. */
  g_assert_true (test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  test_settle (100);
  {
    g_autoptr(SzPointsBalance) b = balance (f, person);

    g_assert_cmpint (b->balance, ==, b0->balance);
  }
  g_assert_cmpint (stock_of (f, cheap), ==, 3);
}

static void
test_correction (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  gint64 person = richest (f);
  g_autoptr(SzPointsBalance) b0 = balance (f, person);
  GtkWidget *dialog;

  g_assert_true (sz_points_page_select_person (p, person));
  click (GTK_WIDGET (p), "correct");
  dialog = get_window ("correction-dialog");
  set_text (dialog, "points", "-1.5");
  set_text (dialog, "hours", "+0.5");
  /* No reason: refused under the reason. */
  click (dialog, "accept");
  g_assert_true (find_window ("correction-dialog") == dialog);
  g_assert_cmpstr (label_text (dialog, "reason-error"), !=, "");
  set_text (dialog, "reason", "上月多记");
  click (dialog, "accept");
  g_assert_null (find_window ("correction-dialog"));
  {
    g_autoptr(SzPointsBalance) b = balance (f, person);

    g_assert_cmpint (b->balance, ==, b0->balance - 15);
    g_assert_cmpint (b->minutes, ==, b0->minutes + 30);
  }
  g_assert_true (sz_session_can_undo (f->session));

  /* Reverse the correction from the statement, with a reason. */
  {
    GtkColumnView *statement = GTK_COLUMN_VIEW (test_get_widget (GTK_WIDGET (p), "statement"));

    /* Newest first. */
    gtk_single_selection_set_selected (GTK_SINGLE_SELECTION (gtk_column_view_get_model (statement)), 0);
    click (GTK_WIDGET (p), "reverse");
    dialog = get_window ("reason-dialog");
    set_text (dialog, "reason", "更正有误");
    click (dialog, "accept");
    g_assert_null (find_window ("reason-dialog"));
  }
  {
    g_autoptr(SzPointsBalance) b = balance (f, person);

    g_assert_cmpint (b->balance, ==, b0->balance);
    g_assert_cmpint (b->minutes, ==, b0->minutes);
  }
  /* A reversal cannot be undone: nothing older is offered either. */
  g_assert_false (sz_session_can_undo (f->session));
}

static char *
day_before (int days)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sz_record_now () - (gint64) days * 86400);
  g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sz_record_time_zone ());

  return g_date_time_format (local, "%Y-%m-%d");
}

static void
test_honours (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  SzHonoursView *view = SZ_HONOURS_VIEW (test_get_widget (GTK_WIDGET (p), "honours-view"));
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_utc (sz_record_now ());
  g_autofree char *year = g_strdup_printf ("%d", g_date_time_get_year (now));
  g_autoptr(SzHonour) h = sz_honour_new ();
  g_autoptr(SzHonour) awarded = NULL;
  g_autoptr(GPtrArray) shortlist = NULL;
  g_autoptr(GError) error = NULL;
  SzShortlistFilter filter = { f->community, year, -1, 0, 0, 0 };
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "points", NULL);
  g_autofree char *certificates = g_build_filename (dir, "certificates.pdf", NULL);
  g_autofree char *notice = g_build_filename (dir, "notice.pdf", NULL);
  GtkWidget *confirm;
  gint64 proposed = 0;

  g_mkdir_with_parents (dir, 0700);
  sz_points_page_show_section (p, "honours");
  test_settle (200);
  g_assert_true (sz_honours_view_set_period (view, year));
  shortlist = sz_honours_shortlist (db_of (f), &filter, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (shortlist->len, >=, 2);

  /* Through the section: the first of the shortlist ticked, a title and
   * a reason, publicity started (7 days from today). */
  g_assert_true (sz_honours_view_set_checked (view, ((SzShortlistEntry *) shortlist->pdata[0])->person_id, TRUE));
  set_text (GTK_WIDGET (view), "reason", "常年坚持楼道巡查");
  click (GTK_WIDGET (view), "propose");
  g_assert_cmpstr (label_text (GTK_WIDGET (view), "propose-error"), ==, "");
  {
    g_autoptr(GPtrArray) list = sz_honour_list (db_of (f), f->community, year, NULL);

    for (guint i = 0; i < list->len; i++)
      if (((SzHonour *) list->pdata[i])->person_id == ((SzShortlistEntry *) shortlist->pdata[0])->person_id)
        {
          g_assert_cmpint (((SzHonour *) list->pdata[i])->status, ==, SZ_HONOUR_PUBLICITY);
          proposed = ((SzHonour *) list->pdata[i])->id;
        }
    g_assert_cmpint (proposed, !=, 0);
  }
  g_assert_true (sz_honours_view_write_notice (view, notice, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (notice, G_FILE_TEST_EXISTS));

  /* One whose publicity ended (set through the core), awarded in the
   * section after a confirmation. */
  h->community_id = f->community;
  h->person_id = ((SzShortlistEntry *) shortlist->pdata[1])->person_id;
  h->period = g_strdup (year);
  h->title = g_strdup ("社区好人");
  h->reason = g_strdup ("热心调解邻里纠纷");
  h->publicity_from = day_before (20);
  g_assert_true (sz_honour_propose (db_of (f), h, 7, &error));
  g_assert_no_error (error);
  sz_session_changed (f->session);
  test_settle (100);
  sz_honours_view_select (view, &h->id, 1);
  click (GTK_WIDGET (view), "award");
  confirm = test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
  test_settle (100);
  awarded = sz_honour_get (db_of (f), h->id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (awarded->status, ==, SZ_HONOUR_FINAL);
  g_assert_nonnull (awarded->certificate_no);
  g_assert_cmpint (awarded->certificate_seq, >, 0);
  /* The one still in publicity stays so. */
  {
    g_autoptr(SzHonour) still = sz_honour_get (db_of (f), proposed, NULL);

    g_assert_cmpint (still->status, ==, SZ_HONOUR_PUBLICITY);
  }
  /* Not undoable: Ctrl+Z has nothing (the publicity step went with it). */
  g_assert_false (sz_session_can_undo (f->session));
  g_assert_true (sz_honours_view_write_certificates (view, certificates, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_test (certificates, G_FILE_TEST_EXISTS));
}

static void
test_statement_pdf (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  gint64 person = richest (f);
  g_autofree char *dir = g_build_filename (g_get_user_cache_dir (), "points", NULL);
  g_autofree char *path = g_build_filename (dir, "statement.pdf", NULL);
  g_autoptr(GError) error = NULL;
  struct stat st;

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (sz_points_page_select_person (p, person));
  g_assert_true (gtk_widget_is_sensitive (test_get_widget (GTK_WIDGET (p), "export-statement")));
  g_assert_true (sz_points_page_write_statement (p, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_size, >, 1000);
  g_assert_cmpuint (st.st_mode & 0777, ==, 0600);
}

/* Search and filters narrow the balances. */
static void
test_search_filters (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  GtkColumnView *view = GTK_COLUMN_VIEW (test_get_widget (GTK_WIDGET (p), "balances"));
  GListModel *rows = G_LIST_MODEL (gtk_column_view_get_model (view));
  gint64 person = richest (f);
  g_autoptr(SzPointsBalance) b = balance (f, person);
  guint all;

  all = g_list_model_get_n_items (rows);
  g_assert_cmpuint (all, >, 3);
  set_text (GTK_WIDGET (p), "search", b->name);
  test_settle (400);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, all);
  g_assert_cmpuint (g_list_model_get_n_items (rows), >=, 1);
  set_text (GTK_WIDGET (p), "search", "");
  test_settle (400);
  /* Unit heads only. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (GTK_WIDGET (p), "level-filter")), 1 + SZ_LEVEL_UNIT);
  test_settle (100);
  g_assert_cmpuint (g_list_model_get_n_items (rows), <, all);
}

/* The catalogue: a reward added, its price edited, and Ctrl+Z puts the
 * old price back; an activity type added. */
static void
test_catalogues (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  GtkWidget *window;
  g_autoptr(GPtrArray) rewards = NULL;
  g_autoptr(GPtrArray) types = NULL;
  gint64 id = 0;

  gtk_widget_activate_action (GTK_WIDGET (p), "points.rewards", NULL);
  window = get_window ("rewards-dialog");
  click (window, "new");
  set_text (window, "name", "测试雨伞");
  set_text (window, "price", "abc");
  click (window, "save");
  g_assert_cmpstr (label_text (window, "price-error"), !=, "");
  set_text (window, "price", "8");
  set_text (window, "stock", "4");
  click (window, "save");
  g_assert_cmpstr (label_text (window, "price-error"), ==, "");
  rewards = sz_reward_list (db_of (f), f->community, TRUE, NULL);
  for (guint i = 0; i < rewards->len; i++)
    if (g_strcmp0 (((SzReward *) rewards->pdata[i])->name, "测试雨伞") == 0)
      {
        id = ((SzReward *) rewards->pdata[i])->id;
        g_assert_cmpint (((SzReward *) rewards->pdata[i])->price, ==, 80);
        g_assert_cmpint (((SzReward *) rewards->pdata[i])->stock, ==, 4);
      }
  g_assert_cmpint (id, !=, 0);
  set_text (window, "price", "9.5");
  click (window, "save");
  {
    g_autoptr(SzReward) r = sz_reward_get (db_of (f), id, NULL);

    g_assert_cmpint (r->price, ==, 95);
  }
  g_assert_true (test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  test_settle (100);
  {
    g_autoptr(SzReward) r = sz_reward_get (db_of (f), id, NULL);

    g_assert_cmpint (r->price, ==, 80);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);

  gtk_widget_activate_action (GTK_WIDGET (p), "points.types", NULL);
  window = get_window ("types-dialog");
  click (window, "new");
  set_text (window, "name", "测试垃圾分类督导");
  set_text (window, "points", "1.5");
  set_text (window, "minutes", "3");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (window, "level-2")), TRUE);
  click (window, "save");
  types = sz_activity_type_list (db_of (f), f->community, FALSE, NULL);
  id = 0;
  for (guint i = 0; i < types->len; i++)
    {
      SzActivityType *t = types->pdata[i];

      if (g_strcmp0 (t->name, "测试垃圾分类督导") == 0)
        {
          id = t->id;
          g_assert_cmpint (t->points_per_unit, ==, 15);
          g_assert_cmpint (t->minutes, ==, 180);
          g_assert_cmpuint (t->levels, ==, 1u << SZ_LEVEL_UNIT);
        }
    }
  g_assert_cmpint (id, !=, 0);
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
}

/* A record proposed for credit: one click credits its head; Ctrl+Z takes
 * it back and it is proposed again. */
static void
test_record_credit (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  g_autoptr(GPtrArray) credits = sz_points_record_credits (db_of (f), f->community, NULL);
  SzRecordCredit *c;
  g_autoptr(SzPointsBalance) b0 = NULL;
  g_autofree char *name = NULL;
  GtkWidget *window;
  guint n;

  if (credits == NULL || credits->len == 0)
    {
      g_test_skip ("the demo has no record to credit");
      return;
    }
  n = credits->len;
  c = credits->pdata[0];
  b0 = balance (f, c->person_id);
  gtk_widget_activate_action (GTK_WIDGET (p), "points.credits", NULL);
  window = get_window ("credits-dialog");
  name = g_strdup_printf ("credit-%" G_GINT64_FORMAT, c->record_id);
  click (window, name);
  g_assert_cmpstr (label_text (window, "error"), ==, "");
  {
    g_autoptr(SzPointsBalance) b = balance (f, c->person_id);
    g_autoptr(GPtrArray) now = sz_points_record_credits (db_of (f), f->community, NULL);

    g_assert_cmpint (b->balance, >, b0->balance);
    g_assert_cmpuint (now->len, ==, n - 1);
  }
  g_assert_true (test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK));
  test_settle (100);
  {
    g_autoptr(SzPointsBalance) b = balance (f, c->person_id);

    g_assert_cmpint (b->balance, ==, b0->balance);
  }
  gtk_window_destroy (GTK_WINDOW (window));
  test_settle (50);
}

/* The rule set to 1 year: the preview lists what the core would write;
 * applied after a confirmation, nothing is left to expire. */
static void
test_expiry (Fixture *f, gconstpointer data)
{
  SzPointsPage *p = points_page (f);
  g_autofree char *today = NULL;
  g_autoptr(GPtrArray) preview = NULL;
  GtkWidget *dialog;
  GtkWidget *confirm;
  guint shown = 0;
  g_autoptr(SzActivityType) type = per_hour_type (f);
  g_autoptr(SzActivity) old = sz_activity_new ();
  SzParticipant who = { 0, 120 };
  g_autoptr(GError) error = NULL;
  SzPointsFilter filter;
  g_autoptr(GPtrArray) unit_heads = NULL;

  /* A unit head who never redeemed: old points are spent first. */
  sz_points_filter_init (&filter, f->community);
  filter.level = SZ_LEVEL_UNIT;
  filter.with_zero = TRUE;
  unit_heads = sz_points_balances (db_of (f), &filter, NULL);
  for (guint i = 0; who.person_id == 0 && i < unit_heads->len; i++)
    if (((SzPointsBalance *) unit_heads->pdata[i])->redeemed == 0)
      who.person_id = ((SzPointsBalance *) unit_heads->pdata[i])->person_id;
  g_assert_cmpint (who.person_id, !=, 0);

  /* Points earned two years ago, through the core. */
  old->community_id = f->community;
  old->type_id = type->id;
  old->day = g_strdup ("2024-05-01");
  g_assert_true (sz_activity_record (db_of (f), old, &who, 1, &error));
  g_assert_no_error (error);
  sz_session_changed (f->session);

  gtk_widget_activate_action (GTK_WIDGET (p), "points.expiry", NULL);
  dialog = get_window ("expiry-dialog");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_get_widget (dialog, "years")), 0);
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (test_get_widget (dialog, "years")), 1);
  test_settle (50);
  g_assert_cmpint (sz_points_get_expiry_years (db_of (f), f->community, NULL), ==, 1);
  {
    g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (sz_record_now ());
    g_autoptr(GDateTime) local = g_date_time_to_timezone (utc, sz_record_time_zone ());

    today = g_date_time_format (local, "%Y-%m-%d");
  }
  preview = sz_points_expiry_preview (db_of (f), f->community, today, NULL);
  g_assert_nonnull (preview);
  for (GtkWidget *c = gtk_widget_get_first_child (test_get_widget (dialog, "preview")); c;
       c = gtk_widget_get_next_sibling (c))
    shown++;
  g_assert_cmpuint (shown, ==, preview->len);
  g_assert_cmpuint (preview->len, >, 0);
  g_assert_cmpstr (label_text (dialog, "summary"), !=, "");
  click (dialog, "accept");
  confirm = test_find_toplevel (GTK_TYPE_MESSAGE_DIALOG);
  g_assert_nonnull (confirm);
  gtk_dialog_response (GTK_DIALOG (confirm), GTK_RESPONSE_ACCEPT);
  test_settle_until (find_window ("expiry-dialog") == NULL, 10000);
  g_assert_null (find_window ("expiry-dialog"));
  g_clear_pointer (&preview, g_ptr_array_unref);
  preview = sz_points_expiry_preview (db_of (f), f->community, today, NULL);
  g_assert_cmpuint (preview->len, ==, 0);
  g_assert_false (sz_session_can_undo (f->session));
}

static void
test_screenshots (Fixture *f, gconstpointer data)
{
  const int sizes[][2] = { { 1280, 800 }, { 1024, 600 } };
  SzPointsPage *p = points_page (f);
  GtkWidget *dialog;
  int min_width;

  /* Room for the page beside the sidebar in a 900 px window. */
  gtk_widget_measure (GTK_WIDGET (p), GTK_ORIENTATION_HORIZONTAL, -1, &min_width, NULL, NULL, NULL);
  g_assert_cmpint (min_width, <=, 640);
  g_assert_true (sz_points_page_select_person (p, richest (f)));
  for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
    {
      gtk_window_set_default_size (GTK_WINDOW (f->window), sizes[s][0], sizes[s][1]);
      sz_points_page_show_section (p, "balances");
      test_screenshot (GTK_WIDGET (f->window), "points", "page", sizes[s][0], sizes[s][1]);
      sz_points_page_show_section (p, "honours");
      test_screenshot (GTK_WIDGET (f->window), "points", "honours", sizes[s][0], sizes[s][1]);
      sz_points_page_show_section (p, "balances");
      gtk_widget_activate_action (GTK_WIDGET (p), "points.activity", NULL);
      dialog = get_window ("activity-dialog");
      {
        g_autofree char *check = g_strdup_printf ("check-%" G_GINT64_FORMAT, first_person_of_level (f, SZ_LEVEL_UNIT, 0));

        gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, check)), TRUE);
      }
      test_screenshot (dialog, "points", "activity", sizes[s][0], sizes[s][1]);
      gtk_window_destroy (GTK_WINDOW (dialog));
      gtk_widget_activate_action (GTK_WIDGET (p), "points.redeem", NULL);
      dialog = get_window ("redeem-dialog");
      test_screenshot (dialog, "points", "redeem", sizes[s][0], sizes[s][1]);
      gtk_window_destroy (GTK_WINDOW (dialog));
    }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/points/activity", Fixture, NULL, fixture_setup, test_activity, fixture_teardown);
  g_test_add ("/points/redeem", Fixture, NULL, fixture_setup, test_redeem, fixture_teardown);
  g_test_add ("/points/correction", Fixture, NULL, fixture_setup, test_correction, fixture_teardown);
  g_test_add ("/points/honours", Fixture, NULL, fixture_setup, test_honours, fixture_teardown);
  g_test_add ("/points/statement-pdf", Fixture, NULL, fixture_setup, test_statement_pdf, fixture_teardown);
  g_test_add ("/points/search-filters", Fixture, NULL, fixture_setup, test_search_filters, fixture_teardown);
  g_test_add ("/points/catalogues", Fixture, NULL, fixture_setup, test_catalogues, fixture_teardown);
  g_test_add ("/points/record-credit", Fixture, NULL, fixture_setup, test_record_credit, fixture_teardown);
  g_test_add ("/points/expiry", Fixture, NULL, fixture_setup, test_expiry, fixture_teardown);
  g_test_add ("/points/screenshots", Fixture, NULL, fixture_setup, test_screenshots, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
