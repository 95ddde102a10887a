package io.tradeport.cloud.identity;

import java.time.Instant;

/** Published for every token the token endpoint issues (synchronously; listeners must be cheap). */
public record TokenIssued(String clientId, String grantType, Instant at) {
}
