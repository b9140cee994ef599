/* sz-xlsx-parts.c: the parts of an .xlsx file, streamed from its zip.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "sz-sheet-formats-private.h"
#include "sz-xlsx-private.h"

/* Messages */

void
_sz_xlsx_set_damaged (GError     **error,
                      const char  *who)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
               /* Translators: %s is the file's name, quoted */
               _("%s is damaged or is not an Excel workbook: open it in WPS or Excel and save it again as .xlsx."),
               who);
}

void
_sz_xlsx_set_sheet_damaged (GError     **error,
                            const char  *who,
                            const char  *sheet)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
               /* Translators: the sheet's name, then the file's name, quoted */
               _("The sheet “%s” of %s is damaged: open the file in WPS or Excel and save it again as .xlsx."),
               sheet, who);
}

static void
set_too_large (GError     **error,
               const char  *who)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
               /* Translators: the file's name, quoted, then a size in MB */
               _("%s is too large to read: a part of it unpacks to more than %u MB. Check that it is the right file."),
               who, (guint) (SZ_TABLE_MAX_PART_SIZE / 1024 / 1024));
}

/* Parsing helpers */

const char *
_sz_xlsx_local_name (const char *name)
{
  const char *sep = strrchr (name, NS_SEP);

  return sep != NULL ? sep + 1 : name;
}

/* The value of the attribute named @local; with @namespaced, only one in a
 * namespace (r:id), else only one without (a plain "r"). */
const char *
_sz_xlsx_get_attr (const XML_Char **attrs,
                   const char       *local,
                   gboolean          namespaced)
{
  for (guint i = 0; attrs[i] != NULL; i += 2)
    {
      const char *sep = strrchr (attrs[i], NS_SEP);

      if (namespaced ? sep != NULL && strcmp (sep + 1, local) == 0
                     : sep == NULL && strcmp (attrs[i], local) == 0)
        return attrs[i + 1];
    }
  return NULL;
}

Kind
_sz_xlsx_ctx_parent (Ctx *ctx)
{
  if (ctx->depth == 0)
    return K_ROOT;
  return ctx->depth <= MAX_DEPTH ? ctx->kinds[ctx->depth - 1] : K_OTHER;
}

void
_sz_xlsx_ctx_push (Ctx  *ctx,
                   Kind  kind)
{
  if (ctx->depth < MAX_DEPTH)
    ctx->kinds[ctx->depth] = kind;
  ctx->depth++;
}

Kind
_sz_xlsx_ctx_pop (Ctx *ctx)
{
  g_assert (ctx->depth > 0);
  ctx->depth--;
  return ctx->depth < MAX_DEPTH ? ctx->kinds[ctx->depth] : K_OTHER;
}

/* Stops the parse; _sz_xlsx_read_part() reports @error (which it takes). */
void
_sz_xlsx_ctx_fail (Ctx    *ctx,
                   GError *error)
{
  if (ctx->error == NULL)
    ctx->error = error;
  else
    g_error_free (error);
  XML_StopParser (ctx->parser, XML_FALSE);
}

static void XMLCALL
on_text (void           *data,
         const XML_Char *s,
         int             len)
{
  Ctx *ctx = data;

  if (ctx->capture)
    g_string_append_len (ctx->text, s, len);
}

/* OOXML has no DTD: refusing one rules out entity expansion. */
static void XMLCALL
on_doctype (void           *data,
            const XML_Char *name,
            const XML_Char *sysid,
            const XML_Char *pubid,
            int             has_internal_subset)
{
  Ctx *ctx = data;

  XML_StopParser (ctx->parser, XML_FALSE);
}

/* Parts */

zip_int64_t
_sz_xlsx_find_part (Book       *book,
                    const char *part)
{
  /* Part names are case-insensitive (OPC). */
  return part != NULL ? zip_name_locate (book->zip, part, ZIP_FL_NOCASE) : -1;
}

/* Streams the part at @index through expat with the handlers; @ctx is
 * their user data.  A handler's error wins over expat's. */
gboolean
_sz_xlsx_read_part (Book                     *book,
                    zip_int64_t               index,
                    Ctx                      *ctx,
                    XML_StartElementHandler   start,
                    XML_EndElementHandler     end,
                    GError                  **error)
{
  zip_file_t *file;
  zip_stat_t st;
  guint64 total = 0;
  gboolean ok = TRUE, too_large = FALSE;

  if (zip_stat_index (book->zip, index, 0, &st) == 0 && (st.valid & ZIP_STAT_SIZE) != 0
      && st.size > SZ_TABLE_MAX_PART_SIZE)
    {
      set_too_large (error, book->who);
      return FALSE;
    }
  /* Fails for an encrypted entry or an unknown compression method. */
  file = zip_fopen_index (book->zip, index, 0);
  if (file == NULL)
    {
      g_debug ("xlsx: cannot open part %" G_GINT64_FORMAT ": %s", index, zip_strerror (book->zip));
      _sz_xlsx_set_damaged (error, book->who);
      return FALSE;
    }

  ctx->parser = XML_ParserCreateNS (NULL, NS_SEP);
  g_assert (ctx->parser != NULL);
  XML_SetUserData (ctx->parser, ctx);
  XML_SetElementHandler (ctx->parser, start, end);
  XML_SetCharacterDataHandler (ctx->parser, on_text);
  XML_SetStartDoctypeDeclHandler (ctx->parser, on_doctype);

  for (;;)
    {
      /* Inflates straight into expat's buffer */
      void *buf = XML_GetBuffer (ctx->parser, CHUNK_SIZE);
      zip_int64_t n = buf != NULL ? zip_fread (file, buf, CHUNK_SIZE) : -1;

      if (n < 0)
        {
          g_debug ("xlsx: cannot read part %" G_GINT64_FORMAT ": %s", index, zip_file_strerror (file));
          ok = FALSE;
          break;
        }
      /* Counts what inflates, not what the zip declares.  A workbook
       * whose sheets all point at one huge part is read once per sheet
       * while looking for the first with cells: the total is bounded too. */
      total += n;
      book->inflated += n;
      if (total > SZ_TABLE_MAX_PART_SIZE || book->inflated > 2 * (guint64) SZ_TABLE_MAX_PART_SIZE)
        {
          ok = FALSE;
          too_large = TRUE;
          break;
        }
      if (XML_ParseBuffer (ctx->parser, (int) n, n == 0) != XML_STATUS_OK)
        {
          g_debug ("xlsx: part %" G_GINT64_FORMAT ", line %lu: %s", index,
                   (gulong) XML_GetCurrentLineNumber (ctx->parser),
                   XML_ErrorString (XML_GetErrorCode (ctx->parser)));
          ok = FALSE;
          break;
        }
      if (n == 0)
        break;
    }
  if (zip_fclose (file) != 0 && ok)
    ok = FALSE;
  XML_ParserFree (ctx->parser);
  ctx->parser = NULL;

  if (ok)
    return TRUE;
  if (ctx->error != NULL)
    g_propagate_error (error, g_steal_pointer (&ctx->error));
  else if (too_large)
    set_too_large (error, book->who);
  else
    _sz_xlsx_set_damaged (error, book->who);
  return FALSE;
}

/* Relationships: Id → part, resolved against the folder of the part they
 * belong to ("xl/"), or absolute ("/xl/worksheets/sheet1.xml"). */

static char *
resolve_target (const char *base,
                const char *target)
{
  g_autofree char *unescaped = g_uri_unescape_string (target, NULL);
  g_autofree char *joined = NULL;
  g_auto(GStrv) parts = NULL;
  GPtrArray *out = g_ptr_array_new ();
  char *result;

  if (unescaped == NULL)
    unescaped = g_strdup (target);
  if (unescaped[0] == '/')
    joined = g_strdup (unescaped + 1);
  else
    joined = g_strconcat (base, base[0] != '\0' ? "/" : "", unescaped, NULL);
  parts = g_strsplit (joined, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (parts[i][0] == '\0' || strcmp (parts[i], ".") == 0)
        continue;
      if (strcmp (parts[i], "..") == 0)
        {
          if (out->len > 0)
            g_ptr_array_set_size (out, out->len - 1);
          continue;
        }
      g_ptr_array_add (out, parts[i]);
    }
  g_ptr_array_add (out, NULL);
  result = g_strjoinv ("/", (char **) out->pdata);
  g_ptr_array_free (out, TRUE);
  return result;
}

static gboolean
type_is (const char *type,
         const char *suffix)
{
  return type != NULL && g_str_has_suffix (type, suffix);
}

static void XMLCALL
rels_start (void            *data,
            const XML_Char  *name,
            const XML_Char **attrs)
{
  RelsCtx *rc = data;
  const char *id, *type, *target, *mode;
  char *part;

  _sz_xlsx_ctx_push (&rc->ctx, K_OTHER);
  if (strcmp (_sz_xlsx_local_name (name), "Relationship") != 0)
    return;
  id = _sz_xlsx_get_attr (attrs, "Id", FALSE);
  type = _sz_xlsx_get_attr (attrs, "Type", FALSE);
  target = _sz_xlsx_get_attr (attrs, "Target", FALSE);
  mode = _sz_xlsx_get_attr (attrs, "TargetMode", FALSE);
  if (id == NULL || target == NULL || (mode != NULL && strcmp (mode, "External") == 0))
    return;
  part = resolve_target (rc->base, target);
  if (type_is (type, "/officeDocument") && rc->office_document == NULL)
    rc->office_document = g_strdup (part);
  else if (type_is (type, "/sharedStrings") && rc->shared_strings == NULL)
    rc->shared_strings = g_strdup (part);
  else if (type_is (type, "/styles") && rc->styles == NULL)
    rc->styles = g_strdup (part);
  g_hash_table_replace (rc->targets, g_strdup (id), part);
}

void XMLCALL
_sz_xlsx_any_end (void           *data,
                  const XML_Char *name)
{
  _sz_xlsx_ctx_pop (data);
}

/* Reads the relationships of @source ("" for the package's own). */
gboolean
_sz_xlsx_read_rels (Book        *book,
                    const char  *source,
                    RelsCtx     *rc,
                    GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *rels = NULL;
  zip_int64_t index;
  gboolean ok;

  if (source[0] == '\0')
    {
      dir = g_strdup ("");
      rels = g_strdup ("_rels/.rels");
    }
  else
    {
      const char *slash = strrchr (source, '/');

      dir = slash != NULL ? g_strndup (source, slash - source) : g_strdup ("");
      base = g_strdup (slash != NULL ? slash + 1 : source);
      rels = g_strdup_printf ("%s%s_rels/%s.rels", dir, dir[0] != '\0' ? "/" : "", base);
    }
  rc->targets = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  index = _sz_xlsx_find_part (book, rels);
  if (index < 0)
    return TRUE;
  rc->base = dir;
  ok = _sz_xlsx_read_part (book, index, &rc->ctx, rels_start, _sz_xlsx_any_end, error);
  rc->base = NULL;
  return ok;
}

void
_sz_xlsx_rels_clear (RelsCtx *rc)
{
  g_clear_pointer (&rc->targets, g_hash_table_unref);
  g_clear_pointer (&rc->office_document, g_free);
  g_clear_pointer (&rc->shared_strings, g_free);
  g_clear_pointer (&rc->styles, g_free);
}

gboolean
_sz_xlsx_is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

/* Styles: which cell formats show a number as a date. */

static Format
format_code_kind (const char *code)
{
  g_auto(GStrv) sections = g_strsplit (code, ";", 0);

  /* LibreOffice keeps a boolean as a number in the format
   * "TRUE";"TRUE";"FALSE", and saves it so when it re-saves an .xlsx. */
  if (g_strv_length (sections) == 3 && strcmp (sections[0], sections[1]) == 0
      && sections[0][0] == '"' && g_str_has_suffix (sections[0], "\"")
      && sections[2][0] == '"' && g_str_has_suffix (sections[2], "\""))
    return FMT_BOOL;
  return _sz_sheet_format_code_is_date (code) ? FMT_DATE : FMT_NUMBER;
}

typedef struct
{
  Ctx         ctx;
  GHashTable *custom;        /* numFmtId → its Format, as a pointer */
  GArray     *xf_formats;    /* numFmtId per cellXfs index */
} StylesCtx;

gboolean
_sz_xlsx_parse_uint (const char *text,
                     guint       max,
                     guint      *value)
{
  guint64 v = 0;

  if (text == NULL || !g_ascii_isdigit (*text))
    return FALSE;
  for (; g_ascii_isdigit (*text); text++)
    {
      v = v * 10 + (*text - '0');
      if (v > max)
        return FALSE;
    }
  if (*text != '\0')
    return FALSE;
  *value = (guint) v;
  return TRUE;
}

static void XMLCALL
styles_start (void            *data,
              const XML_Char  *name,
              const XML_Char **attrs)
{
  StylesCtx *sc = data;
  const char *local = _sz_xlsx_local_name (name);
  Kind parent = _sz_xlsx_ctx_parent (&sc->ctx);
  guint id = 0;

  if (sc->ctx.depth == 1 && strcmp (local, "numFmts") == 0)
    _sz_xlsx_ctx_push (&sc->ctx, K_NUMFMTS);
  else if (sc->ctx.depth == 1 && strcmp (local, "cellXfs") == 0)
    _sz_xlsx_ctx_push (&sc->ctx, K_CELLXFS);
  else
    {
      if (parent == K_NUMFMTS && strcmp (local, "numFmt") == 0)
        {
          const char *code = _sz_xlsx_get_attr (attrs, "formatCode", FALSE);

          if (_sz_xlsx_parse_uint (_sz_xlsx_get_attr (attrs, "numFmtId", FALSE), G_MAXINT, &id) && code != NULL)
            g_hash_table_replace (sc->custom, GUINT_TO_POINTER (id),
                                  GINT_TO_POINTER (format_code_kind (code)));
        }
      else if (parent == K_CELLXFS && strcmp (local, "xf") == 0)
        {
          if (!_sz_xlsx_parse_uint (_sz_xlsx_get_attr (attrs, "numFmtId", FALSE), G_MAXINT, &id))
            id = 0;
          g_array_append_val (sc->xf_formats, id);
        }
      _sz_xlsx_ctx_push (&sc->ctx, K_OTHER);
    }
}

gboolean
_sz_xlsx_read_styles (Book        *book,
                      const char  *part,
                      GError     **error)
{
  StylesCtx sc = { { 0 } };
  zip_int64_t index = _sz_xlsx_find_part (book, part);
  gboolean ok = TRUE;

  if (index < 0)
    return TRUE;   /* no styles: every number is a number */
  sc.custom = g_hash_table_new (NULL, NULL);
  sc.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  ok = _sz_xlsx_read_part (book, index, &sc.ctx, styles_start, _sz_xlsx_any_end, error);
  for (guint i = 0; ok && i < sc.xf_formats->len; i++)
    {
      guint id = g_array_index (sc.xf_formats, guint, i);
      gpointer custom;
      guint8 kind;

      if (g_hash_table_lookup_extended (sc.custom, GUINT_TO_POINTER (id), NULL, &custom))
        kind = GPOINTER_TO_INT (custom);
      else
        kind = _sz_sheet_builtin_format_is_date (id) ? FMT_DATE : FMT_NUMBER;
      g_byte_array_append (book->xf_kinds, &kind, 1);
    }
  g_hash_table_unref (sc.custom);
  g_array_unref (sc.xf_formats);
  return ok;
}

/* Text as OOXML stores it: characters XML cannot hold are escaped as
 * _xHHHH_ (Excel writes _x000D_ for a carriage return), and "_x005F_"
 * escapes the underscore of a literal "_x". */
void
_sz_xlsx_unescape_xstring (GString *s)
{
  gsize out = 0;

  if (memchr (s->str, '_', s->len) == NULL)
    return;
  for (gsize i = 0; i < s->len;)
    {
      guint u = 0;
      gboolean ok = i + 7 <= s->len && s->str[i] == '_' && s->str[i + 1] == 'x' && s->str[i + 6] == '_';

      for (guint k = 2; ok && k < 6; k++)
        ok = g_ascii_isxdigit (s->str[i + k]);
      if (ok)
        {
          for (guint k = 2; k < 6; k++)
            u = u * 16 + g_ascii_xdigit_value (s->str[i + k]);
          ok = u != 0 && g_unichar_validate (u);
        }
      if (ok)
        {
          char utf8[6];
          gsize n = g_unichar_to_utf8 (u, utf8);

          /* The UTF-8 is never longer than the 7-byte escape. */
          memcpy (s->str + out, utf8, n);
          out += n;
          i += 7;
        }
      else
        s->str[out++] = s->str[i++];
    }
  g_string_truncate (s, out);
}

/* Shared strings: each <si> is plain <t> text or rich text runs <r><t>,
 * concatenated; phonetic runs <rPh> (the readings WPS and Excel keep
 * beside CJK text) are not the text. */

typedef BookCtx SstCtx;

static void XMLCALL
sst_start (void            *data,
           const XML_Char  *name,
           const XML_Char **attrs)
{
  SstCtx *sc = data;
  const char *local = _sz_xlsx_local_name (name);
  Kind parent = _sz_xlsx_ctx_parent (&sc->ctx);
  Kind kind = K_OTHER;

  if (sc->ctx.depth == 1 && strcmp (local, "si") == 0)
    {
      kind = K_SI;
      g_string_truncate (sc->ctx.text, 0);
    }
  else if ((parent == K_SI || parent == K_RUN) && strcmp (local, "t") == 0)
    {
      kind = K_TEXT;
      sc->ctx.capture = TRUE;
    }
  else if (parent == K_SI && strcmp (local, "r") == 0)
    kind = K_RUN;
  _sz_xlsx_ctx_push (&sc->ctx, kind);
}

static void XMLCALL
sst_end (void           *data,
         const XML_Char *name)
{
  SstCtx *sc = data;
  Kind kind = _sz_xlsx_ctx_pop (&sc->ctx);

  if (kind == K_TEXT)
    sc->ctx.capture = FALSE;
  else if (kind == K_SI)
    {
      _sz_xlsx_unescape_xstring (sc->ctx.text);
      g_ptr_array_add (sc->book->sst,
                       g_string_chunk_insert_len (sc->book->strings, sc->ctx.text->str, sc->ctx.text->len));
    }
}

gboolean
_sz_xlsx_read_shared_strings (Book        *book,
                              const char  *part,
                              GError     **error)
{
  SstCtx sc = { { 0 }, book };
  zip_int64_t index = _sz_xlsx_find_part (book, part);
  gboolean ok;

  if (index < 0)
    return TRUE;   /* no text cells, or only inline ones */
  sc.ctx.text = g_string_new (NULL);
  ok = _sz_xlsx_read_part (book, index, &sc.ctx, sst_start, sst_end, error);
  g_string_free (sc.ctx.text, TRUE);
  return ok;
}
