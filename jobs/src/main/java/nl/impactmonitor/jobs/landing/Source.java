package nl.impactmonitor.jobs.landing;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import nl.impactmonitor.jobs.system.ImpactmonitorProperties;
import nl.impactmonitor.warehouse.RawLoader;

/**
 * The three published sources, declared once. Every job, metric, command and page that deals with sources iterates
 * this list; a source's one token names its package ({@code jobs/.../<token>}), job ({@code <token>-load}), steps
 * ({@code <token>-fetch}, {@code <token>-files}, {@code <token>-file:*}, {@code <token>-inbox}), settings
 * ({@code impactmonitor.<token>.*}), landing folder ({@code var/inbox/<token>}), header aliases
 * ({@code config/reference/<token>_columns.csv}), validate file ({@code sql/staging/stg_<token>__<entity>.validate.sql})
 * and staging table ({@code staging.<token>_<entity>}), and is the {@code source} value of every raw.* row.
 */
public enum Source {

    /** Open Inkoopdata Rijk spend files (Appendix 4, docs/sources/spend.md); a later file replaces its partitions. */
    SPEND("spend", "line", "spend", "Open Inkoopdata spend files", null, null, RawLoader.Mode.REPLACE_PARTITIONS,
            "department_raw", "year_raw", "category_raw", "supplier_raw", "staffel_raw"),

    /**
     * MVI-ZET tender exports (source 2, docs/sources/mvi-zet.md): records are kept as history; a later record for a
     * publication number supersedes the earlier.
     */
    TENDER("tender", "record", "MVI-ZET", "MVI-ZET tender exports", null, "mvi-zet", RawLoader.Mode.APPEND_HISTORY,
            "publication_id_raw", "kenmerk_raw", "department_raw", "organisation_raw", "title_raw",
            "contract_type_raw", "procedure_raw", "scope_raw", "publication_date_raw", "award_date_raw",
            "estimated_value_raw", "product_group_raw", "mvi_criteria_applied_raw", "ambition_level_raw",
            "theme_climate_raw", "theme_circular_raw", "theme_social_raw", "theme_isv_raw",
            "theme_environment_raw", "theme_diversity_raw", "societal_impact_weight_raw",
            "category_management_raw", "rijksinkoopcategorie_raw", "social_return_applied_raw",
            "wage_sum_raw", "duration_months_raw", "isv_applied_raw", "record_date_raw"),

    /**
     * Supplier-reported results (source 3, docs/sources/supplier-results.md): reports are kept as history; a
     * restatement supersedes the earlier value for its contract, metric and period. Token {@code results} and folder
     * {@code results} until V017.
     */
    RESULT("result", "record", "supplier results", "supplier-reported results", "results", "results", RawLoader.Mode.APPEND_HISTORY,
            "contract_id_raw", "supplier_name_raw", "supplier_kvk_raw", "department_raw", "period_year_raw",
            "period_start_raw", "period_end_raw", "metric_raw", "value_raw", "unit_raw", "note_raw", "reported_on_raw");

    private final String token;
    private final String displayName;
    private final String description;
    private final String formerToken;
    private final String formerFolder;
    private final RawLoader.Spec spec;

    Source(String token, String entity, String displayName, String description, String formerToken, String formerFolder,
           RawLoader.Mode mode, String... rawColumns) {
        this.token = token;
        this.displayName = displayName;
        this.description = description;
        this.formerToken = formerToken;
        this.formerFolder = formerFolder;
        this.spec = new RawLoader.Spec(token, List.of(rawColumns), "staging/stg_" + token + "__" + entity + "s.validate.sql",
                "staging." + token + "_" + entity, mode);
    }

    /** The one name: spend, tender, result. */
    public String token() {
        return token;
    }

    /** How stewards call it in text: spend, MVI-ZET, supplier results. */
    public String displayName() {
        return displayName;
    }

    public String description() {
        return description;
    }

    /** Where its rows land and how they are validated. */
    public RawLoader.Spec spec() {
        return spec;
    }

    public String jobName() {
        return token + "-load";
    }

    /** Job parameter with an http(s) address to fetch for a run instead of the configured one. */
    public String urlParameter() {
        return token + ".url";
    }

    /** Name prefix of the worker steps that land one file (or a run of files). */
    public String fileStepPrefix() {
        return token + "-file:";
    }

    public String columnsFile() {
        return token + "_columns.csv";
    }

    /** The token this source had before V017 (stored rows were renamed then), or empty. */
    public Optional<String> formerToken() {
        return Optional.ofNullable(formerToken);
    }

    /** The landing folder's default name before V017 ({@code var/inbox/<former>}), read for one release, or empty. */
    public Optional<String> formerFolder() {
        return Optional.ofNullable(formerFolder);
    }

    /** The settings of this source ({@code impactmonitor.<token>.*}). */
    public ImpactmonitorProperties.Source settings(ImpactmonitorProperties props) {
        return props.source(token);
    }

    /** The landing folder, absolute. */
    public Path inbox(ImpactmonitorProperties props) {
        return props.resolve(settings(props).inbox());
    }

    public static List<Source> all() {
        return List.of(values());
    }

    public static List<String> tokens() {
        return Arrays.stream(values()).map(Source::token).toList();
    }

    /** The source with this token; a former token ({@code results}) is accepted for one release. */
    public static Optional<Source> byToken(String token) {
        return Arrays.stream(values()).filter(s -> s.token.equals(token) || token != null && token.equals(s.formerToken)).findFirst();
    }
}
