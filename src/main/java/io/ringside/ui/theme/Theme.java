package io.ringside.ui.theme;

/** Light or dark: AtlantaFX Primer Light/Dark underneath, our token sheet on top. */
public enum Theme {
    LIGHT, DARK;

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }
}
