package org.mwdump.write.contract;

import java.io.ByteArrayOutputStream;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Revision;

/** XML (0.11) written and read back keeps every field of the model. */
class XmlToXmlTest extends RoundTripContract {
    @Override
    DumpWriter writer(ByteArrayOutputStream out) {
        return Dumps.create(out, DumpFormat.XML, WriteOptions.builder().schemaVersion("0.11").build());
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
