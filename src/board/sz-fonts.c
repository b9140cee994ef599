/* sz-fonts.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>
#include <fontconfig/fontconfig.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>

#include "sz-fonts.h"

typedef struct
{
  const char *family;
  gboolean    required;
  gboolean    haru_ok;   /* libharu 2.3.0 embeds it and draws it right */
} FontWanted;

/* ARCHITECTURE.md: libharu 2.3.0 draws Zen Hei and UMing right; HanaMinB
 * holds only characters outside the BMP, which it cannot encode. */
static const FontWanted wanted[] = {
  { "WenQuanYi Zen Hei", TRUE, TRUE },
  { "AR PL UMing CN", FALSE, TRUE },
  { "HanaMinA", FALSE, TRUE },
  { "HanaMinB", FALSE, FALSE },
};

struct _SzFonts
{
  FT_Library    library;
  GPtrArray    *files;      /* SzFontFile* */
  GPtrArray    *faces;      /* FT_Face, parallel to files */
  GHashTable   *by_char;    /* gunichar → font index, or G_MAXUINT for none */
  GHashTable   *by_name;    /* every family name of each file → SzFontFile */
  GHashTable   *texts_ok;   /* text that passed sz_fonts_check_text → its haru_char */
  PangoFontMap *font_map;
  PangoContext *context;
};

static void
font_file_free (SzFontFile *file)
{
  g_free (file->path);
  g_free (file->family);
  g_free (file);
}

/* Where the system's fonts are found: the folders and caches of Debian's
 * /etc/fonts/fonts.conf, without the sixty files of rules it includes.
 * Reading those rules is a fifth of printing one board, and none of them
 * matters here (the boards' own configuration, below, has no rules). */
static const char light_conf[] =
  "<?xml version=\"1.0\"?><fontconfig>"
  "<dir>/usr/share/fonts</dir><dir>/usr/local/share/fonts</dir>"
  "<dir prefix=\"xdg\">fonts</dir><dir>~/.fonts</dir>"
  "<cachedir>/var/cache/fontconfig</cachedir>"
  "<cachedir prefix=\"xdg\">fontconfig</cachedir><cachedir>~/.fontconfig</cachedir>"
  "</fontconfig>";

static gboolean find_font (FcConfig *config, const char *family, char **path, int *index, GPtrArray *names);

/* Texts remembered as checked: the labels, duties and hotlines every
 * board repeats, and names until there are this many. */
#define TEXTS_OK_MAX 8192

static gboolean light_current;

void
sz_fonts_set_light_config (gboolean light)
{
  light_current = light;
}

/* The configuration to find our fonts in, chosen once a process: the
 * light one above when it finds every font we want, else the system's
 * whole configuration (NULL), which may know other folders.  With
 * sz_fonts_set_light_config() it becomes fontconfig's current one too. */
static FcConfig *
system_config (void)
{
  static gsize once;
  static FcConfig *chosen;

  if (g_once_init_enter (&once))
    {
      FcConfig *light = FcConfigCreate ();
      gboolean all = light != NULL
                     && FcConfigParseAndLoadFromMemory (light, (const FcChar8 *) light_conf, FcFalse)
                     && FcConfigBuildFonts (light);

      for (guint i = 0; all && i < G_N_ELEMENTS (wanted); i++)
        {
          g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
          g_autofree char *path = NULL;
          int index = 0;

          all = find_font (light, wanted[i].family, &path, &index, names);
        }
      if (all)
        chosen = light;
      else if (light != NULL)
        FcConfigDestroy (light);
      /* Pango starts fontconfig on a thread of its own when it makes its
       * first font map, and waits for it: with a current configuration
       * there is nothing left to start. */
      if (chosen != NULL && light_current)
        FcConfigSetCurrent (chosen);
      g_once_init_leave (&once, 1);
    }
  return chosen;
}

/* The face of @family whose first family name is exactly @family: a .ttc
 * holds several (Zen Hei, Zen Hei Sharp, Zen Hei Mono). */
static gboolean
find_font (FcConfig    *config,
           const char  *family,
           char       **path,
           int         *index,
           GPtrArray   *names)
{
  FcPattern *pattern = FcPatternBuild (NULL, FC_FAMILY, FcTypeString, family, NULL);
  FcObjectSet *set = FcObjectSetBuild (FC_FAMILY, FC_FILE, FC_INDEX, FC_FONTFORMAT, NULL);
  FcFontSet *list = FcFontList (config, pattern, set);
  gboolean found = FALSE;

  for (int i = 0; list != NULL && i < list->nfont && !found; i++)
    {
      FcChar8 *name = NULL;
      FcChar8 *file = NULL;
      FcChar8 *format = NULL;
      int idx = 0;

      gboolean named = FALSE;

      /* Family names come in the order of the user's language: 文泉驿正黑
       * first under zh_CN.  Any of them may be the one asked for. */
      for (int n = 0; FcPatternGetString (list->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; n++)
        named |= g_ascii_strcasecmp ((const char *) name, family) == 0;
      if (!named || FcPatternGetString (list->fonts[i], FC_FILE, 0, &file) != FcResultMatch)
        continue;
      /* CFF OpenType fonts do not load in libharu 2.3.0 and cairo's CFF
       * subsetter blanks some characters: TrueType only. */
      if (FcPatternGetString (list->fonts[i], FC_FONTFORMAT, 0, &format) == FcResultMatch
          && g_strcmp0 ((const char *) format, "TrueType") != 0)
        continue;
      FcPatternGetInteger (list->fonts[i], FC_INDEX, 0, &idx);
      for (int n = 0; FcPatternGetString (list->fonts[i], FC_FAMILY, n, &name) == FcResultMatch; n++)
        g_ptr_array_add (names, g_strdup ((const char *) name));
      *path = g_strdup ((const char *) file);
      *index = idx;
      found = TRUE;
    }
  if (list != NULL)
    FcFontSetDestroy (list);
  FcObjectSetDestroy (set);
  FcPatternDestroy (pattern);
  return found;
}

/* Adds to @set the faces of @path that the system configuration already
 * knows (read from fontconfig's cache, not from the file).  FALSE when it
 * knows none. */
static gboolean
add_cached_faces (FcFontSet  *set,
                  const char *path)
{
  FcFontSet *system = FcConfigGetFonts (system_config (), FcSetSystem);
  gboolean any = FALSE;

  for (int i = 0; system != NULL && i < system->nfont; i++)
    {
      FcChar8 *file = NULL;

      if (FcPatternGetString (system->fonts[i], FC_FILE, 0, &file) == FcResultMatch
          && strcmp ((const char *) file, path) == 0)
        {
          FcPattern *copy = FcPatternDuplicate (system->fonts[i]);

          if (copy != NULL && FcFontSetAdd (set, copy))
            any = TRUE;
          else if (copy != NULL)
            FcPatternDestroy (copy);
        }
    }
  return any;
}

/* A configuration of our files only, done once a process and kept for its
 * life.  Scanning the files themselves (their character maps) costs a
 * tenth of a second, as much as printing a hundred boards: their patterns
 * are taken from the system configuration, which fontconfig reads from
 * its cache, and a file only scanned when the cache does not know it. */
static FcConfig *
shared_config (GPtrArray *files)
{
  static GMutex lock;
  static FcConfig *config;
  FcConfig *result;

  g_mutex_lock (&lock);
  if (config == NULL)
    {
      FcFontSet *set;

      config = FcConfigCreate ();
      /* Makes the application set, which is public only through this:
       * /dev/null holds no font, so nothing is added. */
      FcConfigAppFontAddFile (config, (const FcChar8 *) "/dev/null");
      set = FcConfigGetFonts (config, FcSetApplication);
      for (guint i = 0; i < files->len; i++)
        {
          const char *path = ((SzFontFile *) g_ptr_array_index (files, i))->path;

          if (set == NULL || !add_cached_faces (set, path))
            FcConfigAppFontAddFile (config, (const FcChar8 *) path);
          set = FcConfigGetFonts (config, FcSetApplication);
        }
    }
  result = config;
  g_mutex_unlock (&lock);
  return result;
}

SzFonts *
sz_fonts_new (GError **error)
{
  g_autoptr(SzFonts) fonts = g_new0 (SzFonts, 1);
  FcConfig *config;
  cairo_font_options_t *options;

  if (FT_Init_FreeType (&fonts->library) != 0)
    {
      g_set_error_literal (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                           _("The font library (FreeType) could not be started."));
      return NULL;
    }
  fonts->files = g_ptr_array_new_with_free_func ((GDestroyNotify) font_file_free);
  fonts->faces = g_ptr_array_new ();
  fonts->by_char = g_hash_table_new (NULL, NULL);
  fonts->by_name = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  fonts->texts_ok = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (wanted); i++)
    {
      g_autofree char *path = NULL;
      g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
      SzFontFile *file;
      FT_Face face;
      int index = 0;

      if (!find_font (system_config (), wanted[i].family, &path, &index, names)
          || FT_New_Face (fonts->library, path, index, &face) != 0)
        {
          if (wanted[i].required)
            {
              g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                           /* Translators: %s is a font name, %s a Debian package */
                           _("The font “%s” is not installed; boards need it (Debian package %s)."),
                           wanted[i].family, "fonts-wqy-zenhei");
              return NULL;
            }
          continue;
        }
      file = g_new0 (SzFontFile, 1);
      file->path = g_steal_pointer (&path);
      file->index = index;
      file->family = g_strdup (wanted[i].family);
      file->haru_ok = wanted[i].haru_ok;
      /* Ids follow the wanted table, so they agree between instances. */
      file->id = i;
      g_ptr_array_add (fonts->files, file);
      g_ptr_array_add (fonts->faces, face);
      for (guint n = 0; n < names->len; n++)
        g_hash_table_insert (fonts->by_name, g_utf8_casefold (g_ptr_array_index (names, n), -1), file);
    }
  config = shared_config (fonts->files);

  /* A font map of our files only: pango can then fall back to nothing
   * else, and what it measures is what the renderers draw. */
  fonts->font_map = pango_cairo_font_map_new_for_font_type (CAIRO_FONT_TYPE_FT);
  pango_fc_font_map_set_config (PANGO_FC_FONT_MAP (fonts->font_map), config);
  pango_cairo_font_map_set_resolution (PANGO_CAIRO_FONT_MAP (fonts->font_map), 72.0);
  fonts->context = pango_font_map_create_context (fonts->font_map);
  options = cairo_font_options_create ();
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  pango_cairo_context_set_font_options (fonts->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (fonts->context, FALSE);
  pango_context_set_language (fonts->context, pango_language_from_string ("zh-cn"));
  return g_steal_pointer (&fonts);
}

void
sz_fonts_free (SzFonts *fonts)
{
  if (fonts == NULL)
    return;
  g_clear_object (&fonts->context);
  g_clear_object (&fonts->font_map);
  for (guint i = 0; fonts->faces != NULL && i < fonts->faces->len; i++)
    FT_Done_Face (g_ptr_array_index (fonts->faces, i));
  g_clear_pointer (&fonts->faces, g_ptr_array_unref);
  g_clear_pointer (&fonts->files, g_ptr_array_unref);
  g_clear_pointer (&fonts->by_char, g_hash_table_unref);
  g_clear_pointer (&fonts->by_name, g_hash_table_unref);
  g_clear_pointer (&fonts->texts_ok, g_hash_table_unref);
  if (fonts->library != NULL)
    FT_Done_FreeType (fonts->library);
  g_free (fonts);
}

guint
sz_fonts_get_n_files (SzFonts *fonts)
{
  g_return_val_if_fail (fonts != NULL, 0);
  return fonts->files->len;
}

const SzFontFile *
sz_fonts_get_file (SzFonts *fonts,
                   guint    i)
{
  g_return_val_if_fail (fonts != NULL && i < fonts->files->len, NULL);
  return g_ptr_array_index (fonts->files, i);
}

const SzFontFile *
sz_fonts_get_primary (SzFonts *fonts)
{
  return sz_fonts_get_file (fonts, 0);
}

const SzFontFile *
sz_fonts_lookup_family (SzFonts    *fonts,
                        const char *family)
{
  g_autofree char *key = NULL;

  g_return_val_if_fail (fonts != NULL, NULL);
  if (family == NULL)
    return NULL;
  key = g_utf8_casefold (family, -1);
  return g_hash_table_lookup (fonts->by_name, key);
}

PangoContext *
sz_fonts_get_context (SzFonts *fonts)
{
  g_return_val_if_fail (fonts != NULL, NULL);
  return fonts->context;
}

/* Unicode 15's Default_Ignorable_Code_Point, as ICU has it (the core's
 * ICU is not a dependency of the board layer; tests compare the two). */
static const struct { gunichar first, last; } invisible[] = {
  { 0x00AD, 0x00AD }, { 0x034F, 0x034F }, { 0x061C, 0x061C }, { 0x115F, 0x1160 },
  { 0x17B4, 0x17B5 }, { 0x180B, 0x180F }, { 0x200B, 0x200F }, { 0x202A, 0x202E },
  { 0x2060, 0x206F }, { 0x3164, 0x3164 }, { 0xFE00, 0xFE0F }, { 0xFEFF, 0xFEFF },
  { 0xFFA0, 0xFFA0 }, { 0xFFF0, 0xFFF8 }, { 0x1BCA0, 0x1BCA3 }, { 0x1D173, 0x1D17A },
  { 0xE0000, 0xE0FFF },
};

gboolean
sz_fonts_is_invisible (gunichar c)
{
  if (c < invisible[0].first)
    return FALSE;
  for (guint i = 0; i < G_N_ELEMENTS (invisible) && c >= invisible[i].first; i++)
    if (c <= invisible[i].last)
      return TRUE;
  return FALSE;
}

char *
sz_fonts_strip_invisible (const char *text)
{
  GString *out = NULL;
  const char *kept = text;

  g_return_val_if_fail (text != NULL, NULL);

  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      /* Only these lead bytes begin an invisible character (the table
       * above): the Han characters of a name (E4–E9) are skipped unread. */
      switch ((guchar) *p)
        {
        case 0xC2: case 0xCD: case 0xD8: case 0xE1: case 0xE2: case 0xE3:
        case 0xEF: case 0xF0: case 0xF3:
          if (sz_fonts_is_invisible (g_utf8_get_char (p)))
            break;
          continue;
        default:
          continue;
        }
      if (out == NULL)
        out = g_string_sized_new (strlen (text));
      g_string_append_len (out, kept, p - kept);
      kept = g_utf8_next_char (p);
    }
  if (out == NULL)
    return NULL;
  g_string_append (out, kept);
  return g_string_free (out, FALSE);
}

typedef enum
{
  CHAR_INK,        /* needs a font with ink for it */
  CHAR_BLANK,      /* white space: an advance and no ink */
  CHAR_INVISIBLE,  /* not drawn at all (sz_fonts_is_invisible) */
  CHAR_CONTROL,    /* refused: no font draws it */
  CHAR_PRIVATE,    /* refused: no font draws it as the writer meant */
} CharClass;

static CharClass
classify (gunichar c)
{
  GUnicodeType type;

  if (g_unichar_isspace (c))
    return CHAR_BLANK;
  if (sz_fonts_is_invisible (c))
    return CHAR_INVISIBLE;
  type = g_unichar_type (c);
  if (type == G_UNICODE_SPACE_SEPARATOR)
    return CHAR_BLANK;
  if (type == G_UNICODE_CONTROL)
    return CHAR_CONTROL;
  /* A 造字 made with a private font: ours may have something at that code
   * point, but never what its writer drew. */
  if (type == G_UNICODE_PRIVATE_USE)
    return CHAR_PRIVATE;
  return CHAR_INK;
}

static gboolean
face_has_ink (FT_Face  face,
              gunichar c)
{
  FT_UInt glyph = FT_Get_Char_Index (face, c);

  if (glyph == 0)
    return FALSE;
  if (FT_Load_Glyph (face, glyph, FT_LOAD_NO_SCALE | FT_LOAD_NO_HINTING | FT_LOAD_NO_BITMAP) != 0)
    return FALSE;
  /* An empty outline is how a font says "I have this character" and
   * draws nothing (WenQuanYi Micro Hei's composite glyphs in libharu). */
  return face->glyph->format == FT_GLYPH_FORMAT_OUTLINE
         && face->glyph->outline.n_contours > 0
         && face->glyph->outline.n_points > 0;
}

const SzFontFile *
sz_fonts_for_char (SzFonts  *fonts,
                   gunichar  c)
{
  gpointer cached;
  guint found = G_MAXUINT;

  g_return_val_if_fail (fonts != NULL, NULL);

  switch (classify (c))
    {
    case CHAR_BLANK:
    case CHAR_INVISIBLE:
      return sz_fonts_get_primary (fonts);
    case CHAR_CONTROL:
    case CHAR_PRIVATE:
      return NULL;
    case CHAR_INK:
    default:
      break;
    }
  if (g_hash_table_lookup_extended (fonts->by_char, GUINT_TO_POINTER (c), NULL, &cached))
    found = GPOINTER_TO_UINT (cached);
  else
    {
      for (guint i = 0; i < fonts->faces->len && found == G_MAXUINT; i++)
        if (face_has_ink (g_ptr_array_index (fonts->faces, i), c))
          found = i;
      g_hash_table_insert (fonts->by_char, GUINT_TO_POINTER (c), GUINT_TO_POINTER (found));
    }
  return found == G_MAXUINT ? NULL : g_ptr_array_index (fonts->files, found);
}

char *
sz_fonts_describe_char (gunichar c)
{
  return g_strdup_printf ("U+%04" G_GINT32_MODIFIER "X", (gint32) c);
}

gboolean
sz_fonts_check_text (SzFonts     *fonts,
                     const char  *text,
                     const char  *what,
                     gunichar    *haru_char,
                     GError     **error)
{
  gpointer known;

  g_return_val_if_fail (fonts != NULL, FALSE);
  g_return_val_if_fail (haru_char != NULL, FALSE);

  *haru_char = 0;
  if (text == NULL || *text == '\0')
    return TRUE;
  /* Every board repeats most of its texts (labels, duties, hotlines):
   * each is checked once. */
  if (g_hash_table_lookup_extended (fonts->texts_ok, text, NULL, &known))
    {
      *haru_char = GPOINTER_TO_UINT (known);
      return TRUE;
    }
  for (const char *p = text; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      CharClass kind = classify (c);
      const SzFontFile *file;
      char buf[8] = { 0 };
      g_autofree char *code = NULL;

      if (kind == CHAR_INVISIBLE)
        continue;
      file = sz_fonts_for_char (fonts, c);
      if (file != NULL)
        {
          if (*haru_char == 0 && (c > 0xFFFF || !file->haru_ok))
            *haru_char = c;
          continue;
        }

      code = sz_fonts_describe_char (c);
      g_unichar_to_utf8 (c, buf);
      if (kind == CHAR_CONTROL)
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                     /* Translators: %s is where it is ("Unit 1 Unit head 王伟, name"),
                      * then a code ("U+0001"): the character itself cannot be shown */
                     _("%s: there is a control character (%s) in it, which cannot be printed;"
                       " remove it."),
                     what, code);
      else if (kind == CHAR_PRIVATE)
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                     /* Translators: where it is, then a character and its code.  A
                      * private-use character is how a self-made character (造字) is
                      * typed: only the font it was made with has it. */
                     _("%s: the character “%s” (%s) is a private-use (self-made) character,"
                       " which no font prints as it was meant; write it with a standard character."),
                     what, buf, code);
      else
        g_set_error (error, SZ_RENDER_ERROR, SZ_RENDER_ERROR_FONT,
                     /* Translators: “%s” (%s) is a character and its code, then
                      * where it is: "Unit head 李𰻞, name" */
                     _("%s: no installed font can draw the character “%s” (%s)."),
                     what, buf, code);
      return FALSE;
    }
  if (g_hash_table_size (fonts->texts_ok) >= TEXTS_OK_MAX)
    g_hash_table_remove_all (fonts->texts_ok);
  g_hash_table_insert (fonts->texts_ok, g_strdup (text), GUINT_TO_POINTER (*haru_char));
  return TRUE;
}
