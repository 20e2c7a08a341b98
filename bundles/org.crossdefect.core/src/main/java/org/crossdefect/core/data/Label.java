package org.crossdefect.core.data;

/** Ground truth of an image: good (normal) or anomalous (shows a defect). */
public enum Label {
    GOOD(0),
    ANOMALOUS(1);

    private final int value;

    Label(int value) {
        this.value = value;
    }

    /** @return 0 for good, 1 for anomalous: the value in predictions CSV files */
    public int value() {
        return value;
    }

    /** @return the label of a table cell: 1 anomalous, anything else (0, missing) good */
    public static Label of(Integer value) {
        return value != null && value == ANOMALOUS.value ? ANOMALOUS : GOOD;
    }
}
