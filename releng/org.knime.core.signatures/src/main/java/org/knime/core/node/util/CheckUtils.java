package org.knime.core.node.util;

import java.util.function.Function;
import java.util.function.Supplier;

import org.knime.core.node.InvalidSettingsException;

/** KNIME 5.4.5 signature (compile-only). */
public final class CheckUtils {

    private CheckUtils() {
        throw unsupported();
    }

    public static <T> T checkArgumentNotNull(T arg, String template, Object... args) throws IllegalArgumentException {
        throw unsupported();
    }

    public static <T> T checkArgumentNotNull(T arg) throws IllegalArgumentException {
        throw unsupported();
    }

    public static void checkArgument(boolean predicate, String message) throws IllegalArgumentException {
        throw unsupported();
    }

    public static void checkArgument(boolean predicate, String template, Object... args)
            throws IllegalArgumentException {
        throw unsupported();
    }

    public static void checkState(boolean predicate, String message) throws IllegalStateException {
        throw unsupported();
    }

    public static void checkState(boolean predicate, String template, Object... args) throws IllegalStateException {
        throw unsupported();
    }

    public static <T> T checkNotNull(T obj) throws NullPointerException {
        throw unsupported();
    }

    public static <T> T checkNotNull(T obj, String message) throws NullPointerException {
        throw unsupported();
    }

    public static <T> T checkNotNull(T obj, String template, Object... args) throws NullPointerException {
        throw unsupported();
    }

    public static void checkSetting(boolean predicate, String template, Object... args)
            throws InvalidSettingsException {
        throw unsupported();
    }

    public static <T> T checkSettingNotNull(T obj, String template, Object... args) throws InvalidSettingsException {
        throw unsupported();
    }

    public static <O, T extends Throwable, V> V checkCast(O object, Class<V> expectedClass,
            Function<String, T> exceptionFactory, String template, Object... args) throws T {
        throw unsupported();
    }

    public static <T extends Throwable> void check(boolean predicate, Function<String, T> exceptionFactory,
            Supplier<String> messageSupplier) throws T {
        throw unsupported();
    }

    public static String checkDestinationFile(String fileName, boolean overwriteOK) throws InvalidSettingsException {
        throw unsupported();
    }

    public static String checkDestinationFile(String fileName, boolean overwriteOK, boolean createParentDirs)
            throws InvalidSettingsException {
        throw unsupported();
    }

    public static String checkDestinationDirectory(String dirName) throws InvalidSettingsException {
        throw unsupported();
    }

    public static String checkSourceFile(String fileName) throws InvalidSettingsException {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
