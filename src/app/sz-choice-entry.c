/* sz-choice-entry.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-choice-entry.h"
#include "sz-pinyin.h"

/* Rows the list shows at most: more than anyone reads; typing narrows. */
#define MAX_SHOWN 40

typedef struct
{
  char   *label;
  char   *detail;
  char   *folded;   /* made when first searched */
  char   *key;
  int     kind;
  gint64  id;
} Choice;

struct _SzChoiceEntry
{
  GtkEntry       *entry;
  GtkWidget      *popover;
  GtkListBox     *list;
  GtkWidget      *error;     /* the field's message, cleared by a pick */
  GtkEventController *keys;
  GtkEventController *focus;
  GPtrArray      *choices;   /* Choice */
  GArray         *shown;     /* guint: the choice of each row */
  int             picked;    /* index into choices; -1: none */
  gboolean        setting;   /* the text is being set, not typed */
  SzChoicePicked  picked_func;
  gpointer        user_data;
};

static void
choice_free (gpointer data)
{
  Choice *c = data;

  g_free (c->label);
  g_free (c->detail);
  g_free (c->folded);
  g_free (c->key);
  g_free (c);
}

/* How well @c matches the query's words (all of them must match): 0 not
 * at all, higher when words start the name or are the whole of it. */
static int
choice_score (Choice       *c,
              char * const *words,
              const char   *folded_query)
{
  int score = 0;

  if (c->folded == NULL)
    {
      c->folded = g_utf8_casefold (c->label, -1);
      c->key = sz_pinyin_key (c->label, FALSE);
    }
  if (strcmp (c->folded, folded_query) == 0)
    return 100;
  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *folded = g_utf8_casefold (words[i], -1);
      SzMatch m;

      if (*words[i] == '\0')
        continue;
      if (strstr (c->folded, folded) != NULL)
        score += g_str_has_prefix (c->folded, folded) ? 2 : 1;
      else if ((m = sz_pinyin_match (c->label, c->key, words[i])) != SZ_MATCH_NONE)
        score += m == SZ_MATCH_SUBSTRING ? 1 : 2;
      else
        return 0;
    }
  return MAX (score, 1);
}

typedef struct
{
  guint index;
  int   score;
} Ranked;

static int
compare_ranked (gconstpointer a,
                gconstpointer b)
{
  const Ranked *ra = a, *rb = b;

  if (ra->score != rb->score)
    return rb->score - ra->score;
  return (int) ra->index - (int) rb->index;
}

static GtkWidget *
choice_row_new (Choice *c)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (c->label);

  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 3);
  gtk_widget_set_margin_bottom (box, 3);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (box), label);
  if (c->detail != NULL)
    {
      label = gtk_label_new (c->detail);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  return box;
}

/* Lists the choices matching @query (all of them when it is blank), the
 * best first, and selects the first. */
static void
filter (SzChoiceEntry *self,
        const char    *query)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  g_auto(GStrv) words = g_strsplit_set (trimmed, " \t", -1);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->list, 0)) != NULL)
    gtk_list_box_remove (self->list, GTK_WIDGET (row));
  g_array_set_size (self->shown, 0);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Ranked r = { i, *trimmed ? choice_score (self->choices->pdata[i], words, folded) : 1 };

      if (r.score > 0)
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len && i < MAX_SHOWN; i++)
    {
      guint index = g_array_index (ranked, Ranked, i).index;

      gtk_list_box_append (self->list, choice_row_new (self->choices->pdata[index]));
      g_array_append_val (self->shown, index);
    }
  gtk_list_box_select_row (self->list, gtk_list_box_get_row_at_index (self->list, 0));
}

static void
popup (SzChoiceEntry *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->entry));

  gtk_widget_set_size_request (gtk_popover_get_child (GTK_POPOVER (self->popover)), MAX (width, 200), -1);
  gtk_popover_popup (GTK_POPOVER (self->popover));
  /* The entry is no container of popovers: it does not place this one
   * when its rows change, so it is placed here (as GtkEntryCompletion's). */
  gtk_popover_present (GTK_POPOVER (self->popover));
}

static void
popdown (SzChoiceEntry *self)
{
  if (self->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->popover));
}

void
sz_choice_entry_set_text (SzChoiceEntry *self,
                          const char    *text)
{
  g_return_if_fail (self != NULL);

  self->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->entry), text ? text : "");
  gtk_editable_set_position (GTK_EDITABLE (self->entry), -1);
  self->setting = FALSE;
  self->picked = -1;
}

static void
pick_index (SzChoiceEntry *self,
            guint          index,
            gboolean       by_user)
{
  Choice *choice = self->choices->pdata[index];

  popdown (self);
  sz_choice_entry_set_text (self, choice->label);
  self->picked = (int) index;
  if (self->error != NULL)
    sz_field_error_set (self->error, NULL);
  if (by_user && self->picked_func != NULL)
    self->picked_func (self->user_data, choice->kind, choice->id);
}

gboolean
sz_choice_entry_pick (SzChoiceEntry *self,
                      int            kind,
                      gint64         id)
{
  g_return_val_if_fail (self != NULL, FALSE);

  for (guint i = 0; i < self->choices->len; i++)
    {
      Choice *choice = self->choices->pdata[i];

      if (choice->kind == kind && choice->id == id)
        {
          pick_index (self, i, FALSE);
          return TRUE;
        }
    }
  return FALSE;
}

gboolean
sz_choice_entry_get_picked (SzChoiceEntry *self,
                            int           *kind,
                            gint64        *id)
{
  Choice *choice;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->picked < 0 || (guint) self->picked >= self->choices->len)
    return FALSE;
  choice = self->choices->pdata[self->picked];
  if (kind != NULL)
    *kind = choice->kind;
  if (id != NULL)
    *id = choice->id;
  return TRUE;
}

/* Picks the row selected in the list; FALSE when there is none. */
static gboolean
pick_selected (SzChoiceEntry *self)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || (guint) index >= self->shown->len)
    return FALSE;
  pick_index (self, g_array_index (self->shown, guint, index), TRUE);
  return TRUE;
}

gboolean
sz_choice_entry_pick_best (SzChoiceEntry *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  /* The typed text may not have been searched yet. */
  filter (self, gtk_editable_get_text (GTK_EDITABLE (self->entry)));
  return pick_selected (self);
}

static void
move_focus_on (SzChoiceEntry *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self->entry));

  if (root != NULL)
    g_signal_emit_by_name (root, "move-focus", GTK_DIR_TAB_FORWARD);
}

static void
on_entry_changed_cb (GtkEditable   *editable,
                     SzChoiceEntry *self)
{
  if (self->setting || self->popover == NULL)
    return;
  self->picked = -1;
  filter (self, gtk_editable_get_text (editable));
  if (*gtk_editable_get_text (editable) == '\0')
    popdown (self);
  else
    popup (self);
}

static void
move_selection (SzChoiceEntry *self,
                int            step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->list);
  int index = (row ? gtk_list_box_row_get_index (row) : -1) + step;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (self->list, MAX (index, 0));

  /* The focus stays in the entry: the list must follow by itself. */
  if (next != NULL)
    sz_list_box_select_and_show (self->list, next);
}

static gboolean
on_key_pressed_cb (GtkEventControllerKey *controller,
                   guint                  keyval,
                   guint                  keycode,
                   GdkModifierType        state,
                   SzChoiceEntry         *self)
{
  gboolean open = self->popover != NULL && gtk_widget_get_visible (self->popover);

  if (self->popover == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!open)
        {
          /* Down in an empty or picked field lists everything to choose from. */
          filter (self, self->picked >= 0 ? "" : gtk_editable_get_text (GTK_EDITABLE (self->entry)));
          popup (self);
        }
      else
        move_selection (self, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (open)
        move_selection (self, -1);
      return open ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (open ? pick_selected (self) : self->picked >= 0)
        move_focus_on (self);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Takes the match and lets Tab go on. */
      if (open && self->picked < 0)
        pick_selected (self);
      return GDK_EVENT_PROPAGATE;

    case GDK_KEY_Escape:
      if (open)
        {
          popdown (self);
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_row_activated_cb (GtkListBox    *list,
                     GtkListBoxRow *row,
                     SzChoiceEntry *self)
{
  gtk_list_box_select_row (list, row);
  pick_selected (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->entry));
  move_focus_on (self);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   SzChoiceEntry           *self)
{
  /* Also called while the window goes, after the popover has. */
  popdown (self);
}

SzChoiceEntry *
sz_choice_entry_new (GtkEntry       *entry,
                     const char     *list_label,
                     SzChoicePicked  picked,
                     gpointer        user_data)
{
  SzChoiceEntry *self;
  GtkWidget *scrolled;
  GtkWidget *placeholder;

  g_return_val_if_fail (GTK_IS_ENTRY (entry), NULL);

  self = g_new0 (SzChoiceEntry, 1);
  self->entry = entry;
  self->picked = -1;
  self->picked_func = picked;
  self->user_data = user_data;
  self->choices = g_ptr_array_new_with_free_func (choice_free);
  self->shown = g_array_new (FALSE, FALSE, sizeof (guint));

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (self->list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (self->list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL, list_label, -1);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated_cb), self);
  placeholder = gtk_label_new (_("Nothing found. Type fewer characters, or other ones."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);

  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (self->list));

  /* Without autohide, so that the focus and the typing stay in the entry. */
  self->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (self->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (self->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (self->popover, GTK_ALIGN_START);
  gtk_widget_set_focusable (self->popover, FALSE);
  gtk_popover_set_child (GTK_POPOVER (self->popover), scrolled);
  gtk_widget_set_parent (self->popover, GTK_WIDGET (entry));

  g_signal_connect (entry, "changed", G_CALLBACK (on_entry_changed_cb), self);
  self->keys = gtk_event_controller_key_new ();
  /* Capture: the entry's text would take Up, Down and Enter for itself. */
  gtk_event_controller_set_propagation_phase (self->keys, GTK_PHASE_CAPTURE);
  g_signal_connect (self->keys, "key-pressed", G_CALLBACK (on_key_pressed_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), self->keys);
  self->focus = gtk_event_controller_focus_new ();
  g_signal_connect (self->focus, "leave", G_CALLBACK (on_focus_leave_cb), self);
  gtk_widget_add_controller (GTK_WIDGET (entry), self->focus);
  return self;
}

void
sz_choice_entry_free (SzChoiceEntry *self)
{
  if (self == NULL)
    return;
  /* The entry may outlive us a little (it goes with its window): nothing
   * of ours stays on it. */
  g_signal_handlers_disconnect_by_data (self->entry, self);
  gtk_widget_remove_controller (GTK_WIDGET (self->entry), self->keys);
  gtk_widget_remove_controller (GTK_WIDGET (self->entry), self->focus);
  gtk_widget_unparent (self->popover);
  g_ptr_array_unref (self->choices);
  g_array_unref (self->shown);
  g_free (self);
}

void
sz_choice_entry_add (SzChoiceEntry *self,
                     const char    *label,
                     const char    *detail,
                     int            kind,
                     gint64         id)
{
  Choice *c;

  g_return_if_fail (self != NULL);
  g_return_if_fail (label != NULL);

  c = g_new0 (Choice, 1);
  c->label = g_strdup (label);
  c->detail = g_strdup (detail);
  c->kind = kind;
  c->id = id;
  g_ptr_array_add (self->choices, c);
}

void
sz_choice_entry_set_error (SzChoiceEntry *self,
                           GtkWidget     *error_label)
{
  g_return_if_fail (self != NULL);
  self->error = error_label;
}
