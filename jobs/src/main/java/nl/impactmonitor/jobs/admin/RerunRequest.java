package nl.impactmonitor.jobs.admin;

/**
 * A steward's request to reload one partition: source ({@code spend}, {@code tender}, {@code result}), department
 * code, year, and optionally the file name in the source's landing folder (default: the last file that delivered it).
 */
public record RerunRequest(String source, String department, Integer year, String file) {
}
