package dev.agentavailability.entrypoint.initialize;

import dev.agentavailability.entrypoint.management.ChatSettings;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.agentavailability.contract.entrypoint.ResponseType;
import java.util.List;

/**
 * The ECE-shaped answer of {@code GET /system/egain/chat/entrypoint/initialize/{entryPointId}}. It never carries
 * agent counts. Off hours it also carries {@code "offHours": true} and {@code "offHoursMessage"} (with responseType
 * 1); otherwise both are left out.
 */
@JsonPropertyOrder({"entryPointId", "checkEligibility", "offHours", "offHoursMessage", "maskingPatterns", "isVideoChatLicensed",
        "isVideoChatEnabled", "videoChatMaxEscalation", "isDirectAudioChatEnabled", "isChatAttachmentEnabled",
        "maxChatAttachmentSize", "isBlackListType", "isOffRecordEnabled", "htmlTagMatcherRegex",
        "htmlTagMatcherIncr", "isOneTagOff"})
public record InitializeResponse(
        @JsonProperty("entryPointId") long entryPointId,
        @JsonProperty("checkEligibility") CheckEligibility checkEligibility,
        @JsonProperty("offHours") @JsonInclude(JsonInclude.Include.NON_NULL) Boolean offHours,
        @JsonProperty("offHoursMessage") @JsonInclude(JsonInclude.Include.NON_NULL) String offHoursMessage,
        @JsonProperty("maskingPatterns") MaskingPatterns maskingPatterns,
        @JsonProperty("isVideoChatLicensed") boolean videoChatLicensed,
        @JsonProperty("isVideoChatEnabled") boolean videoChatEnabled,
        @JsonProperty("videoChatMaxEscalation") int videoChatMaxEscalation,
        @JsonProperty("isDirectAudioChatEnabled") boolean directAudioChatEnabled,
        @JsonProperty("isChatAttachmentEnabled") boolean chatAttachmentEnabled,
        @JsonProperty("maxChatAttachmentSize") long maxChatAttachmentSize,
        @JsonProperty("isBlackListType") boolean blackListType,
        @JsonProperty("isOffRecordEnabled") boolean offRecordEnabled,
        @JsonProperty("htmlTagMatcherRegex") String htmlTagMatcherRegex,
        @JsonProperty("htmlTagMatcherIncr") int htmlTagMatcherIncr,
        @JsonProperty("isOneTagOff") boolean oneTagOff) {

    public record CheckEligibility(@JsonProperty("responseType") int responseType) {
    }

    public record MaskingPatterns(@JsonProperty("maskingPattern") List<ChatSettings.MaskingPattern> maskingPattern) {
    }

    public static InitializeResponse of(long entryPointId, ResponseType responseType, ChatSettings settings) {
        return of(entryPointId, responseType, null, settings);
    }

    /** @param offHoursMessage the message when off hours, else null */
    public static InitializeResponse of(long entryPointId, ResponseType responseType, String offHoursMessage,
            ChatSettings settings) {
        return new InitializeResponse(entryPointId, new CheckEligibility(responseType.code()),
                offHoursMessage == null ? null : Boolean.TRUE, offHoursMessage,
                new MaskingPatterns(settings.maskingPatterns()), settings.videoChatLicensed(),
                settings.videoChatEnabled(), settings.videoChatMaxEscalation(), settings.directAudioChatEnabled(),
                settings.chatAttachmentEnabled(), settings.maxChatAttachmentSize(), settings.blackListType(),
                settings.offRecordEnabled(), settings.htmlTagMatcherRegex(), settings.htmlTagMatcherIncr(),
                settings.oneTagOff());
    }
}
