package org.crossdefect.core.synth;

import java.util.regex.Pattern;

/** Argument checks shared by the spec records, so bad specs fail before anything is written. */
final class SpecChecks {

    /** Plain names only: no separators or dots that could escape the output folder. */
    private static final Pattern FOLDER_NAME = Pattern.compile("[A-Za-z0-9_\\-]+");

    private SpecChecks() {
    }

    static void requireFolderName(String name, String what) {
        if (name == null || !FOLDER_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " must be letters, digits, '_' or '-': " + name);
        }
    }

    static void requireCount(int count, String what) {
        if (count < 0 || count > 1000) {
            // File names are three digits, 000..999 at most.
            throw new IllegalArgumentException(what + " must be 0..1000: " + count);
        }
    }
}
