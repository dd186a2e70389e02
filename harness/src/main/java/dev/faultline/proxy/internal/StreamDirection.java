package dev.faultline.proxy.internal;

/** The two directions of a proxied connection, named as Toxiproxy names them in {@code stream}. */
enum StreamDirection {
  /** Client to upstream server. */
  UPSTREAM("upstream"),
  /** Upstream server to client. */
  DOWNSTREAM("downstream");

  private final String wireName;

  StreamDirection(String wireName) {
    this.wireName = wireName;
  }

  String wireName() {
    return wireName;
  }

  static StreamDirection parse(String text) {
    for (StreamDirection direction : values()) {
      if (direction.wireName.equalsIgnoreCase(text)) {
        return direction;
      }
    }
    throw ApiException.invalidStream();
  }
}
