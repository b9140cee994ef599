/* sz-place-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-hotline.h"
#include "sz-place-add-building.h"
#include "sz-place-dialog.h"
#include "sz-place-edit.h"
#include "sz-place-tree.h"
#include "sz-roster.h"

static char *
building_label (SzSession *session,
                gint64     id)
{
  char *label = sz_place_label (sz_session_get_db (session), SZ_LEVEL_BUILDING, id, NULL);

  return label ? label : g_strdup ("");
}

/* Deleting */

typedef struct
{
  int buildings;
  int units;
  int heads;
} Counts;

static void
count_below (const SzTreeNode *node,
             Counts           *counts)
{
  if (node->kind == SZ_NODE_BUILDING)
    counts->buildings++;
  else if (node->kind == SZ_NODE_UNIT)
    counts->units++;
  if (node->has_head && node->head_person_id != 0)
    counts->heads++;
  for (guint i = 0; i < node->children->len; i++)
    count_below (node->children->pdata[i], counts);
}

/* A compound spanning two grids is in the tree twice, once per grid: all
 * of its buildings go with it. */
static void
count_compound (const SzTreeNode *node,
                gint64            compound_id,
                Counts           *counts,
                GArray           *buildings)
{
  if (node->kind == SZ_NODE_COMPOUND && node->id == compound_id)
    {
      count_below (node, counts);
      for (guint i = 0; i < node->children->len; i++)
        g_array_append_val (buildings, ((SzTreeNode *) node->children->pdata[i])->id);
      return;
    }
  for (guint i = 0; i < node->children->len; i++)
    count_compound (node->children->pdata[i], compound_id, counts, buildings);
}

static int
count_hotlines (SzDb    *db,
                SzScope  scope,
                gint64   id)
{
  g_autoptr(GPtrArray) list = sz_hotline_list_scope (db, scope, id, NULL);

  return list ? (int) list->len : 0;
}

void
sz_place_dialog_describe_delete (SzSession         *session,
                                 const SzTreeNode  *node,
                                 char             **title,
                                 char             **detail)
{
  SzDb *db = sz_session_get_db (session);
  const SzTreeNode *root = node;
  g_autoptr(GArray) buildings = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *label = NULL;
  g_autofree char *list = NULL;
  Counts counts = { 0, };
  int hotlines = 0;

  g_return_if_fail (SZ_IS_SESSION (session) && node != NULL);

  while (root->parent != NULL)
    root = root->parent;
  if (node->kind == SZ_NODE_COMPOUND)
    {
      count_compound (root, node->id, &counts, buildings);
      hotlines = count_hotlines (db, SZ_SCOPE_COMPOUND, node->id);
    }
  else
    {
      count_below (node, &counts);
      if (node->kind == SZ_NODE_BUILDING)
        g_array_append_val (buildings, node->id);
    }
  for (guint i = 0; i < buildings->len; i++)
    hotlines += count_hotlines (db, SZ_SCOPE_BUILDING, g_array_index (buildings, gint64, i));
  /* Counted above with what goes along: the place itself is not. */
  if (node->kind == SZ_NODE_BUILDING)
    counts.buildings--;
  else if (node->kind == SZ_NODE_UNIT)
    counts.units--;

  if (node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
    label = sz_place_label (db, node->kind == SZ_NODE_BUILDING ? SZ_LEVEL_BUILDING : SZ_LEVEL_UNIT, node->id, NULL);
  if (label == NULL)
    label = g_strdup (node->label);
  /* Translators: the question before deleting; %s is a place ("丰和林苑 2栋") */
  *title = g_strdup_printf (_("Delete %s?"), label);

  if (counts.buildings > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d building", "%d buildings",
                                                          counts.buildings), counts.buildings));
  if (counts.units > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d unit", "%d units",
                                                          counts.units), counts.units));
  if (counts.heads > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                          "%d head's post with its history",
                                                          "%d heads' posts with their history",
                                                          counts.heads), counts.heads));
  if (hotlines > 0)
    g_ptr_array_add (parts, g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hotline", "%d hotlines",
                                                          hotlines), hotlines));
  g_ptr_array_add (parts, NULL);
  /* Translators: joins the items of a list ("4 units, 5 heads' posts"); Chinese uses "、" */
  list = g_strjoinv (_(", "), (char **) parts->pdata);
  if (*list != '\0')
    /* Translators: %s is a list: "4 units, 5 heads' posts with their history, 2 hotlines" */
    *detail = g_strdup_printf (_("Removed with it: %s. The people stay in the roster. This cannot be undone."),
                               list);
  else
    *detail = g_strdup (_("This cannot be undone."));
}

typedef struct
{
  SzSession  *session;
  SzNodeKind  kind;
  gint64      id;
  SzNodeKind  parent_kind;
  gint64      parent_id;
} Deletion;

static void
deletion_free (gpointer data)
{
  Deletion *d = data;

  g_object_unref (d->session);
  g_free (d);
}

static void
on_delete_confirmed_cb (GtkWidget *widget,
                        gpointer   user_data)
{
  Deletion *d = user_data;
  g_autoptr(GError) error = NULL;

  if (!sz_place_delete (d->session, d->kind, d->id, d->parent_kind, d->parent_id, &error))
    sz_show_error (widget, _("The place could not be deleted"), error);
}

void
sz_place_dialog_delete (GtkWidget         *parent,
                        SzSession         *session,
                        const SzTreeNode  *node)
{
  g_autofree char *title = NULL;
  g_autofree char *detail = NULL;
  Deletion *d;

  g_return_if_fail (GTK_IS_WIDGET (parent) && SZ_IS_SESSION (session) && node != NULL);
  g_return_if_fail (node->parent != NULL);

  if (node->kind == SZ_NODE_GRID && node->children->len > 0)
    {
      g_autoptr(GError) error = NULL;
      Counts counts = { 0, };

      /* Nothing to ask: the core refuses while buildings are in the grid
       * (its compounds show under it only through their buildings). */
      count_below (node, &counts);
      g_set_error (&error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_IN_USE,
                   g_dngettext (GETTEXT_PACKAGE,
                                "It still has %d building: move it to another grid or delete it first.",
                                "It still has %d buildings: move them to another grid or delete them first.",
                                counts.buildings), counts.buildings);
      /* Translators: %s is a grid */
      title = g_strdup_printf (_("%s cannot be deleted"), node->label);
      sz_show_error (parent, title, error);
      return;
    }
  d = g_new0 (Deletion, 1);
  d->session = g_object_ref (session);
  d->kind = node->kind;
  d->id = node->id;
  d->parent_kind = node->parent->kind;
  d->parent_id = node->parent->id;
  sz_place_dialog_describe_delete (session, node, &title, &detail);
  sz_confirm (parent, title, detail, _("_Delete"), on_delete_confirmed_cb, d, deletion_free);
}

/* The dialogs */

/* What a dialog shows and needs for its OK; freed with the dialog. */
typedef struct
{
  SzSession         *session;
  SzPlaceDialogKind  edit;
  SzNodeKind         kind;
  gint64             id;
  GtkGrid           *form;
  int                rows;
  GtkWidget         *number;
  GtkWidget         *name;
  GtkWidget         *compound;
  GtkWidget         *grid;
  GtkWidget         *count;
  GtkWidget         *first;
  GtkWidget         *floors;
  GtkWidget         *households;
  gint64             grid_id;     /* a new compound shows under this grid */
  GtkWidget         *error;
  GArray            *compound_ids;
  GArray            *grid_ids;
} EditDialog;

static void
edit_dialog_free (gpointer data)
{
  EditDialog *d = data;

  g_object_unref (d->session);
  g_array_unref (d->compound_ids);
  g_array_unref (d->grid_ids);
  g_free (d);
}

static void
add_row (EditDialog *d,
         const char *mnemonic,
         GtkWidget  *widget)
{
  GtkWidget *label = gtk_label_new_with_mnemonic (mnemonic);

  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), widget);
  gtk_widget_set_hexpand (widget, TRUE);
  gtk_grid_attach (d->form, label, 0, d->rows, 1, 1);
  gtk_grid_attach (d->form, widget, 1, d->rows, 1, 1);
  d->rows++;
}

/* A line of explanation under the field above it. */
static void
add_hint (EditDialog *d,
          const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_grid_attach (d->form, label, 1, d->rows, 1, 1);
  d->rows++;
}

static void
on_spin_activate_cb (GtkWidget *spin)
{
  gtk_widget_activate_default (spin);
}

static GtkWidget *
add_spin (EditDialog *d,
          const char *mnemonic,
          int         min,
          int         max,
          int         value)
{
  GtkWidget *spin = gtk_spin_button_new_with_range (min, max, 1);
  GtkEditable *text = gtk_editable_get_delegate (GTK_EDITABLE (spin));

  gtk_spin_button_set_value (GTK_SPIN_BUTTON (spin), value);
  /* Enter in a number adds, as in a name.  GTK 4.8's spin button has no
   * "activates-default" and keeps Enter to itself: after it took the
   * typed value, the dialog's default response goes. */
  g_signal_connect_object (text, "activate", G_CALLBACK (on_spin_activate_cb), spin,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  add_row (d, mnemonic, spin);
  return spin;
}

static GtkWidget *
add_entry (EditDialog *d,
           const char *mnemonic,
           const char *text)
{
  GtkWidget *entry = gtk_entry_new ();

  gtk_editable_set_text (GTK_EDITABLE (entry), text ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  add_row (d, mnemonic, entry);
  return entry;
}

/* A drop-down of the community's compounds or grids, @selected chosen. */
static GtkWidget *
add_choice (EditDialog *d,
            const char *mnemonic,
            gboolean    grids,
            gint64      selected)
{
  SzDb *db = sz_session_get_db (d->session);
  gint64 community = sz_session_get_community_id (d->session);
  g_autoptr(GPtrArray) list = grids ? sz_grid_list (db, community, NULL) : sz_compound_list (db, community, NULL);
  g_autoptr(GPtrArray) labels = g_ptr_array_new_with_free_func (g_free);
  GArray *ids = grids ? d->grid_ids : d->compound_ids;
  GtkWidget *drop_down;
  guint position = 0;

  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      gint64 id = grids ? ((SzGrid *) list->pdata[i])->id : ((SzCompound *) list->pdata[i])->id;

      g_ptr_array_add (labels, grids ? sz_grid_label (list->pdata[i]) : g_strdup (((SzCompound *) list->pdata[i])->name));
      g_array_append_val (ids, id);
      if (id == selected)
        position = i;
    }
  g_ptr_array_add (labels, NULL);
  drop_down = gtk_drop_down_new_from_strings ((const char * const *) labels->pdata);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (drop_down), position);
  add_row (d, mnemonic, drop_down);
  return drop_down;
}

static gint64
chosen_id (GtkWidget *drop_down,
           GArray    *ids)
{
  guint i = gtk_drop_down_get_selected (GTK_DROP_DOWN (drop_down));

  return i < ids->len ? g_array_index (ids, gint64, i) : 0;
}

static int
spin_value (GtkWidget *spin)
{
  /* What is typed counts even when Enter was not pressed in the field. */
  gtk_spin_button_update (GTK_SPIN_BUTTON (spin));
  return gtk_spin_button_get_value_as_int (GTK_SPIN_BUTTON (spin));
}

static void
on_edit_dialog_response_cb (GtkDialog *dialog,
                            int        response,
                            gpointer   user_data)
{
  EditDialog *d = g_object_get_data (G_OBJECT (dialog), "edit-dialog");
  g_autoptr(GError) error = NULL;
  const char *name = d->name ? gtk_editable_get_text (GTK_EDITABLE (d->name)) : NULL;
  gboolean ok = FALSE;

  if (response != GTK_RESPONSE_ACCEPT)
    {
      gtk_window_destroy (GTK_WINDOW (dialog));
      return;
    }
  switch (d->edit)
    {
    case SZ_PLACE_DIALOG_ADD_GRID:
      ok = sz_place_add_grid (d->session, spin_value (d->number), name, NULL, &error);
      break;
    case SZ_PLACE_DIALOG_ADD_COMPOUND:
      /* Under the grid it was added from (until it has a building). */
      ok = sz_place_add_compound (d->session, name, d->grid_id, NULL, &error);
      break;
    case SZ_PLACE_DIALOG_ADD_BUILDING:
      ok = sz_place_add_building_with_units (d->session, chosen_id (d->compound, d->compound_ids),
                                             chosen_id (d->grid, d->grid_ids), name, spin_value (d->floors),
                                             spin_value (d->count), spin_value (d->households), NULL, &error);
      break;
    case SZ_PLACE_DIALOG_ADD_UNITS:
      ok = sz_place_add_units (d->session, d->id, spin_value (d->first), spin_value (d->count), &error);
      break;
    case SZ_PLACE_DIALOG_RENAME:
      ok = sz_place_rename (d->session, d->kind, d->id, d->number ? spin_value (d->number) : 0, name, &error);
      break;
    case SZ_PLACE_DIALOG_MOVE:
      ok = sz_place_move_building (d->session, d->id, chosen_id (d->compound, d->compound_ids),
                                   chosen_id (d->grid, d->grid_ids), &error);
      break;
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    {
      /* The dialog stays, with the core's message (it names the field). */
      sz_field_error_set (d->error, error->message);
      return;
    }
  gtk_window_destroy (GTK_WINDOW (dialog));
}

/* The nearest ancestor-or-self of @node of @kind, or NULL. */
static const SzTreeNode *
up_to (const SzTreeNode *node,
       SzNodeKind        kind)
{
  while (node != NULL && node->kind != kind)
    node = node->parent;
  return node;
}

static int
next_grid_number (SzSession *session)
{
  g_autoptr(GPtrArray) grids = sz_grid_list (sz_session_get_db (session), sz_session_get_community_id (session), NULL);
  int next = 1;

  for (guint i = 0; grids != NULL && i < grids->len; i++)
    next = MAX (next, ((SzGrid *) grids->pdata[i])->number + 1);
  return next;
}

static int
next_unit_number (SzSession *session,
                  gint64     building_id)
{
  g_autoptr(GPtrArray) units = sz_unit_list (sz_session_get_db (session), building_id, NULL);
  int next = 1;

  for (guint i = 0; units != NULL && i < units->len; i++)
    next = MAX (next, ((SzUnit *) units->pdata[i])->number + 1);
  return next;
}

/* Fills the form for @edit; returns the dialog's title and OK label. */
static void
build_form (EditDialog       *d,
            const SzTreeNode *node,
            char            **title,
            const char      **ok_label)
{
  SzDb *db = sz_session_get_db (d->session);
  const SzTreeNode *compound = up_to (node, SZ_NODE_COMPOUND);
  const SzTreeNode *grid = up_to (node, SZ_NODE_GRID);
  const SzTreeNode *building = up_to (node, SZ_NODE_BUILDING);
  g_autofree char *label = NULL;

  *ok_label = _("_Add");
  switch (d->edit)
    {
    case SZ_PLACE_DIALOG_ADD_GRID:
      *title = g_strdup (_("Add Grid"));
      d->number = add_spin (d, _("Grid _number"), 1, 99999, next_grid_number (d->session));
      d->name = add_entry (d, _("Grid na_me"), NULL);
      break;

    case SZ_PLACE_DIALOG_ADD_COMPOUND:
      *title = g_strdup (_("Add Compound"));
      d->name = add_entry (d, _("Compound _name"), NULL);
      d->grid_id = grid ? grid->id : 0;
      break;

    case SZ_PLACE_DIALOG_ADD_BUILDING:
      *title = g_strdup (_("Add Building"));
      d->compound = add_choice (d, _("_Compound"), FALSE, compound ? compound->id : 0);
      d->grid = add_choice (d, _("_Grid"), TRUE, grid ? grid->id : 0);
      d->name = add_entry (d, _("Building _name"), NULL);
      gtk_entry_set_placeholder_text (GTK_ENTRY (d->name), _("e.g. 2栋, 5号楼"));
      d->count = add_spin (d, _("_Units"), 0, 99, 1);
      d->floors = add_spin (d, _("_Floors"), 0, 200, 0);
      d->households = add_spin (d, _("_Households per unit"), 0, 2000, 0);
      add_hint (d, _("The same number for every unit: change a unit's own number on its page afterwards."));
      break;

    case SZ_PLACE_DIALOG_ADD_UNITS:
      d->id = building ? building->id : 0;
      label = building_label (d->session, d->id);
      /* Translators: a dialog's title; %s is a building */
      *title = g_strdup_printf (_("Add Units to %s"), label);
      d->count = add_spin (d, _("_How many"), 1, 99, 1);
      d->first = add_spin (d, _("_Starting number"), 1, 99, next_unit_number (d->session, d->id));
      break;

    case SZ_PLACE_DIALOG_RENAME:
      *ok_label = _("_Rename");
      /* Translators: a dialog's title; %s is a place */
      *title = g_strdup_printf (_("Rename %s"), node->label);
      if (node->kind == SZ_NODE_GRID)
        {
          g_autoptr(SzGrid) g = sz_grid_get (db, node->id, NULL);

          d->number = add_spin (d, _("Grid _number"), 1, 99999, g ? g->number : 1);
          d->name = add_entry (d, _("Grid na_me"), g ? g->name : NULL);
        }
      else if (node->kind == SZ_NODE_COMPOUND)
        {
          g_autoptr(SzCompound) c = sz_compound_get (db, node->id, NULL);

          d->name = add_entry (d, _("Compound _name"), c ? c->name : NULL);
        }
      else
        {
          g_autoptr(SzBuilding) b = sz_building_get (db, node->id, NULL);

          d->name = add_entry (d, _("Building _name"), b ? b->name : NULL);
        }
      break;

    case SZ_PLACE_DIALOG_MOVE:
      {
        g_autoptr(SzBuilding) b = sz_building_get (db, node->id, NULL);

        *ok_label = _("_Move");
        label = building_label (d->session, node->id);
        /* Translators: a dialog's title; %s is a building */
        *title = g_strdup_printf (_("Move %s"), label);
        d->compound = add_choice (d, _("To _compound"), FALSE, b ? b->compound_id : 0);
        d->grid = add_choice (d, _("To _grid"), TRUE, b ? b->grid_id : 0);
      }
      break;

    default:
      g_assert_not_reached ();
    }
}

GtkWidget *
sz_place_dialog_new (GtkWidget         *parent,
                     SzSession         *session,
                     SzPlaceDialogKind  kind,
                     const SzTreeNode  *node)
{
  GtkRoot *root;
  GtkWidget *dialog;
  GtkWidget *content;
  EditDialog *d;
  g_autofree char *title = NULL;
  const char *ok_label;

  g_return_val_if_fail (GTK_IS_WIDGET (parent) && SZ_IS_SESSION (session) && node != NULL, NULL);

  d = g_new0 (EditDialog, 1);
  d->session = g_object_ref (session);
  d->edit = kind;
  d->kind = node->kind;
  d->id = node->id;
  d->compound_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->grid_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  d->form = GTK_GRID (gtk_grid_new ());
  gtk_grid_set_row_spacing (d->form, 6);
  gtk_grid_set_column_spacing (d->form, 12);
  build_form (d, node, &title, &ok_label);
  d->error = sz_field_error_new ();
  gtk_grid_attach (d->form, d->error, 1, d->rows, 1, 1);

  root = gtk_widget_get_root (parent);
  dialog = gtk_dialog_new_with_buttons (title, GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_DIALOG_MODAL | GTK_DIALOG_DESTROY_WITH_PARENT | GTK_DIALOG_USE_HEADER_BAR,
                                        _("_Cancel"), GTK_RESPONSE_CANCEL,
                                        ok_label, GTK_RESPONSE_ACCEPT,
                                        NULL);
  gtk_dialog_set_default_response (GTK_DIALOG (dialog), GTK_RESPONSE_ACCEPT);
  gtk_window_set_default_size (GTK_WINDOW (dialog), 420, -1);
  content = gtk_dialog_get_content_area (GTK_DIALOG (dialog));
  gtk_widget_set_margin_start (GTK_WIDGET (d->form), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (d->form), 18);
  gtk_widget_set_margin_top (GTK_WIDGET (d->form), 18);
  gtk_widget_set_margin_bottom (GTK_WIDGET (d->form), 18);
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (d->form));
  g_object_set_data_full (G_OBJECT (dialog), "edit-dialog", d, edit_dialog_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_edit_dialog_response_cb), NULL);
  gtk_window_present (GTK_WINDOW (dialog));
  return dialog;
}
