import com.prowidesoftware.swift.model.mx.MxPain00800108;
import com.prowidesoftware.swift.model.mx.dic.AccountIdentification4Choice;
import com.prowidesoftware.swift.model.mx.dic.ActiveOrHistoricCurrencyAndAmount;
import com.prowidesoftware.swift.model.mx.dic.AmendmentInformationDetails13;
import com.prowidesoftware.swift.model.mx.dic.BranchAndFinancialInstitutionIdentification6;
import com.prowidesoftware.swift.model.mx.dic.CashAccount38;
import com.prowidesoftware.swift.model.mx.dic.ChargeBearerType1Code;
import com.prowidesoftware.swift.model.mx.dic.CustomerDirectDebitInitiationV08;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransaction10;
import com.prowidesoftware.swift.model.mx.dic.DirectDebitTransactionInformation23;
import com.prowidesoftware.swift.model.mx.dic.FinancialInstitutionIdentification18;
import com.prowidesoftware.swift.model.mx.dic.GenericFinancialIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GenericPersonIdentification1;
import com.prowidesoftware.swift.model.mx.dic.GroupHeader83;
import com.prowidesoftware.swift.model.mx.dic.LocalInstrument2Choice;
import com.prowidesoftware.swift.model.mx.dic.MandateRelatedInformation14;
import com.prowidesoftware.swift.model.mx.dic.Party38Choice;
import com.prowidesoftware.swift.model.mx.dic.PartyIdentification135;
import com.prowidesoftware.swift.model.mx.dic.PaymentIdentification6;
import com.prowidesoftware.swift.model.mx.dic.PaymentInstruction29;
import com.prowidesoftware.swift.model.mx.dic.PaymentMethod2Code;
import com.prowidesoftware.swift.model.mx.dic.PaymentTypeInformation29;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentification13;
import com.prowidesoftware.swift.model.mx.dic.PersonIdentificationSchemeName1Choice;
import com.prowidesoftware.swift.model.mx.dic.PostalAddress24;
import com.prowidesoftware.swift.model.mx.dic.RemittanceInformation16;
import com.prowidesoftware.swift.model.mx.dic.SequenceType3Code;
import com.prowidesoftware.swift.model.mx.dic.ServiceLevel8Choice;
import fr.encaisse.sepa.Amendment;
import fr.encaisse.sepa.Creditor;
import fr.encaisse.sepa.Debit;
import fr.encaisse.sepa.DirectDebitFile;
import fr.encaisse.sepa.Pain008Summary;
import fr.encaisse.sepa.Pain008Writer;
import fr.encaisse.sepa.PainVersion;
import fr.encaisse.sepa.PostalAddress;
import fr.encaisse.sepa.Scheme;
import fr.encaisse.sepa.SequenceType;
import fr.encaisse.sepa.Target2Calendar;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;

/**
 * N direct debits (default 100,000) into one pain.008.001.08 file, twice in the same JVM: with
 * Encaisse's {@link Pain008Writer} (StAX, two passes over a stream of debits generated on the
 * fly, nothing kept) and with prowide's ISO 20022 model (pw-iso20022: the JAXB object tree of the
 * whole message, then {@code message()} to a String, then the file). Both get the very same
 * {@link Debit} records and write the same content (4 collection dates, FRST and RCUR, 1 % amended
 * mandates, a third without BIC, structured addresses, remittance text).
 *
 * <p>Reported per side: wall time (best and median of the timed rounds, after a warm-up round),
 * peak heap in use while writing (1 ms sampler, garbage included), and the live heap at the
 * fullest point (after a forced GC: the writer halfway through its second pass; prowide with the
 * model and the serialised message in hand), for several sizes to show how memory grows. Both files
 * are validated against the official XSD when {@code encaisse.shared.dir} holds it.
 */
public class Pain008Benchmark {

    private static final int ROUNDS = 5;
    private static final LocalDate FIRST = LocalDate.of(2025, 6, 2);
    private static final String[] IBANS = {"FR7630004008200001234567864", "FR7620041010050500001340268",
            "FR7630003036200002021681147", "FR7630006000019876543210173"};
    private static final Creditor CREDITOR = new Creditor("Encaisse Démo SARL", "FR7630006000011234567890189", "AGRIFRPP",
            "FR72ZZZ123456", new PostalAddress("rue de la Paix", "1", "75002", "Paris", "FR"));
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2025-05-28T08:00:00+02:00");

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path out = Path.of("target", "bench-sepa");
        Files.createDirectories(out);
        Runtime rt = Runtime.getRuntime();
        System.out.printf("pain.008.001.08 benchmark: %,d debits, Java %s, %d CPUs (load average %.1f), max heap %,d MB, GC %s%n",
                n, System.getProperty("java.version"), rt.availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), rt.maxMemory() >> 20,
                ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());

        Path encaisseFile = out.resolve("encaisse-" + n + ".xml");
        Path prowideFile = out.resolve("prowide-" + n + ".xml");
        // Warm-up (JIT), not counted.
        encaisse(n, encaisseFile, null);
        prowide(n, prowideFile);

        List<Long> eTimes = new ArrayList<>();
        List<Long> pTimes = new ArrayList<>();
        long ePeak = 0;
        long pPeak = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Measure e = Measure.run(() -> encaisse(n, encaisseFile, null));
            eTimes.add(e.nanos);
            ePeak = Math.max(ePeak, e.peakUsed);
            Measure p = Measure.run(() -> prowide(n, prowideFile));
            pTimes.add(p.nanos);
            pPeak = Math.max(pPeak, p.peakUsed);
        }

        System.out.println();
        System.out.printf("%-44s %22s %22s%n", "", "Encaisse Pain008Writer", "prowide pw-iso20022");
        System.out.printf("%-44s %22s %22s%n", "time, best of " + ROUNDS + " (s)", secs(min(eTimes)), secs(min(pTimes)));
        System.out.printf("%-44s %22s %22s%n", "time, median (s)", secs(median(eTimes)), secs(median(pTimes)));
        System.out.printf("%-44s %22s %22s%n", "debits per second (best)", perSecond(n, min(eTimes)), perSecond(n, min(pTimes)));
        System.out.printf("%-44s %22s %22s%n", "peak heap in use while writing (MB, w/ garbage)", mb(ePeak), mb(pPeak));
        System.out.printf("%-44s %22s %22s%n", "file size (MB)", mb(Files.size(encaisseFile)), mb(Files.size(prowideFile)));

        int[] sizes = n >= 100_000 ? new int[]{n / 10, n, n * 10} : new int[]{n, n * 10};
        for (int size : sizes) {
            long eLive = liveAtFullest(size, out.resolve("encaisse-live.xml"), true);
            String pLive = size > n ? "not run" : mb(liveAtFullest(size, out.resolve("prowide-live.xml"), false));
            System.out.printf("%-44s %22s %22s%n", String.format("live heap at the fullest point, %,d debits (MB)", size),
                    mb(eLive), pLive);
        }

        double ratio = (double) min(pTimes) / min(eTimes);
        double medianRatio = (double) median(pTimes) / median(eTimes);
        System.out.printf("%nEncaisse is %.1f× faster than prowide (best times; %.1f× on medians); target ≥ 3×: %s%n", ratio,
                medianRatio, Math.min(ratio, medianRatio) >= 3 ? "met" : "NOT met");
        validate(encaisseFile, "Encaisse");
        validate(prowideFile, "prowide");
    }

    // ---- the two contenders

    /** Encaisse: two passes over debits generated on the fly; {@code probe} sees each debit index of the second pass. */
    static Pain008Summary encaisse(int n, Path file, IntConsumer probe) {
        AtomicLong passes = new AtomicLong();
        try {
            return new Pain008Writer(PainVersion.V08).write(new DirectDebitFile("BENCH-" + n, CREATED, CREDITOR), () -> {
                boolean second = passes.incrementAndGet() == 2;
                Stream<Debit> s = IntStream.range(0, n).mapToObj(i -> {
                    if (second && probe != null) {
                        probe.accept(i);
                    }
                    return debit(i, n);
                });
                return s;
            }, file);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    /** prowide: the whole message as a JAXB object tree, serialised to a String, then written. */
    static void prowide(int n, Path file) {
        write(file, prowideMessage(n).message());
    }

    static MxPain00800108 prowideMessage(int n) {
        CustomerDirectDebitInitiationV08 doc = new CustomerDirectDebitInitiationV08();
        PaymentInstruction29 block = null;
        String blockKey = null;
        long blockCount = 0;
        BigDecimal blockSum = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            Debit d = debit(i, n);
            String key = d.collectionDate() + "/" + d.scheme() + "/" + d.sequenceType();
            if (!key.equals(blockKey)) {
                if (block != null) {
                    block.setNbOfTxs(Long.toString(blockCount)).setCtrlSum(blockSum);
                }
                blocks++;
                block = paymentInstruction(d, "BENCH-" + n + "-" + blocks);
                doc.addPmtInf(block);
                blockKey = key;
                blockCount = 0;
                blockSum = BigDecimal.ZERO;
            }
            block.addDrctDbtTxInf(transaction(d));
            blockCount++;
            blockSum = blockSum.add(d.amount());
            total = total.add(d.amount());
        }
        Objects.requireNonNull(block).setNbOfTxs(Long.toString(blockCount)).setCtrlSum(blockSum);
        doc.setGrpHdr(new GroupHeader83().setMsgId("BENCH-" + n).setCreDtTm(CREATED).setNbOfTxs(Integer.toString(n))
                .setCtrlSum(total).setInitgPty(new PartyIdentification135().setNm(CREDITOR.name())));
        MxPain00800108 mx = new MxPain00800108();
        mx.setCstmrDrctDbtInitn(doc);
        return mx;
    }

    private static PaymentInstruction29 paymentInstruction(Debit d, String id) {
        PostalAddress a = CREDITOR.address();
        return new PaymentInstruction29().setPmtInfId(id).setPmtMtd(PaymentMethod2Code.DD)
                .setPmtTpInf(new PaymentTypeInformation29().addSvcLvl(new ServiceLevel8Choice().setCd("SEPA"))
                        .setLclInstrm(new LocalInstrument2Choice().setCd(d.scheme().name()))
                        .setSeqTp(SequenceType3Code.valueOf(d.sequenceType().name())))
                .setReqdColltnDt(d.collectionDate())
                .setCdtr(new PartyIdentification135().setNm(CREDITOR.name()).setPstlAdr(new PostalAddress24()
                        .setStrtNm(a.streetName()).setBldgNb(a.buildingNumber()).setPstCd(a.postCode())
                        .setTwnNm(a.townName()).setCtry(a.country())))
                .setCdtrAcct(account(CREDITOR.iban()))
                .setCdtrAgt(agent(CREDITOR.bic()))
                .setChrgBr(ChargeBearerType1Code.SLEV)
                .setCdtrSchmeId(new PartyIdentification135().setId(new Party38Choice().setPrvtId(new PersonIdentification13()
                        .addOthr(new GenericPersonIdentification1().setId(CREDITOR.creditorSchemeId())
                                .setSchmeNm(new PersonIdentificationSchemeName1Choice().setPrtry("SEPA"))))));
    }

    private static DirectDebitTransactionInformation23 transaction(Debit d) {
        MandateRelatedInformation14 mandate = new MandateRelatedInformation14().setMndtId(d.mandateId())
                .setDtOfSgntr(d.dateOfSignature()).setAmdmntInd(d.amendment().isAmended());
        if (d.amendment().originalMandateId() != null) {
            mandate.setAmdmntInfDtls(new AmendmentInformationDetails13().setOrgnlMndtId(d.amendment().originalMandateId()));
        }
        PartyIdentification135 debtor = new PartyIdentification135().setNm(d.debtorName());
        if (d.debtorAddress() != null) {
            PostalAddress a = d.debtorAddress();
            debtor.setPstlAdr(new PostalAddress24().setStrtNm(a.streetName()).setPstCd(a.postCode()).setTwnNm(a.townName())
                    .setCtry(a.country()));
        }
        return new DirectDebitTransactionInformation23()
                .setPmtId(new PaymentIdentification6().setEndToEndId(d.endToEndId()))
                .setInstdAmt(new ActiveOrHistoricCurrencyAndAmount().setValue(d.amount()).setCcy("EUR"))
                .setDrctDbtTx(new DirectDebitTransaction10().setMndtRltdInf(mandate))
                .setDbtrAgt(agent(d.debtorBic()))
                .setDbtr(debtor)
                .setDbtrAcct(account(d.debtorIban()))
                .setRmtInf(new RemittanceInformation16().addUstrd(d.remittanceInformation()));
    }

    private static CashAccount38 account(String iban) {
        return new CashAccount38().setId(new AccountIdentification4Choice().setIBAN(iban));
    }

    private static BranchAndFinancialInstitutionIdentification6 agent(String bic) {
        FinancialInstitutionIdentification18 id = bic != null ? new FinancialInstitutionIdentification18().setBICFI(bic)
                : new FinancialInstitutionIdentification18().setOthr(new GenericFinancialIdentification1().setId("NOTPROVIDED"));
        return new BranchAndFinancialInstitutionIdentification6().setFinInstnId(id);
    }

    /**
     * Debit {@code i} of {@code n}: four collection dates, the first debit of each hundred a FRST
     * (grouped before the RCURs of its date), 1 % with a changed UMR, a third without BIC.
     */
    static Debit debit(int i, int n) {
        int perDate = Math.max(1, n / 4);
        int day = Math.min(3, i / perDate);
        int inDay = i - day * perDate;
        int frstCount = Math.max(1, perDate / 100);
        boolean frst = inDay < frstCount;
        long cents = i % 10_000 + 1;
        Amendment amendment = !frst && i % 100 == 50 ? new Amendment("OLD-" + i, null, null, null, false) : Amendment.NONE;
        return new Debit("BENCH-E2E-" + i, BigDecimal.valueOf(cents, 2), "ENC-" + (i % 5_000) + "-" + i,
                LocalDate.of(2024, 1, 15), frst ? SequenceType.FRST : SequenceType.RCUR, Scheme.CORE,
                Target2Calendar.addBusinessDays(FIRST, day), "Débiteur n° " + i + " – Société Générale d'Équipement",
                IBANS[i % IBANS.length], i % 3 == 0 ? null : "BNPAFRPP",
                new PostalAddress("rue du Débit " + (i % 200), null, "69001", "Lyon", "FR"),
                "Facture F-2025-" + i + " – échéance de juin", amendment);
    }

    // ---- measuring

    /** Wall time and peak heap in use (1 ms sampler) of one run. */
    record Measure(long nanos, long peakUsed) {

        static Measure run(Runnable work) throws InterruptedException {
            System.gc();
            long base = used();
            AtomicLong peak = new AtomicLong(base);
            Thread sampler = new Thread(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    peak.accumulateAndGet(used(), Math::max);
                    try {
                        Thread.sleep(1);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            long start = System.nanoTime();
            work.run();
            long nanos = System.nanoTime() - start;
            sampler.interrupt();
            sampler.join();
            return new Measure(nanos, Math.max(0, peak.get() - base));
        }
    }

    static long used() {
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return heap.getUsed();
    }

    /** Heap still reachable after a full GC, above what was live before the run. */
    static long liveAtFullest(int n, Path file, boolean encaisse) {
        System.gc();
        long base = used();
        long[] live = {0};
        if (encaisse) {
            encaisse(n, file, i -> {
                if (i == n / 2) {
                    System.gc();
                    live[0] = used() - base;
                }
            });
        } else {
            MxPain00800108 mx = prowideMessage(n);
            String xml = mx.message();
            System.gc();
            live[0] = used() - base;
            write(file, xml);
            Objects.requireNonNull(mx);
        }
        return Math.max(0, live[0]);
    }

    private static void write(Path file, String xml) {
        try {
            Files.writeString(file, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new RuntimeException(e);
        }
    }

    static void validate(Path xml, String who) throws Exception {
        Path xsd = Path.of(System.getProperty("encaisse.shared.dir", "../shared"), "standards", "iso20022",
                "pain.008.001.08.xsd");
        if (!Files.isRegularFile(xsd)) {
            System.out.println(who + ": schema " + xsd.toAbsolutePath() + " absent, output not validated");
            return;
        }
        try {
            SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                    .validate(new StreamSource(xml.toFile()));
            System.out.println(who + ": " + xml + " is valid against the official pain.008.001.08 schema");
        } catch (org.xml.sax.SAXParseException e) {
            System.out.println(who + ": " + xml + " is NOT valid (line " + e.getLineNumber() + "): " + e.getMessage());
        }
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static long median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        return sorted[sorted.length / 2];
    }

    private static String secs(long nanos) {
        return String.format("%.2f", nanos / 1e9);
    }

    private static String mb(long bytes) {
        return String.format("%,.1f", bytes / 1048576.0);
    }

    private static String perSecond(int n, long nanos) {
        return String.format("%,.0f", n / (nanos / 1e9));
    }
}
