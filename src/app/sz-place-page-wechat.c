/* sz-place-page-wechat.c: the place page's WeChat group section
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-image.h"
#include "sz-person.h"
#include "sz-person-picker.h"
#include "sz-place-page-private.h"
#include "sz-post.h"
#include "sz-roster.h"

/* Grids, buildings and units have a group; the other places do not. */
static gboolean
wechat_level (SzPlacePage *self,
              SzLevel     *level)
{
  if (self->record == NULL)
    return FALSE;
  switch (self->kind)
    {
    case SZ_NODE_GRID: *level = SZ_LEVEL_GRID; return TRUE;
    case SZ_NODE_BUILDING: *level = SZ_LEVEL_BUILDING; return TRUE;
    case SZ_NODE_UNIT: *level = SZ_LEVEL_UNIT; return TRUE;
    default: return FALSE;
    }
}

static int
community_max_age (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzCommunity) c = sz_community_get (db, sz_session_get_community_id (self->session), NULL);

  return c ? c->qr_max_age_days : SZ_QR_MAX_AGE_DEFAULT;
}

/* The warnings of what the form holds now (the date as typed). */
static char **
current_warnings (SzPlacePage *self)
{
  g_autoptr(SzWechatGroup) g = NULL;
  int max_age = community_max_age (self);
  const char *date;

  if (self->wechat == NULL)
    return NULL;
  g = sz_wechat_group_copy (self->wechat);
  date = gtk_editable_get_text (GTK_EDITABLE (self->wechat_date_entry));
  g_free (g->qr_taken_on);
  g->qr_taken_on = g->qr_data && *date ? g_strdup (date) : NULL;
  if (g->qr_data != NULL && g->qr_taken_on == NULL)
    g->qr_taken_on = sz_today ();
  return sz_wechat_warning_texts (g, sz_wechat_group_warnings (g, max_age, NULL), max_age);
}

static void
update_warnings (SzPlacePage *self)
{
  g_auto(GStrv) texts = current_warnings (self);
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->wechat_warnings_box)) != NULL)
    gtk_box_remove (GTK_BOX (self->wechat_warnings_box), child);
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
      GtkWidget *label = gtk_label_new (texts[i]);

      gtk_widget_add_css_class (icon, "warning");
      gtk_widget_set_valign (icon, GTK_ALIGN_START);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (label, TRUE);
      gtk_box_append (GTK_BOX (row), icon);
      gtk_box_append (GTK_BOX (row), label);
      gtk_box_append (GTK_BOX (self->wechat_warnings_box), row);
    }
  gtk_widget_set_visible (self->wechat_warnings_box, texts != NULL && texts[0] != NULL);
}

static void
update_image (SzPlacePage *self)
{
  g_autoptr(GdkTexture) texture = NULL;
  gboolean has = self->wechat != NULL && self->wechat->qr_data != NULL;

  /* An image the core accepted but GDK cannot draw still gets stored. */
  if (has)
    texture = gdk_texture_new_from_bytes (self->wechat->qr_data, NULL);
  gtk_picture_set_paintable (GTK_PICTURE (self->wechat_qr_picture), GDK_PAINTABLE (texture));
  gtk_widget_set_visible (self->wechat_qr_picture, texture != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->wechat_qr_none_label), !has);
  gtk_widget_set_sensitive (self->wechat_qr_remove_button, has);
  gtk_widget_set_sensitive (self->wechat_date_entry, has);
}

static void
update_admin (SzPlacePage *self)
{
  const char *name = self->wechat ? self->wechat->admin_name : NULL;

  /* Translators: a WeChat group without an admin */
  gtk_label_set_text (self->wechat_admin_label, name ? name : _("None"));
}

/* Fills the section from the stored group of the place, or a new one run
 * by the place's head. */
void
_sz_place_page_wechat_reload (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GError) error = NULL;
  SzWechatGroup *g = NULL;
  SzLevel level;

  g_clear_pointer (&self->wechat, sz_wechat_group_free);
  sz_field_error_set (self->wechat_error, NULL);
  if (!wechat_level (self, &level))
    {
      gtk_widget_set_visible (self->wechat_box, FALSE);
      return;
    }
  gtk_widget_set_visible (self->wechat_box, TRUE);

  g = sz_wechat_group_get (db, level, self->id, &error);
  self->wechat_stored = g != NULL;
  if (g == NULL)
    {
      g_autoptr(SzPost) head = sz_post_get_current (db, level, self->id, NULL);

      if (error != NULL)
        sz_field_error_set (self->wechat_error, error->message);
      g = sz_wechat_group_new ();
      g->level = level;
      g->place_id = self->id;
      /* Usually the place's head runs the group. */
      if (head != NULL)
        {
          g->admin_person_id = head->person_id;
          g->admin_name = g_strdup (head->person_name);
        }
    }
  self->wechat = g;

  gtk_label_set_text (self->wechat_note, self->wechat_stored ? ""
                      : _("No group recorded yet. Boards print the admin's personal QR code with “扫码加群”."));
  gtk_widget_set_visible (GTK_WIDGET (self->wechat_note), !self->wechat_stored);
  gtk_editable_set_text (GTK_EDITABLE (self->wechat_name_entry), g->name ? g->name : "");
  gtk_spin_button_set_value (GTK_SPIN_BUTTON (self->wechat_members_spin), g->members);
  gtk_editable_set_text (GTK_EDITABLE (self->wechat_date_entry), g->qr_taken_on ? g->qr_taken_on : "");
  gtk_widget_set_sensitive (self->wechat_clear_button, self->wechat_stored);
  update_admin (self);
  update_image (self);
  update_warnings (self);
}

/* Choosing the image */

gboolean
sz_place_page_set_wechat_qr_file (SzPlacePage *self,
                                  GFile       *file)
{
  /* Translators: the field of a WeChat group admin's QR image */
  const char *field = _("Admin's QR code");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *today = NULL;
  SzQrKind kind = SZ_QR_NONE;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (self->wechat == NULL)
    return FALSE;
  sz_field_error_set (self->wechat_error, NULL);
  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  /* Read now rather than at Save, so that what the image holds is said
   * with the choice; the core checks again when storing. */
  if (bytes == NULL || !sz_qr_classify_image (bytes, field, &kind, &text, &error))
    {
      g_autofree char *message = NULL;

      if (error->domain == SZ_IMAGE_ERROR)
        message = g_strdup (error->message);
      else
        /* Translators: the first %s is "Admin's QR code", the second why the file could not be read */
        message = g_strdup_printf (C_("file error", "%s: %s"), field, error->message);
      sz_field_error_set (self->wechat_error, message);
      return FALSE;
    }
  g_clear_pointer (&self->wechat->qr_data, g_bytes_unref);
  self->wechat->qr_data = g_steal_pointer (&bytes);
  self->wechat->qr_kind = kind;
  g_free (self->wechat->qr_text);
  self->wechat->qr_text = g_steal_pointer (&text);
  /* A newly chosen code was saved from WeChat today, most likely. */
  today = sz_today ();
  gtk_editable_set_text (GTK_EDITABLE (self->wechat_date_entry), today);
  update_image (self);
  update_warnings (self);
  return TRUE;
}

static void
on_chooser_response_cb (SzPlacePage          *self,
                        int                   response,
                        GtkFileChooserNative *chooser)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        sz_place_page_set_wechat_qr_file (self, file);
    }
  g_clear_object (&self->wechat_chooser);
}

static void
on_choose_qr_clicked_cb (SzPlacePage *self)
{
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  /* Translators: file chooser filter */
  gtk_file_filter_set_name (filter, _("JPEG and PNG images"));
  gtk_file_filter_add_mime_type (filter, "image/jpeg");
  gtk_file_filter_add_mime_type (filter, "image/png");
  gtk_file_filter_add_suffix (filter, "jpg");
  gtk_file_filter_add_suffix (filter, "jpeg");
  gtk_file_filter_add_suffix (filter, "png");

  if (self->wechat_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->wechat_chooser));
  g_clear_object (&self->wechat_chooser);
  self->wechat_chooser = gtk_file_chooser_native_new (_("Choose the Admin's WeChat QR Code"),
                                                      _sz_place_page_get_window (self),
                                                      GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->wechat_chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->wechat_chooser), filter);
  g_signal_connect_object (self->wechat_chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->wechat_chooser));
}

static void
on_remove_qr_clicked_cb (SzPlacePage *self)
{
  if (self->wechat == NULL)
    return;
  g_clear_pointer (&self->wechat->qr_data, g_bytes_unref);
  g_clear_pointer (&self->wechat->qr_text, g_free);
  self->wechat->qr_kind = SZ_QR_NONE;
  gtk_editable_set_text (GTK_EDITABLE (self->wechat_date_entry), "");
  update_image (self);
  update_warnings (self);
}

/* The admin */

void
sz_place_page_set_wechat_admin (SzPlacePage *self,
                                gint64       person_id)
{
  g_autoptr(SzPerson) person = NULL;

  g_return_if_fail (SZ_IS_PLACE_PAGE (self));

  if (self->wechat == NULL)
    return;
  person = sz_person_get (sz_session_get_db (self->session), person_id, NULL);
  self->wechat->admin_person_id = person ? person->id : 0;
  g_free (self->wechat->admin_name);
  self->wechat->admin_name = person ? g_strdup (person->name) : NULL;
  update_admin (self);
  update_warnings (self);
}

static void
on_admin_picked_cb (gint64      person_id,
                    SzChosenBy  chosen_by,
                    gpointer    user_data)
{
  sz_place_page_set_wechat_admin (SZ_PLACE_PAGE (user_data), person_id);
}

static void
on_choose_admin_clicked_cb (SzPlacePage *self)
{
  GtkWidget *picker;

  if (self->wechat == NULL)
    return;
  picker = sz_person_picker_new (_sz_place_page_get_window (self), self->session,
                                 _("Choose the Group's Admin"), on_admin_picked_cb, g_object_ref (self),
                                 g_object_unref);
  sz_person_picker_set_ask_chosen_by (SZ_PERSON_PICKER (picker), FALSE);
  sz_person_picker_set_note (SZ_PERSON_PICKER (picker),
                             _("The admin's personal QR code is printed on the board: residents scan it to be "
                               "let into the group."));
  gtk_window_present (GTK_WINDOW (picker));
}

/* Saving, removing, and their undo */

typedef struct
{
  SzLevel        level;
  gint64         place_id;
  SzWechatGroup *previous;  /* NULL: there was no group */
} WechatUndo;

static void
wechat_undo_free (gpointer data)
{
  WechatUndo *undo = data;

  g_clear_pointer (&undo->previous, sz_wechat_group_free);
  g_free (undo);
}

static gboolean
wechat_undo_run (SzSession  *session,
                 gpointer    data,
                 GError    **error)
{
  WechatUndo *undo = data;
  SzDb *db = sz_session_get_db (session);
  g_autoptr(SzWechatGroup) back = NULL;

  if (undo->previous == NULL)
    return sz_wechat_group_clear (db, undo->level, undo->place_id, error);
  back = sz_wechat_group_copy (undo->previous);
  return sz_wechat_group_set (db, back, error);
}

static void
push_undo (SzPlacePage   *self,
           gboolean       removed,
           SzWechatGroup *previous)
{
  g_autofree char *place = _sz_place_page_get_label (self);
  g_autofree char *label = removed
    /* Translators: an undo step; %s is a place ("丰和林苑 2栋 1单元") */
    ? g_strdup_printf (_("Remove the WeChat group of %s"), place ? place : "")
    /* Translators: an undo step; %s is a place ("丰和林苑 2栋 1单元") */
    : g_strdup_printf (_("Edit the WeChat group of %s"), place ? place : "");
  WechatUndo *undo = g_new0 (WechatUndo, 1);

  undo->level = self->wechat->level;
  undo->place_id = self->wechat->place_id;
  undo->previous = previous;
  sz_session_push_undo (self->session, label, wechat_undo_run, undo, wechat_undo_free);
}

/* The stored group, with its image, for an undo step; NULL when none. */
static SzWechatGroup *
stored_group (SzPlacePage *self)
{
  return sz_wechat_group_get (sz_session_get_db (self->session), self->wechat->level, self->wechat->place_id, NULL);
}

gboolean
sz_place_page_save_wechat (SzPlacePage *self)
{
  g_autoptr(SzWechatGroup) edited = NULL;
  g_autoptr(GError) error = NULL;
  SzWechatGroup *previous;
  const char *date;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  if (self->wechat == NULL)
    return FALSE;
  sz_field_error_set (self->wechat_error, NULL);
  edited = sz_wechat_group_copy (self->wechat);
  g_free (edited->name);
  edited->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->wechat_name_entry)));
  gtk_spin_button_update (GTK_SPIN_BUTTON (self->wechat_members_spin));
  edited->members = gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (self->wechat_members_spin));
  date = gtk_editable_get_text (GTK_EDITABLE (self->wechat_date_entry));
  g_free (edited->qr_taken_on);
  edited->qr_taken_on = edited->qr_data && *date ? g_strdup (date) : NULL;

  previous = stored_group (self);
  if (!sz_wechat_group_set (sz_session_get_db (self->session), edited, &error))
    {
      sz_wechat_group_free (previous);
      sz_field_error_set (self->wechat_error, error->message);
      return FALSE;
    }
  push_undo (self, FALSE, previous);
  sz_session_changed (self->session);
  return TRUE;
}

gboolean
sz_place_page_clear_wechat (SzPlacePage *self)
{
  g_autoptr(GError) error = NULL;
  SzWechatGroup *previous;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  if (self->wechat == NULL || !self->wechat_stored)
    return FALSE;
  previous = stored_group (self);
  if (!sz_wechat_group_clear (sz_session_get_db (self->session), self->wechat->level, self->wechat->place_id,
                              &error))
    {
      sz_wechat_group_free (previous);
      sz_show_error (GTK_WIDGET (self), _("The WeChat group could not be removed"), error);
      return FALSE;
    }
  push_undo (self, TRUE, previous);
  sz_session_changed (self->session);
  return TRUE;
}

char *
sz_place_page_get_wechat_warnings (SzPlacePage *self)
{
  g_auto(GStrv) texts = NULL;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), NULL);

  texts = current_warnings (self);
  return texts && texts[0] ? g_strjoinv ("\n", texts) : NULL;
}

static void
on_save_clicked_cb (SzPlacePage *self)
{
  sz_place_page_save_wechat (self);
}

static void
on_clear_clicked_cb (SzPlacePage *self)
{
  sz_place_page_clear_wechat (self);
}

/* Building the section */

static GtkWidget *
caption_new (GtkGrid    *grid,
             const char *text,
             int         row)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (grid, label, 0, row, 1, 1);
  return label;
}

static GtkWidget *
named (GtkWidget  *widget,
       const char *name)
{
  gtk_widget_set_name (widget, name);
  return widget;
}

void
_sz_place_page_wechat_init (SzPlacePage *self)
{
  GtkWidget *title, *grid, *row, *button, *label, *buttons, *qr_box;
  GtkWidget *parent = gtk_widget_get_parent (self->heads_box);

  self->wechat_box = named (gtk_box_new (GTK_ORIENTATION_VERTICAL, 8), "wechat_box");
  /* Translators: a section of a grid's, building's or unit's page */
  title = gtk_label_new (_("WeChat Group"));
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "section-title");
  gtk_box_append (GTK_BOX (self->wechat_box), title);

  self->wechat_note = GTK_LABEL (named (gtk_label_new (NULL), "wechat_note"));
  gtk_label_set_xalign (self->wechat_note, 0);
  gtk_label_set_wrap (self->wechat_note, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->wechat_note), "dim-label");
  gtk_box_append (GTK_BOX (self->wechat_box), GTK_WIDGET (self->wechat_note));

  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_box_append (GTK_BOX (self->wechat_box), grid);

  /* Translators: the name of a WeChat group */
  label = caption_new (GTK_GRID (grid), _("Group _name"), 0);
  self->wechat_name_entry = named (gtk_entry_new (), "wechat_name_entry");
  gtk_widget_set_hexpand (self->wechat_name_entry, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->wechat_name_entry), _("As WeChat shows it, such as 丰和林苑2栋1单元邻里群"));
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->wechat_name_entry);
  gtk_grid_attach (GTK_GRID (grid), self->wechat_name_entry, 1, 0, 1, 1);

  /* Translators: the person who runs a WeChat group */
  caption_new (GTK_GRID (grid), _("Admin"), 1);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->wechat_admin_label = GTK_LABEL (named (gtk_label_new (NULL), "wechat_admin_label"));
  gtk_label_set_xalign (self->wechat_admin_label, 0);
  gtk_widget_set_halign (row, GTK_ALIGN_START);
  gtk_box_append (GTK_BOX (row), GTK_WIDGET (self->wechat_admin_label));
  /* Translators: a button choosing a WeChat group's admin */
  button = named (gtk_button_new_with_mnemonic (_("C_hoose…")), "wechat_admin_button");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_choose_admin_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (row), button);
  gtk_grid_attach (GTK_GRID (grid), row, 1, 1, 1, 1);

  /* Translators: how many people are in a WeChat group (500 at most) */
  label = caption_new (GTK_GRID (grid), _("_Members"), 2);
  self->wechat_members_spin = named (gtk_spin_button_new_with_range (0, SZ_WECHAT_MEMBERS_MAX, 1),
                                     "wechat_members_spin");
  gtk_widget_set_halign (self->wechat_members_spin, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->wechat_members_spin);
  gtk_grid_attach (GTK_GRID (grid), self->wechat_members_spin, 1, 2, 1, 1);

  /* Translators: the admin's personal WeChat QR code, printed on the board */
  label = caption_new (GTK_GRID (grid), _("Admin's QR code"), 3);
  gtk_widget_set_valign (label, GTK_ALIGN_START);
  qr_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  self->wechat_qr_picture = named (gtk_picture_new (), "wechat_qr_picture");
  gtk_picture_set_can_shrink (GTK_PICTURE (self->wechat_qr_picture), TRUE);
  gtk_picture_set_content_fit (GTK_PICTURE (self->wechat_qr_picture), GTK_CONTENT_FIT_CONTAIN);
  gtk_widget_set_size_request (self->wechat_qr_picture, 120, 160);
  gtk_box_append (GTK_BOX (qr_box), self->wechat_qr_picture);
  self->wechat_qr_none_label = GTK_LABEL (gtk_label_new (_("No QR code yet")));
  gtk_widget_add_css_class (GTK_WIDGET (self->wechat_qr_none_label), "dim-label");
  gtk_box_append (GTK_BOX (qr_box), GTK_WIDGET (self->wechat_qr_none_label));
  buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_valign (buttons, GTK_ALIGN_START);
  button = named (gtk_button_new_with_mnemonic (_("Choose _QR Code…")), "wechat_qr_button");
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_choose_qr_clicked_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), button);
  /* Translators: a button removing the QR code image */
  self->wechat_qr_remove_button = named (gtk_button_new_with_mnemonic (_("Re_move")), "wechat_qr_remove_button");
  g_signal_connect_object (self->wechat_qr_remove_button, "clicked", G_CALLBACK (on_remove_qr_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->wechat_qr_remove_button);
  gtk_box_append (GTK_BOX (qr_box), buttons);
  gtk_grid_attach (GTK_GRID (grid), qr_box, 1, 3, 1, 1);

  /* Translators: the day the QR code was saved from WeChat */
  label = caption_new (GTK_GRID (grid), _("_Taken on"), 4);
  self->wechat_date_entry = named (gtk_entry_new (), "wechat_date_entry");
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->wechat_date_entry), "YYYY-MM-DD");
  gtk_editable_set_width_chars (GTK_EDITABLE (self->wechat_date_entry), 12);
  gtk_widget_set_halign (self->wechat_date_entry, GTK_ALIGN_START);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), self->wechat_date_entry);
  g_signal_connect_object (self->wechat_date_entry, "changed", G_CALLBACK (update_warnings), self, G_CONNECT_SWAPPED);
  gtk_grid_attach (GTK_GRID (grid), self->wechat_date_entry, 1, 4, 1, 1);

  self->wechat_warnings_box = named (gtk_box_new (GTK_ORIENTATION_VERTICAL, 4), "wechat_warnings_box");
  gtk_box_append (GTK_BOX (self->wechat_box), self->wechat_warnings_box);
  self->wechat_error = named (sz_field_error_new (), "wechat_error");
  gtk_box_append (GTK_BOX (self->wechat_box), self->wechat_error);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->wechat_save_button = named (gtk_button_new_with_mnemonic (_("_Save Group")), "wechat_save_button");
  g_signal_connect_object (self->wechat_save_button, "clicked", G_CALLBACK (on_save_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->wechat_save_button);
  self->wechat_clear_button = named (gtk_button_new_with_mnemonic (_("Remove _Group")), "wechat_clear_button");
  g_signal_connect_object (self->wechat_clear_button, "clicked", G_CALLBACK (on_clear_clicked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (buttons), self->wechat_clear_button);
  gtk_box_append (GTK_BOX (self->wechat_box), buttons);

  /* After the heads, who usually run the groups. */
  gtk_box_insert_child_after (GTK_BOX (parent), self->wechat_box, self->heads_box);
}

void
_sz_place_page_wechat_dispose (SzPlacePage *self)
{
  if (self->wechat_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->wechat_chooser));
  g_clear_object (&self->wechat_chooser);
  g_clear_pointer (&self->wechat, sz_wechat_group_free);
}
