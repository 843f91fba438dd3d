package org.mwdump.index;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.mwdump.DumpException;
import org.mwdump.DumpLocation;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.spi.LayoutCodec;

/**
 * The writers' {@link LayoutCodec}, found as a service (dump-writers supplies it): looked up when first
 * needed, and once found kept.
 */
final class LayoutCodecs {
    private static volatile LayoutCodec found;

    private LayoutCodecs() {
    }

    /**
     * The codec.
     *
     * @return the layout codec of the writers
     * @throws UnsupportedDumpException if dump-writers is not there
     * @throws DumpException            if the provider that is there cannot be loaded or made (a broken or
     *                                  mismatched jar), with the loader's error as the cause
     */
    static LayoutCodec get() {
        LayoutCodec codec = found;
        if (codec == null) {
            codec = lookUp(LayoutCodecs.class.getClassLoader());
            found = codec;
        }
        return codec;
    }

    /** The first codec {@code loader} provides; the failures as {@link #get()} throws them. */
    static LayoutCodec lookUp(ClassLoader loader) {
        LayoutCodec codec;
        try {
            codec = ServiceLoader.load(LayoutCodec.class, loader).findFirst().orElse(null);
        } catch (ServiceConfigurationError | LinkageError e) {
            throw new DumpException("the writers' layout codec (org.mwdump:dump-writers) cannot be loaded: "
                    + e.getMessage(), DumpLocation.UNKNOWN, e);
        }
        if (codec == null) {
            throw new UnsupportedDumpException("rewriting a multistream bz2 or seekable zstd dump needs "
                    + "org.mwdump:dump-writers on the class path (or org.mwdump.write on the module path)",
                    DumpLocation.UNKNOWN);
        }
        return codec;
    }
}
