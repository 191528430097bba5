// The permalinks' own codec (www/page/deflate.js), for browsers without
// CompressionStream("deflate-raw"): its inflater against zlib's deflate at
// every level and strategy, its stored blocks against zlib's inflate, and
// damaged data refused with an Error, never a hang or a wrong answer
// taken for right. Imports the page's module itself in Node (no browser).
import { test } from "node:test";
import assert from "node:assert/strict";
import { deflateRawSync, inflateRawSync, constants } from "node:zlib";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { root, seed, SEED_000, SEED_001, SEED_002 } from "./browser.mjs";

const { codec } = await import(pathToFileURL(path.join(root, "www", "page", "deflate.js")).href);
const { store, inflate } = codec;
const MOST = 16 * 1024 * 1024;

/** Texts of every shape: empty, short, long, repetitive, random bytes. */
function samples() {
  let x = 12345;
  const random = (n) =>
    Uint8Array.from({ length: n }, () => {
      x = (x * 1103515245 + 12345) % 2147483648;
      return x >>> 16;
    });
  return [
    new Uint8Array(0),
    Buffer.from("a"),
    Buffer.from(seed(SEED_000)),
    Buffer.from(JSON.stringify({ v: 1, b: seed(SEED_000), a: seed(SEED_001), o: {} })),
    Buffer.from(seed(SEED_002).repeat(30)), // over 65,535 bytes: several blocks
    Buffer.from("ab".repeat(70000)), // long matches at distance 2
    Buffer.from("👩‍👩‍👧 café 叙利亚 ".repeat(500)),
    random(1000),
    random(200000), // incompressible: stored blocks from zlib too
  ];
}

test("inflates what zlib deflates, at every level and strategy", () => {
  const strategies = [constants.Z_DEFAULT_STRATEGY, constants.Z_FILTERED, constants.Z_HUFFMAN_ONLY, constants.Z_RLE, constants.Z_FIXED];
  for (const data of samples()) {
    for (const level of [0, 1, 6, 9]) {
      for (const strategy of strategies) {
        const packed = deflateRawSync(data, { level, strategy });
        assert.deepEqual(Buffer.from(inflate(packed, MOST)), Buffer.from(data), `${data.length} bytes, level ${level}, strategy ${strategy}`);
      }
    }
  }
});

test("stored blocks are deflate-raw that zlib inflates, and inflate back", () => {
  for (const data of samples()) {
    const packed = store(data);
    assert.equal(packed.length, data.length + 5 * Math.max(1, Math.ceil(data.length / 65535)));
    assert.deepEqual(inflateRawSync(packed), Buffer.from(data));
    assert.deepEqual(Buffer.from(inflate(packed, MOST)), Buffer.from(data));
  }
});

test("past the limit it stops, saying so", () => {
  const bomb = deflateRawSync(Buffer.alloc(1 << 20), { level: 9 });
  assert.throws(() => inflate(bomb, 1000), (e) => e.tooLarge === true);
  assert.equal(inflate(bomb, 1 << 20).length, 1 << 20);
});

test("damaged data is refused with an Error (cut short, flipped bits, reserved block type, reaching back too far)", () => {
  const packed = deflateRawSync(Buffer.from(seed(SEED_000)), { level: 9 });
  assert.throws(() => inflate(packed.subarray(0, packed.length >> 1), MOST), Error);
  assert.throws(() => inflate(Uint8Array.of(0b111), MOST), Error); // BTYPE 11
  assert.throws(() => inflate(Uint8Array.of(1, 5, 0, 0, 0), MOST), Error); // LEN and NLEN disagree
  assert.throws(() => inflate(new Uint8Array(0), MOST), Error);
  // A fixed block whose first symbol copies 3 bytes from 1 back: from
  // before the start (BFINAL 1, BTYPE 01, length code 257, distance code 0).
  assert.throws(() => inflate(Uint8Array.of(0b00000011, 0b00000010, 0), MOST), Error);
  // Every single flipped bit: an Error or some output, never a hang or
  // anything but an Error thrown.
  let refused = 0;
  for (let i = 0; i < packed.length * 8; i += 7) {
    const bent = Uint8Array.from(packed);
    bent[i >> 3] ^= 1 << (i & 7);
    try {
      inflate(bent, MOST);
    } catch (e) {
      assert.ok(e instanceof Error, String(e));
      refused++;
    }
  }
  assert.ok(refused > 0);
});
