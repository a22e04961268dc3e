/* aims-audit-checklist.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An audit's checklist inside its form (ISO/IEC 42001 9.2): "Start Audit"
 * while it is planned, then one expander per requirement of its scope, in
 * catalogue order, with the result, the evidence seen and "Raise Finding"
 * for a nonconformity, observation or opportunity. Rows follow the store
 * in place, so typing evidence is not interrupted by other edits. */

#define G_LOG_DOMAIN "aims-audit-checklist"

#include "config.h"

#include "aims-audit-checklist.h"

#include "aims-error-dialog.h"
#include "aims-window.h"

#include <glib/gi18n.h>

struct _AimsAuditChecklist
{
  AdwPreferencesGroup  parent_instance;

  /* Widgets, owned by the group */
  GtkWidget           *start_button;
  GtkListBox          *list;

  /* Owned references */
  AimsStore           *store;
  GSignalGroup        *store_signals;
  char                *audit;
  char               **items;     /* the checklist lines shown, in order */
  GtkStringList       *results;   /* the result labels, "" first */

  guint                read_only : 1;
  guint                loading : 1;
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsAuditChecklist, aims_audit_checklist, ADW_TYPE_PREFERENCES_GROUP)

static const AimsFieldInfo *
result_field (void)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table ("audit_item"), "result");
}

static gboolean
is_editable (AimsAuditChecklist *self)
{
  return !self->read_only && self->store != NULL && self->audit != NULL &&
         !aims_store_get_read_only (self->store);
}

static gboolean
raises_finding (const char *result)
{
  return g_strcmp0 (result, "minor-nonconformity") == 0 ||
         g_strcmp0 (result, "major-nonconformity") == 0 ||
         g_strcmp0 (result, "observation") == 0 || g_strcmp0 (result, "improvement") == 0;
}

static const char *
result_label (const char *result)
{
  if (result == NULL || result[0] == '\0')
    return _("Not checked yet");
  return aims_choice_label (result_field (), result);
}

static guint
result_index (const char *result)
{
  const AimsFieldInfo *field = result_field ();

  for (guint i = 0; field->choices[i] != NULL; i++)
    {
      if (g_strcmp0 (field->choices[i], result) == 0)
        return i;
    }

  return 0;
}

static void
show_error (AimsAuditChecklist *self,
            const char         *title,
            GError             *error)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (AIMS_IS_WINDOW (root))
    aims_window_add_toast (AIMS_WINDOW (root), adw_toast_new (error->message));
  else
    aims_show_error_dialog (GTK_WIDGET (self), title, error);
}

/* One line's widgets, found by name */
static GtkWidget *
row_part (GtkWidget  *row,
          const char *part)
{
  return g_object_get_data (G_OBJECT (row), part);
}

static void
update_row (AimsAuditChecklist *self,
            GtkWidget          *row)
{
  const char *item = g_object_get_data (G_OBJECT (row), "uuid");
  g_autofree char *result = aims_store_dup_text (self->store, "audit_item", item, "result", NULL);
  g_autofree char *evidence = aims_store_dup_text (self->store, "audit_item", item,
                                                   "evidence_seen", NULL);
  GtkWidget *entry = row_part (row, "evidence_seen");
  gboolean editable = is_editable (self);

  if (result == NULL)
    return;

  self->loading = TRUE;
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (row), result_label (result));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row_part (row, "result")), result_index (result));
  /* Text being typed stays until applied */
  if (gtk_widget_get_focus_child (entry) == NULL || !editable)
    gtk_editable_set_text (GTK_EDITABLE (entry), evidence != NULL ? evidence : "");
  gtk_widget_set_sensitive (row_part (row, "result"), editable);
  gtk_editable_set_editable (GTK_EDITABLE (entry), editable);
  gtk_widget_set_sensitive (row_part (row, "raise-finding"), editable && raises_finding (result));
  self->loading = FALSE;
}

static void
on_result_selected_cb (AdwComboRow        *combo,
                       GParamSpec         *pspec,
                       AimsAuditChecklist *self)
{
  const char *item = g_object_get_data (G_OBJECT (combo), "uuid");
  guint selected = adw_combo_row_get_selected (combo);
  g_autoptr(GError) error = NULL;

  if (self->loading || !is_editable (self) || selected == GTK_INVALID_LIST_POSITION)
    return;

  if (!aims_audit_record_result (self->store, item, result_field ()->choices[selected], NULL,
                                 &error))
    show_error (self, _("Could Not Record the Result"), error);
}

static void
on_evidence_apply_cb (AdwEntryRow        *entry,
                      AimsAuditChecklist *self)
{
  const char *item = g_object_get_data (G_OBJECT (entry), "uuid");
  g_autoptr(GError) error = NULL;

  if (!is_editable (self))
    return;

  if (!aims_store_update (self->store, "audit_item", item, "evidence_seen",
                          g_variant_new_string (gtk_editable_get_text (GTK_EDITABLE (entry))),
                          &error))
    show_error (self, _("Could Not Record the Evidence"), error);
}

static void
on_raise_clicked_cb (GtkButton          *button,
                     AimsAuditChecklist *self)
{
  const char *item = g_object_get_data (G_OBJECT (button), "uuid");
  g_autoptr(GError) error = NULL;
  g_autofree char *finding = NULL;
  GtkRoot *root;

  if (!is_editable (self))
    return;

  if ((finding = aims_audit_raise_finding (self->store, item, &error)) == NULL)
    {
      show_error (self, _("Could Not Raise the Finding"), error);
      return;
    }

  /* The new finding, ready to describe */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (AIMS_IS_WINDOW (root))
    aims_window_show_record (AIMS_WINDOW (root), "finding", finding);
}

static GtkWidget *
create_row (AimsAuditChecklist *self,
            const char         *item)
{
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  g_autofree char *requirement = aims_store_dup_text (self->store, "audit_item", item,
                                                      "requirement", NULL);
  AimsCatalogItem *entry = catalog != NULL && requirement != NULL
                           ? aims_catalog_lookup (catalog, requirement) : NULL;
  g_autofree char *title = g_strdup_printf ("%s %s", requirement != NULL ? requirement : "",
                                            entry != NULL ? aims_catalog_item_get_title (entry)
                                                          : "");
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *combo, *evidence, *action, *button;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_name (row, requirement != NULL ? requirement : "");
  g_object_set_data_full (G_OBJECT (row), "uuid", g_strdup (item), g_free);

  combo = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (combo), _("Result"));
  adw_combo_row_set_model (ADW_COMBO_ROW (combo), G_LIST_MODEL (self->results));
  gtk_widget_set_name (combo, "result");
  g_object_set_data_full (G_OBJECT (combo), "uuid", g_strdup (item), g_free);
  g_signal_connect_object (combo, "notify::selected", G_CALLBACK (on_result_selected_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), combo);
  g_object_set_data (G_OBJECT (row), "result", combo);

  evidence = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (evidence), _("Evidence seen"));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (evidence), TRUE);
  gtk_widget_set_name (evidence, "evidence_seen");
  g_object_set_data_full (G_OBJECT (evidence), "uuid", g_strdup (item), g_free);
  g_signal_connect_object (evidence, "apply", G_CALLBACK (on_evidence_apply_cb), self, 0);
  g_signal_connect_object (evidence, "entry-activated", G_CALLBACK (on_evidence_apply_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), evidence);
  g_object_set_data (G_OBJECT (row), "evidence_seen", evidence);

  action = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (action), _("Finding"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (action),
                               _("For a nonconformity, observation or opportunity for "
                                 "improvement"));
  button = gtk_button_new_with_mnemonic (_("_Raise Finding"));
  gtk_widget_set_name (button, "raise-finding");
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  g_object_set_data_full (G_OBJECT (button), "uuid", g_strdup (item), g_free);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_raise_clicked_cb), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (action), button);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), action);
  g_object_set_data (G_OBJECT (row), "raise-finding", button);

  return row;
}

static void
update_summary (AimsAuditChecklist *self)
{
  guint n = self->items != NULL ? g_strv_length (self->items) : 0;
  guint checked = 0, nonconforming = 0;
  g_autofree char *status = NULL;
  g_autofree char *text = NULL;

  if (self->store != NULL && self->audit != NULL)
    status = aims_store_dup_text (self->store, "audit", self->audit, "status", NULL);
  gtk_widget_set_visible (self->start_button,
                          is_editable (self) && g_strcmp0 (status, "planned") == 0 && n == 0);

  for (guint i = 0; i < n; i++)
    {
      g_autofree char *result = aims_store_dup_text (self->store, "audit_item", self->items[i],
                                                     "result", NULL);

      checked += result != NULL && result[0] != '\0';
      nonconforming += g_strcmp0 (result, "minor-nonconformity") == 0 ||
                       g_strcmp0 (result, "major-nonconformity") == 0;
    }

  if (n == 0)
    text = g_strdup (_("Starting the audit makes its checklist from the scope: one line per "
                       "requirement."));
  else
    {
      g_autofree char *found = NULL;

      /* Translators: the second part of an audit checklist's progress */
      found = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u nonconformity",
                                            "%u nonconformities", nonconforming),
                               nonconforming);
      /* Translators: an audit checklist's progress, "5 of 11 checked · 1 nonconformity" */
      text = g_strdup_printf (_("%u of %u checked · %s"), checked, n, found);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
}

static void
load (AimsAuditChecklist *self)
{
  g_auto(GStrv) items = NULL;
  gboolean same;

  if (self->store != NULL && self->audit != NULL)
    items = aims_audit_dup_checklist (self->store, self->audit, NULL);

  same = items != NULL && self->items != NULL &&
         g_strv_equal ((const char * const *) items, (const char * const *) self->items);

  if (!same)
    {
      GtkWidget *child;

      while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list))) != NULL)
        gtk_list_box_remove (self->list, child);
      g_strfreev (self->items);
      self->items = g_steal_pointer (&items);
      for (guint i = 0; self->items != NULL && self->items[i] != NULL; i++)
        gtk_list_box_append (self->list, create_row (self, self->items[i]));
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (ADW_IS_EXPANDER_ROW (row))
        update_row (self, row);
    }

  update_summary (self);
}

static void
on_start_clicked_cb (GtkButton          *button,
                     AimsAuditChecklist *self)
{
  g_autoptr(GError) error = NULL;

  if (!is_editable (self))
    return;

  if (!aims_audit_start (self->store, self->audit, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Start the Audit"), error);
}

static void
on_store_changed_cb (AimsAuditChecklist *self,
                     const char         *table,
                     const char         *uuid,
                     AimsStore          *store)
{
  if (self->audit != NULL &&
      (table == NULL || g_strcmp0 (table, "audit") == 0 || g_strcmp0 (table, "audit_item") == 0))
    load (self);
}

/* GObject */

static void
aims_audit_checklist_dispose (GObject *object)
{
  AimsAuditChecklist *self = AIMS_AUDIT_CHECKLIST (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);
  g_clear_object (&self->results);

  G_OBJECT_CLASS (aims_audit_checklist_parent_class)->dispose (object);
}

static void
aims_audit_checklist_finalize (GObject *object)
{
  AimsAuditChecklist *self = AIMS_AUDIT_CHECKLIST (object);

  g_clear_pointer (&self->audit, g_free);
  g_clear_pointer (&self->items, g_strfreev);

  G_OBJECT_CLASS (aims_audit_checklist_parent_class)->finalize (object);
}

static void
aims_audit_checklist_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  AimsAuditChecklist *self = AIMS_AUDIT_CHECKLIST (object);

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
aims_audit_checklist_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  AimsAuditChecklist *self = AIMS_AUDIT_CHECKLIST (object);

  switch (prop_id)
    {
    case PROP_READ_ONLY:
      if (self->read_only != g_value_get_boolean (value))
        {
          self->read_only = g_value_get_boolean (value);
          load (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
aims_audit_checklist_class_init (AimsAuditChecklistClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_audit_checklist_dispose;
  object_class->finalize = aims_audit_checklist_finalize;
  object_class->get_property = aims_audit_checklist_get_property;
  object_class->set_property = aims_audit_checklist_set_property;

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_audit_checklist_init (AimsAuditChecklist *self)
{
  const AimsFieldInfo *field = result_field ();
  GtkWidget *placeholder;

  gtk_widget_set_name (GTK_WIDGET (self), "audit-checklist");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Checklist"));

  self->results = gtk_string_list_new (NULL);
  for (guint i = 0; field->choices[i] != NULL; i++)
    gtk_string_list_append (self->results, result_label (field->choices[i]));

  self->start_button = gtk_button_new_with_mnemonic (_("_Start Audit"));
  gtk_widget_set_name (self->start_button, "start-audit");
  gtk_widget_set_valign (self->start_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (self->start_button,
                               _("Make the checklist from the scope and mark the audit in "
                                 "progress"));
  gtk_widget_add_css_class (self->start_button, "suggested-action");
  g_signal_connect_object (self->start_button, "clicked", G_CALLBACK (on_start_clicked_cb),
                           self, 0);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), self->start_button);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->list), "audit_item-list");
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Checklist"), -1);
  placeholder = gtk_label_new (_("No checklist yet. Choose the scope, then start the audit."));
  gtk_label_set_wrap (GTK_LABEL (placeholder), TRUE);
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_widget_set_margin_start (placeholder, 12);
  gtk_widget_set_margin_end (placeholder, 12);
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_list_box_set_placeholder (self->list, placeholder);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), GTK_WIDGET (self->list));

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  update_summary (self);
}

/* Public API */

GtkWidget *
aims_audit_checklist_new (void)
{
  return g_object_new (AIMS_TYPE_AUDIT_CHECKLIST, NULL);
}

/**
 * aims_audit_checklist_set_audit:
 * @store: (nullable): the store holding the audit
 * @audit: (nullable): the audit whose checklist to show
 */
void
aims_audit_checklist_set_audit (AimsAuditChecklist *self,
                                AimsStore          *store,
                                const char         *audit)
{
  g_return_if_fail (AIMS_IS_AUDIT_CHECKLIST (self));

  if (store == NULL)
    audit = NULL;

  if (self->store == store && g_strcmp0 (self->audit, audit) == 0)
    return;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_free (self->audit);
  self->audit = g_strdup (audit);
  g_clear_pointer (&self->items, g_strfreev);

  load (self);
}

/**
 * aims_audit_checklist_find_row:
 * @requirement: a requirement of the checklist, such as "9.2.2"
 *
 * Returns: (transfer none) (nullable): its row, an #AdwExpanderRow whose
 *   "result", "evidence_seen" and "raise-finding" widgets are object data
 */
GtkWidget *
aims_audit_checklist_find_row (AimsAuditChecklist *self,
                               const char         *requirement)
{
  g_return_val_if_fail (AIMS_IS_AUDIT_CHECKLIST (self), NULL);

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (g_strcmp0 (gtk_widget_get_name (row), requirement) == 0)
        return row;
    }

  return NULL;
}
