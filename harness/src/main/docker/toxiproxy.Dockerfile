# faultline/toxiproxy: Faultline's embedded Toxiproxy-compatible server, a compatible substitute
# for ghcr.io/shopify/toxiproxy where no registry is reachable. API on 0.0.0.0:8474 inside the
# container, proxies on the ports Testcontainers' ToxiproxyContainer exposes (8666..8697).
FROM faultline/jre:17
COPY lib/ /opt/faultline/lib/
COPY classes/ /opt/faultline/classes/
EXPOSE 8474
ENTRYPOINT ["java", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", "/opt/faultline/classes:/opt/faultline/lib/*", "dev.faultline.proxy.ToxiproxyServer"]
CMD ["--host", "0.0.0.0", "--port", "8474"]
