package nl.impactmonitor.warehouse;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the landing folders hold, as the warehouse last saw them ({@code raw.inbox_file}): per file name its bytes
 * (sha256), its arrival (modification time, whole seconds) and the load holding its rows. The published figures are a
 * function of this record alone (view {@code raw.input_partition}): for spend the latest arrival supplies each
 * (department, year), ties broken by name; for tenders and supplier results every file present counts. A file that
 * leaves the folder is withdrawn (or kept, for folders an archiver empties); a steward can retire a file that stays.
 */
public final class InboxLedger {

    private static final Logger log = LoggerFactory.getLogger(InboxLedger.class);

    public static final String PRESENT = "present";
    public static final String KEPT = "kept";
    public static final String RETIRED = "retired";

    private final Warehouse warehouse;

    InboxLedger(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    /** Arrival as recorded: the file's modification time in UTC, to the second (what every copy tool keeps). */
    public static LocalDateTime arrival(Instant modified) {
        return LocalDateTime.ofInstant(modified.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
    }

    /** One recorded file. {@code loadStatus}: the status of the load that holds its rows. */
    public record Entry(String source, String file, String sha256, LocalDateTime arrivedAt, String loadId, String state,
                        String stateNote, String loadStatus) {
    }

    /** A file seen in a landing folder now, with the load that holds its rows. */
    public record Seen(String file, String sha256, LocalDateTime arrivedAt, String loadId) {
    }

    /** A partition a file supplies, or (with {@code supersededBy}) would supply but a later arrival does. */
    public record Supply(String source, String departmentCode, int year, String file, String sha256, LocalDateTime arrivedAt,
                         String loadId, long rows, boolean current, String supersededBy) {
    }

    /** The recorded files of a source by name. */
    public Map<String, Entry> entries(String source) {
        Map<String, Entry> entries = new HashMap<>();
        warehouse.query("""
                SELECT f.source, f.source_file, f.source_sha256, f.arrived_at, f.load_id, f.state, f.state_note, l.status
                FROM raw.inbox_file AS f LEFT JOIN raw.load AS l USING (load_id)
                WHERE f.source = ?""", rs -> entries.put(rs.getString(2), entry(rs)), source);
        return entries;
    }

    /** Every recorded file, by source and name. */
    public List<Entry> all() {
        return warehouse.query("""
                SELECT f.source, f.source_file, f.source_sha256, f.arrived_at, f.load_id, f.state, f.state_note, l.status
                FROM raw.inbox_file AS f LEFT JOIN raw.load AS l USING (load_id)
                ORDER BY f.source, f.arrived_at, f.source_file""", InboxLedger::entry);
    }

    private static Entry entry(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Entry(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDateTime.class), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8));
    }

    /**
     * Records files seen in a source's landing folder. A file whose name, bytes and arrival are unchanged keeps its state
     * (a retired file stays retired); anything else is a new arrival and counts.
     */
    public void record(String source, boolean replacesPartitions, Collection<Seen> files) {
        if (files.isEmpty()) {
            return;
        }
        warehouse.inTransaction(w -> {
            for (Seen f : files) {
                w.update("""
                        INSERT INTO raw.inbox_file (source, source_file, source_sha256, arrived_at, load_id, replaces_partitions, state,
                                                    state_note, seen_at)
                        VALUES (?, ?, ?, ?, ?, ?, 'present', NULL, current_timestamp)
                        ON CONFLICT (source, source_file) DO UPDATE SET
                            state = CASE WHEN raw.inbox_file.state = 'retired' AND raw.inbox_file.source_sha256 = excluded.source_sha256
                                          AND raw.inbox_file.arrived_at = excluded.arrived_at THEN 'retired' ELSE 'present' END,
                            state_note = CASE WHEN raw.inbox_file.state = 'retired' AND raw.inbox_file.source_sha256 = excluded.source_sha256
                                          AND raw.inbox_file.arrived_at = excluded.arrived_at THEN raw.inbox_file.state_note END,
                            source_sha256 = excluded.source_sha256, arrived_at = excluded.arrived_at, load_id = excluded.load_id,
                            replaces_partitions = excluded.replaces_partitions, seen_at = excluded.seen_at""",
                        source, f.file(), f.sha256(), f.arrivedAt(), f.loadId(), replacesPartitions);
            }
            return null;
        });
    }

    /** What leaving the landing folder did to one file: the partitions that fell back to another file or are gone. */
    public record Withdrawal(String source, String file, String state, List<String> fellBack, List<String> gone) {
    }

    /**
     * Reconciles a source's record with the names in its landing folder now: a recorded file that is no longer there
     * is withdrawn (its partitions fall back to the latest remaining file for them, or disappear), or with
     * {@code keep} stays counted as {@code kept} (for folders an archiver empties).
     */
    public List<Withdrawal> reconcile(String source, Set<String> namesInFolder, boolean keep) {
        List<Withdrawal> withdrawals = new ArrayList<>();
        for (Entry e : entries(source).values()) {
            if (namesInFolder.contains(e.file()) || (keep && e.state().equals(KEPT))) {
                continue;
            }
            if (keep && e.state().equals(PRESENT)) {
                warehouse.update("UPDATE raw.inbox_file SET state = 'kept', state_note = 'gone from the landing folder ' || CAST(current_timestamp AS VARCHAR(19))"
                        + " WHERE source = ? AND source_file = ?", source, e.file());
                log.info("{} {} left the landing folder; kept (impactmonitor.load.keep-removed-files)", source, e.file());
                withdrawals.add(new Withdrawal(source, e.file(), KEPT, List.of(), List.of()));
                continue;
            }
            withdrawals.add(withdraw(source, e.file(), null));
        }
        return withdrawals;
    }

    /** Removes a file from the record (it left the folder): returns its partitions that fell back or are gone. */
    private Withdrawal withdraw(String source, String file, String retiredNote) {
        List<Supply> before = supplies(source).stream().filter(s -> s.current() && s.file().equals(file)).toList();
        if (retiredNote == null) {
            warehouse.update("DELETE FROM raw.inbox_file WHERE source = ? AND source_file = ?", source, file);
        } else {
            warehouse.update("UPDATE raw.inbox_file SET state = 'retired', state_note = ? WHERE source = ? AND source_file = ?",
                    retiredNote, source, file);
        }
        List<Supply> after = supplies(source);
        List<String> fellBack = new ArrayList<>();
        List<String> gone = new ArrayList<>();
        for (Supply s : before) {
            Optional<Supply> now = after.stream().filter(a -> a.current() && a.departmentCode().equals(s.departmentCode())
                    && a.year() == s.year()).findFirst();
            if (now.isPresent()) {
                fellBack.add(s.departmentCode() + " " + s.year() + " -> " + now.get().file());
            } else {
                gone.add(s.departmentCode() + " " + s.year());
            }
        }
        String how = retiredNote == null ? "left the landing folder" : "was retired";
        if (!gone.isEmpty()) {
            log.warn("{} {} {}: no file is left for {}; those figures disappear from the publication", source, file, how, gone);
        }
        if (!fellBack.isEmpty()) {
            log.info("{} {} {}: fall back to earlier files: {}", source, file, how, fellBack);
        }
        return new Withdrawal(source, file, retiredNote == null ? "withdrawn" : RETIRED, fellBack, gone);
    }

    /**
     * Withdraws a file that stays in its landing folder: it counts no more until it arrives again (new bytes or a new
     * modification time). Fails when no such file is recorded or it is retired already.
     */
    public Withdrawal retire(String source, String file, String note) {
        Entry e = entries(source).get(file);
        if (e == null) {
            throw new IllegalArgumentException("no file '" + file + "' is recorded in the " + source + " landing folder");
        }
        if (e.state().equals(RETIRED)) {
            throw new IllegalArgumentException(source + " file '" + file + "' is retired already (" + e.stateNote() + ")");
        }
        return warehouse.inTransaction(w -> withdraw(source, file, note == null || note.isBlank() ? "retired" : note));
    }

    /** Every partition every counted file supplies or would supply, current ones first per partition. */
    public List<Supply> supplies(String source) {
        return warehouse.query("""
                SELECT source, department_code, year, source_file, source_sha256, arrived_at, file_load_id, rows_loaded, is_current,
                       superseded_by
                FROM raw.input_partition WHERE source = ? OR ? IS NULL
                ORDER BY source, department_code, year, arrival_rank, source_file""",
                rs -> new Supply(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5),
                        rs.getObject(6, LocalDateTime.class), rs.getString(7), rs.getLong(8), rs.getBoolean(9), rs.getString(10)),
                source, source);
    }

    /** The file that is current for a partition now, if any. */
    public Optional<Supply> currentFor(String source, String departmentCode, int year) {
        return supplies(source).stream()
                .filter(s -> s.current() && s.departmentCode().equals(departmentCode) && s.year() == year)
                .findFirst();
    }

    /**
     * Drops the staging rows of loads no recorded file refers to and that a later read of the same bytes replaced
     * (a forced reload): they can never count again. Rows of earlier versions stay, so putting them back needs no read.
     */
    public long pruneReplacedReads(String source, String stagingTable) {
        String replaced = """
                SELECT l.load_id FROM raw.load AS l
                WHERE l.source = %s AND l.status = 'loaded'
                  AND coalesce(l.part_of_load_id, l.load_id) NOT IN (SELECT load_id FROM raw.inbox_file)
                  AND EXISTS (SELECT 1 FROM raw.load AS n
                              WHERE n.source = l.source AND n.source_sha256 = l.source_sha256 AND n.status = 'loaded'
                                AND n.part_of_load_id IS NULL AND n.finished_at > l.finished_at
                                AND n.load_id IN (SELECT load_id FROM raw.inbox_file))""".formatted(Warehouse.quoteLiteral(source));
        return warehouse.inTransaction(w -> {
            List<String> ids = w.query(replaced, rs -> rs.getString(1));
            if (ids.isEmpty()) {
                return 0L;
            }
            StringJoiner in = new StringJoiner(", ");
            ids.forEach(id -> in.add(Warehouse.quoteLiteral(id)));
            long rows = w.update("DELETE FROM " + stagingTable + " WHERE load_id IN (" + in + ")");
            w.execute("DELETE FROM raw.load_partition WHERE load_id IN (" + in + ")");
            w.execute("UPDATE raw.load SET status = 'rows_removed' WHERE load_id IN (" + in + ")");
            log.info("{}: dropped {} staging rows of {} loads replaced by a later read of the same bytes", source, rows, ids.size());
            return rows;
        });
    }
}
