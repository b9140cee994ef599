/* sz-person-picker.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-person.h"
#include "sz-person-picker.h"
#include "sz-search.h"
#include "sz-tree.h"

/* More rows than anyone reads; the rest wait for a longer query. */
#define MAX_RESULTS 50

struct _SzPersonPicker
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkLabel       *note_label;
  GtkStack       *stack;
  GtkSearchEntry *search_entry;
  GtkListBox     *results_list;
  GtkLabel       *status_label;
  GtkGrid        *new_grid;
  GtkEntry       *name_entry;
  GtkEntry       *phone_entry;
  GtkCheckButton *consent_check;
  GtkEntry       *consent_date_entry;
  GtkDropDown    *chosen_drop_down;
  GtkWidget      *chosen_box;
  GtkButton      *pick_button;

  /* Owned references */
  SzSession      *session;
  GArray         *result_ids;   /* gint64, one per row */
  char           *shown_query;  /* what the rows were found for */
  GtkWidget      *placeholder;
  GtkWidget      *name_error;
  GtkWidget      *phone_error;
  GtkWidget      *consent_date_error;
  GtkWidget      *form_error;

  SzPersonPicked  picked;
  gpointer        user_data;
  GDestroyNotify  destroy;
};

G_DEFINE_FINAL_TYPE (SzPersonPicker, sz_person_picker, GTK_TYPE_WINDOW)

static gboolean
show_phones (SzPersonPicker *self)
{
  GSettings *settings = sz_session_get_settings (self->session);

  return settings != NULL && g_settings_get_boolean (settings, "show-phones");
}

/* "Unit head, 丰和林苑 2栋 1单元", one per current post. */
static char *
current_posts_text (SzDb   *db,
                    gint64  person_id)
{
  g_autoptr(GPtrArray) posts = sz_post_list_for_person (db, person_id, NULL);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; posts != NULL && i < posts->len; i++)
    {
      SzPost *post = g_ptr_array_index (posts, i);
      g_autofree char *place = NULL;

      if (post->end_date != NULL)
        continue;
      place = sz_place_label (db, post->level, post->place_id, NULL);
      if (text->len > 0)
        /* Translators: separates a person's posts in a list */
        g_string_append (text, _("; "));
      /* Translators: a current post: "Unit head" and where, "丰和林苑 2栋 1单元";
       * the people list puts the place first ("丰和林苑 2栋 1单元 单元长") */
      g_string_append_printf (text, C_("post and place", "%s, %s"), sz_level_head_title (post->level), place ? place : "");
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

static GtkWidget *
result_row_new (SzPersonPicker *self,
                const SzPerson *person)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autofree char *phone = sz_phone_display (person->phone, show_phones (self));
  g_autofree char *posts = current_posts_text (db, person->id);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label;

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  label = gtk_label_new (person->name);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_box_append (GTK_BOX (line), label);
  label = gtk_label_new (*phone ? phone : _("No phone"));
  gtk_label_set_xalign (GTK_LABEL (label), 1);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (line), label);
  gtk_box_append (GTK_BOX (box), line);
  label = gtk_label_new (*posts ? posts : _("No current post"));
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_tooltip_text (label, *posts ? posts : NULL);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (label, "caption");
  gtk_box_append (GTK_BOX (box), label);
  return box;
}

static void
clear_results (SzPersonPicker *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->results_list, 0)) != NULL)
    gtk_list_box_remove (self->results_list, GTK_WIDGET (row));
  g_array_set_size (self->result_ids, 0);
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), FALSE);
}

static void
run_search (SzPersonPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *trimmed = g_strstrip (g_strdup (query));
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  guint people = 0;
  SzDb *db;

  clear_results (self);
  g_free (self->shown_query);
  self->shown_query = g_strdup (query);
  if (*trimmed == '\0' || self->session == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->placeholder),
                          _("Type a name in hanzi or pinyin, its initials (zw, 张w) or digits of a phone."));
      return;
    }
  db = sz_session_get_db (self->session);
  /* The session's community only: a head is appointed from its own. */
  hits = sz_search_in (db, sz_session_get_community_id (self->session), query, 0, &error);
  if (hits == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->placeholder), error->message);
      return;
    }
  gtk_label_set_text (GTK_LABEL (self->placeholder), _("Nobody found. Check the spelling, or add a new person."));
  for (guint i = 0; i < hits->len; i++)
    {
      SzSearchHit *hit = g_ptr_array_index (hits, i);
      g_autoptr(SzPerson) person = NULL;

      if (hit->kind != SZ_HIT_PERSON)
        continue;
      if (++people > MAX_RESULTS)
        continue;
      person = sz_person_get (db, hit->id, NULL);
      if (person == NULL)
        continue;
      gtk_list_box_append (self->results_list, result_row_new (self, person));
      g_array_append_val (self->result_ids, person->id);
    }
  if (people > MAX_RESULTS)
    {
      g_autofree char *text = NULL;

      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           /* Translators: %u is how many people match (always more than
                                              the %d shown, which is 50) */
                                           "%u person matches; the first %d are shown. Type more to narrow the search.",
                                           "%u people match; the first %d are shown. Type more to narrow the search.",
                                           people),
                              people, MAX_RESULTS);
      gtk_label_set_text (self->status_label, text);
      gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
    }
  /* Enter in the search picks the best match. */
  gtk_list_box_select_row (self->results_list, gtk_list_box_get_row_at_index (self->results_list, 0));
}

static void
on_search_entry_search_changed_cb (SzPersonPicker *self)
{
  run_search (self);
}

static SzChosenBy
chosen_by (SzPersonPicker *self)
{
  guint selected = gtk_drop_down_get_selected (self->chosen_drop_down);

  return selected <= SZ_CHOSEN_APPOINTMENT ? (SzChosenBy) selected : SZ_CHOSEN_ELECTION;
}

void
sz_person_picker_pick (SzPersonPicker *self,
                       gint64          person_id)
{
  SzPersonPicked picked;
  gpointer user_data;
  GDestroyNotify destroy;
  SzChosenBy chosen;

  g_return_if_fail (SZ_IS_PERSON_PICKER (self));
  g_return_if_fail (person_id > 0);

  picked = self->picked;
  user_data = self->user_data;
  destroy = self->destroy;
  /* Once only, and the window goes first: the callback may open dialogs
   * over our parent.  The callback's data outlives the window for it. */
  chosen = chosen_by (self);
  self->picked = NULL;
  self->user_data = NULL;
  self->destroy = NULL;
  gtk_window_destroy (GTK_WINDOW (self));
  if (picked != NULL)
    picked (person_id, chosen, user_data);
  if (destroy != NULL && user_data != NULL)
    destroy (user_data);
}

static void
pick_selected (SzPersonPicker *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (index >= 0 && (guint) index < self->result_ids->len)
    sz_person_picker_pick (self, g_array_index (self->result_ids, gint64, index));
}

static void
on_search_entry_activate_cb (SzPersonPicker *self)
{
  /* The typing delay may not have run the search for the last keys yet;
   * otherwise the row chosen with the arrow keys stays chosen. */
  if (g_strcmp0 (self->shown_query, gtk_editable_get_text (GTK_EDITABLE (self->search_entry))) != 0)
    run_search (self);
  pick_selected (self);
}

static void
on_results_list_row_activated_cb (SzPersonPicker *self,
                                  GtkListBoxRow  *row)
{
  gtk_list_box_select_row (self->results_list, row);
  pick_selected (self);
}

static void
on_results_list_row_selected_cb (SzPersonPicker *self,
                                 GtkListBoxRow  *row)
{
  /* The list empties itself while the template is disposed. */
  if (self->stack == NULL || self->pick_button == NULL)
    return;
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "search") == 0)
    gtk_widget_set_sensitive (GTK_WIDGET (self->pick_button), row != NULL);
}

/* Up and Down in the search move through the results, so that the hands
 * stay on the keyboard. */
static gboolean
on_search_key_pressed_cb (GtkEventControllerKey *controller,
                          guint                  keyval,
                          guint                  keycode,
                          GdkModifierType        state,
                          SzPersonPicker        *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->results_list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;
  GtkListBoxRow *next;

  if (keyval == GDK_KEY_Down || keyval == GDK_KEY_KP_Down)
    index++;
  else if ((keyval == GDK_KEY_Up || keyval == GDK_KEY_KP_Up) && index > 0)
    index--;
  else
    return FALSE;
  next = gtk_list_box_get_row_at_index (self->results_list, index);
  /* The focus stays in the entry: the list must follow by itself. */
  if (next != NULL)
    sz_list_box_select_and_show (self->results_list, next);
  return TRUE;
}

/* New person */

static GtkWidget *
error_label_for (SzPersonPicker *self,
                 const char     *field_id)
{
  if (g_strcmp0 (field_id, "name") == 0)
    return self->name_error;
  if (g_strcmp0 (field_id, "phone") == 0)
    return self->phone_error;
  if (g_strcmp0 (field_id, "consent-date") == 0)
    return self->consent_date_error;
  if (g_strcmp0 (field_id, "form") == 0)
    return self->form_error;
  return NULL;
}

const char *
sz_person_picker_get_field_error (SzPersonPicker *self,
                                  const char     *field_id)
{
  GtkWidget *label;

  g_return_val_if_fail (SZ_IS_PERSON_PICKER (self), NULL);
  label = error_label_for (self, field_id);
  g_return_val_if_fail (label != NULL, NULL);

  return gtk_widget_get_visible (label) ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}

static void
show_new_page (SzPersonPicker *self)
{
  const char *query = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  gboolean digits = *query != '\0';

  /* What was typed in the search is most likely the new person's name,
   * or their phone when it was digits. */
  for (const char *p = query; *p; p++)
    digits = digits && (g_ascii_isdigit (*p) || *p == ' ' || *p == '-');
  if (digits)
    gtk_editable_set_text (GTK_EDITABLE (self->phone_entry), query);
  else if (g_utf8_strlen (query, -1) >= 2 && !g_str_is_ascii (query))
    gtk_editable_set_text (GTK_EDITABLE (self->name_entry), query);
  gtk_stack_set_visible_child_name (self->stack, "new");
  gtk_button_set_label (self->pick_button, _("_Add and Pick"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pick_button), TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->name_entry));
}

static void
on_new_button_clicked_cb (SzPersonPicker *self)
{
  show_new_page (self);
}

static void
on_back_button_clicked_cb (SzPersonPicker *self)
{
  gtk_stack_set_visible_child_name (self->stack, "search");
  gtk_button_set_label (self->pick_button, _("_Pick"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->pick_button),
                            gtk_list_box_get_selected_row (self->results_list) != NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

gboolean
sz_person_picker_create_person (SzPersonPicker *self,
                                const char     *name,
                                const char     *phone)
{
  g_autoptr(SzPerson) person = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *date = NULL;
  GtkWidget *label = NULL;
  GtkWidget *focus = GTK_WIDGET (self->name_entry);

  g_return_val_if_fail (SZ_IS_PERSON_PICKER (self), FALSE);

  sz_field_error_set (self->name_error, NULL);
  sz_field_error_set (self->phone_error, NULL);
  sz_field_error_set (self->consent_date_error, NULL);
  sz_field_error_set (self->form_error, NULL);

  date = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->consent_date_entry))));
  person = sz_person_new ();
  /* In the community being set up: the picker lists only its people. */
  person->community_id = sz_session_get_community_id (self->session);
  person->name = g_strdup (name);
  person->phone = g_strdup (phone);
  /* The answer, yes or no, and the day it was recorded, as on the
   * person's own form. */
  person->phone_consent = gtk_check_button_get_active (self->consent_check);
  person->consent_date = *date ? g_steal_pointer (&date) : NULL;
  if (!sz_person_save (sz_session_get_db (self->session), person, &error))
    {
      /* The core's message names the field it is about. */
      if (g_str_has_prefix (error->message, _("Name")))
        label = self->name_error;
      else if (g_str_has_prefix (error->message, _("Phone")))
        {
          label = self->phone_error;
          focus = GTK_WIDGET (self->phone_entry);
        }
      else if (g_str_has_prefix (error->message, _("Consent date")))
        {
          label = self->consent_date_error;
          focus = GTK_WIDGET (self->consent_date_entry);
        }
      sz_field_error_set (label ? label : self->form_error, error->message);
      gtk_widget_grab_focus (focus);
      return FALSE;
    }
  /* The new person is in the roster whatever the caller does next. */
  sz_session_changed (self->session);
  sz_person_picker_pick (self, person->id);
  return TRUE;
}

void
sz_person_picker_set_consent (SzPersonPicker *self,
                              gboolean        consent,
                              const char     *date)
{
  g_return_if_fail (SZ_IS_PERSON_PICKER (self));

  gtk_check_button_set_active (self->consent_check, consent);
  gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), date ? date : "");
}

/* The message under the date was about what is being corrected. */
static void
on_consent_date_changed_cb (SzPersonPicker *self)
{
  sz_field_error_set (self->consent_date_error, NULL);
}

static void
create_from_entries (SzPersonPicker *self)
{
  sz_person_picker_create_person (self, gtk_editable_get_text (GTK_EDITABLE (self->name_entry)),
                                  gtk_editable_get_text (GTK_EDITABLE (self->phone_entry)));
}

static void
on_new_entry_activate_cb (SzPersonPicker *self)
{
  create_from_entries (self);
}

static void
on_pick_button_clicked_cb (SzPersonPicker *self)
{
  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "new") == 0)
    create_from_entries (self);
  else
    pick_selected (self);
}

/* Tests */

void
sz_person_picker_set_query (SzPersonPicker *self,
                            const char     *query)
{
  g_return_if_fail (SZ_IS_PERSON_PICKER (self));

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), query ? query : "");
  run_search (self);
}

guint
sz_person_picker_get_n_results (SzPersonPicker *self)
{
  g_return_val_if_fail (SZ_IS_PERSON_PICKER (self), 0);
  return self->result_ids->len;
}

gint64
sz_person_picker_get_result (SzPersonPicker *self,
                             guint           index)
{
  g_return_val_if_fail (SZ_IS_PERSON_PICKER (self), 0);
  g_return_val_if_fail (index < self->result_ids->len, 0);
  return g_array_index (self->result_ids, gint64, index);
}

void
sz_person_picker_set_ask_chosen_by (SzPersonPicker *self,
                                    gboolean        ask)
{
  g_return_if_fail (SZ_IS_PERSON_PICKER (self));
  gtk_widget_set_visible (self->chosen_box, ask);
}

void
sz_person_picker_set_chosen_by (SzPersonPicker *self,
                                SzChosenBy      chosen)
{
  g_return_if_fail (SZ_IS_PERSON_PICKER (self));
  g_return_if_fail (chosen <= SZ_CHOSEN_APPOINTMENT);
  gtk_drop_down_set_selected (self->chosen_drop_down, chosen);
}

void
sz_person_picker_set_note (SzPersonPicker *self,
                           const char     *note)
{
  g_return_if_fail (SZ_IS_PERSON_PICKER (self));

  gtk_label_set_text (self->note_label, note ? note : "");
  gtk_widget_set_visible (GTK_WIDGET (self->note_label), note != NULL && *note != '\0');
}

static void
sz_person_picker_dispose (GObject *object)
{
  SzPersonPicker *self = SZ_PERSON_PICKER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_PERSON_PICKER);
  g_clear_object (&self->session);
  if (self->destroy != NULL && self->user_data != NULL)
    self->destroy (self->user_data);
  self->destroy = NULL;
  self->user_data = NULL;
  self->picked = NULL;
  G_OBJECT_CLASS (sz_person_picker_parent_class)->dispose (object);
}

static void
sz_person_picker_finalize (GObject *object)
{
  SzPersonPicker *self = SZ_PERSON_PICKER (object);

  g_clear_pointer (&self->result_ids, g_array_unref);
  g_clear_pointer (&self->shown_query, g_free);
  G_OBJECT_CLASS (sz_person_picker_parent_class)->finalize (object);
}

static void
sz_person_picker_class_init (SzPersonPickerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_person_picker_dispose;
  object_class->finalize = sz_person_picker_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-person-picker.ui");
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, stack);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, search_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, results_list);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, status_label);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, new_grid);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, name_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, phone_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, consent_check);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, consent_date_entry);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, chosen_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, chosen_box);
  gtk_widget_class_bind_template_child (widget_class, SzPersonPicker, pick_button);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_search_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_results_list_row_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_back_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_new_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_pick_button_clicked_cb);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
sz_person_picker_init (SzPersonPicker *self)
{
  g_autoptr(GtkStringList) ways = gtk_string_list_new (NULL);
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->result_ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (SzChosenBy c = SZ_CHOSEN_ELECTION; c <= SZ_CHOSEN_APPOINTMENT; c++)
    gtk_string_list_append (ways, sz_chosen_by_title (c));
  gtk_drop_down_set_model (self->chosen_drop_down, G_LIST_MODEL (ways));

  self->placeholder = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->placeholder), TRUE);
  gtk_widget_set_margin_start (self->placeholder, 12);
  gtk_widget_set_margin_end (self->placeholder, 12);
  gtk_widget_set_margin_top (self->placeholder, 24);
  gtk_widget_add_css_class (self->placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->results_list, self->placeholder);

  self->name_error = sz_field_error_new ();
  gtk_grid_attach (self->new_grid, self->name_error, 1, 1, 1, 1);
  self->phone_error = sz_field_error_new ();
  gtk_grid_attach (self->new_grid, self->phone_error, 1, 3, 1, 1);
  self->consent_date_error = sz_field_error_new ();
  gtk_grid_attach (self->new_grid, self->consent_date_error, 1, 6, 1, 1);
  self->form_error = sz_field_error_new ();
  gtk_grid_attach (self->new_grid, self->form_error, 0, 7, 2, 1);
  g_signal_connect_swapped (self->consent_date_entry, "changed", G_CALLBACK (on_consent_date_changed_cb), self);
  {
    /* Asked now, so recorded today unless the office says otherwise. */
    g_autofree char *today = sz_today ();
    gtk_editable_set_text (GTK_EDITABLE (self->consent_date_entry), today);
  }

  /* Capture: the entry's text would take Up and Down for itself. */
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_search_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (self->search_entry), keys);

  run_search (self);
}

GtkWidget *
sz_person_picker_new (GtkWindow      *parent,
                      SzSession      *session,
                      const char     *title,
                      SzPersonPicked  picked,
                      gpointer        user_data,
                      GDestroyNotify  destroy)
{
  SzPersonPicker *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_PERSON_PICKER,
                       "transient-for", parent,
                       "title", title ? title : _("Pick a Person"),
                       NULL);
  self->session = g_object_ref (session);
  self->picked = picked;
  self->user_data = user_data;
  self->destroy = destroy;
  /* Builds the index now rather than on the first keystroke. */
  sz_search_prepare (sz_session_get_db (session), NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET (self);
}
