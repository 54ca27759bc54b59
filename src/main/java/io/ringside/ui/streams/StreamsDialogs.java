package io.ringside.ui.streams;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/**
 * The Produce, topic admin and delete-group dialogs. Each stays open after its action so the
 * outcome, or the service's refusal, is read where it was asked for; its action button is
 * disabled on a read-only profile. The fields are bound to the view-models, which do the work off
 * the FX thread.
 */
final class StreamsDialogs {

    private StreamsDialogs() {
    }

    static void produce(Window owner, ProduceViewModel vm) {
        ChoiceBox<ProduceViewModel.ValueKind> kind = new ChoiceBox<>();
        kind.getItems().setAll(ProduceViewModel.ValueKind.values());
        kind.valueProperty().bindBidirectional(vm.valueKindProperty());
        Button send = action("Produce", vm::produce, Bindings.or(vm.readOnlyProperty(), vm.sendingProperty()));
        show(owner, "Produce a message", form(
                "Topic", field(vm.topicProperty(), "Topic"),
                "Partition", field(vm.partitionProperty(), "Empty: chosen by key"),
                "Key", field(vm.keyProperty(), "Empty: no key"),
                "Value as", kind,
                "Value", area(vm.valueProperty(), "Text, JSON, or the path of a file"),
                "Headers", area(vm.headersProperty(), "key=value, one a line"),
                "", send,
                "", status(vm.statusProperty())));
    }

    static void createTopic(Window owner, KafkaAdminViewModel vm) {
        show(owner, "Create a topic", form(
                "Name", field(vm.newTopicProperty(), "Topic name"),
                "Partitions", field(vm.newPartitionsProperty(), "1"),
                "Replication factor", field(vm.newReplicationProperty(), "1"),
                "Configs", area(vm.newConfigsProperty(), "e.g. retention.ms=86400000, one a line"),
                "", action("Create", vm::createTopic, vm.readOnlyProperty()),
                "", status(vm.statusProperty())));
    }

    static void editConfigs(Window owner, KafkaAdminViewModel vm) {
        Label diff = new Label();
        diff.textProperty().bind(Bindings.createStringBinding(() -> vm.diffProperty().get().isEmpty() ? ""
                : "Would change:\n" + KafkaAdminViewModel.describe(vm.diffProperty().get()), vm.diffProperty()));
        show(owner, "Edit configs of " + vm.topicProperty().get(), form(
                "Configs", area(vm.desiredConfigsProperty(), "name=value, one a line; name= resets to the default"),
                "", action("Preview", vm::previewConfigs, null),
                "", diff,
                "", action("Apply…", vm::applyConfigs, vm.readOnlyProperty()),
                "", status(vm.statusProperty())));
    }

    static void addPartitions(Window owner, KafkaAdminViewModel vm) {
        show(owner, "Add partitions to " + vm.topicProperty().get(), form(
                "Total partitions", field(vm.totalPartitionsProperty(), "New total"),
                "", action("Add…", vm::addPartitions, vm.readOnlyProperty()),
                "", status(vm.statusProperty())));
    }

    static void deleteTopic(Window owner, KafkaAdminViewModel vm) {
        vm.typedNameProperty().set("");
        show(owner, "Delete topic " + vm.topicProperty().get(), form(
                "Type its name", field(vm.typedNameProperty(), vm.topicProperty().get()),
                "", action("Delete topic", vm::deleteTopic, vm.readOnlyProperty()),
                "", status(vm.statusProperty())));
    }

    static void deleteGroup(Window owner, KafkaAdminViewModel vm) {
        vm.typedNameProperty().set("");
        show(owner, "Delete consumer group " + vm.groupProperty().get(), form(
                "Type its name", field(vm.typedNameProperty(), vm.groupProperty().get()),
                "", action("Delete group", vm::deleteGroup, vm.readOnlyProperty()),
                "", status(vm.statusProperty())));
    }

    private static TextField field(javafx.beans.property.StringProperty property, String prompt) {
        TextField field = new TextField();
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static TextArea area(javafx.beans.property.StringProperty property, String prompt) {
        TextArea area = new TextArea();
        area.setPromptText(prompt);
        area.setPrefRowCount(4);
        area.textProperty().bindBidirectional(property);
        return area;
    }

    private static Button action(String text, Runnable run, ObservableBooleanValue disabled) {
        Button button = new Button(text);
        button.setOnAction(event -> run.run());
        if (disabled != null) {
            button.disableProperty().bind(disabled);
        }
        return button;
    }

    private static Label status(javafx.beans.value.ObservableStringValue text) {
        Label label = new Label();
        label.setWrapText(true);
        label.setMaxWidth(480);
        label.textProperty().bind(text);
        return label;
    }

    /** Label, node, label, node...: two columns. */
    private static GridPane form(Object... cells) {
        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(8);
        for (int i = 0; i < cells.length; i += 2) {
            grid.add(new Label((String) cells[i]), 0, i / 2);
            grid.add((Node) cells[i + 1], 1, i / 2);
        }
        return grid;
    }

    private static void show(Window owner, String title, Node content) {
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        dialog.showAndWait();
    }
}
