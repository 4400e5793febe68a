package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.AckResult;

/**
 * What the simulator decided to do with one request.
 *
 * @param kind reply, drop the connection, or never answer
 * @param httpStatus status of a reply
 * @param ack the acknowledgment of a 200 reply, or null
 * @param signing how a 200 reply is signed
 */
record Answer(Kind kind, int httpStatus, AckResult ack, Signing signing) {

  enum Kind {
    REPLY,
    DROP,
    NO_ANSWER
  }

  enum Signing {
    SIGNED,
    UNSIGNED,
    BAD_SIGNATURE
  }

  static Answer ack(final AckResult ack) {
    return new Answer(Kind.REPLY, 200, ack, Signing.SIGNED);
  }

  static Answer http(final int status) {
    return new Answer(Kind.REPLY, status, null, Signing.UNSIGNED);
  }

  static Answer drop() {
    return new Answer(Kind.DROP, 0, null, Signing.UNSIGNED);
  }

  static Answer noAnswer() {
    return new Answer(Kind.NO_ANSWER, 0, null, Signing.UNSIGNED);
  }

  static Answer f(final String code, final String message) {
    return ack(new AckResult("F", code, message));
  }

  Answer signed(final Signing how) {
    return new Answer(kind, httpStatus, ack, how);
  }

  /** The stats label of this answer. */
  String label() {
    return switch (kind) {
      case DROP -> "DROPPED";
      case NO_ANSWER -> "NO_ANSWER";
      case REPLY ->
          ack == null ? "HTTP " + httpStatus : ack.status() + " " + ack.code() + signingSuffix();
    };
  }

  private String signingSuffix() {
    return switch (signing) {
      case SIGNED -> "";
      case UNSIGNED -> " (unsigned)";
      case BAD_SIGNATURE -> " (bad signature)";
    };
  }
}
