package org.mwdump.write.contract;

import java.io.ByteArrayOutputStream;
import org.mwdump.DumpWriter;
import org.mwdump.model.Revision;
import org.mwdump.write.xml.XmlDumpWriter;

/** XML (0.11) written and read back keeps every field of the model. */
class XmlToXmlTest extends RoundTripContract {
    @Override
    DumpWriter writer(ByteArrayOutputStream out) {
        return XmlDumpWriter.builder(out).schemaVersion("0.11").build();
    }

    @Override
    Revision carried(Revision r) {
        return r;
    }

    @Override
    boolean carriesUploadsAndLogs() {
        return true;
    }
}
