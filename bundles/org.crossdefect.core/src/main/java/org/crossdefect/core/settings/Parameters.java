package org.crossdefect.core.settings;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

import org.crossdefect.core.error.InvalidSettingException;

/**
 * Setting values as text, keyed like {@link Parameter}s: what a CLI command, a KNIME node's
 * settings or a benchmark hands to a method. Typed getters parse and check a value and throw
 * {@link InvalidSettingException} naming the key, the value and what is accepted; a key that
 * is absent gives the default. Immutable.
 */
public final class Parameters {

    public static final Parameters NONE = new Parameters(Map.of());

    private final Map<String, String> values;

    private Parameters(Map<String, String> values) {
        this.values = values;
    }

    /** @param keysAndValues key, value, key, value, ... (values are turned into text) */
    public static Parameters of(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], String.valueOf(keysAndValues[i + 1]));
        }
        return new Parameters(Map.copyOf(map));
    }

    public static Parameters of(Map<String, String> values) {
        return new Parameters(Map.copyOf(values));
    }

    /** @return these values with {@code key} set (replacing a value it had) */
    public Parameters with(String key, Object value) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.put(key, String.valueOf(value));
        return new Parameters(Map.copyOf(map));
    }

    /** @return these values with every value of {@code other} set on top */
    public Parameters with(Parameters other) {
        Map<String, String> map = new LinkedHashMap<>(values);
        map.putAll(other.values);
        return new Parameters(Map.copyOf(map));
    }

    /** @return the values of these declared parameters only (what one part of a node's settings reads) */
    public Parameters only(Collection<Parameter> declared) {
        Map<String, String> map = new LinkedHashMap<>();
        for (Parameter p : declared) {
            if (values.containsKey(p.key())) {
                map.put(p.key(), values.get(p.key()));
            }
        }
        return new Parameters(Map.copyOf(map));
    }

    public Map<String, String> asMap() {
        return values;
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }

    /**
     * @throws InvalidSettingException if a key is none of the declared ones (a typo would else
     *     be ignored silently)
     */
    public void requireKnown(Collection<Parameter> declared, String owner) {
        List<String> known = declared.stream().map(Parameter::key).toList();
        for (String key : new TreeSet<>(values.keySet())) {
            if (!known.contains(key)) {
                throw new InvalidSettingException(key, "'" + key + "' is not a setting of " + owner + "; its settings "
                        + "are " + String.join(", ", new TreeSet<>(known)));
            }
        }
    }

    public String text(Parameter p) {
        return values.getOrDefault(p.key(), p.defaultValue());
    }

    public boolean bool(Parameter p) {
        return parse(p, v -> switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new IllegalArgumentException();
        }, "true or false");
    }

    public int integer(Parameter p) {
        return parse(p, Integer::parseInt, "a whole number");
    }

    /** @return the value, a finite number */
    public double number(Parameter p) {
        double v = parse(p, Double::parseDouble, "a number");
        if (!Double.isFinite(v)) {
            throw invalid(p, text(p), "a finite number");
        }
        return v;
    }

    /** @return the enum constant whose lower-case name (dashes for underscores) is the value */
    public <E extends Enum<E>> E choice(Parameter p, Class<E> type) {
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            String name = e.name().toLowerCase(Locale.ROOT).replace('_', '-');
            names.add(name);
            if (name.equals(text(p).trim().toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw invalid(p, text(p), "one of " + String.join(", ", names));
    }

    private <T> T parse(Parameter p, Function<String, T> parser, String expected) {
        String text = text(p);
        try {
            return parser.apply(text.trim());
        } catch (RuntimeException e) {
            throw invalid(p, text, expected);
        }
    }

    private static InvalidSettingException invalid(Parameter p, String value, String expected) {
        return new InvalidSettingException(p.key(), "setting '" + p.key() + "' is '" + value + "'; give " + expected
                + " (default " + p.defaultValue() + ")");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Parameters other && values.equals(other.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
