package io.tradeport.cloud.platforms;

/** The outcome of a "Test" button: {@code ok} and what was found, or why it failed, in words for the admin. */
public record ConnectionCheck(boolean ok, String message) {
}
