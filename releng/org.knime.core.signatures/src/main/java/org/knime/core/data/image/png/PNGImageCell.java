package org.knime.core.data.image.png;

import org.knime.core.data.DataCell;

/**
 * KNIME 5.4.5 signature (compile-only). Not public to construct: create cells with
 * {@link PNGImageContent#toImageCell()}.
 */
public class PNGImageCell extends DataCell implements PNGImageValue {

    private PNGImageCell() {
        throw unsupported();
    }

    @Override
    public PNGImageContent getImageContent() {
        throw unsupported();
    }

    @Override
    public String toString() {
        throw unsupported();
    }

    @Override
    protected boolean equalsDataCell(DataCell dc) {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    public String getImageExtension() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
