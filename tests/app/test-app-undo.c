/* test-app-undo.c: Ctrl+Z undoes the last change, all of it, and says so.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * In the demo community's window: a person edited (name, consent and its
 * date, photo, QR code) and undone with Ctrl+Z comes back whole, and the
 * window says what was undone; a change that cannot be undone (ending a
 * term, appointing a head) leaves nothing to undo, so Ctrl+Z does not
 * reach back to an older edit on another page; ending a term asks once;
 * an undo that fails says why.
 */

#include "config.h"

#include <cairo.h>
#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-person-dialog.h"
#include "sz-place-page.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-toast.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* A PNG of one colour, @w × @h, written under the test's home. */
static GFile *
write_png (const char *name,
           int         w,
           int         h,
           double      r,
           double      g,
           double      b)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_RGB24, w, h);
  cairo_t *cr = cairo_create (surface);

  cairo_set_source_rgb (cr, r, g, b);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_mkdir_with_parents (g_get_user_data_dir (), 0700);
  g_assert_cmpint (cairo_surface_write_to_png (surface, path), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
  return g_file_new_for_path (path);
}

static GBytes *
file_bytes (GFile *file)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = g_file_load_bytes (file, NULL, NULL, &error);

  g_assert_no_error (error);
  return bytes;
}

static GBytes *
stored_image (SzDb        *db,
              gint64       person,
              SzImageKind  kind,
              char       **taken_on)
{
  g_autoptr(GError) error = NULL;
  GBytes *bytes = sz_person_get_image (db, person, kind, NULL, taken_on, &error);

  g_assert_no_error (error);
  return bytes;
}

/* The first unit of the community with a head now, other than @not_person. */
static SzPost *
unit_with_head (SzDb   *db,
                gint64  community,
                gint64  not_person)
{
  g_autoptr(GPtrArray) compounds = sz_compound_list (db, community, NULL);

  for (guint c = 0; compounds != NULL && c < compounds->len; c++)
    {
      g_autoptr(GPtrArray) buildings = sz_building_list (db, ((SzCompound *) g_ptr_array_index (compounds, c))->id, NULL);

      for (guint b = 0; buildings != NULL && b < buildings->len; b++)
        {
          g_autoptr(GPtrArray) units = sz_unit_list (db, ((SzBuilding *) g_ptr_array_index (buildings, b))->id, NULL);

          for (guint u = 0; units != NULL && u < units->len; u++)
            {
              SzUnit *unit = g_ptr_array_index (units, u);
              SzPost *post = sz_post_get_current (db, SZ_LEVEL_UNIT, unit->id, NULL);

              if (post != NULL && post->person_id != not_person)
                return post;
              g_clear_pointer (&post, sz_post_free);
            }
        }
    }
  g_assert_not_reached ();
  return NULL;
}

static gboolean
undo_enabled (Fixture *f)
{
  return gtk_widget_get_sensitive (test_get_widget (GTK_WIDGET (f->window), "undo_button"));
}

static gboolean
press_ctrl_z (Fixture *f)
{
  gboolean done = test_press_shortcut (GTK_WIDGET (f->window), GDK_KEY_z, GDK_CONTROL_MASK);

  test_settle (100);
  return done;
}

static const char *
toast_text (Fixture *f)
{
  return sz_toast_get_text (SZ_TOAST (sz_window_get_toast (f->window)));
}

/* The person the edits are about: a photo already, no QR code, not
 * asked for consent yet. */
static gint64
person_with_photo (Fixture *f,
                   GFile   *photo)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GBytes) bytes = file_bytes (photo);
  g_autoptr(GError) error = NULL;
  gint64 id = test_add_person_in (db, f->community, "欧阳明", "13800001234", FALSE);

  g_assert_true (sz_person_set_image (db, id, SZ_IMAGE_PHOTO, bytes, "2026-01-05", &error));
  g_assert_no_error (error);
  return id;
}

/* What a user does in the person dialog: a new name, consent given on a
 * date, a new photo and a QR code; then Save. */
static void
edit_person (Fixture *f,
             gint64   person,
             GFile   *photo,
             GFile   *qr)
{
  SzPersonDialog *dialog = SZ_PERSON_DIALOG (sz_person_dialog_new (GTK_WINDOW (f->window), f->session, person));

  gtk_window_present (GTK_WINDOW (dialog));
  test_settle (100);
  sz_person_dialog_set_field (dialog, "name", "欧阳晓明");
  sz_person_dialog_set_field (dialog, "consent", "true");
  sz_person_dialog_set_field (dialog, "consent-date", "2026-03-01");
  g_assert_true (sz_person_dialog_set_image_file (dialog, SZ_IMAGE_PHOTO, photo));
  g_assert_true (sz_person_dialog_set_image_file (dialog, SZ_IMAGE_QR, qr));
  g_assert_true (sz_person_dialog_save (dialog));
  test_settle (100);
}

/* Ctrl+Z after a person's edit puts back every field, the consent and
 * its date, the photo and the QR code, and the window says so. */
static void
test_person_whole (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GFile) photo_a = write_png ("photo-a.png", 60, 80, 0.8, 0.2, 0.2);
  g_autoptr(GFile) photo_b = write_png ("photo-b.png", 60, 80, 0.2, 0.2, 0.8);
  g_autoptr(GFile) qr = write_png ("qr.png", 90, 90, 0.1, 0.1, 0.1);
  g_autoptr(GBytes) a = file_bytes (photo_a);
  g_autoptr(GBytes) b = file_bytes (photo_b);
  gint64 id = person_with_photo (f, photo_a);
  g_autoptr(SzPerson) saved = NULL;
  g_autoptr(SzPerson) undone = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GBytes) qr_stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *photo_date = NULL;
  g_autofree char *what = NULL;
  g_autofree char *expected = NULL;

  edit_person (f, id, photo_b, qr);
  saved = sz_person_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (saved->name, ==, "欧阳晓明");
  g_assert_true (saved->phone_consent);
  photo = stored_image (db, id, SZ_IMAGE_PHOTO, NULL);
  g_assert_true (g_bytes_equal (photo, b));
  g_clear_pointer (&photo, g_bytes_unref);
  qr_stored = stored_image (db, id, SZ_IMAGE_QR, NULL);
  g_assert_nonnull (qr_stored);
  g_clear_pointer (&qr_stored, g_bytes_unref);
  g_assert_true (undo_enabled (f));

  g_assert_true (press_ctrl_z (f));
  undone = sz_person_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (undone->name, ==, "欧阳明");
  g_assert_false (undone->phone_consent);
  g_assert_null (undone->consent_date);
  g_assert_cmpstr (undone->phone, ==, "13800001234");
  photo = stored_image (db, id, SZ_IMAGE_PHOTO, &photo_date);
  g_assert_nonnull (photo);
  g_assert_true (g_bytes_equal (photo, a));
  g_assert_cmpstr (photo_date, ==, "2026-01-05");
  qr_stored = stored_image (db, id, SZ_IMAGE_QR, NULL);
  g_assert_null (qr_stored);

  /* Translators' strings, as the window builds them. */
  what = g_strdup_printf (_("Edit %s"), "欧阳明");
  expected = g_strdup_printf (_("Undone: %s"), what);
  g_assert_cmpstr (toast_text (f), ==, expected);
  g_assert_false (undo_enabled (f));
  test_screenshot (GTK_WIDGET (f->window), "undo", "toast", 1280, 800);

  /* The close button takes it away. */
  sz_toast_dismiss (SZ_TOAST (sz_window_get_toast (f->window)));
  test_settle (400);
  g_assert_null (toast_text (f));
}

/* Ending a term cannot be undone: after it, Ctrl+Z has nothing to undo,
 * and the person edited before it on another page stays as saved.
 * Ending asks once: one form, and no question after it. */
static void
test_end_term_clears (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(GFile) photo_a = write_png ("photo-a.png", 60, 80, 0.8, 0.2, 0.2);
  g_autoptr(GFile) photo_b = write_png ("photo-b.png", 60, 80, 0.2, 0.2, 0.8);
  g_autoptr(GFile) qr = write_png ("qr.png", 90, 90, 0.1, 0.1, 0.1);
  g_autoptr(GBytes) b = file_bytes (photo_b);
  gint64 id = person_with_photo (f, photo_a);
  g_autoptr(SzPost) post = NULL;
  g_autoptr(SzPost) now = NULL;
  g_autoptr(SzPerson) after = NULL;
  g_autoptr(GBytes) photo = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *place = page (f, "place");
  GtkWidget *dialog;
  GtkWidget *reason = NULL;
  guint before;

  edit_person (f, id, photo_b, qr);
  g_assert_true (undo_enabled (f));

  post = unit_with_head (db, f->community, id);
  sz_session_select_place (f->session, SZ_NODE_UNIT, post->place_id);
  sz_window_show_page (f->window, "place");
  test_settle (200);
  before = test_count_toplevels ();
  g_signal_emit_by_name (test_get_widget (place, "end_button"), "clicked");
  test_settle (200);
  g_assert_cmpuint (test_count_toplevels (), ==, before + 1);
  dialog = test_find_toplevel (GTK_TYPE_DIALOG);
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_widget_get_name (dialog), ==, "end-term-dialog");
  /* The reason: the second entry of the form (the date is the first). */
  {
    GtkWidget *content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
    GtkWidget *grid = gtk_widget_get_first_child (content);
    int n = 0;

    for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
      if (GTK_IS_ENTRY (child) && ++n == 2)
        reason = child;
  }
  g_assert_nonnull (reason);
  gtk_editable_set_text (GTK_EDITABLE (reason), "搬离本小区");
  gtk_dialog_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  test_settle (200);
  /* Ended at once, and no message box asked again. */
  g_assert_cmpuint (test_count_toplevels (), ==, before);
  now = sz_post_get_current (db, SZ_LEVEL_UNIT, post->place_id, &error);
  g_assert_no_error (error);
  g_assert_null (now);

  g_assert_false (sz_session_can_undo (f->session));
  g_assert_false (undo_enabled (f));
  g_assert_false (press_ctrl_z (f));
  after = sz_person_get (db, id, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (after->name, ==, "欧阳晓明");
  g_assert_true (after->phone_consent);
  photo = stored_image (db, id, SZ_IMAGE_PHOTO, NULL);
  g_assert_true (g_bytes_equal (photo, b));
  g_assert_null (toast_text (f));
}

/* Appointing a head cannot be undone either: the place edit before it
 * is no longer offered. */
static void
test_appoint_clears (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(SzPost) post = unit_with_head (db, f->community, 0);
  g_autoptr(SzUnit) unit = NULL;
  g_autoptr(GError) error = NULL;
  SzPlacePage *place = SZ_PLACE_PAGE (page (f, "place"));
  gint64 person = test_add_person_in (db, f->community, "新任单元长", "13800009876", TRUE);

  sz_session_select_place (f->session, SZ_NODE_UNIT, post->place_id);
  sz_window_show_page (f->window, "place");
  test_settle (100);
  sz_place_page_set_field (place, "households", "31");
  g_assert_true (sz_place_page_save (place));
  g_assert_true (undo_enabled (f));
  sz_place_page_appoint (place, person, SZ_CHOSEN_ELECTION);
  test_settle (100);
  g_assert_false (undo_enabled (f));
  g_assert_false (press_ctrl_z (f));
  unit = sz_unit_get (db, post->place_id, &error);
  g_assert_no_error (error);
  g_assert_cmpint (unit->households, ==, 31);
}

/* An undo the core refuses says why, in the same place. */
static void
test_undo_fails (Fixture *f, gconstpointer data)
{
  SzDb *db = sz_session_get_db (f->session);
  SzPersonDialog *dialog = SZ_PERSON_DIALOG (sz_person_dialog_new (GTK_WINDOW (f->window), f->session, 0));
  g_autoptr(SzPost) post = unit_with_head (db, f->community, 0);
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GError) error = NULL;
  gint64 added = 0;
  const char *text;
  g_autofree char *what = NULL;
  g_autofree char *prefix = NULL;

  gtk_window_present (GTK_WINDOW (dialog));
  test_settle (100);
  sz_person_dialog_set_field (dialog, "name", "司马新");
  g_assert_true (sz_person_dialog_save (dialog));
  test_settle (100);
  people = sz_person_list_in (db, f->community, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < people->len; i++)
    if (g_str_equal (((SzPerson *) g_ptr_array_index (people, i))->name, "司马新"))
      added = ((SzPerson *) g_ptr_array_index (people, i))->id;
  g_assert_cmpint (added, !=, 0);
  g_assert_true (undo_enabled (f));

  /* Behind the window's back (another program on the same file): the
   * new person gets a post, so removing them is refused. */
  g_assert_true (sz_post_appoint (db, SZ_LEVEL_UNIT, post->place_id, added, NULL, SZ_CHOSEN_ELECTION, NULL, &error));
  g_assert_no_error (error);

  g_assert_true (press_ctrl_z (f));
  text = toast_text (f);
  g_assert_nonnull (text);
  g_test_message ("toast: %s", text);
  what = g_strdup_printf (_("Add %s"), "司马新");
  prefix = g_strdup_printf (_("Not undone: %s. %s"), what, "");
  g_assert_true (g_str_has_prefix (text, prefix));
  g_assert_cmpuint (strlen (text), >, strlen (prefix));
  test_screenshot (GTK_WIDGET (f->window), "undo", "failed", 1280, 800);
  g_assert_false (undo_enabled (f));
  {
    g_autoptr(SzPerson) still = sz_person_get (db, added, NULL);

    g_assert_nonnull (still);
  }
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app-undo/person-whole", Fixture, NULL, fixture_setup, test_person_whole, fixture_teardown);
  g_test_add ("/app-undo/end-term-clears", Fixture, NULL, fixture_setup, test_end_term_clears, fixture_teardown);
  g_test_add ("/app-undo/appoint-clears", Fixture, NULL, fixture_setup, test_appoint_clears, fixture_teardown);
  g_test_add ("/app-undo/undo-fails", Fixture, NULL, fixture_setup, test_undo_fails, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
