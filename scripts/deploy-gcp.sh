#!/usr/bin/env bash
# Deploys the platform to Google Cloud: APIs, a regional GKE cluster (Dataplane V2 for network
# policies, Cloud Logging and Cloud Monitoring with Managed Service for Prometheus), Cloud SQL for
# PostgreSQL on a private IP, the Dapr control plane, Kafka (in-cluster KRaft, 3 nodes; or a
# managed Kafka with KAFKA_BROKERS), the Secrets and the umbrella chart, PodMonitoring for the
# apps' /metrics, then the smoke test. Idempotent: what exists is kept; re-running upgrades.
#   scripts/deploy-gcp.sh [--dry-run] [--no-smoke]
# Environment (defaults in brackets):
#   GCP_PROJECT [gcloud's current project]  GCP_REGION [europe-west1]  GKE_NAME [todo-gke]
#   GKE_NODES_PER_ZONE [1]  GKE_MACHINE_TYPE [e2-standard-2]  GKE_MAX_NODES_PER_ZONE [2]
#   SQL_INSTANCE [todo-pg]  SQL_TIER [db-custom-1-3840]
#   KAFKA_BROKERS  KAFKA_USERNAME  KAFKA_PASSWORD  IMAGE_TAG  IMAGE_REGISTRY  NAMESPACE  DAPR_VERSION
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=lib/common.sh
. "$here/lib/common.sh"
# shellcheck source=lib/deploy.sh
. "$here/lib/deploy.sh"

parse_cloud_deploy_args "$@"
region="${GCP_REGION:-europe-west1}"
gke="${GKE_NAME:-todo-gke}"
sql="${SQL_INSTANCE:-todo-pg}"

step "prerequisites"
need gcloud "the Google Cloud CLI: https://cloud.google.com/sdk/docs/install"
need gke-gcloud-auth-plugin "gcloud components install gke-gcloud-auth-plugin"
need_cluster_tools
need_done
project="${GCP_PROJECT:-$(capture gcloud config get-value project)}"
[ -n "$project" ] || die "no Google Cloud project: set GCP_PROJECT or run 'gcloud config set project <id>'"
if ! exists gcloud auth print-access-token; then
  ((DRY_RUN)) || die "not logged in to Google Cloud: run 'gcloud auth login'"
fi

step "APIs of project $project"
run gcloud services enable container.googleapis.com sqladmin.googleapis.com \
  servicenetworking.googleapis.com monitoring.googleapis.com logging.googleapis.com \
  --project "$project"

step "private services access (Cloud SQL on a private IP in the default VPC)"
if exists gcloud compute addresses describe google-managed-services-default --global --project "$project"; then
  log "address range google-managed-services-default exists"
else
  run gcloud compute addresses create google-managed-services-default --global \
    --purpose=VPC_PEERING --prefix-length=16 --network=default --project "$project"
fi
run gcloud services vpc-peerings update --service=servicenetworking.googleapis.com \
  --ranges=google-managed-services-default --network=default --project "$project" --force

step "GKE cluster $gke ($region)"
if exists gcloud container clusters describe "$gke" --region "$region" --project "$project"; then
  log "GKE cluster $gke exists"
else
  run gcloud container clusters create "$gke" --region "$region" --project "$project" \
    --num-nodes "${GKE_NODES_PER_ZONE:-1}" --machine-type "${GKE_MACHINE_TYPE:-e2-standard-2}" \
    --enable-autoscaling --min-nodes "${GKE_NODES_PER_ZONE:-1}" --max-nodes "${GKE_MAX_NODES_PER_ZONE:-2}" \
    --enable-dataplane-v2 --enable-ip-alias --network default \
    --workload-pool "$project.svc.id.goog" \
    --logging=SYSTEM,WORKLOAD --monitoring=SYSTEM --enable-managed-prometheus \
    --release-channel regular
fi
run gcloud container clusters get-credentials "$gke" --region "$region" --project "$project"
ensure_namespace

step "Cloud SQL for PostgreSQL $sql"
password="$(secret_value postgres-admin password)"
redact "$password"
new_password=0
if [ -z "$password" ]; then
  password="$(random_secret 24)"
  redact "$password"
  ensure_secret postgres-admin "password=$password"
  new_password=1
fi
if exists gcloud sql instances describe "$sql" --project "$project"; then
  log "Cloud SQL instance $sql exists"
else
  run gcloud sql instances create "$sql" --project "$project" --region "$region" \
    --database-version POSTGRES_16 --tier "${SQL_TIER:-db-custom-1-3840}" --storage-size 20 \
    --network "projects/$project/global/networks/default" --no-assign-ip --availability-type zonal
fi
if ((new_password)); then
  run gcloud sql users set-password postgres --instance "$sql" --project "$project" --password "$password"
fi
for db in dapr_state tasks; do
  if exists gcloud sql databases describe "$db" --instance "$sql" --project "$project"; then log "database $db exists"; else
    run gcloud sql databases create "$db" --instance "$sql" --project "$project"
  fi
done
host="$(capture gcloud sql instances describe "$sql" --project "$project" --format 'value(ipAddresses[0].ipAddress)')"
ensure_db_secrets "$host" 5432 postgres "$password" require

install_dapr
ensure_app_secrets
kafka_chart_args standard-rwo

# Managed Service for Prometheus collects from the gmp-system namespace.
install_platform -f "$ROOT/helm/todo-platform/values-cloud.yaml" "${KAFKA_ARGS[@]}" \
  --set-json 'global.networkPolicy.metricsFrom=[{"namespaceSelector":{"matchLabels":{"kubernetes.io/metadata.name":"gmp-system"}}}]'

step "Cloud Monitoring: scrape the apps' /metrics (Managed Service for Prometheus)"
run_shell "kubectl -n $NAMESPACE apply -f - <<'YAML'
apiVersion: monitoring.googleapis.com/v1
kind: PodMonitoring
metadata:
  name: todo-platform
spec:
  selector:
    matchExpressions:
      - key: app.kubernetes.io/name
        operator: In
        values: [task-service, recurrence-service, reminder-scheduler, notification-service, frontend]
  endpoints:
    - port: ops
      path: /metrics
      interval: 30s
YAML"

if ((SMOKE)); then smoke_test; fi
step "done"
echo "frontend: kubectl -n $NAMESPACE get svc frontend   (EXTERNAL-IP, port 8080); metrics in Cloud Monitoring (Prometheus)"
