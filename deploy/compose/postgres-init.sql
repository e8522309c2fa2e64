-- Runs once, on an empty data directory (postgres image's /docker-entrypoint-initdb.d).
CREATE DATABASE router;
CREATE DATABASE entrypoint;
