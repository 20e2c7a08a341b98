package org.crossdefect.core.data;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Every problem found in one validation, sorted by path so reports are stable. */
public record ValidationReport(List<ValidationProblem> problems) {

    public ValidationReport {
        problems = problems.stream()
                .sorted(Comparator.comparing((ValidationProblem p) -> p.path().toString())
                        .thenComparing(p -> p.kind().ordinal()))
                .toList();
    }

    /** @return whether nothing is wrong */
    public boolean isValid() {
        return problems.isEmpty();
    }

    /** @return the number of problems of each kind */
    public Map<ProblemKind, Long> countsByKind() {
        return problems.stream().collect(Collectors.groupingBy(ValidationProblem::kind, TreeMap::new,
                Collectors.counting()));
    }

    /** @return a report for a person: a summary line, then one line per problem */
    public String format() {
        if (isValid()) {
            return "No problems found.";
        }
        StringBuilder out = new StringBuilder();
        out.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append(" found (")
                .append(countsByKind().entrySet().stream()
                        .map(e -> e.getValue() + " " + e.getKey().name().toLowerCase().replace('_', ' '))
                        .collect(Collectors.joining(", ")))
                .append("):\n");
        for (ValidationProblem p : problems) {
            out.append("  ").append(p.describe()).append('\n');
        }
        return out.toString();
    }
}
