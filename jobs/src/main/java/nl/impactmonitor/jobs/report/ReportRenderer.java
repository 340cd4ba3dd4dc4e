package nl.impactmonitor.jobs.report;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the yearly progress report as self-contained HTML pages: an overview and one page per department and for the
 * whole government (8.2.5: publish progress per ministry, transparently). Pages carry their own CSS and inline SVG,
 * read in Dutch or English, and are byte-identical for the same data.
 */
public final class ReportRenderer {

    /** Department codes become file names, so they must be plain (AZ, IenW, KGG, RIJK). */
    private static final Pattern FILE_CODE = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,31}");
    private static final Locale DUTCH = Locale.forLanguageTag("nl-NL");

    /** Every template a page is made of (the pages' own and the fragments they include). */
    private static final List<String> TEMPLATES = List.of("index", "department", "category", "fragments");
    /** Serialises view models for their fingerprints: records by their components, lists and maps in their own order. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TemplateEngine engine;
    private final byte[] templatesAndLegend;

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
        templatesAndLegend = templatesAndLegend();
    }

    /**
     * The bytes of the templates and the status legend, part of every page's fingerprint: a page is rendered anew when
     * its layout changes, even under the same code version (a template edited in a working copy).
     */
    private static byte[] templatesAndLegend() {
        MessageDigest md = sha256();
        for (String template : TEMPLATES) {
            try (var in = ReportRenderer.class.getClassLoader().getResourceAsStream("templates/report/" + template + ".html")) {
                if (in == null) {
                    throw new IllegalStateException("template missing: " + template);
                }
                md.update(in.readAllBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        md.update(JSON.writeValueAsBytes(Status.legend()));
        return md.digest();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Whether a page can be taken over from the previous publication instead of rendered: records the page's
     * fingerprint and, when the previous publication's page had the same one, links that file in as {@code file} of the
     * report folder and says so.
     */
    @FunctionalInterface
    public interface PageReuse {

        /** Nothing to reuse: every page is rendered. */
        PageReuse NONE = (file, fingerprint) -> false;

        boolean linkIfUnchanged(String file, String fingerprint) throws IOException;
    }

    /** The report's files (sorted) and how many of its pages were rendered and how many linked unchanged. */
    public record Rendering(List<Path> files, int rendered, int linked) {
    }

    /**
     * Writes index.html (overview), one <CODE>.html per department plus RIJK.html and one category-<code>.html per
     * procurement category into dir; returns files written, sorted.
     */
    public List<Path> render(ReportData data, Path dir) throws IOException {
        return render(data, dir, PageReuse.NONE).files();
    }

    /**
     * Like {@link #render(ReportData, Path)}, but a page whose fingerprint (see {@link #fingerprint}) {@code reuse}
     * knows from the previous publication is linked instead of rendered: a one-partition rerun renders the pages whose
     * figures changed, not all 352 of the national report.
     */
    public Rendering render(ReportData data, Path dir, PageReuse reuse) throws IOException {
        List<DepartmentPage> departments = ReportPages.allPages(data);
        checkCodes(departments);
        for (CategoryPage category : data.categories()) {
            if (!FILE_CODE.matcher(category.code()).matches()) {
                throw new IllegalArgumentException("category code cannot name a report page: " + category.code());
            }
        }
        Files.createDirectories(dir);
        // Every page's view model and fingerprint first; pages are independent, so on all cores.
        List<Page> pages = new ArrayList<>();
        pages.add(page("index.html", "index", ReportPages.overview(data), data.sampleData()));
        pages.addAll(departments.parallelStream()
                .map(d -> page(d.code() + ".html", "department", ReportPages.department(data, d), data.sampleData())).toList());
        // one page per government-wide procurement category, for its category manager (marts.rpt_category_*)
        pages.addAll(data.categories().parallelStream().map(c -> page(c.href(), "category", c, data.sampleData())).toList());
        // Then, one page at a time (the reuse's bookkeeping is not thread-safe), link what did not change ...
        List<Page> changed = new ArrayList<>();
        for (Page page : pages) {
            if (!reuse.linkIfUnchanged(page.file(), page.fingerprint())) {
                changed.add(page);
            }
        }
        // ... and render the rest, again on all cores (the engine is thread-safe). Thymeleaf's compiled Spring EL
        // defines its classes in the thread's context class loader; the common pool's threads have the JVM's, which
        // in the packaged jar cannot see spring-expression (NoClassDefFoundError CompiledExpression failed the
        // README's nightly whenever a pool thread compiled first), so each render runs with this class's loader.
        ClassLoader own = ReportRenderer.class.getClassLoader();
        try {
            changed.parallelStream().forEach(page -> {
                Thread thread = Thread.currentThread();
                ClassLoader before = thread.getContextClassLoader();
                thread.setContextClassLoader(own);
                try {
                    write(dir.resolve(page.file()), page);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } finally {
                    thread.setContextClassLoader(before);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
        List<Path> written = new ArrayList<>(pages.stream().map(p -> dir.resolve(p.file())).toList());
        written.sort(null);
        return new Rendering(List.copyOf(written), changed.size(), pages.size() - changed.size());
    }

    /** A page to write: its file in the report folder, template, view model and the fingerprint of all it shows. */
    private record Page(String file, String template, Object view, boolean sampleData, String fingerprint) {

        /** What the colophon shows: the page's own version, which changes exactly when what the page shows changes. */
        String version() {
            return "p-" + fingerprint.substring(0, 12);
        }
    }

    private Page page(String file, String template, Object view, boolean sampleData) {
        return new Page(file, template, view, sampleData, fingerprint(template, view, sampleData));
    }

    /**
     * A page's fingerprint: sha256 of everything the template is given (the view model as JSON, the sample-data flag,
     * the status legend) and of the templates themselves. Nothing that changes with every load is in a view model (the
     * data version and run id are not shown on pages), so a page's fingerprint changes only when the page would.
     */
    String fingerprint(String template, Object view, boolean sampleData) {
        MessageDigest md = sha256();
        md.update(templatesAndLegend);
        md.update((template + '\n' + sampleData + '\n').getBytes(StandardCharsets.UTF_8));
        // streamed into the digest: a national page's JSON is about 400 kB, most of it the shared data dictionary
        JSON.writeValue(new DigestOutputStream(OutputStream.nullOutputStream(), md), view);
        return HexFormat.of().formatHex(md.digest());
    }

    private void write(Path file, Page page) throws IOException {
        Context context = new Context(DUTCH);
        context.setVariable("page", page.view());
        // a publication that loaded a bundled sample file says so on every page: its figures are not real
        context.setVariable("sampleData", page.sampleData());
        // every page's appendix explains every status (docs/goals.md has the same table)
        context.setVariable("statusLegend", Status.legend());
        context.setVariable("pageVersion", page.version());
        String html = engine.process(page.template(), context);
        Files.writeString(file, html, StandardCharsets.UTF_8);
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
