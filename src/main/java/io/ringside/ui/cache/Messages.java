package io.ringside.ui.cache;

/** The first line of an error's message: status lines have room for one. */
final class Messages {

    private Messages() {
    }

    static String firstLine(Throwable error) {
        String message = error.getMessage() == null ? error.toString() : error.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
