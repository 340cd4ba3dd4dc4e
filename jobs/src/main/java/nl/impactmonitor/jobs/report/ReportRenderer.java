package nl.impactmonitor.jobs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import nl.impactmonitor.jobs.report.ReportData.DepartmentPage;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Writes the yearly progress report as self-contained HTML pages: an overview and one page per department and for the
 * whole government (8.2.5: publish progress per ministry, transparently). Pages carry their own CSS and inline SVG,
 * read in Dutch or English, and are byte-identical for the same data.
 */
public final class ReportRenderer {

    /** Department codes become file names, so they must be plain (AZ, IenW, KGG, RIJK). */
    private static final Pattern FILE_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    private final TemplateEngine engine;

    public ReportRenderer() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(ReportRenderer.class.getClassLoader());
        resolver.setPrefix("templates/report/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        // Spring EL, compiled, rather than the default OGNL: OGNL looked up record accessors by reflection on every
        // evaluation (measured: most of the 13.5 s that 352 national-scale pages took went to Class.getMethods).
        SpringTemplateEngine spring = new SpringTemplateEngine();
        spring.setEnableSpringELCompiler(true);
        spring.setTemplateResolver(resolver);
        engine = spring;
    }

    /**
     * Writes index.html (overview), one <CODE>.html per department plus RIJK.html and one category-<code>.html per
     * procurement category into dir; returns files written, sorted.
     */
    public List<Path> render(ReportData data, Path dir) throws IOException {
        List<DepartmentPage> pages = ReportPages.allPages(data);
        checkCodes(pages);
        Files.createDirectories(dir);
        List<Path> written = new ArrayList<>();
        written.add(write(dir.resolve("index.html"), "index", ReportPages.overview(data), data.sampleData()));
        // Pages are independent and the engine is thread-safe: render them on all cores (351 pages at national scale).
        try {
            written.addAll(pages.parallelStream().map(page -> {
                try {
                    return write(dir.resolve(page.code() + ".html"), "department", ReportPages.department(data, page), data.sampleData());
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        // one page per government-wide procurement category, for its category manager (marts.rpt_category_*)
        for (CategoryPage category : data.categories()) {
            if (!FILE_CODE.matcher(category.code()).matches()) {
                throw new IllegalArgumentException("category code cannot name a report page: " + category.code());
            }
            written.add(write(dir.resolve(category.href()), "category", category, data.sampleData()));
        }
        written.sort(null);
        return List.copyOf(written);
    }

    private Path write(Path file, String template, Object page, boolean sampleData) throws IOException {
        Context context = new Context(DUTCH);
        context.setVariable("page", page);
        // a publication that loaded a bundled sample file says so on every page: its figures are not real
        context.setVariable("sampleData", sampleData);
        // every page's appendix explains every status (docs/goals.md has the same table)
        context.setVariable("statusLegend", Status.legend());
        String html = engine.process(template, context);
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static void checkCodes(List<DepartmentPage> pages) {
        Set<String> seen = new HashSet<>();
        for (DepartmentPage page : pages) {
            String code = page.code();
            if (code == null || !FILE_CODE.matcher(code).matches() || code.equalsIgnoreCase("index")) {
                throw new IllegalArgumentException("department code cannot name a report page: " + code);
            }
            // case-insensitive file systems would let IenW.html and IENW.html overwrite each other
            if (!seen.add(code.toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("department code appears twice in the report: " + code);
            }
        }
    }
}
