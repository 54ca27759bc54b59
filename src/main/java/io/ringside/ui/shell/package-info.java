/** The main window's frame: navigation rail, page area and status bar, and how the console closes. */
package io.ringside.ui.shell;
