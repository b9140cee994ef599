/* sz-person-dialog-images.c: the person dialog's photo and QR code
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-image.h"
#include "sz-person-dialog-private.h"
#include "sz-post.h"

static ImageSlot *
slot (SzPersonDialog *self,
      SzImageKind     kind)
{
  g_assert (kind == SZ_IMAGE_PHOTO || kind == SZ_IMAGE_QR);
  return &self->images[kind];
}

static void
update_image (SzPersonDialog *self,
              SzImageKind     kind)
{
  ImageSlot *s = slot (self, kind);
  GtkStack *stack = kind == SZ_IMAGE_PHOTO ? self->photo_stack : self->qr_stack;
  GtkPicture *picture = kind == SZ_IMAGE_PHOTO ? self->photo_picture : self->qr_picture;
  GtkButton *remove = kind == SZ_IMAGE_PHOTO ? self->photo_remove_button : self->qr_remove_button;
  g_autoptr(GdkTexture) texture = NULL;

  /* A file the core accepts but GDK cannot draw still gets stored: the
   * boards' renderers read it themselves. */
  if (s->bytes != NULL)
    texture = gdk_texture_new_from_bytes (s->bytes, NULL);
  gtk_picture_set_paintable (picture, GDK_PAINTABLE (texture));
  gtk_stack_set_visible_child_name (stack, texture ? "picture" : "none");
  gtk_widget_set_sensitive (GTK_WIDGET (remove), s->bytes != NULL);
  if (kind == SZ_IMAGE_QR)
    gtk_widget_set_sensitive (GTK_WIDGET (self->qr_date_entry), s->bytes != NULL);
}

static void
set_image_bytes (SzPersonDialog *self,
                 SzImageKind     kind,
                 GBytes         *bytes)
{
  ImageSlot *s = slot (self, kind);

  g_clear_pointer (&s->bytes, g_bytes_unref);
  s->bytes = bytes ? g_bytes_ref (bytes) : NULL;
  s->changed = TRUE;
  if (kind == SZ_IMAGE_QR)
    {
      g_autofree char *today = sz_today ();
      /* A newly chosen code was saved from WeChat today, most likely. */
      gtk_editable_set_text (GTK_EDITABLE (self->qr_date_entry), bytes ? today : "");
    }
  update_image (self, kind);
}

gboolean
sz_person_dialog_set_image_file (SzPersonDialog *self,
                                 int             kind,
                                 GFile          *file)
{
  Field field = kind == SZ_IMAGE_QR ? F_QR : F_PHOTO;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SZ_IS_PERSON_DIALOG (self), FALSE);
  g_return_val_if_fail (kind == SZ_IMAGE_PHOTO || kind == SZ_IMAGE_QR, FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  sz_field_error_set (self->errors[field], NULL);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  /* Checked now rather than at Save, so the message comes with the
   * choice; the core checks again when storing. */
  if (bytes == NULL || !sz_image_inspect (bytes, _sz_person_dialog_field_title (field), NULL, NULL, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (error->domain == SZ_IMAGE_ERROR)
        message = g_strdup (error->message);
      else
        /* Translators: the first %s is "Photo" or "WeChat QR code", the second why the file could not be read */
        message = g_strdup_printf (C_("file error", "%s: %s"), _sz_person_dialog_field_title (field), error->message);
      sz_field_error_set (self->errors[field], message);
      return FALSE;
    }
  set_image_bytes (self, kind, bytes);
  return TRUE;
}

void
sz_person_dialog_remove_image (SzPersonDialog *self,
                               int             kind)
{
  g_return_if_fail (SZ_IS_PERSON_DIALOG (self));
  g_return_if_fail (kind == SZ_IMAGE_PHOTO || kind == SZ_IMAGE_QR);

  sz_field_error_set (self->errors[kind == SZ_IMAGE_QR ? F_QR : F_PHOTO], NULL);
  set_image_bytes (self, kind, NULL);
}

static void
on_chooser_response_cb (SzPersonDialog       *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  SzImageKind kind = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (chooser), "kind"));

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sz_person_dialog_set_image_file (self, kind, file);
    }
  g_clear_object (&self->chooser);
}

static void
choose_image (SzPersonDialog *self,
              SzImageKind     kind)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: file chooser filter */
  gtk_file_filter_set_name (filter, _("JPEG and PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  self->chooser = gtk_file_chooser_native_new (kind == SZ_IMAGE_QR ? _("Choose a WeChat QR Code") : _("Choose a Photo"),
                                               GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_object_set_data (G_OBJECT (self->chooser), "kind", GINT_TO_POINTER (kind));
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self, G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
on_photo_choose_button_clicked_cb (SzPersonDialog *self)
{
  choose_image (self, SZ_IMAGE_PHOTO);
}

static void
on_qr_choose_button_clicked_cb (SzPersonDialog *self)
{
  choose_image (self, SZ_IMAGE_QR);
}

static void
on_photo_remove_button_clicked_cb (SzPersonDialog *self)
{
  sz_person_dialog_remove_image (self, SZ_IMAGE_PHOTO);
}

static void
on_qr_remove_button_clicked_cb (SzPersonDialog *self)
{
  sz_person_dialog_remove_image (self, SZ_IMAGE_QR);
}

/* The stored images of @person_id (none for a new person) and their
 * previews; the last step of _sz_person_dialog_load(). */
void
_sz_person_dialog_load_images (SzPersonDialog *self,
                               GtkWindow      *parent,
                               gint64          person_id)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GError) error = NULL;

  for (SzImageKind kind = SZ_IMAGE_PHOTO; kind <= SZ_IMAGE_QR && person_id != 0; kind++)
    {
      ImageSlot *s = slot (self, kind);

      s->bytes = sz_person_get_image (db, person_id, kind, NULL, &s->taken_on, &error);
      s->loaded = s->bytes ? g_bytes_ref (s->bytes) : NULL;
      s->loaded_taken_on = g_strdup (s->taken_on);
      if (error != NULL)
        {
          sz_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), _("An image could not be read"), error);
          g_clear_error (&error);
        }
    }
  gtk_editable_set_text (GTK_EDITABLE (self->qr_date_entry), self->images[SZ_IMAGE_QR].taken_on
                        ? self->images[SZ_IMAGE_QR].taken_on : "");
  update_image (self, SZ_IMAGE_PHOTO);
  update_image (self, SZ_IMAGE_QR);
}

/* Stores what changed; stops at the first refusal.  The slots keep what
 * they hold: the dialog closes after a save, or shows the refusal and
 * the whole save was rolled back. */
gboolean
_sz_person_dialog_save_images (SzPersonDialog  *self,
                               gint64           person_id,
                               GError         **error)
{
  SzDb *db = sz_session_get_db (self->session);

  for (SzImageKind kind = SZ_IMAGE_PHOTO; kind <= SZ_IMAGE_QR; kind++)
    {
      ImageSlot *s = slot (self, kind);
      g_autofree char *date = NULL;
      gboolean ok;

      if (kind == SZ_IMAGE_QR)
        date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->qr_date_entry))));
      /* A stored QR code with only its date changed is stored again. */
      if (!s->changed && !(date != NULL && s->bytes != NULL && g_strcmp0 (date, s->taken_on) != 0))
        continue;
      if (s->bytes != NULL)
        ok = sz_person_set_image (db, person_id, kind, s->bytes, date, error);
      else
        ok = sz_person_clear_image (db, person_id, kind, error);
      if (!ok)
        return FALSE;
    }
  return TRUE;
}

void
_sz_person_dialog_class_images_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_photo_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_photo_remove_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_remove_button_clicked_cb);
}
