package io.tradeport.cloud.mail;

public record OutgoingMail(String to, String subject, String text) {
}
