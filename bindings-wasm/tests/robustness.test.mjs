// Robustness (issue 7): hostile input to every export throws an Error (or
// returns a result), never traps (a WebAssembly.RuntimeError: unreachable,
// out of bounds, out of memory), and the module keeps working afterwards.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lgsco, fixtureText, SEED_000 } from './helpers.mjs';

const HEAD = "West Sussex County Council (19 011 114)\n\nDecision : Upheld\n\n" +
  "The Ombudsman's final decision:\n\nSummary: Ms X complained.\n\n";
const DECISION = HEAD + 'The complaint\n\n  1. Ms X complains about £300.\n';
const LIMIT = 64 * 1024 * 1024; // lgsco::DEFAULT_MAX_INPUT_BYTES (UTF-8 bytes)

function stillWorks() {
  const d = lgsco.parse(DECISION);
  assert.equal(d.header.reference_id, '19-011-114');
  const p = d.sections[0].blocks[0];
  assert.equal(DECISION.slice(p.span.start, p.span.end).trim(), '1. Ms X complains about £300.');
}

/** Calls f; a thrown value must be an Error and never a WebAssembly trap. */
function noTrap(f, label) {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    assert.ok(e instanceof Error, `${label}: threw a non-Error ${String(e)}`);
    assert.ok(!(e instanceof WebAssembly.RuntimeError), `${label}: trapped: ${e.message}`);
    assert.doesNotMatch(String(e.message), /unreachable|panicked|RuntimeError/i, label);
    return { ok: false, error: e };
  }
}

const HOSTILE = [
  undefined, null, 0, -1, 2 ** 53, NaN, 1n, true, Symbol('s'), {}, [], ['text'],
  { toString: () => DECISION }, new String(DECISION), () => DECISION,
  new Proxy({}, { get() { throw new Error('proxy'); } }),
  new Uint8Array([0xff, 0xfe]), new ArrayBuffer(8),
  '\ud800', '\udfff', DECISION + '\udc00', '\ud83d' + DECISION, '', ' \n', '\0'.repeat(1000),
  Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('') + '\x7f',
];

const EXPORTS = ['parse', 'parseObject', 'parseMany', 'toAkn', 'toMarkdown', 'toHtml'];

test('every export, every hostile argument: an Error or a result, never a trap', () => {
  let calls = 0;
  for (const name of EXPORTS) {
    const f = lgsco[name];
    if (typeof f !== 'function') continue;
    for (const h of HOSTILE) {
      for (const arg of [h, [h], [DECISION, h]]) {
        noTrap(() => f(arg), `${name}(${typeof h})`);
        calls++;
      }
    }
    // No argument at all, and too many.
    noTrap(() => f(), `${name}()`);
    noTrap(() => f(DECISION, DECISION, {}), `${name}(3 args)`);
  }
  assert.ok(calls > 100);
  stillWorks();
});

test('lone surrogates throw a coded Error wherever they are', () => {
  for (const s of ['\ud800', DECISION + '\udfff', 'a\ud800\udc00b\ud800', '\udc00' + DECISION]) {
    const r = noTrap(() => lgsco.parse(s), 'surrogate');
    assert.equal(r.ok, false);
    assert.equal(r.error.code, 'invalid_utf16');
    stillWorks();
  }
});

test('degenerate inputs are coded errors', () => {
  const cases = [
    ['', 'empty'], [' \n\t\r\n\u00a0\ufeff', 'empty'], ['\0'.repeat(10_000), 'not_a_decision'],
    ['Back to top\nPrint this page\nLGO logogram\n', 'not_a_decision'],
  ];
  for (const [input, code] of cases) {
    const r = noTrap(() => lgsco.parse(input), code);
    assert.equal(r.ok, false);
    assert.equal(r.error.code, code);
  }
  stillWorks();
});

test('over the size limit throws too_large, and the module still works', () => {
  // 64 MiB of UTF-8 plus one byte; '£' is two bytes in UTF-8, one UTF-16 unit.
  const huge = '£'.repeat(LIMIT / 2) + 'x';
  const r = noTrap(() => lgsco.parse(huge), 'too large');
  assert.equal(r.ok, false);
  assert.equal(r.error.code, 'too_large');
  stillWorks();
});

test('a 10 MB line and a million lines parse, spans in UTF-16 units', () => {
  const words = 'the Council paid £300 on 13 September 2021 – ‘late’ … 😀 '.repeat(170_000);
  const text = HEAD + 'The complaint\n\n  1. ' + words;
  const d = lgsco.parse(text);
  const paragraphs = d.sections.flatMap((s) => s.blocks);
  assert.equal(paragraphs.length, 1);
  const money = d.entities.filter((e) => e.kind === 'money');
  assert.equal(money.length, 170_000);
  const last = money[money.length - 1];
  assert.equal(text.slice(last.span.start, last.span.end), '£300');

  const body = Array.from({ length: 1_000_000 }, (_, i) => `  ${(i % 40) + 1}. Ms X.\n`).join('');
  const many = lgsco.parse(HEAD + 'The complaint\n\n' + body);
  assert.equal(many.sections[0].blocks.length, 1_000_000);
  stillWorks();
});

test('a thousand hostile calls in a row, then the seeds parse as before', () => {
  const before = JSON.stringify(lgsco.parse(fixtureText(SEED_000)));
  let seed = 7;
  const rand = (n) => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed % n; };
  for (let i = 0; i < 1000; i++) {
    let s = '';
    const n = rand(600);
    for (let j = 0; j < n; j++) s += String.fromCharCode(rand(4) === 0 ? rand(0x10000) : 32 + rand(95));
    noTrap(() => lgsco.parse(s), `random ${i}`);
    noTrap(() => lgsco.parse(HOSTILE[i % HOSTILE.length]), `hostile ${i}`);
  }
  assert.equal(JSON.stringify(lgsco.parse(fixtureText(SEED_000))), before);
});
