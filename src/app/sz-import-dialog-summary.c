/* sz-import-dialog-summary.c: the import, its report and the page the
 * import dialog ends on
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-backup.h"
#include "sz-import-dialog-private.h"
#include "sz-table.h"

static void
report_line (GtkGrid    *grid,
             guint      *n,
             guint       per_line,
             const char *title,
             guint       value,
             gboolean    always)
{
  GtkWidget *label;
  g_autofree char *number = NULL;
  int column = (int) (*n % per_line) * 2;
  int row = (int) (*n / per_line);

  if (value == 0 && !always)
    return;
  /* On one line: a wrapping label in a grid asks for its height at one
   * character's width, and the dialog would outgrow the screen. */
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_tooltip_text (label, title);
  gtk_widget_set_hexpand (label, per_line > 1);
  gtk_grid_attach (grid, label, column, row, 1, 1);
  number = g_strdup_printf ("%u", value);
  label = gtk_label_new (number);
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "numeric");
  if (column + 2 < (int) per_line * 2)
    gtk_widget_set_margin_end (label, 12);
  gtk_grid_attach (grid, label, column + 1, row, 1, 1);
  (*n)++;
}

/* The report's figures, "title  number", @per_line to a line: the
 * preview's (what would change, two a line to leave room for the rows)
 * and the summary's (what did, with today's date). */
void
_sz_import_dialog_fill_report (GtkGrid              *grid,
                               const SzImportReport *r,
                               guint                 per_line,
                               const char           *today)
{
  GtkWidget *child;
  guint n = 0;
  g_autofree char *consent = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
  if (r == NULL)
    return;
  report_line (grid, &n, per_line, _("Rows read"), r->rows, TRUE);
  report_line (grid, &n, per_line, _("Header rows repeated, skipped"), r->rows_skipped, FALSE);
  report_line (grid, &n, per_line, _("People added"), r->people_created, TRUE);
  report_line (grid, &n, per_line, _("People already on the roster"), r->people_found, FALSE);
  report_line (grid, &n, per_line, _("Vacant posts filled"), r->heads_appointed, TRUE);
  report_line (grid, &n, per_line, _("Heads replaced (handovers)"), r->heads_replaced, FALSE);
  report_line (grid, &n, per_line, _("Already the head there"), r->heads_unchanged, FALSE);
  report_line (grid, &n, per_line, _("New grids"), r->grids_created, FALSE);
  report_line (grid, &n, per_line, _("New compounds"), r->compounds_created, FALSE);
  report_line (grid, &n, per_line, _("New buildings"), r->buildings_created, FALSE);
  report_line (grid, &n, per_line, _("New units"), r->units_created, FALSE);
  if (today != NULL)
    /* Translators: %s is today's date; the consent to print a head's phone */
    consent = g_strdup_printf (_("Consent recorded with today's date (%s)"), today);
  report_line (grid, &n, per_line, consent ? consent : _("Consent dated today"), r->consents_dated, FALSE);
  report_line (grid, &n, per_line, _("Names corrected"), r->names_fixed, FALSE);
}

static void
show_summary (SzImportDialog *self)
{
  const SzImportReport *report = sz_import_get_report (self->import);
  GPtrArray *problems = sz_import_get_problems (self->import);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *title = NULL;
  g_autofree char *fixes = NULL;

  _sz_import_dialog_clear_lists (self);
  /* Translators: %s is the file's name, in quotes */
  title = g_strdup_printf (_("The roster was imported from %s"),
                           sz_table_get_display_name (sz_import_get_table (self->import)));
  gtk_label_set_text (self->summary_title, title);
  _sz_import_dialog_fill_report (self->summary_grid, report, 1, today);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SzImportProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (self->fix_items, problem);
      g_ptr_array_add (texts, problem->text ? problem->text : "");
    }
  _sz_import_dialog_set_strings (self->fix_model, texts);
  if (self->fix_items->len > 0)
    fixes = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u thing to know, corrected or imported as it was:",
                                          "%u things to know, corrected or imported as they were:",
                                          self->fix_items->len), self->fix_items->len);
  gtk_label_set_text (self->fixes_label, fixes ? fixes : _("Every row was imported as it was written."));
  gtk_widget_set_visible (self->fixes_scroller, self->fix_items->len > 0);

  gtk_widget_set_visible (GTK_WIDGET (self->import_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self->close_button), TRUE);
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->close_button));
  gtk_stack_set_visible_child_name (self->stack, "summary");
  gtk_widget_grab_focus (GTK_WIDGET (self->close_button));
}

static void
on_import_run_cb (GtkWidget  *widget,
                  const char *action,
                  GVariant   *parameter)
{
  SzImportDialog *self = SZ_IMPORT_DIALOG (widget);
  g_autoptr(GError) error = NULL;
  SzBackupInfo *backup;

  if (self->import == NULL || self->applied)
    return;

  /* An import changes many rows at once: a checked copy of the database
   * comes first, so that 从备份恢复 can take the whole import back. */
  backup = sz_backup_create (sz_db_get_path (sz_session_get_db (self->session)), NULL, SZ_BACKUP_TAG_IMPORT,
                             NULL, NULL, NULL, NULL, &error);
  if (backup == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The roster was not imported: the backup made before every import failed"),
                     error);
      return;
    }

  _sz_import_dialog_clear_lists (self);
  if (!sz_import_apply (self->import, &error))
    {
      /* Nothing was written; the problems that stopped it are listed. */
      sz_backup_info_free (backup);
      _sz_import_dialog_refresh (self);
      sz_show_error (GTK_WIDGET (self), _("The roster was not imported"), error);
      return;
    }
  sz_backup_info_free (backup);
  self->applied = TRUE;
  gtk_widget_action_set_enabled (widget, "import.run", FALSE);
  /* An import cannot be undone in one step, so no undo step may survive
   * it: Ctrl+Z would undo an older change under the imported rows.
   * Choosing the community again forgets the step, selects the whole
   * community (where the new places are) and tells every view. */
  sz_session_set_community_id (self->session, sz_session_get_community_id (self->session));
  show_summary (self);
}

void
_sz_import_dialog_class_summary_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "import.run", NULL, on_import_run_cb);
}
