package dev.agentavailability.entrypoint.calendar;

import dev.agentavailability.contract.entrypoint.BusinessHoursSettings;
import dev.agentavailability.projection.entrypoint.BusinessCalendar;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.Map;

/** Reports every unreadable time zone, day, interval and holiday, each under its own property path. */
public class BusinessHoursValidator implements ConstraintValidator<ValidBusinessHours, BusinessHoursSettings> {

    @Override
    public boolean isValid(BusinessHoursSettings value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        context.disableDefaultConstraintViolation();
        boolean valid = true;
        String zoneFault = BusinessCalendar.zoneFault(value.timeZone());
        if (zoneFault != null) {
            valid = violation(context, "timeZone", zoneFault);
        }
        for (Map.Entry<String, List<String>> day : value.weekly().entrySet()) {
            String dayFault = BusinessCalendar.dayFault(day.getKey());
            if (dayFault != null) {
                valid = violation(context, "weekly." + day.getKey(), dayFault);
                continue;
            }
            List<String> intervals = day.getValue() == null ? List.of() : day.getValue();
            for (int i = 0; i < intervals.size(); i++) {
                String fault = BusinessCalendar.intervalFault(intervals.get(i));
                if (fault != null) {
                    valid = violation(context, "weekly." + day.getKey() + "[" + i + "]", fault);
                }
            }
        }
        for (int i = 0; i < value.holidays().size(); i++) {
            String fault = BusinessCalendar.dateFault(value.holidays().get(i));
            if (fault != null) {
                valid = violation(context, "holidays[" + i + "]", fault);
            }
        }
        return valid;
    }

    private static boolean violation(ConstraintValidatorContext context, String property, String message) {
        context.buildConstraintViolationWithTemplate(message.replace("{", "\\{").replace("$", "\\$"))
                .addPropertyNode(property).addConstraintViolation();
        return false;
    }
}
