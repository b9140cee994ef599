/* sz-app-util.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The one way an error the user caused reaches the window: a modal
 * message over @widget's window, @title in bold and the core's message
 * (which names the field, row or file) below. */
void        sz_show_error     (GtkWidget    *widget,
                               const char   *title,
                               const GError *error);

typedef void (*SzConfirmFunc) (GtkWidget *widget,
                               gpointer   user_data);

/* Asks before something destructive; calls @func only on @action_label.
 * @destroy frees @user_data either way. */
void        sz_confirm        (GtkWidget      *widget,
                               const char     *title,
                               const char     *detail,
                               const char     *action_label,
                               SzConfirmFunc   func,
                               gpointer        user_data,
                               GDestroyNotify  destroy);

/* A phone as the window shows it: masked (138****1234) unless @show. */
char       *sz_phone_display  (const char   *normal,
                               gboolean      show);

/* A label under a form field that shows the core's message for it, red,
 * or nothing: sz_field_error_set (label, NULL) hides it. */
GtkWidget  *sz_field_error_new (void);
void        sz_field_error_set (GtkWidget    *label,
                                const char   *message);

/* Sanzhang's CSS and icons on the default display: application startup
 * calls it (GtkApplication loads neither by itself), and so do the tests. */
void        sz_app_load_style  (void);

/* Where a save dialog for exports starts: the folder last exported to
 * (the "export-folder" setting; @settings may be NULL), else Documents,
 * else home. */
GFile      *sz_export_start_folder (GSettings  *settings);

/* A form's field and the name the core's messages start with (N_(), or
 * NC_() with its @context when one English word names different fields:
 * "Name" of a person is 姓名, of a reward 名称). */
typedef struct
{
  int         field;
  const char *title;
  const char *context;
} SzFieldTitle;

/* Which field a core error message belongs to: the field of the longest
 * translated title the message starts with, among the fields @usable
 * accepts (NULL: all); @fallback when none does. */
int         sz_field_for_message (const char          *message,
                                  const SzFieldTitle  *titles,
                                  guint                n_titles,
                                  gboolean           (*usable) (int      field,
                                                                gpointer data),
                                  gpointer             data,
                                  int                  fallback);

/* Selects @row and scrolls its list so that the row is in view (for lists
 * driven from an entry with the arrow keys, whose focus stays put). */
void        sz_list_box_select_and_show (GtkListBox    *list,
                                         GtkListBoxRow *row);

/* A save dialog for a PDF named @name, then @func with the path (".pdf"
 * added when missing): a message with the path and "Open" when it is
 * written (@saved; NULL: "The PDF is saved"), the error under @failed
 * (NULL: "The PDF could not be saved") otherwise.  The folder is
 * remembered as @settings' export folder. */
typedef gboolean (*SzPdfFunc) (const char  *path,
                               gpointer     data,
                               GError     **error);
void        sz_save_pdf          (GtkWidget           *over,
                                  GSettings           *settings,
                                  const char          *title,
                                  const char          *name,
                                  const char          *saved,
                                  const char          *failed,
                                  SzPdfFunc            func,
                                  gpointer             data,
                                  GDestroyNotify       destroy);

G_END_DECLS
