package fr.encaisse.communication;

import java.util.List;
import java.util.UUID;

/** The current tenant's print batches. */
public interface PrintBatches {

    List<PrintBatch> batches(boolean openOnly);

    PrintBatch batch(UUID id);

    /** All the batch's letters as one PDF, in the order they were sent; closes the batch (new letters start a new one). */
    byte[] download(UUID id);
}
