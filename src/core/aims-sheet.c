/* aims-sheet.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-sheet"

#include "config.h"

#include "aims-sheet-private.h"

#include "aims-big-block-private.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>

/*
 * What the CSV and XLSX readers give the importer: the rows of one sheet, in
 * order, each with the row number a spreadsheet shows for it (1 is the
 * header), its cells as UTF-8 text, and, when a cell could not be read
 * (bytes in the wrong encoding, a formula), the problem, so a dry run lists
 * the row as rejected instead of the whole file being refused.
 */

typedef struct
{
  guint   number;
  guint   n_cells : 31;
  guint   packed : 1;   /* cells and texts in the sheet's blocks */
  char  **cells;
  char   *problem;
} Row;

/* Where packed rows live: a small block first, so a sheet of a few rows
 * costs little, then big blocks (aims-big-block.c) */
#define FIRST_BLOCK_SIZE (64u * 1024u)

typedef struct
{
  guint8   *data;
  gsize     size;
  gboolean  big;
} Block;

struct _AimsSheet
{
  GObject  parent_instance;

  char    *display_name;
  const char *format;
  GArray  *rows;

  GArray  *blocks;      /* Block */
  guint8  *free_space;  /* in the last block */
  gsize    n_free;
};

G_DEFINE_FINAL_TYPE (AimsSheet, aims_sheet, G_TYPE_OBJECT)

G_DEFINE_QUARK (aims-sheet-error-quark, aims_sheet_error)

static void
row_clear (gpointer data)
{
  Row *row = data;

  if (!row->packed)
    g_strfreev (row->cells);
  g_free (row->problem);
}

static void
aims_sheet_finalize (GObject *object)
{
  AimsSheet *self = AIMS_SHEET (object);

  g_clear_pointer (&self->rows, g_array_unref);
  for (guint i = 0; self->blocks != NULL && i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->big)
        _aims_big_block_free (block->data, block->size);
      else
        g_free (block->data);
    }
  g_clear_pointer (&self->blocks, g_array_unref);
  g_free (self->display_name);

  G_OBJECT_CLASS (aims_sheet_parent_class)->finalize (object);
}

static void
aims_sheet_class_init (AimsSheetClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = aims_sheet_finalize;
}

static void
aims_sheet_init (AimsSheet *self)
{
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_array_set_clear_func (self->rows, row_clear);
}

AimsSheet *
_aims_sheet_new (const char *display_name,
                 const char *format)
{
  AimsSheet *self = g_object_new (AIMS_TYPE_SHEET, NULL);

  self->display_name = g_strdup (display_name);
  self->format = format;
  return self;
}

/* Takes @cells (NUL-terminated or not; a NULL is added) and @problem. */
void
_aims_sheet_add_row (AimsSheet *self,
                     guint      row_number,
                     GPtrArray *cells,
                     char      *problem)
{
  Row row;

  row.number = row_number;
  row.n_cells = cells->len;
  row.packed = FALSE;
  g_ptr_array_add (cells, NULL);
  row.cells = (char **) g_ptr_array_free (cells, FALSE);
  row.problem = problem;
  g_array_append_val (self->rows, row);
}

/* @size bytes, aligned for pointers, in the sheet's blocks */
static gpointer
reserve (AimsSheet *self,
         gsize      size)
{
  gpointer space;

  size = (size + sizeof (gpointer) - 1) & ~(sizeof (gpointer) - 1);
  if (size > self->n_free)
    {
      Block block;

      if (self->blocks == NULL)
        self->blocks = g_array_new (FALSE, FALSE, sizeof (Block));

      if (self->blocks->len == 0 && size <= FIRST_BLOCK_SIZE)
        {
          block.size = FIRST_BLOCK_SIZE;
          block.data = g_malloc (block.size);
          block.big = FALSE;
        }
      else
        {
          block.size = MAX (size, AIMS_BIG_BLOCK_SIZE);
          block.data = _aims_big_block_alloc (block.size);
          block.big = TRUE;
        }
      g_array_append_val (self->blocks, block);
      self->free_space = block.data;
      self->n_free = block.size;
    }

  space = self->free_space;
  self->free_space += size;
  self->n_free -= size;
  return space;
}

/* Adds a row whose @n_cells texts lie one after another in @texts, each
 * ending in a NUL, cell i at @starts[i]. The row's cell pointers and texts
 * go into the sheet's blocks: a file of 100,000 rows is read with a few
 * allocations instead of one or more per cell. Takes @problem. */
void
_aims_sheet_add_packed_row (AimsSheet   *self,
                            guint        row_number,
                            const char  *texts,
                            gsize        texts_length,
                            const gsize *starts,
                            guint        n_cells,
                            char        *problem)
{
  gsize pointers = (n_cells + 1) * sizeof (char *);
  char **cells;
  char *copy;
  Row row;

  g_assert (n_cells < (1u << 31));

  cells = reserve (self, pointers + texts_length);
  copy = (char *) cells + pointers;
  memcpy (copy, texts, texts_length);
  for (guint i = 0; i < n_cells; i++)
    cells[i] = copy + starts[i];
  cells[n_cells] = NULL;

  row.number = row_number;
  row.n_cells = n_cells;
  row.packed = TRUE;
  row.cells = cells;
  row.problem = problem;
  g_array_append_val (self->rows, row);
}

/* Refuses a file that is not a regular file or is larger than the readers
 * take, before a byte of it is read. */
gboolean
_aims_sheet_check_file_size (const char  *path,
                             const char  *display_name,
                             gsize       *size,
                             GError     **error)
{
  GStatBuf st;

  if (g_stat (path, &st) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO,
                   _("“%s” could not be read: %s."), display_name, g_strerror (saved_errno));
      return FALSE;
    }

  if (!S_ISREG (st.st_mode))
    {
      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_IO,
                   _("“%s” is not a file. Choose a CSV or XLSX file."), display_name);
      return FALSE;
    }

  if ((guint64) st.st_size > AIMS_SHEET_MAX_FILE_SIZE)
    {
      g_autofree char *actual = g_format_size ((guint64) st.st_size);
      g_autofree char *limit = g_format_size (AIMS_SHEET_MAX_FILE_SIZE);

      g_set_error (error, AIMS_SHEET_ERROR, AIMS_SHEET_ERROR_TOO_LARGE,
                   _("“%s” is %s; the largest file that can be imported is %s. Split it into "
                     "smaller files and import them one after the other."),
                   display_name, actual, limit);
      return FALSE;
    }

  *size = (gsize) st.st_size;
  return TRUE;
}

/**
 * aims_sheet_get_display_name:
 * @self: a #AimsSheet
 *
 * Returns: the name of the file (and sheet) the rows come from, for messages
 */
const char *
aims_sheet_get_display_name (AimsSheet *self)
{
  g_return_val_if_fail (AIMS_IS_SHEET (self), NULL);

  return self->display_name;
}

/**
 * aims_sheet_get_format:
 * @self: a #AimsSheet
 *
 * Returns: "csv" or "xlsx"
 */
const char *
aims_sheet_get_format (AimsSheet *self)
{
  g_return_val_if_fail (AIMS_IS_SHEET (self), NULL);

  return self->format;
}

/**
 * aims_sheet_get_n_rows:
 * @self: a #AimsSheet
 *
 * Returns: the number of rows, the header row included; empty rows are not
 *   counted
 */
guint
aims_sheet_get_n_rows (AimsSheet *self)
{
  g_return_val_if_fail (AIMS_IS_SHEET (self), 0);

  return self->rows->len;
}

/**
 * aims_sheet_get_row:
 * @self: a #AimsSheet
 * @index: a row, 0 being the header
 * @n_cells: (out) (optional): the number of cells
 *
 * Returns: (transfer none) (array zero-terminated=1): the cells of the row,
 *   as many as the row has (rows may differ in length)
 */
const char * const *
aims_sheet_get_row (AimsSheet *self,
                    guint      index,
                    guint     *n_cells)
{
  const Row *row;

  g_return_val_if_fail (AIMS_IS_SHEET (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  row = &g_array_index (self->rows, Row, index);
  if (n_cells != NULL)
    *n_cells = row->n_cells;
  return (const char * const *) row->cells;
}

/**
 * aims_sheet_get_row_number:
 * @self: a #AimsSheet
 * @index: a row
 *
 * Returns: the row's number as a spreadsheet shows it (the header is
 *   usually 1; a CSV row with line breaks inside quotes is one row)
 */
guint
aims_sheet_get_row_number (AimsSheet *self,
                           guint      index)
{
  g_return_val_if_fail (AIMS_IS_SHEET (self), 0);
  g_return_val_if_fail (index < self->rows->len, 0);

  return g_array_index (self->rows, Row, index).number;
}

/**
 * aims_sheet_get_row_problem:
 * @self: a #AimsSheet
 * @index: a row
 *
 * Returns: (nullable): why a cell of the row could not be read, naming the
 *   column; %NULL when every cell was read
 */
const char *
aims_sheet_get_row_problem (AimsSheet *self,
                            guint      index)
{
  g_return_val_if_fail (AIMS_IS_SHEET (self), NULL);
  g_return_val_if_fail (index < self->rows->len, NULL);

  return g_array_index (self->rows, Row, index).problem;
}

/**
 * aims_sheet_column_name:
 * @column: a column, 0 being the first
 *
 * Returns: (transfer full): the column's name as a spreadsheet shows it:
 *   A … Z, AA …
 */
char *
aims_sheet_column_name (guint column)
{
  char buffer[16];
  guint i = sizeof buffer - 1;
  guint64 n = (guint64) column + 1;

  buffer[i] = '\0';
  while (n > 0 && i > 0)
    {
      n--;
      buffer[--i] = (char) ('A' + n % 26);
      n /= 26;
    }

  return g_strdup (&buffer[i]);
}

/* The registers people import and export, by the names the command line
 * takes, and their tables. The first name of a table is its own. */
static const struct
{
  const char *name;
  const char *table;
  gboolean    importable;
} registers[] = {
  { "ai-systems", "ai_system", TRUE },
  { "data-sets", "data_set", TRUE },
  { "third-parties", "third_party", TRUE },
  { "risks", "risk", TRUE },
  { "incidents", "incident", TRUE },
  { "impacts", "impact", FALSE },
  { "soa", "soa_entry", FALSE },
  { "findings", "finding", FALSE },
  { "corrective-actions", "corrective_action", FALSE },
  /* Other spellings */
  { "systems", "ai_system", TRUE },
  { "actions", "corrective_action", FALSE },
};

/**
 * aims_sheet_register_to_table:
 * @name: a register as the command line names it ("risks", "ai-systems",
 *   "soa" …) or a table name ("risk")
 * @importable: (out) (optional): whether rows can be imported into it
 *
 * Returns: (nullable): the table of the register, or %NULL if there is no
 *   such register
 */
const char *
aims_sheet_register_to_table (const char *name,
                              gboolean   *importable)
{
  g_return_val_if_fail (name != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      if (g_ascii_strcasecmp (registers[i].name, name) == 0 ||
          g_str_equal (registers[i].table, name))
        {
          if (importable != NULL)
            *importable = registers[i].importable;
          return registers[i].table;
        }
    }

  return NULL;
}

/**
 * aims_sheet_table_to_register:
 * @table: a table name
 *
 * Returns: (nullable): the register name of @table ("risks"), or %NULL
 */
const char *
aims_sheet_table_to_register (const char *table)
{
  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    if (g_strcmp0 (registers[i].table, table) == 0)
      return registers[i].name;
  return NULL;
}

static gpointer
build_register_list (gpointer data)
{
  gboolean importable_only = GPOINTER_TO_INT (data);
  GPtrArray *names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < G_N_ELEMENTS (registers); i++)
    {
      if ((importable_only && !registers[i].importable) ||
          !g_hash_table_add (seen, (gpointer) registers[i].table))
        continue;
      g_ptr_array_add (names, (gpointer) registers[i].name);
    }
  g_ptr_array_add (names, NULL);
  return g_ptr_array_free (names, FALSE);
}

/**
 * aims_sheet_list_registers:
 * @importable_only: only the registers rows can be imported into
 *
 * Returns: (transfer none) (array zero-terminated=1): the register names,
 *   one per table
 */
const char * const *
aims_sheet_list_registers (gboolean importable_only)
{
  static GOnce all = G_ONCE_INIT;
  static GOnce importable = G_ONCE_INIT;

  if (importable_only)
    return g_once (&importable, build_register_list, GINT_TO_POINTER (TRUE));
  return g_once (&all, build_register_list, GINT_TO_POINTER (FALSE));
}
