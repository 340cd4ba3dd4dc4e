package nl.impactmonitor.jobs.tender;

import java.util.List;

import nl.impactmonitor.warehouse.RawLoader;

/**
 * MVI-ZET tender exports (source 2, docs/sources/mvi-zet.md): where their rows land and how they are
 * validated. Records are kept as history; a later record for a publication number supersedes the earlier.
 */
public final class TenderSource {

    public static final String NAME = "tender";

    public static final RawLoader.Spec SPEC = new RawLoader.Spec(NAME,
            List.of("publication_id_raw", "kenmerk_raw", "department_raw", "organisation_raw", "title_raw",
                    "contract_type_raw", "procedure_raw", "scope_raw", "publication_date_raw", "award_date_raw",
                    "estimated_value_raw", "product_group_raw", "mvi_criteria_applied_raw", "ambition_level_raw",
                    "theme_climate_raw", "theme_circular_raw", "theme_social_raw", "theme_isv_raw",
                    "theme_environment_raw", "theme_diversity_raw", "societal_impact_weight_raw",
                    "category_management_raw", "rijksinkoopcategorie_raw", "social_return_applied_raw",
                    "wage_sum_raw", "duration_months_raw", "isv_applied_raw", "record_date_raw"),
            "staging/tender_records.validate.sql", "staging.tender_record", RawLoader.Mode.APPEND_HISTORY);

    private TenderSource() {
    }
}
