package org.mwdump.cli;

import java.nio.file.Path;
import org.mwdump.index.IndexedDump;

/** The option of {@code get} and {@code index} that says where the index of a dump is kept. */
final class IndexPlace {
    /** The environment variable that sets the index directory when {@code --index-dir} is not given. */
    static final String ENV = "MWDUMP_INDEX_DIR";

    /** {@code --index-dir DIR}. */
    static final Option<Path> INDEX_DIR = Option.pathValue("--index-dir", "DIR", "keep the index in DIR, under the "
            + "dump's name and a hash of its path (default: $" + ENV + "; when unset, beside the dump, or in "
            + "$XDG_CACHE_HOME/mwdump, else ~/.cache/mwdump, when the dump's directory cannot be written)");

    private IndexPlace() {
    }

    /**
     * The library's options for this command line and environment.
     *
     * @param args the command line of a command that has {@link #INDEX_DIR}
     * @return where the index is kept
     */
    static IndexedDump.Options options(Args args) {
        Path dir = args.get(INDEX_DIR);
        if (dir == null) {
            String env = System.getenv(ENV);
            if (env != null && !env.isBlank()) {
                dir = Path.of(env);
            }
        }
        return IndexedDump.Options.DEFAULT.withIndexDirectory(dir);
    }

    /** How to name an index file in a message: by its name when it is beside the dump, else in full. */
    static String describe(Path indexFile, Path dump) {
        Path beside = dump.toAbsolutePath().getParent();
        return beside != null && beside.equals(indexFile.toAbsolutePath().getParent())
                ? indexFile.getFileName().toString() : indexFile.toString();
    }
}
