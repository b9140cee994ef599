/* test-app-import.c: the import dialog with its real widgets, under Xvfb.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Does what an office clerk does with the roster kept in WPS: chooses the
 * file from the main menu's action, looks at the preview, tries another
 * encoding and back, says what an unrecognised column holds, goes to a
 * problem's row, ticks the two permissions, imports, reads the summary;
 * then checks the roster through the core and the sidebar.  Everything
 * goes through the dialog's widgets (dropdowns, check boxes, buttons, the
 * problem list's activation), found by their template ids.  Writes
 * screenshots at 1280×800 and 1024×700, in zh_CN, to screenshots/.
 */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "sz-import.h"
#include "sz-import-dialog.h"
#include "sz-person.h"
#include "sz-place-page.h"
#include "sz-place-sidebar.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-table.h"
#include "sz-window.h"
#include "sz-board-test-util.h"
#include "sz-app-test-util.h"
#include "sz-app-fixture.h"

/* The file's columns: 常用号码 is not a header the import knows. */
#define PHONE_COLUMN 6
/* Its last row, 28, has a name with a zero-width space in it. */
#define LAST_LINE 28

/* A widget under @root by its template id (or its name). */
static const char *
label_text (GtkWidget  *dialog,
            const char *id)
{
  return gtk_label_get_text (GTK_LABEL (test_get_widget (dialog, id)));
}

/* What a list view shows, one item a line. */
static char *
list_text (GtkWidget  *dialog,
           const char *id)
{
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (test_get_widget (dialog, id))));
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      g_string_append_printf (text, "%s\n", gtk_string_object_get_string (item));
    }
  return g_string_free (text, FALSE);
}

static guint
list_n_items (GtkWidget  *dialog,
              const char *id)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (GTK_LIST_VIEW (test_get_widget (dialog, id)))));
}

/* The preview's row-number cell of spreadsheet row @line, if shown. */
static GtkWidget *
preview_row (GtkWidget *dialog,
             guint      line)
{
  GtkWidget *grid = test_get_widget (dialog, "preview_grid");
  g_autofree char *number = g_strdup_printf ("%u", line);

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "import-cell")
        && gtk_widget_has_css_class (child, "import-row-number") && gtk_widget_get_visible (child)
        && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), number))
      return child;
  return NULL;
}

/* Whether any shown preview cell says @text. */
static gboolean
preview_shows (GtkWidget  *dialog,
               const char *text)
{
  GtkWidget *grid = test_get_widget (dialog, "preview_grid");

  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
        && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
      return TRUE;
  return FALSE;
}

/* A button pressed as Enter or Space press it: GTK shows it pressed for a
 * moment before "clicked". */
static void
on_clicked_cb (GtkButton *button,
               gboolean  *done)
{
  *done = TRUE;
}

static void
click (GtkWidget *button)
{
  gboolean done = FALSE;
  gulong id = g_signal_connect_after (button, "clicked", G_CALLBACK (on_clicked_cb), &done);

  g_assert_true (gtk_widget_is_sensitive (button));
  /* The button may go with its window. */
  g_object_add_weak_pointer (G_OBJECT (button), (gpointer *) &button);
  g_assert_true (gtk_widget_activate (button));
  g_assert_true (test_wait_for (&done, 30000));
  if (button != NULL)
    {
      g_signal_handler_disconnect (button, id);
      g_object_remove_weak_pointer (G_OBJECT (button), (gpointer *) &button);
    }
  test_settle (100);
}

/* Waits for the dialog to show @name (the summary after an import). */
static void
wait_for_page (GtkWidget  *dialog,
               const char *name)
{
  GtkStack *stack = GTK_STACK (test_get_widget (dialog, "stack"));
  gint64 end = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (g_strcmp0 (gtk_stack_get_visible_child_name (stack), name) != 0 && g_get_monotonic_time () < end)
    test_settle (20);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, name);
}

/* Presses @keyval on @widget's own shortcuts; a button activated by a
 * key shows itself pressed first. */
static gboolean
press_key (GtkWidget *widget,
           guint      keyval)
{
  gboolean done = test_press_shortcut (widget, keyval, 0);

  test_settle (400);
  return done;
}

static gboolean
can_import (GtkWidget *dialog)
{
  return gtk_widget_is_sensitive (test_get_widget (dialog, "import_button"));
}

static guint
encoding_index (const char *code)
{
  const char * const *codes = sz_table_encodings ();

  for (guint i = 0; codes[i] != NULL; i++)
    if (g_str_equal (codes[i], code))
      return i;
  g_error ("no encoding %s", code);
}

/* The roster as the office's WPS saves it: GB18030, CRLF.  Row 2 hands
 * 丰和林苑 2栋 1单元 over from 单玉华 to 李建国; rows 3–28 are a compound
 * the demo does not have (幸福里, 6 buildings, 21 units). */
static char *
write_roster (const char *name)
{
  static const char *surnames[] = { "王", "李", "赵", "刘", "陈", "杨", "黄", "周", "吴", "徐" };
  static const char *given[] = { "建华", "秀英", "桂兰", "志强", "丽华", "海燕", "玉梅", "德明", "春生" };
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "import", NULL);
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GString) text = g_string_new ("网格,小区,楼栋,单元,职务,姓名,常用号码,同意公示电话,备注\r\n"
                                          "1,丰和林苑,2栋,1单元,单元长,李建国,13800009901,是,\r\n");
  g_autoptr(GError) error = NULL;
  g_autofree char *bytes = NULL;
  gsize len = 0;
  guint n = 0;

  for (guint b = 1; b <= 5; b++)
    for (guint u = 0; u <= 4; u++, n++)
      {
        g_autofree char *person = g_strconcat (surnames[n % 10], given[n % 9], NULL);

        if (u == 0)
          g_string_append_printf (text, "1,幸福里,%u栋,,楼栋长,%s,138000099%02u,,\r\n", b, person, n);
        else
          g_string_append_printf (text, "1,幸福里,%u栋,%u单元,单元长,%s,138000099%02u,,\r\n", b, u, person, n);
      }
  /* A zero-width space pasted in from a web page. */
  g_string_append (text, "1,幸福里,6栋,1单元,单元长,张\u200b秀兰,13800009999,,新任\r\n");

  bytes = g_convert (text->str, -1, "GB18030", "UTF-8", NULL, &len, &error);
  g_assert_no_error (error);
  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, bytes, (gssize) len, &error));
  g_assert_no_error (error);
  return path;
}

static GtkWidget *
open_dialog (Fixture    *f,
             const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *dialog = sz_import_dialog_new (GTK_WINDOW (f->window), f->session, file);

  g_assert_true (SZ_IS_IMPORT_DIALOG (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
  test_settle (300);
  return dialog;
}

static SzImportDialog *
find_import_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (SZ_IS_IMPORT_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return SZ_IMPORT_DIALOG (window);
    }
  return NULL;
}

static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }
  return NULL;
}

/* The main menu's 导入名册… opens a file chooser for spreadsheets; the
 * file chosen opens the preview. */
static void
test_chooser (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("三长名册.csv");
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkWidget *menu_button;
  GtkFileChooser *chooser;
  g_autoptr(GListModel) filters = NULL;
  SzImportDialog *dialog;
  gboolean chosen = FALSE;

  menu_button = test_get_widget (GTK_WIDGET (f->window), "primary_menu_button");
  g_assert_nonnull (menu_button);
  g_assert_true (test_menu_has_action (gtk_menu_button_get_menu_model (GTK_MENU_BUTTON (menu_button)), "win.import"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.import", NULL));
  test_settle (300);
  chooser = find_file_chooser ();
  g_assert_nonnull (chooser);
  filters = gtk_file_chooser_get_filters (chooser);
  g_assert_cmpuint (g_list_model_get_n_items (filters), ==, 2);

  g_assert_true (gtk_file_chooser_set_file (chooser, file, NULL));
  for (int i = 0; i < 200 && !chosen; i++)
    {
      g_autoptr(GFile) selected = gtk_file_chooser_get_file (chooser);

      chosen = selected != NULL && g_file_equal (selected, file);
      if (!chosen)
        test_settle (20);
    }
  g_assert_true (chosen);
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  test_settle (300);

  dialog = find_import_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (label_text (GTK_WIDGET (dialog), "file_label"), ==, "三长名册.csv");
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (dialog)));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

/* A GBK file read as UTF-8 shows the reader's error in place of the rows;
 * back to GB18030, the rows again. */
static void
test_encoding (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("wps.csv");
  GtkWidget *dialog = open_dialog (f, path);
  GtkDropDown *encoding = GTK_DROP_DOWN (test_get_widget (dialog, "encoding_dropdown"));
  GtkStack *preview = GTK_STACK (test_get_widget (dialog, "preview_stack"));

  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "encoding_box")));
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "sheet_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (encoding), ==, encoding_index ("GB18030"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (preview), ==, "table");
  g_assert_true (preview_shows (dialog, "李建国"));
  g_assert_nonnull (preview_row (dialog, 2));
  g_assert_nonnull (preview_row (dialog, 21));
  g_assert_null (preview_row (dialog, 22));   /* 20 rows at a time */

  gtk_drop_down_set_selected (encoding, encoding_index ("UTF-8"));
  test_settle (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (preview), ==, "error");
  g_assert_cmpstr (label_text (dialog, "read_error_label"), !=, "");
  g_assert_true (strstr (label_text (dialog, "read_error_label"), "wps.csv") != NULL);
  g_assert_false (can_import (dialog));
  g_assert_cmpuint (list_n_items (dialog, "problems_view"), ==, 0);
  g_assert_cmpuint (gtk_drop_down_get_selected (encoding), ==, encoding_index ("UTF-8"));
  test_screenshot (dialog, "import", "encoding-error", 1280, 800);

  gtk_drop_down_set_selected (encoding, encoding_index ("GB18030"));
  test_settle (100);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (preview), ==, "table");
  g_assert_true (preview_shows (dialog, "李建国"));
  g_assert_cmpuint (list_n_items (dialog, "problems_view"), >, 0);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

/* Whether a label under @root says @text. */
static gboolean
shows_label (GtkWidget  *root,
             const char *text)
{
  /* Not inside the mapping drop-downs' closed popovers: in Chinese their
   * items read like the headers they stand for. */
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if ((GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
         && g_str_equal (gtk_label_get_text (GTK_LABEL (child)), text))
        || (!GTK_IS_POPOVER (child) && shows_label (child, text)))
      return TRUE;
  return FALSE;
}

static guint
sheet_index (GtkDropDown *dropdown,
             const char  *name)
{
  GListModel *model = gtk_drop_down_get_model (dropdown);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), name))
        return i;
    }
  g_error ("no sheet %s", name);
}

/* A workbook of several sheets (LibreOffice wrote it): the first with
 * cells is shown, the title row above the header skipped; another sheet
 * is read when chosen. */
static void
test_sheets (Fixture *f, gconstpointer data)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "fixtures", "sheets", "roster.xlsx", NULL);
  GtkWidget *dialog = open_dialog (f, path);
  GtkDropDown *sheet = GTK_DROP_DOWN (test_get_widget (dialog, "sheet_dropdown"));
  GtkWidget *grid = test_get_widget (dialog, "preview_grid");

  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "sheet_box")));
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "encoding_box")));
  g_assert_cmpuint (gtk_drop_down_get_selected (sheet), ==, sheet_index (sheet, "三长名册"));
  g_assert_true (shows_label (grid, "同意公示电话"));
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "missing_label")));
  test_screenshot (dialog, "import", "workbook", 1280, 800);

  gtk_drop_down_set_selected (sheet, sheet_index (sheet, "网格一览"));
  test_settle (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (sheet), ==, sheet_index (sheet, "网格一览"));
  g_assert_true (shows_label (grid, "网格名称"));
  g_assert_false (shows_label (grid, "同意公示电话"));
  /* No names there: the import says which column it needs. */
  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "missing_label")));
  g_assert_false (can_import (dialog));

  gtk_drop_down_set_selected (sheet, sheet_index (sheet, "三长名册"));
  test_settle (100);
  g_assert_true (shows_label (grid, "同意公示电话"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

static SzCompound *
compound_named (SzDb       *db,
                gint64      community,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_compound_list (db, community, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      SzCompound *c = g_ptr_array_index (list, i);

      if (g_str_equal (c->name, name))
        return sz_compound_get (db, c->id, NULL);
    }
  return NULL;
}

static SzBuilding *
building_named (SzDb       *db,
                gint64      compound,
                const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_building_list (db, compound, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < list->len; i++)
    {
      SzBuilding *b = g_ptr_array_index (list, i);

      if (g_str_equal (b->name, name))
        return sz_building_get (db, b->id, NULL);
    }
  return NULL;
}

/* The name of the head of a unit, by building and unit number. */
static char *
unit_head (SzDb       *db,
           gint64      building,
           int         number)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) units = sz_unit_list (db, building, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < units->len; i++)
    {
      SzUnit *u = g_ptr_array_index (units, i);

      if (u->number == number)
        {
          g_autoptr(SzPost) post = sz_post_get_current (db, SZ_LEVEL_UNIT, u->id, &error);
          g_autoptr(SzPerson) person = NULL;

          g_assert_no_error (error);
          if (post == NULL)
            return NULL;
          person = sz_person_get (db, post->person_id, &error);
          g_assert_no_error (error);
          return g_strdup (person->name);
        }
    }
  return NULL;
}

/* Makes a change that can be undone: the import must not leave it
 * undoable under the imported rows. */
static void
make_undoable_edit (Fixture *f)
{
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(SzCompound) compound = compound_named (db, f->community, "丰和林苑");
  g_autoptr(SzBuilding) building = building_named (db, compound->id, "1栋");
  SzPlacePage *place = SZ_PLACE_PAGE (page (f, "place"));

  sz_session_select_place (f->session, SZ_NODE_BUILDING, building->id);
  sz_window_show_page (f->window, "place");
  test_settle (100);
  sz_place_page_set_field (place, "floors", "8");
  g_assert_true (sz_place_page_save (place));
  g_assert_true (sz_session_can_undo (f->session));
}

/* The whole job: preview, a column mapped by hand, a problem's row, the
 * two permissions, the import, the summary, the roster and the sidebar. */
static void
test_import (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("三长名册.csv");
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(SzCompound) before = compound_named (db, f->community, "幸福里");
  GtkWidget *dialog;
  GtkDropDown *phone;
  GtkWidget *places, *heads, *row;
  g_autofree char *problems = NULL;
  g_autofree char *mapped = NULL;
  g_autofree char *changes = NULL;
  g_autoptr(SzCompound) compound = NULL;
  g_autoptr(SzBuilding) b3 = NULL;
  g_autoptr(SzBuilding) b6 = NULL;
  g_autoptr(SzCompound) fenghe = NULL;
  g_autoptr(SzBuilding) fenghe2 = NULL;
  g_autofree char *head = NULL;
  g_autoptr(GPtrArray) b_list = NULL;

  g_assert_null (before);
  make_undoable_edit (f);
  dialog = open_dialog (f, path);
  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);

  /* The unrecognised column: not imported, and said so. */
  phone = GTK_DROP_DOWN (test_get_widget (dialog, "column-6"));
  g_assert_cmpuint (gtk_drop_down_get_selected (phone), ==, 0);
  problems = list_text (dialog, "problems_view");
  g_assert_nonnull (strstr (problems, "常用号码"));
  g_assert_false (can_import (dialog));

  /* Mapped by hand to 电话: the notice goes, the phones are read. */
  gtk_drop_down_set_selected (phone, SZ_IMPORT_FIELD_PHONE + 1);
  test_settle (100);
  g_assert_cmpuint (gtk_drop_down_get_selected (phone), ==, SZ_IMPORT_FIELD_PHONE + 1);
  mapped = list_text (dialog, "problems_view");
  g_assert_null (strstr (mapped, "常用号码"));
  g_assert_cmpstr (mapped, !=, problems);
  g_test_message ("problems after mapping:\n%s", mapped);

  /* New places and the handover are refused until ticked. */
  places = test_get_widget (dialog, "places_check");
  heads = test_get_widget (dialog, "heads_check");
  g_assert_true (gtk_widget_get_visible (places));
  g_assert_true (gtk_widget_get_visible (heads));
  g_assert_false (gtk_check_button_get_active (GTK_CHECK_BUTTON (places)));
  g_assert_false (can_import (dialog));
  test_screenshot (dialog, "import", "problems", 1280, 800);

  /* The last problem is on the last row, beyond the first 20 shown. */
  g_assert_null (preview_row (dialog, LAST_LINE));
  g_signal_emit_by_name (test_get_widget (dialog, "problems_view"), "activate", list_n_items (dialog, "problems_view") - 1);
  test_settle (200);
  row = preview_row (dialog, LAST_LINE);
  g_assert_nonnull (row);
  g_assert_true (gtk_widget_has_css_class (row, "import-current"));
  g_assert_true (gtk_widget_get_mapped (row));

  gtk_check_button_set_active (GTK_CHECK_BUTTON (places), TRUE);
  test_settle (100);
  g_assert_false (can_import (dialog));   /* the handover still waits */
  gtk_check_button_set_active (GTK_CHECK_BUTTON (heads), TRUE);
  test_settle (100);
  g_assert_true (can_import (dialog));
  changes = list_text (dialog, "changes_view");
  g_assert_nonnull (strstr (changes, "单玉华 → 李建国"));
  g_assert_nonnull (strstr (changes, "幸福里"));

  /* Import: one step, then the summary. */
  click (test_get_widget (dialog, "import_button"));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_get_widget (dialog, "stack"))), ==, "summary");
  g_assert_nonnull (strstr (label_text (dialog, "summary_title"), "三长名册.csv"));
  g_assert_true (gtk_widget_get_visible (test_get_widget (dialog, "close_button")));
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "import_button")));
  g_assert_cmpuint (list_n_items (dialog, "fixes_view"), >, 0);   /* the name, the consent's date */
  test_screenshot (dialog, "import", "summary", 1280, 800);

  /* The roster has the rows. */
  compound = compound_named (db, f->community, "幸福里");
  g_assert_nonnull (compound);
  b_list = sz_building_list (db, compound->id, NULL);
  g_assert_cmpuint (b_list->len, ==, 6);
  b3 = building_named (db, compound->id, "3栋");
  g_assert_nonnull (b3);
  head = unit_head (db, b3->id, 2);
  g_assert_nonnull (head);
  g_clear_pointer (&head, g_free);
  b6 = building_named (db, compound->id, "6栋");
  head = unit_head (db, b6->id, 1);
  g_assert_cmpstr (head, ==, "张秀兰");   /* without the zero-width space */
  g_clear_pointer (&head, g_free);
  fenghe = compound_named (db, f->community, "丰和林苑");
  fenghe2 = building_named (db, fenghe->id, "2栋");
  head = unit_head (db, fenghe2->id, 1);
  g_assert_cmpstr (head, ==, "李建国");

  /* No undo step reaches under the import. */
  g_assert_false (sz_session_can_undo (f->session));
  /* The sidebar has the new building. */
  g_assert_true (sz_place_sidebar_select (SZ_PLACE_SIDEBAR (sz_window_get_sidebar (f->window)),
                                          SZ_NODE_BUILDING, b6->id));

  click (test_get_widget (dialog, "close_button"));
  g_assert_null (dialog);
}

/* Escape cancels, and writes nothing. */
static void
test_cancel (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("三长名册.csv");
  SzDb *db = sz_session_get_db (f->session);
  GtkWidget *dialog = open_dialog (f, path);
  g_autoptr(SzCompound) compound = NULL;

  g_object_add_weak_pointer (G_OBJECT (dialog), (gpointer *) &dialog);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "places_check")), TRUE);
  test_settle (50);
  g_assert_true (press_key (dialog, GDK_KEY_Escape));
  g_assert_null (dialog);
  compound = compound_named (db, f->community, "幸福里");
  g_assert_null (compound);
}

/* An empty community says how to begin, and the roster fills it. */
static void
test_empty_community (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("三长名册.csv");
  SzDb *db = sz_session_get_db (f->session);
  g_autoptr(SzCommunity) c = sz_community_new ();
  g_autoptr(GError) error = NULL;
  GtkStack *main_stack = GTK_STACK (test_get_widget (GTK_WIDGET (f->window), "main_stack"));
  GtkWidget *button = test_get_widget (GTK_WIDGET (f->window), "start_import_button");
  GtkWidget *dialog;

  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "pages");
  c->name = g_strdup ("和平社区");
  g_assert_true (sz_community_save (db, c, &error));
  g_assert_no_error (error);
  sz_session_set_community_id (f->session, c->id);
  test_settle (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "start");
  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), ==, "win.import");
  test_screenshot (GTK_WIDGET (f->window), "import", "empty-community", 1280, 800);

  dialog = open_dialog (f, path);
  /* Enter does nothing while rows are refused. */
  press_key (dialog, GDK_KEY_Return);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (test_get_widget (dialog, "stack"))), ==, "preview");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "column-6")), SZ_IMPORT_FIELD_PHONE + 1);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "places_check")), TRUE);
  test_settle (100);
  /* A new community has no one to hand over from. */
  g_assert_false (gtk_widget_get_visible (test_get_widget (dialog, "heads_check")));
  g_assert_true (can_import (dialog));
  /* Where a click on the box leaves the focus. */
  gtk_widget_grab_focus (test_get_widget (dialog, "places_check"));
  g_assert_true (press_key (dialog, GDK_KEY_Return));
  wait_for_page (dialog, "summary");
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (300);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (main_stack), ==, "pages");
}

/* The preview with problems and the summary, on the smaller screen. */
static void
test_small_screen (Fixture *f, gconstpointer data)
{
  g_autofree char *path = write_roster ("三长名册.csv");
  GtkWidget *dialog;

  gtk_window_set_default_size (GTK_WINDOW (f->window), 1024, 700);
  test_settle (300);
  dialog = open_dialog (f, path);
  g_assert_cmpint (gtk_widget_get_width (dialog), <=, 1024);
  g_assert_cmpint (gtk_widget_get_height (dialog), <=, 700);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (dialog, "column-6")), SZ_IMPORT_FIELD_PHONE + 1);
  test_settle (100);
  test_screenshot (dialog, "import", "problems", 1024, 700);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "places_check")), TRUE);
  gtk_check_button_set_active (GTK_CHECK_BUTTON (test_get_widget (dialog, "heads_check")), TRUE);
  test_settle (100);
  test_screenshot (dialog, "import", "ready", 1024, 700);
  click (test_get_widget (dialog, "import_button"));
  test_screenshot (dialog, "import", "summary", 1024, 700);
  gtk_window_destroy (GTK_WINDOW (dialog));
  test_settle (50);
}

int
main (int argc, char **argv)
{
  g_autofree char *home = test_app_init (&argc, &argv);

  g_test_add ("/app-import/chooser", Fixture, NULL, fixture_setup, test_chooser, fixture_teardown);
  g_test_add ("/app-import/encoding", Fixture, NULL, fixture_setup, test_encoding, fixture_teardown);
  g_test_add ("/app-import/sheets", Fixture, NULL, fixture_setup, test_sheets, fixture_teardown);
  g_test_add ("/app-import/import", Fixture, NULL, fixture_setup, test_import, fixture_teardown);
  g_test_add ("/app-import/cancel", Fixture, NULL, fixture_setup, test_cancel, fixture_teardown);
  g_test_add ("/app-import/empty-community", Fixture, NULL, fixture_setup, test_empty_community, fixture_teardown);
  g_test_add ("/app-import/small-screen", Fixture, NULL, fixture_setup, test_small_screen, fixture_teardown);
  return test_app_finish (g_test_run (), home);
}
