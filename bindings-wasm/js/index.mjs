// Node, ES module: `import { parse } from 'lgsco'`. Shares the CommonJS
// instance, so both styles in one process use one wasm instance.
import api from './index.cjs';

export const { parse, parseMany, parseObject, toAkn, toMarkdown, toHtml, version, init, initSync, __panicForTest } = api;
export default init;
