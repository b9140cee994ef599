/* sz-people-page-cells.c: the people list's cells, filled as their rows
 * come into view.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-people-page-private.h"
#include "sz-post.h"
#include "sz-tree.h"

void
_sz_people_entry_free (Entry *entry)
{
  sz_person_free (entry->person);
  g_free (entry->posts);
  g_clear_object (&entry->thumbnail);
  g_free (entry);
}

G_DEFINE_FINAL_TYPE (SzPeopleRow, sz_people_row, G_TYPE_OBJECT)

static void
sz_people_row_class_init (SzPeopleRowClass *klass)
{
}

static void
sz_people_row_init (SzPeopleRow *row)
{
}


static gboolean
show_phones (SzPeoplePage *self)
{
  GSettings *settings = self->session ? sz_session_get_settings (self->session) : NULL;

  return settings != NULL && g_settings_get_boolean (settings, "show-phones");
}

static char *
phones_text (SzPeoplePage *self,
             SzPerson     *p)
{
  gboolean show = show_phones (self);
  g_autofree char *first = sz_phone_display (p->phone, show);
  g_autofree char *second = sz_phone_display (p->phone2, show);

  if (*second == '\0')
    return g_steal_pointer (&first);
  /* Translators: a person's two phones in the people list */
  return g_strdup_printf (C_("two phones", "%s, %s"), first, second);
}

static void
on_loader_size_prepared_cb (GdkPixbufLoader *loader,
                            int              width,
                            int              height,
                            gpointer         user_data)
{
  /* Twice the cell size stays sharp on a HiDPI screen; a JPEG decoder
   * told the size early decodes at a fraction of the cost. */
  double side = THUMBNAIL_SIZE * 2;
  double scale = MIN (side / width, side / height);

  if (scale < 1)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static GdkPaintable *
thumbnail_new (GBytes *bytes)
{
  g_autoptr(GdkPixbufLoader) loader = gdk_pixbuf_loader_new ();
  GdkPixbuf *pixbuf;
  gboolean ok;

  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_loader_size_prepared_cb), NULL);
  ok = gdk_pixbuf_loader_write_bytes (loader, bytes, NULL);
  /* Closed even after a failed write: an open loader warns when freed. */
  ok = gdk_pixbuf_loader_close (loader, NULL) && ok;
  pixbuf = ok ? gdk_pixbuf_loader_get_pixbuf (loader) : NULL;
  return pixbuf ? GDK_PAINTABLE (gdk_texture_new_for_pixbuf (pixbuf)) : NULL;
}

/* A failure here leaves the cell blank: it happens while GTK lays out
 * the list, where a dialog cannot be raised, and the next reload tries
 * again. */
static void
entry_load_details (SzPeoplePage *self,
                    Entry        *entry)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GPtrArray) posts = NULL;
  g_autoptr(GBytes) photo = NULL;
  GString *text;

  if (entry->details_loaded)
    return;
  entry->details_loaded = TRUE;

  text = g_string_new (NULL);
  posts = sz_post_list_for_person (db, entry->person->id, NULL);
  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      SzPost *post = g_ptr_array_index (posts, i);
      g_autofree char *place = NULL;

      if (post->end_date != NULL)
        continue;
      place = sz_place_label (db, post->level, post->place_id, NULL);
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a current post in the people list: the place, then
       * the head's title ("丰和林苑 2栋 楼栋长") */
      g_string_append_printf (text, C_("post in list", "%s %s"), place ? place : "", sz_level_head_title (post->level));
    }
  entry->posts = g_string_free (text, FALSE);

  photo = sz_person_get_image (db, entry->person->id, SZ_IMAGE_PHOTO, NULL, NULL, NULL);
  if (photo != NULL)
    entry->thumbnail = thumbnail_new (photo);
}

/* The cells: a label each, or an image for the photo. */


const char * const _sz_people_cell_names[] = { "name", "posts", "phone", "party-member", "consent" };

/* On each cell's GtkListItem: its CellKind, and the Entry it shows. */
static GQuark
cell_kind_quark (void)
{
  return g_quark_from_static_string ("sz-people-cell-kind");
}

static GQuark
cell_entry_quark (void)
{
  return g_quark_from_static_string ("sz-people-cell-entry");
}

char *
_sz_people_page_cell_text (SzPeoplePage *self,
           Entry        *entry,
           CellKind      kind)
{
  SzPerson *p = entry->person;

  switch (kind)
    {
    case CELL_NAME:
      return g_strdup (p->name);
    case CELL_POSTS:
      entry_load_details (self, entry);
      return g_strdup (entry->posts);
    case CELL_PHONE:
      return phones_text (self, p);
    case CELL_PARTY:
      /* Translators: in the people list's party member column */
      return g_strdup (p->party_member ? C_("party member", "Yes") : C_("party member", "No"));
    case CELL_CONSENT:
      if (p->consent_date == NULL)
        /* Translators: the head was never asked whether the phone may be printed */
        return g_strdup (C_("consent", "Not asked"));
      if (p->phone_consent)
        /* Translators: the head agreed to have the phone printed; %s is the date of consent */
        return g_strdup_printf (C_("consent", "Yes (%s)"), p->consent_date);
      /* Translators: the head declined to have the phone printed; %s is the date it was recorded */
      return g_strdup_printf (C_("consent", "No (%s)"), p->consent_date);
    case CELL_PHOTO:
    default:
      g_assert_not_reached ();
    }
}

/* Shows the entry of the cell's row in the cell. */
static void
fill_cell (SzPeoplePage *self,
           GtkListItem  *item)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (item), cell_kind_quark ()));
  SzPeopleRow *row = gtk_list_item_get_item (item);
  GtkWidget *child = gtk_list_item_get_child (item);
  Entry *entry = row ? row->entry : NULL;

  g_object_set_qdata (G_OBJECT (item), cell_entry_quark (), entry);
  if (entry == NULL || child == NULL)
    return;
  if (kind == CELL_PHOTO)
    {
      entry_load_details (self, entry);
      if (entry->thumbnail != NULL)
        gtk_image_set_from_paintable (GTK_IMAGE (child), entry->thumbnail);
      else
        gtk_image_clear (GTK_IMAGE (child));
    }
  else
    {
      g_autofree char *text = _sz_people_page_cell_text (self, entry, kind);

      gtk_label_set_text (GTK_LABEL (child), text);
    }
}

/* A cut label shows the whole text on hover; asked only then, because
 * setting tooltips while filling costs as much as the text itself. */
static gboolean
on_label_query_tooltip_cb (GtkLabel   *label,
                           int         x,
                           int         y,
                           gboolean    keyboard,
                           GtkTooltip *tooltip)
{
  if (!pango_layout_is_ellipsized (gtk_label_get_layout (label)))
    return FALSE;
  gtk_tooltip_set_text (tooltip, gtk_label_get_text (label));
  return TRUE;
}

/* GTK 4.8 keeps about 200 rows of widgets however few are on screen:
 * only the cells within a page of the view are filled when the list
 * changes, and the others when scrolling brings them near.  This
 * marks a cell left unfilled. */
static char stale_marker;
#define STALE_CELL ((gpointer) &stale_marker)

static void
view_range (SzPeoplePage *self,
            guint        *first,
            guint        *last)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  *first = 0;
  *last = G_MAXUINT;
  /* Before the first layout, everything counts as near. */
  if (self->row_height <= 0 || page <= 0)
    return;
  /* The rows on screen and a few either side: scrolling fills the next
   * ones before the frame that shows them (value-changed comes first). */
  *first = (guint) MAX (0, value / self->row_height - 4);
  *last = (guint) MIN (G_MAXUINT / 2, (value + page) / self->row_height + 4);
}

guint
_sz_people_page_rows_to_view_end (SzPeoplePage *self)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);

  if (self->row_height <= 0 || page <= 0)
    return G_MAXUINT;
  /* A row cut by the bottom edge counts. */
  return (guint) MIN (G_MAXUINT / 2, (value + page) / self->row_height + 1);
}

static void
fill_cell_if_near (SzPeoplePage *self,
                   GtkListItem  *item,
                   guint         first,
                   guint         last)
{
  guint position = gtk_list_item_get_position (item);

  if (position >= first && position <= last)
    fill_cell (self, item);
  else
    g_object_set_qdata (G_OBJECT (item), cell_entry_quark (), STALE_CELL);
}

/* Fills the cells whose slot now holds another entry, or all of them. */
void
_sz_people_page_refresh_cells (SzPeoplePage *self,
               gboolean      all)
{
  GHashTableIter iter;
  gpointer item;
  guint first, last;

  view_range (self, &first, &last);
  g_hash_table_iter_init (&iter, self->cells);
  while (g_hash_table_iter_next (&iter, &item, NULL))
    {
      SzPeopleRow *row = gtk_list_item_get_item (item);

      if (row != NULL && (all || row->entry != g_object_get_qdata (item, cell_entry_quark ())))
        fill_cell_if_near (self, item, first, last);
    }
}

void
_sz_people_page_on_vadjustment_value_changed (SzPeoplePage *self)
{
  _sz_people_page_refresh_cells (self, FALSE);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SzPeoplePage *self = data;

  self->refresh_id = 0;
  _sz_people_page_refresh_cells (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The list's height or the view's changed: emitted while GTK allocates,
 * where labels should not change, so the cells are filled right after. */
void
_sz_people_page_on_vadjustment_changed (SzPeoplePage  *self,
                           GtkAdjustment *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);

  /* Only a list taller than the view tells: a shorter one's upper is the
   * view's height. */
  if (self->n_in_model > 0 && upper > gtk_adjustment_get_page_size (adjustment) + 1)
    self->row_height = upper / self->n_in_model;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

void
_sz_people_page_on_cell_finalized (gpointer  data,
                      GObject  *item)
{
  SzPeoplePage *self = data;

  g_hash_table_remove (self->cells, item);
}

static void
on_cell_setup_cb (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  SzPeoplePage             *self)
{
  CellKind kind = GPOINTER_TO_INT (g_object_get_qdata (G_OBJECT (factory), cell_kind_quark ()));
  GtkWidget *child;

  if (kind == CELL_PHOTO)
    {
      child = gtk_image_new ();
      gtk_image_set_pixel_size (GTK_IMAGE (child), THUMBNAIL_SIZE);
      gtk_widget_set_halign (child, GTK_ALIGN_START);
    }
  else
    {
      child = gtk_label_new (NULL);
      gtk_label_set_xalign (GTK_LABEL (child), 0);
      gtk_label_set_ellipsize (GTK_LABEL (child), PANGO_ELLIPSIZE_END);
      gtk_widget_set_has_tooltip (child, TRUE);
      g_signal_connect (child, "query-tooltip", G_CALLBACK (on_label_query_tooltip_cb), NULL);
      /* Room for a usual name, a masked landline and a dated consent,
       * and no more than that (a second phone, a long minority name is
       * cut, with a tooltip): the rest goes to the posts. */
      if (kind == CELL_NAME)
        {
          gtk_label_set_width_chars (GTK_LABEL (child), 10);
          gtk_label_set_max_width_chars (GTK_LABEL (child), 12);
        }
      else if (kind == CELL_PHONE)
        {
          gtk_label_set_width_chars (GTK_LABEL (child), 13);
          gtk_label_set_max_width_chars (GTK_LABEL (child), 13);
          gtk_widget_add_css_class (child, "numeric");
        }
      else if (kind == CELL_CONSENT)
        gtk_label_set_width_chars (GTK_LABEL (child), 12);
    }
  gtk_list_item_set_child (item, child);
  g_object_set_qdata (G_OBJECT (item), cell_kind_quark (), GINT_TO_POINTER (kind));
  /* Weak: GTK finalizes list items as it sees fit. */
  g_hash_table_add (self->cells, item);
  g_object_weak_ref (G_OBJECT (item), _sz_people_page_on_cell_finalized, self);
}

static void
on_cell_bind_cb (GtkSignalListItemFactory *factory,
                 GtkListItem              *item,
                 SzPeoplePage             *self)
{
  guint first, last;

  view_range (self, &first, &last);
  fill_cell_if_near (self, item, first, last);
}

void
_sz_people_page_set_cell_factory (SzPeoplePage        *self,
                  GtkColumnViewColumn *column,
                  CellKind             kind)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_object_set_qdata (G_OBJECT (factory), cell_kind_quark (), GINT_TO_POINTER (kind));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_cell_setup_cb), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_cell_bind_cb), self, 0);
  gtk_column_view_column_set_factory (column, factory);
}

/* The list and what it shows. */

