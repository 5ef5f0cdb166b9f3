#!/usr/bin/env bash
# Deploys the whole platform to a local Minikube cluster: starts Minikube (with Calico, so
# NetworkPolicies are enforced), builds the five images inside it, installs the Dapr control
# plane and the umbrella chart (in-cluster Kafka in KRaft mode and a small PostgreSQL, generated
# secrets), then runs the smoke test. Idempotent: re-running upgrades in place.
#   scripts/minikube-deploy.sh [--dry-run] [--no-build] [--no-smoke]
# Environment: MINIKUBE_PROFILE (todo), MINIKUBE_CPUS (4), MINIKUBE_MEMORY (8g), NAMESPACE (todo),
#   IMAGE_TAG (dev), DAPR_VERSION.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/deploy.sh
. "$here/lib/deploy.sh"

build=1 smoke=1
for arg in "$@"; do
  parse_common_flag "$arg" && continue
  case "$arg" in
    --no-build) build=0 ;;
    --no-smoke) smoke=0 ;;
    -h | --help) sed -n '2,10p' "$0"; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done
profile="${MINIKUBE_PROFILE:-todo}"
export IMAGE_TAG="${IMAGE_TAG:-dev}" IMAGE_REGISTRY="${IMAGE_REGISTRY:-ghcr.io/todo-platform/todo-platform}"

step "prerequisites"
need minikube "https://minikube.sigs.k8s.io/docs/start/"
need_cluster_tools
need curl "apt-get install curl (smoke test)"
need_done

step "Minikube cluster (profile $profile)"
if exists minikube status -p "$profile"; then
  log "Minikube profile $profile is running"
else
  run minikube start -p "$profile" --cpus "${MINIKUBE_CPUS:-4}" --memory "${MINIKUBE_MEMORY:-8g}" \
    --cni calico --addons metrics-server --kubernetes-version stable
fi
run kubectl config use-context "$profile"

if ((build)); then
  step "images (built inside Minikube, tag $IMAGE_TAG)"
  for svc in task-service recurrence-service reminder-scheduler notification-service frontend; do
    run minikube -p "$profile" image build -t "$IMAGE_REGISTRY/$svc:$IMAGE_TAG" -f "docker/$svc.Dockerfile" "$ROOT"
  done
fi

install_dapr
ensure_namespace
# The umbrella chart generates the tokens, the JWT key and the PostgreSQL passwords itself.
install_platform --set kafka.enabled=true --set postgresql.enabled=true --set secrets.create=true

if ((smoke)); then smoke_test; fi
step "done"
echo "open the app:  kubectl -n $NAMESPACE port-forward svc/frontend $FRONTEND_PORT:$FRONTEND_PORT  then http://localhost:$FRONTEND_PORT"
