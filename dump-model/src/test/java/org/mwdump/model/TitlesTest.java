package org.mwdump.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TitlesTest {
    /** Like English Wiktionary: a case-sensitive main namespace, the project namespace called Wiktionary. */
    static final SiteInfo WIKTIONARY = SiteInfo.builder().schemaVersion("0.11").language("en").present(true)
            .siteName("Wiktionary").dbName("enwiktionary").base("https://en.wiktionary.org/wiki/Wiktionary:Main_Page")
            .generator("MediaWiki 1.45").caseRule(CaseRule.CASE_SENSITIVE).namespaces(List.of(
                    new Namespace(-1, "Special", CaseRule.FIRST_LETTER),
                    new Namespace(0, "", CaseRule.CASE_SENSITIVE),
                    new Namespace(1, "Talk", CaseRule.CASE_SENSITIVE),
                    new Namespace(4, "Wiktionary", CaseRule.FIRST_LETTER),
                    new Namespace(6, "File", CaseRule.FIRST_LETTER),
                    new Namespace(14, "Category", CaseRule.CASE_SENSITIVE),
                    new Namespace(100, "Appendix", CaseRule.FIRST_LETTER))).build();

    /** Like Greek Wikivoyage: first-letter everywhere, local namespace names. */
    static final SiteInfo GREEK = SiteInfo.builder().schemaVersion("0.11").language("el").present(true)
            .siteName("Βικιταξίδια").dbName("elwikivoyage").caseRule(CaseRule.FIRST_LETTER).namespaces(List.of(
                    new Namespace(0, "", CaseRule.FIRST_LETTER),
                    new Namespace(4, "Βικιταξίδια", CaseRule.FIRST_LETTER),
                    new Namespace(14, "Κατηγορία", CaseRule.FIRST_LETTER))).build();

    @Test
    void underscoresSpacesAndEnds() {
        assertEquals("apple pie", Titles.normalize("  apple__pie_ ", WIKTIONARY));
        assertEquals("apple pie", Titles.normalize("apple \t pie", WIKTIONARY));
        assertEquals("Apple pie", Titles.normalize(" apple_pie", GREEK), "first-letter main namespace");
        assertEquals("apple", Titles.normalize(":apple", WIKTIONARY), "a leading colon means the main namespace");
    }

    @Test
    void namespacesByLocalOrCanonicalNameInAnyCase() {
        assertEquals("Wiktionary:Main Page", Titles.normalize("wiktionary:main_Page", WIKTIONARY));
        assertEquals("Wiktionary:Main Page", Titles.normalize("Project:Main Page", WIKTIONARY));
        assertEquals("Wiktionary:Foo", Titles.normalize("PROJECT : foo", WIKTIONARY));
        assertEquals("File:X.png", Titles.normalize("image:x.png", WIKTIONARY), "Image is File's old name");
        assertEquals("Category:nouns", Titles.normalize("category:nouns", WIKTIONARY), "case-sensitive namespace");
        assertEquals("Talk:apple", Titles.normalize("talk:apple", WIKTIONARY));
        assertEquals("Appendix:Glossary", Titles.normalize("appendix:glossary", WIKTIONARY));
        assertEquals("Κατηγορία:Πόλεις", Titles.normalize("κατηγορία:πόλεις", GREEK), "local names, any script");
        assertEquals("Κατηγορία:Πόλεις", Titles.normalize("Category:πόλεις", GREEK), "canonical name");
        assertEquals("Βικιταξίδια:Αφετηρία", Titles.normalize("project:αφετηρία", GREEK));
    }

    @Test
    void aPrefixThatIsNoNamespaceStaysInTheTitle() {
        assertEquals("Foo:bar", Titles.normalize("Foo:bar", WIKTIONARY));
        assertEquals("Foo:bar", Titles.normalize("foo:bar", GREEK));
        assertEquals("User:Someone", Titles.normalize("user:Someone", GREEK), "the wiki has no User namespace here");
    }

    @Test
    void withoutSiteInfoOnlyWhiteSpace() {
        assertEquals("talk:x y", Titles.normalize(" talk:x_y ", SiteInfo.EMPTY));
    }
}
