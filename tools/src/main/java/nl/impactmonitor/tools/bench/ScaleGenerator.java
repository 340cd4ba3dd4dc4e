package nl.impactmonitor.tools.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded volume data for the benchmark, in the shapes of the samples (aliases, both delimiters, a few rejects):
 * {@code rijk} (12 departments x 10 years), {@code national} (about 350 organisations x 10 years) and {@code 1m}
 * (one spend file of a million lines). Written to a folder outside the repository; never committed.
 */
public final class ScaleGenerator {

    public enum Scale {
        SMOKE(2, 2, 300, 20, 40),
        RIJK(12, 10, 4200, 170, 840),
        NATIONAL(350, 10, 1450, 145, 1450),
        ONE_MILLION(0, 0, 0, 0, 0);

        final int organisations;
        final int years;
        final int spendLinesPerOrgYear;
        final int tendersPerOrgYear;
        final int resultsPerOrgYear;

        Scale(int organisations, int years, int spendLines, int tenders, int results) {
            this.organisations = organisations;
            this.years = years;
            this.spendLinesPerOrgYear = spendLines;
            this.tendersPerOrgYear = tenders;
            this.resultsPerOrgYear = results;
        }

        public static Scale of(String name) {
            return switch (name) {
                case "rijk" -> RIJK;
                case "national" -> NATIONAL;
                case "1m" -> ONE_MILLION;
                case "smoke" -> SMOKE;
                default -> throw new IllegalArgumentException("scale must be rijk, national or 1m, not " + name);
            };
        }
    }

    static final String[] DEPARTMENTS = {"AZ", "BZ", "BZK", "DEF", "EZK", "FIN", "IenW", "JenV", "LNV", "OCW", "SZW", "VWS"};
    static final String[] CATEGORIES = {"Facilitaire dienstverlening", "Catering", "Kantoormeubilair", "Bedrijfskleding", "Energie",
        "Communicatie", "ICT", "Datacenters", "Personeel en organisatie", "Inhuur externen", "Gebouwen en installaties",
        "Beleidsonderzoek en advies", "Vervoer en mobiliteit", "Grond- weg- en waterbouw", "Overige specifieke inkoop"};
    static final String[] GROUPS = {"Catering", "Elektriciteit", "Kantoormeubilair", "Computers en laptops", "Wegen beheer en onderhoud",
        "Schoonmaakdiensten", "Onderzoek en advies", "Dienstauto's", "Kunstwerken", "Beveiliging"};
    static final String[][] METRICS = {{"electricity_use", "MWh"}, {"electricity_renewable", "kWh"}, {"gas_use", "m3"},
        {"gas_renewable", "m3"}, {"fleet_vehicles", "voertuigen"}, {"fleet_zero_emission_vehicles", "voertuigen"},
        {"participation_jobs", "FTE"}, {"primary_raw_materials", "t"}, {"business_mobility_co2", "kg CO2-eq"}};

    private ScaleGenerator() {
    }

    /** Where a generated data set was written. */
    public record Generated(Path spendInbox, Path tenderInbox, Path resultInbox, Path referenceDir, long spendLines, long tenders,
                            long results) {
    }

    /** A single spend file of {@code lines} lines for the ingest comparison. */
    public static Path spendFile(Path dir, int lines, long seed) throws IOException {
        Path file = Files.createDirectories(dir).resolve("inkoopdata-" + lines + ".csv");
        spendFile(file, List.of(DEPARTMENTS), 2023, lines, ';', new SplittableRandom(seed));
        return file;
    }

    public static Generated generate(Scale scale, Path dir, Path projectReferenceDir, long seed) throws IOException {
        Path spend = Files.createDirectories(dir.resolve("inbox/spend"));
        Path tender = Files.createDirectories(dir.resolve("inbox/tender"));
        Path results = Files.createDirectories(dir.resolve("inbox/result"));
        Path reference = Files.createDirectories(dir.resolve("reference"));
        try (var files = Files.list(projectReferenceDir)) {
            for (Path f : files.toList()) {
                Files.copy(f, reference.resolve(f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
        List<String> orgs = organisations(scale, reference);
        SplittableRandom random = new SplittableRandom(seed);
        long spendLines = 0;
        long tenders = 0;
        long resultRows = 0;
        if (scale == Scale.ONE_MILLION) {
            spendLines = spendFile(spend.resolve("inkoopdata-1m.csv"), List.of(DEPARTMENTS), 2023, 1_000_000, ';', random);
            return new Generated(spend, tender, results, reference, spendLines, 0, 0);
        }
        int firstYear = 2014;
        for (int y = firstYear; y < firstYear + scale.years; y++) {
            for (int o = 0; o < orgs.size(); o++) {
                String org = orgs.get(o);
                char delimiter = (o + y) % 5 == 0 ? ',' : ';';
                spendLines += spendFile(spend.resolve("inkoopdata-" + y + "-" + org + ".csv"), List.of(org), y, scale.spendLinesPerOrgYear,
                        delimiter, random);
                tenders += tenderFile(tender.resolve("mvi-zet-" + y + "-" + org + ".csv"), org, y, scale.tendersPerOrgYear, random);
                resultRows += resultFile(results.resolve("results-" + y + "-" + org + ".csv"), org, y, scale.resultsPerOrgYear, random);
            }
        }
        return new Generated(spend, tender, results, reference, spendLines, tenders, resultRows);
    }

    /** The departments, and for national scale 338 more organisations added to a copy of the reference data. */
    private static List<String> organisations(Scale scale, Path reference) throws IOException {
        List<String> orgs = new ArrayList<>(List.of(DEPARTMENTS));
        if (scale == Scale.SMOKE) {
            return orgs.subList(0, scale.organisations);
        }
        if (scale != Scale.NATIONAL) {
            return orgs;
        }
        StringBuilder extra = new StringBuilder();
        for (int i = 1; orgs.size() < scale.organisations; i++) {
            String code = String.format("ORG%03d", i);
            orgs.add(code);
            extra.append(code).append(",Overheidsorganisatie ").append(i).append(",Public body ").append(i)
                    .append(",2000,,,,,,,benchmark organisation\n");
        }
        Files.writeString(reference.resolve("departments.csv"), extra.toString(), java.nio.file.StandardOpenOption.APPEND);
        return orgs;
    }

    private static long spendFile(Path file, List<String> orgs, int year, int lines, char d, SplittableRandom r) throws IOException {
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(String.valueOf(d), "Ministerie", "Jaar", "Hoofdkostensoort", "Leverancier", "Staffel"));
            w.write('\n');
            int perCategory = Math.max(2, lines / (CATEGORIES.length * Math.max(1, orgs.size())));
            while (written < lines) {
                for (String org : orgs) {
                    for (String category : CATEGORIES) {
                        if (written >= lines) {
                            break;
                        }
                        String name = org.equals("IenW") && r.nextInt(3) == 0 ? "I & W" : org;
                        w.write(name + d + year + d + category + d + "Totaal" + d + (8 + r.nextInt(6)) + '\n');
                        written++;
                        for (int s = 0; s < perCategory - 1 && written < lines; s++) {
                            String staffel = r.nextInt(5000) == 0 ? "7a" : Integer.toString(r.nextInt(14));
                            w.write(name + d + year + d + category + d + "Leverancier " + r.nextInt(200_000) + " B.V." + d + staffel + '\n');
                            written++;
                        }
                    }
                }
            }
        }
        return written;
    }

    private static long tenderFile(Path file, String org, int year, int count, SplittableRandom r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("TenderNed publicatienummer;Ministerie;Type opdracht;Publicatiedatum;Geraamde waarde;MVI productgroep;"
                    + "MVI criteria toegepast;Ambitieniveau;Weging maatschappelijke impact (%);Categoriemanagement;Rijksinkoopcategorie;"
                    + "Social return toegepast;Loonsom;Looptijd (maanden);ISV toegepast;Datum mutatie\n");
            for (int i = 0; i < count; i++) {
                boolean criteria = r.nextInt(10) < 7;
                boolean cm = r.nextInt(7) == 0;
                String type = new String[] {"Leveringen", "Diensten", "Werken"}[r.nextInt(3)];
                w.write(org + "-" + year + "-" + i + ';' + org + ';' + type + ';' + (1 + r.nextInt(28)) + "-" + (1 + r.nextInt(12)) + "-"
                        + year + ';' + (10_000 + r.nextInt(2_000_000)) + ";" + GROUPS[r.nextInt(GROUPS.length)] + ';'
                        + (criteria ? "Ja" : "Nee") + ';' + (criteria ? new String[] {"Basis", "Significant", "Ambitieus"}[r.nextInt(3)] : "")
                        + ';' + (cm ? Integer.toString(r.nextInt(8) * 10) : "") + ';' + (cm ? "Ja" : "Nee") + ';' + (cm ? "Energie" : "")
                        + ';' + (r.nextBoolean() ? "Ja" : "Nee") + ';' + (type.equals("Leveringen") || r.nextInt(10) == 0 ? "" : 100_000 + r.nextInt(900_000))
                        + ';' + (1 + r.nextInt(48)) + ';' + (r.nextBoolean() ? "Ja" : "Nee") + ";\n");
            }
        }
        return count;
    }

    private static long resultFile(Path file, String org, int year, int count, SplittableRandom r) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum\n");
            for (int i = 0; i < count; i++) {
                String[] metric = METRICS[i % METRICS.length];
                String value = r.nextInt(1000) == 0 ? "-5" : Integer.toString(r.nextInt(100_000)) + "," + r.nextInt(10);
                w.write(org + "-C" + (i / METRICS.length) + ";Leverancier " + r.nextInt(5000) + ";" + String.format("%08d", r.nextInt(99_999_999))
                        + ';' + org + ';' + year + ";;;" + metric[0] + ';' + value + ';' + metric[1] + ";;15-02-" + (year + 1) + '\n');
            }
        }
        return count;
    }
}
