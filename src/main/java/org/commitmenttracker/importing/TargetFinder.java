package org.commitmenttracker.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.commitmenttracker.importing.DeadlineReader.Kind;
import org.commitmenttracker.importing.DeadlineReader.Reading;
import org.commitmenttracker.importing.FigureReader.Figure;
import org.commitmenttracker.importing.ImportDocument.CommitmentDraft;
import org.commitmenttracker.importing.ImportDocument.MeasureDraft;
import org.commitmenttracker.importing.ImportDocument.MilestoneDraft;
import org.commitmenttracker.importing.ImportDocument.TargetDraft;
import org.commitmenttracker.importing.ImportDocument.Warning;
import org.commitmenttracker.importing.LetterParser.Item;
import org.commitmenttracker.target.Direction;
import org.commitmenttracker.target.MeasureType;

/**
 * Reads the targets and milestones of one problem of a letter, following the demo data's rules: every figure of the
 * goal, the measures and the dated steps is a candidate target; a step's figure is a milestone planning that target
 * (a rising series of steps — 4200, 7350, 10500 套 — plans one target); the same figure in the goal and in a step is
 * one target; issuing a named document (印发《…》), setting up a standard or system, and "全部/所有 …" are yes/no or
 * 100% targets; every dated step without a figure is a qualitative milestone. A target is due at its step's date, else
 * at a month named in its sentence, else at its measure's deadline, else at a year named in its sentence (年内), else
 * at the problem's last deadline. Pure: no I/O.
 */
final class TargetFinder {

    /** "第4、6、7项措施:12月底前", "第2-4项:长期坚持": a deadline line for some measures. */
    static final Pattern MEASURE_DEADLINE = Pattern.compile("^第([\\d、,和及\\-~至]+)项(?:措施)?\\s*:\\s*(.*)$");

    private static final Pattern DOC_BEFORE = Pattern.compile(
            "(印发|出台|制定|发布|编印|修订|颁布)(?:我市|全市|了)?((?:《[^》]{3,}》[和及、]?)+)");
    private static final Pattern DOC_AFTER = Pattern.compile("((?:《[^》]{3,}》[和及、]?)+)(?:的)?(制定出台|制定|出台|印发|发布)");
    private static final Pattern DOC_NOT = Pattern.compile("探索|依据|按照|根据|参照|已(?:印发|出台|制定|发布)");
    private static final Pattern STANDARD = Pattern.compile(
            "(制定出台|制定发布|制定|出台|建立|编制|发布|完成)(?!健全|完善|和完善)([^,;。《》]{2,40}?)(规范|标准|制度|办法|规划|条例|指南)");
    private static final Pattern ALL = Pattern.compile("(全部|所有)[^,;。]*?(建立|开放|实现|具备|发展成为|建成|达标|覆盖)");
    private static final Pattern DELIVERED = Pattern.compile("(开工|完工|建成|实现|开通|张贴|集中统一采购|联办|构建|全面开展)(?!手续|率|前)");
    private static final Pattern SHARE_OF_YEAR = Pattern.compile("全年任务的*(\\d+(?:\\.\\d+)?)%");
    private static final Pattern YEAR_TASK_DONE = Pattern.compile("全面完成.{0,12}任务");
    private static final Pattern TOPIC = Pattern.compile("^([^,;:。\\d]{2,14})。");
    private static final String CLAUSE_STOPS = ",;:。";
    private static final Pattern CLAUSE_VERB = Pattern.compile("(主体完工|开工建设|开工|完工|竣工|建成|投入使用|面向社会开放)\\s*$");
    private static final String[] QUARTERS = { "一季度", "二季度", "三季度", "四季度" };
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final int year;
    private final List<Warning> warnings;
    private final List<Candidate> candidates = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Map<Integer, LocalDate> measureDeadlines = new TreeMap<>();
    private final List<LocalDate> deadlineDates = new ArrayList<>();

    TargetFinder(int year, List<Warning> warnings) {
        this.year = year;
        this.warnings = warnings;
    }

    /** A possible target, before candidates that are one target are joined. */
    private static final class Candidate {
        MeasureType measure;
        String unit;
        BigDecimal value;
        BigDecimal baseline;
        BigDecimal increment;
        Direction direction = Direction.INCREASE;
        String name;
        /** What makes two candidates one target when it is equal: a document's title, a rule's noun, a figure's name. */
        String identity;
        String review;
        boolean aspirational;
        LocalDate stepDate;
        LocalDate monthDate;
        LocalDate yearDate;
        Integer measureSeq;
        int line;
        String source;
        Candidate joined;
        String key;
        LocalDate due;

        Candidate root() {
            return joined == null ? this : joined.root();
        }

        boolean isFigure() {
            return measure != MeasureType.BOOLEAN && value != null && identity == null;
        }
    }

    /** A dated step: it becomes a milestone, planning a candidate's target or (share) a part of the main target. */
    private record Step(LocalDate date, String description, Candidate candidate, BigDecimal planned, BigDecimal share,
            int line, String source) {
    }

    /** A piece of text with where it came from: the half-width text, the published text and the line. */
    private record Chunk(String text, String raw, int line, String sentenceRaw) {
        Chunk sub(int start, int end) {
            return new Chunk(text.substring(start, end), raw.substring(start, end), line, sentenceRaw);
        }
    }

    CommitmentDraft complete(CommitmentDraft draft, List<LetterText.Line> goal, List<Item> measures,
            List<Item> deadlines) {
        var deadlineSeeds = new ArrayList<Runnable>();
        for (var item : deadlines) {
            var first = item.lines.get(0);
            var perMeasure = MEASURE_DEADLINE.matcher(first.text());
            if (item.seq == null && perMeasure.matches()) {
                readMeasureDeadline(first, perMeasure.group(1), first.from(perMeasure.start(2)), draft.measures(),
                        deadlineSeeds);
            } else {
                readSteps(item, null);
            }
        }
        var measureDrafts = new ArrayList<MeasureDraft>();
        for (int i = 0; i < measures.size(); i++) {
            var m = draft.measures().get(i);
            var inText = readMeasure(measures.get(i), m.seq());
            var deadline = measureDeadlines.getOrDefault(m.seq(), inText);
            if (deadline != null) {
                measureDeadlines.putIfAbsent(m.seq(), deadline);
            }
            measureDrafts.add(new MeasureDraft(m.seq(), m.title(), m.text(), deadline, m.line(), m.source()));
        }
        for (var line : goal) {
            for (var sentence : sentences(chunk(line))) {
                readUndated(sentence, null, false);
            }
        }
        deadlineSeeds.forEach(Runnable::run);
        joinCandidates();
        var defaultDue = deadlineDates.stream().max(Comparator.naturalOrder()).orElse(LocalDate.of(year, 12, 31));
        var targets = targets(defaultDue);
        var milestones = milestones(targets);
        return new CommitmentDraft(null, draft.seq(), draft.title(), draft.problem(), draft.goal(), measureDrafts,
                draft.deadlineText(), draft.responsibility(), targets, milestones, draft.line(), draft.source());
    }

    // --- reading ---------------------------------------------------------------------------------------------

    private void readMeasureDeadline(LetterText.Line line, String refs, LetterText.Line rest,
            List<MeasureDraft> measures, List<Runnable> later) {
        var readings = DeadlineReader.readAll(rest.text(), year);
        var dated = readings.stream().filter(r -> r.kind().dated()).findFirst();
        if (dated.isEmpty()) {
            if (readings.isEmpty()) {
                warnings.add(new Warning(line.number(), line.raw(), "no date found for these measures"));
            }
            return;
        }
        var reading = dated.get();
        deadlineDates.add(reading.date());
        var known = new HashSet<Integer>();
        measures.forEach(m -> known.add(m.seq()));
        for (int seq : measureNumbers(refs)) {
            if (!known.contains(seq)) {
                warnings.add(new Warning(line.number(), line.raw(), "there is no measure " + seq + " in this problem"));
                continue;
            }
            measureDeadlines.put(seq, reading.date());
            var measure = measures.stream().filter(m -> m.seq() == seq).findFirst().orElseThrow();
            later.add(() -> {
                var prefix = reading.phrase() + "(第" + seq + "项):";
                boolean any = false;
                for (var c : candidates) {
                    if (Objects.equals(c.measureSeq, seq) && c.stepDate == null) {
                        steps.add(new Step(reading.date(), prefix + c.source, c, planned(c), null, line.number(),
                                line.raw()));
                        any = true;
                    }
                }
                if (!any) {
                    var what = measure.title() != null ? measure.title() : firstSentence(measure.text());
                    steps.add(new Step(reading.date(), prefix + what, null, null, null, line.number(), line.raw()));
                }
            });
        }
    }

    /** The dated steps of a 完成时限 item: segments opened by a date at the start of a clause. */
    private void readSteps(Item item, Integer measureSeq) {
        String topic = null;
        Segment last = null;
        var read = new ArrayList<Segment>();
        boolean any = false;
        boolean recognised = false;
        for (var line : item.lines) {
            var chunk = chunk(line);
            if (last == null && topic == null) {
                var t = TOPIC.matcher(chunk.text);
                if (t.find() && DeadlineReader.readAll(t.group(1), year).isEmpty()) {
                    topic = chunk.raw.substring(0, t.end());
                    chunk = chunk.sub(t.end(), chunk.text.length());
                }
            }
            for (var sentence : sentences(chunk)) {
                var readings = DeadlineReader.readAll(sentence.text, year);
                recognised |= !readings.isEmpty();
                var segments = segments(sentence, readings, false);
                if (segments.isEmpty()) {
                    if (last != null) {
                        last.more.add(sentence);
                    }
                    continue;
                }
                for (var s : segments) {
                    s.topic = topic;
                    any = true;
                }
                read.addAll(segments);
                last = segments.get(segments.size() - 1);
            }
        }
        steps(read, measureSeq);
        if (!any && !recognised) {
            var first = item.lines.get(0);
            warnings.add(new Warning(first.number(), first.raw(), "no date found in this 完成时限 text: no milestone"));
        }
    }

    /** Part of a sentence from a date phrase to the next one (or the sentence's end), with the text before it. */
    private static final class Segment {
        final Reading reading;
        final Chunk lead;
        final Chunk body;
        final List<Chunk> more = new ArrayList<>();
        String topic;

        Segment(Reading reading, Chunk lead, Chunk body) {
            this.reading = reading;
            this.lead = lead;
            this.body = body;
        }

        String description() {
            var out = new StringBuilder(topic == null ? "" : topic);
            if (lead != null) {
                out.append(lead.raw);
            }
            out.append(body.raw);
            for (var c : more) {
                out.append("。").append(c.raw);
            }
            return out.toString().replaceAll("[,;:]+$", "").strip();
        }

        List<Chunk> pieces() {
            var pieces = new ArrayList<Chunk>();
            if (lead != null) {
                pieces.add(lead);
            }
            pieces.add(body);
            pieces.addAll(more);
            return pieces;
        }
    }

    /**
     * The dated segments of a sentence: a date phrase opens one when it starts a clause; routines and ongoing duties
     * (每月23日, 长期坚持) open none. In a measure's text only month-precise phrases count: a measure's "年内" is no
     * deadline of its own.
     */
    private static List<Segment> segments(Chunk sentence, List<Reading> readings, boolean measureText) {
        var opening = new ArrayList<Reading>();
        for (var r : readings) {
            if (!atClauseStart(sentence.text, r.start())) {
                continue;
            }
            boolean counts = measureText
                    ? r.kind().monthPrecise() && r.kind() != Kind.DAY || r.phrase().startsWith("年底")
                    : r.kind().dated();
            if (counts) {
                opening.add(r);
            }
        }
        var segments = new ArrayList<Segment>();
        for (int i = 0; i < opening.size(); i++) {
            var r = opening.get(i);
            int end = i + 1 < opening.size() ? opening.get(i + 1).start() : sentence.text.length();
            var lead = segments.isEmpty() && r.start() > 0 ? sentence.sub(0, r.start()) : null;
            segments.add(new Segment(r, lead, sentence.sub(r.start(), end)));
        }
        return segments;
    }

    private static boolean atClauseStart(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || CLAUSE_STOPS.indexOf(text.charAt(i)) >= 0;
    }

    private void steps(List<Segment> segments, Integer measureSeq) {
        for (var s : segments) {
            var reading = s.reading;
            if (measureSeq == null) {
                deadlineDates.add(reading.date());
            }
            var description = s.description();
            int line = s.body.line;
            var source = s.body.sentenceRaw;
            if (reading.kind() == Kind.QUARTERLY) {
                for (int q = 0; q < 4; q++) {
                    steps.add(new Step(reading.dates().get(q), description + "(" + QUARTERS[q] + ")", null, null, null,
                            line, source));
                }
                continue;
            }
            var date = reading.date();
            int before = steps.size();
            var found = new ArrayList<Candidate>();
            for (var piece : s.pieces()) {
                var text = piece.text;
                var share = SHARE_OF_YEAR.matcher(text);
                if (share.find()) {
                    steps.add(new Step(date, description, null, null, new BigDecimal(share.group(1)), line, source));
                    text = text.substring(0, share.start()) + " ".repeat(share.end() - share.start())
                            + text.substring(share.end());
                } else if (YEAR_TASK_DONE.matcher(text).find() && FigureReader.read(text).isEmpty()) {
                    steps.add(new Step(date, description, null, null, HUNDRED, line, source));
                    continue;
                }
                found.addAll(read(new Chunk(text, piece.raw, piece.line, piece.sentenceRaw), s.topic, measureSeq,
                        true));
            }
            for (var c : found) {
                c.stepDate = date;
                steps.add(new Step(date, description, c, planned(c), null, line, source));
            }
            if (steps.size() == before) {
                steps.add(new Step(date, description, null, null, null, line, source));
            }
        }
    }

    /** A measure's text: its dated clauses are steps; the rest holds candidates. Returns its latest in-text date. */
    private LocalDate readMeasure(Item item, int seq) {
        LocalDate latest = null;
        for (var line : item.lines) {
            for (var sentence : sentences(chunk(line))) {
                var readings = DeadlineReader.readAll(sentence.text, year);
                var segments = segments(sentence, readings, true);
                if (segments.isEmpty()) {
                    readUndated(sentence, seq, true);
                    continue;
                }
                var first = segments.get(0);
                if (first.lead != null) {
                    readUndated(first.lead, seq, true);
                }
                for (var s : segments) {
                    latest = latest == null || s.reading.date().isAfter(latest) ? s.reading.date() : latest;
                }
                var withoutLead = new ArrayList<Segment>();
                for (var s : segments) {
                    withoutLead.add(new Segment(s.reading, null, s.body));
                }
                steps(withoutLead, seq);
            }
        }
        return latest;
    }

    /** Candidates of a sentence outside any dated segment; dated by the phrases of the sentence. */
    private void readUndated(Chunk sentence, Integer measureSeq, boolean measureText) {
        var assure = Pattern.compile("[,:]确保").matcher(sentence.text);
        if (assure.find()) {
            readUndated(sentence.sub(0, assure.start()), measureSeq, measureText);
            readUndated(sentence.sub(assure.start() + 1, sentence.text.length()), measureSeq, measureText);
            return;
        }
        LocalDate month = null;
        LocalDate year = null;
        for (var r : DeadlineReader.readAll(sentence.text, this.year)) {
            if (r.kind().monthPrecise() && r.kind() != Kind.DAY && month == null) {
                month = r.date();
            } else if (r.kind() == Kind.YEAR && year == null) {
                year = r.date();
            }
        }
        boolean deliveries = measureText && measureDeadlines.containsKey(measureSeq);
        for (var c : read(sentence, null, measureSeq, deliveries)) {
            c.monthDate = month;
            c.yearDate = year;
        }
    }

    /** The candidates of one piece of text: figures clause by clause, then documents, standards and "全部" states. */
    private List<Candidate> read(Chunk piece, String topic, Integer measureSeq, boolean deliveries) {
        var found = new ArrayList<Candidate>();
        var phrases = DeadlineReader.readAll(piece.text, year);
        int start = 0;
        for (int i = 0; i <= piece.text.length(); i++) {
            if (i == piece.text.length() || CLAUSE_STOPS.indexOf(piece.text.charAt(i)) >= 0
                    && !piece.text.startsWith("即", i + 1)) {
                if (i > start) {
                    found.addAll(readClause(piece, start, i, phrases, topic, measureSeq, deliveries));
                }
                start = i + 1;
            }
        }
        candidates.addAll(found);
        return found;
    }

    private List<Candidate> readClause(Chunk piece, int from, int to, List<Reading> phrases, String topic,
            Integer measureSeq, boolean deliveries) {
        var found = new ArrayList<Candidate>();
        var clause = new StringBuilder(piece.text.substring(from, to));
        for (var r : phrases) {
            for (int i = Math.max(r.start(), from); i < Math.min(r.end(), to); i++) {
                clause.setCharAt(i - from, ' ');
            }
        }
        var text = clause.toString();
        var figures = FigureReader.read(text);
        String previousName = null;
        boolean namedAfter = false;
        for (int f = 0; f < figures.size(); f++) {
            var figure = figures.get(f);
            int prevEnd = f == 0 ? 0 : figures.get(f - 1).end();
            int nextStart = f + 1 < figures.size() ? figures.get(f + 1).start() : text.length();
            var before = text.substring(prevEnd, figure.start());
            // "对407家规上工业企业、351家…": once a figure is named by what follows it, so are the next ones; and
            // "幼儿园全部新建项目和18所中小学…": a figure after a conjunction belongs to what follows it
            var name = namedAfter || before.matches(".*[和及与、]\\s*$") ? "" : FigureReader.strip(
                    figure.increment() == null ? before : before.substring(before.lastIndexOf('即') + 1));
            namedAfter = name.length() < 4;
            if (namedAfter) {
                name = (name + FigureReader.strip(text.substring(figure.end(), nextStart))).strip();
            }
            if (name.isEmpty() && previousName != null) {
                name = previousName;
            }
            var verb = CLAUSE_VERB.matcher(text);
            if (verb.find() && !name.isEmpty() && !name.endsWith(verb.group(1)) && !name.contains(verb.group(1))) {
                // "53处幼儿园、20所中小学…全部开工": the clause's last verb says what is counted
                name = name + verb.group(1);
            }
            previousName = name;
            var names = indicators(name, figure);
            for (var n : names) {
                found.add(figure(figure, n, topic, measureSeq, piece));
            }
        }
        if (figures.isEmpty()) {
            var c = deliverable(text, deliveries);
            if (c != null) {
                c.measureSeq = measureSeq;
                c.line = piece.line;
                c.source = piece.sentenceRaw;
                c.name = topic == null || c.name.startsWith("《") ? c.name : topicName(topic) + c.name;
                found.add(c);
            }
        }
        return found;
    }

    /** "投诉按时初查率、按时办结率和举报按时核查率100%": one percentage for each rate named. */
    private static List<String> indicators(String name, Figure figure) {
        if (figure.measure() == MeasureType.PERCENT) {
            var parts = name.split("[、和及]");
            boolean rates = parts.length > 1;
            for (var p : parts) {
                rates &= p.endsWith("率") && p.length() >= 2;
            }
            if (rates) {
                return List.of(parts);
            }
        }
        return List.of(name);
    }

    private Candidate figure(Figure figure, String name, String topic, Integer measureSeq, Chunk piece) {
        var c = new Candidate();
        c.measure = figure.measure();
        c.unit = figure.unit();
        c.value = figure.value();
        c.baseline = figure.baseline();
        c.increment = figure.increment();
        c.direction = figure.direction();
        c.review = figure.review();
        c.aspirational = figure.aspirational();
        var full = (topic == null ? "" : topicName(topic)) + name;
        if (full.endsWith("率") && c.measure != MeasureType.PERCENT) {
            full = full.substring(0, full.length() - 1);
        }
        c.name = full.isEmpty() ? c.unit : full;
        c.measureSeq = measureSeq;
        c.line = piece.line;
        c.source = piece.sentenceRaw;
        return c;
    }

    private static String topicName(String topic) {
        return topic.replaceAll("[。\\s]+$", "");
    }

    /** A yes/no or 100% target named by a clause without figures, if the clause promises one. */
    private static Candidate deliverable(String clause, boolean deliveries) {
        var doc = DOC_BEFORE.matcher(clause);
        boolean before = doc.find();
        var after = DOC_AFTER.matcher(clause);
        if ((before || after.find()) && !DOC_NOT.matcher(clause).find()) {
            var titles = before ? doc.group(2) : after.group(1);
            var verb = before ? doc.group(1) : after.group(2);
            var c = yesNo(titles.replaceAll("[和及、]$", "") + verb);
            c.identity = titles.substring(0, titles.indexOf('》') + 1);
            return c;
        }
        if (clause.contains("《") || clause.contains("探索")) {
            return null;
        }
        var standard = STANDARD.matcher(clause);
        if (standard.find()) {
            var noun = standard.group(2).replaceAll("^(我市|全市|市级)", "") + standard.group(3);
            var c = yesNo(noun + verbName(standard.group(1)));
            c.identity = noun.strip();
            return c;
        }
        var all = ALL.matcher(clause);
        if (all.find()) {
            var c = new Candidate();
            c.measure = MeasureType.PERCENT;
            c.unit = "%";
            c.value = HUNDRED;
            c.name = FigureReader.strip(clause) + "比例";
            c.identity = c.name;
            return c;
        }
        var delivered = DELIVERED.matcher(clause);
        while (delivered.find()) {
            if (deliveries || delivered.group().equals("全面开展")) {
                var c = yesNo(FigureReader.strip(clause).replaceAll("^(同步|积极|加快|督促|推进|推动|配合教育部门)", ""));
                c.identity = c.name;
                return c;
            }
        }
        return null;
    }

    private static String verbName(String verb) {
        return switch (verb) {
            case "建立" -> "建立";
            case "编制", "完成" -> "编制完成";
            default -> "出台";
        };
    }

    private static Candidate yesNo(String name) {
        var c = new Candidate();
        c.measure = MeasureType.BOOLEAN;
        c.unit = "项";
        c.value = BigDecimal.ONE;
        c.name = name.strip();
        return c;
    }

    private static BigDecimal planned(Candidate c) {
        return c.measure == MeasureType.BOOLEAN ? null : c.value;
    }

    // --- joining and dating ----------------------------------------------------------------------------------

    /**
     * Joins the candidates that are one target: an increment into its total (95 处 into 154 处); a rising series of
     * steps into its last step; a document, standard or state named twice; a goal's or measure's figure into the
     * step that states it, or into its first mention.
     */
    private void joinCandidates() {
        for (var total : candidates) {
            if (total.increment == null) {
                continue;
            }
            for (var c : candidates) {
                if (c != total && c.isFigure() && c.increment == null && c.unit.equals(total.unit)
                        && c.value.compareTo(total.increment) == 0) {
                    c.joined = total;
                }
            }
        }
        var series = new LinkedHashMap<String, List<Candidate>>();
        for (var c : candidates) {
            if ((c.joined == null || c.joined.increment != null) && c.stepDate != null && c.isFigure()) {
                series.computeIfAbsent(c.unit + "|" + c.name, k -> new ArrayList<>()).add(c);
            }
        }
        for (var group : series.values()) {
            group.sort(Comparator.comparing((Candidate c) -> c.stepDate));
            for (int i = group.size() - 2; i >= 0; i--) {
                var later = group.get(i + 1);
                var c = group.get(i);
                if (c.joined != null) {
                    continue;
                }
                if (c.value.compareTo(later.value) < 0 && c.stepDate.isBefore(later.stepDate)
                        || c.value.compareTo(later.value) == 0 && c.stepDate.equals(later.stepDate)) {
                    c.joined = later.root();
                }
            }
        }
        var byIdentity = new LinkedHashMap<String, Candidate>();
        for (var c : stepFirst()) {
            if (c.joined != null || c.value == null) {
                continue;
            }
            String identity = c.identity != null ? "i|" + c.identity
                    : c.measure == MeasureType.PERCENT ? "p|" + c.value.stripTrailingZeros().toPlainString() + "|" + c.name
                    : c.stepDate == null ? "n|" + c.value.stripTrailingZeros().toPlainString() + "|" + c.unit : null;
            if (identity == null) {
                continue;
            }
            var first = byIdentity.get(identity);
            if (first == null && c.stepDate == null && c.identity == null) {
                first = firstStepFigure(c);
            }
            if (first == null) {
                byIdentity.put(identity, c);
            } else if (first.root() != c) {
                c.joined = first.root();
            }
        }
    }

    /** Candidates of steps first, so that a goal's figure joins the step that dates it. */
    private List<Candidate> stepFirst() {
        var ordered = new ArrayList<Candidate>();
        candidates.stream().filter(c -> c.stepDate != null).forEach(ordered::add);
        candidates.stream().filter(c -> c.stepDate == null).forEach(ordered::add);
        return ordered;
    }

    private Candidate firstStepFigure(Candidate c) {
        return candidates.stream()
                .filter(s -> s.stepDate != null && s.isFigure() && s.unit.equals(c.unit)
                        && s.value.compareTo(c.value) == 0
                        && (c.measure != MeasureType.PERCENT || s.name.equals(c.name)))
                .min(Comparator.comparing((Candidate s) -> s.stepDate))
                .orElse(null);
    }

    private List<TargetDraft> targets(LocalDate defaultDue) {
        var roots = new ArrayList<Candidate>();
        for (var c : candidates) {
            if (c.joined == null) {
                roots.add(c);
            }
        }
        roots.sort(Comparator.comparingInt((Candidate c) -> c.line));
        var drafts = new ArrayList<TargetDraft>();
        int n = 0;
        for (var root : roots) {
            var members = candidates.stream().filter(c -> c.root() == root).toList();
            root.due = due(members, defaultDue);
            root.key = "t" + (++n);
            var notes = new LinkedHashMap<String, Boolean>();
            members.stream().sorted(Comparator.comparingInt((Candidate c) -> c.line)).forEach(c -> notes.put(c.source, true));
            var baseline = members.stream().map(c -> c.baseline).filter(Objects::nonNull).findFirst().orElse(null);
            var name = root.name + (members.stream().anyMatch(c -> c.aspirational) ? "(力争)" : "");
            var review = members.stream().map(c -> c.review).filter(Objects::nonNull).findFirst().orElse(null);
            drafts.add(new TargetDraft(null, root.key, limit(name, 200), root.unit, root.measure, root.direction,
                    baseline, root.value, LocalDate.of(Math.min(year, root.due.getYear()), 1, 1), root.due,
                    BigDecimal.ONE, limit(String.join("\n", notes.keySet()), 5000), review, root.line, root.source));
        }
        return drafts;
    }

    /** The best-founded date of a target's mentions: a step's, a month in its sentence, its measure's, a year, the default. */
    private LocalDate due(List<Candidate> members, LocalDate defaultDue) {
        LocalDate step = null;
        for (var c : members) {
            if (c.stepDate != null && (step == null || c.stepDate.isAfter(step))) {
                step = c.stepDate;
            }
        }
        if (step != null) {
            return step;
        }
        for (var pick : List.<Function<Candidate, LocalDate>>of(c -> c.monthDate,
                c -> c.measureSeq == null ? null : measureDeadlines.get(c.measureSeq), c -> c.yearDate)) {
            var date = members.stream().map(pick).filter(Objects::nonNull).max(Comparator.naturalOrder());
            if (date.isPresent()) {
                return date.get();
            }
        }
        return defaultDue;
    }

    private List<MilestoneDraft> milestones(List<TargetDraft> targets) {
        var main = mainTarget(targets);
        var drafts = new ArrayList<MilestoneDraft>();
        var seen = new HashSet<String>();
        var ordered = new ArrayList<>(steps);
        ordered.sort(Comparator.comparing(Step::date).thenComparingInt(Step::line));
        for (var s : ordered) {
            String key = null;
            BigDecimal planned = s.planned;
            if (s.candidate != null) {
                var root = s.candidate.root();
                key = root.key;
                if (root.increment != null && s.candidate != root && planned != null) {
                    // a step counting what is new toward a total: the level is the baseline plus it
                    planned = root.value.subtract(root.increment).add(planned);
                }
                if (root.measure == MeasureType.BOOLEAN || s.date.isAfter(root.due)) {
                    planned = null;
                }
            } else if (s.share != null && main != null) {
                key = main.key();
                var base = main.baseline() == null ? BigDecimal.ZERO : main.baseline();
                planned = base.add(main.targetValue().subtract(base).multiply(s.share)
                        .divide(HUNDRED, 6, RoundingMode.HALF_UP)).stripTrailingZeros();
                if (planned.scale() < 0) {
                    planned = planned.setScale(0);
                }
                if (s.date.isAfter(main.dueDate())) {
                    planned = null;
                }
            }
            var identity = s.date + "|" + key + "|" + (planned == null ? "" : planned.stripTrailingZeros().toPlainString())
                    + (key == null ? "|" + s.description : "");
            if (seen.add(identity)) {
                drafts.add(new MilestoneDraft(null, s.date, limit(s.description, 5000), key, planned, s.line,
                        s.source));
            }
        }
        return drafts;
    }

    /** The target a step's share of "the year's task" refers to: a total with a baseline, else the first count. */
    private static TargetDraft mainTarget(List<TargetDraft> targets) {
        return targets.stream().filter(t -> t.baseline() != null && t.measure() == MeasureType.NUMBER).findFirst()
                .orElse(targets.stream().filter(t -> t.measure() == MeasureType.NUMBER).findFirst().orElse(null));
    }

    // --- text helpers ----------------------------------------------------------------------------------------

    private static Chunk chunk(LetterText.Line line) {
        return new Chunk(line.text(), line.raw(), line.number(), line.raw());
    }

    /** The sentences of a chunk, split at 。 ; ! ?; each knows its published text as its source. */
    private static List<Chunk> sentences(Chunk chunk) {
        var out = new ArrayList<Chunk>();
        int start = 0;
        for (int i = 0; i <= chunk.text.length(); i++) {
            if (i == chunk.text.length() || "。;!?".indexOf(chunk.text.charAt(i)) >= 0) {
                if (i > start && !chunk.text.substring(start, i).isBlank()) {
                    var raw = chunk.raw.substring(start, Math.min(chunk.raw.length(), i + 1)).strip();
                    out.add(new Chunk(chunk.text.substring(start, i), chunk.raw.substring(start, i), chunk.line, raw));
                }
                start = i + 1;
            }
        }
        return out;
    }

    private static String firstSentence(String text) {
        int stop = text.indexOf('。');
        return stop < 0 ? text : text.substring(0, stop + 1);
    }

    private static List<Integer> measureNumbers(String refs) {
        var numbers = new ArrayList<Integer>();
        for (var part : refs.split("[、,和及]")) {
            var range = part.split("[-~至]");
            if (range.length == 2 && !range[0].isEmpty() && !range[1].isEmpty()) {
                int from = Integer.parseInt(range[0]);
                int to = Integer.parseInt(range[1]);
                for (int i = from; i <= to && i - from < 200; i++) {
                    numbers.add(i);
                }
            } else if (!part.isEmpty() && part.chars().allMatch(Character::isDigit)) {
                numbers.add(Integer.parseInt(part));
            }
        }
        return numbers;
    }

    private static String limit(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max);
    }
}
