// Errors: input that holds no decision throws an Error that says where;
// nothing traps the module or leaves it unusable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lgsco, fixtureText, goldenJson, goldenInUtf16, fixtureStems, SEED_000 } from './helpers.mjs';

function throwsParseError(input, code) {
  let caught = null;
  try {
    lgsco.parse(input);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught, `no error for ${JSON.stringify(String(input)).slice(0, 60)}`);
  assert.ok(caught instanceof Error, 'an Error');
  if (code) assert.equal(caught.code, code, caught.message);
  return caught;
}

test('parse("") throws an Error with code, line and column', () => {
  const e = throwsParseError('', 'empty');
  assert.equal(e.name, 'ParseError');
  assert.equal(e.line, 1);
  assert.equal(e.column, 1);
  assert.equal(e.offset, 0);
  assert.match(e.message, /line 1, column 1/);
});

test('whitespace only throws `empty`', () => {
  throwsParseError('   \n\n\t \u00a0\n', 'empty');
});

test('text that is no decision throws `not_a_decision`, message gives line and column', () => {
  const e = throwsParseError('Dear Sir,\nplease find my shopping list attached.\n', 'not_a_decision');
  assert.equal(typeof e.line, 'number');
  assert.equal(typeof e.column, 'number');
  assert.ok(e.line >= 1 && e.column >= 1);
  assert.ok(e.message.includes(`line ${e.line}, column ${e.column}`), e.message);
  assert.ok(e.offset >= 0 && e.byteOffset >= 0);
});

test('non-strings throw a TypeError, never trap', () => {
  for (const bad of [undefined, null, 42, 0, true, {}, [], ['text'], () => 'x', Symbol('s'), 10n,
    new String('x'), Buffer.from('abc'), new Uint8Array(3)]) {
    let caught = null;
    try {
      lgsco.parse(bad);
    } catch (e) {
      caught = e;
    }
    assert.ok(caught instanceof TypeError, `${typeof bad}: ${caught}`);
    assert.equal(caught.code, 'invalid_input');
  }
  assert.throws(() => lgsco.parse(), TypeError);
});

test('lone surrogates throw `invalid_utf16` with the place, never trap', () => {
  const seed = fixtureText(SEED_000);
  const cases = ['\ud800', '\udc00', 'abc\ud83d', '\ude00abc', seed.slice(0, 300) + '\ud800' + seed.slice(300),
    'x\n\nab\udfffcd'];
  for (const input of cases) {
    const e = throwsParseError(input, 'invalid_utf16');
    assert.equal(input.charCodeAt(e.offset) >= 0xd800 && input.charCodeAt(e.offset) <= 0xdfff, true);
    const before = input.slice(0, e.offset);
    assert.equal(e.line, before.split('\n').length);
    assert.equal(e.column, e.offset - (before.lastIndexOf('\n') + 1) + 1);
  }
  // A well-formed pair and a real U+FFFD are fine.
  assert.ok(lgsco.parse(seed.replace('Summary: ', 'Summary: 😀 \uFFFD ')).summary);
});

test('parseMany: errors carry the index; non-arrays are a TypeError', () => {
  const good = fixtureText(SEED_000);
  let caught = null;
  try {
    lgsco.parseMany([good, good, 'no decision here', good]);
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error);
  assert.equal(caught.index, 2);
  assert.equal(caught.code, 'not_a_decision');
  for (const bad of ['text', undefined, null, 1, { length: 1, 0: good }]) {
    assert.throws(() => lgsco.parseMany(bad), TypeError);
  }
  assert.throws(() => lgsco.parseMany([good, 5]), (e) => e instanceof TypeError && e.index === 1);
});

// Deterministic pseudo-random generator for the bad inputs.
function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

test('1,000 bad inputs in a row leave parse(seed 000) working', () => {
  const rand = rng(2024);
  const pieces = ['', ' ', '\n', '\r\n', '\uFEFF', '\u00a0', 'Summary:', '  1.', '- ', '•', '(', ')', '£',
    '’', 'Decision :', 'Back to t', '😀', '\u0000', 'a'.repeat(1000), '\ud800'];
  let thrown = 0;
  for (let i = 0; i < 1000; i++) {
    let input;
    switch (i % 5) {
      case 0: input = ''; break;
      case 1: input = Array.from({ length: 1 + Math.floor(rand() * 30) },
        () => pieces[Math.floor(rand() * pieces.length)]).join(''); break;
      case 2: input = String.fromCharCode(...Array.from({ length: Math.floor(rand() * 200) },
        () => Math.floor(rand() * 0x3000))); break;
      case 3: input = [null, undefined, 1, {}, [], 2n][i % 6]; break;
      default: input = 'no decision ' + i + '\n'.repeat(i % 7) + 'hello';
    }
    try {
      lgsco.parse(input);
    } catch (e) {
      assert.ok(e instanceof Error, `input ${i} threw a non-Error`);
      assert.notEqual(e.code, 'internal', `input ${i} trapped the module: ${e.message}`);
      thrown += 1;
    }
  }
  assert.ok(thrown > 900, `${thrown} of 1000 threw`);
  const text = fixtureText(SEED_000);
  assert.deepStrictEqual(lgsco.parse(text), goldenInUtf16(goldenJson(SEED_000), text));
});

test('damaged real text never traps: truncations and splices of every fixture', () => {
  const rand = rng(7);
  for (const stem of fixtureStems()) {
    const text = fixtureText(stem);
    for (let i = 0; i < 40; i++) {
      const a = Math.floor(rand() * text.length);
      const b = Math.floor(rand() * text.length);
      for (const input of [text.slice(0, a), text.slice(a), text.slice(0, a) + text.slice(b)]) {
        try {
          const d = lgsco.parse(input);
          assert.equal(d.span.end, input.length);
        } catch (e) {
          assert.ok(e instanceof Error);
          assert.notEqual(e.code, 'internal', `${stem} [${a}, ${b}]: ${e.message}`);
        }
      }
    }
  }
});

test('after a trap (a panic inside the module) the module is reset and works', () => {
  let caught = null;
  try {
    lgsco.__panicForTest();
  } catch (e) {
    caught = e;
  }
  assert.ok(caught instanceof Error);
  assert.equal(caught.code, 'internal');
  assert.match(caught.message, /panic requested by __panicForTest/);
  const text = fixtureText(SEED_000);
  assert.deepStrictEqual(lgsco.parse(text), goldenInUtf16(goldenJson(SEED_000), text));
  assert.throws(() => lgsco.parse(''), /empty input/);
});
