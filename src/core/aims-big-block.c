/* aims-big-block.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Memory for the few large buffers of a big import: the file's bytes and
 * the rows read from it, tens of megabytes for 100,000 rows.
 *
 * Memory the process has not used yet costs a page fault per 4 KiB page on
 * first touch, and a fault is dear in a virtual machine (about 13 µs here,
 * a third of the time it took to read a 100,000-row CSV file). These
 * blocks are anonymous maps aligned to 2 MiB that ask the kernel for
 * transparent huge pages (MADV_HUGEPAGE; Debian's default THP setting,
 * "madvise", honours it), so a 2 MiB block costs one fault. Where the
 * kernel has none to give, they are ordinary pages, as with malloc. */

#define G_LOG_DOMAIN "aims-big-block"

#include "config.h"

#include "aims-big-block-private.h"

#include <errno.h>
#include <string.h>
#include <sys/mman.h>

static gsize
round_up (gsize size)
{
  return (size + AIMS_BIG_BLOCK_SIZE - 1) & ~((gsize) AIMS_BIG_BLOCK_SIZE - 1);
}

/*
 * _aims_big_block_alloc:
 * @size: at least one byte
 *
 * Returns: (transfer full): @size bytes of zeroes, aligned to 2 MiB; free
 *   with _aims_big_block_free() and the same @size. Aborts when out of
 *   memory, as g_malloc() does.
 */
gpointer
_aims_big_block_alloc (gsize size)
{
  gsize length;
  guint8 *map, *block;
  gsize head, tail;

  g_return_val_if_fail (size > 0, NULL);

  length = round_up (size);
  if (length < size || length + AIMS_BIG_BLOCK_SIZE < length)
    g_error ("%s: cannot hold %" G_GSIZE_FORMAT " bytes", G_STRLOC, size);

  /* One block more than asked, to cut an aligned one out of it */
  map = mmap (NULL, length + AIMS_BIG_BLOCK_SIZE, PROT_READ | PROT_WRITE,
              MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (map == MAP_FAILED)
    g_error ("%s: failed to map %" G_GSIZE_FORMAT " bytes: %s", G_STRLOC, length,
             g_strerror (errno));

  block = (guint8 *) (((guintptr) map + AIMS_BIG_BLOCK_SIZE - 1) &
                      ~((guintptr) AIMS_BIG_BLOCK_SIZE - 1));
  head = block - map;
  tail = AIMS_BIG_BLOCK_SIZE - head;
  if (head > 0)
    munmap (map, head);
  if (tail > 0)
    munmap (block + length, tail);

#ifdef MADV_HUGEPAGE
  madvise (block, length, MADV_HUGEPAGE);
#endif

  return block;
}

void
_aims_big_block_free (gpointer block,
                      gsize    size)
{
  if (block == NULL)
    return;

  munmap (block, round_up (size));
}
