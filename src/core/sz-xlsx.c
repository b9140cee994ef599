/* sz-xlsx.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <expat.h>
#include <glib/gi18n-lib.h>
#include <math.h>
#include <string.h>
#include <zip.h>

#include "sz-xlsx.h"

/* An .xlsx file is a zip of XML parts: the workbook lists the sheets, its
 * relationships part says which part holds each, the shared strings part
 * holds the text cells point into, and the styles part says which number
 * formats are dates.  Every part is streamed through expat straight from
 * the zip: a 200,000-row sheet is never held whole, as text or as a tree.
 * Element names are matched without their namespace, so prefixed parts
 * (<x:c>) and Strict OOXML read the same. */

#define NS_SEP       '|'
#define MAX_ROWS     1048576   /* Excel's grid */
#define MAX_COLUMNS  16384
#define MAX_DEPTH    64        /* deeper elements are none we read */
#define CHUNK_SIZE   (64 * 1024)

/* How a number format shows a number */
typedef enum
{
  FMT_NUMBER,
  FMT_DATE,
  FMT_BOOL,
} Format;

typedef enum
{
  K_OTHER,
  K_ROOT,
  /* workbook */
  K_SHEETS,
  /* styles */
  K_NUMFMTS,
  K_CELLXFS,
  /* shared strings and inline strings */
  K_SI,
  K_IS,
  K_RUN,
  K_TEXT,
  /* worksheet */
  K_SHEETDATA,
  K_ROW,
  K_CELL,
  K_VALUE,
} Kind;

typedef struct
{
  char     *name;
  char     *part;      /* in the zip, resolved; NULL if the rels lack it */
  char     *rel_id;
  gboolean  hidden;
} Sheet;

typedef struct
{
  zip_t        *zip;
  const char   *who;         /* the file's name as messages quote it */
  GPtrArray    *sheets;      /* of Sheet */
  gboolean      date1904;
  GStringChunk *strings;     /* the shared strings' text */
  GPtrArray    *sst;         /* of const char *, into strings */
  GByteArray   *xf_kinds;    /* per cellXfs index: how its format shows a number */
  guint64       inflated;    /* bytes unpacked so far, over every part */
} Book;

/* The state every part's parse shares: the stack of what we are in. */
typedef struct
{
  XML_Parser  parser;
  GError     *error;         /* why a handler stopped the parse, if it says */
  guint       depth;
  guint8      kinds[MAX_DEPTH];
  gboolean    capture;       /* character data goes to @text */
  GString    *text;
} Ctx;

static void
sheet_free (gpointer data)
{
  Sheet *s = data;

  g_free (s->name);
  g_free (s->part);
  g_free (s->rel_id);
  g_free (s);
}

/* Messages */

static void
set_damaged (GError     **error,
             const char  *who)
{
  g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
               /* Translators: %s is the file's name, quoted */
               _("%s is damaged or is not an Excel workbook: open it in WPS or Excel and save it again as .xlsx."),
               who);
}

static void
set_sheet_damaged (GError     **error,
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

static const char *
local_name (const char *name)
{
  const char *sep = strrchr (name, NS_SEP);

  return sep != NULL ? sep + 1 : name;
}

/* The value of the attribute named @local; with @namespaced, only one in a
 * namespace (r:id), else only one without (a plain "r"). */
static const char *
get_attr (const XML_Char **attrs,
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

static Kind
ctx_parent (Ctx *ctx)
{
  if (ctx->depth == 0)
    return K_ROOT;
  return ctx->depth <= MAX_DEPTH ? ctx->kinds[ctx->depth - 1] : K_OTHER;
}

static void
ctx_push (Ctx  *ctx,
          Kind  kind)
{
  if (ctx->depth < MAX_DEPTH)
    ctx->kinds[ctx->depth] = kind;
  ctx->depth++;
}

static Kind
ctx_pop (Ctx *ctx)
{
  g_assert (ctx->depth > 0);
  ctx->depth--;
  return ctx->depth < MAX_DEPTH ? ctx->kinds[ctx->depth] : K_OTHER;
}

/* Stops the parse; read_part() reports @error (which it takes). */
static void
ctx_fail (Ctx    *ctx,
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

static zip_int64_t
find_part (Book       *book,
           const char *part)
{
  /* Part names are case-insensitive (OPC). */
  return part != NULL ? zip_name_locate (book->zip, part, ZIP_FL_NOCASE) : -1;
}

/* Streams the part at @index through expat with the handlers; @ctx is
 * their user data.  A handler's error wins over expat's. */
static gboolean
read_part (Book                     *book,
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
      set_damaged (error, book->who);
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
    set_damaged (error, book->who);
  return FALSE;
}

/* Relationships: Id → part, resolved against the folder of the part they
 * belong to ("xl/"), or absolute ("/xl/worksheets/sheet1.xml"). */

typedef struct
{
  Ctx         ctx;
  const char *base;          /* the source part's folder, "" for the root */
  GHashTable *targets;       /* Id → part */
  char       *office_document;
  char       *shared_strings;
  char       *styles;
} RelsCtx;

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

  ctx_push (&rc->ctx, K_OTHER);
  if (strcmp (local_name (name), "Relationship") != 0)
    return;
  id = get_attr (attrs, "Id", FALSE);
  type = get_attr (attrs, "Type", FALSE);
  target = get_attr (attrs, "Target", FALSE);
  mode = get_attr (attrs, "TargetMode", FALSE);
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

static void XMLCALL
any_end (void           *data,
         const XML_Char *name)
{
  ctx_pop (data);
}

/* Reads the relationships of @source ("" for the package's own). */
static gboolean
read_rels (Book        *book,
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
  index = find_part (book, rels);
  if (index < 0)
    return TRUE;
  rc->base = dir;
  ok = read_part (book, index, &rc->ctx, rels_start, any_end, error);
  rc->base = NULL;
  return ok;
}

static void
rels_clear (RelsCtx *rc)
{
  g_clear_pointer (&rc->targets, g_hash_table_unref);
  g_clear_pointer (&rc->office_document, g_free);
  g_clear_pointer (&rc->shared_strings, g_free);
  g_clear_pointer (&rc->styles, g_free);
}

/* The workbook: its sheets and its date system. */

typedef struct
{
  Ctx   ctx;
  Book *book;
} BookCtx;

static gboolean
is_true (const char *value)
{
  return value != NULL && (strcmp (value, "1") == 0 || strcmp (value, "true") == 0);
}

static void XMLCALL
workbook_start (void            *data,
                const XML_Char  *name,
                const XML_Char **attrs)
{
  Ctx *ctx = data;
  Book *book = ((BookCtx *) data)->book;
  const char *local = local_name (name);
  Kind parent = ctx_parent (ctx);

  if (parent == K_ROOT || parent == K_OTHER)
    {
      /* Only the workbook's own children: an <extLst> may hold anything. */
      if (ctx->depth == 1 && strcmp (local, "sheets") == 0)
        {
          ctx_push (ctx, K_SHEETS);
          return;
        }
      if (ctx->depth == 1 && strcmp (local, "workbookPr") == 0)
        book->date1904 = is_true (get_attr (attrs, "date1904", FALSE));
    }
  else if (parent == K_SHEETS && strcmp (local, "sheet") == 0)
    {
      const char *sheet_name = get_attr (attrs, "name", FALSE);
      const char *state = get_attr (attrs, "state", FALSE);
      const char *id = get_attr (attrs, "id", TRUE);

      if (sheet_name != NULL)
        {
          Sheet *s = g_new0 (Sheet, 1);

          s->name = g_strdup (sheet_name);
          s->rel_id = g_strdup (id);
          s->hidden = state != NULL && (strcmp (state, "hidden") == 0 || strcmp (state, "veryHidden") == 0);
          g_ptr_array_add (book->sheets, s);
        }
    }
  ctx_push (ctx, K_OTHER);
}

/* Styles: which cell formats show a number as a date. */

/* Built-in formats that are dates in the zh-CN locale (Excel's and WPS's
 * tables): 14–17 and 22 everywhere; 27–31, 36, 50–54, 57, 58 are the
 * Chinese 年/月/日 forms.  18–21, 32–35, 45–47, 55, 56 are times of day:
 * a time is not a date, so those stay numbers. */
static gboolean
builtin_is_date (guint id)
{
  return (id >= 14 && id <= 17) || id == 22 || (id >= 27 && id <= 31) || id == 36
         || (id >= 50 && id <= 54) || id == 57 || id == 58;
}

/* A format code is a date when its first section uses a year, day or era
 * code outside quoted text, escapes and [brackets] ([$-804] locales,
 * [DBNum1], colours, conditions, [h] elapsed time); "m" alone may be
 * minutes, and a time is not a date. */
static gboolean
format_code_is_date (const char *code)
{
  for (const char *p = code; *p != '\0'; p++)
    {
      switch (*p)
        {
        case '"':
          p = strchr (p + 1, '"');
          if (p == NULL)
            return FALSE;
          break;
        case '\\':
        case '_':
        case '*':
          /* An escaped, a spacing or a repeated character */
          if (p[1] == '\0')
            return FALSE;
          p++;
          break;
        case '[':
          p = strchr (p, ']');
          if (p == NULL)
            return FALSE;
          break;
        case ';':
          return FALSE;
        case 'G':
        case 'g':
          if (g_ascii_strncasecmp (p, "general", 7) == 0)
            {
              p += 6;
              break;
            }
          return TRUE;
        case 'E':
        case 'e':
          /* 0.00E+00 is scientific */
          if (p[1] == '+' || p[1] == '-')
            break;
          return TRUE;
        case 'Y':
        case 'y':
        case 'D':
        case 'd':
          return TRUE;
        default:
          break;
        }
    }
  return FALSE;
}

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
  return format_code_is_date (code) ? FMT_DATE : FMT_NUMBER;
}

typedef struct
{
  Ctx         ctx;
  GHashTable *custom;        /* numFmtId → its Format, as a pointer */
  GArray     *xf_formats;    /* numFmtId per cellXfs index */
} StylesCtx;

static gboolean
parse_uint (const char *text,
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
  const char *local = local_name (name);
  Kind parent = ctx_parent (&sc->ctx);
  guint id = 0;

  if (sc->ctx.depth == 1 && strcmp (local, "numFmts") == 0)
    ctx_push (&sc->ctx, K_NUMFMTS);
  else if (sc->ctx.depth == 1 && strcmp (local, "cellXfs") == 0)
    ctx_push (&sc->ctx, K_CELLXFS);
  else
    {
      if (parent == K_NUMFMTS && strcmp (local, "numFmt") == 0)
        {
          const char *code = get_attr (attrs, "formatCode", FALSE);

          if (parse_uint (get_attr (attrs, "numFmtId", FALSE), G_MAXINT, &id) && code != NULL)
            g_hash_table_replace (sc->custom, GUINT_TO_POINTER (id),
                                  GINT_TO_POINTER (format_code_kind (code)));
        }
      else if (parent == K_CELLXFS && strcmp (local, "xf") == 0)
        {
          if (!parse_uint (get_attr (attrs, "numFmtId", FALSE), G_MAXINT, &id))
            id = 0;
          g_array_append_val (sc->xf_formats, id);
        }
      ctx_push (&sc->ctx, K_OTHER);
    }
}

static gboolean
read_styles (Book        *book,
             const char  *part,
             GError     **error)
{
  StylesCtx sc = { { 0 } };
  zip_int64_t index = find_part (book, part);
  gboolean ok = TRUE;

  if (index < 0)
    return TRUE;   /* no styles: every number is a number */
  sc.custom = g_hash_table_new (NULL, NULL);
  sc.xf_formats = g_array_new (FALSE, FALSE, sizeof (guint));
  ok = read_part (book, index, &sc.ctx, styles_start, any_end, error);
  for (guint i = 0; ok && i < sc.xf_formats->len; i++)
    {
      guint id = g_array_index (sc.xf_formats, guint, i);
      gpointer custom;
      guint8 kind;

      if (g_hash_table_lookup_extended (sc.custom, GUINT_TO_POINTER (id), NULL, &custom))
        kind = GPOINTER_TO_INT (custom);
      else
        kind = builtin_is_date (id) ? FMT_DATE : FMT_NUMBER;
      g_byte_array_append (book->xf_kinds, &kind, 1);
    }
  g_hash_table_unref (sc.custom);
  g_array_unref (sc.xf_formats);
  return ok;
}

/* Text as OOXML stores it: characters XML cannot hold are escaped as
 * _xHHHH_ (Excel writes _x000D_ for a carriage return), and "_x005F_"
 * escapes the underscore of a literal "_x". */
static void
unescape_xstring (GString *s)
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
  const char *local = local_name (name);
  Kind parent = ctx_parent (&sc->ctx);
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
  ctx_push (&sc->ctx, kind);
}

static void XMLCALL
sst_end (void           *data,
         const XML_Char *name)
{
  SstCtx *sc = data;
  Kind kind = ctx_pop (&sc->ctx);

  if (kind == K_TEXT)
    sc->ctx.capture = FALSE;
  else if (kind == K_SI)
    {
      unescape_xstring (sc->ctx.text);
      g_ptr_array_add (sc->book->sst,
                       g_string_chunk_insert_len (sc->book->strings, sc->ctx.text->str, sc->ctx.text->len));
    }
}

static gboolean
read_shared_strings (Book        *book,
                     const char  *part,
                     GError     **error)
{
  SstCtx sc = { { 0 }, book };
  zip_int64_t index = find_part (book, part);
  gboolean ok;

  if (index < 0)
    return TRUE;   /* no text cells, or only inline ones */
  sc.ctx.text = g_string_new (NULL);
  ok = read_part (book, index, &sc.ctx, sst_start, sst_end, error);
  g_string_free (sc.ctx.text, TRUE);
  return ok;
}

/* A worksheet's cells, straight into the table. */

typedef struct
{
  gint64  day;               /* + 1: 0 is an empty slot */
  char    text[16];
} DateCache;

typedef struct
{
  Ctx         ctx;
  Book       *book;
  SzTable    *table;
  const char *sheet;
  guint       last_row;      /* the number of the row before this one */
  guint       row;           /* this row's; 0 until known */
  gboolean    row_begun;
  int         column;        /* of the cell being read; -1 before the first */
  char        type;          /* of the cell: its t="" attribute's first letter */
  char        type2;         /* and its second, for "s"/"str" */
  guint       style;
  GString    *value;
  DateCache   dates[256];
} SheetCtx;

/* "B5" → column 1, row 5 (0 when the reference has no digits). */
static gboolean
parse_ref (const char *ref,
           guint      *column,
           guint      *row)
{
  const char *p = ref;
  guint c = 0, r = 0;

  for (; g_ascii_isalpha (*p); p++)
    {
      c = c * 26 + (g_ascii_toupper (*p) - 'A' + 1);
      if (c > MAX_COLUMNS)
        return FALSE;
    }
  if (p == ref)
    return FALSE;
  if (*p != '\0' && !parse_uint (p, MAX_ROWS, &r))
    return FALSE;
  if (*p != '\0' && r == 0)
    return FALSE;
  *column = c - 1;
  *row = r;
  return TRUE;
}

static void
sheet_fail (SheetCtx *sc)
{
  GError *error = NULL;

  set_sheet_damaged (&error, sc->book->who, sc->sheet);
  ctx_fail (&sc->ctx, error);
}

static void
sheet_cell_start (SheetCtx        *sc,
                  const XML_Char **attrs)
{
  const char *ref = NULL, *type = NULL, *style = NULL;
  guint column, row;

  /* One pass: this runs for every cell. */
  for (guint i = 0; attrs[i] != NULL; i += 2)
    if (attrs[i][0] != '\0' && attrs[i][1] == '\0')
      switch (attrs[i][0])
        {
        case 'r':
          ref = attrs[i + 1];
          break;
        case 't':
          type = attrs[i + 1];
          break;
        case 's':
          style = attrs[i + 1];
          break;
        default:
          break;
        }
  if (ref != NULL)
    {
      if (!parse_ref (ref, &column, &row))
        {
          sheet_fail (sc);
          return;
        }
      /* A row without r="" takes its number from its cells. */
      if (sc->row == 0 && row != 0)
        {
          if (row <= sc->last_row)
            {
              sheet_fail (sc);
              return;
            }
          sc->row = row;
        }
      sc->column = column;
    }
  else if (++sc->column >= MAX_COLUMNS)
    {
      sheet_fail (sc);
      return;
    }
  sc->type = type != NULL ? type[0] : 'n';
  sc->type2 = type != NULL && type[0] != '\0' ? type[1] : '\0';
  if (!parse_uint (style, G_MAXINT, &sc->style))
    sc->style = 0;
  g_string_truncate (sc->value, 0);
}

static gboolean
parse_number (const char *text,
              double     *value)
{
  char *end = NULL;

  if (!(g_ascii_isdigit (*text) || *text == '-' || *text == '+' || *text == '.'))
    return FALSE;
  *value = g_ascii_strtod (text, &end);
  return end != text && *end == '\0' && isfinite (*value);
}

/* "2024-03-01" or "2024-03-01T08:30:00(Z)" of a t="d" cell */
static char *
parse_iso_date (const char *text)
{
  guint y, m, d, hh = 0, mm = 0, ss = 0;
  int n = 0;

  if (sscanf (text, "%4u-%2u-%2u%n", &y, &m, &d, &n) != 3 || n != 10 || !g_date_valid_dmy (d, m, y))
    return NULL;
  if (text[10] == 'T' && sscanf (text + 11, "%2u:%2u:%2u", &hh, &mm, &ss) >= 2 && hh < 24 && mm < 60 && ss < 60
      && (hh | mm | ss) != 0)
    return g_strdup_printf ("%04u-%02u-%02u %02u:%02u:%02u", y, m, d, hh, mm, ss);
  return g_strdup_printf ("%04u-%02u-%02u", y, m, d);
}

/* A whole number below 10^15 as sz_table_format_number() writes it: no
 * sign but a minus, no leading zero, no "-0". */
static gboolean
is_plain_integer (const char *text)
{
  const char *digits = text[0] == '-' ? text + 1 : text;
  gsize n = 0;

  if (digits[0] == '0')
    return digits[1] == '\0' && digits == text;
  for (; g_ascii_isdigit (digits[n]); n++)
    ;
  return n > 0 && n <= 15 && digits[n] == '\0';
}

/* sz_table_format_serial_date(), remembering whole days: a roster's
 * dates repeat, and making one costs two GDateTimes. */
static char *
format_date (SheetCtx *sc,
             double    serial)
{
  gint64 day;
  DateCache *slot;
  char *text;

  if (serial != floor (serial) || serial < 0 || serial > 3e6)
    return sz_table_format_serial_date (serial, sc->book->date1904);
  day = (gint64) serial;
  slot = &sc->dates[day % G_N_ELEMENTS (sc->dates)];
  if (slot->day == day + 1)
    return g_strdup (slot->text);
  text = sz_table_format_serial_date (serial, sc->book->date1904);
  if (text != NULL && strlen (text) < sizeof slot->text)
    {
      slot->day = day + 1;
      strcpy (slot->text, text);
    }
  return text;
}

static void
sheet_cell_end (SheetCtx *sc)
{
  Book *book = sc->book;
  g_autofree char *owned = NULL;
  const char *text = sc->value->str;
  SzCellKind kind = SZ_CELL_TEXT;
  Format format;
  guint index;
  double number;

  /* expat may still end the element whose start stopped the parse */
  if (sc->ctx.error != NULL || sc->column < 0)
    return;

  switch (sc->type)
    {
    case 's':
      if (sc->type2 == '\0')   /* "s": a shared string */
        {
          g_strstrip (sc->value->str);
          if (sc->value->str[0] == '\0')
            return;
          if (!parse_uint (sc->value->str, G_MAXINT, &index) || index >= book->sst->len)
            {
              sheet_fail (sc);
              return;
            }
          text = g_ptr_array_index (book->sst, index);
        }
      else                     /* "str": a formula's text */
        unescape_xstring (sc->value);
      break;
    case 'i':                  /* "inlineStr" */
      unescape_xstring (sc->value);
      break;
    case 'b':
      g_strstrip (sc->value->str);
      if (sc->value->str[0] == '\0')
        return;
      kind = SZ_CELL_BOOL;
      text = is_true (sc->value->str) ? "TRUE" : "FALSE";
      break;
    case 'e':
      kind = SZ_CELL_ERROR;
      break;
    case 'd':
      g_strstrip (sc->value->str);
      owned = parse_iso_date (sc->value->str);
      if (owned != NULL)
        {
          kind = SZ_CELL_DATE;
          text = owned;
        }
      break;
    default:                   /* "n", or none */
      g_strstrip (sc->value->str);
      format = sc->style < book->xf_kinds->len ? book->xf_kinds->data[sc->style] : FMT_NUMBER;
      /* Most numbers are whole (phones, counts): their text is already
       * what sz_table_format_number() would make of them. */
      if (format == FMT_NUMBER && is_plain_integer (sc->value->str))
        {
          kind = SZ_CELL_NUMBER;
          break;
        }
      if (!parse_number (sc->value->str, &number))
        break;   /* not a number after all: keep what it says */
      if (format == FMT_BOOL)
        {
          kind = SZ_CELL_BOOL;
          text = number != 0 ? "TRUE" : "FALSE";
          break;
        }
      kind = SZ_CELL_DATE;
      if (format == FMT_DATE)
        owned = format_date (sc, number);
      if (owned == NULL)
        {
          /* Not a date format, or out of a date's range */
          kind = SZ_CELL_NUMBER;
          owned = sz_table_format_number (number);
        }
      text = owned;
      break;
    }
  if (text[0] == '\0')
    return;

  if (!sc->row_begun)
    {
      if (sc->row == 0)
        sc->row = sc->last_row + 1;
      if (sc->row > MAX_ROWS)
        {
          sheet_fail (sc);
          return;
        }
      sz_table_begin_row (sc->table, sc->row);
      sc->row_begun = TRUE;
    }
  sz_table_set_cell (sc->table, sc->column, kind, text, -1);
}

static void XMLCALL
sheet_start (void            *data,
             const XML_Char  *name,
             const XML_Char **attrs)
{
  SheetCtx *sc = data;
  const char *local = local_name (name);
  Kind parent = ctx_parent (&sc->ctx);
  Kind kind = K_OTHER;

  switch (parent)
    {
    case K_OTHER:
    case K_ROOT:
      if (sc->ctx.depth == 1 && strcmp (local, "sheetData") == 0)
        kind = K_SHEETDATA;
      break;
    case K_SHEETDATA:
      if (strcmp (local, "row") == 0)
        {
          const char *r = get_attr (attrs, "r", FALSE);

          kind = K_ROW;
          sc->row = 0;
          sc->row_begun = FALSE;
          sc->column = -1;
          /* Rows come in order; Excel numbers a row without r="" after
           * the one before it. */
          if (r != NULL && (!parse_uint (r, MAX_ROWS, &sc->row) || sc->row <= sc->last_row))
            sheet_fail (sc);
        }
      break;
    case K_ROW:
      if (strcmp (local, "c") == 0)
        {
          kind = K_CELL;
          sheet_cell_start (sc, attrs);
        }
      break;
    case K_CELL:
      if (strcmp (local, "v") == 0)
        {
          kind = K_VALUE;
          sc->ctx.capture = TRUE;
        }
      else if (strcmp (local, "is") == 0)
        kind = K_IS;
      break;
    case K_IS:
    case K_RUN:
      if (strcmp (local, "t") == 0)
        {
          kind = K_VALUE;
          sc->ctx.capture = TRUE;
        }
      else if (parent == K_IS && strcmp (local, "r") == 0)
        kind = K_RUN;
      break;
    default:
      break;
    }
  ctx_push (&sc->ctx, kind);
}

static void XMLCALL
sheet_end (void           *data,
           const XML_Char *name)
{
  SheetCtx *sc = data;

  switch (ctx_pop (&sc->ctx))
    {
    case K_VALUE:
      sc->ctx.capture = FALSE;
      break;
    case K_CELL:
      sheet_cell_end (sc);
      break;
    case K_ROW:
      if (sc->row_begun)
        sz_table_end_row (sc->table, 0);
      sc->last_row = sc->row != 0 ? sc->row : sc->last_row + 1;
      sc->row_begun = FALSE;
      break;
    default:
      break;
    }
}

static SzTable *
read_sheet (Book        *book,
            Sheet       *sheet,
            GError     **error)
{
  g_autoptr(SzTable) table = sz_table_new (SZ_TABLE_XLSX, book->who);
  SheetCtx sc = { { 0 } };
  zip_int64_t index = find_part (book, sheet->part);
  gboolean ok;

  if (index < 0)
    {
      set_sheet_damaged (error, book->who, sheet->name);
      return NULL;
    }
  sc.book = book;
  sc.table = table;
  sc.sheet = sheet->name;
  sc.value = g_string_new (NULL);
  sc.ctx.text = sc.value;
  ok = read_part (book, index, &sc.ctx, sheet_start, sheet_end, error);
  g_string_free (sc.value, TRUE);
  return ok ? g_steal_pointer (&table) : NULL;
}

/* The workbook */

static gboolean
read_workbook (Book        *book,
               GError     **error)
{
  RelsCtx root = { { 0 } }, rels = { { 0 } };
  g_autofree char *workbook = NULL;
  BookCtx bc = { { 0 }, book };
  zip_int64_t index;
  gboolean ok = FALSE;

  /* The package's relationships name the workbook part; every writer
   * calls it xl/workbook.xml, which is what we try without them. */
  if (!read_rels (book, "", &root, error))
    goto out;
  workbook = g_strdup (root.office_document != NULL ? root.office_document : "xl/workbook.xml");
  index = find_part (book, workbook);
  if (index < 0 && root.office_document != NULL)
    index = find_part (book, "xl/workbook.xml");
  if (index < 0)
    {
      if (find_part (book, "xl/workbook.bin") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is an Excel binary workbook (.xlsb): open it in WPS or Excel and save it as .xlsx."),
                     book->who);
      else if (find_part (book, "mimetype") >= 0 || find_part (book, "content.xml") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is an OpenDocument file (.ods), not an Excel workbook: open it in WPS or LibreOffice and save it as .xlsx."),
                     book->who);
      else if (find_part (book, "word/document.xml") >= 0)
        g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_FORMAT,
                     /* Translators: %s is the file's name, quoted */
                     _("%s is a Word document, not a spreadsheet: choose the roster's .xlsx, .xls or .csv file."),
                     book->who);
      else
        set_damaged (error, book->who);
      goto out;
    }

  if (!read_part (book, index, &bc.ctx, workbook_start, any_end, error))
    goto out;
  if (book->sheets->len == 0)
    {
      set_damaged (error, book->who);
      goto out;
    }

  if (!read_rels (book, workbook, &rels, error))
    goto out;
  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);
      const char *part = s->rel_id != NULL ? g_hash_table_lookup (rels.targets, s->rel_id) : NULL;

      s->part = g_strdup (part);
    }
  if (!read_styles (book, rels.styles, error) || !read_shared_strings (book, rels.shared_strings, error))
    goto out;
  ok = TRUE;

out:
  rels_clear (&root);
  rels_clear (&rels);
  return ok;
}

/* Whether @s is the sheet @name asks for: its exact name, else the same
 * without regard to case (Excel's sheet names are unique that way) when
 * no sheet has the exact name. */
static gboolean
sheet_name_equal (Book       *book,
                  Sheet      *s,
                  const char *name)
{
  g_autofree char *fa = NULL;
  g_autofree char *fb = NULL;

  if (strcmp (s->name, name) == 0)
    return TRUE;
  for (guint i = 0; i < book->sheets->len; i++)
    if (strcmp (((Sheet *) g_ptr_array_index (book->sheets, i))->name, name) == 0)
      return FALSE;
  fa = g_utf8_casefold (s->name, -1);
  fb = g_utf8_casefold (name, -1);
  return strcmp (fa, fb) == 0;
}

static char *
join_sheet_names (Book *book)
{
  GString *list = g_string_new (NULL);

  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);

      if (i > 0)
        /* Translators: separates the sheet names in a list */
        g_string_append (list, _(", "));
      /* Translators: how a sheet's name is quoted in a list of them */
      g_string_append_printf (list, _("“%s”"), s->name);
    }
  return g_string_free (list, FALSE);
}

static SzTable *
choose_sheet (Book        *book,
              const char  *name,
              GError     **error)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  Sheet *first_visible = NULL;
  guint n_visible = 0;

  for (guint i = 0; i < book->sheets->len; i++)
    g_ptr_array_add (names, ((Sheet *) g_ptr_array_index (book->sheets, i))->name);
  g_ptr_array_add (names, NULL);

  for (guint i = 0; i < book->sheets->len; i++)
    {
      Sheet *s = g_ptr_array_index (book->sheets, i);
      g_autoptr(SzTable) table = NULL;

      if (name != NULL ? !sheet_name_equal (book, s, name) : s->hidden)
        continue;
      n_visible++;
      if (first_visible == NULL)
        first_visible = s;
      table = read_sheet (book, s, error);
      if (table == NULL)
        return NULL;
      if (sz_table_get_n_all_rows (table) > 0)
        {
          sz_table_set_sheets (table, s->name, (const char * const *) names->pdata);
          return g_steal_pointer (&table);
        }
      if (name != NULL)
        break;
    }

  if (name != NULL && first_visible == NULL)
    {
      g_autofree char *list = join_sheet_names (book);

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_NO_SHEET,
                   /* Translators: the file's name, quoted; the sheet asked
                    * for; then the list of the workbook's sheets */
                   _("%s has no sheet named “%s”. Its sheets are: %s."),
                   book->who, name, list);
    }
  else if (n_visible == 1)
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: the sheet's name, then the file's name, quoted */
                 _("The sheet “%s” of %s has no cells: choose another sheet, or check that it is the right file."),
                 first_visible->name, book->who);
  else
    g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_EMPTY,
                 /* Translators: %s is the file's name, quoted */
                 _("%s has no cells in any of its visible sheets: check that it is the right file."),
                 book->who);
  return NULL;
}

SzTable *
sz_xlsx_parse (GBytes      *data,
               const char  *file_name,
               const char  *sheet,
               GError     **error)
{
  g_autofree char *who = NULL;
  zip_source_t *source;
  zip_error_t zerror;
  Book book = { 0 };
  SzTable *table = NULL;
  gconstpointer bytes;
  gsize len;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  who = sz_table_quote_file_name (file_name);
  bytes = g_bytes_get_data (data, &len);
  if (len > SZ_TABLE_MAX_FILE_SIZE)
    {
      g_autofree char *size = g_format_size (len);

      g_set_error (error, SZ_TABLE_ERROR, SZ_TABLE_ERROR_TOO_LARGE,
                   /* Translators: the file's name, its size ("25.3 MB"),
                    * then the largest size allowed, in MB */
                   _("%s is too large (%s): a roster file may be at most %u MB."),
                   who, size, (guint) (SZ_TABLE_MAX_FILE_SIZE / 1024 / 1024));
      return NULL;
    }

  zip_error_init (&zerror);
  /* libzip reads the bytes in place: @data outlives the archive. */
  source = zip_source_buffer_create (len > 0 ? bytes : "", len, 0, &zerror);
  if (source != NULL)
    book.zip = zip_open_from_source (source, ZIP_RDONLY, &zerror);
  if (book.zip == NULL)
    {
      g_debug ("xlsx: not a zip: %s", zip_error_strerror (&zerror));
      if (source != NULL)
        zip_source_free (source);
      zip_error_fini (&zerror);
      set_damaged (error, who);
      return NULL;
    }
  zip_error_fini (&zerror);

  book.who = who;
  book.sheets = g_ptr_array_new_with_free_func (sheet_free);
  book.strings = g_string_chunk_new (64 * 1024);
  book.sst = g_ptr_array_new ();
  book.xf_kinds = g_byte_array_new ();

  if (read_workbook (&book, error))
    table = choose_sheet (&book, sheet, error);

  zip_discard (book.zip);
  g_ptr_array_unref (book.sheets);
  g_string_chunk_free (book.strings);
  g_ptr_array_unref (book.sst);
  g_byte_array_unref (book.xf_kinds);
  return table;
}
