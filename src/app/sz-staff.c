/* sz-staff.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-staff.h"

gboolean
sz_staff_has_setting (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  if (settings == NULL)
    return FALSE;
  g_object_get (settings, "settings-schema", &schema, NULL);
  return schema != NULL && g_settings_schema_has_key (schema, SZ_STAFF_NAME_KEY);
}

char *
sz_staff_name (GSettings *settings)
{
  g_autofree char *name = NULL;

  if (!sz_staff_has_setting (settings))
    return NULL;
  name = g_strstrip (g_settings_get_string (settings, SZ_STAFF_NAME_KEY));
  return *name != '\0' ? g_steal_pointer (&name) : NULL;
}

void
sz_staff_apply (SzDb      *db,
                GSettings *settings)
{
  g_autofree char *name = sz_staff_name (settings);

  g_return_if_fail (db != NULL);

  /* The account as sz_db_open() set it, when no name is set (or it was
   * cleared). */
  sz_db_set_actor (db, name != NULL ? name : g_get_user_name ());
}

static void
on_changed_cb (SzSession *session)
{
  /* "changed" also follows a restore, whose database starts with the
   * account again; between sz_session_close_db() and reopening, there is
   * no database. */
  if (sz_session_get_db (session) != NULL)
    sz_staff_apply (sz_session_get_db (session), sz_session_get_settings (session));
}

void
sz_staff_follow (SzSession *session)
{
  GSettings *settings;

  g_return_if_fail (SZ_IS_SESSION (session));

  if (g_object_get_data (G_OBJECT (session), "sz-staff-follow") != NULL)
    return;
  g_object_set_data (G_OBJECT (session), "sz-staff-follow", GINT_TO_POINTER (TRUE));
  settings = sz_session_get_settings (session);
  on_changed_cb (session);
  if (sz_staff_has_setting (settings))
    g_signal_connect_object (settings, "changed::" SZ_STAFF_NAME_KEY, G_CALLBACK (on_changed_cb), session,
                             G_CONNECT_SWAPPED);
  g_signal_connect (session, "changed", G_CALLBACK (on_changed_cb), NULL);
}
