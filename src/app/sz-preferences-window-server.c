/* sz-preferences-window-server.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The street office's server in the preferences: its address (kept in
 * GSettings, without a password), the password (kept in the user's
 * ~/.pgpass by sz_db_remember_password(), where libpq finds it), and a
 * check that the address answers before it is kept.  The app opens the
 * server at its next start (sz-application.c). */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-preferences-window-private.h"

#define SERVER_KEY "server"

static void
set_status (SzPreferencesWindow *self,
            const char          *text,
            gboolean             error)
{
  gtk_label_set_text (self->server_status, text);
  if (error)
    gtk_widget_add_css_class (GTK_WIDGET (self->server_status), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_status), "error");
}

/* Connects with what the form says, and keeps it only when that works. */
static void
on_server_apply_clicked_cb (SzPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->server_entry))));
  const char *password = gtk_editable_get_text (GTK_EDITABLE (self->server_password));
  g_autoptr(SzDb) db = NULL;
  g_autoptr(GPtrArray) communities = NULL;
  g_autofree char *text = NULL;

  if (*address == '\0')
    {
      g_settings_set_string (self->settings, SERVER_KEY, "");
      set_status (self, _("This computer's database file is used again from the next start."), FALSE);
      return;
    }
  if (!sz_db_location_is_server (address))
    {
      set_status (self, _("Server address: write it as postgresql://LOGIN@HOST/DATABASE."), TRUE);
      return;
    }
  if (*password != '\0' && !sz_db_remember_password (address, password, &error))
    {
      set_status (self, error->message, TRUE);
      return;
    }
  db = sz_db_open (address, SZ_DB_OPEN_DEFAULT, &error);
  if (db != NULL)
    communities = sz_community_list (db, &error);
  if (communities == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  g_settings_set_string (self->settings, SERVER_KEY, address);
  gtk_editable_set_text (GTK_EDITABLE (self->server_password), "");
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Connected: this login sees %u community. Sanzhang opens the server from its next start.",
                                       "Connected: this login sees %u communities. Sanzhang opens the server from its next start.",
                                       communities->len),
                          communities->len);
  set_status (self, text, FALSE);
}

/* Below the settings of this computer: a title, the address, the
 * password, the button and what happened. */
void
_sz_preferences_window_build_server (SzPreferencesWindow *self)
{
  GtkWidget *title = gtk_label_new (_("Street office's server"));
  GtkWidget *hint = gtk_label_new (_("Leave the address empty to keep using this computer's database file. "
                                     "The password is kept in your ~/.pgpass (readable by you only), "
                                     "never in Sanzhang's settings."));
  GtkWidget *grid = gtk_grid_new ();
  GtkWidget *address_label = gtk_label_new_with_mnemonic (_("_Address"));
  GtkWidget *password_label = gtk_label_new_with_mnemonic (_("Pass_word"));
  GtkWidget *apply = gtk_button_new_with_mnemonic (_("_Connect and Keep"));
  g_autofree char *current = NULL;

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "section-title");
  gtk_widget_set_margin_top (title, 12);
  gtk_label_set_xalign (GTK_LABEL (hint), 0);
  gtk_label_set_wrap (GTK_LABEL (hint), TRUE);
  gtk_widget_add_css_class (hint, "dim-label");
  gtk_widget_add_css_class (hint, "caption");

  self->server_entry = GTK_ENTRY (gtk_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->server_entry), "server_entry");
  gtk_widget_set_hexpand (GTK_WIDGET (self->server_entry), TRUE);
  gtk_entry_set_placeholder_text (self->server_entry, "postgresql://wangli@192.168.1.10/jiedao");
  self->server_password = GTK_PASSWORD_ENTRY (gtk_password_entry_new ());
  gtk_widget_set_name (GTK_WIDGET (self->server_password), "server_password");
  gtk_password_entry_set_show_peek_icon (self->server_password, TRUE);
  self->server_status = GTK_LABEL (gtk_label_new (NULL));
  gtk_widget_set_name (GTK_WIDGET (self->server_status), "server_status");
  gtk_label_set_xalign (self->server_status, 0);
  gtk_label_set_wrap (self->server_status, TRUE);
  gtk_label_set_selectable (self->server_status, TRUE);
  gtk_widget_set_name (apply, "server_apply_button");
  gtk_widget_set_halign (apply, GTK_ALIGN_START);
  g_signal_connect_object (apply, "clicked", G_CALLBACK (on_server_apply_clicked_cb), self, G_CONNECT_SWAPPED);

  gtk_label_set_xalign (GTK_LABEL (address_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (address_label), GTK_WIDGET (self->server_entry));
  gtk_label_set_xalign (GTK_LABEL (password_label), 0);
  gtk_label_set_mnemonic_widget (GTK_LABEL (password_label), GTK_WIDGET (self->server_password));
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_attach (GTK_GRID (grid), address_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->server_entry), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), password_label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), GTK_WIDGET (self->server_password), 1, 1, 1, 1);

  gtk_box_append (GTK_BOX (self->settings_box), title);
  gtk_box_append (GTK_BOX (self->settings_box), grid);
  gtk_box_append (GTK_BOX (self->settings_box), hint);
  gtk_box_append (GTK_BOX (self->settings_box), apply);
  gtk_box_append (GTK_BOX (self->settings_box), GTK_WIDGET (self->server_status));

  if (self->settings != NULL)
    {
      current = g_settings_get_string (self->settings, SERVER_KEY);
      gtk_editable_set_text (GTK_EDITABLE (self->server_entry), current);
    }
}
