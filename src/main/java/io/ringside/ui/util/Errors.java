package io.ringside.ui.util;

/** The first line of an error's message: banners and status lines have room for one. */
public final class Errors {

    private Errors() {
    }

    public static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
