/* sz-export-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-export-dialog-private.h"
#include "sz-tree.h"

G_DEFINE_FINAL_TYPE (SzExportDialog, sz_export_dialog, GTK_TYPE_WINDOW)

enum
{
  FINISHED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *kind_titles[SZ_N_BOARD_KINDS] = {
  N_("Unit boards"),
  N_("Building boards"),
  N_("Grid boards"),
  N_("Community board"),
};

static GtkCheckButton *
kind_check (SzExportDialog *self,
            SzBoardKind     kind)
{
  GtkCheckButton *checks[] = { self->unit_check, self->building_check, self->grid_check, self->community_check };

  return checks[kind];
}

guint
_sz_export_dialog_get_kinds (SzExportDialog *self)
{
  guint kinds = 0;

  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    if (self->n_boards[k] > 0 && gtk_check_button_get_active (kind_check (self, k)))
      kinds |= 1u << k;
  return kinds;
}

static void
update_export_button (SzExportDialog *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->export_button),
                            self->task == NULL
                            && (self->refs != NULL ? self->refs->len > 0 : _sz_export_dialog_get_kinds (self) != 0));
}

static void
on_kind_toggled_cb (SzExportDialog *self)
{
  update_export_button (self);
}

/* Counts the place's boards of each kind, for the checkboxes; kinds it has
 * none of are not offered. */
static void
load_place (SzExportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = sz_board_source_new (sz_session_get_db (self->session),
                                                         sz_session_get_community_id (self->session), &error);
  SzTreeNode *node = source ? sz_board_source_find (source, self->place_kind, self->place_id) : NULL;
  g_autofree char *text = NULL;

  if (source == NULL)
    {
      gtk_label_set_text (self->options_error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->options_error_label), TRUE);
    }
  if (node != NULL)
    {
      SzLevel levels[] = { [SZ_NODE_GRID] = SZ_LEVEL_GRID, [SZ_NODE_BUILDING] = SZ_LEVEL_BUILDING,
                           [SZ_NODE_UNIT] = SZ_LEVEL_UNIT };

      if (node->kind == SZ_NODE_GRID || node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
        self->place_title = sz_place_label (sz_session_get_db (self->session), levels[node->kind], node->id, NULL);
      if (self->place_title == NULL)
        self->place_title = g_strdup (node->label);
      for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
        {
          g_autoptr(GArray) refs = sz_board_source_select (source, node, 1u << k);

          self->n_boards[k] = refs->len;
        }
    }
  if (self->place_title == NULL)
    self->place_title = g_strdup ("");

  /* Translators: %s is a place: "丰和林苑 2栋" or "丰和社区" */
  text = g_strdup_printf (_("The boards of %s and of every place in it."), self->place_title);
  gtk_label_set_text (self->place_label, text);
  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    {
      g_autofree char *label = NULL;

      /* Translators: a kind of boards and how many the place has: "Unit boards (148)" */
      label = g_strdup_printf (_("%s (%u)"), _(kind_titles[k]), self->n_boards[k]);
      gtk_check_button_set_label (kind_check (self, k), label);
      gtk_widget_set_visible (GTK_WIDGET (kind_check (self, k)), self->n_boards[k] > 0);
    }
  /* Unit boards by default, the ones printed most; else the first kind
   * the place has. */
  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    if (self->n_boards[k] > 0)
      {
        gtk_check_button_set_active (kind_check (self, k), TRUE);
        break;
      }
}

static void
update_layout_label (SzExportDialog *self)
{
  g_autofree char *paper = NULL;
  g_autofree char *text = NULL;
  SzPaper p;

  if (g_ascii_strcasecmp (self->paper, "A4") == 0 || g_ascii_strcasecmp (self->paper, "A3") == 0)
    paper = g_ascii_strup (self->paper, -1);
  else if (sz_paper_parse (self->paper, FALSE, &p, NULL))
    /* Translators: a paper size in millimetres, width × height */
    paper = g_strdup_printf (_("%.0f × %.0f mm"), p.width * 25.4 / 72, p.height * 25.4 / 72);
  else
    paper = g_strdup (self->paper);
  /* Translators: paper, orientation ("portrait"), style ("Party red") */
  text = g_strdup_printf (_("%s, %s, %s: as chosen above the preview."), paper,
                          self->landscape ? _("landscape") : _("portrait"), sz_board_style_title (self->style));
  gtk_label_set_text (self->layout_label, text);
}

void
_sz_export_dialog_emit_finished (SzExportDialog *self,
                                 gboolean        success)
{
  g_signal_emit (self, signals[FINISHED], 0, success);
}

/* Buttons */

static void
on_close_button_clicked_cb (SzExportDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
on_cancel_button_clicked_cb (SzExportDialog *self)
{
  sz_export_dialog_cancel (self);
}

static gboolean
sz_export_dialog_close_request (GtkWindow *window)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (window);

  /* Closing during an export stops it; what was written stays listed in
   * the files, and "finished" still comes. */
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  return GTK_WINDOW_CLASS (sz_export_dialog_parent_class)->close_request (window);
}

static void
sz_export_dialog_dispose (GObject *object)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (object);

  self->disposed = TRUE;
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (self->chooser);
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_EXPORT_DIALOG);
  G_OBJECT_CLASS (sz_export_dialog_parent_class)->dispose (object);
}

static void
sz_export_dialog_finalize (GObject *object)
{
  SzExportDialog *self = SZ_EXPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->refs, g_array_unref);
  g_free (self->place_title);
  g_free (self->paper);
  g_free (self->folder);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->task);
  if (self->has_summary)
    sz_export_summary_clear (&self->summary);
  G_OBJECT_CLASS (sz_export_dialog_parent_class)->finalize (object);
}

static void
sz_export_dialog_class_init (SzExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_export_dialog_dispose;
  object_class->finalize = sz_export_dialog_finalize;
  window_class->close_request = sz_export_dialog_close_request;

  /**
   * SzExportDialog::finished:
   * @success: whether every board chosen was written
   */
  signals[FINISHED] = g_signal_new ("finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_BOOLEAN);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, export_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, place_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, kinds_box);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, unit_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, building_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, grid_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, community_check);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, one_file_radio);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, per_board_radio);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, layout_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, engine_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, options_error_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, progress_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, result_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, files_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, open_folder_button);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, phones_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, vacancies_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, fonts_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, qr_label);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, counts_grid);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, problems_box);
  gtk_widget_class_bind_template_child (widget_class, SzExportDialog, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_close_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_cancel_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_toggled_cb);
  _sz_export_dialog_class_run_init (widget_class);
  _sz_export_dialog_class_summary_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_export_dialog_init (SzExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paper = g_strdup ("A4");
  self->style = SZ_STYLE_RED;
  self->engine = SZ_ENGINE_AUTO;
}

GtkWidget *
sz_export_dialog_new (GtkWindow  *parent,
                      SzSession  *session,
                      SzNodeKind  kind,
                      gint64      place_id)
{
  SzExportDialog *self;
  GSettings *settings;
  g_autofree char *engine = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->place_kind = kind;
  self->place_id = place_id;
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (settings, "paper");

      self->engine = g_settings_get_enum (settings, "engine") == SZ_ENGINE_CAIRO ? SZ_ENGINE_CAIRO : SZ_ENGINE_AUTO;
      sz_export_dialog_set_layout (self, paper, g_settings_get_boolean (settings, "landscape"),
                                   g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN
                                                                                             : SZ_STYLE_RED);
    }
  if (self->engine == SZ_ENGINE_CAIRO)
    engine = g_strdup (_("PDF method: through cairo, slower (set in Preferences)."));
  else
    engine = g_strdup (_("PDF method: standard, fast and small for one board or thousands (set in Preferences)."));
  gtk_label_set_text (self->engine_label, engine);
  load_place (self);
  update_layout_label (self);
  update_export_button (self);
  return GTK_WIDGET (self);
}

void
sz_export_dialog_set_kinds (SzExportDialog *self,
                            guint           kinds)
{
  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));

  for (guint k = 0; k < SZ_N_BOARD_KINDS; k++)
    gtk_check_button_set_active (kind_check (self, k), (kinds & (1u << k)) != 0);
}

guint
sz_export_dialog_get_kinds (SzExportDialog *self)
{
  g_return_val_if_fail (SZ_IS_EXPORT_DIALOG (self), 0);
  return _sz_export_dialog_get_kinds (self);
}

void
sz_export_dialog_set_refs (SzExportDialog *self,
                           GArray         *refs)
{
  g_autofree char *text = NULL;

  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));
  g_return_if_fail (refs != NULL);

  g_clear_pointer (&self->refs, g_array_unref);
  self->refs = g_array_sized_new (FALSE, FALSE, sizeof (SzBoardRef), refs->len);
  g_array_append_vals (self->refs, refs->data, refs->len);
  /* Translators: the stale boards about to be exported again */
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "The %u board whose content changed since it was printed.",
                                       "The %u boards whose content changed since they were printed.", refs->len),
                          refs->len);
  gtk_label_set_text (self->place_label, text);
  gtk_widget_set_visible (self->kinds_box, FALSE);
  g_free (self->place_title);
  /* Translators: the suggested file name (without .pdf) of a reprint */
  self->place_title = g_strdup (_("boards-to-reprint"));
  update_export_button (self);
}

void
sz_export_dialog_set_one_per_board (SzExportDialog *self,
                                    gboolean        one)
{
  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));
  gtk_check_button_set_active (one ? self->per_board_radio : self->one_file_radio, TRUE);
}

void
sz_export_dialog_set_layout (SzExportDialog *self,
                             const char     *paper,
                             gboolean        landscape,
                             SzBoardStyle    style)
{
  SzPaper p;

  g_return_if_fail (SZ_IS_EXPORT_DIALOG (self));

  g_free (self->paper);
  self->paper = g_strdup (paper != NULL && sz_paper_parse (paper, landscape, &p, NULL) ? paper : "A4");
  self->landscape = landscape;
  self->style = style;
  update_layout_label (self);
}

const SzExportSummary *
sz_export_dialog_get_summary (SzExportDialog *self)
{
  g_return_val_if_fail (SZ_IS_EXPORT_DIALOG (self), NULL);
  return self->has_summary ? &self->summary : NULL;
}
