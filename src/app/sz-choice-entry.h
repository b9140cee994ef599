/* sz-choice-entry.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* An entry that finds one of a list of choices (places, categories) as a
 * few characters of it are typed, in hanzi or pinyin (full syllables,
 * initials or a mix), the matches listed in a popover under the entry.
 * The focus stays in the entry: Up and Down choose a match, Enter takes it
 * and goes on to the next field, Tab takes it and goes on, Escape closes
 * the list; Down in an empty field lists everything. */
typedef struct _SzChoiceEntry SzChoiceEntry;

/* Called when a choice is picked (not when it is picked by
 * sz_choice_entry_pick() from the program). */
typedef void (*SzChoicePicked) (gpointer user_data,
                                int      kind,
                                gint64   id);

/* Adds the popover and the key handling to @entry; @list_label names the
 * list for screen readers ("Places found"). */
SzChoiceEntry *sz_choice_entry_new        (GtkEntry       *entry,
                                           const char     *list_label,
                                           SzChoicePicked  picked,
                                           gpointer        user_data);
/* Takes the popover off the entry: call it before the entry goes. */
void           sz_choice_entry_free       (SzChoiceEntry  *self);

/* A choice: what the entry shows once picked, and a dim @detail beside it
 * in the list (may be NULL); @kind and @id say which it is. */
void           sz_choice_entry_add        (SzChoiceEntry  *self,
                                           const char     *label,
                                           const char     *detail,
                                           int             kind,
                                           gint64          id);
/* Picks the choice with @kind and @id, showing its label; FALSE when
 * there is none such. */
gboolean       sz_choice_entry_pick       (SzChoiceEntry  *self,
                                           int             kind,
                                           gint64          id);
/* What Enter does: picks the best match of the text typed; FALSE when
 * nothing matches. */
gboolean       sz_choice_entry_pick_best  (SzChoiceEntry  *self);
/* FALSE when nothing is picked, or the text was changed since. */
gboolean       sz_choice_entry_get_picked (SzChoiceEntry  *self,
                                           int            *kind,
                                           gint64         *id);
/* Sets the text without searching, and without a pick. */
void           sz_choice_entry_set_text   (SzChoiceEntry  *self,
                                           const char     *text);
/* A label (sz_field_error_new()) that a pick clears. */
void           sz_choice_entry_set_error  (SzChoiceEntry  *self,
                                           GtkWidget      *error_label);

G_END_DECLS
