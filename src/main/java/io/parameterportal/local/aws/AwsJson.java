package io.parameterportal.local.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.inject.Singleton;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;

/** JSON as AWS writes it: PascalCase members ({@code IdentityPoolId}), absent ones left out. */
@Singleton
class AwsJson {

    private final ObjectMapper mapper;

    AwsJson(ObjectMapper json) {
        this.mapper = json.copy()
                .setPropertyNamingStrategy(PropertyNamingStrategies.UPPER_CAMEL_CASE)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    /** @throws AwsError {@code SerializationException} for a body that is not the operation's JSON */
    <T> T read(AwsRequest request, Class<T> type) {
        byte[] body = request.body().getBytes();
        try {
            T value = mapper.readValue(body.length == 0 ? "{}".getBytes(StandardCharsets.UTF_8) : body, type);
            if (value == null) {
                throw new AwsError("SerializationException", "The request body is not a JSON object.");
            }
            return value;
        } catch (IOException e) {
            throw new AwsError("SerializationException", "The request body is not the JSON this operation takes.");
        }
    }

    String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write an AWS answer as JSON", e);
        }
    }
}
