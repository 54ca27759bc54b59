package io.ringside.core.data.pm25;

/** Why one CSV row cannot be imported; control flow inside the importer, so it carries no stack trace. */
final class RowRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    RowRejectedException(String reason) {
        super(reason, null, false, false);
    }
}
