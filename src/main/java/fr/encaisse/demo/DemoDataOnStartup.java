package fr.encaisse.demo;

import fr.encaisse.banking.Reconciliation;
import fr.encaisse.dunning.DunningRun;
import fr.encaisse.ledger.Ledger;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.recovery.Cases;
import fr.encaisse.tenancy.Tenants;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Seeds the demo tenant, ledger and recent history, on first start when {@code encaisse.demo.enabled} (default on H2). */
@Component
@ConditionalOnProperty(name = "encaisse.demo.enabled", havingValue = "true")
class DemoDataOnStartup implements ApplicationRunner {

    private final DemoData demo;

    DemoDataOnStartup(Tenants tenants, Ledger ledger, PlatformTransactionManager txManager, OpenItems openItems,
                      Cases cases, DunningRun dunning, Reconciliation reconciliation) {
        this.demo = new DemoData(tenants, ledger, new TransactionTemplate(txManager),
                new DemoHistory(openItems, cases, dunning, reconciliation));
    }

    @Override
    public void run(ApplicationArguments args) {
        demo.createIfAbsent(150, 3000);
    }
}
