package org.crossdefect.core.error;

import java.nio.file.Path;

/** An output (model file, run folder, tree) that exists already and may not be replaced. */
public final class OutputExistsException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    private final transient Path output;

    public OutputExistsException(Path output) {
        super(output + " already exists; choose another --out or add --overwrite");
        this.output = output;
    }

    public Path output() {
        return output;
    }

    @Override
    public Kind kind() {
        return Kind.OUTPUT_EXISTS;
    }
}
