package dev.agentavailability.entrypoint.initialize;

import java.util.List;

/**
 * The chat settings an initialize answer carries. Every entry point has the defaults for now; later versions store
 * them per entry point.
 */
public record ChatSettings(List<MaskingPattern> maskingPatterns, boolean videoChatLicensed, boolean videoChatEnabled,
        int videoChatMaxEscalation, boolean directAudioChatEnabled, boolean chatAttachmentEnabled,
        long maxChatAttachmentSize, boolean blackListType, boolean offRecordEnabled, String htmlTagMatcherRegex,
        int htmlTagMatcherIncr, boolean oneTagOff) {

    public static final ChatSettings DEFAULTS = new ChatSettings(List.of(), false, false, 0, false, false, 0, false,
            false, "<[^>]*>", 0, false);

    public ChatSettings {
        maskingPatterns = List.copyOf(maskingPatterns);
    }

    /** One data-masking rule applied to chat text. */
    public record MaskingPattern(String regEx, String maskingChar, int charToRetainLeft, int charToRetainRight,
            int luhnAlgo) {
    }
}
