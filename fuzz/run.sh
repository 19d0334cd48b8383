#!/usr/bin/env bash
# Runs the fuzzing harness: each target for SECONDS (default 60), one after another, on one
# core. Seeds come from plans/, examples/, schemas/ and fuzz/seeds/; the corpus grows in
# fuzz/corpus/TARGET (not committed). A crash is written to fuzz/artifacts/TARGET and makes
# the script exit 1 after the other targets have run. See docs/fuzzing.md.
#
#   fuzz/run.sh [SECONDS] [TARGET...]      targets: check direct views config programme import
#
# cargo-fuzz needs a nightly compiler (for -Zsanitizer). The machine's nightly is used when
# rustup has one; otherwise stable with RUSTC_BOOTSTRAP=1, which lets stable take -Z flags.
set -uo pipefail
cd "$(dirname "$0")"

seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(check direct views config programme import)

if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
  toolchain=nightly
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
  toolchain="stable with RUSTC_BOOTSTRAP=1"
fi
echo "fuzz: toolchain ${toolchain}; ${seconds} s per target: ${targets[*]}"

seed() {
  local dir=corpus/$1
  mkdir -p "$dir"
  case $1 in
    # Without the .yaml suffix, so that `kehoach check .` at the root does not take the seeds
    # for the repository's plans.
    check | direct | views)
      for f in ../plans/*.yaml ../examples/*.yaml; do cp "$f" "$dir/seed-$(basename "$f" .yaml)"; done ;;
    config) cp seeds/config/*.toml "$dir"/ ;;
    programme) cp ../schemas/1629-qd-ttg.yaml "$dir"/ ;;
    import) cp ../tests/fixtures/seeds/*.txt ../tests/fixtures/import/*.docx ../tests/fixtures/import/*.html "$dir"/ ;;
  esac
}

# FUZZ_NO_BUILD=1 runs the binaries already built (a long campaign while the sources change).
if [ -z "${FUZZ_NO_BUILD:-}" ] && ! "${fuzz[@]}" build --debug-assertions; then
  echo "fuzz: the targets do not build" >&2
  exit 2
fi
bin=target/$(rustc -vV | sed -n 's/^host: //p')/release
status=0
summary=()
for t in "${targets[@]}"; do
  seed "$t"
  mkdir -p "artifacts/$t"
  log=$(mktemp)
  start=$(date +%s)
  # The interning in text::cached is reachable from a static, so leak detection stays on.
  "$bin/$t" "corpus/$t" -artifact_prefix="artifacts/$t/" \
    -max_total_time="$seconds" -dict=kehoach.dict -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$log" 2>&1
  rc=$?
  end=$(date +%s)
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  rss=$(grep -Eo 'stat::peak_rss_mb: *[0-9]+' "$log" | grep -Eo '[0-9]+$' | tail -1)
  crashes=$(find "artifacts/$t" -type f | wc -l)
  corpus=$(find "corpus/$t" -type f | wc -l)
  line="$t: ${runs:-?} inputs in $((end - start)) s, corpus $corpus files, peak RSS ${rss:-?} MB, artifacts $crashes, exit $rc"
  echo "fuzz: $line"
  summary+=("$line")
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    status=1
    tail -40 "$log"
  fi
  rm -f "$log"
done
echo "fuzz: summary ($(date -u +%FT%TZ))"
printf '  %s\n' "${summary[@]}"
exit "$status"
