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

/** The events of `html` as the browser parses it: {items, text}. Needs a
 * DOM (`DOMParser`): a page's main thread, not a worker or Node. */
export function htmlEvents(html) {
  if (typeof DOMParser === "undefined") {
    throw new Error("storydiff: readHtml needs a browser's DOMParser (a page's main thread)");
  }
  var doc = new DOMParser().parseFromString(html, "text/html");
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
    if (node.nodeType === Node.ELEMENT_NODE) {
      push(START, node.localName);
      // A template's content is not among its children: it is dropped.
      if (node.firstChild) {
        node = node.firstChild;
        continue;
      }
      if (!VOID.has(node.localName)) push(END, node.localName);
    } else if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.CDATA_SECTION_NODE) {
      push(TEXT, node.data);
    }
    // Comments and processing instructions are skipped.
    while (node !== root && !node.nextSibling) {
      node = node.parentNode;
      push(END, node.localName);
    }
    node = node === root ? null : node.nextSibling;
  }
  return { items: Uint32Array.from(items), text: parts.join("") };
}
