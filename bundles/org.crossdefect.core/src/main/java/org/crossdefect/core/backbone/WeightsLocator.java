package org.crossdefect.core.backbone;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds a weights file: an explicit path wins; else {@link Architecture#weightsFileName()} is
 * looked for in the spec's weights folder, then the folder named by the system property {@code crossdefect.weights.dir}, then the
 * environment variable {@code CROSSDEFECT_WEIGHTS_DIR}, then {@code ~/.crossdefect/weights}.
 */
public final class WeightsLocator {

    public static final String PROPERTY = "crossdefect.weights.dir";
    public static final String ENVIRONMENT = "CROSSDEFECT_WEIGHTS_DIR";

    private WeightsLocator() {
    }

    /** @return the folders searched, in order */
    public static List<Path> searchFolders(BackboneSpec spec) {
        List<Path> folders = new ArrayList<>();
        if (spec.weightsDir() != null) {
            folders.add(spec.weightsDir());
        }
        String property = System.getProperty(PROPERTY);
        if (property != null && !property.isBlank()) {
            folders.add(Path.of(property));
        }
        String env = System.getenv(ENVIRONMENT);
        if (env != null && !env.isBlank()) {
            folders.add(Path.of(env));
        }
        folders.add(Path.of(System.getProperty("user.home"), ".crossdefect", "weights"));
        return folders;
    }

    /**
     * @throws BackboneException saying where it looked and how to provide the file
     */
    public static Path locate(BackboneSpec spec) throws BackboneException {
        if (spec.weights() != null) {
            if (!Files.isRegularFile(spec.weights())) {
                throw new BackboneException("weights file " + spec.weights() + " does not exist; check the path");
            }
            return spec.weights();
        }
        Architecture a = spec.architecture();
        if (a.weightsFileName() == null) {
            throw new BackboneException("a " + a.id() + " backbone needs its file: give the path of the TorchScript "
                    + "file (README: 'Exporting a backbone as TorchScript')");
        }
        List<Path> folders = searchFolders(spec);
        for (Path folder : folders) {
            Path candidate = folder.resolve(a.weightsFileName());
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new BackboneException("no weights for " + a.id() + ": looked for " + a.weightsFileName() + " in "
                + folders + ". Put the file in one of these folders (--weights-dir DIR, -D" + PROPERTY + "=DIR or " + ENVIRONMENT
                + "=DIR), or give its path. ResNet/WRN weights are torchvision or timm state dicts saved as "
                + "safetensors (README: 'Backbone weights')");
    }
}
