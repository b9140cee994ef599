/* sz-rewards-dialog.h: the catalogue of rewards (奖品目录):
 * community services and prizes with a points price and stock.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "sz-session.h"

G_BEGIN_DECLS

GtkWidget *sz_rewards_dialog_new (GtkWidget *over,
                                  SzSession *session);

G_END_DECLS
