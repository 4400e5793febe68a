package io.paymentnotifier.notify;

/**
 * The rate at which one host may be called, adjusted every {@link #TICK_MILLIS} from what its
 * answers say, and enforced with a {@link TokenBucket}. Thread-safe (calls are admitted on stream
 * threads, answers arrive on HTTP threads).
 *
 * <p>A tick lasts until it has {@link #MIN_ANSWERS} answers (at most {@link #MAX_TICK_MILLIS}), so
 * a lone traffic limit among few calls is not taken for a share of 100%. Unlimited until the host
 * answers with a traffic limit. Then, per tick, the rate becomes what was sent, less the smoothed
 * share of traffic-limited answers, plus a probing step of 5% of the rate sent before the limits
 * began (its recent peak; 10% a second), shrunk by the tick's limited share: a host limiting 30% of
 * calls at random settles near a quarter of the first rate, one with a hard quota just above the
 * quota. A tick without limits adds the step; back at the first rate with the share faded, the
 * limit is lifted. After an outage the rate starts low and doubles every tick while it binds (slow
 * start), so a backlog does not knock the host over again. Never below the configured floor, never
 * above the fixed cap. Hand-written: the adaptive limiters of the libraries (Netflix
 * concurrency-limits' AIMD and gradient limits) bound concurrency, not the rate, and cut the limit
 * on every dropped call, which a host limiting a share of calls at random drives to the minimum.
 */
final class PermittedRate {

  /** How often the rate is adjusted. */
  static final long TICK_MILLIS = 500;

  /** Answers a tick waits for, up to {@link #MAX_TICK_MILLIS}, before it judges their share. */
  static final int MIN_ANSWERS = 10;

  /** The longest tick, for hosts called only now and then. */
  static final long MAX_TICK_MILLIS = 5_000;

  /** The rate a host starts at when it answers again after an outage. */
  static final double SLOW_START_RATE = 10.0;

  /** Weight of the latest tick in the smoothed share of traffic-limited answers. */
  private static final double SHARE_WEIGHT = 0.25;

  /** The probing step per tick, as a share of the rate sent before the limits began. */
  private static final double STEP = 0.05;

  /** Below this smoothed share, and back at the first rate, the limit is lifted. */
  private static final double FADED_SHARE = 0.05;

  /** What is left of the highest rate sent without limits after each further busy tick. */
  private static final double PEAK_DECAY = 0.98;

  /** In slow start, a tick that sent less than this share of the limit shows it does not bind. */
  private static final double BINDING = 0.5;

  private enum Mode {
    FREE,
    AIMD,
    SLOW_START
  }

  private final double cap;
  private final double floor;
  private final boolean adaptive;
  private final TokenBucket bucket = new TokenBucket();
  private Mode mode = Mode.FREE;
  private double limit = Double.POSITIVE_INFINITY;
  private double reference = Double.POSITIVE_INFINITY;
  private double share;
  private double peak;
  private long tickStart;
  private int sent;
  private int answered;
  private int limited;

  PermittedRate(final OverloadSettings settings, final long nowMillis) {
    this.cap = settings.cap();
    this.floor = Math.min(settings.minRequestsPerSecond(), cap);
    this.adaptive = settings.enabled();
    this.tickStart = nowMillis;
  }

  /** Takes the leave to send one call now. */
  synchronized boolean tryTake(final long nowMillis) {
    roll(nowMillis);
    if (!bucket.tryTake(nowMillis, permitted())) {
      return false;
    }
    sent++;
    return true;
  }

  /** An answer came back; {@code trafficLimited} when it asked us to slow down. */
  synchronized void answered(final boolean trafficLimited, final long nowMillis) {
    roll(nowMillis);
    answered++;
    if (trafficLimited) {
      limited++;
    }
  }

  /** The host answers again after an outage: start low and ramp up. */
  synchronized void recovering(final long nowMillis) {
    if (!adaptive) {
      return;
    }
    if (mode == Mode.FREE) {
      reference = Double.POSITIVE_INFINITY;
    }
    mode = Mode.SLOW_START;
    limit = Math.max(floor, SLOW_START_RATE);
    startTick(nowMillis);
  }

  /** Requests per second allowed now; infinite when nothing limits them. */
  synchronized double permitted() {
    return Math.min(limit, cap);
  }

  /** True while answers (not the fixed cap) hold the rate down. */
  synchronized boolean limiting() {
    return mode != Mode.FREE;
  }

  private void roll(final long nowMillis) {
    final long elapsed = nowMillis - tickStart;
    // A share of one or two answers is noise: a slow tick lasts until it has a few.
    if (elapsed < TICK_MILLIS || (answered < MIN_ANSWERS && elapsed < MAX_TICK_MILLIS)) {
      return;
    }
    if (adaptive) {
      adjust(sent * 1000.0 / elapsed);
    }
    startTick(nowMillis);
  }

  private void startTick(final long nowMillis) {
    tickStart = nowMillis;
    sent = 0;
    answered = 0;
    limited = 0;
  }

  private void adjust(final double sentRate) {
    if (mode == Mode.FREE) {
      peak = Math.max(sentRate, peak * PEAK_DECAY);
    }
    if (answered == 0) {
      return; // no answer, no news: an idle tick neither lowers nor raises the rate
    }
    if (limited > 0) {
      lower(sentRate);
    } else if (mode == Mode.AIMD) {
      raise();
    } else if (mode == Mode.SLOW_START) {
      grow(sentRate);
    }
  }

  private void lower(final double sentRate) {
    final double tickShare = limited / (double) answered;
    final double used = Math.max(floor, Math.min(limit, sentRate));
    if (mode != Mode.AIMD) {
      final double before = mode == Mode.FREE ? Math.max(used, peak) : used;
      reference =
          Math.max(floor, Double.isInfinite(reference) ? before : Math.min(reference, before));
      share = tickShare;
      mode = Mode.AIMD;
    } else {
      share = (1 - SHARE_WEIGHT) * share + SHARE_WEIGHT * tickShare;
    }
    limit = Math.max(floor, used * (1 - share) + step() * (1 - tickShare));
  }

  private void raise() {
    share = (1 - SHARE_WEIGHT) * share;
    limit = Math.min(reference, limit + step());
    if (limit >= reference && share < FADED_SHARE) {
      free();
    }
  }

  private void grow(final double sentRate) {
    if (sentRate < BINDING * limit || limit * 2 >= reference) {
      free();
    } else {
      limit *= 2;
    }
  }

  private void free() {
    mode = Mode.FREE;
    limit = Double.POSITIVE_INFINITY;
    reference = Double.POSITIVE_INFINITY;
    share = 0;
  }

  private double step() {
    return STEP * reference;
  }
}
