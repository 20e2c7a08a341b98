package org.crossdefect.core.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A cross-category dataset in the paper's sense (Table 1): a set of categories (domains) and,
 * for each, the defect folders that show the same kind of defect. Good images of each category
 * always belong to the dataset; defect folders not named here are left out.
 *
 * @param name the dataset's name, e.g. "hole"
 * @param entries the defect folders, in a stable order
 */
public record DatasetMapping(String name, List<MappingEntry> entries) {

    public DatasetMapping {
        Objects.requireNonNull(name, "name");
        entries = List.copyOf(entries);
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("dataset '" + name + "' names no defect folder");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (MappingEntry e : entries) {
            if (!seen.add(e.category() + "/" + e.folder())) {
                throw new IllegalArgumentException("dataset '" + name + "' names " + e.category() + "/"
                        + e.folder() + " twice");
            }
        }
    }

    /** @return the categories (domains) of the dataset, in the order they first appear */
    public List<String> categories() {
        return List.copyOf(new LinkedHashSet<>(entries.stream().map(MappingEntry::category).toList()));
    }

    /** @return the entries of one category */
    public List<MappingEntry> entriesOf(String category) {
        return entries.stream().filter(e -> e.category().equals(category)).toList();
    }

    /** @return the defect-type names, in the order they first appear (without "good") */
    public List<String> defectTypes() {
        return List.copyOf(new LinkedHashSet<>(entries.stream().map(MappingEntry::defectType).toList()));
    }

    /** @return the entry for a category's defect folder, or null if the dataset does not use it */
    public MappingEntry find(String category, String folder) {
        for (MappingEntry e : entries) {
            if (e.category().equals(category) && e.folder().equals(folder)) {
                return e;
            }
        }
        return null;
    }

    /**
     * Joins several datasets into one, keeping each entry's defect type, e.g. hole + cut + color
     * for a model that tells the three kinds apart.
     */
    public static DatasetMapping union(String name, List<DatasetMapping> parts) {
        List<MappingEntry> all = new ArrayList<>();
        for (DatasetMapping part : parts) {
            all.addAll(part.entries());
        }
        return new DatasetMapping(name, all);
    }
}
