/* aims-file-copy.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "aims-file-copy"

#include "config.h"

#include "aims-file-copy-private.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

/*
 * Copies whole files for the working copy (when opening) and for the file
 * (when saving). copy_file_range() lets the kernel copy without bringing the
 * data into this process, or share the blocks on file systems that can
 * (Btrfs, XFS); where it is not supported (older kernels, some network and
 * FUSE file systems, across file systems on old kernels) a plain read/write
 * loop does the same. Offsets are explicit, so neither descriptor's position
 * matters or changes.
 *
 * Both callers flush the copy next. Writing back each chunk as soon as it is
 * copied (sync_file_range() without waiting) lets the disk work while the
 * rest is copied, so that flush has less left to wait for.
 */

#define CHUNK_SIZE (8 * 1024 * 1024)
#define BUFFER_SIZE (1024 * 1024)

static void
start_write_back (int     fd,
                  guint64 offset,
                  guint64 length)
{
  /* Only a hint: a file system without it flushes at fsync() all the same. */
  sync_file_range (fd, (off64_t) offset, (off64_t) length, SYNC_FILE_RANGE_WRITE);
}

static gboolean
copy_with_read_write (int      src_fd,
                      int      dest_fd,
                      guint64 *offset,
                      int     *saved_errno)
{
  g_autofree guchar *buffer = g_malloc (BUFFER_SIZE);

  for (;;)
    {
      gssize n_read = pread (src_fd, buffer, BUFFER_SIZE, (off_t) *offset);
      gssize n_written = 0;

      if (n_read < 0 && errno == EINTR)
        continue;
      if (n_read < 0)
        {
          *saved_errno = errno;
          return FALSE;
        }
      if (n_read == 0)
        return TRUE;

      while (n_written < n_read)
        {
          gssize n = pwrite (dest_fd, buffer + n_written, n_read - n_written,
                             (off_t) (*offset + n_written));

          if (n < 0 && errno == EINTR)
            continue;
          if (n <= 0)
            {
              *saved_errno = n < 0 ? errno : ENOSPC;
              return FALSE;
            }
          n_written += n;
        }

      start_write_back (dest_fd, *offset, n_read);
      *offset += n_read;
    }
}

/*
 * _aims_file_copy_fd:
 * @src_fd: a regular file open for reading
 * @dest_fd: an empty regular file open for writing
 * @n_copied: (out) (optional): how many bytes were copied
 * @saved_errno: (out): the reason when it fails
 *
 * Copies @src_fd from its first byte to its end into @dest_fd at the same
 * offsets. Does not flush @dest_fd.
 *
 * Returns: %TRUE on success
 */
gboolean
_aims_file_copy_fd (int      src_fd,
                    int      dest_fd,
                    guint64 *n_copied,
                    int     *saved_errno)
{
  guint64 offset = 0;
  gboolean ok;

  g_return_val_if_fail (src_fd >= 0 && dest_fd >= 0, FALSE);
  g_return_val_if_fail (saved_errno != NULL, FALSE);

  *saved_errno = 0;

  for (;;)
    {
      loff_t in = (loff_t) offset;
      loff_t out = (loff_t) offset;
      gssize n = copy_file_range (src_fd, &in, dest_fd, &out, CHUNK_SIZE, 0);

      if (n < 0 && errno == EINTR)
        continue;

      if (n < 0)
        {
          int err = errno;

          /* Not supported here: copy through this process instead. Only
           * before the first byte, so a real failure half-way (disk full) is
           * reported as it is. */
          if (offset == 0 &&
              (err == ENOSYS || err == EXDEV || err == EINVAL || err == EOPNOTSUPP ||
               err == ENOTSUP || err == EPERM || err == EBADF))
            {
              ok = copy_with_read_write (src_fd, dest_fd, &offset, saved_errno);
              break;
            }

          *saved_errno = err;
          ok = FALSE;
          break;
        }

      if (n == 0)
        {
          /* Some file systems (procfs, some FUSE and network mounts) answer 0
           * without copying anything: read the file ourselves then. */
          ok = offset > 0 || copy_with_read_write (src_fd, dest_fd, &offset, saved_errno);
          break;
        }

      start_write_back (dest_fd, offset, n);
      offset += (guint64) n;
    }

  if (n_copied != NULL)
    *n_copied = offset;

  return ok;
}
