package nl.impactmonitor.jobs.admin;

import java.util.List;

/** A page of the rows an execution's file steps rejected, with the load ids they came from. */
public record RejectsPage(long executionId, List<String> loadIds, int page, int size, long total, List<Reject> rejects) {

    /**
     * One rejected row (or, without a line number, a whole rejected file). For a workbook, {@code sheet} names the sheet
     * and {@code line} is its Excel row; for a JSON file, {@code line} is the record's position in the array and
     * {@code startLine} the line of the file where the record starts; both NULL for other files.
     */
    public record Reject(String loadId, String source, String file, Long line, String column, String value, String reason,
                         String sheet, Long startLine) {

        /** The columns to select from {@code raw.reject} for {@link #read}, in its order. */
        public static final String COLUMNS = "load_id, source, source_file, line_no, column_name, value_raw, reason, sheet_name, start_line";

        /** The reject of a row selected with {@link #COLUMNS}. */
        public static Reject read(java.sql.ResultSet rs) throws java.sql.SQLException {
            return new Reject(rs.getString(1), rs.getString(2), rs.getString(3), (Long) rs.getObject(4, Long.class), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), (Long) rs.getObject(9, Long.class));
        }
    }
}
