/**
 * The main window's frame: the page registry and the navigation rail built from it, the page
 * area, keyboard shortcuts, theme, the status bar (active profile, backend states, running tasks)
 * and how the console closes.
 */
package io.ringside.ui.shell;
