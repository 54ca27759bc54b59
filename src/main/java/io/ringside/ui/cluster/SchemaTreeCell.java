package io.ringside.ui.cluster;

import javafx.scene.Node;
import javafx.scene.control.Skin;
import javafx.scene.control.TreeCell;
import javafx.scene.control.skin.TreeCellSkin;

/**
 * A row of the schema tree: the entry's text, with its disclosure arrow kept in the cell.
 *
 * <p>The default tree cell's skin takes the arrow out of the cell each time the text changes
 * (the label's skin sets its children to the text alone) and puts it back, and a node put back
 * into the scene has its CSS matched afresh. When the tree arrives that is every visible row
 * twice over, most of the FX thread's work in that pulse. This cell has no graphic, so its
 * children never change after they are first made, and the arrow stays; the tree's own layout
 * still shows or hides it as the row's item is a branch or a leaf.
 *
 * <p>A cell below the last row (empty) hides its arrow: the tree's skin leaves an empty cell's
 * arrow as it was, and the rows the tree is first laid out with are closed branches.
 */
final class SchemaTreeCell extends TreeCell<SchemaTreeEntry> {

    @Override
    protected void updateItem(SchemaTreeEntry entry, boolean empty) {
        super.updateItem(entry, empty);
        setText(empty || entry == null ? null : entry.toString());
        Node arrow = getDisclosureNode();
        if (empty && arrow != null) {
            arrow.setVisible(false);
        }
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        return new KeptChildrenSkin(this);
    }

    /** The tree cell's skin, its children made once. */
    private static final class KeptChildrenSkin extends TreeCellSkin<SchemaTreeEntry> {

        /** Set by the first call, made from the super constructor: no initializer, or it would be reset. */
        private boolean childrenMade;

        KeptChildrenSkin(SchemaTreeCell cell) {
            super(cell);
        }

        @Override
        protected void updateChildren() {
            if (!childrenMade || getSkinnable().getGraphic() != null) {
                childrenMade = true;
                super.updateChildren();
            }
        }
    }
}
