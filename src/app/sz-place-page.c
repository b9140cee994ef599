/* sz-place-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include "sz-app-util.h"
#include "sz-place-page-private.h"
#include "sz-roster.h"

G_DEFINE_FINAL_TYPE (SzPlacePage, sz_place_page, GTK_TYPE_WIDGET)

/* Shared by the sections */

char *
_sz_place_page_get_label (SzPlacePage *self)
{
  return self->record ? _sz_place_page_record_label (sz_session_get_db (self->session), self->kind, self->record) : NULL;
}

GtkWindow *
_sz_place_page_get_window (SzPlacePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_sz_place_page_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

GtkWidget *
_sz_place_page_row_label_new (const char *text,
                              gboolean    expand,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
_sz_place_page_row_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/* Loading */

static const char *
kind_title (SzNodeKind kind)
{
  switch (kind)
    {
    case SZ_NODE_COMMUNITY: return sz_scope_title (SZ_SCOPE_COMMUNITY);
    case SZ_NODE_GRID: return sz_level_place_title (SZ_LEVEL_GRID);
    case SZ_NODE_COMPOUND: return sz_scope_title (SZ_SCOPE_COMPOUND);
    case SZ_NODE_BUILDING: return sz_level_place_title (SZ_LEVEL_BUILDING);
    case SZ_NODE_UNIT: return sz_level_place_title (SZ_LEVEL_UNIT);
    default: g_return_val_if_reached (NULL);
    }
}

/* Shows the session's place.  With @rebuild (another place was selected)
 * the form starts afresh; otherwise what the user is typing stays. */
static void
reload (SzPlacePage *self,
        gboolean     rebuild)
{
  SzDb *db = sz_session_get_db (self->session);
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gpointer record;

  record = _sz_place_page_record_get (db, kind, id, &error);
  rebuild = rebuild || self->record == NULL || kind != self->kind || id != self->id;
  _sz_place_page_record_free (self->kind, self->record);
  self->record = record;
  self->kind = kind;
  self->id = id;

  gtk_widget_set_visible (self->details_box, record != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), record == NULL);
  if (record == NULL)
    {
      /* Deleted meanwhile, or a database that cannot be read. */
      _sz_place_page_form_build (self);
      gtk_label_set_text (self->title_label, _("This place is not in the roster"));
      gtk_label_set_text (self->subtitle_label, "");
      gtk_label_set_text (self->missing_label, error->message);
    }
  else
    {
      if (rebuild)
        {
          _sz_place_page_form_build (self);
          _sz_place_page_form_clear_errors (self);
        }
      else
        _sz_place_page_form_refresh (self);
      _sz_place_page_form_links (self);
      label = _sz_place_page_record_label (db, kind, record);
      gtk_label_set_text (self->title_label, label ? label : "");
      gtk_label_set_text (self->subtitle_label, kind_title (kind));
      _sz_place_page_households_reload (self);
    }
  _sz_place_page_heads_reload (self);
  _sz_place_page_wechat_reload (self);
  _sz_place_page_hotlines_reload (self);
  _sz_place_page_form_update_save (self);
}

static void
on_session_changed_cb (SzPlacePage *self)
{
  reload (self, FALSE);
}

/* A page opens at its top, whether another place was selected or the
 * page is shown again (from a check, say): the top is the place's name. */
static void
scroll_to_top (SzPlacePage *self)
{
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);

  gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
}

static void
on_place_selected_cb (SzPlacePage *self)
{
  reload (self, TRUE);
  scroll_to_top (self);
}

static void
sz_place_page_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (sz_place_page_parent_class)->map (widget);
  scroll_to_top (SZ_PLACE_PAGE (widget));
}

static void
on_show_phones_changed_cb (SzPlacePage *self)
{
  _sz_place_page_heads_reload (self);
}

static void
sz_place_page_dispose (GObject *object)
{
  SzPlacePage *self = SZ_PLACE_PAGE (object);
  GtkWidget *child;

  _sz_place_page_wechat_dispose (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PLACE_PAGE);
  /* The template unparents only the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  _sz_place_page_record_free (self->kind, g_steal_pointer (&self->record));
  g_clear_object (&self->session);
  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->head_since, g_free);
  G_OBJECT_CLASS (sz_place_page_parent_class)->dispose (object);
}

static void
sz_place_page_class_init (SzPlacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_place_page_dispose;
  widget_class->map = sz_place_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-place-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, details_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, form_grid);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, form_error_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, heads_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, heads_title);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, vacant_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_grid);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_name_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_phone_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_consent_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_since_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_chosen_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, appoint_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, end_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, history_list);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotlines_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotlines_note);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotline_list);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, add_hotline_button);
  _sz_place_page_class_form_init (widget_class);
  _sz_place_page_class_households_init (widget_class);
  _sz_place_page_class_heads_init (widget_class);
  _sz_place_page_class_hotlines_init (widget_class);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
sz_place_page_init (SzPlacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _sz_place_page_form_init (self);
  _sz_place_page_wechat_init (self);
  gtk_list_box_set_placeholder (self->history_list, placeholder_new (_("Nobody has held this post yet.")));
  gtk_list_box_set_placeholder (self->hotline_list, placeholder_new (_("No hotlines yet.")));
}

GtkWidget *
sz_place_page_new (SzSession *session)
{
  SzPlacePage *self;
  GSettings *settings;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PLACE_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "place-selected", G_CALLBACK (on_place_selected_cb), self, G_CONNECT_SWAPPED);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::show-phones", G_CALLBACK (on_show_phones_changed_cb), self,
                             G_CONNECT_SWAPPED);
  reload (self, TRUE);
  return GTK_WIDGET (self);
}
