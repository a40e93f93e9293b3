// parse() reads the tape parseToTape writes (src/tape.rs, js/wrap.js): it
// must give exactly what the JSON path gives (parseObject: serde_json in
// wasm, JSON.parse), for real text, damaged text, any mix of shapes, with
// objects compiled per shape or built key by key.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { createRequire } from 'node:module';
import { lgsco, pkgDir, fixtureStems, fixtureText } from './helpers.mjs';

const require = createRequire(import.meta.url);
const glue = require(path.join(pkgDir, 'lgsco_wasm_node.cjs'));
const { makeApi } = require(path.join(pkgDir, 'wrap.cjs'));

function rng(seed) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Fixtures, and truncations and splices of them (some non-ASCII). */
function inputs() {
  const rand = rng(11);
  const out = [];
  for (const stem of fixtureStems()) {
    const text = fixtureText(stem);
    out.push(text, '\uFEFF' + text, text.replaceAll("'", '’'), text.replaceAll('£', '😀'));
    for (let i = 0; i < 12; i++) {
      const a = Math.floor(rand() * text.length);
      const b = Math.floor(rand() * text.length);
      out.push(text.slice(0, a), text.slice(a), text.slice(0, a) + text.slice(b));
    }
  }
  return out;
}

function outcome(f, text) {
  try {
    return { value: f(text) };
  } catch (e) {
    return { error: [e.name, e.code, e.message, e.line, e.column, e.offset] };
  }
}

test('parse (tape) gives what parseObject (JSON) gives, on real and damaged text', () => {
  let parsed = 0;
  for (const text of inputs()) {
    const a = outcome(lgsco.parse, text);
    assert.deepStrictEqual(a, outcome(lgsco.parseObject, text));
    // Same key order too (deepStrictEqual does not look at it).
    if (a.value) {
      assert.equal(JSON.stringify(a.value), JSON.stringify(lgsco.parseObject(text)));
      parsed += 1;
    }
  }
  assert.ok(parsed > 100, `only ${parsed} inputs parsed`);
});

test('objects built key by key (no new Function, as under a strict CSP) are the same', () => {
  const plain = makeApi(glue, { compile: false, decodeUtf16: (u) => new TextDecoder('utf-16le', { ignoreBOM: true }).decode(u) });
  for (const text of inputs().slice(0, 60)) {
    assert.deepStrictEqual(outcome(plain.parse, text), outcome(lgsco.parse, text));
  }
});

test('two APIs over one module keep their shape tables right', () => {
  const other = makeApi(glue);
  const texts = fixtureStems().map(fixtureText);
  for (let round = 0; round < 2; round++) {
    for (const text of texts) {
      assert.deepStrictEqual(other.parse(text), lgsco.parseObject(text));
      assert.deepStrictEqual(lgsco.parse(text), lgsco.parseObject(text));
    }
  }
});

test('strings are plain strings, objects plain objects, arrays plain arrays', () => {
  const d = lgsco.parse(fixtureText(fixtureStems()[0]));
  assert.equal(Object.getPrototypeOf(d), Object.prototype);
  assert.ok(Array.isArray(d.sections));
  assert.equal(typeof d.sections[0].blocks[0].text, 'string');
  assert.equal(d.contents === null || typeof d.contents === 'object', true);
});
