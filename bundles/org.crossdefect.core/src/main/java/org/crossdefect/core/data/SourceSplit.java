package org.crossdefect.core.data;

/** The MVTec folder an image was read from: {@code train/} or {@code test/}. */
public enum SourceSplit {
    TRAIN("train"),
    TEST("test");

    private final String folderName;

    SourceSplit(String folderName) {
        this.folderName = folderName;
    }

    /** @return the folder name in the MVTec layout */
    public String folderName() {
        return folderName;
    }
}
