package org.crossdefect.core.coreset;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.crossdefect.core.embed.PatchEmbeddings;
import org.crossdefect.core.embed.PatchSource;
import org.crossdefect.core.nn.NearestNeighbours;
import org.crossdefect.core.progress.Progress;

import ai.djl.ndarray.NDManager;

/**
 * Builds a PatchCore memory bank by greedy k-center coreset selection on randomly projected
 * embeddings: bulk (PatchCore), online (the paper's Algorithm 1) or batch-wise (Algorithm 2).
 *
 * <p><b>Start point.</b> When the coreset is empty, the first member is a patch drawn with the
 * seed (uniformly among the candidates), and it <em>is added</em> to the coreset before the greedy
 * steps. anomalib's sampler picks a random start, updates the distances with it and then forgets
 * to add it, so its coreset lacks the one point all others were chosen against.
 *
 * <p>Memory: bulk mode keeps only the projections (N x 128) and reads the selected full
 * embeddings back from the source at the end; online and batch-wise modes keep only the
 * coreset and the current image or batch.
 */
public final class CoresetBuilder {

    private final CoresetSettings settings;

    public CoresetBuilder(CoresetSettings settings) {
        this.settings = settings;
    }

    /**
     * @param manager where projections and distance products run (its device); closed by the caller
     */
    public MemoryBank build(PatchSource source, PatchFilter filter, NDManager manager, Progress progress)
            throws IOException {
        try (NDManager scope = manager.newSubManager();
                RandomProjection projection = new RandomProjection(source.dim(), settings.projectionDim(),
                        settings.seed(), scope.newSubManager())) {
            warnIfTiny(source, progress);
            if (settings.ratio() >= 1.0) {
                // No subsampling (PatchCore's identity sampler): every candidate is in the bank.
                return everything(source, filter, projection);
            }
            Selection selection = switch (settings.mode()) {
                case BULK -> bulk(source, filter, projection, progress);
                case ONLINE -> incremental(source, filter, projection, 1, scope, progress);
                case BATCH -> incremental(source, filter, projection, settings.batchImages(), scope, progress);
            };
            return selection.toBank(source);
        }
    }

    /** Candidates of a group of images: their projected accepted patches and where each came from. */
    private record Candidates(float[] projected, int[] image, int[] patch, int count) {
    }

    /** The chosen patches, in order, with their projections. */
    private static final class Selection {
        private final List<int[]> chosen = new ArrayList<>();
        private float[] projected = new float[0];
        private int size;
        private final int dim;

        Selection(int dim) {
            this.dim = dim;
        }

        void add(Candidates c, int[] picks) {
            float[] grown = Arrays.copyOf(projected, (size + picks.length) * dim);
            for (int k = 0; k < picks.length; k++) {
                int p = picks[k];
                chosen.add(new int[] {c.image()[p], c.patch()[p]});
                System.arraycopy(c.projected(), p * dim, grown, (size + k) * dim, dim);
            }
            projected = grown;
            size += picks.length;
        }

        MemoryBank toBank(PatchSource source) throws IOException {
            int dimFull = source.dim();
            float[] vectors = new float[size * dimFull];
            int[] images = new int[size];
            int[] patches = new int[size];
            // Read each image once, in image order, and place its chosen patches.
            Integer[] order = new Integer[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Integer.compare(chosen.get(a)[0], chosen.get(b)[0]));
            int current = -1;
            PatchEmbeddings embeddings = null;
            for (int slot : order) {
                int[] c = chosen.get(slot);
                if (c[0] != current) {
                    current = c[0];
                    embeddings = source.image(current);
                }
                System.arraycopy(embeddings.values(), c[1] * dimFull, vectors, slot * dimFull, dimFull);
                images[slot] = c[0];
                patches[slot] = c[1];
            }
            return new MemoryBank(size, dimFull, vectors, images, patches);
        }
    }

    private static MemoryBank everything(PatchSource source, PatchFilter filter, RandomProjection projection)
            throws IOException {
        Candidates all = candidates(source, filter, projection, 0, source.images(), Progress.NONE, false);
        Selection selection = new Selection(projection.outDim());
        int[] picks = java.util.stream.IntStream.range(0, all.count()).toArray();
        selection.add(all, picks);
        return selection.toBank(source);
    }

    private Selection bulk(PatchSource source, PatchFilter filter, RandomProjection projection, Progress progress)
            throws IOException {
        Candidates all = candidates(source, filter, projection, 0, source.images(), progress, true);
        Selection selection = new Selection(projection.outDim());
        if (all.count() == 0) {
            return selection;
        }
        int count = targetCount(all.count());
        float[] distances = new float[all.count()];
        Arrays.fill(distances, Float.POSITIVE_INFINITY);
        int first = new SplittableRandom(settings.seed()).nextInt(all.count());
        progress.update(0, count, "selecting coreset");
        int[] picks = new GreedyKCenter(all.projected(), all.count(), projection.outDim())
                .select(count, distances, first);
        selection.add(all, picks);
        progress.update(count, count, "selecting coreset");
        return selection;
    }

    private Selection incremental(PatchSource source, PatchFilter filter, RandomProjection projection, int groupSize,
            NDManager manager, Progress progress) throws IOException {
        int dim = projection.outDim();
        Selection selection = new Selection(dim);
        SplittableRandom random = new SplittableRandom(settings.seed());
        int total = 0;
        for (int from = 0; from < source.images(); from += groupSize) {
            progress.checkCancelled();
            int to = Math.min(source.images(), from + groupSize);
            Candidates group = candidates(source, filter, projection, from, to, Progress.NONE, false);
            total += group.count();
            if (group.count() > 0) {
                float[] distances = distancesToSelection(group, selection, dim, manager);
                int count = (int) Math.ceil(group.count() * settings.ratio());
                int[] picks = new GreedyKCenter(group.projected(), group.count(), dim)
                        .select(count, distances, random.nextInt(group.count()));
                selection.add(group, picks);
            }
            progress.update(to, source.images(), "building coreset");
        }
        int wanted = Math.min(settings.minimumSize(), total);
        if (selection.size < wanted) {
            // Top up to the minimum size with a greedy pass over every candidate against what was chosen.
            Candidates all = candidates(source, filter, projection, 0, source.images(), Progress.NONE, false);
            float[] distances = distancesToSelection(all, selection, dim, manager);
            int[] picks = new GreedyKCenter(all.projected(), all.count(), dim)
                    .select(wanted - selection.size, distances, random.nextInt(all.count()));
            selection.add(all, picks);
        }
        return selection;
    }

    /**
     * A ratio such as 1e-9 is valid but keeps a bank of a patch or two, which scores nearly
     * every patch as anomalous: say what size it gives before minutes of work.
     */
    private void warnIfTiny(PatchSource source, Progress progress) {
        long patches = (long) source.images() * source.patches();
        long size = Math.min(patches, Math.max((long) Math.ceil(patches * settings.ratio()), settings.minimumSize()));
        if (size < source.images()) {
            progress.warn(String.format(java.util.Locale.ROOT, "coreset-ratio %s keeps about %d of %d patches, fewer "
                    + "than one per training image (%d): the memory bank cannot describe normal patches; ratios of "
                    + "0.01 to 0.1 are usual", settings.ratio(), size, patches, source.images()));
        }
    }

    private int targetCount(int candidates) {
        int byRatio = (int) Math.ceil(candidates * settings.ratio());
        return Math.min(candidates, Math.max(byRatio, settings.minimumSize()));
    }

    private static float[] distancesToSelection(Candidates group, Selection selection, int dim, NDManager manager) {
        float[] distances = new float[group.count()];
        if (selection.size == 0) {
            Arrays.fill(distances, Float.POSITIVE_INFINITY);
            return distances;
        }
        try (NearestNeighbours nn = new NearestNeighbours(selection.projected, selection.size, dim,
                manager.newSubManager())) {
            NearestNeighbours.Result r = nn.search(group.projected(), group.count(), 1);
            for (int i = 0; i < group.count(); i++) {
                float d = r.distance(i, 0);
                distances[i] = d * d;
            }
        }
        return distances;
    }

    private static Candidates candidates(PatchSource source, PatchFilter filter, RandomProjection projection,
            int from, int to, Progress progress, boolean reportEach) throws IOException {
        int dim = projection.outDim();
        int full = source.dim();
        float[] projected = new float[0];
        int[] images = new int[0];
        int[] patches = new int[0];
        int count = 0;
        for (int i = from; i < to; i++) {
            progress.checkCancelled();
            PatchEmbeddings e = source.image(i);
            int accepted = 0;
            int[] keep = new int[e.patches()];
            for (int p = 0; p < e.patches(); p++) {
                if (filter.accept(e, p)) {
                    keep[accepted++] = p;
                }
            }
            if (accepted > 0) {
                float[] rows = new float[accepted * full];
                for (int k = 0; k < accepted; k++) {
                    System.arraycopy(e.values(), keep[k] * full, rows, k * full, full);
                }
                float[] proj = projection.project(rows, accepted);
                if (count + accepted > images.length) {
                    int capacity = Math.max(count + accepted, images.length * 2);
                    projected = Arrays.copyOf(projected, capacity * dim);
                    images = Arrays.copyOf(images, capacity);
                    patches = Arrays.copyOf(patches, capacity);
                }
                System.arraycopy(proj, 0, projected, count * dim, accepted * dim);
                for (int k = 0; k < accepted; k++) {
                    images[count + k] = i;
                    patches[count + k] = keep[k];
                }
                count += accepted;
            }
            if (reportEach) {
                progress.update(i + 1, to, "projecting embeddings");
            }
        }
        return new Candidates(Arrays.copyOf(projected, count * dim), Arrays.copyOf(images, count),
                Arrays.copyOf(patches, count), count);
    }
}
