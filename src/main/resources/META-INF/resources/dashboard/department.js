// Department page: its commitments with the responsibility chain, and each target's plan against actual per quarter,
// with the milestones on the time axis and the status at the selected quarter in words.

import { ApiError, getAll, getJson } from './api.js';
import { number, percent, t } from './i18n.js';
import { quarterColumns, summaryCards } from './overview.js';
import { chartFigure, h, statusBand, statusWord, tableBlock } from './ui.js';

export async function renderDepartment({ id, state, href }) {
  if (!id) {
    return h('p', {}, t('chooseDepartment'));
  }
  const basis = { verifiedOnly: state.verifiedOnly, knownAt: state.knownAt };
  const scope = { departmentId: id, roundId: state.round };
  let department;
  try {
    department = await getJson(`/departments/${id}`);
  } catch (error) {
    if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
      return h('p', {}, t('notFound'), ' ', h('a', { href: href('overview', null, { ...state, asOf: undefined }) }, t('back')));
    }
    throw error;
  }
  const [series, commitments, targets, milestones] = await Promise.all([
    getJson(`/departments/${id}/progress`, { roundId: state.round, ...basis }),
    getAll('/commitments', scope),
    getAll('/targets', scope),
    getAll('/milestones', scope),
  ]);
  const progress = new Map(await Promise.all(targets.map(async (target) =>
    [target.id, await getJson(`/targets/${target.id}/progress`, basis)])));
  const current = series.find((row) => row.quarter === state.quarter);
  const periodEnd = current?.periodEnd;

  return h('div', { class: 'view department' },
    h('p', { class: 'back' }, h('a', { href: href('overview', null, { ...state, asOf: undefined }) }, `← ${t('back')}`)),
    h('h2', { id: 'department-name' }, department.name, ' ', h('span', { class: 'code' }, department.code)),
    current ? summaryCards(current) : null,
    current ? h('section', { class: 'panel', 'aria-labelledby': 'department-status' },
      h('h3', { id: 'department-status' }, t('statusCountsAt', { quarter: state.quarter })),
      statusBand(current.statusCounts, t('statusCountsAt', { quarter: state.quarter }))) : null,
    tableBlock({
      id: 'department-table',
      title: t('departmentProgress'),
      columns: quarterColumns(),
      rows: series,
      csv: { path: `/departments/${id}/progress`, params: { roundId: state.round, ...basis },
        filename: `progress-${department.code}.csv` },
    }),
    h('h2', {}, t('commitments')),
    commitments.map((c) => commitmentArticle(c, targets.filter((tg) => tg.commitmentId === c.id),
      milestones.filter((m) => m.commitmentId === c.id), progress, { quarter: state.quarter, periodEnd, basis })));
}

function commitmentArticle(commitment, targets, milestones, progress, at) {
  const headingId = `commitment-${commitment.id}`;
  const ownMilestones = milestones.filter((m) => !m.targetId);
  return h('article', { class: 'commitment', 'aria-labelledby': headingId },
    h('h3', { id: headingId }, `${commitment.seq}. ${commitment.title}`),
    commitment.goal ? h('p', { class: 'goal' }, h('strong', {}, `${t('goal')}${t('colon')}`), commitment.goal) : null,
    commitment.deadlineText ? h('p', {}, h('strong', {}, `${t('deadline')}${t('colon')}`), commitment.deadlineText) : null,
    responsibilityChain(commitment.responsibility),
    targets.length === 0 ? h('p', { class: 'muted' }, t('noTargets')) : null,
    targets.map((target) => targetSection(target, milestones.filter((m) => m.targetId === target.id),
      progress.get(target.id), at)),
    ownMilestones.length ? h('details', { class: 'milestones' },
      h('summary', {}, `${t('milestones')}${t('aside', { text: ownMilestones.length })}`),
      h('ul', {}, ownMilestones.map((m) => h('li', {}, h('time', { datetime: m.dueDate }, m.dueDate), ' ',
        m.description, m.completedOn ? ` ✓ ${m.completedOn}` : '')))) : null);
}

/** From the city leader down to the persons, as the letter lists them; empty links are left out. */
function responsibilityChain(r) {
  if (!r) {
    return null;
  }
  const links = [
    ['cityLeader', r.cityLeader], ['departmentHead', r.departmentHead], ['leadsInCharge', r.leadsInCharge?.join('、')],
    ['offices', r.offices?.join('、')], ['persons', r.persons?.join('、')],
  ].filter(([, names]) => names);
  if (!links.length) {
    return null;
  }
  return h('div', { class: 'chain-block' }, h('h4', {}, t('responsibility')),
    h('ol', { class: 'chain' }, links.map(([key, names]) => h('li', {}, h('span', { class: 'role' }, t(key)), names))));
}

/** The row of the selected quarter, else the last one ended by then (a target's series may stop earlier). */
function rowAt(rows, quarter, periodEnd) {
  return rows.find((row) => row.quarter === quarter)
    || rows.filter((row) => !periodEnd || row.periodEnd <= periodEnd).pop()
    || rows[0];
}

function targetSection(target, milestones, rows, { quarter, periodEnd, basis }) {
  const at = rowAt(rows, quarter, periodEnd);
  const unit = target.unit ? ` ${target.unit}` : '';
  const title = t('planVsActual', { name: target.name });
  return h('section', { class: 'target', 'data-target': target.id },
    h('h4', {}, target.name),
    h('p', { class: 'target-status' }, at
      ? [t('statusAt', { quarter: at.quarter, status: '' }), statusWord(at.status), at.completionRatio === null ? ''
        : t('aside', { text: `${t('completionRatio')} ${percent(at.completionRatio)}` })]
      : t('empty')),
    h('p', { class: 'muted' }, `${t('targetValue')} ${number(target.targetValue)}${unit} · ${t('baseline')} `
      + `${number(target.baseline)} · ${t('dueDate')} ${target.dueDate}`),
    chartFigure({
      title,
      desc: rows.map((r) => `${r.quarter} ${t('planned')} ${number(r.planned)} ${t('actual')} ${number(r.actual)}`)
        .join(t('comma')),
      height: 240,
      option: targetChart(target, rows, milestones, at),
      columns: [
        { label: t('quarter'), value: (r) => r.quarter },
        { label: t('planned'), value: (r) => number(r.planned), numeric: true },
        { label: t('actual'), value: (r) => number(r.actual), numeric: true },
        { label: t('completionRatio'), value: (r) => percent(r.completionRatio), numeric: true },
        { label: t('statusCounts'), value: (r) => statusWord(r.status) },
      ],
      rows,
      csv: { path: `/targets/${target.id}/progress`, params: basis, filename: `progress-target-${target.id}.csv` },
    }),
    milestones.length ? h('ul', { class: 'milestone-list', 'aria-label': t('milestones') },
      milestones.map((m) => h('li', {}, h('time', { datetime: m.dueDate }, m.dueDate), ' ', m.description,
        m.plannedValue === null ? '' : t('aside', { text: `${t('plannedValue')} ${number(m.plannedValue)}${unit}` })))) : null);
}

function targetChart(target, rows, milestones, at) {
  const point = (field) => rows.map((r) => [r.periodEnd, r[field] === null ? null : Number(r[field])]);
  return {
    tooltip: { trigger: 'axis' },
    legend: { top: 0 },
    grid: { left: 8, right: 24, top: 40, bottom: 28, containLabel: true },
    xAxis: { type: 'time', min: target.startDate ?? undefined, max: target.dueDate, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', scale: true },
    series: [
      {
        name: t('planned'), type: 'line', data: point('planned'), lineStyle: { type: 'dashed' }, color: '#6e7781',
        markLine: {
          symbol: 'none', silent: true, label: { formatter: (p) => p.name, position: 'insideEndTop' },
          lineStyle: { color: '#b35900' },
          data: milestones.map((m) => ({ name: m.dueDate.slice(5), xAxis: m.dueDate })),
        },
      },
      {
        name: t('actual'), type: 'line', data: point('actual'), color: '#0969da',
        markPoint: at && at.actual !== null ? { symbol: 'pin', symbolSize: 36,
          data: [{ coord: [at.periodEnd, Number(at.actual)], value: at.quarter.slice(5) }] } : undefined,
      },
      {
        name: t('milestone'), type: 'scatter', symbol: 'diamond', symbolSize: 12, color: '#b35900',
        data: milestones.filter((m) => m.plannedValue !== null).map((m) => [m.dueDate, Number(m.plannedValue)]),
      },
    ],
  };
}
