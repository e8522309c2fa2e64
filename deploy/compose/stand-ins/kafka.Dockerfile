# Stand-in for apache/kafka:4.1.2: the broker's jars from Maven Central (the embedded-infra module's broker
# classpath) on the JRE stand-in, configured like the official image: every KAFKA_* variable is a broker setting.
ARG JRE_IMAGE
FROM ${JRE_IMAGE}
COPY libs/ /opt/kafka/libs/
COPY kafka-entrypoint.sh kafka-broker-api-versions.sh /opt/kafka/bin/
RUN chmod 755 /opt/kafka/bin/*.sh && useradd --system --uid 1000 --home-dir /opt/kafka appuser \
    && mkdir -p /var/lib/kafka/data /opt/kafka/config && chown -R appuser /var/lib/kafka /opt/kafka/config
USER appuser
EXPOSE 9092 9093
LABEL org.opencontainers.image.description="STAND-IN for apache/kafka:4.1.2, built from Maven Central jars"
ENTRYPOINT ["/opt/kafka/bin/kafka-entrypoint.sh"]
