// Building blocks of the pages: elements, tables with their CSV download, charts with their table view, status bands.

import * as echarts from '/_static/echarts/dist/echarts.esm.min.js';
import { downloadCsv } from './api.js';
import { STATUSES, STATUS_COLOURS, t } from './i18n.js';

/** An element with attributes (on* keys become listeners) and children; text is always set as text, never as HTML. */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) {
      continue;
    }
    if (name.startsWith('on')) {
      element.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  for (const child of children.flat()) {
    if (child !== undefined && child !== null && child !== false) {
      element.append(child instanceof Node ? child : String(child));
    }
  }
  return element;
}

let uid = 0;
function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

/** Shows what the page is doing, for sighted users and screen readers alike. */
export function announce(text, isError = false) {
  const status = document.getElementById('status');
  status.textContent = text;
  status.classList.toggle('error', isError);
}

/** A plain table: columns are {label, value(row) -> text or Node, numeric}. */
export function table(columns, rows, caption) {
  return h('table', {},
    caption ? h('caption', { class: 'visually-hidden' }, caption) : null,
    h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', class: c.numeric ? 'num' : null }, c.label)))),
    h('tbody', {}, rows.map((row) => h('tr', {}, columns.map((c, i) => {
      const cell = c.value(row);
      return i === 0 ? h('th', { scope: 'row' }, cell) : h('td', { class: c.numeric ? 'num' : null }, cell);
    })))));
}

/** A button that saves the rows of a table as the API's own text/csv (csv: path, params, filename, paged, total). */
function csvButton(csv, describedBy) {
  return h('button', {
    type: 'button',
    class: 'csv',
    'aria-describedby': describedBy,
    onclick: async () => {
      announce(t('downloading'));
      try {
        await downloadCsv(csv.path, csv.params, csv.filename, csv);
        announce(t('downloaded', { file: csv.filename }));
      } catch (error) {
        announce(`${t('error')}: ${error.message}`, true);
      }
    },
  }, t('downloadCsv'));
}

/** A titled table with its CSV download. */
export function tableBlock({ title, id, columns, rows, csv }) {
  const headingId = nextId('table');
  return h('section', { class: 'table-block', id, 'aria-labelledby': headingId },
    h('div', { class: 'block-head' }, h('h3', { id: headingId }, title), csvButton(csv, headingId)),
    h('div', { class: 'scroll', tabindex: '0', role: 'region', 'aria-labelledby': headingId },
      table(columns, rows, title)));
}

const charts = new Set();
const pending = [];

/**
 * A chart with a caption and, beneath it, the same figures as a table: the chart is one image for assistive
 * technology (described by desc), the table is what a screen reader reads.
 */
export function chartFigure({ title, desc, option, height = 320, columns, rows, id, csv }) {
  const box = h('div', { class: 'chart', role: 'img', 'aria-label': `${title}. ${desc || ''}`, style: `height:${height}px` });
  const captionId = nextId('chart');
  pending.push({ box, option });
  return h('figure', { class: 'chart-figure', id, 'aria-labelledby': captionId },
    h('figcaption', { id: captionId }, title),
    box,
    h('details', { class: 'chart-table' }, h('summary', {}, t('tableView')),
      csv ? csvButton(csv, captionId) : null,
      h('div', { class: 'scroll' }, table(columns, rows, title))));
}

/**
 * Draws the charts of the page just put into the document (they need their boxes laid out to size themselves);
 * charts of a page that was built but never shown are dropped.
 */
export function mountCharts() {
  while (pending.length) {
    const { box, option } = pending.shift();
    if (!box.isConnected) {
      continue;
    }
    const chart = echarts.init(box, null, { renderer: 'svg' });
    chart.setOption({ animation: false, textStyle: { fontFamily: 'inherit' }, ...option });
    charts.add(chart);
  }
}

export function disposeCharts() {
  for (const chart of charts) {
    chart.dispose();
  }
  charts.clear();
}

window.addEventListener('resize', () => charts.forEach((chart) => chart.resize()));

/** The six status counts as one coloured band, each segment as wide as its share, with a legend that names them. */
export function statusBand(counts, label) {
  const total = STATUSES.reduce((sum, s) => sum + (counts?.[s] || 0), 0);
  const words = STATUSES.map((s) => `${t(s)} ${counts?.[s] || 0}`).join(t('comma'));
  return h('div', { class: 'band-block' },
    h('div', { class: 'band', role: 'img', 'aria-label': `${label}: ${words}` },
      STATUSES.filter((s) => counts?.[s]).map((s) => h('span', {
        class: 'segment',
        style: `flex-grow:${counts[s]};background:${STATUS_COLOURS[s]}`,
        title: `${t(s)} ${counts[s]}`,
      })),
      total === 0 ? h('span', { class: 'segment empty' }) : null),
    h('ul', { class: 'legend', 'aria-hidden': 'true' }, STATUSES.map((s) => h('li', { 'data-status': s },
      h('span', { class: 'swatch', style: `background:${STATUS_COLOURS[s]}` }), `${t(s)} `,
      h('strong', {}, String(counts?.[s] || 0))))));
}

/** A small status word with its colour as a dot, for a table cell or a heading. */
export function statusWord(status) {
  if (!status) {
    return t('empty');
  }
  return h('span', { class: 'status-word', 'data-status': status },
    h('span', { class: 'swatch', style: `background:${STATUS_COLOURS[status]}` }), t(status));
}
