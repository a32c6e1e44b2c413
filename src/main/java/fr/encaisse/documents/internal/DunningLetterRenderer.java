package fr.encaisse.documents.internal;

import fr.encaisse.communication.Letter;
import fr.encaisse.communication.LetterRenderer;
import fr.encaisse.documents.DocumentAsset;
import fr.encaisse.tenancy.TenantContext;
import fr.encaisse.tenancy.Tenants;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The communication module's letters (dunning steps sent by post, and the PDF attached to an email)
 * rendered like the documents' own: the tenant's {@code dunning-letter} template (or the bundled one)
 * with its letterhead, logo and envelope-window layout, to PDF/A-3b. Called by the outbox dispatcher,
 * which runs as the message's tenant.
 */
@Component
class DunningLetterRenderer implements LetterRenderer {

    private final Tenants tenants;
    private final DocumentStore store;
    private final DocumentRenderer renderer;

    DunningLetterRenderer(Tenants tenants, DocumentStore store, DocumentRenderer renderer) {
        this.tenants = tenants;
        this.store = store;
        this.renderer = renderer;
    }

    @Override
    public byte[] render(Letter letter) {
        UUID tenantId = TenantContext.tenantId();
        DocumentStore.Asset logo = store.asset(tenantId, DocumentAsset.LOGO.key()).orElse(null);
        return renderer.pdf(tenantId, TemplateName.DUNNING_LETTER, DunningLetterModels.language(letter.locale()),
                DunningLetterModels.model(letter, tenants.get(tenantId), logo));
    }
}
