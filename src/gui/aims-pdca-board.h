/* aims-pdca-board.h
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include <aims-core.h>

G_BEGIN_DECLS

#define AIMS_TYPE_PDCA_BOARD (aims_pdca_board_get_type())

G_DECLARE_FINAL_TYPE (AimsPdcaBoard, aims_pdca_board, AIMS, PDCA_BOARD, GtkWidget)

GtkWidget  *aims_pdca_board_new           (void);
void        aims_pdca_board_set_document  (AimsPdcaBoard *self,
                                           AimsDocument  *document);
void        aims_pdca_board_set_today     (AimsPdcaBoard *self,
                                           const char    *today);
GtkListBox *aims_pdca_board_get_column    (AimsPdcaBoard *self,
                                           AimsPdcaPhase  phase);
GtkWidget  *aims_pdca_board_find_card     (AimsPdcaBoard *self,
                                           const char    *key);
GtkProgressBar *aims_pdca_board_get_phase_bar (AimsPdcaBoard *self,
                                               AimsPdcaPhase  phase);
const char *aims_pdca_board_get_readiness (AimsPdcaBoard *self);

G_END_DECLS
