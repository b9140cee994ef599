/* sz-place-page-hotlines.c: the place page's hotlines section
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-hotline-dialog.h"
#include "sz-phone.h"
#include "sz-place-page-private.h"
#include "sz-roster.h"

/* Where an inherited hotline comes from, as its row says. */
static const char *
origin_title (SzScope scope)
{
  switch (scope)
    {
    case SZ_SCOPE_COMMUNITY: return _("From the community");
    case SZ_SCOPE_COMPOUND: return _("From the compound");
    case SZ_SCOPE_BUILDING: return _("From the building");
    default: g_return_val_if_reached (NULL);
    }
}

static gint64
row_hotline_id (GtkWidget *widget)
{
  GtkWidget *row = gtk_widget_get_ancestor (widget, GTK_TYPE_LIST_BOX_ROW);
  gint64 *id = row ? g_object_get_data (G_OBJECT (row), "hotline-id") : NULL;

  return id ? *id : 0;
}

static void
open_dialog (SzPlacePage *self,
             gint64       hotline_id)
{
  GtkWidget *dialog;

  if (!self->has_scope)
    return;
  dialog = sz_hotline_dialog_new (_sz_place_page_get_window (self), self->session, hotline_id,
                                  self->scope, self->id);
  gtk_window_present (GTK_WINDOW (dialog));
}

GtkWidget *
sz_place_page_add_hotline (SzPlacePage *self)
{
  GtkWidget *dialog;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), NULL);

  if (self->record == NULL || !self->has_scope)
    return NULL;
  dialog = sz_hotline_dialog_new (_sz_place_page_get_window (self), self->session, 0, self->scope, self->id);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}

guint
sz_place_page_get_n_hotlines (SzPlacePage *self)
{
  guint n = 0;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), 0);

  while (gtk_list_box_get_row_at_index (self->hotline_list, n) != NULL)
    n++;
  return n;
}

gint64
sz_place_page_get_hotline (SzPlacePage *self,
                           guint        index,
                           gboolean    *own)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), 0);
  row = gtk_list_box_get_row_at_index (self->hotline_list, index);
  g_return_val_if_fail (row != NULL, 0);

  if (own != NULL)
    *own = gtk_list_box_row_get_activatable (row);
  return row_hotline_id (GTK_WIDGET (row));
}

/* Remove and "mark verified" keep the hotline as it was, for undo. */
static SzHotline *
change_hotline (SzPlacePage  *self,
                gint64        hotline_id,
                gboolean      remove,
                GError      **error)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzHotline) previous = sz_hotline_get (db, hotline_id, error);

  if (previous == NULL)
    return NULL;
  if (remove ? !sz_hotline_delete (db, hotline_id, error) : !sz_hotline_mark_verified (db, hotline_id, NULL, error))
    return NULL;
  return g_steal_pointer (&previous);
}

gboolean
sz_place_page_remove_hotline (SzPlacePage  *self,
                              gint64        hotline_id,
                              GError      **error)
{
  g_autoptr(SzHotline) previous = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  previous = change_hotline (self, hotline_id, TRUE, error);
  if (previous == NULL)
    return FALSE;
  /* Translators: an undo step; %s is a hotline's label ("自来水抢修") */
  label = g_strdup_printf (_("Remove hotline %s"), sz_hotline_display_label (previous));
  sz_hotline_dialog_push_undo (self->session, label, previous, 0);
  sz_session_changed (self->session);
  return TRUE;
}

gboolean
sz_place_page_mark_hotline_verified (SzPlacePage  *self,
                                     gint64        hotline_id,
                                     GError      **error)
{
  g_autoptr(SzHotline) previous = NULL;
  g_autofree char *label = NULL;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  previous = change_hotline (self, hotline_id, FALSE, error);
  if (previous == NULL)
    return FALSE;
  /* Translators: an undo step; %s is a hotline's label ("自来水抢修") */
  label = g_strdup_printf (_("Mark hotline %s verified"), sz_hotline_display_label (previous));
  sz_hotline_dialog_push_undo (self->session, label, previous, 0);
  sz_session_changed (self->session);
  return TRUE;
}

static void
on_remove_confirmed_cb (GtkWidget *widget,
                        gpointer   user_data)
{
  g_autoptr(GError) error = NULL;

  if (!sz_place_page_remove_hotline (SZ_PLACE_PAGE (widget), *(gint64 *) user_data, &error))
    sz_show_error (widget, _("The hotline could not be removed"), error);
}

static void
on_remove_clicked_cb (SzPlacePage *self,
                      GtkWidget   *button)
{
  gint64 id = row_hotline_id (button);
  GtkWidget *row = gtk_widget_get_ancestor (button, GTK_TYPE_LIST_BOX_ROW);
  g_autofree char *title = NULL;

  /* Translators: %s is a hotline's label ("自来水抢修") */
  title = g_strdup_printf (_("Remove the hotline “%s”?"), (char *) g_object_get_data (G_OBJECT (row), "label"));
  sz_confirm (GTK_WIDGET (self), title,
              _("Its number will no longer be printed on the boards here. Undo (Ctrl+Z) brings it back."),
              _("_Remove"), on_remove_confirmed_cb, g_memdup2 (&id, sizeof id), g_free);
}

static void
on_verify_clicked_cb (SzPlacePage *self,
                      GtkWidget   *button)
{
  g_autoptr(GError) error = NULL;

  if (!sz_place_page_mark_hotline_verified (self, row_hotline_id (button), &error))
    sz_show_error (GTK_WIDGET (self), _("The hotline could not be marked as verified"), error);
}

static void
on_edit_clicked_cb (SzPlacePage *self,
                    GtkWidget   *button)
{
  open_dialog (self, row_hotline_id (button));
}

static void
on_hotline_list_row_activated_cb (SzPlacePage   *self,
                                  GtkListBoxRow *row)
{
  open_dialog (self, row_hotline_id (GTK_WIDGET (row)));
}

static void
on_add_hotline_button_clicked_cb (SzPlacePage *self)
{
  sz_place_page_add_hotline (self);
}

static void
add_button (SzPlacePage *self,
            GtkWidget   *box,
            const char  *icon,
            const char  *tip,
            GCallback    callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, tip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tip, -1);
  g_signal_connect_object (button, "clicked", callback, self, G_CONNECT_SWAPPED);
  gtk_box_append (GTK_BOX (box), button);
}

static void
hotline_add (SzPlacePage     *self,
             const SzHotline *h,
             gboolean         own)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = _sz_place_page_row_box_new ();
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  g_autofree char *number = sz_phone_format (h->number);
  g_autofree char *detail = NULL;

  if (h->verified_on != NULL)
    /* Translators: a hotline's category ("Water"), then the day its number was last checked */
    detail = g_strdup_printf (_("%s · verified on %s"), sz_hotline_category_title (h->category), h->verified_on);
  else
    /* Translators: %s is a hotline's category ("Water") */
    detail = g_strdup_printf (_("%s · never verified"), sz_hotline_category_title (h->category));
  gtk_box_append (GTK_BOX (text), _sz_place_page_row_label_new (sz_hotline_display_label (h), FALSE, NULL));
  gtk_box_append (GTK_BOX (text), _sz_place_page_row_label_new (detail, FALSE, "caption"));
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), text);
  gtk_box_append (GTK_BOX (box), _sz_place_page_row_label_new (number, FALSE, NULL));
  if (own)
    {
      add_button (self, box, "object-select-symbolic", _("Mark verified today"), G_CALLBACK (on_verify_clicked_cb));
      add_button (self, box, "document-edit-symbolic", _("Edit"), G_CALLBACK (on_edit_clicked_cb));
      add_button (self, box, "user-trash-symbolic", _("Remove"), G_CALLBACK (on_remove_clicked_cb));
    }
  else
    {
      /* Changed where it belongs; here it is only shown. */
      gtk_box_append (GTK_BOX (box), _sz_place_page_row_label_new (origin_title (h->scope), FALSE, "caption"));
      gtk_widget_add_css_class (row, "inherited");
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), own);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  g_object_set_data_full (G_OBJECT (row), "hotline-id", g_memdup2 (&h->id, sizeof h->id), g_free);
  g_object_set_data_full (G_OBJECT (row), "label", g_strdup (sz_hotline_display_label (h)), g_free);
  gtk_list_box_append (self->hotline_list, row);
}

void
_sz_place_page_hotlines_reload (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GPtrArray) lines = NULL;
  g_autoptr(GError) error = NULL;
  const char *note = NULL;

  _sz_place_page_clear_list (self->hotline_list);
  self->has_scope = FALSE;
  gtk_widget_set_visible (self->hotlines_box, self->record != NULL);
  if (self->record == NULL)
    return;

  switch (self->kind)
    {
    case SZ_NODE_COMMUNITY:
      self->has_scope = TRUE;
      self->scope = SZ_SCOPE_COMMUNITY;
      lines = sz_hotline_list_scope (db, SZ_SCOPE_COMMUNITY, self->id, &error);
      note = _("Printed on every board of the community, unless a compound or building has its own number "
               "of the same category.");
      break;
    case SZ_NODE_GRID:
      lines = sz_hotline_list_scope (db, SZ_SCOPE_COMMUNITY, sz_session_get_community_id (self->session), &error);
      note = _("A grid's board prints the community's hotlines: change them on the community.");
      break;
    case SZ_NODE_COMPOUND:
      self->has_scope = TRUE;
      self->scope = SZ_SCOPE_COMPOUND;
      lines = sz_hotline_list_for_compound (db, self->id, &error);
      note = _("The compound's own numbers replace the community's of the same category on its boards.");
      break;
    case SZ_NODE_BUILDING:
      self->has_scope = TRUE;
      self->scope = SZ_SCOPE_BUILDING;
      /* The building's own ones are among these: the nearest scope wins. */
      lines = sz_hotline_list_for_building (db, self->id, &error);
      note = _("The building's own numbers replace those of its compound and community of the same category.");
      break;
    case SZ_NODE_UNIT:
      lines = sz_hotline_list_for_building (db, ((SzUnit *) self->record)->building_id, &error);
      note = _("A unit's board prints its building's hotlines: change them on the building, its compound or "
               "the community.");
      break;
    default:
      g_assert_not_reached ();
    }
  gtk_label_set_text (self->hotlines_note, lines ? note : error->message);
  gtk_widget_set_visible (self->add_hotline_button, self->has_scope);
  for (guint i = 0; lines != NULL && i < lines->len; i++)
    {
      SzHotline *h = g_ptr_array_index (lines, i);
      hotline_add (self, h, self->has_scope && h->scope == self->scope);
    }
}

void
_sz_place_page_class_hotlines_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_hotline_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_hotline_button_clicked_cb);
}
