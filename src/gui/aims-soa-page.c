/* aims-soa-page.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The Controls (SoA) section: the 38 Annex A controls grouped by their
 * objective, with filters (implementation, applicability, owner) and the
 * progress of each objective. A control's page shows its description, the
 * risks it treats, our NIST AI RMF crosswalk and its evidence, with its
 * Statement of Applicability fields to edit.
 *
 * The generic record form (aims-record-form.c) edits a record that exists;
 * a control's entry is made on its first edit and keeps applicability and
 * implementation together (aims_soa_set()), so this page has its own rows. */

#define G_LOG_DOMAIN "aims-soa-page"

#include "config.h"

#include <adwaita.h>

#include "aims-soa-page.h"

#include "aims-deferred-refresh.h"
#include "aims-error-dialog.h"
#include "aims-file-chooser.h"
#include "aims-soa-evidence.h"
#include "aims-text-field.h"

#include <glib/gi18n.h>

static const char * const applicability_ids[] = { "", "applicable", "excluded" };

struct _AimsSoaPage
{
  GtkWidget     parent_instance;

  /* Template widgets */
  GtkStack     *stack;
  GtkBox       *filter_box;
  GtkWidget    *export_button;
  GtkLabel     *summary_label;
  GtkBox       *groups_box;
  GtkLabel     *control_title;
  GtkBox       *control_box;

  /* Built in init */
  GtkDropDown  *status_dropdown;
  GtkDropDown  *applicability_dropdown;
  GtkDropDown  *owner_dropdown;
  GtkStringList *owners;
  AimsSoaEvidence *evidence;    /* kept across rebuilds of the control's page */

  /* Owned references */
  AimsDocument *document;
  GSignalGroup *store_signals;
  GPtrArray    *entries;
  char         *control_id;     /* the control shown, or NULL */
  char         *summary;

  /* Rebuilt in an idle while shown, when shown again after changes */
  AimsDeferredRefresh refresh;
  guint         updating : 1;
};

G_DEFINE_FINAL_TYPE (AimsSoaPage, aims_soa_page, GTK_TYPE_WIDGET)

static void refresh       (AimsSoaPage *self);
static void queue_refresh (AimsSoaPage *self);

static AimsStore *
get_store (AimsSoaPage *self)
{
  return self->document != NULL ? aims_document_get_store (self->document) : NULL;
}

static gboolean
is_writable (AimsSoaPage *self)
{
  return self->document != NULL && !aims_document_get_read_only (self->document);
}

static const AimsFieldInfo *
soa_field (const char *name)
{
  return aims_table_info_lookup_field (aims_schema_lookup_table ("soa_entry"), name);
}

static AimsSoaEntry *
lookup_entry (AimsSoaPage *self,
              const char  *control_id)
{
  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      AimsSoaEntry *entry = g_ptr_array_index (self->entries, i);

      if (g_strcmp0 (aims_soa_entry_get_control_id (entry), control_id) == 0)
        return entry;
    }

  return NULL;
}

static void
set_field (AimsSoaPage *self,
           const char  *field,
           const char  *value)
{
  g_autoptr(GError) error = NULL;

  if (self->updating || get_store (self) == NULL || self->control_id == NULL)
    return;

  if (!aims_soa_set (get_store (self), self->control_id, field, g_variant_new_string (value),
                     &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("The control could not be changed"), error);

  /* Later: the row that called us must outlive its own signal */
  queue_refresh (self);
}

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))) != NULL)
    gtk_box_remove (box, child);
}

static char *
entry_subtitle (AimsSoaEntry *entry)
{
  const char *applicability = aims_soa_entry_get_applicability (entry);
  GString *text = g_string_new (NULL);

  g_string_append (text, applicability[0] != '\0'
                         ? aims_choice_label (soa_field ("applicability"), applicability)
                         : _("Not decided"));
  g_string_append_printf (text, " · %s",
                          aims_choice_label (soa_field ("implementation"),
                                             aims_soa_entry_get_implementation (entry)));
  if (aims_soa_entry_get_owner (entry)[0] != '\0')
    g_string_append_printf (text, " · %s", aims_soa_entry_get_owner (entry));
  if (aims_soa_entry_get_risks (entry) != NULL)
    {
      guint n = g_strv_length ((char **) aims_soa_entry_get_risks (entry));

      g_string_append (text, " · ");
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "treats %u risk",
                                                 "treats %u risks", n), n);
    }

  return g_string_free (text, FALSE);
}

/* Filters */

static const char *
selected_string (GtkDropDown *dropdown)
{
  GObject *item = gtk_drop_down_get_selected_item (dropdown);

  return GTK_IS_STRING_OBJECT (item) ? gtk_string_object_get_string (GTK_STRING_OBJECT (item))
                                     : NULL;
}

static gboolean
entry_visible (AimsSoaPage  *self,
               AimsSoaEntry *entry)
{
  const AimsFieldInfo *implementation = soa_field ("implementation");
  guint status = gtk_drop_down_get_selected (self->status_dropdown);
  guint applicability = gtk_drop_down_get_selected (self->applicability_dropdown);
  guint owner = gtk_drop_down_get_selected (self->owner_dropdown);

  if (status > 0 && status != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (implementation->choice_list[status - 1].id,
                 aims_soa_entry_get_implementation (entry)) != 0)
    return FALSE;

  if (applicability > 0 && applicability != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (applicability_ids[applicability - 1],
                 aims_soa_entry_get_applicability (entry)) != 0)
    return FALSE;

  if (owner > 0 && owner != GTK_INVALID_LIST_POSITION &&
      g_strcmp0 (selected_string (self->owner_dropdown), aims_soa_entry_get_owner (entry)) != 0)
    return FALSE;

  return TRUE;
}

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return g_utf8_collate (*(const char * const *) a, *(const char * const *) b);
}

static void
update_owners (AimsSoaPage *self)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autofree char *selected = g_strdup (gtk_drop_down_get_selected (self->owner_dropdown) > 0
                                        ? selected_string (self->owner_dropdown) : NULL);
  guint position = 0;

  for (guint i = 0; self->entries != NULL && i < self->entries->len; i++)
    {
      const char *owner = aims_soa_entry_get_owner (g_ptr_array_index (self->entries, i));
      gboolean seen = owner[0] == '\0';

      for (guint j = 0; j < names->len && !seen; j++)
        seen = g_str_equal (g_ptr_array_index (names, j), owner);
      if (!seen)
        g_ptr_array_add (names, (gpointer) owner);
    }
  g_ptr_array_sort (names, compare_names);

  self->updating = TRUE;
  gtk_string_list_splice (self->owners, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->owners)) - 1, NULL);
  for (guint i = 0; i < names->len; i++)
    {
      gtk_string_list_append (self->owners, g_ptr_array_index (names, i));
      if (g_strcmp0 (selected, g_ptr_array_index (names, i)) == 0)
        position = i + 1;
    }
  gtk_drop_down_set_selected (self->owner_dropdown, position);
  self->updating = FALSE;
}

/* The list */

static void
on_row_activated_cb (AdwActionRow *row,
                     AimsSoaPage  *self)
{
  aims_soa_page_show_control (self, g_object_get_data (G_OBJECT (row), "control-id"));
}

static void
build_list (AimsSoaPage *self)
{
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  GListModel *objectives;
  AimsSoaSummary all;

  clear_box (self->groups_box);
  if (catalog == NULL || self->entries == NULL)
    return;

  aims_soa_summarize (self->entries, NULL, &all);
  g_free (self->summary);
  self->summary = g_strdup_printf (_("%u of %u applicable controls implemented (%.0f%%); "
                                     "%u excluded, %u not decided"),
                                   all.n_implemented, all.n_applicable,
                                   100.0 * aims_soa_summary_get_fraction (&all),
                                   all.n_excluded, all.n_undecided);
  gtk_label_set_text (self->summary_label, self->summary);

  objectives = aims_catalog_get_roots (catalog, AIMS_CATALOG_KIND_CONTROL_OBJECTIVE);
  for (guint o = 0; o < g_list_model_get_n_items (objectives); o++)
    {
      g_autoptr(AimsCatalogItem) objective = g_list_model_get_item (objectives, o);
      const char *objective_id = aims_catalog_item_get_id (objective);
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;
      AimsSoaSummary summary;
      GtkWidget *group, *bar;
      guint n_shown = 0;

      aims_soa_summarize (self->entries, objective_id, &summary);
      title = g_strdup_printf ("%s %s", objective_id, aims_catalog_item_get_title (objective));
      description = g_strdup_printf (_("%u of %u applicable controls implemented"),
                                     summary.n_implemented, summary.n_applicable);

      group = adw_preferences_group_new ();
      adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
      bar = gtk_progress_bar_new ();
      gtk_progress_bar_set_fraction (GTK_PROGRESS_BAR (bar),
                                     aims_soa_summary_get_fraction (&summary));
      gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
      gtk_widget_set_size_request (bar, 120, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      description, -1);
      adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (group), bar);

      for (guint i = 0; i < self->entries->len; i++)
        {
          AimsSoaEntry *entry = g_ptr_array_index (self->entries, i);
          AimsCatalogItem *control = aims_soa_entry_get_control (entry);
          g_autofree char *row_title = NULL;
          g_autofree char *subtitle = NULL;
          GtkWidget *row;

          if (aims_soa_entry_get_objective (entry) != objective || !entry_visible (self, entry))
            continue;

          row_title = g_strdup_printf ("%s %s", aims_catalog_item_get_id (control),
                                       aims_catalog_item_get_title (control));
          subtitle = entry_subtitle (entry);
          row = adw_action_row_new ();
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), row_title);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                     gtk_image_new_from_icon_name ("go-next-symbolic"));
          gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
          g_object_set_data_full (G_OBJECT (row), "control-id",
                                  g_strdup (aims_catalog_item_get_id (control)), g_free);
          g_signal_connect_object (row, "activated", G_CALLBACK (on_row_activated_cb), self, 0);
          adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
          n_shown++;
        }

      if (n_shown > 0)
        gtk_box_append (self->groups_box, group);
      else
        g_object_ref_sink (group), g_object_unref (group);
    }
}

/* A control's page */

static void
apply_applicability (AimsSoaPage *self,
                     const char  *value)
{
  set_field (self, "applicability", value);
}

static void
on_exclude_response_cb (AdwMessageDialog *dialog,
                        const char       *response,
                        AimsSoaPage      *self)
{
  if (g_strcmp0 (response, "exclude") == 0)
    apply_applicability (self, "excluded");
  else
    queue_refresh (self);
}

static void
on_applicability_selected_cb (AdwComboRow *row,
                              GParamSpec  *pspec,
                              AimsSoaPage *self)
{
  guint selected = adw_combo_row_get_selected (row);
  g_autofree char *warning = NULL;
  GtkRoot *root;
  GtkWidget *dialog;

  if (self->updating || selected >= G_N_ELEMENTS (applicability_ids))
    return;

  if (!g_str_equal (applicability_ids[selected], "excluded") || get_store (self) == NULL ||
      (warning = aims_soa_dup_exclusion_warning (get_store (self), self->control_id)) == NULL)
    {
      apply_applicability (self, applicability_ids[selected]);
      return;
    }

  /* A control that treats risks is excluded only after a warning */
  root = gtk_widget_get_root (GTK_WIDGET (self));
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   _("Exclude a Control That Treats Risks?"), warning);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "exclude", _("_Exclude"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "exclude",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_exclude_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_implementation_selected_cb (AdwComboRow *row,
                               GParamSpec  *pspec,
                               AimsSoaPage *self)
{
  const AimsFieldInfo *field = soa_field ("implementation");
  guint selected = adw_combo_row_get_selected (row);

  if (!self->updating && selected < field->n_choices)
    set_field (self, "implementation", field->choice_list[selected].id);
}

static void
on_entry_apply_cb (AdwEntryRow *row,
                   AimsSoaPage *self)
{
  set_field (self, g_object_get_data (G_OBJECT (row), "field"),
             gtk_editable_get_text (GTK_EDITABLE (row)));
}

static GtkWidget *
text_row (AimsSoaPage  *self,
          const char   *field,
          const char   *value)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(soa_field (field)->label));
  adw_entry_row_set_show_apply_button (ADW_ENTRY_ROW (row), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (row), value);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect_object (row, "apply", G_CALLBACK (on_entry_apply_cb), self, 0);
  gtk_widget_set_sensitive (row, is_writable (self));
  if (soa_field (field)->description != NULL)
    gtk_widget_set_tooltip_text (row, _(soa_field (field)->description));

  return row;
}

static void
on_text_area_apply_cb (AimsTextField *field,
                       AimsSoaPage   *self)
{
  g_autofree char *text = aims_text_field_dup_text (field);

  set_field (self, gtk_widget_get_name (GTK_WIDGET (field)), text);
}

/* Justification and "how it is implemented" are paragraphs: a text area
 * that saves, as the entry rows do, when the person applies it. */
static GtkWidget *
text_area (AimsSoaPage *self,
           const char  *field,
           const char  *value)
{
  const AimsFieldInfo *info = soa_field (field);
  GtkWidget *area = aims_text_field_new (_(info->label),
                                         info->description != NULL ? _(info->description) : NULL);

  gtk_widget_set_name (area, field);
  aims_text_field_set_text (AIMS_TEXT_FIELD (area), value);
  gtk_text_view_set_editable (aims_text_field_get_view (AIMS_TEXT_FIELD (area)),
                              is_writable (self));
  g_signal_connect_object (area, "apply", G_CALLBACK (on_text_area_apply_cb), self, 0);

  return area;
}

static GtkWidget *
info_row (const char *title,
          const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  return row;
}

static void
build_control (AimsSoaPage *self)
{
  const AimsFieldInfo *implementation = soa_field ("implementation");
  AimsSoaEntry *entry = lookup_entry (self, self->control_id);
  AimsCatalog *catalog = aims_catalog_get_default (NULL);
  g_autoptr(GtkStringList) applicability_model = NULL;
  g_autoptr(GtkStringList) implementation_model = NULL;
  g_autofree char *title = NULL;
  const char * const *risks;
  AimsCatalogItem *control;
  GListModel *crosswalk;
  GtkWidget *label, *group, *row;

  clear_box (self->control_box);
  if (entry == NULL || catalog == NULL)
    return;

  self->updating = TRUE;
  control = aims_soa_entry_get_control (entry);
  title = g_strdup_printf ("%s %s", aims_catalog_item_get_id (control),
                           aims_catalog_item_get_title (control));
  gtk_label_set_text (self->control_title, title);

  label = gtk_label_new (aims_catalog_item_get_description (control));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (self->control_box, label);

  /* The SoA fields */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group),
                                   _("Statement of Applicability"));

  applicability_model = gtk_string_list_new (NULL);
  gtk_string_list_append (applicability_model, _("Not decided"));
  gtk_string_list_append (applicability_model, aims_choice_label (soa_field ("applicability"),
                                                                  "applicable"));
  gtk_string_list_append (applicability_model, aims_choice_label (soa_field ("applicability"),
                                                                  "excluded"));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("Applicability"));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (applicability_model));
  for (guint i = 0; i < G_N_ELEMENTS (applicability_ids); i++)
    if (g_str_equal (applicability_ids[i], aims_soa_entry_get_applicability (entry)))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_applicability_selected_cb),
                           self, 0);
  gtk_widget_set_sensitive (row, is_writable (self));
  gtk_widget_set_name (row, "applicability");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  gtk_box_append (self->control_box, group);
  gtk_box_append (self->control_box,
                  text_area (self, "justification", aims_soa_entry_get_justification (entry)));
  group = adw_preferences_group_new ();

  implementation_model = gtk_string_list_new (NULL);
  for (guint i = 0; i < implementation->n_choices; i++)
    gtk_string_list_append (implementation_model, _(implementation->choice_list[i].label));
  row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(implementation->label));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (implementation_model));
  for (guint i = 0; i < implementation->n_choices; i++)
    if (g_str_equal (implementation->choice_list[i].id, aims_soa_entry_get_implementation (entry)))
      adw_combo_row_set_selected (ADW_COMBO_ROW (row), i);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (on_implementation_selected_cb),
                           self, 0);
  gtk_widget_set_sensitive (row, is_writable (self));
  gtk_widget_set_name (row, "implementation");
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);

  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             text_row (self, "owner", aims_soa_entry_get_owner (entry)));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             text_row (self, "last_reviewed",
                                       aims_soa_entry_get_last_reviewed (entry)));
  gtk_box_append (self->control_box, group);
  gtk_box_append (self->control_box,
                  text_area (self, "how_implemented",
                             aims_soa_entry_get_how_implemented (entry)));

  /* Linked risks */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Risks It Treats"));
  risks = aims_soa_entry_get_risks (entry);
  if (risks == NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                           _("No risk in the register names this control."));
  for (guint i = 0; risks != NULL && risks[i] != NULL; i++)
    adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), info_row (risks[i], NULL));
  gtk_box_append (self->control_box, group);

  /* Evidence */
  aims_soa_evidence_set_control (self->evidence, get_store (self), self->control_id,
                                 is_writable (self));
  gtk_box_append (self->control_box, GTK_WIDGET (self->evidence));

  /* Our crosswalk */
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("NIST AI RMF Crosswalk"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         aims_catalog_get_crosswalk_source (catalog));
  crosswalk = aims_catalog_get_crosswalk (catalog, aims_catalog_item_get_id (control));
  for (guint i = 0; i < g_list_model_get_n_items (crosswalk); i++)
    {
      g_autoptr(AimsCatalogItem) item = g_list_model_get_item (crosswalk, i);
      const char *text = aims_catalog_item_get_description (item);

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                                 info_row (aims_catalog_item_get_id (item),
                                           text != NULL && text[0] != '\0'
                                           ? text : aims_catalog_item_get_title (item)));
    }
  gtk_box_append (self->control_box, group);

  self->updating = FALSE;
}

/* Refresh */

static void
refresh (AimsSoaPage *self)
{
  g_autoptr(GError) error = NULL;

  aims_deferred_refresh_done (&self->refresh);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  /* A hidden page holds no rows: the section stack measures every page on
   * each resize. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      aims_deferred_refresh_mark_stale (&self->refresh);
      clear_box (self->groups_box);
      clear_box (self->control_box);
      return;
    }

  if (get_store (self) != NULL)
    {
      self->entries = aims_soa_load (get_store (self), &error);
      if (self->entries == NULL)
        g_warning ("Could not load the Statement of Applicability: %s", error->message);
    }

  update_owners (self);
  build_list (self);
  if (self->control_id != NULL)
    build_control (self);
}

static void
refresh_deferred (GtkWidget *widget,
                  gboolean   shown_again)
{
  refresh (AIMS_SOA_PAGE (widget));
}

static void
queue_refresh (AimsSoaPage *self)
{
  aims_deferred_refresh_queue (&self->refresh);
}

static void
on_store_changed_cb (AimsSoaPage *self,
                     const char  *table,
                     const char  *uuid,
                     AimsStore   *store)
{
  if ((g_strcmp0 (table, "soa_entry") == 0 || g_strcmp0 (table, "evidence") == 0 ||
       g_strcmp0 (table, "risk_control") == 0 || g_strcmp0 (table, "risk") == 0))
    queue_refresh (self);
}

static void
on_filter_changed_cb (AimsSoaPage *self)
{
  if (!self->updating)
    build_list (self);
}

static void
on_unmap_cb (AimsSoaPage *self)
{
  aims_deferred_refresh_mark_stale (&self->refresh);
  clear_box (self->groups_box);
  clear_box (self->control_box);
}

static void
aims_soa_page_back_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *param)
{
  AimsSoaPage *self = AIMS_SOA_PAGE (widget);

  g_clear_pointer (&self->control_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/* Export */

static void
on_export_chosen_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(AimsSoaPage) self = user_data;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = aims_file_chooser_finish (result, NULL);
  if (file != NULL && !aims_soa_page_export (self, file, &error))
    aims_show_error_dialog (GTK_WIDGET (self),
                            _("Could Not Export the Statement of Applicability"), error);
}

static void
aims_soa_page_export_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *param)
{
  AimsSoaPage *self = AIMS_SOA_PAGE (widget);
  const char *format = g_variant_get_string (param, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWindow *window = GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
  g_autofree char *name = NULL;

  /* Translators: the file name offered for the exported SoA; %s is "csv"
   * or "pdf" */
  name = g_strdup_printf (_("Statement of Applicability.%s"), format);
  if (g_str_equal (format, "csv"))
    aims_file_chooser_save_csv_async (window, _("Export the Statement of Applicability"), NULL,
                                      name, on_export_chosen_cb, g_object_ref (self));
  else
    aims_file_chooser_save_export_async (window, _("Export the Statement of Applicability"),
                                         NULL, name, "pdf", on_export_chosen_cb,
                                         g_object_ref (self));
}

/* Set up */

static GtkDropDown *
add_dropdown (AimsSoaPage   *self,
              GtkStringList *model,
              const char    *label)
{
  GtkWidget *dropdown = gtk_drop_down_new (G_LIST_MODEL (model), NULL);

  gtk_widget_set_tooltip_text (dropdown, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (dropdown), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (dropdown, "notify::selected", G_CALLBACK (on_filter_changed_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_box_append (self->filter_box, dropdown);

  return GTK_DROP_DOWN (dropdown);
}

static void
build_filters (AimsSoaPage *self)
{
  const AimsFieldInfo *implementation = soa_field ("implementation");
  GtkStringList *status = gtk_string_list_new (NULL);
  GtkStringList *applicability = gtk_string_list_new (NULL);

  gtk_string_list_append (status, _("All statuses"));
  for (guint i = 0; i < implementation->n_choices; i++)
    gtk_string_list_append (status, _(implementation->choice_list[i].label));
  self->status_dropdown = add_dropdown (self, status, _("Implementation"));

  gtk_string_list_append (applicability, _("Any applicability"));
  gtk_string_list_append (applicability, _("Not decided"));
  gtk_string_list_append (applicability, aims_choice_label (soa_field ("applicability"),
                                                            "applicable"));
  gtk_string_list_append (applicability, aims_choice_label (soa_field ("applicability"),
                                                            "excluded"));
  self->applicability_dropdown = add_dropdown (self, applicability, _("Applicability"));

  self->owners = gtk_string_list_new (NULL);
  gtk_string_list_append (self->owners, _("All owners"));
  self->owner_dropdown = add_dropdown (self, g_object_ref (self->owners), _("Owner"));

  /* Export last, after the filters */
  gtk_box_reorder_child_after (self->filter_box, self->export_button,
                               GTK_WIDGET (self->owner_dropdown));
}

static void
aims_soa_page_dispose (GObject *object)
{
  AimsSoaPage *self = AIMS_SOA_PAGE (object);

  aims_deferred_refresh_clear (&self->refresh);
  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->document);
  g_clear_pointer (&self->entries, g_ptr_array_unref);

  gtk_widget_dispose_template (GTK_WIDGET (self), AIMS_TYPE_SOA_PAGE);
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self));
       child != NULL;
       child = gtk_widget_get_first_child (GTK_WIDGET (self)))
    gtk_widget_unparent (child);
  g_clear_object (&self->owners);
  g_clear_object (&self->evidence);

  G_OBJECT_CLASS (aims_soa_page_parent_class)->dispose (object);
}

static void
aims_soa_page_finalize (GObject *object)
{
  AimsSoaPage *self = AIMS_SOA_PAGE (object);

  g_free (self->control_id);
  g_free (self->summary);

  G_OBJECT_CLASS (aims_soa_page_parent_class)->finalize (object);
}

static void
aims_soa_page_class_init (AimsSoaPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_soa_page_dispose;
  object_class->finalize = aims_soa_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE_PATH "/ui/aims-soa-page.ui");
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, stack);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, filter_box);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, summary_label);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, control_title);
  gtk_widget_class_bind_template_child (widget_class, AimsSoaPage, control_box);

  gtk_widget_class_install_action (widget_class, "soa.back", NULL, aims_soa_page_back_action);
  gtk_widget_class_install_action (widget_class, "soa.export", "s", aims_soa_page_export_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "soa.back", NULL);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "soapage");
}

static void
aims_soa_page_init (AimsSoaPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  build_filters (self);
  self->evidence = g_object_ref_sink (AIMS_SOA_EVIDENCE (aims_soa_evidence_new ()));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.export", FALSE);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  /* Above redrawing: a slow frame must not starve the refresh */
  aims_deferred_refresh_init (&self->refresh, GTK_WIDGET (self), G_PRIORITY_DEFAULT,
                              refresh_deferred);
  g_signal_connect (self, "unmap", G_CALLBACK (on_unmap_cb), NULL);
}

/* Public API */

GtkWidget *
aims_soa_page_new (void)
{
  return g_object_new (AIMS_TYPE_SOA_PAGE, NULL);
}

/**
 * aims_soa_page_set_document:
 * @document: (nullable): the project to show
 */
void
aims_soa_page_set_document (AimsSoaPage  *self,
                            AimsDocument *document)
{
  g_return_if_fail (AIMS_IS_SOA_PAGE (self));

  if (!g_set_object (&self->document, document))
    return;

  g_signal_group_set_target (self->store_signals, get_store (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "soa.export", get_store (self) != NULL);
  g_clear_pointer (&self->control_id, g_free);
  gtk_stack_set_visible_child_name (self->stack, "list");
  refresh (self);
}

/**
 * aims_soa_page_get_dropdown:
 * @filter: "implementation", "applicability" or "owner"
 *
 * Returns: (transfer none) (nullable): the filter's drop-down
 */
GtkDropDown *
aims_soa_page_get_dropdown (AimsSoaPage *self,
                            const char  *filter)
{
  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), NULL);

  if (g_strcmp0 (filter, "implementation") == 0)
    return self->status_dropdown;
  if (g_strcmp0 (filter, "applicability") == 0)
    return self->applicability_dropdown;
  if (g_strcmp0 (filter, "owner") == 0)
    return self->owner_dropdown;

  return NULL;
}

/**
 * aims_soa_page_get_n_shown:
 *
 * Returns: how many controls the list shows with its filters
 */
static guint
count_rows (GtkWidget *root)
{
  guint n = 0;

  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child) && g_object_get_data (G_OBJECT (child), "control-id") != NULL)
        n++;
      else
        n += count_rows (child);
    }

  return n;
}

guint
aims_soa_page_get_n_shown (AimsSoaPage *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), 0);

  return count_rows (GTK_WIDGET (self->groups_box));
}

static GtkWidget *
find_row_in (GtkWidget  *root,
             const char *control_id)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (child) &&
          g_strcmp0 (g_object_get_data (G_OBJECT (child), "control-id"), control_id) == 0)
        return child;
      if ((found = find_row_in (child, control_id)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * aims_soa_page_find_row:
 * @control_id: an Annex A control id
 *
 * Returns: (transfer none) (nullable): the control's row in the list, if shown
 */
GtkWidget *
aims_soa_page_find_row (AimsSoaPage *self,
                        const char  *control_id)
{
  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), NULL);

  return find_row_in (GTK_WIDGET (self->groups_box), control_id);
}

/**
 * aims_soa_page_show_control:
 * @control_id: an Annex A control id
 *
 * Shows a control's page.
 */
void
aims_soa_page_show_control (AimsSoaPage *self,
                            const char  *control_id)
{
  g_return_if_fail (AIMS_IS_SOA_PAGE (self));

  if (lookup_entry (self, control_id) == NULL)
    return;

  g_free (self->control_id);
  self->control_id = g_strdup (control_id);
  build_control (self);
  gtk_stack_set_visible_child_name (self->stack, "control");
}

/**
 * aims_soa_page_get_summary:
 *
 * Returns: (nullable): the figures shown above the list
 */
const char *
aims_soa_page_get_summary (AimsSoaPage *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), NULL);

  return self->summary;
}

/**
 * aims_soa_page_export:
 * @file: where to write: a name ending in .csv or .pdf
 * @error: return location for a #GError
 *
 * Writes the project's Statement of Applicability as `aims soa` does
 * (aims_soa_export_file()): to a temporary file beside @file, renamed over
 * it, so a failure leaves @file as it was.
 *
 * Returns: %TRUE on success
 */
gboolean
aims_soa_page_export (AimsSoaPage  *self,
                      GFile        *file,
                      GError      **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (get_store (self) == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                           _("No project is open."));
      return FALSE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                           _("The Statement of Applicability can only be exported to a local "
                             "folder."));
      return FALSE;
    }

  return aims_soa_export_file (get_store (self), path, error);
}

/**
 * aims_soa_page_get_evidence:
 *
 * Returns: (transfer none): the evidence group of the control's page
 */
AimsSoaEvidence *
aims_soa_page_get_evidence (AimsSoaPage *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_PAGE (self), NULL);

  return self->evidence;
}
