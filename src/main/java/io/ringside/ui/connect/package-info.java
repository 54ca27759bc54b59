/** The status bar's view of the active profile's backends: polled off the FX thread, with back-off. */
package io.ringside.ui.connect;
