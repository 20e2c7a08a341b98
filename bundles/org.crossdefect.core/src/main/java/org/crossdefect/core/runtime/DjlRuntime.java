package org.crossdefect.core.runtime;

import java.util.Locale;

import org.crossdefect.core.error.InvalidSettingException;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;

/**
 * Starts DJL's PyTorch engine the same way in a plain JVM and inside OSGi (KNIME).
 *
 * <p>DJL finds its engine with {@link java.util.ServiceLoader} and its native libraries as class-path
 * resources, both through the thread's context class loader. Inside OSGi that loader belongs to
 * whoever called us, so the engine is started with the context class loader set to the loader
 * of DJL's own bundle. DJL is kept offline (no downloads, no telemetry) unless the user set
 * {@code ai.djl.offline} themselves; the native library cache follows {@code DJL_CACHE_DIR} /
 * {@code ENGINE_CACHE_DIR} as in DJL.
 */
public final class DjlRuntime {

    public static final String ENGINE = "PyTorch";

    private DjlRuntime() {
    }

    /**
     * Starts the engine (once per JVM; later calls return at once).
     *
     * @param threads intra-op threads for PyTorch, or 0 for PyTorch's default (all cores); only
     *     the first start of the JVM applies it
     * @ if the native library cannot be loaded, with what to do
     */
    public static synchronized Engine start(int threads) {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true");
        }
        if (System.getProperty("OPT_OUT_TRACKING") == null) {
            System.setProperty("OPT_OUT_TRACKING", "true");
        }
        if (threads > 0 && System.getProperty("ai.djl.pytorch.num_threads") == null) {
            System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(threads));
        }
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(Engine.class.getClassLoader());
        try {
            return Engine.getEngine(ENGINE);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            throw new NativeEngineException("the PyTorch engine of DJL could not start (" + e + "). On Linux x86_64 "
                    + "the CPU library ships with CrossDefect (fragment org.crossdefect.djl.linux.x86_64 / jar "
                    + "pytorch-native-cpu); elsewhere, or for a GPU, point PYTORCH_LIBRARY_PATH at a libtorch 2.7.1 "
                    + "folder (with PYTORCH_FLAVOR=cu128 for CUDA; see README)", e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /**
     * Starts the engine on a daemon thread and returns at once, for a caller with other work
     * before its first array (predict reads its model meanwhile: loading libtorch takes ~0.4 s
     * of a one-off predict's ~7 s on bottle). A later {@link #start} waits for it; a failure
     * here is left for that call to report, with its message of what to do.
     */
    public static void startInBackground() {
        Thread starter = new Thread(() -> {
            try {
                start(0);
            } catch (RuntimeException | Error e) {
                // Reported by the foreground start, which tries again.
            }
        }, "crossdefect-engine-start");
        starter.setDaemon(true);
        starter.start();
    }

    /**
     * Resolves a device setting.
     *
     * @param spec "auto" (the first GPU if there is one, else the CPU), "cpu", or "gpu:N"
     * @throws InvalidSettingException if the setting is malformed or names a GPU that is absent
     */
    public static Device device(String spec) {
        requireDeviceSyntax(spec);
        Engine engine = start(0);
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        int gpus = engine.getGpuCount();
        if (s.equals("auto")) {
            return gpus > 0 ? Device.gpu(0) : Device.cpu();
        }
        if (s.equals("cpu")) {
            return Device.cpu();
        }
        if (s.matches("gpu(:\\d+)?")) {
            int index = s.contains(":") ? Integer.parseInt(s.substring(4)) : 0;
            if (index >= gpus) {
                throw new InvalidSettingException("device", "device '" + spec + "' asked for GPU " + index
                        + " but the PyTorch "
                        + "engine sees " + gpus + " GPU(s); use 'cpu' or 'auto', or install a CUDA libtorch (README)");
            }
            return Device.gpu(index);
        }
        throw new InvalidSettingException("device", "device '" + spec + "' is not one of auto, cpu, gpu:N");
    }

    /**
     * Checks a device setting's form without starting the native engine, so a typo is refused
     * before any image is read.
     *
     * @throws InvalidSettingException unless it is auto, cpu, gpu or gpu:N (or null: auto)
     */
    public static void requireDeviceSyntax(String spec) {
        String s = spec == null ? "auto" : spec.trim().toLowerCase(Locale.ROOT);
        if (!s.equals("auto") && !s.equals("cpu") && !s.matches("gpu(:\\d+)?")) {
            throw new InvalidSettingException("device", "device '" + spec + "' is not one of auto, cpu, gpu:N");
        }
    }

    /** @return a new root manager of the PyTorch engine on a device (the caller closes it) */
    public static NDManager newManager(Device device) {
        return start(0).newBaseManager(device);
    }
}
