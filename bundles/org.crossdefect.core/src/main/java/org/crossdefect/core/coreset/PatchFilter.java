package org.crossdefect.core.coreset;

import org.crossdefect.core.embed.PatchEmbeddings;

/** Which patches of an image take part (e.g. only the anomalous patches of defect images). */
@FunctionalInterface
public interface PatchFilter {

    PatchFilter ALL = (image, patch) -> true;

    boolean accept(PatchEmbeddings image, int patch);
}
