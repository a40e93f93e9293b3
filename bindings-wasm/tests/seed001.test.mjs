// Facts anyone can check in the text of seed 001 (Knowsley, 22 014 796).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lgsco, fixtureText, paragraphs, SEED_001 } from './helpers.mjs';

const text = fixtureText(SEED_001);
const d = lgsco.parse(text);

test('seed 001: header', () => {
  assert.equal(d.header.authority, 'Knowsley Metropolitan Borough Council');
  assert.equal(d.header.reference, '22 014 796');
  assert.equal(d.header.reference_id, '22-014-796');
  assert.equal(d.header.decision_date, '2023-08-22');
  assert.equal(d.header.outcome, 'Upheld');
  assert.equal(d.header.category.area, "Children's care services");
  assert.equal(text.slice(d.header.title.span.start, d.header.title.span.end),
    'Knowsley Metropolitan Borough Council (22 014 796)');
});

test('seed 001: paragraph 38 begins "As already set out", first under "Ms X’s second complaint"', () => {
  const p38 = paragraphs(d).find((p) => p.ordinal === 38);
  assert.ok(p38, 'no paragraph with ordinal 38');
  assert.ok(p38.text.startsWith('As already set out'), p38.text.slice(0, 40));
  assert.ok(text.slice(p38.span.start, p38.span.end).includes('As already set out'));
  assert.equal(p38.number, 1, 'printed as 1. in the scrape');
  const find = (sections) => {
    for (const s of sections) {
      if (s.heading?.text === 'Ms X’s second complaint') return s;
      const r = find(s.subsections);
      if (r) return r;
    }
    return null;
  };
  const sub = find(d.sections);
  assert.ok(sub, 'no sub-heading "Ms X’s second complaint"');
  assert.equal(sub.blocks[0].ordinal, 38);
  // The heading's span, after many curly quotes, still slices to its text.
  assert.equal(text.slice(sub.heading.span.start, sub.heading.span.end), 'Ms X’s second complaint');
  assert.equal(Math.max(...paragraphs(d).map((p) => p.ordinal ?? 0)), 76);
});

test('seed 001: £300 is a money entity of 30000 pence, and the payments total', () => {
  assert.ok(text.includes('£300'));
  const money = d.entities.filter((e) => e.kind === 'money' && e.text === '£300');
  assert.ok(money.length >= 1, 'no £300 money entity');
  for (const e of money) {
    assert.equal(text.slice(e.span.start, e.span.end), '£300');
    assert.equal(e.value.pence, 30000);
  }
  // The agreed payment, in paragraph 74's lettered item, counts in the total.
  assert.equal(d.findings.payments_total.pence, 30000);
  for (const sp of d.findings.payments_total.sources) assert.equal(text.slice(sp.start, sp.end), '£300');
});
