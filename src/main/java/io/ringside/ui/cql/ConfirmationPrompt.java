package io.ringside.ui.cql;

/**
 * Asks the operator to type the name of the object a destructive statement acts on. An interface
 * so the view-model stays off the scene graph and a test can answer.
 */
@FunctionalInterface
public interface ConfirmationPrompt {

    /** @return what was typed, or null when the operator declined */
    String ask(String title, String message);
}
