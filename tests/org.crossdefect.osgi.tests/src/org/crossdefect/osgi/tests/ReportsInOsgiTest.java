package org.crossdefect.osgi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;

import javax.imageio.ImageIO;

import org.crossdefect.core.eval.ResultTable;
import org.crossdefect.core.eval.RocCurve;
import org.crossdefect.core.report.RocChart;
import org.crossdefect.core.report.XlsxWorkbook;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The report writers inside Equinox: POI and XChart are served to the engine by
 * org.crossdefect.reports (embedded jars), and an XLSX (XMLBeans, Commons Compress) and a PNG
 * chart (AWT, headless) are really written through them.
 */
class ReportsInOsgiTest {

    @Test
    void poiAndXChartComeFromTheReportsBundleAndWrite() throws Exception {
        Bundle core = bundle("org.crossdefect.core");
        Bundle reports = bundle("org.crossdefect.reports");
        assertTrue((reports.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                "org.crossdefect.reports is not resolved: state " + reports.getState());
        for (String name : List.of("org.apache.poi.xssf.usermodel.XSSFWorkbook", "org.knowm.xchart.XYChart")) {
            assertSame(reports, FrameworkUtil.getBundle(core.loadClass(name)), name + " through the engine");
        }

        Path dir = Files.createTempDirectory("crossdefect-osgi-reports");
        try {
            Path xlsx = dir.resolve("summary.xlsx");
            ResultTable table = new ResultTable("Image AUROC", List.of("target", "PatchCore"),
                    List.of(List.of("bottle", 0.9), List.of("cable", 0.75)));
            XlsxWorkbook.write(xlsx, List.of(table));
            try (ZipFile zip = new ZipFile(xlsx.toFile())) {
                assertNotNull(zip.getEntry("xl/worksheets/sheet1.xml"), "a sheet in the XLSX");
            }

            Path png = dir.resolve("roc.png");
            RocCurve curve = RocCurve.of(new double[] {0.1, 0.5, 0.5, 0.9}, new boolean[] {false, false, true, true});
            RocChart.write(png, Map.of("PatchCore", curve), "ROC", 320, 240);
            BufferedImage image = ImageIO.read(png.toFile());
            assertNotNull(image, "the PNG decodes");
            assertEquals(320, image.getWidth());
            assertEquals(240, image.getHeight());
        } finally {
            deleteTree(dir);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static Bundle bundle(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(ReportsInOsgiTest.class);
        assertNotNull(self, "the test runs inside OSGi");
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
