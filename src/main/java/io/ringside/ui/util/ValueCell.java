package io.ringside.ui.util;

import io.ringside.core.cassandra.Cell;
import java.util.HashMap;
import java.util.Map;
import javafx.css.PseudoClass;
import javafx.geometry.Point2D;
import javafx.scene.AccessibleAttribute;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.TableCell;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * One value of a row grid (the Cluster page's rows, the CQL page's results): nulls muted, blobs
 * by size only, cut text marked (a detail pane shows all). Pseudo-classes rather than style
 * classes: a new page re-fills every visible cell, and toggling a pseudo-class does not re-resolve
 * the cell's whole style the way a changed style class list does (the rules are in ringside.css).
 *
 * <p>The value is drawn by a {@link Text} of the cell's own (font and fill bound to the cell's, so
 * the CSS rules apply as to a label's text), which the cell fits to its width itself: a label's skin
 * measures a changed text up to four times (its minimum width, its clipping, the cut point, the
 * cut text) and re-sets its children on every text change, on each of the visible cells a new page
 * re-fills. Here a changed value costs one text layout when it fits and two when it is cut (the cut
 * point read from the first layout), and the cell's children stay as they are.
 *
 * @param <S> the grid's row type
 */
public final class ValueCell<S> extends TableCell<S, Cell> {

    public static final PseudoClass NULL_VALUE = PseudoClass.getPseudoClass("null-value");
    public static final PseudoClass BLOB_VALUE = PseudoClass.getPseudoClass("blob-value");
    public static final PseudoClass TRUNCATED_VALUE = PseudoClass.getPseudoClass("cut-value");

    /** The ellipsis's width per font and ellipsis string; few fonts, FX thread only. */
    private static final Map<Font, Map<String, Double>> ELLIPSIS_WIDTHS = new HashMap<>();

    private final Text shown = new Text();
    private String value = "";
    private Font fittedFont;
    private double fittedWidth = -1;

    public ValueCell() {
        // the style class of a label's own text, so the theme's rules for it (bounds type, smoothing) apply alike
        shown.getStyleClass().add("text");
        shown.fontProperty().bind(fontProperty());
        shown.fillProperty().bind(textFillProperty());
        setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
        setGraphic(shown);
    }

    @Override
    protected void updateItem(Cell cell, boolean empty) {
        super.updateItem(cell, empty);
        boolean present = !empty && cell != null;
        String text = present ? cell.shown() : "";
        if (!text.equals(value)) {
            value = text;
            fittedWidth = -1;
            shown.setText(text);
            requestLayout();
        }
        pseudoClassStateChanged(NULL_VALUE, present && cell.kind() == Cell.Kind.NULL);
        pseudoClassStateChanged(BLOB_VALUE, present && cell.kind() == Cell.Kind.BLOB);
        pseudoClassStateChanged(TRUNCATED_VALUE, present && cell.truncated());
    }

    /** The whole value, as a label's text would be (empty for an empty cell). */
    public String value() {
        return value;
    }

    /** What the cell draws: the value, or its start and the ellipsis when the column is narrower. */
    public String shownText() {
        return shown.getText();
    }

    @Override
    protected void layoutChildren() {
        fit(getWidth() - snappedLeftInset() - snappedRightInset());
        super.layoutChildren();
    }

    private void fit(double width) {
        Font font = getFont();
        if (width == fittedWidth && font == fittedFont || value.isEmpty()) {
            return;
        }
        fittedWidth = width;
        fittedFont = font;
        if (!shown.getText().equals(value)) {
            shown.setText(value);
        }
        if (shown.getLayoutBounds().getWidth() <= width) {
            return;
        }
        String ellipsis = getEllipsisString() == null ? "" : getEllipsisString();
        double room = width - ellipsisWidth(font, ellipsis);
        if (room < 0) {
            shown.setText("");
            return;
        }
        double baseline = shown.getLayoutBounds().getMinY() + shown.getLayoutBounds().getHeight() / 2;
        int cut = shown.hitTest(new Point2D(shown.getLayoutBounds().getMinX() + room, baseline)).getCharIndex();
        cut = Math.max(0, Math.min(cut, value.length()));
        if (cut > 0 && cut < value.length() && Character.isLowSurrogate(value.charAt(cut))) {
            cut--;
        }
        // concat, not +: a string concatenation is linked on its first run, in the pulse of a grid's first row
        shown.setText(value.substring(0, cut).concat(ellipsis));
    }

    /** No lambdas here: each is linked on its first run, which is the pulse that shows a grid's first row. */
    private static double ellipsisWidth(Font font, String ellipsis) {
        Map<String, Double> widths = ELLIPSIS_WIDTHS.get(font);
        if (widths == null) {
            widths = new HashMap<>();
            ELLIPSIS_WIDTHS.put(font, widths);
        }
        Double width = widths.get(ellipsis);
        if (width == null) {
            Text measure = new Text(ellipsis);
            measure.setFont(font);
            width = measure.getLayoutBounds().getWidth();
            widths.put(ellipsis, width);
        }
        return width;
    }

    @Override
    public Object queryAccessibleAttribute(AccessibleAttribute attribute, Object... parameters) {
        return attribute == AccessibleAttribute.TEXT ? value : super.queryAccessibleAttribute(attribute, parameters);
    }
}
