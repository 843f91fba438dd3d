package org.mwdump.write.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.mwdump.testing.GeneratedDump;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * The generated dumps of schema 0.10 and 0.11, which the tests that run without the shared corpus rely
 * on, are valid against the official XSDs (in the corpus, so this one test is skipped without it):
 * content and stub dumps with deleted fields, slots and log items. Uploads are left out: MediaWiki writes
 * {@code <archivename>}, {@code <sha1base36>}, {@code <rel>} and {@code <contents>}, which no schema lists.
 */
class GeneratedXsdValidationTest {

    @Test
    void generatedDumpsAreValid() throws Exception {
        for (String version : List.of("0.10", "0.11")) {
            Validator validator = XsdValidationTest.schema(version).newValidator();
            for (boolean stubs : new boolean[] {false, true}) {
                GeneratedDump dump = GeneratedDump.builder(version).stubs(stubs).pages(30).deletions(true).slots(true)
                        .logItems(6).build();
                List<String> errors = new ArrayList<>();
                validator.setErrorHandler(new ErrorHandler() {
                    @Override
                    public void warning(SAXParseException e) {
                    }

                    @Override
                    public void error(SAXParseException e) {
                        errors.add(e.getMessage() + " at line " + e.getLineNumber());
                    }

                    @Override
                    public void fatalError(SAXParseException e) throws SAXParseException {
                        throw e;
                    }
                });
                validator.validate(new StreamSource(new ByteArrayInputStream(dump.xml())));
                assertEquals(List.of(), errors, dump + " against export-" + version + ".xsd");
            }
        }
    }
}
