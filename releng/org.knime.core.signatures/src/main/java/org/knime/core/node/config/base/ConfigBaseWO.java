package org.knime.core.node.config.base;

/** KNIME 5.4.5 signature (compile-only): the adders for String, int, long, double, boolean, String[]. */
public interface ConfigBaseWO {

    String getKey();

    void addInt(String key, int value);

    void addDouble(String key, double value);

    void addLong(String key, long value);

    void addString(String key, String value);

    void addBoolean(String key, boolean value);

    void addStringArray(String key, String... values);
}
