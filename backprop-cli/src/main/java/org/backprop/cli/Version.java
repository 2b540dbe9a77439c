package org.backprop.cli;

import org.backprop.LibraryVersion;

import picocli.CommandLine;

/** The library version, as the build recorded it. */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, e.g. {@code "0.1.0-SNAPSHOT"}. */
    public static String current() {
        return LibraryVersion.current();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"backprop " + current(), "Java " + System.getProperty("java.version")};
    }
}
