/* sz-honours-print-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the honours' printouts: sz-honours-print.c (dates, periods,
 * the issuer, checking and writing), -certificate.c, -board.c, -notice.c
 * and -statement.c.  Not for use outside them.
 */

#pragma once

#include "sz-doc-lang.h"
#include "sz-honours-print.h"
#include "sz-print-private.h"
#include "sz-roster.h"

G_BEGIN_DECLS

/* Print-safe: a deep red and a dark gold that stay apart from black on a
 * grey laser, and no full-page fill. */
extern const SzColor _sz_honours_red;
extern const SzColor _sz_honours_gold;
extern const SzColor _sz_honours_black;
extern const SzColor _sz_honours_grey;

/* "2026年12月7日" from "2026-12-07"; "12月7日" with @no_year.  A day
 * that does not parse comes back as it is.  In the document language
 * @lang (sz-doc-lang.h), or the interface's when NULL (error messages). */
char     *_sz_honours_date          (const char         *lang,
                                     const char         *day,
                                     gboolean            no_year);
/* Today in the same form's ISO spelling, "2026-12-07" (local time). */
char     *_sz_honours_today         (void);
/* "2026年度", "2026年第三季度" from "2026", "2026-Q3", in @lang. */
char     *_sz_honours_period        (const char         *lang,
                                     const char         *period);
/* The community's committee, "丰和社区居民委员会": its name with the
 * translated suffix, unless the name says it already. */
char     *_sz_honours_issuer        (const SzCommunity  *community);
/* The phone for objections: the community's supervision phone, else a
 * supervision hotline of the community, else its office phone; formatted.
 * *@supervision says which.  NULL when it has none. */
char     *_sz_honours_objection_phone (SzDb             *db,
                                       const SzCommunity *community,
                                       gboolean         *supervision,
                                       GError          **error);
/* Fails with SZ_RENDER_ERROR_FONT, naming @what, when no font can draw a
 * character of @str (checked before layout, as on the boards). */
gboolean  _sz_honours_check_text    (SzText             *text,
                                     const char         *str,
                                     const char         *what,
                                     GError            **error);
/* The honours (SzHonour*) of @community_id with @status in @period or,
 * when NULL, in the newest period that has one; maybe none. */
GPtrArray *_sz_honours_select       (SzDb               *db,
                                     gint64              community_id,
                                     const char         *period,
                                     SzHonourStatus      status,
                                     GError            **error);
/* A title, bold and centred in @box; a short Chinese one has its
 * characters spread @step × @size apart, as printed titles are. */
void      _sz_honours_title         (SzText             *text,
                                     SzPage             *page,
                                     const char         *str,
                                     const SzBox        *box,
                                     double              size,
                                     double              step,
                                     SzColor             color);
/* An image (a photo) placed in @x, @y, @w, @h keeping its aspect,
 * centred. */
void      _sz_honours_picture       (SzPage             *page,
                                     GBytes             *data,
                                     const char         *mime,
                                     int                 pixel_width,
                                     int                 pixel_height,
                                     double              x,
                                     double              y,
                                     double              w,
                                     double              h);
void      _sz_honours_frame         (SzPage             *page,
                                     double              x,
                                     double              y,
                                     double              w,
                                     double              h,
                                     double              line_width,
                                     SzColor             color);

/* What a printout is of. */
typedef struct
{
  gint64         id;          /* the community, or the person (statement) */
  const char    *period;
  gboolean       a3;
  const gint64  *ids;         /* the honours (certificates) */
  guint          n_ids;
} SzPrintArgs;

/* Lays out the pages of @args; sets @info's title and author (the
 * community). */
typedef GPtrArray *(*SzHonoursPagesFunc) (SzText            *text,
                                          SzDb              *db,
                                          const SzPrintArgs *args,
                                          SzDocInfo         *info,
                                          GError           **error);

GPtrArray *_sz_honour_board_pages     (SzText            *text,   /* -board.c */
                                       SzDb              *db,
                                       const SzPrintArgs *args,
                                       SzDocInfo         *info,
                                       GError           **error);
GPtrArray *_sz_honour_notice_pages    (SzText            *text,   /* -notice.c */
                                       SzDb              *db,
                                       const SzPrintArgs *args,
                                       SzDocInfo         *info,
                                       GError           **error);
GPtrArray *_sz_points_statement_pages (SzText            *text,   /* -statement.c */
                                       SzDb              *db,
                                       const SzPrintArgs *args,
                                       SzDocInfo         *info,
                                       GError           **error);

/* Checks @path, lays out the pages with the board fonts and writes them
 * (libharu, or cairo when a character needs it) through a temporary file
 * renamed into place: nothing is left behind on failure. */
/* @subject is a msgid (N_()), printed in the language the pages set in
 * @info->lang. */
gboolean   _sz_honours_write_pages    (SzHonoursPagesFunc func,
                                       SzDb              *db,
                                       const SzPrintArgs *args,
                                       const char        *subject,
                                       const char        *path,
                                       GError           **error);

G_END_DECLS
