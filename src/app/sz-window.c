/* sz-window.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-backup.h"
#include "sz-board-view.h"
#include "sz-checks-page.h"
#include "sz-data-export-dialog.h"
#include "sz-import-dialog.h"
#include "sz-people-page.h"
#include "sz-place-page.h"
#include "sz-place-sidebar.h"
#include "sz-points-page.h"
#include "sz-records-page.h"
#include "sz-restore-dialog.h"
#include "sz-roster.h"
#include "sz-toast.h"
#include "sz-window.h"

struct _SzWindow
{
  GtkApplicationWindow  parent_instance;

  /* Template widgets */
  GtkStack             *stack;
  GtkBox               *sidebar_box;
  GtkRevealer          *demo_revealer;
  GtkLabel             *demo_label;
  GtkButton            *undo_button;
  GtkOverlay           *overlay;
  GtkStack             *main_stack;
  GtkLabel             *start_title;

  /* Borrowed references (the overlay holds it) */
  GtkWidget            *toast;

  /* Owned references */
  SzSession            *session;
  GtkWidget            *sidebar;

  /* The start page gave way to the community's details, until the
   * community changes. */
  gint64                details_community_id;
};

G_DEFINE_FINAL_TYPE (SzWindow, sz_window, GTK_TYPE_APPLICATION_WINDOW)

SzSession *
sz_window_get_session (SzWindow *self)
{
  g_return_val_if_fail (SZ_IS_WINDOW (self), NULL);
  return self->session;
}

void
sz_window_show_page (SzWindow   *self,
                     const char *name)
{
  g_return_if_fail (SZ_IS_WINDOW (self));
  gtk_stack_set_visible_child_name (self->stack, name);
}

GtkWidget *
sz_window_get_page (SzWindow   *self,
                    const char *name)
{
  g_return_val_if_fail (SZ_IS_WINDOW (self), NULL);
  return gtk_stack_get_child_by_name (self->stack, name);
}

GtkWidget *
sz_window_get_sidebar (SzWindow *self)
{
  g_return_val_if_fail (SZ_IS_WINDOW (self), NULL);
  return self->sidebar;
}

static gboolean
sz_window_close_request (GtkWindow *window)
{
  SzWindow *self = SZ_WINDOW (window);
  GSettings *settings = sz_session_get_settings (self->session);
  int width, height;

  if (settings != NULL)
    {
      gtk_window_get_default_size (window, &width, &height);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
    }
  return GTK_WINDOW_CLASS (sz_window_parent_class)->close_request (window);
}

static void
on_find_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);
  const char *page = gtk_stack_get_visible_child_name (self->stack);

  if (g_strcmp0 (page, "people") == 0)
    sz_people_page_focus_search (SZ_PEOPLE_PAGE (sz_window_get_page (self, "people")));
  else if (g_strcmp0 (page, "records") == 0)
    sz_records_page_focus_search (SZ_RECORDS_PAGE (sz_window_get_page (self, "records")));
  else if (g_strcmp0 (page, "points") == 0)
    sz_points_page_focus_search (SZ_POINTS_PAGE (sz_window_get_page (self, "points")));
  else
    sz_place_sidebar_focus_search (SZ_PLACE_SIDEBAR (self->sidebar));
}

static void
on_print_cb (GtkWidget  *widget,
             const char *action,
             GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  sz_board_view_print (SZ_BOARD_VIEW (sz_window_get_page (self, "board")));
}

static void
on_export_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  sz_board_view_export (SZ_BOARD_VIEW (sz_window_get_page (self, "board")));
}

static void
on_import_cb (GtkWidget  *widget,
              const char *action,
              GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  sz_import_dialog_choose_file (GTK_WINDOW (self), self->session);
}

static void
on_export_data_cb (GtkWidget  *widget,
                   const char *action,
                   GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (sz_data_export_dialog_new (GTK_WINDOW (self), self->session)));
}

static void
on_restore_cb (GtkWidget  *widget,
               const char *action,
               GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  if (sz_session_get_db (self->session) != NULL)
    gtk_window_present (GTK_WINDOW (sz_restore_dialog_new (GTK_WINDOW (self), self->session)));
}

/* A community with no grid yet: the start page stands in for the place
 * page and says how to begin (import a roster, or add the first grid),
 * unless the user asked for the community's details.  Grids from either
 * way (the session's "changed") take it away. */
static void
update_start (SzWindow *self)
{
  SzDb *db = sz_session_get_db (self->session);
  gint64 community = sz_session_get_community_id (self->session);
  g_autoptr(GPtrArray) grids = NULL;
  g_autoptr(SzCommunity) c = NULL;
  gboolean empty;

  /* A restore has the file closed. */
  if (db == NULL)
    return;
  grids = sz_grid_list (db, community, NULL);
  empty = grids != NULL && grids->len == 0;
  if (empty && (c = sz_community_get (db, community, NULL)) != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: the title of the page of a community with no grid yet; %s is its name */
      title = g_strdup_printf (_("%s has no grids yet"), c->name);
      gtk_label_set_text (self->start_title, title);
    }
  if (self->details_community_id != community)
    self->details_community_id = 0;
  gtk_stack_set_visible_child_name (self->main_stack,
                                    empty && self->details_community_id == 0
                                    && g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "place") == 0
                                    ? "start" : "pages");
}

/* While only the demo is there: the note that says so, and the way to
 * replace it by an empty community of the office's own (also in the main
 * menu).  From the database, on every start and after every change. */
static void
update_demo (SzWindow *self)
{
  SzDb *db = sz_session_get_db (self->session);
  gboolean only_demo = FALSE;

  if (db == NULL)
    return;
  if (!sz_community_only_demo (db, &only_demo, NULL))
    only_demo = FALSE;
  gtk_revealer_set_reveal_child (self->demo_revealer, only_demo);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-community", only_demo);
}

static void
on_session_changed_cb (SzWindow *self)
{
  update_start (self);
  update_demo (self);
}

static void
on_add_first_grid_cb (GtkWidget  *widget,
                      const char *action,
                      GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  /* The dialog of the sidebar's +, for the community. */
  sz_session_select_place (self->session, SZ_NODE_COMMUNITY, sz_session_get_community_id (self->session));
  gtk_widget_activate_action (self->sidebar, "sidebar.add-grid", NULL);
}

static void
on_community_details_cb (GtkWidget  *widget,
                         const char *action,
                         GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);

  self->details_community_id = sz_session_get_community_id (self->session);
  sz_session_select_place (self->session, SZ_NODE_COMMUNITY, self->details_community_id);
  sz_window_show_page (self, "place");
  update_start (self);
}

GtkWidget *
sz_window_get_toast (SzWindow *self)
{
  g_return_val_if_fail (SZ_IS_WINDOW (self), NULL);
  return self->toast;
}

/* Ctrl+Z, and the window says what was undone, or why it could not be. */
static void
on_undo_cb (GtkWidget  *widget,
            const char *action,
            GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;

  if (!sz_session_can_undo (self->session))
    return;
  label = g_strdup (sz_session_get_undo_label (self->session));
  if (sz_session_undo (self->session, &error))
    /* Translators: a short message after Ctrl+Z; %s says what: "Edit 张三" */
    text = g_strdup_printf (_("Undone: %s"), label ? label : "");
  else
    /* Translators: a short message after Ctrl+Z; the first %s says what ("Edit 张三"), the second why not */
    text = g_strdup_printf (_("Not undone: %s. %s"), label ? label : "", error->message);
  sz_toast_show (SZ_TOAST (self->toast), text);
}

static void
on_show_place_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);
  int kind;
  gint64 id;

  g_variant_get (parameter, "(ix)", &kind, &id);
  sz_session_select_place (self->session, kind, id);
  sz_window_show_page (self, "place");
}

static void
update_undo (SzWindow *self)
{
  gboolean can = sz_session_can_undo (self->session);
  const char *label = sz_session_get_undo_label (self->session);
  g_autofree char *tip = NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", can);
  /* Translators: tooltip of the undo button; %s says what: "Edit 2栋" */
  tip = can && label ? g_strdup_printf (_("Undo: %s (Ctrl+Z)"), label) : g_strdup (_("Nothing to undo"));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->undo_button), tip);
}

static void
on_can_undo_notify_cb (SzWindow *self)
{
  update_undo (self);
}

/* "Start an empty community instead": the demo goes, a community of the
 * office's own takes its place, in one transaction, after a backup (in a
 * worker thread: the dialog waits for it, the window does not). */
static void
start_new_community (SzWindow  *self,
                     GtkDialog *dialog)
{
  GtkEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  GtkEntry *street = g_object_get_data (G_OBJECT (dialog), "street");
  GtkWidget *error_label = g_object_get_data (G_OBJECT (dialog), "error");
  g_autoptr(GError) error = NULL;
  g_autoptr(SzCommunity) c = NULL;
  SzDb *db = sz_session_get_db (self->session);
  gint64 old = sz_session_get_community_id (self->session);
  gboolean ok;

  c = sz_community_new ();
  c->name = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
  c->street_office = g_strdup (gtk_editable_get_text (GTK_EDITABLE (street)));
  ok = sz_db_begin (db, &error);
  if (ok)
    {
      ok = sz_community_delete (db, old, &error) && sz_community_save (db, c, &error);
      ok = sz_db_end (db, ok, ok ? &error : NULL) && ok;
    }
  if (!ok)
    {
      /* The dialog stays, with the core's message under the field. */
      sz_field_error_set (error_label, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
  /* "changed": the note goes, and the start page shows. */
  sz_session_set_community_id (self->session, c->id);
  sz_window_show_page (self, "place");
}

static void
on_new_community_backup_done_cb (GObject      *source,
                                 GAsyncResult *result,
                                 gpointer      user_data)
{
  g_autoptr(GtkDialog) dialog = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(SzBackupInfo) info = sz_backup_create_finish (result, &error);
  SzWindow *self = SZ_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (dialog)));

  /* Closed (with its window) while the backup ran. */
  if (self == NULL || !gtk_widget_get_visible (GTK_WIDGET (dialog)))
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), TRUE);
  if (info == NULL)
    {
      g_autofree char *text = NULL;

      /* Translators: under the new community's fields; %s says why.  Nothing was removed. */
      text = g_strdup_printf (_("No backup could be made first, so nothing was changed: %s"), error->message);
      sz_field_error_set (g_object_get_data (G_OBJECT (dialog), "error"), text);
      return;
    }
  start_new_community (self, dialog);
}

static void
on_new_community_response_cb (GtkDialog *dialog,
                              int        response,
                              SzWindow  *self)
{
  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  /* Focus out first: a text entry made insensitive while focused keeps
   * its cursor blinking, and GTK warns. */
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);
  gtk_widget_set_sensitive (GTK_WIDGET (dialog), FALSE);
  sz_backup_create_async (sz_db_get_path (sz_session_get_db (self->session)), NULL, SZ_BACKUP_TAG_NEW_COMMUNITY,
                          NULL, on_new_community_backup_done_cb, g_object_ref (dialog));
}

static void
on_new_community_cb (GtkWidget  *widget,
                     const char *action,
                     GVariant   *parameter)
{
  SzWindow *self = SZ_WINDOW (widget);
  GtkWidget *dialog;
  GtkWidget *grid;
  GtkWidget *entry;
  GtkWidget *street;
  GtkWidget *label;
  GtkWidget *note;
  GtkWidget *error_label;

  dialog = gtk_dialog_new_with_buttons (_("Start an Empty Community"), GTK_WINDOW (self),
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        _("_Start"), GTK_RESPONSE_ACCEPT,
                                        NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  grid = gtk_grid_new ();
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_widget_set_margin_start (grid, 18);
  gtk_widget_set_margin_end (grid, 18);
  gtk_widget_set_margin_top (grid, 18);
  gtk_widget_set_margin_bottom (grid, 18);
  note = gtk_label_new (_("The demo community and its made-up people are removed, "
                          "and your community starts empty."));
  gtk_label_set_wrap (GTK_LABEL (note), TRUE);
  gtk_label_set_xalign (GTK_LABEL (note), 0);
  gtk_grid_attach (GTK_GRID (grid), note, 0, 0, 2, 1);
  label = gtk_label_new_with_mnemonic (_("Community _name"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  entry = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), entry);
  gtk_widget_set_hexpand (entry, TRUE);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 1, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), entry, 1, 1, 1, 1);
  label = gtk_label_new_with_mnemonic (_("_Street office"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  street = gtk_entry_new ();
  gtk_entry_set_activates_default (GTK_ENTRY (street), TRUE);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), street);
  gtk_grid_attach (GTK_GRID (grid), label, 0, 2, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), street, 1, 2, 1, 1);
  error_label = sz_field_error_new ();
  gtk_grid_attach (GTK_GRID (grid), error_label, 1, 3, 1, 1);
  gtk_box_append (GTK_BOX (gtk_dialog_get_content_area (GTK_DIALOG (dialog))), grid);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  g_object_set_data (G_OBJECT (dialog), "street", street);
  g_object_set_data (G_OBJECT (dialog), "error", error_label);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_new_community_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
sz_window_dispose (GObject *object)
{
  SzWindow *self = SZ_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_WINDOW);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_window_parent_class)->dispose (object);
}

static void
sz_window_class_init (SzWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_window_dispose;
  window_class->close_request = sz_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-window.ui");
  gtk_widget_class_bind_template_child (widget_class, SzWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, sidebar_box);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, demo_revealer);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, demo_label);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, undo_button);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, overlay);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, SzWindow, start_title);

  gtk_widget_class_install_action (widget_class, "win.find", NULL, on_find_cb);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, on_print_cb);
  gtk_widget_class_install_action (widget_class, "win.export", NULL, on_export_cb);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, on_undo_cb);
  gtk_widget_class_install_action (widget_class, "win.import", NULL, on_import_cb);
  gtk_widget_class_install_action (widget_class, "win.export-data", NULL, on_export_data_cb);
  gtk_widget_class_install_action (widget_class, "win.restore", NULL, on_restore_cb);
  gtk_widget_class_install_action (widget_class, "win.show-place", "(ix)", on_show_place_cb);
  gtk_widget_class_install_action (widget_class, "win.new-community", NULL, on_new_community_cb);
  gtk_widget_class_install_action (widget_class, "win.add-first-grid", NULL, on_add_first_grid_cb);
  gtk_widget_class_install_action (widget_class, "win.community-details", NULL, on_community_details_cb);
  /* Also without the application's accelerators (the tests have none). */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_z, GDK_CONTROL_MASK, "win.undo", NULL);
}

static void
sz_window_init (SzWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->toast = sz_toast_new ();
  gtk_overlay_add_overlay (self->overlay, self->toast);
}

SzWindow *
sz_window_new (SzApplication *app,
               SzSession     *session,
               gboolean       demo)
{
  SzWindow *self;
  GSettings *settings = sz_session_get_settings (session);

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_WINDOW, "application", app, NULL);
  self->session = g_object_ref (session);
  if (settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self), g_settings_get_int (settings, "window-width"),
                                   g_settings_get_int (settings, "window-height"));
      if (g_settings_get_boolean (settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
    }

  self->sidebar = sz_place_sidebar_new (session);
  gtk_widget_set_vexpand (self->sidebar, TRUE);
  gtk_box_append (self->sidebar_box, self->sidebar);
  /* Translators: the pages of the main window */
  gtk_stack_add_titled (self->stack, sz_place_page_new (session), "place", _("Place"));
  gtk_stack_add_titled (self->stack, sz_board_view_new (session), "board", _("Board"));
  gtk_stack_add_titled (self->stack, sz_people_page_new (session), "people", _("People"));
  gtk_stack_add_titled (self->stack, sz_checks_page_new (session), "checks", _("Checks"));
  /* Translators: the page of residents' issue records (民情) */
  gtk_stack_add_titled (self->stack, sz_records_page_new (session), "records", _("Records"));
  /* Translators: the page of the heads' volunteer hours, points and honours (积分) */
  gtk_stack_add_titled (self->stack, sz_points_page_new (session), "points", _("Points"));

  g_signal_connect_object (session, "notify::can-undo", G_CALLBACK (on_can_undo_notify_cb), self, G_CONNECT_SWAPPED);
  update_undo (self);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->stack, "notify::visible-child", G_CALLBACK (update_start), self, G_CONNECT_SWAPPED);
  on_session_changed_cb (self);
  return self;
}
