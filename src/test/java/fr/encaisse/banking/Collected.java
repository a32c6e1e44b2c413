package fr.encaisse.banking;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Everything a parse delivered, in order, for assertions. */
final class Collected implements StatementListener {

    final List<StatementHeader> started = new ArrayList<>();
    final List<StatementHeader> ended = new ArrayList<>();
    final List<Integer> entryCounts = new ArrayList<>();
    final List<StatementEntry> entries = new ArrayList<>();
    final List<String> events = new ArrayList<>();

    @Override
    public void statementStarted(StatementHeader header) {
        started.add(header);
        events.add("start " + header.statementId());
    }

    @Override
    public void entry(StatementEntry entry) {
        entries.add(entry);
        events.add("entry " + entry.position());
    }

    @Override
    public void statementEnded(StatementHeader header, int entryCount) {
        ended.add(header);
        entryCounts.add(entryCount);
        events.add("end " + header.statementId());
    }

    StatementHeader header() {
        if (ended.size() != 1) {
            throw new AssertionError("expected one statement, got " + ended.size());
        }
        return ended.get(0);
    }

    StatementEntry entry() {
        if (entries.size() != 1) {
            throw new AssertionError("expected one entry, got " + entries.size());
        }
        return entries.get(0);
    }

    static Collected parse(StatementParser parser, InputStream in) {
        Collected collected = new Collected();
        try {
            parser.parse(in, collected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return collected;
    }

    static Collected parse(InputStream in) {
        return parse(StatementParser.create(), in);
    }

    static Collected parse(byte[] bytes) {
        return parse(new ByteArrayInputStream(bytes));
    }

    static Collected parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static Collected parse(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
