/* The page's half of reading HTML (src/read.rs): the browser's own HTML
 * parser (DOMParser: an inert document, no script runs, nothing loads)
 * builds the tree, and this walks it in document order into the events
 * the wasm's reading rules consume, so the wasm carries no tokenizer.
 *
 * The events cross as two values: `items`, one number per event (its kind
 * in the low two bits: 0 start tag, 1 end tag, 2 text; its length above
 * them, in UTF-16 code units), and `text`, every event's name or text one
 * after another. */

var START = 0;
var END = 1;
var TEXT = 2;

// Elements that never have content: the tokenizer gives them no end tag,
// so neither does the walk (`</br>` would be read as a second `<br>`).
var VOID = new Set([
  "area",
  "base",
  "basefont",
  "bgsound",
  "br",
  "col",
  "embed",
  "frame",
  "hr",
  "img",
  "input",
  "keygen",
  "link",
  "meta",
  "param",
  "source",
  "track",
  "wbr",
]);

/** The document `html` parses into, never shown and never run. Chromium
 * checks the page's Content Security Policy as the parser sets an inline
 * event handler (`onerror="…"`) even in a DOMParser document, where it
 * can never run, and logs each as a violation; a DOMParser of a frame
 * already removed parses into a document with no window, where nothing is
 * checked. Where that parser cannot be had, the page's own is used. */
function parse(html) {
  var doc = null;
  try {
    var frame = document.createElement("iframe");
    frame.hidden = true;
    (document.body || document.documentElement).appendChild(frame);
    var Parser = frame.contentWindow.DOMParser;
    frame.remove();
    doc = new Parser().parseFromString(html, "text/html");
  } catch (e) {
    doc = null;
  }
  return doc || new DOMParser().parseFromString(html, "text/html");
}

/** The events of `html` as the browser parses it: {items, text}. Needs a
 * DOM (`DOMParser`): a page's main thread, not a worker or Node. */
export function htmlEvents(html) {
  if (typeof DOMParser === "undefined" || typeof document === "undefined") {
    throw new Error("storydiff: readHtml needs a browser's DOMParser (a page's main thread)");
  }
  var doc = parse(html);
  var items = [];
  var parts = [];
  function push(kind, s) {
    items.push(s.length * 4 + kind);
    parts.push(s);
  }
  var root = doc.documentElement;
  var node = root;
  // Iterative, so a deep tree cannot overflow the stack.
  while (node) {
    if (node.nodeType === 1) {
      // An element (1); text (3) or CDATA (4) below.
      push(START, node.localName);
      // A template's content is not among its children: it is dropped.
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (!VOID.has(node.localName)) push(END, node.localName);
    } else if (node.nodeType === 3 || node.nodeType === 4) {
      push(TEXT, node.data);
    }
    // Comments and processing instructions (8, 7) are skipped.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      push(END, node.localName);
    }
    node = node === root ? null : node.nextSibling;
  }
  return { items: Uint32Array.from(items), text: parts.join("") };
}
