package org.backprop.io.safetensors;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads safetensors files written by {@link SafetensorsWriter} or any conforming writer, as long as
 * every tensor is F64 or F32.
 *
 * <p>Checks, each failing with a {@link SafetensorsFormatException} naming the file: the file holds
 * at least the 8-byte length; the header length is at most 100 MB and fits in the file; the header
 * is strict UTF-8 JSON, an object without duplicate keys, starting with '{'; {@code __metadata__}
 * holds only strings; each entry has exactly dtype, shape and data_offsets; the dtype is supported;
 * shape and offsets are non-negative integers; each byte range matches shape × element size; the
 * ranges, sorted by start, cover the data buffer exactly, without holes or overlaps. Non-finite
 * values are not refused when reading. Tensors are returned in header order.
 */
public final class SafetensorsReader {
    /** Largest accepted header, as in the reference implementation. */
    static final long MAX_HEADER_BYTES = 100_000_000L;

    private SafetensorsReader() {
    }

    /**
     * Reads all tensors and metadata of {@code file}.
     *
     * @throws SafetensorsFormatException if the content is not a valid, supported safetensors file
     * @throws IOException                if the file cannot be read
     */
    public static SafetensorsFile read(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long headerLength = headerLength(file, channel, size);
            HeaderParser header = HeaderParser.parse(file, headerText(file, channel, headerLength));
            long dataStart = 8 + headerLength;
            checkLayout(file, header.entries, size - dataStart);
            Map<String, Tensor> tensors = new LinkedHashMap<>();
            for (TensorEntry e : header.entries) {
                tensors.put(e.name(), readTensor(file, channel, dataStart, e));
            }
            return new SafetensorsFile(tensors, header.metadata);
        }
    }

    private static long headerLength(Path file, FileChannel channel, long size) throws IOException {
        if (size < 8) {
            throw new SafetensorsFormatException(file, "file has " + size + " bytes, too short for a safetensors header");
        }
        ByteBuffer first = readFully(file, channel, 0, 8);
        long n = first.getLong(0);
        if (n < 2 || n > MAX_HEADER_BYTES || n > size - 8) {
            String text = printable(first);
            if (text != null) {
                throw new SafetensorsFormatException(file, "not a safetensors model file: it starts with the text \""
                        + text + "\" (a CSV or text file?); a model is the .safetensors file that train writes");
            }
            throw new SafetensorsFormatException(file, "not a safetensors model file, or a damaged one: header length "
                    + Long.toUnsignedString(n)
                    + " is invalid for a file of " + size + " bytes (limit " + MAX_HEADER_BYTES + ")");
        }
        return n;
    }

    /** The 8 bytes as text if they are all printable ASCII, tabs or line ends (a text file), else null. */
    private static String printable(ByteBuffer bytes) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            byte b = bytes.get(i);
            if (b == '\n' || b == '\r' || b == '\t') {
                sb.append(b == '\n' ? "\\n" : b == '\r' ? "\\r" : "\\t");
            } else if (b >= 0x20 && b < 0x7f) {
                sb.append((char) b);
            } else {
                return null;
            }
        }
        return sb.toString();
    }

    private static String headerText(Path file, FileChannel channel, long length) throws IOException {
        ByteBuffer bytes = readFully(file, channel, 8, (int) length);
        if (bytes.get(0) != '{') {
            throw new SafetensorsFormatException(file, "header does not start with '{'");
        }
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder().decode(bytes);
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new SafetensorsFormatException(file, "header is not valid UTF-8");
        }
    }

    private static void checkLayout(Path file, List<TensorEntry> entries, long bufferLength)
            throws SafetensorsFormatException {
        List<TensorEntry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparingLong(TensorEntry::begin).thenComparingLong(TensorEntry::end));
        long expectedBegin = 0;
        for (TensorEntry e : sorted) {
            checkSize(file, e);
            if (e.begin() != expectedBegin) {
                throw new SafetensorsFormatException(file, "tensor \"" + e.name() + "\" starts at byte " + e.begin()
                        + " of the data buffer, expected " + expectedBegin + " (tensors must be contiguous)");
            }
            expectedBegin = e.end();
        }
        if (expectedBegin != bufferLength) {
            throw new SafetensorsFormatException(file, "tensors cover " + expectedBegin
                    + " bytes but the data buffer has " + bufferLength + " (truncated file or trailing bytes)");
        }
    }

    private static void checkSize(Path file, TensorEntry e) throws SafetensorsFormatException {
        long count;
        try {
            count = Tensor.elementCount(e.shape());
        } catch (IllegalArgumentException x) {
            throw new SafetensorsFormatException(file, "tensor \"" + e.name() + "\": " + x.getMessage());
        }
        long expected = count > Long.MAX_VALUE / e.dtype().bytes() ? -1 : count * e.dtype().bytes();
        if (e.end() < e.begin() || e.end() - e.begin() != expected) {
            throw new SafetensorsFormatException(file, "tensor \"" + e.name() + "\": data_offsets [" + e.begin() + ", "
                    + e.end() + "] do not match " + count + " " + e.dtype() + " elements");
        }
        if (count > Integer.MAX_VALUE - 8 || e.end() - e.begin() > Integer.MAX_VALUE - 8) {
            throw new SafetensorsFormatException(file, "tensor \"" + e.name() + "\" is too large to load into an array");
        }
    }

    private static Tensor readTensor(Path file, FileChannel channel, long dataStart, TensorEntry e) throws IOException {
        ByteBuffer bytes = readFully(file, channel, dataStart + e.begin(), (int) (e.end() - e.begin()));
        double[] values = new double[(int) ((e.end() - e.begin()) / e.dtype().bytes())];
        for (int i = 0; i < values.length; i++) {
            values[i] = e.dtype() == DType.F64 ? bytes.getDouble() : bytes.getFloat();
        }
        return new Tensor(e.dtype(), e.shape(), values);
    }

    private static ByteBuffer readFully(Path file, FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new EOFException(file + ": file ended while reading (was it truncated during reading?)");
            }
        }
        return buffer.flip();
    }
}
