/* sz-import-private.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-db.h"
#include "sz-import.h"
#include "sz-person.h"
#include "sz-post.h"
#include "sz-roster.h"

G_BEGIN_DECLS

/* The import is one class over three files:
 *   sz-import.c         the object: header, columns, problems, plan/apply;
 *   sz-import-values.c  reading one cell: numbers, yes/no, posts, phones,
 *                       dates as spreadsheets write them;
 *   sz-import-rows.c    one row: its places and its post;
 *   sz-import-person.c  one row's person. */

struct _SzImport
{
  SzDb            *db;
  gint64           community_id;
  SzTable         *table;
  gboolean         owns_table;
  int              col[SZ_IMPORT_N_FIELDS];
  gboolean         col_auto[SZ_IMPORT_N_FIELDS];
  SzImportFlags    flags;
  char            *today;
  char            *source;        /* the file's base name */

  /* What the last plan or apply found */
  GPtrArray       *problems;      /* of SzImportProblem */
  GPtrArray       *changes;       /* of SzImportChange */
  SzImportReport   report;
  guint            needing_places;
  guint            needing_handovers;
};

/* What one run (plan or apply) knows, loaded once so that each row costs
 * hash lookups, not table scans. */
typedef struct
{
  SzImport    *im;
  GHashTable  *grids;         /* number → id */
  GHashTable  *grid_names;    /* name → id */
  GHashTable  *compounds;     /* name → id */
  GHashTable  *buildings;     /* "compound/name" → id */
  GHashTable  *building_grid; /* "building id" → grid id */
  GHashTable  *units;         /* "building/number" → id */
  GHashTable  *people;        /* "name\nphone" → id; phone2 too */
  GHashTable  *namesakes;     /* name → id, or -1 when several */
  GHashTable  *heads;         /* "level/place" → "person id\nname" of the head now */
  GHashTable  *posts_in_file; /* "level/place" → "row\nperson id" */
  GHashTable  *new_places;    /* ids of places this run created: "g12", "c3", "b4", "u5" */
  GHashTable  *people_seen;   /* person id → its notes so far (GString) */
  GHashTable  *labels;        /* "g12" … → display label */
  /* The first place of the row that this run created, while new places
   * are not allowed: the row is refused after it has been read to its end,
   * so the counts of what would be created are whole. */
  char        *pending_place;
  int          pending_column;
} SzImportRun;

/* Problems */
void      sz_import_problem      (SzImport          *im,
                                  SzImportSeverity   severity,
                                  int                row,
                                  int                column,
                                  const char        *format,
                                  ...) G_GNUC_PRINTF (5, 6);
void      sz_import_change       (SzImport          *im,
                                  SzImportChangeKind kind,
                                  int                row,
                                  const char        *place,
                                  const char        *post,
                                  const char        *name,
                                  const char        *old_name);
/* The cell of @field in data row @row ("" when the field has no column). */
const char *sz_import_cell       (SzImport          *im,
                                  guint              row,
                                  SzImportField      field);
SzCellKind  sz_import_cell_kind  (SzImport          *im,
                                  guint              row,
                                  SzImportField      field);
/* The header of @field's column as the file writes it, else its title. */
const char *sz_import_header     (SzImport          *im,
                                  SzImportField      field);
/* “…” around the first 20 characters of @text, for messages. */
char       *sz_import_quote      (const char        *text);

/* Values (sz-import-values.c) */
int         sz_import_parse_number   (const char    *text,
                                      const char    *suffix);
int         sz_import_parse_yes_no   (const char    *text);
gboolean    sz_import_parse_level    (const char    *text,
                                      SzLevel       *level);
const char *sz_import_parse_background (const char  *text);
gboolean    sz_import_parse_chosen   (const char    *text,
                                      SzChosenBy    *chosen);
gboolean    sz_import_parse_gender   (const char    *text,
                                      const char   **gender);
/* Full-width digits and letters folded, NFC: building names, numbers. */
char       *sz_import_fold_identifier (const char   *text);
/* The phone of @field in @row in normal form (NULL when empty), or FALSE
 * with a problem noted that says what happened to it (a number cell that
 * Excel rounded; a landline whose leading 0 was dropped). */
gboolean    sz_import_read_phone     (SzImport      *im,
                                      guint          row,
                                      SzImportField  field,
                                      char         **phone);
/* A date cell (text, a date cell, or a serial number) as YYYY-MM-DD. */
gboolean    sz_import_read_date      (SzImport      *im,
                                      guint          row,
                                      SzImportField  field,
                                      char         **date);

/* Rows (sz-import-rows.c) */
SzImportRun *sz_import_run_new       (SzImport      *im,
                                      GError       **error);
void         sz_import_run_free      (SzImportRun   *run);
/* FALSE only for a failure of the database. */
gboolean     sz_import_run_row       (SzImportRun   *run,
                                      guint          row,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SzImportRun, sz_import_run_free)

/* People (sz-import-person.c) */
/* What a row says of its person, read and checked before anything is
 * written, so one pass shows all that is wrong in the row. */
typedef struct
{
  char        *name;
  char        *phone;
  char        *phone2;
  char        *consent_date;
  const char  *gender;
  const char  *background;
  const char  *notes;
  int          party;     /* -1: the row does not say */
  int          consent;
} PersonCells;

void         _sz_import_person_cells_clear (PersonCells  *pc);
G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PersonCells, _sz_import_person_cells_clear)
void         _sz_import_read_person_cells  (SzImportRun  *run,
                                            guint         row,
                                            PersonCells  *pc);
/* The row's person found or made, with what the row says written to
 * them; 0 after a problem noted, -1 when the database fails. */
gint64       _sz_import_resolve_person     (SzImportRun  *run,
                                            guint         row,
                                            PersonCells  *pc,
                                            GError      **error);
/* How the run's map finds a person: "name\nphone". */
static inline char *
_sz_import_key_person (const char *name,
                       const char *phone)
{
  return g_strdup_printf ("%s\n%s", name, phone ? phone : "");
}
/* Makes the person findable by name and phone for the rest of the run. */
void         _sz_import_run_add_person     (SzImportRun  *run,
                                            gint64        id,
                                            const char   *name,
                                            const char   *phone,
                                            const char   *phone2);


G_END_DECLS
