# syntax=docker/dockerfile:1
# Doorbraak container image (issue 19; docs/operations.md). Two stages:
#   build   - compilers, gettext and npm: installs the package into /opt/venv, warms deduce's
#             lookup cache, compiles the messages and collects the static files;
#   runtime - python slim with only the runtime libraries (WeasyPrint's pango, fonts), the
#             venv and the static files, as a non-root user.
# The same image runs the web process (default), the Celery worker and beat:
#   docker run IMAGE                                   -> gunicorn on :8000
#   docker run IMAGE celery -A doorbraak.jobs worker    -> worker
#   docker run IMAGE celery -A doorbraak.jobs beat --schedule /var/lib/doorbraak/celerybeat-schedule
#   docker run IMAGE doorbraak migrate --noinput        -> migrations (a job before a rollout)

ARG PYTHON_IMAGE=python:3.11-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1
RUN apt-get update \
 && apt-get install -y --no-install-recommends build-essential gettext nodejs npm \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /build
# Front-end assets first: they change less often than the code.
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund --loglevel=error
COPY pyproject.toml README.md ./
COPY src ./src
RUN python -m venv /opt/venv \
 && /opt/venv/bin/pip install --upgrade pip \
 && /opt/venv/bin/pip install .
ENV PATH=/opt/venv/bin:$PATH
# Build-only values: the settings refuse to load without keys. They are not kept in the image.
RUN export DJANGO_SECRET_KEY=build-only DOORBRAAK_FIELD_ENCRYPTION_KEY=YnVpbGQtb25seS1idWlsZC1vbmx5LWJ1aWxkLW9ubHk= \
      DOORBRAAK_PSEUDONYM_KEY=build-only DOORBRAAK_NODE_MODULES=/build/node_modules \
      DJANGO_STATIC_ROOT=/opt/static DOORBRAAK_DATA_DIR=/tmp/data \
 && python -c "from doorbraak.privacy.anonymiser import Anonymiser; Anonymiser()" \
 && cd /opt/venv/lib/python3.*/site-packages/doorbraak && doorbraak compilemessages \
 && doorbraak collectstatic --noinput

FROM ${PYTHON_IMAGE} AS runtime
LABEL org.opencontainers.image.title="Doorbraak" \
      org.opencontainers.image.description="Maatwerk voor het sociaal domein" \
      org.opencontainers.image.licenses="EUPL-1.2"
RUN apt-get update \
 && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b \
      fonts-dejavu-core \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 1000 doorbraak \
 && useradd --system --uid 1000 --gid doorbraak --home-dir /var/lib/doorbraak --create-home doorbraak
COPY --from=build /opt/venv /opt/venv
COPY --from=build /opt/static /opt/doorbraak/static
COPY docs/gebruikershandleiding.md /opt/doorbraak/docs/gebruikershandleiding.md
COPY deploy/docker/entrypoint.sh /usr/local/bin/doorbraak-entrypoint
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    DJANGO_STATIC_ROOT=/opt/doorbraak/static \
    DOORBRAAK_DATA_DIR=/var/lib/doorbraak \
    DOORBRAAK_MEDIA_ROOT=/var/lib/doorbraak/media \
    DOORBRAAK_HELP_FILE=/opt/doorbraak/docs/gebruikershandleiding.md \
    PROMETHEUS_MULTIPROC_DIR=/tmp/doorbraak-metrics \
    WEB_CONCURRENCY=4
USER doorbraak:doorbraak
WORKDIR /var/lib/doorbraak
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health/live', timeout=4)"]
ENTRYPOINT ["doorbraak-entrypoint"]
CMD ["gunicorn", "-c", "python:doorbraak.gunicorn_conf", "-b", "0.0.0.0:8000", "doorbraak.wsgi"]
