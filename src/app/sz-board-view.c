/* sz-board-view.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-board-view-private.h"
#include "sz-export-dialog.h"
#include "sz-fonts.h"
#include "sz-print-operation.h"
#include "sz-stale-dialog.h"
#include "sz-text.h"

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

static void
on_print_button_clicked_cb (SzBoardView *self)
{
  sz_board_view_print (self);
}

static void
on_print_done_cb (SzBoardView *self)
{
  _sz_board_view_invalidate (self, FALSE);
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
  _sz_board_view_invalidate (self, TRUE);
}

static void
on_place_selected_cb (SzBoardView *self)
{
  _sz_board_view_invalidate (self, FALSE);
}

static void
sz_board_view_map (GtkWidget *widget)
{
  SzBoardView *self = SZ_BOARD_VIEW (widget);

  GTK_WIDGET_CLASS (sz_board_view_parent_class)->map (widget);
  _sz_board_view_ensure_layout (self);
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
  _sz_board_view_clear_board (self);
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
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, refused_label);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, stack);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, scroller);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, area);
  gtk_widget_class_bind_template_child (widget_class, SzBoardView, empty_label);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_stale_button_clicked_cb);
  _sz_board_view_class_options_init (widget_class);
  _sz_board_view_class_preview_init (widget_class);
}

static void
sz_board_view_init (SzBoardView *self)
{
  self->updating = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  _sz_board_view_options_init (self);
  _sz_board_view_preview_init (self);
  self->updating = FALSE;

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

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_BOARD_VIEW, NULL);
  self->session = g_object_ref (session);
  _sz_board_view_follow_settings (self);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "place-selected", G_CALLBACK (on_place_selected_cb), self, G_CONNECT_SWAPPED);
  _sz_board_view_update_stale_button (self);
  return GTK_WIDGET (self);
}

SzPage *
sz_board_view_get_page (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), NULL);
  _sz_board_view_ensure_layout (self);
  return self->page;
}

gboolean
sz_board_view_get_ref (SzBoardView *self,
                       SzBoardRef  *ref)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), FALSE);
  _sz_board_view_ensure_layout (self);
  if (self->has_ref && ref != NULL)
    *ref = self->ref;
  return self->has_ref;
}

const char *
sz_board_view_get_warning (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), NULL);
  _sz_board_view_ensure_layout (self);
  return self->warning ? self->warning : "";
}

guint
sz_board_view_get_n_stale (SzBoardView *self)
{
  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), 0);
  _sz_board_view_ensure_layout (self);
  return self->n_stale;
}

void
sz_board_view_print (SzBoardView *self)
{
  g_autoptr(SzPrintOperation) operation = NULL;
  g_autoptr(GArray) refs = NULL;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  _sz_board_view_ensure_layout (self);
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
  sz_print_operation_set_layout (operation, _sz_board_view_current_paper (self),
                                 _sz_board_view_current_landscape (self), _sz_board_view_current_style (self));
  /* The sheet chosen may be another: the notice under the board follows. */
  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  sz_print_operation_run_dialog (operation, get_window (self));
}

GtkWidget *
sz_board_view_export (SzBoardView *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SZ_IS_BOARD_VIEW (self), NULL);

  _sz_board_view_ensure_layout (self);
  dialog = sz_export_dialog_new (get_window (self), self->session,
                                 sz_session_get_place_kind (self->session),
                                 sz_session_get_place_id (self->session));
  sz_export_dialog_set_layout (SZ_EXPORT_DIALOG (dialog), _sz_board_view_current_paper (self),
                               _sz_board_view_current_landscape (self), _sz_board_view_current_style (self));
  /* The kind of board on screen is the one being worked on: a building's
   * board shown, building boards chosen (the dialog's own choice, unit
   * boards, stays when nothing is shown). */
  if (self->has_ref)
    sz_export_dialog_set_kinds (SZ_EXPORT_DIALOG (dialog), 1u << self->ref.kind);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

void
sz_board_view_show_stale (SzBoardView *self)
{
  GtkWidget *dialog;

  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  dialog = sz_stale_dialog_new (get_window (self), self->session);
  sz_stale_dialog_set_layout (SZ_STALE_DIALOG (dialog), _sz_board_view_current_paper (self),
                              _sz_board_view_current_landscape (self), _sz_board_view_current_style (self));
  gtk_window_present (GTK_WINDOW (dialog));
}
