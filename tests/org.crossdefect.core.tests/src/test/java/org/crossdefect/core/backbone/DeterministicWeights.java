package org.crossdefect.core.backbone;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The weight rule of ../shared/reference/README.md (torchvision_deterministic.json): every
 * state-dict entry gets values from a hash of its position, so a network can be compared with
 * torchvision without shipping weights. The ViT kinds (token, pos_embed, conv.bias, ln.*) follow
 * src/test/python/vit_b8_reference.py.
 */
final class DeterministicWeights {

    private DeterministicWeights() {
    }

    static double raw(long i, long t) {
        long k = (i * 2654435761L + t * 40503L) & 0xFFFFFFFFL;
        return k / 4294967296.0 - 0.5;
    }

    /** @param stateDict the JSON list of [t, name, shape, kind] */
    static Weights build(JsonArray stateDict, NDManager manager) {
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        for (JsonElement e : stateDict) {
            JsonArray entry = e.getAsJsonArray();
            long t = entry.get(0).getAsLong();
            String name = entry.get(1).getAsString();
            JsonArray dims = entry.get(2).getAsJsonArray();
            String kind = entry.get(3).getAsString();
            if (kind.endsWith("num_batches_tracked")) {
                continue;
            }
            long[] shape = new long[dims.size()];
            long n = 1;
            for (int d = 0; d < shape.length; d++) {
                shape[d] = dims.get(d).getAsLong();
                n *= shape[d];
            }
            float[] values = new float[(int) n];
            double scale = 1;
            if (kind.startsWith("conv.weight")) {
                scale = Math.sqrt(2.0 / (shape[1] * shape[2] * shape[3]));
            } else if (kind.startsWith("linear.weight")) {
                scale = Math.sqrt(2.0 / shape[1]);
            }
            for (int i = 0; i < n; i++) {
                double v = raw(i, t);
                double value;
                if (kind.startsWith("conv.weight") || kind.startsWith("linear.weight")) {
                    value = v * scale;
                } else if (kind.equals("linear.bias")) {
                    value = 0.1 * v;
                } else if (kind.equals("bn.weight")) {
                    value = 1.0 + 0.2 * v;
                } else if (kind.equals("bn.bias") || kind.equals("bn.running_mean")) {
                    value = 0.2 * v;
                } else if (kind.equals("bn.running_var")) {
                    value = 1.0 + 0.5 * (v + 0.5);
                } else if (kind.equals("conv.bias") || kind.equals("ln.bias")) {
                    // ViT rule (src/test/python/vit_b8_reference.py) from here on
                    value = 0.1 * v;
                } else if (kind.equals("ln.weight")) {
                    value = 1.0 + 0.2 * v;
                } else if (kind.equals("token")) {
                    value = v;
                } else if (kind.equals("pos_embed")) {
                    value = 0.5 * v;
                } else {
                    throw new IllegalArgumentException("unknown kind " + kind + " of " + name);
                }
                values[i] = (float) value;
            }
            tensors.put(name, manager.create(values, new Shape(shape)));
        }
        return Weights.of("deterministic " + stateDict.size() + " tensors", tensors);
    }
}
