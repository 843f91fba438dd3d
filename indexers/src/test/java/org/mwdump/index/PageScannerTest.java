package org.mwdump.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageScannerTest {
    private static final String PAGE_7 = """
              <page>
                <title>Seven</title>
                <ns>0</ns>
                <id>7</id>
                <revision>
                  <id>9</id>
                  <text bytes="3" xml:space="preserve">&lt;id&gt;9&lt;/id&gt;</text>
                </revision>
              </page>
            """;
    private static final String PAGE_9 = """
              <page>
                <title>Nine</title>
                <ns>0</ns>
                <id>9</id>
                <revision>
                  <id>7</id>
                  <contributor>
                    <username>X</username>
                    <id>7</id>
                  </contributor>
                </revision>
              </page>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String slice(byte[] xml, int[] range) {
        return new String(xml, range[0], range[1] - range[0], StandardCharsets.UTF_8);
    }

    @Test
    void findsThePageIdNotARevisionOrContributorIdOfTheSameValue() {
        byte[] xml = bytes(PAGE_7 + PAGE_9);
        assertEquals(PAGE_7, slice(xml, PageScanner.find(xml, 7)));
        assertEquals(PAGE_9, slice(xml, PageScanner.find(xml, 9)));
        assertNull(PageScanner.find(xml, 8));
        assertNull(PageScanner.find(xml, 77));
    }

    @Test
    void agreesWithTheFullScanOnEveryPage() {
        byte[] xml = bytes(PAGE_9 + PAGE_7 + PAGE_9.replace(">9<", ">19<"));
        List<long[]> slices = PageScanner.slices(xml);
        assertEquals(3, slices.size());
        for (long[] s : slices.subList(0, 2)) {
            assertArrayEquals(new int[] {(int) s[1], (int) s[2]}, PageScanner.find(xml, s[0]));
        }
    }

    @Test
    void schema03PagesHaveNoNamespaceLine() {
        String page = "<page>\n<title>Old</title>\n<id>3</id>\n<revision>\n<id>4</id>\n</revision>\n</page>\n";
        byte[] xml = bytes(page);
        assertEquals(page, slice(xml, PageScanner.find(xml, 3)));
        assertNull(PageScanner.find(xml, 4));
    }

    @Test
    void markupOnOneLineIsLeftToTheFullScan() {
        byte[] xml = bytes("<page><title>A</title><ns>0</ns><id>5</id><revision><id>6</id></revision></page>\n");
        assertNull(PageScanner.find(xml, 5));
    }

    @Test
    void indexOfMatchesTheNaiveSearchAtEveryAlignment() {
        Random random = new Random(3);
        byte[] needle = bytes("<id>");
        for (int trial = 0; trial < 2000; trial++) {
            byte[] hay = new byte[random.nextInt(40)];
            for (int i = 0; i < hay.length; i++) {
                hay[i] = (byte) "<id>x\n".charAt(random.nextInt(6));
            }
            int from = hay.length == 0 ? 0 : random.nextInt(hay.length);
            int limit = from + random.nextInt(hay.length - from + 1);
            int expected = -1;
            for (int i = from; i + needle.length <= limit && expected < 0; i++) {
                if (new String(hay, i, needle.length, StandardCharsets.ISO_8859_1).equals("<id>")) {
                    expected = i;
                }
            }
            assertEquals(expected, PageScanner.indexOf(hay, needle, from, limit), () -> new String(hay,
                    StandardCharsets.ISO_8859_1));
        }
    }
}
