package org.mwdump.parquet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.mwdump.model.CaseRule;
import org.mwdump.model.Namespace;
import org.mwdump.model.SiteInfo;

/** The site info in the Parquet footer: written and read back whole, and as files already written hold it. */
class SiteInfoJsonTest {
    @Test
    void roundTripWithCharactersThatNeedEscaping() {
        SiteInfo site = new SiteInfo("0.11", "el", true, "Βικι\"ταξίδια\\ \n\t\u0001", null, "https://el.wikivoyage.org/",
                "MediaWiki 1.35", CaseRule.FIRST_LETTER,
                List.of(new Namespace(-2, "Μέσο", CaseRule.FIRST_LETTER), new Namespace(0, "", null),
                        new Namespace(1, "Συζήτηση \"x\"", CaseRule.CASE_SENSITIVE)));
        assertEquals(site, SiteInfoJson.read(SiteInfoJson.write(site)));
        assertEquals(SiteInfo.EMPTY, SiteInfoJson.read(SiteInfoJson.write(SiteInfo.EMPTY)));
    }

    @Test
    void readsTheFooterOfFilesWrittenBefore() {
        String written = "{\"schema_version\":\"0.10\",\"language\":\"en\",\"present\":true,\"sitename\":\"Test \\\"T\\\"\","
                + "\"dbname\":\"testwiki\",\"base\":null,\"generator\":\"MediaWiki 1.31\",\"case\":\"first-letter\","
                + "\"namespaces\":[{\"key\":0,\"name\":\"\",\"case\":\"first-letter\"},{\"key\":1,\"name\":\"Talk\\u0009\","
                + "\"case\":null}]}";
        SiteInfo expected = new SiteInfo("0.10", "en", true, "Test \"T\"", "testwiki", null, "MediaWiki 1.31",
                CaseRule.FIRST_LETTER, List.of(new Namespace(0, "", CaseRule.FIRST_LETTER), new Namespace(1, "Talk\t", null)));
        assertEquals(expected, SiteInfoJson.read(written));
        assertEquals(written.replace("\\u0009", "\\t"), SiteInfoJson.write(expected));
    }

    @Test
    void refusesWhatIsNotASiteInfoObject() {
        assertThrows(IllegalArgumentException.class, () -> SiteInfoJson.read("[1, 2]"));
        assertThrows(IllegalArgumentException.class, () -> SiteInfoJson.read("{\"present\": tru"));
        assertThrows(IllegalArgumentException.class, () -> SiteInfoJson.read("{} {}"));
    }
}
