/* sz-restore-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-backup.h"
#include "sz-app-util.h"
#include "sz-backup.h"
#include "sz-restore-dialog.h"
#include "sz-roster.h"

struct _SzRestoreDialog
{
  GtkWindow     parent_instance;

  /* Template widgets */
  GtkButton    *close_button;
  GtkButton    *restore_button;
  GtkLabel     *damaged_label;
  GtkLabel     *folder_label;
  GtkListBox   *backup_list;
  GtkSpinner   *spinner;
  GtkLabel     *status_label;

  /* Owned references */
  SzSession    *session;        /* NULL for a damaged database at start */
  char         *db_path;
  char         *chosen;         /* the backup being restored */
  char         *chosen_when;

  gint64        community_id;   /* kept across a restore */
  gboolean      busy;
  gboolean      restored;
};

G_DEFINE_FINAL_TYPE (SzRestoreDialog, sz_restore_dialog, GTK_TYPE_WINDOW)

static char *
time_text (const SzBackupInfo *info)
{
  return g_date_time_format (info->time, "%Y-%m-%d %H:%M:%S");
}

static GtkWidget *
label_new (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

/* 2026-12-07 14:30:05 · when the app started      12.3 MB
 * 1 community · 150 people · 2,000 records */
static GtkWidget *
row_new (const SzBackupInfo *info)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *grid = gtk_grid_new ();
  g_autofree char *when = time_text (info);
  g_autofree char *title = NULL;
  g_autofree char *size = g_format_size (info->size);
  g_autofree char *contents = sz_backup_info_contents (info);
  GtkWidget *title_label;
  GtkWidget *contents_label;

  /* Translators: a backup in the list: its time, then why it was made ("when the app started") */
  title = g_strdup_printf (_("%s · %s"), when, sz_backup_tag_title (info->tag));
  title_label = label_new (title, "section-title");
  gtk_widget_set_hexpand (title_label, TRUE);
  contents_label = label_new (contents, info->readable ? "dim-label" : "error");
  gtk_label_set_wrap (GTK_LABEL (contents_label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (contents_label), PANGO_WRAP_WORD_CHAR);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 3);
  gtk_grid_attach (GTK_GRID (grid), title_label, 0, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), label_new (size, "dim-label"), 1, 0, 1, 1);
  gtk_grid_attach (GTK_GRID (grid), contents_label, 0, 1, 2, 1);
  gtk_widget_set_margin_start (grid, 6);
  gtk_widget_set_margin_end (grid, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), grid);
  gtk_widget_set_sensitive (row, info->readable);
  g_object_set_data_full (G_OBJECT (row), "path", g_strdup (info->path), g_free);
  g_object_set_data_full (G_OBJECT (row), "when", g_steal_pointer (&when), g_free);
  return row;
}

static void
set_status (SzRestoreDialog *self,
            const char      *text,
            gboolean         is_error)
{
  gtk_label_set_text (self->status_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), text != NULL);
  if (is_error)
    gtk_widget_add_css_class (GTK_WIDGET (self->status_label), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), "error");
}

/* Lists the backups, choosing @select (a path) or else the first one. */
static void
load_list (SzRestoreDialog *self,
           const char      *select)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) backups = sz_backup_list (self->db_path, NULL, TRUE, &error);
  g_autofree char *folder = sz_backup_default_folder (self->db_path);
  g_autofree char *where = NULL;
  GtkWidget *child;
  GtkListBoxRow *chosen = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->backup_list))) != NULL)
    gtk_list_box_remove (self->backup_list, child);
  /* Translators: under the restore dialog's intro; %s is a folder */
  where = g_strdup_printf (_("Backups in %s"), folder);
  gtk_label_set_text (self->folder_label, where);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->folder_label), folder);
  if (backups == NULL)
    {
      set_status (self, error->message, TRUE);
      return;
    }
  for (guint i = 0; i < backups->len; i++)
    {
      SzBackupInfo *info = g_ptr_array_index (backups, i);
      GtkWidget *row = row_new (info);

      gtk_list_box_append (self->backup_list, row);
      if (chosen == NULL && info->readable && (select == NULL || g_strcmp0 (select, info->path) == 0))
        chosen = GTK_LIST_BOX_ROW (row);
    }
  if (chosen != NULL)
    {
      gtk_list_box_select_row (self->backup_list, chosen);
      /* Arrows move through the list from the start; Enter restores. */
      gtk_widget_grab_focus (GTK_WIDGET (chosen));
    }
}

static void
set_busy (SzRestoreDialog *self,
          gboolean         busy)
{
  self->busy = busy;
  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->backup_list), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->close_button), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button),
                            !busy && gtk_list_box_get_selected_row (self->backup_list) != NULL);
  gtk_window_set_deletable (GTK_WINDOW (self), !busy);
}

/* After the restore, or after it failed: the session gets the file back
 * (the restored one, or the old one untouched).  FALSE when it cannot be
 * opened: the window is then left insensitive, with nothing to show. */
static gboolean
reopen (SzRestoreDialog  *self,
        GError          **error)
{
  g_autoptr(SzCommunity) community = NULL;
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));
  SzDb *db;

  if (self->session == NULL)
    return TRUE;
  db = sz_db_open (self->db_path, SZ_DB_OPEN_DEFAULT, error);
  if (db == NULL)
    {
      if (parent != NULL)
        gtk_widget_set_sensitive (GTK_WIDGET (parent), FALSE);
      return FALSE;
    }
  community = sz_community_get (db, self->community_id, NULL);
  if (community == NULL)
    community = sz_community_get_first (db, NULL);
  sz_session_reopen_db (self->session, db, community ? community->id : 0);
  return TRUE;
}

static void
on_restore_done_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(SzRestoreDialog) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) open_error = NULL;
  g_autofree char *before = sz_backup_restore_finish (result, &error);
  g_autofree char *text = NULL;
  g_autofree char *before_name = before ? g_path_get_basename (before) : NULL;
  gboolean ok = error == NULL;

  set_busy (self, FALSE);
  if (!reopen (self, &open_error))
    {
      /* Translators: after a restore, when the database cannot be opened again; %s says why */
      text = g_strdup_printf (_("The database cannot be opened again: %s Close Sanzhang and start it again."),
                              open_error->message);
      set_status (self, text, TRUE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), FALSE);
      return;
    }
  if (!ok)
    {
      /* Translators: %s says why; the data is as it was */
      text = g_strdup_printf (_("Nothing was restored: %s"), error->message);
      set_status (self, text, TRUE);
      return;
    }
  self->restored = TRUE;
  if (before_name != NULL)
    /* Translators: after a restore; the first %s is the backup's time, the second the file name of
     * the backup of the data as it was before */
    text = g_strdup_printf (_("Restored the backup of %s. The data as it was before is kept in the backup “%s”."),
                            self->chosen_when, before_name);
  else
    /* Translators: after a restore; %s is the backup's time */
    text = g_strdup_printf (_("Restored the backup of %s."), self->chosen_when);
  if (self->session == NULL)
    {
      g_autofree char *more = g_strconcat (text, " ", _("Close this window to open the restored roster."), NULL);

      g_free (text);
      text = g_steal_pointer (&more);
      gtk_button_set_label (self->close_button, _("_Open the Roster"));
    }
  set_status (self, text, FALSE);
  /* The before-restore backup is new in the list; the restored one
   * stays chosen. */
  load_list (self, self->chosen);
}

static void
do_restore (GtkWidget *widget,
            gpointer   user_data)
{
  SzRestoreDialog *self = SZ_RESTORE_DIALOG (widget);

  if (self->busy || self->chosen == NULL)
    return;
  if (self->session != NULL)
    {
      self->community_id = sz_session_get_community_id (self->session);
      /* sz_backup_restore() replaces the file: no connection of ours may
       * stay open on it.  This modal dialog keeps the window still until
       * the session has the file again. */
      sz_session_close_db (self->session);
    }
  set_busy (self, TRUE);
  set_status (self, _("Backing up the current data and restoring…"), FALSE);
  sz_backup_restore_async (self->db_path, self->chosen, NULL, NULL, on_restore_done_cb, g_object_ref (self));
}

static void
on_restore_button_clicked_cb (SzRestoreDialog *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->backup_list);
  g_autofree char *title = NULL;

  if (row == NULL || self->busy)
    return;
  g_free (self->chosen);
  self->chosen = g_strdup (g_object_get_data (G_OBJECT (row), "path"));
  g_free (self->chosen_when);
  self->chosen_when = g_strdup (g_object_get_data (G_OBJECT (row), "when"));
  /* Translators: the question before a restore; %s is the backup's time */
  title = g_strdup_printf (_("Restore the backup of %s?"), self->chosen_when);
  sz_confirm (GTK_WIDGET (self), title,
              _("Everything changed since then is replaced by this copy. The data as it is now is kept as a "
                "backup first."),
              _("_Restore"), do_restore, NULL, NULL);
}

static void
on_backup_list_row_selected_cb (SzRestoreDialog *self,
                                GtkListBoxRow   *row)
{
  /* Also emitted while the template is torn down. */
  if (self->restore_button == NULL)
    return;
  gtk_widget_set_sensitive (GTK_WIDGET (self->restore_button), row != NULL && !self->busy);
}

static void
on_backup_list_row_activated_cb (SzRestoreDialog *self,
                                 GtkListBoxRow   *row)
{
  on_restore_button_clicked_cb (self);
}

static gboolean
sz_restore_dialog_close_request (GtkWindow *window)
{
  SzRestoreDialog *self = SZ_RESTORE_DIALOG (window);

  /* Not while the file is being replaced: the session has no database. */
  if (self->busy)
    return TRUE;
  return GTK_WINDOW_CLASS (sz_restore_dialog_parent_class)->close_request (window);
}

static void
sz_restore_dialog_dispose (GObject *object)
{
  SzRestoreDialog *self = SZ_RESTORE_DIALOG (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RESTORE_DIALOG);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_restore_dialog_parent_class)->dispose (object);
}

static void
sz_restore_dialog_finalize (GObject *object)
{
  SzRestoreDialog *self = SZ_RESTORE_DIALOG (object);

  g_free (self->db_path);
  g_free (self->chosen);
  g_free (self->chosen_when);
  G_OBJECT_CLASS (sz_restore_dialog_parent_class)->finalize (object);
}

static void
sz_restore_dialog_class_init (SzRestoreDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = sz_restore_dialog_dispose;
  object_class->finalize = sz_restore_dialog_finalize;
  window_class->close_request = sz_restore_dialog_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-restore-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, restore_button);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, damaged_label);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, folder_label);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, backup_list);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, spinner);
  gtk_widget_class_bind_template_child (widget_class, SzRestoreDialog, status_label);
  gtk_widget_class_bind_template_callback (widget_class, on_restore_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_backup_list_row_activated_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_restore_dialog_init (SzRestoreDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
sz_restore_dialog_new (GtkWindow *parent,
                       SzSession *session)
{
  SzRestoreDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (sz_session_get_db (session) != NULL, NULL);

  self = g_object_new (SZ_TYPE_RESTORE_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->db_path = g_strdup (sz_db_get_path (sz_session_get_db (session)));
  load_list (self, NULL);
  return GTK_WIDGET (self);
}

GtkWidget *
sz_restore_dialog_new_for_damaged (const char *db_path,
                                   const char *problem)
{
  SzRestoreDialog *self;
  g_autoptr(SzBackupInfo) good = NULL;
  g_autofree char *text = NULL;

  g_return_val_if_fail (db_path != NULL, NULL);

  self = g_object_new (SZ_TYPE_RESTORE_DIALOG, NULL);
  self->db_path = g_strdup (db_path);
  /* Translators: at start, above the list of backups; %s is what the check found */
  text = g_strdup_printf (_("The roster cannot be opened: %s The newest backup that reads is chosen below."),
                          problem ? problem : "");
  gtk_label_set_text (self->damaged_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->damaged_label), TRUE);
  good = sz_backup_find_newest_good (db_path, NULL);
  load_list (self, good ? good->path : NULL);
  return GTK_WIDGET (self);
}

gboolean
sz_restore_dialog_has_restored (SzRestoreDialog *self)
{
  g_return_val_if_fail (SZ_IS_RESTORE_DIALOG (self), FALSE);
  return self->restored;
}

gboolean
sz_restore_dialog_is_busy (SzRestoreDialog *self)
{
  g_return_val_if_fail (SZ_IS_RESTORE_DIALOG (self), FALSE);
  return self->busy;
}
