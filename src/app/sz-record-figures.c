/* sz-record-figures.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sz-app-util.h"
#include "sz-fonts.h"
#include "sz-record-figures.h"
#include "sz-render-cairo.h"
#include "sz-report.h"
#include "sz-text.h"

/* The chart is laid out in points at the widget's size and drawn scaled:
 * text sizes then read as they do in the PDF. */
#define PX_PER_PT (96.0 / 72.0)
#define N_MONTHS 12

typedef enum
{
  RATE_RESPONSE,
  RATE_RESOLUTION,
  RATE_SATISFACTION,
  N_RATES
} Rate;

struct _SzRecordFiguresView
{
  GtkWidget        parent_instance;

  /* Template widgets */
  GtkDropDown     *month_drop_down;
  GtkButton       *report_button;
  GtkLabel        *summary_label;
  GtkGrid         *rates_grid;
  GtkDrawingArea  *chart_area;
  GtkLabel        *chart_error_label;
  GtkGrid         *tables_grid;
  GtkLabel        *rate_labels[N_RATES];
  GtkLabel        *count_labels[N_RATES];

  /* Owned references */
  SzSession       *session;
  GStrv            months;      /* what the drop-down offers, newest first */
  SzRecordStats   *stats;
  SzFonts         *fonts;
  SzText          *text;        /* one for the widget's life: it caches shaped text */
  GError          *fonts_error;
  cairo_surface_t *chart;       /* the chart recorded at chart_width × chart_height */
  int              chart_width;
  int              chart_height;
  gboolean         dirty;       /* the records changed while the view was hidden */
};

G_DEFINE_FINAL_TYPE (SzRecordFiguresView, sz_record_figures_view, GTK_TYPE_WIDGET)

GStrv
sz_record_figures_recent_months (gint64 now,
                                 guint  n)
{
  g_autofree char *month = sz_record_month_of (now);
  GStrvBuilder *builder = g_strv_builder_new ();
  int year = 0, mon = 0;
  GStrv out;

  if (sscanf (month, "%d-%d", &year, &mon) != 2)
    {
      g_strv_builder_unref (builder);
      return g_new0 (char *, 1);
    }
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *m = g_strdup_printf ("%04d-%02d", year, mon);

      g_strv_builder_add (builder, m);
      if (--mon == 0)
        {
          mon = 12;
          year--;
        }
    }
  out = g_strv_builder_end (builder);
  g_strv_builder_unref (builder);
  return out;
}

/* "87.5%" over "35/40": a rate with what it is counted from. */
static char *
rate_markup (double rate,
             guint  count,
             guint  of)
{
  g_autofree char *text = sz_record_format_rate (rate);

  if (of == 0)
    return g_markup_escape_text (text, -1);
  return g_markup_printf_escaped ("%s <span size='small' alpha='60%%'>%u/%u</span>", text, count, of);
}

static GtkWidget *
cell_new (const char *markup,
          float       xalign)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_xalign (GTK_LABEL (label), xalign);
  gtk_widget_add_css_class (label, "numeric");
  return label;
}

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

/* A table of figures under @title from @row of the grid on: one row per
 * key, the rates with their counts.  The three tables share the grid's
 * columns, so that they line up.  Returns the next free row. */
static int
fill_table (GtkGrid    *grid,
            int         row,
            const char *title,
            GPtrArray  *rows,
            const char *first_title,
            const char *none_key)
{
  const char *headers[] = {
    first_title,
    /* Translators: columns of the figures tables; keep them short */
    C_("figures", "Received"), C_("figures", "Response"), C_("figures", "Resolution"),
    C_("figures", "Satisfaction"), C_("figures", "Open"), C_("figures", "Overdue"),
  };
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "section-title");
  if (row > 0)
    gtk_widget_set_margin_top (label, 12);
  gtk_grid_attach (grid, label, 0, row++, G_N_ELEMENTS (headers), 1);
  if (rows == NULL || rows->len == 0)
    {
      GtkWidget *empty = gtk_label_new (_("No records received this month."));

      gtk_widget_add_css_class (empty, "dim-label");
      gtk_label_set_xalign (GTK_LABEL (empty), 0);
      gtk_grid_attach (grid, empty, 0, row++, G_N_ELEMENTS (headers), 1);
      return row;
    }
  for (guint col = 0; col < G_N_ELEMENTS (headers); col++)
    {
      label = gtk_label_new (headers[col]);
      gtk_label_set_xalign (GTK_LABEL (label), col == 0 ? 0 : 1);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_hexpand (label, col == 0);
      gtk_grid_attach (grid, label, (int) col, row, 1, 1);
    }
  row++;
  for (guint i = 0; i < rows->len; i++, row++)
    {
      const SzRecordFigures *f = rows->pdata[i];
      const char *key = f->key && *f->key ? f->key : none_key;
      g_autofree char *received = g_strdup_printf ("%u", f->received);
      g_autofree char *response = rate_markup (sz_record_figures_response_rate (f), f->responded, f->received);
      g_autofree char *resolution = rate_markup (sz_record_figures_resolution_rate (f), f->resolved, f->received);
      g_autofree char *satisfaction = rate_markup (sz_record_figures_satisfaction_rate (f),
                                                   f->satisfied + f->basically, f->followed_up);
      g_autofree char *open = g_strdup_printf ("%u", f->open);
      g_autofree char *overdue = g_strdup_printf ("%u", f->overdue);
      g_autofree char *escaped = g_markup_escape_text (key, -1);
      GtkWidget *name = cell_new (escaped, 0);
      GtkWidget *overdue_cell = cell_new (overdue, 1);

      gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
      gtk_widget_set_tooltip_text (name, key);
      if (f->overdue > 0)
        gtk_widget_add_css_class (overdue_cell, "error");
      gtk_grid_attach (grid, name, 0, row, 1, 1);
      gtk_grid_attach (grid, cell_new (received, 1), 1, row, 1, 1);
      gtk_grid_attach (grid, cell_new (response, 1), 2, row, 1, 1);
      gtk_grid_attach (grid, cell_new (resolution, 1), 3, row, 1, 1);
      gtk_grid_attach (grid, cell_new (satisfaction, 1), 4, row, 1, 1);
      gtk_grid_attach (grid, cell_new (open, 1), 5, row, 1, 1);
      gtk_grid_attach (grid, overdue_cell, 6, row, 1, 1);
    }
  return row;
}

static void
show_rates (SzRecordFiguresView *self)
{
  const SzRecordFigures *f = self->stats ? &self->stats->total : NULL;
  double rates[N_RATES] = { -1, -1, -1 };
  char *counts[N_RATES] = { NULL };

  if (f != NULL)
    {
      rates[RATE_RESPONSE] = sz_record_figures_response_rate (f);
      rates[RATE_RESOLUTION] = sz_record_figures_resolution_rate (f);
      rates[RATE_SATISFACTION] = sz_record_figures_satisfaction_rate (f);
      counts[RATE_RESPONSE] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            /* Translators: counts beside the response rate */
                                                            "%u of %u record responded to in time",
                                                            "%u of %u records responded to in time", f->received),
                                               f->responded, f->received);
      counts[RATE_RESOLUTION] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                              /* Translators: counts beside the resolution rate */
                                                              "%u of %u record resolved",
                                                              "%u of %u records resolved", f->received),
                                                 f->resolved, f->received);
      counts[RATE_SATISFACTION] = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: counts beside the satisfaction
                                                                   rate: satisfied, basically satisfied, of how
                                                                   many followed up */
                                                                "%u satisfied and %u basically satisfied of %u followed up",
                                                                "%u satisfied and %u basically satisfied of %u followed up",
                                                                f->followed_up),
                                                   f->satisfied, f->basically, f->followed_up);
    }
  for (Rate r = 0; r < N_RATES; r++)
    {
      g_autofree char *text = sz_record_format_rate (rates[r]);

      gtk_label_set_text (self->rate_labels[r], text);
      gtk_label_set_text (self->count_labels[r], counts[r] ? counts[r] : "");
      g_free (counts[r]);
    }
}

static void
drop_chart (SzRecordFiguresView *self)
{
  g_clear_pointer (&self->chart, cairo_surface_destroy);
  gtk_widget_queue_draw (GTK_WIDGET (self->chart_area));
}

static void on_month_drop_down_selected_cb (SzRecordFiguresView *self);

/* This month and the 11 before it, again when a month has begun since
 * (the window stays open for days), keeping the month chosen. */
static void
load_months (SzRecordFiguresView *self)
{
  g_auto(GStrv) months = sz_record_figures_recent_months (sz_record_now (), N_MONTHS);
  g_autoptr(GtkStringList) names = NULL;
  g_autofree char *chosen = g_strdup (sz_record_figures_view_get_month (self));
  guint position = 0;

  if (self->months != NULL && g_strcmp0 (self->months[0], months[0]) == 0)
    return;
  for (guint i = 0; months[i] != NULL; i++)
    if (g_strcmp0 (months[i], chosen) == 0)
      position = i;
  names = gtk_string_list_new ((const char * const *) months);
  g_strfreev (self->months);
  self->months = g_steal_pointer (&months);
  /* The session is not set while the view is made: no reload yet. */
  g_signal_handlers_block_by_func (self->month_drop_down, on_month_drop_down_selected_cb, self);
  gtk_drop_down_set_model (self->month_drop_down, G_LIST_MODEL (names));
  gtk_drop_down_set_selected (self->month_drop_down, position);
  g_signal_handlers_unblock_by_func (self->month_drop_down, on_month_drop_down_selected_cb, self);
}

static void
reload (SzRecordFiguresView *self)
{
  guint selected;
  const char *month;
  g_autoptr(GError) error = NULL;
  g_autofree char *summary = NULL;
  int row;

  self->dirty = FALSE;
  load_months (self);
  selected = gtk_drop_down_get_selected (self->month_drop_down);
  month = self->months && selected < g_strv_length (self->months) ? self->months[selected] : NULL;
  g_clear_pointer (&self->stats, sz_record_stats_free);
  if (month != NULL)
    self->stats = sz_record_stats (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                   month, 0, &error);
  if (self->stats == NULL && error != NULL)
    {
      gtk_label_set_text (self->summary_label, error->message);
      gtk_widget_add_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  else if (self->stats != NULL)
    {
      const SzRecordFigures *f = &self->stats->total;
      g_autofree char *received = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                                /* Translators: %u records; %s is a month (2026-11) */
                                                                "%u record received in %s",
                                                                "%u records received in %s", f->received),
                                                   f->received, month);
      g_autofree char *open = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u still open", "%u still open",
                                                            f->open), f->open);
      g_autofree char *overdue = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u overdue", "%u overdue",
                                                               f->overdue), f->overdue);

      /* Translators: the figures' summary: "12 records received in 2026-11", "3 still open", "1 overdue" */
      summary = g_strdup_printf (_("%s; %s, %s."), received, open, overdue);
      gtk_label_set_text (self->summary_label, summary);
      gtk_widget_remove_css_class (GTK_WIDGET (self->summary_label), "error");
    }
  show_rates (self);
  clear_grid (self->tables_grid);
  row = fill_table (self->tables_grid, 0, _("By Grid"), self->stats ? self->stats->by_grid : NULL, _("Grid"),
                    /* Translators: the row of the figures by grid for records of the community or of a
                       compound spanning grids */
                    _("No grid"));
  row = fill_table (self->tables_grid, row, _("By Category"), self->stats ? self->stats->by_category : NULL,
                    _("Category"), "");
  fill_table (self->tables_grid, row, _("By Channel"), self->stats ? self->stats->by_channel : NULL, _("Channel"), "");
  gtk_widget_set_sensitive (GTK_WIDGET (self->report_button), self->stats != NULL);
  drop_chart (self);
}

static cairo_surface_t *
record_chart (SzRecordFiguresView *self,
              int                  width,
              int                  height,
              GError             **error)
{
  g_autoptr(SzPage) page = sz_report_chart_page (self->text, self->stats, width / PX_PER_PT, height / PX_PER_PT);
  cairo_rectangle_t extents = { 0, 0, width, height };
  cairo_surface_t *surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, &extents);
  cairo_t *cr = cairo_create (surface);
  gboolean ok;

  cairo_scale (cr, PX_PER_PT, PX_PER_PT);
  ok = sz_render_cairo_page (cr, page, error);
  cairo_destroy (cr);
  if (!ok)
    g_clear_pointer (&surface, cairo_surface_destroy);
  return surface;
}

static void
draw_chart_cb (GtkDrawingArea *area,
               cairo_t        *cr,
               int             width,
               int             height,
               gpointer        user_data)
{
  SzRecordFiguresView *self = SZ_RECORD_FIGURES_VIEW (user_data);
  g_autoptr(GError) error = NULL;

  if (self->stats == NULL || width < 40 || height < 40)
    return;
  if (self->text == NULL)
    {
      gtk_label_set_text (self->chart_error_label, self->fonts_error ? self->fonts_error->message : "");
      gtk_widget_set_visible (GTK_WIDGET (self->chart_error_label), TRUE);
      return;
    }
  /* Laid out again only when the size or the figures change. */
  if (self->chart == NULL || self->chart_width != width || self->chart_height != height)
    {
      g_clear_pointer (&self->chart, cairo_surface_destroy);
      self->chart = record_chart (self, width, height, &error);
      self->chart_width = width;
      self->chart_height = height;
      gtk_widget_set_visible (GTK_WIDGET (self->chart_error_label), self->chart == NULL);
      if (self->chart == NULL)
        {
          /* Drawing happens while GTK paints, where no dialog may open. */
          gtk_label_set_text (self->chart_error_label, error->message);
          return;
        }
    }
  cairo_set_source_surface (cr, self->chart, 0, 0);
  cairo_paint (cr);
}

static void
on_month_drop_down_selected_cb (SzRecordFiguresView *self)
{
  if (self->session != NULL)
    reload (self);
}

/* The report */

gboolean
sz_record_figures_view_write_report (SzRecordFiguresView *self,
                                     const char          *path,
                                     GError             **error)
{
  const char *month;

  g_return_val_if_fail (SZ_IS_RECORD_FIGURES_VIEW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  month = sz_record_figures_view_get_month (self);
  return sz_report_write_month (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                month, 0, path, error);
}

static gboolean
write_report_cb (const char  *path,
                 gpointer     data,
                 GError     **error)
{
  return sz_record_figures_view_write_report (SZ_RECORD_FIGURES_VIEW (data), path, error);
}

static void
on_report_button_clicked_cb (SzRecordFiguresView *self)
{
  g_autofree char *name = NULL;

  /* Translators: the monthly report's file name; %s is the month (2026-11) */
  name = g_strdup_printf (_("Residents' issues %s.pdf"), sz_record_figures_view_get_month (self));
  sz_save_pdf (GTK_WIDGET (self), sz_session_get_settings (self->session), _("Save the Monthly Report"), name,
               _("The monthly report is saved"), _("The report could not be saved"), write_report_cb,
               g_object_ref (self), g_object_unref);
}

/* Public */

gboolean
sz_record_figures_view_set_month (SzRecordFiguresView *self,
                                  const char          *month)
{
  g_return_val_if_fail (SZ_IS_RECORD_FIGURES_VIEW (self), FALSE);

  for (guint i = 0; self->months != NULL && self->months[i] != NULL; i++)
    if (g_strcmp0 (self->months[i], month) == 0)
      {
        if (gtk_drop_down_get_selected (self->month_drop_down) != i)
          gtk_drop_down_set_selected (self->month_drop_down, i);
        else if (self->dirty)
          reload (self);
        return TRUE;
      }
  return FALSE;
}

const char *
sz_record_figures_view_get_month (SzRecordFiguresView *self)
{
  guint selected;

  g_return_val_if_fail (SZ_IS_RECORD_FIGURES_VIEW (self), NULL);

  selected = gtk_drop_down_get_selected (self->month_drop_down);
  if (self->months == NULL || selected >= g_strv_length (self->months))
    return NULL;
  return self->months[selected];
}

const SzRecordStats *
sz_record_figures_view_get_stats (SzRecordFiguresView *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_FIGURES_VIEW (self), NULL);

  if (self->dirty)
    reload (self);
  return self->stats;
}

const char *
sz_record_figures_view_get_rate_text (SzRecordFiguresView *self,
                                      guint                which)
{
  g_return_val_if_fail (SZ_IS_RECORD_FIGURES_VIEW (self), NULL);
  g_return_val_if_fail (which < N_RATES, NULL);

  if (self->dirty)
    reload (self);
  return gtk_label_get_text (self->rate_labels[which]);
}

static void
on_session_changed_cb (SzRecordFiguresView *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sz_record_figures_view_map (GtkWidget *widget)
{
  SzRecordFiguresView *self = SZ_RECORD_FIGURES_VIEW (widget);

  GTK_WIDGET_CLASS (sz_record_figures_view_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    reload (self);
}

static void
sz_record_figures_view_dispose (GObject *object)
{
  SzRecordFiguresView *self = SZ_RECORD_FIGURES_VIEW (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORD_FIGURES_VIEW);
  /* The template's top child has no binding: dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  g_clear_pointer (&self->stats, sz_record_stats_free);
  g_clear_pointer (&self->chart, cairo_surface_destroy);
  g_clear_pointer (&self->text, sz_text_free);
  g_clear_pointer (&self->fonts, sz_fonts_free);
  g_clear_error (&self->fonts_error);
  g_clear_pointer (&self->months, g_strfreev);
  G_OBJECT_CLASS (sz_record_figures_view_parent_class)->dispose (object);
}

static void
sz_record_figures_view_class_init (SzRecordFiguresViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_record_figures_view_dispose;
  widget_class->map = sz_record_figures_view_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-record-figures.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, month_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, report_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, rates_grid);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, chart_area);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, chart_error_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordFiguresView, tables_grid);
  gtk_widget_class_bind_template_callback (widget_class, on_month_drop_down_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_button_clicked_cb);
}

/* The three rates side by side: name, value, counts, and the definition
 * in words, where it is read rather than hidden in a tooltip. */
static void
build_rates (SzRecordFiguresView *self)
{
  const char *names[N_RATES] = { _("Response rate"), _("Resolution rate"), _("Satisfaction rate") };
  const char *definitions[N_RATES] = {
    sz_record_response_definition (), sz_record_resolution_definition (), sz_record_satisfaction_definition (),
  };

  for (Rate r = 0; r < N_RATES; r++)
    {
      GtkWidget *label = gtk_label_new (names[r]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "heading");
      gtk_grid_attach (self->rates_grid, label, (int) r, 0, 1, 1);

      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "page-title");
      gtk_widget_add_css_class (label, "numeric");
      gtk_grid_attach (self->rates_grid, label, (int) r, 1, 1, 1);
      self->rate_labels[r] = GTK_LABEL (label);

      label = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_grid_attach (self->rates_grid, label, (int) r, 2, 1, 1);
      self->count_labels[r] = GTK_LABEL (label);

      label = gtk_label_new (definitions[r]);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_yalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_valign (label, GTK_ALIGN_START);
      gtk_widget_set_margin_top (label, 4);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_add_css_class (label, "caption");
      gtk_grid_attach (self->rates_grid, label, (int) r, 3, 1, 1);
    }
}

static void
sz_record_figures_view_init (SzRecordFiguresView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_rates (self);
  gtk_drawing_area_set_draw_func (self->chart_area, draw_chart_cb, self, NULL);

  load_months (self);

  self->fonts = sz_fonts_new (&self->fonts_error);
  if (self->fonts != NULL)
    self->text = sz_text_new (self->fonts);
  self->dirty = TRUE;
}

GtkWidget *
sz_record_figures_view_new (SzSession *session)
{
  SzRecordFiguresView *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_RECORD_FIGURES_VIEW, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}
