package org.knime.core.node;

import java.io.File;
import java.io.IOException;

import org.knime.core.data.DataTableSpec;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** KNIME 5.4.5 signature (compile-only). Supertype AbstractNodeView$ViewableModel left off: not in the reference. */
public abstract class NodeModel {

    protected NodeModel(int nrInDataPorts, int nrOutDataPorts) {
        throw unsupported();
    }

    protected NodeModel(PortType[] inPortTypes, PortType[] outPortTypes) {
        throw unsupported();
    }

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected final int getNrInPorts() {
        throw unsupported();
    }

    protected final int getNrOutPorts() {
        throw unsupported();
    }

    protected final PortType getInPortType(int index) {
        throw unsupported();
    }

    protected final PortType getOutPortType(int index) {
        throw unsupported();
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        throw unsupported();
    }

    protected BufferedDataTable[] execute(BufferedDataTable[] inData, ExecutionContext exec) throws Exception {
        throw unsupported();
    }

    protected abstract void reset();

    protected void onDispose() {
        throw unsupported();
    }

    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        throw unsupported();
    }

    protected DataTableSpec[] configure(DataTableSpec[] inSpecs) throws InvalidSettingsException {
        throw unsupported();
    }

    protected final void setWarningMessage(String warningMessage) {
        throw unsupported();
    }

    protected final String getWarningMessage() {
        throw unsupported();
    }

    public final String peekFlowVariableString(String name) {
        throw unsupported();
    }

    protected final void pushFlowVariableDouble(String name, double value) {
        throw unsupported();
    }

    public final double peekFlowVariableDouble(String name) {
        throw unsupported();
    }

    protected final void pushFlowVariableInt(String name, int value) {
        throw unsupported();
    }

    public final int peekFlowVariableInt(String name) {
        throw unsupported();
    }

    protected final void pushFlowVariableString(String name, String value) {
        throw unsupported();
    }

    protected final NodeLogger getLogger() {
        throw unsupported();
    }

    private static UnsupportedOperationException unsupported() {
        return new UnsupportedOperationException("compile-only signature of KNIME 5.4.5 org.knime.core; runs only inside KNIME");
    }
}
