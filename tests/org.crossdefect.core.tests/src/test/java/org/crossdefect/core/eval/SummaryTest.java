package org.crossdefect.core.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;

import org.crossdefect.core.eval.Summary.Result;
import org.junit.jupiter.api.Test;

class SummaryTest {

    private static final double EPS = 1e-9;

    @Test
    void meanAndSampleStdByHand() {
        MeanStd ms = MeanStd.of(0.9, 0.8, 1.0);
        assertEquals(0.9, ms.mean(), EPS);
        assertEquals(0.1, ms.std(), EPS); // sqrt((0 + 0.01 + 0.01) / (3 - 1))
        assertEquals(3, ms.n());
        assertEquals("0.900 \u00b1 0.100", ms.format(3));
        assertEquals(new MeanStd(0.7, 0, 1), MeanStd.of(0.7));
        assertEquals(Math.sqrt(2), MeanStd.of(1, 3).std(), EPS);
        assertThrows(IllegalArgumentException.class, MeanStd::of);
        assertThrows(IllegalArgumentException.class, () -> MeanStd.of(1, Double.NaN));
    }

    static List<Result> results() {
        List<Result> r = new ArrayList<>();
        double[] bottle = {0.9, 0.8, 1.0};
        double[] cable = {0.5, 0.7, 0.6};
        for (int seed = 0; seed < 3; seed++) {
            r.add(new Result("hole", "bottle", "PatchCore", seed, bottle[seed]));
            r.add(new Result("hole", "cable", "PatchCore", seed, cable[seed]));
            r.add(new Result("cut", "tile", "PatchCore", seed, 0.6));
        }
        r.add(new Result("hole", "bottle", "SEMLP", 0, 0.7));
        return r;
    }

    @Test
    void tableOfThePapersShapeByHand() {
        ResultTable t = Summary.table("Image AUROC", results(), 3);
        assertEquals(List.of("dataset", "target", "PatchCore", "PatchCore mean", "PatchCore std", "SEMLP",
                "SEMLP mean", "SEMLP std"), t.columns());
        assertEquals(6, t.rows().size()); // bottle, cable, hole mean, tile, cut mean, all mean
        assertEquals(List.of("hole", "bottle", "0.900 \u00b1 0.100"), t.rows().get(0).subList(0, 3));
        assertEquals(0.9, (Double) t.get(0, "PatchCore mean"), EPS);
        assertEquals(0.1, (Double) t.get(0, "PatchCore std"), EPS);
        assertEquals("0.700 \u00b1 0.000", t.get(0, "SEMLP"));
        assertEquals(0.0, t.get(0, "SEMLP std"));
        assertNull(t.get(1, "SEMLP")); // not run on cable
        // hole mean: per seed (0.7, 0.75, 0.8) -> 0.75 +- 0.05
        assertEquals(List.of("hole", "mean"), t.rows().get(2).subList(0, 2));
        assertEquals(0.75, (Double) t.get(2, "PatchCore mean"), EPS);
        assertEquals(0.05, (Double) t.get(2, "PatchCore std"), EPS);
        assertNull(t.get(2, "SEMLP mean")); // SEMLP lacks a target of hole: no comparable average
        assertEquals(List.of("cut", "tile"), t.rows().get(3).subList(0, 2));
        assertEquals(List.of("cut", "mean"), t.rows().get(4).subList(0, 2));
        // all: per seed (2/3, 0.7, 22/30) -> 0.7 +- 1/30
        assertEquals(List.of("all", "mean"), t.rows().get(5).subList(0, 2));
        assertEquals(0.7, (Double) t.get(5, "PatchCore mean"), EPS);
        assertEquals(1.0 / 30, (Double) t.get(5, "PatchCore std"), EPS);
    }

    @Test
    void duplicatesAndBadCellsAreErrors() {
        List<Result> r = new ArrayList<>(results());
        r.add(new Result("hole", "bottle", "SEMLP", 0, 0.5));
        assertThrows(IllegalArgumentException.class, () -> Summary.table("x", r, 3));
        assertThrows(IllegalArgumentException.class,
                () -> new ResultTable("x", List.of("a"), List.of(List.of(Double.NaN))));
        assertThrows(IllegalArgumentException.class,
                () -> new ResultTable("x", List.of("a", "b"), List.of(List.of(1.0))));
        assertEquals(3.0, new ResultTable("x", List.of("a"), List.of(List.of(3))).get(0, "a"));
    }
}
