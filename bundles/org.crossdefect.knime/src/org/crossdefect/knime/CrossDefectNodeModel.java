package org.crossdefect.knime;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.error.CrossDefectException;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.defaultnodesettings.SettingsModelString;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Every CrossDefect node: its settings are the engine's declared {@link Parameter}s (one string
 * setting per key, so each can be a flow variable), checked by the engine at configure time
 * ({@link CrossDefectException} -> {@link InvalidSettingsException}); execute is one engine call.
 * Engine errors fail the node with their message, which names the setting or file and the fix.
 */
public abstract class CrossDefectNodeModel extends NodeModel {

    private final Map<String, SettingsModelString> settings;
    private final Map<String, String> defaults = new LinkedHashMap<>();

    protected CrossDefectNodeModel(PortType[] inputs, PortType[] outputs, List<Parameter> parameters) {
        super(inputs, outputs);
        this.settings = settingsModels(parameters);
        parameters.forEach(p -> defaults.put(p.key(), p.defaultValue()));
    }

    /** @return a settings model per parameter (for the dialog) */
    static Map<String, SettingsModelString> settingsModels(List<Parameter> parameters) {
        Map<String, SettingsModelString> models = new LinkedHashMap<>();
        parameters.forEach(p -> models.put(p.key(), new SettingsModelString(p.key(), p.defaultValue())));
        return models;
    }

    /** @return the current settings as engine parameters */
    protected final Parameters parameters() {
        Map<String, String> values = new LinkedHashMap<>();
        settings.forEach((key, model) -> values.put(key, model.getStringValue()));
        return Parameters.of(values);
    }

    /** Checks the settings the engine way; throws a {@link CrossDefectException} naming the setting. */
    protected abstract void check(Parameters parameters);

    /** @return the output specs, as far as they are known before execution (null where not) */
    protected abstract PortObjectSpec[] outputSpecs(PortObjectSpec[] inputs, Parameters parameters)
            throws InvalidSettingsException;

    /** The node's one engine call. */
    protected abstract PortObject[] run(PortObject[] inputs, Parameters parameters, Progress progress,
            ExecutionContext exec) throws Exception;

    @Override
    protected final PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        try {
            check(parameters());
            return outputSpecs(inSpecs, parameters());
        } catch (CrossDefectException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected final PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        try {
            List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
            PortObject[] outputs = run(inObjects, parameters(), new ExecutionProgress(exec, message -> {
                warnings.add(message);
                getLogger().warn(message);
            }), exec);
            if (!warnings.isEmpty()) {
                // KNIME shows one warning per node: the first, and how many more are in the log.
                setWarningMessage(warnings.get(0) + (warnings.size() > 1
                        ? " (and " + (warnings.size() - 1) + " more warnings in the KNIME log)" : ""));
            }
            return outputs;
        } catch (CancelledException e) {
            throw new CanceledExecutionException(e.getMessage());
        }
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO out) {
        settings.values().forEach(model -> model.saveSettingsTo(out));
    }

    @Override
    protected final void validateSettings(NodeSettingsRO in) throws InvalidSettingsException {
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, SettingsModelString> e : settings.entrySet()) {
            // A setting added in a later version is missing from older workflows: it takes its default.
            if (in.containsKey(e.getKey())) {
                e.getValue().validateSettings(in);
            }
            values.put(e.getKey(), in.getString(e.getKey(), defaults.get(e.getKey())));
        }
        try {
            check(Parameters.of(values));
        } catch (CrossDefectException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO in) throws InvalidSettingsException {
        for (Map.Entry<String, SettingsModelString> e : settings.entrySet()) {
            if (in.containsKey(e.getKey())) {
                e.getValue().loadSettingsFrom(in);
            } else {
                e.getValue().setStringValue(defaults.get(e.getKey()));
            }
        }
    }

    @Override
    protected void reset() {
        // Nothing is kept between executions: the outputs are the node's whole state.
    }

    @Override
    protected void loadInternals(File dir, ExecutionMonitor exec) {
        // No internals: no view.
    }

    @Override
    protected void saveInternals(File dir, ExecutionMonitor exec) {
        // No internals: no view.
    }
}
