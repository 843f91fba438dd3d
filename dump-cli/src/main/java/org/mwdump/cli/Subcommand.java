package org.mwdump.cli;

import java.io.PrintWriter;

/**
 * A command of {@code mwdump} ({@code info}, {@code convert}, ...): made new for each run by its
 * {@link CommandLineSpec}'s factory, and run with the command line parsed against that spec.
 */
interface Subcommand {
    /**
     * Does the command's work.
     *
     * @param args what was given on the command line
     * @param out  standard output, for messages and results that are not data
     * @param err  standard error
     * @return the exit status
     * @throws UsageException when the options do not fit together (exit status 2)
     * @throws Exception      any other failure, reported in one line (exit status 1)
     */
    int run(Args args, PrintWriter out, PrintWriter err) throws Exception;
}
