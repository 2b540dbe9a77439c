package org.backprop.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code --name value} options of the benchmark mains, checked against the names a main accepts.
 * A usage error throws {@link UsageException}; mains print it and exit with status 2.
 */
final class Args {
    private final Map<String, String> values = new LinkedHashMap<>();

    Args(String[] args, Set<String> accepted) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!accepted.contains(name)) {
                throw new UsageException("unknown option " + name + "; accepted: " + String.join(", ", accepted));
            }
            if (i + 1 == args.length) {
                throw new UsageException(name + " needs a value");
            }
            values.put(name, args[++i]);
        }
    }

    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    int positiveInt(String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v);
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new UsageException(name + " must be a positive integer, got " + v);
    }

    long longValue(String name, long fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new UsageException(name + " must be an integer, got " + v);
        }
    }

    /** A command-line mistake. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }
}
