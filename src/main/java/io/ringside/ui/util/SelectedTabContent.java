package io.ringside.ui.util;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;

/**
 * Keeps only the selected tab's content in the scene. A tab pane's skin keeps every tab's content
 * among its children, hidden but still styled and laid out: a table in a tab nobody looks at
 * creates its rows and cells when its items arrive, and a chart measures its axes at each new
 * point. On the Cluster page that was the Nodes tab, whose node table, detail tables and charts,
 * filled by the health poll while the rows were browsed, cost the FX thread 110-190 ms in one
 * pulse. Out of the scene a control only takes its changes; it lays itself out and is styled once
 * its tab is selected, with whatever it holds by then. The tab left keeps its content (hidden) until
 * the pulse after the one that shows the new content ({@link StepsPerPulse}).
 */
public final class SelectedTabContent {

    private static final String CONTENT = SelectedTabContent.class.getName();

    private SelectedTabContent() {
    }

    /** From now on the tabs of {@code tabs} hold their content only while selected; call after they are all added. */
    public static void attach(TabPane tabs) {
        for (Tab tab : tabs.getTabs()) {
            tab.getProperties().put(CONTENT, tab.getContent());
            if (!tab.isSelected()) {
                tab.setContent(null);
            }
        }
        tabs.getSelectionModel().selectedItemProperty().addListener((observable, before, selected) -> {
            if (before != null && before.getProperties().containsKey(CONTENT)) {
                // out a pulse after the new content's first one: taking a page's worth of nodes out of
                // the scene is work of its own, and that first pulse is the opening's heaviest
                StepsPerPulse.start(List.of(() -> {
                    if (!before.isSelected()) {
                        before.setContent(null);
                    }
                }));
            }
            if (selected != null && selected.getProperties().containsKey(CONTENT)) {
                selected.setContent(content(selected));
            }
        });
    }

    /** The tab's content, shown or not (for what walks a page's nodes, such as the remembered split-pane dividers). */
    public static Node content(Tab tab) {
        Object kept = tab.getProperties().get(CONTENT);
        return kept instanceof Node node ? node : tab.getContent();
    }
}
