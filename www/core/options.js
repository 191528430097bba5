/* The comparison options, once for every front end in JS (the Rust side
 * has them in `model::Options`): the name the model and links use, the
 * element's attribute and the page's checkbox (`opt-` + attribute), and
 * whether `compare` reads it (the rest only change how a result shows). */
export var OPTIONS = [
  { key: "ignoreCase", attribute: "ignore-case", compare: true },
  { key: "ignoreWhitespace", attribute: "ignore-whitespace", compare: true },
  { key: "ignorePunctuation", attribute: "ignore-punctuation", compare: true },
  { key: "hideCosmetic", attribute: "hide-cosmetic", compare: false },
  { key: "showNoise", attribute: "show-noise", compare: false },
];

/** The options `compare` reads (the element's attributes). */
export var COMPARE_OPTIONS = OPTIONS.filter(function (option) {
  return option.compare;
});

/** Every option's name, in order: what a link and the store carry. */
export var OPTION_KEYS = OPTIONS.map(function (option) {
  return option.key;
});
