package org.mwdump.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The help of a command, as {@code --help} prints it and a usage error prints it after its message:
 * <pre>
 * Usage: mwdump CMD [-hV] [--flag] [--opt=VALUE] [--many=VALUE]... (--a | --b) PARAM
 * The paragraphs of the description.
 *       PARAM         what the parameter is
 *   -h, --help        Show this help message and exit.
 *       --opt=VALUE   what the option does, wrapped in a column of its own
 * </pre>
 * Every line fits in {@value #WIDTH} columns (but for a word longer than that): the usage line and the
 * descriptions are wrapped at spaces. The positional parameters are listed first, in order, then the
 * options sorted by name.
 */
final class Usage {
    /** The widest a line is: one less than the 80 columns of a terminal. */
    static final int WIDTH = 79;
    /** Option names with their value label longer than this put their description on the next line. */
    private static final int NAME_COLUMN_MAX = 20;

    private Usage() {
    }

    /**
     * The whole help of a command.
     *
     * @param spec    the command
     * @param program the name of the program and, for a subcommand, the subcommand: {@code mwdump info}
     * @return the help, lines ending with {@code \n}
     */
    static String help(CommandLineSpec spec, String program) {
        StringBuilder s = new StringBuilder();
        synopsis(s, spec, program);
        for (String paragraph : spec.description()) {
            wrap(s, paragraph, 0, 0);
        }
        List<String[]> rows = new ArrayList<>();
        for (Positional<?> p : spec.positionals()) {
            rows.add(new String[] {"", p.synopsis(), p.description()});
        }
        List<Option<?>> options = new ArrayList<>(spec.options());
        options.sort(Comparator.comparing(Usage::sortKey));
        for (Option<?> o : options) {
            String names = o.longName() == null ? "" : o.longName() + (o.isFlag() ? "" : "=" + o.label());
            String letter = o.shortName() == null ? "" : o.shortName() + (o.longName() == null && !o.isFlag()
                    ? "=" + o.label() : "");
            rows.add(new String[] {letter, names, o.description()});
        }
        table(s, rows);
        return s.toString();
    }

    /**
     * The help of {@code mwdump} itself: its usage line, description and options, then its commands,
     * each with the first paragraph of its description, then what its exit statuses mean.
     *
     * @param spec        the program's command
     * @param commands    the commands, in the order to list them
     * @param exitStatus  pairs of an exit status and what it means
     * @return the help, lines ending with {@code \n}
     */
    static String programHelp(CommandLineSpec spec, List<CommandLineSpec> commands, String[][] exitStatus) {
        StringBuilder s = new StringBuilder();
        synopsis(s, spec, spec.name());
        for (String paragraph : spec.description()) {
            wrap(s, paragraph, 0, 0);
        }
        List<String[]> rows = new ArrayList<>();
        for (Option<?> o : spec.options()) {
            rows.add(new String[] {o.shortName() == null ? "" : o.shortName(), o.longName(), o.description()});
        }
        table(s, rows);
        s.append("Commands:\n");
        int width = 0;
        for (CommandLineSpec c : commands) {
            width = Math.max(width, c.name().length());
        }
        for (CommandLineSpec c : commands) {
            String first = c.description().isEmpty() ? "" : c.description().get(0);
            s.append("  ").append(pad(c.name(), width + 2));
            wrap(s, first, 4 + width, 6 + width);
        }
        s.append("\nExit status:\n");
        for (String[] status : exitStatus) {
            s.append("   ").append(pad(status[0], 6));
            wrap(s, status[1], 9, 11);
        }
        return s.toString();
    }

    /** Appends the usage line, wrapped under the first word after the program's name. */
    private static void synopsis(StringBuilder s, CommandLineSpec spec, String program) {
        List<String> words = new ArrayList<>();
        List<Option<?>> grouped = new ArrayList<>();
        for (CommandLineSpec.Exclusive g : spec.exclusive()) {
            grouped.addAll(g.options());
        }
        List<Option<?>> options = new ArrayList<>();
        for (Option<?> o : spec.options()) {
            if (!grouped.contains(o)) {
                options.add(o);
            }
        }
        options.sort(Comparator.comparing(Usage::sortKey));
        // the one-letter flags together, [-hqV]; then flags by long name; options with a value; repeatable ones
        StringBuilder letters = new StringBuilder();
        for (Option<?> o : options) {
            if (o.isFlag() && o.shortName() != null) {
                letters.append(o.shortName().charAt(1));
            }
        }
        if (letters.length() > 0) {
            words.add("[-" + letters + "]");
        }
        for (Option<?> o : options) {
            if (o.isFlag() && o.shortName() == null) {
                words.add("[" + o.longName() + "]");
            }
        }
        for (Option<?> o : options) {
            if (!o.isFlag() && !o.isRepeatable()) {
                words.add("[" + optionSynopsis(o) + "]");
            }
        }
        for (Option<?> o : options) {
            if (!o.isFlag() && o.isRepeatable()) {
                words.add("[" + optionSynopsis(o) + "]...");
            }
        }
        for (CommandLineSpec.Exclusive g : spec.exclusive()) {
            words.add(g.synopsis());
        }
        for (Positional<?> p : spec.positionals()) {
            words.add(p.synopsis());
        }
        String head = "Usage: " + program + " ";
        s.append(head);
        wrap(s, String.join(" ", words), head.length(), head.length());
    }

    /**
     * An option as the usage line shows it: {@code --force}, {@code --threads=N}.
     *
     * @param o the option
     * @return the text
     */
    static String optionSynopsis(Option<?> o) {
        return o.isFlag() ? o.name() : o.name() + "=" + o.label();
    }

    /** What options are sorted by: the shortest name without its dashes, in any case; lower case first. */
    private static String sortKey(Option<?> o) {
        String name = o.shortName() != null ? o.shortName().substring(1) : o.longName().substring(2);
        return name.toLowerCase(Locale.ROOT) + "\0" + (Character.isLowerCase(name.charAt(0)) ? "0" : "1");
    }

    /**
     * Appends rows of a one-letter name, a long name and a description: the names in columns, the
     * descriptions in a column after the widest name (at most {@value #NAME_COLUMN_MAX} wide; a longer
     * name puts its description on the next line), continued lines two columns further in.
     */
    private static void table(StringBuilder s, List<String[]> rows) {
        int width = 0;
        for (String[] row : rows) {
            if (row[1].length() <= NAME_COLUMN_MAX) {
                width = Math.max(width, row[1].length());
            }
        }
        int column = 6 + width + 3;
        for (String[] row : rows) {
            String line = row[0].isEmpty() ? "      " + row[1] : "  " + row[0] + (row[1].isEmpty() ? "" : ", " + row[1]);
            if (line.length() > column - 3) {
                s.append(line).append('\n').append(" ".repeat(column));
            } else {
                s.append(pad(line, column));
            }
            wrap(s, row[2], column, column + 2);
        }
    }

    /**
     * Appends a paragraph wrapped at spaces to {@value #WIDTH} columns, and a line end: its first line
     * continues a line already begun at column {@code first}, the others start with {@code indent} spaces.
     * Runs of spaces count as one; a word longer than a line has a line of its own.
     *
     * @param s      where to append it
     * @param text   the paragraph
     * @param first  the column the first line continues from: what {@code s} holds of its last line
     * @param indent the column the other lines start at
     */
    static void wrap(StringBuilder s, String text, int first, int indent) {
        int column = first;
        boolean lineEmpty = true;
        for (String word : text.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (!lineEmpty && column + 1 + word.length() > WIDTH) {
                s.append('\n').append(" ".repeat(indent));
                column = indent;
                lineEmpty = true;
            }
            if (!lineEmpty) {
                s.append(' ');
                column++;
            }
            s.append(word);
            column += word.length();
            lineEmpty = false;
        }
        s.append('\n');
    }

    private static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }

    /**
     * Whether a name given is near enough to a known one to suggest it: one begins the other, or they
     * differ in one letter (two for names of five letters or more), as a typing error would make them.
     *
     * @param given the name given, without its dashes
     * @param known a known name, without its dashes
     * @return whether to suggest the known name
     */
    static boolean near(String given, String known) {
        if (given.length() >= 2 && (known.startsWith(given) || given.startsWith(known))) {
            return true;
        }
        return distance(given, known) <= (Math.min(given.length(), known.length()) >= 5 ? 2 : 1);
    }

    /** The Levenshtein distance: how many letters to insert, remove or replace to make one text the other. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] t = previous;
            previous = current;
            current = t;
        }
        return previous[b.length()];
    }
}
