/* sz-wechat.c: the heads' WeChat groups, one per grid, building and unit
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gi18n-lib.h>
#include <qrencode.h>
#include <string.h>
#include <gmodule.h>
#include <zbar.h>

#include "sz-db.h"
#include "sz-image.h"
#include "sz-post.h"
#include "sz-roster.h"
#include "sz-tree.h"
#include "sz-wechat.h"

SzWechatGroup *
sz_wechat_group_new (void)
{
  return g_new0 (SzWechatGroup, 1);
}

void
sz_wechat_group_free (SzWechatGroup *group)
{
  if (group == NULL)
    return;
  g_free (group->name);
  g_free (group->admin_name);
  g_clear_pointer (&group->qr_data, g_bytes_unref);
  g_free (group->qr_mime_type);
  g_free (group->qr_taken_on);
  g_free (group->qr_text);
  g_free (group);
}

SzWechatGroup *
sz_wechat_group_copy (const SzWechatGroup *group)
{
  SzWechatGroup *copy;

  g_return_val_if_fail (group != NULL, NULL);

  copy = g_memdup2 (group, sizeof *group);
  copy->name = g_strdup (group->name);
  copy->admin_name = g_strdup (group->admin_name);
  copy->qr_data = group->qr_data ? g_bytes_ref (group->qr_data) : NULL;
  copy->qr_mime_type = g_strdup (group->qr_mime_type);
  copy->qr_taken_on = g_strdup (group->qr_taken_on);
  copy->qr_text = g_strdup (group->qr_text);
  return copy;
}

/* Decoding */

/* What the codes WeChat shows decode to (seen in public code that scans
 * them): a group's "https://weixin.qq.com/g/<token>", a person's
 * "https://u.wechat.com/<token>", sometimes with "?s=2".  Older clients
 * wrote http. */
SzQrKind
sz_qr_kind_from_text (const char *text)
{
  static const char * const group[] = { "https://weixin.qq.com/g/", "http://weixin.qq.com/g/" };
  static const char * const personal[] = { "https://u.wechat.com/", "http://u.wechat.com/" };

  if (text == NULL || *text == '\0')
    return SZ_QR_NONE;
  for (guint i = 0; i < G_N_ELEMENTS (group); i++)
    if (g_ascii_strncasecmp (text, group[i], strlen (group[i])) == 0 && text[strlen (group[i])] != '\0')
      return SZ_QR_GROUP;
  for (guint i = 0; i < G_N_ELEMENTS (personal); i++)
    if (g_ascii_strncasecmp (text, personal[i], strlen (personal[i])) == 0 && text[strlen (personal[i])] != '\0')
      return SZ_QR_PERSONAL;
  return SZ_QR_OTHER;
}

static GdkPixbuf *
pixbuf_from_bytes (GBytes      *data,
                   const char  *field,
                   GError     **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *mime = NULL;
  GdkPixbuf *pixbuf;

  /* The type from the bytes' own header: GdkPixbuf would guess it through
   * the shared MIME database, which a test's isolated folders lack. */
  if (!sz_image_inspect (data, field, &mime, NULL, NULL, error))
    return NULL;
  loader = gdk_pixbuf_loader_new_with_mime_type (mime, &local_error);
  if (loader == NULL
      || !gdk_pixbuf_loader_write_bytes (loader, data, &local_error)
      || !gdk_pixbuf_loader_close (loader, &local_error)
      || (pixbuf = gdk_pixbuf_loader_get_pixbuf (loader)) == NULL)
    {
      if (loader != NULL && local_error == NULL)
        gdk_pixbuf_loader_close (loader, NULL);
      g_set_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_FORMAT,
                   /* Translators: %s names the field ("WeChat QR code"), then why the image cannot be read */
                   _("%s: the image cannot be read (%s)."), field,
                   local_error ? local_error->message : _("no picture in the file"));
      return NULL;
    }
  /* A phone's photo may be stored on its side; codes read either way,
   * but the preview should not. */
  return gdk_pixbuf_apply_embedded_orientation (pixbuf);
}

/* 8-bit grey, alpha over white (a screenshot's transparent margin). */
static guint8 *
grey_from_pixbuf (GdkPixbuf *pixbuf)
{
  int width = gdk_pixbuf_get_width (pixbuf);
  int height = gdk_pixbuf_get_height (pixbuf);
  int stride = gdk_pixbuf_get_rowstride (pixbuf);
  int channels = gdk_pixbuf_get_n_channels (pixbuf);
  gboolean alpha = gdk_pixbuf_get_has_alpha (pixbuf);
  const guint8 *pixels = gdk_pixbuf_read_pixels (pixbuf);
  guint8 *grey = g_malloc ((gsize) width * height);

  for (int y = 0; y < height; y++)
    for (int x = 0; x < width; x++)
      {
        const guint8 *p = pixels + (gsize) y * stride + (gsize) x * channels;
        guint v = channels >= 3 ? (p[0] * 299u + p[1] * 587u + p[2] * 114u) / 1000u : p[0];

        if (alpha)
          v = (v * p[channels - 1] + 255u * (255u - p[channels - 1])) / 255u;
        grey[(gsize) y * width + x] = (guint8) v;
      }
  return grey;
}

/* libzbar is loaded when the first image is read, not when the program
 * starts: with its own libraries (video, X11, D-Bus, systemd) it is a
 * sixth of the libraries every command of the CLI would load, and only
 * saving a group's image reads one. */
typedef struct
{
  __typeof__ (zbar_image_scanner_create)     *image_scanner_create;
  __typeof__ (zbar_image_scanner_set_config) *image_scanner_set_config;
  __typeof__ (zbar_image_scanner_destroy)    *image_scanner_destroy;
  __typeof__ (zbar_image_create)             *image_create;
  __typeof__ (zbar_image_set_format)         *image_set_format;
  __typeof__ (zbar_image_set_size)           *image_set_size;
  __typeof__ (zbar_image_set_data)           *image_set_data;
  __typeof__ (zbar_scan_image)               *scan_image;
  __typeof__ (zbar_image_first_symbol)       *image_first_symbol;
  __typeof__ (zbar_symbol_next)              *symbol_next;
  __typeof__ (zbar_symbol_get_data)          *symbol_get_data;
  __typeof__ (zbar_image_destroy)            *image_destroy;
} Zbar;

static const Zbar *
zbar_get (GError **error)
{
  static gsize once;
  static Zbar zbar;
  static gboolean ok;
  static char *why;

  if (g_once_init_enter (&once))
    {
      const struct { const char *name; gpointer *symbol; } symbols[] = {
        { "zbar_image_scanner_create", (gpointer *) &zbar.image_scanner_create },
        { "zbar_image_scanner_set_config", (gpointer *) &zbar.image_scanner_set_config },
        { "zbar_image_scanner_destroy", (gpointer *) &zbar.image_scanner_destroy },
        { "zbar_image_create", (gpointer *) &zbar.image_create },
        { "zbar_image_set_format", (gpointer *) &zbar.image_set_format },
        { "zbar_image_set_size", (gpointer *) &zbar.image_set_size },
        { "zbar_image_set_data", (gpointer *) &zbar.image_set_data },
        { "zbar_scan_image", (gpointer *) &zbar.scan_image },
        { "zbar_image_first_symbol", (gpointer *) &zbar.image_first_symbol },
        { "zbar_symbol_next", (gpointer *) &zbar.symbol_next },
        { "zbar_symbol_get_data", (gpointer *) &zbar.symbol_get_data },
        { "zbar_image_destroy", (gpointer *) &zbar.image_destroy },
      };
      GModule *module = g_module_open ("libzbar.so.0", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);

      ok = module != NULL;
      for (guint i = 0; ok && i < G_N_ELEMENTS (symbols); i++)
        ok = g_module_symbol (module, symbols[i].name, symbols[i].symbol) && *symbols[i].symbol != NULL;
      if (ok)
        g_module_make_resident (module);
      else
        {
          why = g_strdup (g_module_error ());
          if (module != NULL)
            g_module_close (module);
        }
      g_once_init_leave (&once, 1);
    }
  if (!ok)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   /* Translators: %s is the system's reason */
                   _("The QR code reader (libzbar, Debian package libzbar0) could not be loaded: %s"),
                   why ? why : "");
      return NULL;
    }
  return &zbar;
}

gboolean
sz_qr_classify_image (GBytes      *data,
                      const char  *field,
                      SzQrKind    *kind,
                      char       **text,
                      GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  g_autofree guint8 *grey = NULL;
  g_autofree char *found = NULL;
  zbar_image_scanner_t *scanner;
  zbar_image_t *image;
  SzQrKind best = SZ_QR_NONE;
  const Zbar *zb;
  int width, height;

  g_return_val_if_fail (data != NULL, FALSE);

  zb = zbar_get (error);
  if (zb == NULL)
    return FALSE;
  pixbuf = pixbuf_from_bytes (data, field ? field : _("Image"), error);
  if (pixbuf == NULL)
    return FALSE;
  width = gdk_pixbuf_get_width (pixbuf);
  height = gdk_pixbuf_get_height (pixbuf);
  grey = grey_from_pixbuf (pixbuf);

  scanner = zb->image_scanner_create ();
  zb->image_scanner_set_config (scanner, ZBAR_NONE, ZBAR_CFG_ENABLE, 0);
  zb->image_scanner_set_config (scanner, ZBAR_QRCODE, ZBAR_CFG_ENABLE, 1);
  image = zb->image_create ();
  zb->image_set_format (image, zbar_fourcc ('Y', '8', '0', '0'));
  zb->image_set_size (image, width, height);
  zb->image_set_data (image, grey, (unsigned long) width * height, NULL);
  if (zb->scan_image (scanner, image) > 0)
    {
      /* A screenshot may hold several codes: a group code anywhere is
       * what matters (it will expire), then a personal one. */
      for (const zbar_symbol_t *s = zb->image_first_symbol (image); s != NULL; s = zb->symbol_next (s))
        {
          const char *t = zb->symbol_get_data (s);
          SzQrKind k = sz_qr_kind_from_text (t);
          int rank_k = k == SZ_QR_GROUP ? 3 : k == SZ_QR_PERSONAL ? 2 : k == SZ_QR_OTHER ? 1 : 0;
          int rank_best = best == SZ_QR_GROUP ? 3 : best == SZ_QR_PERSONAL ? 2 : best == SZ_QR_OTHER ? 1 : 0;

          if (rank_k > rank_best)
            {
              best = k;
              g_free (found);
              found = g_strdup (t);
            }
        }
    }
  zb->image_destroy (image);
  zb->image_scanner_destroy (scanner);

  if (kind != NULL)
    *kind = best;
  if (text != NULL)
    *text = g_steal_pointer (&found);
  return TRUE;
}

GBytes *
sz_qr_png_new (const char  *text,
               int          scale,
               GError     **error)
{
  g_autoptr(GdkPixbuf) pixbuf = NULL;
  QRcode *code;
  const int margin = 4;
  gchar *buffer = NULL;
  gsize size = 0;
  int side;

  g_return_val_if_fail (text != NULL && scale > 0, NULL);

  code = QRcode_encodeString8bit (text, 0, QR_ECLEVEL_M);
  if (code == NULL)
    {
      g_set_error (error, SZ_IMAGE_ERROR, SZ_IMAGE_ERROR_FORMAT,
                   /* Translators: %s is what was to be encoded */
                   _("The QR code for “%s” cannot be made."), text);
      return NULL;
    }
  side = (code->width + 2 * margin) * scale;
  pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, side, side);
  gdk_pixbuf_fill (pixbuf, 0xffffffff);
  for (int y = 0; y < code->width; y++)
    for (int x = 0; x < code->width; x++)
      if (code->data[y * code->width + x] & 1)
        {
          g_autoptr(GdkPixbuf) dot = gdk_pixbuf_new_subpixbuf (pixbuf, (x + margin) * scale, (y + margin) * scale,
                                                               scale, scale);
          gdk_pixbuf_fill (dot, 0x000000ff);
        }
  QRcode_free (code);
  if (!gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &size, "png", error, NULL))
    return NULL;
  return g_bytes_new_take (buffer, size);
}

/* The database */

static const char *
level_column (SzLevel level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID: return "grid_id";
    case SZ_LEVEL_BUILDING: return "building_id";
    case SZ_LEVEL_UNIT: return "unit_id";
    default: g_return_val_if_reached ("grid_id");
    }
}

/* The place's community, or 0 with NOT_FOUND naming the place. */
static gint64
place_community (SzDb     *db,
                 SzLevel   level,
                 gint64    place_id,
                 GError  **error)
{
  static const char * const sql[] = {
    [SZ_LEVEL_GRID] = "SELECT community_id FROM grid WHERE id = ?1",
    [SZ_LEVEL_BUILDING] = "SELECT c.community_id FROM building b JOIN compound c ON c.id = b.compound_id"
                          " WHERE b.id = ?1",
    [SZ_LEVEL_UNIT] = "SELECT c.community_id FROM unit u JOIN building b ON b.id = u.building_id"
                      " JOIN compound c ON c.id = b.compound_id WHERE u.id = ?1",
  };
  SzStmt *stmt;
  gint64 community = 0;
  int rc;

  g_assert (level < SZ_N_LEVELS);
  stmt = sz_db_prepare (db, sql[level], error);
  if (stmt == NULL)
    return 0;
  sz_stmt_bind_int64 (stmt, 1, place_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    community = sz_stmt_column_int64 (stmt, 0);
  else if (rc == SQLITE_DONE)
    sz_set_not_found (error, sz_level_place_title (level), place_id);
  sz_stmt_reset (stmt);
  return community;
}

#define GROUP_COLUMNS \
  "w.id, w.community_id, w.level, coalesce (w.grid_id, w.building_id, w.unit_id), w.name," \
  " w.admin_person_id, n.name, w.members, w.qr_mime_type, w.qr_taken_on, w.qr_data, w.qr_decoded"

/* Decoding every image of a city's groups at each check run costs:
 * what an image decodes to is kept with the connection, by its digest. */
#define QR_CACHE_KEY "sz-wechat-qr-cache"

/* "<kind digit><text>", as the cache and the qr_decoded column keep it. */
static void
decoded_apply (const char    *decoded,
               SzWechatGroup *g)
{
  g->qr_kind = decoded[0] - '0';
  g->qr_text = decoded[1] ? g_strdup (decoded + 1) : NULL;
}

static char *
decoded_new (SzQrKind    kind,
             const char *text)
{
  return g_strdup_printf ("%d%s", (int) kind, text ? text : "");
}

static void
classify_cached (SzDb           *db,
                 GBytes         *bytes,
                 SzWechatGroup  *g)
{
  GHashTable *cache = sz_db_get_data (db, QR_CACHE_KEY);
  g_autofree char *digest = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  const char *hit;

  if (cache == NULL)
    {
      cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      sz_db_set_data_full (db, QR_CACHE_KEY, cache, (GDestroyNotify) g_hash_table_unref);
    }
  hit = g_hash_table_lookup (cache, digest);
  if (hit != NULL)
    {
      decoded_apply (hit, g);
      return;
    }
  /* Stored bytes passed sz_image_inspect(); one GDK cannot read is
   * reported as holding no code. */
  if (!sz_qr_classify_image (bytes, NULL, &g->qr_kind, &g->qr_text, NULL))
    g->qr_kind = SZ_QR_NONE;
  g_hash_table_insert (cache, g_steal_pointer (&digest), decoded_new (g->qr_kind, g->qr_text));
}

/* With @with_image the bytes stay in the record; the image is decoded
 * either way. */
static SzWechatGroup *
group_from_row (SzDb         *db,
                SzStmt *stmt,
                gboolean      with_image)
{
  SzWechatGroup *g = sz_wechat_group_new ();

  g->id = sz_stmt_column_int64 (stmt, 0);
  g->community_id = sz_stmt_column_int64 (stmt, 1);
  sz_level_from_string ((const char *) sz_stmt_column_text (stmt, 2), &g->level);
  g->place_id = sz_stmt_column_int64 (stmt, 3);
  g->name = sz_db_column_dup (stmt, 4);
  g->admin_person_id = sz_stmt_column_int64 (stmt, 5);
  g->admin_name = sz_db_column_dup (stmt, 6);
  g->members = sz_stmt_column_int (stmt, 7);
  g->qr_mime_type = sz_db_column_dup (stmt, 8);
  g->qr_taken_on = sz_db_column_dup (stmt, 9);
  if (sz_stmt_column_type (stmt, 10) == SQLITE_BLOB)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (sz_stmt_column_blob (stmt, 10), sz_stmt_column_bytes (stmt, 10));

      const char *decoded = (const char *) sz_stmt_column_text (stmt, 11);

      if (decoded != NULL && decoded[0] >= '0' && decoded[0] <= '3')
        decoded_apply (decoded, g);
      else
        classify_cached (db, bytes, g);
      if (with_image)
        g->qr_data = g_steal_pointer (&bytes);
    }
  return g;
}

SzWechatGroup *
sz_wechat_group_get (SzDb     *db,
                     SzLevel   level,
                     gint64    place_id,
                     GError  **error)
{
  g_autofree char *sql = NULL;
  SzStmt *stmt;
  SzWechatGroup *g = NULL;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (level < SZ_N_LEVELS, NULL);

  sql = g_strdup_printf ("SELECT " GROUP_COLUMNS " FROM wechat_group w"
                         " LEFT JOIN person n ON n.id = w.admin_person_id WHERE w.%s = ?1",
                         level_column (level));
  stmt = sz_db_prepare (db, sql, error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, place_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW)
    g = group_from_row (db, stmt, TRUE);
  sz_stmt_reset (stmt);
  return g;
}

SzWechatGroup *
sz_wechat_group_for_board (SzDb     *db,
                           SzLevel   level,
                           gint64    place_id,
                           GError  **error)
{
  SzWechatGroup *g = sz_wechat_group_get (db, level, place_id, error);

  if (g != NULL && g->qr_kind == SZ_QR_GROUP)
    {
      g_clear_pointer (&g->qr_data, g_bytes_unref);
      g_clear_pointer (&g->qr_mime_type, g_free);
      g_clear_pointer (&g->qr_taken_on, g_free);
    }
  return g;
}

GHashTable *
sz_wechat_group_places (SzDb     *db,
                        gint64    community_id,
                        GError  **error)
{
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT level, coalesce (grid_id, building_id, unit_id) FROM wechat_group"
                            " WHERE community_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_hash_table_add (places, g_strdup_printf ("%s:%" G_GINT64_FORMAT, (const char *) sz_stmt_column_text (stmt, 0),
                                               sz_stmt_column_int64 (stmt, 1)));
  sz_stmt_reset (stmt);
  return rc == SQLITE_DONE ? g_steal_pointer (&places) : NULL;
}

static gboolean
check_admin (SzDb     *db,
             gint64    person_id,
             gint64    community_id,
             GError  **error)
{
  SzStmt *stmt = sz_db_prepare (db, "SELECT community_id FROM person WHERE id = ?1", error);
  gboolean ok = FALSE;
  int rc;

  if (stmt == NULL)
    return FALSE;
  sz_stmt_bind_int64 (stmt, 1, person_id);
  rc = sz_db_step (db, stmt, error);
  if (rc == SQLITE_ROW && sz_stmt_column_int64 (stmt, 0) == community_id)
    ok = TRUE;
  else if (rc != 0)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, person_id);

      g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_INVALID,
                   /* Translators: the field of a WeChat group's admin, then a number in the database */
                   _("Admin: person %s is not one of this community's people."), number);
    }
  sz_stmt_reset (stmt);
  return ok;
}

gboolean
sz_wechat_group_set (SzDb           *db,
                     SzWechatGroup  *group,
                     GError        **error)
{
  g_autofree char *name = NULL;
  g_autofree char *date = NULL;
  g_autofree char *find_sql = NULL;
  g_autofree char *decoded = NULL;
  const char *mime = NULL;
  int width = 0, height = 0;
  gint64 community, existing = 0;
  SzStmt *stmt;
  gboolean ok;
  int rc;

  g_return_val_if_fail (db != NULL && group != NULL, FALSE);
  g_return_val_if_fail (group->level < SZ_N_LEVELS, FALSE);

  name = g_strdup (group->name);
  /* Translators: the field of a WeChat group's name */
  if (!sz_validate_text (_("Group name"), &name, TRUE, 60, error)
      /* Translators: the field of a WeChat group's member count */
      || !sz_validate_range (_("Members"), group->members, 0, SZ_WECHAT_MEMBERS_MAX, error))
    return FALSE;
  if (group->qr_data != NULL)
    {
      /* Translators: the field of a WeChat group admin's QR image */
      if (!sz_image_inspect (group->qr_data, _("Admin's QR code"), &mime, &width, &height, error))
        return FALSE;
      date = group->qr_taken_on && *group->qr_taken_on ? g_strdup (group->qr_taken_on) : sz_today ();
      /* Translators: the date a QR code was taken */
      if (!sz_validate_date (_("Date taken"), &date, TRUE, error))
        return FALSE;
    }

  if (group->qr_data != NULL)
    {
      SzWechatGroup read = { 0 };

      /* Read once here, so that printing decodes nothing. */
      classify_cached (db, group->qr_data, &read);
      decoded = decoded_new (read.qr_kind, read.qr_text);
      g_free (read.qr_text);
    }
  if (!sz_db_begin (db, error))
    return FALSE;
  community = place_community (db, group->level, group->place_id, error);
  ok = community != 0;
  if (ok && group->admin_person_id != 0)
    ok = check_admin (db, group->admin_person_id, community, error);
  if (ok)
    {
      find_sql = g_strdup_printf ("SELECT id FROM wechat_group WHERE %s = ?1", level_column (group->level));
      stmt = sz_db_prepare (db, find_sql, error);
      ok = stmt != NULL;
      if (ok)
        {
          sz_stmt_bind_int64 (stmt, 1, group->place_id);
          rc = sz_db_step (db, stmt, error);
          if (rc == SQLITE_ROW)
            existing = sz_stmt_column_int64 (stmt, 0);
          ok = rc != 0;
          sz_stmt_reset (stmt);
        }
    }
  if (ok)
    {
      if (existing != 0)
        stmt = sz_db_prepare (db, "UPDATE wechat_group SET name = ?2, admin_person_id = ?3, members = ?4,"
                                  " qr_mime_type = ?5, qr_width = ?6, qr_height = ?7, qr_data = ?8, qr_taken_on = ?9,"
                                  " qr_decoded = ?15 WHERE id = ?1", error);
      else
        stmt = sz_db_prepare (db, "INSERT INTO wechat_group (community_id, level, grid_id, building_id, unit_id,"
                                  " name, admin_person_id, members, qr_mime_type, qr_width, qr_height, qr_data,"
                                  " qr_taken_on, qr_decoded)"
                                  " VALUES (?10, ?11, ?12, ?13, ?14, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?15)",
                              error);
      ok = stmt != NULL;
    }
  if (ok)
    {
      if (existing != 0)
        sz_stmt_bind_int64 (stmt, 1, existing);
      sz_db_bind_text (stmt, 2, name);
      sz_db_bind_id_opt (stmt, 3, group->admin_person_id);
      sz_stmt_bind_int (stmt, 4, group->members);
      if (group->qr_data != NULL)
        {
          gsize len;
          gconstpointer bytes = g_bytes_get_data (group->qr_data, &len);

          sz_db_bind_text (stmt, 5, mime);
          sz_stmt_bind_int (stmt, 6, width);
          sz_stmt_bind_int (stmt, 7, height);
          sz_stmt_bind_blob (stmt, 8, bytes, len);
          sz_db_bind_text (stmt, 9, date);
          sz_db_bind_text (stmt, 15, decoded);
        }
      if (existing == 0)
        {
          sz_stmt_bind_int64 (stmt, 10, community);
          sz_db_bind_text (stmt, 11, sz_level_to_string (group->level));
          sz_stmt_bind_int64 (stmt, 12 + group->level, group->place_id);
        }
      ok = sz_row_finish_write (db, stmt, existing != 0 ? NULL : &existing, error);
    }
  if (!sz_db_end (db, ok, error))
    return FALSE;

  group->id = existing;
  group->community_id = community;
  g_free (group->name);
  group->name = g_steal_pointer (&name);
  g_free (group->qr_taken_on);
  group->qr_taken_on = g_steal_pointer (&date);
  g_free (group->qr_mime_type);
  group->qr_mime_type = g_strdup (mime);
  return TRUE;
}

gboolean
sz_wechat_group_clear (SzDb     *db,
                       SzLevel   level,
                       gint64    place_id,
                       GError  **error)
{
  g_autofree char *sql = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (db != NULL, FALSE);
  g_return_val_if_fail (level < SZ_N_LEVELS, FALSE);

  if (place_community (db, level, place_id, error) == 0)
    return FALSE;
  sql = g_strdup_printf ("DELETE FROM wechat_group WHERE %s = ?1", level_column (level));
  if (!sz_row_delete (db, sql, place_id, "", &local_error))
    {
      if (g_error_matches (local_error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND))
        {
          g_autofree char *place = sz_place_label (db, level, place_id, NULL);

          g_set_error (error, SZ_ROSTER_ERROR, SZ_ROSTER_ERROR_NOT_FOUND,
                       /* Translators: %s is a place ("丰和林苑 2栋 1单元") */
                       _("%s has no WeChat group."), place ? place : "");
        }
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

static int
level_rank_compare (gconstpointer a,
                    gconstpointer b)
{
  const SzWechatGroup *ga = *(SzWechatGroup * const *) a;
  const SzWechatGroup *gb = *(SzWechatGroup * const *) b;

  if (ga->level != gb->level)
    return ga->level < gb->level ? -1 : 1;
  return ga->place_id < gb->place_id ? -1 : ga->place_id > gb->place_id;
}

GPtrArray *
sz_wechat_group_list (SzDb     *db,
                      gint64    community_id,
                      gboolean  with_images,
                      GError  **error)
{
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) sz_wechat_group_free);
  SzStmt *stmt;
  int rc;

  g_return_val_if_fail (db != NULL, NULL);

  stmt = sz_db_prepare (db, "SELECT " GROUP_COLUMNS " FROM wechat_group w"
                            " LEFT JOIN person n ON n.id = w.admin_person_id WHERE w.community_id = ?1", error);
  if (stmt == NULL)
    return NULL;
  sz_stmt_bind_int64 (stmt, 1, community_id);
  while ((rc = sz_db_step (db, stmt, error)) == SQLITE_ROW)
    g_ptr_array_add (list, group_from_row (db, stmt, with_images));
  if (rc == 0)
    return NULL;
  g_ptr_array_sort (list, level_rank_compare);
  return g_steal_pointer (&list);
}

/* Warnings */

SzWechatWarnings
sz_wechat_group_warnings (const SzWechatGroup *group,
                          int                  max_age_days,
                          const char          *today)
{
  SzWechatWarnings w = SZ_WECHAT_WARN_NONE;

  g_return_val_if_fail (group != NULL, SZ_WECHAT_WARN_NONE);

  if (group->admin_person_id == 0)
    w |= SZ_WECHAT_WARN_NO_ADMIN;
  if (group->qr_taken_on == NULL)
    return w | SZ_WECHAT_WARN_NO_IMAGE;

  switch (group->qr_kind)
    {
    case SZ_QR_GROUP: w |= SZ_WECHAT_WARN_GROUP_CODE; break;
    case SZ_QR_NONE: w |= SZ_WECHAT_WARN_NO_CODE; break;
    case SZ_QR_OTHER: w |= SZ_WECHAT_WARN_OTHER_CODE; break;
    case SZ_QR_PERSONAL: break;
    default: g_assert_not_reached ();
    }

  if (max_age_days > 0)
    {
      g_autofree char *now = today ? g_strdup (today) : sz_today ();
      g_autoptr(GDate) taken = g_date_new ();
      g_autoptr(GDate) day = g_date_new ();

      g_date_set_parse (taken, group->qr_taken_on);
      g_date_set_parse (day, now);
      if (g_date_valid (taken) && g_date_valid (day) && g_date_days_between (taken, day) > max_age_days)
        w |= SZ_WECHAT_WARN_OLD;
    }
  return w;
}

char **
sz_wechat_warning_texts (const SzWechatGroup *group,
                         SzWechatWarnings     warnings,
                         int                  max_age_days)
{
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();

  g_return_val_if_fail (group != NULL, NULL);

  if (warnings & SZ_WECHAT_WARN_GROUP_CODE)
    {
      g_autofree char *s = g_strdup_printf (
        /* Translators: %d is 7: a WeChat group's own QR code expires */
        _("This is the group's own QR code: it stops working %d days after it was shown, long before "
          "residents scan the board. Use the admin's personal QR code instead."), SZ_WECHAT_GROUP_CODE_DAYS);
      g_strv_builder_add (b, s);
    }
  if (warnings & SZ_WECHAT_WARN_NO_CODE)
    g_strv_builder_add (b, _("No QR code can be read in this image: choose a screenshot of the admin's "
                             "personal QR code."));
  if (warnings & SZ_WECHAT_WARN_OTHER_CODE)
    g_strv_builder_add (b, _("This QR code is not a WeChat personal code: residents scanning it will not "
                             "reach the admin."));
  if (warnings & SZ_WECHAT_WARN_OLD)
    {
      g_autofree char *s = g_strdup_printf (
        g_dngettext (GETTEXT_PACKAGE,
                     /* Translators: a date, then the community's limit in days */
                     "The QR code was taken on %s, more than %d day ago: check that it still works.",
                     "The QR code was taken on %s, more than %d days ago: check that it still works.",
                     max_age_days),
        group->qr_taken_on, max_age_days);
      g_strv_builder_add (b, s);
    }
  if (warnings & SZ_WECHAT_WARN_NO_IMAGE)
    g_strv_builder_add (b, _("There is no QR code yet: the board will print the group without one."));
  if (warnings & SZ_WECHAT_WARN_NO_ADMIN)
    g_strv_builder_add (b, _("The group has no admin."));
  return g_strv_builder_end (b);
}
