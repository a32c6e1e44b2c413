package fr.encaisse.sepa.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two db-scheduler tasks (one node runs each execution): the daily direct-debit run, before the
 * dunning run so that new pauses and settled debits are seen by it, and the sender of queued
 * debtor notices.
 */
@Configuration(proxyBeanMethods = false)
class SepaConfiguration {

    @Bean
    RecurringTask<Void> sepaDailyRun(DirectDebitService service,
                                     @Value("${encaisse.sepa.daily-run-at:06:00}") LocalTime at,
                                     @Value("${encaisse.sepa.zone:Europe/Paris}") String zone,
                                     @Value("${encaisse.sepa.retry-after:PT30M}") Duration retryAfter) {
        return Tasks.recurring("sepa-daily-run", Schedules.daily(ZoneId.of(zone), at))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retryAfter))
                .execute((instance, context) -> service.runDaily());
    }

    @Bean
    RecurringTask<Void> sepaNoticeDispatch(NoticeSender sender,
                                           @Value("${encaisse.sepa.notice-interval:PT1M}") Duration interval) {
        return Tasks.recurring("sepa-notice-dispatch", Schedules.fixedDelay(interval))
                .execute((instance, context) -> sender.dispatch(null));
    }
}
