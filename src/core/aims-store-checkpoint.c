/* aims-store-checkpoint.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Writing the WAL back into the working copy, on a thread of its own.
 *
 * A commit in WAL mode appends the changed pages to the -wal file; from
 * time to time they must be copied into the database file (a checkpoint).
 * SQLite does that by default at the end of the commit that takes the WAL
 * past 1,000 pages, on the committing connection: the person who imported
 * 100,000 risks waited a further 0.2 s for 40 MB to be copied and synced,
 * after their rows were safely committed.
 *
 * Here the commit that takes the WAL past that size starts a thread that
 * opens its own connection and runs a passive checkpoint, which works beside
 * readers and writers of the main connection. Whoever needs the WAL empty
 * (a snapshot written on save, closing the store) waits for it first. One
 * checkpoint runs at a time; a commit while one runs leaves it be, and the
 * next commit past the size starts another. */

#define G_LOG_DOMAIN "aims-store"

#include "config.h"

#include "aims-store-checkpoint-private.h"

/* SQLite's own default for starting a checkpoint */
#define CHECKPOINT_FRAMES 1000

struct _AimsCheckpointer
{
  sqlite3 *db;         /* the store's connection, not owned */
  char    *filename;
  GThread *thread;
  int      running;    /* atomic: the thread has not finished */
  guint    n_done;     /* checkpoints waited for */
};

static gpointer
checkpoint_thread (gpointer data)
{
  AimsCheckpointer *self = data;
  sqlite3 *db = NULL;
  int n_log = -1, n_copied = -1;
  int rc;

  rc = sqlite3_open_v2 (self->filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_EXRESCODE,
                        NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 2000);
      /* A connection finds out the file is in WAL mode on its first read;
       * until then a checkpoint would do nothing */
      rc = sqlite3_exec (db, "PRAGMA schema_version", NULL, NULL, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_PASSIVE, &n_log, &n_copied);

  /* Nothing is lost when it fails: the pages stay in the WAL, where every
   * reader finds them, until the next checkpoint */
  if (rc != SQLITE_OK)
    g_debug ("Background checkpoint of %s: %s", self->filename,
             db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    g_debug ("Background checkpoint of %s: %d of %d pages", self->filename, n_copied, n_log);

  sqlite3_close (db);
  g_atomic_int_set (&self->running, 0);

  return NULL;
}

static void
join (AimsCheckpointer *self)
{
  if (self->thread == NULL)
    return;

  g_thread_join (g_steal_pointer (&self->thread));
  self->n_done++;
}

/* SQLite calls this after every commit, with the WAL's size in pages */
static int
on_wal_commit (void       *data,
               sqlite3    *db,
               const char *name,
               int         n_frames)
{
  AimsCheckpointer *self = data;
  g_autoptr(GError) error = NULL;

  if (n_frames < CHECKPOINT_FRAMES)
    return SQLITE_OK;

  if (self->thread != NULL)
    {
      if (g_atomic_int_get (&self->running))
        return SQLITE_OK;
      join (self);
    }

  g_atomic_int_set (&self->running, 1);
  self->thread = g_thread_try_new ("aims-checkpoint", checkpoint_thread, self, &error);
  if (self->thread == NULL)
    {
      /* No thread: checkpoint here, as SQLite would have */
      g_atomic_int_set (&self->running, 0);
      g_debug ("No thread for the checkpoint: %s", error->message);
      sqlite3_wal_checkpoint_v2 (db, name, SQLITE_CHECKPOINT_PASSIVE, NULL, NULL);
    }

  return SQLITE_OK;
}

/*
 * _aims_checkpointer_new:
 * @db: the store's connection, in WAL mode
 * @filename: its database file
 *
 * Takes over @db's checkpoints, which then run on a thread. Free it before
 * closing @db.
 */
AimsCheckpointer *
_aims_checkpointer_new (sqlite3    *db,
                        const char *filename)
{
  AimsCheckpointer *self;

  g_return_val_if_fail (db != NULL, NULL);
  g_return_val_if_fail (filename != NULL, NULL);

  self = g_new0 (AimsCheckpointer, 1);
  self->db = db;
  self->filename = g_strdup (filename);
  sqlite3_wal_hook (db, on_wal_commit, self);

  return self;
}

/*
 * _aims_checkpointer_wait:
 *
 * Returns once no checkpoint of this checkpointer runs.
 *
 * Returns: how many have run in the background so far
 */
guint
_aims_checkpointer_wait (AimsCheckpointer *self)
{
  g_return_val_if_fail (self != NULL, 0);

  join (self);
  return self->n_done;
}

/* Waits for a running checkpoint and gives @db's checkpoints back to
 * SQLite, so that closing it empties the WAL as usual. */
void
_aims_checkpointer_free (AimsCheckpointer *self)
{
  if (self == NULL)
    return;

  join (self);
  sqlite3_wal_autocheckpoint (self->db, CHECKPOINT_FRAMES);
  g_free (self->filename);
  g_free (self);
}
