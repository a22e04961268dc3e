/* aims-record-form.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The form of one record, built from its table's descriptor: one
 * AdwPreferencesGroup per field group, one control per field, in descriptor
 * order. Text commits as one recorded edit when typing pauses, when the
 * person leaves the field and on flush; choices and switches commit at once.
 * The store enforces the rules: a refused value stays in its control with the
 * store's message below it, and is tried again after each accepted edit, so
 * fixing the field it depends on (a justification, an earlier date) is
 * enough. AI systems also list their data sets, third parties and risks,
 * and those list the systems they concern. A risk's form also holds its
 * treatment actions, after its treatment, and warns when its acceptance
 * exceeds the risk appetite. */

#define G_LOG_DOMAIN "aims-record-form"

#include "config.h"

#include <adwaita.h>

#include "aims-actions-group.h"
#include "aims-datetime-button.h"
#include "aims-error-dialog.h"
#include "aims-incident-durations.h"
#include "aims-record-form.h"
#include "aims-form-extras.h"
#include "aims-risk-impacts.h"
#include "aims-window.h"

#include <glib/gi18n.h>
#include <string.h>

/* Typing pauses this long before a text change becomes one recorded edit */
#define TEXT_COMMIT_DELAY_MS 700

/* A row takes one to two milliseconds to build. The first screen of rows is
 * built at once, the rest in a few idle steps after the window has drawn
 * it, so opening a table's first record never holds the window up for long.
 * Steps are not much smaller: each one makes the page lay out all of its
 * rows again. */
#define BUILD_FIRST_BUDGET_US 10000
#define BUILD_STEP_BUDGET_US  20000

/* Links between records: a row of @link_table joins a record of @table with
 * one of @other_table. @self_first says whether our record is the link
 * table's first column (the AI system) or its second. */
typedef struct
{
  const char *table;
  const char *link_table;
  const char *other_table;
  gboolean    self_first;
  const char *title;
  const char *empty;
  const char *link_label;       /* NULL: records are not linked from this side */
  const char *nothing_to_link;
  const char *add_label;        /* a button that adds a linked record… */
  const char *add_action;       /* …through this action, with our uuid */
  const char *extra_label;      /* another button acting on our record… */
  const char *extra_action;     /* …through this action, with our uuid */
  const char *row_label;        /* a button on each linked record's row… */
  const char *row_action;       /* …through this action, with (our uuid, its uuid) */
  const char *row_accessible;   /* its accessible name, before the record's name */
} LinkSpec;

static const LinkSpec link_specs[] = {
  { "ai_system", "system_data_set", "data_set", TRUE,
    N_("Data Sets"),
    N_("No data sets are linked to this system."),
    N_("Link a Data Set"),
    N_("Every data set is linked already.") },
  { "ai_system", "system_third_party", "third_party", TRUE,
    N_("Third Parties"),
    N_("No third parties are linked to this system."),
    N_("Link a Third Party"),
    N_("Every third party is linked already.") },
  { "data_set", "system_data_set", "ai_system", FALSE,
    N_("Used by AI Systems"),
    N_("No AI system uses this data set yet."),
    N_("Link an AI System"),
    N_("Every AI system is linked already.") },
  { "third_party", "system_third_party", "ai_system", FALSE,
    N_("Used by AI Systems"),
    N_("No AI system uses this third party yet."),
    N_("Link an AI System"),
    N_("Every AI system is linked already.") },
  /* A register holds many more risks than a chooser can offer: a system's
   * risks are added from its page, and linked from the risk's */
  { "ai_system", "risk_system", "risk", FALSE,
    N_("Risks"),
    N_("No risks are recorded for this system yet."),
    NULL, NULL,
    N_("_Add Risk"), "win.add-risk-for-system",
    N_("Record _Incident"), "win.record-incident-for-system" },
  { "risk", "risk_system", "ai_system", TRUE,
    N_("AI Systems"),
    N_("This risk is not linked to an AI system yet."),
    N_("Link an AI System"),
    N_("Every AI system is linked already.") },
  /* Incidents and the risks they reveal; the links are made on the
   * incident's side, where "Reassess" takes the person to the risk */
  { "incident", "incident_risk", "risk", TRUE,
    N_("Risks Revealed"),
    N_("No risks are linked to this incident yet. Link the risks it shows to be real, "
       "or add a new one."),
    N_("Link a Risk"),
    N_("Every risk is linked already."),
    N_("_New Risk"), "win.add-risk-for-incident",
    NULL, NULL,
    N_("_Reassess"), "win.reassess-risk", N_("Reassess risk") },
  { "risk", "incident_risk", "incident", FALSE,
    N_("Incidents"),
    N_("No incident has revealed this risk."),
    NULL, NULL },
};

typedef struct _Field Field;
typedef struct _LinkGroup LinkGroup;

struct _AimsRecordForm
{
  GtkWidget            parent_instance;

  /* Template widgets */
  AdwPreferencesPage  *page;

  /* Owned references */
  AimsStore           *store;
  AimsMatrix          *matrix;     /* the project's, for scores and levels */
  GSignalGroup        *store_signals;
  char                *uuid;
  GPtrArray           *groups;     /* AdwPreferencesGroup, in page order */
  GPtrArray           *fields;     /* Field, in descriptor order */
  GPtrArray           *links;      /* LinkGroup */
  GPtrArray           *sections;   /* Section, while the rows are being built */
  AimsRiskImpacts     *risk_impacts; /* a risk's impacts; owned by the page */

  /* Widgets, owned by the page; NULL on forms without them */
  GtkWidget           *actions_group;      /* a risk's treatment actions */
  GPtrArray           *extras;             /* the table's extra groups (aims-form-extras.c) */
  guint64              extras_added;       /* which of them, by index */
  GtkWidget           *acceptance_warning; /* the acceptance exceeds the appetite */
  GtkWidget           *durations_group;    /* an incident's response times */
  GtkLabel            *acceptance_warning_label;

  /* The descriptor the rows are built for */
  const AimsTableInfo *table;
  guint                build_next; /* the next field of table to build */
  guint                build_source;

  guint                found : 1;  /* the record exists */
  guint                loading : 1;
  guint                retrying : 1;
  guint                read_only : 1;
};

struct _Field
{
  AimsRecordForm      *form;
  const AimsFieldInfo *info;

  /* Widgets, owned by the page */
  GtkWidget           *control;     /* holds the value; named after the field */
  GtkWidget           *styled;      /* takes the "error" style class */
  GtkWidget           *error_box;   /* shown while the store refuses the value */
  GtkLabel            *error_label;
  GtkEventController  *focus;
  GtkWidget          **checks;      /* MULTI_CHOICE: a check button per choice */
  GtkWidget           *picker;      /* DATETIME: the calendar button */
  GPtrArray           *system_uuids; /* AI_SYSTEM: the uuid at each position after "None" */

  guint                commit_source;
  guint                has_error : 1;
  guint                out_of_range : 1; /* SCORE: the stored value is not a step */
};

struct _LinkGroup
{
  AimsRecordForm      *form;
  const LinkSpec      *spec;
  const AimsTableInfo *other;

  /* Widgets, owned by the page */
  AdwPreferencesGroup *group;
  GtkListBox          *list;
  GtkWidget           *link_button;  /* NULL where records are not linked from here */
  GtkWidget           *add_button;
  GtkWidget           *extra_button;
  GtkPopover          *popover;
  GtkSearchEntry      *search_entry;
  GtkStack            *chooser_stack;
  GtkListView         *chooser_view;
  GtkLabel            *chooser_empty;

  /* Owned references */
  AimsRecordList      *linked;      /* the records linked to ours */
  GtkFilterListModel  *candidates;  /* the others, while the chooser is open */
  GtkCustomFilter     *filter;
  GHashTable          *linked_uuids;
  char                *needle;      /* the search, case-folded */
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

enum {
  OPEN_RECORD,
  N_SIGNALS
};

static GParamSpec *properties [N_PROPS];
static guint signals [N_SIGNALS];

G_DEFINE_FINAL_TYPE (AimsRecordForm, aims_record_form, GTK_TYPE_WIDGET)

static void commit_field              (AimsRecordForm *self,
                                       Field          *field);
static void update_acceptance_warning (AimsRecordForm *self);

/* Helpers */

static gboolean
is_editable (AimsRecordForm *self)
{
  return !self->read_only &&
         self->store != NULL &&
         self->uuid != NULL &&
         !aims_store_get_read_only (self->store);
}

static const char *
field_label (const AimsFieldInfo *info)
{
  return _(info->label);
}

static gboolean
field_is_shown (const AimsFieldInfo *info)
{
  /* Computed levels are system fields that people read */
  if (info->widget == AIMS_FIELD_WIDGET_LEVEL)
    return TRUE;

  return info->widget != AIMS_FIELD_WIDGET_HIDDEN &&
         (info->flags & AIMS_FIELD_FLAG_SYSTEM) == 0;
}

/* Fields that always hold a value cannot be left empty, so they carry no
 * mark */
static gboolean
field_shows_required (const AimsFieldInfo *info)
{
  return info->required && info->widget != AIMS_FIELD_WIDGET_SWITCH;
}

static char *
dup_field_title (const AimsFieldInfo *info)
{
  const char *label = field_label (info);

  if (info->widget == AIMS_FIELD_WIDGET_DATE)
    {
      if (field_shows_required (info))
        /* Translators: the title of a date field that must be filled in */
        return g_strdup_printf (_("%s (YYYY-MM-DD, required)"), label);
      /* Translators: the title of a date field; keep YYYY-MM-DD, it is the format to type */
      return g_strdup_printf (_("%s (YYYY-MM-DD)"), label);
    }

  if (info->widget == AIMS_FIELD_WIDGET_DATETIME)
    /* Translators: the title of a date-and-time field; keep YYYY-MM-DDTHH:MM, it is the
     * format to type */
    return g_strdup_printf (_("%s (YYYY-MM-DDTHH:MM)"), label);

  if (field_shows_required (info))
    /* Translators: the title of a field that must be filled in */
    return g_strdup_printf (_("%s (required)"), label);

  return g_strdup (label);
}

/* What an emptied field stores: nothing where the column allows it, else an
 * empty text */
static GVariant *
empty_value (const AimsFieldInfo *info)
{
  if ((info->flags & AIMS_FIELD_FLAG_NOT_NULL) == 0)
    return NULL;

  return g_variant_new_string ("");
}

static GVariant *
text_value (const AimsFieldInfo *info,
            const char          *text)
{
  if (text == NULL || text[0] == '\0')
    return empty_value (info);

  return g_variant_new_string (text);
}

static char *
get_text_view_text (GtkTextView *view)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
choice_offset (const AimsFieldInfo *info)
{
  /* A field that may be left empty offers "Not set" first */
  return info->required ? 0 : 1;
}

static gboolean
multi_choice_contains (const char *list,
                       const char *id)
{
  g_auto(GStrv) ids = NULL;

  if (list == NULL || list[0] == '\0')
    return FALSE;

  ids = g_strsplit (list, ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    {
      if (g_str_equal (g_strstrip (ids[i]), id))
        return TRUE;
    }

  return FALSE;
}

static void
update_multi_choice_subtitle (Field *field)
{
  g_autoptr(GString) shown = g_string_new (NULL);
  g_autofree char *escaped = NULL;

  for (guint i = 0; i < field->info->n_choices; i++)
    {
      if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (field->checks[i])))
        continue;

      if (shown->len > 0)
        /* Translators: separates the chosen values of a field, as in "Developer, Provider" */
        g_string_append (shown, _(", "));
      g_string_append (shown, _(field->info->choice_list[i].label));
    }

  /* AdwExpanderRow 1.2 always reads its subtitle as markup */
  escaped = g_markup_escape_text (shown->len > 0 ? shown->str : _("None chosen"), -1);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (field->control), escaped);
}

/* Scores and levels: the project's matrix gives their labels */

static AimsMatrixAxis
score_axis (const AimsFieldInfo *info)
{
  return g_str_has_suffix (info->name, "_impact") || g_str_equal (info->name, "severity")
    ? AIMS_MATRIX_IMPACT : AIMS_MATRIX_LIKELIHOOD;
}

static AimsMatrix *
form_matrix (AimsRecordForm *self)
{
  if (self->matrix == NULL && self->store != NULL)
    self->matrix = aims_store_dup_matrix (self->store);

  return self->matrix;
}

/* "Not assessed" comes first in a score that may be left empty */
static guint
score_offset (const AimsFieldInfo *info)
{
  return info->required ? 0 : 1;
}

static gboolean
same_strings (GListModel *a,
              GListModel *b)
{
  guint n;

  if (a == NULL || b == NULL || !GTK_IS_STRING_LIST (a) || !GTK_IS_STRING_LIST (b) ||
      (n = g_list_model_get_n_items (a)) != g_list_model_get_n_items (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (a), i),
                   gtk_string_list_get_string (GTK_STRING_LIST (b), i)) != 0)
      return FALSE;

  return TRUE;
}

static void
fill_score_choices (Field *field)
{
  AimsMatrix *matrix = form_matrix (field->form);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  AimsMatrixAxis axis = score_axis (field->info);

  if (!field->info->required)
    gtk_string_list_append (labels, C_("score", "Not assessed"));
  for (guint v = 1; matrix != NULL && v <= aims_matrix_get_n_steps (matrix, axis); v++)
    {
      /* Translators: a step of the risk matrix in a form, "3 · Possible" */
      g_autofree char *label = g_strdup_printf (_("%u · %s"), v,
                                                aims_matrix_get_step_label (matrix, axis, v));

      gtk_string_list_append (labels, label);
    }

  /* Only when the matrix's labels changed: a score edited in the row
   * reloads the row from inside the selection's own change, and a new
   * model there would free the selection under it */
  if (!same_strings (adw_combo_row_get_model (ADW_COMBO_ROW (field->control)),
                     G_LIST_MODEL (labels)))
    adw_combo_row_set_model (ADW_COMBO_ROW (field->control), G_LIST_MODEL (labels));
}

static gint64
variant_to_int (GVariant *value,
                gint64    fallback)
{
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT32))
    return g_variant_get_int32 (value);

  return fallback;
}

static GVariant *
dup_field_value (Field *field)
{
  const AimsFieldInfo *info = field->info;

  switch (info->widget)
    {
    case AIMS_FIELD_WIDGET_ENTRY:
    case AIMS_FIELD_WIDGET_DATE:
    case AIMS_FIELD_WIDGET_DATETIME:
      return text_value (info, gtk_editable_get_text (GTK_EDITABLE (field->control)));

    case AIMS_FIELD_WIDGET_AI_SYSTEM:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->control));

        if (selected == GTK_INVALID_LIST_POSITION || selected == 0 ||
            field->system_uuids == NULL || selected > field->system_uuids->len)
          return empty_value (info);

        return g_variant_new_string (g_ptr_array_index (field->system_uuids, selected - 1));
      }

    case AIMS_FIELD_WIDGET_TEXT_AREA:
      {
        g_autofree char *text = get_text_view_text (GTK_TEXT_VIEW (field->control));

        return text_value (info, text);
      }

    case AIMS_FIELD_WIDGET_CHOICE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->control));
        guint offset = choice_offset (info);

        if (selected == GTK_INVALID_LIST_POSITION || selected < offset ||
            selected - offset >= info->n_choices)
          return empty_value (info);

        return g_variant_new_string (info->choice_list[selected - offset].id);
      }

    case AIMS_FIELD_WIDGET_MULTI_CHOICE:
      {
        g_autoptr(GString) ids = g_string_new (NULL);

        for (guint i = 0; i < info->n_choices; i++)
          {
            if (!gtk_check_button_get_active (GTK_CHECK_BUTTON (field->checks[i])))
              continue;
            if (ids->len > 0)
              g_string_append_c (ids, ',');
            g_string_append (ids, info->choice_list[i].id);
          }

        return text_value (info, ids->str);
      }

    case AIMS_FIELD_WIDGET_SWITCH:
      return g_variant_new_int64 (gtk_switch_get_active (GTK_SWITCH (field->control)) ? 1 : 0);

    case AIMS_FIELD_WIDGET_SCORE:
      {
        guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (field->control));
        guint offset = score_offset (info);

        if (selected == GTK_INVALID_LIST_POSITION || selected < offset)
          return g_variant_new_int64 (0);

        return g_variant_new_int64 (selected - offset + 1);
      }

    case AIMS_FIELD_WIDGET_LEVEL:
    case AIMS_FIELD_WIDGET_HIDDEN:
    default:
      g_assert_not_reached ();
    }
}

static void show_score_note (Field    *field,
                             GVariant *value);

/* AI systems: offered by name, "None" first */

typedef struct
{
  char *name;
  char *uuid;
} SystemEntry;

static void
system_entry_free (gpointer data)
{
  SystemEntry *entry = data;

  g_free (entry->name);
  g_free (entry->uuid);
  g_free (entry);
}

static int
compare_system_entries (gconstpointer a,
                        gconstpointer b)
{
  const SystemEntry *x = *(SystemEntry * const *) a;
  const SystemEntry *y = *(SystemEntry * const *) b;

  return g_utf8_collate (x->name, y->name);
}

/* Above this many systems, the chooser is read again only when systems are
 * added or removed, not on every edit */
#define AI_SYSTEM_REREAD_LIMIT 2000

static void
fill_ai_systems (Field *field)
{
  AimsStore *store = field->form->store;
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) entries = g_ptr_array_new_with_free_func (system_entry_free);
  g_auto(GStrv) uuids = NULL;
  guint count = store != NULL ? aims_store_count (store, "ai_system") : 0;
  gint64 stamp = store != NULL ? aims_store_get_last_change_id (store) : -1;
  gint64 last_stamp = GPOINTER_TO_SIZE (g_object_get_data (G_OBJECT (field->control), "stamp"));

  if (field->system_uuids != NULL && field->system_uuids->len == count &&
      (stamp == last_stamp || count > AI_SYSTEM_REREAD_LIMIT))
    return;

  if (store != NULL)
    uuids = aims_store_dup_uuids (store, "ai_system", NULL);
  for (guint i = 0; uuids != NULL && uuids[i] != NULL; i++)
    {
      SystemEntry *entry = g_new0 (SystemEntry, 1);

      entry->uuid = g_strdup (uuids[i]);
      entry->name = aims_store_dup_text (store, "ai_system", uuids[i], "name", NULL);
      if (entry->name == NULL || entry->name[0] == '\0')
        {
          g_free (entry->name);
          entry->name = g_strdup (_("Untitled"));
        }
      g_ptr_array_add (entries, entry);
    }
  g_ptr_array_sort (entries, compare_system_entries);

  g_clear_pointer (&field->system_uuids, g_ptr_array_unref);
  field->system_uuids = g_ptr_array_new_with_free_func (g_free);
  gtk_string_list_append (labels, C_("AI system", "None"));
  for (guint i = 0; i < entries->len; i++)
    {
      SystemEntry *entry = g_ptr_array_index (entries, i);

      gtk_string_list_append (labels, entry->name);
      g_ptr_array_add (field->system_uuids, g_steal_pointer (&entry->uuid));
    }

  g_object_set_data (G_OBJECT (field->control), "stamp", GSIZE_TO_POINTER ((gsize) stamp));
  if (!same_strings (adw_combo_row_get_model (ADW_COMBO_ROW (field->control)),
                     G_LIST_MODEL (labels)))
    adw_combo_row_set_model (ADW_COMBO_ROW (field->control), G_LIST_MODEL (labels));
}

static void
show_ai_system (Field      *field,
                const char *uuid)
{
  guint position = 0;

  fill_ai_systems (field);
  for (guint i = 0; uuid != NULL && i < field->system_uuids->len; i++)
    {
      if (g_str_equal (g_ptr_array_index (field->system_uuids, i), uuid))
        {
          position = i + 1;
          break;
        }
    }

  if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->control)) != position)
    adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), position);
}

/* Shows @value (nullable: not set) in the field's control. Signals the
 * change causes are ignored: loading is set. */
static void
show_field_value (Field    *field,
                  GVariant *value)
{
  const AimsFieldInfo *info = field->info;
  const char *text = NULL;

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    text = g_variant_get_string (value, NULL);

  switch (info->widget)
    {
    case AIMS_FIELD_WIDGET_AI_SYSTEM:
      show_ai_system (field, text);
      break;

    case AIMS_FIELD_WIDGET_ENTRY:
    case AIMS_FIELD_WIDGET_DATE:
    case AIMS_FIELD_WIDGET_DATETIME:
      /* Leave the cursor alone when nothing changed (our own edit echoing back) */
      if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (field->control)), text ? text : "") != 0)
        gtk_editable_set_text (GTK_EDITABLE (field->control), text ? text : "");
      break;

    case AIMS_FIELD_WIDGET_TEXT_AREA:
      {
        g_autofree char *current = get_text_view_text (GTK_TEXT_VIEW (field->control));

        if (g_strcmp0 (current, text ? text : "") != 0)
          gtk_text_buffer_set_text (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->control)),
                                    text ? text : "", -1);
      }
      break;

    case AIMS_FIELD_WIDGET_CHOICE:
      {
        guint position = info->required ? GTK_INVALID_LIST_POSITION : 0;

        for (guint i = 0; text != NULL && i < info->n_choices; i++)
          {
            if (g_str_equal (info->choice_list[i].id, text))
              {
                position = i + choice_offset (info);
                break;
              }
          }

        if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->control)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), position);
      }
      break;

    case AIMS_FIELD_WIDGET_MULTI_CHOICE:
      for (guint i = 0; i < info->n_choices; i++)
        gtk_check_button_set_active (GTK_CHECK_BUTTON (field->checks[i]),
                                     multi_choice_contains (text, info->choice_list[i].id));
      update_multi_choice_subtitle (field);
      break;

    case AIMS_FIELD_WIDGET_SWITCH:
      {
        gboolean active = FALSE;

        if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
          active = g_variant_get_boolean (value);
        else if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
          active = g_variant_get_int64 (value) != 0;

        if (gtk_switch_get_active (GTK_SWITCH (field->control)) != active)
          gtk_switch_set_active (GTK_SWITCH (field->control), active);
      }
      break;

    case AIMS_FIELD_WIDGET_SCORE:
      {
        gint64 score = variant_to_int (value, 0);
        guint position = GTK_INVALID_LIST_POSITION;

        fill_score_choices (field);
        if (score == 0 && !info->required)
          position = 0;
        else if (score >= 1 && form_matrix (field->form) != NULL &&
                 score <= aims_matrix_get_n_steps (form_matrix (field->form), score_axis (info)))
          position = (guint) score - 1 + score_offset (info);

        if (adw_combo_row_get_selected (ADW_COMBO_ROW (field->control)) != position)
          adw_combo_row_set_selected (ADW_COMBO_ROW (field->control), position);
        show_score_note (field, value);
      }
      break;

    case AIMS_FIELD_WIDGET_LEVEL:
      {
        gint64 level = variant_to_int (value, -1);
        AimsMatrix *matrix = form_matrix (field->form);
        const char *name = NULL;

        if (matrix != NULL && level >= 0 && level < aims_matrix_get_n_levels (matrix))
          name = aims_matrix_get_level_name (matrix, (guint) level);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (field->control),
                                     name != NULL ? name : C_("level", "Not assessed yet"));
        if (name != NULL && aims_matrix_is_above_tolerance (matrix, (guint) level))
          gtk_widget_add_css_class (field->control, "level-above-tolerance");
        else
          gtk_widget_remove_css_class (field->control, "level-above-tolerance");
      }
      break;

    case AIMS_FIELD_WIDGET_HIDDEN:
    default:
      g_assert_not_reached ();
    }
}

static void
set_field_editable (Field    *field,
                    gboolean  editable)
{
  switch (field->info->widget)
    {
    case AIMS_FIELD_WIDGET_ENTRY:
    case AIMS_FIELD_WIDGET_DATE:
      gtk_editable_set_editable (GTK_EDITABLE (field->control), editable);
      break;

    case AIMS_FIELD_WIDGET_DATETIME:
      gtk_editable_set_editable (GTK_EDITABLE (field->control), editable);
      gtk_widget_set_visible (field->picker, editable);
      break;

    case AIMS_FIELD_WIDGET_AI_SYSTEM:
      gtk_widget_set_sensitive (field->control, editable);
      break;

    case AIMS_FIELD_WIDGET_TEXT_AREA:
      gtk_text_view_set_editable (GTK_TEXT_VIEW (field->control), editable);
      gtk_text_view_set_cursor_visible (GTK_TEXT_VIEW (field->control), editable);
      break;

    case AIMS_FIELD_WIDGET_CHOICE:
    case AIMS_FIELD_WIDGET_SWITCH:
    case AIMS_FIELD_WIDGET_SCORE:
      gtk_widget_set_sensitive (field->control, editable);
      break;

    case AIMS_FIELD_WIDGET_LEVEL:
      /* Computed by the store: never edited */
      break;

    case AIMS_FIELD_WIDGET_MULTI_CHOICE:
      for (guint i = 0; i < field->info->n_choices; i++)
        gtk_widget_set_sensitive (field->checks[i], editable);
      break;

    case AIMS_FIELD_WIDGET_HIDDEN:
    default:
      g_assert_not_reached ();
    }
}

static void
show_field_error (Field      *field,
                  const char *message)
{
  field->has_error = TRUE;
  gtk_label_set_text (field->error_label, message);
  gtk_widget_set_visible (field->error_box, TRUE);
  gtk_widget_add_css_class (field->styled, "error");

  /* Screen readers announce the message with the control */
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->control),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message,
                                  -1);
}

/* A score that is not a step of the matrix (a file made elsewhere, or by
 * hand) shows no step: the row says why under it, in the store's words. It
 * is not a refused edit: nothing is tried again until the person chooses a
 * step. */
static void
show_score_note (Field    *field,
                 GVariant *value)
{
  AimsMatrix *matrix = form_matrix (field->form);
  g_autoptr(GError) error = NULL;

  if (field->has_error)
    return;

  /* No value: the record is gone, and the form shows nothing */
  if (value == NULL || matrix == NULL ||
      aims_rules_check_score (matrix, field->info, variant_to_int (value, 0), &error))
    {
      if (field->out_of_range)
        {
          field->out_of_range = FALSE;
          gtk_widget_set_visible (field->error_box, FALSE);
          gtk_label_set_text (field->error_label, "");
          gtk_widget_remove_css_class (field->styled, "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (field->control),
                                      GTK_ACCESSIBLE_STATE_INVALID);
        }
      return;
    }

  field->out_of_range = TRUE;
  gtk_label_set_text (field->error_label, error->message);
  gtk_widget_set_visible (field->error_box, TRUE);
  gtk_widget_add_css_class (field->styled, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (field->control),
                               GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE,
                               -1);
}

static void
clear_field_error (Field *field)
{
  if (!field->has_error)
    return;

  field->has_error = FALSE;
  gtk_widget_set_visible (field->error_box, FALSE);
  gtk_label_set_text (field->error_label, "");
  gtk_widget_remove_css_class (field->styled, "error");

  gtk_accessible_reset_state (GTK_ACCESSIBLE (field->control), GTK_ACCESSIBLE_STATE_INVALID);
  if (field->info->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (field->control),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(field->info->description),
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (field->control),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
field_free (gpointer data)
{
  Field *field = data;

  g_clear_handle_id (&field->commit_source, g_source_remove);

  /* The widgets may outlive the form for a moment (a11y, a running
   * animation); nothing of theirs may call back into freed memory */
  g_signal_handlers_disconnect_by_data (field->control, field);
  if (GTK_IS_TEXT_VIEW (field->control))
    g_signal_handlers_disconnect_by_data (gtk_text_view_get_buffer (GTK_TEXT_VIEW (field->control)),
                                          field);
  if (field->focus != NULL)
    g_signal_handlers_disconnect_by_data (field->focus, field);
  for (guint i = 0; field->checks != NULL && i < field->info->n_choices; i++)
    g_signal_handlers_disconnect_by_data (field->checks[i], field);

  g_clear_pointer (&field->system_uuids, g_ptr_array_unref);
  g_free (field->checks);
  g_free (field);
}

static void
link_group_free (gpointer data)
{
  LinkGroup *link = data;

  if (link->list != NULL)
    gtk_list_box_bind_model (link->list, NULL, NULL, NULL, NULL);
  if (link->chooser_view != NULL)
    {
      g_signal_handlers_disconnect_by_data (link->chooser_view, link);
      gtk_list_view_set_model (link->chooser_view, NULL);
    }
  if (link->popover != NULL)
    g_signal_handlers_disconnect_by_data (link->popover, link);
  if (link->search_entry != NULL)
    g_signal_handlers_disconnect_by_data (link->search_entry, link);

  if (link->linked != NULL)
    g_signal_handlers_disconnect_by_data (link->linked, link);
  g_clear_object (&link->linked);
  g_clear_object (&link->candidates);
  g_clear_object (&link->filter);
  g_clear_pointer (&link->linked_uuids, g_hash_table_unref);
  g_clear_pointer (&link->needle, g_free);
  g_free (link);
}

/* Values */

/* The record may be gone: deleted, or an undo took back its insert. The
 * form then shows nothing, and nothing can be typed into it. */
static void
update_found (AimsRecordForm *self)
{
  gboolean found = self->store != NULL && self->uuid != NULL;

  if (found)
    {
      g_autoptr(GVariant) uuid = NULL;

      uuid = aims_store_get (self->store, self->table->name, self->uuid, "uuid", NULL);
      found = uuid != NULL;
    }

  self->found = found;
  gtk_widget_set_sensitive (GTK_WIDGET (self->page), found);
}

static void
load_field (AimsRecordForm *self,
            Field          *field)
{
  g_autoptr(GVariant) value = NULL;

  /* A field still waiting for a pause in typing keeps what is being typed,
   * and a refused value stays for the person to correct */
  if (field->commit_source != 0 || field->has_error)
    return;

  if (self->found)
    value = aims_store_get (self->store, self->table->name, self->uuid, field->info->name, NULL);

  self->loading = TRUE;
  show_field_value (field, value);
  self->loading = FALSE;
}

static void
load_fields (AimsRecordForm *self)
{
  update_found (self);

  for (guint i = 0; i < self->fields->len; i++)
    load_field (self, g_ptr_array_index (self->fields, i));

  update_acceptance_warning (self);
  if (self->durations_group != NULL)
    aims_incident_durations_update (self->durations_group, self->found ? self->store : NULL,
                                    self->uuid);
}

static void
update_editable (AimsRecordForm *self)
{
  gboolean editable = is_editable (self);

  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    set_field_editable (g_ptr_array_index (self->fields, i), editable);

  if (self->actions_group != NULL)
    aims_actions_group_set_read_only (AIMS_ACTIONS_GROUP (self->actions_group),
                                      self->read_only);

  for (guint i = 0; self->extras != NULL && i < self->extras->len; i++)
    _aims_form_extra_set_read_only (g_ptr_array_index (self->extras, i), self->read_only);

  for (guint i = 0; self->links != NULL && i < self->links->len; i++)
    {
      LinkGroup *link = g_ptr_array_index (self->links, i);

      if (link->link_button != NULL)
        gtk_widget_set_visible (link->link_button, editable);
      if (link->add_button != NULL)
        gtk_widget_set_visible (link->add_button, editable);
      if (link->extra_button != NULL)
        gtk_widget_set_visible (link->extra_button, editable);
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (link->list));
           row != NULL;
           row = gtk_widget_get_next_sibling (row))
        {
          GtkWidget *button = g_object_get_data (G_OBJECT (row), "remove-button");

          if (button != NULL)
            gtk_widget_set_visible (button, editable);
        }
    }
}

static void
retry_refused_fields (AimsRecordForm *self,
                      Field          *except)
{
  if (self->retrying)
    return;

  self->retrying = TRUE;
  for (guint i = 0; i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field != except && field->has_error && field->commit_source == 0)
        commit_field (self, field);
    }
  self->retrying = FALSE;
}

static void
commit_field (AimsRecordForm *self,
              Field          *field)
{
  g_autoptr(GError) error = NULL;

  g_assert (AIMS_IS_RECORD_FORM (self));

  g_clear_handle_id (&field->commit_source, g_source_remove);

  if (!is_editable (self))
    return;

  if (!aims_store_update (self->store, self->table->name, self->uuid, field->info->name,
                          dup_field_value (field), &error))
    {
      /* The store kept the old value; the control keeps what the person
       * entered, so they can correct it */
      if (error->domain == AIMS_RULE_ERROR ||
          g_error_matches (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_INVALID_VALUE))
        show_field_error (field, error->message);
      else if (!self->retrying)
        aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Record the Change"), error);
      return;
    }

  clear_field_error (field);

  /* The edit may have fixed what a refused value depended on */
  retry_refused_fields (self, field);
}

static void
flush_pending (AimsRecordForm *self)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    {
      Field *field = g_ptr_array_index (self->fields, i);

      if (field->commit_source != 0)
        commit_field (self, field);
    }
}

static void
clear_errors (AimsRecordForm *self)
{
  for (guint i = 0; self->fields != NULL && i < self->fields->len; i++)
    clear_field_error (g_ptr_array_index (self->fields, i));
}

/* Field callbacks */

static gboolean
commit_timeout_cb (gpointer data)
{
  Field *field = data;

  field->commit_source = 0;
  commit_field (field->form, field);

  return G_SOURCE_REMOVE;
}

static void
schedule_commit (Field *field)
{
  if (field->form->loading)
    return;

  g_clear_handle_id (&field->commit_source, g_source_remove);
  field->commit_source = g_timeout_add (TEXT_COMMIT_DELAY_MS, commit_timeout_cb, field);
}

static void
on_entry_changed_cb (GtkEditable *editable,
                     Field       *field)
{
  schedule_commit (field);
}

static void
on_buffer_changed_cb (GtkTextBuffer *buffer,
                      Field         *field)
{
  schedule_commit (field);
}

static void
on_focus_leave_cb (GtkEventControllerFocus *controller,
                   Field                   *field)
{
  if (field->commit_source != 0)
    commit_field (field->form, field);
}

static void
on_combo_selected_cb (AdwComboRow *row,
                      GParamSpec  *pspec,
                      Field       *field)
{
  if (!field->form->loading)
    commit_field (field->form, field);
}

static void
on_switch_active_cb (GtkSwitch  *widget,
                     GParamSpec *pspec,
                     Field      *field)
{
  if (!field->form->loading)
    commit_field (field->form, field);
}

static void
on_check_toggled_cb (GtkCheckButton *check,
                     Field          *field)
{
  if (field->form->loading)
    return;

  update_multi_choice_subtitle (field);
  commit_field (field->form, field);
}

/* Building the field rows */

typedef struct
{
  const char          *name;    /* the untranslated group title */
  AdwPreferencesGroup *group;
  GtkListBox          *list;    /* where the next row goes; NULL after a text area */
  gboolean             has_content;
  gboolean             attach;    /* not on the page yet */
} Section;

static void
set_accessible_name (GtkWidget           *widget,
                     const AimsFieldInfo *info)
{
  gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, field_label (info),
                                  -1);
  if (info->description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _(info->description),
                                    -1);
  if (field_shows_required (info))
    gtk_accessible_update_property (GTK_ACCESSIBLE (widget),
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                    -1);
}

static GtkWidget *
create_error_label (Field *field)
{
  GtkWidget *label = gtk_label_new (NULL);
  g_autofree char *name = g_strconcat (field->info->name, "-error", NULL);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (label, "error");
  gtk_widget_set_name (label, name);

  field->error_label = GTK_LABEL (label);
  return label;
}

static GtkWidget *
create_error_content (Field *field)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_widget_add_css_class (icon, "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), create_error_label (field));

  return box;
}

static gboolean
group_has_required (const AimsTableInfo *table,
                    const char          *group)
{
  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *info = &table->fields[i];

      if (field_is_shown (info) && field_shows_required (info) && g_strcmp0 (info->group, group) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The acceptance section: where the risk's acceptance is recorded, and
 * where the warning that it exceeds the appetite shows */
static gboolean
is_acceptance_section (const AimsTableInfo *table,
                       const char          *name)
{
  const AimsFieldInfo *accepted_by = aims_table_info_lookup_field (table, "accepted_by");

  return accepted_by != NULL && name != NULL && g_strcmp0 (accepted_by->group, name) == 0;
}

static GtkWidget *
create_acceptance_warning (AimsRecordForm *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");
  GtkWidget *label = gtk_label_new (NULL);

  gtk_widget_set_name (box, "acceptance-warning");
  gtk_widget_add_css_class (box, "acceptance-warning");
  gtk_widget_add_css_class (box, "warning");
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_valign (icon, GTK_ALIGN_START);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_name (label, "acceptance-warning-label");
  gtk_box_append (GTK_BOX (box), icon);
  gtk_box_append (GTK_BOX (box), label);
  gtk_widget_set_visible (box, FALSE);

  self->acceptance_warning = box;
  self->acceptance_warning_label = GTK_LABEL (label);

  return box;
}

/* Accepting a risk beyond the appetite is allowed, but said, beside the
 * acceptance */
static void
update_acceptance_warning (AimsRecordForm *self)
{
  g_autofree char *warning = NULL;

  if (self->acceptance_warning == NULL)
    return;

  if (self->found)
    warning = aims_rules_dup_acceptance_warning (self->store, self->uuid);

  gtk_label_set_text (self->acceptance_warning_label, warning != NULL ? warning : "");
  gtk_widget_set_visible (self->acceptance_warning, warning != NULL);
}

static Section *
lookup_section (AimsRecordForm *self,
                const char     *name)
{
  Section *section;

  for (guint i = 0; i < self->sections->len; i++)
    {
      section = g_ptr_array_index (self->sections, i);
      if (g_strcmp0 (section->name, name) == 0)
        return section;
    }

  section = g_new0 (Section, 1);
  section->name = name;
  section->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  if (name != NULL)
    adw_preferences_group_set_title (section->group, _(name));
  if (group_has_required (self->table, name))
    adw_preferences_group_set_description (section->group,
                                           _("Fields marked “required” must be filled in."));
  /* Added to the page at the end of the build step: rows put together
   * outside the window are much cheaper than rows added to it one by one */
  g_object_ref_sink (section->group);
  section->attach = TRUE;
  g_ptr_array_add (self->groups, section->group);
  g_ptr_array_add (self->sections, section);

  if (is_acceptance_section (self->table, name))
    {
      adw_preferences_group_set_description (section->group,
                                             _("To accept the risk, by its treatment or its "
                                               "status, say who accepts it, in what role, "
                                               "when and why."));
      adw_preferences_group_add (section->group, create_acceptance_warning (self));
    }

  return section;
}

/* The treatment actions of a risk: their own group, right after the
 * section that holds the treatment */
static const char actions_section[] = "(treatment actions)";

static gboolean
wants_actions_group (AimsRecordForm *self)
{
  return g_str_equal (self->table->name, "risk") && self->actions_group == NULL;
}

static void
add_actions_group (AimsRecordForm *self)
{
  Section *section = g_new0 (Section, 1);

  self->actions_group = aims_actions_group_new_treatment ();
  aims_actions_group_set_read_only (AIMS_ACTIONS_GROUP (self->actions_group),
                                    self->read_only);
  aims_actions_group_set_parent (AIMS_ACTIONS_GROUP (self->actions_group),
                                 self->store, self->uuid);

  section->name = actions_section;
  section->group = ADW_PREFERENCES_GROUP (g_object_ref_sink (self->actions_group));
  section->attach = TRUE;
  g_ptr_array_add (self->groups, section->group);
  g_ptr_array_add (self->sections, section);
}

/* An incident's response times: their own group, right after its
 * timeline */
static const char durations_section[] = "(response times)";

static gboolean
wants_durations_group (AimsRecordForm *self)
{
  return g_str_equal (self->table->name, "incident") && self->durations_group == NULL;
}

static void
add_durations_group (AimsRecordForm *self)
{
  Section *section = g_new0 (Section, 1);

  self->durations_group = aims_incident_durations_new ();
  aims_incident_durations_update (self->durations_group, self->store, self->uuid);

  section->name = durations_section;
  section->group = ADW_PREFERENCES_GROUP (g_object_ref_sink (self->durations_group));
  section->attach = TRUE;
  g_ptr_array_add (self->groups, section->group);
  g_ptr_array_add (self->sections, section);
}

static gboolean
is_after_timeline (AimsRecordForm      *self,
                   const AimsFieldInfo *next)
{
  const AimsFieldInfo *resolved = aims_table_info_lookup_field (self->table, "resolved");

  return resolved != NULL && next > resolved && g_strcmp0 (next->group, resolved->group) != 0;
}

/* The table's extra groups that go before the field @before (NULL: all
 * those not added yet, after the fields) */
static void
add_extras (AimsRecordForm *self,
            const char     *before)
{
  const AimsFormExtra *extras;
  guint n_extras;

  extras = _aims_form_extras_get (&n_extras);
  for (guint i = 0; i < n_extras && i < 64; i++)
    {
      Section *section;

      if (!g_str_equal (extras[i].table, self->table->name) ||
          (self->extras_added & (G_GUINT64_CONSTANT (1) << i)) != 0 ||
          (before != NULL && g_strcmp0 (extras[i].before, before) != 0))
        continue;

      self->extras_added |= G_GUINT64_CONSTANT (1) << i;
      section = g_new0 (Section, 1);
      section->name = extras[i].name;
      section->group = ADW_PREFERENCES_GROUP (g_object_ref_sink (extras[i].create ()));
      section->attach = TRUE;
      _aims_form_extra_set_read_only (GTK_WIDGET (section->group), self->read_only);
      _aims_form_extra_set_record (GTK_WIDGET (section->group), self->store, self->uuid);
      g_ptr_array_add (self->extras, section->group);
      g_ptr_array_add (self->groups, section->group);
      g_ptr_array_add (self->sections, section);
    }
}

/* Whether @next, the field about to be built, comes after the treatment's
 * section */
static gboolean
is_after_treatment (AimsRecordForm      *self,
                    const AimsFieldInfo *next)
{
  const AimsFieldInfo *treatment = aims_table_info_lookup_field (self->table, "treatment");

  return treatment != NULL && next > treatment && g_strcmp0 (next->group, treatment->group) != 0;
}

/* AdwPreferencesGroup 1.2 puts every widget that is not a row below all of
 * its rows. To keep descriptor order, rows go into our own boxed lists, one
 * per run of rows between text areas. */
static void
section_add_row (Section   *section,
                 Field     *field,
                 GtkWidget *row)
{
  GtkWidget *error_row;

  if (section->list == NULL)
    {
      section->list = GTK_LIST_BOX (gtk_list_box_new ());
      gtk_list_box_set_selection_mode (section->list, GTK_SELECTION_NONE);
      gtk_widget_add_css_class (GTK_WIDGET (section->list), "boxed-list");
      if (section->has_content)
        gtk_widget_set_margin_top (GTK_WIDGET (section->list), 18);
      adw_preferences_group_add (section->group, GTK_WIDGET (section->list));
    }

  gtk_list_box_append (section->list, row);

  /* The message sits right under its field, inside the same list */
  error_row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (error_row), FALSE);
  gtk_widget_set_focusable (error_row, FALSE);
  gtk_widget_set_visible (error_row, FALSE);
  gtk_widget_add_css_class (error_row, "field-error");
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (error_row), create_error_content (field));
  gtk_widget_set_margin_top (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)), 10);
  gtk_widget_set_margin_bottom (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)), 10);
  gtk_widget_set_margin_start (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)), 12);
  gtk_widget_set_margin_end (gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (error_row)), 12);
  gtk_list_box_append (section->list, error_row);

  field->styled = row;
  field->error_box = error_row;
  section->has_content = TRUE;
}

static void
add_focus_commit (Field     *field,
                  GtkWidget *widget)
{
  field->focus = gtk_event_controller_focus_new ();
  g_signal_connect (field->focus, "leave", G_CALLBACK (on_focus_leave_cb), field);
  gtk_widget_add_controller (widget, field->focus);
}

static void
build_entry (Section *section,
             Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_entry_row_new ();
  GtkEditable *delegate;

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  gtk_widget_set_name (row, info->name);

  if (info->widget == AIMS_FIELD_WIDGET_DATE)
    {
      g_autofree char *tooltip = NULL;

      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), GTK_INPUT_HINT_NO_SPELLCHECK);
      if (info->description != NULL)
        /* Translators: the tooltip of a date field: its description, then the format */
        tooltip = g_strdup_printf (_("%s\nType the date as YYYY-MM-DD, for example 2026-03-31."),
                                   _(info->description));
      else
        tooltip = g_strdup (_("Type the date as YYYY-MM-DD, for example 2026-03-31."));
      gtk_widget_set_tooltip_text (row, tooltip);
    }
  else if (info->widget == AIMS_FIELD_WIDGET_DATETIME)
    {
      g_autofree char *tooltip = NULL;

      adw_entry_row_set_input_hints (ADW_ENTRY_ROW (row), GTK_INPUT_HINT_NO_SPELLCHECK);
      if (info->description != NULL)
        /* Translators: the tooltip of a date-and-time field: its description, then the
         * format */
        tooltip = g_strdup_printf (_("%s\nType the date and time as YYYY-MM-DDTHH:MM, for "
                                     "example 2026-03-14T09:30."),
                                   _(info->description));
      else
        tooltip = g_strdup (_("Type the date and time as YYYY-MM-DDTHH:MM, for example "
                              "2026-03-14T09:30."));
      gtk_widget_set_tooltip_text (row, tooltip);
      field->picker = aims_datetime_button_new (GTK_EDITABLE (row), field_label (info));
      adw_entry_row_add_suffix (ADW_ENTRY_ROW (row), field->picker);
    }
  else if (info->description != NULL)
    {
      /* AdwEntryRow 1.2 has no subtitle */
      gtk_widget_set_tooltip_text (row, _(info->description));
    }

  field->control = row;
  set_accessible_name (row, info);
  delegate = gtk_editable_get_delegate (GTK_EDITABLE (row));
  if (delegate != NULL)
    set_accessible_name (GTK_WIDGET (delegate), info);

  g_signal_connect (row, "changed", G_CALLBACK (on_entry_changed_cb), field);
  add_focus_commit (field, row);
  section_add_row (section, field, row);
}

static void
build_text_area (Section *section,
                 Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *label, *frame, *view, *error;

  /* Plain text, not "heading": the group's title is the heading, and a
   * field label as bold as it would read as a new group */
  label = gtk_label_new (title);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_top (label, section->has_content ? 18 : 0);
  gtk_widget_set_margin_bottom (label, 6);
  adw_preferences_group_add (section->group, label);

  if (info->description != NULL)
    {
      GtkWidget *description = gtk_label_new (_(info->description));

      gtk_label_set_xalign (GTK_LABEL (description), 0);
      gtk_label_set_wrap (GTK_LABEL (description), TRUE);
      gtk_widget_set_margin_bottom (description, 6);
      gtk_widget_add_css_class (description, "dim-label");
      gtk_widget_add_css_class (description, "caption");
      adw_preferences_group_add (section->group, description);
    }

  view = gtk_text_view_new ();
  gtk_widget_set_name (view, info->name);
  gtk_text_view_set_wrap_mode (GTK_TEXT_VIEW (view), GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_bottom_margin (GTK_TEXT_VIEW (view), 8);
  gtk_text_view_set_left_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_right_margin (GTK_TEXT_VIEW (view), 10);
  gtk_text_view_set_accepts_tab (GTK_TEXT_VIEW (view), FALSE);
  gtk_widget_set_size_request (view, -1, 72);

  /* The heading names the text view for screen readers, as a mnemonic
   * label does */
  gtk_label_set_mnemonic_widget (GTK_LABEL (label), view);
  field->control = view;
  set_accessible_name (view, info);

  frame = gtk_frame_new (NULL);
  gtk_frame_set_child (GTK_FRAME (frame), view);
  adw_preferences_group_add (section->group, frame);

  error = create_error_content (field);
  gtk_widget_set_margin_top (error, 8);
  gtk_widget_set_visible (error, FALSE);
  adw_preferences_group_add (section->group, error);

  field->styled = frame;
  field->error_box = error;

  g_signal_connect (gtk_text_view_get_buffer (GTK_TEXT_VIEW (view)), "changed",
                    G_CALLBACK (on_buffer_changed_cb), field);
  add_focus_commit (field, view);

  section->list = NULL;
  section->has_content = TRUE;
}

static void
build_choice (Section *section,
              Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  if (!info->required)
    gtk_string_list_append (labels, C_("choice", "Not set"));
  for (guint i = 0; i < info->n_choices; i++)
    gtk_string_list_append (labels, _(info->choice_list[i].label));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  gtk_widget_set_name (row, info->name);

  field->control = row;
  set_accessible_name (row, info);

  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), field);
  section_add_row (section, field, row);
}

static void
build_ai_system (Section *section,
                 Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));
  gtk_widget_set_name (row, info->name);

  field->control = row;
  set_accessible_name (row, info);

  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), field);
  section_add_row (section, field, row);
}

static void
build_score (Section *section,
             Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_combo_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));
  gtk_widget_set_name (row, info->name);

  field->control = row;
  fill_score_choices (field);
  set_accessible_name (row, info);

  g_signal_connect (row, "notify::selected", G_CALLBACK (on_combo_selected_cb), field);
  section_add_row (section, field, row);
}

/* A computed level: a row that reads it out, with the field's help as its
 * tooltip since the subtitle holds the value */
static void
build_level (Section *section,
             Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    gtk_widget_set_tooltip_text (row, _(info->description));
  gtk_widget_add_css_class (row, "property");
  gtk_widget_set_name (row, info->name);

  field->control = row;
  set_accessible_name (row, info);
  section_add_row (section, field, row);
}

static void
build_multi_choice (Section *section,
                    Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_expander_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    gtk_widget_set_tooltip_text (row, _(info->description));
  gtk_widget_set_name (row, info->name);

  field->control = row;
  field->checks = g_new0 (GtkWidget *, info->n_choices);
  set_accessible_name (row, info);

  for (guint i = 0; i < info->n_choices; i++)
    {
      GtkWidget *choice_row = adw_action_row_new ();
      GtkWidget *check = gtk_check_button_new ();
      const char *label = _(info->choice_list[i].label);

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (choice_row), label);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (choice_row), FALSE);
      gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
      gtk_widget_set_name (check, info->choice_list[i].id);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                      -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (choice_row), check);
      adw_action_row_set_activatable_widget (ADW_ACTION_ROW (choice_row), check);
      adw_expander_row_add_row (ADW_EXPANDER_ROW (row), choice_row);

      g_signal_connect (check, "toggled", G_CALLBACK (on_check_toggled_cb), field);
      field->checks[i] = check;
    }

  update_multi_choice_subtitle (field);
  section_add_row (section, field, row);
}

static void
build_switch (Section *section,
              Field   *field)
{
  const AimsFieldInfo *info = field->info;
  g_autofree char *title = dup_field_title (info);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *widget = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (info->description != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(info->description));

  gtk_widget_set_valign (widget, GTK_ALIGN_CENTER);
  gtk_widget_set_name (widget, info->name);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), widget);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), widget);

  field->control = widget;
  set_accessible_name (widget, info);

  g_signal_connect (widget, "notify::active", G_CALLBACK (on_switch_active_cb), field);
  section_add_row (section, field, row);
}

/* Links */

static const char *
record_title_field (const AimsTableInfo *table)
{
  return table->title_field != NULL ? table->title_field : "name";
}

static gboolean
table_has_reference (const AimsTableInfo *table)
{
  return aims_table_info_lookup_field (table, "reference") != NULL;
}

static void
link_uuids (LinkGroup   *link,
            const char  *other_uuid,
            const char **first,
            const char **second)
{
  *first = link->spec->self_first ? link->form->uuid : other_uuid;
  *second = link->spec->self_first ? other_uuid : link->form->uuid;
}

static void
on_remove_link_clicked_cb (GtkButton *button,
                           LinkGroup *link)
{
  AimsRecordForm *self = link->form;
  const char *other_uuid = g_object_get_data (G_OBJECT (button), "uuid");
  const char *name = g_object_get_data (G_OBJECT (button), "name");
  g_autoptr(GError) error = NULL;
  const char *first, *second;
  GtkRoot *root;

  if (!is_editable (self))
    return;

  flush_pending (self);

  link_uuids (link, other_uuid, &first, &second);
  if (!aims_store_unlink (self->store, link->spec->link_table, first, second, &error))
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Remove the Link"), error);
      return;
    }

  /* The records stay; like a delete, it can be taken back from the toast */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (AIMS_IS_WINDOW (root))
    {
      /* Toast titles are markup in libadwaita 1.2 */
      g_autofree char *title = g_markup_printf_escaped (_("Removed the link to “%s”"), name);
      AdwToast *toast = adw_toast_new (title);

      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
      aims_window_add_toast (AIMS_WINDOW (root), toast);
    }
}

static void
on_link_row_activated_cb (AdwActionRow *row,
                          LinkGroup    *link)
{
  const char *uuid = g_object_get_data (G_OBJECT (row), "uuid");

  g_signal_emit (link->form, signals [OPEN_RECORD], 0, link->spec->other_table, uuid);
}

/* A linked risk's level as the register shows it: residual, else inherent */
static char *
dup_current_level_name (LinkGroup  *link,
                        AimsRecord *record)
{
  g_autofree char *inherent = NULL;
  g_autofree char *residual = NULL;
  AimsMatrix *matrix;
  gint64 level;

  if (aims_table_info_lookup_field (link->other, "inherent_level") == NULL ||
      (matrix = form_matrix (link->form)) == NULL)
    return NULL;

  inherent = aims_record_dup_text (record, "inherent_level");
  residual = aims_record_dup_text (record, "residual_level");
  if (inherent == NULL)
    return NULL;

  level = residual != NULL ? g_ascii_strtoll (residual, NULL, 10) : -1;
  if (level < 0)
    level = g_ascii_strtoll (inherent, NULL, 10);
  if (level < 0 || level >= aims_matrix_get_n_levels (matrix))
    return NULL;

  return g_strdup (aims_matrix_get_level_name (matrix, (guint) level));
}

/* The group's description counts what is linked, where that is a figure
 * people look for: an AI system's risks */
static void
update_link_count (LinkGroup *link)
{
  guint n;
  g_autofree char *text = NULL;

  if (!g_str_equal (link->spec->other_table, "risk"))
    return;

  n = link->linked != NULL ? g_list_model_get_n_items (G_LIST_MODEL (link->linked)) : 0;
  if (n > 0 && g_str_equal (link->spec->table, "incident"))
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "This incident reveals %u risk",
                                         "This incident reveals %u risks", n),
                            n);
  else if (n > 0)
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u risk concerns this system",
                                         "%u risks concern this system", n),
                            n);
  adw_preferences_group_set_description (link->group, text);
}

static GtkWidget *
create_link_row_cb (gpointer item,
                    gpointer user_data)
{
  LinkGroup *link = user_data;
  AimsRecord *record = item;
  const char *uuid = aims_record_get_uuid (record);
  g_autofree char *name = aims_record_dup_text (record, record_title_field (link->other));
  g_autofree char *reference = NULL;
  g_autofree char *remove_label = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (name == NULL || name[0] == '\0')
    {
      g_free (name);
      name = g_strdup (_("Untitled"));
    }
  if (table_has_reference (link->other))
    reference = aims_record_dup_text (record, "reference");

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  if (reference != NULL && reference[0] != '\0')
    {
      g_autofree char *level = dup_current_level_name (link, record);

      if (level != NULL)
        {
          /* Translators: a linked risk's reference and current level, "R-042 · High" */
          g_autofree char *subtitle = g_strdup_printf (_("%s · %s"), reference, level);

          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
        }
      else
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row), reference);
    }
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (uuid), g_free);

  /* The row's own action comes first, before the way to the record */
  if (link->spec->row_action != NULL)
    {
      /* Translators: the accessible name of a button on a linked record's row, as in
       * Reassess risk “Fraud model evaded by organised rings” */
      g_autofree char *accessible = g_strdup_printf (_("%s “%s”"), _(link->spec->row_accessible),
                                                     name);
      GtkWidget *action = gtk_button_new_with_mnemonic (_(link->spec->row_label));

      gtk_widget_set_valign (action, GTK_ALIGN_CENTER);
      gtk_widget_set_name (action, "row-action");
      gtk_accessible_update_property (GTK_ACCESSIBLE (action),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                      -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (action), link->spec->row_action);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (action), "(ss)", link->form->uuid, uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), action);
    }

  /* Going to the linked record is offered only where someone can show it */
  if (g_signal_has_handler_pending (link->form, signals [OPEN_RECORD], 0, FALSE))
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      g_signal_connect (row, "activated", G_CALLBACK (on_link_row_activated_cb), link);
    }

  button = gtk_button_new_from_icon_name ("list-remove-symbolic");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, _("Remove Link"));
  remove_label = g_strdup_printf (_("Remove link to %s"), name);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, remove_label,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "uuid", g_strdup (uuid), g_free);
  g_object_set_data_full (G_OBJECT (button), "name", g_strdup (name), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_remove_link_clicked_cb), link);
  gtk_widget_set_visible (button, is_editable (link->form));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "remove-button", button);

  return row;
}

static gboolean
candidate_filter_func (gpointer item,
                       gpointer user_data)
{
  LinkGroup *link = user_data;
  AimsRecord *record = item;
  g_autofree char *name = NULL;
  g_autofree char *folded = NULL;

  if (link->linked_uuids != NULL &&
      g_hash_table_contains (link->linked_uuids, aims_record_get_uuid (record)))
    return FALSE;

  if (link->needle == NULL || link->needle[0] == '\0')
    return TRUE;

  name = aims_record_dup_text (record, record_title_field (link->other));
  folded = g_utf8_casefold (name != NULL ? name : "", -1);
  if (strstr (folded, link->needle) != NULL)
    return TRUE;

  if (table_has_reference (link->other))
    {
      g_autofree char *reference = aims_record_dup_text (record, "reference");
      g_autofree char *folded_reference = g_utf8_casefold (reference != NULL ? reference : "", -1);

      return strstr (folded_reference, link->needle) != NULL;
    }

  return FALSE;
}

static void
update_chooser_empty (LinkGroup *link)
{
  guint n = link->candidates != NULL ? g_list_model_get_n_items (G_LIST_MODEL (link->candidates)) : 0;

  if (n > 0)
    {
      gtk_stack_set_visible_child_name (link->chooser_stack, "list");
      return;
    }

  if (link->needle != NULL && link->needle[0] != '\0')
    gtk_label_set_text (link->chooser_empty, _("No matches"));
  else
    gtk_label_set_text (link->chooser_empty, _(link->spec->nothing_to_link));
  gtk_stack_set_visible_child_name (link->chooser_stack, "empty");
}

static void
refresh_linked_uuids (LinkGroup *link)
{
  guint n = link->linked != NULL ? g_list_model_get_n_items (G_LIST_MODEL (link->linked)) : 0;

  g_clear_pointer (&link->linked_uuids, g_hash_table_unref);
  link->linked_uuids = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(AimsRecord) record = g_list_model_get_item (G_LIST_MODEL (link->linked), i);

      g_hash_table_add (link->linked_uuids, g_strdup (aims_record_get_uuid (record)));
    }
}

static void
do_link (LinkGroup  *link,
         AimsRecord *record)
{
  AimsRecordForm *self = link->form;
  g_autoptr(GError) error = NULL;
  g_autofree char *link_uuid = NULL;
  const char *first, *second;

  gtk_popover_popdown (link->popover);

  if (!is_editable (self))
    return;

  flush_pending (self);

  link_uuids (link, aims_record_get_uuid (record), &first, &second);
  link_uuid = aims_store_link (self->store, link->spec->link_table, first, second, &error);
  if (link_uuid == NULL)
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Link the Records"), error);
}

static void
on_chooser_activate_cb (GtkListView *view,
                        guint        position,
                        LinkGroup   *link)
{
  g_autoptr(AimsRecord) record = NULL;

  if (link->candidates == NULL)
    return;

  record = g_list_model_get_item (G_LIST_MODEL (link->candidates), position);
  if (record != NULL)
    do_link (link, record);
}

static void
on_search_changed_cb (GtkSearchEntry *entry,
                      LinkGroup      *link)
{
  g_free (link->needle);
  link->needle = g_utf8_casefold (gtk_editable_get_text (GTK_EDITABLE (entry)), -1);

  if (link->filter != NULL)
    gtk_filter_changed (GTK_FILTER (link->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_chooser_empty (link);
}

static void
on_search_activate_cb (GtkSearchEntry *entry,
                       LinkGroup      *link)
{
  g_autoptr(AimsRecord) record = NULL;

  /* Enter links the first match */
  if (link->candidates != NULL)
    record = g_list_model_get_item (G_LIST_MODEL (link->candidates), 0);
  if (record != NULL)
    do_link (link, record);
}

static void
on_search_stop_cb (GtkSearchEntry *entry,
                   LinkGroup      *link)
{
  gtk_popover_popdown (link->popover);
}

/* The chooser lists the records not linked yet, read fresh each time it
 * opens */
static void
on_popover_show_cb (GtkPopover *popover,
                    LinkGroup  *link)
{
  AimsRecordForm *self = link->form;
  g_autoptr(AimsRecordList) all = NULL;
  GtkNoSelection *selection;

  g_clear_object (&link->candidates);
  g_clear_object (&link->filter);
  gtk_list_view_set_model (link->chooser_view, NULL);

  if (self->store == NULL)
    return;

  refresh_linked_uuids (link);
  gtk_editable_set_text (GTK_EDITABLE (link->search_entry), "");
  g_clear_pointer (&link->needle, g_free);

  all = aims_record_list_new (self->store, link->spec->other_table);
  link->filter = gtk_custom_filter_new (candidate_filter_func, link, NULL);
  link->candidates = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (all)),
                                                GTK_FILTER (g_object_ref (link->filter)));
  g_signal_connect_swapped (link->candidates, "items-changed",
                            G_CALLBACK (update_chooser_empty), link);

  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (link->candidates)));
  gtk_list_view_set_model (link->chooser_view, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);

  update_chooser_empty (link);
  gtk_widget_grab_focus (GTK_WIDGET (link->search_entry));
}

static void
on_popover_closed_cb (GtkPopover *popover,
                      LinkGroup  *link)
{
  /* Do not keep a list of every record while nobody looks at it */
  gtk_list_view_set_model (link->chooser_view, NULL);
  if (link->candidates != NULL)
    g_signal_handlers_disconnect_by_data (link->candidates, link);
  g_clear_object (&link->candidates);
  g_clear_object (&link->filter);
}

static void
on_candidate_setup_cb (GtkSignalListItemFactory *factory,
                       GtkListItem              *item,
                       LinkGroup                *link)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_list_item_set_child (item, box);
}

static void
on_candidate_bind_cb (GtkSignalListItemFactory *factory,
                      GtkListItem              *item,
                      LinkGroup                *link)
{
  AimsRecord *record = gtk_list_item_get_item (item);
  GtkWidget *title = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);
  g_autofree char *name = aims_record_dup_text (record, record_title_field (link->other));
  g_autofree char *reference = NULL;

  if (table_has_reference (link->other))
    reference = aims_record_dup_text (record, "reference");

  gtk_label_set_text (GTK_LABEL (title), name != NULL && name[0] != '\0' ? name : _("Untitled"));
  gtk_label_set_text (GTK_LABEL (subtitle), reference != NULL ? reference : "");
  gtk_widget_set_visible (subtitle, reference != NULL && reference[0] != '\0');
}

static GtkWidget *
create_chooser (LinkGroup *link)
{
  GtkWidget *box, *scroller, *empty;
  GtkListItemFactory *factory;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  link->search_entry = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  g_object_set (link->search_entry, "placeholder-text", _("Search name or reference"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (link->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(link->spec->link_label),
                                  -1);
  g_signal_connect (link->search_entry, "search-changed", G_CALLBACK (on_search_changed_cb), link);
  g_signal_connect (link->search_entry, "activate", G_CALLBACK (on_search_activate_cb), link);
  g_signal_connect (link->search_entry, "stop-search", G_CALLBACK (on_search_stop_cb), link);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (link->search_entry));

  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (on_candidate_setup_cb), link);
  g_signal_connect (factory, "bind", G_CALLBACK (on_candidate_bind_cb), link);
  link->chooser_view = GTK_LIST_VIEW (gtk_list_view_new (NULL, factory));
  gtk_list_view_set_single_click_activate (link->chooser_view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (link->chooser_view), "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (link->chooser_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(link->spec->link_label),
                                  -1);
  g_signal_connect (link->chooser_view, "activate", G_CALLBACK (on_chooser_activate_cb), link);

  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_min_content_width (GTK_SCROLLED_WINDOW (scroller), 260);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (link->chooser_view));

  empty = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (empty), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (empty), 30);
  gtk_widget_set_margin_top (empty, 18);
  gtk_widget_set_margin_bottom (empty, 18);
  gtk_widget_add_css_class (empty, "dim-label");
  link->chooser_empty = GTK_LABEL (empty);

  link->chooser_stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_set_vhomogeneous (link->chooser_stack, FALSE);
  gtk_stack_add_named (link->chooser_stack, scroller, "list");
  gtk_stack_add_named (link->chooser_stack, empty, "empty");
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (link->chooser_stack));

  return box;
}

/* A flat button that runs @action with the record's uuid, set once the
 * record is known */
static GtkWidget *
create_action_button (const char *label,
                      const char *action,
                      const char *name)
{
  GtkWidget *content = adw_button_content_new ();
  GtkWidget *button = gtk_button_new ();

  adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
  adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);
  adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _(label));
  gtk_button_set_child (GTK_BUTTON (button), content);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (""));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_widget_set_name (button, name);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
build_link_group (AimsRecordForm *self,
                  const LinkSpec *spec)
{
  LinkGroup *link = g_new0 (LinkGroup, 1);
  g_autofree char *list_name = NULL;
  GtkWidget *placeholder, *content, *suffix;

  link->form = self;
  link->spec = spec;
  link->other = aims_schema_lookup_table (spec->other_table);
  g_assert (link->other != NULL);

  link->group = ADW_PREFERENCES_GROUP (adw_preferences_group_new ());
  adw_preferences_group_set_title (link->group, _(spec->title));
  gtk_widget_set_name (GTK_WIDGET (link->group), spec->link_table);

  if (spec->link_label != NULL)
    {
      content = adw_button_content_new ();
      adw_button_content_set_icon_name (ADW_BUTTON_CONTENT (content), "list-add-symbolic");
      adw_button_content_set_use_underline (ADW_BUTTON_CONTENT (content), TRUE);

      link->popover = GTK_POPOVER (gtk_popover_new ());
      gtk_popover_set_child (link->popover, create_chooser (link));
      g_signal_connect (link->popover, "show", G_CALLBACK (on_popover_show_cb), link);
      g_signal_connect (link->popover, "closed", G_CALLBACK (on_popover_closed_cb), link);

      adw_button_content_set_label (ADW_BUTTON_CONTENT (content), _("_Link…"));
      link->link_button = gtk_menu_button_new ();
      gtk_menu_button_set_child (GTK_MENU_BUTTON (link->link_button), content);
      gtk_menu_button_set_popover (GTK_MENU_BUTTON (link->link_button), GTK_WIDGET (link->popover));
      gtk_widget_set_tooltip_text (link->link_button, _(spec->link_label));
      gtk_accessible_update_property (GTK_ACCESSIBLE (link->link_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->link_label),
                                      -1);
    }

  /* Adds a new record linked to ours; whoever shows the form provides
   * the action, which makes the button insensitive elsewhere */
  if (spec->add_label != NULL)
    link->add_button = create_action_button (spec->add_label, spec->add_action, "add-linked");
  if (spec->extra_label != NULL)
    link->extra_button = create_action_button (spec->extra_label, spec->extra_action,
                                               "extra-action");

  suffix = link->link_button;
  if ((link->link_button != NULL) + (link->add_button != NULL) + (link->extra_button != NULL) > 1)
    {
      suffix = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
      gtk_widget_set_valign (suffix, GTK_ALIGN_CENTER);
      if (link->link_button != NULL)
        gtk_box_append (GTK_BOX (suffix), link->link_button);
      if (link->add_button != NULL)
        gtk_box_append (GTK_BOX (suffix), link->add_button);
      if (link->extra_button != NULL)
        gtk_box_append (GTK_BOX (suffix), link->extra_button);
    }
  else if (suffix == NULL)
    suffix = link->add_button != NULL ? link->add_button : link->extra_button;

  if (link->link_button != NULL)
    {
      gtk_widget_set_valign (link->link_button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (link->link_button, "flat");
    }
  if (suffix != NULL)
    adw_preferences_group_set_header_suffix (link->group, suffix);

  link->list = GTK_LIST_BOX (gtk_list_box_new ());
  list_name = g_strconcat (spec->link_table, "-list", NULL);
  gtk_widget_set_name (GTK_WIDGET (link->list), list_name);
  gtk_list_box_set_selection_mode (link->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (link->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (link->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _(spec->title),
                                  -1);
  placeholder = gtk_label_new (_(spec->empty));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (link->list, placeholder);
  adw_preferences_group_add (link->group, GTK_WIDGET (link->list));

  adw_preferences_page_add (self->page, link->group);
  g_ptr_array_add (self->groups, link->group);
  g_ptr_array_add (self->links, link);
}

static void
load_links (AimsRecordForm *self)
{
  if (self->risk_impacts != NULL)
    aims_risk_impacts_set_risk (self->risk_impacts, self->store, self->uuid);

  for (guint i = 0; i < self->links->len; i++)
    {
      LinkGroup *link = g_ptr_array_index (self->links, i);

      if (self->store == NULL || self->uuid == NULL)
        {
          gtk_list_box_bind_model (link->list, NULL, NULL, NULL, NULL);
          if (link->linked != NULL)
            g_signal_handlers_disconnect_by_data (link->linked, link);
          g_clear_object (&link->linked);
          update_link_count (link);
          continue;
        }

      if (link->linked == NULL)
        {
          link->linked = aims_record_list_new (self->store, link->spec->other_table);
          aims_record_list_set_linked_to (link->linked, link->spec->link_table, self->uuid);
          gtk_list_box_bind_model (link->list, G_LIST_MODEL (link->linked),
                                   create_link_row_cb, link, NULL);
          g_signal_connect_swapped (link->linked, "items-changed",
                                    G_CALLBACK (update_link_count), link);
        }
      else
        aims_record_list_set_linked_to (link->linked, link->spec->link_table, self->uuid);

      if (link->add_button != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (link->add_button),
                                                g_variant_new_string (self->uuid));
      if (link->extra_button != NULL)
        gtk_actionable_set_action_target_value (GTK_ACTIONABLE (link->extra_button),
                                                g_variant_new_string (self->uuid));
      update_link_count (link);
    }

  if (self->actions_group != NULL)
    aims_actions_group_set_parent (AIMS_ACTIONS_GROUP (self->actions_group),
                                   self->store, self->uuid);

  for (guint i = 0; i < self->extras->len; i++)
    _aims_form_extra_set_record (g_ptr_array_index (self->extras, i), self->store, self->uuid);
}

/* Call after the fields are freed: it may destroy their widgets */
static void
drop_sections (AimsRecordForm *self)
{
  for (guint i = 0; self->sections != NULL && i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (section->attach)
        {
          section->attach = FALSE;
          g_object_unref (section->group);
        }
    }

  g_clear_pointer (&self->sections, g_ptr_array_unref);
}

static void
clear_form (AimsRecordForm *self)
{
  g_clear_handle_id (&self->build_source, g_source_remove);

  g_ptr_array_set_size (self->fields, 0);
  g_ptr_array_set_size (self->links, 0);
  self->risk_impacts = NULL;

  for (guint i = 0; i < self->groups->len; i++)
    {
      GtkWidget *group = g_ptr_array_index (self->groups, i);

      if (gtk_widget_get_parent (group) != NULL)
        adw_preferences_page_remove (self->page, ADW_PREFERENCES_GROUP (group));
    }
  g_ptr_array_set_size (self->groups, 0);
  drop_sections (self);

  self->actions_group = NULL;
  self->durations_group = NULL;
  g_ptr_array_set_size (self->extras, 0);
  self->extras_added = 0;
  self->acceptance_warning = NULL;
  self->acceptance_warning_label = NULL;
  self->table = NULL;
  self->build_next = 0;
}

static Field *
build_field (AimsRecordForm      *self,
             const AimsFieldInfo *info)
{
  Section *section = lookup_section (self, info->group);
  Field *field = g_new0 (Field, 1);

  field->form = self;
  field->info = info;
  g_ptr_array_add (self->fields, field);

  switch (info->widget)
    {
    case AIMS_FIELD_WIDGET_ENTRY:
    case AIMS_FIELD_WIDGET_DATE:
    case AIMS_FIELD_WIDGET_DATETIME:
      build_entry (section, field);
      break;

    case AIMS_FIELD_WIDGET_AI_SYSTEM:
      build_ai_system (section, field);
      break;

    case AIMS_FIELD_WIDGET_TEXT_AREA:
      build_text_area (section, field);
      break;

    case AIMS_FIELD_WIDGET_CHOICE:
      build_choice (section, field);
      break;

    case AIMS_FIELD_WIDGET_MULTI_CHOICE:
      build_multi_choice (section, field);
      break;

    case AIMS_FIELD_WIDGET_SWITCH:
      build_switch (section, field);
      break;

    case AIMS_FIELD_WIDGET_SCORE:
      build_score (section, field);
      break;

    case AIMS_FIELD_WIDGET_LEVEL:
      build_level (section, field);
      break;

    case AIMS_FIELD_WIDGET_HIDDEN:
    default:
      g_assert_not_reached ();
    }

  return field;
}

/* Builds rows, in descriptor order, for about @budget_us. Each row shows
 * the record's value as soon as it exists. Returns whether all are built. */
static void
attach_sections (AimsRecordForm *self)
{
  for (guint i = 0; i < self->sections->len; i++)
    {
      Section *section = g_ptr_array_index (self->sections, i);

      if (section->attach)
        {
          section->attach = FALSE;
          adw_preferences_page_add (self->page, section->group);
          g_object_unref (section->group);
        }
    }
}

static gboolean
build_step (AimsRecordForm *self,
            gint64          budget_us)
{
  gint64 deadline = g_get_monotonic_time () + budget_us;
  const AimsTableInfo *table = self->table;
  gboolean editable = is_editable (self);

  while (self->build_next < table->n_fields)
    {
      const AimsFieldInfo *info = &table->fields[self->build_next++];
      Field *field;

      if (!field_is_shown (info))
        continue;

      if (wants_actions_group (self) && is_after_treatment (self, info))
        add_actions_group (self);
      if (wants_durations_group (self) && is_after_timeline (self, info))
        add_durations_group (self);
      add_extras (self, info->name);

      field = build_field (self, info);
      load_field (self, field);
      set_field_editable (field, editable);

      if (self->build_next < table->n_fields && g_get_monotonic_time () >= deadline)
        {
          attach_sections (self);
          return FALSE;
        }
    }

  if (wants_actions_group (self))
    add_actions_group (self);
  if (wants_durations_group (self))
    add_durations_group (self);
  add_extras (self, NULL);
  attach_sections (self);
  drop_sections (self);
  update_acceptance_warning (self);

  for (guint i = 0; i < G_N_ELEMENTS (link_specs); i++)
    {
      if (g_str_equal (link_specs[i].table, table->name))
        build_link_group (self, &link_specs[i]);
    }

  /* A risk lists the impacts it was made from; the links are made on the
   * assessment's side */
  if (g_str_equal (table->name, "risk"))
    {
      self->risk_impacts = AIMS_RISK_IMPACTS (aims_risk_impacts_new ());
      adw_preferences_page_add (self->page, ADW_PREFERENCES_GROUP (self->risk_impacts));
      g_ptr_array_add (self->groups, self->risk_impacts);
    }
  load_links (self);
  update_editable (self);

  return TRUE;
}

static gboolean
build_idle_cb (gpointer data)
{
  AimsRecordForm *self = data;

  if (!build_step (self, BUILD_STEP_BUDGET_US))
    return G_SOURCE_CONTINUE;

  self->build_source = 0;
  return G_SOURCE_REMOVE;
}

static void
build_form (AimsRecordForm      *self,
            const AimsTableInfo *table)
{
  clear_form (self);

  self->table = table;
  self->sections = g_ptr_array_new_with_free_func (g_free);
  update_found (self);

  if (!build_step (self, BUILD_FIRST_BUDGET_US))
    self->build_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, build_idle_cb, self, NULL);
}

/* Store callbacks */

static void
on_store_changed_cb (AimsRecordForm *self,
                     const char     *table,
                     const char     *uuid,
                     AimsStore      *store)
{
  if (self->table == NULL || self->uuid == NULL)
    return;

  /* The matrix lives in the project record: its labels may have changed */
  if (g_strcmp0 (table, "project") == 0)
    {
      g_clear_object (&self->matrix);
      load_fields (self);
      return;
    }

  if (g_strcmp0 (table, self->table->name) == 0 &&
      (uuid == NULL || g_strcmp0 (uuid, self->uuid) == 0))
    load_fields (self);
}

/* GObject */

static void
aims_record_form_dispose (GObject *object)
{
  AimsRecordForm *self = AIMS_RECORD_FORM (object);

  flush_pending (self);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);

  /* The fields' handlers point into these arrays: free them before the
   * widgets go */
  g_clear_handle_id (&self->build_source, g_source_remove);
  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->links, g_ptr_array_unref);
  self->risk_impacts = NULL;
  drop_sections (self);
  g_clear_pointer (&self->extras, g_ptr_array_unref);
  g_clear_object (&self->matrix);
  g_clear_pointer (&self->groups, g_ptr_array_unref);
  g_clear_object (&self->store);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_RECORD_FORM);

  G_OBJECT_CLASS (aims_record_form_parent_class)->dispose (object);
}

static void
aims_record_form_finalize (GObject *object)
{
  AimsRecordForm *self = AIMS_RECORD_FORM (object);

  g_clear_pointer (&self->uuid, g_free);

  G_OBJECT_CLASS (aims_record_form_parent_class)->finalize (object);
}

static void
aims_record_form_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  AimsRecordForm *self = AIMS_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      g_value_set_boolean (value, self->read_only);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_form_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  AimsRecordForm *self = AIMS_RECORD_FORM (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      aims_record_form_set_read_only (self, g_value_get_boolean (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_record_form_class_init (AimsRecordFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_record_form_dispose;
  object_class->finalize = aims_record_form_finalize;
  object_class->get_property = aims_record_form_get_property;
  object_class->set_property = aims_record_form_set_property;

  /**
   * AimsRecordForm:read-only:
   *
   * Whether the form only shows the record. It also is when the store is
   * read-only.
   */
  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * AimsRecordForm::open-record:
   * @table: the linked record's table
   * @uuid: the linked record
   *
   * A linked record was activated. Rows of linked records are activatable
   * only when this signal has a handler when they are made.
   */
  signals [OPEN_RECORD] =
    g_signal_new ("open-record",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0,
                  NULL, NULL,
                  NULL,
                  G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-record-form.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsRecordForm, page);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "recordform");
}

static void
aims_record_form_init (AimsRecordForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->groups = g_ptr_array_new ();
  self->extras = g_ptr_array_new ();
  self->fields = g_ptr_array_new_with_free_func (field_free);
  self->links = g_ptr_array_new_with_free_func (link_group_free);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  gtk_widget_set_sensitive (GTK_WIDGET (self->page), FALSE);
}

/* Public API */

GtkWidget *
aims_record_form_new (void)
{
  return g_object_new (AIMS_TYPE_RECORD_FORM, NULL);
}

/**
 * aims_record_form_set_record:
 * @store: (nullable): the store holding the record
 * @table: the record's table, such as "ai_system"
 * @uuid: (nullable): the record; %NULL shows an empty, insensitive form
 *
 * Shows a record. Text still waiting for a pause in typing is recorded in
 * the previous record first. The rows are built again only when @table
 * differs from the last one; otherwise only the values are read.
 */
void
aims_record_form_set_record (AimsRecordForm *self,
                             AimsStore      *store,
                             const char     *table,
                             const char     *uuid)
{
  const AimsTableInfo *info;

  g_return_if_fail (AIMS_IS_RECORD_FORM (self));
  g_return_if_fail (store == NULL || AIMS_IS_STORE (store));
  g_return_if_fail (table != NULL);

  info = aims_schema_lookup_table (table);
  g_return_if_fail (info != NULL);

  flush_pending (self);
  clear_errors (self);

  if (self->store != store)
    {
      /* Record lists belong to one store */
      for (guint i = 0; i < self->links->len; i++)
        {
          LinkGroup *link = g_ptr_array_index (self->links, i);

          gtk_list_box_bind_model (link->list, NULL, NULL, NULL, NULL);
          if (link->linked != NULL)
            g_signal_handlers_disconnect_by_data (link->linked, link);
          g_clear_object (&link->linked);
        }

      g_set_object (&self->store, store);
      g_signal_group_set_target (self->store_signals, store);
      g_clear_object (&self->matrix);
    }

  g_free (self->uuid);
  self->uuid = g_strdup (uuid);

  if (self->table != info)
    {
      build_form (self, info);
      return;
    }

  load_fields (self);
  load_links (self);
  update_editable (self);
}

/**
 * aims_record_form_get_store:
 *
 * Returns: (transfer none) (nullable): the store of the record shown
 */
AimsStore *
aims_record_form_get_store (AimsRecordForm *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_FORM (self), NULL);

  return self->store;
}

/**
 * aims_record_form_get_table:
 *
 * Returns: (nullable): the table of the record shown
 */
const char *
aims_record_form_get_table (AimsRecordForm *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_FORM (self), NULL);

  return self->table != NULL ? self->table->name : NULL;
}

/**
 * aims_record_form_get_uuid:
 *
 * Returns: (nullable): the record shown
 */
const char *
aims_record_form_get_uuid (AimsRecordForm *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_FORM (self), NULL);

  return self->uuid;
}

/**
 * aims_record_form_flush:
 *
 * Records text that is still waiting for a pause in typing. Call it before
 * saving, undoing, or acting on the record elsewhere.
 */
void
aims_record_form_flush (AimsRecordForm *self)
{
  g_return_if_fail (AIMS_IS_RECORD_FORM (self));

  flush_pending (self);
}

gboolean
aims_record_form_get_read_only (AimsRecordForm *self)
{
  g_return_val_if_fail (AIMS_IS_RECORD_FORM (self), FALSE);

  return self->read_only;
}

/**
 * aims_record_form_set_read_only:
 * @read_only: whether the rows only show values
 *
 * Text still waiting for a pause in typing is recorded first.
 */
void
aims_record_form_set_read_only (AimsRecordForm *self,
                                gboolean        read_only)
{
  g_return_if_fail (AIMS_IS_RECORD_FORM (self));

  read_only = !!read_only;
  if (self->read_only == read_only)
    return;

  flush_pending (self);
  self->read_only = read_only;
  update_editable (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_READ_ONLY]);
}
