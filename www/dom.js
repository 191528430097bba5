/* The DOM helpers the views, the ledger and the element share. */

/** Shows control characters (NUL, escape...) as visible symbols, as the
 * CLI's HTML report does (src/present/html.rs `escape_into`). */
export function visible(text) {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, function (c) {
    return String.fromCharCode(0x2400 + c.charCodeAt(0));
  });
}

export function el(tag, className, text) {
  var node = document.createElement(tag);
  if (className) node.className = className;
  if (text != null) node.textContent = text;
  return node;
}

/** Appends one mark: <del> for "delete", <ins> for "insert". A mark that
 * stands right against one of the other kind ("27 January" struck, then
 * "15 June") is set a little apart by CSS (`sd-joined`): a gap that is
 * no part of the text, so copying still gives the story's words. */
export function mark(parent, tag, text, cosmetic) {
  var name = tag === "delete" ? "del" : "ins";
  var node = el(name, cosmetic ? "sd-cosmetic" : "", text);
  var last = parent.lastChild;
  if (last && last.nodeType === 1 && /^(DEL|INS)$/.test(last.nodeName) && last.nodeName.toLowerCase() !== name) {
    node.classList.add("sd-joined");
  }
  parent.appendChild(node);
  return node;
}
