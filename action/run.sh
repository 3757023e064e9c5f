#!/usr/bin/env bash
# The GitHub Action's script (action.yml), in two steps:
#
#   run.sh audit     audits INPUT_FILES with INPUT_POLICY, prints GitHub annotations on stdout,
#                    writes the report files of INPUT_FORMATS into one folder, appends the Markdown
#                    scorecard to $GITHUB_STEP_SUMMARY and sets the step's outputs (exit-code,
#                    score, status, report-dir) in $GITHUB_OUTPUT. It exits 0 even when the gate
#                    fails, so that the reports are uploaded first.
#   run.sh verdict   exits 1 when the audit could not run (EXIT_CODE 2) or the gate failed
#                    (EXIT_CODE 1) and FAIL_ON_GATE is true; 0 otherwise.
#
# Inputs come as environment variables (never pasted into the script, so no input can inject
# shell code): INPUT_FILES (one path or glob per line, relative to $GITHUB_WORKSPACE),
# INPUT_POLICY, INPUT_FORMATS (markdown, html, junit, json; comma or space separated), INPUT_ARGS
# (more audit flags, split on spaces), SUPPORT_AUDIT_BIN (the command's bin/support-audit.js).
set -uo pipefail

fail() {
  # A workflow command's data: % CR LF escaped, as GitHub reads it.
  local text="$1"
  text="${text//'%'/%25}"
  text="${text//$'\r'/%0D}"
  text="${text//$'\n'/%0A}"
  echo "::error title=support-audit::${text}"
}

output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then echo "$1=$2" >>"$GITHUB_OUTPUT"; fi
}

summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat >>"$GITHUB_STEP_SUMMARY"; else cat >/dev/null; fi
}

# Nothing was audited: say why in the log, as an annotation and in the job summary.
stop() {
  fail "$1"
  printf '## support-audit\n\nThe audit could not run: %s\n' "$1" | summary
  output exit-code 2
  exit 0
}

verdict() {
  case "${EXIT_CODE:-2}" in
    0) exit 0 ;;
    1) if [ "${FAIL_ON_GATE:-true}" = "false" ]; then exit 0; else exit 1; fi ;;
    *) exit 1 ;;
  esac
}

audit() {
  if ! command -v node >/dev/null 2>&1 || ! node -e 'process.exit(Number(process.versions.node.split(".")[0]) >= 20 ? 0 : 1)'; then
    stop "support-audit needs Node.js 20 or later on the runner (actions/setup-node with node-version: 20)."
  fi
  local bin="${SUPPORT_AUDIT_BIN:-${GITHUB_ACTION_PATH:-$(dirname "$0")/..}/bin/support-audit.js}"
  cd "${GITHUB_WORKSPACE:-$PWD}" || stop "cannot enter the workspace ${GITHUB_WORKSPACE:-}."

  # Files: one path or glob per line; a glob that matches nothing is a mistake, not an empty audit.
  shopt -s globstar
  local files=() line match matches
  while IFS= read -r line || [ -n "$line" ]; do
    line="${line#"${line%%[![:space:]]*}"}"
    line="${line%"${line##*[![:space:]]}"}"
    [ -z "$line" ] && continue
    case "$line" in
      \#*) continue ;;
      *[\*\?\[]*)
        matches=0
        while IFS= read -r match; do
          files+=("$match")
          matches=$((matches + 1))
        done < <(compgen -G "$line" | LC_ALL=C sort)
        [ "$matches" -eq 0 ] && stop "no file matches \"$line\" (the files input, relative to the workspace)."
        ;;
      *) files+=("$line") ;;
    esac
  done <<<"${INPUT_FILES:-}"
  [ "${#files[@]}" -eq 0 ] && stop "the files input names no export to audit."

  # Report folder: one file per format, uploaded as the artifact.
  local dir="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/support-audit"
  local work
  work="$(mktemp -d "${RUNNER_TEMP:-${TMPDIR:-/tmp}}/support-audit-work.XXXXXX")" || stop "cannot make a temporary folder."
  rm -rf "$dir" && mkdir -p "$dir" || stop "cannot make the report folder $dir."
  local reports=() format formats
  IFS=', ' read -r -a formats <<<"${INPUT_FORMATS:-}"
  for format in "${formats[@]}"; do
    case "$format" in
      '') ;;
      markdown) reports+=(--report "markdown:$dir/report.md") ;;
      html) reports+=(--report "html:$dir/report.html") ;;
      junit) reports+=(--report "junit:$dir/junit.xml") ;;
      json) reports+=(--report "json:$dir/report.json") ;;
      *) stop "unknown format \"$format\" in the formats input: expected markdown, html, junit or json." ;;
    esac
  done
  # The summary and the outputs come from reports of their own, whatever formats were asked for.
  reports+=(--report "markdown:$work/summary.md" --report "json:$work/report.json")

  local policy=()
  [ -n "${INPUT_POLICY:-}" ] && policy=(--policy "$INPUT_POLICY")
  local extra=()
  set -f
  read -r -a extra <<<"${INPUT_ARGS:-}"
  set +f

  # Annotations on stdout (the log); errors on stderr, kept for the summary.
  local code
  node "$bin" audit "${files[@]}" "${policy[@]}" "${extra[@]}" --format github "${reports[@]}" 2>"$work/stderr"
  code=$?
  cat "$work/stderr" >&2
  if [ "$code" -ne 0 ] && [ "$code" -ne 1 ]; then
    local why
    why="$(grep -v '^warning: ' "$work/stderr" | tail -n 5)"
    rm -rf "$work"
    stop "${why:-the audit ended with exit code $code.}"
  fi

  summary <"$work/summary.md"
  local facts
  facts="$(node -e '
    const r = JSON.parse(require("node:fs").readFileSync(process.argv[1], "utf8"));
    console.log(`${r.summary.score ?? ""} ${r.summary.status}`);
  ' "$work/report.json")"
  output exit-code "$code"
  output score "${facts% *}"
  output status "${facts#* }"
  output report-dir "$dir"
  rm -rf "$work"
  exit 0
}

case "${1:-}" in
  audit) audit ;;
  verdict) verdict ;;
  *) echo "usage: run.sh audit|verdict" >&2; exit 2 ;;
esac
