# syntax=docker/dockerfile:1
# The portal's production image: gunicorn serving Django; WhiteNoise serves the static files.
#   docker build -t mail-setup-portal .        (docker compose build does the same)
# Configuration comes only from environment variables (docs/operations.md, "Environment variables").

ARG PYTHON_IMAGE=python:3.13-slim

# --- build: dependencies, compiled message catalogues, collected static files ---------------
FROM ${PYTHON_IMAGE} AS build

ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PYTHONDONTWRITEBYTECODE=1

# GNU gettext compiles the .po catalogues; it stays in this stage.
RUN apt-get update \
    && apt-get install --yes --no-install-recommends gettext \
    && rm -rf /var/lib/apt/lists/*

RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH

WORKDIR /app

# The runtime dependencies listed in pyproject.toml, in a layer of their own so that a code
# change does not reinstall them. The project itself is not installed: it runs from /app.
COPY pyproject.toml ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > /tmp/requirements.txt \
    && pip install --requirement /tmp/requirements.txt

COPY manage.py ./
COPY settings/ settings/
COPY portal/ portal/
COPY templates/ templates/
COPY static/ static/
COPY locale/ locale/

# Settings refuse to load without a secret key when debug is off; these two commands need
# neither a real key nor a database, so a throwaway key is passed to them alone.
RUN export DJANGO_SECRET_KEY=build-only-not-a-secret \
    && python manage.py compilemessages --verbosity 0 \
    && python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q portal settings

# --- runtime ---------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE}

ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=settings.base \
    DJANGO_STATIC_ROOT=/app/staticfiles \
    DJANGO_MEDIA_ROOT=/app/media \
    PORT=8000

# An unprivileged user; the code belongs to root and is read-only for it. Only the media
# folder (staff-uploaded step images, a volume in docker-compose.yml) is writable.
RUN groupadd --system --gid 10001 portal \
    && useradd --system --uid 10001 --gid portal --home-dir /app --no-create-home \
       --shell /usr/sbin/nologin portal

COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
RUN mkdir -p /app/media && chown portal:portal /app/media

WORKDIR /app
USER portal
EXPOSE 8000

# Liveness only (the process answers); readiness (database and cache) is /health/ready/,
# for the load balancer. Python's urllib, because the slim image has no curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/health/live/' % os.environ.get('PORT', '8000'), timeout=4)"

CMD ["gunicorn", "--config", "python:portal.gunicorn_conf", "portal.wsgi:application"]
