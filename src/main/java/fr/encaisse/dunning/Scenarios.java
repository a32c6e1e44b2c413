package fr.encaisse.dunning;

import java.util.List;
import java.util.UUID;

/**
 * The current tenant's scenarios. A tenant without any gets the default French scenario
 * ({@code fr/encaisse/dunning/default-scenario.yaml}) on first use.
 */
public interface Scenarios {

    List<Scenario> list();

    Scenario get(UUID id);

    Scenario defaultScenario();

    /** Checked whole (every problem named by field); {@code isDefault} moves the default flag to it. */
    Scenario create(Scenario scenario);

    Scenario update(UUID id, Scenario scenario);

    /** Not the default one, nor one still assigned to a debtor. */
    void delete(UUID id);

    /** YAML of one scenario, or of all of them when {@code id} is null. */
    String exportYaml(UUID id);

    /** Creates, or replaces by name, every scenario of the document (one, or a list under {@code scenarios:}). */
    List<Scenario> importYaml(String yaml);

    DebtorDunning debtor(UUID debtorId);

    /** Sets the debtor's scenario (null = the default), segment and risk class. */
    DebtorDunning assign(UUID debtorId, UUID scenarioId, String segment, String riskClass);
}
