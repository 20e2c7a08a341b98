package org.crossdefect.cli;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where embeddings are cached between runs. */
final class StoreOption {

    @Option(names = "--store", description = "Embedding store, reused across runs and methods "
            + "(default: ~/.crossdefect/embeddings).")
    Path store;

    Path path() {
        return store != null ? store : Path.of(System.getProperty("user.home"), ".crossdefect", "embeddings");
    }
}
