/* sz-people-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-people-page.h"
#include "sz-person.h"
#include "sz-person-dialog.h"
#include "sz-post.h"
#include "sz-search.h"
#include "sz-tree.h"

/* The photo column's thumbnails, in logical pixels. */
#define THUMBNAIL_SIZE 32

/* A person as the list knows them.  Posts and photo are read when the
 * person is first shown: a city roster has far more people than a screen
 * has rows, and reading every post and photo up front would make each
 * reload slow. */
typedef struct
{
  SzPerson     *person;
  gboolean      details_loaded;
  char         *posts;          /* "网格长 · 丰和林苑 2栋 楼栋长" */
  GdkPaintable *thumbnail;      /* NULL: no photo */
} Entry;

static void
entry_free (Entry *entry)
{
  sz_person_free (entry->person);
  g_free (entry->posts);
  g_clear_object (&entry->thumbnail);
  g_free (entry);
}

/* A row of the list: a slot that shows one entry or another.  Searching
 * puts other entries in the same slots rather than other items in the
 * model, because GTK 4.8's list views make (and later destroy) a row of
 * widgets for every new item within 200 of the top, several times what
 * a keystroke may cost; new slots are made only when a search finds more
 * people than the last. */
#define SZ_TYPE_PEOPLE_ROW (sz_people_row_get_type ())
G_DECLARE_FINAL_TYPE (SzPeopleRow, sz_people_row, SZ, PEOPLE_ROW, GObject)

struct _SzPeopleRow
{
  GObject  parent_instance;

  Entry   *entry;   /* borrowed from the page */
};

G_DEFINE_FINAL_TYPE (SzPeopleRow, sz_people_row, G_TYPE_OBJECT)

static void
sz_people_row_class_init (SzPeopleRowClass *klass)
{
}

static void
sz_people_row_init (SzPeopleRow *row)
{
}

struct _SzPeoplePage
{
  GtkWidget            parent_instance;

  /* Template widgets */
  GtkSearchEntry      *search_entry;
  GtkToggleButton     *show_phones_button;
  GtkButton           *edit_button;
  GtkButton           *delete_button;
  GtkStack            *stack;
  GtkScrolledWindow   *scrolled_window;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *name_column;
  GtkColumnViewColumn *posts_column;
  GtkColumnViewColumn *phone_column;
  GtkColumnViewColumn *party_column;
  GtkColumnViewColumn *consent_column;
  GtkColumnViewColumn *photo_column;
  GtkLabel            *empty_title;
  GtkLabel            *empty_detail;
  GtkImage            *empty_image;
  GtkLabel            *count_label;

  /* Owned references */
  SzSession           *session;
  GPtrArray           *entries;       /* Entry, pinyin order */
  GHashTable          *entries_by_id; /* gint64 * → Entry */
  GListStore          *rows;          /* SzPeopleRow: what the view shows */
  GPtrArray           *slots;         /* the same rows, for access by position */
  guint                n_shown;       /* slots in use */
  guint                n_in_model;    /* rows has this many: n_shown, or more while none */
  GtkSingleSelection  *selection;
  GHashTable          *cells;         /* every cell's GtkListItem, weak */
  char                *applied_query; /* what the list shows hits of; NULL: everyone */

  guint                prepare_id;
  guint                refresh_id;
  double               row_height;    /* estimated from the list's height */
  gint64               select_after_reload;
  gboolean             loaded;
  gboolean             dirty;         /* the roster changed while the page was hidden */
};

G_DEFINE_FINAL_TYPE (SzPeoplePage, sz_people_page, GTK_TYPE_WIDGET)

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

typedef enum
{
  CELL_NAME,
  CELL_POSTS,
  CELL_PHONE,
  CELL_PARTY,
  CELL_CONSENT,
  CELL_PHOTO,
} CellKind;

static const char * const cell_names[] = { "name", "posts", "phone", "party-member", "consent" };

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

static char *
cell_text (SzPeoplePage *self,
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
      g_autofree char *text = cell_text (self, entry, kind);

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
  *first = (guint) MAX (0, (value - page) / self->row_height - 2);
  *last = (guint) MIN (G_MAXUINT / 2, (value + 2 * page) / self->row_height + 2);
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
static void
refresh_cells (SzPeoplePage *self,
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

static void
on_vadjustment_value_changed_cb (SzPeoplePage *self)
{
  refresh_cells (self, FALSE);
}

static gboolean
refresh_idle_cb (gpointer data)
{
  SzPeoplePage *self = data;

  self->refresh_id = 0;
  refresh_cells (self, FALSE);
  return G_SOURCE_REMOVE;
}

/* The list's height or the view's changed: emitted while GTK allocates,
 * where labels should not change, so the cells are filled right after. */
static void
on_vadjustment_changed_cb (SzPeoplePage  *self,
                           GtkAdjustment *adjustment)
{
  double upper = gtk_adjustment_get_upper (adjustment);

  if (self->n_in_model > 0 && upper > 0)
    self->row_height = upper / self->n_in_model;
  if (self->refresh_id == 0)
    self->refresh_id = g_idle_add_full (G_PRIORITY_HIGH_IDLE, refresh_idle_cb, self, NULL);
}

static void
on_cell_finalized_cb (gpointer  data,
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
  g_object_weak_ref (G_OBJECT (item), on_cell_finalized_cb, self);
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

static void
set_cell_factory (SzPeoplePage        *self,
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

static Entry *
entry_at (SzPeoplePage *self,
          guint         position)
{
  return position < self->n_shown ? ((SzPeopleRow *) g_ptr_array_index (self->slots, position))->entry : NULL;
}

static Entry *
selected_entry (SzPeoplePage *self)
{
  return entry_at (self, gtk_single_selection_get_selected (self->selection));
}

static void
update_buttons (SzPeoplePage *self)
{
  gboolean any = selected_entry (self) != NULL;

  gtk_widget_set_sensitive (GTK_WIDGET (self->edit_button), any);
  gtk_widget_set_sensitive (GTK_WIDGET (self->delete_button), any);
}

static void
update_state (SzPeoplePage *self)
{
  guint n = self->n_shown;
  guint total = self->entries->len;
  g_autofree char *count = NULL;

  if (self->applied_query == NULL)
    /* Translators: under the people list */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person", "%u people", total), total);
  else
    /* Translators: under the people list while searching; %u is how many match */
    count = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u person found", "%u people found", n), n);
  gtk_label_set_text (self->count_label, count);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (self->applied_query != NULL)
    {
      g_autofree char *title = NULL;

      /* Translators: %s is what was typed in the search entry */
      title = g_strdup_printf (_("No one matches “%s”"), self->applied_query);
      gtk_label_set_text (self->empty_title, title);
      gtk_label_set_text (self->empty_detail,
                          _("Search by name in Chinese characters or pinyin, by initials such as “zw”, "
                            "or by three or more digits of a phone."));
      gtk_image_set_from_icon_name (self->empty_image, "system-search-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  else
    {
      gtk_label_set_text (self->empty_title, _("No people yet"));
      gtk_label_set_text (self->empty_detail,
                          _("Add the heads with “Add Person…”, then appoint them on their place's page."));
      gtk_image_set_from_icon_name (self->empty_image, "avatar-default-symbolic");
      gtk_stack_set_visible_child_name (self->stack, "empty");
    }
  update_buttons (self);
}

/* Brings the row into view.  Through the adjustment: GTK 4.8 has no
 * gtk_column_view_scroll_to(), and its list view's own "list.scroll-to-item"
 * leaves a row unallocated inside a column view. */
static void
scroll_to (SzPeoplePage *self,
           guint         position)
{
  GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  double value = gtk_adjustment_get_value (adjustment);
  double page = gtk_adjustment_get_page_size (adjustment);
  double top = position * self->row_height;

  if (self->row_height <= 0 || page <= 0)
    return;
  if (top < value || top + self->row_height > value + page)
    gtk_adjustment_set_value (adjustment, top - (page - self->row_height) / 2);
}

/* Puts @entries in the first slots, making slots only when there are
 * more than ever.  With none, the list is hidden behind the empty state
 * and keeps its rows for the next search. */
static void
show_entries (SzPeoplePage  *self,
              Entry        **entries,
              guint          n,
              gboolean       refill)
{
  guint old = self->n_in_model;

  while (self->slots->len < n)
    g_ptr_array_add (self->slots, g_object_new (SZ_TYPE_PEOPLE_ROW, NULL));
  for (guint i = 0; i < self->slots->len; i++)
    ((SzPeopleRow *) g_ptr_array_index (self->slots, i))->entry = i < n ? entries[i] : NULL;
  self->n_shown = n;
  if (n > 0)
    {
      self->n_in_model = n;
      if (n > old)
        g_list_store_splice (self->rows, old, 0, self->slots->pdata + old, n - old);
      else if (n < old)
        g_list_store_splice (self->rows, n, old - n, NULL, 0);
    }
  refresh_cells (self, refill);
}

/* Runs the search for what the entry holds and shows its hits in the
 * order it ranks them (an empty entry shows everyone), then selects the
 * person @select_id, or with -1 the first row. */
static void
apply_search (SzPeoplePage *self,
              gboolean      refill,
              gint64        select_id)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GError) error = NULL;
  Entry **shown = (Entry **) self->entries->pdata;
  guint n = self->entries->len;
  guint target = select_id == -1 && n > 0 ? 0 : GTK_INVALID_LIST_POSITION;

  g_clear_pointer (&self->applied_query, g_free);
  if (*query != '\0')
    {
      hits = sz_search (sz_session_get_db (self->session), query, 0, &error);
      if (hits == NULL)
        {
          sz_show_error (GTK_WIDGET (self), _("The search failed"), error);
          hits = g_ptr_array_new ();
        }
      found = g_ptr_array_sized_new (hits->len);
      for (guint i = 0; i < hits->len; i++)
        {
          SzSearchHit *hit = g_ptr_array_index (hits, i);
          Entry *entry = hit->kind == SZ_HIT_PERSON ? g_hash_table_lookup (self->entries_by_id, &hit->id) : NULL;

          if (entry != NULL)
            g_ptr_array_add (found, entry);
        }
      shown = (Entry **) found->pdata;
      n = found->len;
      target = select_id == -1 && n > 0 ? 0 : GTK_INVALID_LIST_POSITION;
      self->applied_query = g_steal_pointer (&query);
    }
  for (guint i = 0; select_id > 0 && i < n; i++)
    if (shown[i]->person->id == select_id)
      target = i;

  /* Scrolled before the rows change, while GTK's layout still matches
   * them (after, GTK 4.8 warns and ignores it); rows are only added or
   * taken at the end, so the view stays where it was put. */
  if (target != GTK_INVALID_LIST_POSITION)
    scroll_to (self, target);
  show_entries (self, shown, n, refill);
  if (target != GTK_INVALID_LIST_POSITION)
    gtk_single_selection_set_selected (self->selection, target);
  update_state (self);
}

static gboolean
prepare_search_cb (gpointer data)
{
  SzPeoplePage *self = data;

  self->prepare_id = 0;
  /* A failure shows up with the first search, which tries again. */
  sz_search_prepare (sz_session_get_db (self->session), NULL);
  return G_SOURCE_REMOVE;
}

/* Reads everyone again: called once per "changed" while the page is on
 * screen, else when it is next shown. */
static void
reload (SzPeoplePage *self)
{
  Entry *old_selected = selected_entry (self);
  gint64 keep = old_selected ? old_selected->person->id : 0;
  g_autoptr(GPtrArray) people = NULL;
  g_autoptr(GPtrArray) old = NULL;
  g_autoptr(GError) error = NULL;

  self->loaded = TRUE;
  self->dirty = FALSE;
  people = sz_person_list (sz_session_get_db (self->session), &error);
  if (people == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The people could not be read"), error);
      people = g_ptr_array_new ();
    }

  /* The old entries go only once no slot shows them. */
  old = g_steal_pointer (&self->entries);
  self->entries = g_ptr_array_new_full (people->len, (GDestroyNotify) entry_free);
  g_hash_table_remove_all (self->entries_by_id);
  for (guint i = 0; i < people->len; i++)
    {
      Entry *entry = g_new0 (Entry, 1);

      entry->person = g_steal_pointer (&people->pdata[i]);
      g_hash_table_insert (self->entries_by_id, &entry->person->id, entry);
      g_ptr_array_add (self->entries, entry);
    }
  if (self->select_after_reload != 0)
    keep = self->select_after_reload;
  self->select_after_reload = 0;
  apply_search (self, TRUE, keep);
  /* The change made the search index stale: rebuild it before the next
   * keystroke rather than on it. */
  if (self->applied_query == NULL && self->prepare_id == 0)
    self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
}

static void
ensure_loaded (SzPeoplePage *self)
{
  if (!self->loaded || self->dirty)
    reload (self);
}

static void
on_session_changed_cb (SzPeoplePage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sz_people_page_map (GtkWidget *widget)
{
  SzPeoplePage *self = SZ_PEOPLE_PAGE (widget);

  GTK_WIDGET_CLASS (sz_people_page_parent_class)->map (widget);
  ensure_loaded (self);
}

static void
on_show_phones_changed_cb (SzPeoplePage *self)
{
  refresh_cells (self, TRUE);
}

/* Handlers */

static void
search_now (SzPeoplePage *self)
{
  g_autofree char *query = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry))));

  /* The entry repeats what sz_people_page_set_search_text() showed. */
  if (self->loaded && !self->dirty && g_strcmp0 (*query ? query : NULL, self->applied_query) == 0)
    return;
  ensure_loaded (self);
  /* The best hit first, ready for Enter. */
  apply_search (self, FALSE, -1);
}

static void
on_search_entry_search_changed_cb (SzPeoplePage *self)
{
  search_now (self);
}

static void
on_search_entry_stop_search_cb (SzPeoplePage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Emitted before the dialog's sz_session_changed(): the reload that
 * follows selects the person, who may be new. */
static void
on_dialog_saved_cb (SzPeoplePage *self,
                    gint64        person_id)
{
  self->select_after_reload = person_id;
}

static void
open_dialog (SzPeoplePage *self,
             gint64        person_id)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *dialog = sz_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                            self->session, person_id);

  g_signal_connect_object (dialog, "saved", G_CALLBACK (on_dialog_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Enter in the search opens the best hit (or the one selected). */
static void
on_search_entry_activate_cb (SzPeoplePage *self)
{
  Entry *entry;

  search_now (self);
  entry = selected_entry (self);
  if (entry != NULL)
    open_dialog (self, entry->person->id);
}

static void
on_column_view_activate_cb (SzPeoplePage *self,
                            guint         position)
{
  Entry *entry = entry_at (self, position);

  if (entry != NULL)
    open_dialog (self, entry->person->id);
}

static void
on_add_button_clicked_cb (SzPeoplePage *self)
{
  open_dialog (self, 0);
}

static void
on_edit_button_clicked_cb (SzPeoplePage *self)
{
  Entry *entry = selected_entry (self);

  if (entry != NULL)
    open_dialog (self, entry->person->id);
}

static void
on_delete_confirmed_cb (GtkWidget *widget,
                        gpointer   user_data)
{
  sz_people_page_delete_person (SZ_PEOPLE_PAGE (widget), *(gint64 *) user_data);
}

static void
on_delete_button_clicked_cb (SzPeoplePage *self)
{
  Entry *entry = selected_entry (self);
  g_autofree char *title = NULL;

  if (entry == NULL)
    return;
  /* Translators: %s is a person's name */
  title = g_strdup_printf (_("Delete %s?"), entry->person->name);
  sz_confirm (GTK_WIDGET (self), title,
              _("Their phones, photo and QR code are deleted too. This cannot be undone."),
              _("_Delete"), on_delete_confirmed_cb, g_memdup2 (&entry->person->id, sizeof (gint64)), g_free);
}

static void
on_selection_changed_cb (SzPeoplePage *self)
{
  update_buttons (self);
}

static void
sz_people_page_dispose (GObject *object)
{
  SzPeoplePage *self = SZ_PEOPLE_PAGE (object);
  GtkWidget *child;

  g_clear_handle_id (&self->prepare_id, g_source_remove);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  if (self->cells != NULL)
    {
      GHashTableIter iter;
      gpointer item;

      g_hash_table_iter_init (&iter, self->cells);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        g_object_weak_unref (item, on_cell_finalized_cb, self);
      g_clear_pointer (&self->cells, g_hash_table_unref);
    }
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PEOPLE_PAGE);
  /* The template's unnamed root box is not among its children. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->selection);
  g_clear_object (&self->rows);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->entries_by_id, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_ptr_array_unref);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_people_page_parent_class)->dispose (object);
}

static void
sz_people_page_finalize (GObject *object)
{
  SzPeoplePage *self = SZ_PEOPLE_PAGE (object);

  g_free (self->applied_query);
  G_OBJECT_CLASS (sz_people_page_parent_class)->finalize (object);
}

static void
sz_people_page_class_init (SzPeoplePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_people_page_dispose;
  object_class->finalize = sz_people_page_finalize;
  widget_class->map = sz_people_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-people-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, show_phones_button);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, edit_button);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, delete_button);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, stack);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, column_view);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, name_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, posts_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, phone_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, party_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, consent_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, photo_column);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, empty_title);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, empty_detail);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, empty_image);
  gtk_widget_class_bind_template_child (widget_class, SzPeoplePage, count_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_column_view_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_add_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_edit_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_delete_button_clicked_cb);
}

static void
sz_people_page_init (SzPeoplePage *self)
{
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) entry_free);
  self->entries_by_id = g_hash_table_new (g_int64_hash, g_int64_equal);
  self->slots = g_ptr_array_new_with_free_func (g_object_unref);
  self->rows = g_list_store_new (SZ_TYPE_PEOPLE_ROW);
  self->cells = g_hash_table_new (NULL, NULL);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->rows)));
  gtk_single_selection_set_autoselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected", G_CALLBACK (on_selection_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  adjustment = gtk_scrolled_window_get_vadjustment (self->scrolled_window);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (on_vadjustment_value_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (on_vadjustment_changed_cb), self, G_CONNECT_SWAPPED);

  set_cell_factory (self, self->name_column, CELL_NAME);
  set_cell_factory (self, self->posts_column, CELL_POSTS);
  set_cell_factory (self, self->phone_column, CELL_PHONE);
  set_cell_factory (self, self->party_column, CELL_PARTY);
  set_cell_factory (self, self->consent_column, CELL_CONSENT);
  set_cell_factory (self, self->photo_column, CELL_PHOTO);

  /* Typing anywhere on the page goes to the search. */
  gtk_search_entry_set_key_capture_widget (self->search_entry, GTK_WIDGET (self));
}

GtkWidget *
sz_people_page_new (SzSession *session)
{
  SzPeoplePage *self;
  GSettings *settings;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PEOPLE_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);

  settings = sz_session_get_settings (session);
  if (settings != NULL)
    {
      g_settings_bind (settings, "show-phones", self->show_phones_button, "active", G_SETTINGS_BIND_DEFAULT);
      g_signal_connect_object (settings, "changed::show-phones", G_CALLBACK (on_show_phones_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }
  else
    /* No settings to keep the choice in (tests): phones stay masked. */
    gtk_widget_set_visible (GTK_WIDGET (self->show_phones_button), FALSE);

  /* The index is built once the window is up, so that the first
   * keystroke does not wait for it on a large roster. */
  self->prepare_id = g_idle_add_full (G_PRIORITY_LOW, prepare_search_cb, self, NULL);
  return GTK_WIDGET (self);
}

void
sz_people_page_focus_search (SzPeoplePage *self)
{
  g_return_if_fail (SZ_IS_PEOPLE_PAGE (self));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->search_entry), 0, -1);
}

guint
sz_people_page_get_n_rows (SzPeoplePage *self)
{
  g_return_val_if_fail (SZ_IS_PEOPLE_PAGE (self), 0);
  ensure_loaded (self);
  return self->n_shown;
}

void
sz_people_page_set_search_text (SzPeoplePage *self,
                                const char   *text)
{
  g_return_if_fail (SZ_IS_PEOPLE_PAGE (self));
  g_return_if_fail (text != NULL);

  /* Setting the text clears the entry first, which would search for
   * everyone on the way. */
  g_signal_handlers_block_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  g_signal_handlers_unblock_by_func (self->search_entry, on_search_entry_search_changed_cb, self);
  /* At once, without the entry's typing delay. */
  search_now (self);
}

static Entry *
entry_for_test (SzPeoplePage *self,
                guint         position)
{
  ensure_loaded (self);
  return entry_at (self, position);
}

char *
sz_people_page_get_row_name (SzPeoplePage *self,
                             guint         position)
{
  Entry *entry;

  g_return_val_if_fail (SZ_IS_PEOPLE_PAGE (self), NULL);
  entry = entry_for_test (self, position);
  return entry ? g_strdup (entry->person->name) : NULL;
}

gint64
sz_people_page_get_row_id (SzPeoplePage *self,
                           guint         position)
{
  Entry *entry;

  g_return_val_if_fail (SZ_IS_PEOPLE_PAGE (self), 0);
  entry = entry_for_test (self, position);
  return entry ? entry->person->id : 0;
}

char *
sz_people_page_get_row_text (SzPeoplePage *self,
                             guint         position,
                             const char   *column)
{
  Entry *entry;

  g_return_val_if_fail (SZ_IS_PEOPLE_PAGE (self), NULL);
  g_return_val_if_fail (column != NULL, NULL);

  entry = entry_for_test (self, position);
  if (entry == NULL)
    return NULL;
  for (guint i = 0; i < G_N_ELEMENTS (cell_names); i++)
    if (g_str_equal (column, cell_names[i]))
      return cell_text (self, entry, (CellKind) i);
  g_return_val_if_reached (NULL);
}

gboolean
sz_people_page_delete_person (SzPeoplePage *self,
                              gint64        person_id)
{
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (SZ_IS_PEOPLE_PAGE (self), FALSE);

  if (!sz_person_delete (sz_session_get_db (self->session), person_id, &error))
    {
      sz_show_error (GTK_WIDGET (self), _("The person cannot be deleted"), error);
      return FALSE;
    }
  sz_session_changed (self->session);
  return TRUE;
}
