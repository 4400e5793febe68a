package io.paymentnotifier.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Every record and every field of every event and state schema explains itself with a doc. */
class SchemaDocumentationTest {

  private static final List<Schema> TOP_LEVEL =
      List.of(
          PaymentFinalized.getClassSchema(),
          NotificationDone.getClassSchema(),
          NotificationRetry.getClassSchema(),
          DeadLetter.getClassSchema(),
          PendingNotification.getClassSchema(),
          RetryScheduleEntry.getClassSchema(),
          FinishedPayment.getClassSchema(),
          DeadLetterIndexEntry.getClassSchema());

  @Test
  void shouldDocumentEveryFieldOfEverySchema() {
    // given
    final List<String> undocumented = new ArrayList<>();
    final Set<String> visited = new HashSet<>();
    // when
    TOP_LEVEL.forEach(schema -> collectUndocumented(schema, visited, undocumented));
    // then
    assertThat(visited).contains("io.paymentnotifier.events.Amount");
    assertThat(undocumented).as("fields and records without a doc").isEmpty();
  }

  private static void collectUndocumented(
      final Schema schema, final Set<String> visited, final List<String> undocumented) {
    switch (schema.getType()) {
      case RECORD -> {
        if (!visited.add(schema.getFullName())) {
          return;
        }
        if (isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
        for (final Schema.Field field : schema.getFields()) {
          if (isBlank(field.doc())) {
            undocumented.add(schema.getFullName() + "." + field.name());
          }
          collectUndocumented(field.schema(), visited, undocumented);
        }
      }
      case UNION -> schema.getTypes().forEach(t -> collectUndocumented(t, visited, undocumented));
      case ARRAY -> collectUndocumented(schema.getElementType(), visited, undocumented);
      case MAP -> collectUndocumented(schema.getValueType(), visited, undocumented);
      case ENUM -> {
        if (visited.add(schema.getFullName()) && isBlank(schema.getDoc())) {
          undocumented.add(schema.getFullName());
        }
      }
      default -> {
        // Primitive types carry no doc of their own.
      }
    }
  }

  private static boolean isBlank(final String doc) {
    return doc == null || doc.isBlank();
  }
}
