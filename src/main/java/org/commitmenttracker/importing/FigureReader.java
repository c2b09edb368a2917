package org.commitmenttracker.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;

/**
 * Reads the quantitative figures of one sentence of a letter (half-width text): "1.05万套" = 10500 套, "3350.88万元"
 * kept in 万元, "不高于5%" a DECREASE percentage, "年内建设95处,即全市长者食堂总数达到154处" a total of 154 from a
 * baseline of 59, "在保持24小时回应率100%基础上" a level to keep (baseline 100). Ranges and per-unit figures ("每个区县2处")
 * are returned with a review note rather than guessed. Pure: no I/O.
 */
final class FigureReader {

    /** One figure: where it is in the sentence (start, end), what it says, and whether a person should check it. */
    record Figure(int start, int end, BigDecimal value, String unit, MeasureType measure, Direction direction,
            BigDecimal baseline, BigDecimal increment, boolean aspirational, String review) {
    }

    /** Units kept whole with their 万/亿 (amounts and areas are reported in them); other 万/亿 multiply the count. */
    private static final Set<String> SCALED_UNITS = Set.of("万元", "亿元", "万平方米", "万亩", "万吨", "万千瓦");
    private static final String UNITS = "万平方米|平方公里|平方米|公顷|公里|千米|万亩|亩|亿元|万元|元|万吨|吨|万千瓦|千瓦|人次"
            + "|处|所|套|户|家|名|个|宗|人|件|起|天|座|台|辆|条|间|张|场|次|批|栋|幢|株|棵|册|床|米";
    private static final String NUMBER = "(\\d+(?:\\.\\d+)?)";
    private static final Pattern FIGURE = Pattern.compile(NUMBER + "(万|亿)?(" + UNITS + "|%)");
    private static final Pattern RANGE = Pattern.compile(NUMBER + "(?:[-~至到])" + NUMBER + "(万|亿)?(" + UNITS + "|%)");
    private static final Pattern TOTAL = Pattern.compile(NUMBER + "(万|亿)?(" + UNITS + ")[,]?即[^,;。]{0,30}?(?:达到|达)"
            + NUMBER + "(万|亿)?(" + UNITS + ")");
    private static final Pattern CHANGE = Pattern.compile("(?:由|从)" + NUMBER + "(万|亿)?(" + UNITS + "|%)?"
            + "(提高|提升|增加|增长|扩大|降低|下降|减少|压减)(?:到|至)" + NUMBER + "(万|亿)?(" + UNITS + "|%)");
    /** "(合9651.56亩)": the same quantity in another unit, not a figure of its own. */
    private static final Pattern CONVERSION = Pattern.compile("\\(合[^)]*\\)");
    private static final Pattern PER_UNIT = Pattern.compile("(?:每个|每|各)(区县|区|县|市|镇|乡镇|街道|镇街|村|社区|学校|单位|企业|项目|医院)");
    private static final Pattern ORDINAL = Pattern.compile("第$|[A-Za-z]$");

    private FigureReader() {
    }

    static List<Figure> read(String sentence) {
        var text = blank(sentence, CONVERSION);
        var figures = new ArrayList<Figure>();
        var taken = new boolean[text.length()];
        var total = TOTAL.matcher(text);
        while (total.find()) {
            var increment = amount(total.group(1), total.group(2), total.group(3));
            var value = amount(total.group(4), total.group(5), total.group(6));
            if (increment.unit.equals(value.unit) && value.value.compareTo(increment.value) > 0) {
                figures.add(figure(text, total.start(4), total.end(), value, value.value.subtract(increment.value),
                        increment.value, null));
                mark(taken, total.start(), total.end());
            }
        }
        var change = CHANGE.matcher(text);
        while (change.find()) {
            if (overlaps(taken, change.start(), change.end())) {
                continue;
            }
            var value = amount(change.group(5), change.group(6), change.group(7));
            var figure = figure(text, change.start(5), change.end(), value,
                    new BigDecimal(change.group(1)), null, null);
            var down = change.group(4).matches("降低|下降|减少|压减");
            figures.add(new Figure(figure.start, figure.end, figure.value, figure.unit, figure.measure,
                    down ? Direction.DECREASE : Direction.INCREASE, figure.baseline, null, figure.aspirational, null));
            mark(taken, change.start(), change.end());
        }
        var range = RANGE.matcher(text);
        while (range.find()) {
            if (overlaps(taken, range.start(), range.end()) || ORDINAL.matcher(text.substring(0, range.start())).find()) {
                continue;
            }
            var upper = amount(range.group(2), range.group(3), range.group(4));
            figures.add(new Figure(range.start(), range.end(), null, upper.unit, upper.measure, direction(text,
                    range.start(), range.end()), null, null, text.substring(0, range.start()).contains("力争"),
                    "a range (" + range.group() + "): give the one value to reach"));
            mark(taken, range.start(), range.end());
        }
        var m = FIGURE.matcher(text);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end()) || ORDINAL.matcher(text.substring(0, m.start())).find()
                    || (m.start() > 0 && Character.isDigit(text.charAt(m.start() - 1)))) {
                continue;
            }
            var amount = amount(m.group(1), m.group(2), m.group(3));
            BigDecimal baseline = null;
            var before = text.substring(0, m.start());
            if (before.contains("保持") && text.indexOf("基础上", m.end()) >= 0) {
                baseline = amount.value;
            }
            figures.add(figure(text, m.start(), m.end(), amount, baseline, null, perUnit(before)));
        }
        figures.sort((a, b) -> Integer.compare(a.start, b.start));
        return figures;
    }

    /** The name the letter gives a figure, for matching ("建设“名医基层工作站”"), without its number and qualifiers. */
    static String strip(String clause) {
        var text = PER_UNIT.matcher(FIGURE.matcher(blank(clause, CONVERSION)).replaceAll("")).replaceAll("");
        return text.replaceAll("(由|从)?(提高|提升|增加|增长|扩大|降低|下降|减少|压减)(到|至)$", "")
                .replaceAll("不低于|不少于|不高于|不超过|控制在|达到|以上|以下|以内|力争|确保|计划|全市|年内|及时|全面|累计|其中", "")
                .replaceAll("\\s+", "")
                .replaceAll("^[,、;:。对在将]+|[,、;:。和及]+$", "");
    }

    private record Amount(BigDecimal value, String unit, MeasureType measure) {
    }

    private static Amount amount(String number, String scale, String unit) {
        var value = new BigDecimal(number);
        if (unit.equals("%")) {
            return new Amount(value, "%", MeasureType.PERCENT);
        }
        if (scale != null && SCALED_UNITS.contains(scale + unit)) {
            return new Amount(value, scale + unit, MeasureType.NUMBER);
        }
        if (scale != null) {
            value = value.multiply(scale.equals("万") ? BigDecimal.valueOf(10_000) : BigDecimal.valueOf(100_000_000));
            value = value.stripTrailingZeros();
            if (value.scale() < 0) {
                value = value.setScale(0);
            }
        }
        return new Amount(value, unit, MeasureType.NUMBER);
    }

    private static Figure figure(String text, int start, int end, Amount amount, BigDecimal baseline,
            BigDecimal increment, String review) {
        return new Figure(start, end, amount.value, amount.unit, amount.measure, direction(text, start, end), baseline,
                increment, text.substring(0, start).contains("力争"), review);
    }

    /** 不高于/不超过/以下/控制在 make a ceiling; everything else (不低于, 不少于, 以上, 达到, a bare figure) a floor. */
    private static Direction direction(String text, int start, int end) {
        var before = text.substring(Math.max(0, start - 6), start);
        var after = text.substring(end, Math.min(text.length(), end + 3));
        if (before.matches(".*(不高于|不超过|控制在|低于|少于|压减到|压减至|降低到|降至)$") && !before.endsWith("不低于")
                && !before.endsWith("不少于") || after.startsWith("以下") || after.startsWith("以内")) {
            return Direction.DECREASE;
        }
        return Direction.INCREASE;
    }

    private static String perUnit(String before) {
        var m = PER_UNIT.matcher(before);
        String found = null;
        while (m.find()) {
            found = m.group();
        }
        return found == null ? null : "a figure per unit (" + found + "): it is not a total; check what to report";
    }

    private static String blank(String text, Pattern pattern) {
        var m = pattern.matcher(text);
        var out = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                out.setCharAt(i, ' ');
            }
        }
        return out.toString();
    }

    private static void mark(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            taken[i] = true;
        }
    }

    private static boolean overlaps(boolean[] taken, int start, int end) {
        for (int i = start; i < end; i++) {
            if (taken[i]) {
                return true;
            }
        }
        return false;
    }
}
