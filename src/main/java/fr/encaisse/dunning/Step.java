package fr.encaisse.dunning;

import fr.encaisse.communication.Channel;
import java.util.List;

/**
 * One step of a scenario.
 *
 * @param code          a stable name ({@code reminder-1}); shown in the history
 * @param offsetDays    days from the due date (negative = before); the step's date is the first French
 *                      business day on or after due date + offset. Unique within a scenario: it is the
 *                      step's identity on an invoice's timeline
 * @param channels      one contact may use several (a formal notice: registered letter and email)
 * @param template      the message template ({@code Outbox#templates()})
 * @param conditions    null = none
 * @param mode          null = AUTOMATIC
 * @param deadlineDays  a payment deadline, in days from the contact, to state in the message (formal notice)
 */
public record Step(String code, int offsetDays, List<Channel> channels, String template, Stage stage,
                   StepConditions conditions, StepMode mode, Integer deadlineDays) {

    public Step {
        channels = channels == null ? List.of() : List.copyOf(channels);
        conditions = conditions == null ? StepConditions.NONE : conditions;
        mode = mode == null ? StepMode.AUTOMATIC : mode;
    }
}
