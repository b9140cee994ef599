/* sz-place-page-households.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-place-page-private.h"
#include "sz-roster.h"

/* The households section under the form: what the units below a place
 * add up to, and for a grid, whether that agrees with what it records. */

static int
units_total (const SzTreeNode *node)
{
  int total = 0;

  /* A grid's own number is what was recorded; only units count here. */
  if (node->kind == SZ_NODE_UNIT)
    return node->households;
  for (guint i = 0; i < node->children->len; i++)
    total += units_total (node->children->pdata[i]);
  return total;
}

static void
sum_households (const SzTreeNode *node,
                SzNodeKind        kind,
                gint64            id,
                int              *households,
                int              *buildings,
                gboolean         *found)
{
  if (node->kind == kind && node->id == id)
    {
      *found = TRUE;
      *households += units_total (node);
      for (guint i = 0; kind == SZ_NODE_GRID && i < node->children->len; i++)
        *buildings += ((SzTreeNode *) node->children->pdata[i])->children->len;
      /* A compound spanning two grids has a node under each. */
      if (kind != SZ_NODE_COMPOUND)
        return;
    }
  for (guint i = 0; i < node->children->len; i++)
    sum_households (node->children->pdata[i], kind, id, households, buildings, found);
}

void
_sz_place_page_households_reload (SzPlacePage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GString) warning = g_string_new (NULL);
  g_autofree char *text = NULL;
  g_autofree char *tip = NULL;
  int summed = 0, buildings = 0;
  gboolean found = FALSE;
  gboolean offer_sum = FALSE;

  self->units_sum = -1;
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
        {
          /* Translators: the first number is what the grid records, the second its units' sum */
          g_string_append_printf (warning, g_dngettext (GETTEXT_PACKAGE,
                                                        "%d household is recorded, but the grid's units add up to %d: "
                                                        "correct the number above or the units' households.",
                                                        "%d households are recorded, but the grid's units add up to %d: "
                                                        "correct the number above or the units' households.",
                                                        recorded),
                                  recorded, summed);
          offer_sum = TRUE;
          self->units_sum = summed;
        }
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
  gtk_widget_set_visible (self->households_sum_button, offer_sum);
  if (offer_sum)
    {
      /* Translators: tooltip of "Use the Sum" on a grid's page; %d is its units' households */
      tip = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Record %d household for the grid, what its units add up to",
                                          "Record %d households for the grid, what its units add up to", summed),
                             summed);
      gtk_widget_set_tooltip_text (self->households_sum_button, tip);
    }
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

/* "Use the Sum": the grid records what its units add up to, as one edit
 * of the grid that Ctrl+Z takes back.  What the user is typing into the
 * form stays as it is. */
static void
on_households_sum_button_clicked_cb (SzPlacePage *self)
{
  g_autoptr(GError) error = NULL;
  gpointer previous;
  SzGrid *edited;

  if (self->kind != SZ_NODE_GRID || self->record == NULL || self->units_sum < 0)
    return;
  previous = _sz_place_page_load_record (self, &error);
  edited = previous ? _sz_place_page_load_record (self, &error) : NULL;
  if (edited != NULL)
    {
      edited->households = self->units_sum;
      if (_sz_place_page_save_edit (self, previous, edited, &error))
        g_clear_error (&error);
      sz_grid_free (edited);
    }
  else if (previous != NULL)
    sz_grid_free (previous);
  if (error != NULL)
    sz_show_error (GTK_WIDGET (self), _("The households could not be saved"), error);
}

void
_sz_place_page_class_households_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_box);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_warning);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_warning_label);
  gtk_widget_class_bind_template_child (widget_class, SzPlacePage, households_sum_button);
  gtk_widget_class_bind_template_callback (widget_class, on_households_sum_button_clicked_cb);
}
