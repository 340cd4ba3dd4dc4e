package nl.impactmonitor.jobs.spend;

import java.util.List;

import nl.impactmonitor.warehouse.RawLoader;

/** Open Inkoopdata Rijk spend files (Appendix 4): where their rows land and how they are validated. */
public final class SpendSource {

    public static final String NAME = "spend";

    public static final RawLoader.Spec SPEC = new RawLoader.Spec(NAME,
            List.of("department_raw", "year_raw", "category_raw", "supplier_raw", "staffel_raw"),
            "staging/spend_lines.validate.sql", "staging.spend_line");

    private SpendSource() {
    }
}
