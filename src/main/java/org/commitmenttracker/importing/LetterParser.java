package org.commitmenttracker.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.commitmenttracker.commitment.Responsibility;
import org.commitmenttracker.importing.ImportDocument.CommitmentDraft;
import org.commitmenttracker.importing.ImportDocument.DepartmentDraft;
import org.commitmenttracker.importing.ImportDocument.MeasureDraft;
import org.commitmenttracker.importing.ImportDocument.Warning;

/**
 * Reads the structure of a published commitment letter (整改承诺书): department headings, problems 一、二、… with their
 * sections (一)整改目标 (二)整改措施 (三)完成时限 (四)责任分工 in any order, numbered items, and the responsibility chain;
 * then {@link TargetFinder} reads targets and milestones from each problem. Site headers and footers are ignored;
 * whatever else it cannot place becomes a warning with its line. Pure: no I/O.
 */
public final class LetterParser {

    /** What a letter holds, and what could not be read. */
    public record Letter(List<DepartmentDraft> departments, List<Warning> warnings) {
    }

    enum Section {
        PROBLEM, GOAL, MEASURES, DEADLINES, RESPONSIBILITY
    }

    private static final Pattern DEPARTMENT = Pattern.compile(
            "^[\\p{IsHan}()“”]{2,30}(局|委|办|中心|委员会|办公室|厅|署|院|馆|站|处|集团|公司)$");
    private static final Pattern JURISDICTION = Pattern.compile("[市区县省州旗镇]");
    private static final Pattern PROBLEM = Pattern.compile("^([一二三四五六七八九十]{1,3})[、.](.+)$");
    private static final Pattern SECTION = Pattern.compile(
            "^(?:\\(([一二三四五六七八九十]{1,2})\\)|([一二三四五六七八九十]{1,2})[、.])?\\s*"
                    + "(整改目标|目标任务|工作目标|整改措施|工作措施|主要措施|具体措施|完成时限|完成时间|整改时限|时间安排|时限要求"
                    + "|责任分工|责任落实|责任单位及责任人)\\s*[:]?\\s*(.*)$");
    private static final Pattern UNKNOWN_SECTION = Pattern.compile("^\\(([一二三四五六七八九十]{1,2})\\)\\s*(.{1,20})$");
    private static final Pattern ITEM = Pattern.compile("^(\\d{1,3})\\s*[.、]\\s*(.*)$");
    private static final Pattern FOOTER = Pattern.compile(
            "版权所有|Copyright|©|ICP备|公网安备|主办[::]|承办[::]|技术支持|浏览次数|访问量|阅读次数|点击数|网站地图|联系我们"
                    + "|返回顶部|上一篇|下一篇|打印本页|关闭窗口|分享到|【打印】|【关闭】");
    private static final Pattern META = Pattern.compile(
            "^(发布时间|发布日期|文章来源|来源|作者|文章作者|浏览|阅读|字号)[::].*|^\\d{4}[-/.年]\\d{1,2}[-/.月]\\d{1,2}日?(\\s+\\d{1,2}:\\d{2}(:\\d{2})?)?$");

    /** Lines longer than this are no letter's: the resource refuses them. */
    public static final int MAX_LINE = 10_000;

    private LetterParser() {
    }

    /** Reads {@code text}; {@code year} is the round's year, the year of every date the letter writes without one. */
    public static Letter parse(String text, int year) {
        var lines = LetterText.lines(text);
        var warnings = new ArrayList<Warning>();
        var departments = new ArrayList<DepartmentBuilder>();
        DepartmentBuilder department = null;
        CommitmentBuilder commitment = null;
        boolean footer = false;
        for (int i = 0; i < lines.size(); i++) {
            var line = lines.get(i);
            var t = line.text();
            if (t.isEmpty() || footer) {
                continue;
            }
            if (FOOTER.matcher(t).find() || META.matcher(t).matches()) {
                footer = commitment != null;
                continue;
            }
            if (isDepartment(t) && nextIsProblem(lines, i)) {
                department = new DepartmentBuilder(line);
                departments.add(department);
                commitment = null;
                continue;
            }
            var section = SECTION.matcher(t);
            if (commitment != null && section.matches()) {
                commitment.section = sectionOf(section.group(3));
                if (!section.group(4).isEmpty()) {
                    commitment.add(line.from(section.start(4)), warnings);
                }
                continue;
            }
            var problem = PROBLEM.matcher(t);
            if (problem.matches() && (department != null || commitment == null && nextLooksLikeLetter(lines, i))) {
                if (department == null) {
                    warnings.add(new Warning(line.number(), line.raw(),
                            "a problem before any department heading: name its department in the preview"));
                    department = new DepartmentBuilder(null);
                    departments.add(department);
                }
                commitment = new CommitmentBuilder(line, LetterText.numeral(problem.group(1)),
                        LetterText.cut(line, problem.start(2), problem.end(2)).replaceAll("[。;]+$", ""));
                department.commitments.add(commitment);
                continue;
            }
            if (commitment == null) {
                // the site's header, the letter's title and its preamble: nothing to import
                continue;
            }
            var unknown = UNKNOWN_SECTION.matcher(t);
            if (unknown.matches() && !unknown.group(2).contains(",") && !unknown.group(2).contains("。")) {
                warnings.add(new Warning(line.number(), line.raw(),
                        "a section heading the import does not know; its lines are read as part of the section before"));
                continue;
            }
            commitment.add(line, warnings);
        }
        var drafts = new ArrayList<DepartmentDraft>();
        for (var d : departments) {
            var commitments = new ArrayList<CommitmentDraft>();
            for (var c : d.commitments) {
                commitments.add(c.build(year, warnings));
            }
            drafts.add(new DepartmentDraft(null, null, d.heading == null ? null : d.heading.text(), commitments,
                    d.heading == null ? null : d.heading.number(), d.heading == null ? null : d.heading.raw()));
        }
        warnings.sort((a, b) -> Integer.compare(a.line() == null ? 0 : a.line(), b.line() == null ? 0 : b.line()));
        return new Letter(drafts, warnings);
    }

    static boolean isDepartment(String text) {
        return DEPARTMENT.matcher(text).matches() && JURISDICTION.matcher(text).find();
    }

    private static boolean nextIsProblem(List<LetterText.Line> lines, int index) {
        for (int j = index + 1; j < lines.size(); j++) {
            if (!lines.get(j).text().isEmpty()) {
                return PROBLEM.matcher(lines.get(j).text()).matches();
            }
        }
        return false;
    }

    /** A 一、 line with no department before it opens a problem only when a section heading follows soon. */
    private static boolean nextLooksLikeLetter(List<LetterText.Line> lines, int index) {
        int seen = 0;
        for (int j = index + 1; j < lines.size() && seen < 6; j++) {
            if (!lines.get(j).text().isEmpty()) {
                if (SECTION.matcher(lines.get(j).text()).matches()) {
                    return true;
                }
                seen++;
            }
        }
        return false;
    }

    private static Section sectionOf(String name) {
        return switch (name) {
            case "整改目标", "目标任务", "工作目标" -> Section.GOAL;
            case "整改措施", "工作措施", "主要措施", "具体措施" -> Section.MEASURES;
            case "完成时限", "完成时间", "整改时限", "时间安排", "时限要求" -> Section.DEADLINES;
            default -> Section.RESPONSIBILITY;
        };
    }

    private static final class DepartmentBuilder {
        final LetterText.Line heading;
        final List<CommitmentBuilder> commitments = new ArrayList<>();

        DepartmentBuilder(LetterText.Line heading) {
            this.heading = heading;
        }
    }

    /** A numbered item (a measure, a deadline step): its number, first line and the lines it runs over. */
    static final class Item {
        final Integer seq;
        final List<LetterText.Line> lines = new ArrayList<>();

        Item(Integer seq, LetterText.Line first) {
            this.seq = seq;
            lines.add(first);
        }

        String raw() {
            var out = new StringBuilder();
            for (var l : lines) {
                out.append(out.isEmpty() ? "" : "\n").append(l.raw());
            }
            return out.toString();
        }
    }

    private static final class CommitmentBuilder {
        final LetterText.Line heading;
        final int seq;
        final String title;
        Section section = Section.PROBLEM;
        final List<LetterText.Line> problem = new ArrayList<>();
        final List<LetterText.Line> goal = new ArrayList<>();
        final List<Item> measures = new ArrayList<>();
        final List<LetterText.Line> deadlineLines = new ArrayList<>();
        final List<Item> deadlines = new ArrayList<>();
        final List<LetterText.Line> responsibilityLines = new ArrayList<>();

        CommitmentBuilder(LetterText.Line heading, int seq, String title) {
            this.heading = heading;
            this.seq = seq;
            this.title = title;
        }

        void add(LetterText.Line line, List<Warning> warnings) {
            switch (section) {
                case PROBLEM -> problem.add(line);
                case GOAL -> goal.add(line);
                case MEASURES -> addItem(measures, line);
                case DEADLINES -> {
                    deadlineLines.add(line);
                    if (TargetFinder.MEASURE_DEADLINE.matcher(line.text()).matches()) {
                        deadlines.add(new Item(null, line));
                    } else {
                        addItem(deadlines, line);
                    }
                }
                case RESPONSIBILITY -> {
                    if (ResponsibilityReader.read(line.text()).isEmpty()) {
                        warnings.add(new Warning(line.number(), line.raw(),
                                "no role (市政府分管领导, 部门主要负责人, 分管负责人, 责任科室, 责任人 …) on this line of 责任分工"));
                    } else {
                        responsibilityLines.add(line);
                    }
                }
            }
        }

        /** A line opening with the next number starts an item; others continue the item before, or start one. */
        private static void addItem(List<Item> items, LetterText.Line line) {
            var m = ITEM.matcher(line.text());
            int expected = items.isEmpty() || items.get(items.size() - 1).seq == null ? 1
                    : items.get(items.size() - 1).seq + 1;
            if (m.matches() && Integer.parseInt(m.group(1)) == expected && !m.group(2).isEmpty()) {
                items.add(new Item(expected, line.from(m.start(2))));
            } else if (!items.isEmpty() && items.get(items.size() - 1).seq != null && !m.matches()) {
                items.get(items.size() - 1).lines.add(line);
            } else {
                items.add(new Item(null, line));
            }
        }

        CommitmentDraft build(int year, List<Warning> warnings) {
            var measureDrafts = new ArrayList<MeasureDraft>();
            int next = 1;
            for (var item : measures) {
                int seq = item.seq == null ? next : item.seq;
                next = seq + 1;
                var first = item.lines.get(0);
                var text = item.raw();
                var title = LetterText.measureTitle(text);
                var body = title == null ? text : text.substring(title.length() + 1).strip();
                measureDrafts.add(new MeasureDraft(seq, title, body.isEmpty() ? text : body, null, first.number(),
                        first.raw()));
            }
            var responsibility = responsibility(warnings);
            var draft = new CommitmentDraft(null, seq, title, joined(problem), joined(goal), measureDrafts,
                    joined(deadlineLines), responsibility, List.of(), List.of(), heading.number(), heading.raw());
            if (goal.isEmpty() && measures.isEmpty() && deadlineLines.isEmpty()) {
                warnings.add(new Warning(heading.number(), heading.raw(),
                        "no 整改目标, 整改措施 or 完成时限 section found under this problem"));
            }
            return new TargetFinder(year, warnings).complete(draft, goal, measures, deadlines);
        }

        private Responsibility responsibility(List<Warning> warnings) {
            String cityLeader = null;
            String head = null;
            var leads = new ArrayList<String>();
            var offices = new ArrayList<String>();
            var persons = new ArrayList<String>();
            for (var line : responsibilityLines) {
                for (var entry : ResponsibilityReader.read(line.text())) {
                    for (var unsplit : entry.unsplit()) {
                        warnings.add(new Warning(line.number(), line.raw(), "'" + unsplit
                                + "' may hold several names written together; separate them in the preview if so"));
                    }
                    switch (entry.role()) {
                        case CITY_LEADER -> cityLeader = String.join("、", entry.names());
                        case DEPARTMENT_HEAD -> head = String.join("、", entry.names());
                        case LEAD_IN_CHARGE -> leads.addAll(entry.names());
                        case OFFICE -> offices.addAll(entry.names());
                        case PERSON -> persons.addAll(entry.names());
                    }
                }
            }
            return new Responsibility(cityLeader, head, leads, offices, persons);
        }

        private static String joined(List<LetterText.Line> lines) {
            if (lines.isEmpty()) {
                return null;
            }
            var out = new StringBuilder();
            for (var l : lines) {
                out.append(out.isEmpty() ? "" : "\n").append(l.raw());
            }
            return out.toString();
        }
    }
}
