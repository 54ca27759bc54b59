/**
 * The desktop console. One package per feature ({@code stack}, later cluster, cache, jobs ...),
 * each an FXML view, its controller and a view-model that talks to {@code io.ringside.core}
 * through a small gateway; {@code util} holds the FX plumbing they share.
 */
package io.ringside.ui.app;
