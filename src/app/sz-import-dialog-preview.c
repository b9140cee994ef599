/* sz-import-dialog-preview.c: the file's rows under its columns' headers
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-import-dialog-private.h"
#include "sz-table.h"

/* The preview shows this many data rows at a time: enough to see what the
 * file is, few enough that a street office's 40,000 rows cost nothing. */
#define PAGE_ROWS 20
/* Rows above the one a problem takes you to, for context. */
#define CONTEXT_ROWS 3

/* The cell marks: a problem's own cell (column + 1), and its row's number
 * (0), which shows the worst of the row.  ERROR < WARNING < FIXED. */
static gpointer
mark_key (SzImportDialog *self,
          guint           row,
          int             column)
{
  return GUINT_TO_POINTER (row * (self->n_columns + 1) + (guint) (column + 1));
}

static void
mark (SzImportDialog  *self,
      gpointer         key,
      SzImportProblem *problem)
{
  SzImportProblem *old = g_hash_table_lookup (self->marks, key);

  if (old == NULL || problem->severity < old->severity)
    g_hash_table_insert (self->marks, key, problem);
}

static const char *
severity_class (SzImportSeverity severity)
{
  switch (severity)
    {
    case SZ_IMPORT_PROBLEM_ERROR: return "import-error";
    case SZ_IMPORT_PROBLEM_WARNING: return "import-warning";
    case SZ_IMPORT_PROBLEM_FIXED: return "import-fixed";
    default: g_assert_not_reached ();
    }
}

/* A column's header shows the worst problem of the column as a whole
 * (a header used twice, a column not imported). */
static void
mark_headers (SzImportDialog *self,
              GPtrArray      *problems)
{
  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      GtkWidget *box = gtk_widget_get_parent (g_ptr_array_index (self->dropdowns, c));
      SzImportProblem *worst = NULL;

      for (guint i = 0; problems != NULL && i < problems->len; i++)
        {
          SzImportProblem *p = g_ptr_array_index (problems, i);

          if (p->row < 0 && p->column == (int) c && (worst == NULL || p->severity < worst->severity))
            worst = p;
        }
      for (guint s = SZ_IMPORT_PROBLEM_ERROR; s <= SZ_IMPORT_PROBLEM_FIXED; s++)
        gtk_widget_remove_css_class (box, severity_class (s));
      if (worst != NULL)
        gtk_widget_add_css_class (box, severity_class (worst->severity));
      gtk_widget_set_tooltip_text (gtk_widget_get_first_child (box),
                                   worst ? worst->message : sz_table_get_header (sz_import_get_table (self->import), c));
    }
}

/* Marks the plan's @problems on their cells and headers; the cells show
 * them from the next _sz_import_dialog_update_cells(). */
void
_sz_import_dialog_mark_problems (SzImportDialog *self,
                                 GPtrArray      *problems)
{
  g_hash_table_remove_all (self->marks);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SzImportProblem *problem = g_ptr_array_index (problems, i);

      if (problem->row >= 0)
        {
          mark (self, mark_key (self, (guint) problem->row, -1), problem);
          if (problem->column >= 0)
            mark (self, mark_key (self, (guint) problem->row, problem->column), problem);
        }
    }
  mark_headers (self, problems);
}

static GtkLabel *
cell_at (SzImportDialog *self,
         guint           page_row,
         guint           column)
{
  return g_ptr_array_index (self->cells, page_row * (self->n_columns + 1) + column);
}

/* The shown rows' text and marks, from self->first_row. */
void
_sz_import_dialog_update_cells (SzImportDialog *self)
{
  SzTable *table = sz_import_get_table (self->import);
  guint n_rows = sz_table_get_n_rows (table);
  guint last;
  g_autofree char *text = NULL;

  for (guint r = 0; r < PAGE_ROWS; r++)
    {
      guint row = self->first_row + r;

      for (guint c = 0; c <= self->n_columns; c++)
        {
          GtkLabel *label = cell_at (self, r, c);
          SzImportProblem *problem;
          g_autofree char *value = NULL;

          gtk_widget_set_visible (GTK_WIDGET (label), row < n_rows);
          if (row >= n_rows)
            continue;
          if (c == 0)
            value = g_strdup_printf ("%u", sz_table_get_line (table, row));
          else
            /* A cell with line breaks, on one line. */
            value = g_strdelimit (g_strdup (sz_table_get (table, row, c - 1)), "\r\n", ' ');
          gtk_label_set_text (label, value);
          for (guint s = SZ_IMPORT_PROBLEM_ERROR; s <= SZ_IMPORT_PROBLEM_FIXED; s++)
            gtk_widget_remove_css_class (GTK_WIDGET (label), severity_class (s));
          problem = g_hash_table_lookup (self->marks, mark_key (self, row, (int) c - 1));
          if (problem != NULL)
            gtk_widget_add_css_class (GTK_WIDGET (label), severity_class (problem->severity));
          gtk_widget_set_tooltip_text (GTK_WIDGET (label),
                                       problem ? (c == 0 ? problem->text : problem->message)
                                               : c > 0 && *value ? value : NULL);
          if ((int) row == self->current_row)
            gtk_widget_add_css_class (GTK_WIDGET (label), "import-current");
          else
            gtk_widget_remove_css_class (GTK_WIDGET (label), "import-current");
        }
    }

  last = MIN (self->first_row + PAGE_ROWS, n_rows);
  if (n_rows == 0)
    text = g_strdup (_("The file has no rows under its header."));
  else if (self->first_row == 0 && last == n_rows)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "The %u data row is shown.", "All %u data rows are shown.",
                                         n_rows), n_rows);
  else
    /* Translators: the rows the preview shows, by the spreadsheet's row
       numbers, and how many data rows the file has */
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Rows %u to %u are shown; the file has %u data row.",
                                         "Rows %u to %u are shown; the file has %u data rows.", n_rows),
                            sz_table_get_line (table, self->first_row), sz_table_get_line (table, last - 1),
                            n_rows);
  gtk_label_set_text (self->rows_label, text);
  gtk_widget_set_sensitive (self->earlier_button, self->first_row > 0);
  gtk_widget_set_sensitive (self->later_button, last < n_rows);
}

/* Scrolls the preview to the current row (and column), once it is laid
 * out: a tick comes after the layout of the frame that changed it. */
static gboolean
scroll_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SzImportDialog *self = user_data;
  guint page_row = (guint) self->current_row - self->first_row;
  graphene_rect_t bounds;

  self->scroll_tick = 0;
  if (self->import == NULL)
    return G_SOURCE_REMOVE;
  if (self->current_row < 0 && self->current_column >= 0
      && gtk_widget_compute_bounds (gtk_widget_get_parent (g_ptr_array_index (self->dropdowns, self->current_column)),
                                    GTK_WIDGET (self->preview_grid), &bounds))
    {
      /* A column's problem: to its header. */
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->preview_scroller), 0);
      gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->preview_scroller),
                                 bounds.origin.x, bounds.origin.x + bounds.size.width);
      return G_SOURCE_REMOVE;
    }
  if (self->current_row < 0 || page_row >= PAGE_ROWS)
    return G_SOURCE_REMOVE;
  if (gtk_widget_compute_bounds (GTK_WIDGET (cell_at (self, page_row, 0)), GTK_WIDGET (self->preview_grid), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_vadjustment (self->preview_scroller),
                               bounds.origin.y, bounds.origin.y + bounds.size.height);
  if (self->current_column >= 0
      && gtk_widget_compute_bounds (GTK_WIDGET (cell_at (self, page_row, self->current_column + 1)),
                                    GTK_WIDGET (self->preview_grid), &bounds))
    gtk_adjustment_clamp_page (gtk_scrolled_window_get_hadjustment (self->preview_scroller),
                               bounds.origin.x, bounds.origin.x + bounds.size.width);
  return G_SOURCE_REMOVE;
}

/* Shows a data row in the preview, with the rows just above it, marked. */
void
_sz_import_dialog_show_row (SzImportDialog *self,
                            int             row,
                            int             column)
{
  guint n_rows;

  if (self->import == NULL || (row < 0 && column < 0))
    return;
  n_rows = sz_table_get_n_rows (sz_import_get_table (self->import));
  if (row >= 0 && (guint) row >= n_rows)
    return;
  if (row < 0)
    {
      self->current_row = -1;
      self->current_column = column < (int) self->n_columns ? column : -1;
      _sz_import_dialog_update_cells (self);
      if (self->scroll_tick == 0)
        self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->preview_grid), scroll_tick_cb, self, NULL);
      return;
    }
  self->current_row = row;
  self->current_column = column < (int) self->n_columns ? column : -1;
  if ((guint) row < self->first_row || (guint) row >= self->first_row + PAGE_ROWS)
    {
      self->first_row = (guint) row > CONTEXT_ROWS ? (guint) row - CONTEXT_ROWS : 0;
      if (n_rows > PAGE_ROWS)
        self->first_row = MIN (self->first_row, n_rows - PAGE_ROWS);
    }
  _sz_import_dialog_update_cells (self);
  if (self->scroll_tick == 0)
    self->scroll_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self->preview_grid), scroll_tick_cb, self, NULL);
}

static void
page_by (SzImportDialog *self,
         int             delta)
{
  guint n_rows = sz_table_get_n_rows (sz_import_get_table (self->import));
  gint64 first = (gint64) self->first_row + delta;

  first = MIN (first, (gint64) n_rows - PAGE_ROWS);
  self->first_row = (guint) MAX (first, 0);
  _sz_import_dialog_update_cells (self);
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->preview_scroller), 0);
}

static void
on_earlier_button_clicked_cb (SzImportDialog *self)
{
  page_by (self, -PAGE_ROWS);
}

static void
on_later_button_clicked_cb (SzImportDialog *self)
{
  page_by (self, PAGE_ROWS);
}

static void
on_field_selected_cb (SzImportDialog *self,
                      GParamSpec     *pspec,
                      GtkDropDown    *dropdown)
{
  int column = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dropdown), "column"));
  guint selected = gtk_drop_down_get_selected (dropdown);
  Mapping m = { -1, column };

  if (self->updating || self->import == NULL || selected == GTK_INVALID_LIST_POSITION)
    return;
  if (selected == 0)
    {
      /* "Not imported": the column's field loses it. */
      m.field = sz_import_get_field (self->import, (guint) column);
      m.column = -1;
      if (m.field < 0)
        return;
    }
  else
    m.field = (int) selected - 1;
  sz_import_set_column (self->import, m.field, m.column);
  g_array_append_val (self->hand, m);
  _sz_import_dialog_refresh (self);
}

/* The header row (each column's header and its meaning) and the pool of
 * cell labels, once per table read. */
void
_sz_import_dialog_build_preview (SzImportDialog *self)
{
  SzTable *table = sz_import_get_table (self->import);
  GtkWidget *child;
  GtkWidget *corner;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->preview_grid))) != NULL)
    gtk_grid_remove (self->preview_grid, child);
  g_ptr_array_set_size (self->dropdowns, 0);
  g_ptr_array_set_size (self->cells, 0);
  self->n_columns = sz_table_get_n_columns (table);
  self->first_row = 0;
  self->current_row = -1;

  /* Translators: the preview's first column: the spreadsheet's row numbers */
  corner = gtk_label_new (_("Row"));
  gtk_widget_add_css_class (corner, "import-header");
  gtk_widget_add_css_class (corner, "import-row-number");
  gtk_label_set_yalign (GTK_LABEL (corner), 0);
  gtk_grid_attach (self->preview_grid, corner, 0, 0, 1, 1);
  for (guint c = 0; c < self->n_columns; c++)
    {
      const char *header = sz_table_get_header (table, c);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
      GtkWidget *label = gtk_label_new (*header ? header : _("(no header)"));
      GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (g_object_ref (self->field_model)), NULL);
      g_autofree char *name = g_strdup_printf ("column-%u", c);
      /* Translators: accessible name of the dropdown under a column's header; %s: the header */
      g_autofree char *what = g_strdup_printf (_("What “%s” holds"), header);

      gtk_widget_add_css_class (box, "import-header");
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
      gtk_widget_set_tooltip_text (label, header);
      gtk_widget_add_css_class (label, *header ? "section-title" : "dim-label");
      gtk_widget_set_name (dropdown, name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, what, -1);
      g_object_set_data (G_OBJECT (dropdown), "column", GINT_TO_POINTER (c));
      g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_field_selected_cb), self,
                               G_CONNECT_SWAPPED);
      gtk_box_append (GTK_BOX (box), label);
      gtk_box_append (GTK_BOX (box), dropdown);
      gtk_grid_attach (self->preview_grid, box, (int) c + 1, 0, 1, 1);
      g_ptr_array_add (self->dropdowns, dropdown);
    }
  for (guint r = 0; r < PAGE_ROWS; r++)
    for (guint c = 0; c <= self->n_columns; c++)
      {
        GtkWidget *label = gtk_label_new (NULL);

        gtk_widget_add_css_class (label, "import-cell");
        if (c == 0)
          {
            gtk_widget_add_css_class (label, "import-row-number");
            gtk_label_set_xalign (GTK_LABEL (label), 1);
          }
        else
          {
            gtk_label_set_xalign (GTK_LABEL (label), 0);
            gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
            gtk_label_set_max_width_chars (GTK_LABEL (label), 20);
          }
        gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);
        gtk_grid_attach (self->preview_grid, label, (int) c, (int) r + 1, 1, 1);
        g_ptr_array_add (self->cells, label);
      }
}

/* Each dropdown shows what its column is read as, and why.  The caller
 * sets self->updating: these are the import's choices, not the user's. */
void
_sz_import_dialog_update_mapping (SzImportDialog *self)
{
  g_assert (self->updating);

  for (guint c = 0; c < self->dropdowns->len; c++)
    {
      GtkWidget *dropdown = g_ptr_array_index (self->dropdowns, c);
      int field = sz_import_get_field (self->import, c);

      gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), field < 0 ? 0 : (guint) field + 1);
      gtk_widget_set_tooltip_text (dropdown, field < 0 ? _("This column is not imported")
                                             : sz_import_column_is_auto (self->import, field)
                                               ? _("Recognised from the header")
                                               : _("Chosen by you"));
    }
}

void
_sz_import_dialog_class_preview_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_earlier_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_later_button_clicked_cb);
}
