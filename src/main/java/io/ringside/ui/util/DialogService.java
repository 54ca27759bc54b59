package io.ringside.ui.util;

/**
 * Questions a view-model must ask the user. An interface, so view-models stay free of the scene
 * graph and tests answer without a window.
 */
public interface DialogService {

    /** Asks before a destructive action; true when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);
}
