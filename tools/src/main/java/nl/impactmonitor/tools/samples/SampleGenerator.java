package nl.impactmonitor.tools.samples;

import static nl.impactmonitor.tools.samples.SeededDraws.*;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes synthetic Open Inkoopdata Rijk spend files (one per ministry and year, supplier spend published as staffel
 * bands) with the format quirks and bad rows of the real downloads, so the spend load can be developed and tested
 * without them.
 */
public final class SampleGenerator {

    public static final long DEFAULT_SEED = 20261127L;

    /** 2019 last, so adding it left the draws of 2022 and 2023 as they were; 2019 is Figure 1's year, on which the footprint is calibrated. */
    private static final int[] YEARS = {2022, 2023, 2019};

    private static final String TOTAL_SUPPLIER = "Totaal";

    /**
     * Staffel bands and the specific cost categories, read from config/reference for the run under way ({@link #run}
     * holds the class's lock while it uses them).
     */
    private static SampleReference ref;

    private record Department(String code, String fullName, long genericMillions, long specificMillions) {
    }

    /** Amounts are the evaluation's Table 1 (2023, EUR million). */
    private static final List<Department> DEPARTMENTS = List.of(
        new Department("AZ", "Ministerie van Algemene Zaken", 40, 40),
        new Department("BZ", "Ministerie van Buitenlandse Zaken", 230, 5),
        new Department("BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", 2290, 490),
        new Department("DEF", "Ministerie van Defensie", 850, 280),
        new Department("EZK", "Ministerie van Economische Zaken en Klimaat", 830, 450),
        new Department("FIN", "Ministerie van Financiën", 730, 20),
        new Department("IenW", "Ministerie van Infrastructuur en Waterstaat", 1070, 3770),
        new Department("JenV", "Ministerie van Justitie en Veiligheid", 780, 1340),
        new Department("LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit", 100, 80),
        new Department("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", 270, 20),
        new Department("SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", 90, 5),
        new Department("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport", 280, 210));

    private static final String ICT = "ICT";
    private static final String ENERGIE = "Energie";
    private static final String GEBOUWEN = "Gebouwen en installaties";
    private static final String GWW = "Grond- weg- en waterbouw";
    private static final String DEFENSIEMATERIEEL = "Defensiematerieel";
    private static final String OVERIGE_SPECIFIEK = "Overige specifieke inkoop";

    /** Generic categories in publication order, with a rough share of a typical ministry's generic spend. */
    private static final Map<String, Double> GENERIC_WEIGHTS = new LinkedHashMap<>();

    static {
        GENERIC_WEIGHTS.put("Facilitaire dienstverlening", 2.0);
        GENERIC_WEIGHTS.put("Catering", 0.4);
        GENERIC_WEIGHTS.put("Kantoormeubilair", 0.3);
        GENERIC_WEIGHTS.put("Bedrijfskleding", 0.2);
        GENERIC_WEIGHTS.put(ENERGIE, 1.2);
        GENERIC_WEIGHTS.put("Communicatie", 0.8);
        GENERIC_WEIGHTS.put(ICT, 4.0);
        GENERIC_WEIGHTS.put("Datacenters", 0.8);
        GENERIC_WEIGHTS.put("Personeel en organisatie", 0.6);
        GENERIC_WEIGHTS.put("Inhuur externen", 3.0);
        GENERIC_WEIGHTS.put(GEBOUWEN, 3.0);
        GENERIC_WEIGHTS.put("Beleidsonderzoek en advies", 1.5);
        GENERIC_WEIGHTS.put("Vervoer en mobiliteit", 0.8);
        GENERIC_WEIGHTS.put("Overige generieke inkoop", 0.8);
    }

    private static final List<String> GENERIC_CATEGORIES = List.copyOf(GENERIC_WEIGHTS.keySet());
    private static final Set<String> MANDATORY_GENERIC = Set.of(ICT, ENERGIE, GEBOUWEN);

    /** Where a ministry's profile departs from the typical one (e.g. the Rijksvastgoedbedrijf sits under BZK). */
    private static final Map<String, Map<String, Double>> WEIGHT_BOOSTS = Map.of(
        "BZK", Map.of(GEBOUWEN, 8.0),
        "DEF", Map.of("Bedrijfskleding", 6.0, "Vervoer en mobiliteit", 2.0),
        "JenV", Map.of("Facilitaire dienstverlening", 2.0, "Bedrijfskleding", 3.0),
        "BZ", Map.of("Vervoer en mobiliteit", 3.0),
        "FIN", Map.of(ICT, 3.0),
        "OCW", Map.of("Beleidsonderzoek en advies", 2.0),
        "SZW", Map.of("Beleidsonderzoek en advies", 2.0),
        "VWS", Map.of("Beleidsonderzoek en advies", 2.0, "Communicatie", 2.0));

    private static final List<String> SURNAMES = List.of(
        "Van Dijk", "De Vries", "Jansen", "Bakker", "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot",
        "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen", "Dekker", "Brouwer", "De Wit", "Dijkstra", "De Graaf",
        "Van der Meer", "Van den Berg", "Kok", "Vermeulen", "Van den Heuvel", "Schouten", "Hoekstra", "Verhoeven",
        "Koster", "Prins", "Blom", "Huisman", "Kuipers", "Van Beek", "Veenstra", "Kramer", "Scholten", "Postma",
        "Timmermans", "Gerritsen", "Jonker", "Van Loon", "Lammers", "Brinkman", "Wouters", "Verbeek", "Van Vliet",
        "Daniëls", "Noël", "Schröder", "Lefèvre", "Dupré", "Michiëls", "Brûlé", "Görtz", "Hoëvenaars", "Désiré");

    private static final List<String> PLACES = List.of(
        "Amsterdam", "Rotterdam", "Den Haag", "Utrecht", "Eindhoven", "Groningen", "Tilburg", "Almere", "Breda",
        "Nijmegen", "Apeldoorn", "Haarlem", "Arnhem", "Zwolle", "Leeuwarden", "Maastricht", "Delft", "Leiden",
        "Amersfoort", "'s-Hertogenbosch", "Zoetermeer", "Assen", "Middelburg", "Lelystad", "Den Helder", "Enschede");

    private static final List<String> REGIONS = List.of(
        "Noord", "Zuid", "Oost", "West", "Nederland", "Holland", "Benelux", "Randstad", "Brabant", "Gelderland");

    private static final Map<String, List<String>> TRADES = Map.ofEntries(
        Map.entry("Facilitaire dienstverlening", List.of("Schoonmaakdiensten", "Facility Services", "Beveiliging",
            "Facilitair Beheer", "Glazenwassers", "Receptiediensten")),
        Map.entry("Catering", List.of("Catering", "Horeca Services", "Food & Beverage", "Bedrijfsrestaurants",
            "Koffieservice", "Traiteur Crème")),
        Map.entry("Kantoormeubilair", List.of("Kantoorinrichting", "Meubelfabriek", "Interieurbouw",
            "Projectinrichting", "Werkplekconcepten")),
        Map.entry("Bedrijfskleding", List.of("Bedrijfskleding", "Textielservice", "Uniformen", "Workwear",
            "Beschermende Kleding")),
        Map.entry(ENERGIE, List.of("Energie", "Energiehandel", "Energielevering", "Duurzame Energie",
            "Warmtelevering", "Gas & Licht")),
        Map.entry("Communicatie", List.of("Communicatie", "Reclamebureau", "Media", "Drukkerij", "Campagnes",
            "Vormgeving")),
        Map.entry(ICT, List.of("ICT Services", "Software", "Automatisering", "IT Consultancy", "Netwerkbeheer",
            "Digital Solutions", "Informatica")),
        Map.entry("Datacenters", List.of("Datacenter", "Hosting", "Colocatie", "Cloud Services", "Serverbeheer")),
        Map.entry("Personeel en organisatie", List.of("Opleidingen", "Arbodienst", "Werving & Selectie",
            "Trainingen", "Loopbaanadvies", "Assessments")),
        Map.entry("Inhuur externen", List.of("Detachering", "Interim Management", "Uitzendbureau", "Consultancy",
            "Projectsupport", "Professionals")),
        Map.entry(GEBOUWEN, List.of("Installatietechniek", "Bouwbedrijf", "Vastgoedonderhoud", "Elektrotechniek",
            "Klimaattechniek", "Dakwerken", "Bouw & Renovatie")),
        Map.entry("Beleidsonderzoek en advies", List.of("Onderzoek", "Beleidsadvies", "Research", "Advies",
            "Economisch Onderzoek", "Strategie")),
        Map.entry("Vervoer en mobiliteit", List.of("Taxi", "Mobiliteit", "Leasing", "Reisbureau", "Vervoer",
            "Personenvervoer", "Autoverhuur")),
        Map.entry("Overige generieke inkoop", List.of("Handelsonderneming", "Groothandel", "Kantoorartikelen",
            "Diensten", "Logistiek", "Post & Pakket")),
        Map.entry(GWW, List.of("Infra", "Wegenbouw", "Waterbouw", "Grondwerken", "Aannemingsbedrijf", "Bagger",
            "Bruggenbouw")),
        Map.entry(DEFENSIEMATERIEEL, List.of("Defence Systems", "Voertuigtechniek", "Scheepsbouw", "Aerospace",
            "Optronics", "Munitie", "Radar Systems")),
        Map.entry(OVERIGE_SPECIFIEK, List.of("Laboratoria", "Technologies", "Groen Beheer", "Meettechniek",
            "Uitvoeringsdiensten", "Dienstverlening")));

    /** Fixed names that keep accents and familiar shapes in the data whatever the seed. */
    private static final Map<String, List<String>> ANCHOR_SUPPLIERS = Map.of(
        "Catering", List.of("Café Brûlée Catering"),
        GEBOUWEN, List.of("Van Dijk Installatietechniek B.V."),
        GWW, List.of("Heijmans Infra", "Koninklijke Bam Groep"),
        OVERIGE_SPECIFIEK, List.of("Coöperatie Groen Beheer U.A."));

    private static final int POOL_SIZE = 60;

    private static final int LOGICAL_DEPARTMENT = 0;
    private static final int LOGICAL_YEAR = 1;
    private static final int LOGICAL_CATEGORY = 2;
    private static final int LOGICAL_SUPPLIER = 3;
    private static final int LOGICAL_STAFFEL = 4;

    private static final List<String> STANDARD_HEADER =
        List.of("Ministerie", "Jaar", "Hoofdkostensoort", "Leverancier", "Staffel");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private SampleGenerator() {
    }

    private record SupplierSpend(String name, long amount) {
    }

    private record CategorySpend(String category, boolean specific, List<SupplierSpend> suppliers) {
        long total() {
            return suppliers.stream().mapToLong(SupplierSpend::amount).sum();
        }
    }

    /** One output row as text, in the logical column order (department, year, category, supplier, staffel). */
    private record SpendRow(String department, String year, String category, String supplier, String staffel) {
        String get(int logical) {
            return switch (logical) {
                case LOGICAL_DEPARTMENT -> department;
                case LOGICAL_YEAR -> year;
                case LOGICAL_CATEGORY -> category;
                case LOGICAL_SUPPLIER -> supplier;
                case LOGICAL_STAFFEL -> staffel;
                default -> throw new IllegalArgumentException("column " + logical);
            };
        }
    }

    /**
     * How one file is written.
     *
     * @param columns for each physical column, the logical column it holds
     */
    private record Layout(boolean xlsx, char delimiter, Charset charset, boolean bom, List<String> header, int[] columns) {
        String extension() {
            return xlsx ? "xlsx" : "csv";
        }
    }

    /** A deliberately invalid row and the column a loader should blame. */
    private record BadRow(SpendRow row, String rejectColumn) {
    }

    /** Where a bad row ended up: 1-based physical line, header on line 1. */
    public record BadRowLocation(String file, int line, String rejectColumn, String description) {
    }

    /** True euro totals behind one generated file (bad rows excluded). */
    public record DepartmentTotals(String departmentCode, int year, long genericEuros, long specificEuros) {
    }

    /** Everything one run produced. */
    public record Result(List<Path> files, List<BadRowLocation> badRows, List<DepartmentTotals> totals) {
    }

    /** Replaces the {@code inkoopdata-*} files in {@code outDir}; the same seed always gives the same CSV bytes. */
    public static List<Path> generate(Path outDir, long seed, SampleReference reference) {
        return run(outDir, seed, reference).files();
    }

    /** Like {@link #generate} but also tells where the bad rows are and what the true totals were. */
    public static synchronized Result run(Path outDir, long seed, SampleReference reference) {
        reference.requireCategories(GENERIC_CATEGORIES);
        ref = reference;
        try {
            Files.createDirectories(outDir);
            deleteOldSamples(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // Every draw descends from this one generator in a fixed order, so one seed pins down all files.
        SplittableRandom root = new SplittableRandom(seed);
        Map<String, List<String>> market = supplierMarket(root.split());

        List<Path> files = new ArrayList<>();
        List<BadRowLocation> badLocations = new ArrayList<>();
        List<DepartmentTotals> totals = new ArrayList<>();
        for (int year : YEARS) {
            for (Department dept : DEPARTMENTS) {
                SplittableRandom rng = root.split();
                SplittableRandom labelRng = rng.split();
                SplittableRandom badRng = rng.split();

                List<CategorySpend> spend = departmentSpend(dept, year, rng, market);
                totals.add(new DepartmentTotals(dept.code(), year,
                    spend.stream().filter(c -> !c.specific()).mapToLong(CategorySpend::total).sum(),
                    spend.stream().filter(CategorySpend::specific).mapToLong(CategorySpend::total).sum()));

                List<SpendRow> rows = goodRows(dept, year, spend, labelRng);
                List<BadRow> bad = badRows(dept, year, spend, market, badRng);
                Layout layout = layoutFor(dept, year);
                Path file = outDir.resolve("inkoopdata-" + year + "-" + dept.code() + "." + layout.extension());

                List<SpendRow> all = new ArrayList<>(rows);
                bad.forEach(b -> all.add(b.row()));
                try {
                    if (layout.xlsx()) {
                        writeXlsx(file, dept, year, all);
                    } else {
                        writeCsv(file, layout, all);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException("writing " + file, e);
                }
                files.add(file);

                for (int i = 0; i < bad.size(); i++) {
                    // Header is line 1 and no value spans lines, so record n sits on line n + 1.
                    int line = 1 + rows.size() + i + 1;
                    badLocations.add(new BadRowLocation(file.getFileName().toString(), line, bad.get(i).rejectColumn(),
                        describe(bad.get(i))));
                }
            }
        }
        return new Result(List.copyOf(files), List.copyOf(badLocations), List.copyOf(totals));
    }

    private static void deleteOldSamples(Path outDir) throws IOException {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(outDir, "inkoopdata-*")) {
            stream.forEach(old::add);
        }
        for (Path p : old) {
            if (Files.isRegularFile(p)) {
                Files.delete(p);
            }
        }
    }

    static int staffel(long euros) {
        if (euros <= 0) {
            return 0;
        }
        for (int i = 0; i < ref.staffelUpperBounds().length; i++) {
            if (euros <= ref.staffelUpperBounds()[i]) {
                return i + 1;
            }
        }
        return 13;
    }

    // ---- spend ----

    private static List<CategorySpend> departmentSpend(Department dept, int year, SplittableRandom rng,
                                                       Map<String, List<String>> market) {
        // Table 1 is 2023; 2022 is a bit smaller and 2019 smaller still, by one factor per ministry.
        double factor = year == 2023 ? 1.0 : (year == 2019 ? 0.8 : 0.9) + 0.1 * uniform(rng);
        long generic = Math.round(dept.genericMillions() * 1_000_000L * factor);
        long specific = Math.round(dept.specificMillions() * 1_000_000L * factor);

        Map<String, Long> categoryAmounts = new LinkedHashMap<>();
        categoryAmounts.putAll(genericSplit(dept, generic, rng));
        categoryAmounts.putAll(specificSplit(dept, specific, rng));

        List<CategorySpend> result = new ArrayList<>();
        for (Map.Entry<String, Long> e : categoryAmounts.entrySet()) {
            String category = e.getKey();
            result.add(new CategorySpend(category, ref.specificCategories().contains(category),
                supplierSpend(e.getValue(), market.get(category), rng)));
        }
        return result;
    }

    private static Map<String, Long> genericSplit(Department dept, long amount, SplittableRandom rng) {
        int count = intBetween(rng, 5, 9);
        List<String> optional = new ArrayList<>();
        for (String c : GENERIC_CATEGORIES) {
            if (!MANDATORY_GENERIC.contains(c)) {
                optional.add(c);
            }
        }
        shuffle(optional, rng);
        Set<String> chosen = new LinkedHashSet<>(MANDATORY_GENERIC);
        chosen.addAll(optional.subList(0, count - MANDATORY_GENERIC.size()));

        List<String> categories = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        Map<String, Double> boosts = WEIGHT_BOOSTS.getOrDefault(dept.code(), Map.of());
        for (String c : GENERIC_CATEGORIES) {
            if (chosen.contains(c)) {
                categories.add(c);
                double jitter = StrictMath.exp(0.4 * gaussian(rng));
                weights.add(GENERIC_WEIGHTS.get(c) * boosts.getOrDefault(c, 1.0) * jitter);
            }
        }
        long[] parts = splitByWeights(amount, weights);
        Map<String, Long> result = new LinkedHashMap<>();
        for (int i = 0; i < categories.size(); i++) {
            result.put(categories.get(i), parts[i]);
        }
        return result;
    }

    private static Map<String, Long> specificSplit(Department dept, long amount, SplittableRandom rng) {
        Map<String, Long> result = new LinkedHashMap<>();
        double gwwShare = switch (dept.code()) {
            case "IenW" -> 0.85 + 0.08 * uniform(rng);
            case "BZK", "LNV" -> 0.2 + 0.2 * uniform(rng);
            default -> 0.0;
        };
        if ("DEF".equals(dept.code())) {
            result.put(DEFENSIEMATERIEEL, amount);
            return result;
        }
        long gww = Math.round(amount * gwwShare);
        if (gww > 0) {
            result.put(GWW, gww);
        }
        result.put(OVERIGE_SPECIFIEK, amount - gww);
        return result;
    }

    private static List<SupplierSpend> supplierSpend(long amount, List<String> pool, SplittableRandom rng) {
        // More suppliers for bigger categories, as in the real files: a few for a small budget, dozens for billions.
        double scale = StrictMath.log10(Math.max(amount, 100_000L) / 100_000.0);
        int count = clamp((int) Math.round(3 + 6 * scale) + intBetween(rng, -3, 3), 3, 40);
        int credits = uniform(rng) < 0.2 ? (uniform(rng) < 0.3 ? 2 : 1) : 0;

        List<String> names = new ArrayList<>(pool);
        shuffle(names, rng);

        List<Double> weights = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // Lognormal shares give the heavy tail: one or two suppliers take most of a category.
            weights.add(StrictMath.exp(1.6 * gaussian(rng)));
        }
        long[] amounts = splitByWeights(amount, weights);

        List<SupplierSpend> suppliers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            suppliers.add(new SupplierSpend(names.get(i), Math.max(1, amounts[i])));
        }
        // Keep the category on its target despite the 1-euro floor.
        long drift = suppliers.stream().mapToLong(SupplierSpend::amount).sum() - amount;
        if (drift != 0) {
            int largest = 0;
            for (int i = 1; i < suppliers.size(); i++) {
                if (suppliers.get(i).amount() > suppliers.get(largest).amount()) {
                    largest = i;
                }
            }
            SupplierSpend big = suppliers.get(largest);
            suppliers.set(largest, new SupplierSpend(big.name(), big.amount() - drift));
        }
        for (int i = 0; i < credits; i++) {
            // Credit notes exceeding a year's invoices are what puts suppliers in staffel 0.
            long credit = uniform(rng) < 0.2 ? 0 : -intBetween(rng, 1, 40_000);
            suppliers.add(new SupplierSpend(names.get(count + i), credit));
        }
        suppliers.sort(Comparator.comparing(SupplierSpend::name));
        return suppliers;
    }

    /** Splits {@code amount} proportionally to {@code weights} so the parts add up exactly. */
    private static long[] splitByWeights(long amount, List<Double> weights) {
        double sum = weights.stream().mapToDouble(Double::doubleValue).sum();
        long[] parts = new long[weights.size()];
        long assigned = 0;
        int largest = 0;
        for (int i = 0; i < parts.length; i++) {
            parts[i] = (long) Math.floor(amount * (weights.get(i) / sum));
            assigned += parts[i];
            if (weights.get(i) > weights.get(largest)) {
                largest = i;
            }
        }
        parts[largest] += amount - assigned;
        return parts;
    }

    // ---- suppliers ----

    /** A shared pool of names per category, so the same firms turn up at several ministries as they do in reality. */
    private static Map<String, List<String>> supplierMarket(SplittableRandom rng) {
        Map<String, List<String>> market = new LinkedHashMap<>();
        List<String> categories = new ArrayList<>(GENERIC_CATEGORIES);
        categories.addAll(ref.specificCategories());
        for (String category : categories) {
            Set<String> names = new LinkedHashSet<>(ANCHOR_SUPPLIERS.getOrDefault(category, List.of()));
            while (names.size() < POOL_SIZE) {
                String name = supplierName(category, rng);
                if (!name.equals(TOTAL_SUPPLIER)) {
                    names.add(name);
                }
            }
            market.put(category, List.copyOf(names));
        }
        return market;
    }

    private static String supplierName(String category, SplittableRandom rng) {
        List<String> trades = TRADES.get(category);
        String trade = pick(trades, rng);
        String surname = pick(SURNAMES, rng);
        double p = uniform(rng);
        if (p < 0.33) {
            return surname + " " + trade + " B.V.";
        } else if (p < 0.45) {
            return surname + " " + trade;
        } else if (p < 0.53) {
            return surname + " & " + pick(SURNAMES, rng) + " " + trade + " V.O.F.";
        } else if (p < 0.63) {
            return trade + " " + pick(PLACES, rng) + " B.V.";
        } else if (p < 0.69) {
            return "Coöperatie " + trade + " " + pick(REGIONS, rng) + " U.A.";
        } else if (p < 0.75) {
            return "Koninklijke " + surname + (uniform(rng) < 0.5 ? " Groep N.V." : " " + trade);
        } else if (p < 0.80) {
            return "Stichting " + trade + " " + pick(PLACES, rng);
        } else if (p < 0.86) {
            return surname + " " + trade + " Nederland B.V.";
        } else if (p < 0.90) {
            // Commas and semicolons in names test that the files quote them.
            return surname + ", " + pick(SURNAMES, rng) + " en Partners B.V.";
        } else if (p < 0.93) {
            return surname + " " + trade + " B.V.; vestiging " + pick(PLACES, rng);
        } else if (p < 0.96) {
            return surname + " Groep B.V., h.o.d.n. " + trade + " " + pick(PLACES, rng);
        } else {
            return trade + " " + pick(REGIONS, rng) + " B.V.";
        }
    }

    // ---- rows ----

    private static List<SpendRow> goodRows(Department dept, int year, List<CategorySpend> spend,
                                           SplittableRandom labelRng) {
        String yearText = Integer.toString(year);
        List<SpendRow> rows = new ArrayList<>();
        for (CategorySpend category : spend) {
            rows.add(new SpendRow(departmentLabel(dept, year, labelRng), yearText, category.category(),
                TOTAL_SUPPLIER, Integer.toString(staffel(category.total()))));
            for (SupplierSpend supplier : category.suppliers()) {
                rows.add(new SpendRow(departmentLabel(dept, year, labelRng), yearText, category.category(),
                    supplier.name(), Integer.toString(staffel(supplier.amount()))));
            }
        }
        return rows;
    }

    /** How the ministry is spelled in its file; the variants mirror what different publishers actually wrote. */
    private static String departmentLabel(Department dept, int year, SplittableRandom labelRng) {
        if (year == 2023) {
            switch (dept.code()) {
                case "AZ", "BZ", "BZK":
                    return dept.code();
                case "EZK":
                    return "EZ";
                case "IenW": {
                    double p = uniform(labelRng);
                    return p < 0.3 ? "I&W" : p < 0.6 ? "I & W" : "IenW";
                }
                default:
                    break;
            }
        }
        return dept.fullName();
    }

    private static List<BadRow> badRows(Department dept, int year, List<CategorySpend> spend,
                                        Map<String, List<String>> market, SplittableRandom rng) {
        List<BadRow> bad = new ArrayList<>();
        String name = dept.fullName();
        if (year == 2023 && "VWS".equals(dept.code())) {
            bad.add(badRow(name, "2023", "7a", "staffel", spend, market, rng, false));
            bad.add(badRow(name, "2023", "14", "staffel", spend, market, rng, false));
            bad.add(badRow("Ministerie van Toverkunst", "2023", "4", "department", spend, market, rng, false));
            bad.add(badRow(name, "2023", "3", "supplier", spend, market, rng, true));
            bad.add(badRow(name, "20x3", "5", "year", spend, market, rng, false));
        } else if (year == 2022 && "SZW".equals(dept.code())) {
            bad.add(badRow(name, "2022", "-1", "staffel", spend, market, rng, false));
            bad.add(badRow(name, "1899", "4", "year", spend, market, rng, false));
        }
        return bad;
    }

    private static BadRow badRow(String department, String year, String staffel, String rejectColumn,
                                 List<CategorySpend> spend, Map<String, List<String>> market, SplittableRandom rng,
                                 boolean emptySupplier) {
        CategorySpend category = spend.get(intBetween(rng, 0, spend.size() - 1));
        String supplier = "";
        if (!emptySupplier) {
            // A firm the category does not list yet, so the bad row never duplicates a good one.
            Set<String> present = new LinkedHashSet<>();
            category.suppliers().forEach(s -> present.add(s.name()));
            List<String> candidates = new ArrayList<>();
            for (String n : market.get(category.category())) {
                if (!present.contains(n)) {
                    candidates.add(n);
                }
            }
            supplier = pick(candidates, rng);
        }
        return new BadRow(new SpendRow(department, year, category.category(), supplier, staffel), rejectColumn);
    }

    private static String describe(BadRow bad) {
        return switch (bad.rejectColumn()) {
            case "staffel" -> "staffel '" + bad.row().staffel() + "'";
            case "year" -> "year '" + bad.row().year() + "'";
            case "department" -> "department '" + bad.row().department() + "'";
            case "supplier" -> "empty supplier";
            default -> bad.rejectColumn();
        };
    }

    // ---- file formats ----

    private static Layout layoutFor(Department dept, int year) {
        String code = dept.code();
        int[] identity = {0, 1, 2, 3, 4};
        if ((year == 2023 && "JenV".equals(code)) || (year == 2022 && "DEF".equals(code))) {
            return new Layout(true, ';', StandardCharsets.UTF_8, false, STANDARD_HEADER, identity);
        }
        if (year == 2023 && ("AZ".equals(code) || "BZ".equals(code) || "BZK".equals(code))) {
            return new Layout(false, ',', StandardCharsets.UTF_8, true,
                List.of("Departement", "Boekjaar", "Categorie", "Leverancier", "Staffelcode"), identity);
        }
        if ("FIN".equals(code)) {
            return new Layout(false, ';', WINDOWS_1252, false, STANDARD_HEADER, identity);
        }
        if (year == 2022 && "OCW".equals(code)) {
            return new Layout(false, ';', StandardCharsets.UTF_8, false,
                List.of("Leverancier", "Staffel", "Hoofdkostensoort", "Jaar", "Ministerie"),
                new int[] {LOGICAL_SUPPLIER, LOGICAL_STAFFEL, LOGICAL_CATEGORY, LOGICAL_YEAR, LOGICAL_DEPARTMENT});
        }
        return new Layout(false, ';', StandardCharsets.UTF_8, false, STANDARD_HEADER, identity);
    }

    private static void writeCsv(Path file, Layout layout, List<SpendRow> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setDelimiter(layout.delimiter())
            .setRecordSeparator("\n")
            .get();
        // newBufferedWriter reports unmappable characters, so a name cp1252 cannot hold fails loudly.
        try (Writer writer = Files.newBufferedWriter(file, layout.charset());
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            if (layout.bom()) {
                writer.write('\uFEFF');
            }
            printer.printRecord(layout.header());
            List<String> values = new ArrayList<>(layout.columns().length);
            for (SpendRow row : rows) {
                values.clear();
                for (int logical : layout.columns()) {
                    values.add(row.get(logical));
                }
                printer.printRecord(values);
            }
        }
    }

    private static void writeXlsx(Path file, Department dept, int year, List<SpendRow> rows) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // A fixed creation date keeps the workbook metadata independent of when the samples were made.
            workbook.getProperties().getCoreProperties().setCreated(
                Optional.of(Date.from(Instant.parse((year + 1) + "-01-31T00:00:00Z"))));
            Sheet sheet = workbook.createSheet("Inkoopdata");
            sheet.createRow(0).createCell(0).setCellValue("Inkoopdata " + dept.fullName() + " " + year);
            Row header = sheet.createRow(2);
            for (int i = 0; i < STANDARD_HEADER.size(); i++) {
                header.createCell(i).setCellValue(STANDARD_HEADER.get(i));
            }
            int r = 3;
            for (SpendRow row : rows) {
                Row xrow = sheet.createRow(r++);
                for (int logical = 0; logical < STANDARD_HEADER.size(); logical++) {
                    Cell cell = xrow.createCell(logical);
                    String value = row.get(logical);
                    boolean numeric = (logical == LOGICAL_YEAR || logical == LOGICAL_STAFFEL) && value.matches("-?\\d+");
                    if (numeric) {
                        cell.setCellValue(Long.parseLong(value));
                    } else {
                        cell.setCellValue(value);
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static int clamp(int value, int lo, int hi) {
        return Math.max(lo, Math.min(hi, value));
    }
}
