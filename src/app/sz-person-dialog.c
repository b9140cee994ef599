/* sz-person-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-person-dialog-private.h"

/* The core's messages start with the field's title (see sz_person_save()
 * and sz_person_set_image()): that is how an error finds its field.
 * Fields without a title never get a message of their own. */
static const struct
{
  const char *id;
  const char *title;
} fields[N_FIELDS] = {
  { "name", N_("Name") },
  { "gender", N_("Gender") },
  { "phone", N_("Phone") },
  { "phone2", N_("Second phone") },
  { "party-member", NULL },
  { "background", N_("Background") },
  { "home-unit", N_("Home unit") },
  { "consent", NULL },
  { "consent-date", N_("Consent date") },
  { "notes", N_("Notes") },
  { "photo", N_("Photo") },
  { "qr", N_("WeChat QR code") },
  /* Translators: the date a photo or QR code was taken */
  { "qr-date", N_("Date taken") },
};

G_DEFINE_FINAL_TYPE (SzPersonDialog, sz_person_dialog, GTK_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

Field
_sz_person_dialog_field_from_id (const char *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_id, fields[i].id) == 0)
      return i;
  return N_FIELDS;
}

/* The field's title, translated: the start of the core's messages about it. */
const char *
_sz_person_dialog_field_title (Field field)
{
  g_assert (field < N_FIELDS && fields[field].title != NULL);
  return _(fields[field].title);
}

static void
clear_errors (SzPersonDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      sz_field_error_set (self->errors[i], NULL);
}

/* Puts @error under the field its message names (the longest title that
 * starts it, so that "Second phone" is not taken for "Phone" in a
 * language where one title starts the other); else a dialog. */
void
_sz_person_dialog_show_error (SzPersonDialog *self,
                              const char     *title,
                              const GError   *error)
{
  Field best = N_FIELDS;
  gsize best_len = 0;

  for (guint i = 0; i < N_FIELDS; i++)
    {
      const char *t = fields[i].title ? _(fields[i].title) : NULL;

      if (t != NULL && self->errors[i] != NULL && g_str_has_prefix (error->message, t) && strlen (t) > best_len)
        {
          best = i;
          best_len = strlen (t);
        }
    }
  if (best < N_FIELDS)
    sz_field_error_set (self->errors[best], error->message);
  else
    sz_show_error (GTK_WIDGET (self), title, error);
}

static void
clear_error_cb (GtkWidget *error_label)
{
  sz_field_error_set (error_label, NULL);
}

/* Saving */

/* The undo step of an edit: the person as the dialog found them, with
 * their photo and QR code (NULL: none), all put back in one transaction. */
typedef struct
{
  SzPerson *person;
  GBytes   *images[2];      /* SzImageKind */
  char     *taken_on[2];
} EditUndo;

static void
edit_undo_free (gpointer data)
{
  EditUndo *u = data;

  sz_person_free (u->person);
  for (guint i = 0; i < G_N_ELEMENTS (u->images); i++)
    {
      g_clear_pointer (&u->images[i], g_bytes_unref);
      g_free (u->taken_on[i]);
    }
  g_free (u);
}

static gboolean
undo_edit_cb (SzSession  *session,
              gpointer    data,
              GError    **error)
{
  EditUndo *u = data;
  SzDb *db = sz_session_get_db (session);
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = sz_person_save (db, u->person, error);
  for (SzImageKind kind = SZ_IMAGE_PHOTO; ok && kind <= SZ_IMAGE_QR; kind++)
    if (u->images[kind] != NULL)
      ok = sz_person_set_image (db, u->person->id, kind, u->images[kind], u->taken_on[kind], error);
    else
      ok = sz_person_clear_image (db, u->person->id, kind, error);
  return sz_db_end (db, ok, ok ? error : NULL) && ok;
}

static gboolean
undo_add_cb (SzSession  *session,
             gpointer    data,
             GError    **error)
{
  return sz_person_delete (sz_session_get_db (session), *(gint64 *) data, error);
}

/* The details and the images in one transaction: a refused image leaves
 * nothing saved, and the dialog open with the message under it. */
gboolean
sz_person_dialog_save (SzPersonDialog *self)
{
  SzDb *db;
  g_autoptr(SzPerson) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean ok;
  gboolean details_ok = FALSE;

  g_return_val_if_fail (SZ_IS_PERSON_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return FALSE;
  db = sz_session_get_db (self->session);
  clear_errors (self);
  p = _sz_person_dialog_collect (self);
  ok = sz_db_begin (db, &error);
  if (ok)
    {
      ok = details_ok = sz_person_save (db, p, &error);
      ok = ok && _sz_person_dialog_save_images (self, p->id, &error);
      ok = sz_db_end (db, ok, ok ? &error : NULL) && ok;
    }
  if (!ok)
    {
      _sz_person_dialog_show_error (self, details_ok ? _("The image could not be saved")
                                                     : _("The person could not be saved"), error);
      return FALSE;
    }
  self->person_id = p->id;

  /* Undo puts back the details and the images as they were when the
   * dialog opened, or removes the person it added. */
  if (self->original != NULL)
    {
      EditUndo *u = g_new0 (EditUndo, 1);

      for (SzImageKind kind = SZ_IMAGE_PHOTO; kind <= SZ_IMAGE_QR; kind++)
        {
          u->images[kind] = self->images[kind].loaded ? g_bytes_ref (self->images[kind].loaded) : NULL;
          u->taken_on[kind] = g_strdup (self->images[kind].loaded_taken_on);
        }
      /* Translators: what Ctrl+Z undoes; %s is a person's name */
      label = g_strdup_printf (_("Edit %s"), self->original->name);
      u->person = g_steal_pointer (&self->original);
      /* Undo puts the old details back over this save, knowingly. */
      u->person->version = 0;
      sz_session_push_undo (self->session, label, undo_edit_cb, u, edit_undo_free);
    }
  else
    {
      /* Translators: what Ctrl+Z undoes; %s is a person's name */
      label = g_strdup_printf (_("Add %s"), p->name);
      sz_session_push_undo (self->session, label, undo_add_cb, g_memdup2 (&p->id, sizeof (gint64)), g_free);
    }

  g_signal_emit (self, signals[SAVED], 0, p->id);
  sz_session_changed (self->session);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_button_clicked_cb (SzPersonDialog *self)
{
  sz_person_dialog_save (self);
}

const char *
sz_person_dialog_get_field_error (SzPersonDialog *self,
                                  const char     *field_id)
{
  Field field;

  g_return_val_if_fail (SZ_IS_PERSON_DIALOG (self), NULL);

  field = _sz_person_dialog_field_from_id (field_id);
  g_return_val_if_fail (field < N_FIELDS, NULL);
  if (self->errors[field] == NULL || !gtk_widget_get_visible (self->errors[field]))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->errors[field]));
}

static void
sz_person_dialog_dispose (GObject *object)
{
  SzPersonDialog *self = SZ_PERSON_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PERSON_DIALOG);
  g_clear_object (&self->units);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_person_dialog_parent_class)->dispose (object);
}

static void
sz_person_dialog_finalize (GObject *object)
{
  SzPersonDialog *self = SZ_PERSON_DIALOG (object);

  g_clear_pointer (&self->original, sz_person_free);
  g_clear_pointer (&self->unit_ids, g_array_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->images); i++)
    {
      g_clear_pointer (&self->images[i].bytes, g_bytes_unref);
      g_clear_pointer (&self->images[i].taken_on, g_free);
      g_clear_pointer (&self->images[i].loaded, g_bytes_unref);
      g_clear_pointer (&self->images[i].loaded_taken_on, g_free);
    }
  G_OBJECT_CLASS (sz_person_dialog_parent_class)->finalize (object);
}

static void
sz_person_dialog_class_init (SzPersonDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_person_dialog_dispose;
  object_class->finalize = sz_person_dialog_finalize;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-person-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, name_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, name_notice_label);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, gender_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, phone2_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, party_check);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, background_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, home_unit_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, consent_check);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, consent_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, notes_view);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, photo_stack);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, photo_picture);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, photo_remove_button);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_stack);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_picture);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_remove_button);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, name_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, gender_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, phone_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, phone2_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, background_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, home_unit_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, consent_date_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, notes_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, photo_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonDialog, qr_date_box);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  _sz_person_dialog_class_details_init (widget_class);
  _sz_person_dialog_class_images_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_person_dialog_init (SzPersonDialog *self)
{
  GtkBox *boxes[N_FIELDS] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));

  _sz_person_dialog_init_choices (self);

  boxes[F_NAME] = self->name_box;
  boxes[F_GENDER] = self->gender_box;
  boxes[F_PHONE] = self->phone_box;
  boxes[F_PHONE2] = self->phone2_box;
  boxes[F_BACKGROUND] = self->background_box;
  boxes[F_HOME_UNIT] = self->home_unit_box;
  boxes[F_CONSENT_DATE] = self->consent_date_box;
  boxes[F_NOTES] = self->notes_box;
  boxes[F_PHOTO] = self->photo_box;
  boxes[F_QR] = self->qr_box;
  boxes[F_QR_DATE] = self->qr_date_box;
  for (guint i = 0; i < N_FIELDS; i++)
    if (boxes[i] != NULL)
      {
        self->errors[i] = sz_field_error_new ();
        gtk_box_append (boxes[i], self->errors[i]);
      }

  /* A message goes as soon as its field is edited. */
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (clear_error_cb), self->errors[F_NAME]);
  g_signal_connect_swapped (self->name_entry, "changed", G_CALLBACK (_sz_person_dialog_update_name_notice), self);
  g_signal_connect_swapped (self->phone_entry, "changed", G_CALLBACK (clear_error_cb), self->errors[F_PHONE]);
  g_signal_connect_swapped (self->phone2_entry, "changed", G_CALLBACK (clear_error_cb), self->errors[F_PHONE2]);
  g_signal_connect_swapped (self->consent_date_entry, "changed", G_CALLBACK (clear_error_cb),
                            self->errors[F_CONSENT_DATE]);
  g_signal_connect_swapped (self->qr_date_entry, "changed", G_CALLBACK (clear_error_cb), self->errors[F_QR_DATE]);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->notes_view), "changed", G_CALLBACK (clear_error_cb),
                            self->errors[F_NOTES]);
  g_signal_connect_swapped (self->gender_drop_down, "notify::selected", G_CALLBACK (clear_error_cb),
                            self->errors[F_GENDER]);
  g_signal_connect_swapped (self->background_drop_down, "notify::selected", G_CALLBACK (clear_error_cb),
                            self->errors[F_BACKGROUND]);
  g_signal_connect_swapped (self->home_unit_drop_down, "notify::selected", G_CALLBACK (clear_error_cb),
                            self->errors[F_HOME_UNIT]);
}

GtkWidget *
sz_person_dialog_new (GtkWindow *parent,
                      SzSession *session,
                      gint64     person_id)
{
  SzPersonDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PERSON_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  _sz_person_dialog_load (self, parent, person_id);
  return GTK_WIDGET (self);
}
