/* aims-pdca.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-pdca"

#include "config.h"

#include "aims-pdca.h"

#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The Plan-Do-Check-Act board. Its cards are:
 *  - every clause requirement of ISO/IEC 42001: the clauses of the bundled
 *    catalogue that have no sub-clauses (4.1 … 10.2, 32 of them), in the
 *    phase the catalogue gives their clause until someone moves them;
 *  - the organisation's AI objectives (6.2), added by people;
 *  - the treatment actions of the risk register (not the cancelled ones),
 *    in Do until moved; their status, owner and due date are the action's;
 *  - the open corrective actions of findings (10.2) and the open actions of
 *    management reviews (9.3.3), in Act; their status, owner and due date
 *    are the action's own, and they have no pdca_card row, so they stay in
 *    Act. Once done or cancelled they leave the board.
 * A clause requirement or an action gets its pdca_card row on first edit.
 *
 * Clause readiness (DOMAIN.md) is clause requirements done divided by all
 * clause requirements; a phase's progress counts every card of its column.
 */

#define ACTION_CLAUSE "8.3"
#define CORRECTIVE_CLAUSE "10.2"
#define REVIEW_ACTION_CLAUSE "9.3.3"
#define OBJECTIVE_CLAUSE "6.2"

struct _AimsPdcaCard
{
  GObject           parent_instance;

  AimsPdcaCardKind  kind;
  char             *key;      /* clause id, objective uuid or action uuid */
  char             *uuid;     /* the pdca_card row, or NULL */
  char             *parent;   /* an action's risk, finding or review */
  char             *clause;
  char             *title;
  AimsPdcaPhase     phase;
  char             *status;
  char             *owner;
  char             *due_date;
  char             *evidence_note;
};

G_DEFINE_FINAL_TYPE (AimsPdcaCard, aims_pdca_card, G_TYPE_OBJECT)

static void
aims_pdca_card_finalize (GObject *object)
{
  AimsPdcaCard *self = AIMS_PDCA_CARD (object);

  g_free (self->key);
  g_free (self->uuid);
  g_free (self->parent);
  g_free (self->clause);
  g_free (self->title);
  g_free (self->status);
  g_free (self->owner);
  g_free (self->due_date);
  g_free (self->evidence_note);

  G_OBJECT_CLASS (aims_pdca_card_parent_class)->finalize (object);
}

static void
aims_pdca_card_class_init (AimsPdcaCardClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_pdca_card_finalize;
}

static void
aims_pdca_card_init (AimsPdcaCard *self)
{
}

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  const char *text = (const char *) sqlite3_column_text (stmt, column);

  return g_strdup (text != NULL ? text : "");
}

static AimsPdcaPhase
phase_of (const char    *text,
          AimsPdcaPhase  fallback)
{
  AimsPdcaPhase phase;

  if (text != NULL && aims_pdca_phase_from_string (text, &phase) && phase != AIMS_PDCA_PHASE_NONE)
    return phase;

  return fallback;
}

static AimsPdcaCard *
card_new (AimsPdcaCardKind  kind,
          const char       *key,
          const char       *clause,
          const char       *title,
          AimsPdcaPhase     phase)
{
  AimsPdcaCard *self = g_object_new (AIMS_TYPE_PDCA_CARD, NULL);

  self->kind = kind;
  self->key = g_strdup (key);
  self->clause = g_strdup (clause);
  self->title = g_strdup (title);
  self->phase = phase;
  self->status = g_strdup ("not-started");
  self->owner = g_strdup ("");
  self->due_date = g_strdup ("");
  self->evidence_note = g_strdup ("");

  return self;
}

static void
take (char **field,
      char  *value)
{
  g_free (*field);
  *field = value;
}

/* The clause requirements: catalogue clauses without sub-clauses. */
static void
add_clause_cards (AimsCatalog *catalog,
                  GPtrArray   *cards,
                  GHashTable  *by_key)
{
  GListModel *clauses = aims_catalog_get_items (catalog, AIMS_CATALOG_KIND_CLAUSE);
  guint n = g_list_model_get_n_items (clauses);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsCatalogItem) clause = g_list_model_get_item (clauses, i);
      const char *id = aims_catalog_item_get_id (clause);
      AimsPdcaCard *card;

      if (g_list_model_get_n_items (aims_catalog_get_children (catalog, id)) > 0)
        continue;

      card = card_new (AIMS_PDCA_CARD_CLAUSE, id, id, aims_catalog_item_get_title (clause),
                       aims_catalog_item_get_phase (clause));
      g_ptr_array_add (cards, card);
      g_hash_table_insert (by_key, card->key, card);
    }
}

static gboolean
is_blank (const char *text)
{
  for (const char *p = text; *p != '\0'; p++)
    {
      if (!g_ascii_isspace (*p))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_failed (AimsStore  *store,
             int         rc,
             GError    **error)
{
  if (rc == SQLITE_DONE)
    return FALSE;

  _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                          _("Could not read the PDCA board"));
  return TRUE;
}

/* The open corrective and review actions, in Act. @sql selects uuid,
 * parent reference, what, status, owner, due date and parent uuid. */
static gboolean
add_act_cards (AimsStore         *store,
               GPtrArray         *cards,
               AimsPdcaCardKind   kind,
               const char        *sql,
               GError           **error)
{
  const char *clause = kind == AIMS_PDCA_CARD_CORRECTIVE_ACTION ? CORRECTIVE_CLAUSE
                                                                : REVIEW_ACTION_CLAUSE;
  sqlite3_stmt *stmt;
  int rc;

  if ((stmt = _aims_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = column_dup (stmt, 0);
      g_autofree char *title = g_strdup_printf ("%s: %s", sqlite3_column_text (stmt, 1),
                                                sqlite3_column_text (stmt, 2));
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      AimsPdcaCard *card;

      card = card_new (kind, uuid, clause, title, AIMS_PDCA_PHASE_ACT);
      if (g_strcmp0 (status, "in-progress") == 0)
        take (&card->status, g_strdup (status));
      take (&card->owner, column_dup (stmt, 4));
      take (&card->due_date, column_dup (stmt, 5));
      take (&card->parent, column_dup (stmt, 6));
      g_ptr_array_add (cards, card);
    }
  _aims_store_release (stmt);

  return !read_failed (store, rc, error);
}

static gboolean
add_stored_cards (AimsStore   *store,
                  GPtrArray   *cards,
                  GHashTable  *by_key,
                  GError     **error)
{
  sqlite3_stmt *stmt;
  int rc;

  /* Objectives in the order they were added; clause rows onto their cards. */
  stmt = _aims_store_prepare (store,
                              "SELECT uuid, kind, clause, title, phase, status, owner, due_date, "
                              "evidence_note FROM pdca_card WHERE kind IN ('clause', 'objective') "
                              "ORDER BY created, rowid",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *kind = (const char *) sqlite3_column_text (stmt, 1);
      AimsPdcaCard *card;

      if (g_strcmp0 (kind, "clause") == 0)
        {
          /* A row for a clause the catalogue does not have is not shown. */
          card = g_hash_table_lookup (by_key, sqlite3_column_text (stmt, 2));
          if (card == NULL || card->kind != AIMS_PDCA_CARD_CLAUSE)
            continue;
        }
      else
        {
          g_autofree char *uuid = column_dup (stmt, 0);
          g_autofree char *title = column_dup (stmt, 3);

          card = card_new (AIMS_PDCA_CARD_OBJECTIVE, uuid, OBJECTIVE_CLAUSE, title,
                           AIMS_PDCA_PHASE_PLAN);
          g_ptr_array_add (cards, card);
        }

      take (&card->uuid, column_dup (stmt, 0));
      card->phase = phase_of ((const char *) sqlite3_column_text (stmt, 4), card->phase);
      take (&card->status, column_dup (stmt, 5));
      take (&card->owner, column_dup (stmt, 6));
      take (&card->due_date, column_dup (stmt, 7));
      take (&card->evidence_note, column_dup (stmt, 8));
    }
  _aims_store_release (stmt);

  if (read_failed (store, rc, error))
    return FALSE;

  /* Treatment actions, by risk and due date. */
  stmt = _aims_store_prepare (store,
                              "SELECT a.uuid, r.reference, a.what, a.status, a.owner, a.due_date, "
                              "c.uuid, c.phase, c.evidence_note FROM treatment_action a "
                              "JOIN risk r ON r.uuid = a.risk "
                              "LEFT JOIN pdca_card c ON c.action = a.uuid "
                              "WHERE a.status != 'cancelled' "
                              "ORDER BY r.reference, a.due_date, a.rowid",
                              error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autofree char *uuid = column_dup (stmt, 0);
      g_autofree char *title = g_strdup_printf ("%s: %s", sqlite3_column_text (stmt, 1),
                                                sqlite3_column_text (stmt, 2));
      const char *status = (const char *) sqlite3_column_text (stmt, 3);
      AimsPdcaCard *card;

      card = card_new (AIMS_PDCA_CARD_ACTION, uuid, ACTION_CLAUSE, title, AIMS_PDCA_PHASE_DO);
      if (g_strcmp0 (status, "in-progress") == 0 || g_strcmp0 (status, "done") == 0)
        take (&card->status, g_strdup (status));
      take (&card->owner, column_dup (stmt, 4));
      take (&card->due_date, column_dup (stmt, 5));
      if (sqlite3_column_type (stmt, 6) != SQLITE_NULL)
        {
          take (&card->uuid, column_dup (stmt, 6));
          card->phase = phase_of ((const char *) sqlite3_column_text (stmt, 7), card->phase);
          take (&card->evidence_note, column_dup (stmt, 8));
        }
      g_ptr_array_add (cards, card);
    }
  _aims_store_release (stmt);

  if (read_failed (store, rc, error))
    return FALSE;

  return add_act_cards (store, cards, AIMS_PDCA_CARD_CORRECTIVE_ACTION,
                        "SELECT a.uuid, f.reference, a.what, a.status, a.owner, a.due_date, "
                        "a.finding FROM corrective_action a JOIN finding f ON f.uuid = a.finding "
                        "WHERE a.status IN ('planned', 'in-progress') "
                        "ORDER BY f.reference, a.due_date, a.rowid",
                        error) &&
         add_act_cards (store, cards, AIMS_PDCA_CARD_REVIEW_ACTION,
                        "SELECT a.uuid, r.reference, a.what, a.status, a.owner, a.due_date, "
                        "a.review FROM review_action a "
                        "JOIN management_review r ON r.uuid = a.review "
                        "WHERE a.status IN ('planned', 'in-progress') "
                        "ORDER BY r.reference, a.due_date, a.rowid",
                        error);
}

/* The card's own row: made for a clause requirement or an action on first
 * edit. Inside the open group. */
static gboolean
ensure_row (AimsStore     *store,
            AimsPdcaCard  *card,
            GError       **error)
{
  g_autoptr(GHashTable) values = NULL;
  char *uuid;

  if (card->uuid != NULL)
    return TRUE;

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
#define PUT(name, text) \
  g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)))
  PUT ("kind", card->kind == AIMS_PDCA_CARD_CLAUSE ? "clause" : "action");
  PUT ("clause", card->clause);
  PUT ("phase", aims_pdca_phase_to_string (card->phase));
  if (card->kind == AIMS_PDCA_CARD_ACTION)
    PUT ("action", card->key);
  else
    {
      PUT ("status", card->status);
      PUT ("owner", card->owner);
      PUT ("due_date", card->due_date);
    }
#undef PUT

  uuid = aims_store_insert (store, "pdca_card", values, error);
  if (uuid == NULL)
    return FALSE;

  card->uuid = uuid;
  return TRUE;
}

static gboolean
is_action (AimsPdcaCard *card)
{
  return card->kind == AIMS_PDCA_CARD_ACTION || card->kind == AIMS_PDCA_CARD_CORRECTIVE_ACTION ||
         card->kind == AIMS_PDCA_CARD_REVIEW_ACTION;
}

static gboolean
is_action_field (AimsPdcaCard *card,
                 const char   *field)
{
  return is_action (card) &&
         (g_str_equal (field, "status") || g_str_equal (field, "owner") ||
          g_str_equal (field, "due_date") || g_str_equal (field, "title"));
}

/* The table an action card's fields belong to */
static const char *
action_table (AimsPdcaCard *card)
{
  switch (card->kind)
    {
    case AIMS_PDCA_CARD_CORRECTIVE_ACTION:
      return "corrective_action";
    case AIMS_PDCA_CARD_REVIEW_ACTION:
      return "review_action";
    case AIMS_PDCA_CARD_ACTION:
    case AIMS_PDCA_CARD_CLAUSE:
    case AIMS_PDCA_CARD_OBJECTIVE:
    default:
      return "treatment_action";
    }
}

static char *
card_label (AimsPdcaCard *card)
{
  if (card->kind == AIMS_PDCA_CARD_CLAUSE)
    return g_strdup_printf ("%s %s", card->clause, card->title);
  return g_strdup (card->title);
}

/* Public API */

/**
 * aims_pdca_load:
 * @store: a project
 * @error: return location for a #GError
 *
 * Every card of the board: the clause requirements in catalogue order, then
 * the objectives, then the treatment actions.
 *
 * Returns: (transfer full) (element-type AimsPdcaCard) (nullable): the cards
 */
GPtrArray *
aims_pdca_load (AimsStore  *store,
                GError    **error)
{
  g_autoptr(GPtrArray) cards = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) by_key = g_hash_table_new (g_str_hash, g_str_equal);
  AimsCatalog *catalog;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if ((catalog = aims_catalog_get_default (error)) == NULL)
    return NULL;

  add_clause_cards (catalog, cards, by_key);
  if (!add_stored_cards (store, cards, by_key, error))
    return NULL;

  return g_steal_pointer (&cards);
}

/**
 * aims_pdca_move:
 * @store: a project
 * @card: a card from aims_pdca_load()
 * @phase: the column to move it to
 * @error: return location for a #GError
 *
 * Moves a card to another phase, as one undo step; @card follows.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_pdca_move (AimsStore      *store,
                AimsPdcaCard   *card,
                AimsPdcaPhase   phase,
                GError        **error)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (card), FALSE);
  g_return_val_if_fail (phase >= AIMS_PDCA_PHASE_PLAN && phase <= AIMS_PDCA_PHASE_ACT, FALSE);

  return aims_pdca_set (store, card, "phase",
                        g_variant_new_string (aims_pdca_phase_to_string (phase)), error);
}

/**
 * aims_pdca_set:
 * @store: a project
 * @card: a card from aims_pdca_load()
 * @field: "phase", "status", "owner", "due_date", "evidence_note" or
 *   "title" (objectives and actions)
 * @value: the new value (floating references are sunk)
 * @error: return location for a #GError
 *
 * Changes a card as one undo step; @card follows. An action's status, owner,
 * due date and title are the treatment action's own ("not started" is its
 * "planned").
 *
 * Returns: %TRUE on success
 */
gboolean
aims_pdca_set (AimsStore     *store,
               AimsPdcaCard  *card,
               const char    *field,
               GVariant      *value,
               GError       **error)
{
  g_autoptr(GVariant) owned = NULL;
  g_autofree char *name = NULL;
  g_autofree char *label = NULL;
  const AimsFieldInfo *info;
  const char *text;
  gboolean created;
  gboolean ok;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (card), FALSE);
  g_return_val_if_fail (field != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  owned = g_variant_ref_sink (value);
  info = aims_table_info_lookup_field (aims_schema_lookup_table ("pdca_card"), field);
  /* Corrective and review actions have no card row: they stay in Act */
  if (!aims_pdca_card_can_move (card) &&
      (g_str_equal (field, "phase") || g_str_equal (field, "evidence_note")))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("Corrective and review actions stay in Act until they are done; change "
                     "their status, owner or due date instead."));
      return FALSE;
    }

  if (info == NULL || info->widget == AIMS_FIELD_WIDGET_HIDDEN || g_str_equal (field, "kind") ||
      (g_str_equal (field, "title") && card->kind == AIMS_PDCA_CARD_CLAUSE) ||
      !g_variant_is_of_type (owned, G_VARIANT_TYPE_STRING))
    {
      g_autofree char *shown = _aims_text_for_message (field, -1);

      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_UNKNOWN_FIELD,
                   _("A card of this kind has no field “%s” to change."), shown);
      return FALSE;
    }
  text = g_variant_get_string (owned, NULL);

  name = card_label (card);
  if (g_str_equal (field, "phase"))
    {
      AimsPdcaPhase phase = phase_of (text, AIMS_PDCA_PHASE_NONE);

      label = g_strdup_printf (_("Move “%s” to %s"), name,
                               phase != AIMS_PDCA_PHASE_NONE ? aims_pdca_phase_get_label (phase)
                                                             : text);
    }
  else
    label = g_strdup_printf (_("Change “%s” of “%s”"), _(info->label), name);

  /* A card whose row was saved before keeps it when this change fails */
  created = card->uuid == NULL;
  aims_store_begin_group (store, label);

  if (is_action_field (card, field))
    {
      const char *column = g_str_equal (field, "title") ? "what" : field;
      g_autoptr(GVariant) mapped = NULL;

      /* The board's statuses only; "cancelled" is the register's to set. */
      if (g_str_equal (field, "status") && !g_strv_contains (info->choices, text))
        {
          g_autofree char *shown = _aims_text_for_message (text, -1);
          g_autofree char *allowed = g_strjoinv (", ", (char **) info->choices);

          g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_CHOICE,
                       _("%s: “%s” is not one of: %s."), _(info->label), shown, allowed);
          ok = FALSE;
        }
      else
        {
          if (g_str_equal (field, "status") && g_str_equal (text, "not-started"))
            mapped = g_variant_ref_sink (g_variant_new_string ("planned"));
          else
            mapped = g_variant_ref (owned);

          ok = aims_store_update (store, action_table (card), card->key, column, mapped, error);
        }
    }
  else
    ok = ensure_row (store, card, error) &&
         aims_store_update (store, "pdca_card", card->uuid, field, owned, error);

  if (!ok)
    {
      aims_store_abort_group (store);
      if (created && card->kind != AIMS_PDCA_CARD_OBJECTIVE)
        g_clear_pointer (&card->uuid, g_free);
      return FALSE;
    }

  if (!aims_store_end_group (store, error))
    return FALSE;

  if (g_str_equal (field, "phase"))
    card->phase = phase_of (text, card->phase);
  else if (g_str_equal (field, "status"))
    take (&card->status, g_strdup (text));
  else if (g_str_equal (field, "owner"))
    take (&card->owner, g_strdup (text));
  else if (g_str_equal (field, "due_date"))
    take (&card->due_date, g_strdup (text));
  else if (g_str_equal (field, "evidence_note"))
    take (&card->evidence_note, g_strdup (text));
  else if (g_str_equal (field, "title"))
    take (&card->title, g_strdup (text));

  return TRUE;
}

/**
 * aims_pdca_add_objective:
 * @store: a project
 * @title: the objective, in the organisation's words
 * @owner: (nullable): who answers for it
 * @due_date: (nullable): YYYY-MM-DD, or empty
 * @error: return location for a #GError
 *
 * Adds one of the organisation's AI objectives (ISO/IEC 42001 6.2) to the
 * board, in Plan.
 *
 * Returns: (transfer full) (nullable): the card's uuid
 */
char *
aims_pdca_add_objective (AimsStore   *store,
                         const char  *title,
                         const char  *owner,
                         const char  *due_date,
                         GError     **error)
{
  g_autoptr(GHashTable) values = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);

  if (title == NULL || is_blank (title))
    {
      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                   _("%s: required; it cannot be empty."), _("Title"));
      return NULL;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
#define PUT(name, text) \
  g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)))
  PUT ("kind", "objective");
  PUT ("clause", OBJECTIVE_CLAUSE);
  PUT ("title", title);
  PUT ("phase", "plan");
  PUT ("owner", owner != NULL ? owner : "");
  PUT ("due_date", due_date != NULL ? due_date : "");
#undef PUT

  return aims_store_insert (store, "pdca_card", values, error);
}

/**
 * aims_pdca_summarize:
 * @cards: (element-type AimsPdcaCard): from aims_pdca_load()
 * @today: (nullable): YYYY-MM-DD for overdue cards; %NULL counts none
 * @summary: (out caller-allocates): the figures
 */
void
aims_pdca_summarize (GPtrArray       *cards,
                     const char      *today,
                     AimsPdcaSummary *summary)
{
  g_return_if_fail (cards != NULL);
  g_return_if_fail (summary != NULL);

  memset (summary, 0, sizeof *summary);

  for (guint i = 0; i < cards->len; i++)
    {
      AimsPdcaCard *card = g_ptr_array_index (cards, i);
      gboolean done = aims_pdca_card_is_done (card);

      if (card->phase >= AIMS_PDCA_PHASE_PLAN && card->phase <= AIMS_PDCA_PHASE_ACT)
        {
          summary->phases[card->phase - AIMS_PDCA_PHASE_PLAN].total++;
          summary->phases[card->phase - AIMS_PDCA_PHASE_PLAN].done += done;
        }

      if (today != NULL && aims_pdca_card_is_overdue (card, today))
        summary->n_overdue++;

      if (card->kind == AIMS_PDCA_CARD_CLAUSE)
        {
          guint64 top = g_ascii_strtoull (card->clause, NULL, 10);

          summary->requirements.total++;
          summary->requirements.done += done;
          if (top >= 4 && top < 4 + AIMS_PDCA_N_CLAUSES)
            {
              summary->clauses[top - 4].total++;
              summary->clauses[top - 4].done += done;
            }
        }
    }
}

/**
 * aims_progress_get_fraction:
 * @progress: a count
 *
 * Returns: done divided by total, 0 when nothing is counted
 */
double
aims_progress_get_fraction (const AimsProgress *progress)
{
  g_return_val_if_fail (progress != NULL, 0.0);

  return progress->total > 0 ? (double) progress->done / progress->total : 0.0;
}

AimsPdcaCardKind
aims_pdca_card_get_kind (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), AIMS_PDCA_CARD_CLAUSE);
  return self->kind;
}

/**
 * aims_pdca_card_get_key:
 *
 * Returns: what the card stands for: the clause id of a clause requirement,
 *   the uuid of an objective's card or of a treatment action; stable across
 *   loads
 */
const char *
aims_pdca_card_get_key (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->key;
}

/**
 * aims_pdca_card_get_uuid:
 *
 * Returns: (nullable): the card's pdca_card record, %NULL until first edited
 */
const char *
aims_pdca_card_get_uuid (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->uuid;
}

/**
 * aims_pdca_card_get_parent:
 *
 * Returns: (nullable): the finding of a corrective action's card, the
 *   management review of a review action's card; %NULL for other cards
 */
const char *
aims_pdca_card_get_parent (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->parent;
}

/**
 * aims_pdca_card_can_move:
 *
 * Returns: whether the card can move to another column: every card but
 *   the corrective and review actions, which stay in Act
 */
gboolean
aims_pdca_card_can_move (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), FALSE);
  return self->kind != AIMS_PDCA_CARD_CORRECTIVE_ACTION &&
         self->kind != AIMS_PDCA_CARD_REVIEW_ACTION;
}

const char *
aims_pdca_card_get_clause (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->clause;
}

const char *
aims_pdca_card_get_title (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->title;
}

AimsPdcaPhase
aims_pdca_card_get_phase (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), AIMS_PDCA_PHASE_NONE);
  return self->phase;
}

const char *
aims_pdca_card_get_status (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->status;
}

const char *
aims_pdca_card_get_owner (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->owner;
}

const char *
aims_pdca_card_get_due_date (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->due_date;
}

const char *
aims_pdca_card_get_evidence_note (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), NULL);
  return self->evidence_note;
}

gboolean
aims_pdca_card_is_done (AimsPdcaCard *self)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), FALSE);
  return g_str_equal (self->status, "done");
}

/**
 * aims_pdca_card_is_overdue:
 * @today: YYYY-MM-DD
 *
 * Returns: whether the card is not done and its due date is before @today
 */
gboolean
aims_pdca_card_is_overdue (AimsPdcaCard *self,
                           const char   *today)
{
  g_return_val_if_fail (AIMS_IS_PDCA_CARD (self), FALSE);
  g_return_val_if_fail (today != NULL, FALSE);

  return !aims_pdca_card_is_done (self) && self->due_date[0] != '\0' &&
         strcmp (self->due_date, today) < 0;
}
