/* sz-record-dialog.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-person.h"
#include "sz-person-picker.h"
#include "sz-pinyin.h"
#include "sz-record-dialog.h"

/* Rows a chooser lists at most: more than anyone reads; typing narrows. */
#define MAX_SHOWN 40

/* The channel saved last, kept on the session for the next new record:
 * reports tend to come in runs through the same channel. */
#define LAST_CHANNEL_KEY "sz-record-dialog-last-channel"

typedef enum
{
  F_RECEIVED,
  F_CHANNEL,
  F_PLACE,
  F_CATEGORY,
  F_TIME_CLASS,
  F_DUTY,
  F_DESCRIPTION,
  F_REPORTER_NAME,
  F_ANONYMOUS,
  F_REPORTER_PHONE,
  F_HEAD,
  F_NOTE,
  F_FORM,
  N_FIELDS
} Field;

static const char * const field_ids[N_FIELDS] = {
  "received", "channel", "place", "category", "time-class", "duty", "description",
  "reporter-name", "anonymous", "reporter-phone", "head", "note", "form",
};

/* The core's messages start with the field's name (see sz_record_add()):
 * that is how a message finds its field.  The longest name wins, so
 * "Reporter's phone" is not taken for "Reporter". */
static const struct
{
  Field       field;
  const char *title;
} titles[] = {
  { F_RECEIVED, N_("Received") },
  { F_CHANNEL, N_("Channel") },
  { F_PLACE, N_("Place") },
  { F_CATEGORY, N_("Category") },
  { F_TIME_CLASS, N_("Time limit") },
  { F_DUTY, N_("Duty") },
  { F_DESCRIPTION, N_("Description") },
  { F_REPORTER_NAME, N_("Reporter") },
  { F_REPORTER_PHONE, N_("Reporter's phone") },
  { F_HEAD, N_("Brought in by") },
  { F_NOTE, N_("Note") },
};

/* Choosers: an entry that finds a place or a category by a few characters
 * in hanzi or pinyin, with the matches in a popover under it.  The focus
 * stays in the entry: Up and Down choose a match, Enter takes it and goes
 * on to the next field, Tab takes it too. */

typedef struct
{
  char   *label;    /* what the entry shows once picked */
  char   *detail;   /* dim, beside it in the list */
  char   *folded;   /* made when first searched */
  char   *key;
  int     kind;     /* SzNodeKind of a place */
  gint64  id;
  int     time_class;
} Choice;

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

static Choice *
choice_new (const char *label,
            const char *detail,
            int         kind,
            gint64      id)
{
  Choice *c = g_new0 (Choice, 1);

  c->label = g_strdup (label);
  c->detail = g_strdup (detail);
  c->kind = kind;
  c->id = id;
  return c;
}

typedef struct _Chooser Chooser;
typedef void (*ChooserPicked) (SzRecordDialog *self,
                               Choice         *choice);

struct _Chooser
{
  SzRecordDialog *dialog;
  GtkEntry       *entry;
  GtkWidget      *popover;
  GtkListBox     *list;
  GPtrArray      *choices;   /* Choice */
  GArray         *shown;     /* guint: the choice of each row */
  int             picked;    /* index into choices; -1: none */
  gboolean        setting;   /* the text is being set, not typed */
  ChooserPicked   on_picked;
  GtkWidget      *error;     /* the field's message, cleared by a pick */
};

struct _SzRecordDialog
{
  GtkWindow       parent_instance;

  /* Template widgets */
  GtkButton      *save_button;
  GtkBox         *content_box;
  GtkEntry       *received_entry;
  GtkDropDown    *channel_drop_down;
  GtkEntry       *place_entry;
  GtkEntry       *category_entry;
  GtkDropDown    *time_class_drop_down;
  GtkDropDown    *duty_drop_down;
  GtkTextView    *description_view;
  GtkEntry       *reporter_name_entry;
  GtkCheckButton *anonymous_check;
  GtkEntry       *reporter_phone_entry;
  GtkLabel       *head_name_label;
  GtkButton      *head_button;
  GtkButton      *head_clear_button;
  GtkEntry       *note_entry;
  GtkWidget      *note_label;
  GtkWidget      *note_box;
  GtkWidget      *boxes[N_FIELDS];
  GtkWidget      *errors[N_FIELDS];

  /* Owned references */
  SzSession      *session;
  SzRecord       *original;        /* as loaded, for undo; NULL for a new record */
  Chooser         place;
  Chooser         category;
  gint64          head_id;
  gboolean        time_class_touched;  /* chosen by hand: the category no longer sets it */
  gboolean        phone_kept;          /* the stored phone, shown masked, not retyped */
  gboolean        loading;
};

G_DEFINE_FINAL_TYPE (SzRecordDialog, sz_record_dialog, GTK_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
show_phones (SzRecordDialog *self)
{
  GSettings *settings = sz_session_get_settings (self->session);

  return settings != NULL && g_settings_get_boolean (settings, "show-phones");
}

static void
move_focus_on (SzRecordDialog *self)
{
  g_signal_emit_by_name (self, "move-focus", GTK_DIR_TAB_FORWARD);
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
chooser_filter (Chooser    *c,
                const char *query)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (query ? query : ""));
  g_autofree char *folded = g_utf8_casefold (trimmed, -1);
  g_auto(GStrv) words = g_strsplit_set (trimmed, " \t", -1);
  g_autoptr(GArray) ranked = g_array_new (FALSE, FALSE, sizeof (Ranked));
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (c->list, 0)) != NULL)
    gtk_list_box_remove (c->list, GTK_WIDGET (row));
  g_array_set_size (c->shown, 0);

  for (guint i = 0; c->choices != NULL && i < c->choices->len; i++)
    {
      Ranked r = { i, *trimmed ? choice_score (c->choices->pdata[i], words, folded) : 1 };

      if (r.score > 0)
        g_array_append_val (ranked, r);
    }
  g_array_sort (ranked, compare_ranked);
  for (guint i = 0; i < ranked->len && i < MAX_SHOWN; i++)
    {
      guint index = g_array_index (ranked, Ranked, i).index;

      gtk_list_box_append (c->list, choice_row_new (c->choices->pdata[index]));
      g_array_append_val (c->shown, index);
    }
  gtk_list_box_select_row (c->list, gtk_list_box_get_row_at_index (c->list, 0));
}

static void
chooser_popup (Chooser *c)
{
  int width = gtk_widget_get_width (GTK_WIDGET (c->entry));

  gtk_widget_set_size_request (gtk_popover_get_child (GTK_POPOVER (c->popover)), MAX (width, 200), -1);
  gtk_popover_popup (GTK_POPOVER (c->popover));
  /* The entry is no container of popovers: it does not place this one
   * when its rows change, so it is placed here (as GtkEntryCompletion's). */
  gtk_popover_present (GTK_POPOVER (c->popover));
}

static void
chooser_set_text (Chooser    *c,
                  const char *text)
{
  c->setting = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (c->entry), text);
  gtk_editable_set_position (GTK_EDITABLE (c->entry), -1);
  c->setting = FALSE;
}

static void
chooser_pick (Chooser *c,
              int      index)
{
  Choice *choice;

  gtk_popover_popdown (GTK_POPOVER (c->popover));
  if (index < 0 || c->choices == NULL || (guint) index >= c->choices->len)
    return;
  c->picked = index;
  choice = c->choices->pdata[index];
  chooser_set_text (c, choice->label);
  if (c->error != NULL)
    sz_field_error_set (c->error, NULL);
  if (c->on_picked != NULL)
    c->on_picked (c->dialog, choice);
}

static Choice *
chooser_get_picked (Chooser *c)
{
  if (c->picked < 0 || c->choices == NULL || (guint) c->picked >= c->choices->len)
    return NULL;
  return c->choices->pdata[c->picked];
}

static gboolean
chooser_pick_id (Chooser *c,
                 int      kind,
                 gint64   id)
{
  for (guint i = 0; c->choices != NULL && i < c->choices->len; i++)
    {
      Choice *choice = c->choices->pdata[i];

      if (choice->kind == kind && choice->id == id)
        {
          chooser_pick (c, (int) i);
          return TRUE;
        }
    }
  return FALSE;
}

/* Picks the row selected in the list; FALSE when there is none. */
static gboolean
chooser_pick_selected (Chooser *c)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (c->list);
  int index = row ? gtk_list_box_row_get_index (row) : -1;

  if (index < 0 || (guint) index >= c->shown->len)
    return FALSE;
  chooser_pick (c, (int) g_array_index (c->shown, guint, index));
  return TRUE;
}

static void
on_chooser_changed_cb (GtkEditable *editable,
                       Chooser     *c)
{
  if (c->setting || c->popover == NULL)
    return;
  c->picked = -1;
  chooser_filter (c, gtk_editable_get_text (editable));
  if (*gtk_editable_get_text (editable) == '\0')
    gtk_popover_popdown (GTK_POPOVER (c->popover));
  else
    chooser_popup (c);
}

static void
chooser_move (Chooser *c,
              int      step)
{
  GtkListBoxRow *row = gtk_list_box_get_selected_row (c->list);
  int index = (row ? gtk_list_box_row_get_index (row) : -1) + step;
  GtkListBoxRow *next = gtk_list_box_get_row_at_index (c->list, MAX (index, 0));

  if (next == NULL)
    return;
  gtk_list_box_select_row (c->list, next);
  /* The focus stays in the entry, so the list does not scroll by itself. */
  {
    GtkWidget *scrolled = gtk_widget_get_ancestor (GTK_WIDGET (c->list), GTK_TYPE_SCROLLED_WINDOW);
    GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
    graphene_rect_t bounds;

    if (gtk_widget_compute_bounds (GTK_WIDGET (next), GTK_WIDGET (c->list), &bounds))
      {
        double top = gtk_adjustment_get_value (adj);
        double page = gtk_adjustment_get_page_size (adj);

        if (bounds.origin.y < top)
          gtk_adjustment_set_value (adj, bounds.origin.y);
        else if (bounds.origin.y + bounds.size.height > top + page)
          gtk_adjustment_set_value (adj, bounds.origin.y + bounds.size.height - page);
      }
  }
}

static gboolean
on_chooser_key_pressed_cb (GtkEventControllerKey *controller,
                           guint                  keyval,
                           guint                  keycode,
                           GdkModifierType        state,
                           Chooser               *c)
{
  gboolean open = c->popover != NULL && gtk_widget_get_visible (c->popover);

  if (c->popover == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;
  switch (keyval)
    {
    case GDK_KEY_Down:
    case GDK_KEY_KP_Down:
      if (!open)
        {
          /* Down in an empty or picked field lists everything to choose from. */
          chooser_filter (c, c->picked >= 0 ? "" : gtk_editable_get_text (GTK_EDITABLE (c->entry)));
          chooser_popup (c);
        }
      else
        chooser_move (c, 1);
      return GDK_EVENT_STOP;

    case GDK_KEY_Up:
    case GDK_KEY_KP_Up:
      if (open)
        chooser_move (c, -1);
      return open ? GDK_EVENT_STOP : GDK_EVENT_PROPAGATE;

    case GDK_KEY_Return:
    case GDK_KEY_KP_Enter:
    case GDK_KEY_ISO_Enter:
      if (open ? chooser_pick_selected (c) : c->picked >= 0)
        move_focus_on (c->dialog);
      return GDK_EVENT_STOP;

    case GDK_KEY_Tab:
    case GDK_KEY_ISO_Left_Tab:
      /* Takes the match and lets Tab go on. */
      if (open && c->picked < 0)
        chooser_pick_selected (c);
      return GDK_EVENT_PROPAGATE;

    case GDK_KEY_Escape:
      if (open)
        {
          gtk_popover_popdown (GTK_POPOVER (c->popover));
          return GDK_EVENT_STOP;
        }
      return GDK_EVENT_PROPAGATE;

    default:
      return GDK_EVENT_PROPAGATE;
    }
}

static void
on_chooser_row_activated_cb (GtkListBox    *list,
                             GtkListBoxRow *row,
                             Chooser       *c)
{
  gtk_list_box_select_row (list, row);
  chooser_pick_selected (c);
  gtk_widget_grab_focus (GTK_WIDGET (c->entry));
  move_focus_on (c->dialog);
}

static void
on_chooser_focus_leave_cb (GtkEventControllerFocus *controller,
                           Chooser                 *c)
{
  /* Also called while the dialog goes, after the popover has. */
  if (c->popover != NULL)
    gtk_popover_popdown (GTK_POPOVER (c->popover));
}

static void
chooser_init (Chooser        *c,
              SzRecordDialog *self,
              GtkEntry       *entry,
              const char     *accessible_label,
              ChooserPicked   on_picked)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *placeholder;
  GtkEventController *controller;

  c->dialog = self;
  c->entry = entry;
  c->picked = -1;
  c->on_picked = on_picked;
  c->shown = g_array_new (FALSE, FALSE, sizeof (guint));

  c->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_activate_on_single_click (c->list, TRUE);
  gtk_widget_set_focusable (GTK_WIDGET (c->list), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (c->list), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label, -1);
  g_signal_connect (c->list, "row-activated", G_CALLBACK (on_chooser_row_activated_cb), c);
  placeholder = gtk_label_new (_("Nothing found. Type fewer characters, or other ones."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (c->list, placeholder);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 260);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), GTK_WIDGET (c->list));

  /* Not modal and without autohide, so that typing stays in the entry. */
  c->popover = gtk_popover_new ();
  gtk_popover_set_autohide (GTK_POPOVER (c->popover), FALSE);
  gtk_popover_set_has_arrow (GTK_POPOVER (c->popover), FALSE);
  gtk_popover_set_position (GTK_POPOVER (c->popover), GTK_POS_BOTTOM);
  gtk_widget_set_halign (c->popover, GTK_ALIGN_START);
  gtk_widget_set_focusable (c->popover, FALSE);
  gtk_popover_set_child (GTK_POPOVER (c->popover), scrolled);
  gtk_widget_set_parent (c->popover, GTK_WIDGET (entry));

  g_signal_connect (entry, "changed", G_CALLBACK (on_chooser_changed_cb), c);
  controller = gtk_event_controller_key_new ();
  /* Capture: the entry's text would take Up, Down and Enter for itself. */
  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  g_signal_connect (controller, "key-pressed", G_CALLBACK (on_chooser_key_pressed_cb), c);
  gtk_widget_add_controller (GTK_WIDGET (entry), controller);
  controller = gtk_event_controller_focus_new ();
  g_signal_connect (controller, "leave", G_CALLBACK (on_chooser_focus_leave_cb), c);
  gtk_widget_add_controller (GTK_WIDGET (entry), controller);
}

/* Takes @choices; keeps the pick if the same choice is among them. */
static void
chooser_set_choices (Chooser   *c,
                     GPtrArray *choices)
{
  Choice *old = chooser_get_picked (c);
  int kind = old ? old->kind : 0;
  gint64 id = old ? old->id : 0;

  g_clear_pointer (&c->choices, g_ptr_array_unref);
  c->choices = choices;
  c->picked = -1;
  if (old != NULL)
    chooser_pick_id (c, kind, id);
}

static void
chooser_clear (Chooser *c)
{
  if (c->popover != NULL)
    gtk_widget_unparent (c->popover);
  c->popover = NULL;
  c->list = NULL;
  g_clear_pointer (&c->choices, g_ptr_array_unref);
  g_clear_pointer (&c->shown, g_array_unref);
}

/* The places: every node of the community's tree once (a compound
 * spanning grids is under each of them), named as records name them. */
static void
collect_places (SzTreeNode *node,
                const char *prefix,
                const char *grid,
                GPtrArray  *out,
                GHashTable *seen)
{
  g_autofree char *label = NULL;
  g_autofree char *key = g_strdup_printf ("%d:%" G_GINT64_FORMAT, node->kind, node->id);

  if (node->kind == SZ_NODE_BUILDING || node->kind == SZ_NODE_UNIT)
    /* Translators: a place in a list of places: where it is, then its name ("丰和林苑 2栋") */
    label = g_strdup_printf (C_("place path", "%s %s"), prefix, node->label);
  else
    label = g_strdup (node->label);
  if (node->kind == SZ_NODE_GRID)
    grid = node->label;
  if (g_hash_table_add (seen, g_steal_pointer (&key)))
    g_ptr_array_add (out, choice_new (label, node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID ? NULL : grid,
                                      node->kind, node->id));
  for (guint i = 0; i < node->children->len; i++)
    collect_places (node->children->pdata[i], node->kind == SZ_NODE_COMMUNITY || node->kind == SZ_NODE_GRID ? "" : label,
                    grid, out, seen);
}

static void
load_places (SzRecordDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) root = sz_tree_load (sz_session_get_db (self->session),
                                             sz_session_get_community_id (self->session), &error);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *places = g_ptr_array_new_with_free_func (choice_free);

  if (root == NULL)
    sz_field_error_set (self->errors[F_PLACE], error->message);
  else
    collect_places (root, "", NULL, places, seen);
  chooser_set_choices (&self->place, places);
}

static void
on_category_picked_cb (SzRecordDialog *self,
                       Choice         *choice)
{
  /* The category's class, unless one was chosen by hand. */
  if (!self->time_class_touched)
    {
      self->loading = TRUE;
      gtk_drop_down_set_selected (self->time_class_drop_down, (guint) choice->time_class);
      self->loading = FALSE;
    }
}

static void
load_categories (SzRecordDialog *self,
                 gint64          keep_id)
{
  SzDb *db = sz_session_get_db (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) list = sz_record_category_list (db, TRUE, &error);
  GPtrArray *categories = g_ptr_array_new_with_free_func (choice_free);

  if (list == NULL)
    sz_field_error_set (self->errors[F_CATEGORY], error->message);
  for (guint i = 0; list != NULL && i < list->len; i++)
    {
      SzRecordCategory *cat = list->pdata[i];
      Choice *choice;

      /* A retired category stays only on the records that have it. */
      if (cat->retired && cat->id != keep_id)
        continue;
      choice = choice_new (cat->name, sz_time_class_title (cat->time_class), 0, cat->id);
      choice->time_class = cat->time_class;
      g_ptr_array_add (categories, choice);
    }
  chooser_set_choices (&self->category, categories);
}

/* Errors */

static Field
field_from_id (const char *field_id)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (g_strcmp0 (field_id, field_ids[i]) == 0)
      return i;
  return N_FIELDS;
}

static void
clear_errors (SzRecordDialog *self)
{
  for (guint i = 0; i < N_FIELDS; i++)
    if (self->errors[i] != NULL)
      sz_field_error_set (self->errors[i], NULL);
}

static GtkWidget *
field_focus_widget (SzRecordDialog *self,
                    Field           field)
{
  switch (field)
    {
    case F_RECEIVED: return GTK_WIDGET (self->received_entry);
    case F_CHANNEL: return GTK_WIDGET (self->channel_drop_down);
    case F_PLACE: return GTK_WIDGET (self->place_entry);
    case F_CATEGORY: return GTK_WIDGET (self->category_entry);
    case F_TIME_CLASS: return GTK_WIDGET (self->time_class_drop_down);
    case F_DUTY: return GTK_WIDGET (self->duty_drop_down);
    case F_DESCRIPTION: return GTK_WIDGET (self->description_view);
    case F_REPORTER_NAME: return GTK_WIDGET (self->reporter_name_entry);
    case F_ANONYMOUS: return GTK_WIDGET (self->anonymous_check);
    case F_REPORTER_PHONE: return GTK_WIDGET (self->reporter_phone_entry);
    case F_HEAD: return GTK_WIDGET (self->head_button);
    case F_NOTE: return GTK_WIDGET (self->note_entry);
    case F_FORM:
    case N_FIELDS:
    default: return NULL;
    }
}

/* Under the field the message names, which takes the focus; else above
 * the form. */
static void
show_error (SzRecordDialog *self,
            Field           field,
            const char     *message)
{
  GtkWidget *focus;

  if (field >= N_FIELDS || self->errors[field] == NULL || !gtk_widget_get_visible (self->boxes[field]))
    field = F_FORM;
  sz_field_error_set (self->errors[field], message);
  focus = field_focus_widget (self, field);
  if (focus != NULL && gtk_widget_get_sensitive (focus))
    gtk_widget_grab_focus (focus);
}

static void
show_core_error (SzRecordDialog *self,
                 const GError   *error)
{
  Field best = F_FORM;
  gsize best_len = 0;

  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    {
      const char *t = _(titles[i].title);

      if (g_str_has_prefix (error->message, t) && strlen (t) > best_len)
        {
          best = titles[i].field;
          best_len = strlen (t);
        }
    }
  show_error (self, best, error->message);
}

/* The head who brought it in */

static void
set_head (SzRecordDialog *self,
          gint64          person_id,
          const char     *name)
{
  g_autoptr(SzPerson) person = NULL;

  if (person_id > 0 && name == NULL)
    {
      person = sz_person_get (sz_session_get_db (self->session), person_id, NULL);
      name = person ? person->name : NULL;
    }
  self->head_id = person_id > 0 ? person_id : 0;
  gtk_label_set_text (self->head_name_label, self->head_id ? (name ? name : "") : _("Nobody"));
  if (self->head_id)
    gtk_widget_remove_css_class (GTK_WIDGET (self->head_name_label), "dim-label");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->head_name_label), "dim-label");
  gtk_widget_set_sensitive (GTK_WIDGET (self->head_clear_button), self->head_id != 0);
}

static gboolean
focus_after_head_cb (gpointer data)
{
  SzRecordDialog *self = data;

  if (self->session != NULL)
    gtk_widget_grab_focus (gtk_widget_get_visible (self->note_box) ? GTK_WIDGET (self->note_entry)
                                                                    : GTK_WIDGET (self->save_button));
  return G_SOURCE_REMOVE;
}

static void
on_head_picked_cb (gint64      person_id,
                   SzChosenBy  chosen_by,
                   gpointer    user_data)
{
  SzRecordDialog *self = SZ_RECORD_DIALOG (user_data);

  if (self->session == NULL)
    return;
  set_head (self, person_id, NULL);
  sz_field_error_set (self->errors[F_HEAD], NULL);
  /* On to the note once this window is active again (the picker has just
   * gone, and the window would put its old focus back). */
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, focus_after_head_cb, g_object_ref (self), g_object_unref);
}

static void
on_head_button_clicked_cb (SzRecordDialog *self)
{
  GtkWidget *picker;

  picker = sz_person_picker_new (GTK_WINDOW (self), self->session, _("Who Brought It In"),
                                 on_head_picked_cb, g_object_ref (self), g_object_unref);
  sz_person_picker_set_note (SZ_PERSON_PICKER (picker),
                             _("The head who brought the issue in. How the head was chosen does not matter here."));
  gtk_window_present (GTK_WINDOW (picker));
}

static void
on_head_clear_button_clicked_cb (SzRecordDialog *self)
{
  set_head (self, 0, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->head_button));
}

/* Keys and fields */

static void
on_entry_activate_next_cb (SzRecordDialog *self)
{
  move_focus_on (self);
}

static void
on_reporter_phone_entry_changed_cb (SzRecordDialog *self)
{
  if (!self->loading)
    self->phone_kept = FALSE;
}

static void
on_anonymous_check_toggled_cb (SzRecordDialog *self)
{
  gboolean anonymous = gtk_check_button_get_active (self->anonymous_check);

  gtk_widget_set_sensitive (GTK_WIDGET (self->reporter_name_entry), !anonymous);
  gtk_widget_set_sensitive (GTK_WIDGET (self->reporter_phone_entry), !anonymous);
}

static void
on_time_class_selected_cb (SzRecordDialog *self)
{
  if (!self->loading)
    self->time_class_touched = TRUE;
}

static char *
description_text (SzRecordDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static char *
entry_text (GtkEntry *entry)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  return *text ? g_strdup (text) : NULL;
}

static SzRecord *
record_copy (const SzRecord *r)
{
  SzRecord *copy = sz_record_new ();

  copy->id = r->id;
  copy->community_id = r->community_id;
  copy->received_at = r->received_at;
  copy->channel = r->channel;
  copy->reporter_name = g_strdup (r->reporter_name);
  copy->reporter_phone = g_strdup (r->reporter_phone);
  copy->place_kind = r->place_kind;
  copy->place_id = r->place_id;
  copy->category_id = r->category_id;
  copy->duty = r->duty;
  copy->description = g_strdup (r->description);
  copy->head_person_id = r->head_person_id;
  copy->time_class = r->time_class;
  return copy;
}

static gboolean
undo_correction_cb (SzSession  *session,
                    gpointer    data,
                    GError    **error)
{
  return sz_record_update (sz_session_get_db (session), data, error);
}

gboolean
sz_record_dialog_save (SzRecordDialog *self)
{
  SzDb *db;
  g_autoptr(SzRecord) record = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *received = NULL;
  g_autofree char *note = NULL;
  Choice *place, *category;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), FALSE);

  db = sz_session_get_db (self->session);
  clear_errors (self);
  record = self->original ? record_copy (self->original) : sz_record_new ();
  record->community_id = sz_session_get_community_id (self->session);

  received = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->received_entry))));
  /* Blank means now. */
  if (self->original == NULL && *received != '\0'
      && !sz_record_parse_time (received, _("Received"), &record->received_at, &error))
    {
      show_error (self, F_RECEIVED, error->message);
      return FALSE;
    }

  place = chooser_get_picked (&self->place);
  if (place == NULL)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->place_entry));
      g_autofree char *message = NULL;

      if (*typed == '\0')
        message = g_strdup (_("Place: choose where the issue is."));
      else
        /* Translators: %s is what was typed into the place field */
        message = g_strdup_printf (_("Place: “%s” is not one of the community's places; choose one from the list."),
                                   typed);
      show_error (self, F_PLACE, message);
      return FALSE;
    }
  category = chooser_get_picked (&self->category);
  if (category == NULL)
    {
      const char *typed = gtk_editable_get_text (GTK_EDITABLE (self->category_entry));
      g_autofree char *message = NULL;

      if (*typed == '\0')
        message = g_strdup (_("Category: choose a category."));
      else
        /* Translators: %s is what was typed into the category field */
        message = g_strdup_printf (_("Category: “%s” is not in the list; choose one from it."), typed);
      show_error (self, F_CATEGORY, message);
      return FALSE;
    }

  record->channel = gtk_drop_down_get_selected (self->channel_drop_down);
  record->place_kind = place->kind;
  record->place_id = place->id;
  record->category_id = category->id;
  record->time_class = gtk_drop_down_get_selected (self->time_class_drop_down);
  record->duty = gtk_drop_down_get_selected (self->duty_drop_down);
  g_free (record->description);
  record->description = description_text (self);
  g_clear_pointer (&record->reporter_name, g_free);
  g_clear_pointer (&record->reporter_phone, g_free);
  if (!gtk_check_button_get_active (self->anonymous_check))
    {
      record->reporter_name = entry_text (self->reporter_name_entry);
      record->reporter_phone = self->phone_kept && self->original ? g_strdup (self->original->reporter_phone)
                                                                  : entry_text (self->reporter_phone_entry);
    }
  record->head_person_id = self->head_id;

  if (self->original == NULL)
    {
      note = entry_text (self->note_entry);
      ok = sz_record_add (db, record, note, &error);
    }
  else
    ok = sz_record_update (db, record, &error);
  if (!ok)
    {
      show_core_error (self, error);
      return FALSE;
    }

  if (self->original != NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, record->id);
      g_autofree char *label = NULL;

      /* Translators: what undo undoes; %s is a record's number */
      label = g_strdup_printf (_("Correct record No. %s"), number);
      sz_session_push_undo (self->session, label, undo_correction_cb, g_steal_pointer (&self->original),
                            (GDestroyNotify) sz_record_free);
    }
  else
    g_object_set_data (G_OBJECT (self->session), LAST_CHANNEL_KEY, GINT_TO_POINTER (record->channel + 1));

  /* Destroyed before "changed", which rebuilds the views that opened it. */
  g_object_ref (self);
  g_signal_emit (self, signals[SAVED], 0, record->id);
  gtk_window_destroy (GTK_WINDOW (self));
  sz_session_changed (self->session);
  g_object_unref (self);
  return TRUE;
}

static void
on_save_button_clicked_cb (SzRecordDialog *self)
{
  sz_record_dialog_save (self);
}

static void
on_note_entry_activate_cb (SzRecordDialog *self)
{
  sz_record_dialog_save (self);
}

static void
save_action_cb (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  sz_record_dialog_save (SZ_RECORD_DIALOG (widget));
}

/* Tests */

static void
set_drop_down_by_string (GtkDropDown *drop_down,
                         guint        n,
                         const char *(*to_string) (int),
                         const char  *text)
{
  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (to_string ((int) i), text) == 0)
      {
        gtk_drop_down_set_selected (drop_down, i);
        return;
      }
  g_critical ("No such choice: %s", text);
}

static const char *
channel_string (int i)
{
  return sz_channel_to_string (i);
}

static const char *
duty_string (int i)
{
  return sz_duty_kind_to_string (i);
}

static const char *
time_class_string (int i)
{
  return sz_time_class_to_string (i);
}

void
sz_record_dialog_set_field (SzRecordDialog *self,
                            const char     *field_id,
                            const char     *text)
{
  Field field;

  g_return_if_fail (SZ_IS_RECORD_DIALOG (self));

  field = field_from_id (field_id);
  text = text ? text : "";
  switch (field)
    {
    case F_RECEIVED:
      gtk_editable_set_text (GTK_EDITABLE (self->received_entry), text);
      break;
    case F_CHANNEL:
      set_drop_down_by_string (self->channel_drop_down, SZ_N_CHANNELS, channel_string, text);
      break;
    case F_DUTY:
      set_drop_down_by_string (self->duty_drop_down, SZ_N_DUTIES, duty_string, text);
      break;
    case F_TIME_CLASS:
      set_drop_down_by_string (self->time_class_drop_down, SZ_N_TIME_CLASSES, time_class_string, text);
      break;
    case F_PLACE:
      {
        g_auto(GStrv) parts = g_strsplit (text, ":", 2);
        SzNodeKind kind;

        if (g_strv_length (parts) == 2 && sz_node_kind_from_string (parts[0], &kind))
          {
            if (!chooser_pick_id (&self->place, kind, g_ascii_strtoll (parts[1], NULL, 10)))
              chooser_set_text (&self->place, "");
            break;
          }
        /* As typed, then Enter: the best match. */
        gtk_editable_set_text (GTK_EDITABLE (self->place_entry), text);
        chooser_pick_selected (&self->place);
        break;
      }
    case F_CATEGORY:
      gtk_editable_set_text (GTK_EDITABLE (self->category_entry), text);
      chooser_pick_selected (&self->category);
      break;
    case F_DESCRIPTION:
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view), text, -1);
      break;
    case F_REPORTER_NAME:
      gtk_editable_set_text (GTK_EDITABLE (self->reporter_name_entry), text);
      break;
    case F_ANONYMOUS:
      gtk_check_button_set_active (self->anonymous_check, g_strcmp0 (text, "true") == 0);
      break;
    case F_REPORTER_PHONE:
      gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry), text);
      break;
    case F_HEAD:
      set_head (self, g_ascii_strtoll (text, NULL, 10), NULL);
      break;
    case F_NOTE:
      gtk_editable_set_text (GTK_EDITABLE (self->note_entry), text);
      break;
    case F_FORM:
    case N_FIELDS:
    default:
      g_return_if_reached ();
    }
}

const char *
sz_record_dialog_get_field_error (SzRecordDialog *self,
                                  const char     *field_id)
{
  Field field;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), NULL);

  field = field_from_id (field_id);
  g_return_val_if_fail (field < N_FIELDS, NULL);
  if (self->errors[field] == NULL || !gtk_widget_get_visible (self->errors[field]))
    return NULL;
  return gtk_label_get_text (GTK_LABEL (self->errors[field]));
}

gboolean
sz_record_dialog_get_place (SzRecordDialog *self,
                            SzNodeKind     *kind,
                            gint64         *id)
{
  Choice *place;

  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), FALSE);

  place = chooser_get_picked (&self->place);
  if (kind != NULL)
    *kind = place ? place->kind : SZ_NODE_COMMUNITY;
  if (id != NULL)
    *id = place ? place->id : 0;
  return place != NULL;
}

SzTimeClass
sz_record_dialog_get_time_class (SzRecordDialog *self)
{
  g_return_val_if_fail (SZ_IS_RECORD_DIALOG (self), SZ_TIME_GENERAL);
  return gtk_drop_down_get_selected (self->time_class_drop_down);
}

/* Construction */

/* Ctrl+Enter saves from anywhere, the multi-line text included: caught
 * on its way down, before the text view takes Enter for a new line. */
static void
add_save_shortcut (GtkWidget *window)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (controller),
                                        gtk_shortcut_new (gtk_shortcut_trigger_parse_string ("<Control>Return|<Control>KP_Enter"),
                                                          gtk_named_action_new ("dialog.save")));
  gtk_widget_add_controller (window, controller);
}

static void
sz_record_dialog_dispose (GObject *object)
{
  SzRecordDialog *self = SZ_RECORD_DIALOG (object);

  /* The popovers first: their entries go with the template. */
  chooser_clear (&self->place);
  chooser_clear (&self->category);
  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_RECORD_DIALOG);
  g_clear_object (&self->session);
  g_clear_pointer (&self->original, sz_record_free);
  G_OBJECT_CLASS (sz_record_dialog_parent_class)->dispose (object);
}

static void
sz_record_dialog_class_init (SzRecordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_record_dialog_dispose;

  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-record-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, content_box);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, received_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, channel_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, place_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, category_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, time_class_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, duty_drop_down);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, description_view);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, reporter_name_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, anonymous_check);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, reporter_phone_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_name_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, head_clear_button);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_entry);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_label);
  gtk_widget_class_bind_template_child (widget_class, SzRecordDialog, note_box);
  gtk_widget_class_bind_template_callback (widget_class, on_save_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activate_next_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_note_entry_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_anonymous_check_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_reporter_phone_entry_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_head_button_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_head_clear_button_clicked_cb);

  gtk_widget_class_install_action (widget_class, "dialog.save", NULL, save_action_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
fill_drop_down (GtkDropDown  *drop_down,
                guint         n,
                const char *(*title) (int))
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < n; i++)
    gtk_string_list_append (list, title ((int) i));
  gtk_drop_down_set_model (drop_down, G_LIST_MODEL (list));
}

static const char *
channel_title (int i)
{
  return sz_channel_title (i);
}

static const char *
duty_title (int i)
{
  return sz_duty_kind_title (i);
}

static const char *
time_class_title (int i)
{
  return sz_time_class_title (i);
}

static void
sz_record_dialog_init (SzRecordDialog *self)
{
  GtkWidget *grid;

  self->loading = TRUE;
  gtk_widget_init_template (GTK_WIDGET (self));
  add_save_shortcut (GTK_WIDGET (self));
  fill_drop_down (self->channel_drop_down, SZ_N_CHANNELS, channel_title);
  fill_drop_down (self->duty_drop_down, SZ_N_DUTIES, duty_title);
  fill_drop_down (self->time_class_drop_down, SZ_N_TIME_CLASSES, time_class_title);
  g_signal_connect_swapped (self->time_class_drop_down, "notify::selected", G_CALLBACK (on_time_class_selected_cb),
                            self);

  /* Each field's box holds the field, and its message under it. */
  grid = gtk_widget_get_parent (GTK_WIDGET (self->note_box));
  for (GtkWidget *child = gtk_widget_get_first_child (grid); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      const char *id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (child));
      g_autofree char *field_id = NULL;
      Field field;

      if (id == NULL || !g_str_has_suffix (id, "_box"))
        continue;
      field_id = g_strndup (id, strlen (id) - strlen ("_box"));
      g_strdelimit (field_id, "_", '-');
      field = field_from_id (field_id);
      g_assert (field < N_FIELDS);
      self->boxes[field] = child;
      self->errors[field] = sz_field_error_new ();
      gtk_box_append (GTK_BOX (child), self->errors[field]);
    }
  self->boxes[F_FORM] = GTK_WIDGET (self->content_box);
  self->errors[F_FORM] = sz_field_error_new ();
  gtk_box_prepend (self->content_box, self->errors[F_FORM]);

  chooser_init (&self->place, self, self->place_entry, _("Places found"), NULL);
  chooser_init (&self->category, self, self->category_entry, _("Categories found"), on_category_picked_cb);
  self->place.error = self->errors[F_PLACE];
  self->category.error = self->errors[F_CATEGORY];
  gtk_window_set_default_widget (GTK_WINDOW (self), GTK_WIDGET (self->save_button));
  gtk_drop_down_set_selected (self->duty_drop_down, SZ_DUTY_COLLECT);
  gtk_drop_down_set_selected (self->time_class_drop_down, SZ_TIME_GENERAL);
  set_head (self, 0, NULL);
  self->loading = FALSE;
}

static void
fill_from_record (SzRecordDialog *self,
                  SzRecord       *record)
{
  g_autofree char *received = sz_record_format_time (record->received_at);
  gboolean anonymous = (record->reporter_name == NULL || *record->reporter_name == '\0')
                       && (record->reporter_phone == NULL || *record->reporter_phone == '\0');

  gtk_editable_set_text (GTK_EDITABLE (self->received_entry), received);
  gtk_widget_set_sensitive (GTK_WIDGET (self->received_entry), FALSE);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->received_entry),
                               _("The time a record was received stays as entered: its time limit runs from it."));
  gtk_drop_down_set_selected (self->channel_drop_down, record->channel);
  if (!chooser_pick_id (&self->place, record->place_kind, record->place_id))
    /* The place has gone: its words stay, and a place must be chosen again. */
    gtk_editable_set_text (GTK_EDITABLE (self->place_entry), record->place_text ? record->place_text : "");
  chooser_pick_id (&self->category, 0, record->category_id);
  gtk_drop_down_set_selected (self->time_class_drop_down, record->time_class);
  gtk_drop_down_set_selected (self->duty_drop_down, record->duty);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            record->description ? record->description : "", -1);
  gtk_check_button_set_active (self->anonymous_check, anonymous);
  gtk_editable_set_text (GTK_EDITABLE (self->reporter_name_entry), record->reporter_name ? record->reporter_name : "");
  /* The stored phone is private: masked unless phones are shown in full,
   * and kept unless a new one is typed. */
  if (record->reporter_phone != NULL && *record->reporter_phone && !show_phones (self))
    {
      g_autofree char *masked = sz_phone_display (record->reporter_phone, FALSE);
      g_autofree char *hint = NULL;

      /* Translators: the phone field when correcting a record; %s is the masked phone (138****1234) */
      hint = g_strdup_printf (_("%s (type a new number to change it)"), masked);
      gtk_entry_set_placeholder_text (self->reporter_phone_entry, hint);
      self->phone_kept = TRUE;
    }
  else
    gtk_editable_set_text (GTK_EDITABLE (self->reporter_phone_entry),
                           record->reporter_phone ? record->reporter_phone : "");
  set_head (self, record->head_person_id, record->head_name);
  gtk_widget_set_visible (self->note_label, FALSE);
  gtk_widget_set_visible (self->note_box, FALSE);
}

GtkWidget *
sz_record_dialog_new (GtkWindow *parent,
                      SzSession *session,
                      gint64     record_id)
{
  SzRecordDialog *self;
  g_autofree char *title = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  if (record_id > 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, record_id);

      /* Translators: a dialog's title; %s is a record's number */
      title = g_strdup_printf (_("Correct Intake of Record No. %s"), number);
    }
  else
    title = g_strdup (_("New Record"));
  self = g_object_new (SZ_TYPE_RECORD_DIALOG, "transient-for", parent, "title", title, NULL);
  self->session = g_object_ref (session);
  self->loading = TRUE;

  if (record_id > 0)
    {
      self->original = sz_record_get (sz_session_get_db (session), record_id, &error);
      if (self->original == NULL)
        {
          sz_field_error_set (self->errors[F_FORM], error->message);
          gtk_widget_set_sensitive (GTK_WIDGET (self->save_button), FALSE);
        }
    }
  load_places (self);
  load_categories (self, self->original ? self->original->category_id : 0);

  if (self->original != NULL)
    {
      fill_from_record (self, self->original);
      self->time_class_touched = TRUE;
      gtk_widget_grab_focus (GTK_WIDGET (self->channel_drop_down));
    }
  else
    {
      g_autofree char *now = sz_record_format_time (sz_record_now ());
      int last = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (session), LAST_CHANNEL_KEY));

      gtk_editable_set_text (GTK_EDITABLE (self->received_entry), now);
      if (last > 0)
        gtk_drop_down_set_selected (self->channel_drop_down, (guint) (last - 1));
      chooser_pick_id (&self->place, sz_session_get_place_kind (session), sz_session_get_place_id (session));
      /* Most reports are entered as they come in: the time is right, and
       * the first thing to type is where. */
      gtk_widget_grab_focus (GTK_WIDGET (self->place_entry));
      gtk_editable_select_region (GTK_EDITABLE (self->place_entry), 0, -1);
    }
  self->loading = FALSE;
  return GTK_WIDGET (self);
}
