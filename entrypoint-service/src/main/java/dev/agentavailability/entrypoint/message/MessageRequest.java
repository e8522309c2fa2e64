package dev.agentavailability.entrypoint.message;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The chat page's leave-a-message form. The limits are the table's columns. */
public record MessageRequest(
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 4000) String text) {
}
