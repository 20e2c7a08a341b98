package org.crossdefect.core.workspace;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.crossdefect.core.runtime.DjlRuntime;
import org.crossdefect.core.error.InvalidSettingException;
import org.crossdefect.core.model.AnomalyModel;
import org.crossdefect.core.model.Method;
import org.crossdefect.core.model.ModelFile;
import org.crossdefect.core.model.ModelFileException;
import org.crossdefect.core.model.TrainingData;
import org.crossdefect.core.patchcore.LabeledPatchCoreMethod;
import org.crossdefect.core.adapt.FusionMethod;
import org.crossdefect.core.adapt.KShotPatchCoreMethod;
import org.crossdefect.core.adapt.ResidualMethod;
import org.crossdefect.core.patchcore.PatchCoreMethod;
import org.crossdefect.core.progress.Progress;
import org.crossdefect.core.semlp.SemlpMethod;
import org.crossdefect.core.settings.Parameter;
import org.crossdefect.core.settings.Parameters;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

/**
 * The methods the engine knows, in the order the paper's tables list them. Training, reading
 * model files, the method list of help texts and the benchmark all ask the registry; a new
 * method is one {@link Method} and one entry in {@link #builtIn()} (or {@link #with} for a
 * caller's own). Immutable. The registry also owns the native-memory rule of fitting and
 * reading: the model's manager is closed on every path that does not return a model.
 */
public final class MethodRegistry {

    private final Map<String, Method<?>> methods;

    private MethodRegistry(Map<String, Method<?>> methods) {
        this.methods = methods;
    }

    /** @return SEMLP, PatchCore, Labeled PatchCore, the k-shot variants and the MIRO ones */
    public static MethodRegistry builtIn() {
        return new MethodRegistry(Map.of()).with(new SemlpMethod()).with(new PatchCoreMethod())
                .with(new LabeledPatchCoreMethod()).with(new KShotPatchCoreMethod())
                .with(new FusionMethod<>(new SemlpMethod())).with(new FusionMethod<>(new LabeledPatchCoreMethod()))
                .with(new ResidualMethod<>(new SemlpMethod())).with(new ResidualMethod<>(new LabeledPatchCoreMethod()))
                .with(new FusionMethod<>(new ResidualMethod<>(new SemlpMethod())))
                .with(new FusionMethod<>(new ResidualMethod<>(new LabeledPatchCoreMethod())))
                .with(new org.crossdefect.core.miro.MiroMethod())
                .with(new org.crossdefect.core.miro.MiroBackedMethod<>(new SemlpMethod()))
                .with(new org.crossdefect.core.miro.MiroBackedMethod<>(new PatchCoreMethod()));
    }

    /** @return this registry and one more method (its id must be new) */
    public MethodRegistry with(Method<?> method) {
        if (methods.containsKey(method.id())) {
            throw new IllegalArgumentException("a method with id '" + method.id() + "' is registered already");
        }
        Map<String, Method<?>> all = new LinkedHashMap<>(methods);
        all.put(method.id(), method);
        return new MethodRegistry(java.util.Collections.unmodifiableMap(all));
    }

    /** @return the ids a benchmark runs when it is given no method list (no fine-tuning methods) */
    public List<String> defaultIds() {
        return methods.values().stream().filter(m -> !m.finetunesBackbone()).map(Method::id).toList();
    }

    public List<String> ids() {
        return List.copyOf(methods.keySet());
    }

    public List<Method<?>> methods() {
        return List.copyOf(methods.values());
    }

    /**
     * @return how many good images of the target a method adapts with: its target-shots setting
     *     if it declares one, else 0 (the strict protocol: nothing of the target)
     */
    public int targetShots(String id, Parameters values) {
        Method<?> method = get(id);
        return method.parameters().contains(TrainingData.TARGET_SHOTS) ? values.integer(TrainingData.TARGET_SHOTS) : 0;
    }

    /** @throws InvalidSettingException for an unknown id, listing the known ones */
    public Method<?> get(String id) {
        Method<?> method = methods.get(id);
        if (method == null) {
            throw new InvalidSettingException("method", "unknown method '" + id + "'; choose " + String.join(", ",
                    ids()));
        }
        return method;
    }

    /** @return every method's parameters once each, in registry order (for help texts) */
    public List<Parameter> parameters() {
        Map<String, Parameter> all = new LinkedHashMap<>();
        methods.values().forEach(m -> m.parameters().forEach(p -> all.putIfAbsent(p.key(), p)));
        return new ArrayList<>(all.values());
    }

    /**
     * Checks settings against methods before any work.
     *
     * @throws InvalidSettingException for an unknown method, a key none of them reads, or a
     *     value one of them does not accept
     */
    public void check(List<String> ids, Parameters values) {
        List<Parameter> declared = new ArrayList<>();
        for (String id : ids) {
            Method<?> method = get(id);
            method.settings(values);
            declared.addAll(method.parameters());
        }
        values.requireKnown(declared, ids.size() == 1 ? "method " + ids.get(0) : "methods " + String.join(", ", ids));
    }

    /**
     * Fits a model of a method on a new native-memory manager of {@code device}.
     *
     * @throws InvalidSettingException for an unknown method or a setting it does not accept
     */
    public AnomalyModel fit(String id, Parameters values, TrainingData data, Device device, Progress progress)
            throws IOException {
        return fit(get(id), values, data, device, progress);
    }

    private static <S> AnomalyModel fit(Method<S> method, Parameters values, TrainingData data, Device device,
            Progress progress) throws IOException {
        S settings = method.settings(values);
        return withManager(device, manager -> method.fit(data, settings, manager, progress));
    }

    /** Makes a model on a new manager of {@code device}; the manager is closed if no model comes back. */
    private static AnomalyModel withManager(Device device, ModelMaker maker) throws IOException {
        NDManager manager = DjlRuntime.newManager(device);
        try {
            return maker.make(manager);
        } catch (IOException | RuntimeException | Error e) {
            manager.close();
            throw e;
        }
    }

    @FunctionalInterface
    private interface ModelMaker {
        AnomalyModel make(NDManager manager) throws IOException;
    }

    /** Reads a model file written by any registered method. */
    public AnomalyModel read(Path file, Device device) throws IOException {
        return read(ModelFile.read(file), device);
    }

    /** Reads a model from a stream (a KNIME port's zip stream, ...). */
    public AnomalyModel read(InputStream in, String source, Device device) throws IOException {
        return read(ModelFile.read(in, source), device);
    }

    /** @throws ModelFileException if the file's method is not registered, or its contents do not fit it */
    public AnomalyModel read(ModelFile.Contents contents, Device device) throws IOException {
        Method<?> method = methods.get(contents.method());
        if (method == null) {
            throw new ModelFileException("model file " + contents.source() + " is of method '" + contents.method()
                    + "', which this version of CrossDefect does not know (it knows " + String.join(", ", ids()) + ")");
        }
        return withManager(device, manager -> method.read(contents, manager));
    }
}
