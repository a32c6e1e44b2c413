package fr.encaisse.imports.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Random;

/**
 * Writes a FEC of exactly {@code lines} lines (header included) for benchmarks: a year of books
 * of a company with a few thousand customers on 411000 with auxiliary accounts. For each invoice
 * (3 lines: 411, 706, 44571): most are paid in full and lettered with their payment (2 lines:
 * 512, 411), some are paid in part (unlettered, naming the invoice), some get a credit note and
 * the rest by a payment (all three lettered together), some stay open; purchases (601, 44566,
 * 401) in between. ISO-8859-15, tab, CR LF, decimal comma, from a fixed seed.
 */
public final class FecGenerator {

    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;
    private static final String[] NAMES = {"Boulangerie", "Garage", "Hôtel", "Pharmacie", "Menuiserie", "Café", "Librairie",
            "Électricité", "Imprimerie", "Fromagerie"};

    private final BufferedWriter out;
    private final Random random = new Random(20260101);
    private final int customers;
    private final int[] letters;
    private long written;
    private int salesNum;
    private int bankNum;
    private int purchaseNum;
    private int feeNum;
    /** What the books leave open on invoices, in cents: what the import must leave open. */
    private long openCents;

    private FecGenerator(BufferedWriter out, int customers) {
        this.out = out;
        this.customers = customers;
        this.letters = new int[customers];
    }

    /** Writes the file (a customer per 400 lines) and returns the total left open on invoices, in cents. */
    public static long write(Path file, long lines) throws IOException {
        return write(file, lines, (int) Math.max(10, lines / 400));
    }

    /** Writes the file over this many customers and returns the total left open on invoices, in cents. */
    public static long write(Path file, long lines, int customers) throws IOException {
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), Charset.forName("ISO-8859-15")),
                1 << 16)) {
            FecGenerator g = new FecGenerator(w, customers);
            g.books(lines);
            return g.openCents;
        }
    }

    private void books(long lines) throws IOException {
        line("JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum", "CompAuxLib",
                "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate",
                "Montantdevise", "Idevise");
        LocalDate start = LocalDate.of(2026, 1, 1);
        long invoice = 0;
        // Each cycle writes at most 3 + 3 + 2 + 3 = 11 lines.
        while (lines - written > 11) {
            invoice++;
            LocalDate day = start.plusDays((invoice * 365) / Math.max(1, lines / 8));
            int c = random.nextInt(customers);
            String aux = String.format("C%05d", c);
            String name = NAMES[c % NAMES.length] + " " + aux.substring(1);
            String number = "F" + invoice;
            long cents = 5_000 + random.nextInt(500_000);
            long vat = Math.round(cents / 6.0);
            double r = random.nextDouble();
            String letter = r < 0.90 && r >= 0.75 && r < 0.85 ? "" : r < 0.90 ? letter(c) : "";
            LocalDate paid = day.plusDays(10 + random.nextInt(50));
            salesNum++;
            sale(day, aux, name, number, cents, vat, letter, r < 0.75 || r >= 0.85 && r < 0.90 ? paid : null);
            if (r < 0.75) {
                bank(paid, aux, name, number, cents, letter);
            } else if (r < 0.85) {
                // Paid in part, not lettered: the payment names the invoice.
                bank(paid, aux, name, number, cents * 2 / 5, "");
                openCents += cents - cents * 2 / 5;
            } else if (r >= 0.90) {
                openCents += cents;
            } else {
                long credit = cents / 5;
                long creditVat = Math.round(credit / 6.0);
                salesNum++;
                creditNote(day.plusDays(5), aux, name, "AV" + invoice, number, credit, creditVat, letter, paid);
                bank(paid, aux, name, number, cents - credit, letter);
            }
            if (invoice % 2 == 0 && lines - written > 11) {
                purchaseNum++;
                long p = 1_000 + random.nextInt(200_000);
                long pv = Math.round(p / 6.0);
                String d = day.format(BASIC);
                String ref = "FA" + purchaseNum;
                line("AC", "Achats", String.valueOf(purchaseNum), d, "601000", "Achats", "", "", ref, d, "Achats " + ref, amount(p - pv), "0,00", "", "", d, "", "");
                line("AC", "Achats", String.valueOf(purchaseNum), d, "445660", "TVA déductible", "", "", ref, d, "Achats " + ref, amount(pv), "0,00", "", "", d, "", "");
                line("AC", "Achats", String.valueOf(purchaseNum), d, "401000", "Fournisseurs", "F0001", "Moulin", ref, d, "Achats " + ref, "0,00", amount(p), "", "", d, "", "");
            }
        }
        // Fill up to the exact count with bank fees (2 lines, or one entry of 3).
        while (lines - written > 0) {
            feeNum++;
            String d = LocalDate.of(2026, 12, 31).format(BASIC);
            boolean three = lines - written == 3;
            line("FR", "Frais", String.valueOf(feeNum), d, "627000", "Frais bancaires", "", "", "FR" + feeNum, d, "Frais", three ? "1,00" : "2,00", "0,00", "", "", d, "", "");
            if (three) {
                line("FR", "Frais", String.valueOf(feeNum), d, "627000", "Frais bancaires", "", "", "FR" + feeNum, d, "Frais", "1,00", "0,00", "", "", d, "", "");
            }
            line("FR", "Frais", String.valueOf(feeNum), d, "512000", "Banque", "", "", "FR" + feeNum, d, "Frais", "0,00", "2,00", "", "", d, "", "");
            if (lines - written == 1) {
                throw new IllegalStateException("cannot fill one line");
            }
        }
    }

    private void sale(LocalDate day, String aux, String name, String number, long cents, long vat, String letter, LocalDate lettered)
            throws IOException {
        String d = day.format(BASIC);
        String n = String.valueOf(salesNum);
        String dl = lettered == null || letter.isEmpty() ? "" : lettered.format(BASIC);
        line("VT", "Ventes", n, d, "411000", "Clients", aux, name, number, d, "Facture " + number, amount(cents), "0,00", letter, dl, d, "", "");
        line("VT", "Ventes", n, d, "706000", "Prestations de services", "", "", number, d, "Facture " + number, "0,00", amount(cents - vat), "", "", d, "", "");
        line("VT", "Ventes", n, d, "445710", "TVA collectée", "", "", number, d, "Facture " + number, "0,00", amount(vat), "", "", d, "", "");
    }

    private void creditNote(LocalDate day, String aux, String name, String number, String invoice, long cents, long vat,
                            String letter, LocalDate lettered) throws IOException {
        String d = day.format(BASIC);
        String n = String.valueOf(salesNum);
        String lib = "Avoir sur " + invoice;
        line("VT", "Ventes", n, d, "411000", "Clients", aux, name, number, d, lib, "0,00", amount(cents), letter, lettered.format(BASIC), d, "", "");
        line("VT", "Ventes", n, d, "706000", "Prestations de services", "", "", number, d, lib, amount(cents - vat), "0,00", "", "", d, "", "");
        line("VT", "Ventes", n, d, "445710", "TVA collectée", "", "", number, d, lib, amount(vat), "0,00", "", "", d, "", "");
    }

    private void bank(LocalDate day, String aux, String name, String invoice, long cents, String letter) throws IOException {
        bankNum++;
        String d = day.format(BASIC);
        String n = String.valueOf(bankNum);
        String lib = "VIR " + name + " " + invoice;
        line("BQ", "Banque", n, d, "512000", "Banque", "", "", invoice, d, lib, amount(cents), "0,00", "", "", d, "", "");
        line("BQ", "Banque", n, d, "411000", "Clients", aux, name, invoice, d, lib, "0,00", amount(cents), letter,
                letter.isEmpty() ? "" : d, d, "", "");
    }

    /** The next lettering code of a customer: AAA, AAB, … */
    private String letter(int customer) {
        int n = letters[customer]++;
        char[] code = new char[3];
        for (int i = 2; i >= 0; i--) {
            code[i] = (char) ('A' + n % 26);
            n /= 26;
        }
        return new String(code);
    }

    private static String amount(long cents) {
        return cents / 100 + "," + String.format("%02d", cents % 100);
    }

    private void line(String... fields) throws IOException {
        out.write(String.join("\t", fields));
        out.write("\r\n");
        written++;
    }
}
