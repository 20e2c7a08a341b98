package org.knime.core.data.image.png;

/** KNIME 5.4.5 signature (compile-only). Supertype ImageValue and field UTILITY left off: not in the reference. */
public interface PNGImageValue {

    PNGImageContent getImageContent();

    static boolean equalContent(PNGImageValue v1, PNGImageValue v2) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
