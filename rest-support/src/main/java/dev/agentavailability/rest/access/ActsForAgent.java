package dev.agentavailability.rest.access;

import jakarta.ws.rs.NameBinding;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks endpoints whose path names an agent ({@value AgentScopeFilter#AGENT_PATH_PARAMETER}): a caller allowed
 * there only through the {@code agent} role may address its own ICM agent id and no other (403).
 */
@NameBinding
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface ActsForAgent {
}
