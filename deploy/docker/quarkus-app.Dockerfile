# A service from what `mvn package` built, in Quarkus' JVM image layout: nothing is downloaded or compiled in
# the container. Build context: the service's module folder (its .dockerignore sends target/quarkus-app only), e.g.
#   mvn -B -q package -DskipTests -pl router-service -am
#   docker build -f deploy/docker/quarkus-app.Dockerfile --build-arg PORT=8082 \
#     -t agent-availability/router-service:local router-service
# deploy/compose/packaged.yml builds the Compose lab's services this way.
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}
ARG PORT
RUN useradd --system --uid 185 --home-dir /deployments --shell /usr/sbin/nologin quarkus
WORKDIR /deployments
# the dependencies first, they change least often
COPY target/quarkus-app/lib/ lib/
COPY target/quarkus-app/*.jar ./
COPY target/quarkus-app/app/ app/
COPY target/quarkus-app/quarkus/ quarkus/
ENV JDK_JAVA_OPTIONS="-XX:MaxRAMPercentage=75.0 -Djava.util.logging.manager=org.jboss.logmanager.LogManager"
EXPOSE ${PORT}
USER 185
CMD ["java", "-jar", "quarkus-run.jar"]
