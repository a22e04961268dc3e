/* aims-a11y.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Accessibility repairs for what GTK 4.8 gets wrong. */

#define G_LOG_DOMAIN "aims-a11y"

#include "config.h"

#include "aims-a11y.h"

/**
 * aims_a11y_name_from_mnemonic:
 * @button: a #GtkButton whose label has a mnemonic ("_Approve")
 *
 * GTK 4.8 gives such a button its label, underscore and all, as its
 * accessible name, and then adds the text of the label inside it, which
 * names the button too: screen readers hear "_Approve Approve". Without the
 * first, the name is the label as shown: "Approve".
 */
void
aims_a11y_name_from_mnemonic (GtkWidget *button)
{
  g_return_if_fail (GTK_IS_BUTTON (button));

  gtk_accessible_reset_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL);
}
