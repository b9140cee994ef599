/* sz-safe-file.h
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Files that appear whole or not at all: written under a temporary name
 * beside the final one (same folder, so the same file system), mode 0600
 * from the first byte, fsync'd, then renamed into place.  A process
 * killed half-way leaves only the temporary file, whose name carries the
 * writer's process id: sz_safe_file_clean_stale() removes those of
 * processes that are gone, and sz_safe_file_cleanup_on_signals() removes
 * this process's own on SIGINT, SIGTERM and SIGHUP.
 *
 * The temporary name is “.NAME.sz-tmp-PID-XXXXXX”: hidden, and never
 * taken for a backup or an export by a listing. */

typedef enum
{
  SZ_SAFE_FILE_DEFAULT    = 0,
  SZ_SAFE_FILE_PRIVATE    = 1 << 0, /* keep mode 0600; else 0666 less the umask */
  SZ_SAFE_FILE_NO_REPLACE = 1 << 1, /* fail with G_IO_ERROR_EXISTS rather than replace */
} SzSafeFileFlags;

/* Creates the temporary file for @final_path (mode 0600) and registers it
 * for the signal cleanup.  *@fd (when not NULL) gets it open for writing;
 * else it is closed, empty, for a library that opens it by name. */
char     *sz_safe_file_create_temp       (const char       *final_path,
                                          int              *fd,
                                          GError          **error);
/* fsyncs @temp_path, sets its mode, renames it to @final_path, fsyncs the
 * folder and forgets it.  On failure the temporary file is removed. */
gboolean  sz_safe_file_commit            (const char       *temp_path,
                                          const char       *final_path,
                                          SzSafeFileFlags   flags,
                                          GError          **error);
/* Removes a temporary file that will not be committed. */
void      sz_safe_file_discard           (const char       *temp_path);
/* Removes the temporary files in @folder left by processes that no longer
 * run; returns how many. */
guint     sz_safe_file_clean_stale       (const char       *folder);
/* TRUE for a name sz_safe_file_create_temp() makes. */
gboolean  sz_safe_file_is_temp_name      (const char       *basename);
/* Makes SIGINT, SIGTERM and SIGHUP remove this process's temporary files
 * before it dies (for the command line: the app has its own handling). */
void      sz_safe_file_cleanup_on_signals (void);
/* fsync of a folder, so that a rename in it survives a power cut. */
gboolean  sz_safe_file_sync_folder       (const char       *folder,
                                          GError          **error);

G_END_DECLS
