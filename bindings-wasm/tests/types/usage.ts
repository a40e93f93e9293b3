// Type-checked by package.test.mjs (tsc --noEmit --strict): the generated
// declarations describe what parse() returns.
import { parse, parseMany, init, type Decision, type Block, type Entity, type Span, type Text,
  type LgscoError, type SectionKind, type Paragraph, type Header } from 'lgsco';

const d: Decision = parse('text');
const h: Header = d.header;
const authority: string | null = h.authority;
const date: string | null | undefined = h.decision_date;
const span: Span = d.span;
const n: number = span.start + span.end + span.line;
const closing: Text | null = d.closing;
const kinds: SectionKind[] = d.sections.map((s) => s.kind);
for (const b of d.sections[0].blocks as Block[]) {
  if (b.type === 'paragraph') {
    const p: Paragraph = b;
    const ord: number | null = p.ordinal;
    void ord;
  } else {
    const items = b.items.map((i) => i.marker.text);
    void items;
  }
}
for (const e of d.entities as Entity[]) {
  const t: string = e.text;
  const p: number | null = e.paragraph;
  if (e.kind === 'money') {
    // Narrowed by the kind: value is Money.
    const pence: number | null = e.value.pence;
    void pence;
  }
  void t; void p;
}
const many: Decision[] = parseMany(['a', 'b']);
try {
  parse('');
} catch (err) {
  const e = err as LgscoError;
  const where: string = `${e.code} ${e.line}:${e.column}`;
  void where;
}
void init().then((api) => api.parse('x').layout);
// @ts-expect-error: a missing key is a type error.
const wrong: string = d.header.no_such_field;
void authority; void date; void n; void closing; void kinds; void many; void wrong;
