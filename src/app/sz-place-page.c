/* sz-place-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-place-page-private.h"
#include "sz-roster.h"

/* One editable field of a place.  @title is also how the core's messages
 * name the field, so an error finds its field by its first words. */
typedef struct
{
  SzNodeKind   kind;
  const char  *id;
  const char  *title;
  gboolean     number;
  gsize        offset;   /* of the member in the place's record */
} FieldDef;

static const FieldDef field_defs[] = {
  { SZ_NODE_COMMUNITY, "name", N_("Community name"), FALSE, G_STRUCT_OFFSET (SzCommunity, name) },
  { SZ_NODE_COMMUNITY, "street-office", N_("Street office"), FALSE, G_STRUCT_OFFSET (SzCommunity, street_office) },
  { SZ_NODE_COMMUNITY, "address", N_("Address"), FALSE, G_STRUCT_OFFSET (SzCommunity, address) },
  { SZ_NODE_COMMUNITY, "office-phone", N_("Office phone"), FALSE, G_STRUCT_OFFSET (SzCommunity, office_phone) },
  { SZ_NODE_COMMUNITY, "supervision-phone", N_("Supervision phone"), FALSE,
    G_STRUCT_OFFSET (SzCommunity, supervision_phone) },
  { SZ_NODE_COMMUNITY, "board-title", N_("Board title"), FALSE, G_STRUCT_OFFSET (SzCommunity, board_title) },
  { SZ_NODE_GRID, "number", N_("Grid number"), TRUE, G_STRUCT_OFFSET (SzGrid, number) },
  { SZ_NODE_GRID, "name", N_("Grid name"), FALSE, G_STRUCT_OFFSET (SzGrid, name) },
  { SZ_NODE_GRID, "households", N_("Households"), TRUE, G_STRUCT_OFFSET (SzGrid, households) },
  { SZ_NODE_COMPOUND, "name", N_("Compound name"), FALSE, G_STRUCT_OFFSET (SzCompound, name) },
  { SZ_NODE_COMPOUND, "address", N_("Address"), FALSE, G_STRUCT_OFFSET (SzCompound, address) },
  { SZ_NODE_COMPOUND, "property-company", N_("Property company"), FALSE,
    G_STRUCT_OFFSET (SzCompound, property_company) },
  { SZ_NODE_COMPOUND, "property-phone", N_("Property company phone"), FALSE,
    G_STRUCT_OFFSET (SzCompound, property_phone) },
  { SZ_NODE_BUILDING, "name", N_("Building name"), FALSE, G_STRUCT_OFFSET (SzBuilding, name) },
  { SZ_NODE_BUILDING, "floors", N_("Floors"), TRUE, G_STRUCT_OFFSET (SzBuilding, floors) },
  { SZ_NODE_UNIT, "number", N_("Unit number"), TRUE, G_STRUCT_OFFSET (SzUnit, number) },
  { SZ_NODE_UNIT, "floors", N_("Floors"), TRUE, G_STRUCT_OFFSET (SzUnit, floors) },
  { SZ_NODE_UNIT, "households", N_("Households"), TRUE, G_STRUCT_OFFSET (SzUnit, households) },
};

typedef struct
{
  const FieldDef *def;
  GtkWidget      *entry;
  GtkWidget      *error;
  char           *original;   /* the saved value, as the entry shows it */
} FormField;

G_DEFINE_FINAL_TYPE (SzPlacePage, sz_place_page, GTK_TYPE_WIDGET)

/* Records */

static gpointer
record_get (SzDb        *db,
            SzNodeKind   kind,
            gint64       id,
            GError     **error)
{
  switch (kind)
    {
    case SZ_NODE_COMMUNITY: return sz_community_get (db, id, error);
    case SZ_NODE_GRID: return sz_grid_get (db, id, error);
    case SZ_NODE_COMPOUND: return sz_compound_get (db, id, error);
    case SZ_NODE_BUILDING: return sz_building_get (db, id, error);
    case SZ_NODE_UNIT: return sz_unit_get (db, id, error);
    default: g_return_val_if_reached (NULL);
    }
}

static void
record_free (SzNodeKind kind,
             gpointer   record)
{
  if (record == NULL)
    return;
  switch (kind)
    {
    case SZ_NODE_COMMUNITY: sz_community_free (record); break;
    case SZ_NODE_GRID: sz_grid_free (record); break;
    case SZ_NODE_COMPOUND: sz_compound_free (record); break;
    case SZ_NODE_BUILDING: sz_building_free (record); break;
    case SZ_NODE_UNIT: sz_unit_free (record); break;
    default: g_assert_not_reached ();
    }
}

static gboolean
record_save (SzDb        *db,
             SzNodeKind   kind,
             gpointer     record,
             GError     **error)
{
  switch (kind)
    {
    case SZ_NODE_COMMUNITY: return sz_community_save (db, record, error);
    case SZ_NODE_GRID: return sz_grid_save (db, record, error);
    case SZ_NODE_COMPOUND: return sz_compound_save (db, record, error);
    case SZ_NODE_BUILDING: return sz_building_save (db, record, error);
    case SZ_NODE_UNIT: return sz_unit_save (db, record, error);
    default: g_return_val_if_reached (FALSE);
    }
}

/* How lists and undo labels name the place: "丰和林苑 2栋". */
static char *
record_label (SzDb       *db,
              SzNodeKind  kind,
              gpointer    record)
{
  gint64 id = *(gint64 *) record;   /* every record begins with its id */

  switch (kind)
    {
    case SZ_NODE_COMMUNITY: return g_strdup (((SzCommunity *) record)->name);
    case SZ_NODE_GRID: return sz_grid_label (record);
    case SZ_NODE_COMPOUND: return g_strdup (((SzCompound *) record)->name);
    case SZ_NODE_BUILDING: return sz_place_label (db, SZ_LEVEL_BUILDING, id, NULL);
    case SZ_NODE_UNIT: return sz_place_label (db, SZ_LEVEL_UNIT, id, NULL);
    default: g_return_val_if_reached (NULL);
    }
}

static char *
field_text (const FieldDef *def,
            gpointer        record)
{
  gpointer slot = G_STRUCT_MEMBER_P (record, def->offset);

  if (def->number)
    return g_strdup_printf ("%d", *(int *) slot);
  return g_strdup (*(char **) slot ? *(char **) slot : "");
}

/* Puts @text into the record; numbers may be typed full-width by an input
 * method, and an empty one is 0 for the core to judge. */
static gboolean
field_apply (const FieldDef  *def,
             gpointer         record,
             const char      *text,
             GError         **error)
{
  gpointer slot = G_STRUCT_MEMBER_P (record, def->offset);
  g_autofree char *plain = NULL;
  gint64 value = 0;

  if (!def->number)
    {
      g_free (*(char **) slot);
      *(char **) slot = g_strdup (text);
      return TRUE;
    }
  plain = g_strstrip (g_utf8_normalize (text, -1, G_NORMALIZE_NFKC));
  if (*plain != '\0' && !g_ascii_string_to_signed (plain, 10, 0, G_MAXINT, &value, NULL))
    {
      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: the first %s is a field name, the second what was typed */
                   _("%s: “%s” is not a whole number."), _(def->title), text);
      return FALSE;
    }
  *(int *) slot = value;
  return TRUE;
}

/* Undo of an edit: the form's fields get their old values back; fields
 * the form does not show keep whatever they have now. */
typedef struct
{
  SzNodeKind kind;
  gpointer   previous;
} EditUndo;

static void
edit_undo_free (gpointer data)
{
  EditUndo *undo = data;

  record_free (undo->kind, undo->previous);
  g_free (undo);
}

static gboolean
edit_undo_run (SzSession  *session,
               gpointer    data,
               GError    **error)
{
  EditUndo *undo = data;
  SzDb *db = sz_session_get_db (session);
  gpointer current = record_get (db, undo->kind, *(gint64 *) undo->previous, error);
  gboolean ok;

  if (current == NULL)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (field_defs); i++)
    if (field_defs[i].kind == undo->kind)
      {
        g_autofree char *text = field_text (&field_defs[i], undo->previous);
        field_apply (&field_defs[i], current, text, NULL);
      }
  ok = record_save (db, undo->kind, current, error);
  record_free (undo->kind, current);
  return ok;
}

/* The form */

static void
form_field_free (gpointer data)
{
  FormField *field = data;

  g_free (field->original);
  g_free (field);
}

static FormField *
find_field (SzPlacePage *self,
            const char  *field_id)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      if (g_strcmp0 (field->def->id, field_id) == 0)
        return field;
    }
  return NULL;
}

static gboolean
form_is_dirty (SzPlacePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->entry)), field->original) != 0)
        return TRUE;
    }
  return FALSE;
}

static void
on_field_changed_cb (SzPlacePage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), form_is_dirty (self));
}

static void
on_field_activate_cb (SzPlacePage *self)
{
  sz_place_page_save (self);
}

static void
clear_errors (SzPlacePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    sz_field_error_set (((FormField *) g_ptr_array_index (self->fields, i))->error, NULL);
  sz_field_error_set (self->form_error, NULL);
}

/* The core names the field first; the longest matching name wins, so that
 * "Property company phone" is not taken for "Property company". */
static void
show_error (SzPlacePage  *self,
            const GError *error)
{
  FormField *best = NULL;
  gsize best_len = 0;

  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      const char *name = _(field->def->title);
      gsize len = strlen (name);

      if (len > best_len && g_str_has_prefix (error->message, name))
        {
          best = field;
          best_len = len;
        }
    }
  sz_field_error_set (best ? best->error : self->form_error, error->message);
  if (best != NULL)
    gtk_widget_grab_focus (best->entry);
}

/* A button to another place ("丰和林苑" for a building's compound). */
static void
add_link_row (SzPlacePage *self,
              int          row,
              const char  *title,
              SzNodeKind   kind,
              gint64       id,
              const char  *text)
{
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *button = gtk_button_new ();
  GtkWidget *text_label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_add_css_class (label, "dim-label");
  g_object_set_data (G_OBJECT (label), "link", GINT_TO_POINTER (TRUE));
  g_object_set_data (G_OBJECT (button), "link", GINT_TO_POINTER (TRUE));
  gtk_grid_attach (self->form_grid, label, 0, row, 1, 1);
  gtk_label_set_ellipsize (GTK_LABEL (text_label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (text_label), 0);
  gtk_button_set_child (GTK_BUTTON (button), text_label);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_halign (button, GTK_ALIGN_START);
  gtk_widget_set_tooltip_text (button, _("Show this place"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "win.show-place");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "(ix)", (int) kind, id);
  gtk_grid_attach (self->form_grid, button, 1, row, 1, 1);
}

/* Rows for the fields of self->kind. */
static void
form_build (SzPlacePage *self)
{
  GtkWidget *child;
  int row = 0;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->form_grid))) != NULL)
    gtk_grid_remove (self->form_grid, child);
  g_ptr_array_set_size (self->fields, 0);
  if (self->record == NULL)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (field_defs); i++)
    {
      const FieldDef *def = &field_defs[i];
      FormField *field;
      GtkWidget *label;

      if (def->kind != self->kind)
        continue;
      field = g_new0 (FormField, 1);
      field->def = def;
      field->original = field_text (def, self->record);
      label = gtk_label_new (_(def->title));
      gtk_label_set_xalign (GTK_LABEL (label), 1);
      gtk_grid_attach (self->form_grid, label, 0, row, 1, 1);
      field->entry = gtk_entry_new ();
      gtk_widget_set_hexpand (field->entry, TRUE);
      if (def->number)
        gtk_entry_set_input_purpose (GTK_ENTRY (field->entry), GTK_INPUT_PURPOSE_DIGITS);
      else if (g_str_has_suffix (def->id, "phone"))
        gtk_entry_set_input_purpose (GTK_ENTRY (field->entry), GTK_INPUT_PURPOSE_PHONE);
      gtk_editable_set_text (GTK_EDITABLE (field->entry), field->original);
      gtk_label_set_mnemonic_widget (GTK_LABEL (label), field->entry);
      g_signal_connect_object (field->entry, "changed", G_CALLBACK (on_field_changed_cb), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (field->entry, "activate", G_CALLBACK (on_field_activate_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->form_grid, field->entry, 1, row++, 1, 1);
      field->error = sz_field_error_new ();
      gtk_grid_attach (self->form_grid, field->error, 1, row++, 1, 1);
      g_ptr_array_add (self->fields, field);
    }
}

/* Below the fields, where the place sits; a move elsewhere changes it. */
static void
form_links (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  int row = self->fields->len * 2;
  GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->form_grid));

  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);

      if (g_object_get_data (G_OBJECT (child), "link"))
        gtk_grid_remove (self->form_grid, child);
      child = next;
    }
  if (self->record == NULL)
    return;
  if (self->kind == SZ_NODE_BUILDING)
    {
      SzBuilding *b = self->record;
      g_autoptr(SzCompound) compound = sz_compound_get (db, b->compound_id, NULL);
      g_autoptr(SzGrid) grid = sz_grid_get (db, b->grid_id, NULL);
      g_autofree char *grid_label = grid ? sz_grid_label (grid) : NULL;

      if (compound != NULL)
        add_link_row (self, row++, _("Compound"), SZ_NODE_COMPOUND, compound->id, compound->name);
      if (grid != NULL)
        add_link_row (self, row++, _("Grid"), SZ_NODE_GRID, grid->id, grid_label);
    }
  else if (self->kind == SZ_NODE_UNIT)
    {
      SzUnit *u = self->record;
      g_autofree char *building = sz_place_label (db, SZ_LEVEL_BUILDING, u->building_id, NULL);

      if (building != NULL)
        add_link_row (self, row++, _("Building"), SZ_NODE_BUILDING, u->building_id, building);
    }
}

/* Reloaded after a change elsewhere: a field the user is editing keeps
 * what they typed; the others show the saved value. */
static void
form_refresh (SzPlacePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *saved = field_text (field->def, self->record);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->entry)), field->original) == 0)
        gtk_editable_set_text (GTK_EDITABLE (field->entry), saved);
      g_free (field->original);
      field->original = g_steal_pointer (&saved);
    }
}

void
sz_place_page_set_field (SzPlacePage *self,
                         const char  *field_id,
                         const char  *text)
{
  FormField *field;

  g_return_if_fail (SZ_IS_PLACE_PAGE (self));
  field = find_field (self, field_id);
  g_return_if_fail (field != NULL);

  gtk_editable_set_text (GTK_EDITABLE (field->entry), text ? text : "");
}

const char *
sz_place_page_get_field (SzPlacePage *self,
                         const char  *field_id)
{
  FormField *field;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), NULL);
  field = find_field (self, field_id);
  g_return_val_if_fail (field != NULL, NULL);

  return gtk_editable_get_text (GTK_EDITABLE (field->entry));
}

const char *
sz_place_page_get_field_error (SzPlacePage *self,
                               const char  *field_id)
{
  GtkWidget *label;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), NULL);

  if (g_strcmp0 (field_id, "form") == 0)
    label = self->form_error;
  else
    {
      FormField *field = find_field (self, field_id);
      g_return_val_if_fail (field != NULL, NULL);
      label = field->error;
    }
  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

gboolean
sz_place_page_can_save (SzPlacePage *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);
  return self->record != NULL && form_is_dirty (self);
}

gboolean
sz_place_page_save (SzPlacePage *self)
{
  SzDb *db;
  gpointer previous;
  gpointer edited;
  g_autoptr(GError) error = NULL;
  g_autofree char *place = NULL;
  g_autofree char *undo_label = NULL;
  EditUndo *undo;
  gboolean ok = TRUE;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  if (self->record == NULL || !form_is_dirty (self))
    return TRUE;
  db = sz_session_get_db (self->session);
  clear_errors (self);

  /* Both from the database: the step back restores what was saved, even
   * if the form had been showing something older. */
  previous = record_get (db, self->kind, self->id, &error);
  edited = previous ? record_get (db, self->kind, self->id, &error) : NULL;
  if (edited == NULL)
    {
      record_free (self->kind, previous);
      sz_field_error_set (self->form_error, error->message);
      return FALSE;
    }
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      g_autoptr(GError) field_error = NULL;

      if (!field_apply (field->def, edited, gtk_editable_get_text (GTK_EDITABLE (field->entry)), &field_error))
        {
          sz_field_error_set (field->error, field_error->message);
          if (ok)
            gtk_widget_grab_focus (field->entry);
          ok = FALSE;
        }
    }
  ok = ok && record_save (db, self->kind, edited, &error);
  if (!ok)
    {
      if (error != NULL)
        show_error (self, error);
      record_free (self->kind, previous);
      record_free (self->kind, edited);
      return FALSE;
    }

  /* The form shows what was saved, as the core normalised it. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);

      g_free (field->original);
      field->original = field_text (field->def, edited);
      gtk_editable_set_text (GTK_EDITABLE (field->entry), field->original);
    }
  place = record_label (db, self->kind, edited);
  record_free (self->kind, edited);
  undo = g_new0 (EditUndo, 1);
  undo->kind = self->kind;
  undo->previous = previous;
  /* Translators: an undo step; %s is a place ("丰和林苑 2栋") */
  undo_label = g_strdup_printf (_("Edit %s"), place ? place : "");
  sz_session_push_undo (self->session, undo_label, edit_undo_run, undo, edit_undo_free);
  sz_session_changed (self->session);
  return TRUE;
}

static void
on_save_button_clicked_cb (SzPlacePage *self)
{
  sz_place_page_save (self);
}

/* Households */

static void
sum_households (SzTreeNode *node,
                SzNodeKind  kind,
                gint64      id,
                int        *households,
                int        *buildings,
                gboolean   *found)
{
  if (node->kind == kind && node->id == id)
    {
      *found = TRUE;
      if (kind == SZ_NODE_GRID)
        {
          /* A grid's own number is what was recorded; its units are below. */
          for (guint i = 0; i < node->children->len; i++)
            {
              SzTreeNode *compound = g_ptr_array_index (node->children, i);
              *households += compound->households;
              *buildings += compound->children->len;
            }
        }
      else
        *households += node->households;
      /* A compound spanning two grids has a node under each. */
      if (kind != SZ_NODE_COMPOUND)
        return;
    }
  for (guint i = 0; i < node->children->len; i++)
    sum_households (g_ptr_array_index (node->children, i), kind, id, households, buildings, found);
}

static void
households_reload (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autofree char *text = NULL;
  int summed = 0, buildings = 0;
  gboolean found = FALSE;

  /* A unit's households are a field of its own form. */
  if (self->kind == SZ_NODE_UNIT
      || (tree = sz_tree_load (db, sz_session_get_community_id (self->session), NULL)) == NULL)
    {
      gtk_widget_set_visible (self->households_box, FALSE);
      return;
    }
  sum_households (tree, self->kind, self->id, &summed, &buildings, &found);
  if (self->kind == SZ_NODE_GRID)
    {
      int recorded = ((SzGrid *) self->record)->households;

      if (buildings == 0)
        text = g_strdup (_("No buildings are in this grid yet, so its households cannot be checked against "
                           "its units."));
      else if (summed != recorded)
        /* Translators: the first number is what the grid records, the second its units' sum */
        g_string_append_printf (warning, g_dngettext (GETTEXT_PACKAGE,
                                                      "%d household is recorded, but the grid's units add up to %d: "
                                                      "correct the number above or the units' households.",
                                                      "%d households are recorded, but the grid's units add up to %d: "
                                                      "correct the number above or the units' households.",
                                                      recorded),
                                recorded, summed);
      if (recorded < SZ_GRID_HOUSEHOLDS_MIN || recorded > SZ_GRID_HOUSEHOLDS_MAX)
        {
          if (warning->len > 0)
            g_string_append_c (warning, '\n');
          /* Translators: the usual size of a grid, in households */
          g_string_append_printf (warning, _("Grids are usually drawn at %d to %d households."),
                                  SZ_GRID_HOUSEHOLDS_MIN, SZ_GRID_HOUSEHOLDS_MAX);
        }
    }
  if (text == NULL && found)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Its units add up to %d household.",
                                         "Its units add up to %d households.", summed), summed);
  gtk_label_set_text (self->households_label, text ? text : "");
  gtk_label_set_text (self->households_warning_label, warning->str);
  gtk_widget_set_visible (self->households_warning, warning->len > 0);
  gtk_widget_set_visible (self->households_box, text != NULL || warning->len > 0);
}

const char *
sz_place_page_get_households_warning (SzPlacePage *self)
{
  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), NULL);

  if (!gtk_widget_get_visible (self->households_box) || !gtk_widget_get_visible (self->households_warning))
    return NULL;
  return gtk_label_get_text (self->households_warning_label);
}

/* Shared by the sections */

char *
_sz_place_page_get_label (SzPlacePage *self)
{
  return self->record ? record_label (sz_session_get_db (self->session), self->kind, self->record) : NULL;
}

GtkWindow *
_sz_place_page_get_window (SzPlacePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

void
_sz_place_page_clear_list (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

GtkWidget *
_sz_place_page_row_label_new (const char *text,
                              gboolean    expand,
                              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, expand);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

GtkWidget *
_sz_place_page_row_box_new (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_start (box, 10);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  return box;
}

/* Loading */

static const char *
kind_title (SzNodeKind kind)
{
  switch (kind)
    {
    case SZ_NODE_COMMUNITY: return sz_scope_title (SZ_SCOPE_COMMUNITY);
    case SZ_NODE_GRID: return sz_level_place_title (SZ_LEVEL_GRID);
    case SZ_NODE_COMPOUND: return sz_scope_title (SZ_SCOPE_COMPOUND);
    case SZ_NODE_BUILDING: return sz_level_place_title (SZ_LEVEL_BUILDING);
    case SZ_NODE_UNIT: return sz_level_place_title (SZ_LEVEL_UNIT);
    default: g_return_val_if_reached (NULL);
    }
}

/* Shows the session's place.  With @rebuild (another place was selected)
 * the form starts afresh; otherwise what the user is typing stays. */
static void
reload (SzPlacePage *self,
        gboolean     rebuild)
{
  SzDb *db = sz_session_get_db (self->session);
  SzNodeKind kind = sz_session_get_place_kind (self->session);
  gint64 id = sz_session_get_place_id (self->session);
  g_autoptr(GError) error = NULL;
  g_autofree char *label = NULL;
  gpointer record;

  record = record_get (db, kind, id, &error);
  rebuild = rebuild || self->record == NULL || kind != self->kind || id != self->id;
  record_free (self->kind, self->record);
  self->record = record;
  self->kind = kind;
  self->id = id;

  gtk_widget_set_visible (self->details_box, record != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->missing_label), record == NULL);
  if (record == NULL)
    {
      /* Deleted meanwhile, or a database that cannot be read. */
      form_build (self);
      gtk_label_set_text (self->title_label, _("This place is not in the roster"));
      gtk_label_set_text (self->subtitle_label, "");
      gtk_label_set_text (self->missing_label, error->message);
    }
  else
    {
      if (rebuild)
        {
          form_build (self);
          clear_errors (self);
        }
      else
        form_refresh (self);
      form_links (self);
      label = record_label (db, kind, record);
      gtk_label_set_text (self->title_label, label ? label : "");
      gtk_label_set_text (self->subtitle_label, kind_title (kind));
      households_reload (self);
    }
  _sz_place_page_heads_reload (self);
  _sz_place_page_hotlines_reload (self);
  on_field_changed_cb (self);
}

static void
on_session_changed_cb (SzPlacePage *self)
{
  reload (self, FALSE);
}

static void
on_place_selected_cb (SzPlacePage *self)
{
  reload (self, TRUE);
}

static void
on_show_phones_changed_cb (SzPlacePage *self)
{
  _sz_place_page_heads_reload (self);
}

static void
sz_place_page_dispose (GObject *object)
{
  SzPlacePage *self = SZ_PLACE_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PLACE_PAGE);
  /* The template unparents only the children it binds. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  record_free (self->kind, g_steal_pointer (&self->record));
  g_clear_object (&self->session);
  g_clear_pointer (&self->head_name, g_free);
  g_clear_pointer (&self->head_since, g_free);
  G_OBJECT_CLASS (sz_place_page_parent_class)->dispose (object);
}

static void
sz_place_page_class_init (SzPlacePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_place_page_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-place-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, title_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, missing_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, details_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, form_grid);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, form_error_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_warning);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, heads_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, heads_title);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, vacant_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_grid);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_name_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_phone_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_consent_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_since_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, head_chosen_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, appoint_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, end_button);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, history_list);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotlines_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotlines_note);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, hotline_list);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, add_hotline_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  _sz_place_page_class_heads_init (widget_class);
  _sz_place_page_class_hotlines_init (widget_class);
}

static GtkWidget *
placeholder_new (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_widget_add_css_class (label, "dim-label");
  return label;
}

static void
sz_place_page_init (SzPlacePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->fields = g_ptr_array_new_with_free_func (form_field_free);
  self->form_error = sz_field_error_new ();
  gtk_box_append (self->form_error_box, self->form_error);
  gtk_list_box_set_placeholder (self->history_list, placeholder_new (_("Nobody has held this post yet.")));
  gtk_list_box_set_placeholder (self->hotline_list, placeholder_new (_("No hotlines yet.")));
}

GtkWidget *
sz_place_page_new (SzSession *session)
{
  SzPlacePage *self;
  GSettings *settings;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PLACE_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (session, "place-selected", G_CALLBACK (on_place_selected_cb), self, G_CONNECT_SWAPPED);
  settings = sz_session_get_settings (session);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::show-phones", G_CALLBACK (on_show_phones_changed_cb), self,
                             G_CONNECT_SWAPPED);
  reload (self, TRUE);
  return GTK_WIDGET (self);
}
