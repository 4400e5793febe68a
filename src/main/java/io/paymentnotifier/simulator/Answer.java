package io.paymentnotifier.simulator;

import io.paymentnotifier.notify.AckResult;
import java.net.URI;

/**
 * What the simulator decided to do with one request.
 *
 * @param kind reply, drop the connection, or never answer
 * @param httpStatus status of a reply
 * @param ack the acknowledgment of a 200 reply, or null
 * @param signing how a 200 reply is signed
 * @param body how an acknowledgment's body is sent: as it is, or padded past any sane limit
 * @param location the Location of a redirect, or null
 */
record Answer(Kind kind, int httpStatus, AckResult ack, Signing signing, Body body, URI location) {

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

  /** The acknowledgment's body on the wire. */
  enum Body {
    /** The acknowledgment alone, with a Content-Length. */
    EXACT,
    /** Padded to the oversize length, with a Content-Length. */
    OVERSIZE,
    /** Padded to the oversize length, chunked: no Content-Length says how long it is. */
    OVERSIZE_CHUNKED
  }

  private static final int REDIRECT = 307;

  static Answer ack(final AckResult ack) {
    return new Answer(Kind.REPLY, 200, ack, Signing.SIGNED, Body.EXACT, null);
  }

  static Answer http(final int status) {
    return new Answer(Kind.REPLY, status, null, Signing.UNSIGNED, Body.EXACT, null);
  }

  static Answer redirect(final URI location) {
    return new Answer(Kind.REPLY, REDIRECT, null, Signing.UNSIGNED, Body.EXACT, location);
  }

  static Answer drop() {
    return new Answer(Kind.DROP, 0, null, Signing.UNSIGNED, Body.EXACT, null);
  }

  static Answer noAnswer() {
    return new Answer(Kind.NO_ANSWER, 0, null, Signing.UNSIGNED, Body.EXACT, null);
  }

  static Answer f(final String code, final String message) {
    return ack(new AckResult("F", code, message));
  }

  Answer signed(final Signing how) {
    return new Answer(kind, httpStatus, ack, how, body, location);
  }

  Answer sent(final Body how) {
    return new Answer(kind, httpStatus, ack, signing, how, location);
  }

  /** The stats label of this answer. */
  String label() {
    return switch (kind) {
      case DROP -> "DROPPED";
      case NO_ANSWER -> "NO_ANSWER";
      case REPLY ->
          ack == null
              ? "HTTP " + httpStatus
              : ack.status() + " " + ack.code() + signingSuffix() + bodySuffix();
    };
  }

  private String signingSuffix() {
    return switch (signing) {
      case SIGNED -> "";
      case UNSIGNED -> " (unsigned)";
      case BAD_SIGNATURE -> " (bad signature)";
    };
  }

  private String bodySuffix() {
    return switch (body) {
      case EXACT -> "";
      case OVERSIZE -> " (oversize)";
      case OVERSIZE_CHUNKED -> " (oversize, chunked)";
    };
  }
}
