/* aims-datetime-button.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* A button beside a date-and-time entry that opens a calendar with the hour
 * and minute, for people who would rather pick than type. Picking writes
 * YYYY-MM-DDTHH:MM into the entry, which commits it as typing would; typing
 * stays the quick way and the store still judges the value. */

#define G_LOG_DOMAIN "aims-datetime-button"

#include "config.h"

#include <aims-core.h>

#include "aims-datetime-button.h"

#include <glib/gi18n.h>

typedef struct
{
  GtkEditable   *target;    /* not owned: the entry outlives the button */
  GtkPopover    *popover;
  GtkCalendar   *calendar;
  GtkSpinButton *hour;
  GtkSpinButton *minute;
} Picker;

static void
show_time (Picker    *picker,
           GDateTime *time)
{
  gtk_calendar_select_day (picker->calendar, time);
  gtk_spin_button_set_value (picker->hour, g_date_time_get_hour (time));
  gtk_spin_button_set_value (picker->minute, g_date_time_get_minute (time));
}

static void
on_popover_show_cb (GtkPopover *popover,
                    Picker     *picker)
{
  g_autoptr(GDateTime) time = aims_incident_parse_time (gtk_editable_get_text (picker->target));

  if (time == NULL)
    time = g_date_time_new_now_local ();

  show_time (picker, time);
  gtk_widget_grab_focus (GTK_WIDGET (picker->calendar));
}

static void
on_now_clicked_cb (GtkButton *button,
                   Picker    *picker)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  show_time (picker, now);
}

static void
on_set_clicked_cb (GtkButton *button,
                   Picker    *picker)
{
  g_autoptr(GDateTime) day = gtk_calendar_get_date (picker->calendar);
  g_autofree char *text = NULL;

  text = g_strdup_printf ("%04d-%02d-%02dT%02d:%02d",
                          g_date_time_get_year (day), g_date_time_get_month (day),
                          g_date_time_get_day_of_month (day),
                          gtk_spin_button_get_value_as_int (picker->hour),
                          gtk_spin_button_get_value_as_int (picker->minute));
  gtk_popover_popdown (picker->popover);
  gtk_editable_set_text (picker->target, text);
  gtk_widget_grab_focus (GTK_WIDGET (picker->target));
}

static GtkSpinButton *
create_spin (guint       upper,
             const char *accessible_label)
{
  GtkSpinButton *spin = GTK_SPIN_BUTTON (gtk_spin_button_new_with_range (0, upper, 1));

  gtk_spin_button_set_wrap (spin, TRUE);
  gtk_spin_button_set_numeric (spin, TRUE);
  gtk_editable_set_width_chars (GTK_EDITABLE (spin), 2);
  gtk_orientable_set_orientation (GTK_ORIENTABLE (spin), GTK_ORIENTATION_VERTICAL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible_label,
                                  -1);
  return spin;
}

/* Two digits, as a clock shows them */
static gboolean
on_spin_output_cb (GtkSpinButton *spin,
                   gpointer       user_data)
{
  g_autofree char *text = g_strdup_printf ("%02d", gtk_spin_button_get_value_as_int (spin));

  gtk_editable_set_text (GTK_EDITABLE (spin), text);
  return TRUE;
}

/**
 * aims_datetime_button_new:
 * @target: the entry holding the time, written YYYY-MM-DDTHH:MM
 * @field_label: the field's translated label, for the accessible name
 *
 * Returns: (transfer floating): a flat button with a calendar icon
 */
GtkWidget *
aims_datetime_button_new (GtkEditable *target,
                          const char  *field_label)
{
  Picker *picker = g_new0 (Picker, 1);
  GtkWidget *button, *box, *time_box, *buttons, *now, *set, *colon, *label;
  g_autofree char *accessible = NULL;

  picker->target = target;

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  picker->calendar = GTK_CALENDAR (gtk_calendar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->calendar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Day"),
                                  -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->calendar));

  time_box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_halign (time_box, GTK_ALIGN_CENTER);
  label = gtk_label_new (_("Time"));
  gtk_widget_add_css_class (label, "dim-label");
  gtk_box_append (GTK_BOX (time_box), label);
  picker->hour = create_spin (23, _("Hour"));
  picker->minute = create_spin (59, _("Minute"));
  g_signal_connect (picker->hour, "output", G_CALLBACK (on_spin_output_cb), NULL);
  g_signal_connect (picker->minute, "output", G_CALLBACK (on_spin_output_cb), NULL);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (picker->hour));
  /* Translators: between the hour and the minute of a time */
  colon = gtk_label_new (C_("time separator", ":"));
  gtk_box_append (GTK_BOX (time_box), colon);
  gtk_box_append (GTK_BOX (time_box), GTK_WIDGET (picker->minute));
  gtk_box_append (GTK_BOX (box), time_box);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  now = gtk_button_new_with_mnemonic (_("_Now"));
  g_signal_connect (now, "clicked", G_CALLBACK (on_now_clicked_cb), picker);
  set = gtk_button_new_with_mnemonic (_("_Set"));
  gtk_widget_set_name (set, "set-time");
  gtk_widget_add_css_class (set, "suggested-action");
  g_signal_connect (set, "clicked", G_CALLBACK (on_set_clicked_cb), picker);
  gtk_box_append (GTK_BOX (buttons), now);
  gtk_box_append (GTK_BOX (buttons), set);
  gtk_box_append (GTK_BOX (box), buttons);

  picker->popover = GTK_POPOVER (gtk_popover_new ());
  gtk_popover_set_child (picker->popover, box);
  gtk_popover_set_default_widget (picker->popover, set);
  g_signal_connect (picker->popover, "show", G_CALLBACK (on_popover_show_cb), picker);

  button = gtk_menu_button_new ();
  gtk_menu_button_set_icon_name (GTK_MENU_BUTTON (button), "x-office-calendar-symbolic");
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (button), GTK_WIDGET (picker->popover));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_name (button, "pick-time");
  gtk_widget_set_tooltip_text (button, _("Choose Date and Time"));
  /* Translators: the accessible name of the button beside a time, "Choose the date and
   * time: Detected" */
  accessible = g_strdup_printf (_("Choose the date and time: %s"), field_label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  g_object_set_data_full (G_OBJECT (button), "aims-datetime-picker", picker, g_free);

  return button;
}
