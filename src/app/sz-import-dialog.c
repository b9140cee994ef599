/* sz-import-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-import-dialog-private.h"
#include "sz-table.h"

G_DEFINE_FINAL_TYPE (SzImportDialog, sz_import_dialog, GTK_TYPE_WINDOW)

static char *
encoding_title (const char *code,
                gboolean    detected)
{
  const char *title = code;

  if (g_str_equal (code, "UTF-8"))
    title = _("UTF-8 (Unicode)");
  else if (g_str_equal (code, "GB18030"))
    title = _("GB18030/GBK (Simplified Chinese)");
  else if (g_str_equal (code, "UTF-16LE"))
    title = _("UTF-16LE (Excel “Unicode text”)");
  else if (g_str_equal (code, "BIG5"))
    title = _("Big5 (Traditional Chinese)");
  /* Translators: the encoding the file was found to be in, in the list of encodings */
  return detected ? g_strdup_printf (_("%s, detected"), title) : g_strdup (title);
}

/* "UTF-8 (BOM)" is UTF-8 in the list. */
static gboolean
same_encoding (const char *found,
               const char *code)
{
  size_t n = strlen (code);

  return found != NULL && strncmp (found, code, n) == 0 && (found[n] == '\0' || found[n] == ' ');
}

/* The encoding and sheet lists.  A list's model is replaced only when
 * its items change, never while its own selection is being changed. */
static void
update_source_widgets (SzImportDialog *self,
                       SzTable        *table)
{
  const char * const *codes = sz_table_encodings ();
  const char *current = table ? sz_table_get_encoding (table) : self->encoding;
  guint selected = GTK_INVALID_LIST_POSITION;
  const char * const *sheets = table ? sz_table_get_sheet_names (table) : NULL;

  self->updating = TRUE;
  if (gtk_drop_down_get_model (self->encoding_dropdown) == NULL
      || g_strcmp0 (g_object_get_data (G_OBJECT (self->encoding_dropdown), "detected"), self->detected) != 0)
    {
      g_autoptr(GtkStringList) encodings = gtk_string_list_new (NULL);

      for (guint i = 0; codes[i] != NULL; i++)
        {
          g_autofree char *title = encoding_title (codes[i], same_encoding (self->detected, codes[i]));

          gtk_string_list_append (encodings, title);
        }
      gtk_drop_down_set_model (self->encoding_dropdown, G_LIST_MODEL (encodings));
      g_object_set_data_full (G_OBJECT (self->encoding_dropdown), "detected", g_strdup (self->detected), g_free);
    }
  for (guint i = 0; codes[i] != NULL; i++)
    if (same_encoding (current, codes[i]))
      selected = i;
  if (gtk_drop_down_get_selected (self->encoding_dropdown) != selected)
    gtk_drop_down_set_selected (self->encoding_dropdown, selected);
  gtk_widget_set_visible (self->encoding_box, self->is_text);

  if (sheets != NULL && (self->sheet_names == NULL || !g_strv_equal ((const char * const *) self->sheet_names, sheets)))
    {
      g_autoptr(GtkStringList) list = gtk_string_list_new (sheets);

      g_strfreev (self->sheet_names);
      self->sheet_names = g_strdupv ((char **) sheets);
      gtk_drop_down_set_model (self->sheet_dropdown, G_LIST_MODEL (list));
    }
  if (self->sheet_names != NULL && g_strv_length (self->sheet_names) > 1)
    {
      const char *sheet = table ? sz_table_get_sheet (table) : self->sheet;

      selected = GTK_INVALID_LIST_POSITION;
      for (guint i = 0; self->sheet_names[i] != NULL; i++)
        if (g_strcmp0 (self->sheet_names[i], sheet) == 0)
          selected = i;
      if (gtk_drop_down_get_selected (self->sheet_dropdown) != selected)
        gtk_drop_down_set_selected (self->sheet_dropdown, selected);
      gtk_widget_set_visible (self->sheet_box, TRUE);
    }
  else
    gtk_widget_set_visible (self->sheet_box, FALSE);
  self->updating = FALSE;
}

static void
show_read_error (SzImportDialog *self,
                 const GError   *error)
{
  const char *hint = NULL;

  if (g_error_matches (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING))
    hint = _("Choose another encoding above. A file saved by WPS or Excel as CSV is usually GB18030/GBK.");
  else if (g_error_matches (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED))
    hint = _("Use the original file, as WPS or Excel saved it.");
  else if (error->domain == SZ_TABLE_ERROR)
    hint = _("Open the file in WPS or Excel, check it, and save it again as .xlsx or CSV.");
  gtk_label_set_text (self->read_error_label, error->message);
  gtk_label_set_text (self->read_hint_label, hint ? hint : "");
  gtk_widget_set_visible (GTK_WIDGET (self->read_hint_label), hint != NULL);
  gtk_stack_set_visible_child_name (self->preview_stack, "error");
  /* Nothing to list or to change: the message has the room. */
  gtk_widget_set_visible (self->details_box, FALSE);
  gtk_widget_set_visible (self->hint_label, FALSE);

  gtk_label_set_text (self->problems_label, _("The file could not be read"));
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), FALSE);
  gtk_widget_set_visible (self->flags_box, FALSE);
  _sz_import_dialog_fill_report (self->report_grid, NULL, 2, NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", FALSE);
}

/* Reads the file again with the chosen sheet and encoding; the user's
 * column choices stay when the columns are the same file's (a change of
 * encoding), not for another sheet. */
static void
load (SzImportDialog *self,
      gboolean        keep_mapping)
{
  g_autoptr(GError) error = NULL;
  SzTable *table;

  _sz_import_dialog_clear_lists (self);
  g_clear_pointer (&self->import, sz_import_free);
  if (!keep_mapping)
    g_array_set_size (self->hand, 0);

  table = sz_table_read_file (self->path, self->sheet, self->encoding, &error);
  if (table == NULL)
    {
      if (g_error_matches (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_ENCODING)
          || g_error_matches (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_DAMAGED))
        self->is_text = TRUE;
      update_source_widgets (self, NULL);
      show_read_error (self, error);
      return;
    }
  if (sz_table_get_format (table) == SZ_TABLE_CSV)
    {
      self->is_text = TRUE;
      if (self->encoding == NULL && self->detected == NULL)
        self->detected = g_strdup (sz_table_get_encoding (table));
    }
  update_source_widgets (self, table);

  self->import = sz_import_new (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                table);
  for (guint i = 0; i < self->hand->len; i++)
    {
      Mapping *m = &g_array_index (self->hand, Mapping, i);

      if (m->column < (int) sz_table_get_n_columns (table))
        sz_import_set_column (self->import, m->field, m->column);
    }
  sz_import_set_flags (self->import, self->flags);
  _sz_import_dialog_build_preview (self);
  gtk_stack_set_visible_child_name (self->preview_stack, "table");
  gtk_widget_set_visible (self->details_box, TRUE);
  gtk_widget_set_visible (self->hint_label, TRUE);
  _sz_import_dialog_refresh (self);
}

static void
on_encoding_selected_cb (SzImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->encoding_dropdown);
  const char * const *codes = sz_table_encodings ();

  if (self->updating || selected == GTK_INVALID_LIST_POSITION || selected >= g_strv_length ((char **) codes))
    return;
  g_free (self->encoding);
  self->encoding = g_strdup (codes[selected]);
  load (self, TRUE);
}

static void
on_sheet_selected_cb (SzImportDialog *self)
{
  guint selected = gtk_drop_down_get_selected (self->sheet_dropdown);

  if (self->updating || self->sheet_names == NULL || selected >= g_strv_length (self->sheet_names))
    return;
  g_free (self->sheet);
  self->sheet = g_strdup (self->sheet_names[selected]);
  load (self, FALSE);
}

static void
sz_import_dialog_dispose (GObject *object)
{
  SzImportDialog *self = SZ_IMPORT_DIALOG (object);

  if (self->scroll_tick != 0 && self->preview_grid != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->preview_grid), self->scroll_tick);
  self->scroll_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_IMPORT_DIALOG);
  /* After the lists, whose rows read the import's items. */
  g_clear_pointer (&self->import, sz_import_free);
  G_OBJECT_CLASS (sz_import_dialog_parent_class)->dispose (object);
}

static void
sz_import_dialog_finalize (GObject *object)
{
  SzImportDialog *self = SZ_IMPORT_DIALOG (object);

  g_clear_object (&self->session);
  g_clear_object (&self->field_model);
  g_clear_object (&self->problem_model);
  g_clear_object (&self->change_model);
  g_clear_object (&self->fix_model);
  g_clear_pointer (&self->problem_items, g_ptr_array_unref);
  g_clear_pointer (&self->change_items, g_ptr_array_unref);
  g_clear_pointer (&self->fix_items, g_ptr_array_unref);
  g_clear_pointer (&self->dropdowns, g_ptr_array_unref);
  g_clear_pointer (&self->cells, g_ptr_array_unref);
  g_clear_pointer (&self->marks, g_hash_table_unref);
  g_clear_pointer (&self->hand, g_array_unref);
  g_clear_pointer (&self->sheet_names, g_strfreev);
  g_free (self->path);
  g_free (self->sheet);
  g_free (self->encoding);
  g_free (self->detected);
  G_OBJECT_CLASS (sz_import_dialog_parent_class)->finalize (object);
}

static void
sz_import_dialog_class_init (SzImportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_import_dialog_dispose;
  object_class->finalize = sz_import_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-import-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, import_button);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, close_button);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, file_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, sheet_box);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, sheet_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, encoding_box);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, encoding_dropdown);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, missing_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, paned);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, preview_stack);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, preview_scroller);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, preview_grid);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, rows_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, earlier_button);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, later_button);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, read_error_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, read_hint_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, problems_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, problems_view);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, report_grid);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, places_check);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, heads_check);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, flags_box);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, details_box);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, hint_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, changes_view);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, summary_title);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, summary_grid);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, fixes_label);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, fixes_scroller);
  gtk_widget_class_bind_template_child (widget_class, SzImportDialog, fixes_view);
  _sz_import_dialog_class_preview_init (widget_class);
  _sz_import_dialog_class_plan_init (widget_class);
  _sz_import_dialog_class_summary_init (widget_class);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
  /* Enter is GtkWindow's: it activates Import, the default widget, when
   * Import can be pressed and the focus is not on a widget of its own
   * that takes Enter (a list, a dropdown). */
}

static void
sz_import_dialog_init (SzImportDialog *self)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->current_row = -1;
  self->current_column = -1;
  self->hand = g_array_new (FALSE, FALSE, sizeof (Mapping));
  self->problem_items = g_ptr_array_new ();
  self->change_items = g_ptr_array_new ();
  self->fix_items = g_ptr_array_new ();
  self->dropdowns = g_ptr_array_new ();
  self->cells = g_ptr_array_new ();
  self->marks = g_hash_table_new (g_direct_hash, g_direct_equal);

  /* Translators: what a column holds when it is not imported */
  g_ptr_array_add (fields, (gpointer) _("Not imported"));
  for (int f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    g_ptr_array_add (fields, (gpointer) sz_import_field_title (f));
  g_ptr_array_add (fields, NULL);
  self->field_model = gtk_string_list_new ((const char * const *) fields->pdata);

  _sz_import_dialog_init_lists (self);

  g_signal_connect_object (self->encoding_dropdown, "notify::selected", G_CALLBACK (on_encoding_selected_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->sheet_dropdown, "notify::selected", G_CALLBACK (on_sheet_selected_cb), self,
                           G_CONNECT_SWAPPED);
}

GtkWidget *
sz_import_dialog_new (GtkWindow *parent,
                      SzSession *session,
                      GFile     *file)
{
  SzImportDialog *self;
  g_autofree char *name = NULL;
  int width, height;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (SZ_TYPE_IMPORT_DIALOG, "transient-for", parent, NULL);
  self->session = g_object_ref (session);
  self->path = g_file_get_path (file);
  name = g_file_get_basename (file);
  gtk_label_set_text (self->file_label, name);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->file_label), self->path);

  /* As large as the window under it allows: the preview wants width, and
   * the office's screen may be 1024×700. */
  if (parent != NULL && (width = gtk_widget_get_width (GTK_WIDGET (parent))) > 0
      && (height = gtk_widget_get_height (GTK_WIDGET (parent))) > 0)
    {
      width = CLAMP (width - 48, 640, 1160);
      height = CLAMP (height - 48, 480, 800);
      gtk_window_set_default_size (GTK_WINDOW (self), width, height);
      gtk_paned_set_position (self->paned, height * 45 / 100);
    }

  if (self->path == NULL)
    {
      g_autoptr(GError) error = g_error_new (G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                                             _("“%s” is not a file on this computer."), name);

      show_read_error (self, error);
    }
  else
    load (self, FALSE);
  /* The first focus: Import when it can be pressed (Enter imports), else
   * the problems (Enter goes to the first one's row). */
  if (gtk_widget_is_sensitive (GTK_WIDGET (self->import_button)))
    gtk_widget_grab_focus (GTK_WIDGET (self->import_button));
  else
    gtk_widget_grab_focus (GTK_WIDGET (self->problems_view));
  return GTK_WIDGET (self);
}

static void
on_chooser_response_cb (GtkNativeDialog *chooser,
                        int              response,
                        SzSession       *session)
{
  GtkWindow *parent = gtk_native_dialog_get_transient_for (chooser);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));

      if (file != NULL)
        gtk_window_present (GTK_WINDOW (sz_import_dialog_new (parent, session, file)));
    }
  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
}

GtkFileChooserNative *
sz_import_dialog_choose_file (GtkWindow *parent,
                              SzSession *session)
{
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) sheets = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) all = gtk_file_filter_new ();

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  chooser = gtk_file_chooser_native_new (_("Import Roster"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  /* Translators: file chooser filter */
  gtk_file_filter_set_name (sheets, _("Spreadsheets and text (.xlsx, .xls, .csv, .txt)"));
  gtk_file_filter_add_suffix (sheets, "xlsx");
  gtk_file_filter_add_suffix (sheets, "xls");
  gtk_file_filter_add_suffix (sheets, "csv");
  gtk_file_filter_add_suffix (sheets, "txt");
  gtk_file_filter_set_name (all, _("All files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), sheets);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  gtk_file_chooser_set_filter (GTK_FILE_CHOOSER (chooser), sheets);
  g_signal_connect_data (chooser, "response", G_CALLBACK (on_chooser_response_cb), g_object_ref (session),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  return chooser;
}
