// Reads the public API (/api/v1) exactly as any other client would: JSON for the page, text/csv for downloads.

const BASE = '/api/v1';
const PAGE_SIZE = 200;

/** A failed call, carrying the problem+json the service answered with when it did. */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
  }
}

/** The URL of path with the non-empty params as its query. */
export function url(path, params = {}) {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '' && value !== false) {
      query.set(name, String(value));
    }
  }
  const text = query.toString();
  return `${BASE}${path}${text ? `?${text}` : ''}`;
}

async function fetchOk(path, params, accept) {
  const response = await fetch(url(path, params), { headers: { Accept: accept } });
  if (!response.ok) {
    let problem = null;
    if ((response.headers.get('Content-Type') || '').includes('json')) {
      problem = await response.json();
    }
    throw new ApiError(response.status, problem);
  }
  return response;
}

export async function getJson(path, params = {}) {
  return (await fetchOk(path, params, 'application/json')).json();
}

/** Every item of a paged list, page after page. */
export async function getAll(path, params = {}) {
  const items = [];
  for (let page = 0; ; page++) {
    const body = await getJson(path, { ...params, page, size: PAGE_SIZE });
    items.push(...body.items);
    if (items.length >= body.total || body.items.length === 0) {
      return items;
    }
  }
}

/**
 * Saves what path answers as text/csv under filename. A paged list is fetched page by page and joined under one
 * header row, so the file holds every row the table shows.
 */
export async function downloadCsv(path, params, filename, { paged = false, total = 0 } = {}) {
  let csv;
  if (paged) {
    const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
    const parts = [];
    for (let page = 0; page < pages; page++) {
      const text = await (await fetchOk(path, { ...params, page, size: PAGE_SIZE }, 'text/csv')).text();
      parts.push(page === 0 ? text : text.slice(text.indexOf('\n') + 1));
    }
    csv = parts.join('');
  } else {
    csv = await (await fetchOk(path, params, 'text/csv')).text();
  }
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}
