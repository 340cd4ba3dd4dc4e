package nl.impactmonitor.tools.samples;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the sample generators take from {@code config/reference/} instead of keeping copies: staffel bands, cost
 * categories and their class, MVI product groups and their relevance, ISV risk categories, EU thresholds and the
 * input-goal parameters. A generator fails with the file's name when a name it draws from is not listed there.
 */
public record SampleReference(Path folder, long[] staffelUpperBounds, List<String> genericCategories,
                              List<String> specificCategories, Map<String, Boolean> productGroupRelevance,
                              Set<String> isvRiskCategories, List<Threshold> euThresholds,
                              long socialReturnMinWageSumEur, int socialReturnMinMonths) {

    /** EU thresholds valid from one date to another (both inclusive), EUR excluding VAT. */
    public record Threshold(LocalDate from, LocalDate to, long suppliesServicesEur, long worksEur) {
    }

    public static SampleReference read(Path folder) {
        List<Long> uppers = new ArrayList<>();
        for (CSVRecord r : rows(folder, "staffel_bands.csv")) {
            int staffel = Integer.parseInt(r.get("staffel"));
            if (staffel >= 1 && !r.get("max_eur").isBlank()) {
                uppers.add(Long.parseLong(r.get("max_eur")));
            }
        }
        List<String> generic = new ArrayList<>();
        List<String> specific = new ArrayList<>();
        for (CSVRecord r : rows(folder, "cost_categories.csv")) {
            (r.get("spend_class").equals("specific") ? specific : generic).add(r.get("hoofdkostensoort"));
        }
        Map<String, Boolean> groups = new LinkedHashMap<>();
        for (CSVRecord r : rows(folder, "mvi_product_groups.csv")) {
            groups.put(r.get("product_group"), Boolean.parseBoolean(r.get("relevant_for_rijk")));
        }
        Set<String> isv = new LinkedHashSet<>();
        for (CSVRecord r : rows(folder, "isv_risk_categories.csv")) {
            isv.add(r.get("rijksinkoopcategorie"));
        }
        List<Threshold> thresholds = new ArrayList<>();
        for (CSVRecord r : rows(folder, "eu_thresholds.csv")) {
            thresholds.add(new Threshold(LocalDate.parse(r.get("valid_from")), LocalDate.parse(r.get("valid_to")),
                    Long.parseLong(r.get("supplies_services_eur")), Long.parseLong(r.get("works_eur"))));
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (CSVRecord r : rows(folder, "input_goal_parameters.csv")) {
            parameters.put(r.get("parameter"), r.get("value"));
        }
        return new SampleReference(folder, uppers.stream().mapToLong(Long::longValue).toArray(), List.copyOf(generic),
                List.copyOf(specific), Map.copyOf(groups), Set.copyOf(isv), List.copyOf(thresholds),
                Long.parseLong(parameter(folder, parameters, "social_return_min_wage_sum_eur")),
                Integer.parseInt(parameter(folder, parameters, "social_return_min_duration_months")));
    }

    /** The EU threshold for works or for supplies and services on a date. */
    public long euThreshold(boolean works, LocalDate on) {
        for (Threshold t : euThresholds) {
            if (!on.isBefore(t.from()) && !on.isAfter(t.to())) {
                return works ? t.worksEur() : t.suppliesServicesEur();
            }
        }
        throw new IllegalStateException(folder.resolve("eu_thresholds.csv") + ": no EU threshold valid on " + on);
    }

    /** Whether an MVI product group counts for input goal I; a name not in the reference is a generator bug. */
    public boolean relevant(String productGroup) {
        Boolean relevant = productGroupRelevance.get(productGroup);
        if (relevant == null) {
            throw new IllegalStateException(folder.resolve("mvi_product_groups.csv") + " does not list product group '"
                    + productGroup + "'");
        }
        return relevant;
    }

    /** Checks that every cost category a generator draws from is in the reference, with the same class. */
    public void requireCategories(List<String> generic) {
        if (!Set.copyOf(genericCategories).equals(Set.copyOf(generic))) {
            throw new IllegalStateException(folder.resolve("cost_categories.csv") + " lists generic categories "
                    + genericCategories + " but the spend generator weighs " + generic);
        }
    }

    private static String parameter(Path folder, Map<String, String> parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            throw new IllegalStateException(folder.resolve("input_goal_parameters.csv") + " has no parameter " + name);
        }
        return value;
    }

    private static List<CSVRecord> rows(Path folder, String file) {
        try (Reader in = Files.newBufferedReader(folder.resolve(file), StandardCharsets.UTF_8)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(folder.resolve(file) + " cannot be read: " + e.getMessage(), e);
        }
    }
}
