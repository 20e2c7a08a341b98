package org.knime.core.node.config.base;

import java.util.Iterator;
import java.util.Set;

import org.knime.core.node.InvalidSettingsException;

/** KNIME 5.4.5 signature (compile-only): the getters for String, int, long, double, boolean, String[]. */
public interface ConfigBaseRO extends Iterable<String> {

    String getKey();

    int getInt(String key) throws InvalidSettingsException;

    double getDouble(String key) throws InvalidSettingsException;

    long getLong(String key) throws InvalidSettingsException;

    String getString(String key) throws InvalidSettingsException;

    Set<String> keySet();

    boolean containsKey(String key);

    boolean getBoolean(String key) throws InvalidSettingsException;

    int getInt(String key, int def);

    double getDouble(String key, double def);

    long getLong(String key, long def);

    boolean getBoolean(String key, boolean def);

    String getString(String key, String def);

    String[] getStringArray(String key) throws InvalidSettingsException;

    String[] getStringArray(String key, String... def);

    @Override
    Iterator<String> iterator();
}
