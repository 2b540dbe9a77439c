package org.backprop.random;

import java.nio.charset.StandardCharsets;

/**
 * One root seed split into named, independent random streams, so that e.g. adding a dropout layer
 * does not change the initial weights: {@code stream("init")}, {@code stream("shuffle")},
 * {@code stream("dropout")} each get their own {@link RandomSource}.
 *
 * <p>The seed of stream {@code name} is {@code mix64(mix64(rootSeed) ^ fnv1a64(utf8(name)))}, where
 * {@code mix64} is the SplitMix64 finalizer and {@code fnv1a64} the 64-bit FNV-1a hash; both are
 * fixed here, so sequences are stable across JVMs and releases. There is no global state: every call
 * to {@link #stream(String)} returns a fresh source starting at the beginning of that stream.
 */
public final class SeedStreams {
    private static final long FNV_OFFSET_BASIS = 0xCBF29CE484222325L;
    private static final long FNV_PRIME = 0x100000001B3L;

    private final long rootSeed;

    public SeedStreams(long rootSeed) {
        this.rootSeed = rootSeed;
    }

    public long rootSeed() {
        return rootSeed;
    }

    /** A new source positioned at the start of the stream called {@code name}. */
    public RandomSource stream(String name) {
        return new SplittableRandomSource(streamSeed(name));
    }

    /** The seed of the stream called {@code name} (see the class comment for the formula). */
    public long streamSeed(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("stream name must be non-empty");
        }
        return mix64(mix64(rootSeed) ^ fnv1a64(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** The SplitMix64 / murmur3 64-bit finalizer: a bijection that scatters nearby inputs. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** 64-bit FNV-1a of {@code bytes}. */
    static long fnv1a64(byte[] bytes) {
        long hash = FNV_OFFSET_BASIS;
        for (byte b : bytes) {
            hash ^= b & 0xFF;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
