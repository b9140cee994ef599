/* sz-render-cairo-pdf.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <string.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>

#include "sz-render-cairo.h"
#include "sz-render-cairo-private.h"
#include "sz-safe-file.h"

/* A PDF through cairo's PDF surface.  Pages are drawn by sz-render-cairo.c;
 * this file adds the bookmarks, page labels and document info, and writes
 * the file through a temporary one. */

struct _SzCairoPdf
{
  SzCairoOutFile  *out;
  cairo_surface_t *surface;
  GHashTable      *images;        /* shared by all pages: each photo embedded once */
  GPtrArray       *outline;       /* the previous page's bookmark path */
  GArray          *outline_ids;   /* cairo's ids of its items */
  char            *label_prefix;  /* of the previous page */
  guint            label_number;
  guint            n_pages;
  gboolean         broken;        /* a page failed half drawn */
  gboolean         finished;
  gboolean         private_file;  /* SzDocInfo.private_file: keep mode 0600 */
};

static gboolean
pdf_check (SzCairoPdf      *pdf,
           cairo_status_t   status,
           GError         **error)
{
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (pdf->surface);
  if (status == CAIRO_STATUS_SUCCESS)
    return TRUE;
  pdf->broken = TRUE;
  if (pdf->out->saved_errno != 0 || status == CAIRO_STATUS_WRITE_ERROR)
    _sz_cairo_set_write_error (error, pdf->out->path, pdf->out->saved_errno ? pdf->out->saved_errno : EIO);
  else
    _sz_cairo_set_error (error, status);
  return FALSE;
}

SzCairoPdf *
sz_cairo_pdf_new (const char       *path,
                  const SzDocInfo  *info,
                  GError          **error)
{
  g_autoptr(SzCairoPdf) pdf = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%dT%H:%M:%S%:z");

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pdf = g_new0 (SzCairoPdf, 1);
  pdf->private_file = info != NULL && info->private_file;
  pdf->out = _sz_cairo_out_file_open (path, error);
  if (pdf->out == NULL)
    return NULL;
  /* The size is set again for every page. */
  pdf->surface = cairo_pdf_surface_create_for_stream (_sz_cairo_out_file_write, pdf->out, 595.0, 842.0);
  pdf->images = _sz_cairo_image_cache_new ();
  pdf->outline = g_ptr_array_new_with_free_func (g_free);
  pdf->outline_ids = g_array_new (FALSE, FALSE, sizeof (int));

  {
    const struct { cairo_pdf_metadata_t key; const char *value; } meta[] = {
      { CAIRO_PDF_METADATA_TITLE, info ? info->title : NULL },
      { CAIRO_PDF_METADATA_AUTHOR, info ? info->author : NULL },
      { CAIRO_PDF_METADATA_SUBJECT, info ? info->subject : NULL },
      { CAIRO_PDF_METADATA_CREATOR, info ? info->creator : NULL },
      { CAIRO_PDF_METADATA_CREATE_DATE, date },
    };

    for (guint i = 0; i < G_N_ELEMENTS (meta); i++)
      if (meta[i].value != NULL)
        cairo_pdf_surface_set_metadata (pdf->surface, meta[i].key, meta[i].value);
  }
  if (!pdf_check (pdf, CAIRO_STATUS_SUCCESS, error))
    return NULL;
  return g_steal_pointer (&pdf);
}

/* Adds the items of @path that the previous page's path does not share;
 * an item points at the first page under it. */
static void
pdf_add_outline (SzCairoPdf *pdf,
                 char      **path)
{
  g_autofree char *link = g_strdup_printf ("page=%u", pdf->n_pages + 1);
  guint depth = path != NULL ? g_strv_length (path) : 0;
  guint shared = 0;

  while (shared < depth && shared < pdf->outline->len &&
         strcmp (path[shared], pdf->outline->pdata[shared]) == 0)
    shared++;
  g_ptr_array_set_size (pdf->outline, shared);
  g_array_set_size (pdf->outline_ids, shared);

  for (guint i = shared; i < depth; i++)
    {
      int parent = i == 0 ? CAIRO_PDF_OUTLINE_ROOT : g_array_index (pdf->outline_ids, int, i - 1);
      g_autofree char *title = g_utf8_make_valid (path[i], -1);
      int id;

      /* Grids open, so the list of compounds shows; deeper levels closed,
       * or a city's bookmarks would be thousands of lines long. */
      id = cairo_pdf_surface_add_outline (pdf->surface, parent, title, link,
                                          i == 0 ? CAIRO_PDF_OUTLINE_FLAG_OPEN : 0);
      g_ptr_array_add (pdf->outline, g_strdup (path[i]));
      g_array_append_val (pdf->outline_ids, id);
    }
}

static void
pdf_set_label (SzCairoPdf   *pdf,
               const SzPage *page)
{
  const char *prefix = page->label_prefix != NULL ? page->label_prefix : "";
  g_autofree char *label = NULL;

  if (pdf->label_prefix == NULL || strcmp (prefix, pdf->label_prefix) != 0)
    {
      g_free (pdf->label_prefix);
      pdf->label_prefix = g_strdup (prefix);
      pdf->label_number = 0;
    }
  label = g_strdup_printf ("%s%u", prefix, ++pdf->label_number);
  cairo_pdf_surface_set_page_label (pdf->surface, label);
}

gboolean
sz_cairo_pdf_add_page (SzCairoPdf    *pdf,
                       const SzPage  *page,
                       GError       **error)
{
  g_autofree gconstpointer *res = NULL;
  cairo_status_t status;
  cairo_t *cr;

  g_return_val_if_fail (pdf != NULL, FALSE);
  g_return_val_if_fail (page != NULL, FALSE);
  g_return_val_if_fail (!pdf->finished, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (pdf->broken)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE,
                   _("The PDF cannot take more pages after an earlier error."));
      return FALSE;
    }
  /* A font or picture that fails leaves the document as it was: the
   * caller may report it and go on with the next page. */
  res = _sz_cairo_page_prepare (page, pdf->images, TRUE, error);
  if (res == NULL)
    return FALSE;

  cairo_pdf_surface_set_size (pdf->surface, page->width, page->height);
  pdf_add_outline (pdf, page->outline);
  pdf_set_label (pdf, page);
  cr = cairo_create (pdf->surface);
  _sz_cairo_page_draw (cr, page, res, TRUE);
  cairo_show_page (cr);
  status = cairo_status (cr);
  cairo_destroy (cr);
  if (!pdf_check (pdf, status, error))
    return FALSE;
  pdf->n_pages++;
  return TRUE;
}

guint
sz_cairo_pdf_get_n_pages (SzCairoPdf *pdf)
{
  g_return_val_if_fail (pdf != NULL, 0);
  return pdf->n_pages;
}

char *
sz_cairo_pdf_finish_temp (SzCairoPdf  *pdf,
                          GError     **error)
{
  g_return_val_if_fail (pdf != NULL, NULL);
  g_return_val_if_fail (!pdf->finished, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pdf->finished = TRUE;
  if (pdf->broken)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_ENGINE,
                   _("The PDF cannot be finished after an earlier error."));
      return NULL;
    }
  /* cairo would make a blank page of an empty document. */
  if (pdf->n_pages == 0)
    {
      g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                   _("There are no pages to put in the PDF."));
      return NULL;
    }
  cairo_surface_finish (pdf->surface);
  if (!pdf_check (pdf, CAIRO_STATUS_SUCCESS, error))
    return NULL;
  return _sz_cairo_out_file_close (g_steal_pointer (&pdf->out), error);
}

gboolean
sz_cairo_pdf_finish (SzCairoPdf  *pdf,
                     GError     **error)
{
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GError) local_error = NULL;
  gboolean private_file;

  g_return_val_if_fail (pdf != NULL, FALSE);

  path = pdf->out != NULL ? g_strdup (pdf->out->path) : NULL;
  private_file = pdf->private_file;
  temp = sz_cairo_pdf_finish_temp (pdf, error);
  if (temp == NULL)
    return FALSE;
  if (!sz_safe_file_commit (temp, path, private_file ? SZ_SAFE_FILE_PRIVATE : SZ_SAFE_FILE_DEFAULT, &local_error))
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_WRITE, local_error->message);
      return FALSE;
    }
  return TRUE;
}

void
sz_cairo_pdf_free (SzCairoPdf *pdf)
{
  if (pdf == NULL)
    return;
  /* Destroying an unfinished surface finishes it: whatever it writes is
   * dropped along with the temporary file. */
  if (pdf->out != NULL)
    pdf->out->discard = TRUE;
  g_clear_pointer (&pdf->surface, cairo_surface_destroy);
  g_clear_pointer (&pdf->out, _sz_cairo_out_file_free);
  g_clear_pointer (&pdf->images, g_hash_table_unref);
  g_clear_pointer (&pdf->outline, g_ptr_array_unref);
  if (pdf->outline_ids != NULL)
    g_array_unref (pdf->outline_ids);
  g_free (pdf->label_prefix);
  g_free (pdf);
}
