package org.backprop.cli;

import picocli.CommandLine;

/** The library version, read from the jar's manifest (or "development" when run from classes). */
public final class Version implements CommandLine.IVersionProvider {

    /** The version string, e.g. {@code "0.1.0-SNAPSHOT"}. */
    public static String current() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"backprop " + current(), "Java " + System.getProperty("java.version")};
    }
}
