package dev.agentavailability.rest.input;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;

/**
 * A request body with the same key twice ({"reasonCode": 1, "reasonCode": 2}) is refused as malformed (400):
 * which value was meant cannot be known, and taking either would be a silent guess.
 */
@Singleton
public class StrictDuplicateKeys implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    }
}
