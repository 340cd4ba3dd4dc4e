package nl.impactmonitor.jobs.admin;

/**
 * A steward's request to withdraw a file that stays in its landing folder: source ({@code spend}, {@code tender},
 * {@code result}), the file name, and why (kept in the warehouse and the manifest).
 */
public record RetireRequest(String source, String file, String note) {
}
