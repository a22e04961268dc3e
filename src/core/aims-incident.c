/* aims-incident.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* AI incidents (ISO/IEC 42001 A.8.4, issue 8): recording one, the rules of
 * its timeline, how long it took to detect and to resolve, and the risks it
 * reveals.
 *
 * Times are the organisation's wall-clock times written YYYY-MM-DDTHH:MM
 * and read as UTC, so a duration is plain arithmetic and never shifts with
 * the time zone of whoever opens the file. The figures module averages the
 * durations over a period; this file only knows one incident.
 *
 * "Reassess risk" writes nothing. A new score already dates the risk's
 * assessment and moves its next review by the matrix; setting the next
 * review to today by hand would make it a manual date that outlives the
 * reassessment and keeps the risk due for ever. So the shortcut checks the
 * risk is one the incident reveals, returns it for the GUI to open, and
 * says whether its last assessment predates the incident. */

#define G_LOG_DOMAIN "aims-incident"

#include "config.h"

#include "aims-incident.h"
#include "aims-incident-private.h"

#include "aims-links.h"
#include "aims-risks.h"
#include "aims-rules.h"
#include "aims-sqlite-private.h"
#include "aims-store-private.h"

#include <glib/gi18n.h>
#include <string.h>

/* The timeline, in the order its times must keep */
static const char * const time_fields[] = {
  "occurred", "detected", "responded", "resolved", NULL
};

static const char *
text_of (GHashTable *record,
         const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value == NULL || !g_variant_is_of_type (value, G_VARIANT_TYPE_STRING))
    return "";

  return g_variant_get_string (value, NULL);
}

static gboolean
bool_of (GHashTable *record,
         const char *name)
{
  GVariant *value = g_hash_table_lookup (record, name);

  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_BOOLEAN))
    return g_variant_get_boolean (value);
  if (value != NULL && g_variant_is_of_type (value, G_VARIANT_TYPE_INT64))
    return g_variant_get_int64 (value) != 0;

  return FALSE;
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
involves (const char *field,
          const char *name)
{
  return field == NULL || g_str_equal (field, name);
}

static const char *
label_of_name (const AimsTableInfo *table,
               const char          *name)
{
  return _(aims_table_info_lookup_field (table, name)->label);
}

static gboolean
is_incident_table (const AimsTableInfo *table)
{
  return table != NULL && g_str_equal (table->name, "incident");
}

/* Times */

/**
 * aims_incident_parse_time:
 * @text: a time written YYYY-MM-DDTHH:MM
 *
 * Reads a wall-clock time of an incident, as UTC.
 *
 * Returns: (transfer full) (nullable): the time, or %NULL unless @text is
 *   written YYYY-MM-DDTHH:MM and exists (2026-02-30T10:00 and
 *   2026-03-14T24:00 do not)
 */
GDateTime *
aims_incident_parse_time (const char *text)
{
  g_autoptr(GTimeZone) utc = NULL;
  g_autofree char *full = NULL;

  if (text == NULL || strlen (text) != 16 || text[4] != '-' || text[7] != '-' ||
      text[10] != 'T' || text[13] != ':')
    return NULL;

  for (guint i = 0; i < 16; i++)
    {
      if (i != 4 && i != 7 && i != 10 && i != 13 && !g_ascii_isdigit (text[i]))
        return NULL;
    }

  /* GLib 2.74 wants the seconds */
  utc = g_time_zone_new_utc ();
  full = g_strconcat (text, ":00", NULL);

  return g_date_time_new_from_iso8601 (full, utc);
}

/**
 * aims_incident_time_is_valid:
 * @text: a time
 *
 * Returns: %TRUE if @text is a time written YYYY-MM-DDTHH:MM that exists
 */
gboolean
aims_incident_time_is_valid (const char *text)
{
  g_autoptr(GDateTime) time = aims_incident_parse_time (text);

  return time != NULL;
}

/**
 * aims_incident_format_duration:
 * @span: a duration
 *
 * Writes a duration as people read it, to the minute: "45 min",
 * "3 h 20 min", "2 d 4 h". Seconds are dropped; negative spans read as 0.
 *
 * Returns: (transfer full): the text
 */
char *
aims_incident_format_duration (GTimeSpan span)
{
  gint64 minutes = MAX (span, 0) / G_TIME_SPAN_MINUTE;
  guint days = (guint) (minutes / (24 * 60));
  guint hours = (guint) ((minutes / 60) % 24);
  guint mins = (guint) (minutes % 60);

  if (days > 0 && hours > 0)
    /* Translators: a duration in days and hours, "2 d 4 h" */
    return g_strdup_printf (_("%u d %u h"), days, hours);
  if (days > 0)
    /* Translators: a duration in days, "3 d" */
    return g_strdup_printf (_("%u d"), days);
  if (hours > 0 && mins > 0)
    /* Translators: a duration in hours and minutes, "3 h 20 min" */
    return g_strdup_printf (_("%u h %u min"), hours, mins);
  if (hours > 0)
    /* Translators: a duration in hours, "5 h" */
    return g_strdup_printf (_("%u h"), hours);

  /* Translators: a duration in minutes, "45 min" */
  return g_strdup_printf (_("%u min"), mins);
}

static gboolean
span_between (const char *from,
              const char *to,
              GTimeSpan  *span)
{
  g_autoptr(GDateTime) start = aims_incident_parse_time (from);
  g_autoptr(GDateTime) end = aims_incident_parse_time (to);

  if (start == NULL || end == NULL || g_date_time_compare (end, start) < 0)
    return FALSE;

  *span = g_date_time_difference (end, start);
  return TRUE;
}

/**
 * aims_incident_compute_durations:
 * @occurred: (nullable): when the incident occurred, YYYY-MM-DDTHH:MM
 * @detected: (nullable): when it was detected
 * @resolved: (nullable): when it was resolved
 * @durations: (out): the durations
 *
 * Time to detect is @detected − @occurred and time to resolve is @resolved −
 * @detected; each is there only when both of its times are.
 */
void
aims_incident_compute_durations (const char            *occurred,
                                 const char            *detected,
                                 const char            *resolved,
                                 AimsIncidentDurations *durations)
{
  g_return_if_fail (durations != NULL);

  memset (durations, 0, sizeof *durations);
  durations->has_time_to_detect = span_between (occurred, detected, &durations->time_to_detect);
  durations->has_time_to_resolve = span_between (detected, resolved,
                                                 &durations->time_to_resolve);
}

/**
 * aims_incident_get_durations:
 * @store: a #AimsStore
 * @incident: an incident
 * @durations: (out): its durations
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the incident was found
 */
gboolean
aims_incident_get_durations (AimsStore              *store,
                             const char             *incident,
                             AimsIncidentDurations  *durations,
                             GError                **error)
{
  g_autoptr(GHashTable) record = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);
  g_return_val_if_fail (durations != NULL, FALSE);

  record = _aims_store_dup_record (store, aims_schema_lookup_table ("incident"), incident, error);
  if (record == NULL)
    return FALSE;

  aims_incident_compute_durations (text_of (record, "occurred"), text_of (record, "detected"),
                                   text_of (record, "resolved"), durations);
  return TRUE;
}

/* Rules */

static gboolean
check_time (const AimsFieldInfo  *field,
            GHashTable           *record,
            GError              **error)
{
  const char *text = text_of (record, field->name);
  g_autofree char *shown = NULL;

  if (text[0] == '\0' || aims_incident_time_is_valid (text))
    return TRUE;

  shown = _aims_text_for_message (text, -1);
  g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_INVALID_DATE,
               /* Translators: Detected: “2026-02-30T10:00” is not a date and time that
                * exists; write it as YYYY-MM-DDTHH:MM, for example 2026-03-14T09:30. Keep
                * YYYY-MM-DDTHH:MM: it is the format to type. */
               _("%s: “%s” is not a date and time that exists; write it as YYYY-MM-DDTHH:MM, "
                 "for example 2026-03-14T09:30."),
               _(field->label), shown);
  return FALSE;
}

/* Occurred ≤ detected ≤ responded ≤ resolved, among the times that are set.
 * The message names the field being edited. */
static gboolean
check_order (const AimsTableInfo  *table,
             GHashTable           *record,
             const char           *field,
             GError              **error)
{
  for (guint i = 0; time_fields[i] != NULL; i++)
    {
      for (guint j = i + 1; time_fields[j] != NULL; j++)
        {
          const char *earlier = time_fields[i];
          const char *later = time_fields[j];
          g_autoptr(GDateTime) a = NULL;
          g_autoptr(GDateTime) b = NULL;

          if (!involves (field, earlier) && !involves (field, later))
            continue;

          a = aims_incident_parse_time (text_of (record, earlier));
          b = aims_incident_parse_time (text_of (record, later));
          if (a == NULL || b == NULL || g_date_time_compare (a, b) <= 0)
            continue;

          if (g_strcmp0 (field, earlier) == 0)
            g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         /* Translators: Occurred: 2026-03-12T10:00 is after “Detected”
                          * (2026-03-11T09:00). */
                         _("%s: %s is after “%s” (%s)."),
                         label_of_name (table, earlier), text_of (record, earlier),
                         label_of_name (table, later), text_of (record, later));
          else
            g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_DATE_ORDER,
                         /* Translators: Resolved: 2026-03-10T08:00 is before “Detected”
                          * (2026-03-11T09:00). */
                         _("%s: %s is before “%s” (%s)."),
                         label_of_name (table, later), text_of (record, later),
                         label_of_name (table, earlier), text_of (record, earlier));
          return FALSE;
        }
    }

  return TRUE;
}

/* A resolved or closed incident says when it was resolved. */
static gboolean
check_resolved (const AimsTableInfo  *table,
                GHashTable           *record,
                const char           *field,
                GError              **error)
{
  const char *status = text_of (record, "status");

  if (!(g_str_equal (status, "resolved") || g_str_equal (status, "closed")) ||
      !is_blank (text_of (record, "resolved")))
    return TRUE;

  if (g_strcmp0 (field, "resolved") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                 /* Translators: Resolved: required while the incident is resolved or closed;
                  * set its “Status” back to open first. */
                 _("%s: required while the incident is resolved or closed; set its “%s” back "
                   "to open first."),
                 label_of_name (table, "resolved"), label_of_name (table, "status"));
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                 /* Translators: Status: a resolved or closed incident needs the time it was
                  * resolved; fill in “Resolved” first. */
                 _("%s: a resolved or closed incident needs the time it was resolved; fill in "
                   "“%s” first."),
                 label_of_name (table, "status"), label_of_name (table, "resolved"));
  return FALSE;
}

/* An incident reported to an authority names the authority. */
static gboolean
check_authority (const AimsTableInfo  *table,
                 GHashTable           *record,
                 const char           *field,
                 GError              **error)
{
  if (!bool_of (record, "reportable") || is_blank (text_of (record, "reported_on")) ||
      !is_blank (text_of (record, "authority")))
    return TRUE;

  if (g_strcmp0 (field, "authority") == 0)
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                 /* Translators: Authority: required once the incident is reported (on
                  * 2026-03-20). */
                 _("%s: required once the incident is reported (on %s)."),
                 label_of_name (table, "authority"), text_of (record, "reported_on"));
  else
    g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                 /* Translators: Reported on: a reported incident needs the authority it was
                  * reported to; fill in “Authority” first. */
                 _("%s: a reported incident needs the authority it was reported to; fill in "
                   "“%s” first."),
                 g_strcmp0 (field, "reportable") == 0 ? label_of_name (table, "reportable")
                                                       : label_of_name (table, "reported_on"),
                 label_of_name (table, "authority"));
  return FALSE;
}

/*
 * _aims_incident_check_record:
 *
 * The rules of date-and-time fields, for any table, and of an incident's
 * record: its timeline in order, resolved and closed incidents resolved,
 * reported incidents naming the authority. With @field, only the rules that
 * involve it.
 */
gboolean
_aims_incident_check_record (const AimsTableInfo  *table,
                             GHashTable           *record,
                             const char           *field,
                             GError              **error)
{
  g_assert (table != NULL);
  g_assert (record != NULL);

  for (guint i = 0; i < table->n_fields; i++)
    {
      const AimsFieldInfo *info = &table->fields[i];

      if (info->widget == AIMS_FIELD_WIDGET_DATETIME && involves (field, info->name) &&
          !check_time (info, record, error))
        return FALSE;
    }

  if (!is_incident_table (table))
    return TRUE;

  if (!check_order (table, record, field, error))
    return FALSE;

  if ((involves (field, "status") || involves (field, "resolved")) &&
      !check_resolved (table, record, field, error))
    return FALSE;

  if ((involves (field, "reportable") || involves (field, "reported_on") ||
       involves (field, "authority")) &&
      !check_authority (table, record, field, error))
    return FALSE;

  return TRUE;
}

/* Records */

static void
put_text (GHashTable *values,
          const char *name,
          const char *text)
{
  g_hash_table_insert (values, (gpointer) name, g_variant_ref_sink (g_variant_new_string (text)));
}

/**
 * aims_incident_create:
 * @store: a #AimsStore
 * @system: (nullable): the AI system it happened in
 * @title: what happened, in a few words
 * @error: return location for a #GError
 *
 * Records a new incident with the next free reference (INC-001, INC-002…),
 * open, of medium severity and type "other" until a person says more.
 *
 * Returns: (transfer full) (nullable): the new incident's uuid
 */
char *
aims_incident_create (AimsStore   *store,
                      const char  *system,
                      const char  *title,
                      GError     **error)
{
  g_autoptr(GHashTable) values = NULL;
  g_autofree char *reference = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if (system != NULL)
    {
      /* Says which system is missing, rather than a foreign key's words */
      g_autofree char *name = aims_store_dup_text (store, "ai_system", system, "name", error);

      if (name == NULL)
        return NULL;
    }

  reference = aims_store_next_reference (store, "incident");
  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_variant_unref);
  put_text (values, "reference", reference);
  put_text (values, "title", title);
  if (system != NULL)
    put_text (values, "system", system);

  return aims_store_insert (store, "incident", values, error);
}

/**
 * aims_incident_link_risk:
 * @store: a #AimsStore
 * @incident: an incident
 * @risk: a risk it reveals
 * @error: return location for a #GError
 *
 * Links the incident with a risk it reveals, as one undo step; linking them
 * again changes nothing.
 *
 * Returns: (transfer full) (nullable): the link's uuid
 */
char *
aims_incident_link_risk (AimsStore   *store,
                         const char  *incident,
                         const char  *risk,
                         GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  return aims_store_link (store, "incident_risk", incident, risk, error);
}

/**
 * aims_incident_unlink_risk:
 * @store: a #AimsStore
 * @incident: an incident
 * @risk: a risk linked to it
 * @error: return location for a #GError
 *
 * Removes the link, as one undo step; both records stay.
 *
 * Returns: %TRUE if the link was removed
 */
gboolean
aims_incident_unlink_risk (AimsStore   *store,
                           const char  *incident,
                           const char  *risk,
                           GError     **error)
{
  g_return_val_if_fail (AIMS_IS_STORE (store), FALSE);
  g_return_val_if_fail (incident != NULL, FALSE);
  g_return_val_if_fail (risk != NULL, FALSE);

  return aims_store_unlink (store, "incident_risk", incident, risk, error);
}

/**
 * aims_incident_add_risk:
 * @store: a #AimsStore
 * @incident: an incident
 * @title: the new risk's title
 * @error: return location for a #GError
 *
 * Adds a risk of the incident's AI system (as aims_risks_add_for_system()
 * does) and links it to the incident, as one undo step.
 *
 * Returns: (transfer full) (nullable): the new risk's uuid
 */
char *
aims_incident_add_risk (AimsStore   *store,
                        const char  *incident,
                        const char  *title,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GVariant) exists = NULL;
  g_autoptr(GVariant) system = NULL;
  g_autofree char *risk = NULL;
  g_autofree char *link = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (title != NULL, NULL);

  if ((exists = aims_store_get (store, "incident", incident, "uuid", error)) == NULL)
    return NULL;

  system = aims_store_get (store, "incident", incident, "system", NULL);
  if (system == NULL || !g_variant_is_of_type (system, G_VARIANT_TYPE_STRING) ||
      g_variant_get_string (system, NULL)[0] == '\0')
    {
      g_set_error (error, AIMS_RULE_ERROR, AIMS_RULE_ERROR_REQUIRED,
                   _("The incident names no AI system; choose its AI system first."));
      return NULL;
    }

  aims_store_begin_group (store, _("Add a risk an incident reveals"));
  if ((risk = aims_risks_add_for_system (store, g_variant_get_string (system, NULL), title,
                                         &local_error)) == NULL ||
      (link = aims_incident_link_risk (store, incident, risk, &local_error)) == NULL)
    {
      aims_store_abort_group (store);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!aims_store_end_group (store, error))
    return NULL;

  return g_steal_pointer (&risk);
}

/**
 * aims_incident_list_risks:
 * @store: a #AimsStore
 * @incident: an incident
 *
 * Returns: (transfer full): the risks the incident reveals, following the
 *   store's changes
 */
AimsRecordList *
aims_incident_list_risks (AimsStore  *store,
                          const char *incident)
{
  AimsRecordList *list;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);

  list = aims_record_list_new (store, "risk");
  aims_record_list_set_linked_to (list, "incident_risk", incident);

  return list;
}

/**
 * aims_incident_list_for_risk:
 * @store: a #AimsStore
 * @risk: a risk
 *
 * Returns: (transfer full): the incidents that reveal the risk, following the
 *   store's changes
 */
AimsRecordList *
aims_incident_list_for_risk (AimsStore  *store,
                             const char *risk)
{
  AimsRecordList *list;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  list = aims_record_list_new (store, "incident");
  aims_record_list_set_linked_to (list, "incident_risk", risk);

  return list;
}

/**
 * aims_incident_reassess_risk:
 * @store: a #AimsStore
 * @incident: an incident
 * @risk: a risk the incident reveals
 * @note: (out) (optional) (transfer full): one sentence for the person about
 *   to reassess: whether the risk was last assessed before the incident
 * @error: return location for a #GError
 *
 * The "Reassess risk" shortcut. It writes nothing (see the top of this
 * file): the risk's page is where a new score is given, and giving it dates
 * the assessment and moves the next review.
 *
 * Returns: (transfer full) (nullable): the risk to open, or %NULL with
 *   %AIMS_STORE_ERROR_NOT_FOUND if the incident does not reveal it
 */
char *
aims_incident_reassess_risk (AimsStore   *store,
                             const char  *incident,
                             const char  *risk,
                             char       **note,
                             GError     **error)
{
  g_autofree char *link = NULL;
  g_autofree char *reference = NULL;
  g_autofree char *assessed = NULL;
  g_autofree char *occurred = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (incident != NULL, NULL);
  g_return_val_if_fail (risk != NULL, NULL);

  if ((reference = aims_store_dup_text (store, "risk", risk, "reference", error)) == NULL ||
      (occurred = aims_store_dup_text (store, "incident", incident, "occurred", error)) == NULL)
    return NULL;

  link = aims_store_dup_link_uuid (store, "incident_risk", incident, risk);
  if (link == NULL)
    {
      g_set_error (error, AIMS_STORE_ERROR, AIMS_STORE_ERROR_NOT_FOUND,
                   _("The incident does not reveal risk %s; link it to the incident first."),
                   reference);
      return NULL;
    }

  if (note != NULL)
    {
      assessed = aims_store_dup_text (store, "risk", risk, "assessed", NULL);

      if (assessed == NULL || assessed[0] == '\0')
        *note = g_strdup_printf (_("Risk %s has not been assessed yet; give it a score."),
                                 reference);
      else if (occurred[0] != '\0' && strncmp (assessed, occurred, 10) <= 0)
        *note = g_strdup_printf (_("Risk %s was last assessed on %s, before the incident "
                                   "occurred; give it a new score."),
                                 reference, assessed);
      else
        *note = g_strdup_printf (_("Risk %s was last assessed on %s; check its score still "
                                   "holds."),
                                 reference, assessed);
    }

  return g_strdup (risk);
}
