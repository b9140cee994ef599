/* sz-backup-task.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <gio/gio.h>

#include "sz-backup.h"

/* The backup functions in a worker thread (GTask), for the app: each
 * works on paths with connections of its own, never on the app's SzDb. */

typedef struct
{
  char              *db_path;
  char              *folder;
  char              *tag;
  SzBackupRetention  retention;
} TaskData;

static void
task_data_free (TaskData *d)
{
  g_free (d->db_path);
  g_free (d->folder);
  g_free (d->tag);
  g_free (d);
}

static TaskData *
task_data_new (const char              *db_path,
               const char              *folder,
               const char              *tag,
               const SzBackupRetention *retention)
{
  TaskData *d = g_new0 (TaskData, 1);

  d->db_path = g_strdup (db_path);
  d->folder = g_strdup (folder);
  d->tag = g_strdup (tag);
  d->retention = retention ? *retention : SZ_BACKUP_RETENTION_DEFAULT;
  return d;
}

static void
create_thread (GTask        *task,
               gpointer      source,
               gpointer      data,
               GCancellable *cancellable)
{
  TaskData *d = data;
  GError *error = NULL;
  SzBackupInfo *info = sz_backup_create (d->db_path, d->folder, d->tag, NULL, NULL, NULL, cancellable, &error);

  if (info == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) sz_backup_info_free);
}

void
sz_backup_create_async (const char          *db_path,
                        const char          *folder,
                        const char          *tag,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sz_backup_create_async);
  g_task_set_task_data (task, task_data_new (db_path, folder, tag, NULL), (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, create_thread);
}

SzBackupInfo *
sz_backup_create_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

static void
auto_thread (GTask        *task,
             gpointer      source,
             gpointer      data,
             GCancellable *cancellable)
{
  TaskData *d = data;
  GError *error = NULL;
  SzBackupInfo *info = sz_backup_auto (d->db_path, d->folder, d->tag, &d->retention, NULL, cancellable, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, info, (GDestroyNotify) sz_backup_info_free);
}

void
sz_backup_auto_async (const char               *db_path,
                      const char               *folder,
                      const char               *tag,
                      const SzBackupRetention  *retention,
                      GCancellable             *cancellable,
                      GAsyncReadyCallback       callback,
                      gpointer                  user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);

  g_task_set_source_tag (task, sz_backup_auto_async);
  g_task_set_task_data (task, task_data_new (db_path, folder, tag, retention), (GDestroyNotify) task_data_free);
  g_task_run_in_thread (task, auto_thread);
}

SzBackupInfo *
sz_backup_auto_finish (GAsyncResult  *result,
                       GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

typedef struct
{
  char *db_path;
  char *backup_path;
  char *folder;
} RestoreData;

static void
restore_data_free (RestoreData *d)
{
  g_free (d->db_path);
  g_free (d->backup_path);
  g_free (d->folder);
  g_free (d);
}

static void
restore_thread (GTask        *task,
                gpointer      source,
                gpointer      data,
                GCancellable *cancellable)
{
  RestoreData *d = data;
  GError *error = NULL;
  char *before = NULL;

  if (sz_backup_restore (d->db_path, d->backup_path, d->folder, &before, cancellable, &error))
    g_task_return_pointer (task, before, g_free);
  else
    g_task_return_error (task, error);
}

void
sz_backup_restore_async (const char          *db_path,
                         const char          *backup_path,
                         const char          *folder,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  RestoreData *d = g_new0 (RestoreData, 1);

  d->db_path = g_strdup (db_path);
  d->backup_path = g_strdup (backup_path);
  d->folder = g_strdup (folder);
  g_task_set_source_tag (task, sz_backup_restore_async);
  g_task_set_task_data (task, d, (GDestroyNotify) restore_data_free);
  g_task_run_in_thread (task, restore_thread);
}

char *
sz_backup_restore_finish (GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}
