/* sz-person-dialog-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-person.h"
#include "sz-person-dialog.h"

G_BEGIN_DECLS

/* SzPersonDialog is spread over three files: sz-person-dialog.c (the
 * object, the fields' error messages, Save), sz-person-dialog-details.c
 * (the details between an SzPerson and the widgets) and
 * sz-person-dialog-images.c (the photo and the QR code). */
typedef enum
{
  F_NAME,
  F_GENDER,
  F_PHONE,
  F_PHONE2,
  F_PARTY,
  F_BACKGROUND,
  F_HOME_UNIT,
  F_CONSENT,
  F_CONSENT_DATE,
  F_NOTES,
  F_PHOTO,
  F_QR,
  F_QR_DATE,
  N_FIELDS
} Field;

/* A photo or QR code as the dialog holds it until Save. */
typedef struct
{
  GBytes   *bytes;      /* what the preview shows and Save stores; NULL: none */
  char     *taken_on;   /* the stored image's date */
  gboolean  changed;    /* chosen or removed since it was last stored */
  /* As the dialog found it: what undo puts back. */
  GBytes   *loaded;
  char     *loaded_taken_on;
} ImageSlot;

struct _SzPersonDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkEntry       *name_entry;
  GtkLabel       *name_notice_label;
  GtkDropDown    *gender_drop_down;
  GtkEntry       *phone_entry;
  GtkEntry       *phone2_entry;
  GtkCheckButton *party_check;
  GtkDropDown    *background_drop_down;
  GtkDropDown    *home_unit_drop_down;
  GtkCheckButton *consent_check;
  GtkEntry       *consent_date_entry;
  GtkTextView    *notes_view;
  GtkStack       *photo_stack;
  GtkPicture     *photo_picture;
  GtkButton      *photo_remove_button;
  GtkStack       *qr_stack;
  GtkPicture     *qr_picture;
  GtkButton      *qr_remove_button;
  GtkEntry       *qr_date_entry;
  GtkBox         *name_box;
  GtkBox         *gender_box;
  GtkBox         *phone_box;
  GtkBox         *phone2_box;
  GtkBox         *background_box;
  GtkBox         *home_unit_box;
  GtkBox         *consent_date_box;
  GtkBox         *notes_box;
  GtkBox         *photo_box;
  GtkBox         *qr_box;
  GtkBox         *qr_date_box;
  GtkWidget      *errors[N_FIELDS];

  /* Owned references */
  SzSession      *session;
  SzPerson       *original;     /* as loaded: what undo puts back; NULL for a new person */
  GtkStringList  *units;        /* home unit choices, parallel to unit_ids */
  GArray         *unit_ids;     /* gint64; 0 first: not recorded */
  GtkFileChooserNative *chooser;
  ImageSlot       images[2];    /* SzImageKind */

  gint64          person_id;    /* 0 until a new person is first saved */
  gboolean        loading;
};

/* sz-person-dialog.c: the fields, and the messages under them. */
Field       _sz_person_dialog_field_from_id      (const char     *field_id);
const char *_sz_person_dialog_field_title        (Field           field);
void        _sz_person_dialog_show_error         (SzPersonDialog *self,
                                                  const char     *title,
                                                  const GError   *error);

/* Each file binds its template children's callbacks. */
void        _sz_person_dialog_class_details_init (GtkWidgetClass *widget_class);
void        _sz_person_dialog_class_images_init  (GtkWidgetClass *widget_class);

/* sz-person-dialog-details.c */
void        _sz_person_dialog_init_choices       (SzPersonDialog *self);
void        _sz_person_dialog_load               (SzPersonDialog *self,
                                                  GtkWindow      *parent,
                                                  gint64          person_id);
void        _sz_person_dialog_update_name_notice (SzPersonDialog *self);
SzPerson   *_sz_person_dialog_collect            (SzPersonDialog *self);

/* sz-person-dialog-images.c: loading them is the last step of
 * _sz_person_dialog_load(); saving them follows the details' save, in
 * the same transaction (the caller's): on failure @error's message names
 * the image, and the caller rolls the whole save back. */
void        _sz_person_dialog_load_images        (SzPersonDialog *self,
                                                  GtkWindow      *parent,
                                                  gint64          person_id);
gboolean    _sz_person_dialog_save_images        (SzPersonDialog *self,
                                                  gint64          person_id,
                                                  GError        **error);

G_END_DECLS
