package nl.impactmonitor.jobs.landing;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * How a typed value (an XLSX numeric cell, a JSON number) is written into the text the loader reads, so that the
 * one text grammar of numbers (sql/migrations/V009, docs/sources/numbers.md) reads back exactly the value the cell
 * or the JSON held, and never the text Excel happened to show.
 */
public final class TypedValues {

    /** Text the grammar would take as ambiguous (thousands or decimals): one to three digits, a point, three digits. */
    private static final Pattern AMBIGUOUS = Pattern.compile("-?[1-9]\\d{0,2}\\.\\d{3}");

    private TypedValues() {
    }

    /**
     * A number as plain digits with a decimal point and no trailing zeros ({@code 0.5}, {@code 1250000},
     * {@code 2023}); {@code 12.345} gets a trailing zero ({@code 12.3450}) so the grammar reads it as a decimal.
     */
    public static String number(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        String plain = v.toPlainString();
        return AMBIGUOUS.matcher(plain).matches() ? plain + "0" : plain;
    }

    /** A number read from a double as its shortest exact decimal (what Excel stores: 12.345, not 12.3449999...). */
    public static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    /** Whether an Excel number format shows the value as a percentage (outside quoted text and escapes). */
    static boolean isPercentFormat(String formatString) {
        if (formatString == null) {
            return false;
        }
        String unquoted = formatString.replaceAll("\"[^\"]*\"", "").replaceAll("\\\\.", "");
        return unquoted.contains("%");
    }
}
