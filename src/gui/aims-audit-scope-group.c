/* aims-audit-scope-group.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* An audit's scope inside its form (ISO/IEC 42001 9.2.2): the clauses 4 to
 * 10 and the Annex A control objectives, each an expander with a check for
 * all of it and a check per sub-clause or control. Every check is one undo
 * step. Once the audit has started its checklist is made, so the scope can
 * only be read. */

#define G_LOG_DOMAIN "aims-audit-scope-group"

#include "config.h"

#include "aims-audit-scope-group.h"

#include "aims-error-dialog.h"

#include <glib/gi18n.h>

struct _AimsAuditScopeGroup
{
  AdwPreferencesGroup  parent_instance;

  /* Owned references */
  AimsStore           *store;
  GSignalGroup        *store_signals;
  char                *audit;
  GHashTable          *checks;    /* catalogue id → GtkCheckButton (owned by the rows) */
  GPtrArray           *order;     /* the ids, in catalogue order */

  guint                read_only : 1;
  guint                loading : 1;
};

enum {
  PROP_0,
  PROP_READ_ONLY,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

G_DEFINE_FINAL_TYPE (AimsAuditScopeGroup, aims_audit_scope_group, ADW_TYPE_PREFERENCES_GROUP)

static const char *
parent_of (const char *id)
{
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  AimsCatalogItem *item = catalog != NULL ? aims_catalog_lookup (catalog, id) : NULL;

  return item != NULL ? aims_catalog_item_get_parent_id (item) : NULL;
}

/* Whether an ancestor of @id is in @ids */
static gboolean
is_under (GHashTable *ids,
          const char *id)
{
  for (const char *parent = parent_of (id); parent != NULL; parent = parent_of (parent))
    {
      if (g_hash_table_contains (ids, parent))
        return TRUE;
    }

  return FALSE;
}

static gboolean
is_editable (AimsAuditScopeGroup *self)
{
  g_autofree char *status = NULL;

  if (self->read_only || self->store == NULL || self->audit == NULL ||
      aims_store_get_read_only (self->store))
    return FALSE;

  status = aims_store_dup_text (self->store, "audit", self->audit, "status", NULL);
  return g_strcmp0 (status, "planned") == 0;
}

static void
load (AimsAuditScopeGroup *self)
{
  g_auto(GStrv) scope = NULL;
  g_auto(GStrv) requirements = NULL;
  g_autofree char *json = NULL;
  g_autoptr(GHashTable) chosen = g_hash_table_new (g_str_hash, g_str_equal);
  gboolean editable = is_editable (self);
  g_autofree char *description = NULL;

  if (self->store != NULL && self->audit != NULL)
    {
      json = aims_store_dup_text (self->store, "audit", self->audit, "scope", NULL);
      scope = aims_audit_parse_scope (json, NULL);
      requirements = aims_audit_expand_scope (aims_catalog_get_default (NULL), json, NULL);
    }

  for (guint i = 0; scope != NULL && scope[i] != NULL; i++)
    g_hash_table_add (chosen, scope[i]);

  self->loading = TRUE;
  for (guint i = 0; i < self->order->len; i++)
    {
      const char *id = g_ptr_array_index (self->order, i);
      GtkWidget *check = g_hash_table_lookup (self->checks, id);
      gboolean under_chosen = is_under (chosen, id);

      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   g_hash_table_contains (chosen, id) || under_chosen);
      gtk_widget_set_sensitive (check, editable && !under_chosen);
    }
  self->loading = FALSE;

  if (scope == NULL || scope[0] == NULL)
    description = g_strdup (_("Choose the clauses and Annex A controls this audit covers."));
  else
    {
      g_autofree char *ids = g_strjoinv (", ", scope);
      guint n = requirements != NULL ? g_strv_length (requirements) : 0;

      /* Translators: an audit's scope, "9.2, A.6: 11 requirements" */
      description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s: %u requirement",
                                                  "%s: %u requirements", n),
                                     ids, n);
    }
  if (!editable && self->audit != NULL && self->store != NULL && !self->read_only)
    {
      g_autofree char *whole = g_strdup_printf ("%s %s", description,
                                                _("The scope is fixed once the audit has "
                                                  "started."));
      g_free (description);
      description = g_steal_pointer (&whole);
    }
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), description);
}

static void
on_check_toggled_cb (GtkCheckButton      *check,
                     AimsAuditScopeGroup *self)
{
  const char *id = g_object_get_data (G_OBJECT (check), "id");
  g_autoptr(GPtrArray) ids = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) just_id = g_hash_table_new (g_str_hash, g_str_equal);
  g_auto(GStrv) scope = NULL;
  gboolean active = gtk_check_button_get_active (check);

  if (self->loading || !is_editable (self))
    return;

  g_hash_table_add (just_id, (gpointer) id);
  scope = aims_audit_dup_scope (self->store, self->audit, NULL);
  for (guint i = 0; scope != NULL && scope[i] != NULL; i++)
    {
      /* A whole clause or objective stands for its parts */
      if (g_str_equal (scope[i], id) || (active && is_under (just_id, scope[i])))
        continue;
      g_ptr_array_add (ids, scope[i]);
    }
  if (active)
    g_ptr_array_add (ids, (gpointer) id);
  g_ptr_array_add (ids, NULL);

  if (!aims_audit_set_scope (self->store, self->audit, (const char * const *) ids->pdata, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Change the Scope"), error);

  load (self);
}

static GtkWidget *
add_check (AimsAuditScopeGroup *self,
           const char          *id,
           const char          *label)
{
  GtkWidget *check = gtk_check_button_new ();

  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_widget_set_name (check, id);
  g_object_set_data_full (G_OBJECT (check), "id", g_strdup (id), g_free);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_signal_connect_object (check, "toggled", G_CALLBACK (on_check_toggled_cb), self, 0);
  g_hash_table_insert (self->checks, g_strdup (id), check);
  g_ptr_array_add (self->order, g_strdup (id));

  return check;
}

/* An expander for a clause or objective, with a row per part */
static void
add_part (AimsAuditScopeGroup *self,
          GtkWidget           *expander,
          AimsCatalogItem     *part,
          guint                depth)
{
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  const char *id = aims_catalog_item_get_id (part);
  g_autofree char *part_title = g_strdup_printf ("%s %s", id, aims_catalog_item_get_title (part));
  GListModel *children = aims_catalog_get_children (catalog, id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), part_title);
  check = add_check (self, id, part_title);
  /* Sub-clauses are indented under their clause */
  gtk_widget_set_margin_start (check, 24 * depth);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);

  for (guint i = 0; i < g_list_model_get_n_items (children); i++)
    {
      g_autoptr(AimsCatalogItem) child = g_list_model_get_item (children, i);

      add_part (self, expander, child, depth + 1);
    }
}

static void
add_branch (AimsAuditScopeGroup *self,
            AimsCatalogItem     *item,
            GListModel          *parts,
            gboolean             is_clause)
{
  const char *id = aims_catalog_item_get_id (item);
  g_autofree char *title = NULL;
  g_autofree char *whole = NULL;
  GtkWidget *expander = adw_expander_row_new ();
  GtkWidget *check;

  if (is_clause)
    /* Translators: a clause in an audit's scope, "Clause 9 Performance evaluation" */
    title = g_strdup_printf (_("Clause %s %s"), id, aims_catalog_item_get_title (item));
  else
    /* Translators: an Annex A control objective, "A.6 AI system life cycle" */
    title = g_strdup_printf (_("%s %s"), id, aims_catalog_item_get_title (item));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (expander), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (expander), title);
  {
    g_autofree char *name = g_strconcat ("scope-", id, NULL);

    gtk_widget_set_name (expander, name);
  }
  /* Translators: the accessible name of the check for a whole clause */
  whole = g_strdup_printf (_("All of %s"), title);
  check = add_check (self, id, whole);
  gtk_widget_set_tooltip_text (check, whole);
  adw_expander_row_add_prefix (ADW_EXPANDER_ROW (expander), check);

  for (guint i = 0; i < g_list_model_get_n_items (parts); i++)
    {
      g_autoptr(AimsCatalogItem) part = g_list_model_get_item (parts, i);

      add_part (self, expander, part, 0);
    }

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), expander);
}

static void
build (AimsAuditScopeGroup *self)
{
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  GListModel *roots;

  if (catalog == NULL)
    return;

  roots = aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CLAUSE);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(AimsCatalogItem) clause = g_list_model_get_item (roots, i);

      add_branch (self, clause, aims_catalog_get_children (catalog, aims_catalog_item_get_id (clause)),
                  TRUE);
    }

  roots = aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE);
  for (guint i = 0; i < g_list_model_get_n_items (roots); i++)
    {
      g_autoptr(AimsCatalogItem) objective = g_list_model_get_item (roots, i);

      add_branch (self, objective,
                  aims_catalog_get_controls (catalog, aims_catalog_item_get_id (objective)),
                  FALSE);
    }
}

static void
on_store_changed_cb (AimsAuditScopeGroup *self,
                     const char          *table,
                     const char          *uuid,
                     AimsStore           *store)
{
  if (self->audit != NULL && (table == NULL || g_strcmp0 (table, "audit") == 0) &&
      (uuid == NULL || g_strcmp0 (uuid, self->audit) == 0))
    load (self);
}

/* GObject */

static void
aims_audit_scope_group_dispose (GObject *object)
{
  AimsAuditScopeGroup *self = AIMS_AUDIT_SCOPE_GROUP (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_audit_scope_group_parent_class)->dispose (object);
}

static void
aims_audit_scope_group_finalize (GObject *object)
{
  AimsAuditScopeGroup *self = AIMS_AUDIT_SCOPE_GROUP (object);

  g_clear_pointer (&self->audit, g_free);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_clear_pointer (&self->order, g_ptr_array_unref);

  G_OBJECT_CLASS (aims_audit_scope_group_parent_class)->finalize (object);
}

static void
aims_audit_scope_group_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  AimsAuditScopeGroup *self = AIMS_AUDIT_SCOPE_GROUP (object);

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
aims_audit_scope_group_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  AimsAuditScopeGroup *self = AIMS_AUDIT_SCOPE_GROUP (object);

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
aims_audit_scope_group_class_init (AimsAuditScopeGroupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = aims_audit_scope_group_dispose;
  object_class->finalize = aims_audit_scope_group_finalize;
  object_class->get_property = aims_audit_scope_group_get_property;
  object_class->set_property = aims_audit_scope_group_set_property;

  properties [PROP_READ_ONLY] =
    g_param_spec_boolean ("read-only", NULL, NULL,
                          FALSE,
                          (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
aims_audit_scope_group_init (AimsAuditScopeGroup *self)
{
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->order = g_ptr_array_new_with_free_func (g_free);

  gtk_widget_set_name (GTK_WIDGET (self), "audit-scope");
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Scope"));

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);

  build (self);
  load (self);
}

/* Public API */

GtkWidget *
aims_audit_scope_group_new (void)
{
  return g_object_new (AIMS_TYPE_AUDIT_SCOPE_GROUP, NULL);
}

/**
 * aims_audit_scope_group_set_audit:
 * @store: (nullable): the store holding the audit
 * @audit: (nullable): the audit whose scope to show
 */
void
aims_audit_scope_group_set_audit (AimsAuditScopeGroup *self,
                                  AimsStore           *store,
                                  const char          *audit)
{
  g_return_if_fail (AIMS_IS_AUDIT_SCOPE_GROUP (self));

  if (store == NULL)
    audit = NULL;

  g_set_object (&self->store, store);
  g_signal_group_set_target (self->store_signals, store);
  g_free (self->audit);
  self->audit = g_strdup (audit);

  load (self);
}
