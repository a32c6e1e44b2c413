package fr.encaisse.demo;

import fr.encaisse.banking.Reconciliation;
import fr.encaisse.dunning.DunningRun;
import fr.encaisse.ledger.OpenItems;
import fr.encaisse.recovery.Cases;
import fr.encaisse.recovery.NewDispute;
import fr.encaisse.recovery.NewPromise;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A recent collection history on top of the demo ledger, through the modules' own APIs: disputes
 * and promises (one broken), the default scenario run for the last business days, and a small bank
 * statement. The run's messages are left to the outbox's background dispatcher, which renders the
 * letters and call tasks in its first minute (rendering them here would triple the startup time);
 * the demo tenant has no mail server, so its emails go to the dead-letter list, never to SMTP.
 * Runs within the demo tenant; deterministic for a given ledger and day.
 */
class DemoHistory {

    /**
     * Daily runs up to today: with 3 days between contacts, the debtors long overdue get a reminder,
     * a call, a penalty letter, then a formal notice drafted for review.
     */
    private static final int RUN_DAYS = 12;

    private final OpenItems openItems;
    private final Cases cases;
    private final DunningRun dunning;
    private final Reconciliation reconciliation;

    DemoHistory(OpenItems openItems, Cases cases, DunningRun dunning, Reconciliation reconciliation) {
        this.openItems = openItems;
        this.cases = cases;
        this.dunning = dunning;
        this.reconciliation = reconciliation;
    }

    void seed(LocalDate today) {
        // The oldest overdue invoice of each debtor: the five cases and the three bank lines each take another debtor.
        List<OpenItems.OpenInvoice> overdue = oldestOverduePerDebtor(today);
        disputesAndPromises(overdue, today);
        for (LocalDate day : runDays(today)) {
            dunning.run(day);
        }
        bankStatement(overdue.subList(Math.min(overdue.size(), 5), overdue.size()), today);
    }

    private List<OpenItems.OpenInvoice> oldestOverduePerDebtor(LocalDate today) {
        Map<UUID, OpenItems.OpenInvoice> byDebtor = new LinkedHashMap<>();
        openItems.forEachOpenInvoice(i -> {
            if (i.dueDate().isBefore(today)) {
                byDebtor.putIfAbsent(i.debtorId(), i);
            }
        });
        List<OpenItems.OpenInvoice> list = new ArrayList<>(byDebtor.values());
        list.sort(Comparator.comparing(OpenItems.OpenInvoice::dueDate).thenComparing(OpenItems.OpenInvoice::number));
        return list;
    }

    private void disputesAndPromises(List<OpenItems.OpenInvoice> overdue, LocalDate today) {
        if (overdue.size() < 5) {
            return;
        }
        cases.openDispute(new NewDispute(overdue.get(0).debtorId(), overdue.get(0).id(),
                "Livraison incomplète : 2 palettes manquantes", today.minusDays(20)));
        cases.openDispute(new NewDispute(overdue.get(1).debtorId(), null,
                "Conteste les tarifs appliqués depuis janvier", today.minusDays(9)));
        // Promised a week ago and not kept: the cockpit lists it as broken.
        cases.recordPromise(new NewPromise(overdue.get(2).debtorId(), List.of(overdue.get(2).id()), today.minusDays(7),
                null, "Virement annoncé par le gérant"));
        cases.recordPromise(new NewPromise(overdue.get(3).debtorId(), List.of(overdue.get(3).id()), today,
                overdue.get(3).openAmount(), "Chèque envoyé, à surveiller"));
        cases.recordPromise(new NewPromise(overdue.get(4).debtorId(), null, today.plusDays(10), null,
                "Règlement de tout le compte à la fin du mois"));
    }

    private List<LocalDate> runDays(LocalDate today) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = today; days.size() < RUN_DAYS; d = d.minusDays(1)) {
            if (dunning.isBusinessDay(d)) {
                days.add(0, d);
            }
        }
        return days;
    }

    /** Yesterday's statement: two payments naming their invoice (matched), one partial (suggested). */
    private void bankStatement(List<OpenItems.OpenInvoice> candidates, LocalDate today) {
        if (candidates.size() < 3) {
            return;
        }
        LocalDate day = today.minusDays(1);
        StringBuilder entries = new StringBuilder();
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < 3; i++) {
            OpenItems.OpenInvoice invoice = candidates.get(i);
            BigDecimal amount = i < 2 ? invoice.openAmount() : invoice.openAmount().divide(BigDecimal.valueOf(2), 2, RoundingMode.DOWN);
            total = total.add(amount);
            entries.append(entry(i + 1, amount, day, "FACTURE " + invoice.number()));
        }
        String xml = CAMT.formatted(day, DemoData.IBAN, total, entries);
        reconciliation.importStatement("releve-" + day + ".xml", xml.getBytes(StandardCharsets.UTF_8));
    }

    private static String entry(int n, BigDecimal amount, LocalDate day, String text) {
        return """
                <Ntry><NtryRef>%1$d</NtryRef><Amt Ccy="EUR">%2$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>\
                <BookgDt><Dt>%3$s</Dt></BookgDt><ValDt><Dt>%3$s</Dt></ValDt><AcctSvcrRef>DEMO-%3$s-%1$d</AcctSvcrRef>\
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>\
                <NtryDtls><TxDtls><RmtInf><Ustrd>%4$s</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>
                """.formatted(n, amount.toPlainString(), day, text);
    }

    /** camt.053.001.08 with an opening balance of zero: the closing balance is the credits' total. */
    private static final String CAMT = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>
            <GrpHdr><MsgId>DEMO-%1$s</MsgId><CreDtTm>%1$sT20:00:00+01:00</CreDtTm></GrpHdr>
            <Stmt><Id>DEMO-STMT-%1$s</Id><CreDtTm>%1$sT20:00:00+01:00</CreDtTm>
            <Acct><Id><IBAN>%2$s</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Bal><Tp><CdOrPrtry><Cd>OPBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">0.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%1$s</Dt></Dt></Bal>
            <Bal><Tp><CdOrPrtry><Cd>CLBD</Cd></CdOrPrtry></Tp><Amt Ccy="EUR">%3$s</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>%1$s</Dt></Dt></Bal>
            %4$s</Stmt></BkToCstmrStmt></Document>
            """;
}
