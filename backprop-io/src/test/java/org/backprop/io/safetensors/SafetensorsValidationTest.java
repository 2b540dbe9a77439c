package org.backprop.io.safetensors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-made broken files: every problem is a {@link SafetensorsFormatException} naming the file. */
class SafetensorsValidationTest {
    @TempDir
    Path dir;

    private Path file(byte[] bytes) throws IOException {
        return Files.write(dir.resolve("bad.safetensors"), bytes);
    }

    private Path file(String header, int dataBytes) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(8 + json.length + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(json.length).put(json);
        return file(b.array());
    }

    private String fails(Path file) {
        SafetensorsFormatException e = assertThrows(SafetensorsFormatException.class, () -> SafetensorsReader.read(file));
        assertEquals(file, e.getFile());
        assertTrue(e.getMessage().startsWith(file + ": "), e.getMessage());
        return e.getMessage();
    }

    private static String tensor(String name, String dtype, String shape, long begin, long end) {
        return "\"" + name + "\":{\"dtype\":\"" + dtype + "\",\"shape\":" + shape
                + ",\"data_offsets\":[" + begin + "," + end + "]}";
    }

    @Test
    void validHandMadeFileReads() throws IOException {
        Path f = file("{" + tensor("a", "F64", "[2]", 0, 16) + "}  ", 16);
        assertEquals(2, SafetensorsReader.read(f).tensor("a").values().length);
    }

    @Test
    void tooShort() throws IOException {
        assertTrue(fails(file(new byte[] {1, 2, 3})).contains("too short"));
    }

    @Test
    void headerLengthLargerThanFile() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).putLong(0);
        assertTrue(fails(file(b.array())).contains("not a safetensors model file, or a damaged one: header length 1000 "
                + "is invalid for a file of 16 bytes"));
    }

    @Test
    void hugeUnsignedHeaderLength() throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN).putLong(-1L).putLong(0);
        assertTrue(fails(file(b.array())).contains("header length 18446744073709551615"));
    }

    @Test
    void aTextFileGivenAsAModelIsNamedAsSuch() throws IOException {
        String message = fails(file("\"displ\",\"hwy\"\n1.8,29\n".getBytes(StandardCharsets.UTF_8)));
        assertTrue(message.contains("not a safetensors model file: it starts with the text \"\"displ\",\" (a CSV "
                + "or text file?); a model is the .safetensors file that train writes"), message);
        assertTrue(fails(file("a,b\r\n1,2\r\n".getBytes(StandardCharsets.UTF_8))).contains("the text \"a,b\\r\\n1,2\""));
    }

    @Test
    void notJson() throws IOException {
        assertTrue(fails(file("{\"a\": nope}", 0)).contains("not valid JSON"));
    }

    @Test
    void notStartingWithBrace() throws IOException {
        assertTrue(fails(file("[1]", 0)).contains("does not start with '{'"));
    }

    @Test
    void duplicateKeys() throws IOException {
        String t = tensor("a", "F64", "[1]", 0, 8);
        assertTrue(fails(file("{" + t + "," + t + "}", 8)).contains("\"a\" twice"));
    }

    @Test
    void unknownDtype() throws IOException {
        assertTrue(fails(file("{" + tensor("a", "BF16", "[1]", 0, 2) + "}", 2)).contains("unsupported dtype BF16"));
    }

    @Test
    void shapeDoesNotMatchByteSize() throws IOException {
        assertTrue(fails(file("{" + tensor("a", "F64", "[3]", 0, 16) + "}", 16))
                .contains("do not match 3 F64 elements"));
    }

    @Test
    void holeBetweenTensors() throws IOException {
        String h = "{" + tensor("a", "F64", "[1]", 0, 8) + "," + tensor("b", "F64", "[1]", 16, 24) + "}";
        assertTrue(fails(file(h, 24)).contains("\"b\" starts at byte 16 of the data buffer, expected 8"));
    }

    @Test
    void overlappingTensors() throws IOException {
        String h = "{" + tensor("a", "F64", "[2]", 0, 16) + "," + tensor("b", "F64", "[1]", 8, 16) + "}";
        assertTrue(fails(file(h, 16)).contains("expected 16"));
    }

    @Test
    void offsetsBeyondTheBuffer() throws IOException {
        assertTrue(fails(file("{" + tensor("a", "F64", "[2]", 0, 16) + "}", 8))
                .contains("tensors cover 16 bytes but the data buffer has 8"));
    }

    @Test
    void trailingBytes() throws IOException {
        assertTrue(fails(file("{" + tensor("a", "F64", "[1]", 0, 8) + "}", 12)).contains("trailing bytes"));
    }

    @Test
    void nonIntegerOrNegativeNumbers() throws IOException {
        assertTrue(fails(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1.5],\"data_offsets\":[0,8]}}", 8))
                .contains("expected a non-negative integer"));
        assertTrue(fails(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[-8,0]}}", 8))
                .contains("expected a non-negative integer"));
    }

    @Test
    void missingOrExtraEntryKeys() throws IOException {
        assertTrue(fails(file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1]}}", 8)).contains("expected an object with exactly"));
    }

    @Test
    void nonStringMetadata() throws IOException {
        assertTrue(fails(file("{\"__metadata__\":{\"epochs\":10}}", 0)).contains("\"epochs\" is not a string"));
    }
}
