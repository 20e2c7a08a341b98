package org.crossdefect.core.nodes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.crossdefect.core.data.DatasetMapping;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.error.OutputExistsException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;

/**
 * Synthetic Defect Data: writes the MVTec-style synthetic tree (5 categories x hole, cut, color)
 * unless it is there already, and lists its datasets. The embedded default that lets every
 * shipped workflow run with no data at all.
 */
public final class SyntheticDataNode {

    public static final Parameter FOLDER = new Parameter("folder", "", "Where the tree is written; empty: "
            + "~/.crossdefect/demo-data (the CLI demo's). An existing tree with hole.csv is reused as it is.");
    public static final Parameter SEED = new Parameter("seed", "0", "Seed of the images.");
    public static final Parameter SIZE = new Parameter("size", "" + SynthSpec.DEFAULT_IMAGE_SIZE,
            "Image width and height in pixels.");
    public static final Parameter TRAIN_GOOD = new Parameter("train-good", "" + SynthSpec.DEFAULT_TRAIN_GOOD,
            "Good training images per category.");
    public static final Parameter TEST_GOOD = new Parameter("test-good", "" + SynthSpec.DEFAULT_TEST_GOOD,
            "Good test images per category.");
    public static final Parameter DEFECTS = new Parameter("defects", "" + SynthSpec.DEFAULT_DEFECTS_PER_KIND,
            "Test images per defect kind and category.");
    public static final List<Parameter> PARAMETERS = List.of(FOLDER, SEED, SIZE, TRAIN_GOOD, TEST_GOOD, DEFECTS);

    public static final List<Column> COLUMNS = List.of(
            new Column("dataset", ColumnType.STRING, "The dataset: hole, cut or color."),
            new Column("mapping_file", ColumnType.STRING, "Its mapping CSV (give it as a Domain Split Reader's dataset)."),
            new Column("root", ColumnType.STRING, "The MVTec-layout root of the tree."),
            new Column("categories", ColumnType.INT, "How many categories (domains) the dataset has."));

    /** @param folder the tree's root */
    public record Settings(Path folder, SynthSpec spec) {
    }

    private SyntheticDataNode() {
    }

    public static Settings settings(Parameters p) {
        p.requireKnown(PARAMETERS, "Synthetic Defect Data");
        String folder = p.text(FOLDER).trim();
        int size = p.integer(SIZE);
        InvalidSettingException.require(size >= 32 && size <= 2048, SIZE.key(), "size must be in [32, 2048], got "
                + size);
        try {
            SynthSpec spec = SynthSpec.standard(size, p.integer(TRAIN_GOOD), p.integer(TEST_GOOD), p.integer(DEFECTS),
                    p.integer(SEED));
            return new Settings(folder.isEmpty() ? Path.of(System.getProperty("user.home"), ".crossdefect",
                    "demo-data") : Path.of(folder), spec);
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingException(TRAIN_GOOD.key(), "invalid synthetic data settings: " + e.getMessage());
        }
    }

    /** Writes the tree if it is absent (atomically) and returns one row per dataset. */
    public static Table run(Settings s, Progress progress) throws IOException {
        if (!Files.isRegularFile(s.folder().resolve("hole.csv"))) {
            // Never replace a folder that is not a synthetic tree: it may hold the user's data.
            if (Files.exists(s.folder())) {
                throw new OutputExistsException(s.folder());
            }
            SyntheticMvtecGenerator.generate(s.spec(), s.folder(), false, progress);
        }
        List<List<Object>> rows = new ArrayList<>();
        for (DatasetMapping m : s.spec().datasetMappings()) {
            rows.add(Arrays.<Object>asList(m.name(), s.folder().resolve(m.name() + ".csv").toString(), s.folder().toString(),
                    m.categories().size()));
        }
        return new Table(COLUMNS, rows);
    }
}
