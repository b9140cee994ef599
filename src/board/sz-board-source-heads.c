/* sz-board-source-heads.c: what a board prints of a head (name, phone
 * with consent, photo, WeChat code) and of the place's WeChat group.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>

#include "sz-board-source-private.h"
#include "sz-image.h"
#include "sz-person.h"
#include "sz-phone.h"
#include "sz-wechat.h"

static void
picture_free (Picture *p)
{
  if (p == NULL)
    return;
  g_bytes_unref (p->data);
  g_free (p->mime);
  g_free (p->taken_on);
  g_free (p->checksum);
  g_free (p);
}

void
_sz_board_pictures_free (gpointer data)
{
  Pictures *p = data;

  picture_free (p->photo);
  picture_free (p->qr);
  g_free (p);
}

/* The place's WeChat group onto @b.  A group that cannot be read is left
 * off the board rather than stopping the batch, as a picture is. */
void
_sz_board_source_load_group (SzBoardSource *source,
            SzBoard       *b,
            SzLevel        level,
            gint64         place_id)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *key = g_strdup_printf ("%s:%" G_GINT64_FORMAT, sz_level_to_string (level), place_id);
  SzWechatGroup *g;
  const char *mime;
  int width, height;

  if (!g_hash_table_contains (source->group_places, key))
    return;
  g = sz_wechat_group_for_board (source->db, level, place_id, &error);

  if (g == NULL)
    {
      if (error != NULL)
        g_debug ("the WeChat group of %s is left off its board: %s", b->place, error->message);
      return;
    }
  b->group_name = g_strdup (g->name);
  b->group_admin = g_strdup (g->admin_name);
  b->group_members = g->members;
  /* A personal code is printed from its link: a phone's screenshot has
   * the code small in the middle of a tall picture. */
  if (g->qr_kind == SZ_QR_PERSONAL && g->qr_text != NULL)
    b->group_qr_text = g_strdup (g->qr_text);
  else if (g->qr_data != NULL && sz_image_inspect (g->qr_data, "", &mime, &width, &height, NULL))
    {
      b->group_qr = g_bytes_ref (g->qr_data);
      b->group_qr_mime = g_strdup (mime);
      b->group_qr_width = width;
      b->group_qr_height = height;
    }
  sz_wechat_group_free (g);
}

static Picture *
load_picture (SzBoardSource *source,
              gint64         person_id,
              SzImageKind    kind)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *mime = NULL;
  g_autofree char *taken_on = NULL;
  g_autoptr(GBytes) data = sz_person_get_image (source->db, person_id, kind, &mime, &taken_on, &error);
  Picture *p;
  const char *checked_mime;
  int width, height;

  /* The image was checked when it was stored; one that no longer reads
   * is left off the board rather than stopping the batch. */
  if (data == NULL || !sz_image_inspect (data, "", &checked_mime, &width, &height, NULL))
    return NULL;
  p = g_new0 (Picture, 1);
  p->data = g_steal_pointer (&data);
  p->mime = g_strdup (checked_mime);
  p->width = width;
  p->height = height;
  p->taken_on = g_steal_pointer (&taken_on);
  p->checksum = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, p->data);
  return p;
}

static Pictures *
get_pictures (SzBoardSource *source,
              gint64         person_id)
{
  Pictures *p = g_hash_table_lookup (source->pictures, &person_id);

  if (p == NULL)
    {
      gboolean any = g_hash_table_contains (source->with_images, &person_id);

      p = g_new0 (Pictures, 1);
      p->photo = any ? load_picture (source, person_id, SZ_IMAGE_PHOTO) : NULL;
      p->qr = any ? load_picture (source, person_id, SZ_IMAGE_QR) : NULL;
      g_hash_table_insert (source->pictures, g_memdup2 (&person_id, sizeof person_id), p);
    }
  return p;
}

static SzLevel
node_level (const SzTreeNode *node)
{
  switch (node->kind)
    {
    case SZ_NODE_GRID:
      return SZ_LEVEL_GRID;
    case SZ_NODE_BUILDING:
      return SZ_LEVEL_BUILDING;
    case SZ_NODE_UNIT:
    case SZ_NODE_COMMUNITY:
    case SZ_NODE_COMPOUND:
    default:
      return SZ_LEVEL_UNIT;
    }
}

SzBoardHead *
_sz_board_source_make_head (SzBoardSource    *source,
           const SzTreeNode *node,
           const char       *place)
{
  SzBoardHead *h = g_new0 (SzBoardHead, 1);

  h->level = node_level (node);
  h->role = g_strdup (sz_board_level_head_title (source->lang, h->level));
  h->place = g_strdup (place);
  h->person_id = node->head_person_id;
  if (h->person_id == 0)
    return h;
  h->name = g_strdup (node->head_name);
  if (node->head_consent && node->head_phone != NULL)
    h->phone = sz_phone_format (node->head_phone);
  else
    {
      /* No recorded consent: the office's number stands in, marked so. */
      h->phone = g_strdup (source->office);
      h->phone_withheld = TRUE;
    }
  {
    Pictures *pics = get_pictures (source, h->person_id);

    if (pics->photo != NULL)
      {
        h->photo = g_bytes_ref (pics->photo->data);
        h->photo_mime = g_strdup (pics->photo->mime);
        h->photo_width = pics->photo->width;
        h->photo_height = pics->photo->height;
      }
    if (pics->qr != NULL)
      {
        GDate taken;

        h->qr = g_bytes_ref (pics->qr->data);
        h->qr_mime = g_strdup (pics->qr->mime);
        h->qr_width = pics->qr->width;
        h->qr_height = pics->qr->height;
        h->qr_taken_on = g_strdup (pics->qr->taken_on);
        g_date_clear (&taken, 1);
        g_date_set_parse (&taken, h->qr_taken_on);
        h->qr_old = !g_date_valid (&taken)
                    || g_date_days_between (&taken, &source->today) > source->community->qr_max_age_days;
      }
  }
  return h;
}

