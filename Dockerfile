FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY service ./service
COPY cypher ./cypher
COPY seeds ./seeds
RUN pip install --no-cache-dir .
ENV ARGMAP_HOST=0.0.0.0 ARGMAP_PORT=8000
EXPOSE 8000
CMD ["argmap", "serve"]
