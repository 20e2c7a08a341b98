package org.crossdefect.core.model;

import java.util.List;
import java.util.function.Function;

import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

/**
 * A {@link Method} whose name, description and settings are declared once, in its constructor;
 * subclasses only fit and read.
 */
public abstract class DeclaredMethod<S> implements Method<S> {

    private final String id;
    private final String title;
    private final String description;
    private final List<Parameter> parameters;
    private final Function<Parameters, S> settings;

    /** @param settings builds and validates the settings record from values of {@code parameters} */
    protected DeclaredMethod(String id, String title, String description, List<Parameter> parameters,
            Function<Parameters, S> settings) {
        this.id = id;
        this.title = title;
        this.description = description;
        this.parameters = List.copyOf(parameters);
        this.settings = settings;
    }

    @Override
    public final String id() {
        return id;
    }

    @Override
    public final String title() {
        return title;
    }

    @Override
    public final String description() {
        return description;
    }

    @Override
    public final List<Parameter> parameters() {
        return parameters;
    }

    @Override
    public final S settings(Parameters values) {
        return settings.apply(values);
    }
}
