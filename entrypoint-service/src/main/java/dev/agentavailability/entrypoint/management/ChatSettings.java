package dev.agentavailability.entrypoint.management;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The chat settings of an entry point, under their ECE names: given in {@code PUT /entry-points/{id}} as
 * {@code chatSettings}, stored as JSON and echoed by the initialize answer. A field left out takes its default.
 */
@JsonPropertyOrder({"maskingPatterns", "isVideoChatLicensed", "isVideoChatEnabled", "videoChatMaxEscalation",
        "isDirectAudioChatEnabled", "isChatAttachmentEnabled", "maxChatAttachmentSize", "isBlackListType",
        "isOffRecordEnabled", "htmlTagMatcherRegex", "htmlTagMatcherIncr", "isOneTagOff"})
public record ChatSettings(
        @JsonProperty("maskingPatterns") @Size(max = 100) List<@NotNull @Valid MaskingPattern> maskingPatterns,
        @JsonProperty("isVideoChatLicensed") boolean videoChatLicensed,
        @JsonProperty("isVideoChatEnabled") boolean videoChatEnabled,
        @JsonProperty("videoChatMaxEscalation") @PositiveOrZero int videoChatMaxEscalation,
        @JsonProperty("isDirectAudioChatEnabled") boolean directAudioChatEnabled,
        @JsonProperty("isChatAttachmentEnabled") boolean chatAttachmentEnabled,
        @JsonProperty("maxChatAttachmentSize") @PositiveOrZero long maxChatAttachmentSize,
        @JsonProperty("isBlackListType") boolean blackListType,
        @JsonProperty("isOffRecordEnabled") boolean offRecordEnabled,
        @JsonProperty("htmlTagMatcherRegex") @Size(max = 1000) String htmlTagMatcherRegex,
        @JsonProperty("htmlTagMatcherIncr") @PositiveOrZero int htmlTagMatcherIncr,
        @JsonProperty("isOneTagOff") boolean oneTagOff) {

    public static final String DEFAULT_HTML_TAG_MATCHER_REGEX = "<[^>]*>";

    public static final ChatSettings DEFAULTS = new ChatSettings(List.of(), false, false, 0, false, false, 0, false,
            false, DEFAULT_HTML_TAG_MATCHER_REGEX, 0, false);

    public ChatSettings {
        maskingPatterns = maskingPatterns == null ? List.of() : List.copyOf(maskingPatterns);
        htmlTagMatcherRegex = htmlTagMatcherRegex == null ? DEFAULT_HTML_TAG_MATCHER_REGEX : htmlTagMatcherRegex;
    }

    /** One data-masking rule applied to chat text. */
    @JsonPropertyOrder({"regEx", "maskingChar", "charToRetainLeft", "charToRetainRight", "luhnAlgo"})
    public record MaskingPattern(
            @JsonProperty("regEx") @NotBlank @Size(max = 1000) String regEx,
            @JsonProperty("maskingChar") @NotNull @Size(min = 1, max = 1) String maskingChar,
            @JsonProperty("charToRetainLeft") @PositiveOrZero int charToRetainLeft,
            @JsonProperty("charToRetainRight") @PositiveOrZero int charToRetainRight,
            @JsonProperty("luhnAlgo") @PositiveOrZero @Max(1) int luhnAlgo) {
    }
}
