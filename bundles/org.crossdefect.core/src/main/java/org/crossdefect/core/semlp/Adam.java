package org.crossdefect.core.semlp;

/**
 * Adam (Kingma and Ba) as PyTorch's torch.optim.Adam without weight decay: betas (0.9, 0.999),
 * eps 1e-8, bias-corrected, on Java arrays (a SEMLP has ~49k parameters, so an update costs well
 * under a millisecond and is exactly reproducible).
 */
final class Adam {

    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final double learningRate;
    private final float[][] m;
    private final float[][] v;
    private long step;

    Adam(double learningRate, float[][] parameters) {
        this.learningRate = learningRate;
        m = new float[parameters.length][];
        v = new float[parameters.length][];
        for (int i = 0; i < parameters.length; i++) {
            m[i] = new float[parameters[i].length];
            v[i] = new float[parameters[i].length];
        }
    }

    void update(float[][] parameters, float[][] gradients) {
        step++;
        double correction1 = 1 - Math.pow(BETA1, step);
        double sqrtCorrection2 = Math.sqrt(1 - Math.pow(BETA2, step));
        double stepSize = learningRate / correction1;
        for (int t = 0; t < parameters.length; t++) {
            float[] p = parameters[t];
            float[] g = gradients[t];
            float[] mt = m[t];
            float[] vt = v[t];
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                mt[i] = (float) (BETA1 * mt[i] + (1 - BETA1) * gi);
                vt[i] = (float) (BETA2 * vt[i] + (1 - BETA2) * gi * gi);
                p[i] = (float) (p[i] - stepSize * mt[i] / (Math.sqrt(vt[i]) / sqrtCorrection2 + EPS));
            }
        }
    }
}
