package io.tradeport.cloud.mail;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Profile;

/** The development mailbox exists only in the embedded default, and only while no SMTP server is configured. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Profile("embedded")
@ConditionalOnExpression("'${spring.mail.host:}' == ''")
@interface DevMailboxEnabled {
}
