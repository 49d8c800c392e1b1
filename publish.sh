#!/usr/bin/env bash
# Build the digest with publishconf.py and publish it to the gh-pages branch of a git remote.
#
#   ./publish.sh [--dry-run] [--remote NAME_OR_URL] [--content DIR] [--settings FILE]
#
# - stops, publishing nothing, when the build fails or its report lists errors (a file that
#   broke the reader, or no article read). Skipped bad inputs (empty, binary...) are not
#   errors: they are listed, and the rest is published;
# - pushes one new commit on top of the remote's gh-pages history (never a partial site: the
#   whole tree is committed first, then pushed in one step);
# - writes .nojekyll, and CNAME when NEWSPRISM_CNAME is set;
# - NEWSPRISM_SITEURL sets the published address (e.g. https://user.github.io/repo).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
remote="origin"
branch="gh-pages"
content="$here/content"
settings="$here/publishconf.py"
dry_run=0
while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=1 ;;
    --remote) remote="$2"; shift ;;
    --content) content="$(cd "$2" && pwd)"; shift ;;
    --settings) settings="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "publish: unknown option $1 (see --help)" >&2; exit 2 ;;
  esac
  shift
done

cd "$here"
make --no-print-directory venv >/dev/null
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
site="$work/site"

if ! .venv/bin/pelican "$content" -o "$site" -s "$settings"; then
  echo "publish: the build failed; nothing was published." >&2
  exit 1
fi
report="$site/data/build-report.json"
if [ ! -f "$report" ] || [ ! -f "$site/index.html" ]; then
  echo "publish: the build wrote no digest ($report missing); nothing was published." >&2
  exit 1
fi
if ! .venv/bin/python - "$report" <<'PY'
import json, sys
report = json.load(open(sys.argv[1], encoding="utf-8"))
for f in report["files"]:
    if f["status"] == "skipped":
        print(f"publish: note: {f['path']} was skipped: {f['reason']}", file=sys.stderr)
errors = report.get("errors", [])
if not report.get("counts", {}).get("read"):
    errors = errors or ["no article could be read"]
if errors:
    for e in errors:
        print(f"publish: error: {e}", file=sys.stderr)
    sys.exit("publish: the build report lists errors; nothing was published.")
PY
then
  exit 1
fi

touch "$site/.nojekyll"
if [ -n "${NEWSPRISM_CNAME:-}" ]; then
  printf '%s\n' "$NEWSPRISM_CNAME" > "$site/CNAME"
fi

# Commit the whole site with git plumbing, on top of the remote's gh-pages if it exists.
if [ -z "$(git config user.name || true)" ]; then  # a fresh CI machine has no identity
  export GIT_AUTHOR_NAME="${GIT_AUTHOR_NAME:-Newsprism}" GIT_COMMITTER_NAME="${GIT_COMMITTER_NAME:-Newsprism}"
  export GIT_AUTHOR_EMAIL="${GIT_AUTHOR_EMAIL:-newsprism@localhost}" GIT_COMMITTER_EMAIL="${GIT_COMMITTER_EMAIL:-newsprism@localhost}"
fi
export GIT_INDEX_FILE="$work/index"
parent=""
if git fetch --quiet "$remote" "$branch" 2>/dev/null; then
  parent="$(git rev-parse FETCH_HEAD)"
fi
git --work-tree="$site" add --all --force .
tree="$(git write-tree)"
message="Publish digest from $(git rev-parse --short HEAD 2>/dev/null || echo 'working tree')"
if [ -n "$parent" ]; then
  commit="$(git commit-tree "$tree" -p "$parent" -m "$message")"
else
  commit="$(git commit-tree "$tree" -m "$message")"
fi
files="$(git ls-tree -r --name-only "$commit" | wc -l)"

if [ "$dry_run" = 1 ]; then
  echo "publish: dry run: would push $files files to $remote $branch (commit $commit)."
  exit 0
fi
git push --quiet "$remote" "$commit:refs/heads/$branch"
echo "publish: pushed $files files to $remote $branch (commit $commit)."
