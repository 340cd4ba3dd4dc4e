package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import nl.impactmonitor.jobs.report.ReportData.ProgressPoint;
import nl.impactmonitor.jobs.report.ReportData.ProgressSeries;
import nl.impactmonitor.jobs.report.ReportData.SpendYear;

/**
 * Geometry of the report's inline SVG charts. The templates only draw what is computed here; every coordinate is a
 * pre-formatted string so the markup is the same on every machine (StrictMath, fixed decimals, no locale).
 */
final class SvgCharts {

    private SvgCharts() {
    }

    /** A value label at a position; {@code text.nl()} equals {@code text.en()} when it is language-neutral. */
    record Label(String x, String y, String anchor, Text text) {

        public boolean neutral() {
            return text.nl().equals(text.en());
        }
    }

    /** An axis tick: its position along the axis and its label. */
    record Tick(String pos, String label) {
    }

    // ---------------------------------------------------------------- spend per year (department page)

    record SpendChart(Text title, String width, String height, String left, String right, String top, String bottom,
                      Label unit, List<Tick> yTicks, List<SpendBand> bands, String yearY) {
    }

    /**
     * One year's min-max band with the midpoint. An unbounded band (staffel 13) is drawn solid only just past its
     * midpoint and then ends open, in a short dashed stretch of fixed length and an arrow, labelled "max onbegrensd":
     * its height suggests no maximum, none is invented.
     */
    record SpendBand(int year, String cx, boolean present, String x, String xr, String w, String y, String h,
                     boolean unbounded,
                     String dashY1, String dashY2, String arrow, String midY, String midX1, String midX2, Label max,
                     Label min, Label mid, Label noData) {
    }

    private static final double S_LEFT = 64, S_TOP = 56, S_PLOT_H = 200, S_BAND_W = 40, S_SLOT = 150;

    static SpendChart spendPerYear(List<Integer> years, List<SpendYear> totals, Text title) {
        Map<Integer, SpendYear> byYear = new TreeMap<>();
        for (SpendYear s : totals) {
            byYear.put(s.year(), s);
        }
        TreeSet<Integer> allYears = new TreeSet<>(years);
        allYears.addAll(byYear.keySet());
        int n = Math.max(allYears.size(), 1);
        double slot = Math.max(S_SLOT, (720 - S_LEFT - 16) / n);
        double width = S_LEFT + n * slot + 16;
        double bottom = S_TOP + S_PLOT_H;
        Scale scale = Scale.nice(0, spendCeiling(byYear.values()), 4, S_TOP, bottom);

        List<SpendBand> bands = new ArrayList<>();
        int i = 0;
        for (int year : allYears) {
            double cx = S_LEFT + slot * (i++ + 0.5);
            SpendYear s = byYear.get(year);
            if (s == null) {
                bands.add(new SpendBand(year, c(cx), false, null, null, null, null, null, false, null, null, null, null, null,
                        null, null, null, null,
                        new Label(c(cx), c(S_TOP + S_PLOT_H / 2), "middle", new Text("geen gegevens", "no data"))));
                continue;
            }
            double x = cx - S_BAND_W / 2;
            double yMin = scale.at(s.minEur());
            double yMid = scale.at(s.midEur());
            boolean unbounded = s.maxEur() == null;
            double yTop = unbounded ? Math.min(yMid, yMin) - OPEN_SOLID : scale.at(s.maxEur());
            double h = Math.max(yMin - yTop, 1);
            double yOpen = yTop - OPEN_DASH;
            Label max = unbounded
                    ? new Label(c(cx), c(yOpen - 16), "middle", new Text("max onbegrensd", "max unbounded"))
                    : new Label(c(cx), c(yTop - 6), "middle", Text.both("max " + Formats.eur(s.maxEur())));
            Label min = new Label(c(cx), c(yTop + h + 14), "middle", Text.both("min " + Formats.eur(s.minEur())));
            Label mid = new Label(c(cx + S_BAND_W / 2 + 6), c(yMid + 4), "start", Text.both(Formats.eur(s.midEur())));
            String arrow = unbounded
                    ? points(cx - 8, yOpen, cx + 8, yOpen, cx, yOpen - 10)
                    : null;
            bands.add(new SpendBand(year, c(cx), true, c(x), c(x + S_BAND_W), c(S_BAND_W), c(yTop), c(h), unbounded,
                    c(yOpen), c(yTop), arrow, c(yMid), c(x - 4), c(x + S_BAND_W + 4), max, min, mid, null));
        }
        List<Tick> ticks = scale.ticks(v -> Formats.number(v / 1_000_000d));
        return new SpendChart(title, c(width), c(bottom + 44), c(S_LEFT), c(width - 16), c(S_TOP), c(bottom),
                new Label("8", c(S_TOP - 30), "start", Text.both("€ mln")), ticks, bands, c(bottom + 32));
    }

    /** Length in pixels of an unbounded band's solid part above its midpoint, and of its dashed open end. */
    private static final double OPEN_SOLID = 10, OPEN_DASH = 22;

    /** Top of the value axis: the highest known maximum, or room for the open end above an unbounded midpoint. */
    private static double spendCeiling(Iterable<SpendYear> spend) {
        double hi = 1;
        for (SpendYear s : spend) {
            hi = Math.max(hi, s.midEur());
            hi = s.maxEur() != null ? Math.max(hi, s.maxEur()) : Math.max(hi, Math.max(s.midEur(), s.minEur()) * 1.2);
        }
        return hi;
    }

    // ---------------------------------------------------------------- spend per department (overview)

    record OverviewChart(Text title, String width, String height, String left, String right, String top,
                         String bottom, List<Tick> xTicks, String tickY, List<OverviewBand> rows, Label unit) {
    }

    record OverviewBand(String code, Label name, boolean present, String x, String w, String y, String h,
                        boolean unbounded, String openX1, String openX2, String yBottom, String arrow, Label open,
                        String midX, String midY1, String midY2, Label mid, Label noData) {
    }

    private static final double O_LEFT = 84, O_PLOT_W = 720, O_TOP = 16, O_ROW = 28, O_BAND_H = 12;

    /** Latest-year total spend of each department as horizontal min-max bands with the midpoint. */
    static OverviewChart spendPerDepartment(List<String> codes, Map<String, SpendYear> totals, Text title) {
        double right = O_LEFT + O_PLOT_W;
        double bottom = O_TOP + Math.max(codes.size(), 1) * O_ROW;
        Scale scale = Scale.nice(0, spendCeiling(totals.values()), 5, right, O_LEFT);
        List<OverviewBand> rows = new ArrayList<>();
        int i = 0;
        for (String code : codes) {
            double cy = O_TOP + O_ROW * (i++ + 0.5);
            Label name = new Label(c(O_LEFT - 10), c(cy + 4), "end", Text.both(code));
            SpendYear s = totals.get(code);
            if (s == null) {
                rows.add(new OverviewBand(code, name, false, null, null, null, null, false, null, null, null, null,
                        null, null, null, null, null,
                        new Label(c(O_LEFT + 6), c(cy + 4), "start", new Text("geen gegevens", "no data"))));
                continue;
            }
            boolean unbounded = s.maxEur() == null;
            double x = scale.at(s.minEur());
            double xMid = scale.at(s.midEur());
            double xMax = unbounded ? Math.max(xMid, x) + OPEN_SOLID : scale.at(s.maxEur());
            double xOpen = xMax + OPEN_DASH;
            String arrow = unbounded ? points(xOpen, cy - 7, xOpen, cy + 7, xOpen + 10, cy) : null;
            Label open = unbounded
                    ? new Label(c(xOpen + 14), c(cy + 4), "start", new Text("max onbegrensd", "max unbounded"))
                    : null;
            rows.add(new OverviewBand(code, name, true, c(x), c(Math.max(xMax - x, 1)), c(cy - O_BAND_H / 2),
                    c(O_BAND_H), unbounded, c(xMax), c(xOpen), c(cy + O_BAND_H / 2), arrow, open, c(xMid),
                    c(cy - O_BAND_H / 2 - 3), c(cy + O_BAND_H / 2 + 3),
                    new Label(c(right + 16), c(cy + 4), "start", Text.both(Formats.eur(s.midEur()))), null));
        }
        return new OverviewChart(title, c(right + 110), c(bottom + 36), c(O_LEFT), c(right), c(O_TOP), c(bottom),
                scale.ticks(v -> Formats.number(v / 1_000_000d)), c(bottom + 16), rows,
                new Label(c(right), c(bottom + 32), "end", Text.both("€ mln")));
    }

    // ---------------------------------------------------------------- footprint per impact segment (department page)

    record FootprintChart(Text title, String width, String height, String left, String right, String top,
                          String bottom, List<Tick> xTicks, String tickY, Label unit, Label midHeader,
                          Label rangeHeader, List<FootprintBar> rows) {
    }

    /**
     * One segment: a bar from zero to the midpoint and a whisker over the range (min to max). An unbounded range is
     * drawn like the spend bands: solid just past the midpoint, then open in a dashed stretch with an arrow.
     */
    record FootprintBar(String segment, Label name, String x, String w, String y, String h, String cy, String wx1,
                        String wx2, String capY1, String capY2, boolean unbounded, String openX2, String arrow,
                        Label mid, Label range) {
    }

    /** One segment's figures in kg as the chart needs them; {@code max == null}: unbounded. */
    record FootprintInput(String segment, Text name, BigDecimal min, BigDecimal mid, BigDecimal max) {
    }

    private static final double F_LEFT = 196, F_PLOT_W = 440, F_TOP = 28, F_ROW = 28, F_BAR_H = 14;

    /**
     * Footprint per segment as horizontal bars, with values divided by {@code factor} (kg per displayed unit) for
     * ticks and labels; {@code unit} names the displayed unit. Segments are drawn in the order given.
     */
    static FootprintChart footprint(List<FootprintInput> segments, double factor, Text unit, Text title) {
        double right = F_LEFT + F_PLOT_W;
        double bottom = F_TOP + Math.max(segments.size(), 1) * F_ROW;
        double hi = 1;
        for (FootprintInput f : segments) {
            double mid = value(f.mid());
            double min = value(f.min());
            hi = Math.max(hi, mid);
            hi = f.max() != null ? Math.max(hi, value(f.max())) : Math.max(hi, Math.max(mid, min) * 1.2);
        }
        Scale scale = Scale.nice(0, hi, 5, right, F_LEFT);
        List<FootprintBar> rows = new ArrayList<>();
        int i = 0;
        for (FootprintInput f : segments) {
            double cy = F_TOP + F_ROW * (i++ + 0.5);
            double xMid = scale.at(value(f.mid()));
            double xMin = scale.at(value(f.min()));
            boolean unbounded = f.max() == null;
            double xMax = unbounded ? Math.max(xMid, xMin) + OPEN_SOLID : scale.at(value(f.max()));
            double xOpen = xMax + OPEN_DASH;
            String arrow = unbounded ? points(xOpen, cy - 5, xOpen, cy + 5, xOpen + 8, cy) : null;
            String min = Formats.measure(scaled(f.min(), factor));
            Text range = unbounded
                    ? new Text(min + " – max onbegrensd", min + " – max unbounded")
                    : Text.both(min + " – " + Formats.measure(scaled(f.max(), factor)));
            rows.add(new FootprintBar(f.segment(), new Label(c(F_LEFT - 10), c(cy + 4), "end", f.name()),
                    c(F_LEFT), c(Math.max(xMid - F_LEFT, 0)), c(cy - F_BAR_H / 2), c(F_BAR_H), c(cy), c(xMin), c(xMax),
                    c(cy - 5), c(cy + 5), unbounded, c(xOpen), arrow,
                    new Label(c(right + 14), c(cy + 4), "start", Text.both(Formats.measure(scaled(f.mid(), factor)))),
                    new Label(c(right + 96), c(cy + 4), "start", range)));
        }
        return new FootprintChart(title, c(right + 270), c(bottom + 38), c(F_LEFT), c(right), c(F_TOP), c(bottom),
                scale.ticks(v -> Formats.number(v / factor)), c(bottom + 16),
                new Label(c(right), c(bottom + 34), "end", unit),
                new Label(c(right + 14), c(F_TOP - 10), "start", new Text("midden", "midpoint")),
                new Label(c(right + 96), c(F_TOP - 10), "start", new Text("bandbreedte (min – max)", "range (min – max)")),
                rows);
    }

    private static double value(BigDecimal v) {
        return v == null ? 0 : v.doubleValue();
    }

    /** kg divided by the display factor, exactly (factor is a power of ten). */
    private static BigDecimal scaled(BigDecimal kg, double factor) {
        return kg == null ? null : kg.divide(BigDecimal.valueOf(factor), java.math.MathContext.DECIMAL64);
    }

    // ---------------------------------------------------------------- input goal share against target

    record ShareBar(Text title, boolean present, String fillW, Label share, boolean shareInside, boolean hasTarget,
                    String targetX, Label target, boolean showZero, boolean showHundred, Label noData) {
    }

    private static final double B_LEFT = 8, B_WIDTH = 440;

    static ShareBar share(BigDecimal sharePct, BigDecimal targetPct, Text title) {
        boolean present = sharePct != null;
        double share = present ? clamp(sharePct.doubleValue()) : 0;
        double fillEnd = B_LEFT + B_WIDTH * share / 100;
        boolean inside = share > 80;
        Label shareLabel = present
                ? new Label(c(inside ? fillEnd - 6 : fillEnd + 6), "23", inside ? "end" : "start",
                        Text.both(Formats.pct(sharePct)))
                : null;
        Label noData = present ? null : new Label(c(B_LEFT + 10), "23", "start", new Text("geen gegevens", "no data"));
        boolean hasTarget = targetPct != null;
        double tx = hasTarget ? B_LEFT + B_WIDTH * clamp(targetPct.doubleValue()) / 100 : 0;
        Label target = hasTarget
                ? new Label(c(Math.min(Math.max(tx, B_LEFT + 40), B_LEFT + B_WIDTH - 40)), "48", "middle",
                        new Text("doel " + Formats.pct(targetPct), "target " + Formats.pct(targetPct)))
                : null;
        return new ShareBar(title, present, c(B_WIDTH * share / 100), shareLabel, inside, hasTarget, c(tx), target,
                !hasTarget || tx > B_LEFT + 90, !hasTarget || tx < B_LEFT + B_WIDTH - 90, noData);
    }

    private static double clamp(double pct) {
        return Math.max(0, Math.min(100, pct));
    }

    // ---------------------------------------------------------------- effect goal against its trajectory

    /**
     * {@code trajectory}: polyline points through the measured baseline, the interim goals, the yearly trajectory values
     * and the target, or null when there is no trajectory; {@code milestones}: interim goals, drawn as open squares.
     */
    record LineChart(Text title, Label unit, List<Tick> yTicks, List<Tick> xTicks, List<String> xTickMarks,
                     String zeroY, String trajectory, List<MilestoneMark> milestones,
                     boolean hasBaseline, String bx, String by, boolean hasTarget, String targetMarker,
                     Label targetLabel, List<String> segments, List<Dot> dots, Label noData, Label noBaseline) {

        public boolean hasTrajectory() {
            return trajectory != null;
        }
    }

    /** An interim goal on the chart: a target on the way, not a measurement. */
    record MilestoneMark(String x, String y, String tooltip) {
    }

    /** One measured year: a dot coloured by that year's status, with its value. */
    record Dot(String cx, String cy, String tone, Label value, String tooltip) {
    }

    static final double L_WIDTH = 380, L_HEIGHT = 216, L_LEFT = 60, L_RIGHT = 356, L_TOP = 32, L_BOTTOM = 170;

    /**
     * An input goal's share per year across every year of the report (the trend since the first year with data), as a
     * line against its target share (marked at the last year); a year without MVI-ZET data breaks the line. Input goals
     * have no baseline or trajectory, so no "no baseline" note either.
     */
    static LineChart shareTrend(List<ReportData.InputGoalRow> rows, List<Integer> years, Text title) {
        List<ProgressPoint> points = rows.stream().sorted(Comparator.comparingInt(ReportData.InputGoalRow::year))
                .map(r -> new ProgressPoint(r.year(), r.sharePct(), null, r.status())).toList();
        ReportData.InputGoalRow last = rows.stream().max(Comparator.comparingInt(ReportData.InputGoalRow::year)).orElseThrow();
        int lastYear = years.isEmpty() ? last.year() : Math.max(last.year(), years.get(years.size() - 1));
        ProgressSeries series = new ProgressSeries(last.goalId(), last.nameNl(), last.nameEn(), null, null, "%", "increase", null, null,
                last.targetPct() == null ? null : lastYear, last.targetPct(), last.status(), points, false, List.of(), false, null);
        LineChart c = progress(series, years, title);
        return new LineChart(c.title(), c.unit(), c.yTicks(), c.xTicks(), c.xTickMarks(), c.zeroY(), c.trajectory(), c.milestones(),
                c.hasBaseline(), c.bx(), c.by(), c.hasTarget(), c.targetMarker(), c.targetLabel(), c.segments(), c.dots(), c.noData(), null);
    }

    static LineChart progress(ProgressSeries goal, List<Integer> years, Text title) {
        List<ProgressPoint> points = goal.points().stream()
                .sorted(Comparator.comparingInt(ProgressPoint::year)).toList();
        TreeSet<Integer> dataYears = new TreeSet<>(years);
        points.forEach(p -> dataYears.add(p.year()));
        TreeSet<Integer> axisYears = new TreeSet<>(dataYears);
        if (goal.baselineYear() != null) {
            axisYears.add(goal.baselineYear());
        }
        goal.milestones().forEach(m -> axisYears.add(m.year()));
        if (goal.targetYear() != null) {
            axisYears.add(goal.targetYear());
        }
        int minYear = axisYears.first();
        int maxYear = Math.max(axisYears.last(), minYear + 1);

        double lo = 0, hi = 0;
        boolean any = false;
        List<BigDecimal> values = new ArrayList<>();
        points.forEach(p -> values.add(p.actual()));
        values.add(goal.baselineValue());
        values.add(goal.targetValue());
        goal.milestones().forEach(m -> values.add(m.value()));
        for (BigDecimal v : values) {
            if (v != null) {
                lo = Math.min(lo, v.doubleValue());
                hi = Math.max(hi, v.doubleValue());
                any = true;
            }
        }
        if (!any || hi == lo) {
            hi = lo + 1;
        }
        // headroom above the highest value, for the labels over the dots and the target
        hi += (hi - lo) * 0.08;
        Scale scale = Scale.nice(lo, hi, 4, L_TOP, L_BOTTOM);
        double factor = axisFactor(Math.max(Math.abs(scale.lo), Math.abs(scale.hi)));
        String unit = goal.unit() == null ? "" : goal.unit();
        String unitLabel = factor == 1 ? unit : ("× " + Formats.number(factor) + " " + unit).trim();
        XScale x = new XScale(minYear, maxYear);

        List<Tick> xTicks = new ArrayList<>();
        double lastX = Double.MAX_VALUE;
        for (int year : axisYears.descendingSet()) {
            double px = x.at(year);
            if (lastX - px >= 32) {
                xTicks.add(0, new Tick(c(px), Integer.toString(year)));
                lastX = px;
            }
        }
        List<String> tickMarks = axisYears.stream().map(yr -> c(x.at(yr))).toList();

        boolean hasBaseline = goal.baselineYear() != null && goal.baselineValue() != null;
        boolean hasTarget = goal.targetValue() != null && goal.targetYear() != null;
        double bx = hasBaseline ? x.at(goal.baselineYear()) : 0;
        double by = hasBaseline ? scale.at(goal.baselineValue().doubleValue()) : 0;
        double gx = goal.targetYear() == null ? 0 : x.at(goal.targetYear());
        // the trajectory runs through baseline, interim goals and target; the marts give its value for each data year
        TreeMap<Integer, Double> trajectoryPoints = new TreeMap<>();
        if (hasBaseline) {
            trajectoryPoints.put(goal.baselineYear(), goal.baselineValue().doubleValue());
        }
        goal.milestones().forEach(m -> trajectoryPoints.put(m.year(), m.value().doubleValue()));
        points.stream().filter(p -> p.trajectory() != null).forEach(p -> trajectoryPoints.put(p.year(), p.trajectory().doubleValue()));
        boolean anyTrajectory = points.stream().anyMatch(p -> p.trajectory() != null) || hasBaseline || !goal.milestones().isEmpty();
        if (hasTarget && anyTrajectory) {
            trajectoryPoints.put(goal.targetYear(), goal.targetValue().doubleValue());
        }
        String trajectory = trajectoryPoints.size() < 2 || !hasTarget ? null
                : trajectoryPoints.entrySet().stream().map(e -> c(x.at(e.getKey())) + "," + c(scale.at(e.getValue())))
                        .collect(java.util.stream.Collectors.joining(" "));
        List<MilestoneMark> milestoneMarks = goal.milestones().stream()
                .map(m -> new MilestoneMark(c(x.at(m.year()) - 3.5), c(scale.at(m.value().doubleValue()) - 3.5),
                        "tussendoel " + m.year() + ": " + Formats.number(m.value()) + " " + unit + " / interim goal"))
                .toList();
        double gy = hasTarget ? scale.at(goal.targetValue().doubleValue()) : 0;
        String marker = hasTarget ? points(gx, gy - 7, gx + 7, gy, gx, gy + 7, gx - 7, gy) : null;
        Label targetLabel = null;
        if (hasTarget) {
            String value = Formats.number(goal.targetValue().doubleValue() / factor);
            double ly = gy - 12 < L_TOP - 4 ? gy + 20 : gy - 12;
            // a split government-wide goal: the department's share of the government-wide target
            targetLabel = new Label(c(gx - 4), c(ly), "end", goal.allocated()
                    ? new Text("aandeel in rijksdoel " + goal.targetYear() + ": " + value,
                            "share of the government-wide target " + goal.targetYear() + ": " + value)
                    : new Text("doel " + goal.targetYear() + ": " + value, "target " + goal.targetYear() + ": " + value));
        }

        List<String> segments = new ArrayList<>();
        List<Dot> dots = new ArrayList<>();
        StringBuilder segment = new StringBuilder();
        int segmentPoints = 0;
        Integer previousYear = null;
        String previousCode = null;
        for (ProgressPoint p : points) {
            // a reorganisation breaks the line: the figures before and after are those of different organisations
            boolean adjacent = previousYear != null && nextYearIn(dataYears, previousYear) == p.year()
                    && java.util.Objects.equals(previousCode, p.departmentCode());
            if (p.actual() == null || !adjacent) {
                if (segmentPoints > 1) {
                    segments.add(segment.toString());
                }
                segment.setLength(0);
                segmentPoints = 0;
            }
            if (p.actual() != null) {
                double px = x.at(p.year());
                double py = scale.at(p.actual().doubleValue());
                segment.append(segmentPoints == 0 ? "" : " ").append(c(px)).append(',').append(c(py));
                segmentPoints++;
                Status status = Status.of(p.status());
                String value = Formats.number(p.actual().doubleValue() / factor);
                dots.add(new Dot(c(px), c(py), status.tone(), new Label(c(px), c(py - 9), "middle", Text.both(value)),
                        p.year() + (p.departmentCode() == null ? "" : " (" + p.departmentCode() + ")") + ": "
                                + Formats.number(p.actual()) + " " + unit + " (" + status.label().nl() + " / "
                                + status.label().en() + ")"));
                previousYear = p.year();
                previousCode = p.departmentCode();
            } else {
                previousYear = null;
            }
        }
        if (segmentPoints > 1) {
            segments.add(segment.toString());
        }
        Label noData = dots.isEmpty()
                ? new Label(c((L_LEFT + L_RIGHT) / 2), c((L_TOP + L_BOTTOM) / 2), "middle",
                        new Text("geen gegevens", "no data"))
                : null;
        Label noBaseline = trajectory != null || hasBaseline ? null
                : new Label(c(L_RIGHT), c(L_TOP - 16), "end",
                        new Text("geen nulmeting, dus geen traject", "no baseline, so no trajectory"));
        String zeroY = scale.lo < 0 ? c(scale.at(0)) : null;
        return new LineChart(title, new Label("8", c(L_TOP - 16), "start", Text.both(unitLabel)),
                scale.ticks(v -> Formats.number(v / factor)), xTicks, tickMarks, zeroY, trajectory, milestoneMarks,
                hasBaseline, c(bx), c(by), hasTarget, marker, targetLabel, segments, dots, noData,
                noBaseline);
    }

    /** The report year after {@code year}: the line joins only neighbouring years, a missing year breaks it. */
    private static int nextYearIn(TreeSet<Integer> years, int year) {
        Integer next = years.higher(year);
        return next == null ? Integer.MIN_VALUE : next;
    }

    /** Large quantities are shown in thousands or millions so axis labels stay short. */
    private static double axisFactor(double absMax) {
        if (absMax >= 10_000_000) {
            return 1_000_000;
        }
        return absMax >= 10_000 ? 1_000 : 1;
    }

    private record XScale(int minYear, int maxYear) {

        double at(int year) {
            return L_LEFT + (L_RIGHT - L_LEFT) * (year - minYear) / (maxYear - minYear);
        }
    }

    /** A linear value axis with "nice" round ticks, mapped onto pixels from {@code pxLo} (value lo) to {@code pxHi}. */
    private record Scale(double lo, double hi, double step, double pxHi, double pxLo) {

        static Scale nice(double lo, double hi, int ticks, double pxHi, double pxLo) {
            double step = niceStep((hi - lo) / ticks);
            double niceLo = StrictMath.floor(lo / step) * step;
            double niceHi = StrictMath.ceil(hi / step) * step;
            if (niceHi <= niceLo) {
                niceHi = niceLo + step;
            }
            return new Scale(niceLo, niceHi, step, pxHi, pxLo);
        }

        double at(double v) {
            return pxLo + (pxHi - pxLo) * (v - lo) / (hi - lo);
        }

        List<Tick> ticks(java.util.function.DoubleFunction<String> label) {
            List<Tick> ticks = new ArrayList<>();
            long count = StrictMath.round((hi - lo) / step);
            for (long i = 0; i <= count; i++) {
                double v = lo + i * step;
                ticks.add(new Tick(c(at(v)), label.apply(v)));
            }
            return ticks;
        }

        private static double niceStep(double raw) {
            if (!(raw > 0)) {
                return 1;
            }
            double magnitude = StrictMath.pow(10, StrictMath.floor(StrictMath.log10(raw)));
            double f = raw / magnitude;
            double nice = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
            return nice * magnitude;
        }
    }

    private static String points(double... xy) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < xy.length; i += 2) {
            sb.append(i == 0 ? "" : " ").append(c(xy[i])).append(',').append(c(xy[i + 1]));
        }
        return sb.toString();
    }

    private static String c(double v) {
        return Formats.coord(v);
    }
}
