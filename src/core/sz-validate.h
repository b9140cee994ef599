/* sz-validate.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "sz-core-types.h"

G_BEGIN_DECLS

#define SZ_ROSTER_ERROR (sz_roster_error_quark ())

/* Errors of what the user typed or asked: each message names the field
 * and the value, or the thing that stands in the way. */
typedef enum
{
  SZ_ROSTER_ERROR_INVALID,    /* a field's value is not acceptable */
  SZ_ROSTER_ERROR_DUPLICATE,  /* the name or number is taken */
  SZ_ROSTER_ERROR_NOT_FOUND,  /* no such id */
  SZ_ROSTER_ERROR_IN_USE,     /* other records depend on it */
} SzRosterError;

GQuark sz_roster_error_quark (void);

/* Compares building names as people read them: digits by value. */
int          sz_natural_compare    (const char   *a,
                                    const char   *b);

/* Shared by the core's modules: validate one field, naming it in the
 * error.  A NULL or blank @value is refused for a required field. */
gboolean     sz_validate_text      (const char   *field,
                                    char        **value,
                                    gboolean      required,
                                    guint         max_chars,
                                    GError      **error);
gboolean     sz_validate_phone     (const char   *field,
                                    char        **value,
                                    gboolean      required,
                                    GError      **error);
/* A person's phone (a head's, not a hotline's): a mobile or a landline
 * (with or without an extension); a service or toll-free number (12345,
 * 110, 400…) is refused with a message naming @field. */
gboolean     sz_validate_person_phone (const char *field,
                                    char        **value,
                                    gboolean      required,
                                    GError      **error);
gboolean     sz_validate_date      (const char   *field,
                                    char        **value,
                                    gboolean      required,
                                    GError      **error);
gboolean     sz_validate_range     (const char   *field,
                                    int           value,
                                    int           min,
                                    int           max,
                                    GError      **error);

/* The index of @str in the @n_names strings of @names, or -1: how the
 * core's enums read their database strings. */
int          sz_name_index         (const char * const *names,
                                    int                 n_names,
                                    const char         *str);

/* Sets NOT_FOUND: "Grid 12 does not exist." */
void         sz_set_not_found      (GError         **error,
                                    const char      *what,
                                    gint64           id);

G_END_DECLS
