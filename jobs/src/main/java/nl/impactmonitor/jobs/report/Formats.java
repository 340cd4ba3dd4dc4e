package nl.impactmonitor.jobs.report;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Number formatting for the report. Display numbers use Dutch notation (1.234,5) with symbols fixed here rather
 * than taken from the JVM's locale data, so the same data gives byte-identical pages on every machine.
 */
final class Formats {

    private static final char MINUS = '\u2212';
    private static final String NBSP = "\u00a0";

    private Formats() {
    }

    /** Whole euros for display: "€ 5.001" below a million, "€ 3,0 mln" below ten million, else "€ 1.234 mln". */
    static String eur(long eur) {
        long abs = Math.abs(eur);
        if (abs < 1_000_000L) {
            return "€" + NBSP + decimal(BigDecimal.valueOf(eur), 0, 0);
        }
        int decimals = abs < 10_000_000L ? 1 : 0;
        return "€" + NBSP + decimal(BigDecimal.valueOf(eur).movePointLeft(6), decimals, decimals) + NBSP + "mln";
    }

    /** A measured value with as many decimals as its size warrants: 12.345, 123,4 or 1,23. */
    static String number(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal abs = value.abs();
        int max = abs.compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : abs.compareTo(BigDecimal.TEN) >= 0 ? 1 : 2;
        return decimal(value, 0, max);
    }

    /**
     * Like {@link #number(BigDecimal)}, but with its decimals always shown ("412,0"), so that the two ends of a range
     * read alike ("412,0 – 455,4").
     */
    static String measure(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        BigDecimal abs = value.abs();
        int decimals = abs.compareTo(BigDecimal.valueOf(1000)) >= 0 ? 0 : abs.compareTo(BigDecimal.TEN) >= 0 ? 1 : 2;
        return decimal(value, decimals, decimals);
    }

    static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    /** A share in percent with one decimal: "30,0%". */
    static String pct(BigDecimal value) {
        return value == null ? "–" : decimal(value, 1, 1) + "%";
    }

    /** A count with Dutch grouping: "12.345". */
    static String count(long n) {
        return decimal(BigDecimal.valueOf(n), 0, 0);
    }

    /** A gap with its sign always shown: "+2,5" or "−3". */
    static String signed(BigDecimal value) {
        if (value == null) {
            return "–";
        }
        String plain = number(value);
        return value.signum() > 0 ? "+" + plain : plain;
    }

    /** An SVG coordinate: one decimal, '.' as separator, whatever the default locale. */
    static String coord(double v) {
        double rounded = Math.round(v * 10.0) / 10.0;
        if (rounded == -0.0) {
            rounded = 0.0;
        }
        return rounded == Math.rint(rounded) ? Long.toString((long) rounded) : String.format(Locale.ROOT, "%.1f", rounded);
    }

    private static String decimal(BigDecimal value, int minFraction, int maxFraction) {
        DecimalFormatSymbols symbols = new DecimalFormatSymbols(Locale.ROOT);
        symbols.setGroupingSeparator('.');
        symbols.setDecimalSeparator(',');
        symbols.setMinusSign(MINUS);
        DecimalFormat format = new DecimalFormat("#,##0", symbols);
        format.setMinimumFractionDigits(minFraction);
        format.setMaximumFractionDigits(maxFraction);
        format.setRoundingMode(RoundingMode.HALF_UP);
        String s = format.format(value.setScale(maxFraction, RoundingMode.HALF_UP));
        // "−0" after rounding a tiny negative value reads as a sign error
        return s.equals(MINUS + "0") ? "0" : s;
    }
}
