package org.backprop.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.backprop.io.model.ModelFile;
import org.backprop.network.NeuralNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backprop inspect} shows a file holding a network alone ({@code ModelFile.save(Path, NeuralNetwork)}). */
class InspectNetworkFileTest {

    @Test
    void inspectShowsANetworkAlone(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("net.safetensors");
        try (NeuralNetwork net = NeuralNetwork.builder(4).dense(5, "relu").dense(2, "linear").seed(1).build()) {
            ModelFile.save(file, net);
        }
        CliRun run = CliRun.of("inspect", "--model", file);
        assertEquals(ExitCodes.OK, run.exitCode(), run.toString());
        assertTrue(run.out().contains("a network alone") && run.out().contains("dense2"), run.toString());
        Path data = Files.writeString(dir.resolve("d.csv"), "a,b,c,d,y\n1,2,3,4,5\n");
        CliRun withData = CliRun.of("inspect", "--model", file, "--data", data);
        assertEquals(ExitCodes.USAGE, withData.exitCode(), withData.toString());
        assertTrue(withData.err().contains("holds a network alone"), withData.toString());
    }
}
