/* sz-import-dialog-plan.c: what the import would do, shown again after
 * every change: the problems and changes lists, the permissions
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-import-dialog-private.h"

void
_sz_import_dialog_set_strings (GtkStringList *model,
                               GPtrArray     *texts)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (model));

  g_ptr_array_add (texts, NULL);
  gtk_string_list_splice (model, 0, n, (const char * const *) texts->pdata);
}

void
_sz_import_dialog_clear_lists (SzImportDialog *self)
{
  g_autoptr(GPtrArray) none = g_ptr_array_new ();

  /* The models first: their rows read the items, which the import owns. */
  _sz_import_dialog_set_strings (self->problem_model, none);
  g_ptr_array_set_size (none, 0);
  _sz_import_dialog_set_strings (self->change_model, none);
  g_ptr_array_set_size (none, 0);
  _sz_import_dialog_set_strings (self->fix_model, none);
  g_ptr_array_set_size (self->problem_items, 0);
  g_ptr_array_set_size (self->change_items, 0);
  g_ptr_array_set_size (self->fix_items, 0);
}

static void
on_problem_setup_cb (GtkSignalListItemFactory *factory,
                     GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *image = gtk_image_new ();
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), image);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_list_item_set_child (item, box);
}

static void
on_problem_bind_cb (GtkSignalListItemFactory  *factory,
                    GtkListItem               *item,
                    GPtrArray                **items)
{
  static const char *icons[] = { "dialog-error-symbolic", "dialog-warning-symbolic", "emblem-ok-symbolic" };
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *image = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (image);
  guint position = gtk_list_item_get_position (item);
  SzImportProblem *problem;

  if (position >= (*items)->len)
    return;
  problem = g_ptr_array_index (*items, position);
  gtk_image_set_from_icon_name (GTK_IMAGE (image), icons[problem->severity]);
  gtk_widget_remove_css_class (image, "error");
  gtk_widget_remove_css_class (image, "warning");
  if (problem->severity != SZ_IMPORT_PROBLEM_FIXED)
    gtk_widget_add_css_class (image, problem->severity == SZ_IMPORT_PROBLEM_ERROR ? "error" : "warning");
  gtk_widget_set_tooltip_text (image, problem->severity == SZ_IMPORT_PROBLEM_ERROR ? _("Error: this row cannot be imported as it is")
                                      : problem->severity == SZ_IMPORT_PROBLEM_WARNING ? _("Warning: imported as it is")
                                      : _("Corrected on import"));
  gtk_label_set_text (GTK_LABEL (label), problem->text);
}

static void
on_change_setup_cb (GtkSignalListItemFactory *factory,
                    GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *kind = gtk_label_new (NULL);
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (kind), 0);
  gtk_label_set_yalign (GTK_LABEL (kind), 0);
  gtk_label_set_width_chars (GTK_LABEL (kind), 6);
  gtk_widget_add_css_class (kind, "dim-label");
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), kind);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 2);
  gtk_widget_set_margin_bottom (box, 2);
  gtk_list_item_set_child (item, box);
}

static const char *
change_kind_title (SzImportChangeKind kind)
{
  switch (kind)
    {
    /* Translators: kinds of change an import makes, in a narrow column */
    case SZ_IMPORT_CHANGE_HANDOVER: return _("Handover");
    case SZ_IMPORT_CHANGE_PLACE_NEW: return _("New place");
    case SZ_IMPORT_CHANGE_POST_FILLED: return _("Post filled");
    case SZ_IMPORT_CHANGE_PERSON_MATCHED: return _("On roster");
    case SZ_IMPORT_CHANGE_PERSON_NEW: return _("New person");
    case SZ_IMPORT_CHANGE_UNCHANGED: return _("Unchanged");
    default: g_assert_not_reached ();
    }
}

static char *
change_text (const SzImportChange *change)
{
  switch (change->kind)
    {
    case SZ_IMPORT_CHANGE_HANDOVER:
      /* Translators: a handover: place, post, the head whose term ends → the new head */
      return g_strdup_printf (_("%s %s: %s → %s"), change->place, change->post, change->old_name, change->name);
    case SZ_IMPORT_CHANGE_PLACE_NEW:
      return g_strdup (change->place);
    case SZ_IMPORT_CHANGE_POST_FILLED:
    case SZ_IMPORT_CHANGE_UNCHANGED:
      /* Translators: a post and its head: place, post, name */
      return g_strdup_printf (_("%s %s: %s"), change->place, change->post, change->name);
    case SZ_IMPORT_CHANGE_PERSON_MATCHED:
    case SZ_IMPORT_CHANGE_PERSON_NEW:
    default:
      /* Translators: a person and the row of the file they are on */
      return g_strdup_printf (_("%s, row %u"), change->name, change->line);
    }
}

static void
on_change_bind_cb (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   SzImportDialog           *self)
{
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *kind = gtk_widget_get_first_child (box);
  GtkWidget *label = gtk_widget_get_next_sibling (kind);
  guint position = gtk_list_item_get_position (item);
  SzImportChange *change;

  if (position >= self->change_items->len)
    return;
  change = g_ptr_array_index (self->change_items, position);
  gtk_label_set_text (GTK_LABEL (kind), change_kind_title (change->kind));
  gtk_label_set_text (GTK_LABEL (label), gtk_string_object_get_string (gtk_list_item_get_item (item)));
}

/* What the list shows first: what the user must agree to. */
static int
change_rank (SzImportChangeKind kind)
{
  switch (kind)
    {
    case SZ_IMPORT_CHANGE_HANDOVER: return 0;
    case SZ_IMPORT_CHANGE_PLACE_NEW: return 1;
    case SZ_IMPORT_CHANGE_POST_FILLED: return 2;
    case SZ_IMPORT_CHANGE_PERSON_MATCHED: return 3;
    default: return -1;   /* counted above the list, not listed */
    }
}

static int
compare_changes (gconstpointer a,
                 gconstpointer b)
{
  const SzImportChange *x = *(SzImportChange **) a;
  const SzImportChange *y = *(SzImportChange **) b;
  int rx = change_rank (x->kind), ry = change_rank (y->kind);

  if (rx != ry)
    return rx - ry;
  return x->line < y->line ? -1 : x->line > y->line;
}

static void
on_problems_view_activate_cb (SzImportDialog *self,
                              guint           position)
{
  SzImportProblem *problem;

  if (position >= self->problem_items->len)
    return;
  problem = g_ptr_array_index (self->problem_items, position);
  _sz_import_dialog_show_row (self, problem->row, problem->column);
}

static void
on_changes_view_activate_cb (SzImportDialog *self,
                             guint           position)
{
  SzImportChange *change;

  if (position >= self->change_items->len)
    return;
  change = g_ptr_array_index (self->change_items, position);
  _sz_import_dialog_show_row (self, change->row, -1);
}

static void
update_problems_label (SzImportDialog *self)
{
  const SzImportReport *r = sz_import_get_report (self->import);
  g_autoptr(GString) text = g_string_new (NULL);
  guint fixed = 0;

  for (guint i = 0; i < self->problem_items->len; i++)
    if (((SzImportProblem *) g_ptr_array_index (self->problem_items, i))->severity == SZ_IMPORT_PROBLEM_FIXED)
      fixed++;
  if (!self->plan_ok)
    g_string_append (text, _("The file could not be checked"));
  else if (self->problem_items->len == 0)
    g_string_append (text, _("Ready to import: no problems"));
  else
    {
      /* Translators: the title of the problem list, "Problems: 3 errors, 1 warning, 2 corrected",
         or with no errors "Ready to import: 1 warning, 2 corrected" */
      g_string_append (text, r->errors > 0 ? _("Problems: ") : _("Ready to import: "));
      if (r->errors > 0)
        g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors", r->errors), r->errors);
      if (r->warnings > 0)
        {
          if (r->errors > 0)
            g_string_append (text, _(", "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings", r->warnings),
                                  r->warnings);
        }
      if (fixed > 0)
        {
          if (r->errors + r->warnings > 0)
            g_string_append (text, _(", "));
          g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "%u corrected", "%u corrected", fixed), fixed);
        }
    }
  gtk_label_set_text (self->problems_label, text->str);
}

static void
update_missing (SzImportDialog *self)
{
  g_autoptr(GString) missing = g_string_new (NULL);
  g_autofree char *text = NULL;

  for (int f = 0; f < SZ_IMPORT_N_FIELDS; f++)
    if (sz_import_field_required (f) && sz_import_get_column (self->import, f) < 0)
      {
        if (missing->len > 0)
          g_string_append (missing, _(", "));
        g_string_append (missing, sz_import_field_title (f));
      }
  if (missing->len > 0)
    /* Translators: %s lists the required columns no column is read as */
    text = g_strdup_printf (_("No column is read as %s, which the import needs: under the header of the column "
                              "that holds it, choose it."), missing->str);
  gtk_label_set_text (self->missing_label, text ? text : "");
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), text != NULL);
}

static void
update_flag_check (SzImportDialog *self,
                   GtkCheckButton *check,
                   SzImportFlags   flag)
{
  guint n = sz_import_count_needing (self->import, flag);
  g_autofree char *label = NULL;

  /* The core's messages name the box by these very words. */
  if (flag == SZ_IMPORT_CREATE_PLACES)
    /* Translators: a check box's label and how many places it creates */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u place)", "%s (%u places)", n),
                             _("Create the places that do not exist yet"), n);
  else
    /* Translators: a check box's label and how many posts change hands */
    label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s (%u post)", "%s (%u posts)", n),
                             _("Replace the current heads"), n);
  gtk_check_button_set_label (check, label);
  gtk_check_button_set_active (check, (self->flags & flag) != 0);
  gtk_widget_set_visible (GTK_WIDGET (check), n > 0 || (self->flags & flag) != 0);
}

/* Everything the plan decides, shown again after every change. */
void
_sz_import_dialog_refresh (SzImportDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GPtrArray) change_texts = g_ptr_array_new_with_free_func (g_free);
  GPtrArray *problems, *changes;
  const SzImportReport *report;
  gboolean can_import;

  _sz_import_dialog_clear_lists (self);
  self->plan_ok = sz_import_plan (self->import, &error);
  if (!self->plan_ok)
    sz_show_error (GTK_WIDGET (self), _("The file could not be checked"), error);

  problems = sz_import_get_problems (self->import);
  changes = sz_import_get_changes (self->import);
  report = sz_import_get_report (self->import);
  for (guint i = 0; problems != NULL && i < problems->len; i++)
    {
      SzImportProblem *problem = g_ptr_array_index (problems, i);

      g_ptr_array_add (self->problem_items, problem);
      g_ptr_array_add (texts, problem->text ? problem->text : "");
    }
  _sz_import_dialog_set_strings (self->problem_model, texts);
  g_ptr_array_set_size (texts, 0);
  _sz_import_dialog_mark_problems (self, problems);
  for (guint i = 0; changes != NULL && i < changes->len; i++)
    {
      SzImportChange *change = g_ptr_array_index (changes, i);

      if (change_rank (change->kind) >= 0)
        g_ptr_array_add (self->change_items, change);
    }
  g_ptr_array_sort (self->change_items, compare_changes);
  for (guint i = 0; i < self->change_items->len; i++)
    g_ptr_array_add (change_texts, change_text (g_ptr_array_index (self->change_items, i)));
  _sz_import_dialog_set_strings (self->change_model, change_texts);

  self->updating = TRUE;
  _sz_import_dialog_update_mapping (self);
  update_flag_check (self, self->places_check, SZ_IMPORT_CREATE_PLACES);
  update_flag_check (self, self->heads_check, SZ_IMPORT_REPLACE_HEADS);
  gtk_widget_set_visible (self->flags_box, gtk_widget_get_visible (GTK_WIDGET (self->places_check))
                                           || gtk_widget_get_visible (GTK_WIDGET (self->heads_check)));
  self->updating = FALSE;

  update_missing (self);
  update_problems_label (self);
  _sz_import_dialog_fill_report (self->report_grid, report, 2, NULL);
  _sz_import_dialog_update_cells (self);

  can_import = self->plan_ok && !self->applied && report->errors == 0 && report->rows > 0;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "import.run", can_import);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->import_button),
                               can_import ? _("Import these rows in one step")
                                          : _("First correct the errors listed: in the spreadsheet, by choosing "
                                              "what a column holds, or with the boxes below"));
}

static void
on_flag_toggled_cb (SzImportDialog *self)
{
  if (self->updating || self->import == NULL)
    return;
  self->flags = (gtk_check_button_get_active (self->places_check) ? SZ_IMPORT_CREATE_PLACES : 0)
                | (gtk_check_button_get_active (self->heads_check) ? SZ_IMPORT_REPLACE_HEADS : 0);
  sz_import_set_flags (self->import, self->flags);
  _sz_import_dialog_refresh (self);
}

static GtkListItemFactory *
factory_new (GCallback setup,
             GCallback bind,
             gpointer  data)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", setup, NULL);
  g_signal_connect (factory, "bind", bind, data);
  return factory;
}

/* The lists' models and rows; the problem rows serve the summary's list
 * of what was corrected too. */
void
_sz_import_dialog_init_lists (SzImportDialog *self)
{
  self->problem_model = gtk_string_list_new (NULL);
  self->change_model = gtk_string_list_new (NULL);
  self->fix_model = gtk_string_list_new (NULL);
  gtk_list_view_set_model (self->problems_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->problem_model)))));
  gtk_list_view_set_model (self->changes_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->change_model)))));
  gtk_list_view_set_model (self->fixes_view,
                           GTK_SELECTION_MODEL (gtk_no_selection_new (g_object_ref (G_LIST_MODEL (self->fix_model)))));
  g_object_unref (gtk_list_view_get_model (self->problems_view));
  g_object_unref (gtk_list_view_get_model (self->changes_view));
  g_object_unref (gtk_list_view_get_model (self->fixes_view));
  gtk_list_view_set_factory (self->problems_view,
                             factory_new (G_CALLBACK (on_problem_setup_cb), G_CALLBACK (on_problem_bind_cb),
                                          &self->problem_items));
  gtk_list_view_set_factory (self->fixes_view,
                             factory_new (G_CALLBACK (on_problem_setup_cb), G_CALLBACK (on_problem_bind_cb),
                                          &self->fix_items));
  gtk_list_view_set_factory (self->changes_view,
                             factory_new (G_CALLBACK (on_change_setup_cb), G_CALLBACK (on_change_bind_cb), self));
  g_object_unref (gtk_list_view_get_factory (self->problems_view));
  g_object_unref (gtk_list_view_get_factory (self->fixes_view));
  g_object_unref (gtk_list_view_get_factory (self->changes_view));
}

void
_sz_import_dialog_class_plan_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_problems_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_changes_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_flag_toggled_cb);
}
