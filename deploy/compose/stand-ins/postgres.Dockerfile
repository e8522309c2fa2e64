# Stand-in for postgres:16-alpine: Debian's PostgreSQL 15, started like the official image (POSTGRES_USER,
# POSTGRES_PASSWORD, POSTGRES_DB; /docker-entrypoint-initdb.d/*.sql run once, on an empty data directory).
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends postgresql-15 \
    && rm -rf /var/lib/apt/lists/* && mkdir -p /docker-entrypoint-initdb.d /var/lib/postgresql/data /run/postgresql \
    && chown -R postgres:postgres /var/lib/postgresql /run/postgresql
COPY postgres-entrypoint.sh /usr/local/bin/
RUN chmod 755 /usr/local/bin/postgres-entrypoint.sh
ENV PATH=/usr/lib/postgresql/15/bin:$PATH PGDATA=/var/lib/postgresql/data
EXPOSE 5432
LABEL org.opencontainers.image.description="STAND-IN for postgres:16-alpine, built from Debian packages"
ENTRYPOINT ["/usr/local/bin/postgres-entrypoint.sh"]
