# syntax=docker/dockerfile:1
#
# UpCoach container image.
#
#   docker build -t upcoach/upcoach:latest .
#   docker run -p 8080:8080 -v upcoach-data:/app/data upcoach/upcoach:latest
#
# Without SPRING_PROFILES_ACTIVE=prod the app runs with its embedded H2 database
# and local files under /app/data (demo mode). See docs/deployment.md.

############################
# Build stage
############################
FROM eclipse-temurin:25-jdk AS build
WORKDIR /build

# 1. Dependency layer: only changes when the wrapper or pom.xml change.
COPY mvnw ./
COPY .mvn/ .mvn/
COPY pom.xml ./
RUN chmod +x mvnw && ./mvnw -B -q dependency:go-offline

# 2. Sources and the executable jar. Tests and the formatting check run in CI,
#    not here (only mvnw, .mvn/, pom.xml and src/ are copied into this stage).
COPY src/ src/
RUN ./mvnw -B -DskipTests -Dspring-javaformat.validate.skip=true package \
 && cp target/*.jar app.jar

# 3. Split the jar into Spring Boot's layers (dependencies change rarely,
#    application classes change on every build) plus the launcher.
RUN java -Djarmode=tools -jar app.jar extract --layers --launcher --destination extracted \
 && mkdir -p extracted/dependencies extracted/spring-boot-loader \
             extracted/snapshot-dependencies extracted/application

############################
# Runtime stage
############################
FROM eclipse-temurin:25-jre

# Non-root user; uid/gid 10001 matches runAsUser in deploy/k8s/deployment.yaml.
RUN groupadd --system --gid 10001 upcoach \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home \
            --shell /usr/sbin/nologin upcoach \
 && mkdir -p /app/data/files \
 && chown -R 10001:10001 /app

WORKDIR /app

# Least to most frequently changing, so rebuilds reuse the lower layers.
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./

# Embedded H2 database and locally stored files live under ./data.
# /app/data/files exists in the image (owned by 10001) so that a named volume
# mounted there starts with the right owner.
VOLUME ["/app/data"]

ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError" \
    SPRING_THREADS_VIRTUAL_ENABLED=true

USER 10001:10001
EXPOSE 8080

ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
