package dev.faultline.targets.counter;

import dev.faultline.targets.support.SimulatedWork;
import dev.faultline.targets.support.VariantSelection;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Builds the counter of the selected variant; active only for {@code faultline.service=counter}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = VariantSelection.SERVICE_PROPERTY, havingValue = "counter")
class CounterConfiguration {

  @Bean
  CounterVariant counterVariant(@Value("${faultline.variant:}") String variant) {
    return VariantSelection.select("counter", variant, CounterVariant.class);
  }

  @Bean
  Counter counter(CounterVariant variant, @Value("${faultline.counter.work:150us}") Duration work) {
    SimulatedWork simulated = new SimulatedWork(work);
    return switch (variant) {
      case LOCKED -> new LockedCounter(simulated);
      case ATOMIC -> new AtomicCounter(simulated);
      case RACY -> new RacyCounter(simulated);
    };
  }
}
