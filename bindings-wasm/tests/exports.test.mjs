// Exports from JavaScript: toAkn, toMarkdown, toHtml (the core's renderers,
// the same text as `lgsco parse --format akn|md|html`). The XML's structure
// is checked in depth by the Rust tests (quick-xml) and validated against
// the OASIS AKN 3.0 schema by the Python tests (lxml); here: that the
// package exposes them everywhere, that they give the documents for the
// seeds, and that they throw like parse.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { lgsco, pkgDir, fixtureStems, fixtureText, SEED_001 } from './helpers.mjs';

const seed = fixtureText(SEED_001);

/** Opening and closing tags balance, in order (a small well-formedness check). */
function balanced(xml) {
  const stack = [];
  const body = xml.replace(/^<\?xml[^>]*\?>/, '');
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/g)) {
    const [, close, name, , empty] = m;
    if (empty) continue;
    if (close) {
      assert.equal(stack.pop(), name, `</${name}> closes the wrong element`);
    } else {
      stack.push(name);
    }
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  // No markup characters outside tags and references.
  assert.doesNotMatch(body.replace(/<[^>]*>/g, ''), /[<>]|&(?!(amp|lt|gt|quot|#\d+);)/);
}

test('toAkn: seed 001 is one judgment with para_38 and a ref to it', () => {
  const xml = lgsco.toAkn(seed);
  assert.ok(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0">'));
  assert.equal(xml.match(/<judgment[ >]/g).length, 1);
  assert.equal(xml.match(/<paragraph eId="para_38">/g).length, 1);
  assert.match(xml, /<ref href="#para_38">paragraph 38<\/ref>/);
  assert.match(xml, /<FRBRnumber value="22-014-796"\/>/);
  assert.match(xml, /<FRBRdate date="2023-08-22" name="decision"\/>/);
  for (const part of ['introduction', 'background', 'motivation', 'remedies', 'decision']) {
    assert.match(xml, new RegExp(`<${part}>`), part);
  }
  assert.match(xml, /<blockList eId="para_17__list_1">/);
  balanced(xml);
});

test('toAkn / toMarkdown / toHtml: every fixture', () => {
  for (const stem of fixtureStems()) {
    const text = fixtureText(stem);
    const d = lgsco.parse(text);
    const ordinals = [];
    const walk = (blocks, subs) => {
      for (const b of blocks) if (b.type === 'paragraph' && b.ordinal !== null) ordinals.push(b.ordinal);
      for (const s of subs) walk(s.blocks, s.subsections);
    };
    for (const s of d.sections) walk(s.blocks, s.subsections);

    const xml = lgsco.toAkn(text);
    balanced(xml);
    for (const n of ordinals) assert.match(xml, new RegExp(`<paragraph eId="para_${n}">\\s*<num>${n}\\.</num>`), `${stem} ${n}`);

    const md = lgsco.toMarkdown(text);
    assert.ok(md.startsWith('# '), stem);
    for (const n of ordinals) assert.ok(md.includes(`\n**${n}.** `) || md.startsWith(`**${n}.** `), `${stem} md ${n}`);

    const html = lgsco.toHtml(text);
    assert.ok(html.startsWith('<!DOCTYPE html>'), stem);
    for (const n of ordinals) assert.ok(html.includes(`id="para_${n}" data-ordinal="${n}"`), `${stem} html ${n}`);
    for (const kind of new Set(d.entities.map((e) => e.kind))) {
      if (kind === 'remedy_action') continue; // may span pieces and go unmarked
      assert.ok(html.includes(`class="entity entity-${kind.replace(/_/g, '-')}" data-kind="${kind}"`), `${stem} ${kind}`);
    }
  }
});

test('toHtml marks money and links paragraph references', () => {
  const html = lgsco.toHtml(seed);
  assert.match(html, /<span class="entity entity-money" data-kind="money">£300<\/span>/);
  assert.match(html, /<a class="entity entity-paragraph-ref" data-kind="paragraph_ref" data-paragraph="31" href="#para_38">paragraph 38<\/a>/);
});

test('the renderers throw like parse', () => {
  for (const fn of [lgsco.toAkn, lgsco.toMarkdown, lgsco.toHtml]) {
    assert.throws(() => fn('nothing here'), (e) => e.code === 'not_a_decision' && e.line >= 1);
    assert.throws(() => fn(42), TypeError);
  }
});

test('ESM and the browser entry export them too', async () => {
  const esm = await import(pathToFileURL(path.join(pkgDir, 'index.mjs')).href);
  assert.equal(esm.toAkn(seed), lgsco.toAkn(seed));
  assert.equal(esm.toMarkdown, lgsco.toMarkdown);
  const web = await import(pathToFileURL(path.join(pkgDir, 'web.js')).href);
  assert.equal(typeof web.toAkn, 'function');
  assert.equal(typeof web.toHtml, 'function');
  assert.equal(typeof web.toMarkdown, 'function');
});
