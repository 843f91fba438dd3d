package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageSplitterTest {

    /** The last {@code <page>} before the cut with only spaces or tabs before it on its line, found naively. */
    static int naiveLastPageLine(byte[] b, int cut) {
        byte[] page = "<page>".getBytes(StandardCharsets.US_ASCII);
        int last = -1;
        for (int i = 0; i + page.length <= cut; i++) {
            boolean match = true;
            for (int k = 0; k < page.length && match; k++) {
                match = b[i + k] == page[k];
            }
            int j = i - 1;
            while (match && j >= 0 && b[j] != '\n') {
                match = b[j] == ' ' || b[j] == '\t';
                j--;
            }
            if (match) {
                last = i;
            }
        }
        return last;
    }

    /** The backward word-at-a-time search agrees with the naive one, at every cut of random markup. */
    @Test
    void lastPageLineAgreesWithANaiveSearch() {
        Random random = new Random(7);
        String[] pieces = {"<page>", "  <page>", "\n", "\n  ", "<pag", "e>", "<", ">", "x", " ", "\t", "<base>",
            "<parentid>", "</page>", "ab<page>"};
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(pieces[random.nextInt(pieces.length)]);
            }
            byte[] b = sb.toString().getBytes(StandardCharsets.US_ASCII);
            for (int cut = 0; cut <= b.length; cut++) {
                assertEquals(naiveLastPageLine(b, cut), PageSplitter.lastPageLine(b, cut), sb + " cut at " + cut);
            }
        }
    }
}
