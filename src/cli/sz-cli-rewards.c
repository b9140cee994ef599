/* sz-cli-rewards.c
 *
 * Copyright 2026 The Sanzhang developers
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* sanzhang-cli rewards: the catalogue of what points buy (community
 * services or prizes), with a price and a stock.  Taking one is
 * "points redeem". */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "sz-cli-points.h"

/* Options; one subcommand runs per process. */
static gboolean opt_all;
static char *opt_price;
static int opt_stock = -2;
static gboolean opt_unlimited;
static char *opt_description;
static char *opt_name;
static char *opt_actor;

static int
list_rewards (SzDb        *db,
              SzCommunity *community,
              gboolean     with_retired)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = sz_reward_list (db, community->id, with_retired, &error);
  g_autoptr(GPtrArray) table = records_table_new ();

  if (all == NULL)
    return points_fail (error);
  if (all->len == 0)
    {
      g_print (_("The catalogue is empty; add a reward with “sanzhang-cli rewards add”.\n"));
      return EXIT_OK;
    }
  /* Translators: column headers of the catalogue of rewards */
  records_table_add (table, _("No."), _("Reward"), _("Price"), _("Stock"), _("Description"), "", NULL);
  for (guint i = 0; i < all->len; i++)
    {
      SzReward *r = all->pdata[i];
      g_autofree char *id = records_id_text (r->id);
      g_autofree char *price = sz_points_format (r->price);
      /* Translators: the stock of a service that never runs out */
      g_autofree char *stock = r->stock < 0 ? g_strdup (_("no limit")) : g_strdup_printf ("%d", r->stock);

      records_table_add (table, id, r->name, price, stock, r->description ? r->description : "",
                         /* Translators: a reward no longer offered */
                         r->active ? "" : _("retired"), NULL);
    }
  records_print_table (table, "rlrrll");
  return EXIT_OK;
}

static int
rewards_list (int argc, char **argv)
{
  const GOptionEntry entries[] = {
    { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all, N_("Also the retired rewards"), NULL },
    { NULL }
  };
  const char *command = "rewards list";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;

  if (!parse_options (command, "", _("Lists the rewards points can be redeemed for, with their price and what is left."),
                      entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 0))
    return EXIT_USAGE;
  if (!records_open_community (&db, &community))
    return EXIT_ERROR;
  return list_rewards (db, community, opt_all);
}

static const GOptionEntry reward_entries[] = {
  { "price", 0, 0, G_OPTION_ARG_STRING, &opt_price, N_("The price in points, such as 20 or 7.5"), N_("P") },
  { "stock", 0, 0, G_OPTION_ARG_INT, &opt_stock, N_("How many there are (prizes)"), N_("N") },
  { "unlimited", 0, 0, G_OPTION_ARG_NONE, &opt_unlimited, N_("No stock to count (a service)"), NULL },
  { "description", 0, 0, G_OPTION_ARG_STRING, &opt_description, N_("What it is"), N_("TEXT") },
  { "name", 0, 0, G_OPTION_ARG_STRING, &opt_name, N_("edit: the new name"), N_("NAME") },
  /* Last: retire and restore take only this one. */
  { "actor", 0, 0, G_OPTION_ARG_STRING, &opt_actor, N_("Who makes the change (default: your user name)"), N_("WHO") },
  { NULL }
};

/* Applies the options to @reward; FALSE after printing why. */
static gboolean
apply_reward_options (const char *command,
                      SzReward   *reward,
                      int        *status)
{
  if (opt_stock != -2 && opt_unlimited)
    {
      *status = records_usage_error (command, _("give --stock or --unlimited, not both."));
      return FALSE;
    }
  if (opt_stock != -2 && opt_stock < 0)
    {
      /* Translators: the value given to --stock */
      *status = records_usage_error (command, _("--stock must be 0 or more, not %d (--unlimited: no stock to count)."),
                                     opt_stock);
      return FALSE;
    }
  if (opt_price != NULL)
    {
      if (!points_parse_points (command, "--price", opt_price, FALSE, &reward->price, status))
        return FALSE;
      if (reward->price == 0)
        {
          *status = records_usage_error (command, _("--price “%s”: a reward costs more than 0 points."), opt_price);
          return FALSE;
        }
    }
  if (opt_stock != -2)
    reward->stock = opt_stock;
  if (opt_unlimited)
    reward->stock = -1;
  if (opt_description != NULL)
    {
      g_free (reward->description);
      reward->description = g_strdup (opt_description);
    }
  if (opt_name != NULL)
    {
      g_free (reward->name);
      reward->name = g_strdup (opt_name);
    }
  return TRUE;
}

static int
rewards_add (int argc, char **argv)
{
  const char *command = "rewards add";
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzReward) reward = sz_reward_new ();
  g_autoptr(GError) error = NULL;
  int status = EXIT_USAGE;

  if (!parse_options (command, _("NAME"),
                      _("Adds a reward to the catalogue. Needs --price; a prize has a --stock, a service "
                        "--unlimited (the default)."),
                      reward_entries, &argc, &argv)
      || too_many_arguments (command, argc, argv, 1))
    return EXIT_USAGE;
  if (argc < 2)
    return records_usage_error (command, _("name the reward, for example: sanzhang-cli rewards add 米面油礼包 "
                                           "--price 30 --stock 20"));
  if (opt_name != NULL)
    return records_usage_error (command, _("--name is for edit: the name of a new reward is its argument."));
  if (opt_price == NULL)
    return records_usage_error (command, _("a reward needs --price: its price in points."));
  opt_name = argv[1];
  reward->stock = -1;
  if (!apply_reward_options (command, reward, &status))
    return status;
  if (!points_open (&db, &community, opt_actor))
    return EXIT_ERROR;
  reward->community_id = community->id;
  reward->active = TRUE;
  if (reward->description == NULL)
    reward->description = g_strdup ("");
  if (!sz_reward_save (db, reward, &error))
    return points_fail (error);
  /* Translators: a reward */
  g_print (_("Added the reward “%s”.\n"), reward->name);
  return list_rewards (db, community, FALSE);
}

static int
rewards_change (int         argc,
                char      **argv,
                const char *command,
                const char *summary,
                int         active)   /* -1: edit; 0: retire; 1: restore */
{
  g_autoptr(SzDb) db = NULL;
  g_autoptr(SzCommunity) community = NULL;
  g_autoptr(SzReward) reward = NULL;
  g_autoptr(GError) error = NULL;
  int status;

  if (!points_begin_change (command, _("REWARD"), summary, active < 0 ? reward_entries : reward_entries + 5, opt_actor,
                            &argc, &argv, &db, &community, &status))
    return status;
  if (active < 0 && opt_price == NULL && opt_stock == -2 && !opt_unlimited && opt_description == NULL && opt_name == NULL)
    return records_usage_error (command, _("say what to change: --name, --price, --stock, --unlimited or --description."));
  if ((reward = points_find_reward (db, community, "REWARD", argv[1], &status)) == NULL)
    return status;
  if (active >= 0)
    reward->active = active;
  else if (!apply_reward_options (command, reward, &status))
    return status;
  if (!sz_reward_save (db, reward, &error))
    return points_fail (error);
  if (active == 0)
    /* Translators: a reward */
    g_print (_("“%s” is retired: no longer offered; its past redemptions stay.\n"), reward->name);
  else if (active == 1)
    g_print (_("“%s” is offered again.\n"), reward->name);
  else
    g_print (_("Changed “%s”; past redemptions keep the price they paid.\n"), reward->name);
  return list_rewards (db, community, TRUE);
}

static int
rewards_edit (int argc, char **argv)
{
  return rewards_change (argc, argv, "rewards edit",
                         _("Changes a reward: its name, price, stock or description. Past redemptions keep the price "
                           "they paid."), -1);
}

static int
rewards_retire (int argc, char **argv)
{
  return rewards_change (argc, argv, "rewards retire",
                         _("Retires a reward: no longer offered; its past redemptions stay."), 0);
}

static int
rewards_restore (int argc, char **argv)
{
  return rewards_change (argc, argv, "rewards restore", _("Offers a retired reward again."), 1);
}

static const Command subcommands[] = {
  { "list", N_("The catalogue: rewards, prices and stock"), rewards_list },
  { "add", N_("Add a reward"), rewards_add },
  { "edit", N_("Change a reward’s name, price, stock or description"), rewards_edit },
  { "retire", N_("Stop offering a reward"), rewards_retire },
  { "restore", N_("Offer a retired reward again"), rewards_restore },
};

static void
print_rewards_usage (FILE *out)
{
  fprintf (out, "%s\n\n", _("Usage: sanzhang-cli rewards SUBCOMMAND [OPTIONS…]"));
  fprintf (out, "%s\n", _("The catalogue of rewards points can be redeemed for: community services and prizes. "
                          "Redeeming is “sanzhang-cli points redeem”."));
  fprintf (out, "\n%s\n", _("Subcommands:"));
  print_commands (out, subcommands, G_N_ELEMENTS (subcommands));
  fprintf (out, "\n%s\n", _("Run “sanzhang-cli rewards SUBCOMMAND --help” for the options of a subcommand."));
}

int
cmd_rewards (int argc, char **argv)
{
  return points_dispatch ("rewards", subcommands, G_N_ELEMENTS (subcommands), print_rewards_usage, NULL, argc, argv);
}
