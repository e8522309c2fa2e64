# The traffic simulator (module simulator) from source. Build context: the repository root, e.g.
#   docker build -f deploy/docker/simulator.Dockerfile -t agent-availability/simulator:local .

ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
WORKDIR /build
COPY . .
# The Maven repository is a BuildKit cache, kept between builds and out of the image; "locked" because
# the service images may build at once and Maven's local repository is not safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -pl simulator -am package -DskipTests

FROM ${JRE_IMAGE}
RUN useradd --system --uid 185 --home-dir /deployments --shell /usr/sbin/nologin simulator
WORKDIR /deployments
# A plain jar whose manifest names its dependencies in lib/; the dependencies first, they change least often.
COPY --from=build /build/simulator/target/lib/ lib/
COPY --from=build /build/simulator/target/simulator.jar ./
# A small client: a small heap and the serial collector are plenty.
ENV JDK_JAVA_OPTIONS="-Xmx128m -XX:+UseSerialGC"
USER 185
# Options come from the compose file's command and SIMULATOR_* variables (simulator --help lists them).
ENTRYPOINT ["java", "-jar", "simulator.jar"]
