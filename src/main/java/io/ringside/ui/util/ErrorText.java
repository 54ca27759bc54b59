package io.ringside.ui.util;

/** The first line of an error's message, for a one-line label; the exception's name when it has none. */
public final class ErrorText {

    private ErrorText() {
    }

    public static String firstLine(Throwable error) {
        String message = error.getMessage() == null || error.getMessage().isBlank() ? error.toString()
                : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
