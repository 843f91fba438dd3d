package org.mwdump.index;

import java.util.ServiceLoader;
import org.mwdump.DumpLocation;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.spi.LayoutCodec;

/** The writers' {@link LayoutCodec}, found as a service (dump-writers supplies it), looked up once. */
final class LayoutCodecs {
    private static final LayoutCodec FOUND = ServiceLoader.load(LayoutCodec.class,
            LayoutCodecs.class.getClassLoader()).findFirst().orElse(null);

    private LayoutCodecs() {
    }

    /**
     * The codec.
     *
     * @return the layout codec of the writers
     * @throws UnsupportedDumpException if dump-writers is not there
     */
    static LayoutCodec get() {
        if (FOUND == null) {
            throw new UnsupportedDumpException("rewriting a multistream bz2 or seekable zstd dump needs "
                    + "org.mwdump:dump-writers on the class path (or org.mwdump.write on the module path)",
                    DumpLocation.UNKNOWN);
        }
        return FOUND;
    }
}
