package io.tradeport.cloud.webapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param requestsPerSecond sustained requests per second per API client (or user), per node
 * @param burst requests a caller may send at once before the rate applies
 * @param maxRequestBytes larger request bodies are refused with 413
 */
@ConfigurationProperties("tradeport.webapi")
record WebApiSettings(@DefaultValue("100") double requestsPerSecond, @DefaultValue("200") int burst,
		@DefaultValue("1048576") long maxRequestBytes) {
}
