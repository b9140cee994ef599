/* sz-export.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <errno.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/stat.h>

#include "sz-doc-lang.h"
#include "sz-export.h"
#include "sz-fonts.h"
#include "sz-render-cairo.h"
#include "sz-render-hpdf.h"
#include "sz-render-pdf.h"
#include "sz-safe-file.h"
#include "sz-text.h"

/* One board of a document, after the first pass. */
typedef struct
{
  SzBoardRef ref;
  char      *hash;
  char      *label_prefix;
  char      *file_stem;
} Planned;

typedef struct
{
  SzBoardSource         *source;
  const SzExportOptions *options;
  SzExportSummary       *summary;
  SzFonts               *fonts;
  SzText                *text;
  guint                  done;
  guint                  total;
} Export;

static void
problem_free (gpointer data)
{
  SzExportProblem *p = data;

  g_free (p->place);
  g_free (p->message);
  g_free (p);
}

static void
planned_clear (gpointer data)
{
  Planned *p = data;

  g_free (p->hash);
  g_free (p->label_prefix);
  g_free (p->file_stem);
}

void
sz_export_summary_init (SzExportSummary *summary)
{
  g_return_if_fail (summary != NULL);
  memset (summary, 0, sizeof *summary);
  summary->problems = g_ptr_array_new_with_free_func (problem_free);
  summary->files = g_ptr_array_new_with_free_func (g_free);
}

void
sz_export_summary_clear (SzExportSummary *summary)
{
  g_return_if_fail (summary != NULL);
  g_clear_pointer (&summary->problems, g_ptr_array_unref);
  g_clear_pointer (&summary->files, g_ptr_array_unref);
}

gboolean
sz_engine_from_string (const char *str,
                       SzEngine   *engine)
{
  if (g_strcmp0 (str, "haru") == 0 || g_strcmp0 (str, "libharu") == 0)
    *engine = SZ_ENGINE_HARU;
  else if (g_strcmp0 (str, "cairo") == 0)
    *engine = SZ_ENGINE_CAIRO;
  else if (g_strcmp0 (str, "pdf") == 0 || g_strcmp0 (str, "sanzhang") == 0)
    *engine = SZ_ENGINE_PDF;
  else if (g_strcmp0 (str, "auto") == 0)
    *engine = SZ_ENGINE_AUTO;
  else
    return FALSE;
  return TRUE;
}

const char *
sz_engine_to_string (SzEngine engine)
{
  switch (engine)
    {
    case SZ_ENGINE_HARU:
      return "libharu";
    case SZ_ENGINE_CAIRO:
      return "cairo";
    case SZ_ENGINE_PDF:
      return "pdf";
    case SZ_ENGINE_AUTO:
    default:
      return "auto";
    }
}

SzEngine
sz_engine_resolve (SzEngine engine,
                   guint    n_boards)
{
  (void) n_boards;
  return engine == SZ_ENGINE_AUTO ? SZ_ENGINE_PDF : engine;
}

static void
add_problem (Export        *e,
             SzProblemKind  kind,
             const SzBoard *board,
             char          *message)
{
  SzExportProblem *p = g_new0 (SzExportProblem, 1);

  p->kind = kind;
  p->board_kind = board->kind;
  p->place_id = board->place_id;
  p->place = g_strdup (board->place);
  p->message = message;
  g_ptr_array_add (e->summary->problems, p);
}

static void
count_heads (Export        *e,
             const SzBoard *board)
{
  GPtrArray *lists[] = { board->heads, board->rows };

  for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
    for (guint i = 0; i < lists[l]->len; i++)
      {
        SzBoardHead *h = g_ptr_array_index (lists[l], i);

        if (h->person_id == 0)
          e->summary->vacancies++;
        else if (h->phone_withheld)
          e->summary->phones_withheld++;
      }
}

/* First pass over a document's boards: what each says (its hash), whether
 * every character can be drawn, and by which engine. */
static GArray *
plan (Export    *e,
      GArray    *refs,
      gboolean  *need_cairo,
      char     **why_cairo,
      GError   **error)
{
  GArray *planned = g_array_new (FALSE, TRUE, sizeof (Planned));

  g_array_set_clear_func (planned, planned_clear);
  for (guint i = 0; i < refs->len; i++)
    {
      SzBoardRef *ref = &g_array_index (refs, SzBoardRef, i);
      g_autoptr(SzBoard) board = sz_board_source_build (e->source, ref->kind, ref->place_id, error);
      g_autoptr(GError) refused = NULL;
      g_autofree char *haru_what = NULL;
      gunichar haru_char = 0;
      Planned p = { *ref, NULL, NULL, NULL };

      if (board == NULL)
        {
          g_array_unref (planned);
          return NULL;
        }
      if (!sz_board_check_fonts (board, e->fonts, &haru_char, &haru_what, &refused))
        {
          add_problem (e, SZ_PROBLEM_FONT_REFUSED, board,
                       /* Translators: %s is why, e.g. "…: no installed font can draw …" */
                       g_strdup_printf (_("Board left out: %s"), refused->message));
          e->summary->font_problems++;
          continue;
        }
      if (haru_char != 0)
        {
          char buf[8] = { 0 };
          g_autofree char *code = sz_fonts_describe_char (haru_char);

          g_unichar_to_utf8 (haru_char, buf);
          if (!*need_cairo)
            *why_cairo = g_strdup_printf (_("%s: the character “%s” (%s) cannot be drawn the fast way:"
                                            " this file is made the fine way."),
                                          haru_what, buf, code);
          *need_cairo = TRUE;
        }
      for (guint h = 0; h < board->heads->len + board->rows->len; h++)
        {
          SzBoardHead *head = h < board->heads->len ? g_ptr_array_index (board->heads, h)
                              : g_ptr_array_index (board->rows, h - board->heads->len);

          if (head->qr != NULL && head->qr_old && h < board->heads->len)
            add_problem (e, SZ_PROBLEM_QR_OLD, board,
                         /* Translators: a head's name, the date the code was taken */
                         g_strdup_printf (_("%s %s: the WeChat QR code printed was taken on %s;"
                                            " check that it still works."),
                                          head->role, head->name, head->qr_taken_on));
        }
      /* The content hash is what a print record keeps. */
      p.hash = e->options->no_record ? NULL : sz_board_hash (board);
      p.label_prefix = g_strdup (board->label_prefix);
      p.file_stem = g_strdup (board->file_stem);
      g_array_append_val (planned, p);
    }
  return planned;
}

/* The two engines behind one face. */
typedef struct
{
  SzHpdfWriter *haru;
  SzCairoPdf   *cairo;
  SzPdfWriter  *pdf;
  char         *path;
} Writer;

static gboolean
writer_open (Writer          *w,
             SzEngine         engine,
             const char      *path,
             const SzDocInfo *info,
             GError         **error)
{
  if (engine == SZ_ENGINE_HARU)
    w->haru = sz_hpdf_writer_new (info, error);
  else if (engine == SZ_ENGINE_CAIRO)
    w->cairo = sz_cairo_pdf_new (path, info, error);
  else
    w->pdf = sz_pdf_writer_new (path, info, error);
  if (w->haru == NULL && w->cairo == NULL && w->pdf == NULL)
    return FALSE;
  w->path = g_strdup (path);
  return TRUE;
}

static gboolean
writer_add (Writer       *w,
            const SzPage *page,
            GError      **error)
{
  if (w->pdf != NULL)
    return sz_pdf_writer_add_page (w->pdf, page, error);
  return w->haru ? sz_hpdf_writer_add_page (w->haru, page, error)
                 : sz_cairo_pdf_add_page (w->cairo, page, error);
}

/* Finishes the document in its temporary file (mode 0600, beside the
 * target) and returns that file's name, not yet renamed. */
static char *
writer_close (Writer  *w,
              gboolean ok,
              GError **error)
{
  char *temp = NULL;

  if (ok)
    temp = w->pdf ? sz_pdf_writer_finish_temp (w->pdf, error)
           : w->haru ? sz_hpdf_writer_save_temp (w->haru, w->path, error)
           : sz_cairo_pdf_finish_temp (w->cairo, error);
  g_clear_pointer (&w->pdf, sz_pdf_writer_free);
  g_clear_pointer (&w->haru, sz_hpdf_writer_free);
  g_clear_pointer (&w->cairo, sz_cairo_pdf_free);
  g_clear_pointer (&w->path, g_free);
  return temp;
}

/* ---- Our writer on a second thread ---------------------------------------------------------- *
 *
 * Laying out a board and writing it (drawing operators, deflate) take
 * about as long as each other: with our own writer the pages go through a
 * short queue to a thread that writes them while the next board is laid
 * out.  The queue holds a few pages (and the writer the few it took),
 * so memory stays bounded for any batch.  The writer touches nothing the
 * layout uses (its fonts are its own HarfBuzz faces, the pages are handed
 * over whole). */

#define PIPE_PAGES 8

typedef struct
{
  SzPdfWriter *pdf;
  GThread     *thread;
  GMutex       lock;
  GCond        cond;
  GQueue       pages;     /* SzPage, laid out, not yet written */
  gboolean     closed;    /* no more pages will come */
  gboolean     writer_waiting;
  gboolean     layout_waiting;
  GError      *error;     /* the writer's first failure */
} Pipe;

static gpointer
pipe_run (gpointer data)
{
  Pipe *pipe = data;

  for (;;)
    {
      GQueue batch = G_QUEUE_INIT;
      SzPage *page;

      /* Everything laid out so far at once: one lock, and the layout
       * woken only if it waits for room. */
      g_mutex_lock (&pipe->lock);
      while (g_queue_is_empty (&pipe->pages) && !pipe->closed)
        {
          pipe->writer_waiting = TRUE;
          g_cond_wait (&pipe->cond, &pipe->lock);
          pipe->writer_waiting = FALSE;
        }
      batch = pipe->pages;
      g_queue_init (&pipe->pages);
      if (pipe->layout_waiting)
        g_cond_signal (&pipe->cond);
      g_mutex_unlock (&pipe->lock);
      if (g_queue_is_empty (&batch))
        return NULL;
      while ((page = g_queue_pop_head (&batch)) != NULL)
        {
          GError *error = NULL;
          gboolean ok = sz_pdf_writer_add_page (pipe->pdf, page, &error);

          sz_page_free (page);
          if (!ok)
            {
              g_queue_clear_full (&batch, (GDestroyNotify) sz_page_free);
              g_mutex_lock (&pipe->lock);
              pipe->error = error;
              /* Whatever waits is dropped: the document fails as a whole. */
              g_queue_clear_full (&pipe->pages, (GDestroyNotify) sz_page_free);
              pipe->closed = TRUE;
              g_cond_broadcast (&pipe->cond);
              g_mutex_unlock (&pipe->lock);
              return NULL;
            }
        }
    }
}

static Pipe *
pipe_start (SzPdfWriter *pdf)
{
  Pipe *pipe = g_new0 (Pipe, 1);

  pipe->pdf = pdf;
  g_mutex_init (&pipe->lock);
  g_cond_init (&pipe->cond);
  g_queue_init (&pipe->pages);
  pipe->thread = g_thread_new ("sz-pdf-writer", pipe_run, pipe);
  return pipe;
}

/* Takes @page; FALSE (and the writer's error) once the writer failed. */
static gboolean
pipe_push (Pipe    *pipe,
           SzPage  *page,
           GError **error)
{
  gboolean ok;

  g_mutex_lock (&pipe->lock);
  while (g_queue_get_length (&pipe->pages) >= PIPE_PAGES && pipe->error == NULL)
    {
      pipe->layout_waiting = TRUE;
      g_cond_wait (&pipe->cond, &pipe->lock);
      pipe->layout_waiting = FALSE;
    }
  ok = pipe->error == NULL;
  if (ok)
    {
      g_queue_push_tail (&pipe->pages, page);
      if (pipe->writer_waiting)
        g_cond_signal (&pipe->cond);
    }
  else
    {
      sz_page_free (page);
      g_propagate_error (error, g_error_copy (pipe->error));
    }
  g_mutex_unlock (&pipe->lock);
  return ok;
}

/* Waits for every page to be written; FALSE with the writer's error. */
static gboolean
pipe_finish (Pipe    *pipe,
             GError **error)
{
  gboolean ok;

  g_mutex_lock (&pipe->lock);
  pipe->closed = TRUE;
  g_cond_broadcast (&pipe->cond);
  g_mutex_unlock (&pipe->lock);
  g_thread_join (pipe->thread);
  ok = pipe->error == NULL;
  if (!ok)
    g_propagate_error (error, g_steal_pointer (&pipe->error));
  g_queue_clear_full (&pipe->pages, (GDestroyNotify) sz_page_free);
  g_mutex_clear (&pipe->lock);
  g_cond_clear (&pipe->cond);
  g_free (pipe);
  return ok;
}

static SzPage *
lay_out (Export           *e,
         const SzBoardRef *ref,
         GError          **error)
{
  g_autoptr(SzBoard) board = sz_board_source_build (e->source, ref->kind, ref->place_id, error);
  SzLayoutOptions lo = { e->options->paper, e->options->style, e->options->printed_on };

  if (board == NULL)
    return NULL;
  count_heads (e, board);
  return sz_layout_board (e->text, board, &lo, error);
}

static void
tick (Export *e)
{
  e->done++;
  if (e->options->progress != NULL)
    e->options->progress (e->done, e->total, e->options->progress_data);
}

/* Records planned[from..to) as printed, pending on @temp being renamed to
 * @path (see sz-board-print.c): one transaction for the batch. */
static gboolean
record_pending (Export      *e,
                GArray      *planned,
                guint        from,
                guint        to,
                const char  *temp,
                const char  *path,
                GError     **error)
{
  SzDb *db = sz_board_source_get_db (e->source);
  gint64 community_id = sz_board_source_get_community_id (e->source);
  GStatBuf st;
  gboolean ok;

  if (g_stat (temp, &st) != 0)
    {
      int saved = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: a file name, then the system's reason */
                   _("Cannot write “%s”: %s"), name, g_strerror (saved));
      return FALSE;
    }
  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint i = from; i < to && ok; i++)
    {
      Planned *p = &g_array_index (planned, Planned, i);
      ok = sz_board_print_prepare (db, community_id, p->ref.kind, p->ref.place_id, p->hash,
                                   path, (guint64) st.st_dev, (guint64) st.st_ino, error);
    }
  return sz_db_end (db, ok, error);
}

/* Writes planned[from..to) as one PDF at @path. */
static gboolean
write_document (Export      *e,
                GArray      *planned,
                guint        from,
                guint        to,
                SzEngine     engine,
                const char  *path,
                GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *temp = NULL;
  SzDocInfo info = { 0 };
  Writer w = { 0 };
  Pipe *pipe = NULL;
  gboolean ok = TRUE;
  guint pages = 0;
  const char *lang;

  lang = sz_board_source_get_lang (e->source);
  info.title = g_strdup_printf (D_ (lang, "Notice boards of %s"), sz_board_source_get_tree (e->source)->label);
  info.author = g_strdup (sz_board_source_get_tree (e->source)->label);
  info.subject = g_strdup (D_ (lang, "Names and phones of the three heads and service hotlines,"
                                     " printed with the heads' consent"));
  info.lang = g_strdup (lang);
  info.creator = g_strdup_printf ("Sanzhang %s", PACKAGE_VERSION);
  ok = writer_open (&w, engine, path, &info, error);
  sz_doc_info_clear (&info);
  if (!ok)
    return FALSE;

  /* One board needs no second thread. */
  pipe = w.pdf != NULL && to - from > 1 ? pipe_start (w.pdf) : NULL;
  for (guint i = from; i < to && ok; i++)
    {
      Planned *p = &g_array_index (planned, Planned, i);
      g_autoptr(SzPage) page = NULL;

      if (g_cancellable_set_error_if_cancelled (e->options->cancellable, error))
        {
          ok = FALSE;
          break;
        }
      page = lay_out (e, &p->ref, error);
      if (page != NULL && pipe != NULL)
        ok = pipe_push (pipe, g_steal_pointer (&page), error);
      else
        ok = page != NULL && writer_add (&w, page, error);
      pages++;
      tick (e);
    }
  if (pipe != NULL)
    {
      /* The writer's error is the one to tell when the layout had none. */
      if (ok)
        ok = pipe_finish (pipe, error);
      else
        pipe_finish (pipe, NULL);
    }
  temp = writer_close (&w, ok, ok ? error : NULL);
  if (temp == NULL)
    return FALSE;
  /* The board and its record as one step: the print is committed as
   * pending on this file, the file renamed into place, the print settled
   * by whether the rename happened (sz-board-print.c says why this order
   * keeps "boards --stale" exact through a kill at any moment). */
  if (!e->options->no_record && !record_pending (e, planned, from, to, temp, path, error))
    {
      sz_safe_file_discard (temp);
      return FALSE;
    }
  ok = sz_safe_file_commit (temp, path, SZ_SAFE_FILE_DEFAULT, &local_error);
  if (!e->options->no_record)
    ok = sz_board_print_settle (sz_board_source_get_db (e->source), ok ? error : NULL) && ok;
  if (local_error != NULL)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  if (!ok)
    return FALSE;
  e->summary->boards += to - from;
  e->summary->pages += pages;
  g_ptr_array_add (e->summary->files, g_strdup (path));
  return TRUE;
}

static gboolean
write_png (Export      *e,
           Planned     *p,
           const char  *dir,
           GError     **error)
{
  g_autoptr(SzPage) page = lay_out (e, &p->ref, error);
  g_autofree char *name = g_strconcat (p->file_stem, ".png", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);

  if (page == NULL || !sz_render_cairo_png (page, e->options->png_dpi, path, error))
    return FALSE;
  e->summary->boards++;
  e->summary->pages++;
  g_ptr_array_add (e->summary->files, g_steal_pointer (&path));
  tick (e);
  return TRUE;
}

static gboolean
ensure_dir (const char  *dir,
            GError     **error)
{
  if (g_mkdir_with_parents (dir, 0755) != 0 || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      int saved = errno;

      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE,
                   /* Translators: %s is a folder, then the system's reason */
                   _("Cannot make the folder “%s”: %s"), dir, g_strerror (saved));
      return FALSE;
    }
  return TRUE;
}

/* What an export killed half-way left behind is put right before this one
 * writes: the temporary files of dead processes in the target folder (they
 * hold names and phones) are removed, and prints left pending are settled.
 * While it runs, SIGINT and SIGTERM remove its temporary files, unless the
 * program handles those signals itself. */
static gboolean
prepare_folder (SzBoardSource          *source,
                const SzExportOptions  *options,
                GError                **error)
{
  g_autofree char *folder = options->mode == SZ_EXPORT_ONE_FILE
                            ? g_path_get_dirname (options->output) : g_strdup (options->output);
  struct sigaction old = { 0 };

  if (sigaction (SIGTERM, NULL, &old) == 0 && old.sa_handler == SIG_DFL)
    sz_safe_file_cleanup_on_signals ();
  sz_safe_file_clean_stale (folder);
  return options->no_record
         || sz_board_print_settle (sz_board_source_get_db (source), error);
}

gboolean
sz_export_boards (SzBoardSource          *source,
                  GArray                 *refs,
                  const SzExportOptions  *options,
                  SzExportSummary        *summary,
                  GError                **error)
{
  g_autoptr(SzFonts) fonts = NULL;
  g_autoptr(SzText) text = NULL;
  g_autoptr(GArray) planned = NULL;
  g_autofree char *why_cairo = NULL;
  gboolean need_cairo = FALSE;
  SzEngine engine;
  Export e = { 0 };
  guint split;

  g_return_val_if_fail (source != NULL && refs != NULL && options != NULL, FALSE);
  g_return_val_if_fail (summary != NULL && summary->problems != NULL, FALSE);
  g_return_val_if_fail (options->output != NULL, FALSE);

  if (!prepare_folder (source, options, error))
    return FALSE;
  fonts = sz_fonts_new (error);
  if (fonts == NULL)
    return FALSE;
  text = sz_text_new (fonts);
  e.source = source;
  e.options = options;
  e.summary = summary;
  e.fonts = fonts;
  e.text = text;

  planned = plan (&e, refs, &need_cairo, &why_cairo, error);
  if (planned == NULL)
    return FALSE;
  /* Every board refused: nothing is written, no folder made, and the
   * error says why exactly as the batch's summary would. */
  if (planned->len == 0 && summary->problems->len > 0)
    {
      g_autoptr(GString) why = g_string_new (NULL);

      for (guint i = 0; i < summary->problems->len; i++)
        {
          SzExportProblem *p = g_ptr_array_index (summary->problems, i);

          if (p->kind != SZ_PROBLEM_FONT_REFUSED)
            continue;
          if (why->len > 0)
            g_string_append_c (why, '\n');
          /* Translators: a place, then what is wrong with its board */
          g_string_append_printf (why, _("%s: %s"), p->place, p->message);
        }
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT, why->str);
      return FALSE;
    }
  e.total = planned->len;
  engine = sz_engine_resolve (options->engine, planned->len);
  if (need_cairo && engine == SZ_ENGINE_HARU && options->mode != SZ_EXPORT_PNG)
    {
      SzExportProblem *p = g_new0 (SzExportProblem, 1);

      /* One engine per document: the whole batch goes through cairo,
       * which embeds HanaMinB and can encode characters past the BMP. */
      p->kind = SZ_PROBLEM_ENGINE_SWITCH;
      p->place = g_strdup ("");
      p->message = g_steal_pointer (&why_cairo);
      g_ptr_array_add (summary->problems, p);
      summary->font_problems++;
      engine = SZ_ENGINE_CAIRO;
    }

  switch (options->mode)
    {
    case SZ_EXPORT_PNG:
      if (!ensure_dir (options->output, error))
        return FALSE;
      for (guint i = 0; i < planned->len; i++)
        if (g_cancellable_set_error_if_cancelled (options->cancellable, error)
            || !write_png (&e, &g_array_index (planned, Planned, i), options->output, error))
          return FALSE;
      return TRUE;

    case SZ_EXPORT_PER_BOARD:
      if (!ensure_dir (options->output, error))
        return FALSE;
      for (guint i = 0; i < planned->len; i++)
        {
          Planned *p = &g_array_index (planned, Planned, i);
          g_autofree char *name = g_strconcat (p->file_stem, ".pdf", NULL);
          g_autofree char *path = g_build_filename (options->output, name, NULL);

          if (!write_document (&e, planned, i, i + 1, engine, path, error))
            return FALSE;
        }
      return TRUE;

    case SZ_EXPORT_ONE_FILE:
    default:
      break;
    }

  split = options->split_over ? options->split_over : SZ_EXPORT_SPLIT_DEFAULT;
  if (planned->len <= split)
    return write_document (&e, planned, 0, planned->len, engine, options->output, error);

  /* Too many for one document: one file per grid, "boards-G1.pdf". */
  {
    g_autofree char *stem = g_str_has_suffix (options->output, ".pdf")
                            ? g_strndup (options->output, strlen (options->output) - 4)
                            : g_strdup (options->output);
    guint start = 0;

    for (guint i = 1; i <= planned->len; i++)
      {
        Planned *first = &g_array_index (planned, Planned, start);

        if (i < planned->len
            && g_strcmp0 (g_array_index (planned, Planned, i).label_prefix, first->label_prefix) == 0)
          continue;
        {
          g_autofree char *prefix = g_strndup (first->label_prefix, strlen (first->label_prefix) - 1);
          g_autofree char *path = g_strdup_printf ("%s-%s.pdf", stem, prefix);

          if (!write_document (&e, planned, start, i, engine, path, error))
            return FALSE;
        }
        start = i;
      }
  }
  return TRUE;
}

GArray *
sz_export_list_stale (SzBoardSource  *source,
                      GError        **error)
{
  g_autoptr(GHashTable) prints = NULL;
  g_autoptr(GArray) all = NULL;
  GArray *stale;

  g_return_val_if_fail (source != NULL, NULL);

  prints = sz_board_print_load (sz_board_source_get_db (source),
                                sz_board_source_get_community_id (source), error);
  if (prints == NULL)
    return NULL;
  all = sz_board_source_select (source, sz_board_source_get_tree (source), (1u << SZ_N_BOARD_KINDS) - 1);
  stale = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  for (guint i = 0; i < all->len; i++)
    {
      SzBoardRef *ref = &g_array_index (all, SzBoardRef, i);
      g_autofree char *key = sz_board_print_key (ref->kind, ref->place_id);
      SzBoardPrint *print = g_hash_table_lookup (prints, key);
      g_autoptr(SzBoard) board = NULL;
      g_autofree char *hash = NULL;

      if (print == NULL)
        continue;
      board = sz_board_source_build (source, ref->kind, ref->place_id, error);
      if (board == NULL)
        {
          g_array_unref (stale);
          return NULL;
        }
      hash = sz_board_hash (board);
      if (g_strcmp0 (hash, print->content_hash) != 0)
        g_array_append_val (stale, *ref);
    }
  return stale;
}
