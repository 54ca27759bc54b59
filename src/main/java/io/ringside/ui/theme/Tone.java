package io.ringside.ui.theme;

/**
 * How good a state is, independent of colour: view-models say the tone, the stylesheet decides
 * what each tone looks like (and a dark theme can change that without touching code).
 */
public enum Tone {
    OK, WARN, BAD, MUTED
}
