package org.backprop.io.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.backprop.io.DataException;

/** Decodes bytes as UTF-8, refusing malformed input instead of replacing it; strips one leading BOM. */
final class StrictUtf8 {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private StrictUtf8() {
    }

    /**
     * Returns the decoded text without a leading byte order mark.
     *
     * @throws DataException naming the line and byte offset of the first invalid byte sequence
     */
    static String decode(String source, byte[] bytes) {
        int start = startsWithBom(bytes) ? BOM.length : 0;
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw invalid(source, bytes, in.position(), result.length());
        }
        return out.flip().toString();
    }

    private static boolean startsWithBom(byte[] bytes) {
        return bytes.length >= BOM.length && bytes[0] == BOM[0] && bytes[1] == BOM[1] && bytes[2] == BOM[2];
    }

    private static DataException invalid(String source, byte[] bytes, int offset, int length) {
        int end = Math.min(bytes.length, offset + Math.max(1, length));
        String hex = HexFormat.ofDelimiter(" ").withPrefix("0x").formatHex(bytes, offset, end);
        return DataException.in(source)
                .line(lineOf(bytes, offset))
                .byteOffset(offset)
                .text(hex)
                .problem("not valid UTF-8 (bytes shown in hex); save the file as UTF-8");
    }

    private static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }
}
