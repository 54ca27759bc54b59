package io.ringside.core.kafka.explorer;

/**
 * One line of a config edit's diff. A null {@code newValue} resets the config to its default; a
 * null {@code oldValue} means the topic had no value of its own.
 */
public record ConfigChange(String name, String oldValue, String newValue) {

    public boolean reset() {
        return newValue == null;
    }

    public String describe() {
        return name + ": " + (oldValue == null ? "(default)" : oldValue) + " -> "
                + (newValue == null ? "(default)" : newValue);
    }
}
