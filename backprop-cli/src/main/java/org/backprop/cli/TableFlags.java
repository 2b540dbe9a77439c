package org.backprop.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.backprop.io.csv.MissingValues;
import org.backprop.io.preprocess.CategoricalEncoder;
import org.backprop.io.preprocess.MissingPolicy;
import org.backprop.io.preprocess.TableOptions;

import picocli.CommandLine.Option;

/** {@code train}'s options on column types, missing values and the target's missing cells. */
final class TableFlags {
    @Option(names = "--categorical", split = ",", paramLabel = "A,B,…", converter = ColumnNameConverter.class,
            description = "Columns to one-hot encode even if they hold numbers (e.g. zip codes); levels as written (a whole number written otherwise, 3.0 for 3, finds its level).")
    List<String> categorical = List.of();

    @Option(names = "--numeric", split = ",", paramLabel = "C,…", converter = ColumnNameConverter.class,
            description = "Columns that must be numeric: any non-number is an error naming the cell.")
    List<String> numeric = List.of();

    @Option(names = "--ignore", split = ",", paramLabel = "D,…", converter = ColumnNameConverter.class,
            description = "Columns not to use.")
    List<String> ignore = List.of();

    @Option(names = "--embed", split = ",", paramLabel = "A,…", converter = ColumnNameConverter.class,
            description = "Categorical columns to feed through a trainable embedding (a vector per level, width "
                    + "min(50, round(1.6·levels^0.56))) instead of one-hot; columns of more than "
                    + CategoricalEncoder.EMBED_ABOVE_LEVELS + " levels are embedded anyway.")
    List<String> embed = List.of();

    @Option(names = "--na-values", split = ",", paramLabel = "TOKENS",
            description = "Cell texts that mean missing, besides empty cells (default: NA,N/A,NaN,null,?). In a "
                    + "column otherwise of numbers, pandas' other missing-value texts (NULL, None, nan, n/a, #N/A, "
                    + "<NA>, ...) are missing too; in a text column they stay text. --na-values '' keeps only "
                    + "empty cells.")
    List<String> naValues;

    @Option(names = "--missing", defaultValue = "impute", paramLabel = "POLICY",
            description = "Missing feature cells: impute (numeric: training median + an indicator column; "
                    + "categorical: a level of its own) or error (every missing cell counted, exit 3) "
                    + "(default: ${DEFAULT-VALUE}).")
    String missing;

    @Option(names = "--drop-missing-target",
            description = "Leave out rows whose target is missing (reported) instead of failing.")
    boolean dropMissingTarget;

    @Option(names = "--min-level-count", defaultValue = "" + CategoricalEncoder.DEFAULT_MIN_COUNT, paramLabel = "N",
            description = "Training rows a categorical level needs for a column of its own; rarer levels share "
                    + "one column (default: ${DEFAULT-VALUE}).")
    int minLevelCount;

    /**
     * Refuses (usage error) a column type option that names the target: they name feature columns,
     * and the target is not one.
     */
    void requireNotTarget(String target) {
        for (Map.Entry<String, List<String>> option : List.of(Map.entry("--categorical", categorical),
                Map.entry("--numeric", numeric), Map.entry("--ignore", ignore), Map.entry("--embed", embed))) {
            if (option.getValue().contains(target)) {
                throw new UserError(ExitCodes.USAGE, option.getKey() + " " + String.join(",", option.getValue())
                        + ": \"" + target + "\" is the target (--target), not a feature column; " + option.getKey()
                        + " names feature columns");
            }
        }
    }

    /** The options, or a usage error. */
    TableOptions options() {
        MissingPolicy policy = switch (missing.toLowerCase(Locale.ROOT)) {
            case "impute" -> MissingPolicy.IMPUTE;
            case "error" -> MissingPolicy.ERROR;
            default -> throw new UserError(ExitCodes.USAGE, "--missing must be impute or error, got " + missing);
        };
        try {
            List<String> given = naValues == null ? null : naValues.stream().filter(t -> !t.isEmpty()).toList();
            MissingValues tokens = given == null ? MissingValues.defaults()
                    : MissingValues.of(given, given.isEmpty() ? List.of() : MissingValues.NUMBER_TOKENS);
            return TableOptions.defaults().withCategorical(categorical).withNumeric(numeric).withIgnore(ignore)
                    .withEmbed(embed)
                    .withMissingValues(tokens).withMissingPolicy(policy).withMinLevelCount(minLevelCount);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCodes.USAGE, e.getMessage());
        }
    }
}
