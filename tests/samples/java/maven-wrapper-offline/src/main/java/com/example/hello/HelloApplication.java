package com.example.hello;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

// Stands in for a Spring Boot app: listens on SERVER_PORT (as Spring Boot's
// relaxed binding would) and answers the Actuator health endpoint.
public final class HelloApplication {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(System.getenv().getOrDefault("SERVER_PORT", "8080"));
        HttpServer server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            boolean health = path.equals("/actuator/health");
            byte[] body = (health ? "{\"status\":\"UP\"}"
                                  : "hello from " + System.getProperty("user.name") + "\n")
                              .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(health || path.equals("/") ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        System.out.println("listening on " + port);
    }
}
