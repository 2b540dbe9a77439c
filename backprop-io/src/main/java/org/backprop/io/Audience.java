package org.backprop.io;

/**
 * Who reads a message that tells how to fix a problem: a user of the {@code backprop} command,
 * told its flags ({@code --ignore id}), or a Java caller of {@code Tabular.train}, told the
 * equivalent option method ({@code TabularOptions.withIgnore("id")}). See {@link OptionName}.
 */
public enum Audience {
    /** The {@code backprop} command line: flags. */
    COMMAND_LINE,
    /** A Java program using {@code Tabular} and {@code TabularOptions}: option methods. */
    JAVA
}
