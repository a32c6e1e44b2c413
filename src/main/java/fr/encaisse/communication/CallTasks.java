package fr.encaisse.communication;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The current tenant's call to-do list. */
public interface CallTasks {

    /** Open tasks by due date (all tasks when {@code openOnly} is false); {@code owner} optional. */
    List<CallTask> todo(String owner, boolean openOnly);

    /** How many open tasks are due on {@code day} or before (late ones included). */
    int countDueBy(LocalDate day);

    CallTask task(UUID id);

    CallTask assign(UUID id, String owner);

    /**
     * Closes the task with its outcome. A promise records a recovery promise (dunning pauses until
     * the promised date), a dispute opens a recovery dispute (dunning pauses until it is resolved).
     */
    CallTask recordOutcome(UUID id, CallResult result);
}
