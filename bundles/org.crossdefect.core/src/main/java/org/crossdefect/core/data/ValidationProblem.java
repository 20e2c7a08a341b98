package org.crossdefect.core.data;

import java.nio.file.Path;

/**
 * One problem found in an MVTec-layout tree.
 *
 * @param kind what is wrong, which also says how to fix it
 * @param path the file or folder concerned
 * @param detail what exactly was found
 */
public record ValidationProblem(ProblemKind kind, Path path, String detail) {

    /** @return one line naming the file, what is wrong and the fix */
    public String describe() {
        return path + ": " + detail + " -> " + kind.fix();
    }
}
