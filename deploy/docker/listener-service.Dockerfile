# syntax=docker/dockerfile:1
# listener-service from source. Build context: the repository root, e.g.
#   docker build -f deploy/docker/listener-service.Dockerfile -t agent-availability/listener-service:local .

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY . .
# The Maven repository is a BuildKit cache, kept between builds and out of the image; "locked" because
# the three service images may build at once and Maven's local repository is not safe for concurrent writers.
RUN --mount=type=cache,target=/root/.m2,sharing=locked \
    mvn -B -q -pl listener-service -am package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 185 --home-dir /deployments --shell /usr/sbin/nologin quarkus
WORKDIR /deployments
# Quarkus fast-jar layout; the dependencies first, they change least often.
COPY --from=build /build/listener-service/target/quarkus-app/lib/ lib/
COPY --from=build /build/listener-service/target/quarkus-app/*.jar ./
COPY --from=build /build/listener-service/target/quarkus-app/app/ app/
COPY --from=build /build/listener-service/target/quarkus-app/quarkus/ quarkus/
# Heap sized from the container memory limit.
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE 8081
USER 185
CMD ["java", "-jar", "quarkus-run.jar"]
