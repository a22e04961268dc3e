/* aims-risks.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-risks"

#include "config.h"

#include "aims-risks.h"
#include "aims-risks-private.h"

#include "aims-links.h"
#include "aims-rules.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/*
 * The risk register's figures, and the fields of a risk the store derives:
 * its inherent and residual levels, looked up in the project's matrix, and
 * its next review, counted from the last assessment by the review interval
 * of its current level (residual if set, else inherent) unless a person set
 * it by hand. The store calls _aims_risks_derive() on every write of a risk,
 * so no caller can store a level that disagrees with the matrix.
 */

static const char * const derived_fields[] = {
  "inherent_level",
  "residual_level",
  "assessed",
  "next_review",
  "next_review_manual",
  NULL
};

static const char * const score_fields[] = {
  "inherent_likelihood",
  "inherent_impact",
  "residual_likelihood",
  "residual_impact",
  NULL
};

/* The level the register sorts and filters on. */
#define CURRENT_LEVEL_SQL \
  "(CASE WHEN residual_level >= 0 THEN residual_level ELSE inherent_level END)"

static gint64
int_of (GHashTable *record,
        const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_INT64)
    return g_variant_get_int64 (value);

  return 0;
}

static const char *
text_of (GHashTable *record,
         const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_STRING)
    return g_variant_get_string (value, NULL);

  return "";
}

static gboolean
bool_of (GHashTable *record,
         const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_BOOLEAN)
    return g_variant_get_boolean (value);
  if (value != NULL && g_variant_classify (value) == G_VARIANT_CLASS_INT64)
    return g_variant_get_int64 (value) != 0;

  return FALSE;
}

/* Sets a field to @value: a new (floating) value, or a shared one */
static void
put (GHashTable *record,
     const char *name,
     GVariant   *value)
{
  g_hash_table_replace (record, (gpointer) name, g_variant_ref_sink (value));
}

/* Private API */

gboolean
_aims_risks_is_risk_table (const AimsTableInfo *table)
{
  return table != NULL && g_str_equal (table->name, "risk");
}

/* The fields the store may change on its own when a risk is written. */
const char * const *
_aims_risks_derived_fields (void)
{
  return derived_fields;
}

/* Today, as aims_today() says: the local calendar date. */
char *
_aims_risks_today (void)
{
  return aims_today ();
}

/* The level of a cell, or -1 when either value is outside the matrix (0,
 * "not assessed", included). */
int
_aims_risks_level (AimsMatrix *matrix,
                   gint64      likelihood,
                   gint64      impact)
{
  if (likelihood < 1 || impact < 1 ||
      likelihood > aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD) ||
      impact > aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT))
    return -1;

  return aims_matrix_lookup (matrix, likelihood, impact);
}

/* @assessed plus the review interval of @level, or "" when either is
 * missing. */
char *
_aims_risks_next_review (AimsMatrix *matrix,
                         const char *assessed,
                         int         level)
{
  GDate date;

  if (level < 0 || (guint) level >= aims_matrix_get_n_levels (matrix) ||
      assessed == NULL || !aims_rules_date_is_valid (assessed))
    return g_strdup ("");

  /* aims_rules_date_is_valid() has read it as YYYY-MM-DD, digits that make
   * a date that exists: g_date_set_parse() would read it again, by the
   * locale's rules, at a tenth of an import's cost per risk. */
  g_date_clear (&date, 1);
  g_date_set_dmy (&date,
                  (GDateDay) (g_ascii_digit_value (assessed[8]) * 10 +
                              g_ascii_digit_value (assessed[9])),
                  (GDateMonth) (g_ascii_digit_value (assessed[5]) * 10 +
                                g_ascii_digit_value (assessed[6])),
                  (GDateYear) (g_ascii_digit_value (assessed[0]) * 1000 +
                               g_ascii_digit_value (assessed[1]) * 100 +
                               g_ascii_digit_value (assessed[2]) * 10 +
                               g_ascii_digit_value (assessed[3])));
  if (!g_date_valid (&date))
    return g_strdup ("");

  g_date_add_days (&date, aims_matrix_get_level_review_days (matrix, level));

  {
    guint year = g_date_get_year (&date);
    guint month = g_date_get_month (&date);
    guint day = g_date_get_day (&date);
    char *text;

    if (year > 9999)
      return g_strdup_printf ("%04u-%02u-%02u", year, month, day);

    /* "%04u-%02u-%02u", without printf's cost for every risk written */
    text = g_malloc (11);
    text[0] = '0' + year / 1000;
    text[1] = '0' + year / 100 % 10;
    text[2] = '0' + year / 10 % 10;
    text[3] = '0' + year % 10;
    text[4] = '-';
    text[5] = '0' + month / 10;
    text[6] = '0' + month % 10;
    text[7] = '-';
    text[8] = '0' + day / 10;
    text[9] = '0' + day % 10;
    text[10] = '\0';
    return text;
  }
}

/* A level as a value. A matrix has a few levels, and a GVariant cannot
 * change (its count is atomic): each is made once, and shared. */
#define N_SHARED_LEVELS 64

static GVariant *
level_value (int level)
{
  static GVariant *shared[N_SHARED_LEVELS + 1];   /* -1 … N_SHARED_LEVELS - 1 */
  GVariant **slot;

  if (level < -1 || level >= N_SHARED_LEVELS)
    return g_variant_new_int64 (level);

  slot = &shared[level + 1];
  if (g_once_init_enter (slot))
    g_once_init_leave (slot, g_variant_ref_sink (g_variant_new_int64 (level)));

  return *slot;
}

/*
 * _aims_risks_derive:
 * @record: the risk as the write would leave it (field name → canonical
 *   GVariant); its derived fields are updated in place
 * @given: (nullable): the names of the fields the write gives or changes
 * @how: why the risk is written
 * @today: (nullable): the date of a new assessment, %NULL for today
 *
 * A new or changed score is a new assessment (dated today unless the write
 * gives the date); a next review given by hand turns the manual flag on (off
 * when it is emptied); then the levels and, unless manual, the next review
 * follow from the matrix.
 */
void
_aims_risks_derive (AimsMatrix     *matrix,
                    GHashTable     *record,
                    GHashTable     *given,
                    AimsRiskDerive  how,
                    const char     *today)
{
  g_autofree char *owned_today = NULL;
  g_autofree char *next = NULL;
  int inherent, residual, current;

  g_assert (AIMS_IS_MATRIX (matrix));
  g_assert (record != NULL);

  if (today == NULL)
    today = owned_today = _aims_risks_today ();

  if (how == AIMS_RISK_DERIVE_INSERT)
    {
      if (text_of (record, "assessed")[0] == '\0')
        put (record, "assessed", g_variant_new_string (today));
    }
  else if (how == AIMS_RISK_DERIVE_EDIT && given != NULL &&
           !g_hash_table_contains (given, "assessed"))
    {
      for (guint i = 0; score_fields[i] != NULL; i++)
        {
          if (g_hash_table_contains (given, score_fields[i]))
            {
              put (record, "assessed", g_variant_new_string (today));
              break;
            }
        }
    }

  if (how != AIMS_RISK_DERIVE_REMAP && given != NULL &&
      g_hash_table_contains (given, "next_review") &&
      !g_hash_table_contains (given, "next_review_manual"))
    put (record, "next_review_manual",
         g_variant_new_boolean (text_of (record, "next_review")[0] != '\0'));

  inherent = _aims_risks_level (matrix, int_of (record, "inherent_likelihood"),
                                int_of (record, "inherent_impact"));
  residual = _aims_risks_level (matrix, int_of (record, "residual_likelihood"),
                                int_of (record, "residual_impact"));
  put (record, "inherent_level", level_value (inherent));
  put (record, "residual_level", level_value (residual));

  if (!bool_of (record, "next_review_manual"))
    {
      current = residual >= 0 ? residual : inherent;
      next = _aims_risks_next_review (matrix, text_of (record, "assessed"), current);
      put (record, "next_review", g_variant_new_string (next));
    }
}

/* Filters */

/* The WHERE clause of @filter, and the values to bind in order. @matrix
 * gives the tolerance (it may be NULL when the filter does not use it). */
static char *
filter_sql (AimsMatrix           *matrix,
            const AimsRiskFilter *filter,
            const char           *today,
            GPtrArray            *texts,
            GArray               *ints)
{
  GString *sql = g_string_new ("1");
  gint64 number;

  if (filter == NULL)
    return g_string_free (sql, FALSE);

  if (filter->system != NULL)
    {
      g_string_append (sql, " AND uuid IN (SELECT risk FROM risk_system WHERE system = ?)");
      g_ptr_array_add (texts, (gpointer) filter->system);
      g_array_append_val (ints, (gint64) { -1 });
    }

  if (filter->owner != NULL)
    {
      g_string_append (sql, " AND owner = ? COLLATE NOCASE");
      g_ptr_array_add (texts, (gpointer) filter->owner);
      g_array_append_val (ints, (gint64) { -1 });
    }

  if (filter->objective != NULL)
    {
      g_string_append (sql, " AND instr (',' || replace (objectives, ' ', '') || ',', "
                            "',' || ? || ',') > 0");
      g_ptr_array_add (texts, (gpointer) filter->objective);
      g_array_append_val (ints, (gint64) { -1 });
    }

  if (filter->flags & AIMS_RISK_FILTER_LEVEL)
    {
      g_string_append (sql, " AND " CURRENT_LEVEL_SQL " = ?");
      g_ptr_array_add (texts, NULL);
      number = filter->level;
      g_array_append_val (ints, number);
    }

  if ((filter->flags & AIMS_RISK_FILTER_ABOVE_TOLERANCE) && matrix != NULL)
    {
      g_string_append (sql, " AND " CURRENT_LEVEL_SQL " > ?");
      g_ptr_array_add (texts, NULL);
      number = aims_matrix_get_tolerance (matrix);
      g_array_append_val (ints, number);
    }

  if (filter->flags & AIMS_RISK_FILTER_OVERDUE)
    {
      /* "+" keeps the next_review index out: once many reviews are due, it
       * and a lookup of each row it finds cost many times a scan of the
       * table (or of the heatmap's covering index), which costs the same
       * whatever the day */
      g_string_append (sql, " AND next_review <> '' AND +next_review < ?");
      g_ptr_array_add (texts, (gpointer) (filter->today != NULL ? filter->today : today));
      g_array_append_val (ints, (gint64) { -1 });
    }

  if (filter->flags & AIMS_RISK_FILTER_OPEN)
    g_string_append (sql, " AND status <> 'closed'");

  return g_string_free (sql, FALSE);
}

/* The same WHERE clause for other queries of the risk table, such as the
 * register's list (aims-record-list.c), so a filter means one thing. */
char *
_aims_risks_filter_sql (AimsMatrix           *matrix,
                        const AimsRiskFilter *filter,
                        const char           *today,
                        GPtrArray            *texts,
                        GArray               *ints)
{
  return filter_sql (matrix, filter, today, texts, ints);
}

AimsRiskFilter *
_aims_risk_filter_dup (const AimsRiskFilter *filter)
{
  AimsRiskFilter *copy;

  if (filter == NULL)
    return NULL;

  copy = g_new (AimsRiskFilter, 1);
  *copy = *filter;
  copy->system = g_strdup (filter->system);
  copy->owner = g_strdup (filter->owner);
  copy->objective = g_strdup (filter->objective);
  copy->today = g_strdup (filter->today);

  return copy;
}

void
_aims_risk_filter_free (AimsRiskFilter *filter)
{
  if (filter == NULL)
    return;

  g_free ((char *) filter->system);
  g_free ((char *) filter->owner);
  g_free ((char *) filter->objective);
  g_free ((char *) filter->today);
  g_free (filter);
}

gboolean
_aims_risk_filter_equal (const AimsRiskFilter *a,
                         const AimsRiskFilter *b)
{
  if (a == NULL || b == NULL)
    return a == b;

  return g_strcmp0 (a->system, b->system) == 0 &&
         g_strcmp0 (a->owner, b->owner) == 0 &&
         g_strcmp0 (a->objective, b->objective) == 0 &&
         a->flags == b->flags &&
         ((a->flags & AIMS_RISK_FILTER_LEVEL) == 0 || a->level == b->level) &&
         g_strcmp0 (a->today, b->today) == 0;
}

static void
bind_filter (sqlite3_stmt *stmt,
             GPtrArray    *texts,
             GArray       *ints)
{
  for (guint i = 0; i < texts->len; i++)
    {
      const char *text = g_ptr_array_index (texts, i);

      if (text != NULL)
        sqlite3_bind_text (stmt, i + 1, text, -1, SQLITE_TRANSIENT);
      else
        sqlite3_bind_int64 (stmt, i + 1, g_array_index (ints, gint64, i));
    }
}

static gboolean
check_store (AimsStore  *store,
             GError    **error)
{
  if (_aims_store_get_db (store) == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_FAILED,
                   _("The project has been closed."));
      return FALSE;
    }

  return TRUE;
}

static gboolean
count_where (AimsStore             *store,
             AimsMatrix            *matrix,
             const AimsRiskFilter  *filter,
             guint                 *n_risks,
             GError               **error)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = _aims_risks_today ();
  g_autofree char *where = filter_sql (matrix, filter, today, texts, ints);
  g_autofree char *sql = g_strdup_printf ("SELECT count(*) FROM risk WHERE %s", where);
  sqlite3_stmt *stmt;
  int rc;

  *n_risks = 0;

  if (!check_store (store, error) ||
      (stmt = _aims_store_prepare (store, sql, error)) == NULL)
    return FALSE;

  bind_filter (stmt, texts, ints);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    *n_risks = (guint) CLAMP (sqlite3_column_int64 (stmt, 0), 0, G_MAXUINT);
  _aims_store_release (stmt);

  if (rc != SQLITE_ROW)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not count the risks"));
      return FALSE;
    }

  return TRUE;
}

/* Public API */

/**
 * aims_risk_filter_init:
 * @filter: a filter
 *
 * Sets @filter to let every risk through.
 */
void
aims_risk_filter_init (AimsRiskFilter *filter)
{
  g_return_if_fail (filter != NULL);

  memset (filter, 0, sizeof *filter);
}

/**
 * aims_risks_count_cells:
 * @store: a #AimsStore
 * @matrix: the project's matrix (aims_store_dup_matrix())
 * @filter: (nullable): which risks to count; %NULL for all
 * @error: return location for a #GError
 *
 * How many risks sit in each cell of @matrix, inherent and residual, and how
 * many moved between them: the heat map's figures, from one GROUP BY query.
 * Risks whose scores lie outside @matrix (a file edited elsewhere) are not
 * counted.
 *
 * Returns: (transfer full) (nullable): the counts, or %NULL with @error set
 */
AimsHeatmapCounts *
aims_risks_count_cells (AimsStore             *store,
                        AimsMatrix            *matrix,
                        const AimsRiskFilter  *filter,
                        GError               **error)
{
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();
  g_autoptr(GArray) ints = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autofree char *today = _aims_risks_today ();
  g_autofree char *where = NULL;
  g_autofree char *sql = NULL;
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), NULL);

  if (!check_store (store, error))
    return NULL;

  where = filter_sql (matrix, filter, today, texts, ints);
  /* risk_cell holds every column of the query but the uuid: one pass over
   * it, already in GROUP BY order, is faster than any lookup by owner or
   * date followed by reads of the wide rows. The risks of one AI system are
   * few, so that filter goes through risk_system instead. */
  sql = g_strdup_printf ("SELECT inherent_likelihood, inherent_impact, residual_likelihood, "
                         "residual_impact, count(*) FROM risk%s WHERE %s "
                         "GROUP BY 1, 2, 3, 4",
                         filter == NULL || filter->system == NULL ? " INDEXED BY risk_cell" : "",
                         where);
  stmt = _aims_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  bind_filter (stmt, texts, ints);

  counts = aims_heatmap_counts_new (aims_matrix_get_n_steps (matrix, AIMS_MATRIX_LIKELIHOOD),
                                    aims_matrix_get_n_steps (matrix, AIMS_MATRIX_IMPACT));

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 values[4];
      gint64 n = sqlite3_column_int64 (stmt, 4);
      gboolean usable = TRUE;

      for (guint i = 0; i < 4; i++)
        {
          values[i] = sqlite3_column_int64 (stmt, i);
          if (sqlite3_column_type (stmt, i) != SQLITE_INTEGER || values[i] < 0 ||
              values[i] > AIMS_MATRIX_MAX_STEPS)
            usable = FALSE;
        }

      /* The counts check the cells against the matrix themselves. */
      for (gint64 j = 0; usable && j < n; j++)
        aims_heatmap_counts_add (counts, values[0], values[1], values[2], values[3]);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not count the risks"));
      return NULL;
    }

  return g_steal_pointer (&counts);
}

/* The name of a risk's level, or NULL when it has none */
static const char *
level_name (AimsMatrix *matrix,
            gint64      likelihood,
            gint64      impact)
{
  int level = _aims_risks_level (matrix, likelihood, impact);

  if (level < 0 || (guint) level >= aims_matrix_get_n_levels (matrix))
    return NULL;

  return aims_matrix_get_level_name (matrix, level);
}

/**
 * aims_risks_preview_remap:
 * @store: a #AimsStore
 * @from: the project's matrix
 * @to: a matrix that may replace it; it need not be valid yet (an editor
 *   asks while a person works on it)
 * @summary: (out) (optional): how many risks move and change level
 * @error: return location for a #GError
 *
 * What aims_store_set_matrix() would do to the risks, without doing it:
 * every score moved to the steps of @to by aims_matrix_remap_value(), as
 * the store does, counted on the cells of @to, with how many risks move to
 * another step and how many change level. One GROUP BY query.
 *
 * Returns: (transfer full) (nullable): the risks per cell of @to, or %NULL
 *   with @error set
 */
AimsHeatmapCounts *
aims_risks_preview_remap (AimsStore             *store,
                          AimsMatrix            *from,
                          AimsMatrix            *to,
                          AimsRiskRemapSummary  *summary,
                          GError               **error)
{
  g_autoptr(AimsHeatmapCounts) counts = NULL;
  AimsRiskRemapSummary sum = { 0, 0, 0 };
  guint steps_from[2], steps_to[2];
  sqlite3_stmt *stmt;
  int rc;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (AIMS_IS_MATRIX (from), NULL);
  g_return_val_if_fail (AIMS_IS_MATRIX (to), NULL);

  if (summary != NULL)
    *summary = sum;

  if (!check_store (store, error))
    return NULL;

  steps_from[0] = aims_matrix_get_n_steps (from, AIMS_MATRIX_LIKELIHOOD);
  steps_from[1] = aims_matrix_get_n_steps (from, AIMS_MATRIX_IMPACT);
  steps_to[0] = aims_matrix_get_n_steps (to, AIMS_MATRIX_LIKELIHOOD);
  steps_to[1] = aims_matrix_get_n_steps (to, AIMS_MATRIX_IMPACT);

  stmt = _aims_store_prepare (store,
                              "SELECT inherent_likelihood, inherent_impact, residual_likelihood, "
                              "residual_impact, count(*) FROM risk INDEXED BY risk_cell "
                              "GROUP BY 1, 2, 3, 4",
                              error);
  if (stmt == NULL)
    return NULL;

  counts = aims_heatmap_counts_new (steps_to[0], steps_to[1]);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 old_values[4], new_values[4];
      guint n = (guint) CLAMP (sqlite3_column_int64 (stmt, 4), 0, G_MAXUINT);
      gboolean moved = FALSE;
      gboolean relevelled = FALSE;

      /* As _aims_store_remap_risks() does: a value outside the old matrix
       * is its nearest step, 0 stays "not assessed" */
      for (guint j = 0; j < 4; j++)
        {
          guint axis = j % 2;
          gint64 value = CLAMP (sqlite3_column_int64 (stmt, j), 0, (gint64) steps_from[axis]);

          old_values[j] = sqlite3_column_int64 (stmt, j);
          new_values[j] = aims_matrix_remap_value ((guint) value, steps_from[axis], steps_to[axis]);
          moved |= new_values[j] != old_values[j];
        }

      for (guint j = 0; j < 4; j += 2)
        relevelled |= g_strcmp0 (level_name (from, old_values[j], old_values[j + 1]),
                                 level_name (to, new_values[j], new_values[j + 1])) != 0;

      sum.n_risks += n;
      if (moved)
        sum.n_moved += n;
      if (relevelled)
        sum.n_relevelled += n;

      for (guint k = 0; k < n; k++)
        aims_heatmap_counts_add (counts, new_values[0], new_values[1], new_values[2],
                                 new_values[3]);
    }
  _aims_store_release (stmt);

  if (rc != SQLITE_DONE)
    {
      _aims_sqlite_set_error (error, _aims_store_get_db (store), rc,
                              _("Could not read the risks"));
      return NULL;
    }

  if (summary != NULL)
    *summary = sum;

  return g_steal_pointer (&counts);
}

/**
 * aims_risks_count_above_tolerance:
 * @store: a #AimsStore
 * @matrix: the project's matrix
 * @error: return location for a #GError
 *
 * Risks above tolerance: open risks whose residual level (inherent where no
 * residual is set) is above the tolerance level of @matrix.
 *
 * Returns: the number of risks; 0 with @error set on failure
 */
guint
aims_risks_count_above_tolerance (AimsStore   *store,
                                  AimsMatrix  *matrix,
                                  GError     **error)
{
  AimsRiskFilter filter;
  guint n = 0;

  g_return_val_if_fail (AIMS_IS_STORE (store), 0);
  g_return_val_if_fail (AIMS_IS_MATRIX (matrix), 0);

  aims_risk_filter_init (&filter);
  filter.flags = AIMS_RISK_FILTER_ABOVE_TOLERANCE | AIMS_RISK_FILTER_OPEN;
  count_where (store, matrix, &filter, &n, error);

  return n;
}

/**
 * aims_risks_count_overdue:
 * @store: a #AimsStore
 * @today: (nullable): the day, YYYY-MM-DD; %NULL for today (UTC)
 * @error: return location for a #GError
 *
 * Overdue reviews: open risks whose next review is before @today.
 *
 * Returns: the number of risks; 0 with @error set on failure
 */
guint
aims_risks_count_overdue (AimsStore   *store,
                          const char  *today,
                          GError     **error)
{
  AimsRiskFilter filter;
  guint n = 0;

  g_return_val_if_fail (AIMS_IS_STORE (store), 0);

  /* No matrix: the overdue filter does not need one. */
  aims_risk_filter_init (&filter);
  filter.flags = AIMS_RISK_FILTER_OVERDUE | AIMS_RISK_FILTER_OPEN;
  filter.today = today;
  count_where (store, NULL, &filter, &n, error);

  return n;
}

/**
 * aims_risks_set_score:
 * @store: a #AimsStore
 * @uuid: a risk
 * @score: which pair to set
 * @likelihood: a likelihood step of the project's matrix (0 with @impact 0
 *   clears a residual score)
 * @impact: an impact step
 * @error: return location for a #GError
 *
 * Sets a likelihood and an impact together, as one undo step: a residual
 * score needs both, so setting them one after the other would break the
 * rule in between. The level, last assessment and next review follow.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_risks_set_score (AimsStore      *store,
                      const char     *uuid,
                      AimsRiskScore   score,
                      guint           likelihood,
                      guint           impact,
                      GError        **error)
{
  g_autoptr(GHashTable) changes = NULL;
  gboolean residual = score == AIMS_RISK_RESIDUAL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (uuid != NULL, FALSE);

  changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                   (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (changes,
                       (gpointer) (residual ? "residual_likelihood" : "inherent_likelihood"),
                       g_variant_ref_sink (g_variant_new_int64 (likelihood)));
  g_hash_table_insert (changes,
                       (gpointer) (residual ? "residual_impact" : "inherent_impact"),
                       g_variant_ref_sink (g_variant_new_int64 (impact)));

  return _aims_store_update_fields (store, "risk", uuid, changes,
                                    residual ? _("Change the residual score")
                                             : _("Change the inherent score"),
                                    error);
}

/**
 * aims_risks_add_for_system:
 * @store: a #AimsStore
 * @system: an AI system
 * @title: the new risk's title
 * @error: return location for a #GError
 *
 * Adds a risk of @system, linked to it, as one undo step: the next free
 * reference, @title, the system's business owner as its owner, status
 * "identified" and the lowest cell of the matrix as its inherent score (the
 * table requires one) until a person assesses it.
 *
 * Returns: (transfer full) (nullable): the new risk's uuid
 */
char *
aims_risks_add_for_system (AimsStore   *store,
                           const char  *system,
                           const char  *title,
                           GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *owner = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (system != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  /* Also says whether the system exists */
  owner = aims_store_dup_text (store, "ai_system", system, "business_owner", error);
  if (owner == NULL)
    return NULL;

  reference = aims_store_next_reference (store, "risk");
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "reference",
                       g_variant_ref_sink (g_variant_new_string (reference)));
  g_hash_table_insert (values, (gpointer) "title",
                       g_variant_ref_sink (g_variant_new_string (title)));
  g_hash_table_insert (values, (gpointer) "owner",
                       g_variant_ref_sink (g_variant_new_string (owner)));
  g_hash_table_insert (values, (gpointer) "inherent_likelihood",
                       g_variant_ref_sink (g_variant_new_int64 (1)));
  g_hash_table_insert (values, (gpointer) "inherent_impact",
                       g_variant_ref_sink (g_variant_new_int64 (1)));

  aims_store_begin_group (store, _("Add a risk of an AI system"));
  if ((uuid = aims_store_insert (store, "risk", values, &local_error)) == NULL ||
      (link = aims_store_link (store, "risk_system", uuid, system, &local_error)) == NULL)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!aims_store_end_group (store, error))
    return NULL;

  return g_steal_pointer (&uuid);
}
