package org.backprop.io.preprocess;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of a preprocessing's network inputs: each encoder's {@link ColumnEncoder#outputNames},
 * in input order, made unique. A column's own name (a numeric column's value) is kept as written; a
 * generated name ({@code x:missing}, {@code c=red}, {@code c:rare}, {@code c:code}) that equals a
 * column's own name or an earlier input's, as a column headed {@code x:missing} beside column
 * {@code x}'s missing indicator, gets the suffix {@code ~2} (or {@code ~3}, …: the first that is
 * free). The names are labels: inputs are matched by position, never by name, and a model file's
 * names are derived again from its stored encoders by this same rule when it is read, so train,
 * the model file, inspect and predict agree.
 *
 * @param names    the unique input names, in input order
 * @param renamed  the generated names that were suffixed, in input order
 */
record InputNames(List<String> names, List<Renamed> renamed) {
    /** The suffix mark: {@code x:missing~2}. */
    static final char SUFFIX = '~';

    /**
     * A generated input name given a suffix.
     *
     * @param column    the encoder's column
     * @param generated the name the encoder gives the input
     * @param unique    the name the input has
     */
    record Renamed(String column, String generated, String unique) {
    }

    /** Copies the lists. */
    InputNames {
        names = List.copyOf(names);
        renamed = List.copyOf(renamed);
    }

    /** The unique input names of {@code encoders} (their columns distinct), in order. */
    static InputNames of(List<ColumnEncoder> encoders) {
        Set<String> taken = new HashSet<>();
        for (ColumnEncoder e : encoders) {
            if (e.outputNames().contains(e.column())) {
                taken.add(e.column());
            }
        }
        List<String> names = new ArrayList<>();
        List<Renamed> renamed = new ArrayList<>();
        for (ColumnEncoder e : encoders) {
            for (String name : e.outputNames()) {
                if (name.equals(e.column())) {
                    names.add(name);
                    continue;
                }
                String unique = name;
                for (int k = 2; taken.contains(unique); k++) {
                    unique = name + SUFFIX + k;
                }
                taken.add(unique);
                names.add(unique);
                if (!unique.equals(name)) {
                    renamed.add(new Renamed(e.column(), name, unique));
                }
            }
        }
        return new InputNames(names, renamed);
    }

    /** One line per renamed input, for the user, e.g. {@code column "x": input "x:missing" is named …}. */
    List<String> describe() {
        return renamed.stream().map(r -> "column \"" + r.column() + "\": input \"" + r.generated() + "\" is named \""
                + r.unique() + "\", as a column or another input already has that name").toList();
    }
}
