package org.crossdefect.core.nodes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.error.IncompatibleException;
import org.crossdefect.core.score.ImageScore;
import org.crossdefect.core.score.Prediction;
import org.junit.jupiter.api.Test;

/** The Predictor's table says what its maps cover, so the Anomaly Scorer compares them with the right part of each mask. */
class PredictionTableMapsTest {

    @Test
    void aTiledModelsRowsSayTheirMapsCoverWholeImagesAndMixedTablesAreRefused() throws Exception {
        Prediction p = new Prediction(new ImageRecord(Path.of("a.png"), null, "c", "good", "good", Label.GOOD,
                SourceSplit.TEST), new ImageScore(1, new float[6], 2, 3, null, null));
        Table tiled = new Table(PredictionTable.COLUMNS, PredictionTable.rows("m", "test", List.of(p), null, null,
                null, true));
        Table whole = new Table(PredictionTable.COLUMNS, PredictionTable.rows("m", "test", List.of(p), null, null,
                null, false));
        assertTrue(PredictionTable.wholeImageMaps(tiled));
        assertFalse(PredictionTable.wholeImageMaps(whole));
        assertEquals(List.of(2, 3), List.of(PredictionTable.predictions(tiled, "test").get(0).score().gridHeight(),
                PredictionTable.predictions(tiled, "test").get(0).score().gridWidth()), "a stitched grid reads back");
        List<List<Object>> mixed = new ArrayList<>(tiled.rows());
        mixed.addAll(whole.rows());
        IncompatibleException e = assertThrows(IncompatibleException.class,
                () -> PredictionTable.wholeImageMaps(new Table(PredictionTable.COLUMNS, mixed)));
        assertTrue(e.getMessage().contains("tiled"), e.getMessage());
    }
}
