package org.knime.core.node.port;

/** KNIME 5.4.5 signature (compile-only). KNIME creates it; use the {@link java.util.zip.ZipOutputStream} methods. */
public class PortObjectZipOutputStream extends java.util.zip.ZipOutputStream {

    private PortObjectZipOutputStream() {
        super((java.io.OutputStream) null);
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
