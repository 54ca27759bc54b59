package io.ringside.ui.util;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.util.Callback;

/** Loads views from the {@code /fxml/} resource folder with constructor-injected controllers. */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(String resource, Callback<Class<?>, Object> controllers) {
        URL url = Fxml.class.getResource(resource);
        if (url == null) {
            throw new IllegalArgumentException("No FXML resource " + resource);
        }
        return load(url, controllers);
    }

    public static Parent load(URL url, Callback<Class<?>, Object> controllers) {
        FXMLLoader loader = new FXMLLoader(url);
        loader.setControllerFactory(controllers);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load " + url, e);
        }
    }
}
