#!/usr/bin/env bash
# Writes everything a kehoach binary prints for the bundled plans (and, optionally, a generated
# corpus) into DIR, one file per command × format × language, so that two builds can be compared
# byte for byte:
#
#   scripts/output-fingerprint.sh target/release/kehoach /tmp/before [CORPUS]
#   … change the code, rebuild …
#   scripts/output-fingerprint.sh target/release/kehoach /tmp/after [CORPUS]
#   diff -r /tmp/before /tmp/after && echo identical
#
# CORPUS is a directory of plans such as the one `KEHOACH_BENCH_DIR=DIR cargo bench --bench
# check_10k` keeps; its outputs are large, so only their SHA-256 and byte count are kept.
# Run from the checkout's root: the paths in the output are relative to it.
set -uo pipefail
bin=$(realpath "$1")
out=$2
corpus=${3:-}
mkdir -p "$out"
export NO_COLOR=1 COLUMNS=100 LANG=C.UTF-8
unset LANGUAGE LC_ALL LC_MESSAGES

# run NAME ARGS…: stdout and stderr into NAME.out / NAME.err, the exit status into NAME.out's end.
run() {
  local name=$1
  shift
  "$bin" "$@" >"$out/$name.out" 2>"$out/$name.err"
  echo "exit $?" >>"$out/$name.out"
}
# digest NAME ARGS…: as run, but only the SHA-256 and size of stdout are kept.
digest() {
  local name=$1
  shift
  local tmp
  tmp=$(mktemp)
  "$bin" "$@" >"$tmp" 2>"$out/$name.err"
  local status=$?
  { sha256sum <"$tmp" | cut -d' ' -f1; wc -c <"$tmp"; echo "exit $status"; } >"$out/$name.out"
  rm -f "$tmp"
}

for lang in vi en; do
  for plan in plans/*.yaml examples/*.yaml; do
    base=$(basename "$plan" .yaml)-$lang
    for f in human json sarif github; do run "check-$f-$base" check --lang "$lang" --format "$f" "$plan"; done
    for f in table md json; do
      run "summary-$f-$base" summary --lang "$lang" --format "$f" "$plan"
      run "diff-$f-$base" diff --lang "$lang" --format "$f" "$plan"
    done
    for f in md html; do run "render-$f-$base" render --force --lang "$lang" --format "$f" "$plan"; done
    tmp=$(mktemp -d)
    "$bin" render --force --lang "$lang" --format docx -o "$tmp/p.docx" "$plan" 2>"$out/render-docx-$base.err"
    (cd "$tmp" && unzip -qo p.docx 2>/dev/null && cat word/document.xml) >"$out/render-docx-$base.out" 2>&1
    rm -rf "$tmp"
  done
  for f in table md csv csv-long json html; do
    run "compare-$f-$lang" compare --lang "$lang" --format "$f" plans/ examples/
  done
  run "check-dir-human-$lang" check --lang "$lang" plans/ examples/
  run "check-dir-statistics-$lang" check --lang "$lang" --statistics plans/ examples/
  run "schema-$lang" schema --lang "$lang"
  if [ -n "$corpus" ]; then
    for f in human json sarif github; do digest "corpus-check-$f-$lang" check --lang "$lang" --format "$f" "$corpus"; done
    digest "corpus-compare-csv-long-$lang" compare --lang "$lang" --format csv-long "$corpus"
  fi
done
echo "$(ls "$out" | wc -l) files in $out"
