package org.crossdefect.core.model;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;


/**
 * Models made of other models (the k-shot bank, the fusions) keep each part as a whole model
 * file inside their own, so each part reads back through its own method's reader.
 */
public final class NestedModelFiles {

    private NestedModelFiles() {
    }

    /** @return a part's model file, to store as an entry */
    public static byte[] bytes(AnomalyModel part) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        part.write(out);
        return out.toByteArray();
    }

    /** @return the part stored as {@code entry}, named after the outer file in errors */
    public static ModelFile.Contents read(ModelFile.Contents contents, String entry) throws IOException {
        return ModelFile.read(new ByteArrayInputStream(contents.entry(entry)), contents.source() + "!" + entry);
    }
}
