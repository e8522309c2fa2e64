package dev.agentavailability.entrypoint.startup;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A call answered from the in-memory views of the topics: refused by {@link CatchUpGate} until they are caught up,
 * so that no answer comes from a half-read view.
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface AnswersFromViews {
}
