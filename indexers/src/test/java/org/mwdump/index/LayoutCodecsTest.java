package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mwdump.DumpException;
import org.mwdump.UnsupportedDumpException;
import org.mwdump.spi.LayoutCodec;

/**
 * The writers' layout codec is looked up when apply first needs it: a provider that cannot be loaded is a
 * {@link DumpException} saying so (not an error in a class initialiser), none at all an
 * {@link UnsupportedDumpException} naming the module to add.
 */
class LayoutCodecsTest {
    /** A class loader that loads classes as this test's does, but lists only the given service files. */
    static ClassLoader withServices(Path services) {
        return new ClassLoader(LayoutCodecsTest.class.getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                Path file = services.resolve(name);
                return Files.exists(file) ? Collections.enumeration(java.util.List.of(file.toUri().toURL()))
                        : Collections.emptyEnumeration();
            }
        };
    }

    @Test
    void theWritersCodecIsFound() {
        assertNotNull(LayoutCodecs.get(), "dump-writers is on the test class path");
    }

    @Test
    void aProviderThatCannotBeLoadedIsADumpException(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("META-INF/services/" + LayoutCodec.class.getName());
        Files.createDirectories(file.getParent());
        Files.writeString(file, "org.mwdump.no.such.Codec\n");
        DumpException e = assertThrows(DumpException.class, () -> LayoutCodecs.lookUp(withServices(dir)));
        assertTrue(e.getMessage().startsWith("the writers' layout codec (org.mwdump:dump-writers) cannot be loaded: "),
                e.getMessage());
        assertInstanceOf(ServiceConfigurationError.class, e.getCause());
    }

    @Test
    void noProviderIsUnsupported(@TempDir Path dir) {
        UnsupportedDumpException e = assertThrows(UnsupportedDumpException.class,
                () -> LayoutCodecs.lookUp(withServices(dir)));
        assertEquals("rewriting a multistream bz2 or seekable zstd dump needs org.mwdump:dump-writers on the class "
                + "path (or org.mwdump.write on the module path)", e.getMessage());
    }
}
