// The public API of the lgsco package, around the wasm-bindgen glue.
// Written once as an ES module; build.sh derives wrap.cjs from it for Node's
// `require`. No parsing here: the glue's exports do all the work.

/**
 * Makes `parse`, `parseMany` and `version` from the wasm-bindgen glue.
 *
 * `parse` builds the object across the boundary with serde-wasm-bindgen
 * (`parseToObject`, json-compatible); since the JSON text crosses as ASCII,
 * `parseToJson` + `JSON.parse` is close, but measured ~10% slower, so it is
 * kept as `parseObject` (same result, tested equal).
 */
export function makeApi(glue) {
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

  return {
    /** Parses one decision statement; see index.d.ts. */
    parse(text) {
      return guard(glue.parseToObject, text);
    },
    /** Parses several; throws the first error, with its `index`. */
    parseMany(texts) {
      return guard(glue.parseManyToObject, texts);
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
