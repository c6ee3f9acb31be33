# Hemifacial spasm decision aid: one container serving the Streamlit app on port 8501.
#
#   docker build -t hfs-aid .
#   docker run --rm -p 8501:8501 hfs-aid
#   # a clinic's own reviewed dataset, mounted read-only over the shipped one's path:
#   docker run --rm -p 8501:8501 \
#     -v "$PWD/clinic_evidence.yaml:/data/clinic_evidence.yaml:ro" \
#     -e HFS_EVIDENCE_PATH=/data/clinic_evidence.yaml hfs-aid
#
# The entry command checks the dataset (`python -m decision_aid check`) before it starts
# Streamlit, so a broken mounted file stops the container with a message naming the file
# and field. tests/test_docker.py checks this file and runs the entry command here.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# An unprivileged user owns nothing in /app: the app only reads its files.
RUN groupadd --system --gid 10001 aid \
 && useradd --system --uid 10001 --gid aid --create-home --home-dir /home/aid --shell /usr/sbin/nologin aid

WORKDIR /app

# Fonts for a patient's note in any script (the PDF's fallback fonts, SIL Open Font Licence;
# decision_aid/report/fonts.py finds them in Debian's font folders). Only the regular Noto Sans faces
# are used: the serif, bold and CJK bold faces are removed (about 100 MB), leaving about 50 MB.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji \
 && find /usr/share/fonts/truetype/noto /usr/share/fonts/opentype/noto -type f \
      ! -name 'NotoSans*-Regular.tt[fc]' ! -name 'NotoColorEmoji.ttf' -delete \
 && rm -rf /var/lib/apt/lists/*

# Runtime packages only (no test, lint or browser tooling), from the runtime lock: the exact
# versions CI tested, each checked against its hash, as `make` installs them. A separate layer so
# a code change does not reinstall them. The project itself is not installed: the entry command
# runs from /app, where `decision_aid` is imported from the working directory (an install would
# hold a second copy of the code and need setuptools fetched, unhashed, at build time).
COPY requirements.lock ./
RUN python -m pip install --no-compile --require-hashes -r requirements.lock

# The app, its Streamlit settings (telemetry off, no tracebacks shown to users) and the
# shipped evidence dataset.
COPY .streamlit/ ./.streamlit/
COPY decision_aid/ ./decision_aid/
COPY data/ ./data/
COPY streamlit_app.py ./
COPY docker/entrypoint.sh docker/healthcheck.py ./docker/
RUN chmod 0755 docker/entrypoint.sh

# The evidence file the app and the start-up check read; mount a clinic's own copy and
# point this at it. Telemetry off (also in .streamlit/config.toml). Inside a container
# Streamlit must listen on all interfaces: config.toml pins 127.0.0.1 for local use, and
# these environment variables override it.
ENV HFS_EVIDENCE_PATH=/app/data/hfs_evidence.yaml \
    STREAMLIT_BROWSER_GATHER_USAGE_STATS=false \
    STREAMLIT_SERVER_HEADLESS=true \
    STREAMLIT_SERVER_ADDRESS=0.0.0.0 \
    STREAMLIT_SERVER_PORT=8501 \
    STREAMLIT_SERVER_FILE_WATCHER_TYPE=none \
    HOME=/home/aid

USER aid
EXPOSE 8501

# Slim images have no curl: Python asks Streamlit's own health endpoint.
HEALTHCHECK --interval=30s --timeout=5s --start-period=40s --retries=3 \
    CMD ["python", "/app/docker/healthcheck.py"]

ENTRYPOINT ["/app/docker/entrypoint.sh"]
