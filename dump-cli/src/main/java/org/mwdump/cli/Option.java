package org.mwdump.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * An option of a command: its names ({@code --threads}, or a one-letter alias and a long name such as
 * {@code -q} and {@code --quiet}), what it says in the help, and how its value is read.
 *
 * <p>A <em>flag</em> takes no value: giving it sets it to {@code true}; {@code --flag=true} and
 * {@code --flag=false} are also accepted. Any other option takes one value, given as
 * {@code --opt VALUE}, {@code --opt=VALUE} or, for a one-letter name, {@code -o VALUE}, {@code -oVALUE} or
 * {@code -o=VALUE}; its {@linkplain Converter converter} turns the text into the value. An option is given
 * at most once unless it is {@linkplain #repeatable() repeatable}.
 *
 * <p>Options are declared as constants of the command that has them, made by {@link #flag}, {@link #value},
 * {@link #intValue}, {@link #longValue}, {@link #pathValue} or {@link #stringValue}, and the values given
 * are read from {@link Args} with the same constant.
 *
 * @param <T> the type of the value
 */
final class Option<T> {
    /**
     * Turns the text of a value into the value.
     *
     * @param <T> the type of the value
     */
    @FunctionalInterface
    interface Converter<T> {
        /**
         * The value of a text.
         *
         * @param text the value as given
         * @return the value
         * @throws IllegalArgumentException when the text is no such value, with a message that completes
         *                                  {@code 'TEXT' ...}, such as {@code is not an int}
         */
        T convert(String text);
    }

    /** Integers as {@link Integer#parseInt} reads them: an optional sign and decimal digits. */
    static final Converter<Integer> INT = text -> {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not an int");
        }
    };

    /** Integers as {@link Long#parseLong} reads them: an optional sign and decimal digits. */
    static final Converter<Long> LONG = text -> {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("is not a long");
        }
    };

    /** File names, as {@link Path#of} reads them. */
    static final Converter<Path> PATH = text -> {
        try {
            return Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("is not a file name (" + e.getReason() + ")");
        }
    };

    /** Texts as they are. */
    static final Converter<String> STRING = text -> text;

    /** {@code true} or {@code false}, in any case: the explicit value of a flag. */
    static final Converter<Boolean> BOOLEAN = text -> {
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        throw new IllegalArgumentException("is not a boolean");
    };

    private final String shortName;
    private final String longName;
    private final String label;
    private final String description;
    private final Converter<T> converter;
    private final T defaultValue;
    private final boolean repeatable;

    private Option(String shortName, String longName, String label, String description, Converter<T> converter,
                   T defaultValue, boolean repeatable) {
        if (shortName == null && longName == null) {
            throw new IllegalArgumentException("an option needs a name");
        }
        if (shortName != null && (shortName.length() != 2 || shortName.charAt(0) != '-' || shortName.charAt(1) == '-')) {
            throw new IllegalArgumentException("not a one-letter option name: " + shortName);
        }
        if (longName != null && (!longName.startsWith("--") || longName.length() < 3 || longName.contains("="))) {
            throw new IllegalArgumentException("not a long option name: " + longName);
        }
        this.shortName = shortName;
        this.longName = longName;
        this.label = label;
        this.description = description;
        this.converter = converter;
        this.defaultValue = defaultValue;
        this.repeatable = repeatable;
    }

    /**
     * A flag with a long name only.
     *
     * @param longName    the name, {@code --force}
     * @param description what it does, for the help
     * @return the option
     */
    static Option<Boolean> flag(String longName, String description) {
        return new Option<>(null, longName, null, description, BOOLEAN, null, false);
    }

    /**
     * A flag with a one-letter alias.
     *
     * @param shortName   the one-letter name, {@code -q}
     * @param longName    the long name, {@code --quiet}, or {@code null} for none
     * @param description what it does, for the help
     * @return the option
     */
    static Option<Boolean> flag(String shortName, String longName, String description) {
        return new Option<>(shortName, longName, null, description, BOOLEAN, null, false);
    }

    /**
     * An option that takes a value.
     *
     * @param <T>         the type of the value
     * @param name        its name: a long name ({@code --threads}) or a one-letter one ({@code -t})
     * @param label       what the help calls the value, {@code N}
     * @param converter   how the value is read
     * @param description what it does, for the help
     * @return the option
     */
    static <T> Option<T> value(String name, String label, Converter<T> converter, String description) {
        boolean isShort = !name.startsWith("--");
        return new Option<>(isShort ? name : null, isShort ? null : name, label, description, converter, null, false);
    }

    /**
     * An option whose value is an {@code int}.
     *
     * @param name        its name
     * @param label       what the help calls the value
     * @param description what it does, for the help
     * @return the option
     */
    static Option<Integer> intValue(String name, String label, String description) {
        return value(name, label, INT, description);
    }

    /**
     * An option whose value is a {@code long}.
     *
     * @param name        its name
     * @param label       what the help calls the value
     * @param description what it does, for the help
     * @return the option
     */
    static Option<Long> longValue(String name, String label, String description) {
        return value(name, label, LONG, description);
    }

    /**
     * An option whose value is a file name.
     *
     * @param name        its name
     * @param label       what the help calls the value
     * @param description what it does, for the help
     * @return the option
     */
    static Option<Path> pathValue(String name, String label, String description) {
        return value(name, label, PATH, description);
    }

    /**
     * An option whose value is a text, taken as it is (the command checks it).
     *
     * @param name        its name
     * @param label       what the help calls the value
     * @param description what it does, for the help
     * @return the option
     */
    static Option<String> stringValue(String name, String label, String description) {
        return value(name, label, STRING, description);
    }

    /**
     * This option with a value for when it is not given. The help does not show it by itself: the
     * description says it.
     *
     * @param value the default value
     * @return a new option, the same but for its default
     */
    Option<T> withDefault(T value) {
        return new Option<>(shortName, longName, label, description, converter, value, repeatable);
    }

    /**
     * This option, which may be given any number of times; {@link Args#all(Option)} has every value.
     *
     * @return a new option, the same but repeatable
     */
    Option<T> repeatable() {
        if (isFlag()) {
            throw new IllegalStateException("a repeated flag says nothing more: " + name());
        }
        return new Option<>(shortName, longName, label, description, converter, defaultValue, true);
    }

    /**
     * The one-letter name, {@code -q}.
     *
     * @return the name, or {@code null} when it has none
     */
    String shortName() {
        return shortName;
    }

    /**
     * The long name, {@code --quiet}.
     *
     * @return the name, or {@code null} when it has none
     */
    String longName() {
        return longName;
    }

    /**
     * The name messages call it by: the long one if it has one.
     *
     * @return the name
     */
    String name() {
        return longName != null ? longName : shortName;
    }

    /**
     * What the help calls the value: {@code N}.
     *
     * @return the label, or {@code null} for a flag
     */
    String label() {
        return label;
    }

    /**
     * What the option does, for the help.
     *
     * @return the description
     */
    String description() {
        return description;
    }

    /**
     * The value when the option is not given.
     *
     * @return the value, or {@code null}
     */
    T defaultValue() {
        return defaultValue;
    }

    /**
     * Whether the option takes no value.
     *
     * @return whether it is a flag
     */
    boolean isFlag() {
        return label == null;
    }

    /**
     * Whether it may be given more than once.
     *
     * @return whether it is repeatable
     */
    boolean isRepeatable() {
        return repeatable;
    }

    /**
     * Whether {@code name} is one of this option's names.
     *
     * @param name a name, with its dashes
     * @return whether it names this option
     */
    boolean hasName(String name) {
        return name.equals(shortName) || name.equals(longName);
    }

    /**
     * The value of a text given for this option.
     *
     * @param text the value as given
     * @return the value
     * @throws UsageException when the converter refuses it: {@code Invalid value for option '--threads':
     *                        'x' is not an int}
     */
    T convert(String text) {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for option '" + name() + "': '" + text + "' " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return name();
    }
}
