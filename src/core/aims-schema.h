/* aims-schema.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#if !defined(AIMS_CORE_INSIDE) && !defined(AIMS_CORE_COMPILATION)
# error "Only <aims-core.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * AIMS_APPLICATION_ID:
 *
 * The value of `PRAGMA application_id` that marks an SQLite file as an AIMS
 * project: the bytes "AIMS".
 */
#define AIMS_APPLICATION_ID 0x41494D53

/**
 * AIMS_FORMAT_VERSION:
 *
 * The newest file format (`PRAGMA user_version`) this build reads and writes.
 * Each later issue that adds tables adds a migration and bumps it.
 */
#define AIMS_FORMAT_VERSION 7

/* Upper bounds of stored text, in bytes of UTF-8. */
#define AIMS_TEXT_LIMIT_SHORT  256u
#define AIMS_TEXT_LIMIT_LONG   (64u * 1024u)
#define AIMS_TEXT_LIMIT_JSON   (1024u * 1024u)

/**
 * AimsFieldKind:
 * @AIMS_FIELD_TEXT: UTF-8 text (`s`)
 * @AIMS_FIELD_INTEGER: a 64-bit integer (`x`)
 * @AIMS_FIELD_BOOLEAN: 0 or 1 on disk (`b`)
 * @AIMS_FIELD_REAL: a double (`d`)
 * @AIMS_FIELD_JSON: UTF-8 text holding one JSON document (`s`)
 * @AIMS_FIELD_ANY: any of the above, used by the change log's value columns
 *
 * The kind of value a column holds, and the #GVariant type the store uses
 * for it.
 */
typedef enum
{
  AIMS_FIELD_TEXT,
  AIMS_FIELD_INTEGER,
  AIMS_FIELD_BOOLEAN,
  AIMS_FIELD_REAL,
  AIMS_FIELD_JSON,
  AIMS_FIELD_ANY,
} AimsFieldKind;

/**
 * AimsFieldFlags:
 * @AIMS_FIELD_FLAG_NONE: no flags
 * @AIMS_FIELD_FLAG_NOT_NULL: the column never holds NULL
 * @AIMS_FIELD_FLAG_SYSTEM: maintained by the store (identifiers, timestamps,
 *   author, format version); edits cannot set it
 */
typedef enum
{
  AIMS_FIELD_FLAG_NONE     = 0,
  AIMS_FIELD_FLAG_NOT_NULL = 1 << 0,
  AIMS_FIELD_FLAG_SYSTEM   = 1 << 1,
} AimsFieldFlags;

/**
 * AimsFieldWidget:
 * @AIMS_FIELD_WIDGET_ENTRY: a one-line text entry
 * @AIMS_FIELD_WIDGET_TEXT_AREA: several lines of text
 * @AIMS_FIELD_WIDGET_CHOICE: one of the field's choices (or none, when the
 *   field is not required)
 * @AIMS_FIELD_WIDGET_MULTI_CHOICE: any number of the field's choices, stored
 *   as their ids joined with commas ("developer,deployer")
 * @AIMS_FIELD_WIDGET_SWITCH: on or off (a boolean field)
 * @AIMS_FIELD_WIDGET_DATE: a date written YYYY-MM-DD, or empty
 * @AIMS_FIELD_WIDGET_HIDDEN: not shown in forms: identifiers, timestamps and
 *   other fields the store or other screens maintain
 * @AIMS_FIELD_WIDGET_SCORE: a likelihood or impact: a step of the project's
 *   risk matrix (1 … n), offered by its label; 0 is "not assessed" for a
 *   field that is not required. The field's name says the axis: it ends in
 *   "_likelihood" or "_impact", or is "likelihood" or "severity" (an impact)
 * @AIMS_FIELD_WIDGET_LEVEL: a risk level the store computes from the
 *   matrix, shown by its name and never edited (-1: none yet)
 * @AIMS_FIELD_WIDGET_DATETIME: a wall-clock date and time written
 *   YYYY-MM-DDTHH:MM, or empty
 * @AIMS_FIELD_WIDGET_AI_SYSTEM: one of the project's AI systems, offered by
 *   its name; the column holds its uuid, or nothing when none is chosen
 *
 * The control a form uses for a field.
 */
typedef enum
{
  AIMS_FIELD_WIDGET_ENTRY,
  AIMS_FIELD_WIDGET_TEXT_AREA,
  AIMS_FIELD_WIDGET_CHOICE,
  AIMS_FIELD_WIDGET_MULTI_CHOICE,
  AIMS_FIELD_WIDGET_SWITCH,
  AIMS_FIELD_WIDGET_DATE,
  AIMS_FIELD_WIDGET_HIDDEN,
  AIMS_FIELD_WIDGET_SCORE,
  AIMS_FIELD_WIDGET_LEVEL,
  AIMS_FIELD_WIDGET_DATETIME,
  AIMS_FIELD_WIDGET_AI_SYSTEM,
} AimsFieldWidget;

/**
 * AimsChoice:
 * @id: the value stored in the file
 * @label: a label marked for translation; see aims_choice_label()
 *
 * One allowed value of a choice field.
 */
typedef struct
{
  const char *id;
  const char *label;
} AimsChoice;

/**
 * AimsFieldInfo:
 * @name: the column name
 * @label: a label marked for translation; translate it before showing it
 * @kind: the kind of value
 * @flags: #AimsFieldFlags
 * @max_bytes: for text kinds, the largest value in bytes
 * @since: the file format that added the column
 * @choices: (nullable): the allowed values of a single-choice text column,
 *   %NULL-terminated; an optional choice lists "" first. The database has
 *   the same list as a CHECK constraint.
 * @group: (nullable): the title of the form section the field belongs to,
 *   marked for translation
 * @widget: the control a form uses
 * @choice_list: (nullable) (array length=n_choices): the choices with their
 *   labels, in the order to offer them (and to sort by), for
 *   %AIMS_FIELD_WIDGET_CHOICE and %AIMS_FIELD_WIDGET_MULTI_CHOICE
 * @n_choices: the number of @choice_list
 * @required: the field must not be empty
 * @description: (nullable): one line of help, marked for translation
 *
 * One column of a table. Fields come in the order of the table's columns,
 * which is also the order of a form: sections appear where their first field
 * is, and each field joins its section.
 */
typedef struct
{
  const char         *name;
  const char         *label;
  AimsFieldKind       kind;
  AimsFieldFlags      flags;
  gsize               max_bytes;
  guint               since;
  const char * const *choices;
  const char         *group;
  AimsFieldWidget     widget;
  const AimsChoice   *choice_list;
  guint               n_choices;
  gboolean            required;
  const char         *description;
} AimsFieldInfo;

/**
 * AimsTableKind:
 * @AIMS_TABLE_RECORDS: records that edits add, change and delete
 * @AIMS_TABLE_SINGLETON: exactly one row that edits change (the project)
 * @AIMS_TABLE_INTERNAL: written by the store only (the change log)
 */
typedef enum
{
  AIMS_TABLE_RECORDS,
  AIMS_TABLE_SINGLETON,
  AIMS_TABLE_INTERNAL,
} AimsTableKind;

/**
 * AimsTableInfo:
 * @name: the table name
 * @noun: a translatable noun for one record ("AI system")
 * @kind: #AimsTableKind
 * @since: the file format that added the table
 * @title_field: (nullable): the field people know a record by
 * @fields: the columns
 * @n_fields: the number of @fields
 * @reference_prefix: (nullable): the prefix of the records' references
 *   ("SYS-"), for tables whose records have one
 */
typedef struct
{
  const char          *name;
  const char          *noun;
  AimsTableKind        kind;
  guint                since;
  const char          *title_field;
  const AimsFieldInfo *fields;
  guint                n_fields;
  const char          *reference_prefix;
} AimsTableInfo;

const AimsTableInfo *aims_schema_get_tables        (guint               *n_tables);
const AimsTableInfo *aims_schema_lookup_table      (const char          *name);
const AimsFieldInfo *aims_table_info_lookup_field  (const AimsTableInfo *table,
                                                    const char          *name);
const char          *aims_field_kind_to_string     (AimsFieldKind        kind);
const char          *aims_choice_label             (const AimsFieldInfo *field,
                                                    const char          *id);

G_END_DECLS
