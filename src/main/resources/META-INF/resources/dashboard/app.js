// The dashboard: a hash router (#/overview, #/department/{id}, #/overdue), the shared filters, and the language switch.
// Every figure comes from the documented /api/v1 endpoints; nothing is computed here but percentages for display.

import { getAll, getJson } from './api.js';
import { getLang, setLang, t } from './i18n.js';
import { announce, disposeCharts, h, mountCharts } from './ui.js';
import { renderOverview } from './overview.js';
import { renderDepartment } from './department.js';
import { renderOverdue } from './overdue.js';

const VIEWS = { overview: renderOverview, department: renderDepartment, overdue: renderOverdue };
let rounds = null;
let renderCount = 0;
let shownPage = null;

/** The route in the address: view, id (for a department) and the filters as query parameters. */
function route() {
  const [path, query = ''] = location.hash.replace(/^#/, '').split('?');
  const [, view = 'overview', id = null] = path.split('/');
  const params = Object.fromEntries(new URLSearchParams(query));
  return { view: VIEWS[view] ? view : 'overview', id, params };
}

function href(view, id, params) {
  const query = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ''
    && v !== false)).toString();
  return `#/${view}${id ? `/${id}` : ''}${query ? `?${query}` : ''}`;
}

function navigate(view, id, params) {
  location.hash = href(view, id, params);
}

function today() {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

/** The filters every view shares, read from the route with their defaults. */
function filters(params, roundList) {
  const round = roundList.find((r) => r.id === params.round) || roundList[0];
  return {
    round: round?.id,
    quarter: /^\d{4}-Q[1-4]$/.test(params.quarter || '') ? params.quarter : undefined,
    verifiedOnly: params.verifiedOnly === 'true',
    knownAt: /^\d{4}-\d{2}-\d{2}$/.test(params.knownAt || '') ? params.knownAt : undefined,
    asOf: /^\d{4}-\d{2}-\d{2}$/.test(params.asOf || '') ? params.asOf : today(),
  };
}

/** The quarter to show: the one asked for when the series has it, else the latest that has ended, else the first. */
function pickQuarter(series, asked) {
  if (series.some((row) => row.quarter === asked)) {
    return asked;
  }
  const ended = series.filter((row) => row.periodEnd <= today());
  return (ended.length ? ended[ended.length - 1] : series[0])?.quarter;
}

function field(label, control, hint) {
  return h('div', { class: 'field' }, h('label', { for: control.id }, label), control,
    hint ? h('span', { class: 'hint', id: `${control.id}-hint` }, hint) : null);
}

function renderControls(current, state, quarters) {
  const form = document.getElementById('controls');
  form.setAttribute('aria-label', t('filters'));
  // each page keeps only the filters it uses in its address
  const update = (change) => navigate(current.view, current.id, current.view === 'overdue'
    ? { round: state.round, verifiedOnly: state.verifiedOnly, asOf: state.asOf, ...change }
    : { round: state.round, quarter: state.quarter, verifiedOnly: state.verifiedOnly, knownAt: state.knownAt, ...change });
  const roundSelect = h('select', { id: 'f-round', onchange: (e) => update({ round: e.target.value, quarter: undefined }) },
    rounds.map((r) => h('option', { value: r.id, selected: r.id === state.round }, `${r.title}${t('aside', { text: r.publishedOn })}`)));
  const parts = [field(t('round'), roundSelect)];
  if (current.view !== 'overdue') {
    parts.push(field(t('quarter'), h('select', { id: 'f-quarter', onchange: (e) => update({ quarter: e.target.value }) },
      quarters.map((q) => h('option', { value: q, selected: q === state.quarter }, q)))));
  } else {
    parts.push(field(t('asOf'), h('input', {
      id: 'f-asOf', type: 'date', value: state.asOf, required: true,
      onchange: (e) => e.target.value && update({ asOf: e.target.value }),
    })));
  }
  parts.push(h('div', { class: 'field check' }, h('input', {
    id: 'f-verified', type: 'checkbox', checked: state.verifiedOnly,
    onchange: (e) => update({ verifiedOnly: e.target.checked }),
  }), h('label', { for: 'f-verified' }, t('verifiedOnly'))));
  if (current.view !== 'overdue') {
    parts.push(field(t('knownAt'), h('input', {
      id: 'f-knownAt', type: 'date', value: state.knownAt, 'aria-describedby': 'f-knownAt-hint',
      onchange: (e) => update({ knownAt: e.target.value }),
    }), t('knownAtHint')));
  }
  // the filters are drawn anew with every page; a keyboard user stays on the control just changed
  const focused = form.contains(document.activeElement) ? document.activeElement.id : null;
  form.replaceChildren(...parts);
  if (focused) {
    document.getElementById(focused)?.focus();
  }
}

function renderChrome(current, state) {
  document.title = `${t(current.view)} · ${t('appTitle')}`;
  document.getElementById('app-title').textContent = t('appTitle');
  document.querySelector('.skip').textContent = t('skip');
  const nav = document.getElementById('nav');
  nav.setAttribute('aria-label', t('nav'));
  nav.replaceChildren(h('ul', {}, ['overview', 'overdue'].map((view) => h('li', {}, h('a', {
    href: href(view, null, view === 'overdue' ? { round: state.round, verifiedOnly: state.verifiedOnly }
      : { round: state.round, verifiedOnly: state.verifiedOnly, quarter: state.quarter, knownAt: state.knownAt }),
    'aria-current': current.view === view ? 'page' : null,
  }, t(view))))));
  const lang = document.getElementById('lang');
  lang.textContent = t('switchLang');
  lang.setAttribute('aria-label', t('switchLangLabel'));
  lang.setAttribute('lang', getLang() === 'zh' ? 'en' : 'zh-CN');
}

async function render() {
  const ticket = ++renderCount;
  const current = route();
  const main = document.getElementById('main');
  announce(t('loading'));
  try {
    rounds ??= await getAll('/rounds', { sort: 'publishedOn,desc' });
    const state = filters(current.params, rounds);
    renderChrome(current, state);
    if (!state.round) {
      renderControls(current, state, []);
      main.replaceChildren(h('p', {}, t('noRounds')));
      announce('');
      return;
    }
    const basis = { verifiedOnly: state.verifiedOnly, knownAt: state.knownAt };
    let roundSeries = [];
    if (current.view !== 'overdue') {
      roundSeries = await getJson(`/rounds/${state.round}/progress`, basis);
      state.quarter = pickQuarter(roundSeries, state.quarter);
    }
    const view = await VIEWS[current.view]({ id: current.id, state, roundSeries, href });
    if (ticket !== renderCount) {
      return;
    }
    renderChrome(current, state);
    renderControls(current, state, roundSeries.map((row) => row.quarter));
    disposeCharts();
    main.replaceChildren(view);
    mountCharts();
    // what is shown, once it is all there: scripts and browser tests wait for it
    main.dataset.ready = `${location.hash}|${getLang()}`;
    announce(t('loaded'));
  } catch (error) {
    if (ticket === renderCount) {
      disposeCharts();
      main.replaceChildren(h('p', { class: 'error' }, `${t('error')}: ${error.message}`));
      announce(`${t('error')}: ${error.message}`, true);
    }
  }
}

document.getElementById('lang').addEventListener('click', () => {
  setLang(getLang() === 'zh' ? 'en' : 'zh');
  render();
});
document.getElementById('controls').addEventListener('submit', (e) => e.preventDefault());
// Focus moves to the content only when another page opens; a changed filter keeps focus on its control.
window.addEventListener('hashchange', async () => {
  const { view, id } = route();
  const page = `${view}/${id}`;
  await render();
  if (page !== shownPage) {
    document.getElementById('main').focus({ preventScroll: true });
  }
  shownPage = page;
});
setLang(getLang());
shownPage = `${route().view}/${route().id}`;
render();
