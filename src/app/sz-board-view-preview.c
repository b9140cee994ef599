/* sz-board-view-preview.c: the board view's page: layout, drawing, zoom
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sz-board-view-private.h"
#include "sz-export.h"
#include "sz-print-operation.h"
#include "sz-render-cairo.h"

/* Grey around the page, in pixels. */
#define PAGE_MARGIN 24.0
/* 100 % is the real size on a 96 dpi screen. */
#define PX_PER_PT (96.0 / 72.0)

/* 0: fit the page in the window. */
static const double zooms[] = { 0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

static double
current_zoom (SzBoardView *self)
{
  guint i = gtk_drop_down_get_selected (self->zoom_dropdown);

  return i < G_N_ELEMENTS (zooms) ? zooms[i] : 0;
}

static void
show_empty (SzBoardView *self,
            const char  *message)
{
  gtk_label_set_text (self->empty_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

void
_sz_board_view_clear_board (SzBoardView *self)
{
  g_clear_pointer (&self->page, sz_page_free);
  g_clear_pointer (&self->recording, cairo_surface_destroy);
  g_clear_pointer (&self->warning, g_free);
  self->has_ref = FALSE;
}

static gboolean
ensure_source (SzBoardView  *self,
               GError      **error)
{
  g_autoptr(GArray) stale = NULL;
  g_autoptr(GError) stale_error = NULL;

  if (self->source != NULL && !self->source_dirty)
    return TRUE;
  g_clear_pointer (&self->source, sz_board_source_free);
  self->source_dirty = FALSE;
  self->n_stale = 0;
  self->source = sz_board_source_new (sz_session_get_db (self->session),
                                      sz_session_get_community_id (self->session), error);
  if (self->source == NULL)
    return FALSE;
  stale = sz_export_list_stale (self->source, &stale_error);
  self->n_stale = stale ? stale->len : 0;
  /* The button says why it has no count rather than hiding the failure. */
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->stale_button),
                               stale_error ? stale_error->message
                                           : _("Boards whose content has changed since they were printed"));
  return TRUE;
}

static cairo_surface_t *
record_page (const SzPage  *page,
             GError       **error)
{
  cairo_rectangle_t extents = { 0, 0, page->width, page->height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);
  gboolean ok = sz_render_cairo_page (cr, page, error);

  cairo_destroy (cr);
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static void
update_content_size (SzBoardView *self)
{
  double zoom = current_zoom (self);
  int width = 0, height = 0;

  /* Fit: no size of its own, so the area takes the window's and the draw
   * scales the page into it. */
  if (self->page != NULL && zoom > 0)
    {
      width = (int) ceil (self->page->width * zoom * PX_PER_PT + 2 * PAGE_MARGIN);
      height = (int) ceil (self->page->height * zoom * PX_PER_PT + 2 * PAGE_MARGIN);
    }
  gtk_drawing_area_set_content_width (self->area, width);
  gtk_drawing_area_set_content_height (self->area, height);
  gtk_widget_queue_draw (GTK_WIDGET (self->area));
}

void
_sz_board_view_update_stale_button (SzBoardView *self)
{
  g_autofree char *label = NULL;

  /* Translators: a button; %u is how many printed boards changed since */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Stale Board (%u)", "Stale Boards (%u)", self->n_stale),
                           self->n_stale);
  gtk_button_set_label (self->stale_button, label);
  gtk_widget_set_sensitive (GTK_WIDGET (self->stale_button), self->n_stale > 0);
}

/* Why a place has no board, for the empty page. */
static char *
no_board_reason (SzBoardView *self,
                 SzNodeKind   kind,
                 gint64       id)
{
  SzTreeNode *node = sz_board_source_find (self->source, kind, id);

  if (node == NULL)
    return g_strdup (_("Choose a place in the list on the left to see its board."));
  if (kind == SZ_NODE_COMPOUND)
    /* Translators: %s is a compound: "丰和林苑" */
    return g_strdup_printf (_("%s has no board of its own, and none of its buildings is in a grid yet, "
                              "so there is no board to show."), node->label);
  /* Translators: %s is a place: "2栋" */
  return g_strdup_printf (_("%s is in no grid. Every board names its grid: put the place in a grid "
                            "to get its board."), node->label);
}

static void
set_title (SzBoardView   *self,
           const SzBoard *board)
{
  g_autofree char *title = NULL;

  /* Translators: the preview's title: a kind of board, then where it hangs */
  title = g_strdup_printf (_("%s: %s"), sz_board_kind_title (board->kind), board->place);
  gtk_label_set_text (self->title_label, title);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
}

/* Lays the board out again, once per change of data, place or options:
 * drawing only replays the result. */
void
_sz_board_view_ensure_layout (SzBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoard) board = NULL;
  const SzTreeNode *building = NULL;
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  SzLayoutOptions options = { { 0, 0 }, _sz_board_view_current_style (self), NULL };

  if (!self->layout_dirty && !self->source_dirty)
    return;
  self->layout_dirty = FALSE;
  _sz_board_view_clear_board (self);
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), FALSE);
  gtk_widget_set_visible (self->warning_box, FALSE);
  gtk_label_set_text (self->title_label, "");

  if (self->fonts == NULL)
    show_empty (self, self->fonts_error->message);
  else if (!ensure_source (self, &error))
    show_empty (self, error->message);
  else if (!sz_board_view_ref_for_place (self->source, kind, id, &self->ref, &building))
    {
      g_autofree char *why = no_board_reason (self, kind, id);

      show_empty (self, why);
    }
  else if ((board = sz_board_source_build (self->source, self->ref.kind, self->ref.place_id, &error)) == NULL)
    show_empty (self, error->message);
  else if (!sz_board_check_fonts (board, self->fonts, NULL, NULL, &error))
    {
      /* Refused as every print and export refuses it: the reason, never
       * a page with a box or a gap where a character should be. */
      set_title (self, board);
      self->warning = g_strdup (error->message);
      gtk_label_set_text (self->refused_label, self->warning);
      gtk_stack_set_visible_child_name (self->stack, "refused");
    }
  else if (!sz_paper_parse (_sz_board_view_current_paper (self), _sz_board_view_current_landscape (self),
                            &options.paper, &error)
           || (self->page = sz_layout_board (self->text, board, &options, &error)) == NULL)
    show_empty (self, error->message);
  else
    {
      g_autofree char *sheet = sz_print_describe_sheet (_sz_board_view_current_paper (self),
                                                        _sz_board_view_current_landscape (self));
      g_autoptr(GString) note = g_string_new (NULL);

      self->has_ref = TRUE;
      set_title (self, board);
      if (building != NULL)
        {
          SzTreeNode *compound = sz_board_source_find (self->source, kind, id);

          /* Translators: a compound, then its first building: "丰和林苑", "1栋" */
          g_string_append_printf (note, _("A compound has no board of its own: this is the board of %s's first "
                                          "building, %s. Export PDF… makes the boards of all its buildings and units."),
                                  compound->label, building->label);
        }
      /* Printing scales the board to the sheet last chosen: said before
       * the user prints, not found out at the printer. */
      if (sheet != NULL)
        g_string_append_printf (note, "%s%s", note->len > 0 ? "\n" : "", sheet);
      gtk_label_set_text (self->note_label, note->str);
      gtk_widget_set_visible (GTK_WIDGET (self->note_label), note->len > 0);

      self->recording = record_page (self->page, &error);
      if (self->recording == NULL)
        {
          self->warning = g_strdup (error->message);
          gtk_label_set_text (self->warning_label, self->warning);
          gtk_widget_set_visible (self->warning_box, TRUE);
        }
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), self->has_ref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->source != NULL && sz_board_source_find (self->source, kind, id) != NULL);
  _sz_board_view_update_stale_button (self);
  update_content_size (self);
}

/* Data, place or options changed: lay out now if the page is on screen,
 * else when it is shown. */
void
_sz_board_view_invalidate (SzBoardView *self,
                           gboolean     data)
{
  if (data)
    self->source_dirty = TRUE;
  self->layout_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    _sz_board_view_ensure_layout (self);
}

static void
draw_page_cb (GtkDrawingArea *area,
              cairo_t        *cr,
              int             width,
              int             height,
              gpointer        user_data)
{
  SzBoardView *self = SZ_BOARD_VIEW (user_data);
  double zoom = current_zoom (self);
  double scale, pw, ph, x, y;

  if (self->page == NULL)
    return;
  if (zoom <= 0)
    {
      scale = MIN ((width - 2 * PAGE_MARGIN) / self->page->width, (height - 2 * PAGE_MARGIN) / self->page->height);
      scale = MAX (scale, 0.05);
      self->fit_zoom = scale / PX_PER_PT;
    }
  else
    scale = zoom * PX_PER_PT;
  pw = self->page->width * scale;
  ph = self->page->height * scale;
  x = floor (MAX (PAGE_MARGIN, (width - pw) / 2));
  y = floor (zoom <= 0 ? MAX (PAGE_MARGIN, (height - ph) / 2) : PAGE_MARGIN);

  /* A soft shadow: a few widening translucent frames. */
  for (int i = 6; i > 0; i--)
    {
      cairo_set_source_rgba (cr, 0, 0, 0, 0.05);
      cairo_rectangle (cr, x - i + 2, y - i + 3, pw + 2 * i, ph + 2 * i);
      cairo_fill (cr);
    }
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_rectangle (cr, x, y, pw, ph);
  cairo_fill (cr);

  if (self->recording != NULL)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x, y, pw, ph);
      cairo_clip (cr);
      cairo_translate (cr, x, y);
      cairo_scale (cr, scale, scale);
      cairo_set_source_surface (cr, self->recording, 0, 0);
      cairo_paint (cr);
      cairo_restore (cr);
    }
}

static void
select_zoom (SzBoardView *self,
             guint        i)
{
  gtk_drop_down_set_selected (self->zoom_dropdown, i);
}

static void
on_zoom_dropdown_selected_cb (SzBoardView *self)
{
  guint i = gtk_drop_down_get_selected (self->zoom_dropdown);

  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_out_button), i != 1);
  gtk_widget_set_sensitive (GTK_WIDGET (self->zoom_in_button), i + 1 < G_N_ELEMENTS (zooms));
  update_content_size (self);
}

static void
on_zoom_in_button_clicked_cb (SzBoardView *self)
{
  double now = current_zoom (self) > 0 ? current_zoom (self) : self->fit_zoom;

  for (guint i = 1; i < G_N_ELEMENTS (zooms); i++)
    if (zooms[i] > now + 0.01)
      {
        select_zoom (self, i);
        return;
      }
  select_zoom (self, G_N_ELEMENTS (zooms) - 1);
}

static void
on_zoom_out_button_clicked_cb (SzBoardView *self)
{
  double now = current_zoom (self) > 0 ? current_zoom (self) : self->fit_zoom;

  for (guint i = G_N_ELEMENTS (zooms) - 1; i >= 1; i--)
    if (zooms[i] < now - 0.01)
      {
        select_zoom (self, i);
        return;
      }
  select_zoom (self, 1);
}

void
_sz_board_view_preview_init (SzBoardView *self)
{
  g_autoptr(GtkStringList) zoom_names = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autofree char *name = zooms[i] > 0 ? g_strdup_printf ("%d%%", (int) round (zooms[i] * 100))
                                           /* Translators: zoom so that the whole page shows */
                                           : g_strdup (_("Fit Page"));

      gtk_string_list_append (zoom_names, name);
    }
  gtk_drop_down_set_model (self->zoom_dropdown, G_LIST_MODEL (zoom_names));
  on_zoom_dropdown_selected_cb (self);
  gtk_drawing_area_set_draw_func (self->area, draw_page_cb, self, NULL);
}

void
_sz_board_view_class_preview_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_button_clicked_cb);
}

void
sz_board_view_set_zoom (SzBoardView *self,
                        double       zoom)
{
  guint best = 0;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  for (guint i = 1; zoom > 0 && i < G_N_ELEMENTS (zooms); i++)
    if (best == 0 || fabs (zooms[i] - zoom) < fabs (zooms[best] - zoom))
      best = i;
  select_zoom (self, best);
}
