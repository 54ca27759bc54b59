package io.ringside.ui.theme;

import java.util.Map;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The console's one icon set, Feather (line icons drawn from a font, so they follow the theme's
 * text colour and scale with it). FXML names an icon by its literal ({@code <FontIcon
 * iconLiteral="fth-play"/>}); code asks here, so the rail's icons are chosen in one place.
 */
public final class Icons {

    /** The rail's icon per page id; a page missing here gets {@link #OTHER_PAGE}. */
    private static final Map<String, Ikon> PAGES = Map.of(
            "stack", Feather.SERVER,
            "cluster", Feather.DATABASE,
            "cache", Feather.ZAP,
            "jobs", Feather.LAYERS,
            "trends", Feather.TRENDING_UP,
            "streams", Feather.ACTIVITY,
            "cql", Feather.TERMINAL,
            "welcome", Feather.HOME);
    static final Ikon OTHER_PAGE = Feather.GRID;

    private Icons() {
    }

    /** A fresh icon node for the rail button of page {@code id}. */
    public static FontIcon page(String id) {
        return new FontIcon(PAGES.getOrDefault(id, OTHER_PAGE));
    }

    /** A fresh icon node for {@code ikon}. */
    public static FontIcon of(Ikon ikon) {
        return new FontIcon(ikon);
    }
}
