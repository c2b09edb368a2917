package org.commitmenttracker.importing;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the deadline phrases of a commitment letter ("8月底前", "二季度", "4-6月份", "年内", "长期坚持" …) as dates: the
 * one implementation of the date-reading rules written in the header of the demo data file, used by the letter import
 * and checked against every dated milestone of the demo data. Pure: no I/O, no clock.
 *
 * <p>Rules: a month means its last day; 上旬/中旬/下旬 the 10th, 20th and last day; a range of months its last month;
 * a quarter (and 季度末) its last day; 上半年 06-30, 下半年 and every year-level phrase (年底前, 年内, 全年, 年度, 2021年)
 * 12-31; a year written in the phrase (2022年6月底前) overrides the default year. 按季度 is one date per quarter end.
 * Routines (每月23日, 每季度…) and 长期坚持 are recognised but carry no date.
 */
public final class DeadlineReader {

    /** What kind of phrase was read; {@link #dated()} says whether it yields dates. */
    public enum Kind {
        DAY, TEN_DAYS, MONTH, MONTH_RANGE, QUARTER, HALF_YEAR, YEAR, QUARTERLY, ROUTINE, ONGOING;

        public boolean dated() {
            return this != ROUTINE && this != ONGOING;
        }

        /** Year-level phrases (年内, 全年, 2021年) date a figure but are no deadline of a measure of their own. */
        public boolean monthPrecise() {
            return dated() && this != YEAR;
        }
    }

    /** One phrase found in a text: where it is (start inclusive, end exclusive), as written, and its dates. */
    public record Reading(int start, int end, String phrase, Kind kind, List<LocalDate> dates) {

        /** The last date the phrase names (the deadline), or null for a routine or an ongoing duty. */
        public LocalDate date() {
            return dates.isEmpty() ? null : dates.get(dates.size() - 1);
        }
    }

    private static final String MONTH = "(1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])";
    private static final String YEAR = "(?:((?:19|20)\\d{2})年)?";
    private static final Map<Character, Integer> NUMERALS = Map.of('一', 1, '二', 2, '三', 3, '四', 4, '五', 5,
            '六', 6, '七', 7, '八', 8, '九', 9, '十', 10);

    private record Rule(Pattern pattern, BiFunction<Matcher, Integer, Reading> read) {
    }

    /** Tried at every position in this order; the longest match wins, so the specific rules come first. */
    private static final List<Rule> RULES = List.of(
            rule("每月\\d{1,2}[日号]", (m, y) -> reading(m, Kind.ROUTINE)),
            rule("(?:每|按)(?:个)?(?:周|月|两月|季度|季|年|半年)", (m, y) -> m.group().equals("按季度")
                    ? reading(m, Kind.QUARTERLY, quarterEnds(y)) : reading(m, Kind.ROUTINE)),
            rule("长期坚持|长期", (m, y) -> reading(m, Kind.ONGOING)),
            rule(YEAR + "从?" + MONTH + "月?份?(?:[-—–~至到])" + MONTH + "月(?:份|底前|底|末|前)?", (m, y) -> reading(m,
                    Kind.MONTH_RANGE, monthEnd(year(m, 1, y), month(m.group(3))))),
            rule(YEAR + "(1[0-2]|0?[1-9])月(\\d{1,2})[日号](?:前|之前)?", (m, y) -> day(m, y)),
            rule(YEAR + MONTH + "月(上旬|中旬|下旬)", (m, y) -> tenDays(m, y)),
            rule(YEAR + "(1[0-2]|0?[1-9])月?(?:底前|底|末前|末)", (m, y) -> reading(m, Kind.MONTH,
                    monthEnd(year(m, 1, y), Integer.parseInt(m.group(2))))),
            rule(YEAR + MONTH + "月(?:份|底前|底|末|前)", (m, y) -> reading(m, Kind.MONTH,
                    monthEnd(year(m, 1, y), month(m.group(2))))),
            rule(YEAR + "(1[0-2]|0?[1-9])月", (m, y) -> reading(m, Kind.MONTH,
                    monthEnd(year(m, 1, y), Integer.parseInt(m.group(2))))),
            rule(YEAR + "(?:第)?([一二三四1-4])季度(?:末|底)?(?:前)?", (m, y) -> reading(m, Kind.QUARTER,
                    monthEnd(year(m, 1, y), 3 * month(m.group(2))))),
            rule(YEAR + "(上半年|下半年)(?:末|底)?(?:前)?", (m, y) -> reading(m, Kind.HALF_YEAR,
                    monthEnd(year(m, 1, y), m.group(2).startsWith("上") ? 6 : 12))),
            rule("((?:19|20)\\d{2})年(?:底前|底|末|内|度)?(?!以来|以前|起)", (m, y) -> reading(m, Kind.YEAR,
                    monthEnd(Integer.parseInt(m.group(1)), 12))),
            rule("(?<![上下去明前])(?:年底前|年底|年末|年内|全年|本年度|年度|当年|今年)", (m, y) -> reading(m, Kind.YEAR,
                    monthEnd(y, 12))));

    private DeadlineReader() {
    }

    /** Every deadline phrase of {@code text}, in order, without overlaps; {@code year} is the year of undated phrases. */
    public static List<Reading> readAll(String text, int year) {
        var found = new ArrayList<Reading>();
        for (var rule : RULES) {
            var m = rule.pattern().matcher(text);
            while (m.find()) {
                if (m.end() > m.start() && !precededByDigit(text, m.start())) {
                    var r = rule.read().apply(m, year);
                    if (r != null) {
                        found.add(r);
                    }
                }
            }
        }
        found.sort(Comparator.comparingInt(Reading::start).thenComparing(r -> -(r.end() - r.start())));
        var kept = new ArrayList<Reading>();
        int covered = 0;
        for (var r : found) {
            if (r.start() >= covered) {
                kept.add(r);
                covered = r.end();
            }
        }
        return kept;
    }

    /** The deadline of {@code text}: the date of its first dated phrase (its last date, for 按季度), if any. */
    public static Optional<LocalDate> deadline(String text, int year) {
        return readAll(text, year).stream().filter(r -> r.kind().dated()).map(Reading::date).findFirst();
    }

    private static Rule rule(String regex, BiFunction<Matcher, Integer, Reading> read) {
        return new Rule(Pattern.compile(regex), read);
    }

    /** "12345" is no month: a phrase must not continue a longer number. */
    private static boolean precededByDigit(String text, int start) {
        return start > 0 && Character.isDigit(text.charAt(start - 1));
    }

    private static Reading reading(Matcher m, Kind kind, LocalDate... dates) {
        for (var date : dates) {
            if (date == null) {
                return null;
            }
        }
        return new Reading(m.start(), m.end(), m.group(), kind, List.of(dates));
    }

    private static Reading day(Matcher m, int defaultYear) {
        int year = year(m, 1, defaultYear);
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (day < 1 || day > YearMonth.of(year, month).lengthOfMonth()) {
            return null;
        }
        return reading(m, Kind.DAY, LocalDate.of(year, month, day));
    }

    private static Reading tenDays(Matcher m, int defaultYear) {
        var month = YearMonth.of(year(m, 1, defaultYear), month(m.group(2)));
        int day = switch (m.group(3)) {
            case "上旬" -> 10;
            case "中旬" -> 20;
            default -> month.lengthOfMonth();
        };
        return reading(m, Kind.TEN_DAYS, month.atDay(day));
    }

    private static int year(Matcher m, int group, int defaultYear) {
        return m.group(group) == null ? defaultYear : Integer.parseInt(m.group(group));
    }

    /** 1–12 written in digits or in Chinese numerals (十二 = 12). */
    private static int month(String written) {
        if (Character.isDigit(written.charAt(0))) {
            return Integer.parseInt(written);
        }
        if (written.length() == 1) {
            return NUMERALS.get(written.charAt(0));
        }
        return 10 + NUMERALS.get(written.charAt(1));
    }

    private static LocalDate monthEnd(int year, int month) {
        if (month < 1 || month > 12) {
            return null;
        }
        return YearMonth.of(year, month).atEndOfMonth();
    }

    private static LocalDate[] quarterEnds(int year) {
        return new LocalDate[] { monthEnd(year, 3), monthEnd(year, 6), monthEnd(year, 9), monthEnd(year, 12) };
    }
}
