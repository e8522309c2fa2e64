# Stand-in for eclipse-temurin:17-jre (and curlimages/curl): Debian's OpenJDK 17 JRE, curl and a shell.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jre-headless curl ca-certificates \
    && rm -rf /var/lib/apt/lists/*
LABEL org.opencontainers.image.description="STAND-IN for eclipse-temurin:17-jre, built from Debian packages"
