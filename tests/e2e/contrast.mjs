// Text contrast as WCAG 2 measures it, read from the page's computed
// styles: each element's own text against the background it stands on
// (its ancestors' background colours, composited; images and gradients
// are not read). Runs in the page: pass `lowContrast` to page.evaluate.

/** [{text, ratio, color, background}] for every visible element under
 * `root` (a selector, searched in the document and in open shadow roots)
 * whose own text has a contrast below `least`. */
export function lowContrast([selector, least]) {
  const canvas = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  // Any CSS colour (rgb(), color(srgb ...), oklab ...) as [r, g, b, a] in 0..1.
  function rgba(css) {
    canvas.clearRect(0, 0, 1, 1);
    canvas.fillStyle = "#000";
    canvas.fillStyle = css;
    canvas.fillRect(0, 0, 1, 1);
    const d = canvas.getImageData(0, 0, 1, 1).data;
    return [d[0] / 255, d[1] / 255, d[2] / 255, d[3] / 255];
  }
  function over(top, under) {
    const a = top[3] + under[3] * (1 - top[3]);
    if (!a) return [0, 0, 0, 0];
    return [0, 1, 2].map((i) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a).concat(a);
  }
  function parentOf(node) {
    return node.parentElement || (node.parentNode && node.parentNode.host) || null;
  }
  function background(node) {
    const layers = [];
    for (let n = node; n; n = parentOf(n)) layers.push(rgba(getComputedStyle(n).backgroundColor));
    // The canvas under everything: the page's own colour scheme.
    let bg = rgba(getComputedStyle(document.documentElement).colorScheme.includes("dark") && !layers.some((l) => l[3] === 1) ? "#121212" : "#fff");
    for (let i = layers.length - 1; i >= 0; i--) bg = over(layers[i], bg);
    return bg;
  }
  function luminance(c) {
    const [r, g, b] = c.slice(0, 3).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  }
  const out = [];
  function visit(root) {
    for (const node of root.querySelectorAll("*")) {
      if (node.shadowRoot) visit(node.shadowRoot);
      const own = [...node.childNodes].filter((c) => c.nodeType === 3 && c.data.trim()).map((c) => c.data.trim()).join(" ");
      if (!own || !node.getClientRects().length || getComputedStyle(node).visibility === "hidden") continue;
      // Visually hidden (clipped to nothing) text is for screen readers.
      const box = node.getBoundingClientRect();
      if (box.width <= 1 && box.height <= 1) continue;
      const bg = background(node);
      const fg = over(rgba(getComputedStyle(node).color), bg);
      const [l1, l2] = [luminance(fg), luminance(bg)].sort((a, b) => b - a);
      const ratio = (l1 + 0.05) / (l2 + 0.05);
      if (ratio < least) out.push({ text: own.slice(0, 40), ratio: Math.round(ratio * 100) / 100, color: getComputedStyle(node).color, background: bg.map((v) => Math.round(v * 255)).join(",") });
    }
  }
  for (const root of document.querySelectorAll(selector)) visit(root.shadowRoot || root);
  return out;
}
