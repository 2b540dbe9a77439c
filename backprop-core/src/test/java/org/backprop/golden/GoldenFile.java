package org.backprop.golden;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A golden file from {@code src/test/resources/golden/}: lines {@code key value value ...},
 * {@code #} comments ignored. Doubles are Python reprs, which {@link Double#parseDouble} reads back
 * to the exact same bits.
 */
public final class GoldenFile {
    private final String name;
    private final Map<String, String[]> rows;

    private GoldenFile(String name, Map<String, String[]> rows) {
        this.name = name;
        this.rows = rows;
    }

    /** Loads {@code golden/<fileName>} from the test class path. */
    public static GoldenFile load(String fileName) {
        String resource = "/golden/" + fileName;
        try (InputStream in = GoldenFile.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing golden resource " + resource);
            }
            return new GoldenFile(fileName, parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String[]> parse(BufferedReader reader) throws IOException {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] fields = trimmed.split("\\s+");
            rows.put(fields[0], Arrays.copyOfRange(fields, 1, fields.length));
        }
        return rows;
    }

    /** The keys in file order. */
    public String[] keys() {
        return rows.keySet().toArray(new String[0]);
    }

    public double[] doubles(String key) {
        return Arrays.stream(fields(key)).mapToDouble(Double::parseDouble).toArray();
    }

    public int[] ints(String key) {
        return Arrays.stream(fields(key)).mapToInt(Integer::parseInt).toArray();
    }

    private String[] fields(String key) {
        String[] fields = rows.get(key);
        if (fields == null) {
            throw new IllegalArgumentException(name + " has no row " + key);
        }
        return fields;
    }
}
