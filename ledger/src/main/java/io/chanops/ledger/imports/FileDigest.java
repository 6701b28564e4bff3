package io.chanops.ledger.imports;

import io.chanops.ledger.InputRejectedException;
import io.chanops.ledger.Problem;
import io.chanops.ledger.csv.CsvFileCheck;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of an input file: how chanops recognises a file it has imported before. */
public final class FileDigest {
    private FileDigest() {}

    public static String sha256(Path file) {
        CsvFileCheck.requireRegularFile(file);
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = newSha256();
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return hex(md.digest());
        } catch (NoSuchFileException e) {
            throw InputRejectedException.of(Problem.ofFile(file.toString(), "no such file"));
        } catch (IOException e) {
            throw InputRejectedException.of(Problem.ofFile(file.toString(), "cannot read: " + e.getMessage()));
        }
    }

    /** A fresh SHA-256 digest, for callers that hash a file while they read it for another purpose. */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A digest's bytes as lower-case hex, as {@link #sha256} returns them. */
    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
