// Hostile text for the page: markup, script and template strings. Shared by
// hostile.test.mjs (every payload, every way in, in Chromium) and the
// cross-engine journeys (journeys.mjs).

// Each payload, if it ever ran, would set window.__pwned or open a dialog.
export const PAYLOADS = [
  "<script>window.__pwned=1</script>",
  '<img src=x onerror="window.__pwned=1">',
  "<svg onload=\"window.__pwned=1\"><script>window.__pwned=1</script></svg>",
  '<svg><animate onbegin="window.__pwned=1" attributeName=x dur=1s></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=1">',
  '<math href="javascript:window.__pwned=1">click</math>',
  '<a href="javascript:window.__pwned=1">click me</a>',
  "javascript:window.__pwned=1",
  "</textarea><script>window.__pwned=1</script>",
  "</textarea><img src=x onerror=alert(1)>",
  "</pre><img src=x onerror=alert(1)><pre>",
  "{{7*7}} {{constructor.constructor('window.__pwned=1')()}}",
  "${window.__pwned=1} ${7*7} #{7*7} <%= 7*7 %> [[7*7]]",
  '<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>',
  '<details open ontoggle="window.__pwned=1">x</details>',
  '<body onload="window.__pwned=1">',
  '"><script>window.__pwned=1</script>',
  "'><svg/onload=window.__pwned=1>",
  "<scr<script>ipt>window.__pwned=1</scr</script>ipt>",
  '<!--<img src="--><img src=x onerror=window.__pwned=1//">',
  '<meta http-equiv="refresh" content="0;url=javascript:window.__pwned=1">',
  '<base href="javascript:window.__pwned=1//">',
  '<object data="javascript:window.__pwned=1"></object><embed src="javascript:window.__pwned=1">',
  '<style>*{background:url("javascript:window.__pwned=1")}</style>',
  "<template><script>window.__pwned=1</script></template>",
  '<x onmouseover="window.__pwned=1" style="display:block;position:fixed;inset:0">hover me</x>',
  '<form action="javascript:window.__pwned=1"><button>go</button></form>',
  '<noscript><p title="</noscript><img src=x onerror=window.__pwned=1>">',
  "&lt;script&gt;window.__pwned=1&lt;/script&gt; &amp; &#60;b&#62;",
  '");window.__pwned=1;//\u2028\u2029',
  "<xmp><plaintext>swallow the rest",
  "\u202e<b>reversed</b>\u202c and \uff1cscript\uff1e fullwidth",
  "jaVasCript:/*-/*`/*\\`/*'/*\"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e",
  "Line one <b>bold</b>\n\nLine two <i onclick=alert(1)>italic</i>\r\n\r\nNUL \u0000 and ESC \u001b[31m",
];

// Elements and attributes that would mean text became markup.
// (Links, <details> and style sheets of storydiff's own may exist; they
// are checked by their attributes below, style sheets by their text.)
export const DANGEROUS = "script, img, svg, math, iframe, object, embed, form, base, meta, link, template, x, b, i, body, noscript, xmp, plaintext, mglyph, mtext";

/** What the Before side must show: the text, controls as symbols, line breaks aside. */
export function shown(text) {
  return text
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => String.fromCharCode(0x2400 + c.charCodeAt(0)))
    .replace(/[\r\n]/g, "");
}

