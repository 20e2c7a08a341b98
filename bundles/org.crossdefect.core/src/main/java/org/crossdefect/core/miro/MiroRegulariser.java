package org.crossdefect.core.miro;

import ai.djl.ndarray.NDArray;

/**
 * MIRO's mutual-information regulariser for one feature map: with an identity mean encoder and
 * a bias-only diagonal variance encoder ({@code var = softplus(b) + eps} per channel), the
 * negative variational lower bound {@code mean(((f - f_oracle)^2 / var + log var)) / 2} over
 * batch, channels and positions, where {@code f_oracle} is the frozen pretrained network's map.
 * The training loss adds lambda times the sum of this over the regularised maps.
 */
final class MiroRegulariser {

    /** The variance floor of MIRO's variance encoder. */
    static final float EPS = 1e-5f;
    /** The variance the encoders start at. */
    static final double INITIAL_VARIANCE = 0.1;

    private MiroRegulariser() {
    }

    /** @return the bias b with {@code softplus(b) + EPS = INITIAL_VARIANCE} */
    static float initialBias() {
        return (float) Math.log(Math.expm1(INITIAL_VARIANCE - EPS));
    }

    /**
     * @param scope owns the result and every intermediate (an operation's result belongs to its
     *     first operand's manager, and the bias lives as long as the training)
     * @return softplus(bias) + EPS, shaped like the bias ([1, C, 1, 1])
     */
    static NDArray variance(NDArray bias, ai.djl.ndarray.NDManager scope) {
        NDArray b = scope.zeros(new ai.djl.ndarray.types.Shape(1)).add(bias); // still in the graph
        // softplus(b) = log(1 + exp(b)); b stays near -2.25 and below, where this form is exact.
        return b.exp().add(1).log().add(EPS);
    }

    /**
     * @param features the fine-tuned network's map [N, C, H, W]
     * @param oracle the frozen network's map, same shape, no gradient
     * @param bias the variance encoder's bias [1, C, 1, 1]
     * @return the scalar term for this map
     */
    static NDArray term(NDArray features, NDArray oracle, NDArray bias) {
        NDArray var = variance(bias, features.getManager());
        return features.sub(oracle).square().div(var).add(var.log()).mean().div(2);
    }
}
