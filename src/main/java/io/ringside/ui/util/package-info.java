/**
 * Small FX plumbing every view shares: background tasks with callbacks on the FX thread,
 * batching of streamed updates, constructor-injected FXML controllers and user dialogs.
 */
package io.ringside.ui.util;
