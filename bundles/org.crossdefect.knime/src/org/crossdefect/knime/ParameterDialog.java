package org.crossdefect.knime;

import java.util.List;
import java.util.Map;

import org.crossdefect.core.settings.Parameter;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/**
 * The dialog of every CrossDefect node: one text field per declared setting, labelled with its
 * key (the node description explains each, with its default); values are checked by the engine
 * when the dialog is applied.
 */
final class ParameterDialog extends DefaultNodeSettingsPane {

    ParameterDialog(List<Parameter> parameters) {
        Map<String, SettingsModelString> models = CrossDefectNodeModel.settingsModels(parameters);
        for (Parameter p : parameters) {
            addDialogComponent(new DialogComponentString(models.get(p.key()), p.key()));
        }
    }
}
