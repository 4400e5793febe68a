package io.paymentnotifier.notify;

/**
 * How one notifyPayment call ended, as the router acts on it: done, retry later, or dead-letter.
 * Every outcome carries the report of the call that produced it.
 *
 * <p>Exhaustive by construction: Java 17 has no pattern switch, so code that acts on an outcome
 * implements {@link Routes}, one method per permitted type, and calls {@link #route}; no cast and
 * no default branch. A fourth outcome type must implement {@code route}, which needs a fourth
 * method of {@code Routes}, and then every router stops compiling until it handles the new type.
 * {@link Kind} names the routes (the {@link ResultCodes} table, attempt histories, metric labels);
 * an outcome's kind comes from {@code route} too, so no outcome declares its own.
 */
public sealed interface NotifyOutcome permits Acknowledged, RetryLater, Rejected {

  /**
   * What to do with each type of outcome; {@link NotifyOutcome#route} calls the one that matches.
   *
   * @param <R> what routing an outcome gives back
   */
  interface Routes<R> {

    R acknowledged(Acknowledged outcome);

    R retryLater(RetryLater outcome);

    R rejected(Rejected outcome);
  }

  /**
   * The names of the three routes. The name is what attempt histories store (keep it stable); a
   * switch expression over it, as in {@link AckClassifier}, must name every route.
   */
  enum Kind {
    ACKNOWLEDGED,
    RETRY_LATER,
    REJECTED;

    private static final Routes<Kind> OF_OUTCOME =
        new Routes<>() {
          @Override
          public Kind acknowledged(final Acknowledged outcome) {
            return ACKNOWLEDGED;
          }

          @Override
          public Kind retryLater(final RetryLater outcome) {
            return RETRY_LATER;
          }

          @Override
          public Kind rejected(final Rejected outcome) {
            return REJECTED;
          }
        };
  }

  /** What happened on the wire. */
  CallReport call();

  /** Hands this outcome to the method of {@code routes} for its type and returns its result. */
  <R> R route(Routes<R> routes);

  /** Which route this outcome takes. */
  default Kind kind() {
    return route(Kind.OF_OUTCOME);
  }
}
