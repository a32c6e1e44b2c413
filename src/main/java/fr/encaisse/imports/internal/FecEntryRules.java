package fr.encaisse.imports.internal;

import fr.encaisse.ledger.PaymentMethod;
import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a balanced FEC entry means for the receivables. Lines on customer accounts (CompteNum
 * starting with the tenant's prefix, 411 by default) are the debtor's items; the other lines of
 * the entry say what kind of operation it is:
 * <ul>
 *   <li>an opening entry (journal AN, RAN, ANO… or a line on 89x): debits are invoices still
 *       open from the previous year, credits are credits still open (recorded as payments);</li>
 *   <li>an entry with a treasury line (class 5: bank, cash): credits are payments received,
 *       debits (refunds, returned payments) are not in the ledger yet and are skipped;</li>
 *   <li>an entry with a revenue (class 7) or output VAT (4457) line: debits are invoices,
 *       credits are credit notes;</li>
 *   <li>anything else (write-offs, transfers to doubtful debtors, discounts): skipped, with the
 *       reason in the report.</li>
 * </ul>
 * The debtor is the auxiliary account (CompAuxNum/CompAuxLib) when there is one, else the
 * customer account itself (CompteNum/CompteLib). Lines of one entry on one debtor and PieceRef
 * make one invoice or credit note; credits of one bank entry on one debtor make one payment.
 */
final class FecEntryRules {

    static final String SKIP_ZERO = "zero amount";
    static final String SKIP_REFUND = "a debit on a customer account in a bank entry (refund or returned payment): "
            + "the ledger has no refunds yet";
    static final String SKIP_OTHER = "not a sales, bank or opening entry (write-off, transfer, discount…): "
            + "the ledger has no such items yet";
    static final String SKIP_TOO_LONG = "the customer account or PieceRef is longer than 64 characters";

    private static final Set<String> OPENING_JOURNALS = Set.of("AN", "RAN", "ANO", "ANX", "ANOUV", "ANOUVEAU", "ANOUVEAUX");
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern CHECK = Pattern.compile("\\b(CHQ|CHEQUE|CHEQUES|CH)\\b");
    private static final Pattern DEBIT = Pattern.compile("\\b(PRLV|PRELEVEMENT|PRELEV|SDD)\\b");
    private static final Pattern TRANSFER = Pattern.compile("\\b(VIR|VIREMENT|VRT|SCT)\\b");
    private static final Pattern CARD = Pattern.compile("\\b(CB|CARTE|TPE)\\b");
    private static final Pattern CASH = Pattern.compile("\\b(ESPECES|ESP)\\b");

    enum Kind { INVOICE, CREDIT_NOTE, PAYMENT }

    /** A line on a customer account, with the key that finds it again in a later FEC of the same books. */
    record CustomerLine(FecLine line, String key, String debtorRef, String debtorName, BigDecimal amount) {
    }

    /** An invoice, credit note or payment made of one or more customer lines of an entry. */
    record Piece(Kind kind, String debtorRef, String debtorName, String number, String fallbackNumber, LocalDate date,
                 BigDecimal amount, BigDecimal vat, String reference, PaymentMethod method, boolean opening,
                 List<CustomerLine> lines) {
    }

    record Skip(CustomerLine line, String reason) {
    }

    record Derived(List<Piece> pieces, List<Skip> skipped) {
    }

    private final String customerPrefix;

    FecEntryRules(String customerPrefix) {
        this.customerPrefix = customerPrefix;
    }

    boolean isCustomer(FecLine line) {
        return line.compteNum().startsWith(customerPrefix);
    }

    Derived derive(List<FecLine> entry) {
        boolean opening = OPENING_JOURNALS.contains(CsvTable.normalise(entry.get(0).journalCode()).toUpperCase(Locale.ROOT));
        boolean revenue = false;
        boolean treasury = false;
        BigDecimal outputVat = BigDecimal.ZERO;
        for (FecLine l : entry) {
            String account = l.compteNum();
            if (isCustomer(l)) {
                continue;
            }
            opening |= account.startsWith("89");
            treasury |= account.startsWith("5");
            revenue |= account.startsWith("7");
            if (account.startsWith("4457")) {
                revenue = true;
                outputVat = outputVat.add(l.credit()).subtract(l.debit());
            }
        }
        FecLine first = entry.get(0);
        String entryPrefix = first.journalCode() + "|" + first.ecritureNum() + "|" + first.ecritureDate().format(BASIC) + "|";
        Map<String, List<CustomerLine>> groups = new LinkedHashMap<>();
        Map<String, Kind> kinds = new LinkedHashMap<>();
        List<Skip> skipped = new ArrayList<>();
        int ordinal = 0;
        for (FecLine l : entry) {
            if (!isCustomer(l)) {
                continue;
            }
            String aux = l.compAuxNum();
            String ref = aux != null ? aux : l.compteNum();
            String name = aux != null ? firstNonNull(l.compAuxLib(), l.compteLib(), aux) : firstNonNull(l.compteLib(), ref);
            String key = key(entryPrefix + l.compteNum() + "|" + (aux == null ? "" : aux) + "|" + ordinal++);
            BigDecimal net = l.net();
            CustomerLine line = new CustomerLine(l, key, ref, name.length() > 200 ? name.substring(0, 200) : name, net.abs());
            if (net.signum() == 0) {
                skipped.add(new Skip(line, SKIP_ZERO));
                continue;
            }
            boolean debit = net.signum() > 0;
            Kind kind;
            if (opening) {
                kind = debit ? Kind.INVOICE : Kind.PAYMENT;
            } else if (!debit && treasury) {
                kind = Kind.PAYMENT;
            } else if (debit && treasury && !revenue) {
                skipped.add(new Skip(line, SKIP_REFUND));
                continue;
            } else if (revenue) {
                kind = debit ? Kind.INVOICE : Kind.CREDIT_NOTE;
            } else {
                skipped.add(new Skip(line, SKIP_OTHER));
                continue;
            }
            String number = kind == Kind.PAYMENT ? "" : firstNonNull(l.pieceRef(), first.journalCode() + "-" + first.ecritureNum());
            if (ref.length() > 64 || number.length() > 64) {
                skipped.add(new Skip(line, SKIP_TOO_LONG));
                continue;
            }
            String group = kind + "\u0001" + ref + "\u0001" + number;
            groups.computeIfAbsent(group, g -> new ArrayList<>()).add(line);
            kinds.put(group, kind);
        }
        List<Piece> pieces = new ArrayList<>();
        long salesPieces = kinds.values().stream().filter(k -> k != Kind.PAYMENT).count();
        int n = 0;
        for (Map.Entry<String, List<CustomerLine>> g : groups.entrySet()) {
            Kind kind = kinds.get(g.getKey());
            List<CustomerLine> lines = g.getValue();
            CustomerLine head = lines.get(0);
            BigDecimal amount = lines.stream().map(CustomerLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
            n++;
            if (kind == Kind.PAYMENT) {
                String reference = text(head.line().pieceRef(), head.line().ecritureLib());
                if (opening) {
                    reference = "À-nouveau " + reference;
                }
                pieces.add(new Piece(kind, head.debtorRef(), head.debtorName(), null, null, head.line().ecritureDate(),
                        amount, BigDecimal.ZERO, reference.length() > 140 ? reference.substring(0, 140) : reference.trim(),
                        opening ? PaymentMethod.OTHER : method(reference), opening, lines));
            } else {
                BigDecimal vat = BigDecimal.ZERO;
                if (salesPieces == 1) {
                    vat = kind == Kind.INVOICE ? outputVat : outputVat.negate();
                    if (vat.signum() < 0 || vat.compareTo(amount) >= 0) {
                        vat = BigDecimal.ZERO;
                    }
                }
                String number = g.getKey().substring(g.getKey().lastIndexOf('\u0001') + 1);
                String fallback = first.journalCode() + "-" + first.ecritureNum() + (groups.size() > 1 ? "-" + n : "");
                LocalDate date = head.line().pieceDate() != null ? head.line().pieceDate() : head.line().ecritureDate();
                pieces.add(new Piece(kind, head.debtorRef(), head.debtorName(), number,
                        fallback.length() > 64 ? null : fallback, date, amount, vat, null, null, opening, lines));
            }
        }
        return new Derived(pieces, skipped);
    }

    /** Keys fit their column; an absurdly long one is replaced by its digest. */
    private static String key(String raw) {
        if (raw.length() <= 400) {
            return raw;
        }
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(raw.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "sha256:" + java.util.HexFormat.of().formatHex(hash);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The payment method a bank label suggests: "CHQ 1234" is a check, "PRLV SEPA" a direct debit. */
    static PaymentMethod method(String label) {
        String s = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toUpperCase(Locale.ROOT);
        if (DEBIT.matcher(s).find()) {
            return PaymentMethod.DIRECT_DEBIT;
        }
        if (CHECK.matcher(s).find()) {
            return PaymentMethod.CHECK;
        }
        if (TRANSFER.matcher(s).find()) {
            return PaymentMethod.TRANSFER;
        }
        if (CARD.matcher(s).find()) {
            return PaymentMethod.CARD;
        }
        if (CASH.matcher(s).find()) {
            return PaymentMethod.CASH;
        }
        return PaymentMethod.OTHER;
    }

    private static String text(String pieceRef, String label) {
        if (pieceRef == null) {
            return label == null ? "" : label;
        }
        if (label == null) {
            return pieceRef;
        }
        return label.contains(pieceRef) ? label : pieceRef + " " + label;
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v.trim();
            }
        }
        return "";
    }
}
