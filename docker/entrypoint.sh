#!/bin/sh
# Container entry command: check the evidence dataset, then serve the app.
#
# A dataset that fails `python -m decision_aid check` stops the container here (exit 2)
# with one line per problem naming the file and field, instead of an app that starts
# and shows an error page. Extra arguments go to `streamlit run` (e.g. --server.port 9000).
set -eu

cd "$(dirname "$0")/.."   # the app directory (/app in the image)

: "${HFS_EVIDENCE_PATH:=data/hfs_evidence.yaml}"
export HFS_EVIDENCE_PATH

if ! python -m decision_aid check "$HFS_EVIDENCE_PATH"; then
    echo "entrypoint: the evidence file $HFS_EVIDENCE_PATH did not pass the check above; not starting." >&2
    exit 2
fi

# Address, port, headless and telemetry come from STREAMLIT_* environment variables (set
# in the Dockerfile) and .streamlit/config.toml.
exec python -m streamlit run streamlit_app.py "$@"
