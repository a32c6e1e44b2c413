package fr.encaisse.communication.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.encaisse.communication.SmsGateway;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The background dispatcher is a db-scheduler recurring task: one node at a time sends, every
 * {@code encaisse.communication.dispatch-interval} (default 15 s).
 */
@Configuration(proxyBeanMethods = false)
class CommunicationConfiguration {

    @Bean
    RecurringTask<Void> outboxDispatch(OutboxService outbox,
                                       @Value("${encaisse.communication.dispatch-interval:PT15S}") Duration interval) {
        return Tasks.recurring("communication-outbox-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> outbox.dispatchAllTenants());
    }

    /** No SMS provider is wired by default: SMS messages go to the dead-letter list with that reason. */
    @Bean
    SmsGateway noSmsGateway() {
        return (phone, text) -> {
            throw new SmsGateway.SmsNotSentException("no SMS gateway is configured", true);
        };
    }
}
