package org.crossdefect.core.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.crossdefect.core.eval.RocCurve;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.lines.SeriesLines;
import org.knowm.xchart.style.markers.SeriesMarkers;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Draws ROC curves into a PNG (XChart), atomically: one line per curve, named in the legend with
 * its AUROC, and the chance diagonal dashed. Rendering needs no display: it paints into an
 * image, so it works with {@code -Djava.awt.headless=true} (set it for servers and CI). Curves
 * with more than {@value #MAX_POINTS} points (pixel ROCs) are drawn through evenly spaced points
 * of theirs, first and last kept; the legend's AUROC is always the exact area.
 */
public final class RocChart {

    public static final int DEFAULT_WIDTH = 640;
    public static final int DEFAULT_HEIGHT = 520;
    static final int MAX_POINTS = 2000;

    private RocChart() {
    }

    /** A {@value #DEFAULT_WIDTH} x {@value #DEFAULT_HEIGHT} chart. */
    public static void write(Path png, Map<String, RocCurve> curves, String title) throws IOException {
        write(png, curves, title, DEFAULT_WIDTH, DEFAULT_HEIGHT);
    }

    /**
     * @param curves legend name to curve, drawn in the map's iteration order (use a LinkedHashMap)
     */
    public static void write(Path png, Map<String, RocCurve> curves, String title, int width, int height)
            throws IOException {
        if (curves.isEmpty()) {
            throw new IllegalArgumentException("no ROC curve to draw");
        }
        if (width < 50 || height < 50) {
            throw new IllegalArgumentException("chart size " + width + "x" + height + " is too small");
        }
        XYChart chart = new XYChart(width, height);
        chart.setTitle(title);
        chart.setXAxisTitle("False positive rate");
        chart.setYAxisTitle("True positive rate");
        chart.getStyler().setXAxisMin(0.0);
        chart.getStyler().setXAxisMax(1.0);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(1.0);
        chart.getStyler().setXAxisDecimalPattern("0.0");
        chart.getStyler().setYAxisDecimalPattern("0.0");
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setChartBackgroundColor(Color.WHITE);
        chart.getStyler().setMarkerSize(0);

        XYSeries chance = chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chance.setMarker(SeriesMarkers.NONE);
        chance.setLineStyle(SeriesLines.DASH_DASH);
        chance.setLineColor(Color.GRAY);
        chance.setShowInLegend(false);
        for (Map.Entry<String, RocCurve> e : curves.entrySet()) {
            RocCurve curve = e.getValue();
            int[] index = pointsToDraw(curve.size());
            double[] x = new double[index.length];
            double[] y = new double[index.length];
            for (int i = 0; i < index.length; i++) {
                x[i] = curve.fpr()[index[i]];
                y[i] = curve.tpr()[index[i]];
            }
            String name = String.format(Locale.ROOT, "%s (AUROC %.3f)", e.getKey(), curve.area());
            XYSeries series = chart.addSeries(name, x, y);
            series.setMarker(SeriesMarkers.NONE);
        }
        AtomicFiles.writeFile(png, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }

    /** Indexes of the points to draw: all, or {@value #MAX_POINTS} evenly spaced ones with both ends. */
    static int[] pointsToDraw(int size) {
        int n = Math.min(size, MAX_POINTS);
        int[] index = new int[n];
        for (int i = 0; i < n; i++) {
            index[i] = n == size ? i : (int) Math.round((double) i * (size - 1) / (n - 1));
        }
        return index;
    }
}
