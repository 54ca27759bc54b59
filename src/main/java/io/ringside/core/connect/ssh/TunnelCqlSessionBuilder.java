package io.ringside.core.connect.ssh;

import com.datastax.oss.driver.api.core.CqlSessionBuilder;
import com.datastax.oss.driver.api.core.addresstranslation.AddressTranslator;
import com.datastax.oss.driver.api.core.config.DriverConfigLoader;
import com.datastax.oss.driver.api.core.context.DriverContext;
import com.datastax.oss.driver.api.core.session.ProgrammaticArguments;
import com.datastax.oss.driver.internal.core.context.DefaultDriverContext;
import java.net.InetSocketAddress;

/**
 * A session builder whose driver reaches every node through the tunnel: the contact points are
 * forwards already, and each node the driver learns of (its broadcast RPC address, from
 * {@code system.local} and {@code system.peers}, also peers that join later) is translated to a
 * forward of its own, opened on first use. The driver takes an address translator only by class
 * name from its configuration; this builder hands it an instance instead, so no static registry
 * is needed to find the tunnel.
 */
public final class TunnelCqlSessionBuilder extends CqlSessionBuilder {

    private final SshTunnel tunnel;

    public TunnelCqlSessionBuilder(SshTunnel tunnel) {
        this.tunnel = tunnel;
    }

    @Override
    protected DriverContext buildContext(DriverConfigLoader configLoader, ProgrammaticArguments arguments) {
        return new DefaultDriverContext(configLoader, arguments) {
            @Override
            protected AddressTranslator buildAddressTranslator() {
                return new TunnelAddressTranslator(tunnel);
            }
        };
    }

    /** Each node's address to the local forward that reaches it through the tunnel. */
    static final class TunnelAddressTranslator implements AddressTranslator {

        private final SshTunnel tunnel;

        TunnelAddressTranslator(SshTunnel tunnel) {
            this.tunnel = tunnel;
        }

        @Override
        public InetSocketAddress translate(InetSocketAddress address) {
            return tunnel.forward(address.getHostString(), address.getPort());
        }

        @Override
        public void close() {
            // the tunnel belongs to the profile's clients, which close it
        }
    }
}
