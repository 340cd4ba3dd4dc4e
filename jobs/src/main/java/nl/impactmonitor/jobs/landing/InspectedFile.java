package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a delivered file is, learned in one pass over its bytes: content hash, format (by content, not by
 * extension) and, for text, its character set.
 *
 * @param encoding as detected: {@code UTF-8}, {@code UTF-8 (BOM)}, {@code UTF-16} or {@code windows-1252}
 *                 (the usual non-UTF-8 encoding of Dutch Excel exports; a superset of ISO-8859-1's letters)
 */
public record InspectedFile(Path path, long sizeBytes, String sha256, Format format, String encoding, Charset charset) {

    /** {@code XLSX} is any zip archive (a workbook is one); {@code GZIP} a gzip-compressed file. */
    public enum Format { CSV, JSON, XLSX, XLS, GZIP, EMPTY }

    public static InspectedFile inspect(Path path) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        boolean validUtf8 = true;
        byte[] head = new byte[8];
        int headLength = 0;
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), sha)) {
            byte[] buf = new byte[1 << 16];
            ByteBuffer pending = ByteBuffer.allocate((1 << 16) + 8);
            CharBuffer chars = CharBuffer.allocate(1 << 17);
            int n;
            while ((n = in.read(buf)) > 0) {
                if (headLength < head.length) {
                    int take = Math.min(head.length - headLength, n);
                    System.arraycopy(buf, 0, head, headLength, take);
                    headLength += take;
                }
                size += n;
                if (validUtf8) {
                    pending.put(buf, 0, n).flip();
                    validUtf8 = !utf8.decode(pending, chars, false).isError();
                    chars.clear();
                    pending.compact();
                }
            }
            if (validUtf8) {
                pending.flip();
                validUtf8 = !utf8.decode(pending, chars, true).isError() && !pending.hasRemaining();
            }
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        if (size == 0) {
            return new InspectedFile(path, 0, hash, Format.EMPTY, "UTF-8", StandardCharsets.UTF_8);
        }
        if (startsWith(head, headLength, 0x50, 0x4B, 0x03, 0x04)) {
            return new InspectedFile(path, size, hash, Format.XLSX, null, null);
        }
        if (startsWith(head, headLength, 0x1F, 0x8B)) {
            return new InspectedFile(path, size, hash, Format.GZIP, null, null);
        }
        if (startsWith(head, headLength, 0xD0, 0xCF, 0x11, 0xE0)) {
            return new InspectedFile(path, size, hash, Format.XLS, null, null);
        }
        if (validUtf8 && startsLikeJson(head, headLength)) {
            return new InspectedFile(path, size, hash, Format.JSON, "UTF-8", StandardCharsets.UTF_8);
        }
        if (startsWith(head, headLength, 0xEF, 0xBB, 0xBF)) {
            return new InspectedFile(path, size, hash, Format.CSV, validUtf8 ? "UTF-8 (BOM)" : "windows-1252",
                    validUtf8 ? StandardCharsets.UTF_8 : Charset.forName("windows-1252"));
        }
        if (startsWith(head, headLength, 0xFF, 0xFE) || startsWith(head, headLength, 0xFE, 0xFF)) {
            return new InspectedFile(path, size, hash, Format.CSV, "UTF-16", StandardCharsets.UTF_16);
        }
        return validUtf8
                ? new InspectedFile(path, size, hash, Format.CSV, "UTF-8", StandardCharsets.UTF_8)
                : new InspectedFile(path, size, hash, Format.CSV, "windows-1252", Charset.forName("windows-1252"));
    }

    /** Text files that DuckDB cannot read as they are (anything but UTF-8) are copied to UTF-8 first. */
    public boolean needsTranscoding() {
        return format == Format.CSV && charset != StandardCharsets.UTF_8;
    }

    /** A JSON array of records starts with '[' after optional white space (no delimited file does). */
    private static boolean startsLikeJson(byte[] head, int length) {
        int from = startsWith(head, length, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        for (int i = from; i < length; i++) {
            if (!Character.isWhitespace(head[i])) {
                return head[i] == '[';
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

}
