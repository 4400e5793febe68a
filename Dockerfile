# syntax=docker/dockerfile:1
# payment-notifier image: built from source through the Maven wrapper, run on a JRE 17 as a
# non-root user. Build: docker build -t payment-notifier . ; run: docker run payment-notifier
# (the default command is `run`; configure it with NOTIFIER_* variables, see README).

# ---- build: the wrapper fetches Maven, Maven fetches the dependencies (cached between builds)
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
COPY schemas/ schemas/
COPY src/ src/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -DskipTests package

# ---- runtime: the jar and its lib/ folder only (lib/ holds the native crypto provider built for
# this platform, Linux x86_64 or aarch64; elsewhere the notifier signs with the JDK's, see README)
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 notifier \
 && useradd --system --uid 10001 --gid notifier --no-create-home --shell /usr/sbin/nologin notifier \
 && mkdir -p /etc/payment-notifier/keys /var/lib/payment-notifier/state \
 && chown -R 10001:10001 /etc/payment-notifier/keys /var/lib/payment-notifier
WORKDIR /app
COPY --from=build /src/target/lib/ /app/lib/
COPY --from=build /src/target/payment-notifier.jar /app/payment-notifier.jar
# Kafka Streams state (RocksDB) lives here; mount a volume to keep it across restarts.
ENV NOTIFIER_KAFKA_STATE_DIR=/var/lib/payment-notifier/state
USER 10001:10001
# Ops port: /health/live, /health/ready, /metrics.
EXPOSE 8080
# Heap follows the container's memory limit; the rest is left for RocksDB, threads and buffers.
# Add JVM flags with JDK_JAVA_OPTIONS.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=60.0", "-XX:InitialRAMPercentage=30.0", "-XX:+ExitOnOutOfMemoryError", "-jar", "/app/payment-notifier.jar"]
CMD ["run"]
