// Overdue list: the milestones due before the chosen date and not completed by it, longest overdue first.

import { getAll } from './api.js';
import { number, t } from './i18n.js';
import { h, tableBlock } from './ui.js';

export async function renderOverdue({ state, href }) {
  const params = { overdue: true, asOf: state.asOf, roundId: state.round, verifiedOnly: state.verifiedOnly,
    sort: 'daysOverdue,desc' };
  const rows = await getAll('/milestones', params);
  const departmentLink = (r) => h('a', { href: href('department', r.departmentId,
    { round: state.round, verifiedOnly: state.verifiedOnly }) }, r.departmentName);
  return h('div', { class: 'view overdue' },
    h('h2', {}, t('overdueTitle', { date: state.asOf })),
    h('p', { class: 'count' }, t('overdueCount', { n: rows.length })),
    rows.length === 0 ? h('p', {}, t('noOverdue')) : null,
    tableBlock({
      id: 'overdue-table',
      title: t('overdueTable'),
      columns: [
        { label: t('description'), value: (r) => r.description },
        { label: t('daysOverdue'), value: (r) => number(r.daysOverdue), numeric: true },
        { label: t('dueDate'), value: (r) => h('time', { datetime: r.dueDate }, r.dueDate) },
        { label: t('departmentName'), value: departmentLink },
        { label: t('problem'), value: (r) => `${r.commitmentSeq}. ${r.commitmentTitle}` },
        { label: t('plannedValue'), value: (r) => number(r.plannedValue), numeric: true },
        { label: t('actual'), value: (r) => number(r.actual), numeric: true },
      ],
      rows,
      csv: { path: '/milestones', params, filename: `overdue-${state.asOf}.csv`, paged: true, total: rows.length },
    }));
}
