/* sz-session.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "sz-session.h"
#include "sz-staff.h"

struct _SzSession
{
  GObject         parent_instance;

  SzDb           *db;
  GSettings      *settings;
  gint64          community_id;
  SzNodeKind      place_kind;
  gint64          place_id;

  char           *undo_label;
  SzUndoFunc      undo_func;
  gpointer        undo_data;
  GDestroyNotify  undo_destroy;
  /* Pushed since the last "changed": the step belongs to the change
   * being announced, so sz_session_changed() keeps it. */
  gboolean        undo_fresh;
  /* Other staff's changes (a server's notifications, or another program's
   * commits to the file), looked at every second. */
  guint           watch_id;
  guint64         others_seen;
};

G_DEFINE_FINAL_TYPE (SzSession, sz_session, G_TYPE_OBJECT)

enum
{
  PROP_0,
  PROP_CAN_UNDO,
  N_PROPS
};

enum
{
  CHANGED,
  PLACE_SELECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
clear_undo (SzSession *self)
{
  gboolean had = self->undo_func != NULL;

  if (self->undo_destroy != NULL && self->undo_data != NULL)
    self->undo_destroy (self->undo_data);
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  self->undo_fresh = FALSE;
  g_clear_pointer (&self->undo_label, g_free);
  if (had)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

static void
sz_session_finalize (GObject *object)
{
  SzSession *self = SZ_SESSION (object);

  g_clear_handle_id (&self->watch_id, g_source_remove);
  clear_undo (self);
  g_clear_pointer (&self->db, sz_db_close);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (sz_session_parent_class)->finalize (object);
}

static void
sz_session_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  SzSession *self = SZ_SESSION (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->undo_func != NULL);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
sz_session_class_init (SzSessionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = sz_session_finalize;
  object_class->get_property = sz_session_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
  signals[PLACE_SELECTED] = g_signal_new ("place-selected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                          0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
sz_session_init (SzSession *self)
{
  self->place_kind = SZ_NODE_COMMUNITY;
}

/* Another staff member changed something: every view reloads, as after a
 * change of ours (the undo step stays: it undoes only its own rows). */
static gboolean
watch_cb (gpointer data)
{
  SzSession *self = data;
  guint64 others;

  if (self->db == NULL)
    return G_SOURCE_CONTINUE;
  others = sz_db_get_others_changes (self->db);
  if (others != self->others_seen)
    {
      self->others_seen = others;
      g_signal_emit (self, signals[CHANGED], 0);
    }
  return G_SOURCE_CONTINUE;
}

SzSession *
sz_session_new (SzDb      *db,
                gint64     community_id,
                GSettings *settings)
{
  SzSession *self;

  g_return_val_if_fail (db != NULL, NULL);

  self = g_object_new (SZ_TYPE_SESSION, NULL);
  self->db = db;
  self->community_id = community_id;
  self->place_id = community_id;
  self->settings = settings ? g_object_ref (settings) : NULL;
  /* Records and the audit log name the staff member set in the
   * preferences, from the start and after every change of it. */
  sz_staff_follow (self);
  self->others_seen = sz_db_get_others_changes (db);
  self->watch_id = g_timeout_add_seconds (1, watch_cb, self);
  return self;
}

SzDb *
sz_session_get_db (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), NULL);
  return self->db;
}

gint64
sz_session_get_community_id (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), 0);
  return self->community_id;
}

void
sz_session_set_community_id (SzSession *self,
                             gint64     community_id)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  self->community_id = community_id;
  clear_undo (self);
  self->place_kind = SZ_NODE_COMMUNITY;
  self->place_id = community_id;
  g_signal_emit (self, signals[CHANGED], 0);
  g_signal_emit (self, signals[PLACE_SELECTED], 0);
}

void
sz_session_close_db (SzSession *self)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  /* An undo step refers to rows of the file that goes. */
  clear_undo (self);
  g_clear_pointer (&self->db, sz_db_close);
}

void
sz_session_reopen_db (SzSession *self,
                      SzDb      *db,
                      gint64     community_id)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  g_return_if_fail (db != NULL);

  g_clear_pointer (&self->db, sz_db_close);
  self->db = db;
  self->others_seen = sz_db_get_others_changes (db);
  sz_session_set_community_id (self, community_id);
}

GSettings *
sz_session_get_settings (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), NULL);
  return self->settings;
}

void
sz_session_changed (SzSession *self)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  /* A change that pushed no step of its own cannot be undone, and the
   * step before it would now undo something older than the last change,
   * perhaps only in part: it goes. */
  if (!self->undo_fresh)
    clear_undo (self);
  self->undo_fresh = FALSE;
  g_signal_emit (self, signals[CHANGED], 0);
}

void
sz_session_select_place (SzSession  *self,
                         SzNodeKind  kind,
                         gint64      id)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  if (self->place_kind == kind && self->place_id == id)
    return;
  self->place_kind = kind;
  self->place_id = id;
  g_signal_emit (self, signals[PLACE_SELECTED], 0);
}

SzNodeKind
sz_session_get_place_kind (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), SZ_NODE_COMMUNITY);
  return self->place_kind;
}

gint64
sz_session_get_place_id (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), 0);
  return self->place_id;
}

void
sz_session_push_undo (SzSession      *self,
                      const char     *label,
                      SzUndoFunc      func,
                      gpointer        data,
                      GDestroyNotify  destroy)
{
  g_return_if_fail (SZ_IS_SESSION (self));
  g_return_if_fail (func != NULL);

  clear_undo (self);
  self->undo_label = g_strdup (label);
  self->undo_func = func;
  self->undo_data = data;
  self->undo_destroy = destroy;
  self->undo_fresh = TRUE;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
}

gboolean
sz_session_can_undo (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), FALSE);
  return self->undo_func != NULL;
}

const char *
sz_session_get_undo_label (SzSession *self)
{
  g_return_val_if_fail (SZ_IS_SESSION (self), NULL);
  return self->undo_label;
}

gboolean
sz_session_undo (SzSession  *self,
                 GError    **error)
{
  SzUndoFunc func;
  gpointer data;
  GDestroyNotify destroy;
  gboolean ok;

  g_return_val_if_fail (SZ_IS_SESSION (self), FALSE);
  if (self->undo_func == NULL)
    return TRUE;
  /* Forget the step before running it: an undo is not itself undone. */
  func = self->undo_func;
  data = self->undo_data;
  destroy = self->undo_destroy;
  self->undo_func = NULL;
  self->undo_data = NULL;
  self->undo_destroy = NULL;
  g_clear_pointer (&self->undo_label, g_free);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  ok = func (self, data, error);
  if (destroy != NULL && data != NULL)
    destroy (data);
  if (ok)
    sz_session_changed (self);
  return ok;
}
