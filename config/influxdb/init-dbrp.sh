#!/bin/bash
# Maps the InfluxDB 1.x database name our services use to the InfluxDB 2 bucket.
#
# Our services speak the 1.x HTTP API (/write?db=…, /query with InfluxQL). InfluxDB 2 serves
# those endpoints only for a database/retention policy pair that a DBRP mapping points at a
# bucket; without one, writes fail with "database not found". InfluxDB 2 also refuses
# CREATE DATABASE, so the mapping has to exist before the services start.
#
# The influxdb:2 image runs the executable *.sh files in /docker-entrypoint-initdb.d once,
# when it initialises an empty data volume, after `influx setup`: the influx CLI is then
# configured with the admin token and DOCKER_INFLUXDB_INIT_ORG_ID / _BUCKET_ID are exported.
# The file must keep its executable bit (git mode 100755), or the image skips it.
set -euo pipefail

db="${INFLUX_V1_DATABASE:-${DOCKER_INFLUXDB_INIT_BUCKET}}"
rp="${INFLUX_V1_RETENTION_POLICY:-autogen}"

# Idempotent, in case the script is run again by hand.
if [[ -n $(influx v1 dbrp list --org-id "${DOCKER_INFLUXDB_INIT_ORG_ID}" --db "${db}" --hide-headers) ]]; then
  echo "init-dbrp: database '${db}' is mapped already"
  exit 0
fi

influx v1 dbrp create \
  --org-id "${DOCKER_INFLUXDB_INIT_ORG_ID}" \
  --bucket-id "${DOCKER_INFLUXDB_INIT_BUCKET_ID}" \
  --db "${db}" \
  --rp "${rp}" \
  --default
echo "init-dbrp: database '${db}' (retention policy '${rp}') -> bucket '${DOCKER_INFLUXDB_INIT_BUCKET}'"
