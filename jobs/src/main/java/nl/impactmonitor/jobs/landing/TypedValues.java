package nl.impactmonitor.jobs.landing;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How a typed value (an XLSX number or date cell, a JSON number) is written into the text the loader reads: marked, so
 * the validation queries take it as typed and never through the text grammar of numbers (docs/sources/numbers.md).
 * The mark is {@link #MARK} (U+FDD0, a Unicode noncharacter: reserved for a program's own use, never part of
 * delivered text); after it comes the value's canonical form, a number as plain digits with a decimal point
 * ({@code 0.5}, {@code 12.345}, {@code 2023}), a date as ISO ({@code 2023-03-31}). The SQL macros {@code is_typed},
 * {@code number_text}, {@code parse_date} and {@code typed_text} in sql/macros/ read it. So a typed value is never
 * ambiguous, gives no evidence of a column's notation for its text values, and is shown in rejects without the mark.
 * Text values never carry the mark: {@link #text} drops it from every text value a converter or {@link PhysicalLines}
 * writes.
 */
public final class TypedValues {

    /** The mark in front of a typed value (sql/macros/20_numbers.sql, {@code typed_mark()}). */
    public static final char MARK = '\uFDD0';

    private TypedValues() {
    }

    /**
     * A typed number, marked, in plain form without trailing zeros ({@code 0.5}, {@code 12.345}, {@code 1250000},
     * {@code 2023} for 2023.0).
     */
    public static String number(BigDecimal value) {
        return MARK + plain(value);
    }

    /** A number read from a double as its shortest exact decimal (what Excel stores: 12.345, not 12.3449999...), marked. */
    public static String number(double value) {
        return number(BigDecimal.valueOf(value));
    }

    /** A typed date, marked, as ISO. */
    public static String date(LocalDate value) {
        return MARK + value.toString();
    }

    /** A number's plain form: digits, a point when it has a fraction, no trailing zeros, no exponent. */
    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.scale() < 0) {
            v = v.setScale(0);
        }
        return v.toPlainString();
    }

    /** A text value as it may be written for the loader: any mark dropped, so text is never taken as typed. */
    public static String text(String value) {
        return value == null || value.indexOf(MARK) < 0 ? value : value.replace(String.valueOf(MARK), "");
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
