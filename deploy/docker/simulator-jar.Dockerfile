# The traffic simulator from what `mvn package` built: nothing is downloaded or compiled in the container.
# Build context: the simulator module folder (its .dockerignore sends the jar and target/lib only).
ARG JRE_IMAGE=eclipse-temurin:17-jre
FROM ${JRE_IMAGE}
RUN useradd --system --uid 185 --home-dir /deployments --shell /usr/sbin/nologin simulator
WORKDIR /deployments
COPY target/lib/ lib/
COPY target/simulator.jar ./
ENV JDK_JAVA_OPTIONS="-Xmx128m -XX:+UseSerialGC"
USER 185
ENTRYPOINT ["java", "-jar", "simulator.jar"]
