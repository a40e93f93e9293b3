// The same golden files as the Rust and Python tests: parse() must give the
// golden JSON with its byte offsets converted to UTF-16 (by the test, from the
// JSON Schema), for every fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  lgsco, fixtureStems, fixtureText, goldenJson, goldenInUtf16, walkWithSchema, schema,
} from './helpers.mjs';

const stems = fixtureStems();

test('there are fixtures, each with a golden file', () => {
  assert.ok(stems.length >= 9, `only ${stems.length} fixtures`);
  for (const stem of stems) assert.ok(goldenJson(stem), `no tests/golden/${stem}.json`);
});

for (const stem of stems) {
  test(`golden: ${stem}`, () => {
    const text = fixtureText(stem);
    const golden = goldenJson(stem);
    const expected = goldenInUtf16(golden, text);
    const actual = lgsco.parse(text);
    assert.deepStrictEqual(actual, expected);
    // The serde-wasm-bindgen path gives the very same object.
    assert.deepStrictEqual(lgsco.parseObject(text), expected);
  });
}

test('golden files follow the schema exactly (every key, no others)', () => {
  for (const stem of stems) walkWithSchema(goldenJson(stem), () => {});
});

test('the conversion reaches every span and moves offsets after non-ASCII text', () => {
  let moved = 0;
  for (const stem of stems) {
    const golden = goldenJson(stem);
    let bySchema = 0;
    walkWithSchema(golden, (sp) => { if (sp) bySchema += 1; });
    let byShape = 0;
    const visit = (v) => {
      if (Array.isArray(v)) return v.forEach(visit);
      if (!v || typeof v !== 'object') return;
      if (Object.keys(v).sort().join() === 'end,line,start') byShape += 1;
      Object.values(v).forEach(visit);
    };
    visit(golden);
    assert.equal(bySchema, byShape, `${stem}: schema walk found ${bySchema} spans, ${byShape} exist`);
    const text = fixtureText(stem);
    const conv = goldenInUtf16(golden, text);
    if (conv.span.end !== golden.span.end) moved += 1;
    assert.equal(conv.span.end, text.length, `${stem}: the whole input's span ends at text.length`);
  }
  assert.ok(moved >= 3, `only ${moved} fixtures have non-ASCII text`);
});

test('Span is the one span-shaped type of the schema (the binding converts by that name)', () => {
  // lgsco-wasm converts the start/end of every struct serde names `Span`; a
  // second struct with byte offsets under another name would be missed.
  const shaped = Object.entries(schema.$defs)
    .filter(([, d]) => d.properties && 'start' in d.properties && 'end' in d.properties)
    .map(([name]) => name);
  assert.deepStrictEqual(shaped, ['Span']);
  const refs = JSON.stringify(schema).match(/"#\/\$defs\/Span"/g) ?? [];
  assert.ok(refs.length > 10, `only ${refs.length} references to Span`);
});

test('parseMany gives what parse gives, in order', () => {
  const texts = stems.map(fixtureText);
  const many = lgsco.parseMany(texts);
  assert.equal(many.length, texts.length);
  many.forEach((d, i) => assert.deepStrictEqual(d, lgsco.parse(texts[i])));
  assert.deepStrictEqual(lgsco.parseMany([]), []);
});

test('field order is the CLI\'s (struct order), not alphabetical', () => {
  const d = lgsco.parse(fixtureText(stems[0]));
  assert.deepStrictEqual(Object.keys(d).slice(0, 3), ['layout', 'header', 'summary']);
  assert.deepStrictEqual(Object.keys(d.span), ['start', 'end', 'line']);
});
