package org.crossdefect.core.nodes;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.crossdefect.core.data.ImageRecord;
import org.crossdefect.core.data.Label;
import org.crossdefect.core.data.Role;
import org.crossdefect.core.data.SourceSplit;
import org.crossdefect.core.error.IncompatibleException;

/**
 * The image table the Domain Split Reader writes and the Patch Embedder reads: one row per
 * image with its role in the split.
 */
public final class ImageTable {

    public static final String IMAGE = "image";
    public static final String ROLE = "role";
    public static final String LABEL = "label";

    public static final List<Column> COLUMNS = List.of(
            new Column(IMAGE, ColumnType.STRING, "Path of the image file."),
            new Column("mask", ColumnType.STRING, "Path of its ground-truth mask; missing for good images "
                    + "(and for defect images without a mask)."),
            new Column("category", ColumnType.STRING, "The kind of object or texture: the paper's domain."),
            new Column("folder", ColumnType.STRING, "The MVTec folder below train/ or test/ (good or a defect folder)."),
            new Column("defect_type", ColumnType.STRING, "good, or the dataset's name for the defect folder."),
            new Column(LABEL, ColumnType.INT, "1 anomalous, 0 good."),
            new Column(ROLE, ColumnType.STRING, "train, validation or test: the image's role in the split; target_shot: a "
                    + "good image of the target (from its train/good) for the k-shot methods."),
            new Column("source_split", ColumnType.STRING, "The MVTec split it came from: train or test."));

    private ImageTable() {
    }

    /** @return images of one role */
    public static Table of(List<ImageRecord> images, Role role) {
        List<List<Object>> rows = new ArrayList<>();
        images.forEach(r -> rows.add(row(r, role)));
        return new Table(COLUMNS, rows);
    }

    private static List<Object> row(ImageRecord r, Role role) {
        return java.util.Arrays.<Object>asList(r.image().toString(), r.mask() == null ? null : r.mask().toString(),
                r.category(), r.folder(), r.defectType(), r.label().value(), name(role),
                r.split().name().toLowerCase(Locale.ROOT));
    }

    /** @return the index of a column of {@link #COLUMNS} */
    static int index(String name) {
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (COLUMNS.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no image column " + name);
    }

    static String name(Role role) {
        return role.name().toLowerCase(Locale.ROOT);
    }

    /**
     * @throws IncompatibleException if the table lacks a column of {@link #COLUMNS}
     */
    public static void requireColumns(List<String> names) {
        for (Column c : COLUMNS) {
            if (!names.contains(c.name())) {
                throw new IncompatibleException("the image table lacks the column '" + c.name() + "'; connect the "
                        + "first output of the Domain Split Reader (columns " + names(COLUMNS) + ")");
            }
        }
    }

    /** @return the images of the given roles (all when none given), in table order */
    public static List<ImageRecord> records(Table table, Role... roles) {
        requireColumns(table.names());
        List<String> wanted = java.util.Arrays.stream(roles).map(ImageTable::name).toList();
        List<ImageRecord> out = new ArrayList<>();
        for (int i = 0; i < table.rows().size(); i++) {
            String role = (String) table.cell(i, ROLE);
            if (!wanted.isEmpty() && !wanted.contains(role)) {
                continue;
            }
            String mask = (String) table.cell(i, "mask");
            Integer label = (Integer) table.cell(i, "label");
            out.add(new ImageRecord(Path.of((String) table.cell(i, IMAGE)), mask == null ? null : Path.of(mask),
                    (String) table.cell(i, "category"), (String) table.cell(i, "folder"),
                    (String) table.cell(i, "defect_type"), Label.of(label),
                    SourceSplit.valueOf(((String) table.cell(i, "source_split")).toUpperCase(Locale.ROOT))));
        }
        return out;
    }

    static String names(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}
