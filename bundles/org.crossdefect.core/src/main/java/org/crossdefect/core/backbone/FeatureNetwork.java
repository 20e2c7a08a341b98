package org.crossdefect.core.backbone;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/** A network reduced to what patch embeddings need: an input batch in, named feature maps out. */
interface FeatureNetwork extends AutoCloseable {

    /** @return the names of the maps {@link #forward} can return, shallow to deep */
    List<String> layerNames();

    /**
     * Runs the network up to the deepest requested layer.
     *
     * @param input normalised images, NCHW float32
     * @param layers names from {@link #layerNames()}
     * @return the requested maps in the order asked, owned by the input's manager
     */
    NDList forward(NDArray input, List<String> layers);

    @Override
    void close();
}
