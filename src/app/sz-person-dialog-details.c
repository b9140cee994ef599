/* sz-person-dialog-details.c: the person's details, between an SzPerson
 * and the dialog's widgets
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-name.h"
#include "sz-person-dialog-private.h"
#include "sz-post.h"
#include "sz-tree.h"

static const char * const genders[] = { "", "male", "female" };

static void
set_drop_down_code (GtkDropDown        *drop_down,
                    const char * const *codes,
                    guint               n_codes,
                    const char         *code)
{
  for (guint i = 0; i < n_codes; i++)
    if (g_strcmp0 (codes[i], code ? code : "") == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  gtk_drop_down_set_selected (drop_down, 0);
}

/* Choices */

static void
add_unit_choice (SzPersonDialog *self,
                 gint64          id,
                 const char     *label)
{
  gtk_string_list_append (self->units, label);
  g_array_append_val (self->unit_ids, id);
}

static void
add_units_under (SzPersonDialog   *self,
                 const SzTreeNode *node)
{
  if (node->kind == SZ_NODE_UNIT && node->parent != NULL && node->parent->parent != NULL)
    {
      /* Translators: a home unit to choose: compound, building, unit ("丰和林苑 2栋 1单元") */
      g_autofree char *label = g_strdup_printf (C_("home unit", "%s %s %s"), node->parent->parent->label,
                                                node->parent->label, node->label);
      add_unit_choice (self, node->id, label);
      return;
    }
  for (guint i = 0; node->children != NULL && i < node->children->len; i++)
    add_units_under (self, g_ptr_array_index (node->children, i));
}

static guint
unit_position (SzPersonDialog *self,
               gint64          id)
{
  for (guint i = 0; i < self->unit_ids->len; i++)
    if (g_array_index (self->unit_ids, gint64, i) == id)
      return i;
  return GTK_INVALID_LIST_POSITION;
}

/* Selects the unit, adding it to the choices when it is not in this
 * community (a person may live elsewhere). */
static void
select_unit (SzPersonDialog *self,
             gint64          id)
{
  guint position = unit_position (self, id);

  if (position == GTK_INVALID_LIST_POSITION)
    {
      g_autofree char *label = sz_place_label (sz_session_get_db (self->session), SZ_LEVEL_UNIT, id, NULL);
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, id);
      g_autofree char *fallback = NULL;

      if (label == NULL)
        /* Translators: a home unit that is not in the roster; %s is its record number */
        fallback = g_strdup_printf (_("Unit record %s"), number);
      add_unit_choice (self, id, label ? label : fallback);
      position = self->unit_ids->len - 1;
    }
  gtk_drop_down_set_selected (self->home_unit_drop_down, position);
}

/* The drop-downs' choices, "not recorded" first; _sz_person_dialog_load()
 * adds the community's units. */
void
_sz_person_dialog_init_choices (SzPersonDialog *self)
{
  const char * const *backgrounds = sz_person_backgrounds ();
  g_autoptr(GtkStringList) gender_list = NULL;
  g_autoptr(GtkStringList) background_list = NULL;

  /* Translators: gender choices of a person */
  gender_list = gtk_string_list_new ((const char * const[]) { C_("gender", "Not recorded"), _("Male"), _("Female"), NULL });
  gtk_drop_down_set_model (self->gender_drop_down, G_LIST_MODEL (gender_list));

  background_list = gtk_string_list_new (NULL);
  /* Translators: a person's background is not recorded */
  gtk_string_list_append (background_list, C_("background", "Not recorded"));
  for (guint i = 0; backgrounds[i] != NULL; i++)
    gtk_string_list_append (background_list, sz_person_background_title (backgrounds[i]));
  gtk_drop_down_set_model (self->background_drop_down, G_LIST_MODEL (background_list));

  self->units = gtk_string_list_new (NULL);
  self->unit_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  /* Translators: a person's home unit is not recorded */
  add_unit_choice (self, 0, C_("home unit", "Not recorded"));
  gtk_drop_down_set_model (self->home_unit_drop_down, G_LIST_MODEL (self->units));
  {
    g_autoptr(GtkExpression) expression = gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL, "string");
    gtk_drop_down_set_expression (self->home_unit_drop_down, expression);
  }
}

/* Loading */

void
_sz_person_dialog_load (SzPersonDialog *self,
                        GtkWindow      *parent,
                        gint64          person_id)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GError) error = NULL;
  SzPerson *p;

  self->loading = TRUE;
  tree = sz_tree_load (db, sz_session_get_community_id (self->session), &error);
  if (tree != NULL)
    add_units_under (self, tree);
  else
    {
      sz_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), _("The units could not be read"), error);
      g_clear_error (&error);
    }

  if (person_id != 0)
    {
      self->original = sz_person_get (db, person_id, &error);
      if (self->original == NULL)
        {
          sz_show_error (parent ? GTK_WIDGET (parent) : GTK_WIDGET (self), _("The person could not be read"), error);
          /* Nothing to edit: Save would make a new person instead. */
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
          self->loading = FALSE;
          return;
        }
      self->person_id = person_id;
    }

  gtk_window_set_title (GTK_WINDOW (self), person_id ? _("Edit Person") : _("New Person"));
  p = self->original;
  if (p != NULL)
    {
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), p->name ? p->name : "");
      set_drop_down_code (self->gender_drop_down, genders, G_N_ELEMENTS (genders), p->gender);
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), p->phone ? p->phone : "");
      gtk_editable_set_text (GTK_EDITABLE (self->phone2_entry), p->phone2 ? p->phone2 : "");
      gtk_check_button_set_active (self->party_check, p->party_member);
      gtk_check_button_set_active (self->consent_check, p->phone_consent);
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), p->consent_date ? p->consent_date : "");
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), p->notes ? p->notes : "", -1);
      if (p->home_unit_id != 0)
        select_unit (self, p->home_unit_id);
    }
  {
    g_auto(GStrv) codes = NULL;
    GStrvBuilder *builder = g_strv_builder_new ();

    g_strv_builder_add (builder, "");
    g_strv_builder_addv (builder, (const char **) sz_person_backgrounds ());
    codes = g_strv_builder_end (builder);
    g_strv_builder_unref (builder);
    set_drop_down_code (self->background_drop_down, (const char * const *) codes, g_strv_length (codes),
                        p ? p->background : "");
  }

  _sz_person_dialog_load_images (self, parent, person_id);
  self->loading = FALSE;
}

/* Editing */

/* Under the name as it is typed: what saving will fix in it (a Kangxi
 * radical, a look-alike dot, padding spaces…) and what it keeps with a
 * warning (a private-use character).  sz_person_save() applies the same
 * sz_name_normalize(), so this is what will be stored. */
void
_sz_person_dialog_update_name_notice (SzPersonDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->name_entry));
  g_autoptr(GArray) fixes = g_array_new (FALSE, FALSE, sizeof (SzNameFix));
  g_autofree char *normal = sz_name_normalize (text, fixes);
  g_autoptr(GString) notice = g_string_new (NULL);
  gboolean changed = FALSE;

  for (guint i = 0; i < fixes->len; i++)
    changed |= sz_name_fix_is_change (&g_array_index (fixes, SzNameFix, i));
  if (changed)
    /* Translators: under the name field as it is typed, before the list of fixes; %s is the name as it will be saved */
    g_string_append_printf (notice, _("Will be saved as “%s”:"), normal);
  for (guint i = 0; i < fixes->len; i++)
    {
      g_autofree char *line = sz_name_fix_describe (&g_array_index (fixes, SzNameFix, i));

      if (notice->len > 0)
        g_string_append_c (notice, '\n');
      g_string_append (notice, line);
    }
  gtk_label_set_text (self->name_notice_label, notice->str);
  gtk_widget_set_visible (GTK_WIDGET (self->name_notice_label), notice->len > 0);
}

static void
on_consent_check_toggled_cb (SzPersonDialog *self)
{
  const char *date = gtk_editable_get_text (GTK_EDITABLE (self->consent_date_entry));
  const char *stored = self->original ? self->original->consent_date : NULL;

  if (self->loading)
    return;
  /* The date is when this yes or no was given: today, unless the user
   * has already typed another. */
  if (*date == '\0' || g_strcmp0 (date, stored) == 0)
    {
      g_autofree char *today = sz_today ();
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), today);
    }
}

static char *
entry_text (GtkEntry *entry)
{
  return g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));
}

SzPerson *
_sz_person_dialog_collect (SzPersonDialog *self)
{
  SzPerson *p = sz_person_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->notes_view);
  GtkTextIter start, end;
  guint gender = gtk_drop_down_get_selected (self->gender_drop_down);
  guint background = gtk_drop_down_get_selected (self->background_drop_down);
  guint unit = gtk_drop_down_get_selected (self->home_unit_drop_down);
  const char * const *backgrounds = sz_person_backgrounds ();

  p->id = self->person_id;
  /* Saved over a change someone else made since the dialog opened: refused
   * (sz_person_save()), and the form keeps what was typed. */
  p->version = self->original != NULL ? self->original->version : 0;
  /* A new person joins the community shown; a saved one stays in theirs. */
  p->community_id = self->original ? self->original->community_id : sz_session_get_community_id (self->session);
  p->name = entry_text (self->name_entry);
  p->gender = g_strdup (gender < G_N_ELEMENTS (genders) ? genders[gender] : "");
  p->phone = entry_text (self->phone_entry);
  p->phone2 = entry_text (self->phone2_entry);
  p->party_member = gtk_check_button_get_active (self->party_check);
  /* Choice 0 is "not recorded"; the rest follow sz_person_backgrounds(). */
  p->background = g_strdup (background > 0 && background <= g_strv_length ((char **) backgrounds)
                            ? backgrounds[background - 1] : "");
  p->home_unit_id = unit < self->unit_ids->len ? g_array_index (self->unit_ids, gint64, unit) : 0;
  p->phone_consent = gtk_check_button_get_active (self->consent_check);
  p->consent_date = entry_text (self->consent_date_entry);
  /* The answer as recorded elsewhere (an import) stays its source until
   * the form changes it. */
  if (self->original != NULL && p->phone_consent == self->original->phone_consent
      && g_strcmp0 (g_strstrip (p->consent_date), self->original->consent_date ? self->original->consent_date : "") == 0)
    p->consent_source = g_strdup (self->original->consent_source);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  p->notes = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return p;
}

static gboolean
parse_bool (const char *text)
{
  return g_strcmp0 (text, "true") == 0 || g_strcmp0 (text, "1") == 0 || g_strcmp0 (text, "yes") == 0;
}

void
sz_person_dialog_set_field (SzPersonDialog *self,
                            const char     *field_id,
                            const char     *text)
{
  const char * const *backgrounds = sz_person_backgrounds ();

  g_return_if_fail (SZ_IS_PERSON_DIALOG (self));
  g_return_if_fail (text != NULL);

  switch (_sz_person_dialog_field_from_id (field_id))
    {
    case F_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->name_entry), text);
      break;
    case F_GENDER:
      set_drop_down_code (self->gender_drop_down, genders, G_N_ELEMENTS (genders), text);
      break;
    case F_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), text);
      break;
    case F_PHONE2:
      gtk_editable_set_text (GTK_EDITABLE (self->phone2_entry), text);
      break;
    case F_PARTY:
      gtk_check_button_set_active (self->party_check, parse_bool (text));
      break;
    case F_BACKGROUND:
      gtk_drop_down_set_selected (self->background_drop_down, 0);
      for (guint i = 0; backgrounds[i] != NULL; i++)
        if (g_str_equal (backgrounds[i], text))
          gtk_drop_down_set_selected (self->background_drop_down, i + 1);
      break;
    case F_HOME_UNIT:
      select_unit (self, g_ascii_strtoll (text, NULL, 10));
      break;
    case F_CONSENT:
      gtk_check_button_set_active (self->consent_check, parse_bool (text));
      break;
    case F_CONSENT_DATE:
      gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), text);
      break;
    case F_NOTES:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->notes_view), text, -1);
      break;
    case F_QR_DATE:
      gtk_editable_set_text (GTK_EDITABLE (self->qr_date_entry), text);
      break;
    case F_PHOTO:
    case F_QR:
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

void
_sz_person_dialog_class_details_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_consent_check_toggled_cb);
}
