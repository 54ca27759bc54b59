package io.ringside.ui.theme;

/**
 * Style-class names used from code, and the stylesheets, in one place so that a renamed rule in
 * {@code ringside.css} is a compile error rather than a silently unstyled node.
 */
public final class Styles {

    public static final String STYLESHEET = "/styles/ringside.css";
    public static final String DARK_STYLESHEET = "/styles/ringside-dark.css";

    public static final String BADGE = "badge";
    public static final String OK = "ok";
    public static final String WARN = "warn";
    public static final String BAD = "bad";
    public static final String MUTED = "muted";

    public static final String NAV_ITEM = "nav-item";
    public static final String ACTIVE = "active";
    public static final String NAV_LATER = "nav-later";
    public static final String PLACEHOLDER = "page-placeholder";
    public static final String BACKEND_STATE = "backend-state";
    public static final String STATE_DOT = "state-dot";
    /** A backend of the local stack that is still starting: an amber ring, not a filled dot. */
    public static final String STARTING = "starting";
    /**
     * A label whose text may be cut when the window is narrow (a path, say), because its tooltip
     * holds the whole text; every other label keeps its text whole at the minimum window size.
     */
    public static final String ELIDABLE = "elidable";

    private Styles() {
    }

    public static String of(Tone tone) {
        return switch (tone) {
            case OK -> OK;
            case WARN -> WARN;
            case BAD -> BAD;
            case MUTED -> MUTED;
        };
    }

    /** Every tone class, to remove before adding the current one. */
    public static String[] toneClasses() {
        return new String[] {OK, WARN, BAD, MUTED};
    }

    public static String stylesheet(String resource) {
        var url = Styles.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException("Stylesheet " + resource + " is missing from the classpath");
        }
        return url.toExternalForm();
    }
}
