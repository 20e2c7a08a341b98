package org.crossdefect.core.backbone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;

/**
 * timm's {@code vit_base_patch8_224} (ViT-B/8) up to a chosen block, as the paper uses it: the
 * output of {@code blocks[i]} (0-based) without the class token, as a [N, 768, 28, 28] map.
 *
 * <p>Verified against the sources (read with the project's code search, 2025):
 * <ul>
 * <li>timm {@code timm/models/vision_transformer.py}: {@code vit_base_patch8_224} is patch 8, embed
 * 768, depth 12, 12 heads; {@code VisionTransformer} defaults qkv_bias=True, mlp_ratio 4,
 * class_token, learned pos_embed [1, 785, 768] added after the class token is prepended
 * ({@code _pos_embed}, "concat then add"), no pre-norm, act_layer nn.GELU; {@code Block.forward}:
 * {@code x = x + attn(norm1(x)); x = x + mlp(norm2(x))} (layer scale and drop path are identities
 * for this model). {@code forward_intermediates} applies the final {@code norm} to
 * intermediates only if asked; the paper's hooks do not.</li>
 * <li>timm {@code timm/layers/norm.py}: {@code LayerNorm} eps 1e-6 (older timm:
 * {@code partial(nn.LayerNorm, eps=1e-6)}).</li>
 * <li>timm {@code timm/layers/attention.py} {@code Attention}: {@code qkv} Linear(768, 2304),
 * reshaped (B, N, 3, heads, 64) and permuted to (3, B, heads, N, 64); scale 64^-0.5; softmax
 * over keys; heads merged back with transpose(1, 2).reshape(B, N, 768); then {@code proj}.</li>
 * <li>timm {@code timm/layers/mlp.py} {@code Mlp}: fc1 768 -> 3072, GELU, fc2 3072 -> 768.
 * nn.GELU's default is the exact (erf) form; DJL's {@code Activation.gelu} calls libtorch's
 * {@code gelu} with its default, also exact (checked numerically in the tests).</li>
 * <li>timm {@code timm/layers/patch_embed.py}: Conv2d(3, 768, 8, stride 8) then
 * {@code flatten(2).transpose(1, 2)}: tokens in row-major (row, column) order.</li>
 * <li>The paper's code (Jonas1302/anomalib, {@code configs/paper/main.yaml}: backbone
 * vit_base_patch8_224, layers [5, 9]; {@code anomalib/models/components/feature_extractors/timm.py},
 * class ViT): forward hooks on {@code blocks["5"]} and {@code blocks["9"]} (0-based children of
 * {@code blocks}), output {@code [:, 1:, :].permute(0, 2, 1).reshape(B, C, 28, 28)}: class token
 * dropped, no final norm.</li>
 * </ul>
 * State-dict names are timm's: {@code cls_token}, {@code pos_embed}, {@code patch_embed.proj.*},
 * {@code blocks.i.{norm1, attn.qkv, attn.proj, norm2, mlp.fc1, mlp.fc2}.*} ({@code norm.*} and
 * {@code head.*} are not needed for features).
 */
final class VisionTransformer implements FeatureNetwork {

    private static final int EMBED = 768;
    private static final int DEPTH = 12;
    private static final int HEADS = 12;
    private static final int HEAD_DIM = EMBED / HEADS;
    private static final int MLP_HIDDEN = 4 * EMBED;
    private static final int PATCH = 8;
    private static final int GRID = 224 / PATCH;
    private static final int TOKENS = GRID * GRID + 1;
    private static final float LN_EPS = 1e-6f;
    /** head_dim^-0.5 = 1/8, exact in float. */
    private static final float SCALE = (float) (1.0 / Math.sqrt(HEAD_DIM));
    private static final Shape NORMALIZED = new Shape(EMBED);

    private record Block(NDArray norm1Weight, NDArray norm1Bias, NDArray qkvWeight, NDArray qkvBias,
            NDArray projWeight, NDArray projBias, NDArray norm2Weight, NDArray norm2Bias, NDArray fc1Weight,
            NDArray fc1Bias, NDArray fc2Weight, NDArray fc2Bias) {
    }

    private final NDManager manager;
    private final Conv patchEmbed;
    /** cls_token + pos_embed[:, 0]: the class token as it enters block 0 (timm adds after concat). */
    private final NDArray classToken;
    /** pos_embed[:, 1:], [1, 784, 768]. */
    private final NDArray patchPositions;
    private final List<Block> blocks;

    private VisionTransformer(NDManager manager, Conv patchEmbed, NDArray classToken, NDArray patchPositions,
            List<Block> blocks) {
        this.manager = manager;
        this.patchEmbed = patchEmbed;
        this.classToken = classToken;
        this.patchPositions = patchPositions;
        this.blocks = blocks;
    }

    /** @return "blocks.0" .. "blocks.11": the output of that transformer block */
    static List<String> layers() {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < DEPTH; i++) {
            names.add("blocks." + i);
        }
        return names;
    }

    /** The tensors a weights file must hold, up to {@code lastLayer}, in timm's state-dict order. */
    static List<TensorSpec> expectedTensors(String lastLayer) {
        List<TensorSpec> specs = new ArrayList<>();
        specs.add(new TensorSpec("cls_token", 1, 1, EMBED));
        specs.add(new TensorSpec("pos_embed", 1, TOKENS, EMBED));
        specs.add(new TensorSpec("patch_embed.proj.weight", EMBED, 3, PATCH, PATCH));
        specs.add(new TensorSpec("patch_embed.proj.bias", EMBED));
        for (int i = 0; i <= layers().indexOf(lastLayer); i++) {
            String p = "blocks." + i + ".";
            specs.add(new TensorSpec(p + "norm1.weight", EMBED));
            specs.add(new TensorSpec(p + "norm1.bias", EMBED));
            specs.add(new TensorSpec(p + "attn.qkv.weight", 3 * EMBED, EMBED));
            specs.add(new TensorSpec(p + "attn.qkv.bias", 3 * EMBED));
            specs.add(new TensorSpec(p + "attn.proj.weight", EMBED, EMBED));
            specs.add(new TensorSpec(p + "attn.proj.bias", EMBED));
            specs.add(new TensorSpec(p + "norm2.weight", EMBED));
            specs.add(new TensorSpec(p + "norm2.bias", EMBED));
            specs.add(new TensorSpec(p + "mlp.fc1.weight", MLP_HIDDEN, EMBED));
            specs.add(new TensorSpec(p + "mlp.fc1.bias", MLP_HIDDEN));
            specs.add(new TensorSpec(p + "mlp.fc2.weight", EMBED, MLP_HIDDEN));
            specs.add(new TensorSpec(p + "mlp.fc2.bias", EMBED));
        }
        return specs;
    }

    /** Builds the network from checked weights (see {@link #expectedTensors}); copies them into {@code manager}. */
    static VisionTransformer build(Weights w, String lastLayer, NDManager manager) {
        Conv patchEmbed = Conv.fold(w, "patch_embed.proj", null, 0, PATCH, 0, 1, Conv.Padding.SYMMETRIC, manager);
        float[] cls = w.floats("cls_token");
        float[] pos = w.floats("pos_embed");
        float[] classToken = new float[EMBED];
        for (int c = 0; c < EMBED; c++) {
            classToken[c] = cls[c] + pos[c];
        }
        float[] patchPositions = Arrays.copyOfRange(pos, EMBED, pos.length);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i <= layers().indexOf(lastLayer); i++) {
            String p = "blocks." + i + ".";
            blocks.add(new Block(copy(w, p + "norm1.weight", manager), copy(w, p + "norm1.bias", manager),
                    copy(w, p + "attn.qkv.weight", manager), copy(w, p + "attn.qkv.bias", manager),
                    copy(w, p + "attn.proj.weight", manager), copy(w, p + "attn.proj.bias", manager),
                    copy(w, p + "norm2.weight", manager), copy(w, p + "norm2.bias", manager),
                    copy(w, p + "mlp.fc1.weight", manager), copy(w, p + "mlp.fc1.bias", manager),
                    copy(w, p + "mlp.fc2.weight", manager), copy(w, p + "mlp.fc2.bias", manager)));
        }
        return new VisionTransformer(manager, patchEmbed, manager.create(classToken, new Shape(1, 1, EMBED)),
                manager.create(patchPositions, new Shape(1, TOKENS - 1, EMBED)), blocks);
    }

    /** The weights may live in a short-lived manager: the network keeps its own copy. */
    private static NDArray copy(Weights w, String name, NDManager manager) {
        NDArray t = w.get(name);
        return manager.create(t.toFloatArray(), t.getShape());
    }

    @Override
    public List<String> layerNames() {
        return layers().subList(0, blocks.size());
    }

    @Override
    public NDList forward(NDArray input, List<String> layers) {
        List<String> all = layers();
        int last = layers.stream().mapToInt(all::indexOf).max().orElseThrow();
        NDArray[] maps = new NDArray[last + 1];
        NDArray x = embed(input);
        for (int i = 0; i <= last; i++) {
            NDArray next = block(blocks.get(i), x);
            x.close();
            x = next;
            if (layers.contains(all.get(i))) {
                maps[i] = toMap(x);
            }
        }
        x.close();
        NDList result = new NDList();
        for (String layer : layers) {
            result.add(maps[all.indexOf(layer)]);
        }
        return result;
    }

    /** Patch embedding, class token and positions: [N, 3, 224, 224] -> [N, 785, 768]. */
    private NDArray embed(NDArray input) {
        long n = input.getShape().get(0);
        NDList temp = new NDList();
        try {
            NDArray patches = keep(temp, patchEmbed.apply(input));
            NDArray tokens = keep(temp, keep(temp, patches.reshape(n, EMBED, TOKENS - 1)).transpose(0, 2, 1));
            NDArray placed = keep(temp, tokens.add(patchPositions));
            // The class token is made in the network's manager; move it into the batch's scope.
            NDArray head = keep(temp, classToken.repeat(0, n));
            head.attach(input.getManager());
            return head.concat(placed, 1);
        } finally {
            temp.close();
        }
    }

    /** {@code x + attn(norm1(x))}, then {@code + mlp(norm2(.))}. */
    private static NDArray block(Block b, NDArray x) {
        NDArray y;
        try (NDArray h = layerNorm(x, b.norm1Weight(), b.norm1Bias()); NDArray a = attention(b, h)) {
            y = x.add(a);
        }
        try (NDArray h = layerNorm(y, b.norm2Weight(), b.norm2Bias()); NDArray m = mlp(b, h)) {
            y.addi(m);
        }
        return y;
    }

    private static NDArray attention(Block b, NDArray h) {
        long n = h.getShape().get(0);
        long t = h.getShape().get(1);
        NDList temp = new NDList();
        try {
            NDArray qkv = keep(temp, Linear.linear(h, b.qkvWeight(), b.qkvBias()).singletonOrThrow());
            // (N, T, 3, heads, 64) -> (3, N, heads, T, 64), as timm's Attention
            NDArray split = keep(temp, keep(temp, qkv.reshape(n, t, 3, HEADS, HEAD_DIM))
                    .transpose(2, 0, 3, 1, 4));
            NDArray q = keep(temp, keep(temp, split.get(0)).mul(SCALE));
            NDArray kT = keep(temp, keep(temp, split.get(1)).transpose(0, 1, 3, 2));
            NDArray v = keep(temp, split.get(2));
            NDArray scores = keep(temp, q.matMul(kT));
            NDArray weights = keep(temp, scores.softmax(-1));
            NDArray mixed = keep(temp, weights.matMul(v));
            NDArray merged = keep(temp, keep(temp, mixed.transpose(0, 2, 1, 3)).reshape(n, t, EMBED));
            return Linear.linear(merged, b.projWeight(), b.projBias()).singletonOrThrow();
        } finally {
            temp.close();
        }
    }

    private static NDArray mlp(Block b, NDArray h) {
        try (NDArray hidden = Linear.linear(h, b.fc1Weight(), b.fc1Bias()).singletonOrThrow();
                NDArray activated = Activation.gelu(hidden)) {
            return Linear.linear(activated, b.fc2Weight(), b.fc2Bias()).singletonOrThrow();
        }
    }

    /** Adds an intermediate to the list closed when the step ends, and returns it. */
    private static NDArray keep(NDList temp, NDArray array) {
        temp.add(array);
        return array;
    }

    private static NDArray layerNorm(NDArray x, NDArray weight, NDArray bias) {
        return LayerNorm.layerNorm(x, NORMALIZED, weight, bias, LN_EPS).singletonOrThrow();
    }

    /** Tokens without the class token as a map: [N, 785, 768] -> [N, 768, 28, 28] (row-major grid). */
    private static NDArray toMap(NDArray x) {
        long n = x.getShape().get(0);
        try (NDArray patches = x.get(":, 1:, :"); NDArray channelsFirst = patches.transpose(0, 2, 1)) {
            return channelsFirst.reshape(n, EMBED, GRID, GRID);
        }
    }

    @Override
    public void close() {
        manager.close();
    }
}
