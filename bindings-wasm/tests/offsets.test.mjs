// Spans are UTF-16 offsets: text.slice(span.start, span.end) is the node's
// text, after curly quotes, £, emoji, a byte-order mark, CRLF line ends.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lgsco, fixtureStems, fixtureText, textsWithSpans, SEED_000, SEED_001 } from './helpers.mjs';

function assertSlicesMatch(text, decision, label, start = 0) {
  const leaves = textsWithSpans(decision);
  assert.ok(leaves.length > 10, `${label}: only ${leaves.length} leaves`);
  for (const leaf of leaves) {
    assert.equal(text.slice(leaf.span.start, leaf.span.end), leaf.text,
      `${label}: span ${JSON.stringify(leaf.span)}`);
  }
  assert.equal(decision.span.start, start);
  assert.equal(decision.span.end, text.length);
  return leaves;
}

for (const stem of fixtureStems()) {
  test(`every leaf and entity slices to its text: ${stem}`, () => {
    const text = fixtureText(stem);
    assertSlicesMatch(text, lgsco.parse(text), stem);
  });
}

test('seed 001: leaves after curly quotes and £ slice right (offsets differ from bytes)', () => {
  const text = fixtureText(SEED_001);
  const leaves = assertSlicesMatch(text, lgsco.parse(text), SEED_001);
  const bytesBefore = (i) => Buffer.byteLength(text.slice(0, i), 'utf8');
  const shifted = leaves.filter((l) => bytesBefore(l.span.start) !== l.span.start);
  assert.ok(shifted.length > 50, `only ${shifted.length} leaves after non-ASCII text`);
  assert.ok(text.includes('’') && text.includes('£'));
});

test('emoji (two UTF-16 units), curly quotes and £ inserted all through seed 000', () => {
  const text = fixtureText(SEED_000)
    .replaceAll('the Council', 'the “Council” 😀 £5')
    .replace('Summary: ', 'Summary: 🏠👪 ');
  assert.ok(text.includes('😀'));
  const d = lgsco.parse(text);
  const leaves = assertSlicesMatch(text, d, 'emoji');
  const withEmoji = leaves.filter((l) => l.text.includes('😀'));
  assert.ok(withEmoji.length > 3, 'some leaves hold an emoji');
  // Everything after the first emoji is at least one unit further than its
  // code point index, so a code point or byte conversion would fail above.
  const first = text.indexOf('😀');
  assert.ok(leaves.some((l) => l.span.start > first));
  assert.ok(d.summary.text.startsWith('🏠👪'));
});

test('byte-order mark and CRLF line ends', () => {
  const text = '\uFEFF' + fixtureText(SEED_001).replace(/\n/g, '\r\n');
  const d = lgsco.parse(text);
  // The whole input's span starts after the byte-order mark, as in the CLI
  // (byte 3 there, UTF-16 unit 1 here).
  assertSlicesMatch(text, d, 'bom+crlf', 1);
  assert.equal(d.header.authority, 'Knowsley Metropolitan Borough Council');
});

test('lines are 1-based line numbers of span.start, unchanged by the conversion', () => {
  const text = fixtureText(SEED_001);
  for (const leaf of textsWithSpans(lgsco.parse(text))) {
    const line = text.slice(0, leaf.span.start).split('\n').length;
    assert.equal(leaf.span.line, line, leaf.text.slice(0, 40));
  }
});
