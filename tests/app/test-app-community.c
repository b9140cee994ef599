/* test-app-community.c: the people page and the person picker show the
 * session's community only; the picker's new person belongs to it and
 * comes with the consent to print the phone and its date.  The board
 * language is a community setting of the preferences, kept after a
 * restart.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-people-page.h"
#include "sz-person-picker.h"
#include "sz-preferences-window.h"
#include "sz-post.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* The office's own community beside the demo, with one head whose phone
 * is one the demo's old couple share; the session moves to it. */
static gint64
add_own_community (Fixture *f,
                   gint64  *head)
{
  SzDb *db = sz_session_get_db (f->session);
  gint64 own = test_add_community (db, "春华社区");

  *head = test_add_person_in (db, own, "李新", "13800005733", TRUE);
  sz_session_set_community_id (f->session, own);
  test_settle (100);
  return own;
}

static void
test_people_page (Fixture *f, gconstpointer data)
{
  SzPeoplePage *people = SZ_PEOPLE_PAGE (page (f, "people"));
  gint64 head = 0;

  sz_window_show_page (f->window, "people");
  test_settle (200);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 183);

  add_own_community (f, &head);
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 1);
  g_assert_cmpint (sz_people_page_get_row_id (people, 0), ==, head);

  /* Search: the demo's people are not found, their shared phone finds
   * only ours. */
  sz_people_page_set_search_text (people, "程建国");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 0);
  sz_people_page_set_search_text (people, "5733");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 1);
  g_assert_cmpint (sz_people_page_get_row_id (people, 0), ==, head);
  sz_people_page_set_search_text (people, "");
  g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 1);
  {
    g_autofree char *count = g_strdup (gtk_label_get_text (GTK_LABEL (test_get_widget (GTK_WIDGET (people),
                                                                                        "count_label"))));
    g_assert_nonnull (strstr (count, "1"));
  }
  test_screenshot (GTK_WIDGET (f->window), "community", "people-own", 1280, 800);
}

typedef struct
{
  gint64 person;
  guint  calls;
} Picked;

static void
on_picked_cb (gint64      person_id,
              SzChosenBy  chosen_by,
              gpointer    user_data)
{
  Picked *picked = user_data;

  picked->person = person_id;
  picked->calls++;
}

/* What a click does. */
static void
click (GtkWidget  *root,
       const char *id)
{
  GtkWidget *button = test_get_widget (root, id);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
  test_settle (100);
}

static void
type_into (GtkWidget  *root,
           const char *id,
           const char *text)
{
  GtkWidget *entry = test_get_widget (root, id);

  gtk_widget_grab_focus (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), text);
}

static void
test_picker (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  Picked picked = { 0 };
  g_autofree char *today = sz_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPerson) saved = NULL;
  GtkWidget *picker;
  gint64 head = 0, own;

  own = add_own_community (f, &head);
  picker = sz_person_picker_new (GTK_WINDOW (f->window), f->session, "Appoint", on_picked_cb, &picked, NULL);
  gtk_window_present (GTK_WINDOW (picker));
  test_settle (200);

  /* Only our community's people are found. */
  sz_person_picker_set_query (SZ_PERSON_PICKER (picker), "chengjianguo");
  g_assert_cmpuint (sz_person_picker_get_n_results (SZ_PERSON_PICKER (picker)), ==, 0);
  sz_person_picker_set_query (SZ_PERSON_PICKER (picker), "5733");
  g_assert_cmpuint (sz_person_picker_get_n_results (SZ_PERSON_PICKER (picker)), ==, 1);
  g_assert_cmpint (sz_person_picker_get_result (SZ_PERSON_PICKER (picker), 0), ==, head);

  /* "New Person…": the form asks for the consent, dated today. */
  sz_person_picker_set_query (SZ_PERSON_PICKER (picker), "周新华");
  click (picker, "new_button");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_get_widget (picker, "name_entry"))), ==, "周新华");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (test_get_widget (picker, "consent_date_entry"))), ==, today);
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (test_get_widget (picker, "consent_check"))));

  /* A service number is no one's phone: refused under the phone. */
  type_into (picker, "phone_entry", "12345");
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (picker, "consent_check")), TRUE);
  click (picker, "pick_button");
  g_assert_cmpuint (picked.calls, ==, 0);
  g_assert_nonnull (sz_person_picker_get_field_error (SZ_PERSON_PICKER (picker), "phone"));
  g_assert_true (g_str_has_prefix (sz_person_picker_get_field_error (SZ_PERSON_PICKER (picker), "phone"), _("Phone")));
  g_assert_nonnull (strstr (sz_person_picker_get_field_error (SZ_PERSON_PICKER (picker), "phone"), "12345"));

  /* A consent date in the future: refused under the date. */
  type_into (picker, "phone_entry", "13900001111");
  type_into (picker, "consent_date_entry", "2099-01-01");
  click (picker, "pick_button");
  g_assert_cmpuint (picked.calls, ==, 0);
  g_assert_null (sz_person_picker_get_field_error (SZ_PERSON_PICKER (picker), "phone"));
  g_assert_nonnull (sz_person_picker_get_field_error (SZ_PERSON_PICKER (picker), "consent-date"));
  g_assert_cmpint (test_count (db, "person"), ==, 183 + 1);

  /* The day the head said yes, a few days ago. */
  type_into (picker, "consent_date_entry", "2026-11-20");
  test_screenshot (picker, "community", "picker-new-person", 0, 0);
  click (picker, "pick_button");
  g_assert_cmpuint (picked.calls, ==, 1);

  saved = sz_person_get (db, picked.person, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->name, ==, "周新华");
  g_assert_cmpint (saved->community_id, ==, own);
  g_assert_cmpstr (saved->phone, ==, "13900001111");
  g_assert_true (saved->phone_consent);
  g_assert_cmpstr (saved->consent_date, ==, "2026-11-20");
  /* And listed on the people page, with the consent. */
  {
    SzPeoplePage *people = SZ_PEOPLE_PAGE (page (f, "people"));

    sz_window_show_page (f->window, "people");
    test_settle (200);
    g_assert_cmpuint (sz_people_page_get_n_rows (people), ==, 2);
  }
}

/* A "no" is recorded too, with its day. */
static void
test_picker_no_consent (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  Picked picked = { 0 };
  g_autofree char *today = sz_today ();
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPerson) saved = NULL;
  GtkWidget *picker;

  picker = sz_person_picker_new (GTK_WINDOW (f->window), f->session, "Appoint", on_picked_cb, &picked, NULL);
  gtk_window_present (GTK_WINDOW (picker));
  test_settle (100);
  click (picker, "new_button");
  type_into (picker, "name_entry", "吴不印");
  type_into (picker, "phone_entry", "0431-80001234");
  g_signal_emit_by_name (test_get_widget (picker, "phone_entry"), "activate");
  test_settle (100);
  g_assert_cmpuint (picked.calls, ==, 1);
  saved = sz_person_get (db, picked.person, &error);
  g_assert_cmpint (saved->community_id, ==, f->community);
  g_assert_false (saved->phone_consent);
  g_assert_cmpstr (saved->consent_date, ==, today);
}

/* The language boards are printed in: Chinese by default, English chosen
 * in the preferences, applied to the community's row (undone with the
 * session's undo), and still English after a restart. */
static void
test_board_language (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  GtkWidget *prefs = sz_preferences_window_new (GTK_WINDOW (f->window), f->session);
  GtkDropDown *dropdown;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = NULL;

  gtk_window_present (GTK_WINDOW (prefs));
  test_settle (200);
  dropdown = GTK_DROP_DOWN (test_get_widget (prefs, "board_language_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);
  g_assert_false (sz_preferences_window_can_apply (SZ_PREFERENCES_WINDOW (prefs)));
  {
    GListModel *items = gtk_drop_down_get_model (dropdown);

    g_assert_cmpuint (g_list_model_get_n_items (items), ==, 2);
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 0), ==, _("Chinese (Simplified)"));
    g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (items), 1), ==, _("English"));
  }

  /* English, as the user picks it, then Apply. */
  gtk_drop_down_set_selected (dropdown, 1);
  test_settle (50);
  g_assert_true (sz_preferences_window_can_apply (SZ_PREFERENCES_WINDOW (prefs)));
  test_screenshot (gtk_widget_get_parent (GTK_WIDGET (dropdown)), "community", "board-language", 0, 0);
  g_assert_true (sz_preferences_window_apply (SZ_PREFERENCES_WINDOW (prefs), &error));
  g_assert_no_error (error);
  c = sz_community_get (db, f->community, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (c->board_language, ==, "en");
  g_clear_pointer (&c, sz_community_free);
  g_assert_false (sz_preferences_window_can_apply (SZ_PREFERENCES_WINDOW (prefs)));

  /* Undone: Chinese again, in the row and the form. */
  g_assert_true (sz_session_undo (f->session, &error));
  g_assert_no_error (error);
  test_settle (100);
  c = sz_community_get (db, f->community, &error);
  g_assert_cmpstr (c->board_language, ==, "zh_CN");
  g_clear_pointer (&c, sz_community_free);
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 0);

  /* English once more, then a restart: still English. */
  gtk_drop_down_set_selected (dropdown, 1);
  g_assert_true (sz_preferences_window_apply (SZ_PREFERENCES_WINDOW (prefs), &error));
  g_assert_no_error (error);
  gtk_window_destroy (GTK_WINDOW (prefs));
  gtk_window_destroy (GTK_WINDOW (f->window));
  test_settle (50);
  g_clear_object (&f->session);
  {
    SzDb *again = sz_db_open (f->path, SZ_DB_OPEN_DEFAULT, &error);

    g_assert_no_error (error);
    f->session = sz_session_new (again, f->community, NULL);
    f->window = sz_window_new (NULL, f->session, TRUE);
    gtk_window_present (GTK_WINDOW (f->window));
    test_settle (200);
  }
  prefs = sz_preferences_window_new (GTK_WINDOW (f->window), f->session);
  gtk_window_present (GTK_WINDOW (prefs));
  test_settle (200);
  dropdown = GTK_DROP_DOWN (test_get_widget (prefs, "board_language_dropdown"));
  g_assert_cmpuint (gtk_drop_down_get_selected (dropdown), ==, 1);
  c = sz_community_get (sz_session_get_db (f->session), f->community, &error);
  g_assert_cmpstr (c->board_language, ==, "en");
  gtk_window_destroy (GTK_WINDOW (prefs));
  test_settle (50);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app/community/people-page", Fixture, NULL, fixture_setup, test_people_page, fixture_teardown);
  g_test_add ("/app/community/picker", Fixture, NULL, fixture_setup, test_picker, fixture_teardown);
  g_test_add ("/app/community/picker-no-consent", Fixture, NULL, fixture_setup, test_picker_no_consent,
              fixture_teardown);
  g_test_add ("/app/community/board-language", Fixture, NULL, fixture_setup, test_board_language,
              fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
