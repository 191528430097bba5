#!/usr/bin/env bash
# Builds the fuzzer's starting corpus in fuzz/corpus/compare/ (not
# committed): every pair of the project's seeds/, and every pair in
# ../shared/corpus (publishers' copyright: read from there, never copied
# into the repository). Each input is one options byte (0), Before, 0xFF,
# After. Pairs over 64 KB are skipped: the fuzzer works best on small inputs
# and mutates its way to large ones.
set -euo pipefail
cd "$(dirname "$0")"
out=corpus/compare
mkdir -p "$out"
limit=65536
add() { # name before after
  local size=$(( $(wc -c <"$2") + $(wc -c <"$3") ))
  if (( size > limit )); then return; fi
  { printf '\0'; cat "$2"; printf '\377'; cat "$3"; } >"$out/$1"
}
seeds=(../seeds/*.txt)
for ((i = 0; i + 1 < ${#seeds[@]}; i++)); do
  add "seed_$i" "${seeds[$i]}" "${seeds[$((i + 1))]}"
done
shared=${STORYDIFF_CORPUS:-../../shared/corpus}
if [[ -d $shared ]]; then
  for pair in "$shared"/*/; do
    name=$(basename "$pair")
    [[ -f $pair/a.txt && -f $pair/b.txt ]] && add "corpus_$name" "$pair/a.txt" "$pair/b.txt"
  done
else
  echo "no shared corpus at $shared (set STORYDIFF_CORPUS); seeds only" >&2
fi
echo "$(ls "$out" | wc -l) inputs in fuzz/$out"
