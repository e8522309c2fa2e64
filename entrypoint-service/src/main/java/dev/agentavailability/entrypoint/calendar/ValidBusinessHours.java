package dev.agentavailability.entrypoint.calendar;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Every part of the business hours can be read; each fault is reported on its own field. Put on the request field. */
@Target({ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = BusinessHoursValidator.class)
public @interface ValidBusinessHours {

    String message() default "invalid business hours";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
