package nl.impactmonitor.jobs.extract;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.impactmonitor.jobs.TestProject;
import nl.impactmonitor.jobs.landing.SourceFileLoader;
import nl.impactmonitor.jobs.landing.Source;
import nl.impactmonitor.warehouse.Warehouse;

/**
 * A small warehouse for the category view, figures checkable by hand (issue 20 item 1). Category Consumptieve
 * dienstverlening in 2023:
 * <ul>
 *   <li>spend: FIN's Catering total in staffel 6 (EUR 500,001 / 750,001 / 1,000,000); OCW's file has no totals, its
 *       Catering supplier lines are staffel 2 and 3 (10,001 + 50,001 = 60,002 / 30,001 + 75,001 = 105,002 /
 *       50,000 + 100,000 = 150,000); together 560,003 / 855,003 / 1,150,000. FIN's Facilitaire dienstverlening
 *       (staffel 5) maps to no category and counts nowhere.</li>
 *   <li>four tenders (services, category management, published March 2023, EU threshold 2023 EUR 140,000):
 *       T1 FIN catering, criteria significant, weight 50, social return yes (wage sum 300k, 24 months), ISV yes, EUR 2 mln;
 *       T2 FIN catering, no criteria, weight 20, social return no (400k, 36 months), ISV no, EUR 1 mln;
 *       T3 OCW catering, criteria basic, weight 60, social return yes (wage sum 100k: not in scope), ISV yes, EUR 500k;
 *       T4 OCW vending machines ("consumptieve  Dienstverlening" as written), criteria ambitious, weight and social
 *       return and ISV left open (wage sum 260k, 48 months), EUR 90k (below the threshold: ISV not in scope).</li>
 *   <li>one supplier result: FIN's electricity contract, 43,848.5 MWh in 2023, which the metric puts in Energie.</li>
 * </ul>
 */
public final class CategoryFixture {

    private CategoryFixture() {
    }

    public static Warehouse warehouse(Path dir) throws IOException {
        Warehouse w = TestProject.warehouse(dir);
        Path in = Files.createDirectories(dir.resolve("fixture"));
        Path fin = Files.writeString(in.resolve("inkoopdata-2023-FIN.csv"), """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                Ministerie van Financiën;2023;Catering;Totaal;6
                Ministerie van Financiën;2023;Catering;Bedrijfsrestaurants Nederland B.V.;6
                Ministerie van Financiën;2023;Facilitaire dienstverlening;Totaal;5
                Ministerie van Financiën;2023;Facilitaire dienstverlening;Schoon B.V.;5
                """);
        Path ocw = Files.writeString(in.resolve("inkoopdata-2023-OCW.csv"), """
                Ministerie;Jaar;Hoofdkostensoort;Leverancier;Staffel
                Ministerie van Onderwijs, Cultuur en Wetenschap;2023;Catering;Koffie en Co B.V.;2
                Ministerie van Onderwijs, Cultuur en Wetenschap;2023;Catering;Lunch Groep B.V.;3
                """);
        String header = "TenderNed publicatienummer;Kenmerk;Ministerie;Organisatie;Titel;Type opdracht;Procedure;Nationaal/Europees;"
                + "Publicatiedatum;Gunningsdatum;Geraamde waarde;MVI productgroep;MVI criteria toegepast;Ambitieniveau;Klimaat;Circulair;"
                + "Sociaal;Ketenverantwoordelijkheid;Milieu;Diversiteit en inclusie;Weging maatschappelijke impact (%);Categoriemanagement;"
                + "Rijksinkoopcategorie;Social return toegepast;Loonsom;Looptijd (maanden);ISV toegepast;Datum mutatie\n";
        Path tendersFin = Files.writeString(in.resolve("mvi-zet-2023-FIN.csv"), header + """
                900001;FIN/2023/0001;Ministerie van Financiën;Belastingdienst;Bedrijfsrestaurant;Diensten;Openbaar;Europees;01-03-2023;01-05-2023;2000000;Catering;Ja;Significant;;;;;;;50;Ja;Consumptieve dienstverlening;Ja;300000;24;Ja;01-05-2023
                900002;FIN/2023/0002;Ministerie van Financiën;Belastingdienst;Koffievoorziening;Diensten;Openbaar;Europees;02-03-2023;01-05-2023;1000000;Catering;Nee;;;;;;;;20;Ja;Consumptieve dienstverlening;Nee;400000;36;Nee;01-05-2023
                """);
        Path tendersOcw = Files.writeString(in.resolve("mvi-zet-2023-OCW.csv"), header + """
                900003;OCW/2023/0001;Ministerie van Onderwijs, Cultuur en Wetenschap;DUO;Bedrijfsrestaurant;Diensten;Openbaar;Europees;03-03-2023;01-05-2023;500000;Catering;Ja;Basis;;;;;;;60;Ja;Consumptieve dienstverlening;Ja;100000;12;Ja;01-05-2023
                900004;OCW/2023/0002;Ministerie van Onderwijs, Cultuur en Wetenschap;DUO;Automaten;Diensten;Openbaar;Europees;04-03-2023;01-05-2023;90000;Automaten;Ja;Ambitieus;;;;;;;;Ja;consumptieve  Dienstverlening;;260000;48;;01-05-2023
                """);
        Path results = Files.writeString(in.resolve("results-2023-FIN.csv"), """
                Contractnummer;Leverancier;KvK-nummer;Ministerie;Jaar;Periode van;Periode tot;Indicator;Waarde;Eenheid;Toelichting;Rapportagedatum
                FIN-2021-0760;Polderstroom Levering B.V.;08127736;Ministerie van Financiën;;01-01-2023;31-12-2023;Elektriciteitsverbruik;43.848,5;MWh;;26-03-2024
                """);
        Path work = dir.resolve("work");
        SourceFileLoader spend = new SourceFileLoader(w, Source.SPEND.spec(), TestProject.columns(Source.SPEND.token()), work);
        spend.load(fin, null, "spend-1");
        spend.load(ocw, null, "spend-2");
        SourceFileLoader tenders = new SourceFileLoader(w, Source.TENDER.spec(), TestProject.columns(Source.TENDER.token()), work);
        tenders.load(tendersFin, null, "tender-1");
        tenders.load(tendersOcw, null, "tender-2");
        new SourceFileLoader(w, Source.RESULT.spec(), TestProject.columns(Source.RESULT.token()), work).load(results, null, "results-1");
        w.models().buildAll();
        return w;
    }
}
