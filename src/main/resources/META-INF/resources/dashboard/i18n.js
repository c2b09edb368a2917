// Labels of the dashboard in Chinese (the default) and English; data (names, titles) is shown as the API serves it.

const MESSAGES = {
  zh: {
    aside: '（{text}）',
    colon: '：',
    comma: '，',
    completionAt: '完成率（{quarter}）',
    statusCountsAt: '指标状态（{quarter}）',
    appTitle: '整改承诺进度',
    skip: '跳到正文',
    nav: '页面',
    filters: '筛选',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    overview: '批次总览',
    department: '部门详情',
    overdue: '逾期事项',
    round: '评议批次',
    quarter: '季度',
    verifiedOnly: '只计已核实的报告',
    knownAt: '截至录入日期',
    knownAtHint: '留空表示按目前所有报告',
    asOf: '逾期判断日期',
    loading: '加载中…',
    loaded: '已更新',
    noRounds: '还没有评议批次。',
    error: '读取数据失败',
    completionRatio: '完成率',
    onTimeRatio: '节点按时完成率',
    targets: '指标数',
    milestonesDue: '到期节点',
    milestonesDone: '按时完成节点',
    statusCounts: '指标状态',
    departmentName: '部门',
    code: '代码',
    completionByQuarter: '各部门各季度完成率',
    completionByQuarterDesc: '折线为各部门每季度的加权完成率，阴影为所选季度',
    onTimeByDepartment: '各部门节点按时完成率（{quarter}）',
    roundStatus: '全批次指标状态（{quarter}）',
    departmentTable: '各部门进度（{quarter}）',
    tableView: '以表格查看',
    downloadCsv: '下载 CSV',
    downloading: '正在下载 CSV…',
    downloaded: '已下载 {file}',
    commitments: '整改承诺',
    responsibility: '责任分工',
    cityLeader: '市政府分管领导',
    departmentHead: '部门主要负责人',
    leadsInCharge: '分管负责人',
    offices: '责任科室',
    persons: '责任人',
    deadline: '完成时限',
    problem: '问题',
    goal: '整改目标',
    target: '指标',
    targetValue: '目标值',
    baseline: '基数',
    dueDate: '到期日',
    planVsActual: '{name}：计划与实际',
    planned: '计划',
    actual: '实际',
    milestones: '节点',
    milestone: '节点',
    statusAt: '{quarter} 状态：{status}',
    noTargets: '此项承诺没有量化指标。',
    departmentProgress: '部门各季度进度',
    roundProgress: '全批次各季度进度',
    back: '返回批次总览',
    overdueTitle: '截至 {date} 的逾期节点',
    overdueCount: '共 {n} 项逾期',
    overdueTable: '逾期节点清单',
    daysOverdue: '逾期天数',
    description: '节点内容',
    plannedValue: '计划值',
    none: '无',
    noOverdue: '没有逾期节点。',
    chooseDepartment: '在批次总览中选择一个部门。',
    notFound: '找不到这个部门。',
    empty: '—',
    MET: '已达成',
    ON_TRACK: '进度正常',
    BEHIND: '进度滞后',
    NO_DATA: '未报数据',
    NOT_DUE: '未到期',
    MISSED: '逾期未完成',
  },
  en: {
    aside: ' ({text})',
    colon: ': ',
    comma: ', ',
    completionAt: 'Completion at {quarter}',
    statusCountsAt: 'Target status at {quarter}',
    appTitle: 'Commitment progress',
    skip: 'Skip to content',
    nav: 'Pages',
    filters: 'Filters',
    switchLang: '中文',
    switchLangLabel: '切换到中文',
    overview: 'Round overview',
    department: 'Department',
    overdue: 'Overdue',
    round: 'Round',
    quarter: 'Quarter',
    verifiedOnly: 'Verified reports only',
    knownAt: 'Known at',
    knownAtHint: 'empty: every report so far',
    asOf: 'Overdue as of',
    loading: 'Loading…',
    loaded: 'Updated',
    noRounds: 'There is no round yet.',
    error: 'Could not read the data',
    completionRatio: 'Completion',
    onTimeRatio: 'Milestones on time',
    targets: 'Targets',
    milestonesDue: 'Milestones due',
    milestonesDone: 'Milestones done',
    statusCounts: 'Target status',
    departmentName: 'Department',
    code: 'Code',
    completionByQuarter: 'Completion per department and quarter',
    completionByQuarterDesc: 'Lines: weighted completion of each department per quarter; shaded: the selected quarter',
    onTimeByDepartment: 'Milestones on time per department ({quarter})',
    roundStatus: 'Status of all targets ({quarter})',
    departmentTable: 'Progress per department ({quarter})',
    tableView: 'Show as table',
    downloadCsv: 'Download CSV',
    downloading: 'Downloading CSV…',
    downloaded: 'Downloaded {file}',
    commitments: 'Commitments',
    responsibility: 'Responsibility',
    cityLeader: 'City leader',
    departmentHead: 'Department head',
    leadsInCharge: 'Leads in charge',
    offices: 'Offices',
    persons: 'Persons',
    deadline: 'Deadline',
    problem: 'Problem',
    goal: 'Goal',
    target: 'Target',
    targetValue: 'Target value',
    baseline: 'Baseline',
    dueDate: 'Due',
    planVsActual: '{name}: plan and actual',
    planned: 'Planned',
    actual: 'Actual',
    milestones: 'Milestones',
    milestone: 'Milestone',
    statusAt: 'Status at {quarter}: {status}',
    noTargets: 'This commitment has no quantitative target.',
    departmentProgress: 'Department progress per quarter',
    roundProgress: 'Round progress per quarter',
    back: 'Back to the round overview',
    overdueTitle: 'Milestones overdue at {date}',
    overdueCount: '{n} overdue',
    overdueTable: 'Overdue milestones',
    daysOverdue: 'Days overdue',
    description: 'Milestone',
    plannedValue: 'Planned value',
    none: 'none',
    noOverdue: 'Nothing is overdue.',
    chooseDepartment: 'Choose a department on the round overview.',
    notFound: 'No such department.',
    empty: '—',
    MET: 'Met',
    ON_TRACK: 'On track',
    BEHIND: 'Behind',
    NO_DATA: 'No data',
    NOT_DUE: 'Not due',
    MISSED: 'Missed',
  },
};

/** The six statuses in the API's order, with colours that keep 3:1 contrast against white. */
export const STATUSES = ['MET', 'ON_TRACK', 'BEHIND', 'NO_DATA', 'NOT_DUE', 'MISSED'];
export const STATUS_COLOURS = {
  MET: '#1a7f37', ON_TRACK: '#0b7a75', BEHIND: '#b35900', NO_DATA: '#6e7781', NOT_DUE: '#0969da', MISSED: '#cf222e',
};

const STORAGE_KEY = 'tracker.lang';
let lang = readStoredLang();

function readStoredLang() {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'zh';
  } catch {
    return 'zh';
  }
}

export function getLang() {
  return lang;
}

export function setLang(next) {
  lang = next === 'en' ? 'en' : 'zh';
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // storage may be off (private mode); the choice then lasts for this page only
  }
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
}

/** The label for key in the current language, with {name} placeholders filled from vars. */
export function t(key, vars = {}) {
  const text = MESSAGES[lang][key] ?? MESSAGES.zh[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ''));
}

/** A ratio (a plain fraction from the API) as a percentage with one decimal; the API itself never rounds. */
export function percent(ratio) {
  if (ratio === null || ratio === undefined) {
    return t('empty');
  }
  return `${(Number(ratio) * 100).toFixed(1)}%`;
}

export function number(value) {
  if (value === null || value === undefined) {
    return t('empty');
  }
  return new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { maximumFractionDigits: 4 }).format(Number(value));
}
