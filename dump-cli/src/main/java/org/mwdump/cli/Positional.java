package org.mwdump.cli;

/**
 * A positional parameter of a command: {@code IN}, {@code OUT}, {@code CHANGES...}. The arguments that
 * are not options go to a command's positional parameters in the order these are declared, each taking
 * at least {@link #min()} and at most {@link #max()} of them; a parameter that takes more than its
 * minimum takes as many as the parameters after it leave (so {@code BASE CHANGES...} gives the first
 * argument to {@code BASE} and the rest to {@code CHANGES}).
 *
 * <p>Made by {@link #required}, {@link #optional} or {@link #atLeast}; the values given are read from
 * {@link Args} with the same constant.
 *
 * @param <T> the type of a value
 */
final class Positional<T> {
    /** {@link #max()} of a parameter that takes any number of arguments. */
    static final int UNBOUNDED = Integer.MAX_VALUE;

    private final String label;
    private final String synopsis;
    private final String description;
    private final Option.Converter<T> converter;
    private final int min;
    private final int max;

    private Positional(String label, String synopsis, String description, Option.Converter<T> converter, int min,
                       int max) {
        if (min < 0 || max < 1 || max < min) {
            throw new IllegalArgumentException("arity " + min + ".." + max + " of " + label);
        }
        this.label = label;
        this.synopsis = synopsis;
        this.description = description;
        this.converter = converter;
        this.min = min;
        this.max = max;
    }

    /**
     * A parameter of exactly one argument: {@code IN}.
     *
     * @param <T>         the type of the value
     * @param label       its name in the help and in messages
     * @param converter   how the argument is read
     * @param description what it is, for the help
     * @return the parameter
     */
    static <T> Positional<T> required(String label, Option.Converter<T> converter, String description) {
        return new Positional<>(label, label, description, converter, 1, 1);
    }

    /**
     * A parameter of one argument that may be left out: {@code [COMMAND]}.
     *
     * @param <T>         the type of the value
     * @param label       its name in the help and in messages
     * @param converter   how the argument is read
     * @param description what it is, for the help
     * @return the parameter
     */
    static <T> Positional<T> optional(String label, Option.Converter<T> converter, String description) {
        return new Positional<>(label, "[" + label + "]", description, converter, 0, 1);
    }

    /**
     * A parameter of {@code min} or more arguments: {@code CHANGES...}.
     *
     * @param <T>         the type of a value
     * @param min         the fewest arguments it takes
     * @param label       its name in the help and in messages
     * @param converter   how each argument is read
     * @param description what it is, for the help
     * @return the parameter
     */
    static <T> Positional<T> atLeast(int min, String label, Option.Converter<T> converter, String description) {
        return new Positional<>(label, min == 0 ? "[" + label + "...]" : label + "...", description, converter, min,
                UNBOUNDED);
    }

    /**
     * This parameter, shown in the usage line and the list of parameters as {@code synopsis} rather than
     * in the form its arity gives: for a parameter whose arguments are of two kinds, {@code CHANGES... OUT}.
     *
     * @param text how the help shows it
     * @return a new parameter, the same but for how it is shown
     */
    Positional<T> shownAs(String text) {
        return new Positional<>(label, text, description, converter, min, max);
    }

    /**
     * Its name in messages: {@code IN}.
     *
     * @return the label
     */
    String label() {
        return label;
    }

    /**
     * How the help shows it: {@code IN}, {@code [COMMAND]}, {@code CHANGES...}.
     *
     * @return the synopsis
     */
    String synopsis() {
        return synopsis;
    }

    /**
     * What it is, for the help.
     *
     * @return the description
     */
    String description() {
        return description;
    }

    /**
     * The fewest arguments it takes.
     *
     * @return the minimum
     */
    int min() {
        return min;
    }

    /**
     * The most arguments it takes, {@link #UNBOUNDED} for any number.
     *
     * @return the maximum
     */
    int max() {
        return max;
    }

    /**
     * The value of an argument given for this parameter.
     *
     * @param text the argument
     * @return the value
     * @throws UsageException when the converter refuses it
     */
    T convert(String text) {
        try {
            return converter.convert(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("Invalid value for parameter '" + label + "': '" + text + "' " + e.getMessage());
        }
    }

    @Override
    public String toString() {
        return label;
    }
}
