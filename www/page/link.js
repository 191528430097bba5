/* The permalinks' codec, with no DOM: a page state {before, after,
 * options, versions?, pair?} to the fragment that carries it and back
 * (the format is described in permalink.js, which writes and opens the
 * links). Needs only what Node also has (CompressionStream, TextEncoder,
 * btoa): tests/e2e/browser.mjs imports this module in Node to read the
 * links the page writes and to make crafted ones.
 *
 * deflate-raw by the browser's CompressionStream, or by deflate.js where
 * the browser has none (stored blocks, which every browser inflates). */
import { OPTION_KEYS } from "../core/options.js";
import { codec } from "./deflate.js";

var PREFIX = "sd1=";
export var LIMIT = 32 * 1024;
/** A link may not inflate to more than this (a "zip bomb" fragment). */
var MAX_INFLATED = 16 * 1024 * 1024;

function toBase64Url(bytes) {
  var binary = "";
  for (var i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new LinkError("it contains characters a storydiff link never has");
  var padded = text.replace(/-/g, "+").replace(/_/g, "/");
  while (padded.length % 4) padded += "=";
  var binary;
  try {
    binary = atob(padded);
  } catch (e) {
    throw new LinkError("it is cut short");
  }
  var bytes = new Uint8Array(binary.length);
  for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function LinkError(message) {
  this.message = message;
}

/** Byte chunks read from a stream, `total` bytes in all, as one array. */
function joined(chunks, total) {
  var all = new Uint8Array(total);
  var at = 0;
  chunks.forEach(function (chunk) {
    all.set(chunk, at);
    at += chunk.length;
  });
  return all;
}

/** Characters of text made, encoded and compressed at a time. */
var PIECE = 64 * 1024;

/** The JSON text of a link's data, as JSON.stringify({v: 1, b, a, o})
 * writes it, in pieces made as they are read: a link found too long
 * early stops early, without escaping and encoding a megabyte first. */
function* jsonPieces(state, options) {
  yield '{"v":1,"b":';
  yield* stringPieces(state.before);
  yield ',"a":';
  yield* stringPieces(state.after);
  if (state.versions) {
    yield ',"h":[';
    for (var i = 0; i < state.versions.length; i++) {
      yield (i ? "," : "") + '{"l":' + JSON.stringify(state.versions[i].label) + ',"t":';
      yield* stringPieces(state.versions[i].text);
      yield "}";
    }
    yield '],"p":' + JSON.stringify(state.pair);
  }
  yield ',"o":' + JSON.stringify(options) + "}";
}

/** JSON.stringify(text), a piece at a time. */
function* stringPieces(text) {
  yield '"';
  for (var at = 0; at < text.length; ) {
    var end = Math.min(at + PIECE, text.length);
    // A surrogate pair stays in one piece: JSON.stringify escapes a lone
    // half, and the link would differ.
    var last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    yield JSON.stringify(text.slice(at, end)).slice(1, -1);
    at = end;
  }
  yield '"';
}

/** deflate-raw of the UTF-8 of some pieces of text; or null as soon as
 * the output passes `most` bytes, so that a long text (1.4 MB deflates
 * for a tenth of a second on the main thread) stops after its first
 * part. */
async function deflate(pieces, most) {
  if (!codec.native) return storeAll(pieces, most);
  var stream = new CompressionStream("deflate-raw");
  var writer = stream.writable.getWriter();
  var reader = stream.readable.getReader();
  // The input goes in a piece at a time (a whole text in one write is
  // compressed in one go), while the output is read.
  var encoder = new TextEncoder();
  var stop = false;
  var writing = (async function () {
    for (var piece of pieces) {
      if (stop) return;
      await writer.write(encoder.encode(piece));
    }
    await writer.close();
  })();
  writing.catch(function () {});
  var chunks = [];
  var total = 0;
  for (;;) {
    var step = await reader.read();
    if (step.done) break;
    total += step.value.length;
    if (most && total > most) {
      stop = true;
      reader.cancel().catch(function () {});
      writer.abort().catch(function () {});
      return null;
    }
    chunks.push(step.value);
  }
  await writing;
  return joined(chunks, total);
}

/** deflate-raw in stored blocks (deflate.js), for a browser without
 * CompressionStream("deflate-raw"); null past `most` bytes. */
function storeAll(pieces, most) {
  var encoder = new TextEncoder();
  var chunks = [];
  var total = 0;
  for (var piece of pieces) {
    var bytes = encoder.encode(piece);
    total += bytes.length;
    // Five bytes of header a block of 65,535.
    if (most && total + 5 * Math.ceil(total / 65535) > most) return null;
    chunks.push(bytes);
  }
  return codec.store(joined(chunks, total));
}

async function inflate(bytes) {
  if (!codec.native) return utf8(inflateHere(bytes));
  var reader = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("deflate-raw")).getReader();
  var chunks = [];
  var total = 0;
  try {
    for (;;) {
      var step = await reader.read();
      if (step.done) break;
      total += step.value.length;
      if (total > MAX_INFLATED) {
        reader.cancel().catch(function () {});
        throw new LinkError("it unpacks to more than " + MAX_INFLATED / 1024 / 1024 + " MB");
      }
      chunks.push(step.value);
    }
  } catch (e) {
    if (e instanceof LinkError) throw e;
    throw new LinkError("it is damaged or cut short (the compressed data does not unpack)");
  }
  return utf8(joined(chunks, total));
}

/** deflate.js's inflater, for a browser without DecompressionStream("deflate-raw"). */
function inflateHere(bytes) {
  try {
    return codec.inflate(bytes, MAX_INFLATED);
  } catch (e) {
    if (e.tooLarge) throw new LinkError("it unpacks to more than " + MAX_INFLATED / 1024 / 1024 + " MB");
    throw new LinkError("it is damaged or cut short (the compressed data does not unpack)");
  }
}

function utf8(bytes) {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (e) {
    throw new LinkError("its text is not valid UTF-8");
  }
}

/** The fragment (without "#") for a state {before, after, options}; with
 * `limited`, null when it would be longer than LIMIT. */
export async function encode(state, limited) {
  var options = {};
  OPTION_KEYS.forEach(function (key) {
    if (state.options && state.options[key]) options[key] = true;
  });
  // Base64 makes four characters of every three bytes: past this many
  // bytes, the fragment is over the limit.
  var most = limited ? Math.floor(((LIMIT - PREFIX.length) * 3) / 4) : 0;
  var bytes = await deflate(jsonPieces(state, options), most);
  return bytes && PREFIX + toBase64Url(bytes);
}

/** The state in a fragment; throws a LinkError with a reason. */
export async function decode(fragment) {
  if (fragment.charAt(0) === "#") fragment = fragment.slice(1);
  if (fragment.indexOf(PREFIX) !== 0) {
    throw new LinkError(/^sd\d+=/.test(fragment) ? "it was made by a newer storydiff" : "it is not a storydiff link");
  }
  var text = await inflate(fromBase64Url(fragment.slice(PREFIX.length)));
  var data;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new LinkError("its contents are not what a storydiff link holds");
  }
  if (!data || typeof data !== "object" || data.v !== 1 || typeof data.b !== "string" || typeof data.a !== "string") {
    throw new LinkError("its contents are not what a storydiff link holds");
  }
  var versions = null;
  var pair = null;
  if (data.h !== undefined) {
    var n = Array.isArray(data.h) ? data.h.length : 0;
    var valid =
      n >= 2 &&
      data.h.every(function (v) {
        return v && typeof v === "object" && typeof v.l === "string" && typeof v.t === "string";
      }) &&
      Array.isArray(data.p) &&
      data.p.length === 2 &&
      data.p.every(function (k) {
        return Number.isInteger(k) && k >= 0 && k < n;
      });
    if (!valid) throw new LinkError("its contents are not what a storydiff link holds");
    versions = data.h.map(function (v) {
      return { label: v.l, text: v.t };
    });
    pair = data.p.slice();
  }
  var options = {};
  if (data.o && typeof data.o === "object") {
    OPTION_KEYS.forEach(function (key) {
      if (data.o[key] === true) options[key] = true;
    });
  }
  var state = { before: data.b, after: data.a, options: options };
  if (versions) {
    state.versions = versions;
    state.pair = pair;
  }
  return state;
}

/** Whether a fragment is meant as a permalink (row anchors are not). */
export function isLink(fragment) {
  return /^#?sd\d+=/.test(fragment);
}
