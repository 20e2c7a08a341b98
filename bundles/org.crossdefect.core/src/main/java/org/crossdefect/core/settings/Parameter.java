package org.crossdefect.core.settings;

/**
 * One setting a method (or node) declares: its key, its default as text and what it does. The
 * same key is the CLI option ({@code --key}) and the KNIME setting, so help texts, flow
 * variables and validation messages all come from this declaration.
 *
 * @param key lower-case words joined by dashes, e.g. {@code coreset-ratio}
 * @param defaultValue the default as the user would type it
 * @param description one sentence for help texts and node descriptions
 */
public record Parameter(String key, String defaultValue, String description) {

    public Parameter {
        if (!key.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("parameter key '" + key + "' is not lower-case words joined by dashes");
        }
    }
}
