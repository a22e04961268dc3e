/* aims-soa-evidence.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* The evidence of one control, on its page: files and links with their
 * dates. "Add File…" asks for a file, reads it off the main thread for its
 * SHA-256 and records its name, path, SHA-256 and today's date as one
 * undoable step; a file that cannot be read is reported and nothing is
 * recorded. "Add Link…" records an address. "Verify" reads the recorded
 * files again and shows, per file, whether it matches what was recorded,
 * changed since, or is missing. Leaving the control cancels the reading. */

#define G_LOG_DOMAIN "aims-soa-evidence"

#include "config.h"

#include "aims-required-text.h"
#include "aims-soa-evidence.h"

#include "aims-error-dialog.h"
#include "aims-file-chooser.h"

#include <glib/gi18n.h>

struct _AimsSoaEvidence
{
  AdwPreferencesGroup parent_instance;

  AimsStore    *store;
  char         *control_id;
  gboolean      writable;

  GPtrArray    *evidence;       /* AimsEvidence, as shown */
  GPtrArray    *rows;           /* the rows added to the group */
  GHashTable   *checks;         /* uuid → AimsEvidenceState of the last Verify */
  GtkWidget    *verify_button;
  GtkWidget    *add_file_button;
  GtkWidget    *add_link_button;
  GtkWidget    *busy_row;       /* "Reading …" while a file is read */
  GCancellable *cancellable;    /* the reading for this control */
  guint         n_busy;
};

G_DEFINE_FINAL_TYPE (AimsSoaEvidence, aims_soa_evidence, ADW_TYPE_PREFERENCES_GROUP)

/* What a reading keeps alive until it is done */
typedef struct
{
  AimsSoaEvidence *self;
  GFile           *file;      /* the file being added */
  GPtrArray       *checked;   /* the evidence being verified */
} Reading;

static Reading *
reading_new (AimsSoaEvidence *self)
{
  Reading *reading = g_new0 (Reading, 1);

  reading->self = g_object_ref (self);
  return reading;
}

static void
reading_free (Reading *reading)
{
  g_object_unref (reading->self);
  g_clear_object (&reading->file);
  g_clear_pointer (&reading->checked, g_ptr_array_unref);
  g_free (reading);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Reading, reading_free)

static GtkWindow *
get_window (AimsSoaEvidence *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
update_actions (AimsSoaEvidence *self)
{
  gboolean has_files = FALSE;

  for (guint i = 0; self->evidence != NULL && i < self->evidence->len && !has_files; i++)
    has_files = g_strcmp0 (((AimsEvidence *) g_ptr_array_index (self->evidence, i))->kind,
                           "file") == 0;

  /* The buttons carry their own sensitivity: with an action name, the
   * Verify button stayed insensitive after its action was enabled again
   * (the group is moved between rebuilds of the control's page; seen in
   * test-ui-soa with GTK 4.8) */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-file",
                                 self->writable && self->control_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.add-link",
                                 self->writable && self->control_id != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "evidence.verify",
                                 has_files && self->n_busy == 0);
  gtk_widget_set_sensitive (self->add_file_button, self->writable && self->control_id != NULL);
  gtk_widget_set_sensitive (self->add_link_button, self->writable && self->control_id != NULL);
  gtk_widget_set_sensitive (self->verify_button, has_files && self->n_busy == 0);
}

static void
begin_busy (AimsSoaEvidence *self,
            const char      *text)
{
  self->n_busy++;
  if (self->busy_row == NULL)
    {
      GtkWidget *spinner = gtk_spinner_new ();

      self->busy_row = adw_action_row_new ();
      gtk_spinner_start (GTK_SPINNER (spinner));
      adw_action_row_add_prefix (ADW_ACTION_ROW (self->busy_row), spinner);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->busy_row);
    }
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->busy_row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->busy_row), text);
  update_actions (self);
}

static void
end_busy (AimsSoaEvidence *self)
{
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy == 0 && self->busy_row != NULL)
    {
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->busy_row);
      self->busy_row = NULL;
    }
  update_actions (self);
}

static const char *
check_label (AimsEvidenceState state)
{
  switch (state)
    {
    case AIMS_EVIDENCE_MATCHES:
      return _("Matches");
    case AIMS_EVIDENCE_CHANGED:
      return _("Changed since recorded");
    case AIMS_EVIDENCE_MISSING:
      return _("Missing");
    case AIMS_EVIDENCE_UNREADABLE:
      return _("Cannot be read");
    case AIMS_EVIDENCE_NOT_CHECKED:
    default:
      return NULL;
    }
}

static GtkWidget *
evidence_row (AimsSoaEvidence    *self,
              const AimsEvidence *item)
{
  gboolean is_file = g_strcmp0 (item->kind, "file") == 0;
  g_autofree char *subtitle = is_file && item->sha256[0] != '\0'
    ? g_strdup_printf ("%s · %s · SHA-256 %s", item->location, item->date, item->sha256)
    : g_strdup_printf ("%s · %s", item->location, item->date);
  gpointer state;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (is_file ? "text-x-generic-symbolic"
                                                          : "web-browser-symbolic");

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  is_file ? _("File") : _("Link"), -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  gtk_widget_set_name (row, item->uuid);

  if (g_hash_table_lookup_extended (self->checks, item->uuid, NULL, &state) &&
      check_label (GPOINTER_TO_INT (state)) != NULL)
    {
      AimsEvidenceState s = GPOINTER_TO_INT (state);
      GtkWidget *label = gtk_label_new (check_label (s));

      gtk_widget_add_css_class (label, "evidence-check");
      gtk_widget_add_css_class (label, s == AIMS_EVIDENCE_MATCHES ? "success"
                                       : s == AIMS_EVIDENCE_CHANGED ? "warning" : "error");
      gtk_widget_set_valign (label, GTK_ALIGN_CENTER);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), label);
    }

  return row;
}

/**
 * aims_soa_evidence_reload:
 *
 * Shows the control's evidence as the project has it now.
 */
void
aims_soa_evidence_reload (AimsSoaEvidence *self)
{
  g_autoptr(GError) error = NULL;
  guint n_files = 0, n_checked = 0, n_matching = 0;

  g_return_if_fail (AIMS_IS_SOA_EVIDENCE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);

  if (self->store != NULL && self->control_id != NULL)
    {
      self->evidence = aims_soa_list_evidence (self->store, self->control_id, &error);
      if (self->evidence == NULL)
        g_warning ("Could not list the evidence of %s: %s", self->control_id, error->message);
    }

  for (guint i = 0; self->evidence != NULL && i < self->evidence->len; i++)
    {
      AimsEvidence *item = g_ptr_array_index (self->evidence, i);
      GtkWidget *row = evidence_row (self, item);
      gpointer state;

      g_ptr_array_add (self->rows, row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), row);

      if (g_strcmp0 (item->kind, "file") != 0)
        continue;
      n_files++;
      if (g_hash_table_lookup_extended (self->checks, item->uuid, NULL, &state))
        {
          n_checked++;
          n_matching += GPOINTER_TO_INT (state) == AIMS_EVIDENCE_MATCHES;
        }
    }

  /* The busy row stays last */
  if (self->busy_row != NULL)
    {
      g_object_ref (self->busy_row);
      adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->busy_row);
      adw_preferences_group_add (ADW_PREFERENCES_GROUP (self), self->busy_row);
      g_object_unref (self->busy_row);
    }

  if (self->evidence == NULL || self->evidence->len == 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("No evidence recorded yet."));
  else if (n_checked > 0)
    {
      g_autofree char *text = NULL;

      /* Translators: after "Verify"; both are counts of files */
      text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                           "%u of %u file matches what was recorded.",
                                           "%u of %u files match what was recorded.", n_files),
                              n_matching, n_files);
      adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), text);
    }
  else if (n_files > 0)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self),
                                           _("“Verify” compares each file with the SHA-256 "
                                             "recorded."));
  else
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (self), NULL);

  update_actions (self);
}

/* Adding a file */

static void
on_sha256_cb (GObject      *object,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(Reading) reading = user_data;
  AimsSoaEvidence *self = reading->self;
  GFile *file = reading->file;
  g_autoptr(GError) error = NULL;
  g_autofree char *sha256 = NULL;
  g_autofree char *uuid = NULL;

  sha256 = aims_file_compute_sha256_finish (result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  end_busy (self);
  if (sha256 != NULL && self->store != NULL && self->control_id != NULL)
    uuid = aims_soa_add_evidence_file_with_sha256 (self->store, self->control_id, file, NULL,
                                                   sha256, NULL, &error);

  if (uuid == NULL)
    {
      aims_show_error_dialog (GTK_WIDGET (self), _("Could Not Add the File as Evidence"), error);
      return;
    }

  /* A file just read matches */
  g_hash_table_insert (self->checks, g_steal_pointer (&uuid),
                       GINT_TO_POINTER (AIMS_EVIDENCE_MATCHES));
  aims_soa_evidence_reload (self);
}

/**
 * aims_soa_evidence_add_file:
 * @file: a file chosen by the person
 *
 * Reads @file in a worker thread and records it with its SHA-256, today's
 * date, its name as title and its path; an error dialog says why a file
 * that cannot be read was not recorded.
 */
void
aims_soa_evidence_add_file (AimsSoaEvidence *self,
                            GFile           *file)
{
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  Reading *reading;

  g_return_if_fail (AIMS_IS_SOA_EVIDENCE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->control_id == NULL || !self->writable)
    return;

  name = g_file_get_basename (file);
  /* Translators: shown while a file is read for its SHA-256 */
  text = g_strdup_printf (_("Reading “%s”…"), name);
  begin_busy (self, text);

  reading = reading_new (self);
  reading->file = g_object_ref (file);
  aims_file_compute_sha256_async (file, self->cancellable, on_sha256_cb, reading);
}

static void
on_file_chosen_cb (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(AimsSoaEvidence) self = user_data;
  g_autoptr(GFile) file = aims_file_chooser_finish (result, NULL);

  if (file != NULL)
    aims_soa_evidence_add_file (self, file);
}

static void
evidence_add_file_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  AimsSoaEvidence *self = AIMS_SOA_EVIDENCE (widget);

  aims_file_chooser_open_evidence_async (get_window (self), on_file_chosen_cb,
                                         g_object_ref (self));
}

/* Adding a link */

static void
on_link_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     AimsSoaEvidence  *self)
{
  GtkEditable *title = g_object_get_data (G_OBJECT (dialog), "title");
  GtkEditable *address = g_object_get_data (G_OBJECT (dialog), "address");
  g_autoptr(GError) error = NULL;
  g_autofree char *uuid = NULL;

  if (g_strcmp0 (response, "add") != 0 || self->store == NULL || self->control_id == NULL)
    return;

  uuid = aims_soa_add_evidence_link (self->store, self->control_id,
                                     gtk_editable_get_text (title),
                                     gtk_editable_get_text (address), NULL, &error);
  if (uuid == NULL)
    aims_show_error_dialog (GTK_WIDGET (self), _("The evidence could not be added"), error);
  else
    aims_soa_evidence_reload (self);
}

static void
evidence_add_link_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *param)
{
  GtkWidget *dialog, *box, *title, *address;

  dialog = adw_message_dialog_new (get_window (AIMS_SOA_EVIDENCE (widget)),
                                   _("Add a Link as Evidence"),
                                   _("A page or document that shows the control is in place, "
                                     "dated today."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  title = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (title), _("Title"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (title), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Title"), -1);
  address = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (address), "https://");
  gtk_entry_set_activates_default (GTK_ENTRY (address), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (address), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Address"), -1);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), address);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "add", _("_Add"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "add",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "add");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  aims_message_dialog_require_text (ADW_MESSAGE_DIALOG (dialog), "add", GTK_EDITABLE (title),
                                    GTK_EDITABLE (address), NULL);
  g_object_set_data (G_OBJECT (dialog), "title", title);
  g_object_set_data (G_OBJECT (dialog), "address", address);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_link_response_cb), widget, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Verify */

static void
on_checked_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(Reading) reading = user_data;
  AimsSoaEvidence *self = reading->self;
  GPtrArray *checked = reading->checked;
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) states = NULL;

  states = aims_evidence_check_finish (result, &error);
  if (states == NULL)
    return;    /* cancelled: another control is shown */

  end_busy (self);
  for (guint i = 0; i < checked->len && i < states->len; i++)
    {
      AimsEvidence *item = g_ptr_array_index (checked, i);
      AimsEvidenceState state = g_array_index (states, AimsEvidenceState, i);

      if (state == AIMS_EVIDENCE_NOT_CHECKED)
        continue;
      g_hash_table_insert (self->checks, g_strdup (item->uuid), GINT_TO_POINTER (state));
    }
  aims_soa_evidence_reload (self);
}

static void
evidence_verify_action (GtkWidget  *widget,
                        const char *action_name,
                        GVariant   *param)
{
  AimsSoaEvidence *self = AIMS_SOA_EVIDENCE (widget);
  Reading *reading;

  if (self->evidence == NULL || self->evidence->len == 0 || self->n_busy > 0)
    return;

  begin_busy (self, _("Comparing the files with what was recorded…"));
  reading = reading_new (self);
  reading->checked = g_ptr_array_ref (self->evidence);
  aims_evidence_check_async (self->evidence, self->cancellable, on_checked_cb, reading);
}

/* GObject */

static void
aims_soa_evidence_dispose (GObject *object)
{
  AimsSoaEvidence *self = AIMS_SOA_EVIDENCE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (aims_soa_evidence_parent_class)->dispose (object);
}

static void
aims_soa_evidence_finalize (GObject *object)
{
  AimsSoaEvidence *self = AIMS_SOA_EVIDENCE (object);

  g_clear_object (&self->cancellable);
  g_clear_pointer (&self->evidence, g_ptr_array_unref);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_pointer (&self->checks, g_hash_table_unref);
  g_free (self->control_id);

  G_OBJECT_CLASS (aims_soa_evidence_parent_class)->finalize (object);
}

static void
aims_soa_evidence_class_init (AimsSoaEvidenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = aims_soa_evidence_dispose;
  object_class->finalize = aims_soa_evidence_finalize;

  gtk_widget_class_install_action (widget_class, "evidence.add-file", NULL,
                                   evidence_add_file_action);
  gtk_widget_class_install_action (widget_class, "evidence.add-link", NULL,
                                   evidence_add_link_action);
  gtk_widget_class_install_action (widget_class, "evidence.verify", NULL,
                                   evidence_verify_action);
}

static void
on_header_button_clicked_cb (GtkWidget *button,
                             GtkWidget *self)
{
  gtk_widget_activate_action (self, g_object_get_data (G_OBJECT (button), "action"), NULL);
}

static GtkWidget *
header_button (AimsSoaEvidence *self,
               const char      *label,
               const char      *action,
               const char      *tooltip)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  g_signal_connect_object (button, "clicked", G_CALLBACK (on_header_button_clicked_cb), self, 0);
  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_widget_add_css_class (button, "flat");

  return button;
}

static void
aims_soa_evidence_init (AimsSoaEvidence *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);

  self->rows = g_ptr_array_new ();
  self->checks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cancellable = g_cancellable_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (self), _("Evidence"));
  self->verify_button = header_button (self, _("_Verify"), "evidence.verify",
                                       _("Compare each file with the SHA-256 recorded"));
  self->add_file_button = header_button (self, _("Add _File…"), "evidence.add-file",
                                         _("Record a file and its SHA-256"));
  self->add_link_button = header_button (self, _("Add _Link…"), "evidence.add-link",
                                         _("Record the address of a page or document"));
  gtk_box_append (GTK_BOX (box), self->verify_button);
  gtk_box_append (GTK_BOX (box), self->add_file_button);
  gtk_box_append (GTK_BOX (box), self->add_link_button);
  adw_preferences_group_set_header_suffix (ADW_PREFERENCES_GROUP (self), box);
  update_actions (self);
}

/* Public API */

GtkWidget *
aims_soa_evidence_new (void)
{
  return g_object_new (AIMS_TYPE_SOA_EVIDENCE, NULL);
}

/**
 * aims_soa_evidence_set_control:
 * @store: (nullable): the project
 * @control_id: (nullable): the control whose evidence to show
 * @writable: whether evidence may be added
 *
 * Shows a control's evidence. Another control cancels the reading under
 * way and forgets what "Verify" found.
 */
void
aims_soa_evidence_set_control (AimsSoaEvidence *self,
                               AimsStore       *store,
                               const char      *control_id,
                               gboolean         writable)
{
  g_return_if_fail (AIMS_IS_SOA_EVIDENCE (self));

  if (store != self->store || g_strcmp0 (control_id, self->control_id) != 0)
    {
      g_cancellable_cancel (self->cancellable);
      g_clear_object (&self->cancellable);
      self->cancellable = g_cancellable_new ();
      g_hash_table_remove_all (self->checks);
      if (self->busy_row != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (self), self->busy_row);
      self->busy_row = NULL;
      self->n_busy = 0;
      g_set_object (&self->store, store);
      g_free (self->control_id);
      self->control_id = g_strdup (control_id);
    }
  self->writable = writable;

  aims_soa_evidence_reload (self);
}

/**
 * aims_soa_evidence_is_busy:
 *
 * Returns: whether a file is being read (added or verified)
 */
gboolean
aims_soa_evidence_is_busy (AimsSoaEvidence *self)
{
  g_return_val_if_fail (AIMS_IS_SOA_EVIDENCE (self), FALSE);

  return self->n_busy > 0;
}

/**
 * aims_soa_evidence_find_row:
 * @uuid: a piece of evidence
 *
 * Returns: (transfer none) (nullable): its row
 */
GtkWidget *
aims_soa_evidence_find_row (AimsSoaEvidence *self,
                            const char      *uuid)
{
  g_return_val_if_fail (AIMS_IS_SOA_EVIDENCE (self), NULL);

  for (guint i = 0; i < self->rows->len; i++)
    if (g_strcmp0 (gtk_widget_get_name (g_ptr_array_index (self->rows, i)), uuid) == 0)
      return g_ptr_array_index (self->rows, i);

  return NULL;
}

static GtkWidget *
find_check_label (GtkWidget *root)
{
  for (GtkWidget *child = gtk_widget_get_first_child (root); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_LABEL (child) && gtk_widget_has_css_class (child, "evidence-check"))
        return child;
      if ((found = find_check_label (child)) != NULL)
        return found;
    }

  return NULL;
}

/**
 * aims_soa_evidence_get_row_check:
 * @uuid: a piece of evidence
 *
 * Returns: (nullable): what its row shows "Verify" found ("Matches",
 *   "Changed since recorded"…), or %NULL
 */
const char *
aims_soa_evidence_get_row_check (AimsSoaEvidence *self,
                                 const char      *uuid)
{
  GtkWidget *row, *label;

  g_return_val_if_fail (AIMS_IS_SOA_EVIDENCE (self), NULL);

  row = aims_soa_evidence_find_row (self, uuid);
  label = row != NULL ? find_check_label (row) : NULL;

  return label != NULL ? gtk_label_get_text (GTK_LABEL (label)) : NULL;
}
