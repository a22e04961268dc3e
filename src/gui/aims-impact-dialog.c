/* aims-impact-dialog.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* One impact of an assessment: its fields in the generic record form, the
 * measures that address it with their owners (a new one typed into the entry
 * below them), and "Create Risk from This
 * Impact", which turns a harm into a register risk. Every edit goes through
 * the store and is undoable; the dialog is read-only when the assessment is
 * approved or superseded. */

#define G_LOG_DOMAIN "aims-impact-dialog"

#include "config.h"

#include <adwaita.h>

#include "aims-a11y.h"
#include "aims-error-dialog.h"
#include "aims-impact-dialog.h"
#include "aims-record-form.h"

#include <glib/gi18n.h>

struct _AimsImpactDialog
{
  AdwWindow       parent_instance;

  /* Widgets */
  AimsRecordForm *form;
  GtkListBox     *measures;
  GtkWidget      *add_measure_button;
  GtkWidget      *new_measure;
  GtkWidget      *new_measure_problem;
  GtkWidget      *create_risk_button;
  GtkLabel       *risks_label;

  /* Owned references */
  AimsStore      *store;
  GSignalGroup   *store_signals;
  char           *uuid;
  guint           editable : 1;
};

G_DEFINE_FINAL_TYPE (AimsImpactDialog, aims_impact_dialog, ADW_TYPE_WINDOW)

/* The measures. Each row holds a measure's "what" and "owner" entries and a
 * remove button, each carrying the measure's uuid and a "field" name. A
 * store change that only edits measures updates the rows in place, so the
 * entry a person is in (or Tabbing to) stays where it is; a measure added
 * or removed rebuilds the rows and puts the focus back on the same control,
 * or on the next sensible one. New measures are typed into the entry below
 * the list: nothing is stored before there is text. */

static GtkWidget *
row_control (AimsImpactDialog *self,
             guint             index,
             const char       *field)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->measures, (int) index);
  GtkWidget *box = row != NULL ? gtk_list_box_row_get_child (row) : NULL;

  for (GtkWidget *child = box != NULL ? gtk_widget_get_first_child (box) : NULL;
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (g_strcmp0 (g_object_get_data (G_OBJECT (child), "field"), field) == 0)
      return child;

  return NULL;
}

static const char *
row_measure (AimsImpactDialog *self,
             guint             index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->measures, (int) index);

  return row != NULL ? g_object_get_data (G_OBJECT (gtk_list_box_row_get_child (row)), "measure")
                     : NULL;
}

/* The control of the measures' rows that has the focus, if one has */
static GtkWidget *
focused_control (AimsImpactDialog *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->measures);
       w = gtk_widget_get_parent (w))
    if (g_object_get_data (G_OBJECT (w), "field") != NULL &&
        g_object_get_data (G_OBJECT (w), "measure") != NULL)
      return w;

  return NULL;
}

static void
focus_new_measure (AimsImpactDialog *self)
{
  if (gtk_widget_get_sensitive (self->new_measure))
    gtk_widget_grab_focus (self->new_measure);
  else
    gtk_widget_grab_focus (self->add_measure_button);
}

static void
commit_entry (GtkEntry *entry)
{
  AimsImpactDialog *self = g_object_get_data (G_OBJECT (entry), "dialog");
  const char *measure = g_object_get_data (G_OBJECT (entry), "measure");
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  g_autofree char *old = NULL;
  g_autoptr(GError) error = NULL;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (entry));

  if (self == NULL || self->store == NULL || !self->editable)
    return;

  old = aims_store_dup_text (self->store, "impact_measure", measure, field, NULL);
  if (g_strcmp0 (old, text) == 0)
    return;

  if (!aims_store_update (self->store, "impact_measure", measure, field,
                          g_variant_new_string (text), &error))
    {
      gtk_widget_add_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), error->message);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (entry), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (entry), NULL);
    }
}

/* Enter saves, then goes on: from what is done to its owner, from the owner
 * to the entry for the next measure */
static void
on_entry_activate_cb (GtkEntry *entry,
                      gpointer  user_data)
{
  AimsImpactDialog *self = g_object_get_data (G_OBJECT (entry), "dialog");
  g_autofree char *measure = g_strdup (g_object_get_data (G_OBJECT (entry), "measure"));
  const char *field = g_object_get_data (G_OBJECT (entry), "field");
  gboolean what = g_strcmp0 (field, "what") == 0;

  commit_entry (entry);

  if (what)
    {
      guint n = 0;

      for (const char *m; (m = row_measure (self, n)) != NULL; n++)
        if (g_strcmp0 (m, measure) == 0)
          {
            gtk_widget_grab_focus (row_control (self, n, "owner"));
            return;
          }
    }

  focus_new_measure (self);
}

static void
on_entry_focus_leave_cb (GtkEventControllerFocus *controller,
                         gpointer                 user_data)
{
  commit_entry (GTK_ENTRY (gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (controller))));
}

static void
on_remove_measure_clicked_cb (GtkButton *button,
                              gpointer   user_data)
{
  AimsImpactDialog *self = AIMS_IMPACT_DIALOG (user_data);
  g_autofree char *measure = g_strdup (g_object_get_data (G_OBJECT (button), "measure"));
  g_autoptr(GError) error = NULL;

  if (!aims_store_delete (self->store, "impact_measure", measure, &error))
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Remove the Measure"), error);
}

static GtkWidget *
create_entry (AimsImpactDialog *self,
              const char       *measure,
              const char       *field,
              const char       *label,
              const char       *placeholder)
{
  GtkWidget *entry = gtk_entry_new ();
  GtkEventController *focus = gtk_event_controller_focus_new ();
  g_autofree char *text = aims_store_dup_text (self->store, "impact_measure", measure, field, NULL);

  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_editable_set_editable (GTK_EDITABLE (entry), self->editable);
  gtk_widget_set_name (entry, field);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_set_data (G_OBJECT (entry), "dialog", self);
  g_object_set_data_full (G_OBJECT (entry), "measure", g_strdup (measure), g_free);
  g_object_set_data (G_OBJECT (entry), "field", (gpointer) field);
  g_signal_connect (entry, "activate", G_CALLBACK (on_entry_activate_cb), NULL);
  g_signal_connect (focus, "leave", G_CALLBACK (on_entry_focus_leave_cb), NULL);
  gtk_widget_add_controller (entry, focus);

  return entry;
}

static void
append_measure_row (AimsImpactDialog *self,
                    const char       *measure)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *what = create_entry (self, measure, "what", _("Measure"), _("What is done"));
  GtkWidget *owner = create_entry (self, measure, "owner", _("Owner"), _("Owner"));
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  gtk_widget_set_hexpand (what, TRUE);
  gtk_widget_set_size_request (owner, 160, -1);
  gtk_widget_set_sensitive (remove, self->editable);
  gtk_widget_set_name (remove, "remove");
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove the measure"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove the measure"), -1);
  g_object_set_data_full (G_OBJECT (remove), "measure", g_strdup (measure), g_free);
  g_object_set_data (G_OBJECT (remove), "field", (gpointer) "remove");
  g_signal_connect (remove, "clicked", G_CALLBACK (on_remove_measure_clicked_cb), self);

  g_object_set_data_full (G_OBJECT (box), "measure", g_strdup (measure), g_free);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_box_append (GTK_BOX (box), what);
  gtk_box_append (GTK_BOX (box), owner);
  gtk_box_append (GTK_BOX (box), remove);
  gtk_list_box_append (self->measures, box);
}

/* TRUE if the rows are those of @measures, in order: their texts are then
 * brought up to date in place */
static gboolean
update_rows_in_place (AimsImpactDialog   *self,
                      const char * const *measures)
{
  static const char * const fields[] = { "what", "owner" };
  guint n = 0;

  for (; measures[n] != NULL; n++)
    if (g_strcmp0 (row_measure (self, n), measures[n]) != 0)
      return FALSE;
  if (row_measure (self, n) != NULL)
    return FALSE;

  for (guint i = 0; i < n; i++)
    for (guint j = 0; j < G_N_ELEMENTS (fields); j++)
      {
        GtkWidget *entry = row_control (self, i, fields[j]);
        g_autofree char *text = aims_store_dup_text (self->store, "impact_measure", measures[i],
                                                     fields[j], NULL);

        if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text != NULL ? text : "") != 0)
          gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
      }

  return TRUE;
}

static void
reload_measures (AimsImpactDialog *self)
{
  g_auto(GStrv) measures = NULL;
  g_autofree char *focus_measure = NULL;
  const char *focus_field = NULL;
  guint focus_index = 0;
  GtkWidget *focus;
  GtkWidget *child;

  if (self->store != NULL && self->uuid != NULL)
    measures = aims_assessment_dup_measures (self->store, self->uuid, NULL);
  if (measures == NULL)
    measures = g_new0 (char *, 1);

  if (update_rows_in_place (self, (const char * const *) measures))
    return;

  /* Rows come and go: remember where the focus was */
  if ((focus = focused_control (self)) != NULL)
    {
      focus_measure = g_strdup (g_object_get_data (G_OBJECT (focus), "measure"));
      focus_field = g_object_get_data (G_OBJECT (focus), "field");
      while (g_strcmp0 (row_measure (self, focus_index), focus_measure) != 0)
        focus_index++;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->measures))) != NULL)
    gtk_list_box_remove (self->measures, child);

  for (guint i = 0; measures[i] != NULL; i++)
    append_measure_row (self, measures[i]);

  if (focus_measure == NULL)
    return;

  /* The same control of the same measure; its measure gone, the row that
   * took its place, else the entry for a new measure */
  for (guint i = 0; measures[i] != NULL; i++)
    if (g_str_equal (measures[i], focus_measure))
      {
        gtk_widget_grab_focus (row_control (self, i, focus_field));
        return;
      }
  if (focus_index < g_strv_length (measures))
    gtk_widget_grab_focus (row_control (self, focus_index, "what"));
  else
    focus_new_measure (self);
}

static void
reload_risks (AimsImpactDialog *self)
{
  g_auto(GStrv) risks = NULL;
  g_autoptr(GString) text = g_string_new (NULL);

  if (self->store == NULL || self->uuid == NULL)
    return;

  risks = aims_assessment_dup_impact_risks (self->store, self->uuid);
  for (guint i = 0; risks != NULL && risks[i] != NULL; i++)
    {
      g_autofree char *reference = aims_store_dup_text (self->store, "risk", risks[i],
                                                        "reference", NULL);
      g_autofree char *title = aims_store_dup_text (self->store, "risk", risks[i], "title", NULL);

      if (text->len > 0)
        g_string_append (text, "\n");
      g_string_append_printf (text, "%s %s", reference != NULL ? reference : "",
                              title != NULL ? title : "");
    }

  if (text->len == 0)
    gtk_label_set_text (self->risks_label, _("No register risk was made from this impact."));
  else
    {
      /* Translators: followed by the risks, one a line */
      g_autofree char *shown = g_strdup_printf (_("Register risks: %s"), text->str);

      gtk_label_set_text (self->risks_label, shown);
    }
}

static void
on_store_changed_cb (AimsImpactDialog *self,
                     const char       *table,
                     const char       *uuid,
                     AimsStore        *store)
{
  if (table == NULL || g_str_equal (table, "impact_measure"))
    reload_measures (self);
  if (table == NULL || g_str_equal (table, "impact_risk") || g_str_equal (table, "risk"))
    reload_risks (self);

  /* Undo may take the impact away */
  if ((table == NULL || g_str_equal (table, "impact")) && self->uuid != NULL)
    {
      g_autoptr(GVariant) exists = aims_store_get (self->store, "impact", self->uuid, "uuid",
                                                   NULL);

      if (exists == NULL)
        gtk_window_close (GTK_WINDOW (self));
    }
}

/* A new measure from what is typed below the list: nothing without text */
static void
add_measure (AimsImpactDialog *self)
{
  g_autoptr(GHashTable) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;
  g_autofree char *what = NULL;

  if (self->store == NULL || !self->editable)
    return;

  what = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_measure))));
  if (what[0] == '\0')
    {
      gtk_widget_add_css_class (self->new_measure, "error");
      gtk_widget_set_visible (self->new_measure_problem, TRUE);
      gtk_widget_grab_focus (self->new_measure);
      return;
    }

  values = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                  (GDestroyNotify) g_variant_unref);
  g_hash_table_insert (values, (gpointer) "impact",
                       g_variant_ref_sink (g_variant_new_string (self->uuid)));
  g_hash_table_insert (values, (gpointer) "what",
                       g_variant_ref_sink (g_variant_new_string (what)));

  if ((uuid = aims_store_insert (self->store, "impact_measure", values, &error)) == NULL)
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Add the Measure"), error);
      return;
    }

  /* Ready for the next one */
  gtk_editable_set_text (GTK_EDITABLE (self->new_measure), "");
  gtk_widget_remove_css_class (self->new_measure, "error");
  gtk_widget_set_visible (self->new_measure_problem, FALSE);
  gtk_widget_grab_focus (self->new_measure);
}

static void
on_new_measure_changed_cb (AimsImpactDialog *self)
{
  if (gtk_widget_get_visible (self->new_measure_problem) &&
      gtk_editable_get_text (GTK_EDITABLE (self->new_measure))[0] != '\0')
    {
      gtk_widget_remove_css_class (self->new_measure, "error");
      gtk_widget_set_visible (self->new_measure_problem, FALSE);
    }
}

static void
on_create_risk_clicked_cb (AimsImpactDialog *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *risk = NULL;

  aims_record_form_flush (self->form);
  risk = aims_assessment_create_risk (self->store, self->uuid, &error);
  if (risk == NULL)
    aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Create the Risk"), error);
}

static gboolean
on_close_request_cb (AimsImpactDialog *self)
{
  aims_record_form_flush (self->form);
  return FALSE;
}

static void
aims_impact_dialog_dispose (GObject *object)
{
  AimsImpactDialog *self = AIMS_IMPACT_DIALOG (object);

  if (self->store_signals != NULL)
    g_signal_group_set_target (self->store_signals, NULL);
  g_clear_object (&self->store_signals);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_impact_dialog_parent_class)->dispose (object);
}

static void
aims_impact_dialog_finalize (GObject *object)
{
  AimsImpactDialog *self = AIMS_IMPACT_DIALOG (object);

  g_free (self->uuid);

  G_OBJECT_CLASS (aims_impact_dialog_parent_class)->finalize (object);
}

static void
aims_impact_dialog_class_init (AimsImpactDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_impact_dialog_dispose;
  object_class->finalize = aims_impact_dialog_finalize;

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
aims_impact_dialog_init (AimsImpactDialog *self)
{
  GtkWidget *box, *header, *group, *scroller, *bar, *title;

  gtk_window_set_title (GTK_WINDOW (self), _("Impact"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 760);
  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  gtk_box_append (GTK_BOX (box), header);

  self->form = AIMS_RECORD_FORM (aims_record_form_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->form), TRUE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->form));

  /* The form scrolls above the measures, which stay: a line between them,
   * or the form's last heading looks cut by the measures' title */
  gtk_box_append (GTK_BOX (box), gtk_separator_new (GTK_ORIENTATION_HORIZONTAL));

  /* The measures */
  group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_start (group, 12);
  gtk_widget_set_margin_end (group, 12);
  gtk_widget_set_margin_top (group, 6);
  gtk_widget_set_margin_bottom (group, 6);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  title = gtk_label_new (_("Measures"));
  gtk_widget_add_css_class (title, "heading");
  gtk_widget_set_hexpand (title, TRUE);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_box_append (GTK_BOX (bar), title);
  gtk_box_append (GTK_BOX (group), bar);

  self->measures = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_widget_set_name (GTK_WIDGET (self->measures), "measures");
  gtk_list_box_set_selection_mode (self->measures, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->measures), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->measures), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Measures"), -1);
  gtk_list_box_set_placeholder (self->measures,
                                gtk_label_new (_("No measures address this impact yet.")));
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 180);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->measures));
  gtk_box_append (GTK_BOX (group), scroller);

  /* A new measure: typed, then Enter or Add Measure */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  self->new_measure = gtk_entry_new ();
  gtk_widget_set_name (self->new_measure, "new-measure");
  gtk_widget_set_hexpand (self->new_measure, TRUE);
  gtk_entry_set_placeholder_text (GTK_ENTRY (self->new_measure), _("A new measure: what is done"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->new_measure),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("New measure"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Type what is done, then press Enter to add the measure"),
                                  -1);
  g_signal_connect_swapped (self->new_measure, "activate", G_CALLBACK (add_measure), self);
  g_signal_connect_swapped (self->new_measure, "changed",
                            G_CALLBACK (on_new_measure_changed_cb), self);
  gtk_box_append (GTK_BOX (bar), self->new_measure);
  self->add_measure_button = gtk_button_new_with_mnemonic (_("Add _Measure"));
  aims_a11y_name_from_mnemonic (self->add_measure_button);
  gtk_widget_set_tooltip_text (self->add_measure_button,
                               _("Add the measure typed beside this button"));
  g_signal_connect_swapped (self->add_measure_button, "clicked", G_CALLBACK (add_measure), self);
  gtk_box_append (GTK_BOX (bar), self->add_measure_button);
  gtk_box_append (GTK_BOX (group), bar);
  self->new_measure_problem = gtk_label_new (_("Type what is done first, then press Enter to "
                                               "add the measure."));
  gtk_widget_set_name (self->new_measure_problem, "new-measure-problem");
  gtk_label_set_xalign (GTK_LABEL (self->new_measure_problem), 0);
  gtk_label_set_wrap (GTK_LABEL (self->new_measure_problem), TRUE);
  gtk_widget_add_css_class (self->new_measure_problem, "error");
  gtk_widget_set_visible (self->new_measure_problem, FALSE);
  gtk_box_append (GTK_BOX (group), self->new_measure_problem);
  gtk_box_append (GTK_BOX (box), group);

  /* The way to the register */
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 12);
  self->risks_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->risks_label, TRUE);
  gtk_label_set_xalign (self->risks_label, 0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->risks_label), TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->risks_label), "dim-label");
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->risks_label));
  self->create_risk_button = gtk_button_new_with_mnemonic (_("Create _Risk from This Impact"));
  aims_a11y_name_from_mnemonic (self->create_risk_button);
  gtk_widget_set_tooltip_text (self->create_risk_button,
                               _("Add a register risk for this harm, with its system, dimension, "
                                 "scenario, severity and likelihood"));
  g_signal_connect_swapped (self->create_risk_button, "clicked",
                            G_CALLBACK (on_create_risk_clicked_cb), self);
  gtk_box_append (GTK_BOX (bar), self->create_risk_button);
  gtk_box_append (GTK_BOX (box), bar);

  adw_window_set_content (ADW_WINDOW (self), box);

  self->store_signals = g_signal_group_new (AIMS_TYPE_STORE);
  g_signal_group_connect_object (self->store_signals, "changed",
                                 G_CALLBACK (on_store_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request_cb), NULL);
}

/**
 * aims_impact_dialog_new:
 * @parent: (nullable): the window it belongs to
 * @store: the project
 * @impact: the impact to edit
 *
 * Returns: (transfer none): a new dialog, not shown yet, owned by GTK's list
 *   of toplevel windows as every #GtkWindow is
 */
AimsImpactDialog *
aims_impact_dialog_new (GtkWindow  *parent,
                        AimsStore  *store,
                        const char *impact)
{
  AimsImpactDialog *self;
  g_autofree char *assessment = NULL;

  g_return_val_if_fail (AIMS_IS_STORE (store), NULL);
  g_return_val_if_fail (impact != NULL, NULL);

  self = g_object_new (AIMS_TYPE_IMPACT_DIALOG, "transient-for", parent, NULL);
  self->store = g_object_ref (store);
  self->uuid = g_strdup (impact);

  assessment = aims_store_dup_text (store, "impact", impact, "assessment", NULL);
  self->editable = assessment != NULL && aims_assessment_is_editable (store, assessment) &&
                   !aims_store_get_read_only (store);

  aims_record_form_set_record (self->form, store, "impact", impact);
  aims_record_form_set_read_only (self->form, !self->editable);
  gtk_widget_set_sensitive (self->add_measure_button, self->editable);
  gtk_widget_set_sensitive (self->new_measure, self->editable);
  g_signal_group_set_target (self->store_signals, store);
  reload_measures (self);
  reload_risks (self);

  return self;
}

/**
 * aims_impact_dialog_get_form:
 *
 * Returns: (transfer none): the form of the impact's fields
 */
AimsRecordForm *
aims_impact_dialog_get_form (AimsImpactDialog *self)
{
  g_return_val_if_fail (AIMS_IS_IMPACT_DIALOG (self), NULL);

  return self->form;
}

/**
 * aims_impact_dialog_get_measures:
 *
 * Returns: (transfer none): the list of measures, one row each
 */
GtkListBox *
aims_impact_dialog_get_measures (AimsImpactDialog *self)
{
  g_return_val_if_fail (AIMS_IS_IMPACT_DIALOG (self), NULL);

  return self->measures;
}
