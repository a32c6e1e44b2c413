package fr.encaisse.sepa;

import fr.encaisse.sepa.internal.Pain008StreamWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Writes SEPA direct debit initiation files, ISO 20022 {@code pain.008.001.08} or
 * {@code pain.008.001.02}, as the EPC SDD Core and B2B customer-to-bank implementation guidelines
 * shape them: one {@code PmtInf} per (collection date, scheme, sequence type) with its
 * {@code NbOfTxs} and {@code CtrlSum}, service level {@code SEPA}, charges {@code SLEV}, the
 * creditor identifier in {@code CdtrSchmeId}, and free text in the SEPA Latin character set.
 *
 * <p>Streaming, in constant memory, in <b>two passes</b> over the debits (the header totals come
 * before the transactions): the source must give the same debits in the same order each time it
 * is asked, grouped by {@link Debit#PAYMENT_GROUP_ORDER}. A stable ordered database query behind a
 * {@code Supplier<Stream<Debit>>}, or a list, will do.
 *
 * <p>Stateless and thread-safe.
 */
public final class Pain008Writer {

    private final PainVersion version;
    private final boolean indent;

    /** An indented file (readable by the people who will have to read it). */
    public Pain008Writer(PainVersion version) {
        this(version, true);
    }

    /** @param indent whether to indent the XML; off saves about a third of the size */
    public Pain008Writer(PainVersion version, boolean indent) {
        this.version = Objects.requireNonNull(version, "version");
        this.indent = indent;
    }

    public PainVersion version() {
        return version;
    }

    /**
     * Writes the file to {@code out} (flushed, not closed).
     *
     * @param debits opens a new stream of the same debits, in the same order, at each call; called
     *               twice; each stream is closed after use
     * @throws IllegalArgumentException no debits, or debits not grouped by
     *                                  {@link Debit#PAYMENT_GROUP_ORDER} (nothing written)
     * @throws IllegalStateException    the second stream differed from the first (output incomplete)
     */
    public Pain008Summary write(DirectDebitFile file, Supplier<? extends Stream<Debit>> debits, OutputStream out)
            throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(debits, "debits");
        Objects.requireNonNull(out, "out");
        return new Pain008StreamWriter(version, indent).write(file, debits, out);
    }

    /** As {@link #write(DirectDebitFile, Supplier, OutputStream)}, from a collection iterated twice. */
    public Pain008Summary write(DirectDebitFile file, Iterable<Debit> debits, OutputStream out) throws IOException {
        Objects.requireNonNull(debits, "debits");
        return write(file, () -> StreamSupport.stream(debits.spliterator(), false), out);
    }

    /**
     * Writes the file to {@code target} through a temporary file in the same directory, moved into
     * place only once complete, so that no half-written file is ever picked up for sending.
     */
    public Pain008Summary write(DirectDebitFile file, Supplier<? extends Stream<Debit>> debits, Path target)
            throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".part");
        try {
            Pain008Summary summary;
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
                summary = write(file, debits, out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return summary;
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
