/* sz-person.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "sz-core-types.h"

G_BEGIN_DECLS

/* A head, or someone who may become one.  Residents who report issues are
 * not people here: their details stay with their records. */
typedef struct
{
  gint64    id;
  /* The community the person belongs to: required for a new person; a
   * saved person stays in theirs (saving never moves them). */
  gint64    community_id;
  char     *name;
  char     *gender;          /* "", "male", "female" */
  char     *phone;           /* normal form after saving */
  char     *phone2;
  gboolean  party_member;
  char     *background;      /* see sz_person_backgrounds() */
  gint64    home_unit_id;    /* 0: not recorded */
  /* Whether the phone may be printed on a board, and when that yes or no
   * was recorded.  No date: never asked, which prints no phone. */
  gboolean  phone_consent;
  char     *consent_date;
  /* Where that answer was recorded from when not by this program's form:
   * “Import of “名册.xlsx”” for a roster that said yes without a date.
   * NULL or "": the form. */
  char     *consent_source;
  char     *notes;
  /* The row's version when it was read (sz_audit_version(), set by
   * sz_person_get()): a save is refused if someone changed the person
   * since.  0: not checked (a new person, an undo). */
  gint64    version;
  /* Read only: written by save from the name. */
  char     *name_pinyin;
  char     *name_initials;
} SzPerson;

typedef enum
{
  SZ_IMAGE_PHOTO,
  SZ_IMAGE_QR,   /* a personal WeChat QR code, with the day it was taken */
} SzImageKind;

SzPerson            *sz_person_new              (void);
void                 sz_person_free             (SzPerson     *person);
gboolean             sz_person_save             (SzDb         *db,
                                                 SzPerson     *person,
                                                 GError      **error);
SzPerson            *sz_person_get              (SzDb         *db,
                                                 gint64        id,
                                                 GError      **error);
/* The people of @community_id, in pinyin order. */
/* The people of @community_id with a photo or a QR image (gint64* keys),
 * in one query: a batch of boards asks only for theirs. */
GHashTable          *sz_person_ids_with_images  (SzDb         *db,
                                                 gint64        community_id,
                                                 GError      **error);
GPtrArray           *sz_person_list_in          (SzDb         *db,
                                                 gint64        community_id,
                                                 GError      **error);
/* Everyone in every community, in pinyin order: for tools and tests; the
 * app and the CLI list one community with sz_person_list_in(). */
GPtrArray           *sz_person_list             (SzDb         *db,
                                                 GError      **error);
/* Refused while the person has posts: their history is kept. */
gboolean             sz_person_delete           (SzDb         *db,
                                                 gint64        id,
                                                 GError      **error);

/* Validated with sz_image_inspect(); @taken_on NULL means today. */
gboolean             sz_person_set_image        (SzDb         *db,
                                                 gint64        person_id,
                                                 SzImageKind   kind,
                                                 GBytes       *data,
                                                 const char   *taken_on,
                                                 GError      **error);
/* NULL without error when there is none. */
GBytes              *sz_person_get_image        (SzDb         *db,
                                                 gint64        person_id,
                                                 SzImageKind   kind,
                                                 char        **mime_type,
                                                 char        **taken_on,
                                                 GError      **error);
gboolean             sz_person_clear_image      (SzDb         *db,
                                                 gint64        person_id,
                                                 SzImageKind   kind,
                                                 GError      **error);

/* The background codes, NULL-terminated, and their translated titles. */
const char * const  *sz_person_backgrounds      (void);
const char          *sz_person_background_title (const char   *code);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzPerson, sz_person_free)

G_END_DECLS
