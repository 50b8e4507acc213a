// @ts-check
/**
 * The run's report, from the data k6 hands to handleSummary(): the load delivered against
 * the load planned and the sizing, per kind of request its count, checks, failures and p95,
 * and every threshold with its verdict — a threshold whose metric has no sample is shown as
 * not evaluated (k6 passes it), never as passed. Written as JSON (with k6's own data), as
 * Markdown (also printed) and as a standalone HTML page.
 */

/**
 * What the script knows of the run besides k6's data.
 * @typedef {{
 *   scenario: string, base: string, scale: number, timeScale: number, sizedCut: string,
 *   planned: number, plannedSeconds: number, sizedRate: number, kinds: readonly string[]
 * }} RunFacts
 */
/**
 * @typedef {{ kind: string, requests: number, checked: number, checksPassed: number | null, failed: number | null, p95Ms: number | null }} KindRow
 * @typedef {{ metric: string, expression: string, ok: boolean, evaluated: boolean, value: string }} ThresholdRow
 * @typedef {{
 *   passed: boolean, scenario: string, base: string, scale: number, timeScale: number, sizedCut: string,
 *   planned: number, delivered: number, deliveredShare: number, requestsPerSecond: number, sizedRate: number,
 *   sizedShare: number, dropped: number, stale: number, seconds: number, kinds: KindRow[], thresholds: ThresholdRow[]
 * }} Report
 */

/** @param {any} data @param {string} name */
const metric = (data, name) => (data && data.metrics && data.metrics[name]) || null;
/** @param {any} data @param {string} name @param {string} value */
const valueOf = (data, name, value) => {
  const m = metric(data, name);
  const v = m && m.values ? m.values[value] : undefined;
  return typeof v === 'number' ? v : null;
};
/** Samples a metric holds: a rate's passes and fails, a counter's count, a trend's… count unknown: its rate peer tells. @param {any} m */
const samples = (m) => {
  if (m === null || !m.values) return 0;
  if (m.type === 'rate') return (m.values.passes || 0) + (m.values.fails || 0);
  if (m.type === 'counter') return m.values.count || 0;
  return null;
};

/**
 * @param {any} data handleSummary's argument
 * @param {RunFacts} facts
 * @returns {Report}
 */
export function report(data, facts) {
  const kinds = facts.kinds.map((kind) => {
    // Every request of the kind counts in http_req_failed; a share of them in checks.
    const requests = samples(metric(data, `http_req_failed{kind:${kind}}`)) || 0;
    const checked = samples(metric(data, `checks{kind:${kind}}`)) || 0;
    return {
      kind,
      requests,
      checked,
      checksPassed: checked === 0 ? null : valueOf(data, `checks{kind:${kind}}`, 'rate'),
      failed: requests === 0 ? null : valueOf(data, `http_req_failed{kind:${kind}}`, 'rate'),
      p95Ms: requests === 0 ? null : valueOf(data, `${kind === 'zip' ? 'http_req_waiting' : 'http_req_duration'}{kind:${kind}}`, 'p(95)'),
    };
  });
  /** Requests of the kind a submetric is about, to tell a threshold k6 evaluated from one it passed for want of data. */
  const kindRequests = (/** @type {string} */ name) => {
    const m = /\{kind:([a-z]+)\}$/.exec(name);
    const row = m === null ? undefined : kinds.find((k) => k.kind === m[1]);
    return row === undefined ? null : row.requests;
  };
  /** @type {ThresholdRow[]} */
  const thresholds = [];
  for (const name of Object.keys((data && data.metrics) || {}).sort()) {
    const m = data.metrics[name];
    if (!m.thresholds) continue;
    const n = samples(m) ?? kindRequests(name);
    for (const expression of Object.keys(m.thresholds)) {
      const stat = /^([a-z()0-9]+)\s*[<>=!]/.exec(expression);
      const v = stat === null || !m.values ? undefined : m.values[/** @type {string} */ (stat[1])];
      thresholds.push({
        metric: name,
        expression,
        ok: m.thresholds[expression].ok === true,
        // A counter's zero is a value (no stale response); a rate or trend without samples is not evaluated.
        evaluated: m.type === 'counter' || n === null || n > 0,
        value: typeof v === 'number' ? String(Math.round(v * 10000) / 10000) : '',
      });
    }
  }
  const delivered = valueOf(data, 'iterations', 'count') || 0;
  const runMs = data && data.state ? data.state.testRunDurationMs : undefined;
  const seconds = typeof runMs === 'number' ? runMs / 1000 : facts.plannedSeconds;
  const requestsPerSecond = valueOf(data, 'iterations', 'rate') || 0;
  const deliveredShare = facts.planned === 0 ? 0 : delivered / facts.planned;
  return {
    // No threshold read: another k6's summary data (its shape may change across versions), not a pass.
    passed: thresholds.length > 0 && thresholds.every((t) => t.ok),
    scenario: facts.scenario,
    base: facts.base,
    scale: facts.scale,
    timeScale: facts.timeScale,
    sizedCut: facts.sizedCut,
    planned: Math.round(facts.planned),
    delivered,
    deliveredShare,
    requestsPerSecond,
    sizedRate: facts.sizedRate,
    sizedShare: facts.scale * deliveredShare,
    dropped: valueOf(data, 'dropped_iterations', 'count') || 0,
    stale: valueOf(data, 'prep_stale_cut', 'count') || 0,
    seconds,
    kinds,
    thresholds,
  };
}

/** @param {number | null} x @param {number} digits */
const pct = (x, digits) => (x === null ? '—' : `${(x * 100).toFixed(digits)} %`);
/** @param {number | null} x */
const ms = (x) => (x === null ? '—' : x.toFixed(1));
/** @param {number} x */
const n = (x) => String(Math.round(x)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/**
 * The lines both readable forms share: [heading, paragraphs, tables as rows].
 * @param {Report} r
 */
function sections(r) {
  const verdict =
    r.thresholds.length === 0
      ? "UNKNOWN: k6's summary data names no threshold this report can read; k6's exit code is the verdict"
      : r.passed
        ? 'PASSED: every threshold holds'
        : `FAILED: ${r.thresholds.filter((t) => !t.ok).map((t) => `${t.metric} ${t.expression}`).join('; ')}`;
  const load = [
    `Scenario ${r.scenario} against ${r.base}, URLs and rates sized on cut ${r.sizedCut}; SCALE ${Number(r.scale.toPrecision(4))} (every sized rate times that), TIME_SCALE ${Number(r.timeScale.toPrecision(4))}.`,
    `Planned ${n(r.planned)} requests; delivered ${n(r.delivered)} (${pct(r.deliveredShare, 1)}) at ${r.requestsPerSecond.toFixed(1)} requests/s over ${r.seconds.toFixed(0)} s: this run held ${pct(r.sizedShare, 3)} of the sized load (the sized ${r.scenario} reaches ${n(r.sizedRate)} requests/s).`,
    `Dropped arrivals (no free VU): ${n(r.dropped)}. Responses of an older cut than allowed (prep_stale_cut): ${n(r.stale)}.`,
  ];
  const kinds = [
    ['kind', 'requests', 'failed', 'read and checked', 'checks passed', 'p95 ms'],
    ...r.kinds.map((k) => [k.kind, n(k.requests), pct(k.failed, 2), n(k.checked), pct(k.checksPassed, 2), ms(k.p95Ms)]),
  ];
  const thresholds = [
    ['metric', 'threshold', 'value', 'verdict'],
    ...r.thresholds.map((t) => [t.metric, t.expression, t.value, !t.evaluated ? 'not evaluated (no sample)' : t.ok ? 'passed' : 'FAILED']),
  ];
  return { verdict, load, kinds, thresholds };
}

/** @param {Report} r */
export function markdown(r) {
  const s = sections(r);
  /** @param {string[][]} rows */
  const table = (rows) => {
    const [head, ...body] = rows;
    return [`| ${(head || []).join(' | ')} |`, `|${(head || []).map(() => '---').join('|')}|`, ...body.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  };
  return [`# k6 load test: ${s.verdict}`, '', ...s.load, '', '## By kind of request', '', table(s.kinds), '', '## Thresholds', '', table(s.thresholds), ''].join('\n');
}

/** @param {string} text */
const escape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** @param {Report} r */
export function html(r) {
  const s = sections(r);
  /** @param {string[][]} rows */
  const table = (rows) => {
    const [head, ...body] = rows;
    return `<table><thead><tr>${(head || []).map((h) => `<th scope="col">${escape(h)}</th>`).join('')}</tr></thead><tbody>${body
      .map((row) => `<tr>${row.map((c) => `<td>${escape(c)}</td>`).join('')}</tr>`)
      .join('')}</tbody></table>`;
  };
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>k6 load test: ${escape(r.passed ? 'passed' : 'failed')}</title>
<style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;max-width:60rem}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #999;padding:.2rem .5rem;text-align:left}td:not(:first-child){font-variant-numeric:tabular-nums}</style>
</head><body>
<h1>k6 load test: ${escape(s.verdict)}</h1>
${s.load.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<h2>By kind of request</h2>
${table(s.kinds)}
<h2>Thresholds</h2>
${table(s.thresholds)}
</body></html>
`;
}
