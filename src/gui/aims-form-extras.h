/* aims-form-extras.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>
#include <aims-core.h>

G_BEGIN_DECLS

/* A group a table's record form holds beyond its fields: an audit's scope
 * and checklist, a finding's whys, corrective actions and closure. */
typedef struct
{
  const char  *table;
  const char  *before;  /* the field it goes before; NULL: after the fields */
  const char  *name;    /* the untranslated group title, unique in the form */
  GtkWidget *(*create) (void);
} AimsFormExtra;

const AimsFormExtra *_aims_form_extras_get           (guint      *n_extras);
void                 _aims_form_extra_set_record     (GtkWidget  *group,
                                                      AimsStore  *store,
                                                      const char *uuid);
void                 _aims_form_extra_set_read_only  (GtkWidget  *group,
                                                      gboolean    read_only);

G_END_DECLS
