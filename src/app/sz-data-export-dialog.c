/* sz-data-export-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-data-export-dialog.h"
#include "sz-export-table.h"
#include "sz-record.h"

/* The what dropdown's items, in the .ui's order. */
enum { WHAT_ROSTER, WHAT_HOTLINES, WHAT_RECORDS };
/* The format dropdown's. */
enum { FORMAT_XLSX, FORMAT_CSV_UTF8, FORMAT_CSV_GBK };

/* How many months back the month dropdown offers. */
#define N_MONTHS 36

struct _SzDataExportDialog
{
  GtkWindow              parent_instance;

  /* Template widgets */
  GtkDropDown           *what_dropdown;
  GtkWidget             *month_label;
  GtkDropDown           *month_dropdown;
  GtkDropDown           *format_dropdown;
  GtkCheckButton        *phones_check;
  GtkCheckButton        *reporters_check;
  GtkLabel              *privacy_label;
  GtkLabel              *summary_label;

  /* Owned references */
  SzSession             *session;
  GtkStringList         *months;      /* "" for all, then "2026-11" … */
  GtkFileChooserNative  *chooser;
};

G_DEFINE_FINAL_TYPE (SzDataExportDialog, sz_data_export_dialog, GTK_TYPE_WINDOW)

static guint
what (SzDataExportDialog *self)
{
  return gtk_drop_down_get_selected (self->what_dropdown);
}

/* What the file will hold, said before it is written. */
static void
update_options (SzDataExportDialog *self)
{
  gboolean records = what (self) == WHAT_RECORDS;
  gboolean full = gtk_check_button_get_active (self->phones_check);
  gboolean reporters = records && gtk_check_button_get_active (self->reporters_check);
  const char *text;

  gtk_widget_set_visible (self->month_label, records);
  gtk_widget_set_visible (GTK_WIDGET (self->month_dropdown), records);
  gtk_widget_set_visible (GTK_WIDGET (self->reporters_check), records);
  /* Service numbers are public: the hotlines never mask them. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->phones_check), what (self) != WHAT_HOTLINES);
  if (what (self) == WHAT_HOTLINES)
    text = _("Service numbers are public and exported in full.");
  else if (full || reporters)
    text = _("The file will hold residents’ personal data: only you can open it on this computer. "
             "Keep it safe, give it only to those who need it and delete it when done.");
  else if (records)
    text = _("Phone numbers are masked (138****1234) and the reporters are left out.");
  else
    text = _("Phone numbers are masked (138****1234): such a file cannot be imported back.");
  gtk_label_set_text (self->privacy_label, text);
  if (what (self) != WHAT_HOTLINES && (full || reporters))
    gtk_widget_add_css_class (GTK_WIDGET (self->privacy_label), "warning");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->privacy_label), "warning");
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), FALSE);
}

static void
on_what_dropdown_selected_cb (SzDataExportDialog *self)
{
  update_options (self);
}

static void
on_option_toggled_cb (SzDataExportDialog *self)
{
  update_options (self);
}

static SzExportFormat
chosen_format (SzDataExportDialog *self,
               const char        **encoding)
{
  guint format = gtk_drop_down_get_selected (self->format_dropdown);

  *encoding = format == FORMAT_CSV_GBK ? "GBK" : NULL;
  return format == FORMAT_XLSX ? SZ_EXPORT_XLSX : SZ_EXPORT_CSV;
}

static SzExport *
build_export (SzDataExportDialog  *self,
              GError             **error)
{
  SzDb *db = sz_session_get_db (self->session);
  gint64 community = sz_session_get_community_id (self->session);
  SzExportFlags flags = SZ_EXPORT_DEFAULT;
  gint64 from = 0, to = 0;

  if (gtk_check_button_get_active (self->phones_check))
    flags |= SZ_EXPORT_FULL_PHONES;
  switch (what (self))
    {
    case WHAT_ROSTER:
      return sz_export_roster (db, community, flags, error);
    case WHAT_HOTLINES:
      return sz_export_hotlines (db, community, SZ_EXPORT_DEFAULT, error);
    default:
      {
        const char *month = gtk_string_list_get_string (self->months,
                                                        gtk_drop_down_get_selected (self->month_dropdown));

        if (gtk_check_button_get_active (self->reporters_check))
          flags |= SZ_EXPORT_WITH_REPORTERS;
        if (month != NULL && *month != '\0' && !sz_record_parse_month (month, &from, &to, error))
          return NULL;
        return sz_export_records (db, community, from, to, flags, error);
      }
    }
}

gboolean
sz_data_export_dialog_write (SzDataExportDialog  *self,
                             const char          *path,
                             GError             **error)
{
  g_autoptr(SzExport) export = NULL;
  g_autofree char *summary = NULL;
  const char *encoding;
  SzExportFormat format;

  g_return_val_if_fail (SZ_IS_DATA_EXPORT_DIALOG (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  format = chosen_format (self, &encoding);
  export = build_export (self, error);
  if (export == NULL || !sz_export_write (export, path, format, encoding, error))
    return FALSE;
  summary = sz_export_describe (export, path, format);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), TRUE);
  return TRUE;
}

/* The file name the chooser offers: what, the month, the extension. */
static char *
suggested_name (SzDataExportDialog *self)
{
  const char *encoding;
  const char *ext = chosen_format (self, &encoding) == SZ_EXPORT_XLSX ? ".xlsx" : ".csv";

  switch (what (self))
    {
    case WHAT_ROSTER:
      /* Translators: a file name, without its extension */
      return g_strconcat (_("roster"), ext, NULL);
    case WHAT_HOTLINES:
      /* Translators: a file name, without its extension */
      return g_strconcat (_("hotlines"), ext, NULL);
    default:
      {
        const char *month = gtk_string_list_get_string (self->months,
                                                        gtk_drop_down_get_selected (self->month_dropdown));

        /* Translators: a file name, without its extension; a month follows ("records-2026-11") */
        return g_strconcat (_("records"), month && *month ? "-" : "", month ? month : "", ext, NULL);
      }
    }
}

static void
on_chooser_response_cb (SzDataExportDialog *self,
                        int                 response,
                        GtkNativeDialog    *chooser)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  gtk_native_dialog_destroy (chooser);
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;
  if (!sz_data_export_dialog_write (self, path, &error))
    sz_show_error (GTK_WIDGET (self), _("The data could not be exported"), error);
}

static void
on_export_button_clicked_cb (SzDataExportDialog *self)
{
  g_autoptr(GFile) folder = NULL;
  g_autofree char *name = suggested_name (self);

  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Data"), GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);
  folder = sz_export_start_folder (sz_session_get_settings (self->session));
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (self->chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), name);
  g_signal_connect_object (self->chooser, "response", G_CALLBACK (on_chooser_response_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
fill_months (SzDataExportDialog *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_from_unix_local (sz_record_now ());
  g_autoptr(GDateTime) first = g_date_time_new_local (g_date_time_get_year (now), g_date_time_get_month (now),
                                                      1, 12, 0, 0);
  g_autoptr(GtkStringList) titles = gtk_string_list_new (NULL);

  self->months = gtk_string_list_new (NULL);
  gtk_string_list_append (self->months, "");
  /* Translators: the month dropdown of the export: every record */
  gtk_string_list_append (titles, _("All months"));
  for (int i = 0; i < N_MONTHS; i++)
    {
      g_autoptr(GDateTime) month = g_date_time_add_months (first, -i);
      g_autofree char *key = g_date_time_format (month, "%Y-%m");

      gtk_string_list_append (self->months, key);
      gtk_string_list_append (titles, key);
    }
  gtk_drop_down_set_model (self->month_dropdown, G_LIST_MODEL (titles));
  /* This month: what the street office asks for. */
  gtk_drop_down_set_selected (self->month_dropdown, 1);
}

static void
sz_data_export_dialog_dispose (GObject *object)
{
  SzDataExportDialog *self = SZ_DATA_EXPORT_DIALOG (object);

  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_DATA_EXPORT_DIALOG);
  g_clear_object (&self->session);
  g_clear_object (&self->months);
  G_OBJECT_CLASS (sz_data_export_dialog_parent_class)->dispose (object);
}

static void
sz_data_export_dialog_class_init (SzDataExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_data_export_dialog_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-data-export-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, what_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, month_label);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, month_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, format_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, phones_check);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, reporters_check);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, privacy_label);
  gtk_widget_class_bind_template_child (widget_class, SzDataExportDialog, summary_label);
  gtk_widget_class_bind_template_callback (widget_class, on_what_dropdown_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_option_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_export_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_data_export_dialog_init (SzDataExportDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  fill_months (self);
  update_options (self);
}

GtkWidget *
sz_data_export_dialog_new (GtkWindow *parent,
                           SzSession *session)
{
  SzDataExportDialog *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_DATA_EXPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  return GTK_WIDGET (self);
}
