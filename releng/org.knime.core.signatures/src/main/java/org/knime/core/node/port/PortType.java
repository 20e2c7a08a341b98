package org.knime.core.node.port;

/** KNIME 5.4.5 signature (compile-only). Get instances from {@link PortTypeRegistry}. */
public final class PortType {

    public PortType(Class<? extends PortObject> objectClass, boolean isOptional) {
        throw unsupported();
    }

    public PortType(Class<? extends PortObject> objectClass) {
        throw unsupported();
    }

    public String getName() {
        throw unsupported();
    }

    public int getColor() {
        throw unsupported();
    }

    public Class<? extends PortObjectSpec> getPortObjectSpecClass() {
        throw unsupported();
    }

    public Class<? extends PortObject> getPortObjectClass() {
        throw unsupported();
    }

    public boolean isOptional() {
        throw unsupported();
    }

    public boolean isHidden() {
        throw unsupported();
    }

    public boolean isSuperTypeOf(PortType subType) {
        throw unsupported();
    }

    @Override
    public String toString() {
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

    public boolean acceptsPortObjectSpec(PortObjectSpec spec) {
        throw unsupported();
    }

    public boolean acceptsPortObjectClass(Class<? extends PortObject> cl) {
        throw unsupported();
    }

    public boolean acceptsPortObject(PortObject po) {
        throw unsupported();
    }

    public static Class<? extends PortObjectSpec> getPortObjectSpecClass(Class<? extends PortObject> objectClass) {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
