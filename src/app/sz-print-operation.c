/* sz-print-operation.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <math.h>
#include <unistd.h>

#include "sz-app-util.h"
#include "sz-board-view.h"
#include "sz-fonts.h"
#include "sz-print-operation.h"
#include "sz-render-cairo.h"
#include "sz-text.h"

/* One page of the job: the board and what it said when printing began,
 * which is what gets recorded. */
typedef struct
{
  SzBoardRef  ref;
  char       *hash;
} Printable;

struct _SzPrintOperation
{
  GtkPrintOperation  parent_instance;

  /* Borrowed references */
  GtkWindow         *parent;      /* weak */

  /* Owned references */
  SzSession         *session;
  GArray            *refs;        /* SzBoardRef; NULL: from the place */
  SzBoardSource     *source;      /* from begin-print to end-print */
  SzFonts           *fonts;
  SzText            *text;
  GArray            *printable;   /* Printable, page N = element N */
  gboolean          *drawn;       /* per page: sent to the printer */
  GString           *left_out;    /* why boards were left out, a line each */
  GError            *error;       /* why printing stopped */

  SzNodeKind         place_kind;
  gint64             place_id;
  guint              kinds;
  SzPaper            paper;
  SzBoardStyle       style;
  gboolean           preview;
  gboolean           finished;
  gboolean           held;        /* a reference of our own until "done" */
  gboolean           to_file;     /* errors go to file_error, not to a dialog */
  GError            *file_error;
  GtkPageSetup      *sheet;       /* the sheet printed on, from begin-print */
  double             scale;       /* the board on it: 1 when it is the board's paper */
};

G_DEFINE_FINAL_TYPE (SzPrintOperation, sz_print_operation, GTK_TYPE_PRINT_OPERATION)

static char *
settings_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "print-settings.ini", NULL);
}

/* The remembered sheet for boards of @paper is in this group: a board's
 * own size, in points, as it stands (width first). */
static char *
sheet_group (const SzPaper *paper)
{
  return g_strdup_printf ("Page Setup %.0fx%.0f", paper->width, paper->height);
}

/* How a board of @bw × @bh points goes on a sheet of @sw × @sh: the scale
 * that fits it whole, and whether it is turned a quarter to get there. */
static double
fit_scale (double    bw,
           double    bh,
           double    sw,
           double    sh,
           gboolean *turn)
{
  double straight = MIN (sw / bw, sh / bh);
  double turned = MIN (sw / bh, sh / bw);

  /* Turned only when it gains: a board across on a sheet upright. */
  *turn = turned > straight * 1.001;
  return *turn ? turned : straight;
}

/* Whether @scale is the board's own size (a point of rounding aside). */
static gboolean
is_full_size (double scale)
{
  return fabs (scale - 1) < 0.005;
}

static void
printable_clear (gpointer data)
{
  Printable *p = data;

  g_free (p->hash);
}

/* The printer's own name for the sheet when it is a standard one, so that
 * the right tray is used; a custom size otherwise. */
static GtkPaperSize *
paper_size_for (double width,
                double height)
{
  const char *standard[] = { GTK_PAPER_NAME_A4, GTK_PAPER_NAME_A3 };
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (standard); i++)
    {
      GtkPaperSize *size = gtk_paper_size_new (standard[i]);

      if (fabs (gtk_paper_size_get_width (size, GTK_UNIT_POINTS) - width) < 1
          && fabs (gtk_paper_size_get_height (size, GTK_UNIT_POINTS) - height) < 1)
        return size;
      gtk_paper_size_free (size);
    }
  name = g_strdup_printf ("custom_%.0fx%.0fmm", width * 25.4 / 72, height * 25.4 / 72);
  /* Translators: a paper size in millimetres, width × height */
  title = g_strdup_printf (_("%.0f × %.0f mm"), width * 25.4 / 72, height * 25.4 / 72);
  return gtk_paper_size_new_custom (name, title, width, height, GTK_UNIT_POINTS);
}

/* The sheet last chosen in the print dialog for boards of @paper, or
 * NULL: the board's own paper then. */
static GtkPageSetup *
load_sheet (const SzPaper *paper)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autofree char *path = settings_path ();
  g_autofree char *group = sheet_group (paper);

  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL)
      || !g_key_file_has_group (key_file, group))
    return NULL;
  /* Damaged, it is as if never chosen. */
  return gtk_page_setup_new_from_key_file (key_file, group, NULL);
}

static void
update_page_setup (SzPrintOperation *self)
{
  g_autoptr(GtkPageSetup) setup = load_sheet (&self->paper);
  gboolean landscape = self->paper.width > self->paper.height;

  /* The board's own paper, unless the user chose another sheet for such
   * boards last time (an A3 board on an A4 printer): the board is then
   * scaled to fit it, and the board view says so. */
  if (setup == NULL)
    {
      GtkPaperSize *size = paper_size_for (MIN (self->paper.width, self->paper.height),
                                           MAX (self->paper.width, self->paper.height));

      setup = gtk_page_setup_new ();
      gtk_page_setup_set_paper_size (setup, size);
      gtk_page_setup_set_orientation (setup, landscape ? GTK_PAGE_ORIENTATION_LANDSCAPE
                                                       : GTK_PAGE_ORIENTATION_PORTRAIT);
      gtk_paper_size_free (size);
    }
  /* The board is laid out on the whole sheet: no margins of GTK's. */
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), setup);
}

static void
fail (SzPrintOperation *self,
      GError           *error)
{
  if (self->error == NULL)
    self->error = error;
  else
    g_error_free (error);
  gtk_print_operation_cancel (GTK_PRINT_OPERATION (self));
}

static GArray *
resolve_refs (SzPrintOperation *self)
{
  GArray *refs;
  SzBoardRef ref;

  if (self->refs != NULL)
    {
      refs = g_array_sized_new (FALSE, FALSE, sizeof (SzBoardRef), self->refs->len);
      g_array_append_vals (refs, self->refs->data, self->refs->len);
      return refs;
    }
  if (self->kinds != 0)
    {
      SzTreeNode *node = sz_board_source_find (self->source, self->place_kind, self->place_id);

      if (node != NULL)
        return sz_board_source_select (self->source, node, self->kinds);
    }
  refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  if (self->kinds == 0 && sz_board_view_ref_for_place (self->source, self->place_kind, self->place_id, &ref, NULL))
    g_array_append_val (refs, ref);
  return refs;
}

/* Builds every board once: its hash is what gets recorded, and a board
 * with a character no font can draw is left out, never printed blank. */
static void
sz_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (operation);
  g_autoptr(GArray) refs = NULL;
  GError *error = NULL;

  g_clear_pointer (&self->printable, g_array_unref);
  g_clear_pointer (&self->drawn, g_free);
  g_string_truncate (self->left_out, 0);
  g_clear_pointer (&self->text, sz_text_free);
  g_clear_pointer (&self->source, sz_board_source_free);
  g_clear_object (&self->sheet);
  /* The sheet the dialog chose, remembered for boards of this paper. */
  self->sheet = gtk_page_setup_copy (gtk_print_context_get_page_setup (context));
  self->printable = g_array_new (FALSE, TRUE, sizeof (Printable));
  g_array_set_clear_func (self->printable, printable_clear);

  self->source = sz_board_source_new (sz_session_get_db (self->session),
                                      sz_session_get_community_id (self->session), &error);
  if (self->source == NULL)
    {
      fail (self, error);
      return;
    }
  if (self->fonts == NULL && (self->fonts = sz_fonts_new (&error)) == NULL)
    {
      fail (self, error);
      return;
    }
  self->text = sz_text_new (self->fonts);

  refs = resolve_refs (self);
  for (guint i = 0; i < refs->len; i++)
    {
      SzBoardRef *ref = &g_array_index (refs, SzBoardRef, i);
      g_autoptr(SzBoard) board = sz_board_source_build (self->source, ref->kind, ref->place_id, &error);
      g_autoptr(GError) refused = NULL;
      Printable p;

      if (board == NULL)
        {
          fail (self, error);
          return;
        }
      if (!sz_board_check_fonts (board, self->fonts, NULL, NULL, &refused))
        {
          g_autofree char *why = NULL;

          if (self->left_out->len > 0)
            g_string_append_c (self->left_out, '\n');
          /* The words of an export's summary, so that a board is refused
           * the same way whichever path it takes. */
          /* Translators: %s is why, e.g. "…: no installed font can draw …" */
          why = g_strdup_printf (_("Board left out: %s"), refused->message);
          /* Translators: a place, then what is wrong with its board */
          g_string_append_printf (self->left_out, _("%s: %s"), board->place, why);
          continue;
        }
      p.ref = *ref;
      p.hash = sz_board_hash (board);
      g_array_append_val (self->printable, p);
    }

  if (self->printable->len == 0)
    {
      fail (self, g_error_new (SZ_RENDER_ERROR,
                               self->left_out->len > 0 ? SZ_RENDER_ERROR_FONT : SZ_RENDER_ERROR_INVALID, "%s",
                               self->left_out->len > 0 ? self->left_out->str
                                                       : _("The place chosen has no boards of that kind.")));
      return;
    }
  self->drawn = g_new0 (gboolean, self->printable->len);
  gtk_print_operation_set_n_pages (operation, self->printable->len);
}

static void
sz_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (operation);
  Printable *p;
  g_autoptr(SzBoard) board = NULL;
  g_autoptr(SzPage) page = NULL;
  SzLayoutOptions options = { self->paper, self->style, NULL };
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double sw = gtk_print_context_get_width (context);
  double sh = gtk_print_context_get_height (context);
  gboolean turn;
  GError *error = NULL;

  g_assert (page_nr >= 0 && (guint) page_nr < self->printable->len);

  p = &g_array_index (self->printable, Printable, page_nr);
  /* Another sheet than the board's paper: the whole board, scaled to fit
   * and centred, never cut off at the sheet's edge. */
  self->scale = fit_scale (self->paper.width, self->paper.height, sw, sh, &turn);
  if (is_full_size (self->scale) && !turn)
    self->scale = 1;
  if (self->scale != 1 || turn
      || fabs (sw - self->paper.width) > 0.5 || fabs (sh - self->paper.height) > 0.5)
    {
      cairo_translate (cr, sw / 2, sh / 2);
      if (turn)
        cairo_rotate (cr, G_PI / 2);
      cairo_scale (cr, self->scale, self->scale);
      cairo_translate (cr, -self->paper.width / 2, -self->paper.height / 2);
    }
  /* Laid out page by page: a whole community need not sit in memory. */
  board = sz_board_source_build (self->source, p->ref.kind, p->ref.place_id, &error);
  if (board == NULL
      || (page = sz_layout_board (self->text, board, &options, &error)) == NULL
      || !sz_render_cairo_page (cr, page, &error))
    {
      fail (self, error);
      return;
    }
  self->drawn[page_nr] = TRUE;
}

static void
sz_print_operation_end_print (GtkPrintOperation *operation,
                              GtkPrintContext   *context)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (operation);

  g_clear_pointer (&self->text, sz_text_free);
  g_clear_pointer (&self->source, sz_board_source_free);
}

static gboolean
sz_print_operation_preview (GtkPrintOperation        *operation,
                            GtkPrintOperationPreview *preview,
                            GtkPrintContext          *context,
                            GtkWindow                *parent)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (operation);

  /* A preview is not a print: nothing is recorded. */
  self->preview = TRUE;
  return GTK_PRINT_OPERATION_CLASS (sz_print_operation_parent_class)->preview (operation, preview, context, parent);
}

static void
save_settings (SzPrintOperation *self)
{
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *path = settings_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *group = sheet_group (&self->paper);
  /* What belongs to one job, or to the board's paper, is not carried over
   * to the next: its pages, copies, sheet and scale. */
  const char *per_job[] = {
    GTK_PRINT_SETTINGS_PRINT_PAGES, GTK_PRINT_SETTINGS_PAGE_RANGES, GTK_PRINT_SETTINGS_N_COPIES,
    GTK_PRINT_SETTINGS_PAPER_FORMAT, GTK_PRINT_SETTINGS_PAPER_WIDTH, GTK_PRINT_SETTINGS_PAPER_HEIGHT,
    GTK_PRINT_SETTINGS_ORIENTATION, GTK_PRINT_SETTINGS_SCALE, GTK_PRINT_SETTINGS_NUMBER_UP,
    GTK_PRINT_SETTINGS_NUMBER_UP_LAYOUT, GTK_PRINT_SETTINGS_PAGE_SET, GTK_PRINT_SETTINGS_REVERSE,
  };

  settings = gtk_print_settings_copy (gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self)));
  for (guint i = 0; i < G_N_ELEMENTS (per_job); i++)
    gtk_print_settings_unset (settings, per_job[i]);
  /* The sheets remembered for boards of other papers stay; a damaged
   * file is written anew. */
  if (!g_key_file_load_from_file (key_file, path, G_KEY_FILE_KEEP_COMMENTS, NULL))
    {
      g_key_file_unref (key_file);
      key_file = g_key_file_new ();
    }
  g_key_file_remove_group (key_file, "Print Settings", NULL);
  gtk_print_settings_to_key_file (settings, key_file, NULL);
  /* The printer's sheet and its orientation, for the next board of this
   * paper: what the user picked for an A3 board on an A4 printer. */
  if (self->sheet != NULL)
    {
      g_key_file_remove_group (key_file, group, NULL);
      gtk_page_setup_to_key_file (self->sheet, key_file, group);
    }
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_set_error (&error, G_FILE_ERROR, g_file_error_from_errno (errno),
                 /* Translators: %s is a folder, then the system's reason */
                 _("Cannot make the folder “%s”: %s"), dir, g_strerror (errno));
  if (error != NULL || !g_key_file_save_to_file (key_file, path, &error))
    sz_show_error (self->parent ? GTK_WIDGET (self->parent) : NULL,
                   _("The boards were printed, but the printer settings could not be remembered"), error);
}

static void
load_settings (SzPrintOperation *self)
{
  g_autoptr(GKeyFile) key_file = g_key_file_new ();
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree char *path = settings_path ();

  /* A missing or damaged file just means the printer's defaults. */
  if (g_key_file_load_from_file (key_file, path, G_KEY_FILE_NONE, NULL))
    settings = gtk_print_settings_new_from_key_file (key_file, NULL, NULL);
  if (settings == NULL)
    settings = gtk_print_settings_new ();
  gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (self), settings);
}

static gboolean
record_prints (SzPrintOperation  *self,
               guint             *n_recorded,
               GError           **error)
{
  SzDb *db = sz_session_get_db (self->session);
  gint64 community_id = sz_session_get_community_id (self->session);
  gboolean ok;

  *n_recorded = 0;
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && self->printable != NULL && i < self->printable->len; i++)
    {
      Printable *p = &g_array_index (self->printable, Printable, i);

      /* Only the pages sent: the dialog may have printed a range. */
      if (!self->drawn[i])
        continue;
      ok = sz_board_print_record (db, community_id, p->ref.kind, p->ref.place_id, p->hash, error);
      *n_recorded += ok;
    }
  return sz_db_end (db, ok, ok ? error : NULL) && ok;
}

/* Tells the user, or keeps it for sz_print_operation_run_to_file(). */
static void
report (SzPrintOperation *self,
        const char       *title,
        const GError     *error)
{
  if (!self->to_file)
    sz_show_error (self->parent ? GTK_WIDGET (self->parent) : NULL, title, error);
  else if (self->file_error == NULL)
    self->file_error = g_error_new (error->domain, error->code, "%s: %s", title, error->message);
}

static void
finish (SzPrintOperation        *self,
        GtkPrintOperationResult  result,
        GError                  *print_error)
{
  g_autoptr(GError) error = NULL;
  guint n_recorded = 0;

  if (self->finished)
    return;
  self->finished = TRUE;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR || self->error != NULL)
    report (self, _("The boards could not be printed"), print_error ? print_error : self->error);
  else if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      if (!self->to_file)
        save_settings (self);
      if (!self->preview && !record_prints (self, &n_recorded, &error))
        report (self, _("The boards were printed, but could not be marked as printed"), error);
      if (n_recorded > 0)
        sz_session_changed (self->session);
      if (self->left_out->len > 0)
        {
          g_autoptr(GError) left_out = g_error_new_literal (SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                                                            self->left_out->str);

          report (self, _("Some boards were left out: they have characters no installed font can draw"), left_out);
        }
    }
  /* The reference run_dialog() took; not dropped inside the emission. */
  if (self->held)
    {
      self->held = FALSE;
      g_idle_add_once ((GSourceOnceFunc) g_object_unref, self);
    }
}

static void
sz_print_operation_done (GtkPrintOperation       *operation,
                         GtkPrintOperationResult  result)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (operation);
  g_autoptr(GError) error = NULL;

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    gtk_print_operation_get_error (operation, &error);
  finish (self, result, error);
}

static void
sz_print_operation_constructed (GObject *object)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);

  G_OBJECT_CLASS (sz_print_operation_parent_class)->constructed (object);

  load_settings (self);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_allow_async (operation, TRUE);
  /* Paper and orientation on the dialog's first tab, by the printer. */
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  /* Translators: the print job's name in the printer queue */
  gtk_print_operation_set_job_name (operation, _("Notice boards"));
}

static void
sz_print_operation_finalize (GObject *object)
{
  SzPrintOperation *self = SZ_PRINT_OPERATION (object);

  g_clear_weak_pointer (&self->parent);
  g_clear_object (&self->session);
  g_clear_pointer (&self->refs, g_array_unref);
  g_clear_pointer (&self->text, sz_text_free);
  g_clear_pointer (&self->source, sz_board_source_free);
  g_clear_pointer (&self->fonts, sz_fonts_free);
  g_clear_pointer (&self->printable, g_array_unref);
  g_clear_pointer (&self->drawn, g_free);
  g_string_free (self->left_out, TRUE);
  g_clear_error (&self->error);
  g_clear_error (&self->file_error);
  g_clear_object (&self->sheet);
  G_OBJECT_CLASS (sz_print_operation_parent_class)->finalize (object);
}

static void
sz_print_operation_class_init (SzPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = sz_print_operation_constructed;
  object_class->finalize = sz_print_operation_finalize;
  operation_class->begin_print = sz_print_operation_begin_print;
  operation_class->draw_page = sz_print_operation_draw_page;
  operation_class->end_print = sz_print_operation_end_print;
  operation_class->preview = sz_print_operation_preview;
  operation_class->done = sz_print_operation_done;
}

static void
sz_print_operation_init (SzPrintOperation *self)
{
  self->left_out = g_string_new (NULL);
  self->style = SZ_STYLE_RED;
  self->scale = 1;
}

static SzPrintOperation *
create (SzSession *session)
{
  SzPrintOperation *self = g_object_new (SZ_TYPE_PRINT_OPERATION, NULL);
  GSettings *settings = sz_session_get_settings (session);

  self->session = g_object_ref (session);
  if (settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (settings, "paper");

      sz_print_operation_set_layout (self, paper, g_settings_get_boolean (settings, "landscape"),
                                     g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN
                                                                                               : SZ_STYLE_RED);
    }
  else
    sz_print_operation_set_layout (self, "A4", FALSE, SZ_STYLE_RED);
  return self;
}

SzPrintOperation *
sz_print_operation_new (SzSession  *session,
                        SzNodeKind  kind,
                        gint64      place_id)
{
  SzPrintOperation *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = create (session);
  self->place_kind = kind;
  self->place_id = place_id;
  return self;
}

SzPrintOperation *
sz_print_operation_new_for_refs (SzSession *session,
                                 GArray    *refs)
{
  SzPrintOperation *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (refs != NULL, NULL);

  self = create (session);
  self->refs = g_array_sized_new (FALSE, FALSE, sizeof (SzBoardRef), refs->len);
  g_array_append_vals (self->refs, refs->data, refs->len);
  return self;
}

void
sz_print_operation_set_kinds (SzPrintOperation *self,
                              guint             kinds)
{
  g_return_if_fail (SZ_IS_PRINT_OPERATION (self));
  self->kinds = kinds;
}

void
sz_print_operation_set_layout (SzPrintOperation *self,
                               const char       *paper,
                               gboolean          landscape,
                               SzBoardStyle      style)
{
  g_return_if_fail (SZ_IS_PRINT_OPERATION (self));

  /* A setting no longer valid falls back to A4 rather than stopping. */
  if (paper == NULL || !sz_paper_parse (paper, landscape, &self->paper, NULL))
    {
      paper = "A4";
      sz_paper_parse (paper, landscape, &self->paper, NULL);
    }
  self->style = style;
  update_page_setup (self);
}

void
sz_print_operation_run_dialog (SzPrintOperation *self,
                               GtkWindow        *parent)
{
  g_autoptr(GError) error = NULL;
  GtkPrintOperationResult result;

  g_return_if_fail (SZ_IS_PRINT_OPERATION (self));
  g_return_if_fail (parent == NULL || GTK_IS_WINDOW (parent));

  g_set_weak_pointer (&self->parent, parent);
  self->preview = FALSE;
  /* Held until "done": the caller may drop its reference at once. */
  g_object_ref (self);
  self->held = TRUE;
  /* Never GTK_PRINT_OPERATION_ACTION_PRINT (no dialog): with GTK 4.8 and
   * a CUPS queue it crashed inside GTK's printer lookup. */
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                                    parent, &error);
  if (result != GTK_PRINT_OPERATION_RESULT_IN_PROGRESS)
    finish (self, result, error);
}

gboolean
sz_print_operation_run_to_file (SzPrintOperation  *self,
                                const char        *pdf,
                                GError           **error)
{
  GtkPrintOperationResult result;
  GError *run_error = NULL;
  g_autofree char *part = NULL;
  gboolean written;
  int fd;

  g_return_val_if_fail (SZ_IS_PRINT_OPERATION (self), FALSE);
  g_return_val_if_fail (pdf != NULL, FALSE);

  /* GTK opens the file before the first page and, cancelled, still
   * finishes it as a blank page: written beside, renamed only when the
   * boards are in it, so a refused board leaves no file behind. */
  part = g_strconcat (pdf, ".XXXXXX", NULL);
  /* 0666 so that umask, not this code, decides who may read the file. */
  fd = g_mkstemp_full (part, O_WRONLY | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: %s is a file, then the system's reason */
                   _("Cannot write “%s”: %s"), pdf, g_strerror (saved));
      return FALSE;
    }
  close (fd);

  self->to_file = TRUE;
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (self), part);
  result = gtk_print_operation_run (GTK_PRINT_OPERATION (self), GTK_PRINT_OPERATION_ACTION_EXPORT, NULL, &run_error);
  finish (self, result, run_error);
  g_clear_error (&run_error);
  written = result == GTK_PRINT_OPERATION_RESULT_APPLY && self->error == NULL;
  if (written && g_rename (part, pdf) != 0)
    {
      int saved = errno;

      g_clear_error (&self->file_error);
      g_set_error (&self->file_error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: %s is a file, then the system's reason */
                   _("Cannot write “%s”: %s"), pdf, g_strerror (saved));
      written = FALSE;
    }
  if (!written)
    g_unlink (part);
  if (self->file_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&self->file_error));
      return FALSE;
    }
  return TRUE;
}

guint
sz_print_operation_get_n_boards (SzPrintOperation *self)
{
  g_return_val_if_fail (SZ_IS_PRINT_OPERATION (self), 0);
  return self->printable ? self->printable->len : 0;
}

double
sz_print_operation_get_scale (SzPrintOperation *self)
{
  g_return_val_if_fail (SZ_IS_PRINT_OPERATION (self), 1);
  return self->scale;
}

char *
sz_print_describe_sheet (const char *paper,
                         gboolean    landscape)
{
  g_autoptr(GtkPageSetup) sheet = NULL;
  SzPaper board;
  double scale;
  gboolean turn;

  g_return_val_if_fail (paper != NULL, NULL);

  if (!sz_paper_parse (paper, landscape, &board, NULL) || (sheet = load_sheet (&board)) == NULL)
    return NULL;
  scale = fit_scale (board.width, board.height, gtk_page_setup_get_paper_width (sheet, GTK_UNIT_POINTS),
                     gtk_page_setup_get_paper_height (sheet, GTK_UNIT_POINTS), &turn);
  if (is_full_size (scale) && !turn)
    return NULL;
  if (turn)
    /* Translators: a board's paper ("A3"), the printer's paper last chosen
     * in the print dialog ("A4"), then how large the board prints on it, in
     * per cent; the board is turned to lie along the sheet */
    return g_strdup_printf (_("This %s board prints on %s paper, as chosen in the print dialog last time: "
                              "it is turned a quarter and scaled to %d%% to fit."),
                            paper, gtk_paper_size_get_display_name (gtk_page_setup_get_paper_size (sheet)),
                            (int) round (scale * 100));
  /* Translators: a board's paper ("A3"), the printer's paper last chosen
   * in the print dialog ("A4"), then how large the board prints on it, in
   * per cent: "… scaled to 71% to fit." */
  return g_strdup_printf (_("This %s board prints on %s paper, as chosen in the print dialog last time: "
                            "it is scaled to %d%% to fit."),
                          paper, gtk_paper_size_get_display_name (gtk_page_setup_get_paper_size (sheet)),
                          (int) round (scale * 100));
}
