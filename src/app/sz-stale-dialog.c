/* sz-stale-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-export.h"
#include "sz-export-dialog.h"
#include "sz-print-operation.h"
#include "sz-stale-dialog.h"

struct _SzStaleDialog
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkButton    *reprint_button;
  GtkButton    *print_button;
  GtkLabel     *intro_label;
  GtkWidget    *scroller;
  GtkListBox   *list;
  GtkLabel     *error_label;

  /* Owned references */
  SzSession    *session;
  GArray       *refs;
  char         *paper;

  gboolean      landscape;
  SzBoardStyle  style;
};

G_DEFINE_FINAL_TYPE (SzStaleDialog, sz_stale_dialog, GTK_TYPE_WINDOW)


static GtkWidget *
row_new (const SzBoardRef *ref,
         const char       *place)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *kind = gtk_label_new (sz_board_kind_title (ref->kind));
  GtkWidget *label = gtk_label_new (place);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_MIDDLE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_tooltip_text (row, place);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data (G_OBJECT (row), "node-kind", GINT_TO_POINTER (sz_board_kind_to_node_kind (ref->kind)));
  g_object_set_data_full (G_OBJECT (row), "place-id", g_memdup2 (&ref->place_id, sizeof ref->place_id), g_free);
  return row;
}

/* The list, again after every change: a board printed or edited back to
 * what was printed leaves it. */
static void
reload (SzStaleDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBoardSource) source = NULL;
  g_autofree char *intro = NULL;
  GtkWidget *child;
  guint n;

  g_clear_pointer (&self->refs, g_array_unref);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
    gtk_list_box_remove (self->list, child);

  source = sz_board_source_new (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                &error);
  if (source != NULL)
    self->refs = sz_export_list_stale (source, &error);
  if (self->refs == NULL)
    self->refs = g_array_new (FALSE, FALSE, sizeof (SzBoardRef));
  for (guint i = 0; i < self->refs->len && error == NULL; i++)
    {
      SzBoardRef *ref = &g_array_index (self->refs, SzBoardRef, i);
      g_autoptr(SzBoard) board = sz_board_source_build (source, ref->kind, ref->place_id, &error);

      if (board != NULL)
        gtk_list_box_append (self->list, row_new (ref, board->place));
    }
  gtk_label_set_text (self->error_label, error ? error->message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);

  n = self->refs->len;
  if (n == 0)
    intro = g_strdup (_("No board needs reprinting: nothing printed has changed since."));
  else
    /* Translators: how many printed boards now say something else */
    intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "%u board printed before now says something else. Print or export it "
                                          "again and replace the one on the wall. Choose a board to go to its place.",
                                          "%u boards printed before now say something else. Print or export them "
                                          "again and replace the ones on the wall. Choose a board to go to its place.",
                                          n), n);
  gtk_label_set_text (self->intro_label, intro);
  gtk_widget_set_visible (self->scroller, n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reprint_button), n > 0);
  gtk_widget_set_sensitive (GTK_WIDGET (self->print_button), n > 0);
}

static void
on_list_row_activated_cb (SzStaleDialog *self,
                          GtkListBoxRow *row)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SzNodeKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "node-kind"));
  gint64 *id = g_object_get_data (G_OBJECT (row), "place-id");

  if (parent != NULL && id != NULL)
    gtk_widget_activate_action (GTK_WIDGET (parent), "win.show-place", "(ix)", (int) kind, *id);
}

static void
on_reprint_button_clicked_cb (SzStaleDialog *self)
{
  sz_stale_dialog_reprint_all (self);
}

static void
on_print_button_clicked_cb (SzStaleDialog *self)
{
  sz_stale_dialog_print_all (self);
}

static void
sz_stale_dialog_dispose (GObject *object)
{
  SzStaleDialog *self = SZ_STALE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_STALE_DIALOG);
  G_OBJECT_CLASS (sz_stale_dialog_parent_class)->dispose (object);
}

static void
sz_stale_dialog_finalize (GObject *object)
{
  SzStaleDialog *self = SZ_STALE_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_pointer (&self->refs, g_array_unref);
  g_free (self->paper);
  G_OBJECT_CLASS (sz_stale_dialog_parent_class)->finalize (object);
}

static void
sz_stale_dialog_class_init (SzStaleDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_stale_dialog_dispose;
  object_class->finalize = sz_stale_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-stale-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, reprint_button);
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, print_button);
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, intro_label);
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, scroller);
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, list);
  gtk_widget_class_bind_template_child (widget_class, SzStaleDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reprint_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_print_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_stale_dialog_init (SzStaleDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->paper = g_strdup ("A4");
  self->style = SZ_STYLE_RED;
}

GtkWidget *
sz_stale_dialog_new (GtkWindow *parent,
                     SzSession *session)
{
  SzStaleDialog *self;
  GSettings *settings;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_STALE_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      g_autofree char *paper = g_settings_get_string (settings, "paper");

      sz_stale_dialog_set_layout (self, paper, g_settings_get_boolean (settings, "landscape"),
                                  g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN
                                                                                            : SZ_STYLE_RED);
    }
  g_signal_connect_object (session, "changed", G_CALLBACK (reload), self, G_CONNECT_SWAPPED);
  reload (self);
  return GTK_WIDGET (self);
}

void
sz_stale_dialog_set_layout (SzStaleDialog *self,
                            const char    *paper,
                            gboolean       landscape,
                            SzBoardStyle   style)
{
  g_return_if_fail (SZ_IS_STALE_DIALOG (self));

  g_free (self->paper);
  self->paper = g_strdup (paper ? paper : "A4");
  self->landscape = landscape;
  self->style = style;
}

GArray *
sz_stale_dialog_get_refs (SzStaleDialog *self)
{
  g_return_val_if_fail (SZ_IS_STALE_DIALOG (self), NULL);
  return self->refs;
}

GtkWidget *
sz_stale_dialog_reprint_all (SzStaleDialog *self)
{
  GtkWidget *dialog;
  GtkWindow *parent;

  g_return_val_if_fail (SZ_IS_STALE_DIALOG (self), NULL);

  if (self->refs == NULL || self->refs->len == 0)
    return NULL;
  /* Over the main window, whose "win.show-place" the summary's problems
   * use; this list has done its part. */
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  dialog = sz_export_dialog_new (parent, self->session, SZ_NODE_COMMUNITY,
                                 sz_session_get_community_id (self->session));
  sz_export_dialog_set_refs (SZ_EXPORT_DIALOG (dialog), self->refs);
  sz_export_dialog_set_layout (SZ_EXPORT_DIALOG (dialog), self->paper, self->landscape, self->style);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (self));
  return dialog;
}

void
sz_stale_dialog_print_all (SzStaleDialog *self)
{
  g_autoptr(SzPrintOperation) operation = NULL;
  GtkWindow *parent;

  g_return_if_fail (SZ_IS_STALE_DIALOG (self));

  if (self->refs == NULL || self->refs->len == 0)
    return;
  parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  operation = sz_print_operation_new_for_refs (self->session, self->refs);
  sz_print_operation_set_layout (operation, self->paper, self->landscape, self->style);
  sz_print_operation_run_dialog (operation, parent);
  gtk_window_destroy (GTK_WINDOW (self));
}
