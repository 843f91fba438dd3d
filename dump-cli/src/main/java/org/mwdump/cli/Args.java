package org.mwdump.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * What a command line gave a command: the options given, in the order they were given, with their
 * converted values, and the values of the positional parameters. Made by {@link CommandLineSpec#parse};
 * read with the {@link Option} and {@link Positional} constants of the command.
 */
final class Args {
    /**
     * One option as it was given.
     *
     * @param option the option
     * @param value  its value, converted
     */
    record Given(Option<?> option, Object value) {
        /**
         * The value, if this is the given option.
         *
         * @param <T> the type of the option's value
         * @param o   an option
         * @return the value, or {@code null} when this is another option
         */
        @SuppressWarnings("unchecked") // the value of an option is of the option's type (Args.add)
        <T> T valueOf(Option<T> o) {
            return option == o ? (T) value : null;
        }
    }

    /** A value of a positional parameter. */
    private record Positioned(Positional<?> parameter, Object value) {
    }

    private final CommandLineSpec spec;
    private final List<Given> given = new ArrayList<>();
    private final List<Positioned> positioned = new ArrayList<>();
    private int end;

    /**
     * Nothing given yet.
     *
     * @param spec the command
     */
    Args(CommandLineSpec spec) {
        this.spec = spec;
    }

    /**
     * Records an option given.
     *
     * @param o     the option
     * @param value its value, of the option's type (as its converter made it)
     */
    void add(Option<?> o, Object value) {
        given.add(new Given(o, value));
    }

    /**
     * Records a value of a positional parameter.
     *
     * @param p     the parameter
     * @param value the value
     */
    void add(Positional<?> p, Object value) {
        positioned.add(new Positioned(p, value));
    }

    /**
     * Records where the parsing ended.
     *
     * @param index the index of the first argument not parsed
     */
    void end(int index) {
        end = index;
    }

    /**
     * The command these arguments are for.
     *
     * @return its spec
     */
    CommandLineSpec spec() {
        return spec;
    }

    /**
     * Whether an option was given.
     *
     * @param o the option
     * @return whether it was given at least once
     */
    boolean has(Option<?> o) {
        for (Given g : given) {
            if (g.option() == o) {
                return true;
            }
        }
        return false;
    }

    /**
     * The value of an option: the last one given, else its default.
     *
     * @param <T> the type of the value
     * @param o   the option
     * @return the value, or {@code null} when it was not given and has no default
     */
    <T> T get(Option<T> o) {
        T value = o.defaultValue();
        for (Given g : given) {
            if (g.option() == o) {
                value = g.valueOf(o);
            }
        }
        return value;
    }

    /**
     * Whether a flag is on: given, and not as {@code --flag=false}.
     *
     * @param flag the option
     * @return whether it is on
     */
    boolean isSet(Option<Boolean> flag) {
        return Boolean.TRUE.equals(get(flag));
    }

    /**
     * Every value given to an option, in order.
     *
     * @param <T> the type of a value
     * @param o   the option
     * @return the values, none when it was not given
     */
    <T> List<T> all(Option<T> o) {
        List<T> values = new ArrayList<>();
        for (Given g : given) {
            if (g.option() == o) {
                values.add(g.valueOf(o));
            }
        }
        return values;
    }

    /**
     * Every option given, in the order of the command line: for options whose order matters among
     * each other ({@code get --id 3 --title T --id 1}).
     *
     * @return the options with their values
     */
    List<Given> given() {
        return List.copyOf(given);
    }

    /**
     * The value of a positional parameter of one argument.
     *
     * @param <T> the type of the value
     * @param p   the parameter
     * @return the value, or {@code null} when it was not given (an optional parameter)
     */
    <T> T get(Positional<T> p) {
        List<T> values = all(p);
        return values.isEmpty() ? null : values.get(0);
    }

    /**
     * The values of a positional parameter, in order.
     *
     * @param <T> the type of a value
     * @param p   the parameter
     * @return the values
     */
    @SuppressWarnings("unchecked") // the values of a parameter are of its type: they come from its converter
    <T> List<T> all(Positional<T> p) {
        List<T> values = new ArrayList<>();
        for (Positioned v : positioned) {
            if (v.parameter() == p) {
                values.add((T) v.value());
            }
        }
        return values;
    }

    /**
     * Whether the command's help was asked for.
     *
     * @return whether {@code --help} was given
     */
    boolean helpRequested() {
        return isSet(spec.helpOption());
    }

    /**
     * Whether the version was asked for (and not the help, which wins).
     *
     * @return whether {@code --version} was given
     */
    boolean versionRequested() {
        return spec.versionOption() != null && isSet(spec.versionOption()) && !helpRequested();
    }

    /**
     * Where the parsing ended in the command line: for a spec whose first positional argument names a
     * subcommand, the index of the subcommand's first argument.
     *
     * @return the index of the first argument not parsed, the length of the command line when all were
     */
    int end() {
        return end;
    }
}
