package fr.encaisse.support;

import fr.encaisse.ledger.InvoiceSettled;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.modulith.events.ApplicationModuleListener;

/** A listener like the ones other modules will have: it receives events through the outbox, after commit. */
@TestConfiguration
public class OutboxProbe {

    @Bean
    SettledInvoices settledInvoices() {
        return new SettledInvoices();
    }

    public static class SettledInvoices {
        private final Set<UUID> received = ConcurrentHashMap.newKeySet();

        /** A method, not a field: the bean is a proxy (the listener runs asynchronously). */
        public boolean received(UUID invoiceId) {
            return received.contains(invoiceId);
        }

        @ApplicationModuleListener
        void on(InvoiceSettled event) {
            received.add(event.invoiceId());
        }
    }
}
