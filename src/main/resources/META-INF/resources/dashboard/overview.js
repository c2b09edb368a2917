// Round overview: every department's completion per quarter, milestones on time, and the status of all targets.

import { getJson } from './api.js';
import { STATUSES, number, percent, t } from './i18n.js';
import { chartFigure, h, statusBand, tableBlock } from './ui.js';

const HIGHLIGHT = '#0969da';

export async function renderOverview({ state, roundSeries, href }) {
  const basis = { verifiedOnly: state.verifiedOnly, knownAt: state.knownAt };
  const quarters = roundSeries.map((row) => row.quarter);
  const byQuarter = await Promise.all(quarters.map((quarter) => getJson('/progress',
    { groupBy: 'department', roundId: state.round, quarter, ...basis })));
  const round = await getJson(`/rounds/${state.round}`);
  const selected = byQuarter[quarters.indexOf(state.quarter)] || [];
  const summary = roundSeries.find((row) => row.quarter === state.quarter);
  const departments = departmentsOf(byQuarter);
  const link = (row) => h('a', { href: href('department', row.id, { ...state, asOf: undefined }) }, row.name);

  return h('div', { class: 'view overview' },
    h('h2', {}, round.title),
    summary ? summaryCards(summary) : null,
    summary ? h('section', { class: 'panel', 'aria-labelledby': 'round-status' },
      h('h3', { id: 'round-status' }, t('roundStatus', { quarter: state.quarter })),
      statusBand(summary.statusCounts, t('roundStatus', { quarter: state.quarter }))) : null,
    h('div', { class: 'grid' },
      completionChart(departments, quarters, byQuarter, state.quarter),
      onTimeChart(selected, state.quarter)),
    tableBlock({
      id: 'departments-table',
      title: t('departmentTable', { quarter: state.quarter }),
      columns: [
        { label: t('departmentName'), value: link },
        { label: t('completionRatio'), value: (r) => percent(r.completionRatio), numeric: true },
        { label: t('onTimeRatio'), value: (r) => percent(r.onTimeRatio), numeric: true },
        { label: t('targets'), value: (r) => number(r.targets), numeric: true },
        { label: t('milestonesDue'), value: (r) => number(r.milestonesDue), numeric: true },
        { label: t('milestonesDone'), value: (r) => number(r.milestonesDone), numeric: true },
        ...STATUSES.map((s) => ({ label: t(s), value: (r) => number(r.statusCounts[s]), numeric: true })),
      ],
      rows: selected,
      csv: {
        path: '/progress',
        params: { groupBy: 'department', roundId: state.round, quarter: state.quarter, ...basis },
        filename: `progress-departments-${state.quarter}.csv`,
      },
    }),
    tableBlock({
      id: 'round-table',
      title: t('roundProgress'),
      columns: quarterColumns(),
      rows: roundSeries,
      csv: { path: `/rounds/${state.round}/progress`, params: basis, filename: 'progress-round.csv' },
    }));
}

/** The columns of a roll-up per quarter (round or department series). */
export function quarterColumns() {
  return [
    { label: t('quarter'), value: (r) => r.quarter },
    { label: t('completionRatio'), value: (r) => percent(r.completionRatio), numeric: true },
    { label: t('onTimeRatio'), value: (r) => percent(r.onTimeRatio), numeric: true },
    { label: t('targets'), value: (r) => number(r.targets), numeric: true },
    { label: t('milestonesDue'), value: (r) => number(r.milestonesDue), numeric: true },
    { label: t('milestonesDone'), value: (r) => number(r.milestonesDone), numeric: true },
    ...STATUSES.map((s) => ({ label: t(s), value: (r) => number(r.statusCounts[s]), numeric: true })),
  ];
}

export function summaryCards(row) {
  const card = (label, value) => h('div', { class: 'card' }, h('dt', {}, label), h('dd', {}, value));
  return h('dl', { class: 'cards' },
    card(t('completionAt', { quarter: row.quarter }), percent(row.completionRatio)),
    card(t('onTimeRatio'), percent(row.onTimeRatio)),
    card(t('targets'), number(row.targets)),
    card(`${t('milestonesDone')} / ${t('milestonesDue')}`, `${number(row.milestonesDone)} / ${number(row.milestonesDue)}`));
}

/** Every department that has a row in any quarter, in the API's order (by code). */
function departmentsOf(byQuarter) {
  const seen = new Map();
  byQuarter.flat().forEach((row) => seen.has(row.id) || seen.set(row.id, { id: row.id, name: row.name }));
  return [...seen.values()];
}

/** Bold, coloured axis label for the selected quarter. */
export function quarterAxis(quarters, selected) {
  return {
    type: 'category',
    data: quarters,
    axisLabel: {
      interval: 0,
      formatter: (q) => (q === selected ? `{selected|${q}}` : `{plain|${q}}`),
      rich: { selected: { fontWeight: 'bold', color: HIGHLIGHT }, plain: {} },
    },
  };
}

const ratioAxis = { type: 'value', min: 0, max: 1, axisLabel: { formatter: (v) => `${Math.round(v * 100)}%` } };

function completionChart(departments, quarters, byQuarter, selected) {
  const ratio = (department, i) => byQuarter[i].find((row) => row.id === department.id)?.completionRatio ?? null;
  return chartFigure({
    id: 'completion-chart',
    title: t('completionByQuarter'),
    desc: t('completionByQuarterDesc'),
    option: {
      tooltip: { trigger: 'axis', valueFormatter: (v) => percent(v) },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 48, right: 16, top: 48, bottom: 32 },
      xAxis: quarterAxis(quarters, selected),
      yAxis: ratioAxis,
      series: departments.map((d, index) => ({
        name: d.name,
        type: 'line',
        data: quarters.map((_, i) => ratio(d, i)),
        symbolSize: (_, params) => (quarters[params.dataIndex] === selected ? 10 : 5),
        markLine: index === 0 ? {
          silent: true, symbol: 'none', label: { formatter: selected },
          lineStyle: { color: HIGHLIGHT, type: 'dashed', width: 2 }, data: [{ xAxis: selected }],
        } : undefined,
      })),
    },
    columns: [
      { label: t('departmentName'), value: (d) => d.name },
      ...quarters.map((q, i) => ({ label: q, value: (d) => percent(ratio(d, i)), numeric: true })),
    ],
    rows: departments,
  });
}

function onTimeChart(rows, quarter) {
  return chartFigure({
    id: 'ontime-chart',
    title: t('onTimeByDepartment', { quarter }),
    desc: rows.map((r) => `${r.name} ${percent(r.onTimeRatio)}`).join(t('comma')),
    height: Math.max(200, 40 * rows.length + 60),
    option: {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => percent(v) },
      grid: { left: 8, right: 56, top: 16, bottom: 32, containLabel: true },
      xAxis: ratioAxis,
      yAxis: { type: 'category', data: rows.map((r) => r.name), inverse: true },
      series: [{
        name: t('onTimeRatio'),
        type: 'bar',
        data: rows.map((r) => r.onTimeRatio),
        itemStyle: { color: HIGHLIGHT },
        label: { show: true, position: 'right', formatter: (p) => percent(p.value) },
      }],
    },
    columns: [
      { label: t('departmentName'), value: (r) => r.name },
      { label: t('milestonesDue'), value: (r) => number(r.milestonesDue), numeric: true },
      { label: t('milestonesDone'), value: (r) => number(r.milestonesDone), numeric: true },
      { label: t('onTimeRatio'), value: (r) => percent(r.onTimeRatio), numeric: true },
    ],
    rows,
  });
}
