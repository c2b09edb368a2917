package org.commitmenttracker.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the lines of a （四）责任分工 section: "市政府分管领导:毕红卫", "中小学建设分管负责人:高权,责任科室:发展规划科,责任人:高宁。",
 * several keys on one line, names split on "、" "," ";" (not inside quotes or parentheses; "各区县局、分局" stays one
 * collective), and persons written without a separator ("马万锐牛淑红") split where every part starts with a surname.
 * Pure: no I/O.
 */
final class ResponsibilityReader {

    enum Role {
        CITY_LEADER, DEPARTMENT_HEAD, LEAD_IN_CHARGE, OFFICE, PERSON
    }

    /** One key of a line and the names after it; {@code unsplit} holds what could not be split into names safely. */
    record Entry(Role role, List<String> names, List<String> unsplit) {
    }

    private static final Pattern KEY = Pattern.compile(
            "(市政府分管领导|市政府分管负责人|区政府分管领导|区政府分管负责人|县政府分管领导|县政府分管负责人|政府分管领导"
                    + "|部门主要负责人|单位主要负责人|主要负责人|分管负责人|分管副局长|分管局长|分管副主任|分管主任|分管领导"
                    + "|责任科室\\(单位\\)|责任处室\\(单位\\)|责任科室|责任处室|责任单位|责任部门|责任人)\\s*:");

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡"
            + "余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严"
            + "覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅"
            + "童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦"
            + "褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查"
            + "麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满闻位厉伊仝区郜海阚花权强帅屠豆朴盖练"
            + "廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜"
            + "印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由";
    private static final Set<String> COMPOUND_SURNAMES = Set.of("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟",
            "公孙", "慕容", "令狐", "夏侯", "长孙", "宇文", "司徒", "澹台", "端木", "独孤", "南宫", "西门");

    private ResponsibilityReader() {
    }

    /** The keyed entries of one line (half-width text); empty when the line has no key. */
    static List<Entry> read(String line) {
        var entries = new ArrayList<Entry>();
        var m = KEY.matcher(line);
        var starts = new ArrayList<int[]>();
        while (m.find()) {
            starts.add(new int[] { m.start(), m.end() });
        }
        for (int i = 0; i < starts.size(); i++) {
            int from = starts.get(i)[1];
            int to = i + 1 < starts.size() ? starts.get(i + 1)[0] : line.length();
            var key = line.substring(starts.get(i)[0], from).replaceAll("\\s*:$", "");
            var role = role(key);
            var value = trimValue(line.substring(from, to));
            var names = new ArrayList<String>();
            var unsplit = new ArrayList<String>();
            for (var name : split(value)) {
                if (role == Role.PERSON || role == Role.LEAD_IN_CHARGE) {
                    var persons = persons(name);
                    if (persons == null) {
                        unsplit.add(name);
                        names.add(name);
                    } else {
                        names.addAll(persons);
                    }
                } else {
                    names.add(name);
                }
            }
            entries.add(new Entry(role, names, unsplit));
        }
        return entries;
    }

    private static Role role(String key) {
        if (key.contains("政府分管")) {
            return Role.CITY_LEADER;
        }
        if (key.contains("主要负责人")) {
            return Role.DEPARTMENT_HEAD;
        }
        if (key.startsWith("分管")) {
            return Role.LEAD_IN_CHARGE;
        }
        return key.equals("责任人") ? Role.PERSON : Role.OFFICE;
    }

    /** The text between a key and the next one, without the separators and stops around it. */
    private static String trimValue(String value) {
        return value.replaceAll("^[\\s,;、。]+|[\\s,;、。]+$", "");
    }

    /** Splits on , ; 、 outside quotes and parentheses; a piece opening with 各 keeps its 、 ("各区县局、分局"). */
    static List<String> split(String value) {
        var pieces = new ArrayList<String>();
        for (var piece : splitOutside(value, ",;")) {
            if (piece.startsWith("各")) {
                pieces.add(piece);
            } else {
                pieces.addAll(splitOutside(piece, "、"));
            }
        }
        return pieces;
    }

    private static List<String> splitOutside(String value, String separators) {
        var out = new ArrayList<String>();
        int depth = 0;
        var current = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == '(' || c == '“' || c == '《' || c == '"') {
                depth += c == '"' && depth > 0 ? -1 : 1;
            } else if (c == ')' || c == '”' || c == '》') {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && separators.indexOf(c) >= 0) {
                add(out, current);
            } else {
                current.append(c);
            }
        }
        add(out, current);
        return out;
    }

    private static void add(List<String> out, StringBuilder current) {
        var piece = current.toString().strip();
        if (!piece.isEmpty()) {
            out.add(piece);
        }
        current.setLength(0);
    }

    /**
     * The persons in {@code name}: itself when it is one name (up to three characters, four with a compound surname,
     * or not all Chinese); else the one way to cut it into 2–3 character names that each start with a surname; null
     * when there is no such single way.
     */
    static List<String> persons(String name) {
        if (!name.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)
                || name.length() <= 3 || name.length() == 4 && COMPOUND_SURNAMES.contains(name.substring(0, 2))) {
            return List.of(name);
        }
        var cuts = new ArrayList<List<String>>();
        cut(name, new ArrayList<>(), cuts);
        return cuts.size() == 1 ? cuts.get(0) : null;
    }

    private static void cut(String rest, List<String> done, List<List<String>> cuts) {
        if (rest.isEmpty()) {
            cuts.add(List.copyOf(done));
            return;
        }
        for (int length = 2; length <= 4 && length <= rest.length(); length++) {
            var piece = rest.substring(0, length);
            boolean compound = COMPOUND_SURNAMES.contains(piece.substring(0, 2));
            boolean single = SURNAMES.indexOf(piece.charAt(0)) >= 0;
            if (compound && length >= 3 || single && length <= 3) {
                done.add(piece);
                cut(rest.substring(length), done, cuts);
                done.remove(done.size() - 1);
            }
        }
    }
}
