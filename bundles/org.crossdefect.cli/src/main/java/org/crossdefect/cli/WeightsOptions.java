package org.crossdefect.cli;

import java.nio.file.Path;

import org.crossdefect.core.backbone.WeightsLocator;

import picocli.CommandLine.Option;

/** Where a backbone's weights are and which device runs it: for commands that build one, or load a model's. */
final class WeightsOptions {

    @Option(names = "--weights", description = "Weights file (safetensors; TorchScript .pt for --backbone "
            + "torchscript). Default: the architecture's file in --weights-dir.")
    Path weights;

    @Option(names = "--weights-dir", description = "Folder with weights files (default: -D" + WeightsLocator.PROPERTY
            + ", $" + WeightsLocator.ENVIRONMENT + ", ~/.crossdefect/weights).")
    Path weightsDir;

    @Option(names = "--device", defaultValue = "auto", description = "auto, cpu or gpu:N (default: ${DEFAULT-VALUE}).")
    String device;
}
