/* sz-wechat.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

/* WeChat groups hold at most 500 members. */
#define SZ_WECHAT_MEMBERS_MAX 500
/* A group's own QR code stops working 7 days after it was shown. */
#define SZ_WECHAT_GROUP_CODE_DAYS 7

/* What a QR image holds, read by decoding it. */
typedef enum
{
  SZ_QR_NONE,      /* no code could be read: a photo, a blurred screenshot */
  SZ_QR_PERSONAL,  /* a person's WeChat code (https://u.wechat.com/…): lasts */
  SZ_QR_GROUP,     /* a group's code (https://weixin.qq.com/g/…): expires in 7 days */
  SZ_QR_OTHER,     /* some other code: a web page, an official account */
} SzQrKind;

/* What is wrong with a group's record, as bits. */
typedef enum
{
  SZ_WECHAT_WARN_NONE       = 0,
  SZ_WECHAT_WARN_NO_IMAGE   = 1 << 0,  /* no QR image: the board prints none */
  SZ_WECHAT_WARN_OLD        = 1 << 1,  /* taken longer ago than the community's qr_max_age_days */
  SZ_WECHAT_WARN_GROUP_CODE = 1 << 2,  /* a group code, which will have expired on the board */
  SZ_WECHAT_WARN_NO_CODE    = 1 << 3,  /* no QR code can be read in the image */
  SZ_WECHAT_WARN_OTHER_CODE = 1 << 4,  /* a code, but not a WeChat one */
  SZ_WECHAT_WARN_NO_ADMIN   = 1 << 5,  /* the admin was deleted */
} SzWechatWarnings;

/* The WeChat group of one grid, building or unit. */
typedef struct
{
  gint64      id;               /* 0 until saved */
  gint64      community_id;     /* read only: the place's */
  SzLevel     level;
  gint64      place_id;         /* a grid, building or unit id after @level */
  char       *name;             /* "丰和林苑2栋1单元居民群" */
  gint64      admin_person_id;  /* 0: none (the admin was deleted) */
  char       *admin_name;       /* read only */
  int         members;          /* 0 … SZ_WECHAT_MEMBERS_MAX */
  /* The admin's QR image and the day it was taken; NULL: none.  Saving
   * reads the type from the bytes. */
  GBytes     *qr_data;
  char       *qr_mime_type;     /* read only: "image/png", "image/jpeg" */
  char       *qr_taken_on;      /* YYYY-MM-DD; NULL with an image: today */
  /* Read only, filled by sz_wechat_group_get() and the lists: what the
   * image decodes to. */
  SzQrKind    qr_kind;
  char       *qr_text;          /* the decoded text, or NULL */
} SzWechatGroup;

SzWechatGroup *sz_wechat_group_new          (void);
void           sz_wechat_group_free         (SzWechatGroup  *group);
SzWechatGroup *sz_wechat_group_copy         (const SzWechatGroup *group);

/* Decodes @data (a PNG or JPEG) and says what its QR code is; @text gets
 * the decoded text (NULL for SZ_QR_NONE).  FALSE with SZ_IMAGE_ERROR when
 * the bytes are not an image that can be read; @field names it. */
gboolean       sz_qr_classify_image         (GBytes         *data,
                                             const char     *field,
                                             SzQrKind       *kind,
                                             char          **text,
                                             GError        **error);
/* The same from the decoded text alone. */
SzQrKind       sz_qr_kind_from_text         (const char     *text);

/* The place's group with its image, or NULL without error when the place
 * has none.  This is what the unit and building boards print: the name,
 * the admin's name, the image (qr_data, qr_mime_type, qr_taken_on) and
 * the members; print the image only when qr_kind is SZ_QR_PERSONAL (a
 * group code will have expired by the time residents scan it). */
SzWechatGroup *sz_wechat_group_get          (SzDb           *db,
                                             SzLevel         level,
                                             gint64          place_id,
                                             GError        **error);
/* For the unit and building boards (and the grid's): the place's group
 * to print — name, admin_name, members, and the admin's image (qr_data,
 * qr_mime_type, qr_taken_on) — or NULL without error when the place has
 * none.  A group's own code is left out (qr_data NULL, qr_kind still
 * SZ_QR_GROUP): it will have expired when residents scan the board. */
SzWechatGroup *sz_wechat_group_for_board    (SzDb           *db,
                                             SzLevel         level,
                                             gint64          place_id,
                                             GError        **error);
/* The places of @community_id that have a group, as "grid:12",
 * "building:3", "unit:141" (sz_level_to_string()), in one query. */
GHashTable    *sz_wechat_group_places       (SzDb          *db,
                                             gint64         community_id,
                                             GError       **error);
/* Inserts the place's group or replaces it (one group per place), in one
 * transaction: validates the name (required, up to 60 characters), the
 * members (0 … 500), the admin (a person of the place's community, or 0),
 * the image (sz_image_inspect()) and its date (NULL: today).  Errors name
 * the field.  Sets @group's id and community. */
gboolean       sz_wechat_group_set          (SzDb           *db,
                                             SzWechatGroup  *group,
                                             GError        **error);
/* Removes the place's group; NOT_FOUND when it has none. */
gboolean       sz_wechat_group_clear        (SzDb           *db,
                                             SzLevel         level,
                                             gint64          place_id,
                                             GError        **error);
/* Every group of the community, grid by grid then building and unit, with
 * their images decoded (qr_kind, qr_text) but without the bytes unless
 * @with_images. */
GPtrArray     *sz_wechat_group_list         (SzDb           *db,
                                             gint64          community_id,
                                             gboolean        with_images,
                                             GError        **error);

/* What is wrong with @group (which must have been read with its image
 * decoded) on @today (YYYY-MM-DD; NULL: the local date) for a community
 * that warns about QR images older than @max_age_days. */
SzWechatWarnings sz_wechat_group_warnings   (const SzWechatGroup *group,
                                             int             max_age_days,
                                             const char     *today);
/* One translated sentence per warning, for the place page and the CLI;
 * NULL-terminated, empty when there is nothing to say. */
char         **sz_wechat_warning_texts      (const SzWechatGroup *group,
                                             SzWechatWarnings warnings,
                                             int             max_age_days);

/* A personal code's QR image, PNG, drawn from @text (for the demo and the
 * tests): @scale pixels a module, a 4-module margin. */
GBytes        *sz_qr_png_new                (const char     *text,
                                             int             scale,
                                             GError        **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzWechatGroup, sz_wechat_group_free)

G_END_DECLS
