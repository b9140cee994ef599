/* sz-person-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-image.h"
#include "sz-person.h"
#include "sz-person-dialog.h"
#include "sz-post.h"
#include "sz-tree.h"

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

static const char * const genders[] = { "", "male", "female" };

/* A photo or QR code as the dialog holds it until Save. */
typedef struct
{
  GBytes   *bytes;      /* what the preview shows and Save stores; NULL: none */
  char     *taken_on;   /* the stored image's date */
  gboolean  changed;    /* chosen or removed since it was last stored */
} ImageSlot;

struct _SzPersonDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkEntry       *name_entry;
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

G_DEFINE_FINAL_TYPE (SzPersonDialog, sz_person_dialog, GTK_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static SzPerson *
person_copy (const SzPerson *p)
{
  SzPerson *copy = sz_person_new ();

  copy->id = p->id;
  copy->name = g_strdup (p->name);
  copy->gender = g_strdup (p->gender);
  copy->phone = g_strdup (p->phone);
  copy->phone2 = g_strdup (p->phone2);
  copy->party_member = p->party_member;
  copy->background = g_strdup (p->background);
  copy->home_unit_id = p->home_unit_id;
  copy->phone_consent = p->phone_consent;
  copy->consent_date = g_strdup (p->consent_date);
  copy->notes = g_strdup (p->notes);
  return copy;
}

static Field
field_from_id (const char *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_id, fields[i].id) == 0)
      return i;
  return N_FIELDS;
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
static void
show_error (SzPersonDialog *self,
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

static void
set_drop_down_code (GtkDropDown        *drop_down,
                    const char * const *codes,
                    guint               n_codes,
                    const char         *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code ? code : "") == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  gtk_drop_down_set_selected (drop_down, 0);
}

/* Images */

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
  if (bytes == NULL || !sz_image_inspect (bytes, _(fields[field].title), NULL, NULL, NULL, &error))
    {
      g_autofree char *message = NULL;

      if (error->domain == SZ_IMAGE_ERROR)
        message = g_strdup (error->message);
      else
        /* Translators: the first %s is "Photo" or "WeChat QR code", the second why the file could not be read */
        message = g_strdup_printf (C_("file error", "%s: %s"), _(fields[field].title), error->message);
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

/* Stores what changed, each image in its own transaction; stops at the
 * first refusal, with its message under the image. */
static gboolean
save_images (SzPersonDialog *self)
{
  SzDb *db = sz_session_get_db (self->session);

  for (SzImageKind kind = SZ_IMAGE_PHOTO; kind <= SZ_IMAGE_QR; kind++)
    {
      ImageSlot *s = slot (self, kind);
      g_autoptr(GError) error = NULL;
      g_autofree char *date = NULL;
      gboolean ok;

      if (kind == SZ_IMAGE_QR)
        date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->qr_date_entry))));
      /* A stored QR code with only its date changed is stored again. */
      if (!s->changed && !(date != NULL && s->bytes != NULL && g_strcmp0 (date, s->taken_on) != 0))
        continue;
      if (s->bytes != NULL)
        ok = sz_person_set_image (db, self->person_id, kind, s->bytes, date, &error);
      else
        ok = sz_person_clear_image (db, self->person_id, kind, &error);
      if (!ok)
        {
          show_error (self, _("The image could not be saved"), error);
          return FALSE;
        }
      s->changed = FALSE;
      g_free (s->taken_on);
      s->taken_on = g_steal_pointer (&date);
    }
  return TRUE;
}

/* Loading */

static void
add_unit_choice (SzPersonDialog *self,
                 gint64          id,
                 const char     *label)
{
  gtk_string_list_append (self->units, label);
  g_array_append_val (self->unit_ids, id);
}

static void
add_units_under (SzPersonDialog   *self,
                 const SzTreeNode *node)
{
  if (node->kind == SZ_NODE_UNIT && node->parent != NULL && node->parent->parent != NULL)
    {
      /* Translators: a home unit to choose: compound, building, unit ("丰和林苑 2栋 1单元") */
      g_autofree char *label = g_strdup_printf (C_("home unit", "%s %s %s"), node->parent->parent->label,
                                                node->parent->label, node->label);
      add_unit_choice (self, node->id, label);
      return;
    }
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    add_units_under (self, g_ptr_array_index (node->children, i));
}

static guint
unit_position (SzPersonDialog *self,
               gint64          id)
{
  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Selects the unit, adding it to the choices when it is not in this
 * community (a person may live elsewhere). */
static void
select_unit (SzPersonDialog *self,
             gint64          id)
{
  guint position = unit_position (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *label = sz_place_label (sz_session_get_db (self->session), SZ_LEVEL_UNIT, id, NULL);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *fallback = NULL;

      if (label == NULL)
        /* Translators: a home unit that is not in the roster; %s is its record number */
        fallback = g_strdup_printf (_("Unit record %s"), number);
      add_unit_choice (self, id, label ? label : fallback);
      position = self->unit_ids->len - 1;
    }
  gtk_drop_down_set_selected (self->home_unit_drop_down, position);
}

static void
load (SzPersonDialog *self,
      GtkWindow      *parent,
      gint64          person_id)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GError) error = NULL;
  SzPerson *p;

  self->loading = TRUE;
  tree = sz_tree_load (db, sz_session_get_community_id (self->session), &error);
  if (tree != NULL)
    add_units_under (self, tree);
  else
    {
      sz_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), _("The units could not be read"), error);
      g_clear_error (&error);
    }

  if (person_id != 0)
    {
      self->original = sz_person_get (db, person_id, &error);
      if (self->original == NULL)
        {
          sz_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), _("The person could not be read"), error);
          /* Nothing to edit: Save would make a new person instead. */
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
          self->loading = FALSE;
          return;
        }
      self->person_id = person_id;
    }

  gtk_window_set_title (GTK_WINDOW (self), person_id ? _("Edit Person") : _("New Person"));
  p = self->original;
  if (p != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), p->name ? p->name : "");
      set_drop_down_code (self->gender_drop_down, genders, G_N_ELEMENTS (genders), p->gender);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), p->phone ? p->phone : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone2_entry), p->phone2 ? p->phone2 : "");
      gtk_check_button_set_active (self->party_check, p->party_member);
      gtk_check_button_set_active (self->consent_check, p->phone_consent);
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), p->consent_date ? p->consent_date : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), p->notes ? p->notes : "", -1);
      if (p->home_unit_id != 0)
        select_unit (self, p->home_unit_id);
    }
  {
    g_auto(GStrv) codes = NULL;
    GStrvBuilder *builder = g_strv_builder_new ();

    g_strv_builder_add (builder, "");
    g_strv_builder_addv (builder, (const char **) sz_person_backgrounds ());
    codes = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    set_drop_down_code (self->background_drop_down, (const char * const *) codes, g_strv_length (codes),
                        p ? p->background : "");
  }

  for (SzImageKind kind = SZ_IMAGE_PHOTO; kind <= SZ_IMAGE_QR && person_id != 0; kind++)
    {
      ImageSlot *s = slot (self, kind);

      s->bytes = sz_person_get_image (db, person_id, kind, NULL, &s->taken_on, &error);
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
  self->loading = FALSE;
}

/* Editing */

static void
on_consent_check_toggled_cb (SzPersonDialog *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->consent_date_entry));
  const char *stored = self->original ? self->original->consent_date : NULL;

  if (self->loading)
    return;
  /* The date is when this yes or no was given: today, unless the user
   * has already typed another. */
  if (*date == '\0' || g_strcmp0 (date, stored) == 0)
    {
      g_autofree char *today = sz_today ();
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), today);
    }
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

static SzPerson *
collect (SzPersonDialog *self)
{
  SzPerson *p = sz_person_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint gender = gtk_drop_down_get_selected (self->gender_drop_down);
  guint background = gtk_drop_down_get_selected (self->background_drop_down);
  guint unit = gtk_drop_down_get_selected (self->home_unit_drop_down);
  const char * const *backgrounds = sz_person_backgrounds ();

  p->id = self->person_id;
  p->name = entry_text (self->name_entry);
  p->gender = g_strdup (gender < G_N_ELEMENTS (genders) ? genders[gender] : "");
  p->phone = entry_text (self->phone_entry);
  p->phone2 = entry_text (self->phone2_entry);
  p->party_member = gtk_check_button_get_active (self->party_check);
  /* Choice 0 is "not recorded"; the rest follow sz_person_backgrounds(). */
  p->background = g_strdup (background > 0 && background <= g_strv_length ((char **) backgrounds)
                            ? backgrounds[background - 1] : "");
  p->home_unit_id = unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0;
  p->phone_consent = gtk_check_button_get_active (self->consent_check);
  p->consent_date = entry_text (self->consent_date_entry);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  p->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return p;
}

static gboolean
undo_edit_cb (SzSession  *session,
              gpointer    data,
              GError    **error)
{
  return sz_person_save (sz_session_get_db (session), data, error);
}

static gboolean
undo_add_cb (SzSession  *session,
             gpointer    data,
             GError    **error)
{
  return sz_person_delete (sz_session_get_db (session), *(gint64 *) data, error);
}

gboolean
sz_person_dialog_save (SzPersonDialog *self)
{
  g_autoptr(SzPerson) p = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gboolean images_ok;

  g_return_val_if_fail (SZ_IS_PERSON_DIALOG (self), FALSE);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->save_button)))
    return FALSE;
  clear_errors (self);
  p = collect (self);
  if (!sz_person_save (sz_session_get_db (self->session), p, &error))
    {
      show_error (self, _("The person could not be saved"), error);
      return FALSE;
    }
  self->person_id = p->id;

  /* Undo puts back the details as they were when the dialog opened, or
   * removes the person it added, however many times Save was pressed. */
  if (self->original != NULL)
    {
      /* Translators: what Ctrl+Z undoes; %s is a person's name */
      label = g_strdup_printf (_("Edit %s"), self->original->name);
      sz_session_push_undo (self->session, label, undo_edit_cb, person_copy (self->original),
                            (GDestroyNotify) sz_person_free);
    }
  else
    {
      /* Translators: what Ctrl+Z undoes; %s is a person's name */
      label = g_strdup_printf (_("Add %s"), p->name);
      sz_session_push_undo (self->session, label, undo_add_cb, g_memdup2 (&p->id, sizeof (gint64)), g_free);
    }

  images_ok = save_images (self);
  g_signal_emit (self, signals[SAVED], 0, p->id);
  sz_session_changed (self->session);
  if (!images_ok)
    return FALSE;
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

static void
on_save_button_clicked_cb (SzPersonDialog *self)
{
  sz_person_dialog_save (self);
}

static gboolean
parse_bool (const char *text)
{
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0 || g_strcmp0 (text, "yes") == 0;
}

void
sz_person_dialog_set_field (SzPersonDialog *self,
                            const char     *field_id,
                            const char     *text)
{
  const char * const *backgrounds = sz_person_backgrounds ();

  g_return_if_fail (SZ_IS_PERSON_DIALOG (self));
  g_return_if_fail (text != NULL);

  switch (field_from_id (field_id))
    {
    case F_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text);
      break;
    case F_GENDER:
      set_drop_down_code (self->gender_drop_down, genders, G_N_ELEMENTS (genders), text);
      break;
    case F_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), text);
      break;
    case F_PHONE2:
      gtk_editable_set_text (GTK_EDITABLE (self->phone2_entry), text);
      break;
    case F_PARTY:
      gtk_check_button_set_active (self->party_check, parse_bool (text));
      break;
    case F_BACKGROUND:
      gtk_drop_down_set_selected (self->background_drop_down, 0);
      for (guint i = 0; backgrounds[i] != NULL; i++)
        if (g_str_equal (backgrounds[i], text))
          gtk_drop_down_set_selected (self->background_drop_down, i + 1);
      break;
    case F_HOME_UNIT:
      select_unit (self, g_ascii_strtoll (text, NULL, 10));
      break;
    case F_CONSENT:
      gtk_check_button_set_active (self->consent_check, parse_bool (text));
      break;
    case F_CONSENT_DATE:
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), text);
      break;
    case F_NOTES:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
      break;
    case F_QR_DATE:
      gtk_editable_set_text (GTK_EDITABLE (self->qr_date_entry), text);
      break;
    case F_PHOTO:
    case F_QR:
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

const char *
sz_person_dialog_get_field_error (SzPersonDialog *self,
                                  const char     *field_id)
{
  Field field;

  g_return_val_if_fail (SZ_IS_PERSON_DIALOG (self), NULL);

  field = field_from_id (field_id);
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
  gtk_widget_class_bind_template_callback (widget_class, on_consent_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_photo_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_choose_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_photo_remove_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_qr_remove_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_person_dialog_init (SzPersonDialog *self)
{
  const char * const *backgrounds = sz_person_backgrounds ();
  g_autoptr(GtkStringList) gender_list = NULL;
  g_autoptr(GtkStringList) background_list = NULL;
  GtkBox *boxes[N_FIELDS] = { NULL };

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_window_set_focus (GTK_WINDOW (self), GTK_WIDGET (self->name_entry));

  /* Translators: gender choices of a person */
  gender_list = gtk_string_list_new ((const char * const[]) { C_("gender", "Not recorded"), _("Male"), _("Female"), NULL });
  gtk_drop_down_set_model (self->gender_drop_down, G_LIST_MODEL (gender_list));

  background_list = gtk_string_list_new (NULL);
  /* Translators: a person's background is not recorded */
  gtk_string_list_append (background_list, C_("background", "Not recorded"));
  for (guint i = 0; backgrounds[i] != NULL; i++)
    gtk_string_list_append (background_list, sz_person_background_title (backgrounds[i]));
  gtk_drop_down_set_model (self->background_drop_down, G_LIST_MODEL (background_list));

  self->units = gtk_string_list_new (NULL);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Translators: a person's home unit is not recorded */
  add_unit_choice (self, 0, C_("home unit", "Not recorded"));
  gtk_drop_down_set_model (self->home_unit_drop_down, G_LIST_MODEL (self->units));
  {
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->home_unit_drop_down, expression);
  }

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
  load (self, parent, person_id);
  return GTK_WIDGET (self);
}
