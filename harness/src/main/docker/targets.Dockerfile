# faultline/targets: the built-in target services (a Spring Boot fat jar) on the local JRE base.
# The container listens on 0.0.0.0:8080 inside; the harness publishes it on 127.0.0.1 only.
# Spring arguments (--faultline.service=..., --server.port=...) come as the container's command;
# JVM options through JAVA_TOOL_OPTIONS.
FROM faultline/jre:17
COPY faultline-builtin.jar /opt/faultline/faultline-builtin.jar
EXPOSE 8080
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", "/opt/faultline/faultline-builtin.jar"]
CMD ["--server.address=0.0.0.0", "--server.port=8080"]
