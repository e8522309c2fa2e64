package dev.agentavailability.contract.wire;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads and writes the byte lists operators paste: signed decimals as the ECE listener logs them
 * ({@code 0 0 0 27 0 0 0 -105 ...}), unsigned decimals ({@code ... 0 0 0 151 ...}), or hex
 * ({@code 00 00 00 1b 00 00 00 97 ...}, with or without {@code 0x}, or contiguous {@code 0000001b...}).
 * Tokens may be separated by white space or commas, and the whole list may sit in square brackets (as
 * {@code Arrays.toString} prints it).
 */
public final class ByteDump {

    /** How the tokens of a dump are written. */
    public enum Format {
        /** Decide from the tokens: see {@link ByteDump#parse(String)}. */
        AUTO,
        /** -128..127, as Java's {@code byte} prints and the ECE listener logs. */
        SIGNED_DECIMAL,
        /** 0..255. */
        UNSIGNED_DECIMAL,
        /** Two hex digits a byte, with or without 0x; one token may hold many bytes. */
        HEX
    }

    private static final Pattern SEPARATORS = Pattern.compile("[\\s,;]+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?\\d{1,4}");
    private static final Pattern HEX_DIGITS = Pattern.compile("[0-9a-fA-F]+");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ByteDump() {
    }

    /**
     * Parses a dump, deciding its format from the tokens: hex when any token has a {@code 0x} prefix, a hex
     * letter, more than four digits (a contiguous run), or a leading zero (a decimal log never writes
     * {@code 00} or {@code 05}); otherwise decimal, where each value must
     * lie in -128..255 and a dump must not mix negative values with values above 127.
     *
     * @throws ByteDumpException naming the first bad token (counted from 1) and its text
     */
    public static byte[] parse(String text) {
        return parse(text, Format.AUTO);
    }

    /**
     * Parses a dump in the given format.
     *
     * @throws ByteDumpException naming the first bad token (counted from 1) and its text
     */
    public static byte[] parse(String text, Format format) {
        if (text == null) {
            throw new ByteDumpException(0, null, "no byte list (null)");
        }
        List<String> tokens = tokens(text);
        Format chosen = format == Format.AUTO ? detect(tokens) : format;
        switch (chosen) {
            case HEX:
                return hexBytes(tokens);
            case SIGNED_DECIMAL:
                return decimalBytes(tokens, -128, 127, "signed decimal bytes run from -128 to 127");
            case UNSIGNED_DECIMAL:
                return decimalBytes(tokens, 0, 255, "unsigned decimal bytes run from 0 to 255");
            default:
                return decimalBytes(tokens, -128, 255, "a decimal byte lies in -128..255");
        }
    }

    /** The bytes as signed decimals separated by single spaces, the ECE listener's form. */
    public static String signedDecimal(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 4);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(bytes[i]);
        }
        return out.toString();
    }

    /** The bytes as two lower-case hex digits each, separated by single spaces. */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder(bytes.length * 3);
        for (int i = 0; i < bytes.length; i++) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(HEX[(bytes[i] >> 4) & 0xF]).append(HEX[bytes[i] & 0xF]);
        }
        return out.toString();
    }

    private static List<String> tokens(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1).strip();
        }
        List<String> tokens = new ArrayList<>();
        if (trimmed.isEmpty()) {
            return tokens;
        }
        for (String token : SEPARATORS.split(trimmed)) {
            if (!token.isEmpty()) {
                tokens.add(token);
            }
        }
        return tokens;
    }

    private static Format detect(List<String> tokens) {
        for (String token : tokens) {
            String lower = token.toLowerCase(Locale.ROOT);
            if (lower.startsWith("0x")) {
                return Format.HEX;
            }
            if (HEX_DIGITS.matcher(lower).matches()) {
                boolean digitsOnly = lower.chars().allMatch(Character::isDigit);
                // a hex letter, a run longer than a decimal byte, or a leading zero ("00", "05", "0010")
                if (!digitsOnly || lower.length() > 4 || (lower.length() > 1 && lower.charAt(0) == '0')) {
                    return Format.HEX;
                }
            }
        }
        return Format.AUTO;
    }

    private static byte[] decimalBytes(List<String> tokens, int min, int max, String range) {
        byte[] out = new byte[tokens.size()];
        int firstNegative = 0;
        int firstHigh = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (!DECIMAL.matcher(token).matches()) {
                throw new ByteDumpException(i + 1, token, "not a decimal byte");
            }
            int value = Integer.parseInt(token);
            if (value < min || value > max) {
                throw new ByteDumpException(i + 1, token, "out of range; " + range);
            }
            if (value < 0 && firstNegative == 0) {
                firstNegative = i + 1;
            }
            if (value > 127 && firstHigh == 0) {
                firstHigh = i + 1;
            }
            if (firstNegative > 0 && firstHigh > 0) {
                throw new ByteDumpException(i + 1, token, "mixes signed and unsigned decimals (token "
                        + firstNegative + " is negative, token " + firstHigh + " is above 127)");
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static byte[] hexBytes(List<String> tokens) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            String digits = token.regionMatches(true, 0, "0x", 0, 2) ? token.substring(2) : token;
            if (digits.isEmpty() || !HEX_DIGITS.matcher(digits).matches()) {
                throw new ByteDumpException(i + 1, token, "not hex");
            }
            if (digits.length() > 2 && digits.length() % 2 != 0) {
                throw new ByteDumpException(i + 1, token, "a run of " + digits.length()
                        + " hex digits is not a whole number of bytes");
            }
            if (digits.length() <= 2) {
                out.write(Integer.parseInt(digits, 16));
            } else {
                for (int d = 0; d < digits.length(); d += 2) {
                    out.write(Integer.parseInt(digits.substring(d, d + 2), 16));
                }
            }
        }
        return out.toByteArray();
    }
}
