package org.mwdump.read.xml;

import java.nio.charset.StandardCharsets;
import org.mwdump.read.compress.ChunkedInputStream;

/**
 * A dump generated while it is read: one page with {@code revisions} revisions, each with the text
 * {@code textFor(i)}. Nothing is held but the current revision, so it can describe far more data than
 * the heap holds.
 */
class GeneratedDumpStream extends ChunkedInputStream {
    private final long revisions;
    private final java.util.function.LongFunction<String> text;
    private long next = -1;
    private boolean done;

    GeneratedDumpStream(long revisions, java.util.function.LongFunction<String> text) {
        this.revisions = revisions;
        this.text = text;
    }

    @Override
    protected byte[] nextChunk() {
        if (done) {
            return null;
        }
        String s;
        if (next < 0) {
            s = XmlReaderTest.HEADER + "  <page>\n    <title>Talk:Foo</title>\n    <ns>1</ns>\n    <id>7</id>\n";
        } else if (next < revisions) {
            s = "    <revision>\n      <id>" + (next + 1) + "</id>\n"
                    + (next > 0 ? "      <parentid>" + next + "</parentid>\n" : "")
                    + "      <timestamp>2020-01-01T00:00:00Z</timestamp>\n"
                    + "      <contributor>\n        <username>U</username>\n        <id>1</id>\n      </contributor>\n"
                    + "      <model>wikitext</model>\n      <format>text/x-wiki</format>\n"
                    + "      <text xml:space=\"preserve\">" + text.apply(next) + "</text>\n      <sha1 />\n    </revision>\n";
        } else {
            s = "  </page>\n</mediawiki>\n";
            done = true;
        }
        next++;
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
