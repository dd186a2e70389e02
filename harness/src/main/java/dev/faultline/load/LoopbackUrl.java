package dev.faultline.load;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Faultline sends traffic only to loopback: 127.0.0.0/8, localhost and [::1]. No DNS lookup. */
final class LoopbackUrl {

    private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");

    private LoopbackUrl() {}

    static void require(String where, String url) {
        String rule = "baseUrl must be an http(s) URL on a loopback address (127.0.0.0/8, localhost or [::1]), got '" + url + "'";
        if (url == null) {
            throw new IllegalArgumentException(where + rule);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(where + rule, e);
        }
        boolean http = "http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme());
        if (!http || uri.getUserInfo() != null || !isLoopbackHost(uri.getHost())) {
            throw new IllegalArgumentException(where + rule);
        }
    }

    static boolean isLoopbackHost(String host) {
        if (host == null) {
            return false;
        }
        if (host.equalsIgnoreCase("localhost") || host.equals("[::1]")) {
            return true;
        }
        Matcher m = IPV4.matcher(host);
        if (!m.matches() || !m.group(1).equals("127")) {
            return false;
        }
        for (int i = 2; i <= 4; i++) {
            if (Integer.parseInt(m.group(i)) > 255) {
                return false;
            }
        }
        return true;
    }
}
