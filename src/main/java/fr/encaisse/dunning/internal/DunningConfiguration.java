package fr.encaisse.dunning.internal;

import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import fr.encaisse.dunning.DunningRun;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The daily run as a db-scheduler recurring task: one node runs it (the execution is claimed
 * through {@code scheduled_tasks}); if that node dies, another revives the execution and, since the
 * run is idempotent per tenant, finishes what was left. Missed while every node was down, it runs
 * as soon as one starts. A failed run is retried after {@code encaisse.dunning.retry-after}.
 */
@Configuration(proxyBeanMethods = false)
class DunningConfiguration {

    @Bean
    RecurringTask<Void> dunningDailyRun(DunningRun run,
                                        @Value("${encaisse.dunning.daily-run-at:06:30}") LocalTime at,
                                        @Value("${encaisse.dunning.zone:Europe/Paris}") String zone,
                                        @Value("${encaisse.dunning.retry-after:PT30M}") Duration retryAfter) {
        return Tasks.recurring("dunning-daily-run", Schedules.daily(ZoneId.of(zone), at))
                .onFailure(new FailureHandler.OnFailureRetryLater<>(retryAfter))
                .execute((instance, context) -> run.runDaily());
    }
}
