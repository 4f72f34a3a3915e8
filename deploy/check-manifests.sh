#!/usr/bin/env bash
# Optional offline check of the Kubernetes manifests with kubectl's built-in kustomize (no cluster needed):
# renders every kustomization, so broken resource lists, patches and duplicate objects fail here.
# The Maven module's tests (deploy/src/test) check the content (RBAC, probes, replicas...) and need no kubectl.
# `kubectl apply --dry-run=client` is not used: it still asks a cluster for its API groups.
set -euo pipefail
cd "$(dirname "$0")/kubernetes"

if ! command -v kubectl >/dev/null 2>&1; then
  echo "check-manifests: kubectl not found (apt-get install kubernetes-client); skipped"
  exit 0
fi
status=0
while IFS= read -r k; do
  dir=$(dirname "$k")
  if out=$(kubectl kustomize "$dir" 2>&1); then
    echo "check-manifests: ok   $dir ($(grep -c '^kind:' <<<"$out") objects)"
  else
    echo "check-manifests: FAIL $dir" >&2
    echo "$out" >&2
    status=1
  fi
done < <(find . -name kustomization.yaml | sort)
exit $status
