/* aims-import-run.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-import"

#include "config.h"

#include "aims-import.h"
#include "aims-import-private.h"

#include "aims-schema-private.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/*
 * The run of an import (aims_import_run()): each row of the sheet is turned
 * into values by the mapping (convert()), judged by the store's bulk path,
 * and written there, in one group of the store.
 *
 * Judging a row is as much work as writing it, so the two overlap: a worker
 * thread (check_rows()) converts and checks the rows in order and hands them
 * over in batches, and the thread that called aims_import_run(), which owns
 * the store, writes them. The checker touches only the sheet, the mapping,
 * the run's own caches and what the bulk loaded when it began; rejections
 * from both threads are gathered under a lock and put in the file's order
 * at the end.
 */

/* The import */

/* Likelihood and impact */
#define N_AXES 2

typedef struct
{
  AimsStore         *store;
  AimsSheet         *sheet;
  AimsImportMapping *mapping;
  AimsMatrix        *matrix;
  AimsImportResult  *result;
  const AimsTableInfo *table;
  gboolean           row_rejected;
  GHashTable       **choices;   /* per field: choice_index () */
  gboolean          *primary;   /* per column: its header names its field */
  GHashTable        *steps[N_AXES];  /* text → step, of the texts seen */
  GHashTable       **mapped;    /* per field: text → the mapping's value, or "" for none */
  GHashTable       **values;    /* per field: text → its value, for choices and dates */
  GVariant         **step_values[N_AXES];  /* step (0 … n) → its value */
  guint              n_steps[N_AXES];
  int                reference;     /* the index of the field "reference", or -1 */
  gboolean           is_csv;
  GHashTable        *row_values;    /* field → value, of the row being checked */
  GHashTable        *seen;      /* reference → the row that had it */
  int               *column_field;  /* per column: the index of its field, or -1 */
  const char       **prefixes;      /* per field: the text put before its values */

  /* Per field, for the row being checked: its text, whether a column gave
   * one, and the first such column. Made once, reused for every row. */
  GString          **texts;
  gboolean          *filled;
  int               *first_column;
  GString           *prefixed;
  AimsStoreBulk     *bulk;

  /* Rows are checked on a worker thread (check_rows()) while the thread
   * that called aims_import_run() writes the rows checked before: checking
   * is as much work as writing, and the two overlap. */
  GMutex             rejected_lock;
  GAsyncQueue       *batches;   /* checked rows, BATCH_ROWS at a time, to write */
  GAsyncQueue       *tokens;    /* at most MAX_BATCHES_AHEAD batches wait */
} Run;

#define BATCH_ROWS 256
#define MAX_BATCHES_AHEAD 8

/* A checked row: a new record to write, or the changes to an existing one. */
typedef struct
{
  guint        index;
  AimsBulkRow *insert;
  const char  *uuid;      /* of the record to update, held by the bulk */
  GHashTable  *values;    /* field → value, for an update */
} Item;

static void
item_free (gpointer data)
{
  Item *item = data;

  g_clear_pointer (&item->insert, _aims_store_bulk_row_free);
  g_clear_pointer (&item->values, g_hash_table_unref);
  g_free (item);
}

static void
reject (Run        *run,
        guint       index,
        int         column,
        const char *format,
        ...) G_GNUC_PRINTF (4, 5);

/* Adds a rejection; from either thread. */
static void
add_rejection (Run        *run,
               guint       index,
               int         column,
               const char *problem)
{
  AimsImportRejection rejection;

  rejection.row = aims_sheet_get_row_number (run->sheet, index);
  if (column >= 0)
    {
      g_autofree char *name = aims_sheet_column_name ((guint) column);

      rejection.reason =
        /* Translators: “file”, row 4, column C (“header”): problem */
        g_strdup_printf (_("“%s”, row %u, column %s (“%s”): %s"),
                         aims_sheet_get_display_name (run->sheet), rejection.row, name,
                         aims_import_mapping_get_header (run->mapping, (guint) column), problem);
    }
  else
    rejection.reason = g_strdup_printf (_("“%s”, row %u: %s"),
                                        aims_sheet_get_display_name (run->sheet),
                                        rejection.row, problem);

  g_mutex_lock (&run->rejected_lock);
  g_array_append_val (run->result->rejected, rejection);
  g_mutex_unlock (&run->rejected_lock);
}

/* Rejects the row being checked (on the checking thread). */
static void
reject (Run        *run,
        guint       index,
        int         column,
        const char *format,
        ...)
{
  g_autofree char *problem = NULL;
  va_list args;

  va_start (args, format);
  problem = g_strdup_vprintf (format, args);
  va_end (args);

  add_rejection (run, index, column, problem);
  run->row_rejected = TRUE;
}

/* aims_import_mapping_lookup_value(), remembered: registers repeat a few
 * words in every row, and folding them is most of the lookup. */
static const char *
lookup_value (Run                 *run,
              const AimsFieldInfo *field,
              const char          *text)
{
  GHashTable **slot = &run->mapped[field - run->table->fields];
  GHashTable *texts = *slot;
  const char *value;

  if (texts == NULL)
    texts = *slot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if ((value = g_hash_table_lookup (texts, text)) == NULL)
    {
      value = aims_import_mapping_lookup_value (run->mapping, field->name, text);
      if (value == NULL)
        value = "";
      g_hash_table_insert (texts, g_strdup (text), (gpointer) value);
    }

  return *value != '\0' ? value : NULL;
}

static char *
list_choices (const AimsFieldInfo *field)
{
  g_autoptr(GString) list = g_string_new (NULL);

  for (guint i = 0; i < field->n_choices; i++)
    {
      if (*field->choice_list[i].id == '\0')
        continue;
      if (list->len > 0)
        g_string_append (list, ", ");
      g_string_append_printf (list, "%s (%s)", _(field->choice_list[i].label),
                              field->choice_list[i].id);
    }
  return g_string_free (g_steal_pointer (&list), FALSE);
}

/* Folded id, label and translated label → id, per field, made once per run. */
static GHashTable *
choice_index (Run                 *run,
              const AimsFieldInfo *field)
{
  GHashTable **slot = &run->choices[field - run->table->fields];
  GHashTable *index = *slot;

  if (index != NULL)
    return index;

  index = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < field->n_choices; i++)
    {
      const char *id = field->choice_list[i].id;

      g_hash_table_insert (index, _aims_import_fold (_(field->choice_list[i].label)), (gpointer) id);
      g_hash_table_insert (index, _aims_import_fold (field->choice_list[i].label), (gpointer) id);
      g_hash_table_insert (index, _aims_import_fold (id), (gpointer) id);
    }
  *slot = index;
  return index;
}

static const char *
find_choice (Run                 *run,
             const AimsFieldInfo *field,
             const char          *text)
{
  g_autofree char *key = NULL;
  const char *mapped;

  /* The field's own string: the same text, for as long as the run */
  for (guint i = 0; field->choices != NULL && field->choices[i] != NULL; i++)
    if (g_str_equal (field->choices[i], text))
      return field->choices[i];

  mapped = lookup_value (run, field, text);
  for (guint i = 0; mapped != NULL && field->choices != NULL && field->choices[i] != NULL; i++)
    if (g_str_equal (field->choices[i], mapped))
      return field->choices[i];

  key = _aims_import_fold (text);
  return g_hash_table_lookup (choice_index (run, field), key);
}

/* @n digits as a number; FALSE if any is not a digit. */
static gboolean
read_digits (const char *text,
             guint       n,
             guint      *number)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      value = value * 10 + (guint) (text[i] - '0');
    }

  *number = value;
  return TRUE;
}

/* What sscanf() reads of "%4u-%2u-%2u" (10 characters) or, with @time,
 * "%2u:%2u" (5) or "%2u:%2u:%2u" (8). Digits where it expects them are
 * read directly, as sscanf() costs as much as the rest of a cell's check;
 * the rest (spaces or a sign before a number) goes to sscanf(), which
 * takes them, so that what passes stays the same. */
static gboolean
scan_numbers (const char *text,
              gsize       length,
              guint      *a,
              guint      *b,
              guint      *c)
{
  int consumed = 0;

  switch (length)
    {
    case 10:
      if (read_digits (text, 4, a) && text[4] == '-' && read_digits (text + 5, 2, b) &&
          text[7] == '-' && read_digits (text + 8, 2, c))
        return TRUE;
      return sscanf (text, "%4u-%2u-%2u%n", a, b, c, &consumed) == 3 && consumed == 10;

    case 5:
      if (read_digits (text, 2, a) && text[2] == ':' && read_digits (text + 3, 2, b))
        return TRUE;
      return sscanf (text, "%2u:%2u%n", a, b, &consumed) == 2 && consumed == 5;

    case 8:
      if (read_digits (text, 2, a) && text[2] == ':' && read_digits (text + 3, 2, b) &&
          text[5] == ':' && read_digits (text + 6, 2, c))
        return TRUE;
      return sscanf (text, "%2u:%2u:%2u%n", a, b, c, &consumed) == 3 && consumed == 8;

    default:
      g_assert_not_reached ();
    }
}

static gboolean
valid_date (const char *text,
            gboolean    with_time)
{
  guint year, month, day, hour = 0, minute = 0, second = 0;
  gsize length = strlen (text);

  if (length < 10 || !scan_numbers (text, 10, &year, &month, &day) ||
      text[4] != '-' || text[7] != '-')
    return FALSE;
  if (!g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year) || year < 1)
    return FALSE;
  if (length == 10)
    return TRUE;
  if (!with_time || (text[10] != 'T' && text[10] != ' '))
    return FALSE;
  if (length == 16 && scan_numbers (text + 11, 5, &hour, &minute, NULL))
    return hour < 24 && minute < 60;
  if (length == 19 && scan_numbers (text + 11, 8, &hour, &minute, &second))
    return hour < 24 && minute < 60 && second < 60;
  return FALSE;
}

/* Registers repeat a few texts (a choice, a date) in every row: the value
 * of each, made once. */
#define MAX_VALUES_PER_FIELD 4096

static GVariant *
known_value (Run                 *run,
             const AimsFieldInfo *field,
             const char          *text)
{
  GHashTable *values = run->values[field - run->table->fields];
  GVariant *value;

  if (values == NULL || (value = g_hash_table_lookup (values, text)) == NULL)
    return NULL;

  return g_variant_ref (value);
}

static GVariant *
remember_value (Run                 *run,
                const AimsFieldInfo *field,
                const char          *text,
                GVariant            *value)
{
  GHashTable **slot = &run->values[field - run->table->fields];

  g_variant_ref_sink (value);
  if (*slot == NULL)
    *slot = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                   (GDestroyNotify) g_variant_unref);
  if (g_hash_table_size (*slot) < MAX_VALUES_PER_FIELD)
    g_hash_table_insert (*slot, g_strdup (text), g_variant_ref (value));
  return value;
}

/* A step of @axis as a value, made once. */
static GVariant *
step_value (Run            *run,
            AimsMatrixAxis  axis,
            guint           step)
{
  GVariant **slot;

  if (step > run->n_steps[axis])
    return g_variant_new_int64 ((gint64) step);

  slot = &run->step_values[axis][step];
  if (*slot == NULL)
    *slot = g_variant_ref_sink (g_variant_new_int64 ((gint64) step));
  return g_variant_ref (*slot);
}

/* A cell's text as a value of @field, or NULL with the row rejected. The
 * value is the caller's: a new floating one, or a reference to one the run
 * keeps (step_value(), known_value()); g_variant_take_ref() owns either. */
static GVariant *
convert (Run                 *run,
         guint                index,
         int                  column,
         const AimsFieldInfo *field,
         const char          *text)
{
  /* Translated only for a message: a lookup per cell costs an import time. */
#define label _(field->label)

  if (field->widget == AIMS_FIELD_WIDGET_SCORE)
    {
      AimsMatrixAxis axis = _aims_import_field_is_likelihood (field) ? AIMS_MATRIX_LIKELIHOOD
                                                        : AIMS_MATRIX_IMPACT;
      guint n_steps = aims_matrix_get_n_steps (run->matrix, axis);
      const char *mapped = lookup_value (run, field, text);
      const char *number = mapped != NULL ? mapped : text;
      char *end = NULL;
      guint64 step;

      if (*text == '\0')
        {
          if (field->required)
            {
              reject (run, index, column, _("“%s” is required and the cell is empty."), label);
              return NULL;
            }
          return step_value (run, axis, 0);
        }

      step = g_ascii_strtoull (number, &end, 10);
      if (end != number && *end == '\0' && step >= 1 && step <= n_steps)
        return step_value (run, axis, (guint) step);
      if (end != number && *end == '\0' && step == 0 && !field->required)
        return step_value (run, axis, 0);

      /* Registers repeat a few words ("High") in every row. */
      step = GPOINTER_TO_UINT (g_hash_table_lookup (run->steps[axis], text));
      if (step == 0 && (step = aims_matrix_find_step (run->matrix, axis, text)) != 0)
        g_hash_table_insert (run->steps[axis], g_strdup (text), GUINT_TO_POINTER (step));
      if (step != 0)
        return step_value (run, axis, (guint) step);

      {
        g_autoptr(GString) steps = g_string_new (NULL);

        for (guint s = 1; s <= n_steps; s++)
          g_string_append_printf (steps, "%s%u %s", s > 1 ? ", " : "", s,
                                  aims_matrix_get_step_label (run->matrix, axis, s));
        reject (run, index, column,
                _("“%s” is not a step of the %s scale (unknown level name); use one of %s, "
                  "or map the text to a step"),
                text, axis == AIMS_MATRIX_LIKELIHOOD ? _("likelihood") : _("impact"),
                steps->str);
      }
      return NULL;
    }

  switch (field->kind)
    {
    case AIMS_FIELD_BOOLEAN:
      {
        g_autofree char *key = _aims_import_fold (text);
        const char *mapped = lookup_value (run, field, text);

        if (mapped != NULL)
          {
            g_free (key);
            key = _aims_import_fold (mapped);
          }

        if (*key == '\0' || g_str_equal (key, "0") || g_str_equal (key, "false") ||
            g_str_equal (key, "no") || g_str_equal (key, "n"))
          return g_variant_new_boolean (FALSE);
        if (g_str_equal (key, "1") || g_str_equal (key, "true") || g_str_equal (key, "yes") ||
            g_str_equal (key, "y"))
          return g_variant_new_boolean (TRUE);
        {
          g_autofree char *yes = _aims_import_fold (_("Yes"));
          g_autofree char *no = _aims_import_fold (_("No"));

          if (g_str_equal (key, yes))
            return g_variant_new_boolean (TRUE);
          if (g_str_equal (key, no))
            return g_variant_new_boolean (FALSE);
        }
        reject (run, index, column, _("“%s” is not yes or no; write TRUE or FALSE, 1 or 0"),
                text);
        return NULL;
      }

    case AIMS_FIELD_INTEGER:
    case AIMS_FIELD_REAL:
      {
        char *end = NULL;
        double value;

        if (*text == '\0')
          return field->kind == AIMS_FIELD_INTEGER ? g_variant_new_int64 (0)
                                                   : g_variant_new_double (0);
        value = g_ascii_strtod (text, &end);
        if (end == text || *end != '\0' || !isfinite (value) ||
            (field->kind == AIMS_FIELD_INTEGER && (value != (double) (gint64) value)))
          {
            reject (run, index, column, _("“%s” is not a number"), text);
            return NULL;
          }
        return field->kind == AIMS_FIELD_INTEGER ? g_variant_new_int64 ((gint64) value)
                                                 : g_variant_new_double (value);
      }

    case AIMS_FIELD_TEXT:
    case AIMS_FIELD_JSON:
    case AIMS_FIELD_ANY:
    default:
      break;
    }

  if (*text == '\0')
    {
      if (field->required)
        {
          reject (run, index, column, _("“%s” is required and the cell is empty."), label);
          return NULL;
        }
      return g_variant_new_string ("");
    }

  if (field->widget == AIMS_FIELD_WIDGET_CHOICE && field->choices != NULL)
    {
      GVariant *known = known_value (run, field, text);
      const char *id;

      if (known != NULL)
        return known;

      id = find_choice (run, field, text);

      if (id == NULL)
        {
          g_autofree char *list = list_choices (field);

          reject (run, index, column,
                  _("“%s” is not a choice of “%s” (unknown level name); use one of %s, or map "
                    "the text to a choice"),
                  text, label, list);
          return NULL;
        }
      return remember_value (run, field, text, g_variant_new_string (id));
    }

  if (field->widget == AIMS_FIELD_WIDGET_MULTI_CHOICE && field->n_choices > 0)
    {
      g_auto(GStrv) parts = g_regex_split_simple ("[,;\n]", text, 0, 0);
      g_autoptr(GString) ids = g_string_new (NULL);

      for (guint i = 0; parts[i] != NULL; i++)
        {
          g_autofree char *part = g_strstrip (g_strdup (parts[i]));
          const char *id = NULL;

          if (*part == '\0')
            continue;
          {
            g_autofree char *key = _aims_import_fold (part);
            const char *mapped = aims_import_mapping_lookup_value (run->mapping, field->name,
                                                                   part);

            id = g_hash_table_lookup (choice_index (run, field), key);
            if (id == NULL && mapped != NULL)
              {
                g_autofree char *mapped_key = _aims_import_fold (mapped);

                id = g_hash_table_lookup (choice_index (run, field), mapped_key);
              }
          }
          if (id == NULL)
            {
              g_autofree char *list = list_choices (field);

              reject (run, index, column,
                      _("“%s” is not a choice of “%s” (unknown level name); use any of %s"),
                      part, label, list);
              return NULL;
            }
          g_string_append_printf (ids, "%s%s", ids->len > 0 ? "," : "", id);
        }
      return g_variant_new_string (ids->str);
    }

  if (field->widget == AIMS_FIELD_WIDGET_DATE || _aims_import_field_is_date_time (run->table, field))
    {
      gboolean with_time = field->widget != AIMS_FIELD_WIDGET_DATE;
      GVariant *known = with_time ? NULL : known_value (run, field, text);

      if (known != NULL)
        return known;
      if (!valid_date (text, with_time))
        {
          reject (run, index, column,
                  with_time
                  ? _("“%s” is not a date that exists, written YYYY-MM-DD or "
                      "YYYY-MM-DDTHH:MM")
                  : _("“%s” is not a date that exists, written YYYY-MM-DD"),
                  text);
          return NULL;
        }
      if (!with_time)
        return remember_value (run, field, text, g_variant_new_string (text));

      /* Times are stored as the incident form writes them, YYYY-MM-DDTHH:MM:
       * a date alone is the start of its day, seconds are dropped */
      {
        g_autofree char *normalized = strlen (text) == 10
                                      ? g_strconcat (text, "T00:00", NULL)
                                      : g_strndup (text, 16);

        normalized[10] = 'T';
        return g_variant_new_string (normalized);
      }
    }

  if (strlen (text) > field->max_bytes && field->max_bytes > 0)
    {
      reject (run, index, column,
              _("the text is %zu bytes long; “%s” holds at most %zu bytes"),
              strlen (text), label, field->max_bytes);
      return NULL;
    }

  if (field->kind == AIMS_FIELD_JSON)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();

      if (!json_parser_load_from_data (parser, text, -1, NULL))
        {
          reject (run, index, column, _("the text is not valid JSON"));
          return NULL;
        }
    }

  return g_variant_new_string (text);
#undef label
}

static gboolean
column_is_named_like (Run        *run,
                      guint       column,
                      const char *name)
{
  const AimsFieldInfo *field = aims_table_info_lookup_field (run->table, name);
  g_autofree char *header = _aims_import_fold (aims_import_mapping_get_header (run->mapping, column));
  g_autofree char *a = _aims_import_fold (field->name);
  g_autofree char *b = _aims_import_fold (field->label);
  g_autofree char *c = _aims_import_fold (_(field->label));

  return g_str_equal (header, a) || g_str_equal (header, b) || g_str_equal (header, c);
}

/* Checks row @index (on the checking thread): NULL when it is rejected,
 * else what to write. */
static Item *
check_row (Run   *run,
           guint  index,
           guint  n_header)
{
  GHashTable *seen = run->seen;
  GHashTable *values = run->row_values;
  GVariant *reference_value = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *cells;
  const char *problem;
  const char *uuid = NULL;
  const char *reference = NULL;
  guint n_cells = 0;

  run->row_rejected = FALSE;
  g_hash_table_remove_all (values);
  cells = aims_sheet_get_row (run->sheet, index, &n_cells);

  if ((problem = aims_sheet_get_row_problem (run->sheet, index)) != NULL)
    {
      reject (run, index, -1, "%s", problem);
      return NULL;
    }

  /* CSV rows must be as long as the header. XLSX leaves out empty cells at
   * the end, but a value beyond the header has nowhere to go. */
  if (run->is_csv ? n_cells != n_header : n_cells > n_header)
    {
      gboolean beyond = FALSE;

      for (guint i = n_header; i < n_cells; i++)
        beyond = beyond || *cells[i] != '\0';

      if (n_cells < n_header || beyond)
        {
          reject (run, index, -1,
                  g_dngettext (GETTEXT_PACKAGE,
                               "the row has %u cell but the header has %u (a ragged row); look "
                               "for a missing or extra separator, or a quote that is not closed",
                               "the row has %u cells but the header has %u (a ragged row); look "
                               "for a missing or extra separator, or a quote that is not closed",
                               n_cells),
                  n_cells, n_header);
          return NULL;
        }
    }

  /* Texts per field: several columns may fill one. The column named like
   * the field comes first, the others follow in order, each after its
   * header. */
  memset (run->filled, 0, sizeof (gboolean) * run->table->n_fields);
  for (guint pass = 0; pass < 2; pass++)
    for (guint column = 0; column < n_header; column++)
      {
        int f = run->column_field[column];
        const char *text = column < n_cells ? cells[column] : "";
        GString *joined;

        if (f < 0 || (pass == 0) != run->primary[column])
          continue;

        joined = run->texts[f];
        if (!run->filled[f])
          {
            g_string_assign (joined, text);
            run->first_column[f] = (int) column;
            run->filled[f] = TRUE;
          }
        else if (*text != '\0')
          {
            if (joined->len > 0)
              g_string_append (joined, "\n\n");
            g_string_append_printf (joined, "%s: %s",
                                    aims_import_mapping_get_header (run->mapping, column), text);
          }
      }

  for (guint f = 0; f < run->table->n_fields; f++)
    {
      const AimsFieldInfo *field = &run->table->fields[f];
      const char *text = run->texts[f]->str;
      GVariant *value;

      if (!run->filled[f])
        continue;

      if (run->prefixes[f] != NULL && *text != '\0')
        {
          g_string_assign (run->prefixed, run->prefixes[f]);
          g_string_append (run->prefixed, text);
          text = run->prefixed->str;
        }
      value = convert (run, index, run->first_column[f], field, text);
      if (value != NULL)
        {
          g_hash_table_insert (values, (gpointer) field->name, g_variant_take_ref (value));
          if ((int) f == run->reference)
            reference_value = value;
        }
    }

  if (run->row_rejected)
    return NULL;

  if (reference_value != NULL)
    {
      int column = run->first_column[run->reference];
      gpointer previous;

      reference = g_variant_get_string (reference_value, NULL);
      if (g_hash_table_lookup_extended (seen, reference, NULL, &previous))
        {
          reject (run, index, column,
                  _("the reference “%s” is already that of row %u (a duplicate reference); "
                    "every row needs its own"),
                  reference, GPOINTER_TO_UINT (previous));
          return NULL;
        }
      g_hash_table_insert (seen, g_strdup (reference),
                           GUINT_TO_POINTER (aims_sheet_get_row_number (run->sheet, index)));

      uuid = _aims_store_bulk_lookup_reference (run->bulk, reference);
      if (uuid != NULL && !run->mapping->match_reference)
        {
          reject (run, index, column,
                  _("the reference “%s” is that of a record already in the project (a "
                    "duplicate reference); turn on matching by reference to update it"),
                  reference);
          return NULL;
        }
    }

  if (uuid != NULL)
    {
      Item *item = g_new0 (Item, 1);

      item->index = index;
      item->uuid = uuid;
      /* The row's values go with it; the next row gets a table of its own */
      item->values = g_steal_pointer (&run->row_values);
      run->row_values = g_hash_table_new_full (_aims_field_name_hash, g_str_equal, NULL,
                                               (GDestroyNotify) g_variant_unref);
      return item;
    }

  /* A new record: defaults for what no column gives, and a reference. */
  {
    GHashTableIter iter;
    gpointer key, value;
    Item *item;

    g_hash_table_iter_init (&iter, run->mapping->defaults);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        const AimsFieldInfo *field = aims_table_info_lookup_field (run->table, key);
        GVariant *converted;

        if (field == NULL || run->filled[field - run->table->fields])
          continue;
        converted = convert (run, index, -1, field, value);
        if (converted == NULL)
          return NULL;
        g_hash_table_insert (values, (gpointer) field->name, g_variant_take_ref (converted));
      }

    if (reference == NULL && run->reference >= 0)
      {
        char *next = _aims_store_bulk_next_reference (run->bulk);

        if (next != NULL)
          g_hash_table_insert (values, (gpointer) "reference",
                               g_variant_ref_sink (g_variant_new_take_string (next)));
      }

    item = g_new0 (Item, 1);
    item->index = index;
    item->insert = _aims_store_bulk_check_insert (run->bulk, values, &error);
    if (item->insert == NULL)
      {
        reject (run, index, -1, "%s", error->message);
        item_free (item);
        return NULL;
      }
    return item;
  }
}

/* The checking thread: every row in order, in batches to write. */
static gpointer
check_rows (gpointer data)
{
  Run *run = data;
  GPtrArray *batch = NULL;
  guint n_header = 0;

  aims_sheet_get_row (run->sheet, 0, &n_header);

  for (guint i = 1; i < aims_sheet_get_n_rows (run->sheet); i++)
    {
      Item *item = check_row (run, i, n_header);

      if (item == NULL)
        continue;

      if (batch == NULL)
        {
          /* A batch written comes back to be freed here, where its rows
           * were made: memory freed on the thread that allocated it is
           * reused at once, not handed across threads. */
          batch = g_async_queue_pop (run->tokens);
          g_ptr_array_set_size (batch, 0);
        }
      g_ptr_array_add (batch, item);
      if (batch->len == BATCH_ROWS)
        g_async_queue_push (run->batches, g_steal_pointer (&batch));
    }

  if (batch != NULL)
    g_async_queue_push (run->batches, g_steal_pointer (&batch));

  /* The end: an empty batch. */
  g_async_queue_push (run->batches, g_ptr_array_new ());
  return NULL;
}

/* Writes a checked row (on the thread that owns the store). */
static void
write_item (Run  *run,
            Item *item)
{
  g_autoptr(GError) error = NULL;

  if (item->insert != NULL)
    {
      if (_aims_store_bulk_write_insert (run->bulk, item->insert, &error) == NULL)
        add_rejection (run, item->index, -1, error->message);
      else
        run->result->n_added++;
      return;
    }

  {
    g_autoptr(GHashTable) record = _aims_store_dup_record (run->store, run->table, item->uuid,
                                                           &error);
    g_autoptr(GHashTable) changes = NULL;
    GHashTableIter iter;
    gpointer key, value;

    if (record == NULL)
      {
        add_rejection (run, item->index, -1, error->message);
        return;
      }

    changes = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                     (GDestroyNotify) g_variant_unref);
    g_hash_table_iter_init (&iter, item->values);
    while (g_hash_table_iter_next (&iter, &key, &value))
      {
        GVariant *old = g_hash_table_lookup (record, key);

        if (old == NULL || !g_variant_equal (old, value))
          g_hash_table_insert (changes, key, g_variant_ref (value));
      }

    if (g_hash_table_size (changes) == 0)
      {
        run->result->n_unchanged++;
        return;
      }

    if (!_aims_store_bulk_update (run->bulk, item->uuid, record, changes, &error))
      {
        add_rejection (run, item->index, -1, error->message);
        return;
      }
    run->result->n_updated++;
  }
}

static int
compare_rejections (gconstpointer a,
                    gconstpointer b)
{
  guint row_a = ((const AimsImportRejection *) a)->row;
  guint row_b = ((const AimsImportRejection *) b)->row;

  return row_a < row_b ? -1 : row_a > row_b;
}

/* Checks every row on a worker thread and writes them here, as they come. */
static void
import_rows (Run *run)
{
  GThread *checker;
  GPtrArray *batch;

  run->batches = g_async_queue_new ();
  run->tokens = g_async_queue_new ();
  for (guint i = 0; i < MAX_BATCHES_AHEAD; i++)
    g_async_queue_push (run->tokens, g_ptr_array_new_full (BATCH_ROWS, item_free));

  checker = g_thread_new ("aims-import-check", check_rows, run);

  for (;;)
    {
      batch = g_async_queue_pop (run->batches);

      if (batch->len == 0)
        {
          g_ptr_array_unref (batch);
          break;
        }

      for (guint i = 0; i < batch->len; i++)
        write_item (run, g_ptr_array_index (batch, i));
      g_async_queue_push (run->tokens, batch);
    }

  g_thread_join (checker);
  while ((batch = g_async_queue_try_pop (run->tokens)) != NULL)
    g_ptr_array_unref (batch);
  g_clear_pointer (&run->batches, g_async_queue_unref);
  g_clear_pointer (&run->tokens, g_async_queue_unref);

  /* The writer's rejections came after the checker's of later rows. The
   * sort is stable: a row's reasons stay in the order of its columns. */
  g_array_sort (run->result->rejected, compare_rejections);
}

/**
 * aims_import_run:
 * @store: the project
 * @sheet: the rows; the first is the header
 * @mapping: which column fills which field
 * @dry_run: only find out what the import would do
 * @error: return location for a #GError
 *
 * Imports the rows of @sheet into the register of @mapping, as one
 * changeset that one undo removes. If any row is rejected, nothing is
 * imported; the result lists every rejected row with the reason. A dry run
 * does the same checks (the store's rules included) and leaves the project
 * as it was.
 *
 * Returns: (transfer full) (nullable): what was (or would be) done; %NULL
 *   with @error set when the project could not be read or written
 */
AimsImportResult *
aims_import_run (AimsStore          *store,
                 AimsSheet          *sheet,
                 AimsImportMapping  *mapping,
                 gboolean            dry_run,
                 GError            **error)
{
  g_autoptr(AimsImportResult) result = NULL;
  g_autoptr(AimsMatrix) matrix = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *label = NULL;
  Run run = { 0 };
  gboolean failed = FALSE;
  guint n_header = 0;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (AIMS_IS_SHEET (sheet), NULL);
  g_return_val_if_fail (AIMS_IS_IMPORT_MAPPING (mapping), NULL);

  if (aims_store_get_read_only (store))
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_READ_ONLY,
                   _("The project is open read-only; nothing can be imported into it."));
      return NULL;
    }

  result = g_object_new (AIMS_TYPE_IMPORT_RESULT, NULL);
  matrix = aims_store_dup_matrix (store);

  run.store = store;
  run.sheet = sheet;
  run.mapping = mapping;
  run.matrix = matrix;
  run.result = result;
  run.table = mapping->table;
  run.choices = g_new0 (GHashTable *, run.table->n_fields);
  run.mapped = g_new0 (GHashTable *, run.table->n_fields);
  run.values = g_new0 (GHashTable *, run.table->n_fields);
  for (guint axis = 0; axis < N_AXES; axis++)
    {
      run.n_steps[axis] = aims_matrix_get_n_steps (matrix, (AimsMatrixAxis) axis);
      run.step_values[axis] = g_new0 (GVariant *, run.n_steps[axis] + 1);
    }
  {
    const AimsFieldInfo *reference = aims_table_info_lookup_field (run.table, "reference");

    run.reference = reference != NULL ? (int) (reference - run.table->fields) : -1;
  }
  run.is_csv = g_str_equal (aims_sheet_get_format (sheet), "csv");
  run.row_values = g_hash_table_new_full (_aims_field_name_hash, g_str_equal, NULL,
                                          (GDestroyNotify) g_variant_unref);
  g_mutex_init (&run.rejected_lock);

  aims_sheet_get_row (sheet, 0, &n_header);
  if (n_header != mapping->headers->len)
    {
      g_set_error (error, AIMS_IMPORT_ERROR, AIMS_IMPORT_ERROR_MAPPING,
                   _("The mapping was made for another sheet than “%s”."),
                   aims_sheet_get_display_name (sheet));
      failed = TRUE;
      goto out;
    }

  run.primary = g_new0 (gboolean, n_header + 1);
  for (guint column = 0; column < n_header; column++)
    {
      const char *field = aims_import_mapping_get_field (mapping, column);

      run.primary[column] = field != NULL && column_is_named_like (&run, column, field);
    }

  run.column_field = g_new (int, n_header + 1);
  for (guint column = 0; column < n_header; column++)
    {
      const AimsFieldInfo *field =
        aims_table_info_lookup_field (run.table, aims_import_mapping_get_field (mapping, column));

      run.column_field[column] = field != NULL ? (int) (field - run.table->fields) : -1;
    }
  run.prefixes = g_new0 (const char *, run.table->n_fields);
  run.texts = g_new0 (GString *, run.table->n_fields);
  run.filled = g_new0 (gboolean, run.table->n_fields);
  run.first_column = g_new0 (int, run.table->n_fields);
  run.prefixed = g_string_new (NULL);
  for (guint f = 0; f < run.table->n_fields; f++)
    {
      run.prefixes[f] = g_hash_table_lookup (mapping->prefixes, run.table->fields[f].name);
      run.texts[f] = g_string_new (NULL);
    }

  run.seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint axis = 0; axis < N_AXES; axis++)
    run.steps[axis] = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  label = g_strdup_printf (_("Import “%s”"), aims_sheet_get_display_name (sheet));
  _aims_store_begin_import (store, label);

  /* New rows and updates go through the store's bulk path: the same checks
   * and log as aims_store_insert() and aims_store_update(), without a
   * savepoint, a query or a read-back per row. */
  run.bulk = _aims_store_bulk_new (store, run.table->name, aims_sheet_get_n_rows (sheet),
                                   &local_error);
  if (run.bulk == NULL)
    {
      /* When the group itself could not start, ending it says why. */
      if (!aims_store_end_group (store, error))
        g_clear_error (&local_error);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      failed = TRUE;
      goto out;
    }

  import_rows (&run);

  if (dry_run || result->rejected->len > 0)
    aims_store_abort_group (store);
  else if (!_aims_store_bulk_finish (run.bulk, error))
    {
      aims_store_abort_group (store);
      failed = TRUE;
    }
  else if (!aims_store_end_group (store, error))
    failed = TRUE;
  else
    result->applied = TRUE;

out:
  g_clear_pointer (&run.bulk, _aims_store_bulk_free);
  for (guint f = 0; f < run.table->n_fields; f++)
    {
      g_clear_pointer (&run.choices[f], g_hash_table_unref);
      g_clear_pointer (&run.mapped[f], g_hash_table_unref);
      g_clear_pointer (&run.values[f], g_hash_table_unref);
    }
  g_clear_pointer (&run.choices, g_free);
  g_clear_pointer (&run.mapped, g_free);
  g_clear_pointer (&run.values, g_free);
  for (guint axis = 0; axis < N_AXES; axis++)
    {
      for (guint step = 0; run.step_values[axis] != NULL && step <= run.n_steps[axis]; step++)
        g_clear_pointer (&run.step_values[axis][step], g_variant_unref);
      g_clear_pointer (&run.step_values[axis], g_free);
    }
  g_clear_pointer (&run.row_values, g_hash_table_unref);
  g_clear_pointer (&run.primary, g_free);
  g_clear_pointer (&run.seen, g_hash_table_unref);
  for (guint f = 0; run.texts != NULL && f < run.table->n_fields; f++)
    g_string_free (run.texts[f], TRUE);
  g_clear_pointer (&run.texts, g_free);
  g_clear_pointer (&run.column_field, g_free);
  g_clear_pointer (&run.prefixes, g_free);
  g_clear_pointer (&run.filled, g_free);
  g_clear_pointer (&run.first_column, g_free);
  if (run.prefixed != NULL)
    g_string_free (run.prefixed, TRUE);
  for (guint axis = 0; axis < N_AXES; axis++)
    g_clear_pointer (&run.steps[axis], g_hash_table_unref);
  g_mutex_clear (&run.rejected_lock);
  if (failed)
    g_clear_object (&result);
  return g_steal_pointer (&result);
}

