package gov.supervision.notification.delivery;

import gov.supervision.notification.alert.NotificationDocument;
import gov.supervision.notification.alert.NotificationStore;
import gov.supervision.notification.domain.Channel;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.functions.CheckedRunnable;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends queued deliveries on its own thread, after the notification is stored (woken by each
 * notification for what this instance just queued, and every sweep interval for anything due): each
 * call goes through the channel's Resilience4j retry (exponential backoff) around its circuit
 * breaker, both named after the channel. Still failing after the retries: FAILED, parked for an
 * operator. An open circuit defers the delivery instead.
 */
@Component
class DeliveryWorker implements DisposableBean {

  private static final Logger log = LoggerFactory.getLogger(DeliveryWorker.class);

  private final DeliveryQueue queue;
  private final NotificationStore notifications;
  private final RetryRegistry retries;
  private final CircuitBreakerRegistry breakers;
  private final Map<Channel, ChannelSender> senders = new EnumMap<>(Channel.class);
  private final ExecutorService executor =
      Executors.newSingleThreadExecutor(r -> new Thread(r, "delivery-worker"));
  private final AtomicBoolean queued = new AtomicBoolean();
  private final AtomicBoolean sweepRequested = new AtomicBoolean();

  DeliveryWorker(
      DeliveryQueue queue,
      NotificationStore notifications,
      RetryRegistry retries,
      CircuitBreakerRegistry breakers,
      List<ChannelSender> senders) {
    this.queue = queue;
    this.notifications = notifications;
    this.retries = retries;
    this.breakers = breakers;
    senders.forEach(s -> this.senders.put(s.channel(), s));
  }

  @EventListener(DeliveriesQueued.class)
  void onQueued() {
    wake();
  }

  /** Looks for every due delivery, including what another instance or a restart left. */
  @Scheduled(fixedDelayString = "${supervision.notification.delivery.sweep:1s}")
  void sweep() {
    sweepRequested.set(true);
    wake();
  }

  private void wake() {
    if (queued.compareAndSet(false, true)) {
      try {
        executor.execute(this::drain);
      } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
        queued.set(false);
      }
    }
  }

  private void drain() {
    queued.set(false);
    boolean sweeping = sweepRequested.getAndSet(false);
    try {
      DeliveryDocument next;
      while (!executor.isShutdown() && (next = queue.claimJustQueued()) != null) {
        process(next);
      }
      // the search of the whole collection only at the sweep, not for every wake-up
      while (sweeping && !executor.isShutdown() && (next = queue.claimNext()) != null) {
        process(next);
      }
    } catch (RuntimeException e) {
      log.warn("delivery worker stopped this round: {}", e.toString());
    }
  }

  private void process(DeliveryDocument d) {
    NotificationDocument n = notifications.find(d.notificationId()).orElse(null);
    ChannelSender sender = senders.get(d.channel());
    if (n == null || sender == null) {
      queue.failed(d, 0, n == null ? "notification not found" : "no sender for " + d.channel());
      return;
    }
    String name = d.channel().resilienceName();
    Retry retry = retries.retry(name);
    CircuitBreaker breaker = breakers.circuitBreaker(name);
    AtomicInteger attempts = new AtomicInteger();
    CheckedRunnable call =
        () -> {
          attempts.incrementAndGet();
          sender.send(n);
        };
    try {
      Retry.decorateCheckedRunnable(retry, CircuitBreaker.decorateCheckedRunnable(breaker, call))
          .run();
      queue.sent(d, attempts.get());
    } catch (CallNotPermittedException open) {
      queue.defer(d, attempts.get(), "circuit " + name + " open");
    } catch (Throwable e) {
      log.warn("delivery {} failed after {} attempts: {}", d.id(), attempts.get(), e.toString());
      queue.failed(d, attempts.get(), e.toString());
    }
  }

  @Override
  public void destroy() throws InterruptedException {
    executor.shutdownNow();
    executor.awaitTermination(5, TimeUnit.SECONDS);
  }
}
