// @ts-check
/**
 * The least a k6 request costs: the home page, nothing tagged, checked or kept, one request
 * per iteration. `npm run bench load` runs it and prep.js the same way (closed loop, the same
 * VUs, the same edge): prep.js's rate over this one is what its checks and its realism cost
 * the load generator.
 *
 *   k6 run --vus 64 --duration 30s -e BASE_URL=http://127.0.0.1:8081 -e SUMMARY=baseline load-tests/baseline.js
 */
import http from 'k6/http';

if (!__ENV.BASE_URL) throw new Error('BASE_URL is not set: the site to test, e.g. -e BASE_URL=http://127.0.0.1:8080');
const HOME = `${__ENV.BASE_URL.replace(/\/+$/, '')}/`;

export default function () {
  http.get(HOME);
}

/** k6's own data, as JSON at <SUMMARY>.json (default ./baseline.json). @param {any} data */
export function handleSummary(data) {
  return { [`${__ENV.SUMMARY || 'baseline'}.json`]: JSON.stringify(data, null, 2) };
}
