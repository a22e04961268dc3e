/* aims-frame-pool.c
 *
 * Copyright 2026 AIMS Workbench Authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* Keeping mapped, between frames, the shared memory through which a
 * window's frames reach the X server, when GTK draws them with cairo.
 *
 * GTK's cairo renderer (what GTK uses where there is no usable GL) paints
 * each frame into an image in this process, and cairo's X11 backend copies
 * that image to the window through a shared memory segment (MIT-SHM).
 * Cairo makes a segment when none has room for the image, eight times its
 * size rounded up to a power of two, and removes it again as soon as no
 * image in it is in use. A segment made afresh costs one page fault per
 * 4 KiB page on both sides: here, as the frame is copied in (some 950 for
 * the frame that first shows a section at 1280×800), and in the X server,
 * as it reads it out while this process waits. In the virtual machine the
 * benchmark ran on, that frame's copy took 20–25 ms more than later ones:
 * the AI Systems list of the huge demo took 60–80 ms to show the first time
 * in a process and 30–40 ms every later time (tests/bench/bench-inventory.c).
 *
 * So, while the window is realized, one image taken from such a segment is
 * held, which keeps cairo from removing the segment: every frame goes
 * through memory both sides have already mapped. The image held is never
 * drawn on, so it takes address space but no memory. It is the size of the
 * window, and is taken again when the window grows well past the size it
 * was taken for. */

#define G_LOG_DOMAIN "aims-frame-pool"

#include "config.h"

#include "aims-frame-pool.h"

#ifdef HAVE_CAIRO_XLIB
# include <cairo-xlib.h>
# include <gdk/x11/gdkx.h>
#endif

/* The held image is taken again once the window needs this many times its
 * bytes: the segment made for it has room for several window-sized frames */
#define GROWTH_ALLOWED 4

typedef struct
{
  cairo_surface_t *held;
  GdkSurface      *surface;       /* the window's, while realized */
  gulong           layout_handler;
  int              held_width;    /* device pixels */
  int              held_height;
} FramePool;

static const char *const frame_pool_key = "aims-frame-pool";

static gboolean
frames_go_through_shared_memory (GtkWindow *window)
{
#ifdef HAVE_CAIRO_XLIB
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  return GDK_IS_X11_DISPLAY (gtk_widget_get_display (GTK_WIDGET (window))) &&
         renderer != NULL && GSK_IS_CAIRO_RENDERER (renderer);
#else
  return FALSE;
#endif
}

static void
release (FramePool *pool)
{
  g_clear_pointer (&pool->held, cairo_surface_destroy);
  pool->held_width = pool->held_height = 0;
}

/* Takes an image of @width × @height device pixels from cairo's shared
 * memory for @display's X server */
static void
hold (FramePool  *pool,
      GdkDisplay *display,
      int         width,
      int         height)
{
#ifdef HAVE_CAIRO_XLIB
  Display *xdisplay = gdk_x11_display_get_xdisplay (display);
  int screen = DefaultScreen (xdisplay);
  cairo_surface_t *root;

  /* The segment this image lands in is only removed once free: the old
   * image goes first, so that the new one gets a segment of its own size */
  release (pool);

  root = cairo_xlib_surface_create (xdisplay, RootWindow (xdisplay, screen),
                                    DefaultVisual (xdisplay, screen), 1, 1);
  /* Where the server has no shared memory, this is a plain image that is
   * never touched: no memory either */
  pool->held = cairo_surface_create_similar_image (root, CAIRO_FORMAT_RGB24, width, height);
  cairo_surface_destroy (root);

  if (cairo_surface_status (pool->held) != CAIRO_STATUS_SUCCESS)
    {
      g_debug ("No image of %d×%d held: %s", width, height,
               cairo_status_to_string (cairo_surface_status (pool->held)));
      release (pool);
      return;
    }

  pool->held_width = width;
  pool->held_height = height;
  g_debug ("Holding an image of %d×%d for the window's frames", width, height);
#endif
}

static void
hold_for_size (FramePool  *pool,
               GdkSurface *surface,
               int         width,
               int         height)
{
  int scale = gdk_surface_get_scale_factor (surface);
  gint64 needed = (gint64) width * scale * height * scale;

  /* A surface not yet given its size (1×1 when realized) */
  if (width <= 1 || height <= 1)
    return;

  if (pool->held == NULL ||
      needed > (gint64) pool->held_width * pool->held_height * GROWTH_ALLOWED)
    hold (pool, gdk_surface_get_display (surface), width * scale, height * scale);
}

static void
on_layout_cb (GdkSurface *surface,
              int         width,
              int         height,
              FramePool  *pool)
{
  hold_for_size (pool, surface, width, height);
}

static void
on_realize_cb (GtkWidget *widget,
               FramePool *pool)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (widget));

  if (!frames_go_through_shared_memory (GTK_WINDOW (widget)) || surface == NULL)
    return;

  pool->surface = g_object_ref (surface);
  pool->layout_handler = g_signal_connect (surface, "layout", G_CALLBACK (on_layout_cb), pool);
  hold_for_size (pool, surface, gdk_surface_get_width (surface), gdk_surface_get_height (surface));
}

static void
forget_surface (FramePool *pool)
{
  if (pool->surface != NULL)
    g_clear_signal_handler (&pool->layout_handler, pool->surface);
  g_clear_object (&pool->surface);
}

static void
on_unrealize_cb (GtkWidget *widget,
                 FramePool *pool)
{
  /* Before the display's connection may close with it */
  forget_surface (pool);
  release (pool);
}

static void
frame_pool_free (gpointer data)
{
  FramePool *pool = data;

  forget_surface (pool);
  release (pool);
  g_free (pool);
}

/**
 * aims_frame_pool_attach:
 * @window: a window not yet realized
 *
 * Keeps the shared memory its frames go through mapped while @window is
 * realized, where that applies (X11, cairo renderer); does nothing
 * elsewhere.
 */
void
aims_frame_pool_attach (GtkWindow *window)
{
  FramePool *pool;

  g_return_if_fail (GTK_IS_WINDOW (window));
  g_return_if_fail (g_object_get_data (G_OBJECT (window), frame_pool_key) == NULL);

  pool = g_new0 (FramePool, 1);
  g_object_set_data_full (G_OBJECT (window), frame_pool_key, pool, frame_pool_free);
  g_signal_connect (window, "realize", G_CALLBACK (on_realize_cb), pool);
  g_signal_connect (window, "unrealize", G_CALLBACK (on_unrealize_cb), pool);
  if (gtk_widget_get_realized (GTK_WIDGET (window)))
    on_realize_cb (GTK_WIDGET (window), pool);
}

/**
 * aims_frame_pool_get_held:
 * @window: a window given to aims_frame_pool_attach()
 * @width: (out) (optional): the held image's width in device pixels
 * @height: (out) (optional): its height
 *
 * Returns: whether an image is held for @window's frames now
 */
gboolean
aims_frame_pool_get_held (GtkWindow *window,
                          int       *width,
                          int       *height)
{
  FramePool *pool;

  g_return_val_if_fail (GTK_IS_WINDOW (window), FALSE);

  pool = g_object_get_data (G_OBJECT (window), frame_pool_key);
  if (width != NULL)
    *width = pool != NULL ? pool->held_width : 0;
  if (height != NULL)
    *height = pool != NULL ? pool->held_height : 0;

  return pool != NULL && pool->held != NULL;
}
