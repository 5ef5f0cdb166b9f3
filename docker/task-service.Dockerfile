# syntax=docker/dockerfile:1
# task-service: multi-stage build on Debian 12. The build stage compiles only this binary; the runtime
# stage is debian:bookworm-slim with just the binary and the Debian packages holding the
# libraries it links (found by docker/runtime-packages.sh), running as a non-root user.
# Build from the repository root:  docker build -f docker/task-service.Dockerfile -t task-service .
ARG DEBIAN_TAG=bookworm

FROM debian:${DEBIAN_TAG} AS build
# The C++ toolchain and libraries (the same list as scripts/lib/build.sh), plus binutils for objdump.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      g++ cmake ninja-build pkg-config binutils libcpp-httplib-dev nlohmann-json3-dev libpqxx-dev \
      libspdlog-dev libcxxopts-dev catch2 libical-dev libsodium-dev libssl-dev libjwt-dev \
      libhowardhinnant-date-dev tzdata libcrack2-dev libboost-dev \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt ports.txt ./
COPY libs/ libs/
COPY services/ services/
COPY proto/ proto/
COPY tests/CMakeLists.txt tests/
COPY tests/unit/ tests/unit/
COPY bench/ bench/
COPY docker/runtime-packages.sh docker/
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release \
 && cmake --build build --target task-service \
 && strip build/bin/task-service \
 && sh docker/runtime-packages.sh build/bin/task-service > build/runtime-packages.txt \
 && cat build/runtime-packages.txt

FROM debian:${DEBIAN_TAG}-slim AS runtime
COPY --from=build /src/build/runtime-packages.txt /tmp/runtime-packages.txt
# tzdata: IANA zones for local times; ca-certificates: TLS to a managed database;
# cracklib-runtime: the dictionary of common passwords sign-up refuses.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
      tzdata ca-certificates cracklib-runtime $(cat /tmp/runtime-packages.txt) \
 && rm -rf /var/lib/apt/lists/* /tmp/runtime-packages.txt \
 && groupadd --gid 10001 app \
 && useradd --uid 10001 --gid 10001 --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin app
COPY --from=build /src/build/bin/task-service /app/task-service
LABEL org.opencontainers.image.source="https://github.com/todo-platform/todo-platform" \
      org.opencontainers.image.title="task-service" \
      org.opencontainers.image.description="todo platform: task-service (runs beside a Dapr sidecar)"
USER 10001:10001
WORKDIR /app
# The app port of ports.txt (scripts/check-deploy.sh compares the two).
EXPOSE 8081
# Kubernetes passes --host 0.0.0.0 (probes reach the pod address); the Dapr sidecar reaches the
# app on localhost. DAPR_API_TOKEN and APP_API_TOKEN come from the environment.
ENTRYPOINT ["/app/task-service"]
CMD ["--host", "0.0.0.0"]
