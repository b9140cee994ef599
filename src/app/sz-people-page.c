/* sz-people-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-people-page-private.h"
#include "sz-person.h"
#include "sz-person-dialog.h"
#include "sz-post.h"
#include "sz-search.h"
#include "sz-tree.h"


G_DEFINE_FINAL_TYPE (SzPeoplePage, sz_people_page, GTK_TYPE_WIDGET)
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

/* Rows added or taken per frame below the view: 3 to 8 ms of GTK's work
 * on the benchmark's busy 2-core machine. */
#define ROWS_PER_FRAME 16
/* GTK 4.8 makes widgets only for the items within 200 of the view:
 * rows further down cost next to nothing and go at once. */
#define ROWS_WITH_WIDGETS 210
/* Before the list is laid out, the rows a screen may show. */
#define FIRST_SCREEN_ROWS 80

/* Moves the model's count from n_in_model towards n_wanted: to @count at
 * once, or by a frame's rows when @count is 0.  Rows come and go at the
 * end, so those on screen stay as they are. */
static void
resize_model (SzPeoplePage *self,
              guint         count)
{
  guint old = self->n_in_model;
  guint wanted = self->n_wanted;

  if (count == 0)
    {
      guint far = _sz_people_page_rows_to_view_end (self);

      far = far > G_MAXUINT - ROWS_WITH_WIDGETS ? G_MAXUINT : far + ROWS_WITH_WIDGETS;
      if (wanted > old)
        count = old >= far ? wanted : MIN (wanted, old + ROWS_PER_FRAME);
      else
        {
          guint down_to = old > ROWS_PER_FRAME ? old - ROWS_PER_FRAME : 0;

          count = MAX (wanted, MIN (down_to, far));
        }
    }
  if (count > old)
    g_list_store_splice (self->rows, old, 0, self->slots->pdata + old, count - old);
  else if (count < old)
    g_list_store_splice (self->rows, count, old - count, NULL, 0);
  self->n_in_model = count;
}

static gboolean
resize_tick_cb (GtkWidget     *widget,
                GdkFrameClock *clock,
                gpointer       user_data)
{
  SzPeoplePage *self = SZ_PEOPLE_PAGE (widget);

  /* Not in the frame that shows the hits: in those after it. */
  if (gdk_frame_clock_get_frame_counter (clock) <= self->resize_after_frame)
    return G_SOURCE_CONTINUE;
  resize_model (self, 0);
  if (self->n_in_model != self->n_wanted)
    return G_SOURCE_CONTINUE;
  self->resize_tick = 0;
  return G_SOURCE_REMOVE;
}

static void
stop_resizing (SzPeoplePage *self)
{
  if (self->resize_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->resize_tick);
  self->resize_tick = 0;
  self->n_wanted = self->n_in_model;
}

/* Puts @entries in the first slots, making slots only when there are
 * more than ever.  With none, the list is hidden behind the empty state
 * and keeps its rows for the next search.
 *
 * The model gets at once the rows down to the bottom of the view (and to
 * @target, to be selected), loses at once those of them past @n; the
 * rest follow a few a frame, after the frame that shows the hits, so
 * that a keystroke does not wait for GTK to make or destroy a row of
 * widgets for each of up to 200 rows off screen.  A keystroke before
 * they are done takes over from where the rows are. */
static void
show_entries (SzPeoplePage  *self,
              Entry        **entries,
              guint          n,
              gboolean       refill,
              guint          target)
{
  guint old = self->n_in_model;

  while (self->slots->len < n)
    g_ptr_array_add (self->slots, g_object_new (SZ_TYPE_PEOPLE_ROW, NULL));
  for (guint i = 0; i < self->slots->len; i++)
    ((SzPeopleRow *) g_ptr_array_index (self->slots, i))->entry = i < n ? entries[i] : NULL;
  self->n_shown = n;
  stop_resizing (self);
  if (n > 0)
    {
      guint needed = _sz_people_page_rows_to_view_end (self);

      /* Not laid out yet: a tall screen's rows. */
      if (needed == G_MAXUINT)
        needed = FIRST_SCREEN_ROWS;
      if (target != GTK_INVALID_LIST_POSITION)
        needed = MAX (needed, target + 1);
      /* Unmapped, nobody waits for the frame: all at once. */
      if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
        needed = G_MAXUINT;
      self->n_wanted = n;
      if (n > old)
        resize_model (self, MIN (n, MAX (old, needed)));
      else if (n < old && needed > n)
        {
          /* The surplus rows on screen go now, from the middle: their
           * slots with them, so that slot and position still agree. */
          guint gone = MIN (old, needed) - n;

          g_list_store_splice (self->rows, n, gone, NULL, 0);
          g_ptr_array_remove_range (self->slots, n, gone);
          self->n_in_model = old - gone;
        }
      if (self->n_in_model != self->n_wanted)
        {
          GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (self));

          self->resize_after_frame = clock ? gdk_frame_clock_get_frame_counter (clock) + 1 : 0;
          self->resize_tick = gtk_widget_add_tick_callback (GTK_WIDGET (self), resize_tick_cb, NULL, NULL);
        }
    }
  _sz_people_page_refresh_cells (self, refill);
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
      hits = sz_search_in (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                           query, 0, &error);
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
  show_entries (self, shown, n, refill, target);
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
  /* The session's community only: another one's people (the demo's
   * before it is replaced) are not this office's. */
  people = sz_person_list_in (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                              &error);
  if (people == NULL)
    {
      sz_show_error (GTK_WIDGET (self), _("The people could not be read"), error);
      people = g_ptr_array_new ();
    }

  /* The old entries go only once no slot shows them. */
  old = g_steal_pointer (&self->entries);
  self->entries = g_ptr_array_new_full (people->len, (GDestroyNotify) _sz_people_entry_free);
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
  _sz_people_page_refresh_cells (self, TRUE);
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
  stop_resizing (self);
  if (self->cells != NULL)
    {
      GHashTableIter iter;
      gpointer item;

      g_hash_table_iter_init (&iter, self->cells);
      while (g_hash_table_iter_next (&iter, &item, NULL))
        g_object_weak_unref (item, _sz_people_page_on_cell_finalized, self);
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

  self->entries = g_ptr_array_new_with_free_func ((GDestroyNotify) _sz_people_entry_free);
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
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (_sz_people_page_on_vadjustment_value_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (_sz_people_page_on_vadjustment_changed), self, G_CONNECT_SWAPPED);

  _sz_people_page_set_cell_factory (self, self->name_column, CELL_NAME);
  _sz_people_page_set_cell_factory (self, self->posts_column, CELL_POSTS);
  _sz_people_page_set_cell_factory (self, self->phone_column, CELL_PHONE);
  _sz_people_page_set_cell_factory (self, self->party_column, CELL_PARTY);
  _sz_people_page_set_cell_factory (self, self->consent_column, CELL_CONSENT);
  _sz_people_page_set_cell_factory (self, self->photo_column, CELL_PHOTO);

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
  for (guint i = 0; i < G_N_ELEMENTS (_sz_people_cell_names); i++)
    if (g_str_equal (column, _sz_people_cell_names[i]))
      return _sz_people_page_cell_text (self, entry, (CellKind) i);
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
