package org.backprop.io;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.backprop.io.TestFiles.namesIn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void createsAndReplaces(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        AtomicFiles.write(target, out -> out.write("first".getBytes(UTF_8)));
        AtomicFiles.write(target, out -> out.write("second".getBytes(UTF_8)));
        assertEquals("second", Files.readString(target));
        assertEquals(List.of("out.txt"), namesIn(dir));
    }

    @Test
    void failureMidWriteKeepsOldFileAndRemovesTemp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("out.txt");
        Files.writeString(target, "old");
        IOException boom = new IOException("disk full");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write("partial new content".getBytes(UTF_8));
            throw boom;
        }));
        assertSame(boom, thrown);
        assertEquals("old", Files.readString(target));
        assertEquals(List.of("out.txt"), namesIn(dir));
    }

    @Test
    void runtimeFailureAlsoCleansUp(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("new.txt");
        assertThrows(IllegalStateException.class, () -> AtomicFiles.write(target, out -> {
            throw new IllegalStateException("bug");
        }));
        assertEquals(List.of(), namesIn(dir));
    }

    @Test
    void contentMayCloseTheStream(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("closed.txt");
        AtomicFiles.write(target, out -> {
            out.write("x".getBytes(UTF_8));
            out.close();
        });
        assertEquals("x", Files.readString(target));
    }

    @Test
    void targetThatIsADirectoryFailsAndLeavesNoTemp(@TempDir Path dir) throws IOException {
        Path target = Files.createDirectory(dir.resolve("taken"));
        Files.writeString(target.resolve("inside"), "keep");
        assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> out.write(1)));
        assertEquals(List.of("taken"), namesIn(dir));
        assertEquals("keep", Files.readString(target.resolve("inside")));
    }

    @Test
    void aDanglingSymbolicLinkCreatesItsTargetAndStaysALink(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("sub/real.txt");
        Files.createDirectories(target.getParent());
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("sub/real.txt"));
        AtomicFiles.write(link, out -> out.write("through".getBytes(UTF_8)));
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("through", Files.readString(target));
    }

    @Test
    void aChainOfLinksIsFollowed(@TempDir Path dir) throws IOException {
        Path real = Files.writeString(dir.resolve("real.txt"), "old");
        Path first = Files.createSymbolicLink(dir.resolve("a"), real);
        Path second = Files.createSymbolicLink(dir.resolve("b"), first);
        AtomicFiles.write(second, out -> out.write("new".getBytes(UTF_8)));
        assertEquals("new", Files.readString(real));
        assertTrue(Files.isSymbolicLink(first) && Files.isSymbolicLink(second));
    }

    @Test
    void devNullIsWrittenInPlace() throws IOException {
        AtomicFiles.write(Path.of("/dev/null"), out -> out.write("gone".getBytes(UTF_8)));
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")));
    }

    @Test
    void standardStreamsAreRecognizedByName() {
        assertSame(java.io.FileDescriptor.out, AtomicFiles.standardStream(Path.of("/dev/stdout")));
        assertSame(java.io.FileDescriptor.out, AtomicFiles.standardStream(Path.of("/dev/fd/1")));
        assertSame(java.io.FileDescriptor.err, AtomicFiles.standardStream(Path.of("/proc/self/fd/2")));
        assertEquals(null, AtomicFiles.standardStream(Path.of("stdout")));
    }
}
