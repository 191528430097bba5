/* The permalinks' codec where the browser has none: deflate-raw by
 * CompressionStream / DecompressionStream when the engine has them with
 * "deflate-raw" (Chromium 103, Firefox 113, Safari 16.4 and later), else
 * this file's own:
 *
 * - `store(bytes)`: deflate-raw made of stored blocks (no compression).
 *   Any inflater reads it, so a link made here opens in every browser; it
 *   is longer, so it reaches the 32 KB limit with less text.
 * - `inflate(bytes, most)`: a whole inflater (stored, fixed and dynamic
 *   Huffman blocks, after RFC 1951 and zlib's puff.c), so links made by
 *   any browser open here. It throws an Error whose `tooLarge` is true past
 *   `most` bytes of output, and any other Error on data that is not
 *   deflate-raw.
 *
 * permalink.js asks `codec.native` which to use. No DOM and no page state:
 * tests/e2e/codec.test.mjs imports this module in Node. */

function supports(Kind) {
  try {
    new Kind("deflate-raw");
    return true;
  } catch (e) {
    return false;
  }
}

/** deflate-raw of `bytes` in stored blocks of at most 65,535 bytes. */
function store(bytes) {
  var blocks = Math.max(1, Math.ceil(bytes.length / 65535));
  var out = new Uint8Array(bytes.length + blocks * 5);
  var o = 0;
  for (var i = 0; i < blocks; i++) {
    var start = i * 65535;
    var end = Math.min(bytes.length, start + 65535);
    var n = end - start;
    out[o++] = i === blocks - 1 ? 1 : 0; // BFINAL, BTYPE 00
    out[o++] = n & 255;
    out[o++] = n >>> 8;
    out[o++] = ~n & 255;
    out[o++] = (~n >>> 8) & 255;
    out.set(bytes.subarray(start, end), o);
    o += n;
  }
  return out;
}

var LENGTH_BASE = [3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258];
var LENGTH_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
var DIST_BASE = [1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577];
var DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
var CODE_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

function bad() {
  return new Error("not deflate-raw data");
}

/** A canonical Huffman code from its code lengths: how many codes of
 * each length, and the symbols in code order. */
function huffman(lengths) {
  var count = new Uint16Array(16);
  var symbol = new Uint16Array(lengths.length);
  var offset = new Uint16Array(16);
  for (var s = 0; s < lengths.length; s++) count[lengths[s]]++;
  count[0] = 0;
  var left = 1;
  for (var len = 1; len < 16; len++) {
    left = left * 2 - count[len];
    if (left < 0) throw bad(); // over-subscribed
  }
  for (len = 1; len < 15; len++) offset[len + 1] = offset[len] + count[len];
  for (s = 0; s < lengths.length; s++) if (lengths[s]) symbol[offset[lengths[s]]++] = s;
  return { count: count, symbol: symbol };
}

var FIXED = (function () {
  var lengths = new Uint8Array(288);
  for (var s = 0; s < 288; s++) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
  var dist = new Uint8Array(30).fill(5);
  return { lengths: huffman(lengths), dist: huffman(dist) };
})();

/** The bytes `data` (deflate-raw) inflates to, at most `most` of them. */
function inflate(data, most) {
  var pos = 0;
  var bitBuffer = 0;
  var bitCount = 0;
  var out = new Uint8Array(Math.min(most, Math.max(1024, data.length * 4)));
  var size = 0;

  function bits(n) {
    while (bitCount < n) {
      if (pos >= data.length) throw bad(); // cut short
      bitBuffer |= data[pos++] << bitCount;
      bitCount += 8;
    }
    var value = bitBuffer & ((1 << n) - 1);
    bitBuffer >>>= n;
    bitCount -= n;
    return value;
  }

  function put(byte) {
    if (size === out.length) {
      if (out.length >= most) {
        var e = new Error("more than " + most + " bytes");
        e.tooLarge = true;
        throw e;
      }
      var bigger = new Uint8Array(Math.min(most, out.length * 2));
      bigger.set(out);
      out = bigger;
    }
    out[size++] = byte;
  }

  function decode(code) {
    var value = 0;
    var first = 0;
    var index = 0;
    for (var len = 1; len < 16; len++) {
      value |= bits(1);
      var n = code.count[len];
      if (value - n < first) return code.symbol[index + (value - first)];
      index += n;
      first = (first + n) << 1;
      value <<= 1;
    }
    throw bad(); // a code the table does not have
  }

  function codes(lengthCode, distCode) {
    for (;;) {
      var symbol = decode(lengthCode);
      if (symbol < 256) put(symbol);
      else if (symbol === 256) return;
      else {
        symbol -= 257;
        if (symbol >= 29) throw bad();
        var len = LENGTH_BASE[symbol] + bits(LENGTH_EXTRA[symbol]);
        symbol = decode(distCode);
        if (symbol >= 30) throw bad();
        var dist = DIST_BASE[symbol] + bits(DIST_EXTRA[symbol]);
        if (dist > size) throw bad(); // reaches back before the start
        while (len--) put(out[size - dist]);
      }
    }
  }

  function stored() {
    bitBuffer = 0;
    bitCount = 0;
    if (pos + 4 > data.length) throw bad();
    var len = data[pos] | (data[pos + 1] << 8);
    var check = data[pos + 2] | (data[pos + 3] << 8);
    pos += 4;
    if (len !== (~check & 0xffff) || pos + len > data.length) throw bad();
    for (var i = 0; i < len; i++) put(data[pos + i]);
    pos += len;
  }

  function dynamic() {
    var nlen = bits(5) + 257;
    var ndist = bits(5) + 1;
    var ncode = bits(4) + 4;
    if (nlen > 286 || ndist > 30) throw bad();
    var lengths = new Uint8Array(19);
    for (var i = 0; i < ncode; i++) lengths[CODE_ORDER[i]] = bits(3);
    var lencode = huffman(lengths);
    lengths = new Uint8Array(nlen + ndist);
    var index = 0;
    while (index < nlen + ndist) {
      var symbol = decode(lencode);
      if (symbol < 16) {
        lengths[index++] = symbol;
        continue;
      }
      var len = 0;
      var repeat;
      if (symbol === 16) {
        if (index === 0) throw bad();
        len = lengths[index - 1];
        repeat = 3 + bits(2);
      } else if (symbol === 17) repeat = 3 + bits(3);
      else repeat = 11 + bits(7);
      if (index + repeat > nlen + ndist) throw bad();
      while (repeat--) lengths[index++] = len;
    }
    if (!lengths[256]) throw bad(); // no end-of-block code
    codes(huffman(lengths.subarray(0, nlen)), huffman(lengths.subarray(nlen)));
  }

  var last;
  do {
    last = bits(1);
    var type = bits(2);
    if (type === 0) stored();
    else if (type === 1) codes(FIXED.lengths, FIXED.dist);
    else if (type === 2) dynamic();
    else throw bad();
  } while (!last);
  return out.subarray(0, size);
}

export var codec = {
  /** Whether the browser's own deflate-raw streams are used. */
  native:
    typeof CompressionStream === "function" &&
    typeof DecompressionStream === "function" &&
    supports(CompressionStream) &&
    supports(DecompressionStream),
  store: store,
  inflate: inflate,
};
