package org.crossdefect.core.data;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.crossdefect.core.files.AtomicFiles;

/**
 * Finds a dataset by name (the built-in hole, cut, color) or reads a user's mapping file.
 *
 * <p>A mapping file is CSV with a header row; lines starting with {@code #} are comments:
 * <pre>
 * category,folder,defect_type
 * cable,poke_insulation,hole
 * carpet,hole,hole
 * tile,crack,
 * </pre>
 * {@code category} and {@code folder} name a defect folder {@code <root>/<category>/test/<folder>};
 * the optional {@code defect_type} names the kind of defect it shows (empty or absent: the
 * dataset's name). The dataset's name is the file name without extension.
 */
public final class DatasetMappings {

    static final String CATEGORY = "category";
    static final String FOLDER = "folder";
    static final String DEFECT_TYPE = "defect_type";

    private DatasetMappings() {
    }

    /**
     * @param spec a built-in name (hole, cut, color) or the path of a mapping file
     * @throws MappingFileException if it is neither, or the file is malformed
     */
    public static DatasetMapping resolve(String spec) throws MappingFileException {
        Optional<DatasetMapping> builtIn = BuiltInMappings.find(spec);
        if (builtIn.isPresent()) {
            return builtIn.get();
        }
        Path file = Path.of(spec);
        if (!Files.isRegularFile(file)) {
            throw new MappingFileException("dataset '" + spec + "' is neither a built-in dataset "
                    + BuiltInMappings.NAMES + " nor an existing mapping file; give one of the built-in names "
                    + "or the path of a CSV file with the columns category,folder[,defect_type]", null);
        }
        return read(file);
    }

    /**
     * Spreadsheet programs save "CSV UTF-8" with a byte order mark; without this the first column
     * would be named "\uFEFFcategory" and a header that looks right would be refused.
     */
    private static Reader withoutByteOrderMark(java.io.BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Reads a mapping file (format in the class comment). */
    public static DatasetMapping read(Path file) throws MappingFileException {
        String name = ImageFiles.stem(file);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setCommentMarker('#')
                .setIgnoreSurroundingSpaces(true)
                .setIgnoreEmptyLines(true)
                .get();
        List<MappingEntry> entries = new ArrayList<>();
        try (Reader reader = withoutByteOrderMark(Files.newBufferedReader(file, StandardCharsets.UTF_8));
                CSVParser parser = CSVParser.parse(reader, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            if (header == null || !header.containsKey(CATEGORY) || !header.containsKey(FOLDER)) {
                throw new MappingFileException(file + ": the first line must be a header with the columns "
                        + "category,folder and optionally defect_type; found " + (header == null ? "none"
                        : header.keySet()), null);
            }
            for (CSVRecord row : parser) {
                entries.add(entry(file, name, row, header.containsKey(DEFECT_TYPE)));
            }
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            throw new MappingFileException(file + ": cannot be read as CSV (" + e.getMessage()
                    + "); save it as UTF-8 CSV with a header line category,folder,defect_type", e);
        }
        if (entries.isEmpty()) {
            throw new MappingFileException(file + ": names no defect folder; add lines such as "
                    + "'carpet,hole,hole' below the header", null);
        }
        try {
            return new DatasetMapping(name, entries);
        } catch (IllegalArgumentException e) {
            throw new MappingFileException(file + ": " + e.getMessage() + "; remove the repeated line", e);
        }
    }

    /** Writes a mapping file that {@link #read} reads back to an equal mapping (atomically). */
    public static void write(DatasetMapping mapping, Path file) throws IOException {
        if (!ImageFiles.stem(file).equals(mapping.name())) {
            throw new IllegalArgumentException("a mapping file is named after its dataset: " + mapping.name()
                    + ".csv, not " + file.getFileName());
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(CATEGORY, FOLDER, DEFECT_TYPE)
                .setRecordSeparator('\n').get();
        AtomicFiles.writeFile(file, tmp -> {
            try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
                    CSVPrinter printer = new CSVPrinter(writer, format)) {
                for (MappingEntry e : mapping.entries()) {
                    printer.printRecord(e.category(), e.folder(), e.defectType());
                }
            }
        });
    }

    private static MappingEntry entry(Path file, String dataset, CSVRecord row, boolean hasType)
            throws MappingFileException {
        String where = file + " line " + row.getParser().getCurrentLineNumber();
        if (!row.isConsistent()) {
            throw new MappingFileException(where + ": has " + row.size() + " cells but the header has "
                    + row.getParser().getHeaderMap().size() + "; give category,folder[,defect_type]", null);
        }
        String category = row.get(CATEGORY);
        String folder = row.get(FOLDER);
        if (category.isEmpty() || folder.isEmpty()) {
            throw new MappingFileException(where + ": category and folder must not be empty", null);
        }
        if (ImageRecord.GOOD.equals(folder.toLowerCase(Locale.ROOT))) {
            throw new MappingFileException(where + ": 'good' is not a defect folder; good images of every "
                    + "category are always part of the dataset, so remove this line", null);
        }
        String type = hasType ? row.get(DEFECT_TYPE) : "";
        return new MappingEntry(category, folder, type.isEmpty() ? dataset : type);
    }
}
