package org.crossdefect.core.backbone;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * {@code body(x) + shortcut(x)}, then ReLU: a ResNet basic or bottleneck block (or, without the
 * ReLU, a MobileNetV2 inverted residual). Nothing is added in place, so autograd sees every
 * intermediate.
 */
final class ResidualBlock extends AbstractBlock {

    private final List<ConvBnBlock> body;
    private final ConvBnBlock shortcut;
    private final boolean reluAfterAdd;

    /** @param shortcut the downsampling projection, or null for the identity */
    ResidualBlock(List<ConvBnBlock> body, ConvBnBlock shortcut) {
        this(body, shortcut, true);
    }

    /** @param reluAfterAdd false for MobileNetV2's linear bottleneck */
    ResidualBlock(List<ConvBnBlock> body, ConvBnBlock shortcut, boolean reluAfterAdd) {
        this.reluAfterAdd = reluAfterAdd;
        for (int i = 0; i < body.size(); i++) {
            addChildBlock("conv" + (i + 1), body.get(i));
        }
        this.body = body;
        this.shortcut = shortcut == null ? null : addChildBlock("downsample", shortcut);
    }

    @Override
    protected NDList forwardInternal(ParameterStore ps, NDList inputs, boolean training,
            PairList<String, Object> params) {
        NDArray x = inputs.singletonOrThrow();
        NDList h = inputs;
        for (ConvBnBlock conv : body) {
            h = conv.forward(ps, h, false);
        }
        NDArray identity = shortcut == null ? x : shortcut.forward(ps, inputs, false).singletonOrThrow();
        NDArray sum = h.singletonOrThrow().add(identity);
        return new NDList(reluAfterAdd ? ai.djl.nn.Activation.relu(sum) : sum);
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape[] shapes = inputShapes;
        for (ConvBnBlock conv : body) {
            shapes = conv.getOutputShapes(shapes);
        }
        return shapes;
    }
}
