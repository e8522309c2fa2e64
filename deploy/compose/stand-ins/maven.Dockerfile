# Stand-in for maven:3.9-eclipse-temurin-17: Debian's OpenJDK 17 JDK and Maven (3.8), Maven Central as usual.
ARG BASE_IMAGE
FROM ${BASE_IMAGE}
# the build host's extra CA certificates (stand-ins/build.sh copies them in; none is kept in the repository)
COPY ca-certificates/ /usr/local/share/ca-certificates/
RUN apt-get update && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven ca-certificates \
    && rm -rf /var/lib/apt/lists/* && update-ca-certificates
# the build host's Java trust store, when build.sh found one: what Maven there trusts
COPY java/ /tmp/host-java/
RUN if [ -f /tmp/host-java/cacerts ]; then cp /tmp/host-java/cacerts /etc/ssl/certs/java/cacerts; fi \
    && rm -rf /tmp/host-java
LABEL org.opencontainers.image.description="STAND-IN for maven:3.9-eclipse-temurin-17, built from Debian packages"
