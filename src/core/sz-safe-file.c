/* sz-safe-file.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <gio/gio.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "sz-safe-file.h"

#define TEMP_MARK ".sz-tmp-"

/* The temporary files this process has open, for the signal handler: a
 * fixed table of pointers, since a handler may not allocate or lock. */
#define MAX_LIVE 32
static char *volatile live[MAX_LIVE];
G_LOCK_DEFINE_STATIC (live);

static void
live_add (const char *path)
{
  G_LOCK (live);
  for (guint i = 0; i < MAX_LIVE; i++)
    if (live[i] == NULL)
      {
        live[i] = g_strdup (path);
        break;
      }
  G_UNLOCK (live);
}

static void
live_remove (const char *path)
{
  G_LOCK (live);
  for (guint i = 0; i < MAX_LIVE; i++)
    if (live[i] != NULL && g_str_equal (live[i], path))
      {
        char *p = live[i];

        live[i] = NULL;
        g_free (p);
        break;
      }
  G_UNLOCK (live);
}

static void
on_signal (int sig)
{
  /* unlink() is async-signal-safe; the table is only read. */
  for (guint i = 0; i < MAX_LIVE; i++)
    if (live[i] != NULL)
      unlink (live[i]);
  signal (sig, SIG_DFL);
  raise (sig);
}

void
sz_safe_file_cleanup_on_signals (void)
{
  static const int signals[] = { SIGINT, SIGTERM, SIGHUP };

  for (guint i = 0; i < G_N_ELEMENTS (signals); i++)
    {
      struct sigaction sa = { 0 };

      sa.sa_handler = on_signal;
      sigemptyset (&sa.sa_mask);
      sigaction (signals[i], &sa, NULL);
    }
}

static void
set_io_error (GError     **error,
              int          saved_errno,
              const char  *path)
{
  g_autofree char *display = g_filename_display_name (path);

  if (saved_errno == ENOSPC || saved_errno == EDQUOT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_NO_SPACE,
                 /* Translators: %s is a file name */
                 _("The disk is full: “%s” could not be written. Nothing was replaced; free some space and try again."),
                 display);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                 /* Translators: the first %s is a file name, the second the system's reason */
                 _("“%s” could not be written: %s"), display, g_strerror (saved_errno));
}

gboolean
sz_safe_file_is_temp_name (const char *basename)
{
  g_return_val_if_fail (basename != NULL, FALSE);
  return basename[0] == '.' && strstr (basename, TEMP_MARK) != NULL;
}

char *
sz_safe_file_create_temp (const char  *final_path,
                          int         *fd_out,
                          GError     **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *name = NULL;
  char *path;
  int fd;

  g_return_val_if_fail (final_path != NULL, NULL);

  dir = g_path_get_dirname (final_path);
  base = g_path_get_basename (final_path);
  name = g_strdup_printf (".%s" TEMP_MARK "%d-XXXXXX", base, (int) getpid ());
  path = g_build_filename (dir, name, NULL);
  fd = g_mkstemp_full (path, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      set_io_error (error, saved, final_path);
      g_free (path);
      return NULL;
    }
  live_add (path);
  if (fd_out != NULL)
    *fd_out = fd;
  else
    close (fd);
  return path;
}

void
sz_safe_file_discard (const char *temp_path)
{
  if (temp_path == NULL)
    return;
  g_unlink (temp_path);
  live_remove (temp_path);
}

gboolean
sz_safe_file_sync_folder (const char  *folder,
                          GError     **error)
{
  int fd = g_open (folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd < 0 || fsync (fd) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      set_io_error (error, saved, folder);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

gboolean
sz_safe_file_commit (const char       *temp_path,
                     const char       *final_path,
                     SzSafeFileFlags   flags,
                     GError          **error)
{
  g_autofree char *dir = NULL;
  mode_t mode = 0600;
  int fd;

  g_return_val_if_fail (temp_path != NULL, FALSE);
  g_return_val_if_fail (final_path != NULL, FALSE);

  if (!(flags & SZ_SAFE_FILE_PRIVATE))
    {
      mode_t mask = umask (0);

      umask (mask);
      mode = 0666 & ~mask;
    }

  fd = g_open (temp_path, O_RDWR | O_CLOEXEC, 0);
  if (fd < 0 || fsync (fd) != 0 || fchmod (fd, mode) != 0)
    {
      int saved = errno;

      if (fd >= 0)
        close (fd);
      sz_safe_file_discard (temp_path);
      set_io_error (error, saved, final_path);
      return FALSE;
    }
  close (fd);

  if (flags & SZ_SAFE_FILE_NO_REPLACE)
    {
      /* link() fails when the name is taken: never a good file replaced. */
      if (link (temp_path, final_path) != 0)
        {
          int saved = errno;
          g_autofree char *display = g_filename_display_name (final_path);

          sz_safe_file_discard (temp_path);
          if (saved == EEXIST)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                         /* Translators: %s is a file name */
                         _("“%s” exists already: it was left as it was."), display);
          else
            set_io_error (error, saved, final_path);
          return FALSE;
        }
      sz_safe_file_discard (temp_path);
    }
  else if (g_rename (temp_path, final_path) != 0)
    {
      int saved = errno;

      sz_safe_file_discard (temp_path);
      set_io_error (error, saved, final_path);
      return FALSE;
    }
  else
    live_remove (temp_path);

  dir = g_path_get_dirname (final_path);
  return sz_safe_file_sync_folder (dir, error);
}

guint
sz_safe_file_clean_stale (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;
  guint removed = 0;

  g_return_val_if_fail (folder != NULL, 0);

  dir = g_dir_open (folder, 0, NULL);
  if (dir == NULL)
    return 0;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      const char *mark;
      gint64 pid;
      char *end = NULL;

      if (!sz_safe_file_is_temp_name (name))
        continue;
      mark = strstr (name, TEMP_MARK) + strlen (TEMP_MARK);
      pid = g_ascii_strtoll (mark, &end, 10);
      if (end == mark || *end != '-' || pid <= 0)
        continue;
      /* A process that still runs may be writing it. */
      if (pid == getpid () || kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      {
        g_autofree char *path = g_build_filename (folder, name, NULL);

        if (g_unlink (path) == 0)
          removed++;
      }
    }
  return removed;
}
