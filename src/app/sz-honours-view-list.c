/* sz-honours-view-list.c: the honours of the chosen period with their
 * status and dates, and what is done with them: the publicity notice,
 * the award (confirmed: it takes certificate numbers, never reused, and
 * is not undone), withdrawing with a reason, certificates and the honour
 * board.
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-app-util.h"
#include "sz-honours-print.h"
#include "sz-honours-view-private.h"

static char *
cell_name (gpointer data)
{
  return g_strdup (((SzHonour *) data)->name);
}

static char *
cell_title (gpointer data)
{
  return g_strdup (((SzHonour *) data)->title);
}

static char *
cell_status (gpointer data)
{
  SzHonour *h = data;
  g_autofree char *today = sz_points_today ();

  switch (h->status)
    {
    case SZ_HONOUR_PUBLICITY:
      if (g_strcmp0 (h->publicity_until, today) < 0)
        /* Translators: an honour's status: its publicity is over, it can be awarded */
        return g_strdup (C_("honour", "Publicity over: to award"));
      /* Translators: an honour's status */
      return g_strdup (C_("honour", "In publicity"));
    case SZ_HONOUR_FINAL:
      /* Translators: an honour's status */
      return g_strdup (C_("honour", "Awarded"));
    case SZ_HONOUR_WITHDRAWN:
    default:
      /* Translators: an honour's status; %s is why */
      return g_strdup_printf (C_("honour", "Withdrawn: %s"), h->withdrawn_reason ? h->withdrawn_reason : "");
    }
}

static char *
cell_publicity (gpointer data)
{
  SzHonour *h = data;

  /* Translators: an honour's publicity dates, first and last day */
  return g_strdup_printf (_("%s to %s"), h->publicity_from ? h->publicity_from : "",
                          h->publicity_until ? h->publicity_until : "");
}

static char *
cell_awarded (gpointer data)
{
  SzHonour *h = data;

  if (h->status != SZ_HONOUR_FINAL)
    return g_strdup ("");
  return g_strdup_printf ("%s  %s", h->awarded_on ? h->awarded_on : "", h->certificate_no ? h->certificate_no : "");
}

static char *
cell_reason (gpointer data)
{
  return g_strdup (((SzHonour *) data)->reason);
}

/* The honours chosen in the list, or those of @status when none is. */
static GArray *
chosen (SzHonoursView  *self,
        SzHonourStatus  status,
        gboolean        all_when_none)
{
  GListModel *model = G_LIST_MODEL (self->honour_selection);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  guint n = g_list_model_get_n_items (model);

  for (guint i = 0; i < n; i++)
    {
      SzHonour *h = sz_points_model_get (model, i);

      if (h->status == status && gtk_selection_model_is_selected (self->honour_selection, i))
        g_array_append_val (ids, h->id);
    }
  for (guint i = 0; all_when_none && ids->len == 0 && i < n; i++)
    {
      SzHonour *h = sz_points_model_get (model, i);

      if (h->status == status)
        g_array_append_val (ids, h->id);
    }
  return ids;
}

static void
update_buttons (SzHonoursView *self)
{
  g_autoptr(GArray) publicity = chosen (self, SZ_HONOUR_PUBLICITY, FALSE);

  gtk_widget_set_sensitive (self->withdraw_button, publicity->len > 0);
}

void
_sz_honours_view_load_list (SzHonoursView *self)
{
  const char *period = sz_honours_view_get_period (self);
  g_autoptr(GPtrArray) list = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gpointer *items = NULL;
  g_autofree char *title = NULL;
  guint n;

  list = period ? sz_honour_list (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                  period, &error) : NULL;
  if (list == NULL)
    list = g_ptr_array_new ();
  n = list->len;
  items = g_new0 (gpointer, n + 1);
  for (guint i = 0; i < n; i++)
    items[i] = sz_points_item_new (g_steal_pointer (&list->pdata[i]), (GDestroyNotify) sz_honour_free);
  g_list_store_splice (self->honours, 0, g_list_model_get_n_items (G_LIST_MODEL (self->honours)), items, n);
  for (guint i = 0; i < n; i++)
    g_object_unref (items[i]);
  /* Translators: the heading of the honours of a period; %s is the period ("2026", "2026-Q3") */
  title = g_strdup_printf (_("Honours of %s"), period ? period : "");
  gtk_label_set_text (GTK_LABEL (self->honours_title), title);
  update_buttons (self);
}

/* Award */

static void
award_cb (GtkWidget *widget,
          gpointer   data)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (widget);
  GArray *ids = data;
  SzDb *db = sz_session_get_db (self->session);
  g_autofree char *today = sz_points_today ();
  g_autoptr(GError) error = NULL;
  gboolean ok = sz_db_begin (db, &error);

  if (ok)
    {
      for (guint i = 0; ok && i < ids->len; i++)
        ok = sz_honour_award (db, g_array_index (ids, gint64, i), today, &error);
      ok = sz_db_end (db, ok, ok ? &error : NULL) && ok;
    }
  if (!ok)
    {
      sz_show_error (widget, _("The honours could not be awarded"), error);
      return;
    }
  /* Not undoable: certificate numbers are never reused. */
  sz_session_changed (self->session);
}

static void
on_award_clicked_cb (SzHonoursView *self)
{
  g_autoptr(GArray) ids = chosen (self, SZ_HONOUR_PUBLICITY, TRUE);
  g_autofree char *title = NULL;

  if (ids->len == 0)
    {
      g_autoptr(GError) error = g_error_new_literal (SZ_POINTS_ERROR, SZ_POINTS_ERROR_STATE,
                                                     _("No honour of this period is in publicity."));

      sz_show_error (GTK_WIDGET (self), _("Nothing to award"), error);
      return;
    }
  /* Translators: the question before honours are awarded */
  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Award %u honour?", "Award %u honours?", ids->len),
                           ids->len);
  sz_confirm (GTK_WIDGET (self), title,
              _("Each gets the next number of the certificate register. An award is final: it cannot be undone, "
                "and its number is never used again."),
              _("_Award"), award_cb, g_array_ref (ids), (GDestroyNotify) g_array_unref);
}

/* Withdraw */

typedef struct
{
  SzSession *session;
  GArray    *ids;
} Withdraw;

static void
withdraw_free (gpointer data)
{
  Withdraw *w = data;

  g_object_unref (w->session);
  g_array_unref (w->ids);
  g_free (w);
}

static gboolean
withdraw_cb (const char  *reason,
             gpointer     data,
             GError     **error)
{
  Withdraw *w = data;
  SzDb *db = sz_session_get_db (w->session);
  gboolean ok;

  if (!sz_db_begin (db, error))
    return FALSE;
  ok = TRUE;
  for (guint i = 0; ok && i < w->ids->len; i++)
    ok = sz_honour_withdraw (db, g_array_index (w->ids, gint64, i), reason, error);
  if (!(sz_db_end (db, ok, ok ? error : NULL) && ok))
    return FALSE;
  sz_session_changed (w->session);
  return TRUE;
}

static void
on_withdraw_clicked_cb (SzHonoursView *self)
{
  Withdraw *w;

  w = g_new0 (Withdraw, 1);
  w->session = g_object_ref (self->session);
  w->ids = chosen (self, SZ_HONOUR_PUBLICITY, FALSE);
  if (w->ids->len == 0)
    {
      withdraw_free (w);
      return;
    }
  sz_points_ask_reason (GTK_WIDGET (self), _("Withdraw Honours"),
                        _("The candidates chosen are taken off the publicity; the reason is kept. "
                          "This cannot be undone."),
                        _("_Withdraw"), withdraw_cb, w, withdraw_free);
}

/* PDFs */

gboolean
sz_honours_view_write_notice (SzHonoursView *self,
                              const char    *path,
                              GError       **error)
{
  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), FALSE);
  return sz_honour_notice_write_pdf (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                     sz_honours_view_get_period (self), path, error);
}

gboolean
sz_honours_view_write_certificates (SzHonoursView *self,
                                    const char    *path,
                                    GError       **error)
{
  g_autoptr(GArray) ids = NULL;

  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), FALSE);
  ids = chosen (self, SZ_HONOUR_FINAL, TRUE);
  if (ids->len == 0)
    {
      g_set_error_literal (error, SZ_POINTS_ERROR, SZ_POINTS_ERROR_NOT_FOUND,
                           _("No honour of this period has been awarded yet: a certificate needs its number."));
      return FALSE;
    }
  return sz_certificate_write_pdf (sz_session_get_db (self->session), (gint64 *) ids->data, ids->len, path, error);
}

gboolean
sz_honours_view_write_board (SzHonoursView *self,
                             const char    *path,
                             GError       **error)
{
  g_return_val_if_fail (SZ_IS_HONOURS_VIEW (self), FALSE);
  return sz_honour_board_write_pdf (sz_session_get_db (self->session), sz_session_get_community_id (self->session),
                                    sz_honours_view_get_period (self), FALSE, path, error);
}

typedef gboolean (*ViewWriter) (SzHonoursView *self, const char *path, GError **error);

static gboolean
write_cb (const char  *path,
          gpointer     data,
          GError     **error)
{
  SzHonoursView *self = data;
  ViewWriter writer = g_object_get_data (G_OBJECT (self), "sz-writer");

  return writer (self, path, error);
}

static void
save (SzHonoursView *self,
      const char    *title,
      const char    *name,
      ViewWriter     writer)
{
  g_object_set_data (G_OBJECT (self), "sz-writer", writer);
  sz_save_pdf (GTK_WIDGET (self), sz_session_get_settings (self->session), title, name, NULL, NULL, write_cb,
               g_object_ref (self), g_object_unref);
}

static void
on_notice_clicked_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (widget);
  g_autofree char *name = NULL;

  /* Translators: a file name; %s is the period ("2026") */
  name = g_strdup_printf (_("Honours publicity %s.pdf"), sz_honours_view_get_period (self));
  save (self, _("Export the Publicity Notice"), name, sz_honours_view_write_notice);
}

static void
on_certificates_clicked_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (widget);
  g_autofree char *name = NULL;

  /* Translators: a file name; %s is the period ("2026") */
  name = g_strdup_printf (_("Certificates %s.pdf"), sz_honours_view_get_period (self));
  save (self, _("Export Certificates"), name, sz_honours_view_write_certificates);
}

static void
on_board_clicked_cb (GtkWidget *widget, const char *action, GVariant *parameter)
{
  SzHonoursView *self = SZ_HONOURS_VIEW (widget);
  g_autofree char *name = NULL;

  /* Translators: a file name; %s is the period ("2026") */
  name = g_strdup_printf (_("Honour board %s.pdf"), sz_honours_view_get_period (self));
  save (self, _("Export the Honour Board"), name, sz_honours_view_write_board);
}

static GtkWidget *
button_new (GtkWidget  *box,
            const char *label,
            const char *name,
            const char *tooltip,
            GCallback   callback,
            gpointer    self)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_name (button, name);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_signal_connect_swapped (button, "clicked", callback, self);
  gtk_box_append (GTK_BOX (box), button);
  return button;
}

GtkWidget *
_sz_honours_view_build_list (SzHonoursView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *list;

  gtk_widget_set_margin_start (header, 12);
  gtk_widget_set_margin_end (header, 12);
  gtk_widget_set_margin_top (header, 6);
  self->honours_title = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->honours_title, "heading");
  gtk_label_set_xalign (GTK_LABEL (self->honours_title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (self->honours_title), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (self->honours_title, TRUE);
  gtk_box_append (GTK_BOX (header), self->honours_title);
  self->award_button = button_new (header, _("A_ward…"), "award",
                                   _("Make the chosen honours final once their publicity is over"),
                                   G_CALLBACK (on_award_clicked_cb), self);
  self->withdraw_button = button_new (header, _("_Withdraw…"), "withdraw",
                                      _("Take the chosen candidates off the publicity, with a reason"),
                                      G_CALLBACK (on_withdraw_clicked_cb), self);
  {
    GtkWidget *pdfs = gtk_menu_button_new ();
    g_autoptr(GMenu) menu = g_menu_new ();

    g_menu_append (menu, _("Publicity _Notice…"), "honours.notice");
    g_menu_append (menu, _("_Certificates…"), "honours.certificates");
    g_menu_append (menu, _("Honour _Board…"), "honours.board");
    gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (pdfs), G_MENU_MODEL (menu));
    /* Translators: a menu button of the honours: the notice, the certificates, the honour board */
    gtk_menu_button_set_label (GTK_MENU_BUTTON (pdfs), _("PDF"));
    gtk_widget_set_tooltip_text (pdfs, _("The publicity notice to post, the certificates of the chosen honours "
                                         "(or of all awarded in the period), the honour board"));
    gtk_widget_set_name (pdfs, "pdfs");
    gtk_widget_set_valign (pdfs, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (header), pdfs);
  }
  gtk_box_append (GTK_BOX (box), header);

  self->honours = g_list_store_new (SZ_TYPE_POINTS_ITEM);
  list = sz_points_list_new (self->honours, TRUE, &self->honour_selection, &self->honours_view);
  gtk_widget_set_name (GTK_WIDGET (self->honours_view), "honours");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->honours_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Honours"), -1);
  /* Translators: columns of the list of honours */
  sz_points_add_column (self->honours_view, _("Name"), cell_name, NULL, FALSE, FALSE);
  sz_points_add_column (self->honours_view, C_("honour", "Title"), cell_title, NULL, FALSE, FALSE);
  sz_points_add_column (self->honours_view, _("Status"), cell_status, NULL, FALSE, FALSE);
  sz_points_add_column (self->honours_view, _("Publicity"), cell_publicity, NULL, FALSE, FALSE);
  sz_points_add_column (self->honours_view, _("Awarded, Certificate"), cell_awarded, NULL, FALSE, FALSE);
  sz_points_add_column (self->honours_view, C_("honour", "Reason"), cell_reason, NULL, FALSE, TRUE);
  g_signal_connect_swapped (self->honour_selection, "selection-changed", G_CALLBACK (update_buttons), self);
  gtk_box_append (GTK_BOX (box), list);
  return box;
}

void
_sz_honours_view_install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "honours.notice", NULL, on_notice_clicked_cb);
  gtk_widget_class_install_action (widget_class, "honours.certificates", NULL, on_certificates_clicked_cb);
  gtk_widget_class_install_action (widget_class, "honours.board", NULL, on_board_clicked_cb);
}

void
sz_honours_view_select (SzHonoursView *self,
                        const gint64  *ids,
                        guint          n_ids)
{
  GListModel *model;

  g_return_if_fail (SZ_IS_HONOURS_VIEW (self));
  model = G_LIST_MODEL (self->honour_selection);
  gtk_selection_model_unselect_all (self->honour_selection);
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    for (guint j = 0; j < n_ids; j++)
      if (((SzHonour *) sz_points_model_get (model, i))->id == ids[j])
        gtk_selection_model_select_item (self->honour_selection, i, FALSE);
}
