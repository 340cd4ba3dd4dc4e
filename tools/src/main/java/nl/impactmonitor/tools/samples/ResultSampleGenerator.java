package nl.impactmonitor.tools.samples;

import static nl.impactmonitor.tools.samples.SeededDraws.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes synthetic supplier-reported results (one file per ministry and year, format in
 * docs/sources/supplier-results.md): energy, gas, business-mobility CO2, fleet, participation jobs, primary raw
 * materials, ICT hardware and data-centre DCiE per contract and reporting period, in mixed units, number formats,
 * period styles and file formats, with missing department-years, restatements and deliberately bad rows, so the
 * result load and the effect goals can be developed and tested without real supplier reports.
 */
public final class ResultSampleGenerator {

    public static final long DEFAULT_SEED = 20261127L;

    private static final int[] YEARS = {2021, 2022, 2023};

    /** Department-years without any results: the monitor must show them as "no data", not as 0. */
    private static final Set<String> MISSING = Set.of("2021-AZ", "2021-OCW", "2022-OCW", "2023-OCW");

    private static final List<String> HEADER = List.of(
        "Contractnummer", "Leverancier", "KvK-nummer", "Ministerie", "Jaar", "Periode van", "Periode tot",
        "Indicator", "Waarde", "Eenheid", "Toelichting", "Rapportagedatum");

    /** Rijk-wide fleet per year and its zero-emission part: 16.8%, 19.1% and 24.8% exactly. */
    private static final Map<Integer, int[]> FLEET_TOTALS = Map.of(
        2021, new int[] {5_250, 882},
        2022, new int[] {5_000, 955},
        2023, new int[] {4_875, 1_209});

    /** Rough Rijk-wide participation jobs per year (before rounding in the reported unit). */
    private static final Map<Integer, Double> JOBS_TOTALS = Map.of(2021, 168.0, 2022, 197.0, 2023, 233.0);

    /** Files written with English numbers ({@code 1234.5}); all other CSVs use Dutch ones ({@code 1.234,5}). */
    private static final Set<String> ENGLISH_NUMBERS = Set.of("2021-BZ", "2021-JenV", "2022-LNV", "2023-SZW");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);

    /** Job of 25.5 hours a week (evaluation Table 2, social return); an FTE is 36 hours, a job-year 25.5 x 52 = 1326 hours. */
    private static final double HOURS_PER_JOB_YEAR = 1326.0;
    private static final double JOBS_PER_FTE = 36.0 / 25.5;

    /** Dutch names as in config/reference/result_metrics.csv (column metric_name_nl). */
    private static final Map<String, String> METRIC_NAMES = new LinkedHashMap<>();

    static {
        METRIC_NAMES.put("electricity_use", "Elektriciteitsverbruik");
        METRIC_NAMES.put("electricity_renewable", "Hernieuwbare elektriciteit");
        METRIC_NAMES.put("gas_use", "Aardgasverbruik");
        METRIC_NAMES.put("gas_renewable", "Groen gas");
        METRIC_NAMES.put("business_mobility_co2", "CO2-uitstoot zakelijke mobiliteit");
        METRIC_NAMES.put("fuel_diesel", "Diesel");
        METRIC_NAMES.put("fleet_vehicles", "Voertuigen in wagenpark");
        METRIC_NAMES.put("fleet_zero_emission_vehicles", "Emissievrije voertuigen");
        METRIC_NAMES.put("participation_jobs", "Participatiebanen");
        METRIC_NAMES.put("primary_raw_materials", "Primaire grondstoffen");
        METRIC_NAMES.put("ict_hardware_items", "ICT-hardware aangeschaft");
        METRIC_NAMES.put("ict_hardware_energy_star_items", "ICT-hardware met Energy Star");
        METRIC_NAMES.put("datacentre_dcie", "DCiE datacenter");
        METRIC_NAMES.put("renewable_share", "Aandeel hernieuwbaar");
    }

    /** Decimals written per unit (the precision a supplier would report in). */
    private static final Map<String, Integer> UNIT_SCALE = Map.ofEntries(
        Map.entry("MWh", 1), Map.entry("kWh", 0), Map.entry("GJ", 0),
        Map.entry("m3", 0), Map.entry("Nm3", 0), Map.entry("m3 aardgas", 0),
        Map.entry("t CO2-eq", 1), Map.entry("kg CO2-eq", 0), Map.entry("ton CO2", 1),
        Map.entry("voertuigen", 0), Map.entry("vehicles", 0),
        Map.entry("banen", 1), Map.entry("jobs", 1), Map.entry("FTE", 1), Map.entry("uren", 0),
        Map.entry("t", 1), Map.entry("ton", 1), Map.entry("kg", 0),
        Map.entry("stuks", 0), Map.entry("items", 0), Map.entry("%", 1), Map.entry("procent", 1));

    /** Factors to the base unit, as in config/reference/units.csv; only used for the printed check sums. */
    private static final Map<String, Double> TO_MWH = Map.of("MWh", 1.0, "kWh", 0.001, "GJ", 1 / 3.6);
    private static final Map<String, Double> TO_JOBS = Map.of(
        "banen", 1.0, "jobs", 1.0, "FTE", JOBS_PER_FTE, "uren", 1 / HOURS_PER_JOB_YEAR);

    private enum Role {
        ENERGY, NETWORK, LOCAL_ENERGY, TRAVEL, FLEET, FLEET_VANS, CLEANING, CATERING, CONSTRUCTION, ICT, DATACENTRE
    }

    private enum Label { FULL, CODE, MIXED }

    /**
     * A ministry and the scale of what its suppliers report.
     *
     * @param performance invented standing between 0 (lags) and 1 (leads); steers the renewable, zero-emission and
     *                    Energy Star shares, it is not taken from the evaluation
     * @param units       reporting units of electricity, gas, mobility CO2, jobs (first contract), jobs (second
     *                    contract), raw materials, ICT, fleet, DCiE
     */
    private record Department(String code, String fullName, double performance, double electricityMwh, double gasM3,
                              double mobilityT, double fleetWeight, double zeroEmissionBias, double jobsWeight,
                              double rawMaterialsT, double ictItems, boolean datacentre, boolean twoFleetContracts,
                              boolean twoJobContracts, String[] units) {
        String unit(int i) {
            return units[i];
        }
    }

    private static final int U_ELECTRICITY = 0;
    private static final int U_GAS = 1;
    private static final int U_CO2 = 2;
    private static final int U_JOBS = 3;
    private static final int U_JOBS_2 = 4;
    private static final int U_RAW = 5;
    private static final int U_ICT = 6;
    private static final int U_FLEET = 7;
    private static final int U_DCIE = 8;

    private static String[] units(String... u) {
        return u;
    }

    private static final List<Department> DEPARTMENTS = List.of(
        new Department("AZ", "Ministerie van Algemene Zaken", 0.35, 2_000, 150_000, 150, 25, 1.8, 3, 0, 350,
            false, false, false, units("kWh", "m3", "kg CO2-eq", "uren", "", "", "stuks", "voertuigen", "")),
        new Department("BZ", "Ministerie van Buitenlandse Zaken", 0.25, 9_000, 600_000, 11_000, 60, 1.2, 8, 0,
            2_800, false, false, false, units("MWh", "m3", "t CO2-eq", "banen", "", "", "items", "vehicles", "")),
        new Department("BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", 0.75, 60_000, 5_500_000,
            2_500, 200, 1.6, 30, 25_000, 6_000, true, false, true,
            units("MWh", "m3 aardgas", "t CO2-eq", "FTE", "banen", "t", "stuks", "voertuigen", "%")),
        new Department("DEF", "Ministerie van Defensie", 0.5, 150_000, 18_000_000, 20_000, 2_100, 0.6, 45, 65_000,
            15_000, true, true, true,
            units("MWh", "Nm3", "t CO2-eq", "FTE", "uren", "ton", "stuks", "voertuigen", "procent")),
        new Department("EZK", "Ministerie van Economische Zaken en Klimaat", 0.65, 25_000, 1_500_000, 2_000, 120,
            1.5, 14, 1_200, 4_000, false, false, false,
            units("GJ", "m3", "ton CO2", "banen", "", "kg", "items", "voertuigen", "")),
        new Department("FIN", "Ministerie van Financiën", 0.45, 45_000, 3_000_000, 3_500, 500, 1.1, 25, 0, 12_000,
            true, false, false, units("MWh", "m3", "t CO2-eq", "uren", "", "", "stuks", "vehicles", "%")),
        new Department("IenW", "Ministerie van Infrastructuur en Waterstaat", 0.85, 150_000, 5_000_000, 4_000, 800,
            1.2, 30, 450_000, 7_000, false, false, true,
            units("MWh", "m3", "t CO2-eq", "banen", "uren", "t", "stuks", "voertuigen", "")),
        new Department("JenV", "Ministerie van Justitie en Veiligheid", 0.55, 90_000, 12_000_000, 5_000, 900, 0.8,
            40, 3_500, 10_000, false, true, true,
            units("MWh", "m3", "kg CO2-eq", "jobs", "FTE", "t", "items", "voertuigen", "")),
        new Department("LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit", 0.6, 12_000, 900_000, 1_200,
            250, 1.0, 12, 800, 2_500, false, false, false,
            units("kWh", "m3", "t CO2-eq", "FTE", "", "t", "stuks", "voertuigen", "")),
        new Department("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", 0.3, 15_000, 1_200_000, 1_500, 90,
            1.0, 10, 0, 3_000, false, false, false,
            units("MWh", "m3", "t CO2-eq", "banen", "", "", "stuks", "voertuigen", "")),
        new Department("SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", 0.15, 4_000, 300_000, 400, 40, 1.3,
            6, 0, 1_500, false, false, false,
            units("MWh", "m3", "ton CO2", "uren", "", "", "stuks", "vehicles", "")),
        new Department("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport", 0.4, 20_000, 1_200_000, 1_500, 80,
            1.4, 14, 300, 2_500, false, false, false,
            units("MWh", "m3", "t CO2-eq", "banen", "", "kg", "stuks", "voertuigen", "")));

    private record Supplier(String name, String kvk) {
    }

    /** Made-up companies; KvK numbers are 8 digits kept as text, several with a leading zero. */
    private static final Map<Role, List<Supplier>> SUPPLIERS = Map.ofEntries(
        Map.entry(Role.ENERGY, List.of(new Supplier("Noordzee Energie B.V.", "01893452"),
            new Supplier("Groenvermogen Nederland N.V.", "27364915"),
            new Supplier("Polderstroom Levering B.V.", "08127736"))),
        Map.entry(Role.NETWORK, List.of(new Supplier("Deltanet Energiediensten B.V.", "24519087"))),
        Map.entry(Role.LOCAL_ENERGY, List.of(new Supplier("Energiecoöperatie De Bilt U.A.", "03041886"))),
        Map.entry(Role.TRAVEL, List.of(new Supplier("Zakenreizen Nederland B.V.", "34102876"),
            new Supplier("Reisregie Holland B.V.", "05561290"))),
        Map.entry(Role.FLEET, List.of(new Supplier("Wagenpark Lease Nederland B.V.", "33091547"),
            new Supplier("Mobiliteitslease Holland B.V.", "02648813"),
            new Supplier("ElektroLease Nederland B.V.", "69830124"))),
        Map.entry(Role.FLEET_VANS, List.of(new Supplier("Bedrijfswagens Van Leeuwen B.V.", "17740326"),
            new Supplier("Truckverhuur Brabant B.V.", "06652918"))),
        Map.entry(Role.CLEANING, List.of(new Supplier("Schoonmaakbedrijf De Wit B.V.", "27118430"),
            new Supplier("Glans Facilitair B.V.", "04417759"),
            new Supplier("Schoonmaakbedrijf Noël & Zn. B.V.", "17264408"))),
        Map.entry(Role.CATERING, List.of(new Supplier("Catering Van den Berg B.V.", "34987215"),
            new Supplier("Smaakvol Bedrijfscatering B.V.", "09785341"),
            new Supplier("Daniëls Bedrijfsrestaurants B.V.", "56120983"))),
        Map.entry(Role.CONSTRUCTION, List.of(new Supplier("Bouwcombinatie Hoekstra-Van Dijk V.O.F.", "61772014"),
            new Supplier("Waterbouw Zeeland B.V.", "22045618"),
            new Supplier("Infra Noord-Holland B.V.", "03371946"),
            new Supplier("Bouwbedrijf Görtz B.V.", "14208853"))),
        Map.entry(Role.ICT, List.of(new Supplier("Werkplek ICT Nederland B.V.", "30227461"),
            new Supplier("Digitale Werkplek Groep B.V.", "07734120"))),
        Map.entry(Role.DATACENTRE, List.of(new Supplier("Datacentrum Groningen B.V.", "02055317"),
            new Supplier("Rekencentrum Midden-Nederland B.V.", "39981142"))));

    /** Supplier of the contract the deliberately bad rows of 2023 VWS claim to come from. */
    private static final Supplier BAD_ROW_SUPPLIER = new Supplier("Facilitair Bedrijf Utrecht B.V.", "58812203");

    private static final Map<Role, List<String>> NOTES = Map.ofEntries(
        Map.entry(Role.ENERGY, List.of("Op basis van meterstanden netbeheerder", "Inclusief buitenlocaties",
            "Garanties van oorsprong uit Nederlandse wind", "Verbruik volgens facturen leverancier")),
        Map.entry(Role.NETWORK, List.of("Tunnels, sluizen, bruggen en verlichting hoofdwegennet",
            "Meetgegevens slimme meters; ontbrekende dagen geschat")),
        Map.entry(Role.LOCAL_ENERGY, List.of("Opgewekt met eigen warmtekrachtinstallatie")),
        Map.entry(Role.TRAVEL, List.of("Vliegreizen, trein en declaraties eigen auto", "Berekend met CO2-emissiefactoren")),
        Map.entry(Role.FLEET, List.of("Stand per 31 december", "Emissievrij telt volledig elektrisch en waterstof")),
        Map.entry(Role.FLEET_VANS, List.of("Bestelwagens en vrachtwagens", "Stand per 31 december")),
        Map.entry(Role.CLEANING, List.of("Medewerkers uit het doelgroepregister", "Banen volgens de banenafspraak")),
        Map.entry(Role.CATERING, List.of("Inzet via sociaal werkbedrijf", "Leerwerkplekken in de keuken")),
        Map.entry(Role.CONSTRUCTION, List.of("Primair beton, staal, zand en grind", "Exclusief hergebruikt asfalt")),
        Map.entry(Role.ICT, List.of("Laptops, monitoren en telefoons", "Energy Star 8.0 of nieuwer")),
        Map.entry(Role.DATACENTRE, List.of("Jaargemiddelde over alle zalen", "Gemeten volgens EN 50600")));

    private record Contract(String number, Supplier supplier, Role role, int firstYear, int lastYear) {
        boolean activeIn(int year) {
            return firstYear <= year && year <= lastYear;
        }
    }

    /** Contracts and reporting habits of one ministry, fixed over the years. */
    private record DepartmentSetup(List<Contract> contracts, Map<Role, Boolean> datePeriods) {
    }

    /** A reporting period: a year, or a date range (the period's year is the year of its end). */
    private record Period(Integer year, LocalDate from, LocalDate to) {
        static Period ofYear(int year) {
            return new Period(year, null, null);
        }

        static Period ofDates(LocalDate from, LocalDate to) {
            return new Period(null, from, to);
        }

        LocalDate end() {
            return to != null ? to : LocalDate.of(year, 12, 31);
        }

        int periodYear() {
            return end().getYear();
        }
    }

    /**
     * One reported result.
     *
     * @param valueText raw text replacing the value, for a deliberately bad row; null otherwise
     */
    private record Result(String deptCode, String contract, Supplier supplier, String ministry, Period period,
                          String metric, String indicator, BigDecimal value, String valueText, String unit,
                          String note, LocalDate reported) {
        Result restated(BigDecimal newValue, LocalDate newReported, String newNote) {
            return new Result(deptCode, contract, supplier, ministry, period, metric, indicator, newValue, null, unit,
                newNote, newReported);
        }
    }

    /** How one file is written. */
    private record Layout(String extension, Charset charset, String lineEnd, boolean english, Label ministry,
                          Label metric) {
    }

    /** Where a bad row ended up: 1-based physical line, header on line 1. */
    public record BadRowLocation(String file, int line, String fault, String row) {
    }

    /** A row of the restatement file and the row it would replace. */
    public record Restatement(String contract, String metric, String period, String unit, String oldValue,
                              String oldReported, String newValue, String newReported, boolean wins) {
    }

    /** Rows written to one file (bad rows included). */
    public record FileSummary(Path file, int rows) {
    }

    /** Everything one run produced, with the check sums a loader can be compared with. */
    public record Summary(List<FileSummary> files, List<BadRowLocation> badRows, List<Restatement> restatements,
                          Map<Integer, int[]> fleetSums, List<String> ienw2023Electricity, double ienw2023ElectricityMwh,
                          List<String> jobs2023, double jobs2023Total) {
    }

    private ResultSampleGenerator() {
    }

    /** Replaces the {@code results-*} files in {@code outDir}; the same seed always gives the same CSV/JSON bytes. */
    public static List<Path> generate(Path outDir, long seed) {
        return run(outDir, seed).files().stream().map(FileSummary::file).toList();
    }

    /** Like {@link #generate} but also returns where the bad rows are, the restatements and check sums. */
    public static Summary run(Path outDir, long seed) {
        try {
            Files.createDirectories(outDir);
            deleteOldSamples(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // Every draw descends from this one generator in a fixed order, so one seed pins down all files.
        SplittableRandom root = new SplittableRandom(seed);

        Map<String, DepartmentSetup> setups = new LinkedHashMap<>();
        SplittableRandom setupRng = root.split();
        Set<String> usedNumbers = new HashSet<>();
        for (Department d : DEPARTMENTS) {
            setups.put(d.code(), setup(d, setupRng.split(), usedNumbers));
        }

        Map<String, List<Result>> byFile = new LinkedHashMap<>();
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (int year : YEARS) {
            SplittableRandom yearRng = root.split();
            List<Department> present = DEPARTMENTS.stream().filter(d -> !MISSING.contains(year + "-" + d.code()))
                .toList();
            Map<String, int[]> fleet = allocateFleet(year, present, yearRng);
            Map<String, Double> jobs = allocateJobs(year, present, yearRng);
            for (Department d : DEPARTMENTS) {
                // Split for every department-year, reported or not: dropping one leaves the others unchanged.
                SplittableRandom rng = root.split();
                if (MISSING.contains(year + "-" + d.code())) {
                    continue;
                }
                Layout layout = layoutFor(d, year);
                List<Result> rows = departmentYear(d, year, setups.get(d.code()), layout, fleet.get(d.code()),
                    jobs.get(d.code()), rng);
                String name = "results-" + year + "-" + d.code() + "." + layout.extension();
                byFile.put(name, rows);
                layouts.put(name, layout);
            }
        }

        String vwsFile = "results-2023-VWS.csv";
        List<Result> bad = badRows(department("VWS"), layouts.get(vwsFile), root.split(), usedNumbers);

        String defFile = "results-2023-DEF.csv";
        List<Restatement> restatements = new ArrayList<>();
        List<Result> restated = restate(byFile.get(defFile), layouts.get(defFile), restatements, root.split());

        List<FileSummary> files = new ArrayList<>();
        try {
            for (Map.Entry<String, List<Result>> e : byFile.entrySet()) {
                Path file = outDir.resolve(e.getKey());
                Layout layout = layouts.get(e.getKey());
                List<Result> rows = new ArrayList<>(e.getValue());
                if (e.getKey().equals(vwsFile)) {
                    rows.addAll(bad);
                }
                write(file, layout, rows);
                files.add(new FileSummary(file, rows.size()));
            }
            Path restatementFile = outDir.resolve("results-2023-DEF-herziening.csv");
            write(restatementFile, layouts.get(defFile), restated);
            files.add(new FileSummary(restatementFile, restated.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        String[] faults = {"unknown metric 'vrolijkheid'", "unknown unit 'paardenkracht'",
            "gas_use in kWh: unit of another quantity", "negative electricity_use -500",
            "renewable_share 120 %: share above 100", "period in the future: Jaar 2099",
            "value 'veel' is not a number"};
        List<BadRowLocation> badLocations = new ArrayList<>();
        int goodVws = byFile.get(vwsFile).size();
        for (int i = 0; i < bad.size(); i++) {
            // Header is line 1 and no value spans lines, so record n sits on line n + 1.
            badLocations.add(new BadRowLocation(vwsFile, goodVws + i + 2, faults[i],
                String.join(";", values(bad.get(i), layouts.get(vwsFile)))));
        }

        return summarise(files, badLocations, restatements, byFile);
    }

    private static void deleteOldSamples(Path outDir) throws IOException {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(outDir, "results-*")) {
            stream.forEach(old::add);
        }
        for (Path p : old) {
            if (Files.isRegularFile(p)) {
                Files.delete(p);
            }
        }
    }

    private static Department department(String code) {
        return DEPARTMENTS.stream().filter(d -> d.code().equals(code)).findFirst().orElseThrow();
    }

    // ---- contracts ----

    private static DepartmentSetup setup(Department d, SplittableRandom rng, Set<String> usedNumbers) {
        List<Role> roles = new ArrayList<>(List.of(Role.ENERGY));
        if (d.code().equals("IenW")) {
            roles.add(Role.NETWORK);
            roles.add(Role.LOCAL_ENERGY);
        }
        roles.add(Role.TRAVEL);
        roles.add(Role.FLEET);
        if (d.twoFleetContracts()) {
            roles.add(Role.FLEET_VANS);
        }
        roles.add(Role.CLEANING);
        if (d.twoJobContracts()) {
            roles.add(Role.CATERING);
        }
        if (d.rawMaterialsT() > 0) {
            roles.add(Role.CONSTRUCTION);
        }
        roles.add(Role.ICT);
        if (d.datacentre()) {
            roles.add(Role.DATACENTRE);
        }

        List<Contract> contracts = new ArrayList<>();
        Map<Role, Boolean> datePeriods = new LinkedHashMap<>();
        for (Role role : roles) {
            List<Supplier> pool = SUPPLIERS.get(role);
            Supplier first = pool.get(intBetween(rng, 0, pool.size() - 1));
            boolean renewed = (role == Role.ENERGY || role == Role.FLEET || role == Role.CLEANING)
                && uniform(rng) < 0.3;
            if (role == Role.NETWORK) {
                // The example number of the format definition.
                contracts.add(new Contract("IenW-2021-0147", first, role, 2021, 2023));
                usedNumbers.add("IenW-2021-0147");
            } else {
                int start = intBetween(rng, 2017, 2021);
                contracts.add(new Contract(contractNumber(d, start, rng, usedNumbers), first, role, 2021,
                    renewed ? 2022 : 2023));
            }
            if (renewed) {
                Supplier next = pool.get((pool.indexOf(first) + 1) % pool.size());
                contracts.add(new Contract(contractNumber(d, 2023, rng, usedNumbers), next, role, 2023, 2023));
            }
            datePeriods.put(role, role == Role.NETWORK || uniform(rng) < 0.45);
        }
        return new DepartmentSetup(List.copyOf(contracts), datePeriods);
    }

    private static String contractNumber(Department d, int start, SplittableRandom rng, Set<String> used) {
        while (true) {
            String number = String.format(Locale.ROOT, "%s-%d-%04d", d.code(), start, intBetween(rng, 12, 960));
            if (used.add(number)) {
                return number;
            }
        }
    }

    // ---- Rijk-wide allocations ----

    /** Vehicles and zero-emission vehicles per department, summing exactly to {@link #FLEET_TOTALS}. */
    private static Map<String, int[]> allocateFleet(int year, List<Department> present, SplittableRandom rng) {
        int[] totals = FLEET_TOTALS.get(year);
        double rijkShare = (double) totals[1] / totals[0];
        double[] vehicleWeights = new double[present.size()];
        for (int i = 0; i < present.size(); i++) {
            vehicleWeights[i] = present.get(i).fleetWeight() * (1 + 0.06 * gaussian(rng));
        }
        int[] vehicles = largestRemainder(vehicleWeights, totals[0]);
        double[] zeWeights = new double[present.size()];
        for (int i = 0; i < present.size(); i++) {
            Department d = present.get(i);
            double share = rijkShare * d.zeroEmissionBias() * (1 + 0.1 * gaussian(rng));
            zeWeights[i] = vehicles[i] * share;
        }
        int[] ze = largestRemainder(zeWeights, totals[1]);
        Map<String, int[]> out = new LinkedHashMap<>();
        for (int i = 0; i < present.size(); i++) {
            if (ze[i] > vehicles[i]) {
                throw new IllegalStateException("more zero-emission vehicles than vehicles: " + present.get(i));
            }
            out.put(present.get(i).code(), new int[] {vehicles[i], ze[i]});
        }
        return out;
    }

    /** Participation jobs per department (in jobs of 25.5 h/week), about {@link #JOBS_TOTALS} in all. */
    private static Map<String, Double> allocateJobs(int year, List<Department> present, SplittableRandom rng) {
        double weightSum = present.stream().mapToDouble(Department::jobsWeight).sum();
        Map<String, Double> out = new LinkedHashMap<>();
        for (Department d : present) {
            double jobs = JOBS_TOTALS.get(year) * d.jobsWeight() / weightSum * (1 + 0.08 * gaussian(rng));
            out.put(d.code(), Math.max(0.5, jobs));
        }
        return out;
    }

    /** Integers proportional to {@code weights} summing exactly to {@code total} (largest remainder). */
    private static int[] largestRemainder(double[] weights, int total) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] out = new int[weights.length];
        double[] rest = new double[weights.length];
        int given = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            out[i] = (int) Math.floor(exact);
            rest[i] = exact - out[i];
            given += out[i];
        }
        while (given < total) {
            int best = 0;
            for (int i = 1; i < rest.length; i++) {
                if (rest[i] > rest[best]) {
                    best = i;
                }
            }
            out[best]++;
            rest[best] = -1;
            given++;
        }
        return out;
    }

    // ---- one department-year ----

    private static Layout layoutFor(Department d, int year) {
        int index = DEPARTMENTS.indexOf(d);
        Label[] ministry = {Label.FULL, Label.CODE, Label.FULL, Label.MIXED};
        Label[] metric = {Label.CODE, Label.FULL, Label.MIXED};
        Label m = ministry[(index + year) % ministry.length];
        Label k = metric[(2 * index + year) % metric.length];
        String key = year + "-" + d.code();
        if (key.equals("2023-BZK")) {
            return new Layout("xlsx", StandardCharsets.UTF_8, "\n", false, m, k);
        }
        if (key.equals("2023-IenW")) {
            return new Layout("json", StandardCharsets.UTF_8, "\n", true, m, k);
        }
        if (key.equals("2022-FIN")) {
            return new Layout("csv", WINDOWS_1252, "\r\n", false, Label.FULL, k);
        }
        return new Layout("csv", StandardCharsets.UTF_8, "\n", ENGLISH_NUMBERS.contains(key), m, k);
    }

    private static List<Result> departmentYear(Department d, int year, DepartmentSetup setup, Layout layout,
                                               int[] fleet, double jobs, SplittableRandom rng) {
        List<Result> rows = new ArrayList<>();
        double trend = year - 2021;
        double electricity = d.electricityMwh() * (1 - 0.025 * trend) * (1 + 0.04 * gaussian(rng));
        double electricityGreen = Math.min(1.0,
            0.6 + 0.3 * d.performance() + 0.04 * trend + 0.015 * gaussian(rng));
        double gas = d.gasM3() * (1 - 0.05 * trend) * (1 + 0.04 * gaussian(rng));
        double gasGreen = clamp(0.05 + 0.15 * d.performance() + 0.04 * trend + 0.01 * gaussian(rng), 0.05, 0.3);
        double[] covid = {0.55, 0.85, 1.0};
        double mobility = d.mobilityT() * covid[year - 2021] * (1 + 0.06 * gaussian(rng));
        double rawMaterials = d.rawMaterialsT() * (1 - 0.03 * trend) * (1 + 0.08 * gaussian(rng));
        double ict = d.ictItems() * (1 + 0.12 * gaussian(rng));
        double energyStar = Math.min(1.0, 0.75 + 0.2 * d.performance() + 0.02 * trend + 0.02 * gaussian(rng));
        double dcie = 42 + 10 * d.performance() + 2 * trend + 1.5 * gaussian(rng);

        List<Contract> active = setup.contracts().stream().filter(c -> c.activeIn(year)).toList();
        int fleetContracts = (int) active.stream().filter(c -> c.role() == Role.FLEET_VANS).count();
        int jobContracts = (int) active.stream().filter(c -> c.role() == Role.CATERING).count();
        for (Contract c : active) {
            boolean dates = setup.datePeriods().get(c.role());
            Period period = dates ? Period.ofDates(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31))
                : Period.ofYear(year);
            LocalDate reported = reportedAfter(period.end(), rng);
            RowMaker row = new RowMaker(d, c, layout, period, reported, rng);
            switch (c.role()) {
                case ENERGY -> {
                    String eu = d.unit(U_ELECTRICITY);
                    double share = d.code().equals("IenW") ? 0.25 : 1.0;
                    BigDecimal use = amount(fromMwh(electricity * share, eu), eu);
                    rows.add(row.make("electricity_use", use, eu));
                    rows.add(row.make("electricity_renewable", part(use, electricityGreen, eu), eu));
                    String gu = d.unit(U_GAS);
                    BigDecimal gasUse = amount(gas, gu);
                    rows.add(row.make("gas_use", gasUse, gu));
                    rows.add(row.make("gas_renewable", part(gasUse, gasGreen, gu), gu));
                }
                case NETWORK -> {
                    // Rijkswaterstaat's network meters are read per half year.
                    double firstHalf = 0.47 + 0.02 * uniform(rng);
                    double[] halves = {firstHalf, 1 - firstHalf};
                    LocalDate[][] ranges = {
                        {LocalDate.of(year, 1, 1), LocalDate.of(year, 6, 30)},
                        {LocalDate.of(year, 7, 1), LocalDate.of(year, 12, 31)}};
                    for (int h = 0; h < 2; h++) {
                        Period half = Period.ofDates(ranges[h][0], ranges[h][1]);
                        RowMaker hr = new RowMaker(d, c, layout, half, reportedAfter(half.end(), rng), rng);
                        BigDecimal use = amount(fromMwh(electricity * 0.73 * halves[h], "kWh"), "kWh");
                        rows.add(hr.make("electricity_use", use, "kWh"));
                        rows.add(hr.make("electricity_renewable", part(use, Math.min(1.0, electricityGreen + 0.04),
                            "kWh"), "kWh"));
                    }
                }
                case LOCAL_ENERGY -> {
                    BigDecimal use = amount(fromMwh(electricity * 0.02, "GJ"), "GJ");
                    rows.add(row.make("electricity_use", use, "GJ"));
                    rows.add(row.make("electricity_renewable", part(use, 0.35 + 0.1 * trend, "GJ"), "GJ"));
                }
                case TRAVEL -> {
                    String u = d.unit(U_CO2);
                    double factor = u.startsWith("kg") ? 1000 : 1;
                    rows.add(row.make("business_mobility_co2", amount(mobility * factor, u), u));
                }
                case FLEET, FLEET_VANS -> {
                    int vehicles = fleet[0];
                    int ze = fleet[1];
                    if (fleetContracts > 0) {
                        int vans = (int) Math.round(vehicles * 0.4);
                        int vansZe = Math.min(vans, (int) Math.round(ze * 0.2));
                        vehicles = c.role() == Role.FLEET ? vehicles - vans : vans;
                        ze = c.role() == Role.FLEET ? ze - vansZe : vansZe;
                    }
                    String u = d.unit(U_FLEET);
                    rows.add(row.make("fleet_vehicles", BigDecimal.valueOf(vehicles), u));
                    rows.add(row.make("fleet_zero_emission_vehicles", BigDecimal.valueOf(ze), u));
                }
                case CLEANING, CATERING -> {
                    double mine = jobContracts == 0 ? jobs
                        : c.role() == Role.CLEANING ? jobs * 0.6 : jobs * 0.4;
                    String u = d.unit(c.role() == Role.CLEANING ? U_JOBS : U_JOBS_2);
                    rows.add(row.make("participation_jobs", amount(fromJobs(mine, u), u), u));
                }
                case CONSTRUCTION -> {
                    String u = d.unit(U_RAW);
                    double factor = u.equals("kg") ? 1000 : 1;
                    rows.add(row.make("primary_raw_materials", amount(rawMaterials * factor, u), u));
                }
                case ICT -> {
                    String u = d.unit(U_ICT);
                    BigDecimal items = amount(ict, u);
                    rows.add(row.make("ict_hardware_items", items, u));
                    rows.add(row.make("ict_hardware_energy_star_items", part(items, energyStar, u), u));
                }
                case DATACENTRE -> {
                    String u = d.unit(U_DCIE);
                    rows.add(row.make("datacentre_dcie", amount(clamp(dcie, 40, 60), u), u));
                }
                default -> throw new IllegalStateException(c.role().toString());
            }
        }
        return rows;
    }

    /** Makes the rows of one contract and period; labels and notes are drawn per row. */
    private static final class RowMaker {
        final Department d;
        final Contract c;
        final Layout layout;
        final Period period;
        final LocalDate reported;
        final SplittableRandom rng;

        RowMaker(Department d, Contract c, Layout layout, Period period, LocalDate reported, SplittableRandom rng) {
            this.d = d;
            this.c = c;
            this.layout = layout;
            this.period = period;
            this.reported = reported;
            this.rng = rng;
        }

        Result make(String metric, BigDecimal value, String unit) {
            String note = "";
            if (uniform(rng) < 0.2) {
                List<String> notes = NOTES.get(c.role());
                note = notes.get(intBetween(rng, 0, notes.size() - 1));
            }
            return new Result(d.code(), c.number(), c.supplier(), ministryLabel(d, layout.ministry(), rng), period,
                metric, metricLabel(metric, layout.metric(), rng), value, null, unit, note, reported);
        }
    }

    private static String ministryLabel(Department d, Label label, SplittableRandom rng) {
        return switch (label) {
            case FULL -> d.fullName();
            case CODE -> d.code();
            case MIXED -> uniform(rng) < 0.5 ? d.fullName() : d.code();
        };
    }

    private static String metricLabel(String metric, Label label, SplittableRandom rng) {
        return switch (label) {
            case CODE -> metric;
            case FULL -> METRIC_NAMES.get(metric);
            case MIXED -> uniform(rng) < 0.5 ? METRIC_NAMES.get(metric) : metric;
        };
    }

    /** A supplier reports some weeks after the period ends (all metrics of a contract and period at once). */
    private static LocalDate reportedAfter(LocalDate periodEnd, SplittableRandom rng) {
        return periodEnd.plusDays(intBetween(rng, 18, 115));
    }

    private static double fromMwh(double mwh, String unit) {
        return mwh / TO_MWH.get(unit);
    }

    private static double fromJobs(double jobs, String unit) {
        return jobs / TO_JOBS.get(unit);
    }

    private static BigDecimal amount(double value, String unit) {
        return BigDecimal.valueOf(value).setScale(UNIT_SCALE.get(unit), RoundingMode.HALF_UP);
    }

    /** {@code share} of {@code whole} in the same unit and precision, never more than the whole. */
    private static BigDecimal part(BigDecimal whole, double share, String unit) {
        BigDecimal p = whole.multiply(BigDecimal.valueOf(Math.min(1.0, share)), MathContext.DECIMAL64)
            .setScale(UNIT_SCALE.get(unit), RoundingMode.HALF_UP);
        return p.min(whole);
    }

    // ---- restatements and bad rows ----

    /**
     * The restatement file: two rows of 2023 DEF reported again later with a changed value (they win), and one
     * row reported again with a changed value but an earlier Rapportagedatum than the original (stale: it must
     * not win).
     */
    private static List<Result> restate(List<Result> original, Layout layout, List<Restatement> out,
                                        SplittableRandom rng) {
        Result electricity = first(original, "electricity_use");
        Result materials = first(original, "primary_raw_materials");
        Result gas = first(original, "gas_use");
        List<Result> rows = new ArrayList<>();

        for (Result r : List.of(electricity, materials)) {
            double factor = 1.04 + 0.08 * uniform(rng);
            BigDecimal newValue = r.value().multiply(BigDecimal.valueOf(factor), MathContext.DECIMAL64)
                .setScale(r.value().scale(), RoundingMode.HALF_UP);
            LocalDate newDate = LocalDate.of(2024, 6, 3).plusDays(intBetween(rng, 0, 90));
            rows.add(r.restated(newValue, newDate, "Herziening: gecorrigeerde meetgegevens"));
        }

        // Stale: after the period's end but before the row it would replace.
        long gap = ChronoUnit.DAYS.between(gas.period().end(), gas.reported());
        LocalDate staleDate = gas.period().end().plusDays(Math.max(1, gap / 2));
        BigDecimal staleValue = gas.value().multiply(BigDecimal.valueOf(0.9), MathContext.DECIMAL64)
            .setScale(gas.value().scale(), RoundingMode.HALF_UP);
        rows.add(gas.restated(staleValue, staleDate, "Voorlopige opgave, nagezonden"));

        List<Result> originals = List.of(electricity, materials, gas);
        for (int i = 0; i < rows.size(); i++) {
            Result o = originals.get(i);
            Result n = rows.get(i);
            out.add(new Restatement(o.contract(), o.metric(), periodText(o.period()), o.unit(),
                number(o.value(), layout.english()), DUTCH_DATE.format(o.reported()),
                number(n.value(), layout.english()), DUTCH_DATE.format(n.reported()),
                n.reported().isAfter(o.reported())));
        }
        return rows;
    }

    private static Result first(List<Result> rows, String metric) {
        return rows.stream().filter(r -> r.metric().equals(metric)).findFirst().orElseThrow();
    }

    /** The seven deliberately bad rows appended to 2023 VWS, each with exactly one fault, in README order. */
    private static List<Result> badRows(Department vws, Layout layout, SplittableRandom rng, Set<String> used) {
        String contract = contractNumber(vws, 2022, rng, used);
        Period year = Period.ofYear(2023);
        LocalDate reported = LocalDate.of(2024, 3, 14);
        List<Result> rows = new ArrayList<>();
        rows.add(bad(vws, layout, contract, year, "vrolijkheid", "vrolijkheid", "7", "%", reported, rng));
        rows.add(bad(vws, layout, contract, year, "fuel_diesel", "fuel_diesel", "150", "paardenkracht", reported,
            rng));
        rows.add(bad(vws, layout, contract, year, "gas_use", "gas_use", number(new BigDecimal("12500"), layout.english()), "kWh", reported, rng));
        rows.add(bad(vws, layout, contract, year, "electricity_use", "electricity_use", "-500", "MWh", reported,
            rng));
        rows.add(bad(vws, layout, contract, year, "renewable_share", "renewable_share", "120", "%", reported, rng));
        rows.add(bad(vws, layout, contract, Period.ofYear(2099), "business_mobility_co2", "business_mobility_co2",
            number(new BigDecimal("12.5"), layout.english()), "t CO2-eq", reported, rng));
        rows.add(bad(vws, layout, contract, year, "ict_hardware_items", "ict_hardware_items", "veel", "stuks",
            reported, rng));
        return rows;
    }

    private static Result bad(Department d, Layout layout, String contract, Period period, String metric,
                              String indicator, String valueText, String unit, LocalDate reported,
                              SplittableRandom rng) {
        return new Result(d.code(), contract, BAD_ROW_SUPPLIER, ministryLabel(d, layout.ministry(), rng), period,
            metric, indicator, null, valueText, unit, "", reported);
    }

    // ---- writing ----

    private static void write(Path file, Layout layout, List<Result> rows) throws IOException {
        switch (layout.extension()) {
            case "xlsx" -> writeXlsx(file, rows);
            case "json" -> writeJson(file, rows);
            default -> writeCsv(file, layout, rows);
        }
    }

    private static List<String> values(Result r, Layout layout) {
        Period p = r.period();
        return List.of(r.contract(), r.supplier().name(), r.supplier().kvk(), r.ministry(),
            p.year() == null ? "" : String.valueOf(p.year()),
            p.from() == null ? "" : DUTCH_DATE.format(p.from()),
            p.to() == null ? "" : DUTCH_DATE.format(p.to()),
            r.indicator(), r.valueText() != null ? r.valueText() : number(r.value(), layout.english()), r.unit(),
            r.note(), DUTCH_DATE.format(r.reported()));
    }

    private static void writeCsv(Path file, Layout layout, List<Result> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setDelimiter(';')
            .setRecordSeparator(layout.lineEnd())
            .setNullString("")
            .get();
        // newBufferedWriter reports unmappable characters, so a name cp1252 cannot hold fails loudly.
        try (Writer writer = Files.newBufferedWriter(file, layout.charset());
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(HEADER);
            for (Result r : rows) {
                printer.printRecord(values(r, layout).stream().map(v -> v.isEmpty() ? null : v).toList());
            }
        }
    }

    /** A JSON array of objects keyed by the Dutch headers, one object per line; Jaar and Waarde as numbers. */
    private static void writeJson(Path file, List<Result> rows) throws IOException {
        StringBuilder sb = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            Result r = rows.get(i);
            Period p = r.period();
            sb.append("  {");
            field(sb, HEADER.get(0), jsonString(r.contract()), true);
            field(sb, HEADER.get(1), jsonString(r.supplier().name()), false);
            field(sb, HEADER.get(2), jsonString(r.supplier().kvk()), false);
            field(sb, HEADER.get(3), jsonString(r.ministry()), false);
            field(sb, HEADER.get(4), p.year() == null ? jsonString("") : String.valueOf(p.year()), false);
            field(sb, HEADER.get(5), jsonString(p.from() == null ? "" : DUTCH_DATE.format(p.from())), false);
            field(sb, HEADER.get(6), jsonString(p.to() == null ? "" : DUTCH_DATE.format(p.to())), false);
            field(sb, HEADER.get(7), jsonString(r.indicator()), false);
            field(sb, HEADER.get(8), r.valueText() != null ? jsonString(r.valueText())
                : r.value().toPlainString(), false);
            field(sb, HEADER.get(9), jsonString(r.unit()), false);
            field(sb, HEADER.get(10), jsonString(r.note()), false);
            field(sb, HEADER.get(11), jsonString(DUTCH_DATE.format(r.reported())), false);
            sb.append(i + 1 < rows.size() ? "},\n" : "}\n");
        }
        sb.append("]\n");
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void field(StringBuilder sb, String key, String jsonValue, boolean first) {
        if (!first) {
            sb.append(", ");
        }
        sb.append(jsonString(key)).append(": ").append(jsonValue);
    }

    /** A JSON string literal (RFC 8259): quote, backslash and control characters escaped. */
    static String jsonString(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (ch < 0x20 || ch == '\u2028' || ch == '\u2029') {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void writeXlsx(Path file, List<Result> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // A fixed creation date keeps the workbook metadata independent of when the samples were made.
            workbook.getProperties().getCoreProperties().setCreated(
                Optional.of(Date.from(Instant.parse("2024-05-31T00:00:00Z"))));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            CellStyle[] numberStyles = new CellStyle[3];
            String[] formats = {"#,##0", "#,##0.0", "#,##0.00"};
            for (int i = 0; i < formats.length; i++) {
                numberStyles[i] = workbook.createCellStyle();
                numberStyles[i].setDataFormat(workbook.createDataFormat().getFormat(formats[i]));
            }

            Sheet sheet = workbook.createSheet("Resultaten");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 1;
            for (Result res : rows) {
                Row row = sheet.createRow(r++);
                Period p = res.period();
                row.createCell(0).setCellValue(res.contract());
                row.createCell(1).setCellValue(res.supplier().name());
                row.createCell(2).setCellValue(res.supplier().kvk());   // text: the leading zero stays
                row.createCell(3).setCellValue(res.ministry());
                if (p.year() != null) {
                    row.createCell(4).setCellValue(p.year());
                }
                if (p.from() != null) {
                    dateCell(row, 5, p.from(), dateStyle);
                    dateCell(row, 6, p.to(), dateStyle);
                }
                row.createCell(7).setCellValue(res.indicator());
                Cell value = row.createCell(8);
                if (res.valueText() != null) {
                    value.setCellValue(res.valueText());
                } else {
                    value.setCellValue(res.value().doubleValue());
                    value.setCellStyle(numberStyles[Math.min(2, res.value().scale())]);
                }
                row.createCell(9).setCellValue(res.unit());
                if (!res.note().isEmpty()) {
                    row.createCell(10).setCellValue(res.note());
                }
                dateCell(row, 11, res.reported(), dateStyle);
            }
            for (int i = 0; i < HEADER.size(); i++) {
                sheet.setColumnWidth(i, 18 * 256);
            }
            workbook.write(out);
        }
    }

    private static void dateCell(Row row, int col, LocalDate date, CellStyle style) {
        Cell cell = row.createCell(col);
        cell.setCellValue(date);
        cell.setCellStyle(style);
    }

    /** Dutch ({@code 1.234,5}) or English ({@code 1234.5}) notation; never more than two decimals. */
    private static String number(BigDecimal value, boolean english) {
        String plain = value.toPlainString();
        if (english) {
            return plain;
        }
        boolean negative = plain.startsWith("-");
        if (negative) {
            plain = plain.substring(1);
        }
        int dot = plain.indexOf('.');
        String whole = dot < 0 ? plain : plain.substring(0, dot);
        String fraction = dot < 0 ? "" : plain.substring(dot + 1);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + grouped + (fraction.isEmpty() ? "" : "," + fraction);
    }

    private static String periodText(Period p) {
        return p.year() != null ? "Jaar " + p.year()
            : DUTCH_DATE.format(p.from()) + " t/m " + DUTCH_DATE.format(p.to());
    }

    // ---- check sums ----

    private static Summary summarise(List<FileSummary> files, List<BadRowLocation> bad,
                                     List<Restatement> restatements, Map<String, List<Result>> byFile) {
        Map<Integer, int[]> fleet = new TreeMap<>();
        List<String> electricity = new ArrayList<>();
        double electricityMwh = 0;
        List<String> jobs = new ArrayList<>();
        double jobsTotal = 0;
        for (Map.Entry<String, List<Result>> e : byFile.entrySet()) {
            for (Result r : e.getValue()) {
                int year = r.period().periodYear();
                switch (r.metric()) {
                    case "fleet_vehicles" -> fleet.computeIfAbsent(year, y -> new int[2])[0] += r.value().intValue();
                    case "fleet_zero_emission_vehicles" ->
                        fleet.computeIfAbsent(year, y -> new int[2])[1] += r.value().intValue();
                    case "electricity_use" -> {
                        if (year == 2023 && r.deptCode().equals("IenW")) {
                            double mwh = r.value().doubleValue() * TO_MWH.get(r.unit());
                            electricityMwh += mwh;
                            electricity.add(String.format(Locale.ROOT, "%s %s %s: %s %s = %.4f MWh", r.contract(),
                                periodText(r.period()), e.getKey(), r.value().toPlainString(), r.unit(), mwh));
                        }
                    }
                    case "participation_jobs" -> {
                        if (year == 2023) {
                            double j = r.value().doubleValue() * TO_JOBS.get(r.unit());
                            jobsTotal += j;
                            jobs.add(String.format(Locale.ROOT, "%-5s %s: %s %s = %.4f jobs", r.deptCode(),
                                r.contract(), r.value().toPlainString(), r.unit(), j));
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        for (Map.Entry<Integer, int[]> e : fleet.entrySet()) {
            int[] expected = FLEET_TOTALS.get(e.getKey());
            if (e.getValue()[0] != expected[0] || e.getValue()[1] != expected[1]) {
                throw new IllegalStateException("fleet sums of " + e.getKey() + " are off");
            }
        }
        return new Summary(List.copyOf(files), List.copyOf(bad), List.copyOf(restatements), fleet,
            List.copyOf(electricity), electricityMwh, List.copyOf(jobs), jobsTotal);
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
