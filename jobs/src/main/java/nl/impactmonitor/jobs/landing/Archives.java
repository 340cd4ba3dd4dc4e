package nl.impactmonitor.jobs.landing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** Compressed deliveries: a gzip file, or a zip archive that is not a workbook and holds exactly one file. */
final class Archives {

    /** Unpacked content larger than this is refused (a compression bomb fills the disk, not the warehouse). */
    static final long MAX_UNPACKED_BYTES = 8L << 30;

    private Archives() {
    }

    /** Why a compressed file cannot be read as one delivery. */
    static final class UnpackException extends Exception {
        UnpackException(String message) {
            super(message);
        }
    }

    /** A zip archive is a workbook when it has the parts of one (an XLSX, whatever its name). */
    static boolean isWorkbook(Path zip) {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            return z.getEntry("[Content_Types].xml") != null
                    && Collections.list(z.entries()).stream().anyMatch(e -> e.getName().startsWith("xl/"));
        } catch (IOException e) {
            // Not listable as a zip: let the workbook reader say what is wrong with it.
            return true;
        }
    }

    /** Unpacks a gzip file or a one-file zip archive into {@code dir}; the result keeps the inner file's name. */
    static Path unpack(Path file, Path dir) throws IOException, UnpackException {
        String name = file.getFileName().toString();
        boolean gzip;
        try (InputStream in = Files.newInputStream(file)) {
            gzip = in.read() == 0x1F;
        }
        if (gzip) {
            Path target = dir.resolve(name.toLowerCase().endsWith(".gz") ? name.substring(0, name.length() - 3) : name + ".unpacked");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                copy(in, target);
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                throw new UnpackException("compressed file cannot be unpacked (" + e.getMessage() + "): unpack it first");
            }
            return target;
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            List<? extends ZipEntry> files = Collections.list(zip.entries()).stream().filter(e -> !e.isDirectory()).toList();
            if (files.isEmpty()) {
                throw new UnpackException("compressed file: the zip archive holds no file");
            }
            if (files.size() > 1) {
                throw new UnpackException("compressed file: the zip archive holds " + files.size() + " files ("
                        + String.join(", ", files.stream().map(ZipEntry::getName).limit(10).toList())
                        + (files.size() > 10 ? ", ..." : "") + "); deliver one file per archive or unpack it first");
            }
            String inner = Path.of(files.get(0).getName()).getFileName().toString();
            Path target = dir.resolve(inner);
            try (InputStream in = zip.getInputStream(files.get(0))) {
                copy(in, target);
            }
            return target;
        } catch (java.util.zip.ZipException e) {
            throw new UnpackException("compressed file cannot be unpacked (" + e.getMessage() + "): unpack it first");
        }
    }

    private static void copy(InputStream in, Path target) throws IOException, UnpackException {
        byte[] buffer = new byte[1 << 16];
        long total = 0;
        try (OutputStream out = Files.newOutputStream(target)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                total += n;
                if (total > MAX_UNPACKED_BYTES) {
                    throw new UnpackException("compressed file unpacks to more than " + (MAX_UNPACKED_BYTES >> 30) + " GB: unpack it first");
                }
                out.write(buffer, 0, n);
            }
        }
    }
}
