package org.knime.core.node;

import java.util.function.Supplier;

/** KNIME 5.4.5 signature (compile-only). */
public final class NodeLogger {

    private NodeLogger() {
        throw unsupported();
    }

    public static NodeLogger getLogger(Class<?> c) {
        throw unsupported();
    }

    public static NodeLogger getLogger(String s) {
        throw unsupported();
    }

    public void warn(Object o) {
        throw unsupported();
    }

    public void warn(Supplier<Object> o) {
        throw unsupported();
    }

    public void warn(Object o, Throwable t) {
        throw unsupported();
    }

    public void warn(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void warn(Throwable t) {
        throw unsupported();
    }

    public void warnWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void debug(Object o) {
        throw unsupported();
    }

    public void debug(Supplier<Object> o) {
        throw unsupported();
    }

    public void debug(Object o, Throwable t) {
        throw unsupported();
    }

    public void debug(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void debug(Throwable t) {
        throw unsupported();
    }

    public void debugWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void info(Object o) {
        throw unsupported();
    }

    public void info(Supplier<Object> o) {
        throw unsupported();
    }

    public void info(Object o, Throwable t) {
        throw unsupported();
    }

    public void info(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void info(Throwable t) {
        throw unsupported();
    }

    public void infoWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void error(Object o) {
        throw unsupported();
    }

    public void error(Supplier<Object> o) {
        throw unsupported();
    }

    public void error(Object o, Throwable t) {
        throw unsupported();
    }

    public void error(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void error(Throwable t) {
        throw unsupported();
    }

    public void errorWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void fatal(Object o) {
        throw unsupported();
    }

    public void fatal(Supplier<Object> o) {
        throw unsupported();
    }

    public void fatal(Object o, Throwable t) {
        throw unsupported();
    }

    public void fatal(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void fatal(Throwable t) {
        throw unsupported();
    }

    public void fatalWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void coding(Object o) {
        throw unsupported();
    }

    public void coding(Supplier<Object> o) {
        throw unsupported();
    }

    public void coding(Object o, Throwable t) {
        throw unsupported();
    }

    public void coding(Supplier<Object> o, Throwable t) {
        throw unsupported();
    }

    public void codingWithFormat(String format, Object... args) {
        throw unsupported();
    }

    public void assertLog(boolean b, String m) {
        throw unsupported();
    }

    public void assertLog(boolean b, String m, AssertionError e) {
        throw unsupported();
    }

    public boolean isDebugEnabled() {
        throw unsupported();
    }

    public boolean isInfoEnabled() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
