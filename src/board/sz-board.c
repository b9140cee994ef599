/* sz-board.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-board.h"
#include "sz-doc-lang.h"
#include "sz-board-private.h"

void
sz_board_head_free (gpointer data)
{
  SzBoardHead *h = data;

  g_free (h->role);
  g_free (h->place);
  g_free (h->name);
  g_free (h->phone);
  g_clear_pointer (&h->photo, g_bytes_unref);
  g_free (h->photo_mime);
  g_clear_pointer (&h->qr, g_bytes_unref);
  g_free (h->qr_mime);
  g_free (h->qr_taken_on);
  g_free (h);
}

void
sz_board_hotline_free (gpointer data)
{
  SzBoardHotline *h = data;

  g_free (h->label);
  g_free (h->number);
  g_free (h);
}

void
sz_board_free (SzBoard *b)
{
  if (b == NULL)
    return;
  g_free (b->lang);
  g_free (b->title);
  g_free (b->community);
  g_free (b->grid);
  g_free (b->place);
  g_clear_pointer (&b->heads, g_ptr_array_unref);
  g_clear_pointer (&b->rows, g_ptr_array_unref);
  for (guint i = 0; i < SZ_N_LEVELS; i++)
    g_clear_pointer (&b->duties[i], g_ptr_array_unref);
  g_clear_pointer (&b->hotlines, g_ptr_array_unref);
  g_free (b->supervision_phone);
  g_free (b->office_phone);
  g_free (b->property);
  g_free (b->group_name);
  g_free (b->group_admin);
  g_free (b->group_qr_text);
  g_clear_pointer (&b->group_qr, g_bytes_unref);
  g_free (b->group_qr_mime);
  g_free (b->qr_text);
  g_free (b->qr_caption);
  g_free (b->vacancy_text);
  g_strfreev (b->outline);
  g_free (b->label_prefix);
  g_free (b->file_stem);
  g_free (b);
}

static const SzNodeKind node_kinds[SZ_N_BOARD_KINDS] = {
  SZ_NODE_UNIT, SZ_NODE_BUILDING, SZ_NODE_GRID, SZ_NODE_COMMUNITY,
};

SzNodeKind
sz_board_kind_to_node_kind (SzBoardKind kind)
{
  g_return_val_if_fail (kind < SZ_N_BOARD_KINDS, SZ_NODE_COMMUNITY);
  return node_kinds[kind];
}

static void
hash_str (GChecksum  *sum,
          const char *s)
{
  /* A separator that no text contains keeps "ab"+"c" apart from "a"+"bc". */
  if (s != NULL)
    g_checksum_update (sum, (const guchar *) s, strlen (s));
  g_checksum_update (sum, (const guchar *) "\x1f", 1);
}

static void
hash_head (GChecksum         *sum,
           const SzBoardHead *h)
{
  hash_str (sum, h->role);
  hash_str (sum, h->place);
  hash_str (sum, h->name);
  hash_str (sum, h->phone);
  hash_str (sum, h->phone_withheld ? "withheld" : "");
  if (h->photo != NULL)
    g_checksum_update (sum, g_bytes_get_data (h->photo, NULL), g_bytes_get_size (h->photo));
  hash_str (sum, "photo");
  if (h->qr != NULL)
    g_checksum_update (sum, g_bytes_get_data (h->qr, NULL), g_bytes_get_size (h->qr));
  hash_str (sum, "qr");
}

char *
sz_board_hash (const SzBoard *b)
{
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);

  g_return_val_if_fail (b != NULL, NULL);
  hash_str (sum, sz_board_kind_to_string (b->kind));
  /* The labels the layout adds follow the language: a board printed in
   * another is stale.  The default adds nothing, so that the hashes of
   * boards printed before there was a board language still hold. */
  if (b->lang != NULL && !g_str_equal (b->lang, SZ_DOC_LANG_DEFAULT))
    hash_str (sum, b->lang);
  hash_str (sum, b->title);
  hash_str (sum, b->community);
  hash_str (sum, b->grid);
  hash_str (sum, b->place);
  for (guint i = 0; i < b->heads->len; i++)
    hash_head (sum, g_ptr_array_index (b->heads, i));
  hash_str (sum, "rows");
  for (guint i = 0; i < b->rows->len; i++)
    hash_head (sum, g_ptr_array_index (b->rows, i));
  for (guint l = 0; l < SZ_N_LEVELS; l++)
    {
      hash_str (sum, "duties");
      for (guint i = 0; b->duties[l] != NULL && i < b->duties[l]->len; i++)
        hash_str (sum, g_ptr_array_index (b->duties[l], i));
    }
  hash_str (sum, "hotlines");
  for (guint i = 0; i < b->hotlines->len; i++)
    {
      SzBoardHotline *h = g_ptr_array_index (b->hotlines, i);
      hash_str (sum, h->label);
      hash_str (sum, h->number);
    }
  hash_str (sum, b->supervision_phone);
  hash_str (sum, b->office_phone);
  hash_str (sum, b->property);
  /* Only a board with a group hashes it, so that boards printed before
   * there were groups stay current. */
  if (b->group_name != NULL)
    {
      g_autofree char *members = g_strdup_printf ("%d", b->group_members);

      hash_str (sum, "group");
      hash_str (sum, b->group_name);
      hash_str (sum, b->group_admin);
      hash_str (sum, members);
      hash_str (sum, b->group_qr_text);
      if (b->group_qr != NULL)
        g_checksum_update (sum, g_bytes_get_data (b->group_qr, NULL), g_bytes_get_size (b->group_qr));
    }
  hash_str (sum, b->qr_text);
  hash_str (sum, b->qr_caption);
  hash_str (sum, b->vacancy_text);
  return g_strdup (g_checksum_get_string (sum));
}

/* A text as a message may quote it: a control character in a name would
 * vanish from the message (or move the terminal's cursor), so it is
 * shown as its symbol (U+0001 → ␁). */
static char *
quotable (const char *text)
{
  GString *out = g_string_new (NULL);

  for (const char *p = text; p != NULL && *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20)
        g_string_append_unichar (out, 0x2400 + c);
      else if (c == 0x7F)
        g_string_append_unichar (out, 0x2421);
      else if (g_unichar_type (c) == G_UNICODE_CONTROL)
        g_string_append_unichar (out, 0xFFFD);
      else
        g_string_append_unichar (out, c);
    }
  return g_string_free (out, FALSE);
}

/* With @describe FALSE every text is given with "" for where it is: the
 * quick pass of sz_board_check_fonts(), which builds no message until a
 * text needs one. */
static gboolean
foreach_head (const SzBoard     *b,
              const SzBoardHead *h,
              gboolean         (*func) (const char *, const char *, gpointer),
              gpointer           user_data,
              gboolean           describe)
{
  g_autofree char *who = NULL;
  g_autofree char *what_name = NULL;
  g_autofree char *what_place = NULL;
  g_autofree char *what_phone = NULL;
  g_autofree char *name = NULL;
  g_autofree char *place = NULL;

  if (!describe)
    return func (h->role, "", user_data) && func (h->place, "", user_data) && func (h->name, "", user_data)
           && func (h->phone, "", user_data);
  name = quotable (h->name);
  place = quotable (h->place ? h->place : b->place);

  /* Translators: who a text belongs to: place, role, name: "2栋 1单元 单元长 李𡒄" */
  who = g_strdup_printf (_("%s %s %s"), place, h->role, name);
  /* Translators: where a text is: who, then the field */
  what_name = g_strdup_printf (_("%s, name"), who);
  what_place = g_strdup_printf (_("%s, place"), who);
  /* Translators: where a text is: who, then the field */
  what_phone = g_strdup_printf (_("%s, phone"), who);
  return func (h->role, who, user_data)
         && func (h->place, what_place, user_data)
         && func (h->name, what_name, user_data)
         && func (h->phone, what_phone, user_data);
}

static gboolean
foreach_text (const SzBoard *b,
              gboolean     (*func) (const char *text,
                                    const char *what,
                                    gpointer    user_data),
              gpointer       user_data,
              gboolean       describe)
{
  if (!describe)
    {
      const char *texts[] = { b->title, b->community, b->grid, b->place, b->property, b->qr_caption,
                              b->vacancy_text, b->supervision_phone, b->office_phone, b->group_name,
                              b->group_admin };

      for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
        if (!func (texts[i], "", user_data))
          return FALSE;
      for (guint i = 0; i < b->heads->len; i++)
        if (!foreach_head (b, g_ptr_array_index (b->heads, i), func, user_data, FALSE))
          return FALSE;
      for (guint i = 0; i < b->rows->len; i++)
        if (!foreach_head (b, g_ptr_array_index (b->rows, i), func, user_data, FALSE))
          return FALSE;
      for (guint l = 0; l < SZ_N_LEVELS; l++)
        for (guint i = 0; b->duties[l] != NULL && i < b->duties[l]->len; i++)
          if (!func (g_ptr_array_index (b->duties[l], i), "", user_data))
            return FALSE;
      for (guint i = 0; i < b->hotlines->len; i++)
        {
          SzBoardHotline *h = g_ptr_array_index (b->hotlines, i);

          if (!func (h->label, "", user_data) || !func (h->number, "", user_data))
            return FALSE;
        }
      return TRUE;
    }
  if (!func (b->title, _("Board title"), user_data)
      || !func (b->community, _("Community name"), user_data)
      || !func (b->grid, _("Grid"), user_data)
      || !func (b->place, _("Place"), user_data)
      || !func (b->property, _("Property company"), user_data)
      || !func (b->qr_caption, _("QR code caption"), user_data)
      || !func (b->vacancy_text, _("Vacancy wording"), user_data)
      || !func (b->supervision_phone, _("Supervision phone"), user_data)
      || !func (b->office_phone, _("Community office phone"), user_data)
      /* Translators: the field of a WeChat group's name */
      || !func (b->group_name, _("Group name"), user_data))
    return FALSE;
  if (b->group_admin != NULL)
    {
      g_autofree char *place = quotable (b->place);
      g_autofree char *name = quotable (b->group_admin);
      /* Translators: who a text belongs to: place, role, name: "2栋 1单元 单元长 李𡒄";
       * here the role is a WeChat group's admin */
      g_autofree char *who = g_strdup_printf (_("%s %s %s"), place, _("Admin"), name);

      if (!func (b->group_admin, who, user_data))
        return FALSE;
    }
  for (guint i = 0; i < b->heads->len; i++)
    if (!foreach_head (b, g_ptr_array_index (b->heads, i), func, user_data, TRUE))
      return FALSE;
  for (guint i = 0; i < b->rows->len; i++)
    if (!foreach_head (b, g_ptr_array_index (b->rows, i), func, user_data, TRUE))
      return FALSE;
  for (guint l = 0; l < SZ_N_LEVELS; l++)
    {
      g_autofree char *what = NULL;

      if (b->duties[l] == NULL || b->duties[l]->len == 0)
        continue;
      /* Translators: heading of a level's duties: "单元长职责" */
      what = g_strdup_printf (_("%s’s duties"), sz_level_head_title (l));
      for (guint i = 0; i < b->duties[l]->len; i++)
        if (!func (g_ptr_array_index (b->duties[l], i), what, user_data))
          return FALSE;
    }
  for (guint i = 0; i < b->hotlines->len; i++)
    {
      SzBoardHotline *h = g_ptr_array_index (b->hotlines, i);
      g_autofree char *label = quotable (h->label);
      g_autofree char *what_label = NULL;
      g_autofree char *what_number = NULL;

      /* Translators: where a text is: a service hotline, by its name
       * (“自来水抢修”), then the field */
      what_label = g_strdup_printf (_("Hotline “%s”, name"), label);
      /* Translators: where a text is: a service hotline, by its name
       * (“自来水抢修”), then the field */
      what_number = g_strdup_printf (_("Hotline “%s”, number"), label);
      if (!func (h->label, what_label, user_data) || !func (h->number, what_number, user_data))
        return FALSE;
    }
  return TRUE;
}

gboolean
sz_board_foreach_text (const SzBoard *b,
                       gboolean     (*func) (const char *text,
                                               const char *what,
                                               gpointer    user_data),
                       gpointer       user_data)
{
  g_return_val_if_fail (b != NULL && func != NULL, FALSE);

  return foreach_text (b, func, user_data, TRUE);
}

/* The quick pass: FALSE (stop) at the first text that the fonts refuse or
 * that libharu cannot encode. */
static gboolean
quick_check_cb (const char *text,
                const char *what,
                gpointer    user_data)
{
  gunichar c = 0;

  return text == NULL || (sz_fonts_check_text (user_data, text, what, &c, NULL) && c == 0);
}

typedef struct
{
  SzFonts    *fonts;
  gunichar    haru_char;
  char       *haru_what;
  GHashTable *seen;       /* messages already given */
  GString    *refused;
} FontCheck;

static gboolean
check_text_cb (const char *text,
               const char *what,
               gpointer    user_data)
{
  FontCheck *check = user_data;
  g_autoptr(GError) error = NULL;
  gunichar c = 0;

  if (text == NULL)
    return TRUE;
  /* Every problem is listed, not only the first: the user fixes them all
   * in one go. */
  if (!sz_fonts_check_text (check->fonts, text, what, &c, &error))
    {
      if (g_hash_table_add (check->seen, g_strdup (error->message)))
        {
          if (check->refused->len > 0)
            g_string_append_c (check->refused, '\n');
          g_string_append (check->refused, error->message);
        }
    }
  else if (c != 0 && check->haru_char == 0)
    {
      check->haru_char = c;
      check->haru_what = g_strdup (what);
    }
  return TRUE;
}

gboolean
sz_board_check_fonts (const SzBoard  *board,
                      SzFonts        *fonts,
                      gunichar       *haru_char,
                      char          **haru_what,
                      GError        **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) refused = g_string_new (NULL);
  FontCheck check = { fonts, 0, NULL, seen, refused };

  g_return_val_if_fail (board != NULL && fonts != NULL, FALSE);

  /* Nearly every board passes: saying where a text is costs more than
   * checking it, so the messages are built only for a board that needs
   * them. */
  if (foreach_text (board, quick_check_cb, fonts, FALSE))
    {
      if (haru_char != NULL)
        *haru_char = 0;
      if (haru_what != NULL)
        *haru_what = NULL;
      return TRUE;
    }
  foreach_text (board, check_text_cb, &check, TRUE);
  if (haru_char != NULL)
    *haru_char = refused->len > 0 ? 0 : check.haru_char;
  if (haru_what != NULL)
    *haru_what = refused->len > 0 ? NULL : g_steal_pointer (&check.haru_what);
  g_free (check.haru_what);
  if (refused->len > 0)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT, refused->str);
      return FALSE;
    }
  return TRUE;
}
