// The public API of the lgsco package, around the wasm-bindgen glue.
// Written once as an ES module; build.sh derives wrap.cjs from it for Node's
// `require`. No parsing here: the glue's exports do all the work; this file
// turns what they return into plain objects.

/** UTF-16 text in a Uint16Array -> string (browsers; Node passes Buffer's). */
function textDecoderUtf16() {
  // ignoreBOM: a leading U+FEFF is text here, not a byte order mark.
  const decoder = new TextDecoder('utf-16le', { ignoreBOM: true });
  return (units) => decoder.decode(units);
}

/** Whether `new Function` works here (not under a CSP without 'unsafe-eval'). */
function canCompile() {
  try {
    return new Function('return 1')() === 1;
  } catch (_) {
    return false;
  }
}

/**
 * A function that makes one object of the given keys, reading each value,
 * in order, with `read()`. Compiled to an object literal when allowed, so
 * every object of a shape gets the same hidden class at once (as JSON.parse
 * gives them); otherwise built key by key.
 */
function shapeMaker(keys, compile) {
  if (compile) {
    const props = keys.map((k) => (k === '__proto__' ? '["__proto__"]' : JSON.stringify(k)) + ': read()');
    return new Function('read', `return { ${props.join(', ')} };`);
  }
  return (read) => {
    const o = {};
    for (let i = 0; i < keys.length; i++) {
      const k = keys[i];
      if (k === '__proto__') {
        Object.defineProperty(o, k, { value: read(), writable: true, enumerable: true, configurable: true });
      } else {
        o[k] = read();
      }
    }
    return o;
  };
}

/**
 * Makes `parse`, `parseMany` and `version` from the wasm-bindgen glue.
 *
 * `parse` reads the tape `parseToTape` writes (see bindings-wasm/src/tape.rs):
 * u32 words, strings as slices of the input or of one decoded pool, objects
 * by shape. `parseObject` is the same result through JSON text and
 * `JSON.parse` (tested equal). `options.decodeUtf16` turns a Uint16Array of
 * UTF-16 into a string (default: TextDecoder).
 *
 * Shapes are numbered by the module for its lifetime; this side learns them
 * (`tapeShapes`) when a tape names more than it knows, and forgets them
 * when the module is reset (or when the registry's id changes: another
 * instance, or another api made from the same glue).
 */
export function makeApi(glue, options = {}) {
  const decodeUtf16 = options.decodeUtf16 ?? textDecoderUtf16();
  // options.compile = false: build objects key by key (tests that path).
  const compile = options.compile ?? canCompile();

  // Shapes: the registry's id and, by shape id, the maker of its objects.
  let registry = -1;
  let makers = [];
  const makerByKeys = new Map();

  // The tape being read.
  let words = null;
  let at = 0;
  let input = '';
  let pool = '';
  const f64 = new Float64Array(1);
  const f64Words = new Uint32Array(f64.buffer);

  function read() {
    const w = words[at++];
    switch (w & 7) {
      case 0:
        return w >>> 3;
      case 1:
        return makers[w >>> 3](read);
      case 2: {
        const n = w >>> 3;
        const a = [];
        for (let i = 0; i < n; i++) a.push(read());
        return a;
      }
      case 3: {
        const s = input.slice(words[at], words[at + 1]);
        at += 2;
        return s;
      }
      case 4: {
        const s = pool.slice(words[at], words[at + 1]);
        at += 2;
        return s;
      }
      case 5:
        // The f64's words, little-endian (wasm's byte order); typed arrays
        // use the platform's, little-endian on every JS engine's platform.
        f64Words[0] = words[at];
        f64Words[1] = words[at + 1];
        at += 2;
        return f64[0];
      case 6:
        return w === 6 ? null : w === 22;
      default:
        throw new Error('lgsco: internal error: bad tape word ' + w);
    }
  }

  function learnShapes(id, count) {
    if (id !== registry || makers.length > count) {
      registry = id;
      makers = [];
    }
    for (const keys of JSON.parse(glue.tapeShapes(makers.length))) {
      const sig = JSON.stringify(keys);
      let make = makerByKeys.get(sig);
      if (!make) {
        make = shapeMaker(keys, compile);
        makerByKeys.set(sig, make);
      }
      makers.push(make);
    }
  }

  function parseOne(text) {
    const r = glue.parseToTape(text);
    if (typeof r === 'string') return JSON.parse(r);
    let [w, units] = r;
    if (w[0] !== registry || w[1] !== makers.length) {
      // Asking for the shapes calls into the module, which may move its
      // memory: copy the views first.
      w = w.slice();
      units = units.slice();
      learnShapes(w[0], w[1]);
    }
    words = w;
    at = 2;
    input = text;
    pool = units.length ? decodeUtf16(units) : '';
    try {
      return read();
    } finally {
      words = null;
      input = pool = '';
    }
  }

  // A trap (a Rust panic, which aborts in wasm, or a stack overflow) leaves
  // the instance poisoned: make a fresh one so the next call works, and turn
  // the trap into an ordinary Error.
  function guard(fn, arg) {
    try {
      return fn(arg);
    } catch (e) {
      if (e instanceof WebAssembly.RuntimeError || e instanceof RangeError) {
        let detail = null;
        try {
          detail = glue.takePanicMessage();
        } catch (_) {
          // the instance may be too broken to say
        }
        glue.__wbg_reset_state();
        registry = -1;
        makers = [];
        const err = new Error(
          'lgsco: internal error' + (detail ? ': ' + detail : ': ' + e.message) +
            ' (the module was reset and can be used again; please report the input)',
          { cause: e },
        );
        err.name = 'InternalError';
        err.code = 'internal';
        throw err;
      }
      throw e;
    }
  }

  function parseMany(texts) {
    if (!Array.isArray(texts)) {
      const err = new TypeError('lgsco.parseMany expects an array of strings');
      err.code = 'invalid_input';
      throw err;
    }
    const out = [];
    for (let i = 0; i < texts.length; i++) {
      try {
        out.push(parseOne(texts[i]));
      } catch (e) {
        // The input's errors get its index; traps are left to guard.
        if (!(e instanceof WebAssembly.RuntimeError || e instanceof RangeError) && e && typeof e === 'object') {
          e.index = i;
        }
        throw e;
      }
    }
    return out;
  }

  return {
    /** Parses one decision statement; see index.d.ts. */
    parse(text) {
      return guard(parseOne, text);
    },
    /** Parses several; throws the first error, with its `index`. */
    parseMany(texts) {
      return guard(parseMany, texts);
    },
    /** Same result as `parse`, through JSON text and `JSON.parse`. */
    parseObject(text) {
      return JSON.parse(guard(glue.parseToJson, text));
    },
    /** Parses one decision and renders it as Akoma Ntoso 3.0 XML. */
    toAkn(text) {
      return guard(glue.toAkn, text);
    },
    /** Parses one decision and renders it as Markdown. */
    toMarkdown(text) {
      return guard(glue.toMarkdown, text);
    },
    /** Parses one decision and renders it as a standalone HTML page. */
    toHtml(text) {
      return guard(glue.toHtml, text);
    },
    /** The lgsco version this package was built from. */
    version() {
      return glue.version();
    },
    /** For tests only: panics inside the module, which must survive it. */
    __panicForTest() {
      return guard(glue.__panicForTest, undefined);
    },
  };
}
