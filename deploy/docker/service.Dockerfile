# A service from source, for a machine without a JDK. Build context: the repository root, e.g.
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=router-service --build-arg PORT=8082 \
#     -t agent-availability/router-service:local .
# With a JDK at hand, deploy/docker/quarkus-app.Dockerfile packs what `mvn package` built instead.
# BUILD_IMAGE and JRE_IMAGE name the images to build from (the official ones by default; CI gives stand-ins).
ARG BUILD_IMAGE=maven:3.9-eclipse-temurin-17
ARG JRE_IMAGE=eclipse-temurin:17-jre

FROM ${BUILD_IMAGE} AS build
ARG SERVICE
WORKDIR /build
COPY . .
# The Maven repository is a BuildKit cache, kept between builds and out of the image; "locked" because
# the service images may build at once and Maven's local repository is not safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -pl "${SERVICE}" -am package -DskipTests && mv "${SERVICE}/target/quarkus-app" /quarkus-app

FROM ${JRE_IMAGE}
ARG PORT
RUN useradd --system --uid 185 --home-dir /deployments --shell /usr/sbin/nologin quarkus
WORKDIR /deployments
# Quarkus fast-jar layout; the dependencies first, they change least often.
COPY --from=build /quarkus-app/lib/ lib/
COPY --from=build /quarkus-app/*.jar ./
COPY --from=build /quarkus-app/app/ app/
COPY --from=build /quarkus-app/quarkus/ quarkus/
# Heap sized from the container memory limit.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE ${PORT}
USER 185
CMD ["java", "-jar", "quarkus-run.jar"]
