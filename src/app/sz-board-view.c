/* sz-board-view.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sz-app-util.h"
#include "sz-board-view.h"
#include "sz-export.h"
#include "sz-export-dialog.h"
#include "sz-fonts.h"
#include "sz-print-operation.h"
#include "sz-render-cairo.h"
#include "sz-stale-dialog.h"
#include "sz-text.h"

/* Grey around the page, in pixels. */
#define PAGE_MARGIN 24.0
/* 100 % is the real size on a 96 dpi screen. */
#define PX_PER_PT (96.0 / 72.0)

static const struct
{
  const char *paper;   /* as sz_paper_parse() and the "paper" key take it */
  const char *title;
} papers[] = {
  { "A4", N_("A4") },
  { "A3", N_("A3") },
  /* Translators: a paper size in millimetres */
  { "600x800mm", N_("600 × 800 mm") },
};

/* 0: fit the page in the window. */
static const double zooms[] = { 0, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0 };

struct _SzBoardView
{
  GtkWidget          parent_instance;

  /* Template widgets */
  GtkLabel          *title_label;
  GtkButton         *stale_button;
  GtkButton         *print_button;
  GtkButton         *export_button;
  GtkDropDown       *paper_dropdown;
  GtkDropDown       *orientation_dropdown;
  GtkDropDown       *style_dropdown;
  GtkButton         *zoom_out_button;
  GtkDropDown       *zoom_dropdown;
  GtkButton         *zoom_in_button;
  GtkWidget         *warning_box;
  GtkLabel          *warning_label;
  GtkLabel          *note_label;
  GtkStack          *stack;
  GtkScrolledWindow *scroller;
  GtkDrawingArea    *area;
  GtkLabel          *empty_label;

  /* Owned references */
  SzSession         *session;
  SzFonts           *fonts;        /* one for the view's life: loading them is slow */
  SzText            *text;
  GError            *fonts_error;
  SzBoardSource     *source;
  SzPage            *page;
  cairo_surface_t   *recording;    /* the page replayed once, so a draw decodes no image */
  char              *custom_paper; /* a "paper" setting that is none of papers[] */
  char              *warning;

  SzBoardRef         ref;
  gboolean           has_ref;
  guint              n_stale;
  double             fit_zoom;     /* the zoom "fit" came to at the last draw */
  gboolean           source_dirty;
  gboolean           layout_dirty;
  gboolean           updating;     /* settings → widgets: no write back */
  gboolean           writing;      /* widgets → settings: no read back */
};

G_DEFINE_FINAL_TYPE (SzBoardView, sz_board_view, GTK_TYPE_WIDGET)

gboolean
sz_board_view_ref_for_place (SzBoardSource     *source,
                             SzNodeKind         kind,
                             gint64             id,
                             SzBoardRef        *ref,
                             const SzTreeNode **building)
{
  static const int board_of[] = {
    [SZ_NODE_COMMUNITY] = SZ_BOARD_COMMUNITY,
    [SZ_NODE_GRID] = SZ_BOARD_GRID,
    [SZ_NODE_COMPOUND] = SZ_BOARD_BUILDING,
    [SZ_NODE_BUILDING] = SZ_BOARD_BUILDING,
    [SZ_NODE_UNIT] = SZ_BOARD_UNIT,
  };
  SzTreeNode *node;
  g_autoptr(GArray) refs = NULL;

  g_return_val_if_fail (source != NULL && ref != NULL, FALSE);

  if (building != NULL)
    *building = NULL;
  if ((guint) kind >= G_N_ELEMENTS (board_of) || (node = sz_board_source_find (source, kind, id)) == NULL)
    return FALSE;
  /* The selection is in tree order: the place's own board comes first,
   * and a compound's first building with a board (one in a grid) too. */
  refs = sz_board_source_select (source, node, 1u << board_of[kind]);
  if (refs->len == 0)
    return FALSE;
  *ref = g_array_index (refs, SzBoardRef, 0);
  if (kind == SZ_NODE_COMPOUND)
    {
      if (building != NULL)
        *building = sz_board_source_find (source, SZ_NODE_BUILDING, ref->place_id);
      return TRUE;
    }
  return ref->place_id == id;
}

static GtkWindow *
get_window (SzBoardView *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static const char *
current_paper (SzBoardView *self)
{
  guint i = gtk_drop_down_get_selected (self->paper_dropdown);

  if (i < G_N_ELEMENTS (papers))
    return papers[i].paper;
  return self->custom_paper ? self->custom_paper : papers[0].paper;
}

static gboolean
current_landscape (SzBoardView *self)
{
  return gtk_drop_down_get_selected (self->orientation_dropdown) == 1;
}

static SzBoardStyle
current_style (SzBoardView *self)
{
  return gtk_drop_down_get_selected (self->style_dropdown) == 1 ? SZ_STYLE_PLAIN : SZ_STYLE_RED;
}

static double
current_zoom (SzBoardView *self)
{
  guint i = gtk_drop_down_get_selected (self->zoom_dropdown);

  return i < G_N_ELEMENTS (zooms) ? zooms[i] : 0;
}

static void
set_paper_model (SzBoardView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    gtk_string_list_append (list, _(papers[i].title));
  if (self->custom_paper != NULL)
    gtk_string_list_append (list, self->custom_paper);
  gtk_drop_down_set_model (self->paper_dropdown, G_LIST_MODEL (list));
}

/* Which entry of the paper list @text is, adding it when it is a valid
 * size none of them is ("500x700mm" set in the preferences). */
static guint
paper_index (SzBoardView *self,
             const char  *text)
{
  SzPaper wanted, p;

  if (!sz_paper_parse (text, FALSE, &wanted, NULL))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (sz_paper_parse (papers[i].paper, FALSE, &p, NULL)
        && fabs (p.width - wanted.width) < 0.5 && fabs (p.height - wanted.height) < 0.5)
      return i;
  if (g_strcmp0 (self->custom_paper, text) != 0)
    {
      g_free (self->custom_paper);
      self->custom_paper = g_strdup (text);
      self->updating = TRUE;
      set_paper_model (self);
      self->updating = FALSE;
    }
  return G_N_ELEMENTS (papers);
}

/* Shows @paper, @landscape and @style; TRUE when anything changed. */
static gboolean
show_options (SzBoardView  *self,
              const char   *paper,
              gboolean      landscape,
              SzBoardStyle  style)
{
  guint paper_i = paper_index (self, paper);
  gboolean changed = paper_i != gtk_drop_down_get_selected (self->paper_dropdown)
                     || landscape != current_landscape (self)
                     || style != current_style (self);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->paper_dropdown, paper_i);
  gtk_drop_down_set_selected (self->orientation_dropdown, landscape ? 1 : 0);
  gtk_drop_down_set_selected (self->style_dropdown, style == SZ_STYLE_PLAIN ? 1 : 0);
  self->updating = FALSE;
  return changed;
}

static gboolean
load_settings (SzBoardView *self)
{
  GSettings *settings = sz_session_get_settings (self->session);
  g_autofree char *paper = NULL;

  if (settings == NULL)
    return FALSE;
  paper = g_settings_get_string (settings, "paper");
  return show_options (self, paper, g_settings_get_boolean (settings, "landscape"),
                       g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN : SZ_STYLE_RED);
}

static void
show_empty (SzBoardView *self,
            const char  *message)
{
  gtk_label_set_text (self->empty_label, message);
  gtk_stack_set_visible_child_name (self->stack, "empty");
}

static void
clear_board (SzBoardView *self)
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

typedef struct
{
  SzFonts    *fonts;
  GHashTable *seen;
  GString    *out;
} FontCheck;

static gboolean
check_text_cb (const char *text,
               const char *what,
               gpointer    user_data)
{
  FontCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  gunichar haru_char;

  /* Every problem is listed, not only the first: the user fixes them all
   * in one go. */
  if (text != NULL && !sz_fonts_check_text (check->fonts, text, what, &haru_char, &error)
      && g_hash_table_add (check->seen, g_strdup (error->message)))
    {
      if (check->out->len > 0)
        g_string_append_c (check->out, '\n');
      g_string_append (check->out, error->message);
    }
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

static void
update_stale_button (SzBoardView *self)
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

/* Lays the board out again, once per change of data, place or options:
 * drawing only replays the result. */
static void
ensure_layout (SzBoardView *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoard) board = NULL;
  g_autoptr(GHashTable) seen = NULL;
  g_autoptr(GString) warning = NULL;
  g_autofree char *title = NULL;
  const SzTreeNode *building = NULL;
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  SzLayoutOptions options = { { 0, 0 }, current_style (self), NULL };
  FontCheck check;

  if (!self->layout_dirty && !self->source_dirty)
    return;
  self->layout_dirty = FALSE;
  clear_board (self);
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
  else if ((board = sz_board_source_build (self->source, self->ref.kind, self->ref.place_id, &error)) == NULL
           || !sz_paper_parse (current_paper (self), current_landscape (self), &options.paper, &error)
           || (self->page = sz_layout_board (self->text, board, &options, &error)) == NULL)
    show_empty (self, error->message);
  else
    {
      self->has_ref = TRUE;
      /* Translators: the preview's title: a kind of board, then where it hangs */
      title = g_strdup_printf (_("%s: %s"), sz_board_kind_title (board->kind), board->place);
      gtk_label_set_text (self->title_label, title);
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->title_label), title);
      if (building != NULL)
        {
          SzTreeNode *compound = sz_board_source_find (self->source, kind, id);
          g_autofree char *note = NULL;

          /* Translators: a compound, then its first building: "丰和林苑", "1栋" */
          note = g_strdup_printf (_("A compound has no board of its own: this is the board of %s's first "
                                    "building, %s. Export PDF… makes the boards of all its buildings and units."),
                                  compound->label, building->label);
          gtk_label_set_text (self->note_label, note);
          gtk_widget_set_visible (GTK_WIDGET (self->note_label), TRUE);
        }

      seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      warning = g_string_new (NULL);
      check = (FontCheck) { self->fonts, seen, warning };
      sz_board_foreach_text (board, check_text_cb, &check);
      self->recording = record_page (self->page, &error);
      if (self->recording == NULL)
        {
          if (warning->len > 0)
            g_string_append_c (warning, '\n');
          g_string_append (warning, error->message);
        }
      if (warning->len > 0)
        {
          g_string_prepend (warning, _("Prints and exports leave this board out until every character on it "
                                       "can be drawn:\n"));
          self->warning = g_string_free (g_steal_pointer (&warning), FALSE);
          gtk_label_set_text (self->warning_label, self->warning);
          gtk_widget_set_visible (self->warning_box, TRUE);
        }
      gtk_stack_set_visible_child_name (self->stack, "preview");
    }

  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), self->has_ref);
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->source != NULL && sz_board_source_find (self->source, kind, id) != NULL);
  update_stale_button (self);
  update_content_size (self);
}

/* Data, place or options changed: lay out now if the page is on screen,
 * else when it is shown. */
static void
invalidate (SzBoardView *self,
            gboolean     data)
{
  if (data)
    self->source_dirty = TRUE;
  self->layout_dirty = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    ensure_layout (self);
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
on_option_changed_cb (SzBoardView *self)
{
  GSettings *settings;

  if (self->updating || self->session == NULL)
    return;
  settings = sz_session_get_settings (self->session);
  /* The last paper and style are remembered for the next start, and the
   * export and print dialogs start from them. */
  if (settings != NULL)
    {
      g_autofree char *paper = g_strdup (current_paper (self));
      gboolean landscape = current_landscape (self);
      SzBoardStyle style = current_style (self);

      /* Each write notifies at once: the keys not yet written must not be
       * read back over what the toolbar shows. */
      self->writing = TRUE;
      g_settings_set_string (settings, "paper", paper);
      g_settings_set_boolean (settings, "landscape", landscape);
      g_settings_set_enum (settings, "style", style);
      self->writing = FALSE;
    }
  invalidate (self, FALSE);
}

static void
on_settings_changed_cb (SzBoardView *self,
                        const char  *key)
{
  if (!self->writing
      && (g_str_equal (key, "paper") || g_str_equal (key, "landscape") || g_str_equal (key, "style"))
      && load_settings (self))
    invalidate (self, FALSE);
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

static void
on_print_button_clicked_cb (SzBoardView *self)
{
  sz_board_view_print (self);
}

static void
on_export_button_clicked_cb (SzBoardView *self)
{
  sz_board_view_export (self);
}

static void
on_stale_button_clicked_cb (SzBoardView *self)
{
  sz_board_view_show_stale (self);
}

static void
on_session_changed_cb (SzBoardView *self)
{
  invalidate (self, TRUE);
}

static void
on_place_selected_cb (SzBoardView *self)
{
  invalidate (self, FALSE);
}

static void
sz_board_view_map (GtkWidget *widget)
{
  SzBoardView *self = SZ_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (sz_board_view_parent_class)->map (widget);
  ensure_layout (self);
}

static void
sz_board_view_dispose (GObject *object)
{
  SzBoardView *self = SZ_BOARD_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_BOARD_VIEW);
  /* The template's top box has no id: dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  clear_board (self);
  g_clear_pointer (&self->source, sz_board_source_free);
  g_clear_pointer (&self->text, sz_text_free);
  g_clear_pointer (&self->fonts, sz_fonts_free);
  g_clear_error (&self->fonts_error);
  g_clear_pointer (&self->custom_paper, g_free);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_board_view_parent_class)->dispose (object);
}

static void
sz_board_view_class_init (SzBoardViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_board_view_dispose;
  widget_class->map = sz_board_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-board-view.ui");
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, title_label);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, stale_button);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, print_button);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, export_button);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, orientation_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, zoom_out_button);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, zoom_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, warning_box);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, warning_label);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, stack);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, area);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_in_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_zoom_out_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stale_button_clicked_cb);
}

static void
sz_board_view_init (SzBoardView *self)
{
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) zoom_names = gtk_string_list_new (NULL);

  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  set_paper_model (self);
  gtk_string_list_append (styles, sz_board_style_title (SZ_STYLE_RED));
  gtk_string_list_append (styles, sz_board_style_title (SZ_STYLE_PLAIN));
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (styles));
  for (guint i = 0; i < G_N_ELEMENTS (zooms); i++)
    {
      g_autofree char *name = zooms[i] > 0 ? g_strdup_printf ("%d%%", (int) round (zooms[i] * 100))
                                           /* Translators: zoom so that the whole page shows */
                                           : g_strdup (_("Fit Page"));

      gtk_string_list_append (zoom_names, name);
    }
  gtk_drop_down_set_model (self->zoom_dropdown, G_LIST_MODEL (zoom_names));
  self->updating = FALSE;
  on_zoom_dropdown_selected_cb (self);
  gtk_drawing_area_set_draw_func (self->area, draw_page_cb, self, NULL);

  self->fit_zoom = 1.0;
  self->source_dirty = TRUE;
  self->layout_dirty = TRUE;
  self->fonts = sz_fonts_new (&self->fonts_error);
  if (self->fonts != NULL)
    self->text = sz_text_new (self->fonts);
}

GtkWidget *
sz_board_view_new (SzSession *session)
{
  SzBoardView *self;
  GSettings *settings;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_BOARD_VIEW, NULL);
  self->session = g_object_ref (session);
  settings = sz_session_get_settings (session);
  load_settings (self);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "place-selected", G_CALLBACK (on_place_selected_cb), self, G_CONNECT_SWAPPED);
  update_stale_button (self);
  return GTK_WIDGET (self);
}

SzPage *
sz_board_view_get_page (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), NULL);
  ensure_layout (self);
  return self->page;
}

gboolean
sz_board_view_get_ref (SzBoardView *self,
                       SzBoardRef  *ref)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), FALSE);
  ensure_layout (self);
  if (self->has_ref && ref != NULL)
    *ref = self->ref;
  return self->has_ref;
}

const char *
sz_board_view_get_warning (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), NULL);
  ensure_layout (self);
  return self->warning ? self->warning : "";
}

guint
sz_board_view_get_n_stale (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), 0);
  ensure_layout (self);
  return self->n_stale;
}

void
sz_board_view_set_paper (SzBoardView *self,
                         const char  *paper,
                         gboolean     landscape)
{
  g_return_if_fail (SZ_IS_BOARD_VIEW (self));
  g_return_if_fail (paper != NULL);

  if (show_options (self, paper, landscape, current_style (self)))
    on_option_changed_cb (self);
}

void
sz_board_view_set_style (SzBoardView  *self,
                         SzBoardStyle  style)
{
  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  if (show_options (self, current_paper (self), current_landscape (self), style))
    on_option_changed_cb (self);
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

void
sz_board_view_print (SzBoardView *self)
{
  g_autoptr(SzPrintOperation) operation = NULL;
  g_autoptr(GArray) refs = NULL;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  ensure_layout (self);
  if (!self->has_ref)
    {
      g_autoptr(GError) error = g_error_new_literal (SZ_RENDER_ERROR, SZ_RENDER_ERROR_INVALID,
                                                     gtk_label_get_text (self->empty_label));

      sz_show_error (GTK_WIDGET (self), _("There is no board to print here"), error);
      return;
    }
  refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  g_array_append_val (refs, self->ref);
  operation = sz_print_operation_new_for_refs (self->session, refs);
  sz_print_operation_set_layout (operation, current_paper (self), current_landscape (self), current_style (self));
  sz_print_operation_run_dialog (operation, get_window (self));
}

void
sz_board_view_export (SzBoardView *self)
{
  GtkWidget *dialog;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  dialog = sz_export_dialog_new (get_window (self), self->session,
                                 sz_session_get_place_kind (self->session),
                                 sz_session_get_place_id (self->session));
  sz_export_dialog_set_layout (SZ_EXPORT_DIALOG (dialog), current_paper (self), current_landscape (self),
                               current_style (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
sz_board_view_show_stale (SzBoardView *self)
{
  GtkWidget *dialog;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  dialog = sz_stale_dialog_new (get_window (self), self->session);
  sz_stale_dialog_set_layout (SZ_STALE_DIALOG (dialog), current_paper (self), current_landscape (self),
                              current_style (self));
  gtk_window_present (GTK_WINDOW (dialog));
}
