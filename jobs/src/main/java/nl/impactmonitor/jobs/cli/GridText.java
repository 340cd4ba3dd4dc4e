package nl.impactmonitor.jobs.cli;

import java.util.ArrayList;
import java.util.List;

import nl.impactmonitor.jobs.admin.CockpitQueries;

/**
 * The partition grid as compact text for {@code status}: per source a line of years, then per department one mark per
 * year, then the missing and failed cells spelled out. The same {@link CockpitQueries.Grid} as the admin page and API.
 */
public final class GridText {

    static final String LEGEND = "ok = loaded, rN = loaded with N rejected rows, sup = loaded, a superseded file is present, "
            + "MISSING = no file, FAILED = load failed, n/a = department did not exist";

    private GridText() {
    }

    /** The mark of one cell, at most 8 characters. */
    public static String mark(CockpitQueries.Cell c) {
        return switch (c.state()) {
            case CockpitQueries.LOADED -> "ok";
            case CockpitQueries.WITH_REJECTS -> "r" + c.rowsRejected();
            case CockpitQueries.SUPERSEDED -> "sup";
            case CockpitQueries.MISSING -> "MISSING";
            case CockpitQueries.FAILED -> "FAILED";
            default -> "n/a";
        };
    }

    public static String render(CockpitQueries.Grid grid) {
        StringBuilder out = new StringBuilder();
        List<String> problems = new ArrayList<>();
        for (CockpitQueries.SourceGrid g : grid.sources()) {
            out.append(String.format("%-8s", g.source()));
            if (g.years().isEmpty()) {
                out.append(" (no files loaded)\n");
                continue;
            }
            for (int y : g.years()) {
                out.append(String.format(" %8d", y));
            }
            out.append('\n');
            for (CockpitQueries.Row r : g.rows()) {
                out.append(String.format("  %-6s", r.department()));
                for (CockpitQueries.Cell c : r.cells()) {
                    out.append(String.format(" %8s", mark(c)));
                    if (c.state().equals(CockpitQueries.MISSING) || c.state().equals(CockpitQueries.FAILED)) {
                        problems.add(String.format("%s %s %s %d: %s", c.state(), c.source(), c.department(), c.year(), c.reason()));
                    }
                }
                out.append('\n');
            }
            for (CockpitQueries.UnplacedFile u : g.unplaced()) {
                problems.add("FAILED " + u.source() + " file " + u.file() + ": " + u.loadStatus() + (u.message() == null ? "" : " " + u.message()));
            }
        }
        out.append(LEGEND).append('\n');
        problems.forEach(p -> out.append(p).append('\n'));
        return out.toString();
    }
}
