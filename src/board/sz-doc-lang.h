/* sz-doc-lang.h: the language of documents (boards, reports, certificates)
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A board is a public notice for residents: it is printed in the
 * community's board language (community.board_language), whatever the
 * language of the desktop or of the shell that prints it.  Error messages
 * stay in the interface language (_()).
 *
 * Document strings are written as English msgids, marked with D_() or
 * DC_() (xgettext keywords, po/meson.build), and looked up in the same
 * compiled catalogue as the interface (<localedir>/<lang>/LC_MESSAGES/
 * sanzhang.mo; localedir: $SANZHANG_LOCALEDIR or LOCALEDIR), read by
 * sz-doc-lang.c itself: neither the process locale nor $LANGUAGE counts,
 * and the system need not have the zh_CN locale generated. */

/* The languages a document can be printed in: what community.board_language
 * holds. */
#define SZ_DOC_LANG_DEFAULT "zh_CN"

/* Whether @lang is one of "zh_CN", "en". */
gboolean     sz_doc_lang_is_valid  (const char *lang);
/* The language names, NULL-terminated: { "zh_CN", "en", NULL }. */
const char * const *sz_doc_lang_all (void);
/* "Chinese (Simplified)", "English": in the interface language. */
const char  *sz_doc_lang_title     (const char *lang);

/* @msgid in @lang (NULL: the default, zh_CN): the catalogue's translation, or @msgid itself (English,
 * a language without a catalogue, or an untranslated string).  The result
 * lives as long as the process.  Thread-safe; each catalogue is read once. */
const char  *sz_doc_gettext        (const char *lang,
                                    const char *msgid) G_GNUC_FORMAT (2);
/* @ctxt_msgid is "context\004msgid"; @msgid_offset where the msgid starts. */
const char  *sz_doc_pgettext       (const char *lang,
                                    const char *ctxt_msgid,
                                    gsize       msgid_offset) G_GNUC_FORMAT (2);

/* The same with the context apart (for msgids marked NC_() in a table). */
const char  *sz_doc_pgettext2      (const char *lang,
                                    const char *ctxt,
                                    const char *msgid) G_GNUC_FORMAT (3);
/* A count's wording: the singular or plural msgid in English; in Chinese
 * (one form) the catalogue's first. */
const char  *sz_doc_ngettext       (const char *lang,
                                    const char *msgid,
                                    const char *msgid_plural,
                                    gulong      n) G_GNUC_FORMAT (2) G_GNUC_FORMAT (3);

/* @text as the core gave it, translated with _() into the interface
 * language (a status's or a channel's title): in @lang when it is a msgid
 * or the translation of one (a plain message, without context), else
 * @text itself (a name the office typed). */
const char  *sz_doc_retranslate    (const char *lang,
                                    const char *text);

/* The same for a message with a context. */
const char  *sz_doc_pretranslate   (const char *lang,
                                    const char *ctxt,
                                    const char *text);

/* Tests: forget the catalogues read (the next lookup reads them again). */
void         sz_doc_lang_reset     (void);

#define D_(lang, msgid) sz_doc_gettext ((lang), (msgid))
#define DC_(lang, ctxt, msgid) sz_doc_pgettext ((lang), ctxt "\004" msgid, sizeof (ctxt))
#define DN_(lang, msgid, msgid_plural, n) sz_doc_ngettext ((lang), (msgid), (msgid_plural), (n))

G_END_DECLS
