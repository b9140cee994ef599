/* test-app-cups.c: printing through a real CUPS server.
 *
 * The test starts a cupsd of its own (a private configuration, spool and
 * socket in a temporary folder) with a cups-pdf queue writing to a folder
 * of the test's, points GTK's CUPS print backend at it through
 * CUPS_SERVER, and prints as the app does, through the system print
 * dialog (the test picks the printer and paper in it and presses Print):
 * the board view's Print…, and a batch of 20 boards as Stale Boards…
 * prints them.  (GTK_PRINT_OPERATION_ACTION_PRINT, without the dialog,
 * crashed inside GTK 4.8 with a CUPS queue; the app never uses it.)
 * What cups-pdf wrote is read back as a user's tools
 * read it: its paper and pages (pdfinfo), its text (pdftotext) and its
 * pixels (pdftoppm), against the same boards exported to PDF.
 *
 * It needs root (cupsd, and cups-pdf's per-queue configuration in
 * /etc/cups) and Debian's cups-daemon, cups-client, cups-filters and
 * printer-driver-cups-pdf; it is skipped, saying which, without them.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <cairo.h>
#include <math.h>
#include <errno.h>
#include <signal.h>
#include <sys/prctl.h>
#include <unistd.h>

#include "sz-app-fixture.h"
#include "sz-board-view.h"
#include "sz-export.h"
#include "sz-pdf-test-util.h"
#include "sz-print-operation.h"

#define CUPS_PDF_PPD "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd"
#define CUPS_PDF_BACKEND "/usr/lib/cups/backend/cups-pdf"
#define CUPSD "/usr/sbin/cupsd"
#define LPADMIN "/usr/sbin/lpadmin"

/* The cupsd of the test: one for the whole run. */
static struct
{
  char        *skip;      /* why printing cannot be tested here */
  char        *dir;
  char        *socket;
  char        *out;       /* where cups-pdf writes */
  char        *queue;
  char        *queue_conf;
  GSubprocess *cupsd;
  GHashTable  *seen;      /* output files already looked at */
} cups;

/* ---- the server ------------------------------------------------------- */

static void
die_with_parent (gpointer data)
{
  /* A test killed by its timeout leaves no cupsd behind. */
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static gboolean
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents, -1, &error))
    {
      g_printerr ("%s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

/* The lp* tools, against the test's server. */
static gboolean
run_lp (const char *const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, &err, &status, &error)
      || !g_spawn_check_wait_status (status, &error))
    {
      g_printerr ("%s: %s %s\n", argv[0], error->message, err ? err : "");
      return FALSE;
    }
  return TRUE;
}

static void
remove_tree (const char *path)
{
  g_autofree char *cmd = g_strdup_printf ("rm -rf '%s'", path);

  if (system (cmd) != 0)
    g_printerr ("could not remove %s\n", path);
}

/* What a run that failed an assertion (and so never reached cups_stop())
 * left: its folder and its queue's configuration in /etc/cups.  Its
 * cupsd died with it. */
static void
remove_stale (void)
{
  const char *where[] = { g_get_tmp_dir (), "/etc/cups", "/var/log/cups" };
  const char *prefix[] = { "sanzhang-cups-", "cups-pdf-sanzhang-test-", "cups-pdf-sanzhang-test-" };

  for (guint i = 0; i < G_N_ELEMENTS (where); i++)
    {
      g_autoptr(GDir) dir = g_dir_open (where[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = NULL;
          int pid;

          if (!g_str_has_prefix (name, prefix[i])
              || sscanf (name + strlen (prefix[i]), "%d", &pid) != 1 || pid <= 0
              || kill (pid, 0) == 0 || errno != ESRCH)
            continue;
          path = g_build_filename (where[i], name, NULL);
          remove_tree (path);
        }
    }
}

static char *
cups_start (void)
{
  g_autofree char *etc = NULL, *spool = NULL, *conf = NULL, *files = NULL;
  g_autofree char *cupsd_conf = NULL, *files_conf = NULL, *queue_conf = NULL;
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GError) error = NULL;
  const char *dirs[] = { "etc", "etc/ppd", "spool", "spool/tmp", "cache", "state", "log", "out" };
  gint64 end;

  if (getuid () != 0)
    return g_strdup ("not root: the test starts a cupsd of its own");
  if (!g_file_test (CUPSD, G_FILE_TEST_IS_EXECUTABLE) || !g_file_test (LPADMIN, G_FILE_TEST_IS_EXECUTABLE))
    return g_strdup ("no " CUPSD " or " LPADMIN ": install cups-daemon and cups-client");
  if (!g_file_test (CUPS_PDF_BACKEND, G_FILE_TEST_EXISTS) || !g_file_test (CUPS_PDF_PPD, G_FILE_TEST_EXISTS))
    return g_strdup ("no cups-pdf backend or PPD: install printer-driver-cups-pdf");
  if (!g_file_test ("/etc/cups", G_FILE_TEST_IS_DIR))
    return g_strdup ("no /etc/cups, where cups-pdf reads a queue's configuration");

  remove_stale ();
  {
    g_autofree char *tmpl = g_strdup_printf ("sanzhang-cups-%d-XXXXXX", (int) getpid ());

    cups.dir = g_dir_make_tmp (tmpl, &error);
  }
  g_assert_no_error (error);
  /* The filters run as lp: they must get through to the spool. */
  g_chmod (cups.dir, 0755);
  for (guint i = 0; i < G_N_ELEMENTS (dirs); i++)
    {
      g_autofree char *d = g_build_filename (cups.dir, dirs[i], NULL);

      g_assert_cmpint (g_mkdir_with_parents (d, 0755), ==, 0);
    }
  etc = g_build_filename (cups.dir, "etc", NULL);
  spool = g_build_filename (cups.dir, "spool", NULL);
  cups.socket = g_build_filename (cups.dir, "cups.sock", NULL);
  cups.out = g_build_filename (cups.dir, "out", NULL);
  cups.queue = g_strdup_printf ("sanzhang-test-%d", (int) getpid ());

  conf = g_build_filename (etc, "cupsd.conf", NULL);
  cupsd_conf = g_strdup_printf ("Listen %s\n"
                                "LogLevel warn\n"
                                "Browsing No\n"
                                "WebInterface No\n"
                                "DefaultAuthType None\n"
                                "<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
                                "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n",
                                cups.socket);
  files = g_build_filename (etc, "cups-files.conf", NULL);
  files_conf = g_strdup_printf ("ServerRoot %s\n"
                                "RequestRoot %s\n"
                                "TempDir %s/tmp\n"
                                "CacheDir %s/cache\n"
                                "StateDir %s/state\n"
                                "ErrorLog %s/log/error_log\n"
                                "AccessLog /dev/null\n"
                                "PageLog /dev/null\n"
                                "Printcap \"\"\n"
                                "FileDevice No\n",
                                etc, spool, spool, cups.dir, cups.dir, cups.dir);
  if (!write_file (conf, cupsd_conf) || !write_file (files, files_conf))
    return g_strdup ("cannot write cupsd's configuration");

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_NONE);
  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  cups.cupsd = g_subprocess_launcher_spawn (launcher, &error, CUPSD, "-f", "-c", conf, "-s", files, NULL);
  if (cups.cupsd == NULL)
    return g_strdup_printf ("cannot start cupsd: %s", error->message);
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (!g_file_test (cups.socket, G_FILE_TEST_EXISTS) && g_get_monotonic_time () < end)
    g_usleep (20000);
  if (!g_file_test (cups.socket, G_FILE_TEST_EXISTS))
    return g_strdup_printf ("cupsd did not start: see %s/log/error_log", cups.dir);
  g_setenv ("CUPS_SERVER", cups.socket, TRUE);

  /* cups-pdf reads /etc/cups/cups-pdf-NAME.conf for a device
   * cups-pdf:/NAME: its output goes to the test's folder. */
  cups.queue_conf = g_strdup_printf ("/etc/cups/cups-pdf-%s.conf", cups.queue);
  queue_conf = g_strdup_printf ("Out %s\nAnonDirName %s\nLabel 0\nTitlePref 0\n", cups.out, cups.out);
  if (!write_file (cups.queue_conf, queue_conf))
    return g_strdup_printf ("cannot write %s", cups.queue_conf);
  {
    g_autofree char *uri = g_strdup_printf ("cups-pdf:/%s", cups.queue);
    const char *argv[] = { LPADMIN, "-h", cups.socket, "-p", cups.queue, "-E", "-v", uri,
                           "-P", CUPS_PDF_PPD, "-o", "PageSize=A4",
                           /* cups-pdf takes PostScript.  cups-filters
                            * makes it with Ghostscript by default, which
                            * turns the boards' CID fonts into outlines: the
                            * same ink, but no text to read back.  Poppler's
                            * cairo keeps the fonts and their Unicode. */
                           "-o", "pdftops-renderer-default=pdftocairo", NULL };

    if (!run_lp (argv))
      return g_strdup ("lpadmin could not add the cups-pdf queue");
  }
  return NULL;
}

static void
cups_stop (void)
{
  if (cups.cupsd != NULL)
    {
      g_subprocess_send_signal (cups.cupsd, SIGTERM);
      g_subprocess_wait (cups.cupsd, NULL, NULL);
      g_clear_object (&cups.cupsd);
    }
  if (cups.queue_conf != NULL)
    {
      g_autofree char *log = g_strdup_printf ("/var/log/cups/cups-pdf-%s_log", cups.queue);

      g_unlink (cups.queue_conf);
      g_unlink (log);
    }
  if (cups.dir != NULL && !g_getenv ("SANZHANG_KEEP_TEST_HOME"))
    remove_tree (cups.dir);
}

/* The file cups-pdf wrote for the next job, once CUPS has finished it. */
static char *
wait_for_output (guint timeout_s)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_s * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      g_autoptr(GDir) dir = g_dir_open (cups.out, 0, NULL);
      const char *name;
      char *found = NULL;

      while (dir != NULL && found == NULL && (name = g_dir_read_name (dir)) != NULL)
        if (g_str_has_suffix (name, ".pdf") && !g_hash_table_contains (cups.seen, name))
          found = g_strdup (name);
      if (found != NULL)
        {
          g_autofree char *queued = NULL;
          const char *argv[] = { "lpstat", "-h", cups.socket, "-o", cups.queue, NULL };

          /* cups-pdf writes in place: the file is whole once no job is left. */
          if (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &queued, NULL, NULL, NULL)
              && *g_strstrip (queued) == '\0')
            {
              g_test_message ("cups-pdf wrote %s", found);
              g_hash_table_add (cups.seen, found);
              return g_build_filename (cups.out, found, NULL);
            }
          g_free (found);
        }
      /* GTK sends the job from the main loop. */
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (20000);
    }
  g_error ("cups-pdf wrote nothing in %u s: see %s/log/error_log and /var/log/cups/cups-pdf-%s_log",
           timeout_s, cups.dir, cups.queue);
  return NULL;
}

/* ---- reading back ------------------------------------------------------ */

static void
wait_done (GtkPrintOperation       *operation,
           GtkPrintOperationResult  result,
           gboolean                *done)
{
  g_assert_cmpint (result, ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  *done = TRUE;
}

/* @refs exported as one PDF on @paper, as Export PDF… writes it with cairo. */
static char *
export_boards (Fixture    *f,
               GArray     *refs,
               const char *paper,
               const char *name)
{
  g_autoptr(GError) error = NULL;
  SzBoardSource *source = sz_board_source_new (sz_session_get_db (f->session), f->community, &error);
  char *path = g_build_filename (cups.dir, name, NULL);
  SzExportOptions options = { 0 };
  SzExportSummary summary;

  g_assert_no_error (error);
  g_assert_true (sz_paper_parse (paper, FALSE, &options.paper, NULL));
  options.style = SZ_STYLE_RED;
  options.engine = SZ_ENGINE_CAIRO;
  options.mode = SZ_EXPORT_ONE_FILE;
  options.output = path;
  options.no_record = TRUE;
  sz_export_summary_init (&summary);
  g_assert_true (sz_export_boards (source, refs, &options, &summary, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (summary.boards, ==, refs->len);
  sz_export_summary_clear (&summary);
  sz_board_source_free (source);
  return path;
}

static void
page_size (const char *pdf,
           double     *width,
           double     *height)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  g_autofree char *info = test_run_tool (argv);

  g_assert_nonnull (strstr (info, "Page size:"));
  g_assert_cmpint (sscanf (strstr (info, "Page size:"), "Page size: %lf x %lf", width, height), ==, 2);
}

/* Page @page (from 1) of @pdf at @dpi, drawn by pdftoppm. */
static cairo_surface_t *
render_page (const char *pdf,
             guint       page,
             double      dpi)
{
  g_autofree char *n = g_strdup_printf ("%u", page);
  g_autofree char *r = g_strdup_printf ("%.4f", dpi);
  g_autofree char *prefix = g_build_filename (cups.dir, "page", NULL);
  g_autofree char *png = g_strconcat (prefix, ".png", NULL);
  const char *argv[] = { "pdftoppm", "-png", "-r", r, "-f", n, "-l", n, "-singlefile", pdf, prefix, NULL };
  g_autofree char *out = test_run_tool (argv);
  cairo_surface_t *image = cairo_image_surface_create_from_png (png);

  g_assert_cmpint (cairo_surface_status (image), ==, CAIRO_STATUS_SUCCESS);
  g_unlink (png);
  return image;
}

/* The share of pixels that differ visibly (a channel by more than a
 * quarter) between two drawings of a page. */
static double
pixel_difference (cairo_surface_t *a,
                  cairo_surface_t *b)
{
  int w = MIN (cairo_image_surface_get_width (a), cairo_image_surface_get_width (b));
  int h = MIN (cairo_image_surface_get_height (a), cairo_image_surface_get_height (b));
  guint64 differ = 0;

  /* The same page at the same resolution: a pixel of rounding at most. */
  g_assert_cmpint (abs (cairo_image_surface_get_width (a) - cairo_image_surface_get_width (b)), <=, 1);
  g_assert_cmpint (abs (cairo_image_surface_get_height (a) - cairo_image_surface_get_height (b)), <=, 1);
  cairo_surface_flush (a);
  cairo_surface_flush (b);
  for (int y = 0; y < h; y++)
    {
      const guint32 *ra = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (a) + (gsize) y * cairo_image_surface_get_stride (a));
      const guint32 *rb = (const guint32 *) (gconstpointer) (cairo_image_surface_get_data (b) + (gsize) y * cairo_image_surface_get_stride (b));

      for (int x = 0; x < w; x++)
        for (int c = 0; c < 24; c += 8)
          if (abs ((int) ((ra[x] >> c) & 0xff) - (int) ((rb[x] >> c) & 0xff)) > 64)
            {
              differ++;
              break;
            }
    }
  return (double) differ / ((double) w * h);
}

/* Page @page of the printed PDF against page @page of the export: the same
 * text, and within 1 % of the pixels, the export drawn @scale times as
 * large as it is (the printed sheet being another). */
static void
assert_page_matches (const char *printed,
                     const char *exported,
                     guint       page,
                     double      dpi,
                     double      scale)
{
  g_autofree char *text_printed = test_pdf_text (printed, page);
  g_autofree char *text_exported = test_pdf_text (exported, page);
  cairo_surface_t *a = render_page (printed, page, dpi);
  cairo_surface_t *b = render_page (exported, page, dpi * scale);
  double differ = pixel_difference (a, b);

  g_assert_cmpstr (text_exported, !=, "");
  g_assert_cmpstr (text_printed, ==, text_exported);
  g_test_message ("page %u: %.3f %% of the pixels differ", page, differ * 100);
  if (differ > 0.01)
    {
      g_autofree char *pa = g_strdup_printf ("%s/printed-%u.png", cups.dir, page);
      g_autofree char *pb = g_strdup_printf ("%s/exported-%u.png", cups.dir, page);

      cairo_surface_write_to_png (a, pa);
      cairo_surface_write_to_png (b, pb);
      g_error ("page %u: %.2f %% of the pixels differ (%s, %s)", page, differ * 100, pa, pb);
    }
  cairo_surface_destroy (a);
  cairo_surface_destroy (b);
}

/* ---- the print dialog -------------------------------------------------- */

/* GtkPrintUnixDialog through its properties: its header is in
 * gtk4-unix-print, which the app does not use. */
typedef GtkWidget PrintDialog;

static GType
print_dialog_type (void)
{
  return g_type_from_name ("GtkPrintUnixDialog");
}

static PrintDialog *
find_dialog (void)
{
  return print_dialog_type () != 0 ? test_find_toplevel (print_dialog_type ()) : NULL;
}

static PrintDialog *
wait_for_dialog (void)
{
  PrintDialog *dialog = NULL;

  test_settle_until ((dialog = find_dialog ()) != NULL, 10000);
  g_assert_nonnull (dialog);
  g_test_message ("print dialog shown");
  return dialog;
}

static gboolean
printer_is (PrintDialog *dialog,
            const char  *name)
{
  g_autoptr(GObject) printer = NULL;
  g_autofree char *printer_name = NULL;

  g_object_get (dialog, "selected-printer", &printer, NULL);
  if (printer == NULL)
    return FALSE;
  g_object_get (printer, "name", &printer_name, NULL);
  return g_strcmp0 (printer_name, name) == 0;
}

/* The user picks the test's printer in the list. */
static void
choose_printer (PrintDialog *dialog)
{
  g_autoptr(GtkPrintSettings) settings = NULL;

  g_object_get (dialog, "print-settings", &settings, NULL);
  gtk_print_settings_set_printer (settings, cups.queue);
  g_object_set (dialog, "print-settings", settings, NULL);
  test_settle_until (printer_is (dialog, cups.queue), 20000);
  g_test_message ("printer chosen");
  if (!printer_is (dialog, cups.queue))
    g_error ("the print dialog does not list the CUPS queue %s: is GTK's CUPS print backend installed "
             "(libgtk-4-1's printbackends/libprintbackend-cups.so)?", cups.queue);
}

static void
respond (PrintDialog *dialog,
         int          response)
{
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_dialog_response (GTK_DIALOG (dialog), response);
  G_GNUC_END_IGNORE_DEPRECATIONS
  test_settle_until (find_dialog () == NULL, 5000);
}

/* The paper the dialog proposes: "iso_a4". */
static char *
dialog_paper (PrintDialog *dialog)
{
  g_autoptr(GtkPageSetup) setup = NULL;

  g_object_get (dialog, "page-setup", &setup, NULL);
  return g_strdup (gtk_paper_size_get_name (gtk_page_setup_get_paper_size (setup)));
}

static void
assert_dialog_paper (PrintDialog *dialog,
                     const char  *paper)
{
  g_autofree char *name = dialog_paper (dialog);

  g_assert_cmpstr (name, ==, paper);
}

static SzTreeNode *
first_of (SzTreeNode *node,
          SzNodeKind  kind)
{
  if (node->kind == kind)
    return node;
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    {
      SzTreeNode *found = first_of (g_ptr_array_index (node->children, i), kind);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static SzBoardView *
show_unit_board (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = sz_tree_load (sz_session_get_db (f->session), f->community, &error);
  SzBoardView *view = SZ_BOARD_VIEW (page (f, "board"));

  g_assert_no_error (error);
  sz_session_select_place (f->session, SZ_NODE_UNIT, first_of (tree, SZ_NODE_UNIT)->id);
  sz_window_show_page (f->window, "board");
  test_settle (100);
  g_test_message ("board shown");
  return view;
}

/* ---- the tests --------------------------------------------------------- */

/* A unit board through the board view's Print… and the print dialog, on
 * A4: the printer chosen is there the next time. */
static void
test_unit_board (gconstpointer data)
{
  Fixture *f = (Fixture *) data;
  SzBoardView *view;
  PrintDialog *dialog;
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_autofree char *printed = NULL, *exported = NULL;
  SzBoardRef ref;
  double w, h;

  if (cups.skip != NULL)
    {
      g_test_skip (cups.skip);
      return;
    }
  view = show_unit_board (f);
  g_assert_true (sz_board_view_get_ref (view, &ref));
  g_array_append_val (refs, ref);

  sz_board_view_print (view);
  dialog = wait_for_dialog ();
  /* The board's paper, A4, is what the dialog proposes. */
  assert_dialog_paper (dialog, GTK_PAPER_NAME_A4);
  choose_printer (dialog);
  respond (dialog, GTK_RESPONSE_OK);
  printed = wait_for_output (60);

  exported = export_boards (f, refs, "A4", "unit.pdf");
  g_assert_cmpuint (test_pdf_pages (printed), ==, 1);
  page_size (printed, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.28), <, 1);
  g_assert_cmpfloat (fabs (h - 841.89), <, 1);
  assert_page_matches (printed, exported, 1, 50, 1);

  /* The next time, the dialog starts on the same printer, unasked. */
  sz_board_view_print (view);
  dialog = wait_for_dialog ();
  test_settle_until (printer_is (dialog, cups.queue), 20000);
  g_assert_true (printer_is (dialog, cups.queue));
  assert_dialog_paper (dialog, GTK_PAPER_NAME_A4);
  respond (dialog, GTK_RESPONSE_CANCEL);
}

/* An A3 board printed on the A4 paper the user picks in the dialog: the
 * whole board, scaled to fit; the board view says so, and the dialog
 * proposes A4 for A3 boards from then on. */
static void
test_a3_on_a4 (gconstpointer data)
{
  Fixture *f = (Fixture *) data;
  SzBoardView *view;
  PrintDialog *dialog;
  GtkWidget *note;
  g_autoptr(GArray) refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_autoptr(GtkPageSetup) a4 = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4_size = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autofree char *printed = NULL, *exported = NULL, *notice = NULL;
  SzBoardRef ref;
  double w, h;

  if (cups.skip != NULL)
    {
      g_test_skip (cups.skip);
      return;
    }
  view = show_unit_board (f);
  note = test_get_widget (GTK_WIDGET (view), "note_label");
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (GTK_WIDGET (view), "paper_dropdown")), 1);
  test_settle (100);
  g_assert_true (sz_board_view_get_ref (view, &ref));
  g_array_append_val (refs, ref);
  g_assert_null (sz_print_describe_sheet ("A3", FALSE));
  g_assert_false (gtk_widget_get_visible (note));

  sz_board_view_print (view);
  dialog = wait_for_dialog ();
  choose_printer (dialog);
  /* The board's paper is proposed; the user's printer has only A4. */
  assert_dialog_paper (dialog, GTK_PAPER_NAME_A3);
  gtk_page_setup_set_paper_size_and_default_margins (a4, a4_size);
  g_object_set (dialog, "page-setup", a4, NULL);
  respond (dialog, GTK_RESPONSE_OK);
  printed = wait_for_output (60);

  /* A4, one page, the whole A3 board on it at 71 %. */
  exported = export_boards (f, refs, "A3", "a3.pdf");
  g_assert_cmpuint (test_pdf_pages (printed), ==, 1);
  page_size (printed, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.28), <, 1);
  g_assert_cmpfloat (fabs (h - 841.89), <, 1);
  assert_page_matches (printed, exported, 1, 50, 595.276 / 841.89);

  /* Said where the board is shown, before the next print. */
  test_settle_until (gtk_widget_get_visible (note), 2000);
  g_assert_true (gtk_widget_get_visible (note));
  notice = sz_print_describe_sheet ("A3", FALSE);
  g_assert_nonnull (notice);
  g_assert_nonnull (strstr (notice, "71%"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (note)), notice));
  g_assert_null (sz_print_describe_sheet ("A4", FALSE));
  test_screenshot (GTK_WIDGET (f->window), "cups", "a3-on-a4", 1280, 800);

  /* Remembered: the next A3 board is proposed on A4. */
  sz_board_view_print (view);
  dialog = wait_for_dialog ();
  test_settle_until (printer_is (dialog, cups.queue), 20000);
  g_assert_true (printer_is (dialog, cups.queue));
  assert_dialog_paper (dialog, GTK_PAPER_NAME_A4);
  respond (dialog, GTK_RESPONSE_CANCEL);

  /* An A4 board is still proposed on its own paper. */
  gtk_drop_down_set_selected (GTK_DROP_DOWN (test_get_widget (GTK_WIDGET (view), "paper_dropdown")), 0);
  test_settle (100);
  g_assert_false (gtk_widget_get_visible (note));
}

/* Twenty unit boards as one job, as Stale Boards… prints them: the
 * print operation for those boards, through the print dialog. */
static void
test_batch (gconstpointer data)
{
  Fixture *f = (Fixture *) data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzPrintOperation) operation = NULL;
  g_autoptr(GArray) refs = NULL;
  g_autofree char *printed = NULL, *exported = NULL;
  PrintDialog *dialog;
  SzBoardSource *source;
  gboolean done = FALSE;
  double w, h;

  if (cups.skip != NULL)
    {
      g_test_skip (cups.skip);
      return;
    }
  source = sz_board_source_new (sz_session_get_db (f->session), f->community, &error);
  g_assert_no_error (error);
  refs = sz_board_source_select (source, sz_board_source_find (source, SZ_NODE_COMMUNITY, f->community),
                                 1u << SZ_BOARD_UNIT);
  sz_board_source_free (source);
  g_assert_cmpuint (refs->len, >=, 20);
  g_array_set_size (refs, 20);

  operation = sz_print_operation_new_for_refs (f->session, refs);
  sz_print_operation_set_layout (operation, "A4", FALSE, SZ_STYLE_RED);
  g_signal_connect (operation, "done", G_CALLBACK (wait_done), &done);
  sz_print_operation_run_dialog (operation, GTK_WINDOW (f->window));
  dialog = wait_for_dialog ();
  choose_printer (dialog);
  assert_dialog_paper (dialog, GTK_PAPER_NAME_A4);
  respond (dialog, GTK_RESPONSE_OK);
  g_assert_true (test_wait_for (&done, 60000));
  g_assert_cmpuint (sz_print_operation_get_n_boards (operation), ==, 20);
  g_assert_cmpfloat (sz_print_operation_get_scale (operation), ==, 1);
  printed = wait_for_output (90);

  exported = export_boards (f, refs, "A4", "batch.pdf");
  g_assert_cmpuint (test_pdf_pages (printed), ==, 20);
  page_size (printed, &w, &h);
  g_assert_cmpfloat (fabs (w - 595.28), <, 1);
  g_assert_cmpfloat (fabs (h - 841.89), <, 1);
  for (guint i = 1; i <= 20; i++)
    assert_page_matches (printed, exported, i, 50, 1);
}

/* GTK's CUPS backend asks colord for the printer's colour profiles over
 * the system bus, which a test machine may not have: a warning of the
 * machine's, not of the app's, and not fatal here. */
static gboolean
is_colord (const char *message)
{
  return message != NULL && strstr (message, "colord") != NULL;
}

static GLogWriterOutput
log_writer (GLogLevelFlags   level,
            const GLogField *fields,
            gsize            n_fields,
            gpointer         data)
{
  for (gsize i = 0; i < n_fields; i++)
    if (g_str_equal (fields[i].key, "MESSAGE") && fields[i].length < 0 && is_colord (fields[i].value))
      return G_LOG_WRITER_HANDLED;
  return g_log_writer_default (level, fields, n_fields, data);
}

static gboolean
fatal_handler (const char     *domain,
               GLogLevelFlags  level,
               const char     *message,
               gpointer        data)
{
  return !is_colord (message);
}

int
main (int   argc,
      char *argv[])
{
  g_autofree char *home = NULL;
  Fixture fixture = { 0 };
  int status;

  /* Before GTK: its CUPS backend reads CUPS_SERVER when it loads. */
  g_log_set_writer_func (log_writer, NULL, NULL);
  cups.skip = cups_start ();
  home = test_app_init (&argc, &argv);
  g_test_log_set_fatal_handler (fatal_handler, NULL);
  cups.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (cups.skip != NULL)
    g_test_message ("printing not tested: %s", cups.skip);

  /* One demo community and window for the three: setting them up is most
   * of the time under the sanitizers.  The tests run in this order. */
  if (cups.skip == NULL)
    fixture_setup (&fixture, NULL);
  g_test_add_data_func ("/cups/unit-board", &fixture, test_unit_board);
  g_test_add_data_func ("/cups/a3-on-a4", &fixture, test_a3_on_a4);
  g_test_add_data_func ("/cups/batch", &fixture, test_batch);
  status = g_test_run ();
  if (cups.skip == NULL)
    fixture_teardown (&fixture, NULL);
  cups_stop ();
  g_hash_table_unref (cups.seen);
  return test_app_finish (status, home);
}
