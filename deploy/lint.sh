#!/usr/bin/env bash
# Lints every CloudFormation template in deploy/ with cfn-lint, informational rules included.
# Exits non-zero on any finding (cfn-lint: 2 error, 4 warning, 8 informational) or if cfn-lint is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v cfn-lint >/dev/null 2>&1; then
    echo "deploy/lint.sh: cfn-lint not found (pip install cfn-lint)" >&2
    exit 127
fi

shopt -s nullglob
templates=(deploy/*.yaml)
if [ ${#templates[@]} -eq 0 ]; then
    echo "deploy/lint.sh: no templates in deploy/" >&2
    exit 1
fi

cfn-lint --version
cfn-lint --non-zero-exit-code informational --include-checks I -- "${templates[@]}"
echo "cfn-lint: ${#templates[@]} templates, no findings"
