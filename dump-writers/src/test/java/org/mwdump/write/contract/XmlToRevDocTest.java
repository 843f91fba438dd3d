package org.mwdump.write.contract;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import org.mwdump.DumpFormat;
import org.mwdump.DumpWriter;
import org.mwdump.Dumps;
import org.mwdump.WriteOptions;
import org.mwdump.model.Revision;
import org.mwdump.model.Slot;
import org.mwdump.model.Text;

/**
 * RevDoc written and read back keeps what RevDoc carries: everything except the main slot's
 * {@code origin} and the text ids (mwxml writes neither), an empty revision {@code <sha1/>} (left out
 * like an absent one), the difference between empty and absent text, and uploads and log items.
 */
class XmlToRevDocTest extends RoundTripContract {
    @Override
    DumpWriter writer(ByteArrayOutputStream out) {
        return Dumps.create(out, DumpFormat.REVDOC, WriteOptions.DEFAULT);
    }

    @Override
    Revision carried(Revision r) {
        List<Slot> slots = new ArrayList<>();
        for (Slot s : r.slots()) {
            Text t = s.text();
            Text kept = t == null ? null : t.toBuilder()
                    .content(t.content() == null || t.content().isEmpty() ? null : t.content()).textId(null).build();
            slots.add(s.toBuilder().origin(s.isMain() ? null : s.origin()).text(kept).build());
        }
        return r.toBuilder().slots(slots).sha1(r.sha1() == null || r.sha1().isEmpty() ? null : r.sha1()).build();
    }

    @Override
    boolean carriesUploadsAndLogs() {
        return false;
    }
}
