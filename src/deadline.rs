//! The deadline: when `compare` settles for a rougher answer. Any stage may
//! read it; it reads nothing of the stages.

use similar::Instant;

/// Most items (both sides together) in a diff that runs without a
/// deadline: Myers' worst case, (N + M) · D steps, is then a few
/// milliseconds.
const SMALL_DIFF: usize = 1000;

/// The deadline `ms` milliseconds from now (none if that overflows).
pub(crate) fn after_ms(ms: u32) -> Option<Instant> {
    Instant::now().checked_add(std::time::Duration::from_millis(u64::from(ms)))
}

/// True once `deadline` has passed.
pub(crate) fn passed(deadline: Option<Instant>) -> bool {
    deadline.is_some_and(|d| Instant::now() > d)
}

/// The deadline to hand `similar` for a diff of `n` items against `m`:
/// none when the diff is small. `similar` reads the clock at every step of
/// its search, and in the browser that is a call out of the wasm
/// (`performance.now()`): on the many small diffs of a story, the clock
/// cost more than the diffing.
pub(crate) fn for_diff(n: usize, m: usize, deadline: Option<Instant>) -> Option<Instant> {
    if n + m <= SMALL_DIFF {
        None
    } else {
        deadline
    }
}
