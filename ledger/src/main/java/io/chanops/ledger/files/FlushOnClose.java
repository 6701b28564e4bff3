package io.chanops.ledger.files;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * A stream whose {@code close} only flushes: for writers that close their stream when done while the file (or channel)
 * under it is still to be read back, forced to disk or closed by its owner.
 */
public final class FlushOnClose extends FilterOutputStream {
    public FlushOnClose(OutputStream out) {
        super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
        flush();
    }
}
