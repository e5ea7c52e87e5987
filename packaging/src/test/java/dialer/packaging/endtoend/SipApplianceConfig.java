package dialer.packaging.endtoend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import dialer.gateway.sip.LoopbackPorts;

/**
 * The configuration file of an appliance that dials over SIP on loopback: its own HTTP, SIP and media ports,
 * and one trunk, {@code customers}, to the sipp at {@code trunkPort}; with the safe-harbour prompt in its data
 * directory.
 */
public record SipApplianceConfig(Path dataDir, int httpPort, int databasePort, int sipPort, int mediaPort, int trunkPort) {

    /** Free ports on loopback for everything the appliance listens on; its data in {@code dataDir}. */
    public static SipApplianceConfig onFreePorts(Path dataDir, int trunkPort) {
        return new SipApplianceConfig(dataDir, LoopbackPorts.freeForUdpAndTcp(), LoopbackPorts.freeForUdpAndTcp(),
                LoopbackPorts.freeForUdpAndTcp(), LoopbackPorts.freeForUdpAndTcp(), trunkPort);
    }

    /** The JDBC URL of the appliance's embedded database. */
    String jdbcUrl() {
        return "jdbc:postgresql://" + LoopbackPorts.HOST + ":" + databasePort + "/dialer";
    }

    /** The password of the embedded database's user {@code dialer}, which the appliance generated. */
    String databasePassword() throws IOException {
        return Files.readString(dataDir.resolve("postgres-password")).strip();
    }

    /** Writes the file {@code file} and the prompt; returns the file. */
    public Path write(Path file) throws IOException {
        SafeHarbourPrompt.write(dataDir);
        return Files.writeString(file, """
                http:
                  host: 127.0.0.1
                  port: %d
                data:
                  dir: %s
                database:
                  embedded-port: %d
                gateway:
                  driver: sip
                  sip:
                    address: %s
                    port: %d
                    media-port: %d
                    trunks:
                      - name: customers
                        host: %s
                        port: %d
                        max-channels: 100
                        max-calls-per-second: 50
                engine:
                  node-id: end-to-end
                """.formatted(httpPort, dataDir, databasePort, LoopbackPorts.HOST, sipPort, mediaPort, LoopbackPorts.HOST, trunkPort));
    }
}
