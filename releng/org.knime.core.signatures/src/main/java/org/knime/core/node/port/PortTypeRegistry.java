package org.knime.core.node.port;

/** KNIME 5.4.5 signature (compile-only). */
public final class PortTypeRegistry {

    private PortTypeRegistry() {
        throw unsupported();
    }

    public static PortTypeRegistry getInstance() {
        throw unsupported();
    }

    public synchronized java.util.Collection<PortType> availablePortTypes() {
        throw unsupported();
    }

    public synchronized PortType getPortType(Class<? extends PortObject> objectClass) {
        throw unsupported();
    }

    public synchronized PortType getPortType(Class<? extends PortObject> objectClass, boolean isOptional) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
