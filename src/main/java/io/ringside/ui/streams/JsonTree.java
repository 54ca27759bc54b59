package io.ringside.ui.streams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import javafx.scene.control.TreeItem;

/**
 * A JSON value as a tree the detail pane folds: an object or array is a node labelled with its
 * size, a scalar a leaf "name: value". The root and its children start expanded, deeper levels
 * folded, so a large event opens readable and the operator unfolds what they look for.
 */
final class JsonTree {

    static final int EXPANDED_DEPTH = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonTree() {
    }

    /** Null when {@code json} is empty or not JSON. */
    static TreeItem<String> of(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        try {
            return item("value", JSON.readTree(json), 0);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    private static TreeItem<String> item(String name, JsonNode node, int depth) {
        if (node.isObject()) {
            TreeItem<String> item = new TreeItem<>(name + " {" + node.size() + "}");
            for (Map.Entry<String, JsonNode> field : node.properties()) {
                item.getChildren().add(item(field.getKey(), field.getValue(), depth + 1));
            }
            item.setExpanded(depth <= EXPANDED_DEPTH);
            return item;
        }
        if (node.isArray()) {
            TreeItem<String> item = new TreeItem<>(name + " [" + node.size() + "]");
            for (int i = 0; i < node.size(); i++) {
                item.getChildren().add(item(String.valueOf(i), node.get(i), depth + 1));
            }
            item.setExpanded(depth <= EXPANDED_DEPTH);
            return item;
        }
        return new TreeItem<>(name + ": " + node);
    }
}
