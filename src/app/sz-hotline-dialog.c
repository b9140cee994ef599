/* sz-hotline-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-hotline-dialog.h"
#include "sz-post.h"
#include "sz-validate.h"

struct _SzHotlineDialog
{
  GtkWindow    parent_instance;

  /* Template widgets */
  GtkGrid     *grid;
  GtkDropDown *category_drop_down;
  GtkEntry    *label_entry;
  GtkEntry    *number_entry;
  GtkEntry    *verified_entry;

  /* Owned references */
  SzSession   *session;
  SzHotline   *hotline;     /* as loaded, or a new one at its scope */

  GtkWidget   *label_error;
  GtkWidget   *number_error;
  GtkWidget   *verified_error;
  GtkWidget   *form_error;
};

G_DEFINE_FINAL_TYPE (SzHotlineDialog, sz_hotline_dialog, GTK_TYPE_WINDOW)

static SzHotline *
hotline_copy (const SzHotline *h)
{
  SzHotline *copy = sz_hotline_new ();

  *copy = *h;
  copy->label = g_strdup (h->label);
  copy->number = g_strdup (h->number);
  copy->verified_on = g_strdup (h->verified_on);
  return copy;
}

/* Undo */

typedef struct
{
  SzHotline *previous;
  gint64     added_id;
} HotlineUndo;

static void
hotline_undo_free (gpointer data)
{
  HotlineUndo *undo = data;

  g_clear_pointer (&undo->previous, sz_hotline_free);
  g_free (undo);
}

static gboolean
hotline_undo_run (SzSession  *session,
                  gpointer    data,
                  GError    **error)
{
  HotlineUndo *undo = data;
  SzDb *db = sz_session_get_db (session);
  g_autoptr(SzHotline) copy = NULL;
  g_autoptr(SzHotline) current = NULL;
  g_autoptr(GError) local_error = NULL;

  if (undo->previous == NULL)
    return sz_hotline_delete (db, undo->added_id, error);

  copy = hotline_copy (undo->previous);
  current = sz_hotline_get (db, copy->id, &local_error);
  if (current == NULL)
    {
      if (!g_error_matches (local_error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }
      /* Removed: it comes back as a new row, at its old place in the list. */
      copy->id = 0;
    }
  return sz_hotline_save (db, copy, error);
}

void
sz_hotline_dialog_push_undo (SzSession       *session,
                             const char      *label,
                             const SzHotline *previous,
                             gint64           added_id)
{
  HotlineUndo *undo;

  g_return_if_fail (SZ_IS_SESSION (session));
  g_return_if_fail (previous != NULL || added_id != 0);

  undo = g_new0 (HotlineUndo, 1);
  undo->previous = previous ? hotline_copy (previous) : NULL;
  undo->added_id = added_id;
  sz_session_push_undo (session, label, hotline_undo_run, undo, hotline_undo_free);
}

/* Fields */

static GtkWidget *
error_label_for (SzHotlineDialog *self,
                 const char      *field_id)
{
  if (g_strcmp0 (field_id, "label") == 0)
    return self->label_error;
  if (g_strcmp0 (field_id, "number") == 0)
    return self->number_error;
  if (g_strcmp0 (field_id, "verified-on") == 0)
    return self->verified_error;
  if (g_strcmp0 (field_id, "form") == 0)
    return self->form_error;
  return NULL;
}

static GtkEntry *
entry_for (SzHotlineDialog *self,
           const char      *field_id)
{
  if (g_strcmp0 (field_id, "label") == 0)
    return self->label_entry;
  if (g_strcmp0 (field_id, "number") == 0)
    return self->number_entry;
  if (g_strcmp0 (field_id, "verified-on") == 0)
    return self->verified_entry;
  return NULL;
}

/* The core's messages begin with the field's name, as translated in the
 * same text domain: that decides where the message goes. */
static void
show_error (SzHotlineDialog *self,
            const GError    *error)
{
  const struct { const char *field_id; const char *name; } names[] = {
    { "label", _("Hotline label") },
    { "number", _("Hotline number") },
    { "verified-on", _("Verified on") },
  };
  GtkWidget *label = self->form_error;
  GtkEntry *entry = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_str_has_prefix (error->message, names[i].name))
      {
        label = error_label_for (self, names[i].field_id);
        entry = entry_for (self, names[i].field_id);
        break;
      }
  sz_field_error_set (label, error->message);
  if (entry != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (entry));
}

static void
clear_errors (SzHotlineDialog *self)
{
  sz_field_error_set (self->label_error, NULL);
  sz_field_error_set (self->number_error, NULL);
  sz_field_error_set (self->verified_error, NULL);
  sz_field_error_set (self->form_error, NULL);
}

void
sz_hotline_dialog_set_category (SzHotlineDialog *self,
                                int              category)
{
  g_return_if_fail (SZ_IS_HOTLINE_DIALOG (self));
  g_return_if_fail (category >= 0 && category < SZ_N_HOTLINE_CATEGORIES);

  gtk_drop_down_set_selected (self->category_drop_down, category);
}

void
sz_hotline_dialog_set_field (SzHotlineDialog *self,
                             const char      *field_id,
                             const char      *text)
{
  GtkEntry *entry;

  g_return_if_fail (SZ_IS_HOTLINE_DIALOG (self));
  entry = entry_for (self, field_id);
  g_return_if_fail (entry != NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
}

const char *
sz_hotline_dialog_get_field_error (SzHotlineDialog *self,
                                   const char      *field_id)
{
  GtkWidget *label;

  g_return_val_if_fail (SZ_IS_HOTLINE_DIALOG (self), NULL);
  label = error_label_for (self, field_id);
  g_return_val_if_fail (label != NULL, NULL);

  if (!gtk_widget_get_visible (label))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (label));
}

gboolean
sz_hotline_dialog_save (SzHotlineDialog *self)
{
  g_autoptr(SzHotline) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undo_label = NULL;
  SzDb *db;
  guint category;

  g_return_val_if_fail (SZ_IS_HOTLINE_DIALOG (self), FALSE);

  db = sz_session_get_db (self->session);
  clear_errors (self);
  edited = hotline_copy (self->hotline);
  category = gtk_drop_down_get_selected (self->category_drop_down);
  if (category < SZ_N_HOTLINE_CATEGORIES)
    edited->category = category;
  g_free (edited->label);
  edited->label = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_entry)));
  g_free (edited->number);
  edited->number = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->number_entry)));
  g_free (edited->verified_on);
  edited->verified_on = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->verified_entry)));
  if (!sz_hotline_save (db, edited, &error))
    {
      show_error (self, error);
      return FALSE;
    }

  if (self->hotline->id == 0)
    {
      /* Translators: an undo step; %s is a hotline's label ("自来水抢修") */
      undo_label = g_strdup_printf (_("Add hotline %s"), sz_hotline_display_label (edited));
      sz_hotline_dialog_push_undo (self->session, undo_label, NULL, edited->id);
    }
  else
    {
      /* Translators: an undo step; %s is a hotline's label ("自来水抢修") */
      undo_label = g_strdup_printf (_("Edit hotline %s"), sz_hotline_display_label (edited));
      sz_hotline_dialog_push_undo (self->session, undo_label, self->hotline, 0);
    }
  /* Keep the session alive past our own destruction. */
  {
    g_autoptr(SzSession) session = g_object_ref (self->session);

    gtk_window_destroy (GTK_WINDOW (self));
    sz_session_changed (session);
  }
  return TRUE;
}

static void
on_save_button_clicked_cb (SzHotlineDialog *self)
{
  sz_hotline_dialog_save (self);
}

static void
sz_hotline_dialog_dispose (GObject *object)
{
  SzHotlineDialog *self = SZ_HOTLINE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_HOTLINE_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->hotline, sz_hotline_free);
  G_OBJECT_CLASS (sz_hotline_dialog_parent_class)->dispose (object);
}

static void
sz_hotline_dialog_class_init (SzHotlineDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_hotline_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-hotline-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzHotlineDialog, grid);
  gtk_widget_class_bind_template_child (widget_class, SzHotlineDialog, category_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzHotlineDialog, label_entry);
  gtk_widget_class_bind_template_child (widget_class, SzHotlineDialog, number_entry);
  gtk_widget_class_bind_template_child (widget_class, SzHotlineDialog, verified_entry);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_hotline_dialog_init (SzHotlineDialog *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < SZ_N_HOTLINE_CATEGORIES; i++)
    gtk_string_list_append (categories, sz_hotline_category_title (i));
  gtk_drop_down_set_model (self->category_drop_down, G_LIST_MODEL (categories));

  /* Each message sits right under its field. */
  self->label_error = sz_field_error_new ();
  gtk_grid_attach (self->grid, self->label_error, 1, 2, 1, 1);
  self->number_error = sz_field_error_new ();
  gtk_grid_attach (self->grid, self->number_error, 1, 4, 1, 1);
  self->verified_error = sz_field_error_new ();
  gtk_grid_attach (self->grid, self->verified_error, 1, 6, 1, 1);
  self->form_error = sz_field_error_new ();
  gtk_widget_set_margin_top (self->form_error, 6);
  gtk_grid_attach (self->grid, self->form_error, 0, 7, 2, 1);
}

GtkWidget *
sz_hotline_dialog_new (GtkWindow *parent,
                       SzSession *session,
                       gint64     hotline_id,
                       int        scope,
                       gint64     scope_id)
{
  SzHotlineDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (scope >= 0 && scope < SZ_N_SCOPES, NULL);

  self = g_object_new (SZ_TYPE_HOTLINE_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);

  if (hotline_id != 0)
    self->hotline = sz_hotline_get (sz_session_get_db (session), hotline_id, &error);
  if (self->hotline == NULL)
    {
      /* A hotline that went meanwhile: say so, and let the user add it anew. */
      if (error != NULL)
        sz_field_error_set (self->form_error, error->message);
      self->hotline = sz_hotline_new ();
      self->hotline->scope = scope;
      self->hotline->scope_id = scope_id;
      self->hotline->category = SZ_HOTLINE_WATER;
      self->hotline->verified_on = sz_today ();
    }

  gtk_window_set_title (GTK_WINDOW (self), self->hotline->id ? _("Edit Hotline") : _("Add Hotline"));
  gtk_drop_down_set_selected (self->category_drop_down, self->hotline->category);
  gtk_editable_set_text (GTK_EDITABLE (self->label_entry), self->hotline->label ? self->hotline->label : "");
  gtk_editable_set_text (GTK_EDITABLE (self->number_entry), self->hotline->number ? self->hotline->number : "");
  gtk_editable_set_text (GTK_EDITABLE (self->verified_entry),
                         self->hotline->verified_on ? self->hotline->verified_on : "");
  gtk_widget_grab_focus (GTK_WIDGET (self->hotline->id ? self->number_entry : self->label_entry));
  return GTK_WIDGET (self);
}
