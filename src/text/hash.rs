//! Hashes of blocks and words, and trimming.

use std::hash::Hasher;

/// A fast hash of a text's exact bytes, eight at a time (FxHash's
/// rotate-xor-multiply): for finding byte-identical blocks, where folding
/// every character would cost ten times more.
pub(crate) fn exact_hash(text: &str) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let bytes = text.as_bytes();
    let mut h = bytes.len() as u64;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let word = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let mut last = [0u8; 8];
    last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    h = (h.rotate_left(5) ^ u64::from_le_bytes(last)).wrapping_mul(K);
    h ^ (h >> 29)
}

/// `str::trim`, with ASCII white space stripped a byte at a time: only a
/// text that then starts or ends beyond ASCII (where Unicode white space
/// may stand) goes through `str::trim`'s decoding.
pub(crate) fn trim(text: &str) -> &str {
    let space = |b: &u8| matches!(b, b'\t'..=b'\r' | b' ');
    let bytes = text.as_bytes();
    // All white space: the empty slice at the start, as `str::trim` gives.
    let Some(start) = bytes.iter().position(|b| !space(b)) else {
        return &text[..0];
    };
    let end = bytes
        .iter()
        .rposition(|b| !space(b))
        .map_or(start, |k| k + 1);
    let inner = &text[start..end];
    match (inner.as_bytes().first(), inner.as_bytes().last()) {
        (Some(a), Some(z)) if !a.is_ascii() || !z.is_ascii() => match inner.trim() {
            "" => &text[..0],
            t => t,
        },
        _ => inner,
    }
}

/// A hasher for keys that are hashes already: it passes them through.
pub(crate) type Prehashed = std::hash::BuildHasherDefault<PassThrough>;

#[derive(Default)]
pub(crate) struct PassThrough(u64);

impl std::hash::Hasher for PassThrough {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `u64` keys are hashed here; any other bytes are folded in.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

/// FNV-1a, through std's Hasher interface.
pub(super) struct Fnv(pub(super) u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u32(&mut self, n: u32) {
        // One round per character, not four: folding feeds characters.
        self.0 ^= u64::from(n);
        self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
    }
}
