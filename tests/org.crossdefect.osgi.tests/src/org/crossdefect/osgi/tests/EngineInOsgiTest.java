package org.crossdefect.osgi.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.crossdefect.core.backbone.Architecture;
import org.crossdefect.core.backbone.Backbone;
import org.crossdefect.core.backbone.BackboneSpec;
import org.crossdefect.core.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.wiring.BundleRevision;
import org.osgi.framework.wiring.BundleWire;
import org.osgi.framework.wiring.BundleWiring;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The engine inside Equinox, as KNIME runs it: our bundles resolve, the PyTorch natives come from
 * the platform fragment through DJL's bundle (no class path holds them), and a real backbone runs.
 */
class EngineInOsgiTest {

    private static final String NATIVES_PROPERTIES = "native/lib/pytorch.properties";
    private static final String FRAGMENT = "org.crossdefect.djl.linux.x86_64";

    @Test
    void bundlesResolveAndTheNativesFragmentIsAttachedToDjl() {
        Bundle core = bundle("org.crossdefect.core");
        Bundle djl = bundle("org.crossdefect.djl");
        Bundle natives = bundle(FRAGMENT);
        for (Bundle b : List.of(core, djl)) {
            assertTrue((b.getState() & (Bundle.RESOLVED | Bundle.STARTING | Bundle.ACTIVE)) != 0,
                    b.getSymbolicName() + " is not resolved: state " + b.getState());
        }
        assertEquals(Bundle.RESOLVED, natives.getState(), "fragment state");
        assertTrue((natives.adapt(BundleRevision.class).getTypes() & BundleRevision.TYPE_FRAGMENT) != 0);
        List<BundleWire> hosts = natives.adapt(BundleWiring.class).getRequiredWires("osgi.wiring.host");
        assertEquals(1, hosts.size(), "fragment hosts");
        assertSame(djl, hosts.get(0).getProvider().getBundle(), "fragment host");

        // The engine's classes are served by our bundles, not by some class path.
        assertSame(core, FrameworkUtil.getBundle(Backbone.class));
        assertSame(djl, FrameworkUtil.getBundle(Engine.class));
    }

    @Test
    void nativesAreFoundThroughDjlsBundleOnlyNotOnAClassPath() {
        assertNotNull(bundle(FRAGMENT).getEntry("lib/pytorch-native-cpu.jar"), "natives jar in the fragment");
        assertNotNull(Engine.class.getClassLoader().getResource(NATIVES_PROPERTIES),
                "DJL's bundle loader sees the fragment's natives");
        assertNull(ClassLoader.getSystemClassLoader().getResource(NATIVES_PROPERTIES),
                "the natives must not be on the JVM's class path");
        assertNull(getClass().getClassLoader().getResource(NATIVES_PROPERTIES),
                "the natives must not be visible to the test bundle");
    }

    @Test
    void pytorchEngineStarts() throws Exception {
        Engine engine = DjlRuntime.start(0);
        assertEquals("PyTorch", engine.getEngineName());
        assertSame(engine, Engine.getEngine("PyTorch"));
        assertTrue(engine.getVersion().startsWith("2.7.1"), "libtorch version " + engine.getVersion());
        String cache = System.getenv("DJL_CACHE_DIR") == null ? System.getProperty("DJL_CACHE_DIR") : null;
        if (cache != null && System.getenv("ENGINE_CACHE_DIR") == null) {
            // Offline and with a cache of its own, DJL can only have unpacked libtorch from the fragment.
            Path libtorch = Path.of(LibUtils.getLibtorchPath()).toAbsolutePath();
            assertTrue(libtorch.startsWith(Path.of(cache).toAbsolutePath()), "libtorch loaded from " + libtorch);
            assertTrue(Files.isRegularFile(libtorch.resolve("libtorch.so")), "libtorch.so in " + libtorch);
        }
    }

    @Test
    void mobileNetV1ForwardPass() throws Exception {
        Path weights = shared().resolve("backbones/mobilenet_v1_1.0_224.safetensors");
        BackboneSpec spec = BackboneSpec.of(Architecture.MOBILENET_V1).withDevice("cpu").withWeights(weights);
        try (Backbone backbone = Backbone.load(spec)) {
            assertEquals(768, backbone.embeddingDim(), "embedding dimension");
            assertEquals(28, backbone.gridHeight(), "grid height");
            assertEquals(28, backbone.gridWidth(), "grid width");
            try (NDManager scope = backbone.newScope()) {
                float[] pixels = new float[3 * 224 * 224];
                for (int i = 0; i < pixels.length; i++) {
                    pixels[i] = (float) Math.sin(i * 0.001); // a smooth image in [-1, 1]
                }
                NDArray batch = scope.create(pixels, new Shape(1, 3, 224, 224));
                NDList maps = backbone.features(batch);
                assertEquals(backbone.layers().size(), maps.size(), "one map per layer");
                long channels = 0;
                for (NDArray map : maps) {
                    Shape s = map.getShape();
                    assertEquals(4, s.dimension(), "map shape " + s);
                    assertEquals(1, s.get(0), "batch of map " + s);
                    channels += s.get(1);
                    float[] v = map.toFloatArray();
                    assertTrue(Arrays.stream(toDoubles(v)).allMatch(Double::isFinite), "finite features " + s);
                    assertTrue(Arrays.stream(toDoubles(v)).anyMatch(x -> x != 0), "non-zero features " + s);
                }
                assertEquals(768, channels, "channels of all maps");
                assertEquals(28, maps.get(0).getShape().get(2), "first map height");
                assertEquals(28, maps.get(0).getShape().get(3), "first map width");
            }
        }
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }

    private static Path shared() {
        String dir = System.getProperty("crossdefect.shared");
        if (dir == null) {
            fail("system property crossdefect.shared is not set (tycho-surefire systemProperties in the POM)");
        }
        return Path.of(dir).toAbsolutePath().normalize();
    }

    private static Bundle bundle(String symbolicName) {
        Bundle self = FrameworkUtil.getBundle(EngineInOsgiTest.class);
        assertNotNull(self, "the test runs inside OSGi");
        for (Bundle b : self.getBundleContext().getBundles()) {
            if (symbolicName.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("bundle " + symbolicName + " is not installed");
    }
}
