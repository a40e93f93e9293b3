// Browser test of the demo page (examples/demo/): Debian's chromium, driven by
// playwright-core, loads the page from a local server, gets seed 001 pasted,
// and must show the header card, the outline entry for paragraph 38 and the
// highlighted £300; screenshots go to test-output/.
//   node --test bindings-wasm/tests/browser/demo.browser.mjs
// CHROMIUM=/path/to/chromium overrides /usr/bin/chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { root, fixtureText, SEED_001 } from '../helpers.mjs';
import { serve } from '../../../examples/demo/serve.mjs';

const demoDir = path.join(root, 'examples', 'demo');
const outDir = path.join(root, 'test-output');
const executablePath = process.env.CHROMIUM ?? '/usr/bin/chromium';

let server;
let origin;
let context;
let userDataDir;

before(async () => {
  assert.ok(fs.existsSync(path.join(demoDir, 'lgsco', 'web.js')), 'run bindings-wasm/build.sh first');
  assert.ok(fs.existsSync(executablePath), `no chromium at ${executablePath}`);
  fs.mkdirSync(outDir, { recursive: true });
  server = await serve(demoDir, 0);
  origin = `http://127.0.0.1:${server.address().port}`;
  userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lgsco-chromium-'));
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: 1400, height: 1000 },
    timeout: 60_000,
  });
});

after(async () => {
  await context?.close();
  await new Promise((r) => (server ? server.close(r) : r()));
  if (userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
});

async function openPage() {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-state="ready"]', { timeout: 30_000 });
  return { page, problems, requests };
}

// Pastes like a person would (clipboard + Ctrl+V); if this browser's
// clipboard is unavailable headless, types it in one go instead.
async function paste(page, text) {
  await page.click('#input');
  let pasted = false;
  try {
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin });
    await page.evaluate((t) => navigator.clipboard.writeText(t), text);
    await page.keyboard.press('Control+V');
    await page.waitForFunction((n) => document.querySelector('#input').value.length === n, text.length,
      { timeout: 5_000 });
    pasted = true;
  } catch (_) {
    await page.fill('#input', text);
  }
  return pasted;
}

test('seed 001 pasted into the demo: header card, outline with ¶38, highlighted £300', async (t) => {
  const { page, problems, requests } = await openPage();
  const text = fixtureText(SEED_001);
  const pasted = await paste(page, text);
  t.diagnostic(pasted ? 'pasted through the clipboard' : 'clipboard unavailable: filled the text area');
  await page.waitForSelector('body[data-state="parsed"]', { timeout: 30_000 });

  // Header card.
  const card = page.locator('#header-card');
  assert.equal(await card.locator('#hc-authority').innerText(), 'Knowsley Metropolitan Borough Council');
  assert.match(await card.locator('#hc-reference').innerText(), /^22 014 796 \(22-014-796\)$/);
  assert.match(await card.locator('#hc-category').innerText(), /Children's care services › Looked after children/);
  assert.match(await card.locator('#hc-outcome').innerText(), /^Upheld/);
  assert.equal(await card.locator('#hc-date').getAttribute('data-iso'), '2023-08-22');
  assert.equal(await card.locator('#hc-date').innerText(), '22 August 2023');

  await page.screenshot({ path: path.join(outDir, 'demo-seed-001.png') });

  // Outline: "Ms X’s second complaint" starts at paragraph 38; clicking it jumps there.
  const entry = page.locator('.outline-entry', { has: page.locator('> .outline-heading', { hasText: 'Ms X’s second complaint' }) });
  assert.equal(await entry.count(), 1, 'one outline entry for the sub-heading');
  const chip = entry.locator('> .ordinals > .ordinal').first();
  assert.equal(await chip.innerText(), '38');
  await chip.click();
  const p38 = page.locator('#p-38');
  await page.waitForFunction(() => document.querySelector('#p-38')?.classList.contains('target'));
  assert.match(await p38.innerText(), /^\s*1\. As already set out/);
  await page.waitForFunction(() => {
    const r = document.querySelector('#p-38').getBoundingClientRect();
    return r.top >= 0 && r.top < window.innerHeight;
  }, null, { timeout: 5_000 });

  // £300 highlighted as money.
  const money = page.locator('#text mark.entity[data-kind="money"]', { hasText: '£300' });
  assert.ok(await money.count() >= 1, 'no highlighted £300');
  assert.equal((await money.first().innerText()).trim(), '£300');
  const bg = await money.first().evaluate((n) => getComputedStyle(n).backgroundColor);
  assert.notEqual(bg, 'rgba(0, 0, 0, 0)', 'the highlight has a colour');
  // Entities of other kinds get other colours; the findings panel is filled.
  const kinds = await page.locator('#text mark.entity').evaluateAll((ms) => [...new Set(ms.map((m) => m.dataset.kind))]);
  assert.ok(kinds.length >= 3, `entity kinds highlighted: ${kinds}`);
  assert.equal(await page.locator('#findings [data-finding="fault"]').getAttribute('data-value'), 'yes');
  assert.match(await page.locator('#findings [data-finding="payments_total"] dd').innerText(), /^£300$/);

  await page.screenshot({ path: path.join(outDir, 'demo-seed-001-paragraph-38.png') });

  assert.deepStrictEqual(problems, []);
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepStrictEqual(foreign, [], 'the page loads nothing from elsewhere');
  await page.close();
});

test('text that is no decision gives a clear message in the page', async () => {
  const { page, problems } = await openPage();
  await page.fill('#input', 'Dear Sir,\nplease find my shopping list attached.\n');
  await page.click('#parse-btn');
  await page.waitForSelector('body[data-state="error"]');
  const box = page.locator('#error');
  assert.ok(await box.isVisible());
  const msg = await box.innerText();
  assert.match(msg, /does not look like an Ombudsman decision/);
  assert.match(msg, /line \d+, column \d+/);
  assert.equal(await box.getAttribute('data-code'), 'not_a_decision');
  assert.equal(await page.locator('#result').isVisible(), false);
  await page.screenshot({ path: path.join(outDir, 'demo-not-a-decision.png') });

  // And the page recovers with a real decision.
  await page.click('#sample-btn');
  await page.waitForSelector('body[data-state="parsed"]');
  assert.equal(await box.isVisible(), false);
  assert.equal(await page.locator('#hc-authority').innerText(), 'Examplehampton Borough Council');
  assert.deepStrictEqual(problems, []);
  await page.close();
});
