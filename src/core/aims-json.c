/* aims-json.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-json"

#include "config.h"

#include "aims-json-private.h"

/*
 * _aims_json_nesting_within:
 * @text: JSON text, not necessarily valid
 * @len: its length in bytes
 * @max_depth: the deepest nesting of arrays and objects allowed
 *
 * Counts the nesting of arrays and objects, ignoring brackets inside
 * strings, without parsing. It does not say whether @text is JSON; it says
 * whether handing it to json-glib is safe.
 *
 * Returns: %TRUE if no array or object is nested deeper than @max_depth
 */
gboolean
_aims_json_nesting_within (const char *text,
                           gsize       len,
                           guint       max_depth)
{
  gboolean in_string = FALSE;
  gboolean escaped = FALSE;
  guint depth = 0;

  g_return_val_if_fail (text != NULL || len == 0, FALSE);

  for (gsize i = 0; i < len; i++)
    {
      char c = text[i];

      if (in_string)
        {
          if (escaped)
            escaped = FALSE;
          else if (c == '\\')
            escaped = TRUE;
          else if (c == '"')
            in_string = FALSE;
        }
      else if (c == '"')
        in_string = TRUE;
      else if (c == '[' || c == '{')
        {
          if (++depth > max_depth)
            return FALSE;
        }
      else if ((c == ']' || c == '}') && depth > 0)
        depth--;
    }

  return TRUE;
}
