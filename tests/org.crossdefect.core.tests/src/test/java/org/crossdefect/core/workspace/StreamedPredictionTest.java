package org.crossdefect.core.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.ImageSelection;
import org.crossdefect.core.data.InvalidDatasetException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.progress.CancelledException;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.settings.Parameters;
import org.crossdefect.core.synth.SynthSpec;
import org.crossdefect.core.synth.SyntheticMvtecGenerator;
import org.crossdefect.core.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.Device;

/**
 * Predict streams: chunks embedded on one thread while the model scores the previous ones on
 * another. Its scores must be the embed-everything-then-score pass's, bad images in any chunk
 * must all be named, and a cancel must stop both threads before the backbone is closed.
 */
class StreamedPredictionTest {

    @TempDir
    Path dir;

    @Test
    void streamedScoresEqualTheSinglePassAndEveryBadImageIsNamed() throws Exception {
        Path root = dir.resolve("tree");
        SyntheticMvtecGenerator.generate(SynthSpec.standard(64, 4, 3, 2, 1), root, false, Progress.NONE);
        ImageSelection.Selected selected = ImageSelection.category(root, "disc").select();
        List<ImageRecord> test = selected.test();
        assertEquals(9, test.size(), "3 good and 2 of each of 3 defects");
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu")
                .withWeights(SharedData.root().resolve("backbones/mobilenet_v1_1.0_224.safetensors"));
        try (Workspace workspace = Workspace.open(spec, dir.resolve("store"), 2);
                AnomalyModel model = org.crossdefect.core.workspace.MethodRegistry.builtIn().fit("patchcore",
                        Parameters.NONE, workspace.trainingData(selected, 0), Device.cpu(), Progress.NONE)) {
            List<ImageScore> single = model.score(workspace.extractor().embeddings(test, Progress.NONE), Progress.NONE);
            // Chunks of 2 (the last one a single image), on a fresh store so every chunk is embedded anew.
            try (Workspace fresh = Workspace.open(spec, dir.resolve("fresh-store"), 2)) {
                List<ImageScore> streamed = new StreamedPrediction(model, fresh.extractor(), test, Progress.NONE, 2)
                        .run();
                assertEquals(single.size(), streamed.size());
                for (int i = 0; i < single.size(); i++) {
                    assertEquals(single.get(i).score(), streamed.get(i).score(), 1e-5 * Math.abs(single.get(i).score()),
                            test.get(i).image().toString());
                }
            }

            // Two damaged images in different chunks: both named, nothing returned.
            Path first = test.get(1).image();
            Path last = test.get(8).image();
            Files.writeString(first, "not a png");
            Files.writeString(last, "not a png");
            try (Workspace fresh = Workspace.open(spec, dir.resolve("damaged-store"), 2)) {
                InvalidDatasetException bad = assertThrows(InvalidDatasetException.class,
                        () -> new StreamedPrediction(model, fresh.extractor(), test, Progress.NONE, 2).run());
                assertTrue(bad.getMessage().contains(first.toString()) && bad.getMessage().contains(last.toString()),
                        bad.getMessage());

                // A cancel after the first chunk stops the stream; the backbone is free again afterwards.
                List<ImageRecord> good = List.of(test.get(0), test.get(2), test.get(3), test.get(4));
                Progress cancelling = new Progress() {
                    private volatile boolean cancel;

                    @Override
                    public void update(long done, long total, String message) {
                        cancel = done > 0;
                    }

                    @Override
                    public boolean cancelRequested() {
                        return cancel;
                    }
                };
                assertThrows(CancelledException.class,
                        () -> new StreamedPrediction(model, fresh.extractor(), good, cancelling, 2).run());
                assertEquals(4, new StreamedPrediction(model, fresh.extractor(), good, Progress.NONE, 2).run().size());
            }
        }
    }
}
