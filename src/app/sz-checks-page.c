/* sz-checks-page.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "sz-app-util.h"
#include "sz-check.h"
#include "sz-checks-page.h"
#include "sz-hotline.h"
#include "sz-person.h"
#include "sz-person-dialog.h"
#include "sz-post.h"
#include "sz-record.h"

struct _SzChecksPage
{
  GtkWidget   parent_instance;

  /* Template widgets */
  GtkLabel   *summary_label;
  GtkLabel   *vacancies_title;
  GtkWidget  *vacancies_frame;
  GtkListBox *vacancies_list;
  GtkWidget  *vacancies_empty;
  GtkLabel   *problems_title;
  GtkWidget  *problems_frame;
  GtkListBox *problems_list;
  GtkWidget  *problems_empty;

  /* Owned references */
  SzSession  *session;
  guint       n_vacancies;
  guint       n_problems;
  /* The roster changed while the page was not shown: the checks (which
   * read the whole file) run when it is shown again. */
  gboolean    dirty;
};

G_DEFINE_FINAL_TYPE (SzChecksPage, sz_checks_page, GTK_TYPE_WIDGET)

typedef enum
{
  SEVERITY_ERROR,
  SEVERITY_WARNING,
  SEVERITY_NOTE,
  N_SEVERITIES
} Severity;

/* Where a row takes the user: a place of the sidebar, or with
 * @person_id, that person's form. */
typedef struct
{
  SzNodeKind kind;
  gint64     id;
  gint64     person_id;
} Target;

static Severity
check_severity (SzCheckKind kind)
{
  switch (kind)
    {
    case SZ_CHECK_INTEGRITY:
    case SZ_CHECK_FILE_MODE:
      return SEVERITY_ERROR;
    case SZ_CHECK_NO_PHONE:
    case SZ_CHECK_DUPLICATE_PHONE:
    case SZ_CHECK_GRID_HOUSEHOLDS:
    case SZ_CHECK_HOTLINE_MISSING:
    /* A board would print a code that no longer works. */
    case SZ_CHECK_WECHAT_QR:
      return SEVERITY_WARNING;
    case SZ_CHECK_GRID_SIZE:
    case SZ_CHECK_NO_CONSENT:
    case SZ_CHECK_HOTLINE_STALE:
    case SZ_CHECK_WECHAT_MISSING:
    default:
      return SEVERITY_NOTE;
    }
}

/* Tooltips are made when asked for: setting one makes GTK ask the X
 * server where the pointer is, a round trip per row of a long list. */
static gboolean
on_query_tooltip_cb (GtkWidget  *widget,
                     int         x,
                     int         y,
                     gboolean    keyboard,
                     GtkTooltip *tooltip,
                     const char *text)
{
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static GtkWidget *
severity_icon (Severity severity)
{
  static const char *icons[N_SEVERITIES] = {
    "dialog-error-symbolic", "dialog-warning-symbolic", "dialog-information-symbolic",
  };
  const char *names[N_SEVERITIES] = { _("Error"), _("Warning"), C_("check severity", "Note") };
  GtkWidget *image = gtk_image_new_from_icon_name (icons[severity]);

  gtk_widget_set_valign (image, GTK_ALIGN_START);
  gtk_widget_set_has_tooltip (image, TRUE);
  g_signal_connect_data (image, "query-tooltip", G_CALLBACK (on_query_tooltip_cb), g_strdup (names[severity]),
                         (GClosureNotify) G_CALLBACK (g_free), 0);
  gtk_accessible_update_property (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_PROPERTY_LABEL, names[severity], -1);
  if (severity == SEVERITY_ERROR)
    gtk_widget_add_css_class (image, "error");
  else if (severity == SEVERITY_WARNING)
    gtk_widget_add_css_class (image, "warning");
  return image;
}

/* A row: the icon, the message, the place below it, and an arrow when
 * activating it takes the user there. */
static GtkWidget *
row_new (Severity      severity,
         const char   *message,
         const char   *place,
         const Target *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *text = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (message);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (text), label);
  if (place != NULL && *place)
    {
      label = gtk_label_new (place);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (text), label);
    }
  gtk_widget_set_hexpand (text, TRUE);
  gtk_box_append (GTK_BOX (box), severity_icon (severity));
  gtk_box_append (GTK_BOX (box), text);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_widget_set_margin_top (box, 4);
  gtk_widget_set_margin_bottom (box, 4);
  if (target != NULL)
    {
      GtkWidget *arrow = gtk_image_new_from_icon_name ("go-next-symbolic");

      gtk_widget_set_valign (arrow, GTK_ALIGN_CENTER);
      gtk_accessible_update_property (GTK_ACCESSIBLE (arrow), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      target->person_id ? _("Open the person") : _("Go to the place"), -1);
      gtk_box_append (GTK_BOX (box), arrow);
      g_object_set_data_full (G_OBJECT (row), "target", g_memdup2 (target, sizeof *target), g_free);
    }
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), target != NULL);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

static void
clear_list (GtkListBox *list)
{
  GtkWidget *child;

  /* gtk_list_box_remove_all() is GTK 4.12. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (list))) != NULL)
    gtk_list_box_remove (list, child);
}

static char *
place_key (SzNodeKind kind,
           gint64     id)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, kind, id);
}

/* The community's places by kind and id, for looking up thousands of
 * findings. */
static void
index_places (SzTreeNode *node,
              GHashTable *places)
{
  g_hash_table_insert (places, place_key (node->kind, node->id), node);
  for (guint i = 0; i < node->children->len; i++)
    index_places (node->children->pdata[i], places);
}

static SzTreeNode *
find_place (GHashTable *places,
            SzNodeKind  kind,
            gint64      id)
{
  g_autofree char *key = place_key (kind, id);

  return g_hash_table_lookup (places, key);
}

static SzNodeKind
level_kind (SzLevel level)
{
  return level == SZ_LEVEL_GRID ? SZ_NODE_GRID : level == SZ_LEVEL_BUILDING ? SZ_NODE_BUILDING : SZ_NODE_UNIT;
}

/* "丰和林苑 2栋 1单元" for buildings and units, the tree's label for the
 * rest; NULL when the place is not in this community. */
static char *
place_text (SzChecksPage *self,
            GHashTable   *places,
            SzNodeKind    kind,
            gint64        id)
{
  SzTreeNode *node = find_place (places, kind, id);
  SzDb *db = sz_session_get_db (self->session);
  char *label = NULL;

  if (node == NULL)
    return NULL;
  if (kind == SZ_NODE_BUILDING || kind == SZ_NODE_UNIT)
    label = sz_place_label (db, kind == SZ_NODE_BUILDING ? SZ_LEVEL_BUILDING : SZ_LEVEL_UNIT, id, NULL);
  return label ? label : g_strdup (node->label);
}

/* "Edit 张三": where a person's finding is fixed; NULL when the person
 * is gone. */
static char *
person_text (SzChecksPage *self,
             gint64        person_id)
{
  g_autoptr(SzPerson) person = sz_person_get (sz_session_get_db (self->session), person_id, NULL);

  /* Translators: under a check's message: where choosing it takes the user; %s is a person's name */
  return person ? g_strdup_printf (C_("check", "Edit %s"), person->name) : NULL;
}

/* Where to fix a check's finding.  A person's finding goes to the place
 * of their current post here: the core names the person, not the post. */
static gboolean
check_target (SzChecksPage      *self,
              GHashTable        *places,
              gint64             community,
              const SzCheckItem *item,
              Target            *target)
{
  SzDb *db = sz_session_get_db (self->session);

  /* A shared phone is fixed on the person's form, which the place's page
   * does not have (whichever person target the core gives it). */
  if (item->kind == SZ_CHECK_DUPLICATE_PHONE && item->target != SZ_TARGET_NONE && item->target != SZ_TARGET_GRID
      && item->target != SZ_TARGET_HOTLINE)
    {
      target->person_id = item->target_id;
      return TRUE;
    }

  switch (item->target)
    {
    case SZ_TARGET_GRID:
      target->kind = SZ_NODE_GRID;
      target->id = item->target_id;
      return TRUE;

    case SZ_TARGET_PERSON:
      {
        g_autoptr(GPtrArray) posts = sz_post_list_for_person (db, item->target_id, NULL);

        for (guint i = 0; posts != NULL && i < posts->len; i++)
          {
            SzPost *post = posts->pdata[i];

            target->kind = level_kind (post->level);
            target->id = post->place_id;
            if (post->end_date == NULL && find_place (places, target->kind, target->id) != NULL)
              return TRUE;
          }
        return FALSE;
      }

    case SZ_TARGET_HOTLINE:
      {
        g_autoptr(SzHotline) hotline = sz_hotline_get (db, item->target_id, NULL);

        if (hotline == NULL)
          return FALSE;
        target->kind = hotline->scope == SZ_SCOPE_COMMUNITY ? SZ_NODE_COMMUNITY
                       : hotline->scope == SZ_SCOPE_COMPOUND ? SZ_NODE_COMPOUND : SZ_NODE_BUILDING;
        target->id = hotline->scope_id;
        return TRUE;
      }

    case SZ_TARGET_PLACE:
      /* The place's page has its WeChat group section. */
      target->kind = level_kind (item->target_level);
      target->id = item->target_id;
      return TRUE;

    case SZ_TARGET_NONE:
    default:
      /* A hotline missing at the community's level is added there. */
      if (item->kind != SZ_CHECK_HOTLINE_MISSING)
        return FALSE;
      target->kind = SZ_NODE_COMMUNITY;
      target->id = community;
      return TRUE;
    }
}

static const char *
vacancy_message (SzLevel level)
{
  switch (level)
    {
    case SZ_LEVEL_GRID:
      return _("No grid head");
    case SZ_LEVEL_BUILDING:
      return _("No building head");
    case SZ_LEVEL_UNIT:
    default:
      return _("No unit head");
    }
}

static void
show_counts (SzChecksPage *self)
{
  g_autofree char *vacancies = NULL;
  g_autofree char *problems = NULL;

  if (self->n_vacancies > 0)
    vacancies = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Vacant Post", "%u Vacant Posts",
                                              self->n_vacancies), self->n_vacancies);
  if (self->n_problems > 0)
    problems = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u Problem", "%u Problems",
                                             self->n_problems), self->n_problems);
  gtk_label_set_text (self->vacancies_title, vacancies ? vacancies : _("Vacant Posts"));
  gtk_label_set_text (self->problems_title, problems ? problems : _("Problems"));
  gtk_widget_set_visible (self->vacancies_frame, self->n_vacancies > 0);
  gtk_widget_set_visible (self->vacancies_empty, self->n_vacancies == 0);
  gtk_widget_set_visible (self->problems_frame, self->n_problems > 0);
  gtk_widget_set_visible (self->problems_empty, self->n_problems == 0);
}

static void
reload (SzChecksPage *self)
{
  SzDb *db = sz_session_get_db (self->session);
  gint64 community = sz_session_get_community_id (self->session);
  g_autoptr(GError) error = NULL;
  g_autoptr(SzTreeNode) tree = NULL;
  g_autoptr(GHashTable) places = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) vacancies = NULL;
  g_autoptr(GPtrArray) items = NULL;
  /* In the records' time zone and format, whatever the machine's zone. */
  g_autofree char *at = sz_record_format_time (sz_record_now ());
  g_autofree char *summary = NULL;

  self->dirty = FALSE;
  clear_list (self->vacancies_list);
  clear_list (self->problems_list);
  self->n_vacancies = 0;
  self->n_problems = 0;

  tree = sz_tree_load (db, community, &error);
  if (tree != NULL)
    vacancies = sz_vacancies (db, community, &error);
  if (vacancies != NULL)
    items = sz_check_run (db, community, NULL, &error);
  if (items == NULL)
    {
      show_counts (self);
      gtk_label_set_text (self->summary_label, "");
      sz_show_error (GTK_WIDGET (self), _("The checks could not be run"), error);
      return;
    }

  index_places (tree, places);
  for (guint i = 0; i < vacancies->len; i++)
    {
      SzVacancy *v = vacancies->pdata[i];
      Target target = { level_kind (v->level), v->place_id };

      /* The place first: this list is read as "where is a head missing". */
      gtk_list_box_append (self->vacancies_list, row_new (SEVERITY_WARNING, v->place, vacancy_message (v->level),
                                                          &target));
    }
  self->n_vacancies = vacancies->len;

  /* Errors first, then warnings, then notes; the core's order within. */
  for (Severity severity = 0; severity < N_SEVERITIES; severity++)
    for (guint i = 0; i < items->len; i++)
      {
        SzCheckItem *item = items->pdata[i];
        Target target;
        gboolean has_target;
        g_autofree char *place = NULL;

        if (check_severity (item->kind) != severity)
          continue;
        memset (&target, 0, sizeof target);
        has_target = check_target (self, places, community, item, &target);
        if (has_target && target.person_id != 0)
          place = person_text (self, target.person_id);
        else if (has_target)
          place = place_text (self, places, target.kind, target.id);
        gtk_list_box_append (self->problems_list,
                             row_new (severity, item->message, place, has_target && place ? &target : NULL));
      }
  self->n_problems = items->len;

  show_counts (self);
  /* Translators: under the page title; the community's name, then a date and time (2026-11-25 14:05) */
  summary = g_strdup_printf (_("%s, checked at %s. Choose a row to go where it is fixed."), tree->label, at);
  gtk_label_set_text (self->summary_label, summary);
}

static void
on_list_row_activated_cb (SzChecksPage  *self,
                          GtkListBoxRow *row)
{
  Target *target = g_object_get_data (G_OBJECT (row), "target");

  if (target != NULL && target->person_id != 0)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *dialog = sz_person_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->session,
                                                target->person_id);

      gtk_window_present (GTK_WINDOW (dialog));
    }
  else if (target != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.show-place", "(ix)", (int) target->kind, target->id);
}

static void
on_check_button_clicked_cb (SzChecksPage *self)
{
  sz_checks_page_check (self);
}

static void
on_session_changed_cb (SzChecksPage *self)
{
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    reload (self);
  else
    self->dirty = TRUE;
}

static void
sz_checks_page_map (GtkWidget *widget)
{
  SzChecksPage *self = SZ_CHECKS_PAGE (widget);

  GTK_WIDGET_CLASS (sz_checks_page_parent_class)->map (widget);
  if (self->dirty && self->session != NULL)
    reload (self);
}

static void
sz_checks_page_dispose (GObject *object)
{
  SzChecksPage *self = SZ_CHECKS_PAGE (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), SZ_TYPE_CHECKS_PAGE);
  /* The template's top box has no id, so dispose_template leaves it. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->session);
  G_OBJECT_CLASS (sz_checks_page_parent_class)->dispose (object);
}

static void
sz_checks_page_class_init (SzChecksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = sz_checks_page_dispose;
  widget_class->map = sz_checks_page_map;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/org/sanzhang/Sanzhang/ui/sz-checks-page.ui");
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, vacancies_title);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, vacancies_frame);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, vacancies_list);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, vacancies_empty);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, problems_title);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, problems_frame);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, problems_list);
  gtk_widget_class_bind_template_child (widget_class, SzChecksPage, problems_empty);
  gtk_widget_class_bind_template_callback (widget_class, on_list_row_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_check_button_clicked_cb);
}

static void
sz_checks_page_init (SzChecksPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->dirty = TRUE;
}

GtkWidget *
sz_checks_page_new (SzSession *session)
{
  SzChecksPage *self;

  g_return_val_if_fail (SZ_IS_SESSION (session), NULL);

  self = g_object_new (SZ_TYPE_CHECKS_PAGE, NULL);
  self->session = g_object_ref (session);
  g_signal_connect_object (session, "changed", G_CALLBACK (on_session_changed_cb), self, G_CONNECT_SWAPPED);
  return GTK_WIDGET (self);
}

void
sz_checks_page_check (SzChecksPage *self)
{
  g_return_if_fail (SZ_IS_CHECKS_PAGE (self));
  reload (self);
}

gboolean
sz_checks_page_activate (SzChecksPage *self,
                         gboolean      vacancy,
                         guint         index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (SZ_IS_CHECKS_PAGE (self), FALSE);

  if (self->dirty)
    reload (self);
  row = gtk_list_box_get_row_at_index (vacancy ? self->vacancies_list : self->problems_list, (int) index);
  if (row == NULL || g_object_get_data (G_OBJECT (row), "target") == NULL)
    return FALSE;
  on_list_row_activated_cb (self, row);
  return TRUE;
}

/* The counts after the checks ran (running them now if they are due). */
guint
sz_checks_page_get_n_vacancies (SzChecksPage *self)
{
  g_return_val_if_fail (SZ_IS_CHECKS_PAGE (self), 0);
  if (self->dirty)
    reload (self);
  return self->n_vacancies;
}

guint
sz_checks_page_get_n_problems (SzChecksPage *self)
{
  g_return_val_if_fail (SZ_IS_CHECKS_PAGE (self), 0);
  if (self->dirty)
    reload (self);
  return self->n_problems;
}
