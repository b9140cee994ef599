/* sz-preferences-window.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-backup-preferences.h"
#include "sz-preferences-window-private.h"
#include "sz-staff.h"

/* Two halves: what this computer starts boards with (GSettings, applied
 * as soon as it changes, as GNOME users expect), and what the community's
 * boards print (the database, shared by everyone who opens the roster, so
 * saved together with Apply in one transaction and undoable). */

G_DEFINE_FINAL_TYPE (SzPreferencesWindow, sz_preferences_window, GTK_TYPE_WINDOW)

/* ------------------------------------------------------------ object */

static gboolean
sz_preferences_window_close_request (GtkWindow *window)
{
  if (_sz_preferences_window_ask_discard (SZ_PREFERENCES_WINDOW (window)))
    return TRUE;
  return GTK_WINDOW_CLASS (sz_preferences_window_parent_class)->close_request (window);
}

static void
sz_preferences_window_dispose (GObject *object)
{
  SzPreferencesWindow *self = SZ_PREFERENCES_WINDOW (object);

  if (self->folder_chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->folder_chooser));
  g_clear_object (&self->folder_chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);
  g_clear_object (&self->session);
  g_clear_pointer (&self->saved, sz_community_free);
  G_OBJECT_CLASS (sz_preferences_window_parent_class)->dispose (object);
}

static void
sz_preferences_window_class_init (SzPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_preferences_window_dispose;
  window_class->close_request = sz_preferences_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, settings_box);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, staff_box);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, staff_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, paper_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, landscape_check);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, style_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, engine_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, engine_note);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, folder_label);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, folder_reset_button);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, phones_switch);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, community_note);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_text_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_text_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_caption_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_caption_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, vacancy_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, vacancy_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_spin);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_unit);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, qr_age_error);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, revert_button);
  gtk_widget_class_bind_template_child (widget_class, SzPreferencesWindow, apply_button);
  _sz_preferences_window_class_settings_init (widget_class);
  _sz_preferences_window_class_community_init (widget_class);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
}

static void
sz_preferences_window_init (SzPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  _sz_preferences_window_init_settings (self);

  /* What a blank field prints. */
  gtk_entry_set_placeholder_text (self->vacancy_entry, _("Vacant: please contact the community"));

  gtk_window_set_default_widget (GTK_WINDOW (self), self->apply_button);
}

GtkWidget *
sz_preferences_window_new (GtkWindow *parent,
                           SzSession *session)
{
  SzPreferencesWindow *self;
  GSettings *settings;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PREFERENCES_WINDOW, "transient-for", parent, NULL);
  if (parent != NULL && gtk_window_get_application (parent) != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->session = g_object_ref (session);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      self->settings = g_object_ref (settings);
      /* Reads the keys into the widgets: not an edit. */
      self->loading = TRUE;
      _sz_preferences_window_bind_settings (self);
      self->loading = FALSE;
    }
  else
    gtk_widget_set_sensitive (self->settings_box, FALSE);
  _sz_preferences_window_build_server (self);
  /* An older settings schema has no name to keep. */
  gtk_widget_set_visible (self->staff_box, sz_staff_has_setting (settings));
  /* This computer's backups: a section of its own (sz-backup-preferences.c). */
  gtk_box_append (GTK_BOX (self->settings_box), sz_backup_preferences_new (settings));

  _sz_preferences_window_show_community (self);
  return GTK_WIDGET (self);
}
