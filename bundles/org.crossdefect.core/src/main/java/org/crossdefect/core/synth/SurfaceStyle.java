package org.crossdefect.core.synth;

/**
 * The look of a synthetic category. Every image of a category is a random variation (offset,
 * slight rotation, colour jitter, noise) of its style, so good images differ from each other
 * while the category stays recognisable.
 *
 * <p>Texture styles fill the whole image; object styles draw one object on a plain background,
 * and defects are placed on the object only.
 */
public enum SurfaceStyle {
    /** Criss-cross weave of two thread colours (like MVTec carpet). Texture. */
    WOVEN_FABRIC(false),
    /** Curved growth-ring bands with fibre streaks. Texture. */
    WOOD_GRAIN(false),
    /** Ceramic tiles in a grid with grout lines and speckles. Texture. */
    TILES(false),
    /** Granular multi-coloured grains. Texture. */
    SPECKLED_STONE(false),
    /**
     * A shaded disc on a dark plain background, like a hazelnut. A category whose name contains
     * "metal" gets a grey metallic ring (a nut) instead, so metal_nut and hazelnut look different
     * although they share this style.
     */
    ROUND_OBJECT(true),
    /** Fine wrinkled leather grain. Texture. */
    LEATHER(false),
    /** Cross-section of a sheathed cable with three coloured insulated wires, seen from above. */
    CABLE(true),
    /** A white elongated capsule with coloured specks on a dark background. */
    PILL(true);

    private final boolean object;

    SurfaceStyle(boolean object) {
        this.object = object;
    }

    /** @return whether the style is one object on a background (defects go on the object only) */
    public boolean isObject() {
        return object;
    }
}
