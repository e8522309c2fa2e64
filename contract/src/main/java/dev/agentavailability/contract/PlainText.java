package dev.agentavailability.contract;

/**
 * The rule for names and messages people type: no control characters. A NUL cannot be stored in PostgreSQL
 * text, so an item holding one would stop every service that stores it; the others have no place in a name.
 */
public final class PlainText {

    /** A Bean Validation pattern that holds for text without control characters (U+0000–U+001F, U+007F). */
    public static final String NO_CONTROL_CHARACTERS = "[^\\p{Cntrl}]*";
    /** The same for a message of several lines: line feeds, carriage returns and tabs are allowed. */
    public static final String NO_CONTROL_CHARACTERS_BUT_LINES = "[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*";
    public static final String CONTROL_CHARACTERS_MESSAGE = "must not hold control characters";

    private PlainText() {
    }

    /** Whether {@code text} holds a control character. */
    public static boolean hasControlCharacters(String text) {
        return text != null && !text.matches(NO_CONTROL_CHARACTERS);
    }
}
