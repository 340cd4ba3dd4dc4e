package nl.impactmonitor.warehouse;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code -- key: value} settings from the comment lines at the top of a SQL file. */
final class SqlHeader {

    private SqlHeader() {
    }

    static String value(String sql, String key, String defaultValue) {
        Pattern p = Pattern.compile("^--\\s*" + Pattern.quote(key) + "\\s*:\\s*(.+?)\\s*$", Pattern.MULTILINE);
        for (String line : sql.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (!trimmed.startsWith("--")) {
                break;
            }
            Matcher m = p.matcher(trimmed);
            if (m.matches()) {
                return m.group(1);
            }
        }
        return defaultValue;
    }
}
