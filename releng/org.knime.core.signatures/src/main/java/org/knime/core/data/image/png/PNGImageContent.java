package org.knime.core.data.image.png;

import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.Image;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

/** KNIME 5.4.5 signature (compile-only). Supertype ImageContent left off: not in the reference. */
public class PNGImageContent {

    public static final DataType TYPE = null;

    public PNGImageContent() {
        throw unsupported();
    }

    public PNGImageContent(byte[] imageBytes) {
        throw unsupported();
    }

    public PNGImageContent(InputStream in) throws IOException {
        throw unsupported();
    }

    public byte[] getByteArrayReference() {
        throw unsupported();
    }

    public byte[] getByteArray() {
        throw unsupported();
    }

    public Image getImage() {
        throw unsupported();
    }

    public void paint(Graphics2D g, int width, int height) {
        throw unsupported();
    }

    public void save(OutputStream output) throws IOException {
        throw unsupported();
    }

    public DataCell toImageCell() {
        throw unsupported();
    }

    public Dimension getPreferredSize() {
        throw unsupported();
    }

    public String getSummary() {
        throw unsupported();
    }

    @Override
    public int hashCode() {
        throw unsupported();
    }

    @Override
    public boolean equals(Object obj) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
