package org.crossdefect.core.data;

import org.crossdefect.core.error.CrossDefectException;

/** A tree or dataset that cannot be used; carries the report with every problem found. */
public final class InvalidDatasetException extends CrossDefectException {
    private static final long serialVersionUID = 1L;

    private final transient ValidationReport report;

    public InvalidDatasetException(ValidationReport report) {
        super(report.format());
        this.report = report;
    }

    /** @return every problem found */
    public ValidationReport report() {
        return report;
    }

    @Override
    public Kind kind() {
        return Kind.INVALID_DATA;
    }
}
