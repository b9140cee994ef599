/* sz-place-page-form.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-audit.h"
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
  /* Someone else saved this field while it was being edited here (seen
   * by a reload): the next save asks first (sz_place_page_save()). */
  gboolean        moved;
} FormField;


/* Records */

gpointer
_sz_place_page_record_get (SzDb        *db,
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

void
_sz_place_page_record_free (SzNodeKind kind,
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
char *
_sz_place_page_record_label (SzDb       *db,
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

  _sz_place_page_record_free (undo->kind, undo->previous);
  g_free (undo);
}

static gboolean
edit_undo_run (SzSession  *session,
               gpointer    data,
               GError    **error)
{
  EditUndo *undo = data;
  SzDb *db = sz_session_get_db (session);
  gpointer current = _sz_place_page_record_get (db, undo->kind, *(gint64 *) undo->previous, error);
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
  _sz_place_page_record_free (undo->kind, current);
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

void
_sz_place_page_form_update_save (SzPlacePage *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), form_is_dirty (self));
}

static void
on_field_activate_cb (SzPlacePage *self)
{
  sz_place_page_save (self);
}

void
_sz_place_page_form_clear_errors (SzPlacePage *self)
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
void
_sz_place_page_form_build (SzPlacePage *self)
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
      g_signal_connect_object (field->entry, "changed", G_CALLBACK (_sz_place_page_form_update_save), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (field->entry, "activate", G_CALLBACK (on_field_activate_cb), self, G_CONNECT_SWAPPED);
      gtk_grid_attach (self->form_grid, field->entry, 1, row++, 1, 1);
      field->error = sz_field_error_new ();
      gtk_grid_attach (self->form_grid, field->error, 1, row++, 1, 1);
      g_ptr_array_add (self->fields, field);
    }
}

/* Below the fields, where the place sits; a move elsewhere changes it. */
void
_sz_place_page_form_links (SzPlacePage *self)
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
void
_sz_place_page_form_refresh (SzPlacePage *self)
{
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *saved = field_text (field->def, self->record);

      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->entry)), field->original) == 0)
        gtk_editable_set_text (GTK_EDITABLE (field->entry), saved);
      else if (g_strcmp0 (saved, field->original) != 0)
        field->moved = TRUE;
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

/* One step back to @previous (taken) after @edited was saved. */
static void
push_edit_undo (SzPlacePage *self,
                gpointer     previous,
                gpointer     edited)
{
  g_autofree char *place = _sz_place_page_record_label (sz_session_get_db (self->session), self->kind, edited);
  g_autofree char *undo_label = NULL;
  EditUndo *undo = g_new0 (EditUndo, 1);

  undo->kind = self->kind;
  undo->previous = previous;
  /* Translators: an undo step; %s is a place ("丰和林苑 2栋") */
  undo_label = g_strdup_printf (_("Edit %s"), place ? place : "");
  sz_session_push_undo (self->session, undo_label, edit_undo_run, undo, edit_undo_free);
}

gboolean
sz_place_page_save (SzPlacePage *self)
{
  SzDb *db;
  gpointer previous;
  gpointer edited;
  g_autoptr(GError) error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (SZ_IS_PLACE_PAGE (self), FALSE);

  if (self->record == NULL || !form_is_dirty (self))
    return TRUE;
  db = sz_session_get_db (self->session);
  _sz_place_page_form_clear_errors (self);

  /* Both from the database: the step back restores what was saved, even
   * if the form had been showing something older. */
  previous = _sz_place_page_record_get (db, self->kind, self->id, &error);
  edited = previous ? _sz_place_page_record_get (db, self->kind, self->id, &error) : NULL;
  if (edited == NULL)
    {
      _sz_place_page_record_free (self->kind, previous);
      sz_field_error_set (self->form_error, error->message);
      return FALSE;
    }
  /* A field someone else saved since it was begun here is not written
   * over unseen: said, with who, when and what; the next save puts this
   * one's in. */
  for (guint i = 0; i < self->fields->len; i++)
    {
      FormField *field = g_ptr_array_index (self->fields, i);
      g_autofree char *theirs = field_text (field->def, previous);
      const char *mine = gtk_editable_get_text (GTK_EDITABLE (field->entry));
      g_autofree char *actor = NULL;
      g_autofree char *at = NULL;
      g_autofree char *message = NULL;

      if (g_strcmp0 (mine, field->original) == 0 && !field->moved)
        continue;
      if (!field->moved && g_strcmp0 (theirs, field->original) == 0)
        continue;
      field->moved = FALSE;
      if (g_strcmp0 (mine, theirs) == 0)
        continue;
      sz_audit_last_change (db, sz_node_kind_to_string (self->kind), self->id, &actor, &at, NULL);
      /* Translators: a field, who changed it, their value, when (2026-12-07 16:58) */
      message = g_strdup_printf (_("%s: %s changed it to “%s” at %s, after you began. Yours was not saved and is "
                                   "still here: save again to put yours instead."),
                                 _(field->def->title), actor != NULL ? actor : "?", theirs, at != NULL ? at : "?");
      sz_field_error_set (field->error, message);
      g_free (field->original);
      field->original = g_steal_pointer (&theirs);
      if (ok)
        gtk_widget_grab_focus (field->entry);
      ok = FALSE;
    }
  if (!ok)
    {
      _sz_place_page_record_free (self->kind, previous);
      _sz_place_page_record_free (self->kind, edited);
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
      _sz_place_page_record_free (self->kind, previous);
      _sz_place_page_record_free (self->kind, edited);
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
  push_edit_undo (self, previous, edited);
  _sz_place_page_record_free (self->kind, edited);
  sz_session_changed (self->session);
  return TRUE;
}

gboolean
_sz_place_page_save_edit (SzPlacePage  *self,
                          gpointer      previous,
                          gpointer      edited,
                          GError      **error)
{
  if (!record_save (sz_session_get_db (self->session), self->kind, edited, error))
    {
      _sz_place_page_record_free (self->kind, previous);
      return FALSE;
    }
  push_edit_undo (self, previous, edited);
  sz_session_changed (self->session);
  return TRUE;
}

gpointer
_sz_place_page_load_record (SzPlacePage  *self,
                            GError      **error)
{
  return _sz_place_page_record_get (sz_session_get_db (self->session), self->kind, self->id, error);
}

static void
on_save_button_clicked_cb (SzPlacePage *self)
{
  sz_place_page_save (self);
}

void
_sz_place_page_form_init (SzPlacePage *self)
{
  self->fields = g_ptr_array_new_with_free_func (form_field_free);
  self->form_error = sz_field_error_new ();
  gtk_box_append (self->form_error_box, self->form_error);
}

void
_sz_place_page_class_form_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
}
