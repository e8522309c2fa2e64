package dev.agentavailability.entrypoint.message;

import dev.agentavailability.contract.PlainText;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The chat page's leave-a-message form. The limits are the table's columns; the text may hold line breaks. */
public record MessageRequest(
        @NotBlank @Size(max = 200)
        @Pattern(regexp = PlainText.NO_CONTROL_CHARACTERS, message = PlainText.CONTROL_CHARACTERS_MESSAGE) String name,
        @NotBlank @Email @Size(max = 320)
        @Pattern(regexp = PlainText.NO_CONTROL_CHARACTERS, message = PlainText.CONTROL_CHARACTERS_MESSAGE) String email,
        @NotBlank @Size(max = 4000)
        @Pattern(regexp = PlainText.NO_CONTROL_CHARACTERS_BUT_LINES, message = PlainText.CONTROL_CHARACTERS_MESSAGE)
        String text) {
}
