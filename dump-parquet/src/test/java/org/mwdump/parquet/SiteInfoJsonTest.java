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
        SiteInfo site = SiteInfo.builder().schemaVersion("0.11").language("el").present(true)
                .siteName("Βικι\"ταξίδια\\ \n\t\u0001").base("https://el.wikivoyage.org/").generator("MediaWiki 1.35")
                .caseRule(CaseRule.FIRST_LETTER)
                .namespaces(List.of(new Namespace(-2, "Μέσο", CaseRule.FIRST_LETTER), new Namespace(0, "", null),
                        new Namespace(1, "Συζήτηση \"x\"", CaseRule.CASE_SENSITIVE))).build();
        assertEquals(site, SiteInfoJson.read(SiteInfoJson.write(site)));
        assertEquals(SiteInfo.EMPTY, SiteInfoJson.read(SiteInfoJson.write(SiteInfo.EMPTY)));
    }

    @Test
    void readsTheFooterOfFilesWrittenBefore() {
        String written = "{\"schema_version\":\"0.10\",\"language\":\"en\",\"present\":true,\"sitename\":\"Test \\\"T\\\"\","
                + "\"dbname\":\"testwiki\",\"base\":null,\"generator\":\"MediaWiki 1.31\",\"case\":\"first-letter\","
                + "\"namespaces\":[{\"key\":0,\"name\":\"\",\"case\":\"first-letter\"},{\"key\":1,\"name\":\"Talk\\u0009\","
                + "\"case\":null}]}";
        SiteInfo expected = SiteInfo.builder().schemaVersion("0.10").language("en").present(true)
                .siteName("Test \"T\"").dbName("testwiki").generator("MediaWiki 1.31").caseRule(CaseRule.FIRST_LETTER)
                .namespaces(List.of(new Namespace(0, "", CaseRule.FIRST_LETTER), new Namespace(1, "Talk\t", null)))
                .build();
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
