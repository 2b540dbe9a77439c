package org.backprop.io.csv;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The distinct texts of a column in order of first appearance, each with its code (0, 1, ...),
 * looked up straight from a cell's UTF-8 bytes: an ASCII cell is hashed and compared byte by byte
 * against the stored strings, so a repeated value costs no decoding and no allocation; only a new
 * text or a non-ASCII cell is decoded. An open-addressing table of codes, kept at most half full.
 */
final class LevelIndex implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
    /** A String (24 bytes), its byte array's header (16) and the list's reference to it (4). */
    private static final int BYTES_PER_LEVEL = 44;
    private final List<String> levels = new ArrayList<>();
    /** Code + 1 of the level in each slot, 0 for an empty slot. */
    private int[] slots = new int[64];
    /** 32 − log2(slots.length): a hash's slot is its Fibonacci product's top bits. */
    private int shift = 32 - 6;

    /** The code of the text in {@code bytes[start, end)} (valid UTF-8), adding it if new. */
    int code(byte[] bytes, int start, int end) {
        int hash = 0;
        boolean ascii = true;
        for (int i = start; i < end; i++) {
            byte b = bytes[i];
            ascii &= b >= 0;
            hash = 31 * hash + b;
        }
        if (!ascii) {
            return code(new String(bytes, start, end - start, StandardCharsets.UTF_8));
        }
        int mask = slots.length - 1;
        for (int s = slotOf(hash); ; s = (s + 1) & mask) {
            int slot = slots[s];
            if (slot == 0) {
                return add(new String(bytes, start, end - start, StandardCharsets.ISO_8859_1), s);
            }
            if (equalsAscii(levels.get(slot - 1), bytes, start, end)) {
                return slot - 1;
            }
        }
    }

    /** The code of {@code text}, adding it if new. */
    int code(String text) {
        int mask = slots.length - 1;
        for (int s = slotOf(text.hashCode()); ; s = (s + 1) & mask) {
            int slot = slots[s];
            if (slot == 0) {
                return add(text, s);
            }
            if (levels.get(slot - 1).equals(text)) {
                return slot - 1;
            }
        }
    }

    /** Number of distinct texts. */
    int size() {
        return levels.size();
    }

    /**
     * Bytes this index holds, estimated: its table of codes and, per text, a {@code String} with
     * its bytes (Latin-1 length; headers and references counted at their usual 64-bit sizes).
     */
    long bytes() {
        long bytes = (long) slots.length * Integer.BYTES;
        for (String level : levels) {
            bytes += BYTES_PER_LEVEL + level.length();
        }
        return bytes;
    }

    /** The text of {@code code}. */
    String level(int code) {
        return levels.get(code);
    }

    private int add(String text, int freeSlot) {
        int code = levels.size();
        levels.add(text);
        slots[freeSlot] = code + 1;
        if (2 * levels.size() > slots.length) {
            rehash();
        }
        return code;
    }

    private void rehash() {
        slots = new int[slots.length * 2];
        shift--;
        int mask = slots.length - 1;
        for (int code = 0; code < levels.size(); code++) {
            int s = slotOf(levels.get(code).hashCode());
            while (slots[s] != 0) {
                s = (s + 1) & mask;
            }
            slots[s] = code + 1;
        }
    }

    /**
     * The first slot to probe for {@code hash} (for ASCII text, String.hashCode equals the byte hash
     * above): the top bits of a Fibonacci product, so that texts whose hashes differ only in the low
     * bits ("1230", "1231", ...) land far apart instead of in one long probing run.
     */
    private int slotOf(int hash) {
        return (hash * 0x9E3779B9) >>> shift;
    }

    private static boolean equalsAscii(String level, byte[] bytes, int start, int end) {
        if (level.length() != end - start) {
            return false;
        }
        for (int i = 0; i < level.length(); i++) {
            if (level.charAt(i) != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }
}
