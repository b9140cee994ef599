/* sz-xls-cfb.c: the compound file (OLE2, MS-CFB) an .xls workbook is in.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <string.h>

#include "sz-xls-private.h"

/* What freexl does not say, read from the compound file (MS-CFB) and the
 * workbook stream's globals (MS-XLS BOUNDSHEET records): which sheets are
 * hidden, and what an OLE2 file that is not a workbook holds instead.
 * Every offset is checked: this reads untrusted bytes. */

#define CFB_END_OF_CHAIN  0xFFFFFFFE
#define CFB_MAX_SECTOR    0xFFFFFFFA
#define CFB_ENTRY_SIZE    128

static const guchar *
cfb_sector (Cfb     *cfb,
            guint32  sector)
{
  guint64 offset = ((guint64) sector + 1) << cfb->shift;

  if (sector >= CFB_MAX_SECTOR || offset + ((guint64) 1 << cfb->shift) > cfb->len)
    return NULL;
  return cfb->data + offset;
}

/* The first @max bytes of the chain of sectors from @start, through
 * @fat (of @n_fat entries) in sectors of 1 << @shift bytes from @base; a
 * chain that leaves the file or loops is NULL.  A chain is no longer than
 * the sectors there are: a loop could otherwise copy the file over and
 * over. */
static GByteArray *
cfb_read_chain (const guchar  *base,
                gsize          base_len,
                guint          shift,
                const guint32 *fat,
                gsize          n_fat,
                guint32        start,
                gsize          max,
                GArray        *sectors)
{
  GByteArray *out = g_byte_array_new ();
  gsize size = (gsize) 1 << shift, steps = 0;

  for (guint32 s = start; s != CFB_END_OF_CHAIN && out->len < max; s = fat[s])
    {
      if (s >= n_fat || ++steps > base_len / size || ((guint64) s + 1) * size > base_len)
        {
          g_byte_array_unref (out);
          return NULL;
        }
      g_byte_array_append (out, base + (gsize) s * size, size);
      if (sectors != NULL)
        g_array_append_val (sectors, s);
    }
  if (out->len < max && max != G_MAXSIZE)
    {
      g_byte_array_unref (out);   /* the chain is shorter than its stream */
      return NULL;
    }
  g_byte_array_set_size (out, MIN (out->len, max));
  return out;
}

static GByteArray *
cfb_read_big (Cfb     *cfb,
              guint32  start,
              gsize    max,
              GArray  *sectors)
{
  /* Sector n is at (n + 1) << shift: the base is one sector in. */
  gsize size = (gsize) 1 << cfb->shift;

  return cfb_read_chain (cfb->data + size, cfb->len - size, cfb->shift, cfb->fat, cfb->n_fat, start, max,
                         sectors);
}

gboolean
_sz_xls_cfb_open (Cfb          *cfb,
                  const guchar *data,
                  gsize         len)
{
  guint32 n_fat_sectors, difat_next, n_difat;
  gsize per_sector, n_sectors, k = 0;

  memset (cfb, 0, sizeof *cfb);
  if (len < 512 || memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
    return FALSE;
  cfb->data = data;
  cfb->len = len;
  cfb->shift = get_u16 (data + 0x1E);
  if (cfb->shift != 9 && cfb->shift != 12)
    return FALSE;
  per_sector = ((gsize) 1 << cfb->shift) / 4;
  n_sectors = len >> cfb->shift;
  n_fat_sectors = get_u32 (data + 0x2C);
  difat_next = get_u32 (data + 0x44);
  n_difat = get_u32 (data + 0x48);
  if (n_fat_sectors == 0 || n_fat_sectors > n_sectors || n_difat > n_sectors)
    return FALSE;

  cfb->n_fat = n_fat_sectors * per_sector;
  cfb->fat = g_new (guint32, cfb->n_fat);
  /* The FAT's own sectors: 109 in the header, then a chain of DIFAT
   * sectors whose last entry links the next. */
  for (guint i = 0; i < 109 && k < n_fat_sectors; i++, k++)
    {
      const guchar *p = cfb_sector (cfb, get_u32 (data + 0x4C + 4 * i));

      if (p == NULL)
        return FALSE;
      for (gsize e = 0; e < per_sector; e++)
        cfb->fat[k * per_sector + e] = get_u32 (p + 4 * e);
    }
  for (guint32 d = 0; d < n_difat && k < n_fat_sectors; d++)
    {
      const guchar *difat = cfb_sector (cfb, difat_next);

      if (difat == NULL)
        return FALSE;
      for (gsize i = 0; i + 1 < per_sector && k < n_fat_sectors; i++, k++)
        {
          const guchar *p = cfb_sector (cfb, get_u32 (difat + 4 * i));

          if (p == NULL)
            return FALSE;
          for (gsize e = 0; e < per_sector; e++)
            cfb->fat[k * per_sector + e] = get_u32 (p + 4 * e);
        }
      difat_next = get_u32 (difat + 4 * (per_sector - 1));
    }
  if (k < n_fat_sectors)
    return FALSE;
  cfb->dir = cfb_read_big (cfb, get_u32 (data + 0x30), G_MAXSIZE, NULL);
  return cfb->dir != NULL && cfb->dir->len >= CFB_ENTRY_SIZE;
}

void
_sz_xls_cfb_close (Cfb *cfb)
{
  g_clear_pointer (&cfb->fat, g_free);
  g_clear_pointer (&cfb->dir, g_byte_array_unref);
}

/* The entry of the root storage's stream named @name (ASCII, compared
 * without regard to case, as MS-CFB compares), or -1. */
gint64
_sz_xls_cfb_find (Cfb        *cfb,
                  const char *name)
{
  gsize n_entries = cfb->dir->len / CFB_ENTRY_SIZE, n = strlen (name);
  g_autoptr(GArray) stack = g_array_new (FALSE, FALSE, sizeof (guint32));
  g_autofree guint8 *seen = g_malloc0 (n_entries);
  guint32 id = get_u32 (cfb->dir->data + 0x4C);   /* the root's child */

  /* The root's children are a tree through their left and right links. */
  g_array_append_val (stack, id);
  while (stack->len > 0)
    {
      const guchar *e;
      gboolean match;

      id = g_array_index (stack, guint32, stack->len - 1);
      g_array_set_size (stack, stack->len - 1);
      if (id >= n_entries || seen[id])
        continue;
      seen[id] = TRUE;
      e = cfb->dir->data + (gsize) id * CFB_ENTRY_SIZE;
      match = e[0x42] == 2 && get_u16 (e + 0x40) == (n + 1) * 2;
      for (gsize i = 0; match && i < n; i++)
        match = e[2 * i + 1] == 0 && g_ascii_tolower (e[2 * i]) == g_ascii_tolower (name[i]);
      if (match)
        return id;
      g_array_append_vals (stack, (guint32[]) { get_u32 (e + 0x44), get_u32 (e + 0x48) }, 2);
    }
  return -1;
}

/* The stream of entry @id, at most @max bytes of it; @sectors (may be
 * NULL) gets the sectors that hold it, unless it is a small stream. */
GByteArray *
_sz_xls_cfb_read_stream (Cfb     *cfb,
                         gint64   id,
                         gsize    max,
                         GArray  *sectors)
{
  const guchar *e = cfb->dir->data + (gsize) id * CFB_ENTRY_SIZE;
  const guchar *root = cfb->dir->data;
  gsize size = MIN ((gsize) get_u32 (e + 0x78), max);
  g_autoptr(GByteArray) mini = NULL;
  g_autoptr(GByteArray) minifat = NULL;

  if (get_u32 (e + 0x78) >= get_u32 (cfb->data + 0x38))
    return cfb_read_big (cfb, get_u32 (e + 0x74), size, sectors);
  /* A small stream lives in 64-byte sectors of the root's stream. */
  mini = cfb_read_big (cfb, get_u32 (root + 0x74), get_u32 (root + 0x78), NULL);
  minifat = cfb_read_big (cfb, get_u32 (cfb->data + 0x3C),
                          (gsize) get_u32 (cfb->data + 0x40) << cfb->shift, NULL);
  if (mini == NULL || minifat == NULL)
    return NULL;
  for (guint i = 0; i < minifat->len / 4; i++)
    ((guint32 *) minifat->data)[i] = get_u32 (minifat->data + 4 * i);
  return cfb_read_chain (mini->data, mini->len, 6, (const guint32 *) minifat->data, minifat->len / 4,
                         get_u32 (e + 0x74), size, NULL);
}

/* What libfreexl 1.0.6 would trip on, checked before it sees the file:
 * it converts each name of the first directory sector's entries (up to
 * the workbook's) with the length the entry declares, from a 4 KB buffer
 * on its stack; a declared length past the 64 bytes of the name reads
 * beyond that buffer (found by fuzz-xls).  It also reads files that are
 * no OLE2 file at all as BIFF2–4 (1987–1994): refused here. */
gboolean
_sz_xls_freexl_would_trip (const guchar *data,
                           gsize         len)
{
  guint shift;
  guint64 offset;

  if (len < 512 || memcmp (data, "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) != 0)
    return TRUE;
  shift = get_u16 (data + 0x1E);
  if (shift != 9 && shift != 12)
    return TRUE;
  offset = ((guint64) get_u32 (data + 0x30) + 1) << shift;
  if (offset + ((guint64) 1 << shift) > len)
    return TRUE;
  for (gsize e = 0; e < ((gsize) 1 << shift) / CFB_ENTRY_SIZE; e++)
    if (get_u16 (data + offset + e * CFB_ENTRY_SIZE + 0x40) > 64)
      return TRUE;
  return FALSE;
}
