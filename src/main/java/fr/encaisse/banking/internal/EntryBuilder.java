package fr.encaisse.banking.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import fr.encaisse.banking.CreditDebit;
import fr.encaisse.banking.EntryDetails;
import fr.encaisse.banking.StatementEntry;

/** Collects one entry's fields while its camt {@code Ntry} or CFONB 04/05 records are read. */
final class EntryBuilder {

    private static final String NOT_PROVIDED = "NOTPROVIDED";

    final long line;
    BigDecimal amount;
    String currency;
    CreditDebit creditDebit;
    boolean reversal;
    String status;
    LocalDate bookingDate;
    LocalDate valueDate;
    String entryReference;
    String accountServicerReference;
    String domain;
    String family;
    String subFamily;
    String proprietaryCode;
    String additionalInfo;
    final List<DetailsBuilder> details = new ArrayList<>();

    EntryBuilder(long line) {
        this.line = line;
    }

    StatementEntry build(String statementId, String accountId, int position) {
        List<EntryDetails> built = new ArrayList<>(details.size());
        for (DetailsBuilder detail : details) {
            built.add(detail.build());
        }
        String fingerprint = Fingerprints.of(accountId, statementId, bookingDate, amount, currency, creditDebit,
                reversal, fingerprintReference(built), position);
        return new StatementEntry(statementId, accountId, position, line, amount, currency, creditDebit, reversal,
                status, bookingDate, valueDate, entryReference, accountServicerReference, bankTransactionCode(),
                proprietaryCode, additionalInfo, built, fingerprint);
    }

    private String bankTransactionCode() {
        if (domain == null) {
            return null;
        }
        StringBuilder code = new StringBuilder(domain);
        if (family != null) {
            code.append('/').append(family);
            if (subFamily != null) {
                code.append('/').append(subFamily);
            }
        }
        return code.toString();
    }

    /** The bank's own reference when given, else the first meaningful end-to-end id. */
    private String fingerprintReference(List<EntryDetails> built) {
        if (accountServicerReference != null) {
            return accountServicerReference;
        }
        for (EntryDetails detail : built) {
            String id = detail.endToEndId();
            if (id != null && !NOT_PROVIDED.equals(id)) {
                return id;
            }
        }
        return null;
    }
}
