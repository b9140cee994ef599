/* sz-toast.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-toast.h"

struct _SzToast
{
  GtkWidget    parent_instance;

  GtkRevealer *revealer;
  GtkLabel    *label;
  guint        timeout_id;
};

G_DEFINE_FINAL_TYPE (SzToast, sz_toast, GTK_TYPE_WIDGET)

static void
on_close_clicked_cb (SzToast *self)
{
  sz_toast_dismiss (self);
}

static void
on_timeout_cb (gpointer user_data)
{
  SzToast *self = user_data;

  self->timeout_id = 0;
  sz_toast_dismiss (self);
}

/* Hidden once folded away, so that the overlay passes clicks through
 * where it was. */
static void
on_child_revealed_cb (SzToast *self)
{
  if (!gtk_revealer_get_child_revealed (self->revealer) && !gtk_revealer_get_reveal_child (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
sz_toast_dispose (GObject *object)
{
  SzToast *self = SZ_TOAST (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  if (self->revealer != NULL)
    {
      gtk_widget_unparent (GTK_WIDGET (self->revealer));
      self->revealer = NULL;
    }
  G_OBJECT_CLASS (sz_toast_parent_class)->dispose (object);
}

static void
sz_toast_class_init (SzToastClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_toast_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "toast");
}

static void
sz_toast_init (SzToast *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *close = gtk_button_new_from_icon_name ("window-close-symbolic");

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_transition_type (self->revealer, GTK_REVEALER_TRANSITION_TYPE_SLIDE_UP);
  gtk_widget_set_parent (GTK_WIDGET (self->revealer), GTK_WIDGET (self));

  gtk_widget_add_css_class (box, "toast-box");
  self->label = GTK_LABEL (gtk_label_new (NULL));
  /* One line where it fits, wrapped past 60 characters. */
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_wrap_mode (self->label, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_natural_wrap_mode (self->label, GTK_NATURAL_WRAP_NONE);
  gtk_label_set_max_width_chars (self->label, 60);
  gtk_label_set_xalign (self->label, 0);
  gtk_widget_set_valign (GTK_WIDGET (self->label), GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));

  gtk_widget_add_css_class (close, "flat");
  gtk_widget_add_css_class (close, "circular");
  gtk_widget_set_valign (close, GTK_ALIGN_CENTER);
  /* Translators: tooltip of the close button of a short message */
  gtk_widget_set_tooltip_text (close, _("Close"));
  g_signal_connect_object (close, "clicked", G_CALLBACK (on_close_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), close);
  gtk_revealer_set_child (self->revealer, box);

  g_signal_connect_object (self->revealer, "notify::child-revealed", G_CALLBACK (on_child_revealed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_widget_set_halign (GTK_WIDGET (self), GTK_ALIGN_CENTER);
  gtk_widget_set_valign (GTK_WIDGET (self), GTK_ALIGN_END);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
sz_toast_new (void)
{
  return g_object_new (SZ_TYPE_TOAST, NULL);
}

void
sz_toast_show (SzToast    *self,
               const char *text)
{
  g_return_if_fail (SZ_IS_TOAST (self));
  g_return_if_fail (text != NULL);

  gtk_label_set_text (self->label, text);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  /* A long message (an undo refused, and why) stays long enough to read. */
  self->timeout_id = g_timeout_add_once (MAX (SZ_TOAST_TIMEOUT_SECONDS * 1000, g_utf8_strlen (text, -1) * 200),
                                         on_timeout_cb, self);
}

void
sz_toast_dismiss (SzToast *self)
{
  g_return_if_fail (SZ_IS_TOAST (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  /* Not mapped (or no animations): "child-revealed" may not come. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)) || !gtk_revealer_get_child_revealed (self->revealer))
    gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

const char *
sz_toast_get_text (SzToast *self)
{
  g_return_val_if_fail (SZ_IS_TOAST (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;
  return gtk_label_get_text (self->label);
}
