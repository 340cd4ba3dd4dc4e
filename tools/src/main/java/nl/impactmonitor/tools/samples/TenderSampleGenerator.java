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
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes synthetic MVI-ZET tender exports (one per ministry and year, format in docs/sources/mvi-zet.md) with the
 * quirks, gaps, a rectification and the bad rows of real exports, so the tender load and input goals I-IV can be
 * developed and tested without them.
 */
public final class TenderSampleGenerator {

    public static final long DEFAULT_SEED = 20261127L;

    private static final int[] YEARS = {2022, 2023};

    /** Department-years without an export: the monitor must show them as "no data", not as 0%. */
    private static final Set<String> MISSING_EXPORTS = Set.of("2022-SZW", "2023-LNV");

    private static final List<String> HEADER = List.of(
        "TenderNed publicatienummer", "Kenmerk", "Ministerie", "Organisatie", "Titel", "Type opdracht", "Procedure",
        "Nationaal/Europees", "Publicatiedatum", "Gunningsdatum", "Geraamde waarde", "MVI productgroep",
        "MVI criteria toegepast", "Ambitieniveau", "Klimaat", "Circulair", "Sociaal", "Ketenverantwoordelijkheid",
        "Milieu", "Diversiteit en inclusie", "Weging maatschappelijke impact (%)", "Categoriemanagement",
        "Rijksinkoopcategorie", "Social return toegepast", "Loonsom", "Looptijd (maanden)", "ISV toegepast",
        "Datum mutatie");

    private static final int COL_PUBLICATION_ID = 0;
    private static final int COL_DEPARTMENT = 2;
    private static final int COL_CONTRACT_TYPE = 5;
    private static final int COL_PUBLISHED = 8;
    private static final int COL_AWARDED = 9;
    private static final int COL_VALUE = 10;
    private static final int COL_WEIGHT = 20;
    private static final int COL_WAGE_SUM = 24;
    private static final int COL_DURATION = 25;
    private static final int COL_MUTATED = 27;

    private static final String[] THEMES = {
        "Klimaat", "Circulair", "Sociaal", "Ketenverantwoordelijkheid", "Milieu", "Diversiteit en inclusie"};
    private static final int THEME_SOCIAL = 2;
    private static final int THEME_CHAIN = 3;

    private static final String MINIMUM = "Minimumeis";
    private static final String AWARD = "Gunningscriterium";
    private static final String CLAUSE = "Contractbepaling";

    /**
     * ISV risk categories, EU thresholds, the social-return parameters and product-group relevance, read from
     * config/reference for the run under way ({@link #run} holds the class's lock while it uses them).
     */
    private static SampleReference ref;

    private static final long MIN_VALUE = 10_000L;
    private static final long MAX_VALUE = 80_000_000L;

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final DateTimeFormatter DUTCH_DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy", Locale.ROOT);
    private static final DateTimeFormatter ISO_DATE = DateTimeFormatter.ISO_LOCAL_DATE;

    private enum ContractType {
        LEVERINGEN("Leveringen"), DIENSTEN("Diensten"), WERKEN("Werken");

        final String label;

        ContractType(String label) {
            this.label = label;
        }
    }

    private enum Ambition {
        BASIS("Basis"), SIGNIFICANT("Significant"), AMBITIEUS("Ambitieus");

        final String label;

        Ambition(String label) {
            this.label = label;
        }
    }

    /**
     * A ministry as it shows in the exports.
     *
     * @param performance invented standing between 0 (lags) and 1 (leads); it steers every rate so the monitor has
     *                    leaders and laggards to show, it is not taken from the evaluation
     * @param groupBoosts multipliers on product-group weights where a ministry buys unlike the others
     */
    private record Department(String code, String fullName, int minTenders, int maxTenders, double performance,
                              List<String> organisations, Map<String, Double> groupBoosts) {
    }

    private static final List<Department> DEPARTMENTS = List.of(
        new Department("AZ", "Ministerie van Algemene Zaken", 8, 14, 0.35,
            List.of("Bestuursdepartement AZ", "Rijksvoorlichtingsdienst"),
            Map.of("Evenementen", 4.0, "Drukwerk", 3.0, "Onderzoek en advies", 0.6)),
        new Department("BZ", "Ministerie van Buitenlandse Zaken", 15, 24, 0.25,
            List.of("Bestuursdepartement BZ", "Directie Facilitaire Zaken BZ", "Centraal Bureau Rijksinkoop"),
            Map.of("Zakelijk vervoer en dienstreizen", 6.0, "Beveiliging", 2.0, "Evenementen", 2.0,
                "Mobiele telefoons", 2.0)),
        new Department("BZK", "Ministerie van Binnenlandse Zaken en Koninkrijksrelaties", 45, 55, 0.75,
            List.of("Rijksvastgoedbedrijf", "FMHaaglanden", "Logius", "Centraal Bureau Rijksinkoop",
                "Rijksdienst voor Identiteitsgegevens"),
            Map.of("Kantoorgebouwen nieuwbouw", 6.0, "Kantoorgebouwen renovatie", 5.0,
                "Kantoorgebouwen beheer en onderhoud", 4.0, "Installaties", 3.0, "Verlichting binnen", 3.0,
                "Schoonmaakdiensten", 2.0, "Elektriciteit", 3.0, "Gas", 3.0, "Kantoormeubilair", 2.0)),
        new Department("DEF", "Ministerie van Defensie", 48, 58, 0.5,
            List.of("Defensie Materieel Organisatie", "Defensie Ondersteuningscommando", "Koninklijke Marechaussee",
                "Commando Landstrijdkrachten"),
            Map.of("Bedrijfskleding", 5.0, "Vrachtwagens", 6.0, "Dienstauto's", 2.0, "Catering", 2.0,
                "Netwerkapparatuur", 2.0, "Servers", 2.0, "Schoolgebouwen", 6.0, "Sportvelden", 6.0,
                "Onderzoek en advies", 0.5)),
        new Department("EZK", "Ministerie van Economische Zaken en Klimaat", 35, 45, 0.65,
            List.of("Rijksdienst voor Ondernemend Nederland", "DICTU", "Agentschap Telecom",
                "Staatstoezicht op de Mijnen"),
            Map.of("Onderzoek en advies", 1.5, "Datacenters", 3.0, "Telecommunicatiediensten", 2.0,
                "Computers en laptops", 1.5)),
        new Department("FIN", "Ministerie van Financiën", 30, 40, 0.45,
            List.of("Belastingdienst", "Douane", "Dienst Toeslagen", "Domeinen Roerende Zaken",
                "Bestuursdepartement Financiën"),
            Map.of("Computers en laptops", 3.0, "Servers", 3.0, "Datacenters", 3.0,
                "Printers en multifunctionals", 3.0, "Post- en koeriersdiensten", 4.0, "Drukwerk", 2.0,
                "Papier", 3.0)),
        new Department("IenW", "Ministerie van Infrastructuur en Waterstaat", 55, 60, 0.85,
            List.of("Rijkswaterstaat", "Koninklijk Nederlands Meteorologisch Instituut",
                "Inspectie Leefomgeving en Transport", "Bestuursdepartement IenW"),
            Map.of("Wegen ontwerp en aanleg", 8.0, "Wegen beheer en onderhoud", 8.0, "Kunstwerken", 8.0,
                "Waterbouw", 8.0, "Openbare verlichting", 6.0, "Verkeersregelinstallaties", 6.0, "Riolering", 4.0,
                "Onderzoek en advies", 0.8)),
        new Department("JenV", "Ministerie van Justitie en Veiligheid", 45, 55, 0.55,
            List.of("Dienst Justitiële Inrichtingen", "Justitiële ICT Organisatie",
                "Centraal Justitieel Incassobureau", "Immigratie- en Naturalisatiedienst",
                "Nederlands Forensisch Instituut"),
            Map.of("Catering", 4.0, "Bedrijfskleding", 3.0, "Beveiliging", 3.0, "Schoonmaakdiensten", 2.0,
                "Medische hulpmiddelen", 4.0, "Zorgvastgoed", 8.0)),
        new Department("LNV", "Ministerie van Landbouw, Natuur en Voedselkwaliteit", 15, 25, 0.6,
            List.of("Nederlandse Voedsel- en Warenautoriteit", "Bestuursdepartement LNV", "DICTU"),
            Map.of("Groenvoorziening", 5.0, "Dienstauto's", 2.0, "Bestelauto's", 3.0, "Medische hulpmiddelen", 2.0)),
        new Department("OCW", "Ministerie van Onderwijs, Cultuur en Wetenschap", 25, 35, 0.3,
            List.of("Dienst Uitvoering Onderwijs", "Rijksdienst voor het Cultureel Erfgoed", "Nationaal Archief",
                "Inspectie van het Onderwijs"),
            Map.of("Onderzoek en advies", 1.6, "Evenementen", 2.0, "Drukwerk", 2.0, "Leerlingenvervoer", 10.0)),
        new Department("SZW", "Ministerie van Sociale Zaken en Werkgelegenheid", 10, 18, 0.15,
            List.of("Bestuursdepartement SZW", "Nederlandse Arbeidsinspectie"),
            Map.of("Onderzoek en advies", 1.8, "Uitzendkrachten en inhuur", 1.5, "Evenementen", 2.0)),
        new Department("VWS", "Ministerie van Volksgezondheid, Welzijn en Sport", 25, 35, 0.4,
            List.of("Rijksinstituut voor Volksgezondheid en Milieu", "CIBG", "Inspectie Gezondheidszorg en Jeugd",
                "Bestuursdepartement VWS"),
            Map.of("Medische hulpmiddelen", 6.0, "Onderzoek en advies", 1.5, "Evenementen", 2.0, "Drukwerk", 2.0)));

    /**
     * An MVI product group and what a tender in it typically looks like.
     *
     * @param rijksCategory the Rijksinkoopcategorie a category-management tender in this group falls under, or null
     *                      when the group is not bought through category management
     * @param typeWeights weights of Leveringen, Diensten, Werken
     * @param medianValueEur median estimated value; values spread log-normally around it
     */
    private record ProductGroup(String name, String cluster, String rijksCategory, double weight,
                                double[] typeWeights, long medianValueEur, int minMonths, int maxMonths,
                                List<String> titles) {
        /** Relevant for input goal I as config/reference/mvi_product_groups.csv says. */
        boolean relevant() {
            return ref.relevant(name);
        }
    }

    private static final double[] SUPPLIES = {1, 0, 0};
    private static final double[] SERVICES = {0, 1, 0};
    private static final double[] WORKS = {0, 0, 1};

    /** Names as in config/reference/mvi_product_groups.csv (relevance is read from there), so the samples join to it. */
    private static final List<ProductGroup> PRODUCT_GROUPS = List.of(
        pg("Bedrijfskleding", "facilitair", "Bedrijfskleding", 1.0, SUPPLIES, 900_000, 24, 48,
            "Bedrijfskleding en persoonlijke beschermingsmiddelen", "Levering dienstkleding buitendienst"),
        pg("Catering", "voeding", "Consumptieve dienstverlening", 1.5, SERVICES, 1_500_000, 24, 60,
            "Cateringdiensten kantoorlocaties", "Bedrijfsrestaurant en koffievoorziening",
            "Café- en restaurantvoorziening"),
        pg("Automaten", "voeding", "Consumptieve dienstverlening", 0.5, new double[] {0.4, 0.6, 0},
            250_000, 24, 48,
            "Warme- en koudedrankautomaten", "Snack- en frisdrankautomaten"),
        pg("Evenementen", "voeding", null, 0.8, SERVICES, 150_000, 1, 12,
            "Organisatie jaarcongres", "Coördinatie en organisatie evenementen", "Locatie en catering symposium"),
        pg("Kantoormeubilair", "facilitair", "Werkplekomgeving", 0.8, SUPPLIES, 700_000, 12, 48,
            "Circulair kantoormeubilair", "Levering, montage en onderhoud kantoormeubilair",
            "Zit-sta-bureaus en bureaustoelen"),
        pg("Kantoorartikelen", "facilitair", "Werkplekomgeving", 0.6, SUPPLIES, 150_000, 12, 48,
            "Kantoorartikelen", "Kantoorbenodigdheden en papierwaren"),
        pg("Papier", "facilitair", "Werkplekomgeving", 0.4, SUPPLIES, 120_000, 12, 48,
            "Levering kopieerpapier", "Papier en enveloppen"),
        pg("Drukwerk", "facilitair", null, 0.7, SERVICES, 100_000, 6, 48,
            "Drukwerk en afwerking", "Raamovereenkomst drukwerk; huisstijlproducten"),
        pg("Schoonmaakdiensten", "facilitair", "Schoonmaak", 1.2, SERVICES, 2_000_000, 24, 60,
            "Schoonmaakdienstverlening", "Glasbewassing en gevelreiniging"),
        pg("Beveiliging", "facilitair", "Beveiliging", 1.0, SERVICES, 1_500_000, 24, 60,
            "Beveiligingsdiensten", "Bewaking en receptiediensten", "Cameratoezicht en alarmopvolging"),
        pg("Post- en koeriersdiensten", "facilitair", null, 0.4, SERVICES, 300_000, 12, 48,
            "Post- en koeriersdiensten", "Koeriersvervoer spoedzendingen"),
        pg("Afvalinzameling", "facilitair", null, 0.5, SERVICES, 400_000, 24, 60,
            "Inzameling en verwerking bedrijfsafval", "Afvalinzameling kantoorlocaties"),
        pg("Groenvoorziening", "facilitair", null, 0.5, new double[] {0, 0.8, 0.2}, 250_000, 12, 48,
            "Onderhoud groenvoorziening terreinen", "Groenbeheer en maaiwerk"),
        pg("Computers en laptops", "ict", "ICT-Werkomgeving Rijk", 1.0, SUPPLIES, 2_000_000, 12, 48,
            "Levering laptops", "Werkplekhardware", "Desktops en laptops"),
        pg("Beeldschermen", "ict", "ICT-Werkomgeving Rijk", 0.4, SUPPLIES, 500_000, 12, 36,
            "Beeldschermen en dockingstations"),
        pg("Printers en multifunctionals", "ict", "ICT-Werkomgeving Rijk", 0.5, new double[] {0.6, 0.4, 0},
            800_000, 24, 60, "Multifunctionals en printdiensten", "Printoplossingen kantoorlocaties"),
        pg("Servers", "ict", "Datacenters", 0.5, SUPPLIES, 1_500_000, 12, 48,
            "Servers en opslag", "Vervanging serverpark"),
        pg("Datacenters", "ict", "Datacenters", 0.6, SERVICES, 4_000_000, 36, 60,
            "Datacenterdiensten en colocatie", "Hosting en beheer"),
        pg("Mobiele telefoons", "ict", "ICT-Werkomgeving Rijk", 0.4, SUPPLIES, 1_000_000, 12, 48,
            "Mobiele telefoons en tablets"),
        pg("Netwerkapparatuur", "ict", "Connectiviteit", 0.5, SUPPLIES, 1_200_000, 12, 48,
            "Netwerkcomponenten", "Wifi-netwerk kantoorlocaties"),
        pg("Telecommunicatiediensten", "ict", "Connectiviteit", 0.5, SERVICES, 3_000_000, 24, 60,
            "Vaste en mobiele telefonie", "Datacommunicatiediensten"),
        pg("Elektriciteit", "energie", "Energie", 0.4, SUPPLIES, 6_000_000, 12, 60,
            "Levering elektriciteit", "Levering groene stroom"),
        pg("Gas", "energie", "Energie", 0.3, SUPPLIES, 3_000_000, 12, 60,
            "Levering aardgas en groengas"),
        pg("Warmte en koude", "energie", "Energie", 0.3, new double[] {0.5, 0.5, 0}, 1_500_000, 24, 60,
            "Levering warmte", "Warmte-koudeopslag exploitatie"),
        pg("Kantoorgebouwen nieuwbouw", "gebouwen", null, 0.3, WORKS, 15_000_000, 12, 36,
            "Nieuwbouw rijkskantoor", "Nieuwbouw kantoor en archief"),
        pg("Kantoorgebouwen renovatie", "gebouwen", null, 0.5, WORKS, 6_000_000, 6, 30,
            "Renovatie rijkskantoor", "Verduurzaming kantoorpand"),
        pg("Kantoorgebouwen beheer en onderhoud", "gebouwen", null, 0.8, new double[] {0, 0.6, 0.4},
            1_500_000, 24, 60, "Onderhoud kantoorgebouwen", "Meerjarig onderhoud gebouwen"),
        pg("Installaties", "gebouwen", null, 0.6, new double[] {0, 0.4, 0.6}, 1_200_000, 6, 48,
            "Vervanging klimaatinstallatie", "Onderhoud werktuigbouwkundige installaties"),
        pg("Verlichting binnen", "gebouwen", null, 0.3, new double[] {0.6, 0, 0.4}, 300_000, 3, 24,
            "LED-verlichting kantoren"),
        pg("Wegen ontwerp en aanleg", "gww", null, 0.3, WORKS, 14_000_000, 12, 48,
            "Verbreding rijksweg", "Aanleg aansluiting rijksweg"),
        pg("Wegen beheer en onderhoud", "gww", null, 0.4, new double[] {0, 0.3, 0.7}, 4_000_000, 12, 60,
            "Groot onderhoud rijksweg", "Areaalonderhoud wegen"),
        pg("Kunstwerken", "gww", null, 0.3, WORKS, 9_000_000, 12, 48,
            "Renovatie brug", "Vervanging beweegbare brug", "Renovatie sluiscomplex"),
        pg("Waterbouw", "gww", null, 0.3, WORKS, 7_000_000, 12, 48,
            "Dijkversterking", "Oeververdediging vaarweg", "Vaarwegonderhoud en baggerwerk"),
        pg("Openbare verlichting", "gww", null, 0.2, new double[] {0.3, 0, 0.7}, 1_500_000, 6, 36,
            "Vervanging openbare verlichting rijkswegen"),
        pg("Verkeersregelinstallaties", "gww", null, 0.2, new double[] {0, 0.4, 0.6}, 1_200_000, 12, 48,
            "Vervanging verkeersregelinstallaties"),
        pg("Dienstauto's", "transport", "Vervoer", 0.5, SUPPLIES, 1_500_000, 24, 60,
            "Lease dienstauto's", "Elektrische dienstvoertuigen"),
        pg("Bestelauto's", "transport", "Vervoer", 0.4, SUPPLIES, 1_200_000, 24, 60,
            "Elektrische bestelauto's"),
        pg("Vrachtwagens", "transport", "Vervoer", 0.2, SUPPLIES, 4_000_000, 12, 60,
            "Vrachtwagens en trekkers", "Zero-emissie vrachtwagens"),
        pg("Zakelijk vervoer en dienstreizen", "transport", "Vervoer", 0.5, SERVICES, 1_000_000, 24, 48,
            "Taxivervoer", "Zakenreizen en reisbureaudiensten"),
        pg("Leerlingenvervoer", "transport", null, 0.02, SERVICES, 400_000, 12, 48,
            "Leerlingenvervoer praktijkonderwijs"),
        pg("Schoolgebouwen", "gebouwen", null, 0.03, WORKS, 5_000_000, 12, 24,
            "Nieuwbouw opleidingscentrum"),
        pg("Sportvelden", "gww", null, 0.03, WORKS, 400_000, 3, 12,
            "Aanleg kunstgrasveld kazerne"),
        pg("Medische hulpmiddelen", "zorg", "Laboratorium", 0.3, SUPPLIES, 400_000, 12, 48,
            "Medische hulpmiddelen", "Laboratoriumbenodigdheden"),
        pg("Zorgvastgoed", "zorg", null, 0.02, WORKS, 6_000_000, 12, 36,
            "Renovatie penitentiair ziekenhuis"),
        pg("Riolering", "gww", null, 0.05, WORKS, 800_000, 6, 24,
            "Vervanging riolering steunpunt"),
        pg("Onderzoek en advies", "diensten", null, 6.0, SERVICES, 150_000, 2, 24,
            "Onderzoek", "Evaluatie beleidsprogramma", "Advies en ondersteuning", "Onderzoek naar reïntegratie"),
        pg("Uitzendkrachten en inhuur", "diensten", null, 3.0, SERVICES, 900_000, 12, 48,
            "Inhuur externe medewerkers", "Uitzendkrachten"));

    /** How often each theme turns up per cluster, in the order of {@link #THEMES}. */
    private static final Map<String, double[]> THEME_WEIGHTS = Map.of(
        "facilitair", new double[] {1.0, 1.5, 1.0, 1.0, 1.0, 0.4},
        "voeding", new double[] {1.0, 1.0, 1.0, 1.0, 1.2, 0.4},
        "ict", new double[] {1.2, 1.5, 0.5, 1.5, 0.6, 0.2},
        "energie", new double[] {2.0, 0.3, 0.3, 0.8, 0.8, 0.1},
        "gebouwen", new double[] {1.8, 1.5, 0.8, 0.4, 0.8, 0.2},
        "gww", new double[] {2.0, 1.5, 0.8, 0.3, 1.0, 0.2},
        "transport", new double[] {2.0, 0.5, 0.3, 0.5, 1.5, 0.1},
        "zorg", new double[] {0.8, 0.8, 0.5, 1.0, 0.8, 0.2},
        "diensten", new double[] {0.6, 0.3, 1.2, 0.3, 0.3, 1.0});

    private static final Map<String, String> CLUSTER_BUYERS = Map.of(
        "IenW/gww", "Rijkswaterstaat",
        "BZK/gebouwen", "Rijksvastgoedbedrijf",
        "DEF/transport", "Defensie Materieel Organisatie",
        "JenV/zorg", "Dienst Justitiële Inrichtingen",
        "VWS/zorg", "Rijksinstituut voor Volksgezondheid en Milieu");

    private static final List<String> REGIONS = List.of(
        "regio Noord", "regio Oost", "regio Zuid", "regio West", "regio Midden", "Randstad", "Den Haag", "Utrecht",
        "Zwolle", "Eindhoven", "Groningen", "Arnhem");

    private static ProductGroup pg(String name, String cluster, String rijksCategory, double weight,
                                   double[] typeWeights, long medianValueEur, int minMonths, int maxMonths,
                                   String... titles) {
        return new ProductGroup(name, cluster, rijksCategory, weight, typeWeights, medianValueEur, minMonths,
            maxMonths, List.of(titles));
    }

    private TenderSampleGenerator() {
    }

    /** One tender record; mutable because outcomes are assigned per department-year after all tenders exist. */
    private static final class Tender {
        Department dept;
        int year;
        String publicationId = "";
        String kenmerk = "";
        String ministry;
        String organisation;
        String title;
        ContractType type;
        String procedure;
        boolean european;
        LocalDate published;
        LocalDate awarded;
        LocalDate mutated;
        long valueEur;
        /** The value was not filled in; {@link #valueEur} still drives procedure and scope. */
        boolean valueMissing;
        ProductGroup group;
        boolean criteria;
        Ambition ambition;
        final String[] themes = {"", "", "", "", "", ""};
        Integer weightPct;
        boolean categoryManagement;
        String rijksCategory;
        boolean socialReturn;
        Long wageSumEur;
        int durationMonths;
        boolean isv;
        /** Index into the money formats, see {@link #formatEuros}. */
        int moneyStyle;
        /** Raw text replacing a column, for the deliberately bad rows. */
        final Map<Integer, String> overrides = new HashMap<>();

        Tender copy() {
            Tender c = new Tender();
            c.dept = dept;
            c.year = year;
            c.publicationId = publicationId;
            c.kenmerk = kenmerk;
            c.ministry = ministry;
            c.organisation = organisation;
            c.title = title;
            c.type = type;
            c.procedure = procedure;
            c.european = european;
            c.published = published;
            c.awarded = awarded;
            c.mutated = mutated;
            c.valueEur = valueEur;
            c.valueMissing = valueMissing;
            c.group = group;
            c.criteria = criteria;
            c.ambition = ambition;
            System.arraycopy(themes, 0, c.themes, 0, themes.length);
            c.weightPct = weightPct;
            c.categoryManagement = categoryManagement;
            c.rijksCategory = rijksCategory;
            c.socialReturn = socialReturn;
            c.wageSumEur = wageSumEur;
            c.durationMonths = durationMonths;
            c.isv = isv;
            c.moneyStyle = moneyStyle;
            c.overrides.putAll(overrides);
            return c;
        }

        boolean suitableForSocialReturn() {
            return type != ContractType.LEVERINGEN && wageSumEur != null && wageSumEur >= ref.socialReturnMinWageSumEur()
                && durationMonths >= ref.socialReturnMinMonths();
        }

        boolean socialReturnUndetermined() {
            return type != ContractType.LEVERINGEN && wageSumEur == null;
        }

        boolean inIsvRiskCategory() {
            return categoryManagement && ref.isvRiskCategories().contains(rijksCategory);
        }

        /** Input goal IV scope: risk category, at or above the EU threshold (published after 1-9-2017 always). */
        boolean isvInScope() {
            return inIsvRiskCategory() && !valueMissing && valueEur >= euThreshold(type, year);
        }

        boolean significantOrAmbitious() {
            return ambition == Ambition.SIGNIFICANT || ambition == Ambition.AMBITIEUS;
        }
    }

    /**
     * Shares to simulate for one department-year.
     *
     * @param categoryManagement share of tenders in category-managed product groups that go through it
     */
    private record Rates(double criteriaRelevant, double criteriaOther, double highAmbition, double categoryManagement,
                         double highWeight, double socialReturn, double isv) {
    }

    /** How one file is written. */
    private record Layout(boolean xlsx, char delimiter, Charset charset, DateTimeFormatter dates,
                          MinistryLabel ministryLabel, int moneyStyle) {
        String extension() {
            return xlsx ? "xlsx" : "csv";
        }
    }

    private enum MinistryLabel { FULL_NAME, CODE, MIXED }

    /** Where a bad row ended up: 1-based physical line, header on line 1. */
    public record BadRowLocation(String file, int line, String column, String description) {
    }

    /** A record of the rectification file and what it changes. */
    public record Rectification(String publicationId, String change) {
    }

    /** Tenders written to one file (bad rows included). */
    public record FileSummary(Path file, int tenders) {
    }

    /** Everything one run produced. */
    public record Result(List<FileSummary> files, List<BadRowLocation> badRows, List<Rectification> rectifications) {
    }

    /** Replaces the {@code mvi-zet-*} files in {@code outDir}; the same seed always gives the same CSV bytes. */
    public static List<Path> generate(Path outDir, long seed, SampleReference reference) {
        return run(outDir, seed, reference).files().stream().map(FileSummary::file).toList();
    }

    /** Like {@link #generate} but also tells where the bad rows are and what was rectified. */
    public static synchronized Result run(Path outDir, long seed, SampleReference reference) {
        ref = reference;
        try {
            Files.createDirectories(outDir);
            deleteOldSamples(outDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        // Every draw descends from this one generator in a fixed order, so one seed pins down all files.
        SplittableRandom root = new SplittableRandom(seed);

        Map<String, List<Tender>> byFile = new LinkedHashMap<>();
        Map<String, Layout> layouts = new LinkedHashMap<>();
        for (int year : YEARS) {
            for (Department dept : DEPARTMENTS) {
                // Split for every department-year, exported or not: dropping an export leaves the others unchanged.
                SplittableRandom rng = root.split();
                if (MISSING_EXPORTS.contains(year + "-" + dept.code())) {
                    continue;
                }
                Layout layout = layoutFor(dept, year, rng);
                List<Tender> tenders = departmentYear(dept, year, layout, rng);
                String name = "mvi-zet-" + year + "-" + dept.code() + "." + layout.extension();
                byFile.put(name, tenders);
                layouts.put(name, layout);
            }
        }

        Department vws = department("VWS");
        String vwsFile = "mvi-zet-2023-VWS.csv";
        List<Tender> bad = badTenders(vws, layouts.get(vwsFile), root.split());

        assignPublicationNumbers(byFile, bad, root.split());
        continueKenmerken(byFile.get(vwsFile), bad);
        applyBadValues(bad);

        String ienwFile = "mvi-zet-2023-IenW.csv";
        List<Rectification> changes = new ArrayList<>();
        List<Tender> rectified = rectify(byFile.get(ienwFile), changes, root.split());

        List<FileSummary> files = new ArrayList<>();
        List<BadRowLocation> badLocations = new ArrayList<>();
        try {
            for (Map.Entry<String, List<Tender>> e : byFile.entrySet()) {
                Path file = outDir.resolve(e.getKey());
                Layout layout = layouts.get(e.getKey());
                List<Tender> rows = new ArrayList<>(e.getValue());
                if (e.getKey().equals(vwsFile)) {
                    rows.addAll(bad);
                }
                if (layout.xlsx()) {
                    writeXlsx(file, rows);
                } else {
                    writeCsv(file, layout, rows);
                }
                files.add(new FileSummary(file, rows.size()));
            }
            Path rectFile = outDir.resolve("mvi-zet-2023-IenW-rectificatie.csv");
            writeCsv(rectFile, layouts.get(ienwFile), rectified);
            files.add(new FileSummary(rectFile, rectified.size()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }

        int goodVws = byFile.get(vwsFile).size();
        String[] badColumns = {"Ministerie", "Publicatiedatum", "Geraamde waarde", "TenderNed publicatienummer",
            "Type opdracht"};
        int[] badColumnIndexes = {COL_DEPARTMENT, COL_PUBLISHED, COL_VALUE, COL_PUBLICATION_ID, COL_CONTRACT_TYPE};
        for (int i = 0; i < bad.size(); i++) {
            // Header is line 1 and no value spans lines, so record n sits on line n + 1.
            String raw = bad.get(i).overrides.get(badColumnIndexes[i]);
            badLocations.add(new BadRowLocation(vwsFile, 1 + goodVws + i + 1, badColumns[i],
                raw.isEmpty() ? "empty" : "'" + raw + "'"));
        }

        return new Result(List.copyOf(files), List.copyOf(badLocations), List.copyOf(changes));
    }

    private static void deleteOldSamples(Path outDir) throws IOException {
        List<Path> old = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(outDir, "mvi-zet-*")) {
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

    // ---- one department-year ----

    private static List<Tender> departmentYear(Department dept, int year, Layout layout, SplittableRandom rng) {
        Rates rates = rates(dept, year, rng);
        int count = intBetween(rng, dept.minTenders(), dept.maxTenders());
        List<Tender> tenders = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tenders.add(tender(dept, year, layout, rates, null, rng));
        }
        // Exports list tenders in publication order; the stable sort keeps draws on equal dates in draw order.
        tenders.sort(Comparator.comparing(t -> t.published));
        assignOutcomes(tenders, rates, rng);
        assignKenmerken(tenders, rng);
        return tenders;
    }

    private static Rates rates(Department dept, int year, SplittableRandom rng) {
        // Ministries improve a little from 2022 to 2023; each goal drifts on its own around the ministry's standing,
        // so a ministry can lead on one goal and lag on another.
        double base = dept.performance() + (year == 2023 ? 0.08 : 0.0);
        return new Rates(
            0.65 + 0.20 * drift(base, rng),
            0.50 + 0.15 * drift(base, rng),
            0.40 + 0.20 * drift(base, rng),
            0.25 + 0.15 * uniform(rng),
            0.15 + 0.15 * drift(base, rng),
            0.50 + 0.30 * drift(base, rng),
            0.60 + 0.30 * drift(base, rng));
    }

    private static double drift(double base, SplittableRandom rng) {
        return Math.max(0.0, Math.min(1.0, base + 0.3 * (uniform(rng) - 0.5)));
    }

    /** A tender's own facts (what it buys, when, for how much); the MVI answers come later per department-year. */
    private static Tender tender(Department dept, int year, Layout layout, Rates rates, LocalDate publishedOrNull,
                                 SplittableRandom rng) {
        Tender t = new Tender();
        t.dept = dept;
        t.year = year;
        t.ministry = ministryLabel(dept, layout.ministryLabel(), rng);
        t.organisation = pickWeighted(dept.organisations(), rng);
        t.group = productGroup(dept, rng);
        // Some purchases have one buyer in a ministry: roads and waterways are Rijkswaterstaat's, offices the RVB's.
        t.organisation = CLUSTER_BUYERS.getOrDefault(dept.code() + "/" + t.group.cluster(), t.organisation);
        t.type = contractType(t.group, rng);

        double value = t.group.medianValueEur() * StrictMath.exp(0.9 * gaussian(rng));
        t.valueEur = roundEstimate(Math.max(MIN_VALUE, Math.min(MAX_VALUE, Math.round(value))), rng);
        // MVI-ZET is filled in incompletely (7.5): now and then the value is left open.
        t.valueMissing = uniform(rng) < 0.03;
        t.european = t.valueEur >= euThreshold(t.type, t.year);
        t.procedure = procedure(t, rng);

        t.durationMonths = duration(t.group, rng);
        t.title = title(t, rng);

        t.published = publishedOrNull != null ? publishedOrNull : workingDay(year, rng);
        LocalDate exported = LocalDate.of(year + 1, 1, 31);
        LocalDate award = t.published.plusDays(intBetween(rng, 30, 150));
        // Not yet awarded when the export was made, or never awarded (withdrawn, no valid bids).
        boolean notAwarded = award.isAfter(exported) || uniform(rng) < 0.04;
        t.awarded = notAwarded ? null : award;
        LocalDate lastChange = notAwarded
            ? t.published.plusDays(intBetween(rng, 0, 45))
            : award.plusDays(intBetween(rng, 0, 21));
        t.mutated = lastChange.isAfter(exported) ? exported : lastChange;

        if (t.type != ContractType.LEVERINGEN) {
            double labourShare = t.type == ContractType.DIENSTEN ? 0.3 + 0.4 * uniform(rng) : 0.15 + 0.2 * uniform(rng);
            long wage = Math.round(t.valueEur * labourShare / 1000.0) * 1000L;
            // About one in ten buyers leaves the wage sum open: goal III cannot be decided for those.
            t.wageSumEur = uniform(rng) < 0.10 ? null : Math.max(1000L, wage);
        }
        if (t.group.rijksCategory() != null && uniform(rng) < rates.categoryManagement()) {
            t.categoryManagement = true;
            t.rijksCategory = t.group.rijksCategory();
        }
        t.moneyStyle = uniform(rng) < 0.75 ? layout.moneyStyle() : intBetween(rng, 0, 3);
        return t;
    }

    private static String ministryLabel(Department dept, MinistryLabel label, SplittableRandom rng) {
        return switch (label) {
            case FULL_NAME -> dept.fullName();
            case CODE -> dept.code();
            case MIXED -> uniform(rng) < 0.5 ? dept.code() : dept.fullName();
        };
    }

    private static ProductGroup productGroup(Department dept, SplittableRandom rng) {
        double[] weights = new double[PRODUCT_GROUPS.size()];
        for (int i = 0; i < weights.length; i++) {
            ProductGroup g = PRODUCT_GROUPS.get(i);
            weights[i] = g.weight() * dept.groupBoosts().getOrDefault(g.name(), 1.0);
        }
        return PRODUCT_GROUPS.get(weightedIndex(weights, rng));
    }

    private static ContractType contractType(ProductGroup group, SplittableRandom rng) {
        return ContractType.values()[weightedIndex(group.typeWeights(), rng)];
    }

    /** Estimates are round numbers mostly: three significant digits, sometimes whole thousands. */
    private static long roundEstimate(long euros, SplittableRandom rng) {
        double p = uniform(rng);
        if (p < 0.65) {
            long unit = 1;
            while (euros / unit >= 1000) {
                unit *= 10;
            }
            return Math.max(MIN_VALUE, Math.round((double) euros / unit) * unit);
        } else if (p < 0.9) {
            return Math.max(MIN_VALUE, Math.round(euros / 1000.0) * 1000L);
        }
        return euros;
    }

    private static String procedure(Tender t, SplittableRandom rng) {
        double p = uniform(rng);
        if (t.european) {
            if (t.type == ContractType.WERKEN && t.valueEur > 20_000_000L && p < 0.3) {
                return "Concurrentiegerichte dialoog";
            }
            return p < 0.75 ? "Openbaar" : p < 0.95 ? "Niet-openbaar" : "Concurrentiegerichte dialoog";
        }
        return p < 0.6 ? "Meervoudig onderhands" : p < 0.95 ? "Openbaar" : "Niet-openbaar";
    }

    private static int duration(ProductGroup group, SplittableRandom rng) {
        int months = intBetween(rng, group.minMonths(), group.maxMonths());
        // Contracts of a year or more mostly run whole half-years.
        if (months > 12 && uniform(rng) < 0.7) {
            months = Math.min(60, (months + 3) / 6 * 6);
        }
        return Math.max(1, Math.min(60, months));
    }

    private static String title(Tender t, SplittableRandom rng) {
        String stem = pick(t.group.titles(), rng);
        double p = uniform(rng);
        if (p < 0.35 && t.durationMonths >= 24) {
            return stem + " " + t.year + "-" + (t.year + t.durationMonths / 12);
        } else if (p < 0.55) {
            return stem + " perceel " + intBetween(rng, 1, 4);
        } else if (p < 0.8) {
            return stem + " " + pick(REGIONS, rng);
        }
        return stem;
    }

    private static LocalDate workingDay(int year, SplittableRandom rng) {
        LocalDate first = LocalDate.of(year, 1, 1);
        LocalDate day = first.plusDays(intBetween(rng, 0, first.lengthOfYear() - 1));
        // TenderNed publishes on working days; shift weekend draws without leaving the year.
        if (day.getDayOfWeek() == DayOfWeek.SATURDAY) {
            day = day.plusDays(2).getYear() == year ? day.plusDays(2) : day.minusDays(1);
        } else if (day.getDayOfWeek() == DayOfWeek.SUNDAY) {
            day = day.plusDays(1).getYear() == year ? day.plusDays(1) : day.minusDays(2);
        }
        return day;
    }

    // ---- MVI answers ----

    /**
     * Sets the MVI answers of one department-year. Shares are assigned as exact counts over the tenders they apply
     * to (not per tender by chance), so each department-year shows the rate it was given even in small files.
     */
    private static void assignOutcomes(List<Tender> tenders, Rates rates, SplittableRandom rng) {
        // Goal II: a category-management tender awarding >= 50% on impact has criteria by definition.
        List<Tender> managed = tenders.stream().filter(t -> t.categoryManagement).toList();
        List<Tender> highWeight = chooseExactly(managed, rates.highWeight(), rng);
        for (Tender t : managed) {
            t.weightPct = highWeight.contains(t) ? pick(List.of(50, 50, 55, 60, 60, 70), rng) : lowWeight(rng);
        }

        // Goal I: criteria in relevant groups and, at a lower rate, elsewhere.
        for (boolean relevant : new boolean[] {true, false}) {
            List<Tender> pool = tenders.stream().filter(t -> t.group.relevant() == relevant).toList();
            double rate = relevant ? rates.criteriaRelevant() : rates.criteriaOther();
            List<Tender> forced = pool.stream().filter(highWeight::contains).toList();
            List<Tender> free = new ArrayList<>(pool);
            free.removeAll(forced);
            int wanted = Math.max(forced.size(), (int) Math.round(rate * pool.size()));
            List<Tender> chosen = new ArrayList<>(forced);
            chosen.addAll(chooseCount(free, wanted - forced.size(), rng));
            for (Tender t : pool) {
                t.criteria = chosen.contains(t);
            }
        }

        // Goal I ambition is measured over relevant tenders with criteria; elsewhere basic criteria dominate.
        List<Tender> relevantWithCriteria = tenders.stream().filter(t -> t.criteria && t.group.relevant()).toList();
        List<Tender> high = chooseExactly(relevantWithCriteria, rates.highAmbition(), rng);
        for (Tender t : tenders) {
            if (!t.criteria) {
                t.ambition = null;
            } else if (t.group.relevant()) {
                t.ambition = high.contains(t) ? (uniform(rng) < 0.65 ? Ambition.SIGNIFICANT : Ambition.AMBITIEUS)
                    : Ambition.BASIS;
            } else {
                t.ambition = uniform(rng) < 0.3 ? Ambition.SIGNIFICANT : Ambition.BASIS;
            }
        }

        for (Tender t : tenders) {
            if (t.categoryManagement) {
                continue;
            }
            if (!t.criteria) {
                t.weightPct = uniform(rng) < 0.6 ? 0 : null;
            } else {
                double p = uniform(rng);
                t.weightPct = p < 0.06 ? null : p < 0.09 ? pick(List.of(50, 60), rng) : lowWeight(rng);
            }
        }

        // Goal III: social return in suitable tenders at the department's rate, less often elsewhere.
        List<Tender> suitable = tenders.stream().filter(Tender::suitableForSocialReturn).toList();
        List<Tender> withSocialReturn = chooseExactly(suitable, rates.socialReturn(), rng);
        for (Tender t : tenders) {
            if (suitable.contains(t)) {
                t.socialReturn = withSocialReturn.contains(t);
            } else {
                double p = t.type == ContractType.LEVERINGEN ? 0.03 : t.wageSumEur == null ? 0.4 : 0.2;
                t.socialReturn = uniform(rng) < p;
            }
        }

        // Goal IV: ISV in the risk categories above the EU threshold; elsewhere only now and then.
        List<Tender> isvScope = tenders.stream().filter(Tender::isvInScope).toList();
        List<Tender> withIsv = chooseExactly(isvScope, rates.isv(), rng);
        for (Tender t : tenders) {
            if (isvScope.contains(t)) {
                t.isv = withIsv.contains(t);
            } else {
                String category = t.group.rijksCategory();
                boolean riskGroup = category != null && ref.isvRiskCategories().contains(category);
                double p = t.inIsvRiskCategory() ? 0.5 : riskGroup ? 0.3 : 0.08;
                t.isv = uniform(rng) < p;
            }
        }

        for (Tender t : tenders) {
            fillThemes(t, rng);
        }
    }

    private static Integer lowWeight(SplittableRandom rng) {
        return pick(List.of(0, 5, 10, 10, 15, 20, 20, 25, 30, 30, 35, 40), rng);
    }

    /** Theme columns, consistent with the other answers: social return is a contract clause under Sociaal, etc. */
    private static void fillThemes(Tender t, SplittableRandom rng) {
        Arrays.fill(t.themes, "");
        if (!t.criteria) {
            return;
        }
        int wanted = switch (t.ambition) {
            case BASIS -> intBetween(rng, 1, 2);
            case SIGNIFICANT -> intBetween(rng, 2, 3);
            case AMBITIEUS -> intBetween(rng, 3, 4);
        };
        double[] weights = THEME_WEIGHTS.get(t.group.cluster()).clone();
        List<Set<String>> instruments = new ArrayList<>();
        for (int i = 0; i < THEMES.length; i++) {
            instruments.add(new TreeSet<>(Comparator.comparingInt(TenderSampleGenerator::instrumentOrder)));
        }
        boolean[] chosen = new boolean[THEMES.length];
        if (t.socialReturn) {
            chosen[THEME_SOCIAL] = true;
            instruments.get(THEME_SOCIAL).add(CLAUSE);
        }
        if (t.isv) {
            chosen[THEME_CHAIN] = true;
            instruments.get(THEME_CHAIN).add(CLAUSE);
        }
        int have = (chosen[THEME_SOCIAL] ? 1 : 0) + (chosen[THEME_CHAIN] ? 1 : 0);
        while (have < wanted) {
            for (int i = 0; i < chosen.length; i++) {
                if (chosen[i]) {
                    weights[i] = 0;
                }
            }
            int theme = weightedIndex(weights, rng);
            chosen[theme] = true;
            have++;
        }
        for (int i = 0; i < THEMES.length; i++) {
            if (!chosen[i]) {
                continue;
            }
            Set<String> set = instruments.get(i);
            int extra = switch (t.ambition) {
                case BASIS -> 1;
                case SIGNIFICANT -> intBetween(rng, 1, 2);
                case AMBITIEUS -> intBetween(rng, 1, 3);
            };
            for (int k = 0; k < extra; k++) {
                double p = uniform(rng);
                set.add(t.ambition == Ambition.AMBITIEUS
                    ? (p < 0.35 ? MINIMUM : p < 0.75 ? AWARD : CLAUSE)
                    : (p < 0.6 ? MINIMUM : p < 0.8 ? CLAUSE : AWARD));
            }
        }
        // Half or more of the award on societal impact means impact was an award criterion under some theme.
        if (t.weightPct != null && t.weightPct >= 50 && instruments.stream().noneMatch(s -> s.contains(AWARD))) {
            for (int i = 0; i < THEMES.length; i++) {
                if (chosen[i]) {
                    instruments.get(i).add(AWARD);
                    break;
                }
            }
        }
        for (int i = 0; i < THEMES.length; i++) {
            t.themes[i] = String.join(", ", instruments.get(i));
        }
    }

    private static int instrumentOrder(String instrument) {
        return switch (instrument) {
            case MINIMUM -> 0;
            case AWARD -> 1;
            default -> 2;
        };
    }

    private static void assignKenmerken(List<Tender> tenders, SplittableRandom rng) {
        int seq = intBetween(rng, 1, 30);
        for (Tender t : tenders) {
            t.kenmerk = String.format(Locale.ROOT, "%s/%d/%04d", t.dept.code(), t.year, seq);
            // Gaps: the register also numbers purchases that never reach TenderNed.
            seq += intBetween(rng, 1, 4);
        }
    }

    // ---- publication numbers, bad rows, rectification ----

    /** TenderNed numbers rise with publication date and are unique over all exports (bad rows included). */
    private static void assignPublicationNumbers(Map<String, List<Tender>> byFile, List<Tender> bad,
                                                 SplittableRandom rng) {
        List<Tender> all = new ArrayList<>();
        byFile.values().forEach(all::addAll);
        all.addAll(bad);
        all.sort(Comparator.comparing(t -> t.published));
        long number = 340_000L + intBetween(rng, 0, 999);
        LocalDate previous = all.get(0).published;
        for (Tender t : all) {
            // TenderNed publishes some tens of notices per working day for all buyers; the ministries hold a few.
            long days = t.published.toEpochDay() - previous.toEpochDay();
            number += 1 + 30 * days + intBetween(rng, 0, 25);
            previous = t.published;
            t.publicationId = Long.toString(number);
        }
    }

    private static void continueKenmerken(List<Tender> good, List<Tender> bad) {
        String last = good.get(good.size() - 1).kenmerk;
        int seq = Integer.parseInt(last.substring(last.lastIndexOf('/') + 1));
        for (Tender t : bad) {
            seq += 1;
            t.kenmerk = String.format(Locale.ROOT, "%s/%d/%04d", t.dept.code(), t.year, seq);
        }
    }

    /** Five ordinary VWS 2023 tenders that each get one bad value ({@link #applyBadValues}). */
    private static List<Tender> badTenders(Department vws, Layout layout, SplittableRandom rng) {
        Rates rates = rates(vws, 2023, rng);
        List<Tender> bad = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            // The row with 31-02-2023 is otherwise a tender of 28-02-2023, so its other dates still make sense.
            LocalDate published = i == 1 ? LocalDate.of(2023, 2, 28) : null;
            Tender t = tender(vws, 2023, layout, rates, published, rng);
            // Only the one deliberate fault per row: no gaps that a test would have to tell apart from it.
            t.valueMissing = false;
            bad.add(t);
        }
        assignOutcomes(bad, rates, rng);
        return bad;
    }

    private static void applyBadValues(List<Tender> bad) {
        bad.get(0).overrides.put(COL_DEPARTMENT, "Ministerie van Toverkunst");
        bad.get(1).overrides.put(COL_PUBLISHED, "31-02-2023");
        bad.get(2).overrides.put(COL_VALUE, "veel");
        bad.get(3).overrides.put(COL_PUBLICATION_ID, "");
        bad.get(4).overrides.put(COL_CONTRACT_TYPE, "Concessie");
    }

    /**
     * Three later versions of IenW 2023 tenders, as a buyer sends them after correcting MVI-ZET: criteria
     * recorded after all, ambition raised, wage sum filled in. Each has a Datum mutatie after the export.
     */
    private static List<Tender> rectify(List<Tender> tenders, List<Rectification> changes, SplittableRandom rng) {
        LocalDate exported = LocalDate.of(2024, 1, 31);
        List<Tender> result = new ArrayList<>();

        List<Tender> noCriteria = tenders.stream().filter(t -> t.group.relevant() && !t.criteria).toList();
        Tender a = pick(noCriteria, rng).copy();
        a.criteria = true;
        a.ambition = Ambition.SIGNIFICANT;
        if (a.weightPct == null || a.weightPct == 0) {
            a.weightPct = 20;
        }
        fillThemes(a, rng);
        a.mutated = exported.plusDays(intBetween(rng, 14, 60));
        result.add(a);
        changes.add(new Rectification(a.publicationId, "MVI criteria toegepast Nee -> Ja, Ambitieniveau empty -> "
            + "Significant (" + a.group.name() + ", relevant group)"));

        List<Tender> basic = tenders.stream()
            .filter(t -> t.group.relevant() && t.ambition == Ambition.BASIS && !t.publicationId.equals(a.publicationId))
            .toList();
        Tender b = pick(basic, rng).copy();
        b.ambition = Ambition.AMBITIEUS;
        // A raised ambition adds criteria; what the buyer had already recorded stays.
        String[] before = b.themes.clone();
        fillThemes(b, rng);
        for (int i = 0; i < THEMES.length; i++) {
            Set<String> union = new TreeSet<>(Comparator.comparingInt(TenderSampleGenerator::instrumentOrder));
            for (String answer : new String[] {before[i], b.themes[i]}) {
                if (!answer.isEmpty()) {
                    union.addAll(Arrays.asList(answer.split(", ")));
                }
            }
            b.themes[i] = String.join(", ", union);
        }
        b.mutated = exported.plusDays(intBetween(rng, 14, 60));
        result.add(b);
        changes.add(new Rectification(b.publicationId, "Ambitieniveau Basis -> Ambitieus (" + b.group.name() + ")"));

        // Big enough that the filled-in wage sum makes the tender suitable for social return (goal III).
        Predicate<Tender> wageCandidate = t -> t.type != ContractType.LEVERINGEN && t.valueEur >= 800_000L
            && t.durationMonths >= ref.socialReturnMinMonths()
            && !t.publicationId.equals(a.publicationId) && !t.publicationId.equals(b.publicationId);
        List<Tender> openWage = tenders.stream().filter(t -> t.wageSumEur == null && wageCandidate.test(t)).toList();
        if (openWage.isEmpty()) {
            // The seed left no such open wage sum: blank one in the export so the rectification has one to fill.
            Tender target = tenders.stream().filter(wageCandidate).findFirst().orElseThrow();
            target.wageSumEur = null;
            openWage = List.of(target);
        }
        Tender c = pick(openWage, rng).copy();
        double labourShare = c.type == ContractType.DIENSTEN ? 0.4 : 0.25;
        c.wageSumEur = Math.max(ref.socialReturnMinWageSumEur(), Math.round(c.valueEur * labourShare / 1000.0) * 1000L);
        c.mutated = exported.plusDays(intBetween(rng, 14, 60));
        result.add(c);
        changes.add(new Rectification(c.publicationId, "Loonsom empty -> " + formatEuros(c.wageSumEur, 2)
            + " (" + c.type.label + ", " + c.durationMonths + " months, Social return toegepast "
            + (c.socialReturn ? "Ja" : "Nee") + ")"));

        result.sort(Comparator.comparing(t -> t.publicationId));
        return result;
    }

    // ---- file formats ----

    private static Layout layoutFor(Department dept, int year, SplittableRandom rng) {
        String code = dept.code();
        // Buyers format money differently; each file has a habit, rows still vary (see Tender.moneyStyle).
        int moneyStyle = intBetween(rng, 0, 3);
        MinistryLabel label = switch (year + "-" + code) {
            case "2022-AZ", "2022-BZ", "2023-EZK" -> MinistryLabel.CODE;
            case "2023-JenV" -> MinistryLabel.MIXED;
            default -> MinistryLabel.FULL_NAME;
        };
        if (year == 2023 && "BZK".equals(code)) {
            return new Layout(true, ';', StandardCharsets.UTF_8, DUTCH_DATE, label, moneyStyle);
        }
        if (year == 2023 && "FIN".equals(code)) {
            return new Layout(false, ';', WINDOWS_1252, DUTCH_DATE, label, moneyStyle);
        }
        if (year == 2022 && ("IenW".equals(code) || "DEF".equals(code))) {
            return new Layout(false, ';', StandardCharsets.UTF_8, ISO_DATE, label, moneyStyle);
        }
        if (year == 2023 && "OCW".equals(code)) {
            return new Layout(false, ',', StandardCharsets.UTF_8, DUTCH_DATE, label, moneyStyle);
        }
        return new Layout(false, ';', StandardCharsets.UTF_8, DUTCH_DATE, label, moneyStyle);
    }

    /** The 28 column texts of one record as the export writes them. */
    private static List<String> values(Tender t, DateTimeFormatter dates) {
        List<String> v = new ArrayList<>(HEADER.size());
        v.add(t.publicationId);
        v.add(t.kenmerk);
        v.add(t.ministry);
        v.add(t.organisation);
        v.add(t.title);
        v.add(t.type.label);
        v.add(t.procedure);
        v.add(t.european ? "Europees" : "Nationaal");
        v.add(t.published.format(dates));
        v.add(t.awarded == null ? "" : t.awarded.format(dates));
        v.add(t.valueMissing ? "" : formatEuros(t.valueEur, t.moneyStyle));
        v.add(t.group.name());
        v.add(yesNo(t.criteria));
        v.add(t.ambition == null ? "" : t.ambition.label);
        v.addAll(Arrays.asList(t.themes));
        v.add(t.weightPct == null ? "" : Integer.toString(t.weightPct));
        v.add(yesNo(t.categoryManagement));
        v.add(t.rijksCategory == null ? "" : t.rijksCategory);
        v.add(yesNo(t.socialReturn));
        v.add(t.wageSumEur == null ? "" : formatEuros(t.wageSumEur, t.moneyStyle));
        v.add(Integer.toString(t.durationMonths));
        v.add(yesNo(t.isv));
        v.add(t.mutated.format(dates));
        t.overrides.forEach(v::set);
        return v;
    }

    private static String yesNo(boolean b) {
        return b ? "Ja" : "Nee";
    }

    /**
     * Dutch money text: 0 {@code € 1.250.000,00}, 1 {@code 1.250.000,00}, 2 {@code 1.250.000} (dots as thousands),
     * 3 {@code 1250000}.
     */
    static String formatEuros(long euros, int style) {
        String digits = Long.toString(euros);
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                grouped.append('.');
            }
            grouped.append(digits.charAt(i));
        }
        return switch (style) {
            case 0 -> "€ " + grouped + ",00";
            case 1 -> grouped + ",00";
            case 2 -> grouped.toString();
            default -> digits;
        };
    }

    private static void writeCsv(Path file, Layout layout, List<Tender> rows) throws IOException {
        CSVFormat format = CSVFormat.DEFAULT.builder()
            .setDelimiter(layout.delimiter())
            .setRecordSeparator("\n")
            // Unanswered cells are written as nothing at all, as exports do; the printer would otherwise quote an
            // empty first column ("") to keep the line from looking blank.
            .setNullString("")
            .get();
        // newBufferedWriter reports unmappable characters, so a name cp1252 cannot hold fails loudly.
        try (Writer writer = Files.newBufferedWriter(file, layout.charset());
             CSVPrinter printer = new CSVPrinter(writer, format)) {
            printer.printRecord(HEADER);
            for (Tender t : rows) {
                printer.printRecord(values(t, layout.dates()).stream().map(v -> v.isEmpty() ? null : v).toList());
            }
        }
    }

    private static void writeXlsx(Path file, List<Tender> rows) throws IOException {
        Tender first = rows.get(0);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            // A fixed creation date keeps the workbook metadata independent of when the samples were made.
            workbook.getProperties().getCoreProperties().setCreated(
                Optional.of(Date.from(Instant.parse((first.year + 1) + "-01-31T00:00:00Z"))));
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.createDataFormat().getFormat("dd-mm-yyyy"));
            CellStyle moneyStyle = workbook.createCellStyle();
            moneyStyle.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));

            Sheet sheet = workbook.createSheet("MVI-ZET export");
            sheet.createRow(0).createCell(0).setCellValue("MVI-zelfevaluatie export " + first.dept.fullName() + " "
                + first.year + " (aangemaakt 31-01-" + (first.year + 1) + ")");
            Row header = sheet.createRow(2);
            for (int i = 0; i < HEADER.size(); i++) {
                header.createCell(i).setCellValue(HEADER.get(i));
            }
            int r = 3;
            for (Tender t : rows) {
                Row row = sheet.createRow(r++);
                List<String> text = values(t, DUTCH_DATE);
                for (int col = 0; col < text.size(); col++) {
                    if (text.get(col).isEmpty()) {
                        continue;   // Excel leaves unanswered cells out altogether
                    }
                    Cell cell = row.createCell(col);
                    if (t.overrides.containsKey(col)) {
                        cell.setCellValue(text.get(col));
                        continue;
                    }
                    switch (col) {
                        case COL_PUBLISHED, COL_AWARDED, COL_MUTATED -> {
                            LocalDate d = col == COL_PUBLISHED ? t.published
                                : col == COL_AWARDED ? t.awarded : t.mutated;
                            cell.setCellValue(d);
                            cell.setCellStyle(dateStyle);
                        }
                        case COL_VALUE -> {
                            cell.setCellValue((double) t.valueEur);
                            cell.setCellStyle(moneyStyle);
                        }
                        case COL_WAGE_SUM -> {
                            cell.setCellValue((double) t.wageSumEur);
                            cell.setCellStyle(moneyStyle);
                        }
                        case COL_WEIGHT -> cell.setCellValue((double) t.weightPct);
                        case COL_DURATION -> cell.setCellValue((double) t.durationMonths);
                        default -> cell.setCellValue(text.get(col));
                    }
                }
            }
            workbook.write(out);
        }
    }

    /** Earlier items more likely (weight 1/(i+1)): a ministry's main buying organisation dominates its exports. */
    private static <T> T pickWeighted(List<T> items, SplittableRandom rng) {
        double[] weights = new double[items.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = 1.0 / (i + 1);
        }
        return items.get(weightedIndex(weights, rng));
    }

    private static int weightedIndex(double[] weights, SplittableRandom rng) {
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        double x = uniform(rng) * sum;
        int last = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] <= 0) {
                continue;
            }
            last = i;
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return last;
    }

    /** round(share x size) items of {@code pool}, chosen at random. */
    private static List<Tender> chooseExactly(List<Tender> pool, double share, SplittableRandom rng) {
        return chooseCount(pool, (int) Math.round(share * pool.size()), rng);
    }

    private static List<Tender> chooseCount(List<Tender> pool, int count, SplittableRandom rng) {
        List<Tender> shuffled = new ArrayList<>(pool);
        for (int i = shuffled.size() - 1; i > 0; i--) {
            Collections.swap(shuffled, i, intBetween(rng, 0, i));
        }
        return List.copyOf(shuffled.subList(0, Math.max(0, Math.min(count, shuffled.size()))));
    }

    /** The EU threshold of config/reference/eu_thresholds.csv in force at the start of the sample year. */
    private static long euThreshold(ContractType type, int year) {
        return ref.euThreshold(type == ContractType.WERKEN, LocalDate.of(year, 1, 1));
    }
}
