package com.crmhub.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal SMTP server on 127.0.0.1 that refuses every recipient with a fixed reply, as a receiving server does for an
 * unknown mailbox — the one thing GreenMail cannot be made to do. Speaks just enough of RFC 5321 for jakarta.mail:
 * greeting, EHLO/HELO, MAIL, RCPT (refused), RSET, NOOP, QUIT. One connection at a time, on a daemon thread.
 */
final class RefusingSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private volatile Socket current;
    private final String reply;

    RefusingSmtpServer(int port, String reply) {
        this.reply = reply;
        try {
            this.socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new IllegalStateException("cannot listen on 127.0.0.1:" + port, e);
        }
        Thread thread = new Thread(this::serve, "refusing-smtp-" + port);
        thread.setDaemon(true);
        thread.start();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                current = client;
                client.setSoTimeout(10_000);
                converse(client);
            } catch (SocketException e) {
                return; // closed
            } catch (IOException e) {
                // that client went away; serve the next
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        PrintWriter out = new PrintWriter(client.getOutputStream(), true, StandardCharsets.US_ASCII);
        send(out, "220 refusing.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            String command = line.length() < 4 ? line.toUpperCase(Locale.ROOT) : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (command) {
                case "EHLO", "HELO" -> send(out, "250 refusing.test");
                case "MAIL", "RSET", "NOOP" -> send(out, "250 2.0.0 OK");
                case "RCPT" -> send(out, reply);
                case "QUIT" -> {
                    send(out, "221 2.0.0 Bye");
                    return;
                }
                default -> send(out, "503 5.5.1 Bad sequence of commands");
            }
        }
    }

    private static void send(PrintWriter out, String line) {
        out.print(line + "\r\n");
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
            Socket client = current;
            if (client != null) {
                client.close(); // the hub's open connection goes too, so the next server on the port starts clean
            }
        } catch (IOException e) {
            // closing anyway
        }
    }
}
