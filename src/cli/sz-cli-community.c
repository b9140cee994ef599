/* sz-cli-community.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>

#include "sz-cli.h"
#include "sz-doc-lang.h"
#include "sz-phone.h"

static char *opt_title;
static char *opt_office;
static char *opt_supervision;
static char *opt_qr_text;
static char *opt_qr_caption;
static char *opt_vacancy;
static char *opt_board_language;
static int opt_qr_age = -1;

static void
replace (char       **field,
         const char  *value)
{
  if (value == NULL)
    return;
  g_free (*field);
  *field = g_strdup (value);
}

static const char *
or_none (const char *value)
{
  return value != NULL && *value ? value : _("(none)");
}

int
cmd_community (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "board-title", 0, 0, G_OPTION_ARG_STRING, &opt_title, N_("Title printed on the boards (empty: the default)"), N_("TEXT") },
    { "office-phone", 0, 0, G_OPTION_ARG_STRING, &opt_office, N_("The community office's phone"), N_("PHONE") },
    { "supervision-phone", 0, 0, G_OPTION_ARG_STRING, &opt_supervision, N_("The supervision phone printed on the boards"), N_("PHONE") },
    { "qr-text", 0, 0, G_OPTION_ARG_STRING, &opt_qr_text, N_("What the boards' QR code holds, such as a link (empty: no code)"), N_("TEXT") },
    { "qr-caption", 0, 0, G_OPTION_ARG_STRING, &opt_qr_caption, N_("The caption under the QR code"), N_("TEXT") },
    { "vacancy-text", 0, 0, G_OPTION_ARG_STRING, &opt_vacancy, N_("What a vacant post prints (empty: the default)"), N_("TEXT") },
    /* Translators: zh_CN and en are codes, not to translate */
    { "board-language", 0, 0, G_OPTION_ARG_STRING, &opt_board_language,
      N_("The language boards, reports and certificates are printed in: zh_CN (Chinese) or en (English)"), N_("LANG") },
    { "qr-max-age", 0, 0, G_OPTION_ARG_INT, &opt_qr_age, N_("Warn when a head's WeChat QR image is older than this many days"), N_("DAYS") },
    { NULL }
  };
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) c = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *office = NULL;
  g_autofree char *supervision = NULL;
  gboolean change;

  if (!parse_options ("community", "",
                      _("Shows the community's details and the settings its notice boards print with; "
                        "with options, changes them (one change, all or nothing)."),
                      entries, &argc, &argv))
    return EXIT_USAGE;
  if (too_many_arguments ("community", argc, argv, 0))
    return EXIT_USAGE;
  if ((db = open_database (SZ_DB_OPEN_DEFAULT)) == NULL || (c = find_community (db)) == NULL)
    return EXIT_ERROR;

  change = opt_title || opt_office || opt_supervision || opt_qr_text || opt_qr_caption || opt_vacancy
           || opt_board_language || opt_qr_age != -1;
  if (change)
    {
      replace (&c->board_title, opt_title);
      replace (&c->office_phone, opt_office);
      replace (&c->supervision_phone, opt_supervision);
      replace (&c->board_qr_text, opt_qr_text);
      replace (&c->board_qr_caption, opt_qr_caption);
      replace (&c->board_vacancy_text, opt_vacancy);
      replace (&c->board_language, opt_board_language);
      if (opt_qr_age != -1)
        c->qr_max_age_days = opt_qr_age;
      /* An empty phone clears it. */
      if (c->office_phone != NULL && *c->office_phone == '\0')
        g_clear_pointer (&c->office_phone, g_free);
      if (c->supervision_phone != NULL && *c->supervision_phone == '\0')
        g_clear_pointer (&c->supervision_phone, g_free);
      if (!sz_community_save (db, c, &error))
        {
          print_error (error);
          return EXIT_ERROR;
        }
      /* Translators: %s is the community */
      g_print (_("Saved the settings of %s.\n"), c->name);
    }

  office = c->office_phone ? sz_phone_format (c->office_phone) : NULL;
  supervision = c->supervision_phone ? sz_phone_format (c->supervision_phone) : NULL;
  g_print (_("Community: %s (%s)\n"), c->name, or_none (c->street_office));
  g_print (_("Address: %s\n"), or_none (c->address));
  g_print (_("Office phone: %s\n"), or_none (office));
  g_print (_("Supervision phone: %s\n"), or_none (supervision));
  g_print (_("Board title: %s\n"), *c->board_title ? c->board_title : _("(default)"));
  g_print (_("QR code: %s\n"), or_none (c->board_qr_text));
  g_print (_("QR code caption: %s\n"), or_none (c->board_qr_caption));
  g_print (_("Vacancy wording: %s\n"), *c->board_vacancy_text ? c->board_vacancy_text : _("(default)"));
  /* Translators: the language's name, then its code: "Chinese (Simplified) (zh_CN)" */
  g_print (_("Board language: %s (%s)\n"), sz_doc_lang_title (c->board_language), c->board_language);
  g_print (g_dngettext (GETTEXT_PACKAGE, "WeChat QR images older than %d day are reported.\n",
                        "WeChat QR images older than %d days are reported.\n", c->qr_max_age_days),
           c->qr_max_age_days);
  return EXIT_OK;
}
