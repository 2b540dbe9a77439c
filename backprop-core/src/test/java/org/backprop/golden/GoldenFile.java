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
 * A golden file from {@code src/test/resources/golden/}, written by a script in
 * {@code src/test/python/}: lines {@code key value value ...},
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
        try (BufferedReader reader = open(fileName)) {
            return new GoldenFile(fileName, parse(reader));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the JSON golden file {@code golden/<fileName>} ({@link MiniJson}: objects are maps, numbers doubles). */
    public static Object json(String fileName) {
        try (BufferedReader reader = open(fileName)) {
            StringBuilder text = new StringBuilder();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                text.append(line).append('\n');
            }
            return MiniJson.parse(text.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static BufferedReader open(String fileName) {
        String resource = "/golden/" + fileName;
        InputStream in = GoldenFile.class.getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("missing golden resource " + resource);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
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

    /** The fields of row {@code key} as written. */
    public String[] strings(String key) {
        return fields(key).clone();
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
