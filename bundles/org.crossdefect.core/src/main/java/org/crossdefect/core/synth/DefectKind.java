package org.crossdefect.core.synth;

import java.util.Locale;

/** The three defect types the synthetic generator can paint; one per built-in dataset. */
public enum DefectKind {
    /** A dark, roughly elliptical hole with a rim. */
    HOLE,
    /** A thin, jagged, dark gap or crack. */
    CUT,
    /** A soft-edged stain of shifted hue. */
    COLOR;

    /** @return the MVTec-style test folder name of this kind: "hole", "cut" or "color" */
    public String folderName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
