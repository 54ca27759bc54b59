package io.ringside.ui.testing;

import java.util.ArrayList;
import java.util.List;
import io.ringside.ui.theme.Styles;
import io.ringside.ui.util.CutValueTooltip;
import io.ringside.ui.util.ValueCell;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;

/**
 * What a person would see as a broken layout on a rendered scene: a label, button or cell whose
 * text the skin had to elide ("Lo…", "succee…", or nothing at all; a label marked
 * {@link Styles#ELIDABLE} with a tooltip may), and a control pushed outside
 * the container that lays it out (so drawn over its neighbours or cut off by the window's edge).
 * Read from the skins' own nodes after a layout pass, so it sees what was drawn, not what was asked
 * for. Call on the FX thread.
 */
public final class LayoutProblems {

    /** Sub-pixel rounding of snapped layouts is not an overflow. */
    private static final double SLACK = 1.0;

    private LayoutProblems() {
    }

    /** One line per problem, naming the node by its id, style class and text; empty when the layout is clean. */
    public static List<String> of(Parent root) {
        List<String> problems = new ArrayList<>();
        visit(root, problems);
        return problems;
    }

    private static void visit(Node node, List<String> problems) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof ValueCell<?> cell) {
            elided(cell).ifPresent(problems::add);
        } else if (node instanceof Labeled labeled) {
            elided(labeled).ifPresent(problems::add);
            overrun(labeled).ifPresent(problems::add);
        }
        if ((node instanceof Control || node instanceof Pane) && node.getParent() instanceof Pane parent
                && !(parent.getParent() instanceof ScrollPane) && !scrollPaneContent(node) && node.isManaged()) {
            outside(node, parent).ifPresent(problems::add);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, problems);
            }
        }
    }

    /**
     * The content of a scroll pane, which may overflow its viewport by design; its parent is the
     * skin's viewport pane, not the scroll pane, so the check above misses it.
     */
    private static boolean scrollPaneContent(Node node) {
        for (Node up = node.getParent(); up != null; up = up.getParent()) {
            if (up instanceof ScrollPane scroll) {
                return scroll.getContent() == node;
            }
        }
        return false;
    }

    private static java.util.Optional<String> elided(Labeled labeled) {
        String wanted = labeled.getText();
        if (wanted == null || wanted.isBlank() || labeled.getContentDisplay() == ContentDisplay.GRAPHIC_ONLY
                || labeled.getSkin() == null
                || labeled.getStyleClass().contains(Styles.ELIDABLE) && labeled.getTooltip() != null) {
            return java.util.Optional.empty();
        }
        if (labeled.isMnemonicParsing()) {
            wanted = wanted.replaceFirst("_(?=.)", "");
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child != labeled.getGraphic() && !shown.getText().equals(wanted)
                    && !shown.getText().replace("\n", " ").equals(wanted.replace("\n", " "))) {
                return java.util.Optional.of("elided: " + describe(labeled) + " shows \"" + shown.getText()
                        + "\" of \"" + wanted + "\" in " + Math.round(labeled.getWidth()) + " px");
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A label whose drawn text runs past its own edge, though the skin neither elided nor clipped
     * it: JavaFX wraps a paragraph holding complex script (the sample's Devanagari name) at the
     * right width but draws its first line at the paragraph's whole width, over the window's edge.
     * The text node's bounds are those drawn lines, so they are compared with the label's box; a
     * wrapped line's bounds may hold the space it broke at, which is not drawn.
     */
    private static java.util.Optional<String> overrun(Labeled labeled) {
        if (labeled.getSkin() == null || labeled.getWidth() <= 0 || labeled.getText() == null
                || labeled.getText().isBlank()) {
            return java.util.Optional.empty();
        }
        for (Node child : labeled.getChildrenUnmodifiable()) {
            if (child instanceof Text shown && child != labeled.getGraphic() && child.isVisible()
                    && shown.getBoundsInParent().getMaxX() > labeled.getWidth() + SLACK
                            + (labeled.isWrapText() ? spaceWidth(shown) : 0)) {
                return java.util.Optional.of("text past its edge: " + describe(labeled) + " draws "
                        + Math.round(shown.getBoundsInParent().getMaxX()) + " px wide in "
                        + Math.round(labeled.getWidth()) + " px");
            }
        }
        return java.util.Optional.empty();
    }

    private static double spaceWidth(Text shown) {
        Text space = new Text(" ");
        space.setFont(shown.getFont());
        return space.getLayoutBounds().getWidth();
    }

    /**
     * A grid's value cell draws and elides its value itself (see {@link ValueCell}); a grid with a
     * {@link CutValueTooltip} may cut it, as the whole value shows on hover.
     */
    private static java.util.Optional<String> elided(ValueCell<?> cell) {
        if (cell.value().isBlank() || cell.getSkin() == null || cell.shownText().equals(cell.value())
                || CutValueTooltip.installedOn(cell.getTableView())) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("elided: " + describe(cell) + " shows \"" + cell.shownText() + "\" of \""
                + cell.value() + "\" in " + Math.round(cell.getWidth()) + " px");
    }

    private static java.util.Optional<String> outside(Node node, Pane parent) {
        // a region's own box, not its ink: a glyph such as the "J" of "Jobs" overhangs its label by a pixel or two
        Bounds bounds = node instanceof javafx.scene.layout.Region region
                ? new javafx.geometry.BoundingBox(region.getLayoutX() + region.getTranslateX(),
                        region.getLayoutY() + region.getTranslateY(), region.getWidth(), region.getHeight())
                : node.getBoundsInParent();
        if (bounds.getWidth() <= 0 || bounds.getHeight() <= 0 || parent.getWidth() <= 0) {
            return java.util.Optional.empty();
        }
        boolean inside = bounds.getMinX() >= -SLACK && bounds.getMinY() >= -SLACK
                && bounds.getMaxX() <= parent.getWidth() + SLACK && bounds.getMaxY() <= parent.getHeight() + SLACK;
        if (inside) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("outside its parent: " + describe(node) + " at " + round(bounds) + " in "
                + describe(parent) + " of " + Math.round(parent.getWidth()) + "x" + Math.round(parent.getHeight()));
    }

    private static String round(Bounds bounds) {
        return "[" + Math.round(bounds.getMinX()) + "," + Math.round(bounds.getMinY()) + " " + Math.round(bounds.getWidth())
                + "x" + Math.round(bounds.getHeight()) + "]";
    }

    /** The node and its nearest ancestor with an id, enough to find it in the FXML. */
    static String describe(Node node) {
        StringBuilder name = new StringBuilder(node.getClass().getSimpleName());
        if (node.getId() != null) {
            name.append('#').append(node.getId());
        } else if (!node.getStyleClass().isEmpty()) {
            name.append('.').append(String.join(".", node.getStyleClass()));
        }
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank()) {
            name.append(" \"").append(labeled.getText()).append('"');
        }
        for (Parent up = node.getParent(); up != null; up = up.getParent()) {
            if (up.getId() != null) {
                name.append(" under #").append(up.getId());
                break;
            }
        }
        return name.toString();
    }
}
