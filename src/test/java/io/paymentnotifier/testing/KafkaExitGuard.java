package io.paymentnotifier.testing;

import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.common.utils.internals.Exit;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps in-JVM Kafka brokers from terminating the test JVM.
 *
 * <p>Kafka's LogManager, ReplicaManager and fault handlers call {@link Exit#halt} or {@link
 * Exit#exit} on fatal errors, for example when a broker sees its log directory vanish while the
 * test JVM shuts down. In a test run that kills the Surefire/Failsafe fork after every test passed
 * and fails the build with nothing to read. Here such a call is logged at ERROR with the caller's
 * stack instead, as Kafka's own tests do; a broker that really failed still fails the tests that
 * use it. Registered through META-INF/services, so it is active in every test JVM.
 */
public final class KafkaExitGuard implements LauncherSessionListener {

  private static final Logger LOG = LoggerFactory.getLogger(KafkaExitGuard.class);
  private static final AtomicInteger ATTEMPTS = new AtomicInteger();

  @Override
  public void launcherSessionOpened(final LauncherSession session) {
    install();
  }

  /** Replaces Kafka's exit and halt procedures with a logged refusal. */
  public static void install() {
    Exit.setExitProcedure((status, message) -> refuse("exit", status, message));
    Exit.setHaltProcedure((status, message) -> refuse("halt", status, message));
  }

  /** How many times Kafka asked to end this JVM. */
  public static int attempts() {
    return ATTEMPTS.get();
  }

  private static void refuse(final String kind, final int status, final String message) {
    ATTEMPTS.incrementAndGet();
    LOG.error(
        "Kafka asked to {} the test JVM with status {} ({}); refused",
        kind,
        status,
        message,
        new IllegalStateException("caller of Exit." + kind));
  }
}
