/* sz-board-view-options.c: the board view's paper, orientation and style
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "sz-board-view-private.h"

static const struct
{
  const char *paper;   /* as sz_paper_parse() and the "paper" key take it */
  const char *title;
} papers[] = {
  { "A4", N_("A4") },
  { "A3", N_("A3") },
  /* Translators: a paper size in millimetres */
  { "600x800mm", N_("600 × 800 mm") },
};

const char *
_sz_board_view_current_paper (SzBoardView *self)
{
  guint i = gtk_drop_down_get_selected (self->paper_dropdown);

  if (i < G_N_ELEMENTS (papers))
    return papers[i].paper;
  return self->custom_paper ? self->custom_paper : papers[0].paper;
}

gboolean
_sz_board_view_current_landscape (SzBoardView *self)
{
  return gtk_drop_down_get_selected (self->orientation_dropdown) == 1;
}

SzBoardStyle
_sz_board_view_current_style (SzBoardView *self)
{
  return gtk_drop_down_get_selected (self->style_dropdown) == 1 ? SZ_STYLE_PLAIN : SZ_STYLE_RED;
}

static void
set_paper_model (SzBoardView *self)
{
  g_autoptr(GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    gtk_string_list_append (list, _(papers[i].title));
  if (self->custom_paper != NULL)
    gtk_string_list_append (list, self->custom_paper);
  gtk_drop_down_set_model (self->paper_dropdown, G_LIST_MODEL (list));
}

/* Which entry of the paper list @text is, adding it when it is a valid
 * size none of them is ("500x700mm" set in the preferences). */
static guint
paper_index (SzBoardView *self,
             const char  *text)
{
  SzPaper wanted, p;

  if (!sz_paper_parse (text, FALSE, &wanted, NULL))
    return 0;
  for (guint i = 0; i < G_N_ELEMENTS (papers); i++)
    if (sz_paper_parse (papers[i].paper, FALSE, &p, NULL)
        && fabs (p.width - wanted.width) < 0.5 && fabs (p.height - wanted.height) < 0.5)
      return i;
  if (g_strcmp0 (self->custom_paper, text) != 0)
    {
      g_free (self->custom_paper);
      self->custom_paper = g_strdup (text);
      self->updating = TRUE;
      set_paper_model (self);
      self->updating = FALSE;
    }
  return G_N_ELEMENTS (papers);
}

/* Shows @paper, @landscape and @style; TRUE when anything changed. */
static gboolean
show_options (SzBoardView  *self,
              const char   *paper,
              gboolean      landscape,
              SzBoardStyle  style)
{
  guint paper_i = paper_index (self, paper);
  gboolean changed = paper_i != gtk_drop_down_get_selected (self->paper_dropdown)
                     || landscape != _sz_board_view_current_landscape (self)
                     || style != _sz_board_view_current_style (self);

  self->updating = TRUE;
  gtk_drop_down_set_selected (self->paper_dropdown, paper_i);
  gtk_drop_down_set_selected (self->orientation_dropdown, landscape ? 1 : 0);
  gtk_drop_down_set_selected (self->style_dropdown, style == SZ_STYLE_PLAIN ? 1 : 0);
  self->updating = FALSE;
  return changed;
}

static gboolean
load_settings (SzBoardView *self)
{
  GSettings *settings = sz_session_get_settings (self->session);
  g_autofree char *paper = NULL;

  if (settings == NULL)
    return FALSE;
  paper = g_settings_get_string (settings, "paper");
  return show_options (self, paper, g_settings_get_boolean (settings, "landscape"),
                       g_settings_get_enum (settings, "style") == SZ_STYLE_PLAIN ? SZ_STYLE_PLAIN : SZ_STYLE_RED);
}

static void
on_option_changed_cb (SzBoardView *self)
{
  GSettings *settings;

  if (self->updating || self->session == NULL)
    return;
  settings = sz_session_get_settings (self->session);
  /* The last paper and style are remembered for the next start, and the
   * export and print dialogs start from them. */
  if (settings != NULL)
    {
      g_autofree char *paper = g_strdup (_sz_board_view_current_paper (self));
      gboolean landscape = _sz_board_view_current_landscape (self);
      SzBoardStyle style = _sz_board_view_current_style (self);

      /* Each write notifies at once: the keys not yet written must not be
       * read back over what the toolbar shows. */
      self->writing = TRUE;
      g_settings_set_string (settings, "paper", paper);
      g_settings_set_boolean (settings, "landscape", landscape);
      g_settings_set_enum (settings, "style", style);
      self->writing = FALSE;
    }
  _sz_board_view_invalidate (self, FALSE);
}

static void
on_settings_changed_cb (SzBoardView *self,
                        const char  *key)
{
  if (!self->writing
      && (g_str_equal (key, "paper") || g_str_equal (key, "landscape") || g_str_equal (key, "style"))
      && load_settings (self))
    _sz_board_view_invalidate (self, FALSE);
}

void
_sz_board_view_follow_settings (SzBoardView *self)
{
  GSettings *settings = sz_session_get_settings (self->session);

  load_settings (self);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed", G_CALLBACK (on_settings_changed_cb), self, G_CONNECT_SWAPPED);
}

void
_sz_board_view_options_init (SzBoardView *self)
{
  g_autoptr(GtkStringList) styles = gtk_string_list_new (NULL);

  set_paper_model (self);
  gtk_string_list_append (styles, sz_board_style_title (SZ_STYLE_RED));
  gtk_string_list_append (styles, sz_board_style_title (SZ_STYLE_PLAIN));
  gtk_drop_down_set_model (self->style_dropdown, G_LIST_MODEL (styles));
}

void
_sz_board_view_class_options_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_bind_template_callback (widget_class, on_option_changed_cb);
}

void
sz_board_view_set_paper (SzBoardView *self,
                         const char  *paper,
                         gboolean     landscape)
{
  g_return_if_fail (SZ_IS_BOARD_VIEW (self));
  g_return_if_fail (paper != NULL);

  if (show_options (self, paper, landscape, _sz_board_view_current_style (self)))
    on_option_changed_cb (self);
}

void
sz_board_view_set_style (SzBoardView  *self,
                         SzBoardStyle  style)
{
  g_return_if_fail (SZ_IS_BOARD_VIEW (self));

  if (show_options (self, _sz_board_view_current_paper (self), _sz_board_view_current_landscape (self), style))
    on_option_changed_cb (self);
}
